// SPDX-License-Identifier: GPL-2.0
/*
 * swap-demo [MIB [fork|pageout|swapoff]] - use more anonymous memory than
 * there is RAM (default 48 MiB), which only swap makes possible.
 *
 *   mmap MIB, write every page with its own pattern: as free memory runs
 *   short, kswapd and the faults themselves (direct reclaim) push the
 *   least recently used pages out to the swap area -- their ptes become
 *   swap entries (VmSwap in /proc/self/status grows)
 *
 *   read every page back and check it: the pages written first went out
 *   first, so nearly every read is a major fault that brings its page in
 *   from the device (and pushes another out)
 *
 *   fork: the child shares every page, in RAM or on swap; it checks them
 *   all while the parent rewrites every fourth page (copy-on-write: its
 *   own copies) and checks again.  A page both name on swap is read once:
 *   the second fault finds it in the swap cache.
 *
 *   pageout: no pressure needed -- madvise(MADV_PAGEOUT) (Linux 5.4)
 *   sends every page out at once, before they are read back.
 *
 *   swapoff: as pageout, then wait (up to ten minutes) until VmSwap is 0
 *   -- run it in the background and `swapoff` the area: swapoff brings
 *   every page back into RAM and maps it again -- and read them back.
 *
 * A wrong word anywhere fails the demo.  Without a swap area (`swapon`)
 * the kernel's OOM killer ends it once RAM is gone.
 */
#include <sys/mman.h>

#include "ulib.h"

#ifndef MADV_PAGEOUT
#define MADV_PAGEOUT 21 /* Linux 5.4: reclaim these pages now */
#endif

#define WORDS (PAGE_SIZE / sizeof(unsigned long))

static unsigned long *area;
static size_t pages;

/* the word @w of page @i, generation @gen */
static unsigned long pattern(size_t i, size_t w, unsigned long gen)
{
	return (i << 16 | w) ^ (gen * 0x9e3779b9UL) ^ 0x5a5a0000UL;
}

static void fill(size_t i, unsigned long gen)
{
	unsigned long *p = area + i * WORDS;

	for (size_t w = 0; w < WORDS; w++)
		p[w] = pattern(i, w, gen);
}

/* every page as written (the parent's every fourth at @gen4); -1 or the first wrong page */
static long first_wrong(unsigned long gen4)
{
	for (size_t i = 0; i < pages; i++) {
		const unsigned long *p = area + i * WORDS;
		unsigned long gen = i % 4 == 0 ? gen4 : 0;

		for (size_t w = 0; w < WORDS; w++)
			if (p[w] != pattern(i, w, gen))
				return (long)i;
	}
	return -1;
}

/* CLOCK_MONOTONIC in ns: a9mm's global timer (instructions under -icount shift=0) */
static long long now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static int child(void *arg)
{
	long bad = first_wrong(0);

	(void)arg;
	if (bad >= 0)
		fprintf(stderr, "swap-demo: child: page %ld is wrong\n", bad);
	return bad < 0 ? 0 : 1;
}

int main(int argc, char **argv)
{
	bool do_fork = false, do_pageout = false, do_swapoff = false;
	long mib = 48, swapped;
	int status;
	char *end;
	pid_t pid;

	if (argc > 3 ||
	    (argc > 1 && ((mib = strtol(argv[1], &end, 10)) < 1 || *end || mib > 512)) ||
	    (argc > 2 && !(do_fork = !strcmp(argv[2], "fork")) &&
	     !(do_pageout = !strcmp(argv[2], "pageout")) &&
	     !(do_swapoff = !strcmp(argv[2], "swapoff")))) {
		fprintf(stderr, "usage: swap-demo [MIB (1-512) [fork|pageout|swapoff]]\n");
		return 2;
	}
	check_begin("swap-demo");
	pages = (size_t)mib * 256;
	area = mmap(NULL, pages * PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
		    -1, 0);
	if (!check(area != MAP_FAILED, "mmap", "%ld MiB", mib))
		return check_end();
	for (size_t i = 0; i < pages; i++)
		fill(i, 0);
	swapped = proc_status_kb("VmSwap");
	printf("swap-demo: %zu pages written at 0x%08lx; VmSwap %ld kB, VmRSS %ld kB\n", pages,
	       (unsigned long)area, swapped, proc_status_kb("VmRSS"));
	fflush(stdout);
	if (do_pageout) {
		long long t0 = now_ns(), t1, t2, t3;
		bool ok = !madvise(area, pages * PAGE_SIZE, MADV_PAGEOUT);

		t1 = now_ns();
		check(ok, "pageout", "madvise(MADV_PAGEOUT) of %zu pages", pages);
		printf("swap-demo: VmSwap %ld kB, VmRSS %ld kB after MADV_PAGEOUT\n",
		       proc_status_kb("VmSwap"), proc_status_kb("VmRSS"));
		fflush(stdout);
		t2 = now_ns();
		check(first_wrong(0) < 0, "read-back", "every word of %zu pages as written", pages);
		t3 = now_ns();
		first_wrong(0); /* the same loop over pages in RAM: what the faults added */
		printf("swap-demo: MADV_PAGEOUT took %lld ns, reading every page back %lld ns "
		       "(%lld ns again, in RAM)\n",
		       t1 - t0, t3 - t2, now_ns() - t3);
	} else if (do_swapoff) {
		struct timespec tick = { 0, 10 * 1000 * 1000 };
		int waited = 0;

		check(!madvise(area, pages * PAGE_SIZE, MADV_PAGEOUT), "pageout",
		      "madvise(MADV_PAGEOUT) of %zu pages", pages);
		printf("swap-demo: VmSwap %ld kB; waiting for swapoff\n", proc_status_kb("VmSwap"));
		fflush(stdout);
		while (proc_status_kb("VmSwap") > 0 && waited++ < 60000)
			nanosleep(&tick, NULL);
		check(proc_status_kb("VmSwap") == 0, "swapoff", "VmSwap 0 kB, VmRSS %ld kB",
		      proc_status_kb("VmRSS"));
		check(first_wrong(0) < 0, "read-back", "every word of %zu pages as written", pages);
	} else {
		check(first_wrong(0) < 0, "read-back", "every word of %zu pages as written", pages);
	}
	if (do_fork) {
		pid = spawn(child, NULL);
		for (size_t i = 0; i < pages; i += 4)
			fill(i, 1);
		check(first_wrong(1) < 0, "parent", "%s",
		      "every fourth page rewritten (its own copies), every word right");
		wait_child(pid, &status, NULL);
		check(WIFEXITED(status) && WEXITSTATUS(status) == 0, "child", "%s",
		      "every word of the pages it shares as written");
	}
	printf("swap-demo: VmSwap %ld kB at the end\n", proc_status_kb("VmSwap"));
	return check_end();
}
