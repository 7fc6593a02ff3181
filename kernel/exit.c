// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/exit.c @ v4.14: a task that is done lets go of its address
 * space (exit_mm()), leaves the task list and switches away for good;
 * the task it switched to frees its stack (finish_task_switch()).  Who
 * holds a reference to it may wait on task_exit_wq for exit_state.
 * (Zombies and wait4() come with fork().)
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/mm_types.h>
#include <linux/errno.h>
#include <linux/resource.h>
#include <linux/file.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <linux/uaccess.h>
#include <linux/wait.h>
#include <asm/mmu_context.h>
#include <string.h>

/* who waits for a task to end (Linux: the parent's signal->wait_chldexit) */
DECLARE_WAIT_QUEUE_HEAD(task_exit_wq);

/*
 * kernel/exit.c: exit_mm() @ v4.14: the task stops using its address
 * space; the CPU keeps running on it (active_mm, a reference) until it
 * switches away, so the pgd outlives this.
 *
 * From tsk->mm = NULL on, the task is scheduled as a kernel thread is:
 * if it is preempted during mmput(), context_switch() hands its
 * active_mm reference to finish_task_switch(), which drops it, and when
 * it runs again it borrows whatever mm that CPU was on, with a reference
 * of its own.  So what is let go at the end is tsk->active_mm, whichever
 * mm that is then -- not mm.
 */
static void exit_mm(struct task_struct *tsk)
{
	struct mm_struct *mm = tsk->mm, *active;
	unsigned long flags;

	if (!mm)
		return;
	/* the peak RSS (VmHWM): what getrusage()'s ru_maxrss reports after it */
	tsk->maxrss = max(mm->hiwater_rss, get_mm_rss(mm)) << (PAGE_SHIFT - 10);
	mmgrab(mm);
	spin_lock_irqsave(&task_mm_lock, flags);
	tsk->mm = NULL;
	spin_unlock_irqrestore(&task_mm_lock, flags);
	mmput(mm);
	/*
	 * a9mm's own step: the CPU goes back to the kernel's table now, so
	 * the pgd is freed here and not whenever the idle task that would
	 * lazily borrow it switches next -- every page of a process is back
	 * when it has gone.
	 */
	preempt_disable();
	active = tsk->active_mm; /* mm, or the one borrowed after a preemption */
	cpu_set_reserved_ttbr0();
	cpumask_clear_cpu(smp_processor_id(), &active->cpu_vm_mask);
	mmgrab(&init_mm);
	tsk->active_mm = &init_mm;
	preempt_enable();
	mmdrop(active);
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

/*
 * kernel/exit.c: exit_notify() + forget_original_parent() @ v4.14: the
 * task's children lose their parent -- zombies among them are released,
 * the others are reaped by nobody when they end (exit_signal -1: a9mm's
 * init may be the kernel shell, which never waits) -- and the task
 * itself becomes a zombie for its parent's wait4(), or is released now
 * if nobody is to wait (exit_signal -1).
 */
static void exit_notify(struct task_struct *tsk)
{
	struct task_struct *p, *n;
	unsigned long flags;
	LIST_HEAD(dead);
	bool autoreap;

	spin_lock_irqsave(&tasklist_lock, flags);
	list_for_each_entry_safe(p, n, &tsk->children, sibling) {
		if (p->exit_state == EXIT_ZOMBIE) {
			p->exit_state = EXIT_DEAD;
			list_move_tail(&p->sibling, &dead);
		} else {
			p->exit_signal = -1;
			p->real_parent = &init_task;
			list_move_tail(&p->sibling, &init_task.children);
		}
	}
	autoreap = tsk->exit_signal < 0;
	WRITE_ONCE(tsk->exit_state, autoreap ? EXIT_DEAD : EXIT_ZOMBIE);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	list_for_each_entry_safe(p, n, &dead, sibling)
		release_task(p);
	if (autoreap)
		release_task(tsk);
}

/* a child wait4() may take: @pid's (or any, -1), a zombie; *found says if any such child lives */
static struct task_struct *find_zombie(struct task_struct *parent, pid_t pid, bool *found)
{
	struct task_struct *p;

	*found = false;
	list_for_each_entry(p, &parent->children, sibling) {
		if (pid > 0 && p->pid != pid)
			continue;
		*found = true;
		if (p->exit_state == EXIT_ZOMBIE)
			return p;
	}
	return NULL;
}

/**
 * kernel_wait4() - wait for a child to end, and reap it
 * @pid: the child, or -1 for any
 * @status: where its exit status goes (user memory), or NULL
 * @options: WNOHANG (1) or 0
 * @ru: where the child's resource use goes (its reaped children's
 *      included, as Linux's wait_task_zombie() reports), or NULL
 *
 * kernel/exit.c: kernel_wait4() -> do_wait() @ v4.14, without process
 * groups (pid 0 and < -1 mean any child here).
 *
 * Return: the child's pid, 0 (WNOHANG, none ended yet), -ECHILD,
 * -EINVAL, -EFAULT (the child is reaped all the same).
 */
long kernel_wait4(pid_t pid, int *status, int options, struct rusage32 *ru)
{
	struct task_struct *tsk = current, *p;
	unsigned long flags;
	bool found;
	int code;

	if (options & ~1)
		return -EINVAL;
	for (;;) {
		spin_lock_irqsave(&tasklist_lock, flags);
		p = find_zombie(tsk, pid, &found);
		if (p)
			p->exit_state = EXIT_DEAD; /* ours: no other waiter takes it */
		spin_unlock_irqrestore(&tasklist_lock, flags);
		if (!found)
			return -ECHILD;
		if (p)
			break;
		if (options & 1)
			return 0;
		wait_event(task_exit_wq, ({
				   spin_lock_irqsave(&tasklist_lock, flags);
				   p = find_zombie(tsk, pid, &found);
				   spin_unlock_irqrestore(&tasklist_lock, flags);
				   p || !found;
			   }));
	}
	code = p->exit_code;
	pid = p->pid;
	/* wait_task_zombie(): the child's times and switches, its reaped children's too */
	tsk->cutime += p->utime + p->cutime;
	tsk->cstime += p->stime + p->cstime;
	tsk->cnvcsw += p->nvcsw + p->cnvcsw;
	tsk->cnivcsw += p->nivcsw + p->cnivcsw;
	tsk->cmaxrss = max(tsk->cmaxrss, max(p->maxrss, p->cmaxrss));
	tsk->cmin_flt += p->min_flt + p->cmin_flt;
	tsk->cmaj_flt += p->maj_flt + p->cmaj_flt;
	if (ru) {
		memset(ru, 0, sizeof(*ru));
		ticks_to_timeval(p->utime + p->cutime, ru->ru_utime);
		ticks_to_timeval(p->stime + p->cstime, ru->ru_stime);
		ru->ru_maxrss = (long)max(p->maxrss, p->cmaxrss);
		ru->ru_minflt = (long)(p->min_flt + p->cmin_flt);
		ru->ru_majflt = (long)(p->maj_flt + p->cmaj_flt);
		ru->ru_nvcsw = (long)(p->nvcsw + p->cnvcsw);
		ru->ru_nivcsw = (long)(p->nivcsw + p->cnivcsw);
	}
	release_task(p);
	if (status && copy_to_user(status, &code, sizeof(code)))
		return -EFAULT;
	return pid;
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
	exit_files(tsk);
	tsk->exit_code = (int)code;
	exit_notify(tsk);
	wake_up_all(&task_exit_wq);
	preempt_disable();
	set_current_state(TASK_DEAD);
	preempt_enable_no_resched();
	schedule();
	panic("a dead task ran again: %s[%d]", tsk->comm, tsk->pid);
}
