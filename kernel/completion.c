// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/completion.c: kernel/sched/completion.c @ v4.14: a count and a
 * wait queue (linux/completion.h).  The waiter sleeps in
 * TASK_UNINTERRUPTIBLE on the queue; complete() counts and wakes one.
 */
#include <linux/completion.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/sched.h>

/* complete_all()'s count: enough that every waiter finds one (Linux: UINT_MAX / 2) */
#define COMPLETE_ALL_DONE (~0U / 2)

/**
 * init_completion() - a completion not done, nobody waiting
 * @x: the completion
 *
 * include/linux/completion.h: init_completion() @ v4.14
 */
void init_completion(struct completion *x)
{
	x->done = 0;
	init_waitqueue_head(&x->wait);
}

/**
 * reinit_completion() - not done again
 * @x: the completion
 *
 * include/linux/completion.h: reinit_completion() @ v4.14: not done again
 */
void reinit_completion(struct completion *x)
{
	WRITE_ONCE(x->done, 0);
}

/**
 * complete() - signal the completion, wake one waiter
 * @x: the completion
 *
 * kernel/sched/completion.c: complete() @ v4.14.  Any context, interrupt
 * handlers included.  What the caller did before is visible to the
 * waiter when it sees the completion done (the lock orders it).
 */
void complete(struct completion *x)
{
	unsigned long flags;

	spin_lock_irqsave(&x->wait.lock, flags);
	if (x->done != COMPLETE_ALL_DONE)
		x->done++;
	__wake_up_locked(&x->wait, TASK_NORMAL, 1);
	spin_unlock_irqrestore(&x->wait.lock, flags);
}

/**
 * complete_all() - signal the completion for every waiter, now and later
 * @x: the completion
 *
 * kernel/sched/completion.c: complete_all() @ v4.14.
 */
void complete_all(struct completion *x)
{
	unsigned long flags;

	spin_lock_irqsave(&x->wait.lock, flags);
	x->done = COMPLETE_ALL_DONE;
	__wake_up_locked(&x->wait, TASK_NORMAL, 0);
	spin_unlock_irqrestore(&x->wait.lock, flags);
}

/*
 * kernel/sched/completion.c: do_wait_for_common() @ v4.14: sleep until a
 * complete() can be consumed or @timeout jiffies pass; the queue's lock
 * is dropped only around schedule_timeout().
 */
static long do_wait_for_common(struct completion *x, long timeout)
{
	if (!x->done) {
		struct wait_queue_entry wait;

		init_wait_entry(&wait, WQ_FLAG_EXCLUSIVE);
		wait.func = default_wake_function;
		list_add_tail(&wait.entry, &x->wait.head);
		do {
			__set_current_state(TASK_UNINTERRUPTIBLE);
			spin_unlock_irq(&x->wait.lock);
			timeout = schedule_timeout(timeout);
			spin_lock_irq(&x->wait.lock);
		} while (!x->done && timeout);
		list_del_init(&wait.entry);
		if (!x->done)
			return timeout;
	}
	if (x->done != COMPLETE_ALL_DONE)
		x->done--;
	return timeout ?: 1;
}

static long wait_for_common(struct completion *x, long timeout)
{
	spin_lock_irq(&x->wait.lock);
	timeout = do_wait_for_common(x, timeout);
	spin_unlock_irq(&x->wait.lock);
	return timeout;
}

/**
 * wait_for_completion() - sleep until complete() is called
 * @x: the completion
 *
 * kernel/sched/completion.c: wait_for_completion() @ v4.14.  Task
 * context only (the idle task never waits).
 */
void wait_for_completion(struct completion *x)
{
	wait_for_common(x, MAX_SCHEDULE_TIMEOUT);
}

/**
 * wait_for_completion_timeout() - the same, for at most @timeout jiffies
 * @x: the completion
 * @timeout: jiffies
 *
 * kernel/sched/completion.c: wait_for_completion_timeout() @ v4.14.
 *
 * Return: 0 on timeout, else the jiffies left (at least 1).
 */
unsigned long wait_for_completion_timeout(struct completion *x, unsigned long timeout)
{
	return (unsigned long)wait_for_common(x, (long)timeout);
}

/**
 * completion_done() - has it been completed (and not consumed)?
 * @x: the completion
 *
 * kernel/sched/completion.c: completion_done() @ v4.9.  Seeing ->done is
 * not enough: complete() counts it under the lock and unlocks after, so
 * a caller that then frees @x (an on-stack work item after flush_work())
 * would let that unlock write into freed memory.  Taking and dropping
 * the lock waits for complete() to be over, as v4.9 does.
 *
 * Return: true if complete() was called and no wait has consumed it.
 */
bool completion_done(struct completion *x)
{
	unsigned long flags;

	if (!READ_ONCE(x->done))
		return false;
	spin_lock_irqsave(&x->wait.lock, flags);
	spin_unlock_irqrestore(&x->wait.lock, flags);
	return true;
}
