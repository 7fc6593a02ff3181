/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_RMAP_H
#define _LINUX_RMAP_H

/*
 * include/linux/rmap.h @ v2.6.9 (the anon_vma) + v4.14 (the counts): the
 * reverse map of anonymous pages -- from a page to every pte that maps it.
 *
 *   page->mapping = anon_vma | PAGE_MAPPING_ANON    page->index = its page
 *                      |                            number in the address
 *   anon_vma->head: VMA <-> VMA <-> VMA ...         space (linear_page_index)
 *                   (the process's, its fork children's, the pieces a split
 *                    left: every VMA the page may be mapped in)
 *
 * For each VMA on the list, vm_start + (index - vm_pgoff) pages is where
 * the page would be; the pte there says whether it is.  This is the
 * anon_vma Linux had from 2.6.9 to 2.6.33: one per family of VMAs that
 * fork() and splits made from one another.  Its weakness -- every VMA
 * a page's family ever had is walked, though the page lives in few --
 * is why 2.6.34 gave each VMA a chain of anon_vmas (anon_vma_chain).
 */
#include <linux/list.h>
#include <linux/mm_types.h>
#include <linux/spinlock.h>

/* include/linux/rmap.h: struct anon_vma @ v2.6.9 (its lock: mm/rmap.c's anon_vma_lock) */
struct anon_vma {
	struct list_head head; /* the VMAs, through vm_area_struct.anon_vma_node */
	struct list_head all;  /* a9mm: on the list of live ones (rmap_walk_anon_unreferenced()) */
	int refcount;	       /* v2.6.32's: holders beyond its VMAs (migration), under the lock */
};

/*
 * include/linux/rmap.h: page_dup_rmap() @ v4.14: fork()'s copy maps the
 * page once more; it is already counted as mapped
 */
static inline void page_dup_rmap(struct page *page)
{
	__atomic_add_fetch(&page->_mapcount, 1, __ATOMIC_RELAXED);
}

/* mm/rmap.c: the anon_vma of a VMA */
void anon_vma_init(void);
int anon_vma_prepare(struct vm_area_struct *vma);
void anon_vma_link(struct vm_area_struct *vma, struct anon_vma *anon_vma);
void __anon_vma_link(struct vm_area_struct *vma);
void anon_vma_unlink(struct vm_area_struct *vma);
void anon_vma_lock_write(struct anon_vma *anon_vma);
void anon_vma_unlock_write(struct anon_vma *anon_vma);
unsigned long nr_anon_vmas(void);

/* mm/rmap.c: the mapping counts and the zone counters they move */
void __page_set_anon_rmap(struct page *page, struct vm_area_struct *vma, unsigned long address);
void page_add_new_anon_rmap(struct page *page, struct vm_area_struct *vma, unsigned long address);
void page_add_file_rmap(struct page *page);
void page_add_anon_rmap(struct page *page);
void page_remove_rmap(struct page *page);

/* mm/rmap.c: from a page to its VMAs and ptes */
struct anon_vma *page_anon_vma(const struct page *page);
unsigned long vma_address(const struct page *page, const struct vm_area_struct *vma);
int rmap_walk_anon(struct page *page,
		   int (*fn)(struct vm_area_struct *vma, unsigned long address, void *arg),
		   void *arg);
int rmap_walk_anon_unreferenced(struct page *page,
				int (*fn)(struct vm_area_struct *vma, unsigned long address,
					  void *arg),
				void *arg);
int rmap_walk_anon_held(struct page *page,
			int (*fn)(struct vm_area_struct *vma, unsigned long address, void *arg),
			void *arg);
struct anon_vma *page_get_anon_vma(struct page *page);
void put_anon_vma(struct anon_vma *anon_vma);
/* include/linux/rmap.h: enum ttu_flags @ v3.14, the actions and the modifier a9mm has */
enum ttu_flags {
	TTU_UNMAP = 0,	       /* reclaim: a swap entry of the page's slot */
	TTU_MIGRATION = 1,     /* migration: a migration entry */
	TTU_IGNORE_ACCESS = 2, /* reclaim: unmap a young pte too (MADV_PAGEOUT) */
};

/* mm/rmap_ptes.c: the walks that change ptes */
unsigned int page_referenced(struct page *page);
bool try_to_unmap(struct page *page, unsigned int flags);

pmd_t *mm_find_pmd(struct mm_struct *mm, unsigned long address);
pte_t *page_check_address(struct page *page, struct mm_struct *mm, unsigned long address);

#endif
