// SPDX-License-Identifier: GPL-2.0
/*
 * Host tests of mm/memtest.c, the RAM probe: memblock.memory as a device
 * tree would describe it, RAM that answers only where the test says
 * (host_shim.c's arch_ram_probe()), and what is left afterwards.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include <asm/mm.h>
#include <asm/page.h>
#include <linux/kernel.h>
#include <linux/memblock.h>

#include "host_shim.h"

struct range {
	phys_addr_t base, size;
};

static int setup(void **state)
{
	memblock_reset();
	host_log_reset();
	host_nr_present = 0;
	host_nr_probed = 0;
	ram_probe_count = ram_probe_pieces = 0;
	return 0;
}

static void present(phys_addr_t base, phys_addr_t size)
{
	host_ram_present[host_nr_present].base = base;
	host_ram_present[host_nr_present++].size = size;
}

static void check_memory(const struct range *want, unsigned long n)
{
	assert_int_equal(memblock.memory.cnt, n);
	for (unsigned long i = 0; i < n; i++) {
		assert_int_equal(memblock.memory.regions[i].base, want[i].base);
		assert_int_equal(memblock.memory.regions[i].size, want[i].size);
	}
}

/* Nothing is probed inside a reservation: the 8-byte pair a probe writes. */
static void check_probes_avoid_reserved(void)
{
	for (unsigned long i = 0; i < host_nr_probed; i++) {
		assert_false(memblock_is_region_reserved(host_probed[i] & ~7, 8));
		assert_int_equal(host_probed[i] % 4, 0);
	}
}

/*
 * Two probes a piece: below the kernel one piece, above it pieces up to
 * each cut (512 KiB past a multiple of 64 MiB).  Each probe costs QEMU a
 * zeroed 2 MiB huge page (see mm/memtest.c): the two probes at a cut share
 * one, so no more huge pages are touched than there are pieces (cuts on
 * the multiples touched 8 here).
 */
static void test_all_present_costs_two_probes_per_piece(void **state)
{
	const struct range want[] = { { 0x60000000, 0x10000000 } };
	phys_addr_t huge[64];
	unsigned long n_huge = 0;

	memblock_add(0x60000000, 0x10000000);
	memblock_reserve(0x6000c000, 0x42668); /* swapper_pg_dir and the kernel */
	present(0x60000000, 0x10000000);
	early_ram_probe();
	check_memory(want, 1);
	assert_int_equal(ram_probe_pieces, 1 + 5);
	assert_int_equal(ram_probe_count, 2 * 6);
	assert_false(host_log_contains("RAM probe: no RAM"));
	check_probes_avoid_reserved();
	for (unsigned long i = 0; i < host_nr_probed; i++) {
		phys_addr_t h = host_probed[i] & ~(phys_addr_t)(SZ_2M - 1);
		unsigned long j = 0;

		while (j < n_huge && huge[j] != h)
			j++;
		if (j == n_huge)
			huge[n_huge++] = h;
	}
	assert_true(n_huge <= ram_probe_pieces);
}

/* Issue 11: ram@a0000000 at -m 512M, 256 MiB the board does not have. */
static void test_missing_bank_is_removed_and_named(void **state)
{
	const struct range want[] = { { 0x60000000, 0x20000000 } };

	memblock_add(0x60000000, 0x20000000);
	memblock_add(0xa0000000, 0x10000000);
	present(0x60000000, 0x20000000);
	early_ram_probe();
	check_memory(want, 1);
	assert_true(host_log_contains("RAM probe: no RAM answers at 0xa0000000-0xafffffff, which "
				      "the device tree calls RAM: removed\n"));
}

/* RAM that ends or starts inside a piece: the edge is found to the page. */
static void test_edges_inside_a_piece_are_found_to_the_page(void **state)
{
	const struct range want[] = { { 0x60023000, 0x0ff5d000 - 0x23000 } };

	memblock_add(0x60000000, 0x10080000);
	present(0x60023000, 0x0ff5d000 - 0x23000);
	early_ram_probe();
	check_memory(want, 1);
	assert_true(host_log_contains("no RAM answers at 0x60000000-0x60022fff"));
	assert_true(host_log_contains("no RAM answers at 0x6ff5d000-0x7007ffff"));
	/* two per piece, and a binary search over 16384 pages at each edge */
	assert_true(ram_probe_count <= 2 * ram_probe_pieces + 2 * 14);
}

/* A hole across a piece boundary: both of its edges are found. */
static void test_hole_across_pieces_is_found(void **state)
{
	const struct range want[] = { { 0x60000000, 0x03f00000 }, { 0x64200000, 0x03e00000 } };

	memblock_add(0x60000000, 0x08000000);
	present(0x60000000, 0x03f00000);
	present(0x64200000, 0x03e00000);
	early_ram_probe();
	check_memory(want, 2);
	assert_true(host_log_contains("no RAM answers at 0x63f00000-0x641fffff"));
}

/*
 * The probe's limit, which mm/memtest.c names: a hole inside one piece
 * whose both ends answer is not seen (nor is RAM that forgets only some
 * of what is written: that is the `memtest` command's work).
 */
static void test_hole_inside_a_piece_is_not_seen(void **state)
{
	const struct range want[] = { { 0x60100000, 0x1000000 } };

	memblock_add(0x60100000, 0x1000000);
	present(0x60100000, 0x800000);
	present(0x60b00000, 0x600000);
	early_ram_probe();
	check_memory(want, 1);
	assert_int_equal(ram_probe_count, 2);
	assert_false(host_log_contains("RAM probe: no RAM"));
}

/*
 * Reserved memory is never written; missing RAM under a reservation stays
 * in memblock.memory, reserved (never handed out), and the free parts
 * around it go -- also when there are many of them.
 */
static void test_reservations_in_missing_ram_are_left_alone(void **state)
{
	memblock_add(0x60000000, 0x1000000);
	memblock_add(0x80000000, 0x1000000);
	for (int i = 0; i < 100; i++)
		memblock_reserve(0x80000000 + i * 0x20000 + 0x800, 0x1000);
	present(0x60000000, 0x1000000);
	early_ram_probe();
	check_probes_avoid_reserved();
	assert_int_equal(memblock.memory.cnt, 1 + 100);
	for (int i = 0; i < 100; i++) {
		phys_addr_t r = 0x80000000 + i * 0x20000;

		/* the two pages the reservation touches stay, the rest of its 128 KiB goes */
		assert_true(memblock_is_region_memory(r, 0x2000));
		assert_false(memblock_is_memory(r + 0x2000));
		assert_false(memblock_is_memory(r - 1));
	}
	assert_int_equal(memblock_phys_mem_size(), 0x1000000 + 100 * 0x2000);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_all_present_costs_two_probes_per_piece, setup),
		cmocka_unit_test_setup(test_missing_bank_is_removed_and_named, setup),
		cmocka_unit_test_setup(test_edges_inside_a_piece_are_found_to_the_page, setup),
		cmocka_unit_test_setup(test_hole_across_pieces_is_found, setup),
		cmocka_unit_test_setup(test_hole_inside_a_piece_is_not_seen, setup),
		cmocka_unit_test_setup(test_reservations_in_missing_ram_are_left_alone, setup),
	};

	return cmocka_run_group_tests_name("memtest", tests, NULL, NULL);
}
