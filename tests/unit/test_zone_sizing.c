// SPDX-License-Identifier: GPL-2.0
/*
 * Host tests of the zone sizing: adjust_lowmem_bounds() -> bootmem_init()
 * -> free_area_init_core() over many RAM sizes, each log line checked
 * against figures computed here independently (and, for -m 1024M, the
 * seed's own lines -- the seed being the study notes a9mm grew from, not in
 * this repository -- where they do not depend on sizeof(struct page), which
 * is 32 on the target but larger on a 64-bit host).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <cmocka.h>
#include <string.h>

#include <asm/mm.h>
#include <linux/memblock.h>
#include <linux/mm.h>

#include "host_shim.h"

#define RAM 0x60000000u
#define MB  (1u << 20)

static int setup(void **state)
{
	memblock_reset();
	host_log_reset();
	return 0;
}

static int teardown(void **state)
{
	host_ram_free();
	return 0;
}

/* Linux's batch, spelled differently: shifts and a loop instead of helpers */
static unsigned long expected_batch(unsigned long managed)
{
	unsigned long b = managed >> 10, p = 1;

	if (b > 128) /* 512 KiB of 4 KiB pages */
		b = 128;
	b >>= 2;
	if (!b)
		b = 1;
	while (p * 2 <= b + b / 2)
		p *= 2;
	return p - 1;
}

static void expect_line(const char *fmt, ...)
{
	char line[160];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	if (!host_log_contains(line))
		fail_msg("missing log line \"%s\" in:\n%s", line, host_log);
}

static void size_one(unsigned long ram_mb)
{
	unsigned long total = ram_mb * MB / 4096;
	/* lowmem ends at 0xef800000 - PAGE_OFFSET = 760 MiB of RAM */
	unsigned long normal = total < 760 * MB / 4096 ? total : 760 * MB / 4096;
	unsigned long high = total - normal;
	unsigned long memmap = (normal * sizeof(struct page) + 4095) / 4096;

	memblock_reset();
	host_log_reset();
	host_ram_init(RAM, ram_mb * MB);
	memblock_add(RAM, ram_mb * MB);
	memblock_reserve(RAM + 0xc000, 0x40000);
	adjust_lowmem_bounds();
	memblock_set_current_limit(arm_lowmem_limit);
	bootmem_init();

	expect_line("On node 0 totalpages: %lu\n", total);
	expect_line("  Normal zone: %lu pages used for memmap\n", memmap);
	expect_line("  Normal zone: 0 pages reserved\n");
	expect_line("  Normal zone: %lu pages, LIFO batch:%lu\n", normal,
		    expected_batch(normal - memmap));
	if (high)
		expect_line("  HighMem zone: %lu pages, LIFO batch:%lu\n", high,
			    expected_batch(high));
	else
		assert_false(host_log_contains("HighMem zone"));

	assert_int_equal(min_low_pfn, RAM >> 12);
	assert_int_equal(max_low_pfn, (RAM >> 12) + normal);
	assert_int_equal(max_pfn, (RAM >> 12) + total);
	assert_int_equal(NODE_DATA(0)->node_zones[ZONE_NORMAL].managed_pages, normal - memmap);
	assert_int_equal(NODE_DATA(0)->node_zones[ZONE_HIGHMEM].managed_pages, high);
	host_ram_free();
}

static void test_many_sizes(void **state)
{
	static const unsigned long sizes[] = { 16,  48,	 64,  100, 128, 256,  300, 512,
					       759, 760, 761, 768, 800, 1000, 1024 };

	for (unsigned int i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++)
		size_one(sizes[i]);
}

static void test_seed_figures_at_1024m(void **state)
{
	size_one(1024);
	/* independent of sizeof(struct page): the seed's lines */
	assert_true(host_log_contains("On node 0 totalpages: 262144\n"));
	assert_true(host_log_contains("  Normal zone: 194560 pages, LIFO batch:31\n"));
	assert_true(host_log_contains("  HighMem zone: 67584 pages, LIFO batch:15\n"));
	/* and the memmap figure, for the target's 32-byte struct page */
	assert_int_equal((194560 * 32 + 4095) / 4096, 1520);
}

static void test_hole_between_banks(void **state)
{
	/* two banks with a 64 MiB hole: spanned counts it, present does not */
	host_ram_init(RAM, 256 * MB);
	memblock_add(RAM, 64 * MB);
	memblock_add(RAM + 128 * MB, 128 * MB);
	memblock_reserve(RAM + 0xc000, 0x40000);
	adjust_lowmem_bounds();
	memblock_set_current_limit(arm_lowmem_limit);
	bootmem_init();
	assert_int_equal(NODE_DATA(0)->node_zones[ZONE_NORMAL].spanned_pages, 256 * MB / 4096);
	assert_int_equal(NODE_DATA(0)->node_zones[ZONE_NORMAL].present_pages, 192 * MB / 4096);
	assert_true(host_log_contains("On node 0 totalpages: 49152\n"));
}

static void test_batch_formula_edges(void **state)
{
	struct zone z = { 0 };

	for (unsigned long managed = 0; managed < 2000000; managed += 997) {
		z.managed_pages = managed;
		assert_int_equal(zone_batchsize(&z), expected_batch(managed));
	}
	z.managed_pages = 193040; /* the seed's Normal zone, after its memmap */
	assert_int_equal(zone_batchsize(&z), 31);
	z.managed_pages = 67584;
	assert_int_equal(zone_batchsize(&z), 15);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_many_sizes, setup, teardown),
		cmocka_unit_test_setup_teardown(test_seed_figures_at_1024m, setup, teardown),
		cmocka_unit_test_setup_teardown(test_hole_between_banks, setup, teardown),
		cmocka_unit_test_setup_teardown(test_batch_formula_edges, setup, teardown),
	};

	return cmocka_run_group_tests_name("zone_sizing", tests, NULL, NULL);
}
