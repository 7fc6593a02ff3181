/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_PGALLOC_H
#define _ASM_PGALLOC_H

/*
 * arch/arm/include/asm/pgalloc.h @ v4.14: pointing a first-level entry
 * pair at a pte table.  One 4 KiB page holds the table of a 2 MiB pgd
 * entry: Linux's two 256-entry tables, then the hardware's two at
 * PTE_HWTABLE_OFF (asm/pgtable-2level.h), which the entries point at.
 */
#include <asm/pgtable.h>
#include <asm/tlbflush.h>

/* arch/arm/include/asm/pgalloc.h: _PAGE_KERNEL_TABLE @ v4.14 */
#define _PAGE_KERNEL_TABLE (PMD_TYPE_TABLE | PMD_DOMAIN(DOMAIN_KERNEL))

/* arch/arm/include/asm/pgalloc.h: __pmd_populate() @ v4.14: both entries -> the two hardware tables
 */
static inline void __pmd_populate(pmd_t *pmdp, phys_addr_t pte, pmdval_t prot)
{
	pmdval_t pmdval = (pmdval_t)(pte + PTE_HWTABLE_OFF) | prot;

	pmdp[0] = pmdval;
	pmdp[1] = pmdval + 256 * sizeof(pte_t);
	flush_pmd_entry(pmdp);
}

#endif
