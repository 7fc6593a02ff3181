// SPDX-License-Identifier: GPL-2.0
/*
 * cow-stress [ROUNDS [PAGES [SPIN [readers]]]] - copy-on-write kept apart
 * while the kernel moves the pages under it (default 100 256 2000).
 *
 * Each round maps PAGES pages, fills them with 'X' and forks; parent and
 * child each write their own byte ('P', 'C') into every page, slowly
 * (SPIN loop turns between two pages), and read it back; then each reads
 * every page four times more.  A byte of the other side's means a write
 * reached a page the other still mapped -- copy-on-write broken.  With
 * `readers` only the parent writes, the child checks that it still sees
 * 'X' everywhere: the pages stay shared longest.  The round ends with
 * munmap(), so page tables come and go as well.
 *
 * Meant to run while the shell loops `compact` (mm/compaction.c): every
 * fault, fork, exit and munmap here races a migration walk.  Exit status:
 * the rounds that went wrong (0: none).
 */
#include <sys/mman.h>

#include "ulib.h"

static volatile unsigned long sink;

static long arg(int argc, char **argv, int i, long def, long max)
{
	char *end;
	long v = def;

	if (argc > i)
		v = strtol(argv[i], &end, 0);
	if (argc > 5 || (argc > i && (*end || v < 1 || v > max)) ||
	    (argc > 4 && strcmp(argv[4], "readers"))) {
		fprintf(stderr, "usage: cow-stress [ROUNDS [PAGES [SPIN [readers]]]]  "
				"(1..100000, 1..16384, 1..10000000)\n");
		exit(2);
	}
	return v;
}

/* one side's round: write (unless only reading), check; the bytes that were not its own */
static long side(char *p, long pages, long spin, char mine, bool writes)
{
	long bad = 0;

	for (long j = 0; j < pages; j++) {
		long i = (j * 37) % pages; /* scattered: neighbours are not written in order */

		if (writes)
			p[i * PAGE_SIZE] = mine;
		for (long s = 0; s < spin; s++)
			sink += (unsigned long)s;
		bad += p[i * PAGE_SIZE] != mine;
	}
	for (int k = 0; k < 4; k++)
		for (long i = 0; i < pages; i++)
			bad += p[i * PAGE_SIZE] != mine;
	return bad;
}

int main(int argc, char **argv)
{
	long rounds = arg(argc, argv, 1, 100, 100000), pages = arg(argc, argv, 2, 256, 16384);
	long spin = arg(argc, argv, 3, 2000, 10000000), bad_rounds = 0;
	bool readers = argc > 4;
	size_t size = (size_t)pages * PAGE_SIZE;

	for (long r = 0; r < rounds; r++) {
		char *p = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1,
			       0);
		int status = 0;
		long bad;
		pid_t pid;

		if (p == MAP_FAILED) {
			perror("cow-stress: mmap");
			return 1;
		}
		memset(p, 'X', size);
		pid = fork();
		if (pid < 0) {
			perror("cow-stress: fork");
			return 1;
		}
		if (pid == 0) {
			bad = side(p, pages, spin, readers ? 'X' : 'C', !readers);
			if (bad)
				printf("cow-stress: round %ld: the child saw %ld bytes not its own\n",
				       r, bad);
			_exit(bad ? 1 : 0);
		}
		bad = side(p, pages, spin, 'P', true);
		wait4(pid, &status, 0, NULL);
		if (bad)
			printf("cow-stress: round %ld: the parent saw %ld bytes not its own\n", r,
			       bad);
		if (bad || !WIFEXITED(status) || WEXITSTATUS(status))
			bad_rounds++;
		munmap(p, size);
	}
	printf("cow-stress: %ld rounds of %ld pages, %ld went wrong\n", rounds, pages, bad_rounds);
	return bad_rounds > 255 ? 255 : (int)bad_rounds;
}
