/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_TIMER_H
#define _LINUX_TIMER_H

/*
 * include/linux/timer.h @ v4.14: run a function at a given jiffy.  Linux
 * keeps a timer wheel per CPU; a9mm keeps one list sorted by expiry,
 * run by the CPU whose tick advances jiffies (the only tick that never
 * stops, kernel/time.c).  The function runs in that CPU's interrupt
 * context.  schedule_timeout() -- every sleep with a time limit -- is
 * built on it.
 */
#include <linux/list.h>

struct timer_list {
	struct list_head entry; /* in the sorted list while pending */
	unsigned long expires;	/* jiffies */
	void (*function)(unsigned long data);
	unsigned long data;
};

/* include/linux/timer.h: setup_timer() @ v4.14 */
static inline void setup_timer(struct timer_list *timer, void (*function)(unsigned long),
			       unsigned long data)
{
	INIT_LIST_HEAD(&timer->entry);
	timer->function = function;
	timer->data = data;
	timer->expires = 0;
}

static inline bool timer_pending(const struct timer_list *timer)
{
	return !list_empty(&timer->entry);
}

/* kernel/time/timer.c */
void add_timer(struct timer_list *timer);
int mod_timer(struct timer_list *timer, unsigned long expires);
int del_timer(struct timer_list *timer);
int del_timer_sync(struct timer_list *timer);
void run_timers(void);
unsigned int timers_pending(void);

#endif
