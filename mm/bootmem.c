// SPDX-License-Identifier: GPL-2.0
/*
 * mm/bootmem.c: bootmem_init() and its helpers from arch/arm/mm/init.c @ v4.14,
 * kept apart from mm/init.c (which needs the linker's symbols) so that
 * the host tests can run them.
 */
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include <linux/sched_clock.h>
#include <asm/mm.h>

u64 bootmem_init_ns;

/*
 * arch/arm/mm/init.c: find_limits() @ v4.14: lowmem ends where memblock's limit
 * is now (arm_lowmem_limit, set by paging_init()), RAM at its end.
 */
static void __init find_limits(unsigned long *min, unsigned long *max_low, unsigned long *max_high)
{
	*max_low = PFN_DOWN(memblock_get_current_limit());
	*min = PFN_UP(memblock_start_of_DRAM());
	*max_high = PFN_DOWN(memblock_end_of_DRAM());
}

/*
 * arch/arm/mm/init.c: zone_sizes_init() @ v4.14: Normal = [min, max_low),
 * HighMem = [max_low, max_high); the holes are what memblock.memory does
 * not cover inside each span.
 */
static void __init zone_sizes_init(unsigned long min, unsigned long max_low, unsigned long max_high)
{
	unsigned long zone_size[MAX_NR_ZONES], zhole_size[MAX_NR_ZONES];
	struct memblock_region *reg;

	memset(zone_size, 0, sizeof(zone_size));
	zone_size[ZONE_NORMAL] = max_low - min;
	zone_size[ZONE_HIGHMEM] = max_high - max_low;

	memcpy(zhole_size, zone_size, sizeof(zhole_size));
	for_each_memblock(memory, reg) {
		unsigned long start = PFN_UP(reg->base);
		unsigned long end = PFN_DOWN(reg->base + reg->size);

		if (start < max_low)
			zhole_size[ZONE_NORMAL] -= min(end, max_low) - start;
		if (end > max_low)
			zhole_size[ZONE_HIGHMEM] -= end - max(start, max_low);
	}
	free_area_init_node(0, zone_size, min, zhole_size);
}

/**
 * bootmem_init() - size the zones and build mem_map
 *
 * arch/arm/mm/init.c: bootmem_init() @ v4.14: find_limits(),
 * zone_sizes_init() -> free_area_init_node(), then min_low_pfn,
 * max_low_pfn and max_pfn.  Timed (bootmem_init_ns) for `make bench`:
 * zones and mem_map are most of memory init's cost per page.
 */
void __init bootmem_init(void)
{
	unsigned long min, max_low, max_high;
	u64 t0 = sched_clock();

	find_limits(&min, &max_low, &max_high);
	zone_sizes_init(min, max_low, max_high);
	min_low_pfn = min;
	max_low_pfn = max_low;
	max_pfn = max_high;
	bootmem_init_ns = sched_clock() - t0;
}

/*
 * arch/arm/mm/init.c: free_area_high() @ v4.14: one free range of HighMem
 * to the buddy allocator; returns its pages.  ARM Linux frees it page by
 * page (free_highmem_page() for each pfn); a9mm in the largest aligned
 * blocks, as lowmem -- see free_highpages().
 */
static unsigned long __init free_area_high(unsigned long pfn, unsigned long end)
{
	if (pfn >= end)
		return 0;
	__free_pages_memory(pfn, end);
	return end - pfn;
}

/**
 * free_highpages() - give HighMem to the buddy allocator, block by block
 *
 * arch/arm/mm/init.c: free_highpages() @ v4.14: HighMem is not in
 * memblock's free ranges' reach (free_all_bootmem() stops at lowmem), so
 * ARM frees it here, skipping what memblock reserved up there, and counts
 * it in totalram_pages and totalhigh_pages.
 *
 * ARM Linux frees HighMem page by page, each page through __free_pages(),
 * the per-cpu lists and a merge of its own: simple, and cheap on the
 * boards HighMem was made for (a few hundred MiB at most, freed once per
 * boot).  a9mm hands each free range to __free_pages_memory() in the
 * largest aligned blocks, as lowmem, because page by page was most of its
 * boot: 245 instructions a page, 16.6 M of the 25.8 M to the prompt at
 * -m 1024M.  The buddy lists end up the same, block for block, type for
 * type and in the same list order (tests/unit/test_highmem_free.c proves
 * it over layouts with holes, reservations and odd bank edges), and
 * Linux's boot_pageset would not have left a page on a per-cpu list
 * either.
 */
void __init free_highpages(void)
{
	struct memblock_region *mem, *res;
	unsigned long freed = 0;

	for_each_memblock(memory, mem) {
		unsigned long start = PFN_UP(mem->base);
		unsigned long end = PFN_DOWN(mem->base + mem->size);

		if (end <= max_low_pfn)
			continue;
		if (start < max_low_pfn)
			start = max_low_pfn;
		for_each_memblock(reserved, res) {
			unsigned long res_start = PFN_DOWN(res->base);
			unsigned long res_end = PFN_UP(res->base + res->size);

			if (res_end < start)
				continue;
			if (res_start < start)
				res_start = start;
			if (res_start > end)
				res_start = end;
			if (res_end > end)
				res_end = end;
			freed += free_area_high(start, res_start);
			start = res_end;
			if (start == end)
				break;
		}
		freed += free_area_high(start, end);
	}
	totalram_pages += freed;
	totalhigh_pages += freed;
}
