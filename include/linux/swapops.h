/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_SWAPOPS_H
#define _LINUX_SWAPOPS_H

/*
 * include/linux/swapops.h @ v3.14: swap entries -- what a pte holds while
 * its page is elsewhere -- and the one kind a9mm makes, the migration
 * entry.  While mm/migrate.c copies a page to a new one, every pte that
 * mapped it holds a migration entry naming the old page's pfn and whether
 * the pte was writable; a fault on it waits until the move is done
 * (migration_entry_wait()), and the entry then becomes a pte of the new
 * page (remove_migration_ptes()).
 *
 * Linux's generic swp_entry_t packs the type above the offset and the
 * arch converts; a9mm's is the arch's layout itself (asm/pgtable.h).
 * The types: swap files 0 .. MAX_SWAPFILES - 1 (none yet), then the two
 * migration types, the last of the 32 that five type bits give.
 */
#include <linux/mm.h>
#include <asm/pgtable.h>

typedef struct {
	unsigned long val;
} swp_entry_t;

#define MAX_SWAPFILES_SHIFT 5
#define SWP_MIGRATION_NUM   2
#define MAX_SWAPFILES	    ((1 << MAX_SWAPFILES_SHIFT) - SWP_MIGRATION_NUM)
#define SWP_MIGRATION_READ  (MAX_SWAPFILES)
#define SWP_MIGRATION_WRITE (MAX_SWAPFILES + 1)

/* include/linux/swapops.h: swp_entry(), swp_type(), swp_offset() @ v3.14 */
static inline swp_entry_t swp_entry(unsigned long type, unsigned long offset)
{
	return (swp_entry_t){ __swp_entry(type, offset) };
}

static inline unsigned int swp_type(swp_entry_t entry)
{
	return __swp_type(entry.val);
}

static inline unsigned long swp_offset(swp_entry_t entry)
{
	return __swp_offset(entry.val);
}

/* include/linux/swapops.h: is_swap_pte() @ v3.14: neither none nor present */
static inline bool is_swap_pte(pte_t pte)
{
	return !pte_none(pte) && !pte_present(pte);
}

/* include/linux/swapops.h: pte_to_swp_entry(), swp_entry_to_pte() @ v3.14 */
static inline swp_entry_t pte_to_swp_entry(pte_t pte)
{
	return (swp_entry_t){ pte };
}

static inline pte_t swp_entry_to_pte(swp_entry_t entry)
{
	return (pte_t)entry.val;
}

/* include/linux/swapops.h: make_migration_entry() @ v3.14: the page, and whether writable */
static inline swp_entry_t make_migration_entry(struct page *page, bool write)
{
	return swp_entry(write ? SWP_MIGRATION_WRITE : SWP_MIGRATION_READ, page_to_pfn(page));
}

/* include/linux/swapops.h: is_migration_entry(), is_write_migration_entry() @ v3.14 */
static inline bool is_migration_entry(swp_entry_t entry)
{
	return swp_type(entry) == SWP_MIGRATION_READ || swp_type(entry) == SWP_MIGRATION_WRITE;
}

static inline bool is_write_migration_entry(swp_entry_t entry)
{
	return swp_type(entry) == SWP_MIGRATION_WRITE;
}

/* include/linux/swapops.h: make_migration_entry_read() @ v3.14 (fork, mprotect) */
static inline void make_migration_entry_read(swp_entry_t *entry)
{
	*entry = swp_entry(SWP_MIGRATION_READ, swp_offset(*entry));
}

/* include/linux/swapops.h: migration_entry_to_page() @ v3.14 */
static inline struct page *migration_entry_to_page(swp_entry_t entry)
{
	return pfn_to_page(swp_offset(entry));
}

#endif
