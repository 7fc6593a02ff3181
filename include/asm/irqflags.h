/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_IRQFLAGS_H
#define _ASM_IRQFLAGS_H

/*
 * arch/arm/include/asm/irqflags.h (ARMv6+): the CPSR's I bit masks IRQs on
 * this CPU only (ARM ARM B1.3.3).  CPSID i / CPSIE i change it in one
 * instruction; "flags" is the whole CPSR as it was, so a restore puts back
 * exactly what the caller had -- nesting works.
 *
 * The host tests have no interrupts: a per-thread word stands in for the
 * I bit, so code that asserts "IRQs are off here" can still be checked.
 */
#include <linux/compiler.h>
#include <linux/types.h>
#include <asm/ptrace.h>

#ifdef A9MM_HOST
extern __thread unsigned long host_cpsr_i;

static inline unsigned long arch_local_irq_save(void)
{
	unsigned long flags = host_cpsr_i;

	host_cpsr_i = PSR_I_BIT;
	return flags;
}

static inline void arch_local_irq_restore(unsigned long flags)
{
	host_cpsr_i = flags & PSR_I_BIT;
}

static inline unsigned long arch_local_save_flags(void)
{
	return host_cpsr_i;
}

static inline void arch_local_irq_enable(void)
{
	host_cpsr_i = 0;
}

static inline void arch_local_irq_disable(void)
{
	host_cpsr_i = PSR_I_BIT;
}
#else
static inline unsigned long arch_local_irq_save(void)
{
	unsigned long flags;

	__asm__ volatile("mrs	%0, cpsr\n\tcpsid	i" : "=r"(flags) : : "memory", "cc");
	return flags;
}

static inline void arch_local_irq_restore(unsigned long flags)
{
	__asm__ volatile("msr	cpsr_c, %0" : : "r"(flags) : "memory", "cc");
}

static inline unsigned long arch_local_save_flags(void)
{
	unsigned long flags;

	__asm__ volatile("mrs	%0, cpsr" : "=r"(flags) : : "memory", "cc");
	return flags;
}

static inline void arch_local_irq_enable(void)
{
	__asm__ volatile("cpsie i" : : : "memory", "cc");
}

static inline void arch_local_irq_disable(void)
{
	__asm__ volatile("cpsid i" : : : "memory", "cc");
}
#endif

static inline bool arch_irqs_disabled_flags(unsigned long flags)
{
	return flags & PSR_I_BIT;
}

#endif
