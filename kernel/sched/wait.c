// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/sched/wait.c @ v4.14: wait queues (include/linux/wait.h draws
 * them).  Every operation takes the queue's lock with interrupts off,
 * since interrupt handlers wake sleepers (the console's receive
 * interrupt, the timer tick).
 */
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/wait.h>

/**
 * __init_waitqueue_head() - an empty wait queue
 * @wq_head: the queue
 * @name: its lock's name, for the spinlock reports
 *
 * kernel/sched/wait.c: __init_waitqueue_head() @ v4.14.
 */
void __init_waitqueue_head(struct wait_queue_head *wq_head, const char *name)
{
	__spin_lock_init(&wq_head->lock, name);
	INIT_LIST_HEAD(&wq_head->head);
}

/**
 * add_wait_queue() - put an entry on a queue
 * @wq_head: the queue
 * @wq_entry: the entry (a non-exclusive waiter: every wake-up wakes it)
 *
 * kernel/sched/wait.c: add_wait_queue() @ v4.14.
 */
void add_wait_queue(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry)
{
	unsigned long flags;

	wq_entry->flags &= ~WQ_FLAG_EXCLUSIVE;
	spin_lock_irqsave(&wq_head->lock, flags);
	list_add(&wq_entry->entry, &wq_head->head);
	spin_unlock_irqrestore(&wq_head->lock, flags);
}

/**
 * remove_wait_queue() - take an entry off its queue
 * @wq_head: the queue
 * @wq_entry: the entry
 *
 * kernel/sched/wait.c: remove_wait_queue() @ v4.14.
 */
void remove_wait_queue(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry)
{
	unsigned long flags;

	spin_lock_irqsave(&wq_head->lock, flags);
	list_del_init(&wq_entry->entry);
	spin_unlock_irqrestore(&wq_head->lock, flags);
}

/*
 * kernel/sched/wait.c: __wake_up_common() @ v4.14: run every entry's wake
 * function; stop after @nr_exclusive exclusive waiters were woken (0:
 * all).  The lock is held: a function may take its entry off the list.
 */
static void __wake_up_common(struct wait_queue_head *wq_head, unsigned int mode, int nr_exclusive,
			     int wake_flags, void *key)
{
	struct wait_queue_entry *curr, *next;

	list_for_each_entry_safe(curr, next, &wq_head->head, entry) {
		unsigned int flags = curr->flags;
		int ret = curr->func(curr, mode, wake_flags, key);

		if (ret < 0)
			break;
		if (ret && (flags & WQ_FLAG_EXCLUSIVE) && !--nr_exclusive)
			break;
	}
}

/**
 * __wake_up() - wake the sleepers of a queue
 * @wq_head: the queue
 * @mode: which sleeping states to wake (TASK_NORMAL, TASK_INTERRUPTIBLE)
 * @nr_exclusive: how many exclusive waiters at most (0: all)
 * @key: passed to the wake functions
 *
 * kernel/sched/wait.c: __wake_up() @ v4.14.  Any context.
 */
void __wake_up(struct wait_queue_head *wq_head, unsigned int mode, int nr_exclusive, void *key)
{
	unsigned long flags;

	spin_lock_irqsave(&wq_head->lock, flags);
	__wake_up_common(wq_head, mode, nr_exclusive, 0, key);
	spin_unlock_irqrestore(&wq_head->lock, flags);
}

/**
 * __wake_up_locked() - __wake_up() with the queue's lock already held
 * @wq_head: the queue
 * @mode: which sleeping states to wake
 * @nr: how many exclusive waiters at most (0: all)
 *
 * kernel/sched/wait.c: __wake_up_locked() @ v4.14.
 */
void __wake_up_locked(struct wait_queue_head *wq_head, unsigned int mode, int nr)
{
	__wake_up_common(wq_head, mode, nr, 0, NULL);
}

/**
 * prepare_to_wait() - be on the queue and asleep, before testing again
 * @wq_head: the queue
 * @wq_entry: the caller's entry
 * @state: TASK_INTERRUPTIBLE, TASK_UNINTERRUPTIBLE or TASK_KILLABLE
 *
 * kernel/sched/wait.c: prepare_to_wait() @ v4.14.  The state is set under
 * the queue's lock, after the entry is on the queue: a waker that takes
 * the lock after us sees the entry and sets the state back to running.
 */
void prepare_to_wait(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry, int state)
{
	unsigned long flags;

	wq_entry->flags &= ~WQ_FLAG_EXCLUSIVE;
	spin_lock_irqsave(&wq_head->lock, flags);
	if (list_empty(&wq_entry->entry))
		list_add(&wq_entry->entry, &wq_head->head);
	set_current_state(state);
	spin_unlock_irqrestore(&wq_head->lock, flags);
}

/**
 * prepare_to_wait_exclusive() - prepare_to_wait(), woken one at a time
 * @wq_head: the queue
 * @wq_entry: the caller's entry
 * @state: the sleeping state
 *
 * kernel/sched/wait.c: prepare_to_wait_exclusive() @ v4.14: at the tail,
 * so wake_up() wakes the longest waiter first.
 */
void prepare_to_wait_exclusive(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry,
			       int state)
{
	unsigned long flags;

	wq_entry->flags |= WQ_FLAG_EXCLUSIVE;
	spin_lock_irqsave(&wq_head->lock, flags);
	if (list_empty(&wq_entry->entry))
		list_add_tail(&wq_entry->entry, &wq_head->head);
	set_current_state(state);
	spin_unlock_irqrestore(&wq_head->lock, flags);
}

/**
 * finish_wait() - running again, off the queue
 * @wq_head: the queue
 * @wq_entry: the caller's entry
 *
 * kernel/sched/wait.c: finish_wait() @ v4.14.
 */
void finish_wait(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry)
{
	unsigned long flags;

	__set_current_state(TASK_RUNNING);
	if (!list_empty(&wq_entry->entry)) {
		spin_lock_irqsave(&wq_head->lock, flags);
		list_del_init(&wq_entry->entry);
		spin_unlock_irqrestore(&wq_head->lock, flags);
	}
}

/**
 * default_wake_function() - wake the entry's task
 * @wq_entry: the entry
 * @mode: the states to wake
 * @flags: unused
 * @key: unused
 *
 * kernel/sched/core.c: default_wake_function() @ v4.14.
 *
 * Return: 1 if the task was woken.
 */
int default_wake_function(struct wait_queue_entry *wq_entry, unsigned int mode, int flags,
			  void *key)
{
	return try_to_wake_up(wq_entry->private, mode, flags);
}

/**
 * autoremove_wake_function() - wake the task and take the entry off the queue
 * @wq_entry: the entry
 * @mode: the states to wake
 * @flags: unused
 * @key: unused
 *
 * kernel/sched/wait.c: autoremove_wake_function() @ v4.14.
 *
 * Return: 1 if the task was woken.
 */
int autoremove_wake_function(struct wait_queue_entry *wq_entry, unsigned int mode, int flags,
			     void *key)
{
	int ret = default_wake_function(wq_entry, mode, flags, key);

	if (ret)
		list_del_init(&wq_entry->entry);
	return ret;
}

/**
 * init_wait_entry() - an entry for the running task
 * @wq_entry: the entry
 * @flags: WQ_FLAG_EXCLUSIVE or 0
 *
 * kernel/sched/wait.c: init_wait_entry() @ v4.14.
 */
void init_wait_entry(struct wait_queue_entry *wq_entry, int flags)
{
	wq_entry->flags = (unsigned int)flags;
	wq_entry->private = current;
	wq_entry->func = autoremove_wake_function;
	INIT_LIST_HEAD(&wq_entry->entry);
}
