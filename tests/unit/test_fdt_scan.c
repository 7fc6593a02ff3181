// SPDX-License-Identifier: GPL-2.0
/*
 * Host tests of fdt/fdt.c and kernel/mem_param.c: the early DT scan into
 * memblock, on DTBs that dtc compiled from tests/dts (good and odd ones)
 * and on trees built or broken here with libfdt itself.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <cmocka.h>
#include <string.h>

#include <libfdt.h>

#include <asm/memory.h>
#include <asm/page.h>
#include <asm/setup.h>
#include <linux/errno.h>
#include <linux/memblock.h>
#include <linux/of_fdt.h>

#include "host_shim.h"

struct range {
	phys_addr_t base, size;
};

static char blob[2 * FDT_MAX_SIZE] __attribute__((aligned(8)));

static int setup(void **state)
{
	memblock_reset();
	memblock_debug = false;
	host_log_reset();
	memset(boot_command_line, 0, sizeof(boot_command_line));
	initial_boot_params = NULL;
	return 0;
}

/* Reads build/dtb/<name>.dtb (A9MM_DTB_DIR) into blob. */
static void *load_dtb(const char *name)
{
	const char *dir = getenv("A9MM_DTB_DIR");
	char path[512];
	FILE *f;
	size_t n;

	snprintf(path, sizeof(path), "%s/%s.dtb", dir ? dir : "build/dtb", name);
	f = fopen(path, "rb");
	if (!f)
		fail_msg("cannot open %s (run make)", path);
	n = fread(blob, 1, sizeof(blob), f);
	fclose(f);
	assert_true(n > sizeof(struct fdt_header));
	return blob;
}

static void check_memory(const struct range *want, unsigned long n)
{
	assert_int_equal(memblock.memory.cnt, n);
	for (unsigned long i = 0; i < n; i++) {
		assert_int_equal(memblock.memory.regions[i].base, want[i].base);
		assert_int_equal(memblock.memory.regions[i].size, want[i].size);
	}
}

/* A tree with the given root cells and one memory node "name" with reg. */
static void *make_tree(int ac, int sc, const char *name, const fdt32_t *reg, int reg_len)
{
	int node;

	assert_int_equal(fdt_create_empty_tree(blob, sizeof(blob) / 2), 0);
	assert_int_equal(fdt_setprop_u32(blob, 0, "#address-cells", ac), 0);
	assert_int_equal(fdt_setprop_u32(blob, 0, "#size-cells", sc), 0);
	node = fdt_add_subnode(blob, 0, name);
	assert_true(node >= 0);
	assert_int_equal(fdt_setprop_string(blob, node, "device_type", "memory"), 0);
	assert_int_equal(fdt_setprop(blob, node, "reg", reg, reg_len), 0);
	return blob;
}

static void test_board_dtb(void **state)
{
	const struct range want[] = { { 0x60000000, 0x40000000 } };

	assert_true(early_init_dt_scan(load_dtb("../vexpress-v2p-ca9")));
	check_memory(want, 1);
	assert_string_equal(of_flat_dt_get_machine_name(), "V2P-CA9");
	assert_int_equal(dt_root_addr_cells, 1);
	assert_int_equal(dt_root_size_cells, 1);
}

static void test_two_memory_nodes_three_banks(void **state)
{
	const struct range want[] = {
		{ 0x60000000, 0x10000000 },
		{ 0x80000000, 0x08000000 },
		{ 0x90000000, 0x04000000 },
	};

	assert_true(early_init_dt_scan(load_dtb("two-banks")));
	check_memory(want, 3);
	assert_true(host_log_contains("memory node memory@60000000 is disabled, skipped"));
	assert_true(host_log_contains("memory scan node bank@80000000, reg size 16,"));
	assert_false(host_log_contains("overlaps"));
}

static void test_two_cells_and_above_4g(void **state)
{
	const struct range want[] = { { 0x60000000, 0x40000000 } };

	assert_true(early_init_dt_scan(load_dtb("cells2")));
	assert_int_equal(dt_root_addr_cells, 2);
	check_memory(want, 1);
	assert_true(host_log_contains(
		"OF: fdt: Ignoring memory block 0x880000000 - 0x8c0000000 (above 4 GiB, no LPAE)"));
}

static void test_bank_crossing_4g_is_cut(void **state)
{
	const fdt32_t reg[] = { cpu_to_fdt32(0), cpu_to_fdt32(0xf0000000), cpu_to_fdt32(0),
				cpu_to_fdt32(0x20000000) };
	/* memblock keeps 32-bit ends: the last page below 4 GiB is unusable */
	const struct range want[] = { { 0xf0000000, 0x10000000 - PAGE_SIZE } };

	assert_true(early_init_dt_scan(make_tree(2, 2, "memory@f0000000", reg, sizeof(reg))));
	check_memory(want, 1);
	/* Linux names the part above 4 GiB; a9mm says why the last page goes too */
	assert_true(host_log_contains(
		"Ignoring memory range 0x100000000 - 0x110000000 (above 4 GiB, no LPAE)"));
	assert_true(host_log_contains(
		"Ignoring memory range 0xfffff000 - 0x100000000 (a memblock region cannot end at 4 GiB)"));
}

static void test_odd_banks(void **state)
{
	const struct range want[] = { { 0x60000000, 0x40000000 } };

	assert_true(early_init_dt_scan(load_dtb("odd-banks")));
	check_memory(want, 1);
	assert_true(host_log_contains("memory node zero@70000000: bank at 0x70000000 has size 0"));
	assert_true(host_log_contains(
		"Ignoring memory range 0x5ff00000 - 0x60000000 (below PHYS_OFFSET)"));
	assert_true(host_log_contains(
		"memory block 0x6ffff800 - 0x70001800 not page aligned: starts at 0x70000000"));
	assert_true(host_log_contains(
		"memory block 0x68000000 - 0x69000000 overlaps a bank already added: merged"));
	/* linux,usable-memory wins over reg: nothing at 0xa0000000 */
	assert_true(host_log_contains(" - 60000000 ,  4000000"));
	assert_false(memblock_is_memory(0xa0000000));
	assert_true(host_log_contains("memory node noreg@0 has no reg property, skipped"));
}

static void test_partial_reg_entry_dropped(void **state)
{
	/* two whole entries and half of a third */
	const fdt32_t reg[] = { cpu_to_fdt32(0x60000000), cpu_to_fdt32(0x100000),
				cpu_to_fdt32(0x70000000), cpu_to_fdt32(0x100000),
				cpu_to_fdt32(0x80000000) };
	const struct range want[] = { { 0x60000000, 0x100000 }, { 0x70000000, 0x100000 } };

	assert_true(early_init_dt_scan(make_tree(1, 1, "memory", reg, sizeof(reg))));
	check_memory(want, 2);
	assert_true(host_log_contains("reg is 20 bytes, not a multiple of 8; the last 4 ignored"));
}

static void test_tiny_unaligned_bank_ignored(void **state)
{
	const fdt32_t reg[] = { cpu_to_fdt32(0x60000800), cpu_to_fdt32(0x400) };

	assert_true(early_init_dt_scan(make_tree(1, 1, "memory", reg, sizeof(reg))));
	check_memory(NULL, 0);
	assert_true(host_log_contains(
		"Ignoring memory block 0x60000800 - 0x60000c00 (less than a page)"));
}

static void test_no_memory_node(void **state)
{
	assert_true(early_init_dt_scan(load_dtb("no-memory")));
	check_memory(NULL, 0);
	assert_true(
		host_log_contains("no memory node (device_type = \"memory\") with a usable bank"));
}

static void test_bad_cells(void **state)
{
	assert_true(early_init_dt_scan(load_dtb("bad-cells")));
	check_memory(NULL, 0);
	assert_true(host_log_contains("unsupported root #address-cells = 3 / #size-cells = 1"));
}

static void test_reservations(void **state)
{
	const struct range mem[] = { { 0x60000000, 0x0f800000 }, { 0x70000000, 0x30000000 } };
	const struct range rsv[] = { { 0x6d000000, 0x200000 }, { 0x6e000000, 0x100000 } };

	assert_true(early_init_dt_scan(load_dtb("reserved")));
	early_init_fdt_scan_reserved_mem();
	/* no-map: the 8 MiB at 0x6f800000 left memory altogether */
	check_memory(mem, 2);
	assert_int_equal(memblock.reserved.cnt, 2);
	for (int i = 0; i < 2; i++) {
		assert_int_equal(memblock.reserved.regions[i].base, rsv[i].base);
		assert_int_equal(memblock.reserved.regions[i].size, rsv[i].size);
	}
	assert_true(
		host_log_contains("/memreserve/ 0x20000000 - 0x20100000 is outside RAM, ignored"));
	assert_true(
		host_log_contains("node 'pool' has no reg (dynamic placement is not supported)"));
	assert_false(host_log_contains("off@6c000000"));
	assert_false(memblock_is_reserved(0x6c000000));
}

/*
 * A board tree (#address-cells = #size-cells = 1) with RAM [0x60000000,
 * 0x80000000) and room to add reservations: what -m 512M gives.
 */
static void *board_512m(void)
{
	const fdt32_t reg[] = { cpu_to_fdt32(0x60000000), cpu_to_fdt32(0x20000000) };
	void *fdt = make_tree(1, 1, "memory@60000000", reg, sizeof(reg));

	assert_int_equal(fdt_open_into(fdt, fdt, FDT_MAX_SIZE), 0);
	return fdt;
}

/*
 * Adds /reserved-memory/<name> with reg <base size>, no-map if asked.
 * libfdt puts a new node first among its siblings: add them last to first.
 */
static void add_rmem(void *fdt, const char *name, u32 base, u32 size, bool nomap)
{
	int parent = fdt_path_offset(fdt, "/reserved-memory"), node;
	const fdt32_t reg[] = { cpu_to_fdt32(base), cpu_to_fdt32(size) };

	if (parent < 0) {
		parent = fdt_add_subnode(fdt, 0, "reserved-memory");
		assert_true(parent >= 0);
		assert_int_equal(fdt_setprop_u32(fdt, parent, "#address-cells", 1), 0);
		assert_int_equal(fdt_setprop_u32(fdt, parent, "#size-cells", 1), 0);
		assert_int_equal(fdt_setprop(fdt, parent, "ranges", NULL, 0), 0);
	}
	node = fdt_add_subnode(fdt, parent, name);
	assert_true(node >= 0);
	assert_int_equal(fdt_setprop(fdt, node, "reg", reg, sizeof(reg)), 0);
	if (nomap)
		assert_int_equal(fdt_setprop(fdt, node, "no-map", NULL, 0), 0);
}

static void scan_with_reservations(void *fdt)
{
	assert_true(early_init_dt_scan(fdt));
	early_init_fdt_scan_reserved_mem();
}

/*
 * /memreserve/ 0x60000000 0xffffffffffffffff wrapped round 2^64 to end
 * below its start: "0x60000000 - 0x5fffffff is partly outside RAM", and
 * 0x9fffffff bytes reserved, more than the RAM.  Clamped, and said so.
 */
static void test_reservation_that_wraps_is_clamped(void **state)
{
	void *fdt = board_512m();

	assert_int_equal(fdt_add_mem_rsv(fdt, 0x60000000, ~0ULL), 0);
	scan_with_reservations(fdt);
	assert_true(host_log_contains("/memreserve/ 0x60000000 + 0xffffffffffffffff wraps past the "
				      "end of the address space: cut at 4 GiB"));
	assert_true(host_log_contains(
		"/memreserve/ 0x60000000 - 0x100000000 is partly outside RAM: only the RAM in it is reserved"));
	assert_int_equal(memblock_reserved_size(), 0x20000000);
	assert_false(host_log_contains("0x5fffffff"));
}

/*
 * A reservation that reaches past 4 GiB was ignored whole -- the RAM at
 * its start included, which then went to the free lists.  Now the part
 * above 4 GiB is cut and the RAM part reserved.
 */
static void test_reservation_across_4g_keeps_its_ram(void **state)
{
	void *fdt = board_512m();

	assert_int_equal(fdt_add_mem_rsv(fdt, 0x7ff00000, 0x100000000ULL), 0);
	scan_with_reservations(fdt);
	assert_true(
		host_log_contains("/memreserve/: ignoring 0x100000000 - 0x17ff00000 (above 4 GiB"));
	assert_true(memblock_is_region_reserved(0x7ff00000, 0x100000));
	assert_int_equal(memblock_reserved_size(), 0x100000);
}

/*
 * u@7fffff01 { reg = <0x7fffff01 0xff>; no-map; } at the top of RAM left
 * memory ending at 0x7fffff01: the page 0x7ffff000 was mapped, and
 * counted, and memblock-reserved without being PageReserved.  Every page
 * any part of which is no-map leaves memory.
 */
static void test_nomap_unaligned_edges_take_whole_pages(void **state)
{
	void *fdt = board_512m();
	const struct range want[] = { { 0x60000000, 0x04080000 }, { 0x64082000, 0x1bf7d000 } };

	add_rmem(fdt, "u@7fffff01", 0x7fffff01, 0xff, true);
	add_rmem(fdt, "v@64080800", 0x64080800, 0x1000, true); /* touches two pages */
	scan_with_reservations(fdt);
	check_memory(want, 2);
	assert_false(memblock_is_memory(0x7ffff000));
	assert_int_equal(memblock.reserved.cnt, 0);
}

/*
 * no-map over swapper_pg_dir (reg = <0x6000c000 0x4000>) took the live page
 * directory out of RAM, and the boot then panicked "lowmem ... holds no
 * whole 2 MiB pmd".  What is already reserved stays, named; the rest of a
 * no-map range still goes.
 */
static void test_nomap_over_memory_in_use_is_refused_by_name(void **state)
{
	void *fdt = board_512m();
	const struct range want[] = { { 0x60000000, 0x00012000 }, { 0x60014000, 0x1ffec000 } };

	add_rmem(fdt, "part@6000f000", 0x6000f000, 0x5000, true);
	add_rmem(fdt, "pgd@6000c000", 0x6000c000, 0x4000, true);
	assert_true(early_init_dt_scan(fdt));
	/* arm_memblock_init() reserves first: here swapper_pg_dir and a bit of the image */
	memblock_reserve(0x6000c000, 0x4000);
	memblock_reserve(0x60010000, 0x1800);
	host_memblock_owner = "swapper_pg_dir, the kernel's own page directory";
	early_init_fdt_scan_reserved_mem();
	host_memblock_owner = NULL;
	assert_true(host_log_contains(
		"Reserved memory: node 'pgd@6000c000': no-map 0x6000c000 - 0x6000ffff is memory "
		"already in use (swapper_pg_dir, the kernel's own page directory): left mapped and reserved"));
	/* swapper_pg_dir and the image touch: 0x6000f000-0x60011fff stays, the rest goes */
	assert_true(host_log_contains("node 'part@6000f000': no-map 0x6000f000 - 0x60011fff is "
				      "memory already in use"));
	check_memory(want, 2);
	assert_false(host_log_contains("holds no whole"));
}

/*
 * A /reserved-memory node overlapping an earlier no-map one was "partly
 * outside RAM" or "outside RAM": true only because the no-map removed it.
 */
static void test_overlap_with_an_earlier_nomap_is_named(void **state)
{
	void *fdt = board_512m();

	add_rmem(fdt, "d@20000000", 0x20000000, 0x1000, false);
	add_rmem(fdt, "c@70010000", 0x70010000, 0x1000, false);
	add_rmem(fdt, "b@70080000", 0x70080000, 0x100000, false);
	add_rmem(fdt, "a@70000000", 0x70000000, 0x100000, true);
	scan_with_reservations(fdt);
	assert_true(host_log_contains(
		"Reserved memory: node 'b@70080000' 0x70080000 - 0x70180000 overlaps the no-map "
		"region 'a@70000000': only the RAM left in it is reserved"));
	assert_true(host_log_contains(
		"Reserved memory: node 'c@70010000' 0x70010000 - 0x70011000 overlaps the no-map "
		"region 'a@70000000', ignored"));
	assert_true(host_log_contains(
		"Reserved memory: node 'd@20000000' 0x20000000 - 0x20001000 is outside RAM, ignored"));
	assert_false(host_log_contains("partly outside RAM"));
	assert_true(memblock_is_region_reserved(0x70100000, 0x80000));
	assert_int_equal(memblock_reserved_size(), 0x80000);
}

/*
 * Thousands of /memreserve/ entries and /reserved-memory nodes, each a
 * region of its own: all reserved, the arrays grown in the early window.
 */
static void test_thousands_of_reservations_all_kept(void **state)
{
	void *fdt = board_512m();
	char name[32];

	host_ram_init(0x60000000, 0x100000);
	memblock_set_resize_window(0x60080000, 0x60100000);
	for (u32 i = 0; i < 3000; i++)
		assert_int_equal(fdt_add_mem_rsv(fdt, 0x70000000 + i * 0x3000, 0x1000), 0);
	for (u32 i = 0; i < 500; i++) {
		snprintf(name, sizeof(name), "r@%x", 0x78000000 + i * 0x3000);
		add_rmem(fdt, name, 0x78000000 + i * 0x3000, 0x1000, i % 2);
	}
	scan_with_reservations(fdt);
	for (u32 i = 0; i < 3000; i++)
		assert_true(memblock_is_region_reserved(0x70000000 + i * 0x3000, 0x1000));
	for (u32 i = 0; i < 500; i++)
		assert_true(i % 2 ? !memblock_is_memory(0x78000000 + i * 0x3000)
				  : memblock_is_region_reserved(0x78000000 + i * 0x3000, 0x1000));
	/* and the two grown arrays, both in the window */
	assert_int_equal(memblock.reserved.cnt, 3000 + 250 + 2);
	assert_true(a9mm_host_pa(memblock.memory.regions) >= 0x60080000);
	assert_true(a9mm_host_pa(memblock.reserved.regions) >= 0x60080000);
	assert_int_equal(memblock.memory.cnt, 251);
	assert_false(host_log_contains("failed"));
	host_ram_free();
}

/*
 * Root cell sizes the memory scan refuses must not be used for
 * /reserved-memory either: 0 divided by zero, 0x40000000 overflowed.
 */
static void test_reserved_memory_with_unusable_root_cells(void **state)
{
	const fdt32_t reg[] = { cpu_to_fdt32(0x60000000), cpu_to_fdt32(0x1000) };
	const u32 cells[] = { 0, 0x40000000 };

	for (int i = 0; i < 2; i++) {
		void *fdt = make_tree((int)cells[i], (int)cells[i], "memory@60000000", reg,
				      sizeof(reg));
		int parent = fdt_add_subnode(fdt, 0, "reserved-memory"), node;

		assert_int_equal(fdt_setprop_u32(fdt, parent, "#address-cells", cells[i]), 0);
		assert_int_equal(fdt_setprop_u32(fdt, parent, "#size-cells", cells[i]), 0);
		assert_int_equal(fdt_setprop(fdt, parent, "ranges", NULL, 0), 0);
		node = fdt_add_subnode(fdt, parent, "x");
		assert_int_equal(fdt_setprop(fdt, node, "reg", reg, sizeof(reg)), 0);
		memblock_reset();
		host_log_reset();
		scan_with_reservations(fdt);
		assert_true(host_log_contains("Reserved memory: the root's #address-cells / "
					      "#size-cells are unusable, ignoring"));
		assert_int_equal(memblock.reserved.cnt, 0);
	}
}

static void test_reserve_self(void **state)
{
	void *fdt = load_dtb("../vexpress-v2p-ca9");

	host_ram_init(0x60000000, 0x100000);
	memcpy(__va(0x60080000), fdt, fdt_totalsize(fdt));
	assert_true(early_init_dt_scan(__va(0x60080000)));
	early_init_fdt_reserve_self();
	assert_int_equal(memblock.reserved.cnt, 1);
	assert_int_equal(memblock.reserved.regions[0].base, 0x60080000);
	assert_int_equal(memblock.reserved.regions[0].size, fdt_totalsize(fdt));
	host_ram_free();
}

static void test_bootargs(void **state)
{
	void *fdt = load_dtb("../vexpress-v2p-ca9");
	char longline[COMMAND_LINE_SIZE + 100];
	int chosen;

	assert_int_equal(fdt_open_into(fdt, fdt, 64 * 1024), 0);
	chosen = fdt_path_offset(fdt, "/chosen");
	assert_int_equal(fdt_setprop_string(fdt, chosen, "bootargs", "console=ttyAMA0 mem=64M"), 0);
	assert_true(early_init_dt_scan(fdt));
	assert_string_equal(boot_command_line, "console=ttyAMA0 mem=64M");

	memset(longline, 'x', sizeof(longline) - 1);
	longline[sizeof(longline) - 1] = '\0';
	assert_int_equal(fdt_setprop_string(fdt, chosen, "bootargs", longline), 0);
	memblock_reset();
	assert_true(early_init_dt_scan(fdt));
	assert_int_equal(strlen(boot_command_line), COMMAND_LINE_SIZE - 1);
	assert_true(host_log_contains("bootargs longer than 1023 bytes, truncated"));
}

/* Blobs broken in the ways a boot loader or a bad build breaks them. */
static void test_bad_blobs(void **state)
{
	struct fdt_header *h = load_dtb("../vexpress-v2p-ca9");
	uint32_t good_magic = h->magic, good_version = h->version, good_size = h->totalsize;
	fdt32_t *structure = (fdt32_t *)(blob + fdt_off_dt_struct(blob));

	h->magic = cpu_to_fdt32(0x12345678);
	assert_false(early_init_dt_verify(blob));
	assert_true(host_log_contains("invalid device tree blob header: FDT_ERR_BADMAGIC"));
	h->magic = good_magic;

	h->version = cpu_to_fdt32(1);
	assert_false(early_init_dt_verify(blob));
	assert_true(host_log_contains("FDT_ERR_BADVERSION"));
	h->version = good_version;

	/* totalsize cut below the end of the structure block: truncated */
	h->totalsize = cpu_to_fdt32(fdt_off_dt_struct(blob) + 16);
	assert_false(early_init_dt_verify(blob));
	h->totalsize = good_size;

	h->off_dt_struct = cpu_to_fdt32(fdt_off_dt_struct(blob) + 2);
	assert_false(early_init_dt_verify(blob));
	assert_true(host_log_contains("device tree blob is corrupt: misaligned block"));
	h->off_dt_struct = cpu_to_fdt32(fdt_off_dt_struct(blob) - 2);

	h->totalsize = cpu_to_fdt32(FDT_MAX_SIZE + 4);
	assert_false(early_init_dt_verify(blob));
	assert_true(host_log_contains("more than the 1048576 the boot mapping covers"));
	h->totalsize = good_size;

	/* the tag that opens /cpus, in the middle of the structure block, scribbled over */
	structure[fdt_path_offset(blob, "/cpus") / 4] = cpu_to_fdt32(0xdeadbeef);
	host_log_reset();
	assert_false(early_init_dt_scan(blob));
	assert_true(host_log_contains("device tree blob is corrupt: FDT_ERR_BADSTRUCTURE"));
	assert_null(initial_boot_params);
	check_memory(NULL, 0);
}

/*
 * The structure block read tag by tag: the root must open it and close
 * before its end.  libfdt's iterators alone stop quietly at an FDT_END
 * inside the root and would take such a blob.
 */
static void test_structure_must_nest(void **state)
{
	fdt32_t *structure;
	size_t last;

	load_dtb("../vexpress-v2p-ca9");
	structure = (fdt32_t *)(blob + fdt_off_dt_struct(blob));
	last = fdt_size_dt_struct(blob) / 4 - 1;
	assert_int_equal(fdt32_to_cpu(structure[last]), FDT_END);
	assert_int_equal(fdt32_to_cpu(structure[last - 1]), FDT_END_NODE);
	assert_true(early_init_dt_verify(blob));

	/* the root's END_NODE gone: the block ends inside the root */
	structure[last - 1] = cpu_to_fdt32(FDT_NOP);
	assert_int_equal(host_fdt_walk(blob), 0);
	host_log_reset();
	assert_false(early_init_dt_verify(blob));
	assert_true(host_log_contains("device tree blob is corrupt: FDT_ERR_BADSTRUCTURE"));
	structure[last - 1] = cpu_to_fdt32(FDT_END_NODE);

	/* something before the root */
	structure[0] = cpu_to_fdt32(FDT_NOP);
	host_log_reset();
	assert_false(early_init_dt_verify(blob));
	assert_true(host_log_contains("device tree blob is corrupt: FDT_ERR_BADSTRUCTURE"));
}

/*
 * Random damage to a good blob, thousands of times, under ASan: the scan
 * may refuse the blob or skip what it cannot read, but never read outside
 * it or crash; and a blob early_init_dt_verify() takes is one libfdt's
 * iterators walk whole.
 */
static void test_random_corruption_is_survived(void **state)
{
	static char good[64 * 1024];
	unsigned int seed = 777;
	size_t size;

	load_dtb("reserved");
	size = fdt_totalsize(blob);
	assert_true(size < sizeof(good));
	memcpy(good, blob, size);
	for (int round = 0; round < 3000; round++) {
		memcpy(blob, good, size);
		memset(blob + size, 0, 4096);
		for (int n = 1 + rand_r(&seed) % 8; n; n--) {
			size_t at = (size_t)rand_r(&seed) % size;

			blob[at] = (char)(rand_r(&seed) & 1 ? rand_r(&seed) : blob[at] ^ 0x80);
		}
		memblock_reset();
		host_log_reset();
		initial_boot_params = NULL;
		if (early_init_dt_scan(blob)) {
			assert_int_equal(host_fdt_walk(blob), 0);
			early_init_fdt_scan_reserved_mem();
		}
		/* whatever was accepted is well-formed memblock state */
		for (unsigned long i = 1; i < memblock.memory.cnt; i++)
			assert_true(memblock.memory.regions[i].base >
				    memblock.memory.regions[i - 1].base);
	}
}

static void test_arm_add_memory(void **state)
{
	const struct range want[] = { { 0x60000000, 0x100000 }, { 0x70001000, 0xfff000 } };

	/* below PHYS_OFFSET (0x60000000 in the host shim): the part above stays */
	assert_int_equal(arm_add_memory(0x5ff00000, 0x200000), 0);
	assert_true(host_log_contains("Ignoring memory below PHYS_OFFSET: 0x5ff00000-0x60000000"));
	/* unaligned start rounds up, the size shrinks to whole pages */
	assert_int_equal(arm_add_memory(0x70000800, 0x1000000), 0);
	assert_int_equal(arm_add_memory(0x100000000ULL, 0x1000), -EINVAL);
	assert_true(host_log_contains("outside 32-bit physical address space"));
	assert_int_equal(arm_add_memory(0x40000000, 0x1000), -EINVAL);
	check_memory(want, 2);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_board_dtb, setup),
		cmocka_unit_test_setup(test_two_memory_nodes_three_banks, setup),
		cmocka_unit_test_setup(test_two_cells_and_above_4g, setup),
		cmocka_unit_test_setup(test_bank_crossing_4g_is_cut, setup),
		cmocka_unit_test_setup(test_odd_banks, setup),
		cmocka_unit_test_setup(test_partial_reg_entry_dropped, setup),
		cmocka_unit_test_setup(test_tiny_unaligned_bank_ignored, setup),
		cmocka_unit_test_setup(test_no_memory_node, setup),
		cmocka_unit_test_setup(test_bad_cells, setup),
		cmocka_unit_test_setup(test_reservations, setup),
		cmocka_unit_test_setup(test_reservation_that_wraps_is_clamped, setup),
		cmocka_unit_test_setup(test_reservation_across_4g_keeps_its_ram, setup),
		cmocka_unit_test_setup(test_nomap_unaligned_edges_take_whole_pages, setup),
		cmocka_unit_test_setup(test_nomap_over_memory_in_use_is_refused_by_name, setup),
		cmocka_unit_test_setup(test_overlap_with_an_earlier_nomap_is_named, setup),
		cmocka_unit_test_setup(test_thousands_of_reservations_all_kept, setup),
		cmocka_unit_test_setup(test_reserved_memory_with_unusable_root_cells, setup),
		cmocka_unit_test_setup(test_reserve_self, setup),
		cmocka_unit_test_setup(test_bootargs, setup),
		cmocka_unit_test_setup(test_bad_blobs, setup),
		cmocka_unit_test_setup(test_structure_must_nest, setup),
		cmocka_unit_test_setup(test_random_corruption_is_survived, setup),
		cmocka_unit_test_setup(test_arm_add_memory, setup),
	};

	return cmocka_run_group_tests_name("fdt_scan", tests, NULL, NULL);
}
