// SPDX-License-Identifier: GPL-2.0
/*
 * mm/mmap.c @ v4.14: the end of an address space.  Until VMAs come
 * (issue 16, step 5) a process's memory is what its page tables map, so
 * exit_mmap() walks them: every present user pte's page is freed (each
 * was mapped once, by the exec loader), then every pte page
 * (free_pgd_range()), then the ASID's TLB entries.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/mm_types.h>
#include <asm/pgalloc.h>

/*
 * mm/memory.c: zap_pte_range() @ v4.14 for pages mapped once: clear each
 * pte (both halves), free its page
 */
static void zap_pte_range(struct mm_struct *mm, pmd_t *pmd, unsigned long addr)
{
	pte_t *pte = pmd_page_vaddr(*pmd);
	unsigned int i;

	for (i = 0; i < PTRS_PER_PTE; i++, addr += PAGE_SIZE) { /* 512 ptes: 2 MiB */
		struct page *page;

		if (!pte_present(pte[i]))
			continue;
		page = pfn_to_page(pte_pfn(pte[i]));
		set_pte_ext(&pte[i], 0, 0);
		page->_mapcount = -1;
		atomic_dec(&mm->rss_stat.count[MM_ANONPAGES]);
		__free_pages(page, 0);
	}
}

/**
 * exit_mmap() - free everything a dying address space maps
 * @mm: the mm, whose last user is gone
 *
 * mm/mmap.c: exit_mmap() @ v4.14 (unmap_vmas() + free_pgtables()), over
 * the page tables rather than VMAs.
 */
void exit_mmap(struct mm_struct *mm)
{
	unsigned long addr;

	for (addr = 0; addr < TASK_SIZE; addr += PGDIR_SIZE) {
		pmd_t *pmd = pmd_offset(pud_offset(pgd_offset(mm, addr), addr), addr);

		if (!pmd_none(*pmd) && pmd_table(*pmd))
			zap_pte_range(mm, pmd, addr);
	}
	free_pgd_range(mm, 0, TASK_SIZE);
}

/**
 * mmput() - a task stops using an address space
 * @mm: the mm
 *
 * kernel/fork.c: mmput() @ v4.14: the last user's going frees the memory
 * (exit_mmap()); the structure and its pgd stay until the last
 * reference (mmdrop()), since a CPU may still run on its page tables.
 */
void mmput(struct mm_struct *mm)
{
	if (atomic_dec_and_test(&mm->mm_users)) {
		exit_mmap(mm);
		mmdrop(mm);
	}
}
