/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_PGALLOC_H
#define _ASM_PGALLOC_H

/*
 * arch/arm/include/asm/pgalloc.h @ v4.14: page tables.  One 4 KiB page
 * holds the pte tables of a 2 MiB pgd entry: Linux's two 256-entry
 * tables, then the hardware's two at PTE_HWTABLE_OFF
 * (asm/pgtable-2level.h), which the pmd pair points at -- domain
 * DOMAIN_KERNEL for the kernel's, DOMAIN_USER for a process's.  A
 * process's pgd is 16 KiB (2048 pairs of hardware first-level entries,
 * TTBR0 wants it 16 KiB aligned).
 */
#include <asm/pgtable.h>
#include <asm/pgtable-hwdef.h>
#include <asm/tlbflush.h>

struct mm_struct;
struct page;

/* arch/arm/include/asm/pgalloc.h: _PAGE_KERNEL_TABLE @ v4.14 */
#define _PAGE_KERNEL_TABLE (PMD_TYPE_TABLE | PMD_DOMAIN(DOMAIN_KERNEL))

/* arch/arm/include/asm/pgalloc.h: _PAGE_USER_TABLE @ v4.14 (bit 4 is SBZ on ARMv7) */
#define _PAGE_USER_TABLE (PMD_TYPE_TABLE | PMD_DOMAIN(DOMAIN_USER))

/* arch/arm/include/asm/pgalloc.h: __pmd_populate() @ v4.14: both entries -> the two hardware tables
 */
static inline void __pmd_populate(pmd_t *pmdp, phys_addr_t pte, pmdval_t prot)
{
	pmdval_t pmdval = (pmdval_t)(pte + PTE_HWTABLE_OFF) | prot;

	pmdp[0] = pmdval;
	pmdp[1] = pmdval + 256 * sizeof(pte_t);
	flush_pmd_entry(pmdp);
}

/* mm/pgd.c */
pgd_t *pgd_alloc(struct mm_struct *mm);
void pgd_free(struct mm_struct *mm, pgd_t *pgd);
pte_t *pte_alloc_one(struct mm_struct *mm);
void pte_free(struct mm_struct *mm, pte_t *pte);
void pmd_populate(struct mm_struct *mm, pmd_t *pmdp, pte_t *pte);

/* arch/arm/include/asm/pgtable.h: pgd_offset() @ v4.14 */
#define pgd_offset(mm, addr) ((mm)->pgd + pgd_index(addr))

/* arch/arm/include/asm/pgtable.h: USER_PTRS_PER_PGD @ v4.14: the pgd entries below TASK_SIZE */
#define USER_PTRS_PER_PGD (TASK_SIZE / PGDIR_SIZE)

#endif
