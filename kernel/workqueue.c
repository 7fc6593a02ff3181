// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/workqueue.c: kernel/workqueue.c (Linux 4.9) with one pool of
 * one worker per CPU -- the kernel thread "kworker/N:0", bound to its
 * CPU.  schedule_work_on() puts work on a CPU's list and wakes that
 * CPU's worker; the worker runs the list, oldest first, and sleeps when
 * it is empty.  Work may queue more work on any CPU and wait for it
 * (flush_work() sleeps): the workers are ordinary tasks, so a CPU runs
 * other tasks while its worker waits.
 */
#include <linux/err.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/percpu.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <linux/spinlock.h>
#include <linux/workqueue.h>

/* kernel/workqueue.c: struct worker_pool, per CPU: its pending work, in order, and its worker */
struct worker_pool {
	spinlock_t lock;
	struct list_head worklist;
	struct task_struct *worker;
};

static DEFINE_PER_CPU(struct worker_pool, cpu_worker_pool);

/**
 * workqueue_init_early() - every possible CPU's empty work list
 *
 * kernel/workqueue.c: workqueue_init_early() @ v4.9, once the per-CPU
 * areas exist.
 */
void __init workqueue_init_early(void)
{
	unsigned int cpu;

	for_each_possible_cpu(cpu) {
		struct worker_pool *pool = per_cpu_ptr(&cpu_worker_pool, cpu);

		spin_lock_init(&pool->lock);
		INIT_LIST_HEAD(&pool->worklist);
	}
}

/* is there work on @pool's list? */
static bool work_pending_on(struct worker_pool *pool)
{
	return READ_ONCE(pool->worklist.next) != &pool->worklist;
}

/**
 * schedule_work_on() - queue work on a CPU
 * @cpu: an online CPU
 * @work: initialised with INIT_WORK()
 *
 * kernel/workqueue.c: schedule_work_on() @ v4.9.
 *
 * Return: false if @work was already pending (it runs once either way).
 */
bool schedule_work_on(int cpu, struct work_struct *work)
{
	struct worker_pool *pool = per_cpu_ptr(&cpu_worker_pool, cpu);
	unsigned long flags;

	spin_lock_irqsave(&pool->lock, flags);
	if (work->pending) {
		spin_unlock_irqrestore(&pool->lock, flags);
		return false;
	}
	work->pending = 1;
	reinit_completion(&work->done);
	list_add_tail(&work->entry, &pool->worklist);
	if (pool->worker)
		wake_up_process(pool->worker);
	spin_unlock_irqrestore(&pool->lock, flags);
	return true;
}

/*
 * kernel/workqueue.c: worker_thread() -> process_one_work() @ v4.9: run
 * the pool's work, oldest first, while there is some.
 */
static void process_pending_work(struct worker_pool *pool)
{
	while (work_pending_on(pool)) {
		struct work_struct *work;
		unsigned long flags;

		spin_lock_irqsave(&pool->lock, flags);
		if (list_empty(&pool->worklist)) {
			spin_unlock_irqrestore(&pool->lock, flags);
			break;
		}
		work = list_first_entry(&pool->worklist, struct work_struct, entry);
		list_del(&work->entry);
		INIT_LIST_HEAD(&work->entry);
		work->pending = 0;
		spin_unlock_irqrestore(&pool->lock, flags);
		work->func(work);
		complete(&work->done);
	}
}

/*
 * kernel/workqueue.c: worker_thread() @ v4.9: the state is set before
 * the list is looked at, so a schedule_work_on() in between finds the
 * worker TASK_INTERRUPTIBLE and wakes it -- no work is slept through.
 */
static int worker_thread(void *arg)
{
	struct worker_pool *pool = arg;

	for (;;) {
		set_current_state(TASK_INTERRUPTIBLE);
		if (!work_pending_on(pool)) {
			schedule();
			continue;
		}
		__set_current_state(TASK_RUNNING);
		process_pending_work(pool);
	}
	return 0;
}

/**
 * workqueue_init() - every possible CPU's worker, kworker/N:0
 *
 * kernel/workqueue.c: workqueue_init() @ v4.14, from kernel_init()
 * before the other CPUs start: each worker waits on its CPU's run queue
 * until the CPU comes up.  Work queued before (there is none at boot)
 * would be run when the worker first looks.
 */
void __init workqueue_init(void)
{
	unsigned int cpu;

	for_each_possible_cpu(cpu) {
		struct worker_pool *pool = per_cpu_ptr(&cpu_worker_pool, cpu);
		struct task_struct *p;
		char name[TASK_COMM_LEN];

		snprintf(name, sizeof(name), "kworker/%u:0", cpu);
		p = kthread_create_on_cpu(worker_thread, pool, cpu, name);
		if (IS_ERR(p))
			panic("workqueue: no worker for CPU%u: %ld", cpu, PTR_ERR(p));
		p->flags |= PF_WQ_WORKER;
		WRITE_ONCE(pool->worker, p);
	}
}

/**
 * flush_work() - wait until work has run
 * @work: the work
 *
 * kernel/workqueue.c: flush_work() @ v4.9.  One CPU at a time may flush a
 * given work.  The completion is left done, so a second flush returns at
 * once.
 *
 * Return: true if it had to wait.
 */
bool flush_work(struct work_struct *work)
{
	if (!READ_ONCE(work->pending) && completion_done(&work->done))
		return false;
	wait_for_completion(&work->done);
	complete(&work->done);
	return true;
}

struct work_for_cpu {
	struct work_struct work;
	long (*fn)(void *);
	void *arg;
	long ret;
};

static void work_for_cpu_fn(struct work_struct *work)
{
	struct work_for_cpu *wfc = container_of(work, struct work_for_cpu, work);

	wfc->ret = wfc->fn(wfc->arg);
}

/**
 * work_on_cpu() - run fn(arg) on @cpu in process context and wait for it
 * @cpu: an online CPU
 * @fn: the function
 * @arg: its argument
 *
 * kernel/workqueue.c: work_on_cpu() @ v4.9.
 *
 * Return: what @fn returned.
 */
long work_on_cpu(int cpu, long (*fn)(void *), void *arg)
{
	struct work_for_cpu wfc = { .fn = fn, .arg = arg };

	INIT_WORK(&wfc.work, work_for_cpu_fn);
	schedule_work_on(cpu, &wfc.work);
	flush_work(&wfc.work);
	return wfc.ret;
}
