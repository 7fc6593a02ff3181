/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_COMPILER_H
#define _LINUX_COMPILER_H

/*
 * include/linux/compiler.h: what the compiler must not do to memory other
 * CPUs (or interrupt handlers) touch.  barrier() stops the compiler moving
 * accesses across it; READ_ONCE/WRITE_ONCE make one access exactly, not
 * cached in a register, torn or repeated.  Neither orders anything for
 * other CPUs: that is what the barriers of asm/barrier.h are for.
 */
#define barrier() __asm__ volatile("" : : : "memory")

#define READ_ONCE(x)	   (*(const volatile __typeof__(x) *)&(x))
#define WRITE_ONCE(x, val) (*(volatile __typeof__(x) *)&(x) = (val))

/* include/linux/compiler_types.h: a per-CPU pointer (documentation only here) */
#define __percpu

/*
 * include/linux/compiler_types.h: a pointer to device registers, only for
 * readl()/writel() (documentation only here: Linux's sparse checks it)
 */
#define __iomem

#endif
