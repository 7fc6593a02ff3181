// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/smp_call.c: the generic half of Linux's kernel/smp.c (4.x) and
 * init/main.c's smp_init(): running a function on other CPUs, and
 * bringing the CPUs up with nosmp / maxcpus=.
 *
 * Each CPU has a call_single_queue.  To run func on CPU n:
 *
 *   caller                                   CPU n (IPI_CALL_FUNC handler,
 *   csd = { func, info, LOCK }                      interrupts off)
 *   queue[n] += csd  (under its lock)
 *   IPI if queue[n] was empty   --------->   take the whole queue
 *   wait: csd LOCK clears?                   func(info); csd LOCK cleared
 *            <-----------------------------
 *
 * Linux 3.x kept the queue as a list under a spinlock (3.14 moved to a
 * lock-free llist); a9mm keeps the list: it is easier to read.
 */
#include <asm/smp.h>
#include <linux/cmdline.h>
#include <linux/errno.h>
#include <linux/init.h>
#include <linux/kallsyms.h>
#include <linux/kernel.h>
#include <linux/mmzone.h>
#include <linux/sched_clock.h>
#include <linux/smp.h>
#include <linux/spinlock.h>

#define CSD_FLAG_LOCK	     0x01
#define CSD_FLAG_SYNCHRONOUS 0x02

/* kernel/smp.c (3.x): struct call_single_queue */
struct call_single_queue {
	struct list_head list;
	spinlock_t lock;
};

/* kernel/smp.c: struct call_function_data: a caller's csds, one per target CPU */
struct call_function_data {
	struct call_single_data csd[NR_CPUS];
};

static DEFINE_PER_CPU(struct call_single_queue, call_single_queue);
static DEFINE_PER_CPU(struct call_function_data, cfd_data);
static DEFINE_PER_CPU(struct call_single_data, csd_data);

/**
 * call_function_init() - every possible CPU's empty call queue
 *
 * kernel/smp.c: call_function_init() @ v4.9, once the per-CPU areas
 * exist (the list heads point at themselves: per-CPU copies need their
 * own).
 */
void __init call_function_init(void)
{
	unsigned int cpu;

	for_each_possible_cpu(cpu) {
		struct call_single_queue *q = per_cpu_ptr(&call_single_queue, cpu);

		INIT_LIST_HEAD(&q->list);
		spin_lock_init(&q->lock);
	}
}

/*
 * kernel/smp.c: csd_lock_wait() @ v4.9: until the target has run it (WFE: its
 * unlock SEVs).  A target that never answers -- stuck with interrupts
 * off -- would leave the caller here for good: after five seconds that
 * is said once, as Linux 5.x's CSD lock debugging does.
 */
static void csd_lock_wait(struct call_single_data *csd)
{
	unsigned long loops = 0;
	bool said = false;
	u64 t0 = 0;

	while (READ_ONCE(csd->flags) & CSD_FLAG_LOCK) {
		wfe();
		if (said || ++loops % 4096)
			continue;
		if (!t0) {
			t0 = sched_clock();
		} else if (sched_clock() - t0 > 5000000000ULL) {
			char sym[96];

			sprint_symbol(sym, sizeof(sym), (unsigned long)csd->func);
			pr_emerg(
				"csd: CPU%u has waited 5 s for CPU%u to run %s: it does not answer IPIs\n",
				smp_processor_id(), csd->dst, sym);
			said = true;
		}
	}
	smp_mb();
}

/* kernel/smp.c: csd_lock() @ v4.9: take the csd (wait for its previous use to end) */
static void csd_lock(struct call_single_data *csd)
{
	csd_lock_wait(csd);
	csd->flags |= CSD_FLAG_LOCK;
	smp_wmb();
}

/* kernel/smp.c: csd_unlock() @ v4.9: func has run; the caller may go on */
static void csd_unlock(struct call_single_data *csd)
{
	smp_mb();
	WRITE_ONCE(csd->flags, csd->flags & ~CSD_FLAG_LOCK);
	dsb_sev();
}

/*
 * kernel/smp.c (3.x): generic_exec_single()'s queueing: add csd to cpu's
 * queue; an IPI is needed only if the queue was empty -- otherwise one
 * is on its way and the handler will find this csd too.
 */
static void csd_enqueue(unsigned int cpu, struct call_single_data *csd)
{
	struct call_single_queue *q = per_cpu_ptr(&call_single_queue, cpu);
	unsigned long flags;
	bool ipi;

	spin_lock_irqsave(&q->lock, flags);
	ipi = list_empty(&q->list);
	list_add_tail(&csd->list, &q->list);
	spin_unlock_irqrestore(&q->lock, flags);
	if (ipi)
		arch_send_call_function_single_ipi((int)cpu);
}

/**
 * generic_smp_call_function_interrupt() - run what was queued for this CPU
 *
 * kernel/smp.c: flush_smp_call_function_queue() @ v4.9, from handle_IPI().
 * A caller that waits (SYNCHRONOUS) is released after func returns; one
 * that does not, before (it may reuse its csd at once).
 */
void generic_smp_call_function_interrupt(void)
{
	struct call_single_queue *q = this_cpu_ptr(&call_single_queue);
	struct call_single_data *csd, *tmp;
	struct list_head list;

	spin_lock(&q->lock);
	list_replace_init(&q->list, &list);
	spin_unlock(&q->lock);
	list_for_each_entry_safe(csd, tmp, &list, list) {
		smp_call_func_t func = csd->func;
		void *info = csd->info;

		if (csd->flags & CSD_FLAG_SYNCHRONOUS) {
			func(info);
			csd_unlock(csd);
		} else {
			csd_unlock(csd);
			func(info);
		}
	}
}

/**
 * smp_call_function_single() - run func(info) on one CPU
 * @cpu: the CPU (this one: called directly, interrupts off)
 * @func: what to run; it runs with interrupts off and must not wait
 * @info: its argument
 * @wait: return only after it has run
 *
 * kernel/smp.c: smp_call_function_single() @ v4.9.  Interrupts must be
 * on (WARNs).  Preemption is off throughout (get_cpu()): this CPU's csd
 * must not be taken by another task on it meanwhile.
 *
 * Return: 0, or -ENXIO when @cpu is not online.
 */
int smp_call_function_single(int cpu, smp_call_func_t func, void *info, int wait)
{
	unsigned int this_cpu = get_cpu();
	struct call_single_data d, *csd = &d;
	unsigned long flags;

	WARN_ON(irqs_disabled());
	if ((unsigned int)cpu == this_cpu) {
		local_irq_save(flags);
		func(info);
		local_irq_restore(flags);
		put_cpu();
		return 0;
	}
	if ((unsigned int)cpu >= nr_cpu_ids || !cpu_online((unsigned int)cpu)) {
		put_cpu();
		return -ENXIO;
	}
	if (!wait)
		csd = this_cpu_ptr(&csd_data);
	else
		d.flags = 0;
	csd_lock(csd);
	csd->func = func;
	csd->info = info;
	csd->dst = (unsigned int)cpu;
	if (wait)
		csd->flags |= CSD_FLAG_SYNCHRONOUS;
	else
		csd->flags &= ~CSD_FLAG_SYNCHRONOUS;
	csd_enqueue((unsigned int)cpu, csd);
	if (wait)
		csd_lock_wait(csd);
	put_cpu();
	return 0;
}

/**
 * smp_call_function_many() - run func(info) on the online CPUs of mask
 * @mask: the CPUs (this one is skipped)
 * @func: what to run, with interrupts off, without waiting
 * @info: its argument
 * @wait: return only after all of them have run it
 *
 * kernel/smp.c: smp_call_function_many() @ v4.9: one csd per target from
 * this CPU's call_function_data, queued, then one IPI to all of them;
 * preemption off throughout (the caller's get_cpu() in Linux).
 */
void smp_call_function_many(const struct cpumask *mask, smp_call_func_t func, void *info, bool wait)
{
	unsigned int this_cpu = get_cpu(), cpu;
	struct call_function_data *cfd = this_cpu_ptr(&cfd_data);
	struct cpumask targets;

	WARN_ON(irqs_disabled());
	cpumask_clear(&targets);
	for_each_cpu(cpu, mask)
		if (cpu != this_cpu && cpu_online(cpu))
			cpumask_set_cpu(cpu, &targets);
	if (cpumask_empty(&targets)) {
		put_cpu();
		return;
	}
	for_each_cpu(cpu, &targets) {
		struct call_single_data *csd = &cfd->csd[cpu];
		struct call_single_queue *q = per_cpu_ptr(&call_single_queue, cpu);
		unsigned long flags;

		csd_lock(csd);
		csd->func = func;
		csd->info = info;
		csd->dst = cpu;
		if (wait)
			csd->flags |= CSD_FLAG_SYNCHRONOUS;
		else
			csd->flags &= ~CSD_FLAG_SYNCHRONOUS;
		spin_lock_irqsave(&q->lock, flags);
		list_add_tail(&csd->list, &q->list);
		spin_unlock_irqrestore(&q->lock, flags);
	}
	arch_send_call_function_ipi_mask(&targets);
	if (wait)
		for_each_cpu(cpu, &targets)
			csd_lock_wait(&cfd->csd[cpu]);
	put_cpu();
}

/**
 * smp_call_function() - run func(info) on every other online CPU
 * @func: what to run, interrupts off
 * @info: its argument
 * @wait: return after all have run it
 *
 * kernel/smp.c: smp_call_function() @ v4.9: every other online CPU.
 *
 * Return: 0.
 */
int smp_call_function(smp_call_func_t func, void *info, int wait)
{
	smp_call_function_many(cpu_online_mask, func, info, wait);
	return 0;
}

/**
 * on_each_cpu_mask() - run func(info) on the online CPUs of mask, this one included
 * @mask: the CPUs
 * @func: what to run, interrupts off
 * @info: its argument
 * @wait: return after all have run it
 *
 * kernel/smp.c: on_each_cpu_mask() @ v4.9: the others by IPI, this one (if in mask) directly
 */
void on_each_cpu_mask(const struct cpumask *mask, smp_call_func_t func, void *info, bool wait)
{
	unsigned long flags;

	preempt_disable(); /* the other CPUs, then this one: the same one */
	smp_call_function_many(mask, func, info, wait);
	if (cpumask_test_cpu(smp_processor_id(), mask)) {
		local_irq_save(flags);
		func(info);
		local_irq_restore(flags);
	}
	preempt_enable();
}

/**
 * on_each_cpu() - run func(info) on every online CPU
 * @func: what to run, interrupts off
 * @info: its argument
 * @wait: return after all have run it
 *
 * kernel/smp.c: on_each_cpu() @ v4.9: every online CPU, this one included.
 *
 * Return: 0.
 */
int on_each_cpu(smp_call_func_t func, void *info, int wait)
{
	on_each_cpu_mask(cpu_online_mask, func, info, wait);
	return 0;
}

/* init/main.c: setup_max_cpus: how many CPUs smp_init() may bring up */
unsigned int setup_max_cpus = NR_CPUS;

/* kernel/smp.c: nosmp: only the boot CPU */
static int __init nosmp(char *str)
{
	setup_max_cpus = 0;
	return 0;
}
early_param("nosmp", nosmp);

/* kernel/smp.c: maxcpus=N: at most N CPUs in all (0 as nosmp) */
static int __init maxcpus(char *str)
{
	unsigned int n;
	int err = str ? kstrtouint(str, 0, &n) : -EINVAL;

	if (err) {
		pr_warn("maxcpus=%s: %s, bringing up all of them\n", str ? str : "",
			err == -ERANGE ? "out of range for an unsigned int (ERANGE)"
				       : "expected a number of CPUs");
		return 0;
	}
	setup_max_cpus = n > NR_CPUS ? NR_CPUS : (unsigned int)n;
	return 0;
}
early_param("maxcpus", maxcpus);

/**
 * smp_init() - bring up the secondary CPUs
 *
 * kernel/smp.c: smp_init() + smp_announce() @ v4.9: every present CPU,
 * in order, until setup_max_cpus are online; a CPU that does not come
 * is reported by __cpu_up() and skipped.  Then smp_cpus_done().
 */
void __init smp_init(void)
{
	unsigned int cpu;

	pr_info("smp: Bringing up secondary CPUs ...\n");
	for_each_present_cpu(cpu) {
		if (num_online_cpus() >= setup_max_cpus)
			break;
		if (!cpu_online(cpu))
			__cpu_up(cpu);
	}
	pr_info("smp: Brought up %u node%s, %u CPU%s\n", nr_online_nodes,
		nr_online_nodes > 1 ? "s" : "", num_online_cpus(),
		num_online_cpus() > 1 ? "s" : "");
	smp_cpus_done(setup_max_cpus);
}
