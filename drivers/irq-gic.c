// SPDX-License-Identifier: GPL-2.0
/*
 * drivers/irq-gic.c: drivers/irqchip/irq-gic.c (Linux 4.9) for the
 * Cortex-A9 MPCore's interrupt controller.
 *
 *   distributor (one)        every interrupt: enabled?  priority, target
 *                            CPUs (SPIs), trigger; raises SGIs
 *   CPU interface (per CPU)  hands this CPU its highest pending interrupt
 *                            (IAR read = acknowledge), takes the EOI
 *
 * gic_init() sets up the distributor and the boot CPU's interface;
 * gic_secondary_init() each other CPU's (its SGI/PPI enables and
 * priorities are banked: every CPU has its own).  SPIs go to the boot CPU.
 */
#include <asm/io.h>
#include <asm/smp.h>
#include <linux/init.h>
#include <linux/irq.h>
#include <linux/irqchip/arm-gic.h>
#include <linux/kernel.h>
#include <linux/smp.h>
#include <mach/vexpress.h>

#define NR_GIC_CPU_IF 8

static unsigned int gic_irqs;
/* gic_init() ioremap()s both; the CPU interface is banked: one address, each CPU its own */
static u8 __iomem *gic_dist_base, *gic_cpu_base;

/*
 * drivers/irqchip/irq-gic.c: gic_cpu_map[]: the GIC's CPU-interface mask
 * of each logical CPU, learnt by the CPU itself in gic_cpu_init().  Until
 * then 0xff: an SGI for a CPU not yet up (the wake-up) goes to every
 * interface not claimed by another CPU.
 */
static u8 gic_cpu_map[NR_GIC_CPU_IF] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };

static void gic_mask_irq(struct irq_data *d)
{
	writel(1U << (d->irq % 32), gic_dist_base + GIC_DIST_ENABLE_CLEAR + (d->irq / 32) * 4);
}

static void gic_unmask_irq(struct irq_data *d)
{
	writel(1U << (d->irq % 32), gic_dist_base + GIC_DIST_ENABLE_SET + (d->irq / 32) * 4);
}

static void gic_eoi_irq(struct irq_data *d)
{
	writel(d->irq, gic_cpu_base + GIC_CPU_EOI);
}

/* read back, not remembered: bit 1 of the line's GICD_ICFGR field (1 = edge) */
static bool gic_irq_is_level(struct irq_data *d)
{
	u32 cfg = readl(gic_dist_base + GIC_DIST_CONFIG + (d->irq / 16) * 4);

	return !(cfg & (2U << ((d->irq % 16) * 2)));
}

static struct irq_chip gic_chip = {
	.name = "GIC",
	.irq_mask = gic_mask_irq,
	.irq_unmask = gic_unmask_irq,
	.irq_eoi = gic_eoi_irq,
	.irq_is_level = gic_irq_is_level,
};

/*
 * drivers/irqchip/irq-gic.c: gic_handle_irq() @ v4.9: acknowledge and
 * handle until nothing is pending (IAR reads 1023, spurious).  An SGI is
 * ended before it is handled, so another can be raised meanwhile.
 */
static void gic_handle_irq(struct pt_regs *regs)
{
	for (;;) {
		u32 irqstat = readl(gic_cpu_base + GIC_CPU_INTACK);
		u32 irqnr = irqstat & GICC_IAR_INT_ID_MASK;

		if (likely(irqnr > 15 && irqnr < 1020)) {
			handle_IRQ(irqnr, regs);
			continue;
		}
		if (irqnr < 16) {
			writel(irqstat, gic_cpu_base + GIC_CPU_EOI);
			handle_IPI((int)irqnr, regs);
			continue;
		}
		break;
	}
}

/*
 * drivers/irqchip/irq-gic.c: gic_raise_softirq() @ v4.9: one GICD_SGIR
 * write raises the SGI on every CPU interface in the target list.  The
 * DMB first: what this CPU stored for the targets (a queued call, a
 * pen_release) must be visible before they take the interrupt.
 */
static void gic_raise_softirq(const struct cpumask *mask, unsigned int irq)
{
	unsigned long map = 0;
	unsigned int cpu;

	for_each_cpu(cpu, mask)
		map |= gic_cpu_map[cpu];
	smp_wmb();
	writel((u32)(map << 16) | irq, gic_dist_base + GIC_DIST_SOFTINT);
}

/*
 * drivers/irqchip/irq-gic.c: gic_get_cpumask() @ v4.9: ITARGETSR0..7 read back,
 * for SGIs and PPIs, the reading CPU's own interface bit.
 */
static u8 gic_get_cpumask(void)
{
	u32 mask = 0;

	for (unsigned int i = 0; i < 32; i += 4) {
		mask = readl(gic_dist_base + GIC_DIST_TARGET + i);
		mask |= mask >> 16;
		mask |= mask >> 8;
		if (mask)
			break;
	}
	return (u8)mask;
}

/*
 * drivers/irqchip/irq-gic.c: gic_dist_init() + gic_dist_config() @ v4.9:
 * with the distributor off, every SPI to this CPU, level-triggered, at
 * the default priority, disabled; then on.
 */
static void __init gic_dist_init(void)
{
	u32 cpumask = gic_get_cpumask();

	cpumask |= cpumask << 8;
	cpumask |= cpumask << 16;
	writel(0, gic_dist_base + GIC_DIST_CTRL);
	for (unsigned int i = 32; i < gic_irqs; i += 4)
		writel(cpumask, gic_dist_base + GIC_DIST_TARGET + i);
	for (unsigned int i = 32; i < gic_irqs; i += 16)
		writel(0, gic_dist_base + GIC_DIST_CONFIG + i / 4);
	for (unsigned int i = 32; i < gic_irqs; i += 4)
		writel(GICD_INT_DEF_PRI_X4, gic_dist_base + GIC_DIST_PRI + i);
	for (unsigned int i = 32; i < gic_irqs; i += 32)
		writel(~0U, gic_dist_base + GIC_DIST_ENABLE_CLEAR + i / 8);
	writel(1, gic_dist_base + GIC_DIST_CTRL);
}

/*
 * drivers/irqchip/irq-gic.c: gic_cpu_init() @ v4.9: this CPU's interface
 * bit; its PPIs off and SGIs on, their priorities; then the interface
 * accepts everything above GICC_INT_PRI_THRESHOLD.
 */
static void gic_cpu_init(void)
{
	unsigned int cpu = smp_processor_id();
	u8 mask = gic_get_cpumask();

	gic_cpu_map[cpu] = mask;
	for (unsigned int i = 0; i < NR_GIC_CPU_IF; i++)
		if (i != cpu)
			gic_cpu_map[i] &= (u8)~mask;
	writel(0xffff0000, gic_dist_base + GIC_DIST_ENABLE_CLEAR);
	writel(0x0000ffff, gic_dist_base + GIC_DIST_ENABLE_SET);
	for (unsigned int i = 0; i < 32; i += 4)
		writel(GICD_INT_DEF_PRI_X4, gic_dist_base + GIC_DIST_PRI + i);
	writel(GICC_INT_PRI_THRESHOLD, gic_cpu_base + GIC_CPU_PRIMASK);
	writel(1, gic_cpu_base + GIC_CPU_CTRL);
}

/**
 * gic_init() - the distributor and the boot CPU's interface
 *
 * drivers/irqchip/irq-gic.c: gic_init_bases() @ v4.9, from init_IRQ():
 * how many lines (GICD_TYPER), the distributor, this CPU, the chip for
 * every PPI and SPI; IPIs and the top-level handler go through it.
 */
void __init gic_init(void)
{
	u32 typer;

	/* drivers/irqchip/irq-gic.c: gic_of_init() -> of_iomap() @ v4.9 */
	gic_dist_base = ioremap(A9_GIC_DIST_PHYS, A9_GIC_DIST_SIZE);
	gic_cpu_base = ioremap(A9_GIC_CPU_PHYS, A9_GIC_CPU_SIZE);
	if (!gic_dist_base || !gic_cpu_base)
		panic("GIC: cannot ioremap the distributor (0x%08lx) or the CPU interface (0x%08lx)",
		      A9_GIC_DIST_PHYS, A9_GIC_CPU_PHYS);
	typer = readl(gic_dist_base + GIC_DIST_CTR);
	gic_irqs = 32 * ((typer & 0x1f) + 1);
	if (gic_irqs > 1020)
		gic_irqs = 1020;
	if (gic_irqs > NR_IRQS)
		gic_irqs = NR_IRQS;
	gic_dist_init();
	gic_cpu_init();
	for (unsigned int irq = 16; irq < gic_irqs; irq++)
		irq_set_chip(irq, &gic_chip);
	set_smp_cross_call(gic_raise_softirq);
	set_handle_irq(gic_handle_irq);
	pr_debug("GIC: %u interrupt lines, CPU interface mask 0x%02x\n", gic_irqs,
		 gic_cpu_map[smp_processor_id()]);
}

/**
 * gic_secondary_init() - a starting CPU's own interface
 *
 * drivers/irqchip/irq-gic.c: gic_starting_cpu() @ v4.9, from
 * secondary_start_kernel().
 */
void gic_secondary_init(void)
{
	gic_cpu_init();
}
