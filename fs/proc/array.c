// SPDX-License-Identifier: GPL-2.0
/*
 * fs/proc/array.c @ v4.14: /proc/PID/status, the fields a9mm has.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/proc_fs.h>
#include <linux/sched.h>

/**
 * proc_pid_status() - /proc/PID/status
 * @task: the task
 * @print: where to print
 *
 * fs/proc/array.c: proc_pid_status() @ v4.14 -> task_state(),
 * task_mem() (fs/proc/task_mmu.c), task_context_switch_counts().  The
 * memory lines come only for a process (kernel threads have none, as in
 * Linux).  The parent's pid is read under tasklist_lock, as Linux reads it
 * under rcu_read_lock(): the parent may exit and be reaped meanwhile, and
 * its task_struct freed, once release_task() has moved the children to
 * init -- which it does under that lock.
 */
void proc_pid_status(struct task_struct *task, proc_print_t print)
{
	struct mm_struct *mm;
	unsigned long flags;
	pid_t ppid;

	spin_lock_irqsave(&tasklist_lock, flags);
	ppid = task->real_parent ? task->real_parent->pid : 0;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	print("Name:\t%s\nState:\t%s\nTgid:\t%d\nPid:\t%d\nPPid:\t%d\n", task->comm,
	      get_task_state(task), task->tgid, task->pid, ppid);
	mm = get_task_mm(task);
	if (mm) {
		task_mem(mm, print);
		mmput(mm);
	}
	print("Threads:\t1\n");
	print("voluntary_ctxt_switches:\t%lu\nnonvoluntary_ctxt_switches:\t%lu\n", task->nvcsw,
	      task->nivcsw);
}
