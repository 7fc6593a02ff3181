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
