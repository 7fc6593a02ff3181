// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/completion.c: kernel/sched/completion.c (Linux 4.9) for a kernel
 * whose only way to wait is to idle: the waiter records its CPU and WFIs,
 * complete() counts and sends that CPU an IPI (IPI_RESCHEDULE).
 */
#include <linux/completion.h>
#include <linux/jiffies.h>
#include <linux/sched.h>
#include <linux/smp.h>

/**
 * init_completion() - a completion not done, nobody waiting
 * @x: the completion
 *
 * include/linux/completion.h: init_completion() @ v4.9
 */
void init_completion(struct completion *x)
{
	x->done = 0;
	x->waiter_cpu = -1;
	spin_lock_init(&x->lock);
}

/**
 * reinit_completion() - not done again
 * @x: the completion
 *
 * include/linux/completion.h: reinit_completion() @ v4.9: not done again
 */
void reinit_completion(struct completion *x)
{
	WRITE_ONCE(x->done, 0);
}

/**
 * complete() - signal the completion, wake its waiter
 * @x: the completion
 *
 * kernel/sched/completion.c: complete() @ v4.9.  Any context, interrupt
 * handlers included.  What the caller did before is visible to the
 * waiter when it sees the completion done (the lock orders it).
 */
void complete(struct completion *x)
{
	unsigned long flags;
	int waiter;

	spin_lock_irqsave(&x->lock, flags);
	x->done++;
	waiter = x->waiter_cpu;
	spin_unlock_irqrestore(&x->lock, flags);
	if (waiter >= 0 && (unsigned int)waiter != smp_processor_id())
		smp_send_reschedule(waiter);
}

/* done yet?  Consume one if so (the lock: complete() may still hold it) */
static bool try_wait_for_completion(struct completion *x)
{
	unsigned long flags;
	bool ret = false;

	spin_lock_irqsave(&x->lock, flags);
	if (x->done) {
		x->done--;
		x->waiter_cpu = -1;
		ret = true;
	} else {
		x->waiter_cpu = (int)smp_processor_id();
	}
	spin_unlock_irqrestore(&x->lock, flags);
	return ret;
}

/**
 * wait_for_completion() - idle until complete() is called
 * @x: the completion
 *
 * kernel/sched/completion.c: wait_for_completion() @ v4.9.  The CPU runs
 * work queued for it meanwhile.  Interrupts must be on.
 */
void wait_for_completion(struct completion *x)
{
	if (try_wait_for_completion(x))
		return;
	cpu_idle_until(READ_ONCE(x->done));
	try_wait_for_completion(x);
}

/**
 * wait_for_completion_timeout() - the same, for at most @timeout jiffies
 * @x: the completion
 * @timeout: jiffies
 *
 * kernel/sched/completion.c: wait_for_completion_timeout() @ v4.9.
 *
 * Return: 0 on timeout, else the jiffies left (at least 1).
 */
unsigned long wait_for_completion_timeout(struct completion *x, unsigned long timeout)
{
	unsigned long end = jiffies + timeout;
	unsigned long flags;

	if (try_wait_for_completion(x))
		return timeout ? timeout : 1;
	cpu_idle_until(READ_ONCE(x->done) || time_after_eq(jiffies, end));
	if (try_wait_for_completion(x))
		return time_after_eq(jiffies, end) ? 1 : end - jiffies;
	spin_lock_irqsave(&x->lock, flags);
	x->waiter_cpu = -1;
	spin_unlock_irqrestore(&x->lock, flags);
	return 0;
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
	spin_lock_irqsave(&x->lock, flags);
	spin_unlock_irqrestore(&x->lock, flags);
	return true;
}
