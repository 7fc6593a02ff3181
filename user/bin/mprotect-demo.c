// SPDX-License-Identifier: GPL-2.0
/*
 * mprotect-demo - protection is per VMA: mprotect() splits and merges
 * them, and the MMU enforces the result.
 *
 *   mmap 3 pages rw-           one VMA                 rw-p
 *   mprotect(middle, PROT_READ) three VMAs            rw-p r--p rw-p
 *        a write to the middle page -> SIGSEGV, a read is fine
 *   mprotect(middle, PROT_NONE) a read -> SIGSEGV too
 *   mprotect(middle, rw-)      one VMA again (vma_merge()), data intact
 *   mprotect(top, r--), then (middle, r--): the top VMA grows down over
 *        the tail of the lower one (Linux's case 4); mprotect(middle,
 *        rw-): the lower one grows up over the head of the top one (case 5)
 *
 * mm/mprotect.c: mprotect_fixup() splits the VMA at the range's ends
 * (split_vma()) and change_protection() rewrites the ptes; a neighbour
 * with the same flags merges back.  Bad arguments get Linux's errors:
 * EINVAL for an unaligned start, ENOMEM for a range with holes.
 */
#include "ulib.h"

#define SIZE (3 * PAGE_SIZE)

static int do_write(void *arg)
{
	*(volatile char *)arg = 'w';
	return 0;
}

static int do_read(void *arg)
{
	return *(volatile char *)arg == 'm' ? 0 : 1;
}

/* errno's text after a call that may have failed; "done" if errno is 0 */
static const char *result(void)
{
	return errno ? strerror(errno) : "done";
}

static const char *child_result(int (*fn)(void *), void *arg, int *status)
{
	pid_t pid = spawn(fn, arg);

	if (pid < 0) {
		*status = -1;
		return "fork failed";
	}
	wait_child(pid, status, NULL);
	return status_str(*status);
}

static bool segv(int status)
{
	return status != -1 && WIFSIGNALED(status) && WTERMSIG(status) == SIGSEGV;
}

static bool exited0(int status)
{
	return status != -1 && WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

/* the maps line around @a, as "start-end perms" */
static const char *vma_str(unsigned long a, struct vma *v)
{
	static char buf[4][48];
	static int n;
	char *s = buf[n++ % 4];

	if (maps_find(a, v) != 1)
		snprintf(s, 48, "(not mapped)");
	else
		snprintf(s, 48, "%08lx-%08lx %s", v->start, v->end, v->perms);
	return s;
}

int main(void)
{
	struct vma a, b, c;
	const char *sa, *sb, *sc, *r;
	unsigned long base, mid;
	int status;
	char *p;

	check_begin("mprotect-demo");
	p = mmap(NULL, SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (!check(p != MAP_FAILED, "mmap", "3 pages at %p", p))
		return check_end();
	memset(p, 'm', SIZE);
	base = (unsigned long)p;
	mid = base + PAGE_SIZE;

	errno = 0;
	check(!mprotect((void *)mid, PAGE_SIZE, PROT_READ), "mprotect-ro", "middle page r--: %s",
	      result());
	sa = vma_str(base, &a);
	sb = vma_str(mid, &b);
	sc = vma_str(mid + PAGE_SIZE, &c);
	check(!strncmp(a.perms, "rw", 2) && a.end == mid && b.start == mid &&
		      b.end == mid + PAGE_SIZE && !strncmp(b.perms, "r-", 2) &&
		      c.start == mid + PAGE_SIZE && !strncmp(c.perms, "rw", 2),
	      "split", "%s | %s | %s", sa, sb, sc);
	r = child_result(do_write, (void *)mid, &status);
	check(segv(status), "write-ro-segv", "a child writing the r-- page: %s", r);
	r = child_result(do_read, (void *)mid, &status);
	check(exited0(status), "read-ro-ok", "a child reading it: %s", r);
	r = child_result(do_write, (void *)base, &status);
	check(exited0(status), "write-rw-ok", "a child writing the rw- page beside it: %s", r);

	errno = 0;
	check(!mprotect((void *)mid, PAGE_SIZE, PROT_NONE), "mprotect-none", "middle page ---: %s",
	      result());
	r = child_result(do_read, (void *)mid, &status);
	check(segv(status), "read-none-segv", "a child reading the --- page: %s", r);

	errno = 0;
	check(!mprotect((void *)mid, PAGE_SIZE, PROT_READ | PROT_WRITE), "mprotect-rw",
	      "middle page rw- again: %s", result());
	sa = vma_str(base, &a);
	check(a.start <= base && a.end >= base + SIZE && !strncmp(a.perms, "rw", 2), "merge",
	      "one VMA again: %s", sa);
	p[PAGE_SIZE] = 'M';
	check(p[0] == 'm' && p[PAGE_SIZE] == 'M' && p[SIZE - 1] == 'm', "data-intact",
	      "the data survived every change, and the middle page is writable");

	/* the tail of a VMA to its upper neighbour's protection: that one grows down */
	errno = 0;
	check(!mprotect((void *)(mid + PAGE_SIZE), PAGE_SIZE, PROT_READ) &&
		      !mprotect((void *)mid, PAGE_SIZE, PROT_READ),
	      "mprotect-tail", "the top page r--, then the middle one: %s", result());
	sa = vma_str(base, &a);
	sb = vma_str(mid, &b);
	check(a.end == mid && !strncmp(a.perms, "rw", 2) && b.start == mid &&
		      b.end >= base + SIZE && !strncmp(b.perms, "r-", 2),
	      "tail-merge", "%s | %s", sa, sb);
	/* and back: the head of the r-- VMA to rw-, the VMA below grows up over it */
	errno = 0;
	check(!mprotect((void *)mid, PAGE_SIZE, PROT_READ | PROT_WRITE), "mprotect-head",
	      "the middle page rw- again: %s", result());
	sa = vma_str(base, &a);
	sb = vma_str(mid + PAGE_SIZE, &b);
	check(a.start <= base && a.end == mid + PAGE_SIZE && !strncmp(a.perms, "rw", 2) &&
		      b.start == mid + PAGE_SIZE && !strncmp(b.perms, "r-", 2),
	      "head-merge", "%s | %s", sa, sb);
	check(p[PAGE_SIZE] == 'M' && p[SIZE - 1] == 'm', "data-intact-2",
	      "the pages kept their data through both merges");

	errno = 0;
	check(mprotect(p + 1, PAGE_SIZE, PROT_READ) == -1 && errno == EINVAL, "unaligned-einval",
	      "an unaligned start: %s", strerror(errno));
	munmap((void *)mid, PAGE_SIZE);
	errno = 0;
	if (under_qemu_user())
		skip("hole-enomem", "qemu-arm's mprotect() does not look for holes (Linux's "
				    "answers ENOMEM)");
	else
		check(mprotect(p, SIZE, PROT_READ) == -1 && errno == ENOMEM, "hole-enomem",
		      "a range with an unmapped hole: %s", strerror(errno));
	munmap(p, SIZE);
	return check_end();
}
