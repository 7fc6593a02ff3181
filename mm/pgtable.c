// SPDX-License-Identifier: GPL-2.0
/*
 * mm/pgtable.c: writing table entries -- cpu_v7_set_pte_ext() of
 * arch/arm/mm/proc-v7-2level.S @ v4.14 (pmd_clear() is inline, in
 * asm/pgtable.h, as Linux's macro).
 */
#include <linux/kernel.h>
#include <asm/pgtable.h>
#include <asm/tlbflush.h>

/*
 * Linux memory types -> the hardware's TEX[2:0]:C:B (ARM ARM B3.8.2, with
 * TEX remap off, SCTLR.TRE = 0).  Linux's v7 code remaps through PRRR/NMRR
 * instead; a9mm spells the encodings out.
 */
static const pteval_t mt_to_hw[16] = {
	[L_PTE_MT_UNCACHED >> 2] = 0,				    /* SO */
	[L_PTE_MT_BUFFERABLE >> 2] = PTE_EXT_TEX(1),		    /* normal NC */
	[L_PTE_MT_WRITETHROUGH >> 2] = PTE_CACHEABLE,		    /* WT, no WA */
	[L_PTE_MT_WRITEBACK >> 2] = PTE_CACHEABLE | PTE_BUFFERABLE, /* WB, no WA */
	[L_PTE_MT_DEV_SHARED >> 2] = PTE_BUFFERABLE,		    /* shareable device */
	[L_PTE_MT_WRITEALLOC >> 2] = PTE_EXT_TEX(1) | PTE_CACHEABLE | PTE_BUFFERABLE,
	[L_PTE_MT_DEV_NONSHARED >> 2] = PTE_EXT_TEX(2), /* non-shareable device */
};

/**
 * pte_to_hw() - the hardware small-page descriptor for a Linux pte
 * @pte: the Linux pte (L_PTE_* bits)
 * @ext: extra hardware bits (PTE_EXT_NG)
 *
 * The translation inside arch/arm/mm/proc-v7-2level.S:
 * cpu_v7_set_pte_ext() @ v4.14 (B3.5.1).  Access permissions AP[2:0]
 * (B3.7.1): AP0 always (kernel may access), AP1 if user, APX if read-only
 * -- and, as in Linux, a clean (not dirty) page is read-only so the first
 * write could be noticed.
 *
 * Return: the descriptor; 0 (a fault entry) for a pte that is not present
 * or not young.
 */
pteval_t pte_to_hw(pte_t pte, unsigned int ext)
{
	pteval_t hw;

	if (!(pte & L_PTE_PRESENT) || !(pte & L_PTE_YOUNG))
		return 0;
	hw = (pte & PAGE_MASK) | PTE_TYPE_SMALL | PTE_EXT_AP0 | ext;
	hw |= mt_to_hw[(pte & L_PTE_MT_MASK) >> 2];
	if (pte & L_PTE_USER)
		hw |= PTE_EXT_AP1;
	if ((pte & L_PTE_RDONLY) || !(pte & L_PTE_DIRTY))
		hw |= PTE_EXT_APX;
	if (pte & L_PTE_XN)
		hw |= PTE_EXT_XN;
	if (pte & L_PTE_SHARED)
		hw |= PTE_EXT_SHARED;
	return hw;
}

/**
 * set_pte_ext() - write a Linux pte and its hardware twin
 * @ptep: the Linux pte; the hardware one is PTE_HWTABLE_PTRS entries on
 * @pte: the new value
 * @ext: extra hardware bits (PTE_EXT_NG)
 *
 * arch/arm/mm/proc-v7-2level.S: cpu_v7_set_pte_ext() @ v4.14, cleaning the
 * hardware entry to where the table walk reads it.  A mapping that
 * changes or goes away also needs its TLB entry flushed (the caller's job).
 */
void set_pte_ext(pte_t *ptep, pte_t pte, unsigned int ext)
{
	pteval_t *hwp = ptep + PTE_HWTABLE_PTRS;

	*ptep = pte;
	*hwp = pte_to_hw(pte, ext);
	clean_dcache_area(hwp, sizeof(*hwp));
}
