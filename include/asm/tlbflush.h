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
 *   flush_tlb_all()          drop every cached translation on every CPU
 *                            (TLBIALLIS), e.g. after unmapping pkmap slots
 *   flush_tlb_kernel_page()  drop one page's translation on every CPU
 *                            (TLBIMVAAIS), e.g. a kmap_atomic() slot
 *   flush_tlb_kernel_range() the same for each page of a range, e.g. a
 *                            vunmap()ped area (all of the TLB past
 *                            tlb_single_page_flush_ceiling pages)
 *
 * Every CPU has its own TLB, and a kernel mapping is shared by all of
 * them: a change must reach them all.  The "IS" (Inner Shareable) forms
 * do that in hardware -- ARM ARM B4.2.2, "TLB maintenance operations",
 * TLBIALLIS (c8, c3, 0) and TLBIMVAAIS (c8, c3, 3), which the
 * Multiprocessing Extensions add to ARMv7 (A1.5, "Architecture
 * extensions"; the Cortex-A9 MPCore has them): the operation is broadcast
 * to every core in the same Inner Shareable domain, which each core
 * joined by setting ACTLR.SMP in head.S, and the DSB after it waits until
 * all of them have done it.  So no IPI is needed -- Linux's
 * tlb_ops_need_broadcast() is false on the Cortex-A9 and it uses these
 * same operations (v7wbi_tlb_flags_smp); only ARM11 MPCore, which lacks
 * them, flushes by IPI.
 *
 * A table entry that goes from fault to valid needs no TLB operation
 * (B3.10.1: entries that give a translation fault are never held in a
 * TLB); one that changes or goes away does.  On the host these are no-ops,
 * but for a hook after each pmd write.
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

/*
 * arch/arm/include/asm/tlbflush.h: __flush_tlb_all() @ v4.14: TLBIALLIS and
 * BPIALLIS, broadcast to every core of the Inner Shareable domain; the
 * DSB waits for all of them
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

/*
 * arch/arm/include/asm/tlbflush.h: __flush_tlb_kernel_page() @ v4.14:
 * TLBIMVAAIS, this VA under any ASID, on every core of the Inner
 * Shareable domain
 */
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

/*
 * arch/arm/include/asm/tlbflush.h: __flush_tlb_mm() @ v4.14: TLBIASIDIS,
 * every entry tagged with this ASID, on every core of the Inner
 * Shareable domain (ARM ARM B4.2.3)
 */
static inline void __flush_tlb_asid(unsigned int asid)
{
	__asm__ volatile("dsb\n\t"
			 "mcr p15, 0, %0, c8, c3, 2\n\t" /* TLBIASIDIS */
			 "dsb\n\t"
			 "isb"
			 :
			 : "r"(asid)
			 : "memory");
}

/*
 * arch/arm/include/asm/tlbflush.h: __flush_tlb_page() @ v4.14: TLBIMVAIS,
 * one page of one ASID, everywhere
 */
static inline void __flush_tlb_page_asid(unsigned long uaddr, unsigned int asid)
{
	__asm__ volatile("dsb\n\t"
			 "mcr p15, 0, %0, c8, c3, 1\n\t" /* TLBIMVAIS */
			 "dsb\n\t"
			 "isb"
			 :
			 : "r"((uaddr & ~0xfffUL) | asid)
			 : "memory");
}
#endif

/*
 * Past this many pages one TLBIALLIS is cheaper than a TLBIMVAAIS per
 * page (arch/x86/mm/tlb.c: tlb_single_page_flush_ceiling @ v4.14, 33;
 * ARM's v7wbi_flush_kern_tlb_range() loops over any range).
 */
#define tlb_single_page_flush_ceiling 32UL

/**
 * flush_tlb_kernel_range() - drop the translations of [@start, @end) on every CPU
 * @start: first address
 * @end: one past the last
 *
 * arch/arm/include/asm/tlbflush.h: flush_tlb_kernel_range() @ v4.14 ->
 * v7wbi_flush_kern_tlb_range(): TLBIMVAAIS page by page, broadcast, then
 * one DSB; a large range drops the whole TLB instead (a9mm, as x86).
 */
static inline void flush_tlb_kernel_range(unsigned long start, unsigned long end)
{
	if ((end - start) >> 12 > tlb_single_page_flush_ceiling) {
		flush_tlb_all();
		return;
	}
	for (unsigned long va = start & ~0xfffUL; va < end; va += 0x1000)
		flush_tlb_kernel_page(va);
}

#endif
