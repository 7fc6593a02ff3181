/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_HARDIRQ_H
#define _ASM_HARDIRQ_H

/*
 * arch/arm/include/asm/hardirq.h: irq_cpustat_t, per-CPU interrupt
 * statistics -- here how many IPIs of each kind this CPU received, which
 * /proc/interrupts shows as the IPIn lines.
 */
#include <linux/percpu.h>
#include <asm/smp.h>

typedef struct {
	unsigned int ipi_irqs[NR_IPI];
} irq_cpustat_t;

DECLARE_PER_CPU(irq_cpustat_t, irq_stat);

#endif
