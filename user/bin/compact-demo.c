// SPDX-License-Identifier: GPL-2.0
/*
 * compact-demo [MIB [SECONDS [idle]]] - fragment memory, then keep using it
 * while the kernel's `compact` moves it (default 8 MiB, 20 s).
 *
 *   mmap MIB, fill every page with its own pattern, give every other page
 *   back (madvise(MADV_DONTNEED), as free() does): the freed pages lie
 *   between pages still in use, so the buddy allocator cannot merge them
 *   into larger blocks
 *
 *     [ A . A . A . A . A . A . A . A . ]   half free, no free pair
 *
 *   (munmap() would do the same, but split the VMA into one per page --
 *   and a9mm's reverse map, Linux 2.6.9's list of an anon_vma's VMAs,
 *   would walk them all for every page moved: why Linux 3.7 made it a tree)
 *
 *   fork: the child shares every page (copy-on-write); for SECONDS both
 *   read every page they kept and check its pattern, the parent writes a
 *   new one into every fourth (its own copies), and both read() a file
 *   into a page of theirs now and then (the kernel's copy_to_user());
 *   with `idle`, both sleep instead and check every page once at the end
 *   (the pages stay put for `rmap`, and `make bench` times `compact` alone)
 *
 * Meanwhile the shell's `compact` (mm/compaction.c) moves pages from the
 * bottom of the zone into the free pages at the top: the ptes of both
 * processes are pointed at the new pages while they run.  A wrong byte
 * anywhere fails the demo.  `cat /proc/buddyinfo` before and after shows
 * the free pages merging.
 */
#include <sys/mman.h>

#include "ulib.h"

#define WORDS (PAGE_SIZE / sizeof(unsigned long))

static unsigned long *area;
static size_t pages;
static long seconds = 20;
static bool idle; /* sleep through SECONDS, then check once */

/* the word @w of page @i, generation @gen */
static unsigned long pattern(size_t i, size_t w, unsigned long gen)
{
	return (i << 16 | w) ^ (gen * 0x9e3779b9UL);
}

static void fill(size_t i, unsigned long gen)
{
	unsigned long *p = area + i * WORDS;

	for (size_t w = 0; w < WORDS; w++)
		p[w] = pattern(i, w, gen);
}

static bool same(size_t i, unsigned long gen)
{
	const unsigned long *p = area + i * WORDS;

	for (size_t w = 0; w < WORDS; w++)
		if (p[w] != pattern(i, w, gen))
			return false;
	return true;
}

static long now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec;
}

/*
 * Every kept page (the even ones) until the time is up: the parent
 * rewrites every fourth page with the next generation and checks it; the
 * pages it never writes stay shared with the child.  Every 64th page gets
 * a read() of a file into its last 64 bytes, then its pattern back.
 * Return: the passes made, or -1 at the first wrong word.
 */
static long touch(bool parent)
{
	long end = now() + seconds, passes = 0;
	unsigned long gen = 0;

	if (idle) {
		struct timespec ts = { .tv_sec = seconds };

		nanosleep(&ts, NULL);
		end = 0;
	}
	do {
		for (size_t i = 0; i < pages; i += 2) {
			bool mine = parent && i % 4 == 0;

			if (!same(i, mine ? gen : 0)) {
				fprintf(stderr, "compact-demo: %s: page %zu (0x%08lx) is wrong\n",
					parent ? "parent" : "child", i,
					(unsigned long)(area + i * WORDS));
				return -1;
			}
			if (mine)
				fill(i, gen + 1);
			if (i % 64 == 0) {
				int fd = open("/proc/self/status", O_RDONLY);
				char *tail = (char *)(area + (i + 1) * WORDS) - 64;

				if (fd < 0 || read(fd, tail, 64) <= 0)
					return -1;
				close(fd);
				for (size_t w = WORDS - 64 / sizeof(long); w < WORDS; w++)
					area[i * WORDS + w] = pattern(i, w, mine ? gen + 1 : 0);
			}
		}
		gen += parent;
		passes++;
	} while (now() < end);
	return passes;
}

static int child(void *arg)
{
	(void)arg;
	return touch(false) > 0 ? 0 : 1;
}

int main(int argc, char **argv)
{
	long mib = 8, passes;
	int status;
	char *end;
	pid_t pid;

	if (argc > 4 ||
	    (argc > 1 && ((mib = strtol(argv[1], &end, 10)) < 1 || *end || mib > 256)) ||
	    (argc > 2 && ((seconds = strtol(argv[2], &end, 10)) < 0 || *end)) ||
	    (argc > 3 && !(idle = !strcmp(argv[3], "idle")))) {
		fprintf(stderr, "usage: compact-demo [MIB (1-256) [SECONDS [idle]]]\n");
		return 2;
	}
	check_begin("compact-demo");
	pages = (size_t)mib * 256;
	area = mmap(NULL, pages * PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
		    -1, 0);
	if (!check(area != MAP_FAILED, "mmap", "%ld MiB", mib))
		return check_end();
	for (size_t i = 0; i < pages; i++)
		fill(i, 0);
	for (size_t i = 1; i < pages; i += 2)
		if (madvise(area + i * WORDS, PAGE_SIZE, MADV_DONTNEED))
			break;
	check(same(0, 0) && same(pages - 2, 0), "fragment",
	      "%zu pages written, every other one given back (MADV_DONTNEED)", pages);
	pid = spawn(child, NULL);
	printf("compact-demo: %zu pages kept at 0x%08lx, every other one; parent %d and child %d "
	       "%s them for %ld s\n",
	       pages / 2, (unsigned long)area, getpid(), pid, idle ? "sleep, then read" : "read",
	       seconds);
	fflush(stdout);
	passes = touch(true);
	check(passes > 0, "parent", "%ld passes over its pages, every word as written", passes);
	wait_child(pid, &status, NULL);
	check(WIFEXITED(status) && WEXITSTATUS(status) == 0, "child", "%s",
	      "every word of the pages it shares as written");
	return check_end();
}
