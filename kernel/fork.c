// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/fork.c @ v4.14, the kernel-thread half: a task_struct and a
 * THREAD_SIZE kernel stack (alloc_thread_stack_node()), a pid, and a
 * first register set that makes the first switch to it land in
 * ret_from_fork (copy_thread()).  init/init_task.c's init_task, the boot
 * CPU's idle task, is here too.
 */
#include <asm/page.h>
#include <asm/pgalloc.h>
#include <asm/tlbflush.h>
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/file.h>
#include <linux/gfp.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/mm_types.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <string.h>

extern char init_thread_union[];

/* init/init_task.c: init_task @ v4.14: swapper/0, pid 0, on head.S's stack */
struct task_struct init_task = {
	.state = TASK_RUNNING,
	.stack = init_thread_union,
	.usage = ATOMIC_INIT(2),
	.flags = PF_KTHREAD,
	.run_list = LIST_HEAD_INIT(init_task.run_list),
	.mm = NULL,
	.active_mm = &init_mm,
	.real_parent = &init_task,
	.children = LIST_HEAD_INIT(init_task.children),
	.sibling = LIST_HEAD_INIT(init_task.sibling),
	.tasks = LIST_HEAD_INIT(init_task.tasks),
	.comm = "swapper/0",
};

/* kernel/fork.c: tasklist_lock @ v4.14 (a spinlock here, not an rwlock) */
DEFINE_SPINLOCK(tasklist_lock);

/*
 * kernel/fork.c: mmlist_lock @ v4.14: init_mm.mmlist holds every mm that
 * may have a swap entry -- try_to_unmap() adds one at its first, fork the
 * child after its parent, mmput() takes it off -- so that swapoff's
 * try_to_unuse() walks those page tables only.
 */
DEFINE_SPINLOCK(mmlist_lock);

unsigned long total_forks;
int nr_threads;
/* task_structs allocated and not yet freed (the idle tasks' and init_task aside) */
atomic_t nr_task_structs = ATOMIC_INIT(0);

/* kernel/pid.c: pid_max and the reserved pids @ v4.14 */
#define PID_MAX_DEFAULT 0x8000
#define RESERVED_PIDS	300
static pid_t last_pid;

/**
 * find_task_by_vpid() - the task with a pid
 * @nr: the pid
 *
 * kernel/pid.c: find_task_by_vpid() @ v4.14, a walk of the task list
 * (Linux hashes pids).  tasklist_lock held.
 *
 * Return: the task, or NULL.
 */
struct task_struct *find_task_by_vpid(pid_t nr)
{
	struct task_struct *p;

	for_each_process(p)
		if (p->pid == nr)
			return p;
	return NULL;
}

/**
 * get_pid_task() - the task with a pid, with a reference
 * @nr: the pid
 *
 * kernel/pid.c: get_pid_task() @ v4.14.  put_task_struct() when done.
 *
 * Return: the task, or NULL.
 */
struct task_struct *get_pid_task(pid_t nr)
{
	struct task_struct *p;
	unsigned long flags;

	spin_lock_irqsave(&tasklist_lock, flags);
	p = find_task_by_vpid(nr);
	if (p)
		get_task_struct(p);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return p;
}

/*
 * kernel/pid.c: alloc_pidmap() @ v4.14: the next pid not in use, from 1
 * upwards, wrapping to RESERVED_PIDS.  tasklist_lock held.
 */
static pid_t alloc_pid(void)
{
	pid_t pid = last_pid;
	int tries;

	for (tries = 0; tries < PID_MAX_DEFAULT; tries++) {
		if (++pid >= PID_MAX_DEFAULT)
			pid = RESERVED_PIDS;
		if (!find_task_by_vpid(pid)) {
			last_pid = pid;
			return pid;
		}
	}
	return -EAGAIN;
}

/**
 * set_task_comm() - a task's name
 * @tsk: the task
 * @buf: the name (cut at TASK_COMM_LEN - 1)
 *
 * fs/exec.c: __set_task_comm() @ v4.14.
 */
void set_task_comm(struct task_struct *tsk, const char *buf)
{
	snprintf(tsk->comm, sizeof(tsk->comm), "%s", buf);
}

/* kernel/fork.c: dup_task_struct() @ v4.14: the structure and a THREAD_SIZE stack */
static struct task_struct *dup_task_struct(struct task_struct *orig)
{
	struct task_struct *tsk = kmalloc(sizeof(*tsk), GFP_KERNEL);
	struct page *stack;

	if (!tsk)
		return NULL;
	stack = alloc_pages(GFP_KERNEL, THREAD_SIZE_ORDER);
	if (!stack) {
		kfree(tsk);
		return NULL;
	}
	*tsk = *orig;
	tsk->stack = page_address(stack);
	memset(tsk->stack, 0, sizeof(struct thread_info));
	task_thread_info(tsk)->task = tsk;
	*end_of_stack(tsk) = STACK_END_MAGIC;
	atomic_set(&tsk->usage, 2); /* the task itself, and its place in the task list */
	atomic_inc(&nr_task_structs);
	return tsk;
}

/**
 * free_task() - free a task's stack and structure
 * @tsk: a task nothing runs on
 *
 * kernel/fork.c: free_task() @ v4.14.
 */
void free_task(struct task_struct *tsk)
{
	if (task_stack_end_corrupted(tsk))
		pr_err("BUG: %s[%d]: kernel stack overflowed\n", tsk->comm, tsk->pid);
	__free_pages(virt_to_page(tsk->stack), THREAD_SIZE_ORDER);
	kfree(tsk);
	atomic_dec(&nr_task_structs);
}

/**
 * __put_task_struct() - the last reference to a task went
 * @t: the task
 *
 * kernel/fork.c: __put_task_struct() @ v4.14.
 */
void __put_task_struct(struct task_struct *t)
{
	free_task(t);
}

/*
 * arch/arm/kernel/process.c: copy_thread() @ v4.14: the first switch-in
 * loads r4 = fn, r5 = arg, sp at its pt_regs, pc = ret_from_fork.  A
 * kernel thread's pt_regs are empty; a forked process's are a copy of
 * its parent's with r0 = 0 -- fork() returns 0 in the child -- and no
 * fn: ret_from_fork goes straight to user mode.
 */
static void copy_thread(struct task_struct *p, int (*fn)(void *), void *arg)
{
	struct thread_info *ti = task_thread_info(p);

	memset(&ti->cpu_context, 0, sizeof(ti->cpu_context));
	ti->cpu_context.r4 = (u32)(unsigned long)fn;
	ti->cpu_context.r5 = (u32)(unsigned long)arg;
	ti->cpu_context.sp = (u32)(unsigned long)task_pt_regs(p);
	ti->cpu_context.pc = (u32)(unsigned long)ret_from_fork;
	if (fn) {
		memset(task_pt_regs(p), 0, sizeof(struct pt_regs));
	} else {
		*task_pt_regs(p) = *task_pt_regs(current);
		task_pt_regs(p)->ARM_r0 = 0;
		ti->tp_value[0] = task_thread_info(current)->tp_value[0]; /* the TLS goes along */
	}
}

/*
 * kernel/fork.c: copy_process() @ v4.14: a copy of the caller that may
 * run on @allowed, child of @parent, not yet runnable -- a kernel thread
 * running @fn (@mm NULL), or a forked process on @mm.
 */
static struct task_struct *copy_process(int (*fn)(void *), void *arg, const struct cpumask *allowed,
					struct task_struct *parent, struct mm_struct *mm,
					int exit_signal)
{
	struct task_struct *p = dup_task_struct(current);
	unsigned long flags;
	pid_t pid;

	if (!p)
		return ERR_PTR(-ENOMEM);
	p->state = TASK_UNINTERRUPTIBLE; /* TASK_NEW: not on a queue until woken */
	p->flags = (mm ? 0 : PF_KTHREAD) | PF_FORKNOEXEC;
	p->on_rq = 0;
	INIT_LIST_HEAD(&p->run_list);
	p->time_slice = RR_TIMESLICE;
	p->cpus_allowed = *allowed;
	p->nvcsw = p->nivcsw = 0;
	p->utime = p->stime = 0;
	p->cutime = p->cstime = 0;
	p->cnvcsw = p->cnivcsw = p->cmaxrss = p->maxrss = 0;
	p->min_flt = p->maj_flt = p->cmin_flt = p->cmaj_flt = 0;
	p->start_time = jiffies;
	p->mm = mm;
	p->active_mm = mm;
	p->exit_state = 0;
	p->exit_code = 0;
	p->exit_signal = exit_signal; /* -1: reaped at once (kernel threads) */
	p->signal_pending = 0;
	INIT_LIST_HEAD(&p->children);
	INIT_LIST_HEAD(&p->sibling);
	if (mm ? copy_files(p, current) : (p->files = NULL, 0)) {
		free_task(p);
		return ERR_PTR(-ENOMEM);
	}
	copy_thread(p, fn, arg);

	spin_lock_irqsave(&tasklist_lock, flags);
	pid = alloc_pid();
	if (pid < 0) {
		spin_unlock_irqrestore(&tasklist_lock, flags);
		exit_files(p);
		free_task(p);
		return ERR_PTR(pid);
	}
	p->pid = p->tgid = pid;
	p->real_parent = parent;
	list_add_tail(&p->sibling, &parent->children);
	list_add_tail(&p->tasks, &init_task.tasks);
	nr_threads++;
	total_forks++;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return p;
}

/**
 * kernel_thread() - start a kernel thread
 * @fn: its function; when it returns, the thread exits with its value
 * @arg: the function's argument
 * @flags: CLONE_* (none used: a kernel thread shares init_mm anyway)
 *
 * kernel/fork.c: kernel_thread() @ v4.14.  It runs on the CPU with the
 * fewest tasks.
 *
 * Return: its pid, or a negative errno.
 */
pid_t kernel_thread(int (*fn)(void *), void *arg, unsigned long flags)
{
	struct task_struct *p = copy_process(fn, arg, cpu_possible_mask, current, NULL, -1);

	if (IS_ERR(p))
		return (pid_t)PTR_ERR(p);
	wake_up_new_task(p);
	return p->pid;
}

/**
 * kthread_create_on_cpu() - start a kernel thread bound to one CPU
 * @threadfn: its function
 * @data: the function's argument
 * @cpu: the CPU it runs on
 * @namefmt: its name
 *
 * kernel/kthread.c: kthread_create_on_cpu() @ v4.14 (without kthreadd:
 * the caller creates it, and it is started at once).
 *
 * Return: the task, or an ERR_PTR.
 */
struct task_struct *kthread_create_on_cpu(int (*threadfn)(void *data), void *data, unsigned int cpu,
					  const char *namefmt)
{
	struct task_struct *p = copy_process(threadfn, data, cpumask_of(cpu), &init_task, NULL, -1);

	if (IS_ERR(p))
		return p;
	set_task_comm(p, namefmt);
	task_thread_info(p)->cpu = cpu;
	wake_up_new_task(p);
	return p;
}

/**
 * kthread_run() - start a kernel thread on the least busy CPU
 * @threadfn: its function
 * @data: the function's argument
 * @name: its name
 *
 * include/linux/kthread.h: kthread_run() @ v4.14.
 *
 * Return: the task (running), or an ERR_PTR.
 */
struct task_struct *kthread_run(int (*threadfn)(void *data), void *data, const char *name)
{
	struct task_struct *p =
		copy_process(threadfn, data, cpu_possible_mask, &init_task, NULL, -1);

	if (IS_ERR(p))
		return p;
	set_task_comm(p, name);
	wake_up_new_task(p);
	return p;
}

/**
 * fork_idle() - the idle task of a secondary CPU, before it starts
 * @cpu: the CPU
 *
 * kernel/fork.c: fork_idle() @ v4.14: a copy of init_task with a stack of
 * its own, which __cpu_up() gives the CPU to start on.
 *
 * Return: the task, or an ERR_PTR.
 */
struct task_struct *fork_idle(int cpu)
{
	struct task_struct *p = dup_task_struct(&init_task);

	if (!p)
		return ERR_PTR(-ENOMEM);
	p->pid = 0;
	mmgrab(&init_mm);
	p->active_mm = &init_mm;
	INIT_LIST_HEAD(&p->run_list);
	INIT_LIST_HEAD(&p->children);
	INIT_LIST_HEAD(&p->sibling);
	INIT_LIST_HEAD(&p->tasks);
	init_idle(p, cpu);
	return p;
}

/*
 * kernel/fork.c: dup_mmap() @ v4.14: the child gets a copy of each VMA
 * and, through copy_page_range(), the parent's pages -- shared, and
 * write-protected on both sides where private and writable, so the
 * first write of either copies (copy-on-write).  The parent's mmap_sem
 * is held for writing, so nothing changes under the copy.
 */
static int dup_mmap(struct mm_struct *mm, struct mm_struct *oldmm)
{
	struct vm_area_struct *mpnt, *tmp;
	int ret = 0;

	down_write(&oldmm->mmap_sem);
	down_write(&mm->mmap_sem); /* a walk of the reverse map may reach it from now on */
	mm->total_vm = oldmm->total_vm;
	mm->data_vm = oldmm->data_vm;
	mm->exec_vm = oldmm->exec_vm;
	mm->stack_vm = oldmm->stack_vm;
	mm->hiwater_vm = oldmm->hiwater_vm;
	for (mpnt = oldmm->mmap; mpnt; mpnt = mpnt->vm_next) {
		tmp = vm_area_dup(mpnt);
		if (!tmp) {
			ret = -ENOMEM;
			break;
		}
		tmp->vm_mm = mm;
		BUG_ON(insert_vm_struct(mm, tmp));
		anon_vma_link(tmp, mpnt->anon_vma); /* before its ptes: every one is found */
		ret = copy_page_range(mm, oldmm, mpnt);
		if (ret)
			break;
	}
	up_write(&mm->mmap_sem);
	up_write(&oldmm->mmap_sem);
	return ret;
}

/*
 * kernel/fork.c: dup_mm() @ v4.14: a new mm with the parent's layout
 * and a copy of its VMAs (dup_mmap()).  NULL without memory (nothing
 * leaks: mmput() takes back what was copied).
 */
static struct mm_struct *dup_mm(struct mm_struct *oldmm)
{
	struct mm_struct *mm = mm_alloc();

	if (!mm)
		return NULL;
	mm->mmap_base = oldmm->mmap_base;
	mm->start_code = oldmm->start_code;
	mm->end_code = oldmm->end_code;
	mm->start_data = oldmm->start_data;
	mm->end_data = oldmm->end_data;
	mm->start_brk = oldmm->start_brk;
	mm->brk = oldmm->brk;
	mm->start_stack = oldmm->start_stack;
	mm->arg_start = oldmm->arg_start;
	mm->arg_end = oldmm->arg_end;
	mm->env_start = oldmm->env_start;
	mm->env_end = oldmm->env_end;
	memcpy(mm->saved_auxv, oldmm->saved_auxv, sizeof(mm->saved_auxv));
	if (dup_mmap(mm, oldmm)) {
		mmput(mm);
		return NULL;
	}
	mm->hiwater_rss = get_mm_rss(mm);
	return mm;
}

/**
 * _do_fork() - fork the calling process
 * @clone_flags: SIGCHLD (what fork() passes; nothing shared)
 *
 * kernel/fork.c: _do_fork() @ v4.14 -> copy_process() -> copy_mm() ->
 * dup_mm(): the child shares the parent's pages copy-on-write and
 * returns 0 from the same system call.
 *
 * Return: the child's pid, or -EINVAL (sharing flags), -ENOMEM, -EAGAIN.
 */
long _do_fork(unsigned long clone_flags)
{
	struct task_struct *p;
	struct mm_struct *mm;

	if (clone_flags != SIGCHLD || !current->mm)
		return -EINVAL;
	mm = dup_mm(current->mm);
	if (!mm)
		return -ENOMEM;
	p = copy_process(NULL, NULL, cpu_possible_mask, current, mm, SIGCHLD);
	if (IS_ERR(p)) {
		mmput(mm);
		return PTR_ERR(p);
	}
	memcpy(p->comm, current->comm, sizeof(p->comm));
	wake_up_new_task(p);
	return p->pid;
}

/* task_lock() of Linux, for ->mm only: one lock for every task (a9mm's reduction) */
DEFINE_SPINLOCK(task_mm_lock);

/**
 * get_task_mm() - a task's address space, with a user reference
 * @task: the task
 *
 * kernel/fork.c: get_task_mm() @ v4.14: exit and exec change ->mm under
 * task_mm_lock, so the mm cannot go between the read and the reference.
 *
 * Return: the mm (mmput() when done), or NULL for a kernel thread or an
 * exited task.
 */
struct mm_struct *get_task_mm(struct task_struct *task)
{
	struct mm_struct *mm;
	unsigned long flags;

	spin_lock_irqsave(&task_mm_lock, flags);
	mm = task->mm;
	if (mm && !(task->flags & PF_KTHREAD))
		atomic_inc(&mm->mm_users);
	else
		mm = NULL;
	spin_unlock_irqrestore(&task_mm_lock, flags);
	return mm;
}

/**
 * mm_alloc() - a new, empty address space
 *
 * kernel/fork.c: mm_alloc() -> mm_init() @ v4.14: no VMAs, a pgd with
 * the kernel's entries only, no ASID yet (the first switch-in gets one).
 *
 * Return: the mm (mm_users 1, mm_count 1), or NULL.
 */
struct mm_struct *mm_alloc(void)
{
	struct mm_struct *mm = kzalloc(sizeof(*mm), GFP_KERNEL);

	if (!mm)
		return NULL;
	atomic_set(&mm->mm_users, 1);
	atomic_set(&mm->mm_count, 1);
	spin_lock_init(&mm->page_table_lock);
	spin_lock_init(&mm->mmap_sem.lock);
	INIT_LIST_HEAD(&mm->mmap_sem.waiters);
	INIT_LIST_HEAD(&mm->mmlist);
	mm->mm_rb = RB_ROOT;
	arch_pick_mmap_layout(mm);
	mm->task_size = TASK_SIZE;
	atomic64_set(&mm->context.id, 0); /* init_new_context() */
	mm->pgd = pgd_alloc(mm);
	if (!mm->pgd) {
		kfree(mm);
		return NULL;
	}
	return mm;
}

/**
 * __mmdrop() - the last reference to an mm went: free it
 * @mm: the mm, its user page tables already freed (free_pgd_range())
 *
 * kernel/fork.c: __mmdrop() @ v4.14.  Its ASID's TLB entries go too: the
 * ASID may be handed out again in this generation to nobody, but a
 * later rollover's flush is not to be relied on.
 */
void __mmdrop(struct mm_struct *mm)
{
	if (mm == &init_mm)
		panic("__mmdrop: freeing init_mm");
	if (atomic64_read(&mm->context.id))
		__flush_tlb_asid(ASID(mm));
	pgd_free(mm, mm->pgd);
	kfree(mm);
}
