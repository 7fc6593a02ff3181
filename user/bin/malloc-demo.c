// SPDX-License-Identifier: GPL-2.0
/*
 * malloc-demo - where malloc's memory comes from, and when it costs RAM.
 *
 *   malloc(n < 128 KiB)   picolibc's allocator carves it from the brk heap:
 *                         sbrk() -> brk moves the end of the [heap] VMA
 *   malloc(n >= 128 KiB)  a private anonymous mmap() of its own (glibc's
 *                         M_MMAP_THRESHOLD), unmapped again by free()
 *
 * Either way the kernel only records a VMA: no page is allocated until it
 * is touched.  The first touch of each page is a page fault the kernel
 * serves without I/O -- a "minor" fault, counted in getrusage()'s
 * ru_minflt -- via handle_mm_fault() -> do_anonymous_page(), which
 * allocates a zeroed page and maps it.  So touching a 1 MiB block costs
 * 256 minor faults, and touching it again costs none.
 */
#include "ulib.h"

#define BIG	  (1024 * 1024)
#define BIG_PAGES (BIG / PAGE_SIZE)

static bool mapped(const void *p, struct vma *v)
{
	return maps_find((unsigned long)p, v) == 1;
}

static void small_blocks(void)
{
	unsigned long hs, he, hs2, he2;
	size_t below = malloc_mmap_threshold - 64;
	char *a, *b;
	struct vma v;

	a = malloc(100);
	malloc_heap_range(&hs, &he);
	check(a && !malloc_is_mmapped(a) && (unsigned long)a >= hs && (unsigned long)a < he,
	      "small-from-brk", "malloc(100) = %p, in the brk heap [%#lx, %#lx)", a, hs, he);
	b = malloc(below);
	malloc_heap_range(&hs2, &he2);
	check(b && !malloc_is_mmapped(b) && he2 > he, "below-threshold-from-brk",
	      "malloc(%zu) = %p: the heap grew by %lu bytes to end at %#lx", below, b, he2 - he,
	      he2);
	check(mapped(b, &v) && v.perms[0] == 'r' && v.perms[1] == 'w' && v.inode == 0 &&
		      v.end >= (unsigned long)b + below,
	      "heap-vma", "%08lx-%08lx %s %s holds it", v.start, v.end, v.perms,
	      v.path[0] ? v.path : "(anonymous)");
	free(b);
	free(a);
}

static void big_block(void)
{
	unsigned long hs, he, addr;
	long f0, f1, f2;
	char *p;
	struct vma v;

	p = malloc(malloc_mmap_threshold);
	malloc_heap_range(&hs, &he);
	check(p && malloc_is_mmapped(p) && ((unsigned long)p < hs || (unsigned long)p >= he),
	      "at-threshold-from-mmap", "malloc(%zu) = %p, outside the brk heap [%#lx, %#lx)",
	      malloc_mmap_threshold, p, hs, he);
	free(p);

	p = malloc(BIG);
	if (!check(p && malloc_is_mmapped(p), "big-from-mmap", "malloc(1 MiB) = %p", p))
		return;
	check(mapped(p, &v) && v.end - v.start >= BIG && v.perms[1] == 'w', "big-vma",
	      "%08lx-%08lx %s: a VMA of its own, %lu KiB", v.start, v.end, v.perms,
	      (v.end - v.start) / 1024);

	f0 = minflt();
	touch_pages(p, BIG, 1);
	f1 = minflt();
	touch_pages(p, BIG, 2);
	f2 = minflt();
	note("minor faults: %ld before, %ld after the first touch of 256 pages, %ld after the second",
	     f0, f1, f2);
	/* the first page already holds malloc's header: 255 new pages at least */
	if (thp_always())
		skip("first-touch-faults",
		     "transparent huge pages are 'always' here: one fault may map 2 MiB "
		     "(%ld faults for %lu pages)",
		     f1 - f0, BIG_PAGES);
	else
		check(f1 - f0 >= (long)BIG_PAGES - 1, "first-touch-faults",
		      "%ld minor faults for %lu pages touched the first time", f1 - f0, BIG_PAGES);
	check(f2 - f1 < (long)BIG_PAGES / 8, "second-touch-free",
	      "%ld minor faults touching them again (the pages are mapped now)", f2 - f1);

	addr = (unsigned long)p;
	free(p);
	check(!mapped((void *)addr, &v), "free-unmaps", "after free(), %#lx is no longer mapped",
	      addr);
}

static void realloc_across(void)
{
	char *p = malloc(1000), *q;

	memset(p, 'x', 1000);
	q = realloc(p, 512 * 1024);
	check(q && malloc_is_mmapped(q) && q[0] == 'x' && q[999] == 'x', "realloc-to-mmap",
	      "realloc(1000 -> 512 KiB) moved the block into a mapping of its own, data kept");
	p = realloc(q, 2000);
	check(p && !malloc_is_mmapped(p) && p[0] == 'x' && p[999] == 'x', "realloc-to-brk",
	      "realloc(512 KiB -> 2000) moved it back to the heap, data kept");
	free(p);
}

int main(void)
{
	check_begin("malloc-demo");
	note("mmap threshold: %zu bytes (below: brk heap; at or above: mmap)",
	     malloc_mmap_threshold);
	small_blocks();
	big_block();
	realloc_across();
	note("minor faults of the whole run: %ld", minflt());
	return check_end();
}
