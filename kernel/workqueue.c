// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/workqueue.c: kernel/workqueue.c (Linux 4.9) with one pool of
 * one worker per CPU -- the CPU's idle task.  schedule_work_on() puts
 * work on a CPU's list and sends it IPI_RESCHEDULE; the idle loop
 * (kernel/idle.c), and every CPU that waits (cpu_idle_until()), run
 * their list.  So work can queue more work on any CPU, itself included,
 * and wait for it: the waiting CPU keeps running its own list meanwhile.
 */
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/percpu.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <linux/spinlock.h>
#include <linux/workqueue.h>

/* kernel/workqueue.c: struct worker_pool, per CPU: its pending work, in order */
struct worker_pool {
	spinlock_t lock;
	struct list_head worklist;
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

	for_each_possible_cpu(cpu)
	{
		struct worker_pool *pool = per_cpu_ptr(&cpu_worker_pool, cpu);

		spin_lock_init(&pool->lock);
		INIT_LIST_HEAD(&pool->worklist);
	}
}

/**
 * need_resched() - has this CPU work waiting?
 *
 * kernel/sched/core.c: need_resched() @ v4.9: here, work queued for this CPU.
 *
 * Return: true if this CPU's idle loop has work to run.
 */
bool need_resched(void)
{
	struct worker_pool *pool = this_cpu_ptr(&cpu_worker_pool);

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
	spin_unlock_irqrestore(&pool->lock, flags);
	if ((unsigned int)cpu != smp_processor_id())
		smp_send_reschedule(cpu);
	return true;
}

/**
 * process_pending_work() - run this CPU's queued work, oldest first
 *
 * kernel/workqueue.c: worker_thread() -> process_one_work() @ v4.9,
 * called from the idle loop and from every wait, interrupts on.
 */
void process_pending_work(void)
{
	struct worker_pool *pool = this_cpu_ptr(&cpu_worker_pool);

	while (need_resched()) {
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
 * @cpu: an online CPU (this one runs it at once)
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
