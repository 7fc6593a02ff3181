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

struct pt_regs;

/*
 * include/asm-generic/irq_regs.h @ v4.14: the registers the running
 * interrupt interrupted (the tick asks whether it was user mode)
 */
DECLARE_PER_CPU(struct pt_regs *, __irq_regs);

static inline struct pt_regs *get_irq_regs(void)
{
	return this_cpu_read(__irq_regs);
}

static inline struct pt_regs *set_irq_regs(struct pt_regs *new_regs)
{
	struct pt_regs *old = this_cpu_read(__irq_regs);

	this_cpu_write(__irq_regs, new_regs);
	return old;
}

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
