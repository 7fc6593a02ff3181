// SPDX-License-Identifier: GPL-2.0
/*
 * oom-demo - a process that wants more than RAM is killed; the memory
 * comes back.
 *
 * A child maps and touches 1 MiB after 1 MiB.  mmap() itself always
 * succeeds -- it only records a VMA (Linux's heuristic overcommit refuses
 * only a single request larger than all of RAM) -- but each touched page
 * needs a real one.  When none is left the fault cannot be served:
 * mm/oom_kill.c: out_of_memory() picks the process with the largest
 * oom_badness() (its RSS, here the child's), prints "Out of memory: Killed
 * process N (oom-demo) total-vm:...kB, anon-rss:...kB, file-rss:...kB" on
 * the console and sends it SIGKILL.  exit_mmap() then frees every page
 * and page table of the child, and MemFree returns to what it was.
 *
 * Run it where RAM is smaller than the 3 GiB a 32-bit process can map
 * (a9mm: -m 64M to 1024M).  Where RAM is bigger the child would run out
 * of addresses first, so the demo says SKIP rather than pretend.
 */
#include "ulib.h"

#define CHUNK (1UL << 20)
/* TASK_SIZE 0xbf000000 less text, heap, stack and gaps: what can be mapped */
#define MAPPABLE_KB (2816UL * 1024)

static int hog(void *arg)
{
	unsigned long mb = 0;

	(void)arg;
	for (;;) {
		char *p = mmap(NULL, CHUNK, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1,
			       0);

		if (p == MAP_FAILED) {
			printf("  child: mmap() refused after %lu MiB: %s\n", mb, strerror(errno));
			return 2;
		}
		touch_pages(p, CHUNK, 1);
		if (++mb % 64 == 0)
			printf("  child: %lu MiB touched\n", mb);
	}
}

int main(void)
{
	long total = meminfo_kb("MemTotal"), free0 = meminfo_kb("MemFree"), free1, slack;
	struct timespec settle = { .tv_nsec = 200 * 1000 * 1000 };
	struct rusage ru;
	int status;
	pid_t pid;

	check_begin("oom-demo");
	if (!check(total > 0 && free0 > 0, "meminfo", "MemTotal %ld kB, MemFree %ld kB", total,
		   free0))
		return check_end();
	if ((unsigned long)total >= MAPPABLE_KB) {
		skip("oom-kill",
		     "MemTotal %ld MiB is more than this 32-bit process can map "
		     "(about %lu MiB): it would run out of addresses, not RAM",
		     total / 1024, MAPPABLE_KB / 1024);
		return check_end();
	}

	pid = spawn(hog, NULL);
	if (!check(pid > 0, "fork", "%s", pid > 0 ? "ok" : strerror(errno)))
		return check_end();
	wait_child(pid, &status, &ru);
	check(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL, "oom-kill",
	      "child %d, after %ld minor faults (about %ld MiB): %s", pid, ru.ru_minflt,
	      ru.ru_minflt / 256, status_str(status));
	check(ru.ru_minflt / 256 >= free0 / 1024 / 2, "ate-the-ram",
	      "it had touched about %ld MiB of the %ld MiB free", ru.ru_minflt / 256, free0 / 1024);

	nanosleep(&settle, NULL);
	free1 = meminfo_kb("MemFree");
	slack = total / 32 > 2048 ? total / 32 : 2048;
	check(free1 >= free0 - slack, "memory-returns",
	      "MemFree %ld kB before, %ld kB after (%+ld kB; allowed -%ld)", free0, free1,
	      free1 - free0, slack);
	return check_end();
}
