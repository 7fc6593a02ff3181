// SPDX-License-Identifier: GPL-2.0
/*
 * Host tests of mm/memblock.c: adding, merging, overlapping, removing,
 * reserving, top-down allocation, limits, full arrays, the iterators and
 * the debug dump -- and a random sequence checked against a page bitmap.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <cmocka.h>
#include <string.h>

#include <asm/page.h>
#include <linux/errno.h>
#include <linux/memblock.h>

#include "host_shim.h"

struct range {
	phys_addr_t base, size;
};

static int setup(void **state)
{
	memblock_reset();
	memblock_debug = false;
	host_log_reset();
	return 0;
}

/* The array must hold exactly these regions, in this order. */
static void check_type(const struct memblock_type *type, const struct range *want, unsigned long n)
{
	phys_addr_t total = 0;

	assert_int_equal(type->cnt, n);
	for (unsigned long i = 0; i < n; i++) {
		assert_int_equal(type->regions[i].base, want[i].base);
		assert_int_equal(type->regions[i].size, want[i].size);
		total += want[i].size;
	}
	assert_int_equal(type->total_size, total);
}

static void test_add_sorts_and_merges_neighbours(void **state)
{
	const struct range two[] = { { 0x1000, 0x1000 }, { 0x5000, 0x1000 } };
	const struct range one[] = { { 0x1000, 0x5000 } };

	assert_int_equal(memblock_add(0x5000, 0x1000), 0);
	assert_int_equal(memblock_add(0x1000, 0x1000), 0);
	check_type(&memblock.memory, two, 2);
	/* fill the gap exactly: all three become one region */
	assert_int_equal(memblock_add(0x2000, 0x3000), 0);
	check_type(&memblock.memory, one, 1);
}

static void test_add_overlapping_covers_union(void **state)
{
	const struct range want[] = { { 0x1000, 0x9000 } };

	memblock_add(0x1000, 0x4000);
	memblock_add(0x8000, 0x2000);
	memblock_add(0x3000, 0x6000); /* overlaps both */
	check_type(&memblock.memory, want, 1);
	memblock_add(0x2000, 0x1000); /* already inside: no change */
	check_type(&memblock.memory, want, 1);
}

static void test_add_zero_size_is_noop(void **state)
{
	assert_int_equal(memblock_add(0x1000, 0), 0);
	assert_int_equal(memblock.memory.cnt, 0);
}

static void test_add_is_capped_at_4g(void **state)
{
	/* the end would wrap past 0xffffffff: cut, never wrapped to 0 */
	memblock_add(0xffff0000, 0x20000);
	assert_int_equal(memblock.memory.cnt, 1);
	assert_int_equal(memblock.memory.regions[0].base, 0xffff0000);
	assert_int_equal(memblock.memory.regions[0].size, 0xffff);
}

static void test_remove_splits_and_spans(void **state)
{
	const struct range split[] = { { 0x1000, 0x2000 }, { 0x4000, 0x2000 }, { 0x8000, 0x2000 } };
	const struct range spanned[] = { { 0x1000, 0x1000 }, { 0x9000, 0x1000 } };

	memblock_add(0x1000, 0x5000);
	memblock_add(0x8000, 0x2000);
	memblock_remove(0x3000, 0x1000); /* a hole in the first region */
	check_type(&memblock.memory, split, 3);
	memblock_remove(0x2000, 0x7000); /* across all three */
	check_type(&memblock.memory, spanned, 2);
	memblock_remove(0, 0x100000); /* everything */
	check_type(&memblock.memory, NULL, 0);
}

static void test_reserve_and_free(void **state)
{
	const struct range left[] = { { 0x10000, 0x1000 }, { 0x13000, 0x1000 } };

	memblock_add(0x10000, 0x100000);
	memblock_reserve(0x10000, 0x4000);
	assert_true(memblock_is_reserved(0x12fff));
	assert_true(memblock_is_region_reserved(0x13fff, 0x10));
	assert_false(memblock_is_region_reserved(0x14000, 0x1000));
	memblock_free(0x11000, 0x2000);
	check_type(&memblock.reserved, left, 2);
	assert_false(memblock_is_reserved(0x11000));
	/* memory itself is untouched by reservations */
	assert_int_equal(memblock_phys_mem_size(), 0x100000);
	assert_int_equal(memblock_reserved_size(), 0x2000);
}

static void test_free_ranges_are_memory_minus_reserved(void **state)
{
	const struct range want[] = {
		{ 0x1000, 0x1000 },
		{ 0x3000, 0x2000 },
		{ 0x8000, 0x1000 },
		{ 0xa000, 0x1000 },
	};
	phys_addr_t start, end;
	unsigned long n = 0;
	u64 i;

	memblock_add(0x1000, 0x4000);
	memblock_add(0x8000, 0x3000);
	memblock_reserve(0x2000, 0x1000);
	memblock_reserve(0x4fff, 0x3001); /* straddles the hole, ends at 0x8000 */
	memblock_reserve(0x9000, 0x1000);

	/* 0x4fff reserved: the free range before it ends at 0x4fff */
	for_each_free_mem_range(i, &start, &end) {
		phys_addr_t want_end = want[n].base + want[n].size;

		assert_true(n < 4);
		assert_int_equal(start, want[n].base);
		assert_int_equal(end, n == 1 ? want_end - 1 : want_end);
		n++;
	}
	assert_int_equal(n, 4);

	/* the reverse walk yields the same ranges, top first */
	for_each_mem_range_rev(i, &memblock.memory, &memblock.reserved, &start, &end) {
		n--;
		assert_int_equal(start, want[n].base);
	}
	assert_int_equal(n, 0);
}

static void test_alloc_is_top_down_below_limit(void **state)
{
	memblock_add(0x60000000, 0x1000000);
	memblock_reserve(0x60fff000, 0x1000);

	assert_int_equal(memblock_alloc(0x1000, 0x1000), 0x60ffe000);
	assert_true(memblock_is_reserved(0x60ffe000));
	/* alignment: the highest 1 MiB-aligned start that fits */
	assert_int_equal(memblock_alloc(0x4000, 0x100000), 0x60f00000);
	/* the limit caps the end of the block */
	memblock_set_current_limit(0x60800000);
	assert_int_equal(memblock_alloc(0x2000, 0x1000), 0x607fe000);
	assert_int_equal(memblock_get_current_limit(), 0x60800000);
	/* explicit max_addr below the limit */
	assert_int_equal(memblock_alloc_base(0x1000, 0x1000, 0x60001000), 0x60000000);
}

static void test_alloc_failure(void **state)
{
	jmp_buf jb;

	memblock_add(0x60000000, 0x10000);
	memblock_reserve(0x60000000, 0x8000);
	assert_int_equal(memblock_alloc_base(0x10000, 0x1000, MEMBLOCK_ALLOC_ACCESSIBLE), 0);
	assert_int_equal(memblock_alloc_base(0x1000, 0x3000, MEMBLOCK_ALLOC_ACCESSIBLE), 0);
	/* nothing changed by the failures */
	assert_int_equal(memblock_reserved_size(), 0x8000);

	host_panic_jmp = &jb;
	if (!setjmp(jb)) {
		memblock_alloc(0x10000, 0x1000);
		fail_msg("memblock_alloc returned although nothing fits");
	}
	host_panic_jmp = NULL;
	assert_non_null(strstr(host_panic_msg, "cannot allocate 0x10000 bytes"));
}

static void test_alloc_never_returns_page_zero(void **state)
{
	memblock_add(0, 0x2000);
	assert_int_equal(memblock_alloc_base(0x1000, 0x1000, MEMBLOCK_ALLOC_ACCESSIBLE), 0x1000);
	assert_int_equal(memblock_alloc_base(0x1000, 0x1000, MEMBLOCK_ALLOC_ACCESSIBLE), 0);
}

/* Runs fn, which must panic; returns the panic message. */
static const char *expect_panic(void (*fn)(void))
{
	jmp_buf jb;

	host_panic_jmp = &jb;
	if (!setjmp(jb)) {
		fn();
		host_panic_jmp = NULL;
		fail_msg("no panic");
	}
	host_panic_jmp = NULL;
	return host_panic_msg;
}

static void add_one_more_bank(void)
{
	memblock_add(0x1000 + INIT_MEMBLOCK_REGIONS * 0x2000, 0x1000);
}

/*
 * With nowhere to grow (no window, no resize), a full array stops the
 * kernel naming the limit -- never drops the region (a dropped
 * reservation is an in-use page on a free list).
 */
static void test_full_array_without_room_panics(void **state)
{
	for (unsigned long i = 0; i < INIT_MEMBLOCK_REGIONS; i++)
		assert_int_equal(memblock_add(0x1000 + i * 0x2000, 0x1000), 0);
	assert_int_equal(memblock.memory.cnt, INIT_MEMBLOCK_REGIONS);
	assert_non_null(strstr(
		expect_panic(add_one_more_bank),
		"memblock: cannot double the memory array from 128 to 256 regions: no free 4 KiB"));
	assert_non_null(strstr(host_panic_msg, "the RAM mapped before paging_init()"));
}

/* Fills memblock.reserved with n one-page regions, a page apart, from base. */
static void fill_reserved(phys_addr_t base, unsigned long n)
{
	for (unsigned long i = 0; i < n; i++)
		assert_int_equal(memblock_reserve(base + i * 0x2000, 0x1000), 0);
}

/* Every region of every array is sorted, disjoint, merged; each grown array reserved. */
static void check_sound(void)
{
	const struct memblock_type *types[] = { &memblock.memory, &memblock.reserved };

	for (int t = 0; t < 2; t++) {
		const struct memblock_type *type = types[t];
		phys_addr_t total = 0;

		assert_true(type->cnt <= type->max);
		for (unsigned long i = 0; i < type->cnt; i++) {
			total += type->regions[i].size;
			if (i)
				assert_true(type->regions[i - 1].base + type->regions[i - 1].size <
					    type->regions[i].base);
		}
		assert_int_equal(total, type->total_size);
		if (type->max > INIT_MEMBLOCK_REGIONS)
			assert_true(memblock_is_region_reserved(
				a9mm_host_pa(type->regions),
				type->max * sizeof(struct memblock_region)));
	}
}

/*
 * Before paging_init() the arrays grow inside the window setup_arch()
 * names (RAM head.S mapped), as often as needed: 2000 reservations made
 * that early all stay.
 */
static void test_arrays_grow_in_the_early_window(void **state)
{
	const phys_addr_t ram = 0x60000000, win = ram + 0x300000;

	host_ram_init(ram, 0x400000);
	memblock_add(ram, 0x400000);
	memblock_set_resize_window(win, win + 0x100000);
	/* 2000 disjoint reservations of 16 bytes, in no particular order */
	for (unsigned long i = 0; i < 2000; i++)
		assert_int_equal(memblock_reserve(ram + ((i * 997) % 2000) * 0x20, 0x10), 0);
	assert_int_equal(memblock.reserved.max, 2048);
	check_sound();
	/* every array was taken from the window, the live one is reserved */
	assert_true(a9mm_host_pa(memblock.reserved.regions) >= win);
	assert_int_equal(memblock.reserved.cnt, 2000 + 1);
	for (unsigned long i = 0; i < 2000; i++)
		assert_true(memblock_is_region_reserved(ram + i * 0x20, 0x10));
	host_ram_free();
}

/*
 * The defect of issue 11: the reserved array full when memblock_alloc()
 * reserves the block it found.  Doubling looked for room in the same free
 * memory and put the new array on that very block: the caller then zeroed
 * it (mem_map), or the insert hit the BUG in memblock_merge_regions().
 */
static void test_double_never_lands_on_the_block_being_reserved(void **state)
{
	const phys_addr_t ram = 0x60000000;
	phys_addr_t got, array;

	host_ram_init(ram, 0x400000);
	memblock_add(ram, 0x400000);
	memblock_allow_resize();
	fill_reserved(ram, INIT_MEMBLOCK_REGIONS);
	assert_int_equal(memblock.reserved.cnt, memblock.reserved.max);
	got = memblock_alloc(0x1000, 0x1000);
	array = a9mm_host_pa(memblock.reserved.regions);
	assert_int_equal(got, ram + 0x400000 - 0x1000); /* top-down: the last page */
	assert_true(array + PAGE_SIZE <= got || array >= got + 0x1000);
	assert_true(memblock_is_region_reserved(got, 0x1000));
	check_sound();
	host_ram_free();
}

static void remove_top_while_full(void)
{
	memblock_remove(0x60300000, 0x100000);
}

/*
 * The memory array full when a no-map region is removed: the new array
 * must not be put inside that region (it would leave RAM with it).
 * Linux excludes the range only when doubling memblock.reserved.
 */
static void test_double_never_lands_in_the_range_being_removed(void **state)
{
	const phys_addr_t ram = 0x60000000;
	phys_addr_t array;

	host_ram_init(ram, 0x400000);
	memblock_allow_resize();
	for (unsigned long i = 0; i < INIT_MEMBLOCK_REGIONS - 1; i++)
		memblock_add(ram + i * 0x2000, 0x1000);
	memblock_add(ram + 0x200000, 0x200000);
	assert_int_equal(memblock.memory.cnt, INIT_MEMBLOCK_REGIONS);
	remove_top_while_full();
	array = a9mm_host_pa(memblock.memory.regions);
	assert_true(array < 0x60300000);
	assert_true(memblock_is_region_memory(array, PAGE_SIZE));
	assert_false(memblock_is_memory(0x60300000));
	check_sound();
	host_ram_free();
}

/*
 * Found by fuzz_memblock: the memory array doubles while memblock.reserved
 * is full.  Giving the old memory array back needed a reserved slot, so
 * reserved doubled too -- and, the new memory array not reserved yet,
 * took its second page: both arrays on one page.
 */
static void test_arrays_never_share_a_page(void **state)
{
	const phys_addr_t ram = 0x60000000;
	unsigned long i;
	phys_addr_t mem_array, rsv_array;

	host_ram_init(ram, 0x400000);
	memblock_add(ram, 0x400000);
	memblock_allow_resize();
	/* the memory array grows once: 256 slots, in the top page of RAM */
	for (i = 0; memblock.memory.max == INIT_MEMBLOCK_REGIONS; i++)
		memblock_add(0x70000000 + i * 0x20, 0x10);
	/* memblock.reserved exactly full, the memory array exactly full */
	for (i = 0; memblock.reserved.cnt < memblock.reserved.max; i++)
		memblock_reserve(ram + i * 0x20, 0x10);
	for (i = 0; memblock.memory.cnt < memblock.memory.max; i++)
		memblock_add(0x78000000 + i * 0x20, 0x10);
	assert_int_equal(memblock.reserved.max, INIT_MEMBLOCK_REGIONS);
	/* one more bank: memory doubles to 512 (two pages), reserved to 256 */
	memblock_add(0x7f000000, 0x10);
	mem_array = a9mm_host_pa(memblock.memory.regions);
	rsv_array = a9mm_host_pa(memblock.reserved.regions);
	assert_int_equal(memblock.memory.max, 512);
	assert_int_equal(memblock.reserved.max, 256);
	assert_true(rsv_array + PAGE_SIZE <= mem_array || rsv_array >= mem_array + 2 * PAGE_SIZE);
	check_sound();
	host_ram_free();
}

static void test_full_array_doubles_after_resize(void **state)
{
	const phys_addr_t ram = 0x60000000;
	unsigned long i;

	host_ram_init(ram, 0x400000);
	memblock_add(ram, 0x400000);
	fill_reserved(ram, INIT_MEMBLOCK_REGIONS);
	memblock_allow_resize();
	i = INIT_MEMBLOCK_REGIONS;
	assert_int_equal(memblock_reserve(ram + i * 0x2000, 0x1000), 0);
	assert_int_equal(memblock.reserved.max, 2 * INIT_MEMBLOCK_REGIONS);
	/* 129 small reservations plus the new array itself, at the top */
	assert_int_equal(memblock.reserved.cnt, INIT_MEMBLOCK_REGIONS + 2);
	assert_true(memblock_is_reserved(ram + 0x400000 - 1));
	for (i = 0; i <= INIT_MEMBLOCK_REGIONS; i++)
		assert_int_equal(memblock.reserved.regions[i].base, ram + i * 0x2000);

	/* doubling again gives the first dynamic array back */
	for (i = INIT_MEMBLOCK_REGIONS + 1; memblock.reserved.cnt < 2 * INIT_MEMBLOCK_REGIONS; i++)
		assert_int_equal(memblock_reserve(ram + i * 0x2000, 0x1000), 0);
	{
		phys_addr_t first = a9mm_host_pa(memblock.reserved.regions);
		phys_addr_t first_size = 2 * INIT_MEMBLOCK_REGIONS * sizeof(struct memblock_region);

		assert_int_equal(memblock_reserve(ram + i * 0x2000, 0x1000), 0);
		assert_int_equal(memblock.reserved.max, 4 * INIT_MEMBLOCK_REGIONS);
		assert_false(memblock_is_region_reserved(first, first_size));
	}
	check_sound();
	host_ram_free();
}

static void test_enforce_memory_limit(void **state)
{
	const struct range want[] = { { 0x1000, 0x2000 }, { 0x8000, 0x1000 } };

	memblock_add(0x1000, 0x2000);
	memblock_add(0x8000, 0x4000);
	memblock_reserve(0xa000, 0x1000);
	memblock_enforce_memory_limit(0x3000);
	check_type(&memblock.memory, want, 2);
	assert_int_equal(memblock.reserved.cnt, 0);
	assert_int_equal(memblock_end_of_DRAM(), 0x9000);
	assert_int_equal(memblock_start_of_DRAM(), 0x1000);
}

static void test_queries(void **state)
{
	memblock_add(0x60000000, 0x100000);
	assert_true(memblock_is_memory(0x600fffff));
	assert_false(memblock_is_memory(0x60100000));
	assert_true(memblock_is_region_memory(0x60000000, 0x100000));
	assert_false(memblock_is_region_memory(0x60000000, 0x100001));
	assert_true(memblock_overlaps_region(&memblock.memory, 0x5fffffff, 2));
	assert_false(memblock_overlaps_region(&memblock.memory, 0x5ff00000, 0x100000));
}

static void test_debug_dump_and_trace(void **state)
{
	memblock_debug = true;
	memblock_add(0x60000000, 0x40000000);
	memblock_reserve(0x6000c000, 0x27c80);
	memblock_dump_all();
	assert_true(host_log_contains("memblock_add: [0x60000000-0x9fffffff] flags 0x0 0x"));
	assert_true(host_log_contains("MEMBLOCK configuration:\n"));
	assert_true(host_log_contains(" memory size = 0x40000000 reserved size = 0x00027c80\n"));
	assert_true(host_log_contains(" memory.cnt  = 0x1\n"));
	assert_true(host_log_contains(
		" memory[0x0]\t[0x60000000-0x9fffffff], 0x40000000 bytes flags: 0x0\n"));
	assert_true(host_log_contains(
		" reserved[0x0]\t[0x6000c000-0x60033c7f], 0x00027c80 bytes flags: 0x0\n"));

	/* without memblock=debug, neither traces nor the dump */
	host_log_reset();
	memblock_debug = false;
	memblock_add(0x10000000, 0x1000);
	memblock_dump_all();
	assert_false(host_log_contains("memblock_add"));
	assert_false(host_log_contains("MEMBLOCK"));
}

/*
 * Random adds/removes over 256 pages against a bitmap: afterwards the
 * regions must be sorted, disjoint, merged (no two touching) and cover
 * exactly the pages the bitmap has.
 */
#define NPAGES 256
static void test_random_against_bitmap(void **state)
{
	bool model[NPAGES] = { false };
	unsigned int seed = 12345;

	for (int step = 0; step < 4000; step++) {
		unsigned int a = (unsigned int)rand_r(&seed) % NPAGES;
		unsigned int len = 1 + (unsigned int)rand_r(&seed) % 24;
		bool add = rand_r(&seed) % 3 != 0;

		if (a + len > NPAGES)
			len = NPAGES - a;
		if (add)
			assert_int_equal(memblock_add(0x1000 + a * 0x1000, len * 0x1000), 0);
		else
			assert_int_equal(memblock_remove(0x1000 + a * 0x1000, len * 0x1000), 0);
		for (unsigned int p = a; p < a + len; p++)
			model[p] = add;

		/* compare */
		phys_addr_t total = 0, prev_end = 0;
		bool seen[NPAGES] = { false };

		for (unsigned long r = 0; r < memblock.memory.cnt; r++) {
			const struct memblock_region *rg = &memblock.memory.regions[r];

			assert_true(rg->size > 0);
			if (r)
				assert_true(rg->base > prev_end); /* sorted, merged */
			prev_end = rg->base + rg->size;
			total += rg->size;
			for (phys_addr_t x = rg->base; x < prev_end; x += 0x1000)
				seen[(x - 0x1000) / 0x1000] = true;
		}
		assert_int_equal(total, memblock.memory.total_size);
		assert_memory_equal(seen, model, sizeof(model));
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_add_sorts_and_merges_neighbours, setup),
		cmocka_unit_test_setup(test_add_overlapping_covers_union, setup),
		cmocka_unit_test_setup(test_add_zero_size_is_noop, setup),
		cmocka_unit_test_setup(test_add_is_capped_at_4g, setup),
		cmocka_unit_test_setup(test_remove_splits_and_spans, setup),
		cmocka_unit_test_setup(test_reserve_and_free, setup),
		cmocka_unit_test_setup(test_free_ranges_are_memory_minus_reserved, setup),
		cmocka_unit_test_setup(test_alloc_is_top_down_below_limit, setup),
		cmocka_unit_test_setup(test_alloc_failure, setup),
		cmocka_unit_test_setup(test_alloc_never_returns_page_zero, setup),
		cmocka_unit_test_setup(test_full_array_without_room_panics, setup),
		cmocka_unit_test_setup(test_arrays_grow_in_the_early_window, setup),
		cmocka_unit_test_setup(test_double_never_lands_on_the_block_being_reserved, setup),
		cmocka_unit_test_setup(test_double_never_lands_in_the_range_being_removed, setup),
		cmocka_unit_test_setup(test_arrays_never_share_a_page, setup),
		cmocka_unit_test_setup(test_full_array_doubles_after_resize, setup),
		cmocka_unit_test_setup(test_enforce_memory_limit, setup),
		cmocka_unit_test_setup(test_queries, setup),
		cmocka_unit_test_setup(test_debug_dump_and_trace, setup),
		cmocka_unit_test_setup(test_random_against_bitmap, setup),
	};

	return cmocka_run_group_tests_name("memblock", tests, NULL, NULL);
}
