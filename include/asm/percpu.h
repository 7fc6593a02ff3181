/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_PERCPU_H
#define _ASM_PERCPU_H

/*
 * arch/arm/include/asm/percpu.h (ARMv7): each CPU keeps the offset of its
 * per-CPU area in TPIDRPRW, the PL1-only software thread ID register
 * (ARM ARM B4.1.150: c13, opc2 4; user code can neither read nor write
 * it).  this_cpu_ptr(&var) is then &var + TPIDRPRW: one MRC and an add,
 * whichever CPU runs the code, from any mode.
 *
 * Its reset value is UNKNOWN: smp_setup_processor_id() zeroes it on the
 * boot CPU before the first per-CPU access, cpu_init() gives every CPU
 * its own value once the areas exist (mm/percpu.c).
 */
#include <linux/types.h>

#ifdef A9MM_HOST
/* The host tests switch "CPUs" by changing which offset a thread uses. */
extern unsigned long __per_cpu_offset[];
extern __thread unsigned int host_cpu;

static inline void set_my_cpu_offset(unsigned long off)
{
	(void)off; /* the host derives it from host_cpu */
}

static inline unsigned long __my_cpu_offset(void)
{
	return __per_cpu_offset[host_cpu];
}
#else
/* arch/arm/include/asm/percpu.h: set_my_cpu_offset() @ v4.9: write TPIDRPRW */
static inline void set_my_cpu_offset(unsigned long off)
{
	__asm__ volatile("mcr p15, 0, %0, c13, c0, 4" : : "r"(off) : "memory");
}

/* arch/arm/include/asm/percpu.h: __my_cpu_offset() @ v4.9: read TPIDRPRW */
static inline unsigned long __my_cpu_offset(void)
{
	unsigned long off;

	__asm__ volatile("mrc p15, 0, %0, c13, c0, 4" : "=r"(off));
	return off;
}
#endif

#endif
