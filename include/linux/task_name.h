/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_TASK_NAME_H
#define _LINUX_TASK_NAME_H

/*
 * Who runs on this CPU, as Linux's reports name it: "comm/pid" in the
 * spinlock reports ("BUG: spinlock lockup suspected on CPU#0, init/1"),
 * comm alone in "Bad page state in process init".  Before sched_init()
 * -- and in the host tests, which have CPUs but no tasks -- the CPU's
 * context is its idle task, swapper/N, pid 0.
 */
#include <linux/kernel.h>
#include <linux/types.h>

/* "comm/pid": 15 + 1 + 5 digits + NUL */
#define TASK_NAME_LEN 24

#ifdef A9MM_HOST
#define task_name_current() ((const void *)0)
#else
#include <linux/sched.h>
#define task_name_current() ((const void *)current)
#endif

/* @task (a struct task_struct, or NULL: CPU @cpu's idle context) as "comm/pid" or "comm" */
static inline const char *task_name(char *buf, size_t size, const void *task, unsigned int cpu,
				    bool with_pid)
{
#ifndef A9MM_HOST
	const struct task_struct *t = task;

	if (t) {
		if (with_pid)
			snprintf(buf, size, "%s/%d", t->comm, t->pid);
		else
			snprintf(buf, size, "%s", t->comm);
		return buf;
	}
#endif
	snprintf(buf, size, with_pid ? "swapper/%u/0" : "swapper/%u", cpu);
	return buf;
}

#endif
