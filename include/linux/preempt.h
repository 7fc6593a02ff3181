/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_PREEMPT_H
#define _LINUX_PREEMPT_H

/*
 * include/linux/preempt.h @ v4.14 (CONFIG_PREEMPT): preempt_count, which
 * says whether the running task may lose its CPU right now:
 *
 *   bits  0-7  PREEMPT  preempt_disable() nesting: spinlocks held, and
 *                       schedule() itself
 *   bits 16-19 HARDIRQ  inside an interrupt handler (irq_enter/irq_exit)
 *
 * Zero means preemptible: an interrupt that finds TIF_NEED_RESCHED set
 * on its way back to such code switches task (__irq_svc ->
 * svc_preempt(), kernel/sched/core.c).  The count is per CPU, as x86
 * keeps it (ARM keeps it in thread_info): every task is switched out
 * inside __schedule() with the same count, so the count a CPU has is
 * the one of the task it runs.
 */
#include <linux/percpu.h>
#include <asm/thread_info.h>

#define PREEMPT_OFFSET 1UL
#define PREEMPT_MASK   0xffUL
#define HARDIRQ_SHIFT  16
#define HARDIRQ_OFFSET (1UL << HARDIRQ_SHIFT)
#define HARDIRQ_MASK   (0xfUL << HARDIRQ_SHIFT)

/* kernel/cpu.c */
DECLARE_PER_CPU(unsigned long, __preempt_count);

static inline unsigned long preempt_count(void)
{
	return this_cpu_read(__preempt_count);
}

#define hardirq_count() (preempt_count() & HARDIRQ_MASK)
#define in_irq()	(hardirq_count() != 0)
/* no softirqs, no NMIs here: in_interrupt() is in_irq() */
#define in_interrupt() (hardirq_count() != 0)
#define in_atomic()    (preempt_count() != 0)

#ifdef A9MM_HOST
#define preempt_disable()	    ((void)0)
#define preempt_enable()	    ((void)0)
#define preempt_enable_no_resched() ((void)0)
#else
/*
 * The count moves with interrupts on: an interrupt between the read and
 * the write leaves the count as it found it (its handler's irq_enter()
 * and irq_exit() balance), so the plain read-modify-write is safe.
 */
static inline void preempt_count_add(unsigned long val)
{
	this_cpu_write(__preempt_count, this_cpu_read(__preempt_count) + val);
	__asm__ volatile("" : : : "memory");
}

static inline void preempt_count_sub(unsigned long val)
{
	__asm__ volatile("" : : : "memory");
	this_cpu_write(__preempt_count, this_cpu_read(__preempt_count) - val);
}

/* kernel/sched/core.c: preempt_schedule() @ v4.14 */
void preempt_schedule(void);

/* include/linux/preempt.h: preempt_disable() @ v4.14 */
#define preempt_disable() preempt_count_add(PREEMPT_OFFSET)

/* include/linux/smp.h: get_cpu()/put_cpu() @ v4.14: this CPU, and stay on it */
#define get_cpu()                   \
	({                          \
		preempt_disable();  \
		smp_processor_id(); \
	})
#define put_cpu()		    preempt_enable()

/* include/linux/preempt.h: preempt_enable_no_resched() @ v4.14 */
#define preempt_enable_no_resched() preempt_count_sub(PREEMPT_OFFSET)

/*
 * include/linux/preempt.h: preempt_enable() @ v4.14: the last one out
 * switches task at once if an interrupt asked for it meanwhile.
 */
#define preempt_enable()                                                                        \
	do {                                                                                    \
		preempt_count_sub(PREEMPT_OFFSET);                                              \
		if ((current_thread_info()->flags & _TIF_NEED_RESCHED) && preempt_count() == 0) \
			preempt_schedule();                                                     \
	} while (0)
#endif

#endif
