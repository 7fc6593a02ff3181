// SPDX-License-Identifier: GPL-2.0
/*
 * mm/memtest.c: is the RAM the device tree describes really there?
 *
 * Linux trusts the device tree.  A tree that claims a bank the board does
 * not have boots, and the pages there are handed out: on a real board a
 * write there aborts (or vanishes); under QEMU it is silently lost, reads
 * give 0.  a9mm asks the hardware first, cheaply, before anything is
 * allocated: every free range of memblock is cut into pieces of at most
 * RAM_PROBE_PIECE, and the first and the last word of each piece must keep
 * what is written there (arch_ram_probe()).  Where both answer, the piece is
 * taken as RAM; where neither does, it is removed from memblock.memory,
 * with a warning; where one does, a binary search over its pages finds
 * the edge.
 *
 *   DT bank:   [=======================================================)
 *   free:      [==]  kernel  [===========)  DTB  [=====================)
 *   probed:    ^  ^          ^    ^^     ^       ^     ^^    |x  x|x  x|
 *                                                            `removed-'
 *
 * The piece is 64 MiB, not smaller, because each probe costs QEMU a huge
 * page: it backs guest RAM with 2 MiB transparent huge pages and zeroes
 * each on its first touch.  Pieces of a MiB touched every one of them --
 * 1 GiB zeroed at -m 1024M, 85 ms of an otherwise 150 ms boot, seconds
 * when the host first has to find the memory -- for a check a real board
 * makes in a few hundred cache misses.  For the same reason the cuts are
 * RAM_PROBE_CUT past each multiple of 64 MiB, not on it: the last word of
 * one piece and the first of the next are then neighbours in one huge page
 * (and in one MiB section, so one mapping), where a cut on the multiple
 * puts them in two -- 18 huge pages zeroed at -m 1024M instead of 34:
 *
 *          multiple of 64 MiB   cut (+ 512 KiB)
 *   huge page |----------------+--------------------------| next huge page
 *                   ... piece N ^^ piece N+1 ...
 *                    last word -'`- first word
 *
 * What the coarser piece gives up:
 * a hole wholly inside one piece, both of whose ends answer, is not seen.
 * A missing bank, a bank longer than the RAM behind it, RAM that starts or
 * ends anywhere (found to the page) and a hole across a piece boundary
 * are.
 *
 * Reserved memory is never written: it holds the kernel, the DTB, what
 * the boot loader and firmware asked to keep.  Missing RAM under a
 * reservation stays in memblock.memory, reserved, so it is never handed
 * out either.  It is a presence check, not a memory test: Linux's
 * early_memtest() ("memtest=", in its own mm/memtest.c) writes patterns
 * over every free byte and reserves the bad ones; the `memtest` shell
 * command does that later, on the buddy allocator's pages.  The file is
 * a9mm's own.
 */
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/memblock.h>
#include <linux/sched_clock.h>
#include <asm/mm.h>
#include <asm/page.h>

/* how much of a free range one probe pair answers for, and where it is cut (see the top) */
#define RAM_PROBE_PIECE SZ_64M
#define RAM_PROBE_CUT	SZ_512K

u64 ram_probe_ns;
unsigned long ram_probe_count, ram_probe_pieces; /* probes made, pieces probed */

static bool __init probe(phys_addr_t pa)
{
	ram_probe_count++;
	return arch_ram_probe(pa);
}

/*
 * The first page in (lo, hi] whose answer differs from lo's, given that
 * the page at hi answers otherwise: a binary search over whole pages.
 */
static phys_addr_t __init probe_edge(phys_addr_t lo, phys_addr_t hi, bool lo_answers)
{
	while (hi - lo > PAGE_SIZE) {
		phys_addr_t mid = lo + round_down((hi - lo) / 2, PAGE_SIZE);

		if (probe(mid) == lo_answers)
			lo = mid;
		else
			hi = mid;
	}
	return hi;
}

/* [*ms, *me): the part of the piece [s, e) where no RAM answers (empty if all does) */
static void __init probe_piece(phys_addr_t s, phys_addr_t e, phys_addr_t *ms, phys_addr_t *me)
{
	phys_addr_t last = e - PAGE_SIZE;
	bool first_ok = probe(s), last_ok = probe(e - sizeof(u32));

	*ms = *me = e;
	if (first_ok && last_ok)
		return;
	*ms = s;
	if (!first_ok && !last_ok)
		return;
	if (first_ok)
		*ms = probe_edge(s, last, true);
	else
		*me = probe_edge(s, last, false);
}

/* The first cut above @s: RAM_PROBE_CUT past a multiple of RAM_PROBE_PIECE */
static u64 __init next_cut(phys_addr_t s)
{
	return round_down((u64)s + RAM_PROBE_PIECE - RAM_PROBE_CUT, RAM_PROBE_PIECE) +
	       RAM_PROBE_CUT;
}

/*
 * Probes [s, e), a free range, one piece (at most RAM_PROBE_PIECE, never
 * across a cut) at a time.  The first run of pieces without RAM is removed
 * from memblock.memory; returns where it ended, 0 if there was none.
 */
static phys_addr_t __init probe_range(phys_addr_t s, phys_addr_t e)
{
	phys_addr_t run_s = 0, run_e = 0;

	while (s < e) {
		phys_addr_t next = (phys_addr_t)min(next_cut(s), (u64)e);
		phys_addr_t ms, me;

		ram_probe_pieces++;
		probe_piece(s, next, &ms, &me);
		if (run_e && ms != run_e)
			break; /* RAM answers where the run ended */
		if (ms < me) {
			run_s = run_e ? run_s : ms;
			run_e = me;
		}
		if (run_e && me < next)
			break; /* RAM answers again inside this piece */
		s = next;
	}
	if (!run_e)
		return 0;
	pr_warn("RAM probe: no RAM answers at 0x%08lx-0x%08lx, which the device tree calls RAM: removed\n",
		(unsigned long)run_s, (unsigned long)run_e - 1);
	memblock_remove(run_s, run_e - run_s);
	return run_e;
}

/**
 * early_ram_probe() - drop the parts of memblock.memory with no RAM behind them
 *
 * a9mm's own, in the place Linux calls early_memtest() (mm/memtest.c @
 * v4.14) from: setup_arch() runs it after arm_memblock_init(), before the
 * lowmem bounds are final and before paging_init() allocates anything.
 * Its cost is in `make bench` (ram_probe_ns, ram_probe_count).
 */
void __init early_ram_probe(void)
{
	u64 t0 = sched_clock();
	phys_addr_t pos = 0, start, end, removed_to;
	u64 i;

	/* a removal changes memblock.memory under the walk: walk again from there */
	do {
		removed_to = 0;
		for_each_free_mem_range(i, &start, &end) {
			phys_addr_t s = max(PAGE_ALIGN(start), pos), e = end & PAGE_MASK;

			if (s < e && (removed_to = probe_range(s, e)))
				break;
		}
		pos = max(pos, removed_to);
	} while (removed_to);
	arch_ram_probe_done();
	ram_probe_ns = sched_clock() - t0;
	pr_debug("RAM probe: %lu pieces of free memory, %lu probes\n", ram_probe_pieces,
		 ram_probe_count);
}
