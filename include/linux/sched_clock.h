/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_SCHED_CLOCK_H
#define _LINUX_SCHED_CLOCK_H

/*
 * include/linux/sched/clock.h: sched_clock() @ v4.14: nanoseconds since boot from
 * the best counter there is -- on the board the Cortex-A9 global timer
 * (kernel/sched_clock.c), on the host CLOCK_MONOTONIC (host_shim.c).
 * Under QEMU's -icount shift=0 one nanosecond is one instruction.
 */
#include <linux/types.h>

u64 sched_clock(void);

#endif
