// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/irq.c: interrupt handling above the controller, after
 * arch/arm/kernel/irq.c and kernel/irq/ (Linux 4.9): the irq_desc table,
 * request_irq(), the flow handlers and /proc/interrupts.
 *
 *   __irq_svc (entry-armv.S) -> handle_arch_irq = gic_handle_irq()
 *     -> an SGI:  handle_IPI()                     (kernel/smp.c)
 *     -> else:    handle_IRQ(irq) -> the driver's handler, counted on
 *                 this CPU -> the chip's irq_eoi()
 */
#include <linux/errno.h>
#include <linux/hardirq.h>
#include <linux/irq.h>
#include <linux/kernel.h>
#include <linux/percpu.h>
#include <linux/smp.h>
#include <linux/spinlock.h>
#include <asm/hardirq.h>
#include <asm/smp.h>

/* include/linux/irqdesc.h: struct irq_desc, reduced to one action per line */
struct irq_desc {
	struct irq_data irq_data;
	irq_handler_t handler;
	const char *name; /* the action's name, /proc/interrupts' last column */
	void *dev_id;
	void __percpu *percpu_dev_id;	   /* per-CPU interrupts: each CPU gets its own */
	unsigned int __percpu *kstat_irqs; /* how often, on each CPU */
};

static struct irq_desc irq_desc[NR_IRQS];
static DEFINE_SPINLOCK(irq_desc_lock);

DEFINE_PER_CPU(irq_cpustat_t, irq_stat);
unsigned long irq_err_count;
void (*handle_arch_irq)(struct pt_regs *regs);

/**
 * set_handle_irq() - the interrupt controller's top-level handler
 * @handle_irq: called by __irq_svc
 *
 * arch/arm/kernel/irq.c: set_handle_irq() @ v4.9: the controller's top-level handler
 */
void set_handle_irq(void (*handle_irq)(struct pt_regs *regs))
{
	if (!handle_arch_irq)
		handle_arch_irq = handle_irq;
}

/**
 * irq_set_chip() - the controller of an interrupt line
 * @irq: the line
 * @chip: its controller
 *
 * kernel/irq/chip.c: irq_set_chip() @ v4.9
 */
void irq_set_chip(unsigned int irq, struct irq_chip *chip)
{
	if (irq < NR_IRQS) {
		irq_desc[irq].irq_data.irq = irq;
		irq_desc[irq].irq_data.chip = chip;
	}
}

/* kernel/irq/manage.c: __setup_irq() @ v4.9, the part that matters with one action per line */
static int setup_irq(unsigned int irq, irq_handler_t handler, const char *name, void *dev_id,
		     void __percpu *percpu_dev_id)
{
	struct irq_desc *desc = &irq_desc[irq];
	unsigned int __percpu *kstat;
	unsigned long flags;
	int ret = 0;

	if (irq >= NR_IRQS || !desc->irq_data.chip || !handler) {
		pr_err("request_irq(%u, %s): no such interrupt line\n", irq, name);
		return -EINVAL;
	}
	kstat = alloc_percpu(unsigned int);
	if (!kstat)
		return -ENOMEM;
	spin_lock_irqsave(&irq_desc_lock, flags);
	if (desc->handler) {
		ret = -EBUSY; /* a9mm does not share lines */
	} else {
		desc->kstat_irqs = kstat;
		desc->name = name;
		desc->dev_id = dev_id;
		desc->percpu_dev_id = percpu_dev_id;
		smp_wmb(); /* all of it before the handler becomes visible to handle_IRQ() */
		desc->handler = handler;
	}
	spin_unlock_irqrestore(&irq_desc_lock, flags);
	if (ret) {
		pr_err("request_irq(%u, %s): already taken by %s\n", irq, name, desc->name);
		free_percpu(kstat);
	}
	return ret;
}

/**
 * request_irq() - install a handler for a shared peripheral interrupt
 * @irq: the GIC interrupt ID (32 and up)
 * @handler: runs in IRQ context, interrupts off
 * @flags: IRQF_* (none are needed here)
 * @name: what /proc/interrupts calls it
 * @dev_id: the handler's argument
 *
 * kernel/irq/manage.c: request_irq() @ v4.9; the line is unmasked.
 *
 * Return: 0, or -EINVAL (not an SPI this GIC has) or -EBUSY (the line has
 * a handler: a9mm does not share lines), reported.
 */
int request_irq(unsigned int irq, irq_handler_t handler, unsigned long flags, const char *name,
		void *dev_id)
{
	int ret = setup_irq(irq, handler, name, dev_id, NULL);

	if (!ret)
		irq_desc[irq].irq_data.chip->irq_unmask(&irq_desc[irq].irq_data);
	return ret;
}

/**
 * request_percpu_irq() - install a handler for a per-CPU interrupt
 * @irq: the GIC interrupt ID (a PPI, 16..31)
 * @handler: runs on each CPU with that CPU's copy of @percpu_dev_id
 * @name: what /proc/interrupts calls it
 * @percpu_dev_id: a per-CPU pointer
 *
 * kernel/irq/manage.c: request_percpu_irq() @ v4.9.  Each CPU then
 * enables its own copy of the line with enable_percpu_irq().
 *
 * Return: 0, or a negative errno as request_irq().
 */
int request_percpu_irq(unsigned int irq, irq_handler_t handler, const char *name,
		       void *percpu_dev_id)
{
	return setup_irq(irq, handler, name, NULL, percpu_dev_id);
}

/**
 * enable_percpu_irq() - unmask a per-CPU interrupt on this CPU
 * @irq: the line (a PPI)
 * @type: its trigger (the GIC keeps its own)
 *
 * kernel/irq/manage.c: enable_percpu_irq() @ v4.9: unmask the line on this CPU (PPIs are banked)
 */
void enable_percpu_irq(unsigned int irq, unsigned int type)
{
	if (irq < NR_IRQS && irq_desc[irq].irq_data.chip)
		irq_desc[irq].irq_data.chip->irq_unmask(&irq_desc[irq].irq_data);
}

/* arch/arm/include/asm/hw_irq.h: ack_bad_irq() @ v4.9: counted as "Err" */
static void ack_bad_irq(unsigned int irq)
{
	irq_err_count++;
	pr_crit("unexpected IRQ trap at vector %02x\n", irq);
}

/**
 * handle_IRQ() - run the handler of one interrupt on this CPU
 * @irq: the interrupt ID the GIC acknowledged
 * @regs: the interrupted context
 *
 * arch/arm/kernel/irq.c: handle_IRQ() @ v3.14 -> generic_handle_irq() ->
 * handle_fasteoi_irq() / handle_percpu_devid_irq(): count it, run the
 * action, end it at the controller (EOI) -- even a line nobody asked
 * for, or the GIC would never send it again.  Between irq_enter() and
 * irq_exit(), in_interrupt() is true (vfree() looks).
 */
void handle_IRQ(unsigned int irq, struct pt_regs *regs)
{
	struct irq_desc *desc = &irq_desc[irq < NR_IRQS ? irq : 0];
	struct pt_regs *old_regs = set_irq_regs(regs);
	irq_handler_t handler;

	irq_enter();
	if (irq >= NR_IRQS || !(handler = READ_ONCE(desc->handler))) {
		ack_bad_irq(irq);
	} else {
		smp_rmb();
		(*this_cpu_ptr(desc->kstat_irqs))++;
		handler((int)irq,
			desc->percpu_dev_id ? this_cpu_ptr(desc->percpu_dev_id) : desc->dev_id);
	}
	if (irq < NR_IRQS && desc->irq_data.chip)
		desc->irq_data.chip->irq_eoi(&desc->irq_data);
	irq_exit();
	set_irq_regs(old_regs);
}

/* include/asm-generic/irq_regs.h: __irq_regs @ v4.14, what the interrupt interrupted */
DEFINE_PER_CPU(struct pt_regs *, __irq_regs);

/**
 * kstat_irqs_cpu() - how often an interrupt was handled on a CPU
 * @irq: the line
 * @cpu: the CPU
 *
 * kernel/irq/irqdesc.c: kstat_irqs_cpu() @ v4.9
 *
 * Return: the count (0 for a line out of range).
 */
unsigned int kstat_irqs_cpu(unsigned int irq, unsigned int cpu)
{
	struct irq_desc *desc = &irq_desc[irq];

	return irq < NR_IRQS && desc->kstat_irqs ? READ_ONCE(*per_cpu_ptr(desc->kstat_irqs, cpu))
						 : 0;
}

/**
 * show_interrupts() - /proc/interrupts
 * @print: printf-like output function
 *
 * kernel/irq/proc.c: show_interrupts() @ v4.9, /proc/interrupts: a column
 * per online CPU; a line per requested interrupt (count on each CPU, the
 * chip, the hardware number, its trigger, the action's name); then ARM's
 * arch_show_interrupts(): the IPIs and the error count.
 */
void show_interrupts(int (*print)(const char *fmt, ...))
{
	const int prec = 3; /* digits for NR_IRQS < 1000 */
	unsigned int cpu;

	print("%*s", prec + 8, "");
	for_each_online_cpu(cpu)
		print("CPU%-8u", cpu);
	print("\n");
	for (unsigned int i = 0; i < NR_IRQS; i++) {
		struct irq_desc *desc = &irq_desc[i];
		struct irq_data *d = &desc->irq_data;

		if (!READ_ONCE(desc->handler))
			continue;
		print("%*u: ", prec, i);
		for_each_online_cpu(cpu)
			print("%10u ", kstat_irqs_cpu(i, cpu));
		print(" %8s", d->chip->name);
		print(" %*u", prec, i);
		print(" %-8s", d->chip->irq_is_level(d) ? "Level" : "Edge");
		print("  %s\n", desc->name);
	}
	show_ipi_list(print, prec);
	print("%*s: %10lu\n", prec, "Err", irq_err_count);
}
