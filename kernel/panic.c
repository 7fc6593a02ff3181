// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/panic.c: stop the kernel with a reason (kernel/panic.c @ v4.14).  As in Linux, "panic=N"
 * reboots after N seconds (N < 0: at once; QEMU's -no-reboot turns that
 * into an exit), and the default 0 halts for good -- but never silently:
 * the reason is always on the console first.  The other CPUs are stopped
 * (smp_send_stop()) before the end; a second CPU that panics meanwhile
 * stops itself and leaves the report to the first.
 */

#include <asm/atomic.h>
#include <linux/cmdline.h>
#include <linux/console.h>
#include <linux/errno.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/reboot.h>
#include <linux/smp.h>
#include <mach/vexpress.h>

static long panic_timeout;
static bool in_panic;

/* kernel/panic.c: panic_cpu, the CPU reporting a panic (-1: none) */
static atomic_t panic_cpu = ATOMIC_INIT(-1);

enum system_states system_state = SYSTEM_BOOTING;

/*
 * kernel/panic.c: the "panic" core_param (an int, parsed by kstrtoint() as
 * param_set_int() does @ v4.14).  A value that is not an int is refused
 * whole -- panic=4294967297 would otherwise wrap to 1 second.
 */
static int __init panic_setup(char *str)
{
	int v, err = str ? kstrtoint(str, 0, &v) : -EINVAL;

	if (err) {
		pr_warn("panic=%s: %s, ignored (a panic halts)\n", str ? str : "",
			err == -ERANGE ? "out of range for an int (ERANGE)"
				       : "expected a number of seconds");
		return 0;
	}
	panic_timeout = v;
	return 0;
}
early_param("panic", panic_setup);

static void spin_seconds(long seconds)
{
	u64 end = global_timer_ns() + (u64)seconds * 1000000000U;

	while (global_timer_ns() < end)
		cpu_relax();
}

/**
 * panic() - stop the kernel, saying why; never returns
 * @fmt: printf-like reason
 * @...: its arguments
 *
 * kernel/panic.c: panic() @ v4.14.  The reason reaches the console
 * whatever the loglevel; the other CPUs are stopped (smp_send_stop()), and
 * a CPU that panics while another already is stops itself.  Then
 * "panic=N" reboots after N seconds (N < 0: at once), and the default 0
 * halts.
 */
void panic(const char *fmt, ...)
{
	int this_cpu = (int)smp_processor_id(), old_cpu;
	char buf[256];
	va_list ap;

	__asm__ volatile("cpsid if");
	old_cpu = atomic_cmpxchg(&panic_cpu, -1, this_cpu);
	if (old_cpu != -1 && old_cpu != this_cpu)
		panic_smp_self_stop();
	oops_in_progress = 1; /* bust_spinlocks(1): printk gets through */
	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);

	if (in_panic) {
		/* A fault while panicking: don't recurse, just stop. */
		printk(KERN_EMERG "Kernel panic (nested) - not syncing: %s\n", buf);
		for (;;)
			__asm__ volatile("wfi");
	}
	in_panic = true;
	console_loglevel = 15; /* console_verbose(): a panic is always shown */
	register_console();
	printk(KERN_EMERG "Kernel panic - not syncing: %s\n", buf);
	smp_send_stop();
	if (panic_timeout != 0) {
		if (panic_timeout > 0) {
			printk(KERN_EMERG "Rebooting in %ld seconds..\n", panic_timeout);
			spin_seconds(panic_timeout);
		}
		printk(KERN_EMERG "---[ end Kernel panic - not syncing: %s ]---\n", buf);
		vexpress_restart();
	}
	printk(KERN_EMERG "---[ end Kernel panic - not syncing: %s ]---\n", buf);
	for (;;)
		__asm__ volatile("wfi");
}
