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
#include <asm/memory.h>
#include <asm/mm.h>
#include <asm/par.h>
#include <asm/pgtable.h>
#include <asm/sections.h>
#include <asm/setup.h>
#include <linux/kernel.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include <linux/vmalloc.h>
#include <linux/of_fdt.h>
#include <libfdt.h>

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
				  "%s[%lu] ends at 0x%08llx, %s[%lu] starts at 0x%08llx: %s",
				  type->name, i, (unsigned long long)end, type->name, i + 1,
				  (unsigned long long)r[1].base,
				  end > r[1].base ? "overlap or out of order" : "not merged");
	}
	KTAP_EXPECT_EQ(t, type->total_size, total);
}

/* every byte reserved: [base, base + size) lies inside one (merged) region */
static void expect_reserved(struct ktap_test *t, const char *what, phys_addr_t base, u64 size)
{
	const struct memblock_type *type = &memblock.reserved;

	for (unsigned long i = 0; i < type->cnt; i++) {
		const struct memblock_region *r = &type->regions[i];

		if (r->base <= base && base - r->base < r->size)
			if (base + size <= (u64)r->base + r->size)
				return;
	}
	ktap_fail(t, __FILE__, __LINE__, "%s [0x%08llx-0x%08llx] is not all reserved", what,
		  (unsigned long long)base, (unsigned long long)(base + size - 1));
}

/*
 * ... and an array memblock_double_array() moved out of the image (into
 * the early window or lowmem) is itself reserved, in whole pages, and in
 * RAM: issue 11's first defect put one on a block memblock_alloc() was
 * handing out at the same moment.
 */
static void memblock_arrays_are_sound(struct ktap_test *t)
{
	const struct memblock_type *types[] = { &memblock.memory, &memblock.reserved };

	check_type(t, &memblock.memory);
	check_type(t, &memblock.reserved);
	KTAP_EXPECT(t, memblock.memory.cnt > 0);
	for (unsigned int i = 0; i < ARRAY_SIZE(types); i++) {
		const char *a = (const char *)types[i]->regions;

		if (a >= _text && a < _end)
			continue;
		KTAP_EXPECT(t, memblock_is_region_memory(__pa(a), PAGE_SIZE));
		expect_reserved(t, types[i]->name, __pa(a),
				PAGE_ALIGN(types[i]->max * sizeof(struct memblock_region)));
	}
}

static bool dtb_header_mapped(void)
{
	phys_addr_t hdr_end = __atags_pointer + sizeof(struct fdt_header);

	return __atags_pointer && hdr_end <= arm_lowmem_limit &&
	       memblock_is_region_memory(__atags_pointer, sizeof(struct fdt_header));
}

/*
 * arm_memblock_init(): the kernel image, swapper_pg_dir and the DTB;
 * alloc_node_mem_map(): mem_map; early_alloc(): every page of pte tables
 * swapper_pg_dir points at (found by reading the first-level entries the
 * MMU reads, ARM ARM B3.5.1: bits [1:0] = 01 is a page table at [31:10],
 * inside the 4 KiB page arm_pte_alloc() took for a pair of them).
 *
 * The DTB is checked whole when its header is in the linear map; in
 * HighMem (a big vmalloc=) or outside RAM (mem=) it is no longer mapped
 * after paging_init(), and only its first byte is checked.
 */
static void memblock_boot_reservations(struct ktap_test *t)
{
	const pmdval_t *l1 = (const pmdval_t *)swapper_pg_dir;
	const struct pglist_data *pgdat = NODE_DATA(0);

	expect_reserved(t, "kernel image", __pa(_text), (u64)(_end - _text));
	expect_reserved(t, "swapper_pg_dir", __pa(swapper_pg_dir), PTRS_PER_PGD * sizeof(pgd_t));
	if (dtb_header_mapped())
		expect_reserved(t, "DTB", __atags_pointer, fdt_totalsize(initial_boot_params));
	else if (__atags_pointer)
		expect_reserved(t, "DTB's first byte", __atags_pointer, 1);
	expect_reserved(t, "mem_map", __pa(pgdat->node_mem_map),
			(u64)pgdat->node_spanned_pages * sizeof(struct page));

	/*
	 * two hardware entries per pgd_t; vmalloc space's tables come from the
	 * buddy allocator, on demand (mm/vmalloc.c), not from memblock
	 */
	for (unsigned int i = 0; i < 2 * PTRS_PER_PGD; i++) {
		if (!pmd_table(l1[i]) || is_vmalloc_addr((void *)(i * SECTION_SIZE)))
			continue;
		if (!memblock_is_memory(l1[i] & PAGE_MASK))
			ktap_fail(t, __FILE__, __LINE__, "L1[0x%03x] = 0x%08lx: table outside RAM",
				  i, (unsigned long)l1[i]);
		else
			expect_reserved(t, "a pte table page", l1[i] & PAGE_MASK, PAGE_SIZE);
	}
}

/*
 * free_area_init_node() spans memblock.memory from its first to its last
 * page, and each zone's present pages are the memblock pages inside it.
 */
static unsigned long memblock_pages_in(unsigned long start_pfn, unsigned long end_pfn)
{
	unsigned long pages = 0;
	phys_addr_t start, end;
	u64 i;

	for_each_mem_range(i, &memblock.memory, NULL, &start, &end) {
		unsigned long s = max(PFN_UP(start), start_pfn);
		unsigned long e = min(PFN_DOWN(end), end_pfn);

		if (s < e)
			pages += e - s;
	}
	return pages;
}

static void memblock_zones_span_memory(struct ktap_test *t)
{
	const struct pglist_data *pgdat = NODE_DATA(0);

	for (int z = 0; z < MAX_NR_ZONES; z++) {
		const struct zone *zone = &pgdat->node_zones[z];
		unsigned long zs = zone->zone_start_pfn;

		if (zone->present_pages != memblock_pages_in(zs, zs + zone->spanned_pages))
			ktap_fail(t, __FILE__, __LINE__,
				  "zone %s: %lu present pages, memblock has %lu in its span",
				  zone->name, zone->present_pages,
				  memblock_pages_in(zs, zs + zone->spanned_pages));
	}
	KTAP_EXPECT_EQ(t, pgdat->node_present_pages, memblock_pages_in(0, ~0UL));
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

static void expect_not_linear_mapped(struct ktap_test *t, u64 pa)
{
	if (pa >= PHYS_OFFSET && pa < arm_lowmem_limit && !memblock_is_memory((phys_addr_t)pa) &&
	    !(ats1cpr(__phys_to_virt((phys_addr_t)pa)) & PAR_F))
		ktap_fail(t, __FILE__, __LINE__, "no-map page 0x%08llx is in the linear map",
			  (unsigned long long)pa);
}

/*
 * One reservation the device tree makes, checked against the boot's
 * memblock.  A plain one: all its RAM is reserved.  A no-map one: every
 * page touching it has left memblock.memory -- or, if it was in use
 * already (the scan keeps those), still holds reserved bytes, so it is
 * never freed -- and the linear map has no entry where it was.
 */
static void expect_dt_range_held(struct ktap_test *t, u64 base, u64 size, bool nomap)
{
	u64 end = base + size < base ? SZ_4G : min(base + size, SZ_4G);
	phys_addr_t start, stop;
	unsigned int bad = 0;
	u64 i;

	if (nomap) {
		base = round_down(base, PAGE_SIZE);
		end = round_up(end, PAGE_SIZE);
	}
	for_each_mem_range(i, &memblock.memory, NULL, &start, &stop) {
		u64 s = max(base, (u64)start), e = min(end, (u64)stop);

		if (s >= e)
			continue;
		if (!nomap)
			expect_reserved(t, "DT reservation", (phys_addr_t)s, e - s);
		for (u64 pa = s; nomap && pa < e && bad < 4; pa += PAGE_SIZE)
			if (!memblock_is_region_reserved((phys_addr_t)pa, PAGE_SIZE) && ++bad)
				ktap_fail(t, __FILE__, __LINE__, "no-map page 0x%08llx is free RAM",
					  (unsigned long long)pa);
	}
	if (!nomap)
		return;
	/* the first and last page, and one per MiB between */
	for (u64 pa = base; pa < end; pa += SZ_1M)
		expect_not_linear_mapped(t, pa);
	expect_not_linear_mapped(t, end - PAGE_SIZE);
}

/* The /reserved-memory children, if the node has the form the scan accepts. */
static int expect_reserved_memory_held(struct ktap_test *t, const void *fdt)
{
	int entry = (dt_root_addr_cells + dt_root_size_cells) * 4;
	int parent = fdt_path_offset(fdt, "/reserved-memory"), node, len, n = 0;
	const fdt32_t *p = parent < 0 ? NULL : fdt_getprop(fdt, parent, "#size-cells", &len);

	/* the scan reads no reg with root cell sizes it refused (0 would divide by zero) */
	if (dt_root_addr_cells < 1 || dt_root_addr_cells > 2 || dt_root_size_cells < 1 ||
	    dt_root_size_cells > 2)
		return 0;
	if (!p || len != 4 || (int)fdt32_ld(p) != dt_root_size_cells)
		return 0;
	p = fdt_getprop(fdt, parent, "#address-cells", &len);
	if (!p || len != 4 || (int)fdt32_ld(p) != dt_root_addr_cells ||
	    !fdt_getprop(fdt, parent, "ranges", NULL))
		return 0;
	fdt_for_each_subnode(node, fdt, parent) {
		const char *status = fdt_getprop(fdt, node, "status", NULL);
		bool nomap = fdt_getprop(fdt, node, "no-map", NULL) != NULL;

		if (status && strcmp(status, "okay") && strcmp(status, "ok"))
			continue;
		p = fdt_getprop(fdt, node, "reg", &len);
		if (!p || len <= 0 || len % entry)
			continue;
		for (const fdt32_t *endp = p + len / 4; p < endp; n++) {
			u64 base = 0, size = 0;

			for (int c = 0; c < dt_root_addr_cells; c++)
				base = base << 32 | fdt32_ld(p++);
			for (int c = 0; c < dt_root_size_cells; c++)
				size = size << 32 | fdt32_ld(p++);
			if (size && base < SZ_4G)
				expect_dt_range_held(t, base, size, nomap);
		}
	}
	return n;
}

/*
 * Every /memreserve/ entry and every /reserved-memory child of the boot's
 * device tree, read here again, independently of fdt/fdt.c, with the rules
 * Linux's scan follows (root cell sizes, "ranges", status).  Thousands of
 * them once overflowed memblock's arrays and were silently dropped.
 */
static void memblock_dt_reservations_held(struct ktap_test *t)
{
	const void *fdt = initial_boot_params;
	int n = 0;

	if (!fdt || !dtb_header_mapped()) {
		ktap_skip(t, "the device tree blob is not in the linear map");
		return;
	}
	for (int k = 0, nr = fdt_num_mem_rsv(fdt); k < nr; k++) {
		uint64_t base, size;

		if (!fdt_get_mem_rsv(fdt, k, &base, &size) && size && base < SZ_4G) {
			expect_dt_range_held(t, base, size, false);
			n++;
		}
	}
	n += expect_reserved_memory_held(t, fdt);
	ktap_print("%d device tree reservations checked\n", n);
}

static const struct ktap_case memblock_cases[] = {
	KTAP_CASE(memblock_arrays_are_sound),
	KTAP_CASE(memblock_boot_reservations),
	KTAP_CASE(memblock_zones_span_memory),
	KTAP_CASE(memblock_reserved_pages_stay_out_of_buddy),
	KTAP_CASE(memblock_dt_reservations_held),
};
KTAP_SUITE(memblock_suite, "memblock", memblock_cases);
