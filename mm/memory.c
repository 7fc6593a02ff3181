// SPDX-License-Identifier: GPL-2.0
/*
 * mm/memory.c @ v4.14, the page-table half that comes before faults:
 * a pte page where a user address needs one (__pte_alloc()), a user pte
 * written with its non-global bit (set_pte_at()), and the tables of a
 * range freed again (free_pgd_range()).
 */
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/mm_types.h>
#include <asm/pgalloc.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <string.h>
#include <asm/tlbflush.h>

/**
 * __pte_alloc() - give an empty user pmd pair a pte page
 * @mm: the address space
 * @pmd: the pair
 *
 * mm/memory.c: __pte_alloc() @ v4.14: allocated without the lock, hooked
 * in under mm->page_table_lock -- unless another thread was quicker.
 *
 * Return: 0, or -ENOMEM.
 */
int __pte_alloc(struct mm_struct *mm, pmd_t *pmd)
{
	pte_t *new = pte_alloc_one(mm);

	if (!new)
		return -ENOMEM;
	spin_lock(&mm->page_table_lock);
	if (pmd_none(*pmd)) {
		atomic_inc(&mm->nr_ptes);
		pmd_populate(mm, pmd, new);
		new = NULL;
	}
	spin_unlock(&mm->page_table_lock);
	if (new)
		pte_free(mm, new);
	return 0;
}

/**
 * set_pte_at() - write a pte of @mm
 * @mm: the address space
 * @addr: the address it maps
 * @ptep: where (pte_offset_kernel() of its pmd)
 * @pte: the Linux pte
 *
 * arch/arm/include/asm/pgtable.h: set_pte_at() @ v4.14: below TASK_SIZE
 * a present user pte is non-global (PTE_EXT_NG), so the TLB keeps it
 * under the ASID of @mm only.
 */
void set_pte_at(struct mm_struct *mm, unsigned long addr, pte_t *ptep, pte_t pte)
{
	unsigned int ext = 0;

	if (addr < TASK_SIZE && pte_present(pte) && (pte & L_PTE_USER))
		ext |= PTE_EXT_NG;
	set_pte_ext(ptep, pte, ext);
}

/**
 * free_pgd_range() - free the pte pages of a user range
 * @mm: the address space, which no CPU is to use for @addr..@end any more
 * @addr: the start (PGDIR_SIZE aligned)
 * @end: the end
 *
 * mm/memory.c: free_pgd_range() -> free_pte_range() @ v4.14, without the
 * mmu_gather (the TLB of the whole ASID is flushed after).
 */
void free_pgd_range(struct mm_struct *mm, unsigned long addr, unsigned long end)
{
	for (; addr < end && addr < TASK_SIZE; addr += PGDIR_SIZE) {
		pmd_t *pmd = pmd_offset(pud_offset(pgd_offset(mm, addr), addr), addr);

		if (pmd_none(*pmd))
			continue;
		pte_free(mm, pmd_page_vaddr(*pmd));
		pmd_clear(pmd);
		atomic_dec(&mm->nr_ptes);
	}
	if (atomic64_read(&mm->context.id))
		__flush_tlb_asid(ASID(mm));
}

/*
 * mm/memory.c: copy_pte_range() @ v4.14, eagerly: every page @src maps is
 * copied into a new page mapped at the same address with the same bits
 * in @dst (copy-on-write, sharing them read-only, comes with step 5)
 */
static int copy_pte_range(struct mm_struct *dst, struct mm_struct *src, pmd_t *src_pmd,
			  unsigned long addr)
{
	pte_t *src_pte = pmd_page_vaddr(*src_pmd);
	pmd_t *dst_pmd = pmd_offset(pud_offset(pgd_offset(dst, addr), addr), addr);
	unsigned int i;

	if (__pte_alloc(dst, dst_pmd))
		return -ENOMEM;
	for (i = 0; i < PTRS_PER_PTE; i++, addr += PAGE_SIZE) {
		pte_t pte = src_pte[i];
		struct page *page;
		void *from, *to;

		if (!pte_present(pte))
			continue;
		page = alloc_pages(GFP_HIGHUSER_MOVABLE, 0);
		if (!page)
			return -ENOMEM;
		from = kmap_atomic(pfn_to_page(pte_pfn(pte)));
		to = kmap_atomic(page);
		memcpy(to, from, PAGE_SIZE);
		kunmap_atomic(to);
		kunmap_atomic(from);
		page->_mapcount = 0;
		atomic_inc(&dst->rss_stat.count[MM_ANONPAGES]);
		set_pte_at(dst, addr, pte_offset_kernel(dst_pmd, addr),
			   pfn_pte(page_to_pfn(page), pte & ~PAGE_MASK));
	}
	return 0;
}

/**
 * dup_mm() - a copy of an address space, for fork()
 * @oldmm: the parent's
 *
 * kernel/fork.c: dup_mm() -> dup_mmap() -> mm/memory.c: copy_page_range()
 * @ v4.14, over the page tables (there are no VMAs yet) and copying
 * every page now.
 *
 * Return: the new mm, or NULL without memory (nothing leaks).
 */
struct mm_struct *dup_mm(struct mm_struct *oldmm)
{
	struct mm_struct *mm = mm_alloc();
	unsigned long addr;

	if (!mm)
		return NULL;
	mm->start_code = oldmm->start_code;
	mm->end_code = oldmm->end_code;
	mm->start_data = oldmm->start_data;
	mm->end_data = oldmm->end_data;
	mm->start_brk = oldmm->start_brk;
	mm->brk = oldmm->brk;
	mm->start_stack = oldmm->start_stack;
	mm->arg_start = oldmm->arg_start;
	mm->arg_end = oldmm->arg_end;
	for (addr = 0; addr < TASK_SIZE; addr += PGDIR_SIZE) {
		pmd_t *pmd = pmd_offset(pud_offset(pgd_offset(oldmm, addr), addr), addr);

		if (pmd_none(*pmd) || !pmd_table(*pmd))
			continue;
		if (copy_pte_range(mm, oldmm, pmd, addr)) {
			mmput(mm);
			return NULL;
		}
	}
	return mm;
}
