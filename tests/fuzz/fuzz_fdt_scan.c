// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer target: a device tree blob, random or mutated from the seed
 * corpus (tests/fuzz/corpus/fdt_scan), read as the boot reads it --
 * early_init_dt_scan() into memblock, then the reservations
 * (early_init_fdt_scan_reserved_mem()) -- with the kernel's own bank
 * already there, as in setup_arch():
 *
 *   0x60000000  0x6000c000        0x60050000            0x60100000
 *   |  free     | pgd + kernel    | free: the early window for memblock |
 *
 * A blob the scan takes must be one libfdt's iterators walk whole.
 * Afterwards memblock must be sound, and no page that the blob reserves
 * may be free RAM: every /memreserve/ entry and /reserved-memory child is
 * read again here, independently of fdt/fdt.c, and checked against
 * memblock.  A blob the scan refuses is fine; a crash, a sanitizer report
 * or a broken invariant is a finding.
 */
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libfdt.h>

#include <asm/page.h>
#include <linux/kernel.h>
#include <linux/memblock.h>
#include <linux/of_fdt.h>

#include "fuzz_common.h"
#include "host_shim.h"

#define RAM	  0x60000000u
#define KERNEL	  0x6000c000u
#define KERNEL_SZ 0x44000u
#define WINDOW	  (KERNEL + KERNEL_SZ)
#define WIN_END	  0x60100000u
#define SZ_4G_U64 0x100000000ULL

static char blob[FDT_MAX_SIZE] __attribute__((aligned(8)));

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	host_ram_init(RAM, WIN_END - RAM);
	return 0;
}

/* The blob's reservations, read independently: [b, e), no-map ones rounded out to pages */
struct rng {
	uint64_t b, e;
};
static struct rng plain[FDT_MAX_SIZE / 8], nomap[FDT_MAX_SIZE / 8];
static unsigned int nr_plain, nr_nomap;

static void add_range(uint64_t base, uint64_t size, bool is_nomap)
{
	uint64_t end = base + size < base ? SZ_4G_U64 : min(base + size, SZ_4G_U64);

	if (!size || base >= SZ_4G_U64)
		return;
	if (is_nomap)
		nomap[nr_nomap++] = (struct rng){ round_down(base, PAGE_SIZE),
						  round_up(end, (uint64_t)PAGE_SIZE) };
	else
		plain[nr_plain++] = (struct rng){ base, end };
}

static int by_base(const void *a, const void *b)
{
	const struct rng *x = a, *y = b;

	return x->b < y->b ? -1 : x->b > y->b;
}

/*
 * No byte of free memory (memblock.memory minus memblock.reserved) may lie
 * in a plain reservation, and no whole free page -- what the buddy
 * allocator would be given -- in a no-map one (a page only partly free is
 * memory in use the scan kept).  One sweep of the free ranges.
 */
static void check_ranges(struct rng *r, unsigned int n, bool pages)
{
	phys_addr_t start, end;
	unsigned int k = 0;
	uint64_t reach = 0; /* the furthest end among r[0..k) */
	u64 i;

	qsort(r, n, sizeof(*r), by_base);
	for_each_free_mem_range(i, &start, &end) {
		uint64_t s = start, e = end;

		for (; k < n && r[k].b < e; k++)
			reach = max(reach, r[k].e);
		/* ranges starting before e and reaching past s overlap [s, e) */
		for (unsigned int m = k; m-- > 0 && reach > s;) {
			uint64_t os = max(s, r[m].b), oe = min(e, r[m].e);

			if (os >= oe)
				continue;
			if (!pages || PAGE_ALIGN(os) + PAGE_SIZE <= (oe & PAGE_MASK))
				fuzz_fail("%s 0x%llx-0x%llx: 0x%llx-0x%llx is free memory",
					  pages ? "no-map" : "reservation",
					  (unsigned long long)r[m].b, (unsigned long long)r[m].e,
					  (unsigned long long)os, (unsigned long long)oe);
			if (r[m].b <= s && r[m].e >= e)
				break;
		}
	}
}

static uint64_t next_cells(const fdt32_t **p, int n)
{
	uint64_t v = 0;

	while (n--)
		v = v << 32 | fdt32_ld((*p)++);
	return v;
}

/* The /reserved-memory rules of drivers/of/fdt.c, read independently. */
static void check_reserved_memory(const void *fdt)
{
	int entry = (dt_root_addr_cells + dt_root_size_cells) * 4;
	int parent = fdt_path_offset(fdt, "/reserved-memory"), node, len;
	const fdt32_t *p;

	if (parent < 0)
		return;
	p = fdt_getprop(fdt, parent, "#size-cells", &len);
	if (!p || len != 4 || (int)fdt32_ld(p) != dt_root_size_cells)
		return;
	p = fdt_getprop(fdt, parent, "#address-cells", &len);
	if (!p || len != 4 || (int)fdt32_ld(p) != dt_root_addr_cells ||
	    !fdt_getprop(fdt, parent, "ranges", NULL))
		return;
	fdt_for_each_subnode(node, fdt, parent) {
		const char *status = fdt_getprop(fdt, node, "status", NULL);
		bool is_nomap = fdt_getprop(fdt, node, "no-map", NULL) != NULL;

		if (status && strcmp(status, "okay") && strcmp(status, "ok"))
			continue;
		p = fdt_getprop(fdt, node, "reg", &len);
		if (!p || len <= 0 || len % entry)
			continue;
		for (const fdt32_t *endp = p + len / 4; p < endp;) {
			uint64_t base = next_cells(&p, dt_root_addr_cells);

			add_range(base, next_cells(&p, dt_root_size_cells), is_nomap);
		}
	}
}

static jmp_buf panic_jb;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static size_t dirty;
	const void *fdt = blob;

	if (size > sizeof(blob))
		return -1;
	/*
	 * What follows the input is zeroes, never bytes of an earlier input
	 * (libFuzzer wants each run to depend on its input alone): only what
	 * the last one wrote needs clearing, nothing writes into the blob.
	 */
	memcpy(blob, data, size);
	if (dirty > size)
		memset(blob + size, 0, dirty - size);
	dirty = size;
	memblock_reset();
	memblock_debug = false;
	host_log_reset();
	initial_boot_params = NULL;
	memset(boot_command_line, 0, sizeof(boot_command_line));

	memblock_set_resize_window(WINDOW, WIN_END);
	memblock_add(RAM, WIN_END - RAM);
	memblock_reserve(KERNEL, KERNEL_SZ);
	host_panic_jmp = &panic_jb;
	if (setjmp(panic_jb)) {
		host_panic_jmp = NULL;
		fuzz_check_double_array_panic();
		return 0;
	}
	if (!early_init_dt_scan(blob)) {
		host_panic_jmp = NULL;
		return 0;
	}
	if (strnlen(boot_command_line, sizeof(boot_command_line)) >= sizeof(boot_command_line))
		fuzz_fail("boot_command_line not terminated");
	if (host_fdt_walk(blob))
		fuzz_fail("a blob early_init_dt_verify() took stops libfdt's walk: %s",
			  fdt_strerror(host_fdt_walk(blob)));
	early_init_fdt_scan_reserved_mem();
	host_panic_jmp = NULL;
	fuzz_check_memblock();
	if (!memblock_is_region_reserved(KERNEL, KERNEL_SZ) ||
	    !memblock_is_region_memory(KERNEL, KERNEL_SZ))
		fuzz_fail("the kernel's own memory was lost");

	nr_plain = nr_nomap = 0;
	for (int k = 0, n = fdt_num_mem_rsv(fdt); k < n; k++) {
		uint64_t base, rsize;

		if (!fdt_get_mem_rsv(fdt, k, &base, &rsize))
			add_range(base, rsize, false);
	}
	/* the scan reads no reg with cell counts it refused */
	if (dt_root_addr_cells >= 1 && dt_root_addr_cells <= 2 && dt_root_size_cells >= 1 &&
	    dt_root_size_cells <= 2)
		check_reserved_memory(fdt);
	check_ranges(plain, nr_plain, false);
	check_ranges(nomap, nr_nomap, true);
	return 0;
}
