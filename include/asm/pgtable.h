/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_PGTABLE_H
#define _ASM_PGTABLE_H

/*
 * arch/arm/include/asm/pgtable.h @ v4.14: the kernel's page tables, reached the
 * way generic Linux code reaches them -- pgd -> pud -> pmd -> pte -- with
 * the 2-level specifics (what a pgd entry and a pte page are) in
 * asm/pgtable-2level.h and the hardware's bits in asm/pgtable-hwdef.h.
 */
#include <linux/types.h>
#include <asm/memory.h>
#include <asm/mm.h>
#include <asm/page.h>
#include <asm/pgtable-2level.h>
#include <asm/tlbflush.h>

extern pgd_t swapper_pg_dir[PTRS_PER_PGD];

/*
 * vmalloc space starts 8 MiB above the end of lowmem (rounded up to 8 MiB):
 * a guard gap that catches overruns of the linear map.
 */
#define VMALLOC_START (((unsigned long)high_memory + VMALLOC_OFFSET) & ~(VMALLOC_OFFSET - 1))

/* arch/arm/include/asm/pgtable.h: pgd_index(), pgd_offset_k() @ v4.14 */
#define pgd_index(addr)	   ((addr) >> PGDIR_SHIFT)
#define pgd_offset_k(addr) (swapper_pg_dir + pgd_index(addr))

/* include/asm-generic/pgtable-nopud.h: pud_offset() @ v4.14: the pud is folded into the pgd */
static inline pud_t *pud_offset(pgd_t *pgd, unsigned long addr)
{
	return (pud_t *)pgd;
}

/* arch/arm/include/asm/pgtable-2level.h: pmd_offset() @ v4.14: the pmd is folded too */
static inline pmd_t *pmd_offset(pud_t *pud, unsigned long addr)
{
	return (pmd_t *)pud;
}

/* arch/arm/mm/mm.h: pmd_off_k() @ v4.14: the kernel's pmd (pair) for a VA */
static inline pmd_t *pmd_off_k(unsigned long virt)
{
	return pmd_offset(pud_offset(pgd_offset_k(virt), virt), virt);
}

#define pmd_none(pmd)	 (!(pmd))
#define pmd_present(pmd) ((pmd) != 0)
#define pmd_table(pmd)	 (((pmd)&PMD_TYPE_MASK) == PMD_TYPE_TABLE)
#define pmd_sect(pmd)	 (((pmd)&PMD_TYPE_MASK) == PMD_TYPE_SECT)
#define pmd_bad(pmd)	 (!pmd_table(pmd))

#define pte_index(addr)	   (((addr) >> PAGE_SHIFT) & (PTRS_PER_PTE - 1))
#define pfn_pte(pfn, prot) ((pte_t)(((pteval_t)(pfn) << PAGE_SHIFT) | (prot)))
#define pte_pfn(pte)	   ((pte) >> PAGE_SHIFT)
#define pte_none(pte)	   (!(pte))
#define pte_present(pte)   ((pte)&L_PTE_PRESENT)

/*
 * arch/arm/include/asm/pgtable.h: pte_write(), pte_mk*() @ v4.14: the
 * Linux pte's software bits.  Writable is the absence of L_PTE_RDONLY;
 * set_pte_ext() makes the hardware pte read-only until L_PTE_DIRTY is
 * set too, and invalid until L_PTE_YOUNG is: so the first write and the
 * first access after the bits were cleared fault, which is how ARM
 * Linux learns that a page was dirtied or used.
 */
#define pte_write(pte)	   (!((pte)&L_PTE_RDONLY))
#define pte_dirty(pte)	   ((pte)&L_PTE_DIRTY)
#define pte_young(pte)	   ((pte)&L_PTE_YOUNG)
#define pte_wrprotect(pte) ((pte) | L_PTE_RDONLY)
#define pte_mkwrite(pte)   ((pte) & ~(pteval_t)L_PTE_RDONLY)
#define pte_mkdirty(pte)   ((pte) | L_PTE_DIRTY)
#define pte_mkclean(pte)   ((pte) & ~(pteval_t)L_PTE_DIRTY)
#define pte_mkyoung(pte)   ((pte) | L_PTE_YOUNG)
#define pte_mkold(pte)	   ((pte) & ~(pteval_t)L_PTE_YOUNG)

/*
 * arch/arm/include/asm/pgtable.h: __swp_type(), __swp_offset(),
 * __swp_entry() @ v4.14: a pte that is neither none nor present holds a
 * swap entry -- where the page went, not a page.  Bits 0 and 1 (present,
 * young) are 0, so the hardware pte written for it is a fault entry:
 *
 *   31                                   7 6       2 1 0
 *   [ offset (a swap slot, or a pfn)      | type    |0|0]
 *
 * a9mm has no swap device yet; its one kind of swap entry is migration's
 * (linux/swapops.h), whose offset is the pfn of the page being moved.
 */
#define __SWP_TYPE_SHIFT   2
#define __SWP_TYPE_BITS	   5
#define __SWP_TYPE_MASK	   ((1 << __SWP_TYPE_BITS) - 1)
#define __SWP_OFFSET_SHIFT (__SWP_TYPE_BITS + __SWP_TYPE_SHIFT)

#define __swp_type(pte)	  (((pte) >> __SWP_TYPE_SHIFT) & __SWP_TYPE_MASK)
#define __swp_offset(pte) ((pte) >> __SWP_OFFSET_SHIFT)
#define __swp_entry(type, offset)                         \
	((pte_t)(((pteval_t)(type) << __SWP_TYPE_SHIFT) | \
		 ((pteval_t)(offset) << __SWP_OFFSET_SHIFT)))

/*
 * arch/arm/include/asm/pgtable.h: pmd_page_vaddr() @ v4.14: the Linux pte page a
 * table pmd points into (its hardware half is +2 KiB)
 */
static inline pte_t *pmd_page_vaddr(pmd_t pmd)
{
	return (pte_t *)__va((phys_addr_t)(pmd & PAGE_MASK));
}

/* arch/arm/include/asm/pgtable.h: pte_offset_kernel() @ v4.14 */
static inline pte_t *pte_offset_kernel(pmd_t *pmd, unsigned long addr)
{
	return pmd_page_vaddr(*pmd) + pte_index(addr);
}

/*
 * arch/arm/include/asm/pgtable-2level.h: pmd_clear() @ v4.14: both
 * first-level entries of a pgd entry, then clean the line so the table
 * walk sees them.  Inline, as Linux's macro: prepare_page_table() clears
 * every pgd entry above lowmem with it (2000 at -m 128M).
 */
static inline void pmd_clear(pmd_t *pmdp)
{
	pmdp[0] = 0;
	pmdp[1] = 0;
	clean_pmd_entry(pmdp);
}

/* mm/pgtable.c */
void set_pte_ext(pte_t *ptep, pte_t pte, unsigned int ext);
pteval_t pte_to_hw(pte_t pte, unsigned int ext);

#endif
