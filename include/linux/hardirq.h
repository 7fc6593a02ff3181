/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_HARDIRQ_H
#define _LINUX_HARDIRQ_H

/*
 * include/linux/hardirq.h @ v4.14 (irq_enter() and irq_exit() live in
 * kernel/softirq.c there): entering and leaving interrupt context, what
 * in_interrupt() reports.  handle_IRQ() and handle_IPI() wrap every
 * handler in them, as Linux 3.14's handle_IRQ() does.
 */
#include <linux/preempt.h>

/* kernel/softirq.c: irq_enter() @ v4.14 */
static inline void irq_enter(void)
{
	this_cpu_write(__preempt_count, this_cpu_read(__preempt_count) + HARDIRQ_OFFSET);
}

/* kernel/softirq.c: irq_exit() @ v4.14 (no softirqs to run on the way out) */
static inline void irq_exit(void)
{
	this_cpu_write(__preempt_count, this_cpu_read(__preempt_count) - HARDIRQ_OFFSET);
}

#endif
