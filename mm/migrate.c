// SPDX-License-Identifier: GPL-2.0
/*
 * mm/migrate.c @ v3.14: an anonymous page moves to another page frame
 * under the processes that map it -- what compaction does with every page
 * it isolated (mm/compaction.c).  The processes see the same bytes at the
 * same addresses; only the pfn behind their ptes changes.
 *
 *   try_to_unmap()            every pte of the old page becomes a migration
 *                             entry (linux/swapops.h): old pfn, writable?
 *   page_count(old) == 1 ?    nobody else holds it (only the ptes did, and
 *                             we do): else put the ptes back and give up
 *   migrate_page_copy()       bytes, ->mapping (the anon_vma), ->index
 *   remove_migration_ptes()   every entry becomes a pte of the new page
 *   put_page(old)             its last reference: back to the buddy lists
 *
 * A process touching the page meanwhile faults on the entry and waits
 * (migration_entry_wait()).  Both pages are locked (PG_locked) across the
 * move, as in Linux: while the ptes come and go one by one, _mapcount
 * counts fewer than there are, and do_wp_page() must not take a page for
 * its own on that count -- it copies a locked page instead.  Linux sleeps
 * on the lock (a fault on an entry too); a9mm only tries it, and a page
 * moves with preemption off, start to end: a fault on another CPU spins
 * for the few thousand instructions of one page's move, and on this CPU
 * none can come.  A copy_to_user() under way holds a reference
 * (mm/gup.c), which the count check sees.
 */
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/list.h>
#include <linux/migrate.h>
#include <linux/mm.h>
#include <linux/page-flags.h>
#include <linux/preempt.h>
#include <linux/rmap.h>
#include <linux/swap.h>
#include <linux/swapops.h>
#include <linux/vmstat.h>
#include <asm/barrier.h>
#include <asm/pgalloc.h>
#include <string.h>

struct migration_pair {
	struct page *old; /* the page the entries name */
	struct page *new; /* the page they become ptes of (old itself when it failed) */
};

/*
 * mm/migrate.c: remove_migration_pte() @ v3.14: at @address of @vma, a
 * migration entry naming the old page becomes a pte of the new one --
 * old (not young: the next touch notes it), writable and dirty if the
 * entry says the pte was writable
 */
static int remove_migration_pte(struct vm_area_struct *vma, unsigned long address, void *arg)
{
	struct migration_pair *mp = arg;
	struct mm_struct *mm = vma->vm_mm;
	swp_entry_t entry;
	pte_t *ptep, pte;
	pmd_t *pmd;

	spin_lock(&mm->page_table_lock);
	pmd = mm_find_pmd(mm, address);
	if (!pmd)
		goto unlock;
	ptep = pte_offset_kernel(pmd, address);
	entry = pte_to_swp_entry(*ptep);
	if (!is_swap_pte(*ptep) || !is_migration_entry(entry) ||
	    migration_entry_to_page(entry) != mp->old)
		goto unlock;
	get_page(mp->new);
	pte = pte_mkold(pfn_pte(page_to_pfn(mp->new), vma->vm_page_prot));
	if (is_write_migration_entry(entry))
		pte = pte_mkwrite(pte_mkdirty(pte));
	set_pte_at(mm, address, ptep, pte);
	page_add_anon_rmap(mp->new);
unlock:
	spin_unlock(&mm->page_table_lock);
	return 0;
}

/**
 * remove_migration_ptes() - turn the migration entries of a page into ptes
 * @old: the page the entries name
 * @new: the page the ptes are to map: @old itself when the move failed;
 *       its ->mapping is @old's, whose anon_vma the caller holds
 *
 * mm/migrate.c: remove_migration_ptes() @ v3.14.
 */
void remove_migration_ptes(struct page *old, struct page *new)
{
	struct migration_pair mp = { .old = old, .new = new };

	rmap_walk_anon_held(new, remove_migration_pte, &mp);
}

/**
 * migration_entry_wait() - wait while a pte holds a migration entry
 * @ptep: the pte, read without its lock (a word: it changes whole)
 * @entry: the migration entry the fault found there
 *
 * mm/migrate.c: migration_entry_wait() @ v3.14, which sleeps on the old
 * page's lock.  a9mm's move runs with preemption off on another CPU
 * (this one cannot be inside it), so the entry goes within one page's
 * move: spin until it has; the fault is then retried.
 */
void migration_entry_wait(pte_t *ptep, pte_t entry)
{
	while (READ_ONCE(*ptep) == entry)
		cpu_relax();
}

/*
 * mm/migrate.c: migrate_page_copy() @ v3.14: the bytes, and what the
 * reverse map reads: ->mapping (anon_vma | PAGE_MAPPING_ANON), ->index
 */
static void migrate_page_copy(struct page *new, struct page *old)
{
	char *to = kmap_atomic(new), *from = kmap_atomic(old);

	memcpy(to, from, PAGE_SIZE);
	kunmap_atomic(from);
	kunmap_atomic(to);
	new->index = old->index;
	WRITE_ONCE(new->mapping, old->mapping);
	if (TestClearPageActive(old)) /* the LRU list it goes back to */
		SetPageActive(new);
	SetPageSwapBacked(new); /* move_to_new_page(): anonymous, as the old one */
}

/*
 * mm/migrate.c: __unmap_and_move() + move_to_new_page() @ v3.14: move
 * @page to @newpage, both locked (a page locked already -- do_wp_page()
 * deciding on it -- is tried again later, as async migration does).  The
 * count is read with acquire: a copy_to_user() that just dropped its
 * reference has its bytes in the page before the copy reads them.
 * 0: moved (the old page holds only the caller's reference now);
 * -EAGAIN: locked, or someone else holds it: it stays where it is;
 * -ENOENT: nothing maps it any more (its owner unmapped it meanwhile).
 */
static int unmap_and_move(struct page *page, struct page *newpage)
{
	struct anon_vma *anon_vma;
	int rc = -EAGAIN;
	bool locked;

	if (!trylock_page(page))
		return -EAGAIN;
	anon_vma = page_get_anon_vma(page);
	if (!anon_vma) {
		unlock_page(page);
		return -ENOENT;
	}
	locked = trylock_page(newpage);
	BUG_ON(!locked); /* a free page: nobody else has it */
	preempt_disable();
	if (try_to_unmap(page, TTU_MIGRATION) &&
	    __atomic_load_n(&page->_count, __ATOMIC_ACQUIRE) == 1) {
		migrate_page_copy(newpage, page);
		rc = 0;
	}
	remove_migration_ptes(page, rc ? page : newpage);
	preempt_enable();
	unlock_page(newpage);
	unlock_page(page);
	put_anon_vma(anon_vma);
	return rc;
}

/**
 * migrate_pages() - move a list of isolated anonymous pages
 * @from: the pages, each referenced by the caller, linked through ->lru
 * @get_new_page: gives a free order-0 page to move one into (NULL: none left)
 * @put_new_page: takes back a page that was not used
 * @private: passed to both
 *
 * mm/migrate.c: migrate_pages() @ v3.14 (put_new_page is v3.16's): a page
 * that moved leaves the list and is freed; one that could not stays on
 * it for the caller to put back, after up to ten passes (a reference
 * held elsewhere -- a copy_to_user() -- goes soon).  A page nothing maps
 * any more is freed and counts as neither.
 *
 * Return: the pages not moved, or -ENOMEM when @get_new_page ran out.
 */
int migrate_pages(struct list_head *from, new_page_t get_new_page, free_page_t put_new_page,
		  unsigned long private)
{
	unsigned long moved = 0;
	int retry = 1;

	for (int pass = 0; pass < 10 && retry; pass++) {
		struct page *page, *next;

		retry = 0;
		list_for_each_entry_safe(page, next, from, lru) {
			struct page *newpage = get_new_page(page, private);
			int rc;

			if (!newpage) {
				count_vm_events(PGMIGRATE_SUCCESS, (long)moved);
				return -ENOMEM;
			}
			rc = unmap_and_move(page, newpage);
			if (rc == -EAGAIN) {
				put_new_page(newpage, private);
				retry++;
				continue;
			}
			list_del(&page->lru);
			if (rc) {
				put_new_page(newpage, private);
				putback_lru_page(page); /* unmapped: its last holder frees it */
			} else {
				moved++;
				putback_lru_page(newpage); /* onto the LRU; its ptes hold it now */
				put_page(page);		   /* moved: this frees it */
			}
		}
	}
	count_vm_events(PGMIGRATE_SUCCESS, (long)moved);
	count_vm_events(PGMIGRATE_FAIL, retry);
	return retry;
}

/**
 * putback_movable_pages() - give back isolated pages migration left
 * @l: the list
 *
 * mm/migrate.c: putback_movable_pages() @ v3.14: each back onto its LRU
 * list, isolation's reference dropped.
 */
void putback_movable_pages(struct list_head *l)
{
	struct page *page, *next;

	list_for_each_entry_safe(page, next, l, lru) {
		list_del(&page->lru);
		putback_lru_page(page);
	}
}
