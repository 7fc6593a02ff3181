/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_WORKQUEUE_H
#define _LINUX_WORKQUEUE_H

/*
 * include/linux/workqueue.h: work for a given CPU, run in process context
 * -- for a9mm, by that CPU's idle loop, with interrupts on, so the work
 * may itself wait, take locks, send IPIs.  The shell's `on CPU COMMAND`
 * and `stress` run this way.  One system workqueue, one list per CPU.
 */
#include <linux/completion.h>
#include <linux/list.h>

struct work_struct;
typedef void (*work_func_t)(struct work_struct *work);

struct work_struct {
	struct list_head entry;
	work_func_t func;
	unsigned int pending; /* queued and not yet run */
	struct completion done;
};

/* include/linux/workqueue.h: INIT_WORK() @ v4.9 */
#define INIT_WORK(_work, _func)                  \
	do {                                     \
		INIT_LIST_HEAD(&(_work)->entry); \
		(_work)->func = (_func);         \
		(_work)->pending = 0;            \
		init_completion(&(_work)->done); \
		(_work)->done.done = 1;          \
	} while (0)

/* kernel/workqueue.c */
void workqueue_init_early(void);
void workqueue_init(void);
bool schedule_work_on(int cpu, struct work_struct *work);
bool flush_work(struct work_struct *work);
long work_on_cpu(int cpu, long (*fn)(void *), void *arg);

#endif
