// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/exit.c @ v4.14: a task that is done lets go of its address
 * space (exit_mm()), leaves the task list and switches away for good;
 * the task it switched to frees its stack (finish_task_switch()).  Who
 * holds a reference to it may wait on task_exit_wq for exit_state.
 * (Zombies and wait4() come with fork().)
 */
#include <linux/kernel.h>
#include <linux/mm_types.h>
#include <linux/sched.h>
#include <linux/wait.h>

/* who waits for a task to end (Linux: the parent's signal->wait_chldexit) */
DECLARE_WAIT_QUEUE_HEAD(task_exit_wq);

/*
 * kernel/exit.c: exit_mm() @ v4.14: the task stops using its address
 * space; the CPU keeps running on it (active_mm, a reference) until it
 * switches away, so the pgd outlives this.
 */
static void exit_mm(struct task_struct *tsk)
{
	struct mm_struct *mm = tsk->mm;

	if (!mm)
		return;
	mmgrab(mm);
	tsk->mm = NULL;
	mmput(mm);
}

/**
 * release_task() - take a dead task off the task list
 * @p: the task
 *
 * kernel/exit.c: release_task() @ v4.14: the task list's reference goes.
 */
void release_task(struct task_struct *p)
{
	unsigned long flags;

	spin_lock_irqsave(&tasklist_lock, flags);
	list_del_init(&p->tasks);
	list_del_init(&p->sibling);
	nr_threads--;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	put_task_struct(p);
}

/**
 * do_exit() - the running task ends
 * @code: its exit code
 *
 * kernel/exit.c: do_exit() @ v4.14.  A kernel thread (exit_signal -1)
 * is released at once; its last schedule() (TASK_DEAD) switches away
 * and the next task frees its stack.  Never returns.
 */
void do_exit(long code)
{
	struct task_struct *tsk = current;

	if (in_interrupt())
		panic("Aiee, killing interrupt handler!");
	if (is_idle_task(tsk))
		panic("Attempted to kill the idle task!");
	if (tsk->pid == 1) /* is_global_init(): nobody would reap orphans, nothing would run */
		panic("Attempted to kill init! exitcode=0x%08lx", (unsigned long)code);
	tsk->flags |= PF_EXITING;
	exit_mm(tsk);
	tsk->exit_code = (int)code;
	release_task(tsk);
	WRITE_ONCE(tsk->exit_state, EXIT_DEAD);
	wake_up_all(&task_exit_wq);
	preempt_disable();
	set_current_state(TASK_DEAD);
	preempt_enable_no_resched();
	schedule();
	panic("a dead task ran again: %s[%d]", tsk->comm, tsk->pid);
}
