// SPDX-License-Identifier: GPL-2.0
/*
 * mm/rmap.c @ v3.14, the walkers that change ptes: page_referenced() (has
 * any process touched the page since last asked?) and try_to_unmap()
 * (every pte that maps it becomes a swap or migration entry).  Linux
 * keeps them in mm/rmap.c; here they sit apart, because mm/rmap.c builds
 * for the host tests and these write ptes and flush TLBs.
 *
 * ARM has no hardware accessed bit.  Linux gives each pte a software
 * L_PTE_YOUNG and withholds the hardware pte while it is clear, so the
 * next access faults and handle_pte_fault() sets it (pte_mkyoung()).
 * page_referenced() reads and clears it -- pte_mkold() writes the
 * hardware pte as a fault entry -- and the TLB entry goes, so the next
 * access is seen:
 *
 *   pte young --page_referenced()--> old (hw pte 0) --access: fault--> young
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/page-flags.h>
#include <linux/rmap.h>
#include <linux/swap.h>
#include <linux/swapops.h>
#include <asm/pgalloc.h>

struct rmap_arg {
	struct page *page;
	unsigned int count; /* page_referenced(): young ptes met */
	unsigned int flags; /* try_to_unmap(): enum ttu_flags */
};

/*
 * mm/rmap.c: page_referenced_one() @ v3.14: if the pte of @vma at
 * @address maps the page and is young, it is made old, its TLB entry
 * flushed, and counted
 */
static int page_referenced_one(struct vm_area_struct *vma, unsigned long address, void *arg)
{
	struct rmap_arg *ra = arg;
	struct mm_struct *mm = vma->vm_mm;
	pte_t *pte;

	spin_lock(&mm->page_table_lock);
	pte = page_check_address(ra->page, mm, address);
	if (pte && pte_young(*pte)) { /* ptep_clear_flush_young() */
		set_pte_at(mm, address, pte, pte_mkold(*pte));
		flush_tlb_page(vma, address);
		ra->count++;
	}
	spin_unlock(&mm->page_table_lock);
	return 0;
}

/**
 * page_referenced() - how many ptes have touched a page since it was last asked
 * @page: an anonymous page the caller holds
 *
 * mm/rmap.c: page_referenced() -> page_referenced_anon() @ v3.14: every
 * young pte that maps it is counted and made old (test and clear).
 *
 * Return: that count; 0 for a page nothing maps.
 */
unsigned int page_referenced(struct page *page)
{
	struct rmap_arg ra = { .page = page };

	if (!page_mapped(page))
		return 0;
	rmap_walk_anon(page, page_referenced_one, &ra);
	return ra.count;
}

/*
 * mm/rmap.c: try_to_unmap_one() @ v3.14: if @vma maps the page at
 * @address, the pte becomes a migration entry (TTU_MIGRATION) or the swap
 * entry of the page's slot (TTU_UNMAP: the slot counts one more pte, the
 * process one page fewer in RAM and one more swapped), and the mapping's
 * count and reference go.  A dirty pte makes the page dirty (its bytes
 * are to be written).  For swap, a young pte -- touched since
 * page_referenced() asked -- stops the walk: the page is in use (unless
 * TTU_IGNORE_ACCESS: MADV_PAGEOUT asked for exactly this page).
 */
static int try_to_unmap_one(struct vm_area_struct *vma, unsigned long address, void *arg)
{
	struct rmap_arg *ra = arg;
	struct page *page = ra->page;
	struct mm_struct *mm = vma->vm_mm;
	int ret = 0;
	swp_entry_t entry;
	pte_t *pte;

	spin_lock(&mm->page_table_lock);
	pte = page_check_address(page, mm, address);
	if (!pte)
		goto out;
	if (ra->flags & TTU_MIGRATION) {
		entry = make_migration_entry(page, pte_write(*pte));
	} else {
		if (!(ra->flags & TTU_IGNORE_ACCESS) && pte_young(*pte)) {
			set_pte_at(mm, address, pte, pte_mkold(*pte));
			flush_tlb_page(vma, address);
			ret = 1;
			goto out;
		}
		entry.val = page->private;
		if (swap_duplicate(entry)) {
			ret = 1;
			goto out;
		}
		if (list_empty(&mm->mmlist)) { /* its first swap entry: swapoff must look here */
			spin_lock(&mmlist_lock);
			if (list_empty(&mm->mmlist))
				list_add(&mm->mmlist, &init_mm.mmlist);
			spin_unlock(&mmlist_lock);
		}
		add_mm_counter(mm, MM_ANONPAGES, -1);
		add_mm_counter(mm, MM_SWAPENTS, 1);
	}
	if (pte_dirty(*pte))
		SetPageDirty(page);
	set_pte_at(mm, address, pte, swp_entry_to_pte(entry));
	flush_tlb_page(vma, address);
	page_remove_rmap(page);
	put_page(page); /* not the last: the caller holds one */
out:
	spin_unlock(&mm->page_table_lock);
	return ret;
}

/**
 * try_to_unmap() - turn every pte that maps a page into a swap or migration entry
 * @page: an anonymous page, locked, referenced by the caller; for
 *        TTU_UNMAP in the swap cache (add_to_swap())
 * @flags: TTU_UNMAP (swap, maybe | TTU_IGNORE_ACCESS) or TTU_MIGRATION
 *
 * mm/rmap.c: try_to_unmap() -> try_to_unmap_anon() @ v3.14.
 *
 * Return: true when no pte maps the page any more (SWAP_SUCCESS).
 */
bool try_to_unmap(struct page *page, unsigned int flags)
{
	struct rmap_arg ra = { .page = page, .flags = flags };

	rmap_walk_anon(page, try_to_unmap_one, &ra);
	return !page_mapped(page);
}
