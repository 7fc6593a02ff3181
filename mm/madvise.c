// SPDX-License-Identifier: GPL-2.0
/*
 * mm/madvise.c @ v4.14: advice about a range of memory.  Two have an
 * effect here: MADV_DONTNEED -- the pages go (zap_page_range()) and the
 * next touch faults afresh, a zero page or the file's page again -- and
 * v5.4's MADV_PAGEOUT: the range's anonymous pages go out to swap now
 * (reclaim_pages()), and the next touch brings each back in.
 */
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/page-flags.h>
#include <linux/rmap.h>
#include <linux/sched.h>
#include <linux/swap.h>
#include <asm/pgtable.h>

/*
 * mm/madvise.c: madvise_pageout() -> madvise_cold_or_pageout_pte_range()
 * @ v5.4: pmd by pmd, under the page table lock once, each anonymous page
 * of [@addr, @end) that this process alone maps is isolated from its LRU
 * list, and the pmd's lot is reclaimed (a page shared with a fork partner
 * stays: paging it out is not this process's call).  Pages not in RAM,
 * the zero page, page-cache pages are left.
 */
static void madvise_pageout(struct vm_area_struct *vma, unsigned long addr, unsigned long end)
{
	struct mm_struct *mm = vma->vm_mm;

	while (addr < end) {
		unsigned long next = (addr + PGDIR_SIZE) & PGDIR_MASK;
		pmd_t *pmd = mm_find_pmd(mm, addr);
		LIST_HEAD(page_list);

		if (!next || next > end)
			next = end;
		if (!pmd) {
			addr = next;
			continue;
		}
		spin_lock(&mm->page_table_lock);
		for (const pte_t *pte = pte_offset_kernel(pmd, addr); addr < next;
		     addr += PAGE_SIZE, pte++) {
			struct page *page;

			if (!pte_present(*pte) || is_zero_pfn(pte_pfn(*pte)))
				continue;
			page = pfn_to_page(pte_pfn(*pte));
			if (PageAnon(page) && page_mapcount(page) == 1 && !isolate_lru_page(page))
				list_add(&page->lru, &page_list);
		}
		spin_unlock(&mm->page_table_lock);
		reclaim_pages(&page_list);
	}
}

/**
 * sys_madvise() - advise the kernel about a range of the caller's memory
 * @start: the start, page aligned
 * @len: the length (rounded up to pages)
 * @behavior: MADV_NORMAL, MADV_RANDOM, MADV_SEQUENTIAL, MADV_WILLNEED, MADV_DONTNEED
 *            or MADV_PAGEOUT
 *
 * mm/madvise.c: sys_madvise() @ v4.14.  The read-ahead hints are
 * accepted and change nothing (there is no disk to read ahead from).
 *
 * Return: 0, or -EINVAL, -ENOMEM (part of the range is not mapped; the
 * rest was advised, as Linux does).
 */
long sys_madvise(unsigned long start, size_t len, int behavior)
{
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *vma;
	unsigned long end;
	long unmapped_error = 0;

	if ((behavior < MADV_NORMAL || behavior > MADV_DONTNEED) && behavior != MADV_PAGEOUT)
		return -EINVAL;
	if (start & ~PAGE_MASK)
		return -EINVAL;
	len = PAGE_ALIGN(len);
	end = start + len;
	if (end < start)
		return -EINVAL;
	if (end == start)
		return 0;
	down_read(&mm->mmap_sem);
	vma = find_vma(mm, start);
	for (;;) {
		unsigned long tmp;

		if (!vma) {
			unmapped_error = -ENOMEM;
			break;
		}
		if (start < vma->vm_start) {
			unmapped_error = -ENOMEM;
			start = vma->vm_start;
			if (start >= end)
				break;
		}
		tmp = min(vma->vm_end, end);
		if (behavior == MADV_DONTNEED)
			zap_page_range(vma, start, tmp - start); /* madvise_dontneed() */
		else if (behavior == MADV_PAGEOUT)
			madvise_pageout(vma, start, tmp);
		start = tmp;
		if (start >= end)
			break;
		vma = vma->vm_next;
	}
	up_read(&mm->mmap_sem);
	return unmapped_error;
}
