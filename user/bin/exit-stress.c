// SPDX-License-Identifier: GPL-2.0
/*
 * exit-stress - processes that exit with many pages while every CPU is
 * busy, so that the tick preempts them in the middle of exit_mmap():
 * from exit_mm()'s tsk->mm = NULL on, such a task is switched like a
 * kernel thread (it gives up its active_mm and borrows another's), and
 * every reference must still come out even -- afterwards the free page
 * count is what it was (the shell's `run` shows it).
 *
 *   exit-stress [ROUNDS [CHILDREN [PAGES [SPINNERS]]]]   (default 60 2 2048 4)
 *
 * SPINNERS children spin in user mode, one per CPU, until killed; each
 * round forks CHILDREN children that write PAGES fresh pages and exit.
 */
#include "ulib.h"

#define MAX_PROCS 16

static long arg(int argc, char **argv, int i, long def, long max)
{
	char *end;
	long v = def;

	if (argc > i)
		v = strtol(argv[i], &end, 0);
	if (argc > 5 || (argc > i && (*end || v < 1 || v > max))) {
		fprintf(stderr, "usage: exit-stress [ROUNDS [CHILDREN [PAGES [SPINNERS]]]]  "
				"(1..10000, 1..16, 1..65536, 1..16)\n");
		exit(2);
	}
	return v;
}

static pid_t child(void (*fn)(unsigned long), unsigned long n)
{
	pid_t pid = fork();

	if (pid < 0) {
		perror("exit-stress: fork");
		exit(1);
	}
	if (pid == 0) {
		fn(n);
		_exit(0);
	}
	return pid;
}

static void spin(unsigned long unused)
{
	(void)unused;
	for (volatile unsigned long x = 0;; x++)
		;
}

static void touch_and_exit(unsigned long pages)
{
	char *m = mmap(NULL, pages * PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
		       -1, 0);

	if (m == MAP_FAILED)
		_exit(3);
	touch_pages(m, pages * PAGE_SIZE, 1);
}

int main(int argc, char **argv)
{
	long rounds = arg(argc, argv, 1, 60, 10000), children = arg(argc, argv, 2, 2, MAX_PROCS);
	long pages = arg(argc, argv, 3, 2048, 65536), spinners = arg(argc, argv, 4, 4, MAX_PROCS);
	pid_t spinner[MAX_PROCS], pid[MAX_PROCS];
	int failed = 0, status;

	for (long i = 0; i < spinners; i++)
		spinner[i] = child(spin, 0);
	for (long r = 0; r < rounds; r++) {
		for (long i = 0; i < children; i++)
			pid[i] = child(touch_and_exit, (unsigned long)pages);
		for (long i = 0; i < children; i++) {
			if (wait4(pid[i], &status, 0, NULL) != pid[i] || status) {
				printf("exit-stress: child %d: %s\n", pid[i], status_str(status));
				failed++;
			}
		}
	}
	for (long i = 0; i < spinners; i++) {
		kill(spinner[i], SIGKILL);
		wait4(spinner[i], &status, 0, NULL);
	}
	printf("exit-stress: %ld rounds of %ld children x %ld pages beside %ld spinners, "
	       "%d failed\n",
	       rounds, children, pages, spinners, failed);
	return failed != 0;
}
