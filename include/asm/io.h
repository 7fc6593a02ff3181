/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_IO_H
#define _ASM_IO_H

#include <linux/types.h>

/*
 * arch/arm/include/asm/io.h @ v4.14: device registers through volatile accesses,
 * with barriers so a register write is not reordered past the next access
 * (device memory is already strongly ordered with respect to itself).
 */
static inline u32 readl(unsigned long addr)
{
	u32 v = *(volatile u32 *)addr;

	__asm__ volatile("dmb" ::: "memory");
	return v;
}

static inline void writel(u32 val, unsigned long addr)
{
	__asm__ volatile("dmb" ::: "memory");
	*(volatile u32 *)addr = val;
}

#endif
