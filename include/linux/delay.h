/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_DELAY_H
#define _LINUX_DELAY_H

/*
 * include/linux/delay.h + arch/arm/include/asm/delay.h: busy-wait a short
 * time.  ARM's timer-based delay loop counts a free-running timer's ticks
 * instead of executing calibrated loops (lib/delay.c): on a9mm the
 * Cortex-A9 global timer, which the CPUs share and which never stops.
 */
#include <linux/types.h>

/* arch/arm/include/asm/delay.h: struct delay_timer */
struct delay_timer {
	unsigned long (*read_current_timer)(void);
	unsigned long freq;
};

extern unsigned long loops_per_jiffy;

void register_current_timer_delay(const struct delay_timer *timer);
void udelay(unsigned long usecs);
void mdelay(unsigned long msecs);
void calibrate_delay(void);

#endif
