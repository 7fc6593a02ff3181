// SPDX-License-Identifier: GPL-2.0
/*
 * cow-demo - fork() shares memory copy-on-write; each side's first write
 * to a page copies it.
 *
 * fork() -> dup_mmap() -> copy_page_range() gives the child the parent's
 * page tables for its private memory, with both sides' ptes made
 * read-only: no page is copied yet, so a read costs nothing.  The first
 * write to a page by either side faults into do_wp_page(): a page still
 * mapped twice is copied (wp_page_copy()); one mapped once -- the other
 * side has already copied or exited -- is simply made writable again
 * (reuse).  Either way it is one minor fault per page.
 *
 *   parent: fill 256 pages (1 MiB) with 'P', fork
 *   child:  read them (no faults), write 'C' (256 faults), sees only 'C'
 *   parent: write 'Q' (256 faults), sees only 'Q'; the child's rusage
 *           (wait4) shows its faults too
 */
#include "ulib.h"

#define PAGES 256
#define SIZE  (PAGES * PAGE_SIZE)

static bool all(const char *p, char c)
{
	for (size_t i = 0; i < SIZE; i += 512)
		if (p[i] != c)
			return false;
	return true;
}

static int child(void *arg)
{
	char *p = arg;
	long f0, f1, f2;
	bool inherited;

	check_begin("cow-demo (child)");
	f0 = minflt();
	inherited = all(p, 'P');
	f1 = minflt();
	check(inherited, "child-inherits", "the child sees the parent's 'P' in all %d pages",
	      PAGES);
	check(f1 - f0 < PAGES / 4, "child-read-free",
	      "%ld minor faults reading them: the ptes were copied at fork", f1 - f0);
	memset(p, 'C', SIZE);
	f2 = minflt();
	check(f2 - f1 >= PAGES, "child-cow-faults", "%ld minor faults writing %d shared pages",
	      f2 - f1, PAGES);
	check(all(p, 'C'), "child-own-data", "the child sees its own 'C'");
	return check_end();
}

int main(void)
{
	struct rusage ru;
	long f0, f1;
	int status;
	pid_t pid;
	char *p;

	check_begin("cow-demo");
	p = mmap(NULL, SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (!check(p != MAP_FAILED, "mmap", "%d pages at %p", PAGES, p))
		return check_end();
	memset(p, 'P', SIZE);
	check(all(p, 'P'), "parent-fill", "the parent filled %d pages with 'P'", PAGES);

	pid = spawn(child, p);
	if (!check(pid > 0, "fork", "child %d", pid))
		return check_end();
	f0 = minflt();
	memset(p, 'Q', SIZE);
	f1 = minflt();
	check(f1 - f0 >= PAGES, "parent-cow-faults",
	      "%ld minor faults writing %d pages after fork (copy, or reuse once the child "
	      "has its own)",
	      f1 - f0, PAGES);
	check(all(p, 'Q'), "parent-own-data", "the parent sees its own 'Q', never the child's 'C'");

	wait_child(pid, &status, &ru);
	check(WIFEXITED(status) && WEXITSTATUS(status) == 0, "child-checks", "child %d %s", pid,
	      status_str(status));
	check(ru.ru_minflt >= PAGES, "child-rusage",
	      "wait4() reports the child's %ld minor faults (its %d copies among them)",
	      ru.ru_minflt, PAGES);
	check(all(p, 'Q'), "parent-after-child", "the parent's pages still hold 'Q'");
	munmap(p, SIZE);
	return check_end();
}
