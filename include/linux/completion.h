/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_COMPLETION_H
#define _LINUX_COMPLETION_H

/*
 * include/linux/completion.h: "wait until that is done".  One waiter
 * (a9mm has no tasks to queue, only CPUs): it idles in WFI
 * (cpu_idle_until()) and complete() wakes its CPU with an IPI.  The lock
 * keeps the completion alive until complete() is finished with it, so a
 * waiter may keep it on its stack.
 */
#include <linux/spinlock.h>

struct completion {
	unsigned int done;
	int waiter_cpu; /* -1: nobody waits */
	spinlock_t lock;
};

/* kernel/completion.c */
void init_completion(struct completion *x);
void reinit_completion(struct completion *x);
void complete(struct completion *x);
void wait_for_completion(struct completion *x);
unsigned long wait_for_completion_timeout(struct completion *x, unsigned long timeout);
bool completion_done(struct completion *x);

#endif
