/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_TICK_H
#define _LINUX_TICK_H

/*
 * include/linux/tick.h: the periodic tick.  Every CPU's local timer calls
 * tick_handle_periodic() HZ times a second; the boot CPU's also advances
 * jiffies (tick_do_timer_cpu).  The others stop theirs while they idle
 * (NO_HZ_IDLE): nothing else needs it.
 */
void tick_handle_periodic(void);
void time_init(void);
void tick_nohz_idle_enter(void);
void tick_nohz_idle_exit(void);

#endif
