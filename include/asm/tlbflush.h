/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_TLBFLUSH_H
#define _ASM_TLBFLUSH_H

/*
 * arch/arm/include/asm/tlbflush.h @ v4.14: what must follow a page-table write
 * (ARM ARM B3.10, "TLB maintenance requirements"; the operations are the
 * cp15 c8 group, B4.2.2, and the barriers A3.8.3):
 *
 *   clean_pmd_entry()        a first-level entry was written: clean its
 *                            cache line so a table walk sees it (DCCMVAC)
 *   flush_pmd_entry()        the same, then DSB so the write is complete
 *                            before anything that depends on it
 *   flush_tlb_all()          drop every cached translation (TLBIALLIS),
 *                            e.g. after unmapping the identity map
 *   flush_tlb_kernel_page()  drop one page's translation (TLBIMVAAIS)
 *
 * The IS ("inner shareable") forms reach every core of the cluster, as
 * Linux's v7wbi_tlb_flags_smp ask.  A table entry that goes from fault to
 * valid needs no TLB operation (B3.10: entries that give a translation
 * fault are never held in a TLB); one that changes or goes away does.
 * On the host these are no-ops, but for a hook after each pmd write.
 */
#include <asm/cacheflush.h>

#ifdef A9MM_HOST
/* tests/unit/host_shim.c: a test may check the tables after each pmd write */
void host_pmd_written(void *pmd);

static inline void clean_pmd_entry(void *pmd)
{
	host_pmd_written(pmd);
}

static inline void flush_pmd_entry(void *pmd)
{
	host_pmd_written(pmd);
}

static inline void flush_tlb_all(void)
{
}

static inline void flush_tlb_kernel_page(unsigned long va)
{
	(void)va;
}
#else
/* arch/arm/include/asm/tlbflush.h: clean_pmd_entry() @ v4.14 */
static inline void clean_pmd_entry(void *pmd)
{
	__asm__ volatile("mcr p15, 0, %0, c7, c10, 1" : : "r"(pmd) : "memory"); /* DCCMVAC */
}

/*
 * arch/arm/include/asm/tlbflush.h: flush_pmd_entry() @ v4.14; a pmd pair shares
 * one cache line, so one clean covers both entries
 */
static inline void flush_pmd_entry(void *pmd)
{
	clean_pmd_entry(pmd);
	__asm__ volatile("dsb" : : : "memory");
}

/* arch/arm/include/asm/tlbflush.h: __flush_tlb_all() @ v4.14: TLBIALLIS, every core of the cluster
 */
static inline void flush_tlb_all(void)
{
	__asm__ volatile("dsb\n\t"
			 "mcr p15, 0, %0, c8, c3, 0\n\t" /* TLBIALLIS */
			 "mcr p15, 0, %0, c7, c1, 6\n\t" /* BPIALLIS */
			 "dsb\n\t"
			 "isb"
			 :
			 : "r"(0)
			 : "memory");
}

/* arch/arm/include/asm/tlbflush.h: __flush_tlb_kernel_page() @ v4.14, IS form */
static inline void flush_tlb_kernel_page(unsigned long va)
{
	__asm__ volatile("dsb\n\t"
			 "mcr p15, 0, %0, c8, c3, 3\n\t" /* TLBIMVAAIS */
			 "mcr p15, 0, %1, c7, c1, 6\n\t" /* BPIALLIS */
			 "dsb\n\t"
			 "isb"
			 :
			 : "r"(va & ~0xfffUL), "r"(0)
			 : "memory");
}
#endif

#endif
