/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_PREEMPT_H
#define _LINUX_PREEMPT_H

/*
 * include/linux/preempt.h @ v4.14, the part a9mm has: preempt_count's
 * hardirq field, which says whether this CPU is inside an interrupt
 * handler.  a9mm preempts nothing, so the count holds nothing else; it
 * is per CPU (Linux keeps it in the running task's thread_info, and a
 * CPU here runs one task only).  irq_enter()/irq_exit()
 * (linux/hardirq.h) move it.
 */
#include <linux/percpu.h>

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

#endif
