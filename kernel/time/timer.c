// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/time/timer.c @ v4.14, reduced: the timer list and
 * schedule_timeout().  One list, sorted by expiry, under one lock taken
 * with interrupts off; run_timers() runs from the tick of the CPU that
 * advances jiffies (kernel/time.c), in interrupt context.  Linux's
 * wheels are per CPU and find the next expiry without a sorted list; for
 * the handful of sleepers a9mm has, an insertion into a sorted list is
 * as cheap and shows the idea whole.
 */
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/spinlock.h>
#include <linux/timer.h>

static DEFINE_SPINLOCK(timer_lock);
static LIST_HEAD(timer_list_head);
/* the timer whose function runs now (kernel/time/timer.c: base->running_timer) */
static struct timer_list *running_timer;

/* detach and insert in order of expiry, timer_lock held */
static void enqueue_timer(struct timer_list *timer)
{
	struct timer_list *t;

	list_for_each_entry(t, &timer_list_head, entry) {
		if (time_before(timer->expires, t->expires))
			break;
	}
	list_add_tail(&timer->entry, &t->entry);
}

/**
 * mod_timer() - (re)arm a timer for @expires
 * @timer: the timer (setup_timer() first)
 * @expires: the jiffy it is to run at (or the first tick after)
 *
 * kernel/time/timer.c: mod_timer() @ v4.14.
 *
 * Return: 1 if it was pending (and is now moved), 0 if it was not.
 */
int mod_timer(struct timer_list *timer, unsigned long expires)
{
	unsigned long flags;
	int ret;

	spin_lock_irqsave(&timer_lock, flags);
	ret = timer_pending(timer);
	if (ret)
		list_del_init(&timer->entry);
	timer->expires = expires;
	enqueue_timer(timer);
	spin_unlock_irqrestore(&timer_lock, flags);
	return ret;
}

/**
 * add_timer() - arm a timer for its ->expires
 * @timer: a timer that is not pending
 *
 * kernel/time/timer.c: add_timer() @ v4.14.
 */
void add_timer(struct timer_list *timer)
{
	mod_timer(timer, timer->expires);
}

/**
 * del_timer() - disarm a timer
 * @timer: the timer
 *
 * kernel/time/timer.c: del_timer() @ v4.14.  Its function may still be
 * running on the CPU that runs timers: del_timer_sync() waits for that.
 *
 * Return: 1 if it was pending, 0 if not.
 */
int del_timer(struct timer_list *timer)
{
	unsigned long flags;
	int ret;

	spin_lock_irqsave(&timer_lock, flags);
	ret = timer_pending(timer);
	if (ret)
		list_del_init(&timer->entry);
	spin_unlock_irqrestore(&timer_lock, flags);
	return ret;
}

/**
 * del_timer_sync() - disarm a timer and wait until its function is done
 * @timer: the timer
 *
 * kernel/time/timer.c: del_timer_sync() @ v4.14.  Not from interrupt
 * context (the function may be running under us on this CPU).
 *
 * Return: 1 if it was pending, 0 if not.
 */
int del_timer_sync(struct timer_list *timer)
{
	int ret = del_timer(timer);

	while (READ_ONCE(running_timer) == timer)
		cpu_relax();
	return ret;
}

/**
 * run_timers() - run every timer whose time has come
 *
 * kernel/time/timer.c: __run_timers() @ v4.14, from the tick, interrupts
 * off.  The lock is dropped around each function, which may re-arm its
 * timer.
 */
void run_timers(void)
{
	spin_lock(&timer_lock);
	while (!list_empty(&timer_list_head)) {
		struct timer_list *t = list_first_entry(&timer_list_head, struct timer_list, entry);

		if (time_before(jiffies, t->expires))
			break;
		list_del_init(&t->entry);
		WRITE_ONCE(running_timer, t);
		spin_unlock(&timer_lock);
		t->function(t->data);
		spin_lock(&timer_lock);
		WRITE_ONCE(running_timer, NULL);
	}
	spin_unlock(&timer_lock);
}

/**
 * timers_pending() - how many timers are armed
 *
 * Return: the length of the list (for the scheduler's self-test).
 */
unsigned int timers_pending(void)
{
	struct timer_list *t;
	unsigned long flags;
	unsigned int n = 0;

	spin_lock_irqsave(&timer_lock, flags);
	list_for_each_entry(t, &timer_list_head, entry)
		n++;
	spin_unlock_irqrestore(&timer_lock, flags);
	return n;
}

/* kernel/time/timer.c: process_timeout() @ v4.14 */
static void process_timeout(unsigned long data)
{
	wake_up_process((struct task_struct *)data);
}

/**
 * schedule_timeout() - sleep until woken or @timeout jiffies have passed
 * @timeout: jiffies, or MAX_SCHEDULE_TIMEOUT (no limit)
 *
 * kernel/time/timer.c: schedule_timeout() @ v4.14.  The caller sets its
 * state first (TASK_INTERRUPTIBLE, ...); in TASK_RUNNING this only
 * gives the CPU away.
 *
 * Return: the jiffies left, 0 if the time ran out.
 */
long schedule_timeout(long timeout)
{
	struct timer_list timer;
	unsigned long expire;

	if (timeout == MAX_SCHEDULE_TIMEOUT) {
		schedule();
		return timeout;
	}
	if (timeout < 0) {
		pr_err("schedule_timeout: wrong timeout value %lx\n", (unsigned long)timeout);
		__set_current_state(TASK_RUNNING);
		return 0;
	}
	expire = jiffies + (unsigned long)timeout;
	setup_timer(&timer, process_timeout, (unsigned long)current);
	mod_timer(&timer, expire);
	schedule();
	del_timer_sync(&timer);
	timeout = (long)(expire - jiffies);
	return timeout < 0 ? 0 : timeout;
}

/**
 * schedule_timeout_interruptible() - sleep, woken early by a signal
 * @timeout: jiffies
 *
 * kernel/time/timer.c: schedule_timeout_interruptible() @ v4.14.
 *
 * Return: the jiffies left.
 */
long schedule_timeout_interruptible(long timeout)
{
	__set_current_state(TASK_INTERRUPTIBLE);
	return schedule_timeout(timeout);
}

/**
 * schedule_timeout_killable() - sleep, woken early by SIGKILL only
 * @timeout: jiffies
 *
 * kernel/time/timer.c: schedule_timeout_killable() @ v4.14.
 *
 * Return: the jiffies left.
 */
long schedule_timeout_killable(long timeout)
{
	__set_current_state(TASK_KILLABLE);
	return schedule_timeout(timeout);
}

/**
 * schedule_timeout_uninterruptible() - sleep the whole time
 * @timeout: jiffies
 *
 * kernel/time/timer.c: schedule_timeout_uninterruptible() @ v4.14.
 *
 * Return: the jiffies left (0).
 */
long schedule_timeout_uninterruptible(long timeout)
{
	__set_current_state(TASK_UNINTERRUPTIBLE);
	return schedule_timeout(timeout);
}

/**
 * msleep() - sleep at least @msecs milliseconds
 * @msecs: how long
 *
 * kernel/time/timer.c: msleep() @ v4.14 (one jiffy more: the current
 * one is partly gone).
 */
void msleep(unsigned int msecs)
{
	long timeout = (long)msecs_to_jiffies(msecs) + 1;

	while (timeout)
		timeout = schedule_timeout_uninterruptible(timeout);
}
