// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/sched_clock.c: sched_clock(), after kernel/time/sched_clock.c @
 * v4.14, on the one clock source a9mm has, the MPCore global timer
 * (already running when start_kernel() enables it, before any memory
 * bring-up step).
 */
#include <linux/sched_clock.h>
#include <mach/vexpress.h>

/**
 * sched_clock() - nanoseconds since the global timer started
 *
 * kernel/time/sched_clock.c: sched_clock() @ v4.14.
 *
 * Return: global_timer_ns().
 */
u64 sched_clock(void)
{
	return global_timer_ns();
}
