/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_JIFFIES_H
#define _LINUX_JIFFIES_H

/*
 * include/linux/jiffies.h: the tick count.  The boot CPU's local timer
 * (TWD) interrupts HZ times a second and do_timer() adds one to jiffies;
 * every CPU's TWD ticks, only one keeps time.  Compare with time_after()
 * (the counter wraps).
 */
#include <linux/compiler.h>

#define HZ 100

extern volatile unsigned long jiffies;

#define time_after(a, b)     ((long)((b) - (a)) < 0)
#define time_before(a, b)    time_after(b, a)
#define time_after_eq(a, b)  ((long)((a) - (b)) >= 0)
#define time_before_eq(a, b) time_after_eq(b, a)

static inline unsigned long msecs_to_jiffies(unsigned int m)
{
	return (m + (1000 / HZ) - 1) / (1000 / HZ);
}

static inline unsigned int jiffies_to_msecs(unsigned long j)
{
	return (unsigned int)(j * (1000 / HZ));
}

#endif
