/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_COMPLETION_H
#define _LINUX_COMPLETION_H

/*
 * include/linux/completion.h @ v4.14: "wait until that is done".  A
 * count of complete()s not yet consumed, and a wait queue for those
 * waiting to consume one.  The waiter sleeps (another task runs on its
 * CPU meanwhile); complete() wakes it, from any context.  The queue's
 * lock keeps the completion alive until complete() is finished with it,
 * so a waiter may keep it on its stack.
 */
#include <linux/wait.h>

struct completion {
	unsigned int done;
	wait_queue_head_t wait;
};

/* kernel/completion.c */
void init_completion(struct completion *x);
void reinit_completion(struct completion *x);
void complete(struct completion *x);
void complete_all(struct completion *x);
void wait_for_completion(struct completion *x);
unsigned long wait_for_completion_timeout(struct completion *x, unsigned long timeout);
bool completion_done(struct completion *x);

#endif
