/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_IRQFLAGS_H
#define _LINUX_IRQFLAGS_H

/*
 * include/linux/irqflags.h: interrupts on and off for this CPU.  Code that
 * shares data with an interrupt handler on the same CPU (the per-CPU page
 * lists, the console's input buffer) runs between local_irq_save() and
 * local_irq_restore(); other CPUs are kept out by spinlocks.
 */
#include <linux/types.h>
#include <asm/irqflags.h>

#define local_irq_save(flags)	 ((flags) = arch_local_irq_save())
#define local_irq_restore(flags) arch_local_irq_restore(flags)
#define local_irq_enable()	 arch_local_irq_enable()
#define local_irq_disable()	 arch_local_irq_disable()
#define irqs_disabled()		 arch_irqs_disabled_flags(arch_local_save_flags())

#endif
