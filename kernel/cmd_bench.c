// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/cmd_bench.c: `bench [N]`, what one alloc+free pair costs in the
 * kernel itself: N alloc_pages() + __free_pages() pairs of order 0 (the
 * per-cpu list path) and N of order 3 (the buddy lists, under zone->lock),
 * GFP_KERNEL | __GFP_MOVABLE as tests/bench/bench_buddy.c does on the host.
 *
 * Timed by the global timer.  Under QEMU's -icount shift=0,sleep=off a
 * timer nanosecond is one guest instruction, so the figure is instructions
 * per pair, the same on every machine (`make bench` boots that way); on a
 * real board, or QEMU without -icount, it is time.  One warm-up pair per
 * order first: the first order-0 allocation refills the empty per-cpu list
 * (rmqueue_bulk), which is not what a pair costs.
 *
 * Then N vmalloc(1 MiB) + vfree() pairs (mm/vmalloc.c): 256 pages from
 * the buddy allocator, a vmap_area, 256 ptes set and cleared, the TLB
 * flushed, all of it given back -- after a warm-up pair, which allocates
 * the pte table of the 2 MiB the area lands in (tables stay).
 */
#include <a9mm/shell.h>
#include <linux/cmdline.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/vmalloc.h>
#include <mach/vexpress.h>

#define BENCH_GFP (GFP_KERNEL | __GFP_MOVABLE)

/* N pairs of one order; false (said) if an allocation failed */
static bool bench_order(unsigned int order, unsigned long n)
{
	struct page *page = alloc_pages(BENCH_GFP | __GFP_NOWARN, order);
	unsigned long i;
	u64 t0, ns;

	if (!page) {
		shprintf("bench: order %u: no free block to start with\n", order);
		return false;
	}
	__free_pages(page, order);
	t0 = global_timer_ns();
	for (i = 0; i < n; i++) {
		page = alloc_pages(BENCH_GFP | __GFP_NOWARN, order);
		if (!page)
			break;
		__free_pages(page, order);
	}
	ns = global_timer_ns() - t0;
	if (i < n) {
		shprintf("bench: order %u: allocation %lu of %lu failed\n", order, i + 1, n);
		return false;
	}
	/* one decimal: ns * 10 / n, rounded */
	ns = (ns * 10 + n / 2) / n;
	shprintf("bench: order %u: %lu alloc+free pairs, %llu.%llu ns per pair\n", order, n,
		 ns / 10, ns % 10);
	return true;
}

/* N vmalloc(1 MiB) + vfree() pairs; false (said) if one failed */
static bool bench_vmalloc(unsigned long n)
{
	void *p = vmalloc(SZ_1M);
	unsigned long i;
	u64 t0, ns;

	if (!p) {
		shprintf("bench: vmalloc 1 MiB: failed to start with\n");
		return false;
	}
	vfree(p);
	t0 = global_timer_ns();
	for (i = 0; i < n; i++) {
		p = vmalloc(SZ_1M);
		if (!p)
			break;
		vfree(p);
	}
	ns = global_timer_ns() - t0;
	if (i < n) {
		shprintf("bench: vmalloc 1 MiB: allocation %lu of %lu failed\n", i + 1, n);
		return false;
	}
	ns = (ns * 10 + n / 2) / n;
	shprintf("bench: vmalloc+vfree 1 MiB: %lu pairs, %llu.%llu ns per pair\n", n, ns / 10,
		 ns % 10);
	return true;
}

static int do_bench(int argc, char **argv)
{
	unsigned long n = 1000;

	if (argc > 2 || (argc == 2 && (kstrtoul(argv[1], 0, &n) || !n || n > 1000000))) {
		shprintf("bench: N must be 1..1000000\n");
		return 1;
	}
	shprintf("bench: gfp 0x%x, timed by the global timer "
		 "(ns = instructions under -icount shift=0,sleep=off)\n",
		 BENCH_GFP);
	if (bench_order(0, n) && bench_order(3, n))
		bench_vmalloc(n);
	return 0;
}
SHELL_CMD(
	"bench", do_bench, "[N]",
	"N (1000) order-0 and order-3 alloc+free pairs, then N vmalloc+vfree of 1 MiB: "
	"instructions per pair under -icount",
	.linux =
		"mm/page_alloc.c (v3.14): alloc_pages() -> get_page_from_freelist() "
		"(zone_watermark_fast(), v4.9) -> buffered_rmqueue() -> prep_new_page(); "
		"__free_pages() -> free_hot_cold_page() (orders 0-3, v5.13) or __free_pages_ok() -> "
		"__free_one_page(); mm/vmalloc.c (v5.4): vmalloc(), vfree()");
