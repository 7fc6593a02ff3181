// SPDX-License-Identifier: GPL-2.0
/*
 * Host micro-benchmark of the buddy allocator (make bench runs it through
 * scripts/bench.py): a node built as the kernel builds it, then N
 * alloc+free pairs of one order.  Prints the wall time per pair; run
 * under valgrind --tool=callgrind the instruction count per pair is exact.
 *
 * usage: bench_buddy ORDER PAIRS
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include <linux/mm.h>

#include "host_shim.h"

int main(int argc, char **argv)
{
	struct timespec t0, t1;
	unsigned long pairs;
	unsigned int order;
	double ns;

	if (argc != 3) {
		fprintf(stderr, "usage: %s ORDER PAIRS\n", argv[0]);
		return 2;
	}
	order = (unsigned int)strtoul(argv[1], NULL, 0);
	pairs = strtoul(argv[2], NULL, 0);

	host_boot_node(64, 64);

	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (unsigned long i = 0; i < pairs; i++) {
		struct page *page = alloc_pages(GFP_KERNEL | __GFP_MOVABLE, order);

		if (!page) {
			fprintf(stderr, "allocation failed at pair %lu\n", i);
			return 1;
		}
		__free_pages(page, order);
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	ns = (double)(t1.tv_sec - t0.tv_sec) * 1e9 + (double)(t1.tv_nsec - t0.tv_nsec);
	printf("order %u: %lu pairs, %.1f ns per alloc+free\n", order, pairs, ns / (double)pairs);
	host_ram_free();
	return 0;
}
