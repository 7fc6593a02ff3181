/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_CACHEFLUSH_H
#define _ASM_CACHEFLUSH_H

/*
 * arch/arm/include/asm/cacheflush.h @ v4.14: the cache maintenance the page-table
 * code needs (ARM ARM B4.2.1, "Cache and branch predictor maintenance
 * operations"; the cp15 encodings are in B4.2.1 / table B4-5):
 *
 *   clean_dcache_area()  DCCMVAC over a range: write dirty lines back to
 *                        the point of coherency, e.g. descriptors the MMU
 *                        may fetch without looking in the L1 D-cache
 *                        (Linux: cpu_dcache_clean_area)
 *   flush_icache_all()   ICIALLUIS + BPIALLIS: forget stale instructions
 *                        after code was written (the vectors page)
 *
 * The host tests build tables in plain memory: there these are no-ops.
 */
#ifdef A9MM_HOST
static inline void clean_dcache_area(void *p, unsigned long size)
{
	(void)p, (void)size;
}

static inline void flush_icache_all(void)
{
}
#else
#include <asm/cp15.h>

/*
 * arch/arm/mm/proc-macros.S: dcache_line_size @ v4.14: the smallest data
 * cache line, from CTR.DminLine (log2 of words; B4.1.42): 32 bytes on the
 * Cortex-A9.  L1_CACHE_BYTES (asm/cache.h) is a different figure -- what
 * the kernel aligns to, the largest line it may run on.
 */
static inline unsigned long dcache_line_size(void)
{
	return 4UL << ((read_sysreg(CTR) >> 16) & 0xf);
}

static inline void clean_dcache_area(void *p, unsigned long size)
{
	unsigned long line = dcache_line_size();
	unsigned long a = (unsigned long)p & ~(line - 1);
	unsigned long end = (unsigned long)p + size;

	for (; a < end; a += line)
		__asm__ volatile("mcr p15, 0, %0, c7, c10, 1" : : "r"(a) : "memory"); /* DCCMVAC */
	__asm__ volatile("dsb" : : : "memory");
}

static inline void flush_icache_all(void)
{
	__asm__ volatile("mcr p15, 0, %0, c7, c1, 0\n\t" /* ICIALLUIS */
			 "mcr p15, 0, %0, c7, c1, 6\n\t" /* BPIALLIS */
			 "dsb\n\t"
			 "isb"
			 :
			 : "r"(0)
			 : "memory");
}
#endif

#endif
