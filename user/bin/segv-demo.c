// SPDX-License-Identifier: GPL-2.0
/*
 * segv-demo - a wild pointer kills the process, never the kernel; so does
 * an instruction the process may not run.
 *
 * Each bad access runs in a child of its own; the MMU refuses it, the
 * kernel's do_page_fault() finds no VMA that allows it, and sends SIGSEGV
 * (arch/arm/mm/fault.c: __do_user_fault()), whose default action ends the
 * process.  The parent reads how each child ended from wait4().
 *
 *   NULL            nothing is mapped below 0x10000 (user.ld)
 *   write to text   .text is mapped r-x: a permission fault
 *   execute data    .data is rw- and never executable (XN): a prefetch
 *                   abort, read through IFSR/IFAR instead of DFSR/DFAR
 *   kernel space    an address above TASK_SIZE (0xbf000000): the kernel's
 *                   own mappings are not accessible from user mode
 *   undefined       UDF: an undefined instruction exception, SIGILL
 *                   (arch/arm/kernel/traps.c: do_undefinstr())
 *   breakpoint      BKPT with no debugger: a prefetch abort whose IFSR
 *                   says "debug event", SIGTRAP (fsr-2level.c's ifsr_info[])
 *   unaligned LDREX an exclusive load needs an address aligned to its size
 *                   whatever SCTLR.A says (ARM ARM A3.2.1): an alignment
 *                   fault, SIGBUS (fsr_info[]'s "alignment exception")
 */
#include "ulib.h"

int main(void);

/* "bx lr" in ARM state: harmless if it ever ran */
static uint32_t data_code[] = { 0xe12fff1e };

static int null_read(void *arg)
{
	return *(volatile int *)arg;
}

static int text_write(void *arg)
{
	*(volatile uint32_t *)arg = 0xe7f000f0; /* udf */
	return 0;
}

static int data_exec(void *arg)
{
	((void (*)(void))arg)();
	return 0;
}

static int kernel_read(void *arg)
{
	return *(volatile int *)arg;
}

static int undefined(void *arg)
{
	(void)arg;
	__asm__ volatile("udf #0");
	return 0;
}

static int breakpoint(void *arg)
{
	(void)arg;
	__asm__ volatile("bkpt #0");
	return 0;
}

static uint32_t words[2];

static int unaligned_ldrex(void *arg)
{
	uint32_t v;

	__asm__ volatile("ldrex %0, [%1]" : "=r"(v) : "r"(arg) : "memory");
	return (int)v;
}

static const struct {
	const char *name, *what;
	int (*fn)(void *);
	void *arg;
	int sig; /* the signal it must die of */
} cases[] = {
	{ "null-read", "read of NULL", null_read, NULL, SIGSEGV },
	{ "text-write", "write to its own .text (main)", text_write, (void *)main, SIGSEGV },
	{ "data-exec", "jump into .data", data_exec, data_code, SIGSEGV },
	{ "kernel-read", "read of 0xc0000000 (kernel space)", kernel_read, (void *)0xc0000000,
	  SIGSEGV },
	{ "undefined", "UDF (an undefined instruction)", undefined, NULL, SIGILL },
	{ "breakpoint", "BKPT without a debugger", breakpoint, NULL, SIGTRAP },
	{ "unaligned-ldrex", "LDREX of a word 1 byte past its alignment", unaligned_ldrex,
	  (char *)words + 1, SIGBUS },
};

int main(void)
{
	check_begin("segv-demo");
	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		int status;
		pid_t pid = spawn(cases[i].fn, cases[i].arg);

		if (pid < 0) {
			check(false, cases[i].name, "fork: %s", strerror(errno));
			continue;
		}
		wait_child(pid, &status, NULL);
		check(WIFSIGNALED(status) && WTERMSIG(status) == cases[i].sig, cases[i].name,
		      "child %d did a %s at %p: %s", pid, cases[i].what, cases[i].arg,
		      status_str(status));
	}
	check(getpid() > 0, "parent-survives", "pid %d carries on after %zu killed children",
	      getpid(), ARRAY_SIZE(cases));
	return check_end();
}
