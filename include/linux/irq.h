/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_IRQ_H
#define _LINUX_IRQ_H

/*
 * include/linux/irq.h + irqdesc.h: one irq_desc per interrupt number, its
 * controller's irq_chip, its handler and per-CPU counts.  a9mm's numbers
 * are the GIC's own interrupt IDs (Linux maps them to virtual numbers
 * through an irq_domain; here "irq" and "hwirq" are the same):
 *
 *   0..15   SGIs: the IPIs (handle_IPI(), not irq_desc)
 *   16..31  PPIs: private to each CPU -- 27 global timer, 29 private timer (TWD)
 *   32..    SPIs: shared peripherals -- 37 = SPI 5, the PL011 UART
 */
#include <linux/interrupt.h>
#include <linux/types.h>
#include <asm/ptrace.h>

#define NR_IRQS 128

struct irq_data {
	unsigned int irq;
	struct irq_chip *chip;
};

/* include/linux/irq.h: struct irq_chip: what the controller does for one line */
struct irq_chip {
	const char *name;
	void (*irq_unmask)(struct irq_data *d);
	void (*irq_mask)(struct irq_data *d);
	void (*irq_eoi)(struct irq_data *d);
	bool (*irq_is_level)(struct irq_data *d); /* what /proc/interrupts says: Level or Edge */
};

/* kernel/irq.c */
void irq_set_chip(unsigned int irq, struct irq_chip *chip);
void handle_IRQ(unsigned int irq, struct pt_regs *regs);
unsigned int kstat_irqs_cpu(unsigned int irq, unsigned int cpu);
void show_interrupts(int (*print)(const char *fmt, ...));
extern void (*handle_arch_irq)(struct pt_regs *regs);
void set_handle_irq(void (*handle_irq)(struct pt_regs *regs));
extern unsigned long irq_err_count;

#endif
