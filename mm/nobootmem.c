// SPDX-License-Identifier: GPL-2.0
/*
 * mm/nobootmem.c @ v3.14: hand every free memblock range of lowmem
 * to the buddy allocator, in the largest naturally aligned blocks that fit
 * -- the order of each block is limited by the alignment of its first pfn
 * (__ffs) and by the end of the range, as the seed (the study notes a9mm
 * grew from -- a Linux 4.x boot on QEMU's vexpress-a9 followed through the
 * kernel's code; not part of this repository) shows:
 *
 *   [0x8800e, 0x88010) order 1, [0x88010, 0x88020) order 4, ... order 10 ...
 */
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/memblock.h>
#include <linux/mm.h>

/**
 * __free_pages_memory() - free a pfn range to the buddy allocator
 * @start: first pfn
 * @end: pfn past the last
 *
 * mm/nobootmem.c: __free_pages_memory() @ v3.14: in the largest blocks
 * that @start's alignment and @end allow (see the top of this file);
 * mminit_loglevel=4 traces each block.  a9mm's free_highpages() hands
 * HighMem's ranges here too.
 */
void __init __free_pages_memory(unsigned long start, unsigned long end)
{
	if (mminit_loglevel >= 4)
		pr_debug("mminit::free_pages_memory [0x%lx, 0x%lx)\n", start, end);
	while (start < end) {
		/* pfn 0 is aligned to everything (and __ffs(0) undefined), as 4.x says */
		unsigned long order = start ? min(MAX_ORDER - 1UL, __ffs(start)) : MAX_ORDER - 1UL;

		while (start + (1UL << order) > end)
			order--;
		if (mminit_loglevel >= 4)
			pr_debug("mminit::  pfn 0x%lx order %lu\n", start, order);
		__free_pages_bootmem(pfn_to_page(start), (unsigned int)order);
		start += 1UL << order;
	}
}

/* mm/nobootmem.c: __free_memory_core() @ v3.14: lowmem only; HighMem is ARM's job */
static unsigned long __init __free_memory_core(phys_addr_t start, phys_addr_t end)
{
	unsigned long start_pfn = PFN_UP(start);
	unsigned long end_pfn = min_t(unsigned long, PFN_DOWN(end), max_low_pfn);

	if (start_pfn >= end_pfn)
		return 0;
	__free_pages_memory(start_pfn, end_pfn);
	return end_pfn - start_pfn;
}

/* mm/nobootmem.c: free_low_memory_core_early() @ v3.14 */
static unsigned long __init free_low_memory_core_early(void)
{
	unsigned long count = 0;
	phys_addr_t start, end;
	u64 i;

	for_each_free_mem_range(i, &start, &end)
		count += __free_memory_core(start, end);
	return count;
}

/* mm/nobootmem.c: reset_all_zones_managed_pages() @ v3.14: recounted as pages are freed */
static void __init reset_all_zones_managed_pages(void)
{
	struct zone *zone;

	for_each_zone(zone)
		zone->managed_pages = 0;
}

/**
 * free_all_bootmem() - free every free memblock range of lowmem
 *
 * mm/nobootmem.c: free_all_bootmem() @ v3.14.  HighMem is freed by
 * free_highpages().
 *
 * Return: the number of pages freed (also added to totalram_pages).
 */
unsigned long __init free_all_bootmem(void)
{
	unsigned long pages;

	reset_all_zones_managed_pages();
	pages = free_low_memory_core_early();
	totalram_pages += pages;
	memblock_discard();
	return pages;
}
