/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_TLBFLUSH_H
#define _ASM_TLBFLUSH_H

/*
 * arch/arm/include/asm/tlbflush.h: what must follow a page-table write.
 * The MMU may walk tables from memory without looking in the data cache,
 * so a written descriptor is cleaned to the point of coherency (DCCMVAC,
 * ARM ARM B4.2.1), and TLB entries cached from the old descriptor are
 * invalidated (TLBIALLIS / TLBIMVAAIS, B4.2.2; the IS forms reach every
 * core of the cluster).  The host tests build tables in plain memory:
 * there, these are no-ops.
 */
#ifdef A9MM_HOST
static inline void flush_pmd_entry(void *pmd)
{
	(void)pmd;
}
static inline void clean_pmd_entry(void *pmd)
{
	(void)pmd;
}
static inline void clean_dcache_area(void *p, unsigned long size)
{
	(void)p, (void)size;
}
static inline void local_flush_tlb_all(void)
{
}
static inline void local_flush_tlb_kernel_page(unsigned long va)
{
	(void)va;
}
#else
static inline void clean_pmd_entry(void *pmd)
{
	__asm__ volatile("mcr p15, 0, %0, c7, c10, 1\n\t" /* DCCMVAC */
			 "dsb"
			 :
			 : "r"(pmd)
			 : "memory");
}

/* a pmd pair shares one cache line: clean it, then drop stale TLB entries */
static inline void flush_pmd_entry(void *pmd)
{
	clean_pmd_entry(pmd);
}

static inline void clean_dcache_area(void *p, unsigned long size)
{
	unsigned long a = (unsigned long)p & ~31UL, end = (unsigned long)p + size;

	for (; a < end; a += 32)
		__asm__ volatile("mcr p15, 0, %0, c7, c10, 1" : : "r"(a) : "memory");
	__asm__ volatile("dsb" : : : "memory");
}

static inline void local_flush_tlb_all(void)
{
	__asm__ volatile("dsb\n\t"
			 "mcr p15, 0, %0, c8, c3, 0\n\t" /* TLBIALLIS */
			 "mcr p15, 0, %0, c7, c5, 6\n\t" /* BPIALL */
			 "dsb\n\t"
			 "isb"
			 :
			 : "r"(0)
			 : "memory");
}

static inline void local_flush_tlb_kernel_page(unsigned long va)
{
	__asm__ volatile("dsb\n\t"
			 "mcr p15, 0, %0, c8, c3, 3\n\t" /* TLBIMVAAIS */
			 "dsb\n\t"
			 "isb"
			 :
			 : "r"(va & ~0xfffUL)
			 : "memory");
}
#endif

#endif
