// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/sched/core.c @ v4.14, reduced to one scheduling class: round
 * robin per CPU (Linux's SCHED_RR without priorities), preemptive.
 *
 *   CPU n's struct rq                       the tick (every CPU's TWD)
 *   +----------------------------+          scheduler_tick():
 *   | curr  -> the running task  |            curr->time_slice--; at 0,
 *   | idle  -> swapper/n         |            if others wait: set
 *   | queue -> A -> B -> C       |            TIF_NEED_RESCHED
 *   +----------------------------+
 *            ^ wake-ups enqueue at the tail; schedule() takes the head,
 *              and a task whose slice ran out goes back to the tail.
 *
 * A task stays on the CPU it was created on (cpus_allowed is one CPU);
 * the only balancing is where it is put at creation: on the CPU with the
 * fewest tasks (select_task_rq() at fork, Linux's SD_BALANCE_FORK).
 * Nothing migrates afterwards, which keeps per-CPU data a task reads its
 * own CPU's for its whole life.
 *
 * Preemption is CONFIG_PREEMPT's: when an interrupt returns to kernel
 * code whose preempt_count is 0 and TIF_NEED_RESCHED is set, the task is
 * switched out on the spot (svc_preempt()); spin_unlock() and
 * preempt_enable() switch when they end a non-preemptible section.
 */
#include <linux/init.h>
#include <linux/jiffies.h>
#include <linux/cpumask.h>
#include <linux/hardirq.h>
#include <linux/kernel.h>
#include <linux/mm_types.h>
#include <linux/percpu.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <linux/spinlock.h>
#include <asm/mmu_context.h>
#include <asm/ptrace.h>

/* kernel/sched/sched.h: struct rq @ v4.14, the part a round robin needs */
struct rq {
	spinlock_t lock;
	struct list_head queue;	  /* runnable tasks waiting for the CPU, in turn */
	unsigned int nr_running;  /* on the queue, plus curr unless it is idle */
	struct task_struct *curr; /* running now */
	struct task_struct *idle; /* swapper/N */
	unsigned long nr_switches;
	struct mm_struct *prev_mm; /* a kernel thread's borrowed mm, dropped after the switch */
};

static DEFINE_PER_CPU(struct rq, runqueues);

#define cpu_rq(cpu) per_cpu_ptr(&runqueues, cpu)
#define this_rq()   this_cpu_ptr(&runqueues)

/* kernel/fork.c's idle and init tasks need the scheduler to have started */
static bool scheduler_running;

BUILD_BUG_ON(offsetof(struct thread_info, flags) != TI_FLAGS);
BUILD_BUG_ON(offsetof(struct thread_info, task) != TI_TASK);
BUILD_BUG_ON(offsetof(struct thread_info, cpu) != TI_CPU);
BUILD_BUG_ON(offsetof(struct thread_info, cpu_context) != TI_CPU_SAVE);
BUILD_BUG_ON(offsetof(struct thread_info, tp_value) != TI_TP_VALUE);

/**
 * sched_init() - every CPU's empty run queue; the boot context is swapper/0
 *
 * kernel/sched/core.c: sched_init() @ v4.14, from start_kernel() once the
 * per-CPU areas exist: what runs start_kernel() becomes the boot CPU's
 * idle task (init_task) once rest_init() has started init.
 */
void __init sched_init(void)
{
	unsigned int cpu;

	for_each_possible_cpu(cpu) {
		struct rq *rq = cpu_rq(cpu);

		spin_lock_init(&rq->lock);
		INIT_LIST_HEAD(&rq->queue);
	}
	mmgrab(&init_mm); /* what init_task's active_mm holds */
	init_idle(&init_task, smp_processor_id());
	scheduler_running = true;
}

/**
 * init_idle() - make @idle the idle task of @cpu, running there
 * @idle: a task whose stack the CPU runs (or will run) on
 * @cpu: the CPU
 *
 * kernel/sched/core.c: init_idle() @ v4.14.
 */
void init_idle(struct task_struct *idle, int cpu)
{
	struct rq *rq = cpu_rq(cpu);
	struct thread_info *ti = task_thread_info(idle);

	idle->state = TASK_RUNNING;
	idle->flags |= PF_IDLE | PF_KTHREAD;
	idle->on_rq = 1;
	cpumask_clear(&idle->cpus_allowed);
	cpumask_set_cpu(cpu, &idle->cpus_allowed);
	ti->task = idle;
	ti->cpu = cpu;
	*end_of_stack(idle) = STACK_END_MAGIC;
	snprintf(idle->comm, sizeof(idle->comm), "swapper/%d", cpu);
	rq->curr = rq->idle = idle;
	if (!list_empty(&rq->queue)) /* tasks were queued for a CPU not up yet */
		set_tsk_need_resched(idle);
}

/* the CPU with the fewest runnable tasks among @mask (select_task_rq_fair() at fork) */
static unsigned int select_task_rq(const struct cpumask *mask)
{
	unsigned int cpu, best = nr_cpu_ids, least = ~0U;

	for_each_online_cpu(cpu) {
		unsigned int n = READ_ONCE(cpu_rq(cpu)->nr_running);

		if (cpumask_test_cpu(cpu, mask) && n < least) {
			least = n;
			best = cpu;
		}
	}
	if (best >= nr_cpu_ids) /* a CPU not up yet: a kworker waiting for its CPU */
		best = cpumask_first(mask);
	return best;
}

/* kernel/sched/core.c: resched_curr() @ v4.14: make rq's CPU call schedule() soon */
static void resched_curr(struct rq *rq, unsigned int cpu)
{
	if (!rq->curr) /* a CPU not started yet: its idle task looks at its queue first */
		return;
	set_tsk_need_resched(rq->curr);
	if (cpu != smp_processor_id() && cpu_online(cpu))
		smp_send_reschedule(cpu);
}

/* kernel/sched/core.c: activate_task() @ v4.14, rq->lock held: in the queue, at the tail */
static void activate_task(struct rq *rq, struct task_struct *p, unsigned int cpu)
{
	list_add_tail(&p->run_list, &rq->queue);
	p->on_rq = 1;
	rq->nr_running++;
	/* round robin: the newcomer waits its turn, unless the CPU idles */
	if (rq->curr == rq->idle)
		resched_curr(rq, cpu);
}

/**
 * try_to_wake_up() - make a sleeping task runnable
 * @p: the task
 * @state: the sleeping states to wake it from (TASK_NORMAL, ...)
 * @wake_flags: unused (Linux's WF_SYNC and co)
 *
 * kernel/sched/core.c: try_to_wake_up() @ v4.14.  Any context.  The
 * state is tested under the task's CPU's rq->lock, the lock schedule()
 * takes it off the CPU with: a task that set TASK_INTERRUPTIBLE but has
 * not reached schedule() yet is just set running again (it is still
 * on_rq), so the wake-up is not lost.
 *
 * Return: 1 if @p was woken, 0 if it was not in @state.
 */
int try_to_wake_up(struct task_struct *p, unsigned int state, int wake_flags)
{
	unsigned int cpu = task_cpu(p);
	struct rq *rq = cpu_rq(cpu);
	unsigned long flags;
	int ret = 0;

	spin_lock_irqsave(&rq->lock, flags);
	if (p->state & state) {
		ret = 1;
		if (!p->on_rq)
			activate_task(rq, p, cpu);
		WRITE_ONCE(p->state, TASK_RUNNING);
	}
	spin_unlock_irqrestore(&rq->lock, flags);
	return ret;
}

/**
 * wake_up_process() - wake a task from any sleep
 * @p: the task
 *
 * kernel/sched/core.c: wake_up_process() @ v4.14.
 *
 * Return: 1 if it was asleep.
 */
int wake_up_process(struct task_struct *p)
{
	return try_to_wake_up(p, TASK_NORMAL, 0);
}

/**
 * wake_up_state() - wake a task if it sleeps in one of @state
 * @p: the task
 * @state: the states
 *
 * kernel/sched/core.c: wake_up_state() @ v4.14.
 *
 * Return: 1 if it was woken.
 */
int wake_up_state(struct task_struct *p, unsigned int state)
{
	return try_to_wake_up(p, state, 0);
}

/**
 * wake_up_new_task() - a new task's first time on a run queue
 * @p: the task (TASK_NEW: state TASK_UNINTERRUPTIBLE, not on a queue)
 *
 * kernel/sched/core.c: wake_up_new_task() @ v4.14: here the CPU it will
 * live on is chosen (select_task_rq()).
 */
void wake_up_new_task(struct task_struct *p)
{
	unsigned int cpu = select_task_rq(&p->cpus_allowed);
	struct rq *rq = cpu_rq(cpu);
	unsigned long flags;

	task_thread_info(p)->cpu = cpu;
	spin_lock_irqsave(&rq->lock, flags);
	WRITE_ONCE(p->state, TASK_RUNNING);
	activate_task(rq, p, cpu);
	spin_unlock_irqrestore(&rq->lock, flags);
}

/*
 * kernel/sched/core.c: finish_task_switch() @ v4.14, on the new task's
 * stack: the switch is complete, so rq->lock (taken by the previous
 * task in __schedule()) is let go, and a dead previous task can lose
 * its stack -- nothing runs on it any more.
 */
static void finish_task_switch(struct task_struct *prev)
{
	struct rq *rq = this_rq();
	struct mm_struct *mm = rq->prev_mm;
	long prev_state = prev->state;

	rq->prev_mm = NULL;
	__spin_unlock(&rq->lock);
	local_irq_enable();
	if (mm)
		mmdrop(mm);
	if (prev_state == TASK_DEAD && !prev->on_rq) { /* not preempted on its way out */
		put_task_struct(prev);
		wake_up_all(&task_exit_wq); /* it is off its CPU: waiters may free what it used */
	}
}

/**
 * schedule_tail() - a new task's first code, from ret_from_fork
 * @prev: the task switched out for it
 *
 * kernel/sched/core.c: schedule_tail() @ v4.14.
 */
void schedule_tail(struct task_struct *prev)
{
	finish_task_switch(prev);
	preempt_enable();
}

/*
 * kernel/sched/core.c: context_switch() @ v4.14.  A kernel thread has no
 * address space of its own (mm NULL): it borrows the one the CPU has
 * (active_mm, a reference held until it is switched out again), so
 * switching to it costs no TTBR0 write or TLB work -- Linux's lazy TLB
 * mode.  A task with an mm (a kernel thread in use_mm(), later user
 * processes) gets its page directory and ASID (switch_mm()).
 */
static struct task_struct *context_switch(struct rq *rq, struct task_struct *prev,
					  struct task_struct *next)
{
	struct mm_struct *oldmm = prev->active_mm;

	if (!next->mm) {
		next->active_mm = oldmm;
		mmgrab(oldmm);
	} else {
		switch_mm(oldmm, next->mm, next);
	}
	if (!prev->mm) {
		prev->active_mm = NULL;
		rq->prev_mm = oldmm;
	}
	/* arch/arm/include/asm/switch_to.h: switch_to() @ v4.14 */
	return __switch_to(prev, task_thread_info(prev), task_thread_info(next));
}

/*
 * kernel/sched/core.c: __schedule() @ v4.14: pick the next task and
 * switch to it.  Preemption is off (the caller's count), interrupts go
 * off here and come back in finish_task_switch().  @preempt: the task
 * is being preempted -- it stays runnable whatever its state says (it
 * may be between set_current_state() and its own schedule()).
 */
static void __schedule(bool preempt)
{
	struct rq *rq = this_rq();
	struct task_struct *prev = rq->curr, *next;

	if (task_stack_end_corrupted(prev))
		panic("corrupted stack end detected inside scheduler (%s, pid %d)", prev->comm,
		      prev->pid);
	if (preempt_count() != PREEMPT_OFFSET)
		pr_err("BUG: scheduling while atomic: %s/%d/0x%08lx\n", prev->comm, prev->pid,
		       preempt_count());
	local_irq_disable();
	__spin_lock(&rq->lock, _THIS_IP_);
	clear_tsk_need_resched(prev);

	if (prev != rq->idle) {
		/* a signal that came before the sleep began: the sleep ends at once */
		if (!preempt && signal_pending_state(prev->state, prev))
			prev->state = TASK_RUNNING;
		if (!preempt && prev->state != TASK_RUNNING) {
			prev->on_rq = 0; /* deactivate_task() */
			rq->nr_running--;
		} else {
			list_add_tail(&prev->run_list, &rq->queue); /* its turn is over */
		}
	}
	if (list_empty(&rq->queue)) {
		next = rq->idle;
	} else {
		next = list_first_entry(&rq->queue, struct task_struct, run_list);
		list_del_init(&next->run_list);
	}
	next->time_slice = RR_TIMESLICE;

	if (next == prev) {
		__spin_unlock(&rq->lock);
		local_irq_enable();
		return;
	}
	/* voluntary: it went to sleep; a switch while it could still run is involuntary */
	if (!preempt && prev->state != TASK_RUNNING)
		prev->nvcsw++;
	else
		prev->nivcsw++;
	rq->nr_switches++;
	rq->curr = next;
	prev = context_switch(rq, prev, next);
	finish_task_switch(prev);
}

/**
 * schedule() - give the CPU to the next task in turn
 *
 * kernel/sched/core.c: schedule() @ v4.14.  A task that set itself
 * sleeping first (set_current_state()) leaves the run queue until a
 * wake-up; a running one goes to the back of it.  Not from interrupt
 * context, not from the idle task (which calls schedule_idle()).
 */
void schedule(void)
{
	do {
		preempt_disable();
		__schedule(false);
		preempt_enable_no_resched();
	} while (need_resched());
}

/**
 * schedule_idle() - the idle task gives the CPU to what was woken
 *
 * kernel/sched/core.c: schedule_idle() @ v4.14.
 */
void schedule_idle(void)
{
	do {
		preempt_disable();
		__schedule(false);
		preempt_enable_no_resched();
	} while (need_resched());
}

/**
 * preempt_schedule() - preempt_enable() found a switch due
 *
 * kernel/sched/core.c: preempt_schedule() @ v4.14: only with interrupts
 * on (with them off the next interrupt's return does it).
 */
void preempt_schedule(void)
{
	if (!scheduler_running || irqs_disabled())
		return;
	do {
		preempt_disable();
		__schedule(true);
		preempt_enable_no_resched();
	} while (need_resched());
}

/*
 * kernel/sched/core.c: preempt_schedule_irq() @ v4.14, called on the way
 * back from an interrupt, interrupts off: they go on for the switch.
 */
static void preempt_schedule_irq(void)
{
	do {
		preempt_disable();
		local_irq_enable();
		__schedule(true);
		local_irq_disable();
		preempt_enable_no_resched();
	} while (need_resched());
}

/**
 * svc_preempt() - an interrupt returns to kernel code: preempt it?
 * @regs: the interrupted registers
 *
 * arch/arm/kernel/entry-armv.S: __irq_svc's svc_preempt @ v4.14 (in C):
 * when the task's preempt count is 0 and a switch is due.  Interrupts
 * are off.
 */
void svc_preempt(struct pt_regs *regs)
{
	if (scheduler_running && preempt_count() == 0 && need_resched() && interrupts_enabled(regs))
		preempt_schedule_irq();
}

/**
 * _cond_resched() - a voluntary preemption point
 *
 * kernel/sched/core.c: _cond_resched() @ v4.14.
 *
 * Return: 1 if it switched task.
 */
int _cond_resched(void)
{
	if (need_resched() && preempt_count() == 0) {
		preempt_schedule();
		return 1;
	}
	return 0;
}

/**
 * sys_sched_yield() - go to the back of the run queue
 *
 * kernel/sched/core.c: sys_sched_yield() @ v4.14.
 *
 * Return: 0.
 */
long sys_sched_yield(void)
{
	schedule();
	return 0;
}

/**
 * scheduler_tick() - one tick of the running task's slice
 * @user_tick: the tick interrupted user mode
 *
 * kernel/sched/core.c: scheduler_tick() -> task_tick_rt() @ v4.14, from
 * every CPU's tick, interrupts off: when the slice is used up and
 * another task waits, the running one is to be switched out on the way
 * back from the interrupt.
 */
void scheduler_tick(bool user_tick)
{
	struct rq *rq = this_rq();
	struct task_struct *curr;

	spin_lock(&rq->lock);
	curr = rq->curr;
	if (user_tick)
		curr->utime++;
	else
		curr->stime++;
	if (curr != rq->idle && curr->time_slice && !--curr->time_slice) {
		curr->time_slice = RR_TIMESLICE;
		if (!list_empty(&rq->queue))
			set_tsk_need_resched(curr);
	}
	spin_unlock(&rq->lock);
}

/**
 * scheduler_ipi() - IPI_RESCHEDULE arrived
 *
 * kernel/sched/core.c: scheduler_ipi() @ v4.14: nothing to do here --
 * the sender set TIF_NEED_RESCHED, and the interrupt's return (or the
 * idle loop it woke) acts on it.
 */
void scheduler_ipi(void)
{
}

/**
 * cpu_curr() - the task running on a CPU
 * @cpu: the CPU
 *
 * Return: that CPU's rq->curr (a moment old).
 */
struct task_struct *cpu_curr(unsigned int cpu)
{
	return READ_ONCE(cpu_rq(cpu)->curr);
}

/**
 * idle_task() - a CPU's idle task
 * @cpu: the CPU
 *
 * kernel/sched/core.c: idle_task() @ v4.14.
 *
 * Return: swapper/@cpu.
 */
struct task_struct *idle_task(unsigned int cpu)
{
	return cpu_rq(cpu)->idle;
}

/**
 * cpu_nr_running() - the runnable tasks of a CPU, the running one included
 * @cpu: the CPU
 *
 * Return: rq->nr_running (a moment old).
 */
unsigned int cpu_nr_running(unsigned int cpu)
{
	return READ_ONCE(cpu_rq(cpu)->nr_running);
}

/**
 * cpu_nr_switches() - context switches a CPU made
 * @cpu: the CPU
 *
 * Return: rq->nr_switches.
 */
unsigned long cpu_nr_switches(unsigned int cpu)
{
	return READ_ONCE(cpu_rq(cpu)->nr_switches);
}

/**
 * get_task_state() - a task's state as ps shows it
 * @tsk: the task
 *
 * fs/proc/array.c: get_task_state() @ v4.14.
 *
 * Return: "R (running)", "S (sleeping)", ...
 */
const char *get_task_state(const struct task_struct *tsk)
{
	long state = READ_ONCE(tsk->state);

	if (tsk->exit_state & EXIT_ZOMBIE)
		return "Z (zombie)";
	if (tsk->exit_state & EXIT_DEAD || state == TASK_DEAD)
		return "X (dead)";
	if (state == TASK_RUNNING)
		return "R (running)";
	if (state & TASK_INTERRUPTIBLE)
		return "S (sleeping)";
	if (state & TASK_UNINTERRUPTIBLE)
		return "D (disk sleep)";
	return "T (stopped)";
}
