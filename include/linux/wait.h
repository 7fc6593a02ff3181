/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_WAIT_H
#define _LINUX_WAIT_H

/*
 * include/linux/wait.h @ v4.14: wait queues.  A task that must wait for
 * something puts an entry for itself on the thing's queue, marks itself
 * asleep (TASK_INTERRUPTIBLE or TASK_UNINTERRUPTIBLE), looks once more
 * whether the condition already holds, and calls schedule().  Whoever
 * makes the condition true calls wake_up(), which runs each entry's
 * wake function -- try_to_wake_up() of the sleeper:
 *
 *   wait_queue_head_t { lock, head }
 *        |
 *        +-- wait_queue_entry { flags, private = task, func, entry } -- ...
 *
 * The order "state first, test second" is what makes it race-free: a
 * wake-up between the test and schedule() sets the task back to
 * TASK_RUNNING, and schedule() then does not take it off its CPU.
 * The lock is taken with interrupts off: interrupt handlers wake.
 */
#include <linux/errno.h>
#include <linux/list.h>
#include <linux/spinlock.h>

struct task_struct;
struct wait_queue_entry;
typedef int (*wait_queue_func_t)(struct wait_queue_entry *wq_entry, unsigned int mode, int flags,
				 void *key);

#define WQ_FLAG_EXCLUSIVE 0x01

/* include/linux/wait.h: struct wait_queue_entry @ v4.14 */
struct wait_queue_entry {
	unsigned int flags;
	void *private; /* the sleeping task */
	wait_queue_func_t func;
	struct list_head entry;
};

/* include/linux/wait.h: struct wait_queue_head @ v4.14 */
struct wait_queue_head {
	spinlock_t lock;
	struct list_head head;
};
typedef struct wait_queue_head wait_queue_head_t;

#define __WAIT_QUEUE_HEAD_INITIALIZER(name)                                                     \
	{                                                                                       \
		.lock = __SPIN_LOCK_UNLOCKED(name.lock), .head = { &(name).head, &(name).head } \
	}
#define DECLARE_WAIT_QUEUE_HEAD(name) \
	struct wait_queue_head name = __WAIT_QUEUE_HEAD_INITIALIZER(name)

/* kernel/sched/wait.c */
void __init_waitqueue_head(struct wait_queue_head *wq_head, const char *name);
#define init_waitqueue_head(wq) __init_waitqueue_head(wq, #wq)
void add_wait_queue(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry);
void remove_wait_queue(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry);
void __wake_up(struct wait_queue_head *wq_head, unsigned int mode, int nr, void *key);
void __wake_up_locked(struct wait_queue_head *wq_head, unsigned int mode, int nr);
void prepare_to_wait(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry, int state);
void prepare_to_wait_exclusive(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry,
			       int state);
void finish_wait(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry);
int default_wake_function(struct wait_queue_entry *wq_entry, unsigned int mode, int flags,
			  void *key);
int autoremove_wake_function(struct wait_queue_entry *wq_entry, unsigned int mode, int flags,
			     void *key);
void init_wait_entry(struct wait_queue_entry *wq_entry, int flags);

static inline bool waitqueue_active(struct wait_queue_head *wq_head)
{
	return !list_empty(&wq_head->head);
}

#define DEFINE_WAIT(name)                                                  \
	struct wait_queue_entry name = { .private = current,               \
					 .func = autoremove_wake_function, \
					 .entry = { &(name).entry, &(name).entry } }

#define wake_up(x)		     __wake_up(x, TASK_NORMAL, 1, NULL)
#define wake_up_all(x)		     __wake_up(x, TASK_NORMAL, 0, NULL)
#define wake_up_interruptible(x)     __wake_up(x, TASK_INTERRUPTIBLE, 1, NULL)
#define wake_up_interruptible_all(x) __wake_up(x, TASK_INTERRUPTIBLE, 0, NULL)

/*
 * include/linux/wait.h: ___wait_event() @ v4.14: sleep in @state until
 * @condition, re-tested after every wake-up.  An interruptible (or
 * killable) wait gives up with -ERESTARTSYS when a signal arrives.
 */
#define ___wait_event(wq_head, condition, state, ret, cmd)             \
	({                                                             \
		struct wait_queue_entry __wq_entry;                    \
		long __ret = ret;                                      \
		init_wait_entry(&__wq_entry, 0);                       \
		for (;;) {                                             \
			prepare_to_wait(&wq_head, &__wq_entry, state); \
			if (condition)                                 \
				break;                                 \
			if (signal_pending_state(state, current)) {    \
				__ret = -ERESTARTSYS;                  \
				break;                                 \
			}                                              \
			cmd;                                           \
		}                                                      \
		finish_wait(&wq_head, &__wq_entry);                    \
		__ret;                                                 \
	})

#define wait_event(wq_head, condition)                                                        \
	do {                                                                                  \
		if (condition)                                                                \
			break;                                                                \
		(void)___wait_event(wq_head, condition, TASK_UNINTERRUPTIBLE, 0, schedule()); \
	} while (0)

#define wait_event_interruptible(wq_head, condition)                                        \
	({                                                                                  \
		int __r = 0;                                                                \
		if (!(condition))                                                           \
			__r = (int)___wait_event(wq_head, condition, TASK_INTERRUPTIBLE, 0, \
						 schedule());                               \
		__r;                                                                        \
	})

#define wait_event_killable(wq_head, condition)                                        \
	({                                                                             \
		int __r = 0;                                                           \
		if (!(condition))                                                      \
			__r = (int)___wait_event(wq_head, condition, TASK_KILLABLE, 0, \
						 schedule());                          \
		__r;                                                                   \
	})

/* the jiffies left when it came true (at least 1), 0 on timeout */
#define wait_event_timeout(wq_head, condition, timeout)                                 \
	({                                                                              \
		long __t = (timeout);                                                   \
		if (!(condition)) {                                                     \
			struct wait_queue_entry __we;                                   \
			init_wait_entry(&__we, 0);                                      \
			for (;;) {                                                      \
				prepare_to_wait(&wq_head, &__we, TASK_UNINTERRUPTIBLE); \
				if (condition) {                                        \
					if (!__t)                                       \
						__t = 1;                                \
					break;                                          \
				}                                                       \
				if (!__t)                                               \
					break;                                          \
				__t = schedule_timeout(__t);                            \
			}                                                               \
			finish_wait(&wq_head, &__we);                                   \
		} else if (!__t) {                                                      \
			__t = 1;                                                        \
		}                                                                       \
		__t;                                                                    \
	})

#endif
