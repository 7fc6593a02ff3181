// SPDX-License-Identifier: GPL-2.0
/*
 * rmap-demo [SECONDS] - one anonymous page and three processes, to follow
 * back from a page to the processes that map it: the kernel shell's
 * `rmap PID VA` while they wait (default 10 s).
 *
 *   parent    writes a page of its own (an anonymous VMA: its anon_vma)
 *   fork x 2  the children's VMAs join the parent's anon_vma; all three
 *             map the one page, read-only (copy-on-write)
 *   reader    only reads it: it stays shared
 *   writer    writes it: do_wp_page() gives it a copy, at the same
 *             address and index, in the same anon_vma
 *
 *   rmap PARENT VA  ->  the parent and the reader map the page; the
 *                       writer's pte there maps its own copy
 *   rmap WRITER VA  ->  the copy: only the writer maps it
 *
 * A shared page (MAP_SHARED|MAP_ANONYMOUS) tells the parent when both
 * children have done their part.
 */
#include <sys/mman.h>

#include "ulib.h"

enum { READER, WRITER };

static volatile int *done; /* in a MAP_SHARED page: each child's "ready" */
static char *page;	   /* the MAP_PRIVATE page the three share */
static long seconds = 10;

static void nap(void)
{
	struct timespec ts = { .tv_sec = seconds };

	nanosleep(&ts, NULL);
}

static int child(void *arg)
{
	int role = (int)(long)arg;
	bool ok = page[0] == 'P';

	if (role == WRITER)
		page[0] = 'W';
	done[role] = ok ? 1 : -1;
	nap();
	return page[0] == (role == WRITER ? 'W' : 'P') ? 0 : 1;
}

int main(int argc, char **argv)
{
	pid_t pids[2];
	char *end;
	int status;

	if (argc > 2 || (argc == 2 && ((seconds = strtol(argv[1], &end, 10)) < 0 || *end))) {
		fprintf(stderr, "usage: rmap-demo [SECONDS]\n");
		return 2;
	}
	check_begin("rmap-demo");
	done = mmap(NULL, PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	page = mmap(NULL, PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (!check(done != MAP_FAILED && page != MAP_FAILED, "mmap", "two pages"))
		return check_end();
	page[0] = 'P';
	for (int role = READER; role <= WRITER; role++)
		pids[role] = spawn(child, (void *)(long)role);
	while (!done[READER] || !done[WRITER])
		sched_yield();
	check(done[READER] == 1 && done[WRITER] == 1, "inherited", "both children read 'P'");
	printf("rmap-demo: page 0x%08lx: parent %d, reader %d, writer %d (for %ld s)\n",
	       (unsigned long)page, getpid(), pids[READER], pids[WRITER], seconds);
	fflush(stdout);
	nap();
	for (int role = READER; role <= WRITER; role++) {
		wait_child(pids[role], &status, NULL);
		check(WIFEXITED(status) && WEXITSTATUS(status) == 0,
		      role == READER ? "reader" : "writer", "%s",
		      role == READER ? "still sees 'P'" : "sees its own 'W'");
	}
	check(page[0] == 'P', "parent", "still sees 'P' after the writer's copy");
	return check_end();
}
