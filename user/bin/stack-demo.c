// SPDX-License-Identifier: GPL-2.0
/*
 * stack-demo - the stack grows on demand, down to a limit; past it, SIGSEGV.
 *
 * The [stack] VMA is VM_GROWSDOWN: a fault just below it is not an error
 * but a reason to extend it (mm/mmap.c: expand_stack() from
 * do_page_fault()), page by page, up to RLIMIT_STACK (8 MiB by default).
 * A fault beyond the limit, or into the guard gap above the next mapping
 * down, finds no VMA that may grow: SIGSEGV.
 *
 *   recurse 256 KiB deep   every frame's page faults in; the [stack] VMA
 *                          in /proc/self/maps now reaches the deepest frame
 *   recurse for ever       (in a child) SIGSEGV; its rusage says how many
 *                          stack pages it faulted in before
 */
#include "ulib.h"

#define FRAME 4096

static unsigned long deepest;

/* one page of stack per call, each written, so each faults in */
static __attribute__((noinline)) int grow(int depth)
{
	volatile char frame[FRAME];

	frame[0] = (char)depth;
	frame[FRAME - 1] = (char)depth;
	if ((unsigned long)frame < deepest || !deepest)
		deepest = (unsigned long)frame;
	if (depth > 0)
		return grow(depth - 1) + frame[0];
	return frame[FRAME - 1];
}

/* true, but the compiler may not know it: the recursion must stay */
static volatile bool forever = true;

static __attribute__((noinline)) int overflow(void *arg)
{
	volatile char frame[FRAME];

	frame[0] = 1;
	frame[FRAME - 1] = 1;
	if (!forever)
		return 0;
	return overflow(arg) + frame[0] + frame[FRAME - 1];
}

int main(void)
{
	unsigned long sp = (unsigned long)__builtin_frame_address(0);
	struct vma before, after;
	struct rusage ru;
	int found, status;
	long f0, f1;
	pid_t pid;

	check_begin("stack-demo");
	found = maps_find(sp, &before);
	if (!check(found == 1, "stack-vma", "sp %#lx in %08lx-%08lx %s %s (%lu KiB)", sp,
		   before.start, before.end, before.perms, before.path,
		   (before.end - before.start) / 1024))
		return check_end();

	f0 = minflt();
	grow(64);
	f1 = minflt();
	found = maps_find(deepest, &after);
	check(found == 1 && after.end == before.end, "deep-stack",
	      "the deepest frame, %#lx (%lu KiB below sp), is in %08lx-%08lx (%lu KiB)", deepest,
	      (sp - deepest) / 1024, after.start, after.end, (after.end - after.start) / 1024);
	note("%ld minor faults for 64 new stack pages; the VMA %s", f1 - f0,
	     after.start < before.start ? "grew downwards (VM_GROWSDOWN)"
					: "already reached that deep");

	pid = spawn(overflow, NULL);
	if (!check(pid > 0, "fork", "%s", pid > 0 ? "ok" : strerror(errno)))
		return check_end();
	wait_child(pid, &status, &ru);
	check(WIFSIGNALED(status) && WTERMSIG(status) == SIGSEGV, "overflow-segv",
	      "child %d recursing without end: %s", pid, status_str(status));
	check(ru.ru_minflt >= 256, "overflow-grew",
	      "before that it faulted in about %ld KiB (%ld minor faults)", ru.ru_minflt * 4,
	      ru.ru_minflt);
	return check_end();
}
