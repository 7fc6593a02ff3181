/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_SCHED_H
#define _LINUX_SCHED_H

/*
 * include/linux/sched.h, what a kernel without a scheduler keeps of it:
 * each CPU runs one context, its idle task "swapper/N" (pid 0), which
 * runs the work queued for the CPU (kernel/workqueue.c) and otherwise
 * waits for an interrupt (kernel/idle.c).  Waiting for something --
 * a completion, console input -- is idling until it happens.
 */
#include <linux/types.h>
#include <linux/irqflags.h>

/* kernel/idle.c */
void cpu_startup_entry(void) __attribute__((noreturn));
void arch_cpu_idle(void);
bool cpu_in_idle(unsigned int cpu);

/* kernel/workqueue.c: is there work queued for this CPU? (Linux's need_resched()) */
bool need_resched(void);
void process_pending_work(void);

/*
 * cpu_idle_until(condition): what wait_event() and schedule() to the idle
 * task come to without a scheduler: run this CPU's queued work, and
 * otherwise WFI until an interrupt, until condition holds.  condition is
 * tested with interrupts off, and WFI wakes for an interrupt even with
 * them off (ARM ARM B1.8.13), so a wake-up between the test and the WFI
 * is not lost: whoever makes condition true must also interrupt this CPU
 * (an IPI from complete(), the UART's receive interrupt).  Interrupts
 * must be on when it is called; they are on when it returns.
 */
#define cpu_idle_until(condition)                   \
	do {                                        \
		for (;;) {                          \
			process_pending_work();     \
			local_irq_disable();        \
			if (condition) {            \
				local_irq_enable(); \
				break;              \
			}                           \
			if (need_resched())         \
				local_irq_enable(); \
			else                        \
				arch_cpu_idle();    \
		}                                   \
	} while (0)

#endif
