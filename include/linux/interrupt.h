/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_INTERRUPT_H
#define _LINUX_INTERRUPT_H

/*
 * include/linux/interrupt.h: a driver asks for its interrupt line with
 * request_irq() (a shared peripheral interrupt: one device, routed to one
 * CPU) or request_percpu_irq() (a private one, such as each CPU's own
 * timer: the same number on every CPU, one dev_id per CPU), and its
 * handler runs in IRQ context with interrupts off.
 */
#include <linux/types.h>

typedef enum irqreturn {
	IRQ_NONE = 0,	 /* not ours */
	IRQ_HANDLED = 1, /* handled */
} irqreturn_t;

typedef irqreturn_t (*irq_handler_t)(int irq, void *dev_id);

/* include/linux/irq.h: trigger types, as the device tree's third interrupt cell */
#define IRQ_TYPE_EDGE_RISING 0x1
#define IRQ_TYPE_LEVEL_HIGH  0x4

/* kernel/irq.c */
int request_irq(unsigned int irq, irq_handler_t handler, unsigned long flags, const char *name,
		void *dev_id);
int request_percpu_irq(unsigned int irq, irq_handler_t handler, const char *name,
		       void *percpu_dev_id);
void enable_percpu_irq(unsigned int irq, unsigned int type);

#endif
