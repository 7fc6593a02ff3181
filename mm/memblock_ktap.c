// SPDX-License-Identifier: GPL-2.0
/*
 * mm/memblock_ktap.c: memblock as the boot left it, checked in place, as a
 * KTAP suite (`selftest`, or "selftest" on the command line).
 *
 * The host tests drive memblock's functions one by one; here the
 * question is whether this boot's arrays are sound and whether what was
 * built from them agrees: what arm_memblock_init() and the early
 * allocations reserved is really reserved, the zones span exactly
 * memblock.memory, and no reserved page reached the buddy allocator.
 */
#include <a9mm/ktap.h>
#include <asm/mm.h>
#include <asm/pgtable.h>
#include <asm/sections.h>
#include <asm/setup.h>
#include <linux/kernel.h>
#include <linux/memblock.h>
#include <linux/mm.h>

/*
 * Linux's invariants for a region array: sorted, no overlap, neighbours
 * merged unless their flags differ, total_size the sum, cnt within max.
 * (An empty array is one zero-sized region in Linux, none in a9mm.)
 */
static void check_type(struct ktap_test *t, const struct memblock_type *type)
{
	u64 total = 0;

	KTAP_EXPECT(t, type->cnt <= type->max);
	for (unsigned long i = 0; i < type->cnt; i++) {
		const struct memblock_region *r = &type->regions[i];
		u64 end = (u64)r->base + r->size;

		total += r->size;
		if (!r->size)
			ktap_fail(t, __FILE__, __LINE__, "%s[%lu] is empty", type->name, i);
		if (i + 1 == type->cnt)
			continue;
		if (end > r[1].base || (end == r[1].base && r->flags == r[1].flags))
			ktap_fail(t, __FILE__, __LINE__,
				  "%s[%lu] ends at 0x%llx, %s[%lu] starts at 0x%08llx: %s",
				  type->name, i, (unsigned long long)end, type->name, i + 1,
				  (unsigned long long)r[1].base,
				  end > r[1].base ? "overlap or out of order" : "not merged");
	}
	KTAP_EXPECT_EQ(t, type->total_size, total);
}

static void memblock_arrays_are_sound(struct ktap_test *t)
{
	check_type(t, &memblock.memory);
	check_type(t, &memblock.reserved);
	KTAP_EXPECT(t, memblock.memory.cnt > 0);
}

/* reserved from its first to its last byte (all of it, for a region of ours) */
static void expect_reserved(struct ktap_test *t, const char *what, phys_addr_t base, u64 size)
{
	if (!memblock_is_reserved(base) || !memblock_is_reserved(base + size - 1))
		ktap_fail(t, __FILE__, __LINE__, "%s [0x%08llx-0x%08llx] is not reserved", what,
			  (unsigned long long)base, (unsigned long long)(base + size - 1));
}

/*
 * arm_memblock_init(): the kernel image, swapper_pg_dir and the DTB;
 * alloc_node_mem_map(): mem_map; early_alloc(): every second-level table
 * swapper_pg_dir points at (found by reading the first-level entries the
 * MMU reads, ARM ARM B3.5.1: bits [1:0] = 01 is a page table at [31:10]).
 */
static void memblock_boot_reservations(struct ktap_test *t)
{
	const pmdval_t *l1 = (const pmdval_t *)swapper_pg_dir;
	const struct pglist_data *pgdat = NODE_DATA(0);

	expect_reserved(t, "kernel image", __pa(_text), (u64)(_end - _text));
	expect_reserved(t, "swapper_pg_dir", __pa(swapper_pg_dir), PTRS_PER_PGD * sizeof(pgd_t));
	if (__atags_pointer)
		expect_reserved(t, "DTB header", __atags_pointer, 40);
	expect_reserved(t, "mem_map", __pa(pgdat->node_mem_map),
			(u64)pgdat->node_spanned_pages * sizeof(struct page));

	for (unsigned int i = 0; i < 4096; i++) {
		if ((l1[i] & 3) != 1)
			continue;
		if (!memblock_is_memory(l1[i] & ~0x3ffUL))
			ktap_fail(t, __FILE__, __LINE__, "L1[0x%03x] = 0x%08lx: table outside RAM",
				  i, (unsigned long)l1[i]);
		else
			expect_reserved(t, "a second-level table", l1[i] & ~0x3ffUL, 1024);
	}
}

/*
 * free_area_init_node() spans memblock.memory from its first to its last
 * page, and each zone's present pages are the memblock pages inside it.
 */
static void memblock_zones_span_memory(struct ktap_test *t)
{
	const struct pglist_data *pgdat = NODE_DATA(0);
	unsigned long pages = 0, present = 0;
	phys_addr_t start, end;
	u64 i;

	for_each_mem_range(i, &memblock.memory, NULL, &start, &end)
		pages += PFN_DOWN(end) - PFN_UP(start);
	for (int z = 0; z < MAX_NR_ZONES; z++)
		present += pgdat->node_zones[z].present_pages;

	KTAP_EXPECT_EQ(t, present, pages);
	KTAP_EXPECT_EQ(t, pgdat->node_present_pages, pages);
	KTAP_EXPECT_EQ(t, pgdat->node_start_pfn, PFN_UP(memblock_start_of_DRAM()));
	KTAP_EXPECT_EQ(t, max_pfn, PFN_DOWN(memblock_end_of_DRAM()));
}

/*
 * free_low_memory_core_early() frees only memory minus reserved: every
 * reserved page of RAM must still be PageReserved and never a buddy.
 */
static void memblock_reserved_pages_stay_out_of_buddy(struct ktap_test *t)
{
	unsigned long bad = 0, checked = 0;
	phys_addr_t start, end;
	u64 i;

	for_each_mem_range(i, &memblock.reserved, NULL, &start, &end) {
		for (unsigned long pfn = PFN_DOWN(start); pfn < PFN_UP(end); pfn++) {
			const struct page *page;

			if (!memblock_is_memory(PFN_PHYS(pfn)))
				continue;
			page = pfn_to_page(pfn);
			checked++;
			if ((!PageReserved(page) || PageBuddy(page)) && bad++ < 4)
				ktap_fail(t, __FILE__, __LINE__,
					  "pfn 0x%lx is memblock-reserved but %s", pfn,
					  PageBuddy(page) ? "on a free list" : "not PageReserved");
		}
	}
	KTAP_EXPECT_EQ(t, bad, 0);
	KTAP_EXPECT(t, checked > 0);
}

static const struct ktap_case memblock_cases[] = {
	KTAP_CASE(memblock_arrays_are_sound),
	KTAP_CASE(memblock_boot_reservations),
	KTAP_CASE(memblock_zones_span_memory),
	KTAP_CASE(memblock_reserved_pages_stay_out_of_buddy),
};
KTAP_SUITE(memblock_suite, "memblock", memblock_cases);
