/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_IRQCHIP_ARM_GIC_H
#define _LINUX_IRQCHIP_ARM_GIC_H

/*
 * include/linux/irqchip/arm-gic.h: the Cortex-A9's GIC (ARM Generic
 * Interrupt Controller architecture v1.0; register names from GICv2's
 * spec, which kept them).  One distributor for the cluster, one CPU
 * interface per CPU at the same address (each CPU sees its own).
 */
#define GIC_CPU_CTRL	 0x00 /* GICC_CTLR: forward interrupts to this CPU */
#define GIC_CPU_PRIMASK	 0x04 /* GICC_PMR: only priorities below this */
#define GIC_CPU_INTACK	 0x0c /* GICC_IAR: read = acknowledge the highest pending */
#define GIC_CPU_EOI	 0x10 /* GICC_EOIR: write = done with it */

#define GIC_DIST_CTRL	      0x000 /* GICD_CTLR */
#define GIC_DIST_CTR	      0x004 /* GICD_TYPER: ITLinesNumber [4:0] */
#define GIC_DIST_ENABLE_SET   0x100 /* GICD_ISENABLERn */
#define GIC_DIST_ENABLE_CLEAR 0x180 /* GICD_ICENABLERn */
#define GIC_DIST_PRI	      0x400 /* GICD_IPRIORITYRn, a byte per interrupt */
#define GIC_DIST_TARGET	      0x800 /* GICD_ITARGETSRn, a byte (CPU mask) per interrupt */
#define GIC_DIST_CONFIG	      0xc00 /* GICD_ICFGRn, 2 bits per interrupt: edge if bit 1 */
#define GIC_DIST_SOFTINT      0xf00 /* GICD_SGIR: raise an SGI on a CPU mask */

#define GICC_IAR_INT_ID_MASK	   0x3ff
#define GICC_INT_PRI_THRESHOLD	   0xf0
#define GICD_INT_DEF_PRI	   0xa0
#define GICD_INT_DEF_PRI_X4	   0xa0a0a0a0

/* drivers/irq-gic.c */
void gic_init(void);
void gic_secondary_init(void);

#endif
