// SPDX-License-Identifier: GPL-2.0
/*
 * mm/pgd.c: arch/arm/mm/pgd.c @ v4.14 and the pte-page half of
 * arch/arm/include/asm/pgalloc.h -- a process's page directory and its
 * second-level tables.
 *
 *   new pgd (16 KiB)                        swapper_pg_dir
 *   +---------------------------+ 0
 *   | 0 ... 0                   |  user: empty, filled by faults
 *   +---------------------------+ USER_PTRS_PER_PGD (TASK_SIZE)
 *   | copy of the kernel's      | <------ modules, lowmem, vmalloc,
 *   | entries                   |         fixmap, vectors
 *   +---------------------------+ PTRS_PER_PGD
 *
 * The kernel half is copied once: the kernel's own first-level entries
 * never change after boot but for vmalloc (Linux re-copies those lazily,
 * vmalloc_seq; a9mm's vmalloc lives in pte tables that already exist).
 */
#include <linux/gfp.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/mm_types.h>
#include <string.h>
#include <asm/cacheflush.h>
#include <asm/pgalloc.h>

/* the first-level table: 16 KiB, which the buddy allocator aligns to 16 KiB */
#define PGD_ORDER 2

/**
 * pgd_alloc() - a new page directory: no user entries, the kernel's copied
 * @mm: the address space it is for
 *
 * arch/arm/mm/pgd.c: pgd_alloc() @ v4.14.
 *
 * Return: the pgd, or NULL without memory.
 */
pgd_t *pgd_alloc(struct mm_struct *mm)
{
	struct page *page = alloc_pages(GFP_KERNEL, PGD_ORDER);
	pgd_t *new_pgd;

	if (!page)
		return NULL;
	new_pgd = page_address(page);
	memset(new_pgd, 0, USER_PTRS_PER_PGD * sizeof(pgd_t));
	memcpy(new_pgd + USER_PTRS_PER_PGD, swapper_pg_dir + USER_PTRS_PER_PGD,
	       (PTRS_PER_PGD - USER_PTRS_PER_PGD) * sizeof(pgd_t));
	/* the MMU's walks read through the cache (TTB_FLAGS_SMP), but clean anyway as Linux does */
	clean_dcache_area(new_pgd, PTRS_PER_PGD * sizeof(pgd_t));
	return new_pgd;
}

/**
 * pgd_free() - free a page directory
 * @mm: its address space, whose user tables are already freed (free_pgd_range())
 * @pgd: the pgd
 *
 * arch/arm/mm/pgd.c: pgd_free() @ v4.14.
 */
void pgd_free(struct mm_struct *mm, pgd_t *pgd)
{
	__free_pages(virt_to_page(pgd), PGD_ORDER);
}

/**
 * pte_alloc_one() - a zeroed pte page: two Linux tables, two hardware ones
 * @mm: the address space
 *
 * arch/arm/include/asm/pgalloc.h: pte_alloc_one() @ v4.14 (without
 * CONFIG_HIGHPTE: in lowmem, so the kernel reaches it directly).
 *
 * Return: the Linux half's address, or NULL.
 */
pte_t *pte_alloc_one(struct mm_struct *mm)
{
	struct page *page = alloc_pages(GFP_KERNEL | __GFP_ZERO, 0);
	pte_t *pte;

	if (!page)
		return NULL;
	pte = page_address(page);
	clean_dcache_area(pte + PTE_HWTABLE_PTRS, PTE_HWTABLE_SIZE); /* clean_pte_table() */
	return pte;
}

/**
 * pte_free() - free a pte page
 * @mm: the address space
 * @pte: what pte_alloc_one() gave
 *
 * arch/arm/include/asm/pgalloc.h: pte_free() @ v4.14.
 */
void pte_free(struct mm_struct *mm, pte_t *pte)
{
	__free_pages(virt_to_page(pte), 0);
}

/**
 * pmd_populate() - hook a pte page into a user pmd pair
 * @mm: the address space
 * @pmdp: the pair
 * @pte: the pte page
 *
 * arch/arm/include/asm/pgalloc.h: pmd_populate() -> __pmd_populate() @
 * v4.14: each entry points at its hardware table, 1 KiB apart.
 */
void pmd_populate(struct mm_struct *mm, pmd_t *pmdp, pte_t *pte)
{
	__pmd_populate(pmdp, __pa(pte), _PAGE_USER_TABLE);
}
