/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_IO_H
#define _ASM_IO_H

/*
 * arch/arm/include/asm/io.h @ v4.14: device registers through volatile
 * accesses, with barriers so a register write is not reordered past the
 * next access (device memory is already strongly ordered with respect
 * to itself), and ioremap(), which gives device registers a virtual
 * address in vmalloc space (mm/ioremap.c).  A driver keeps the address
 * ioremap() gave as a void __iomem * and adds register offsets to it.
 */
#include <linux/compiler.h>
#include <linux/types.h>

/* arch/arm/include/asm/io.h: readl() @ v4.14: a 32-bit load, then a barrier */
static inline u32 readl(const volatile void __iomem *addr)
{
	u32 v = *(const volatile u32 __iomem *)addr;

	__asm__ volatile("dmb" ::: "memory");
	return v;
}

/* arch/arm/include/asm/io.h: writel() @ v4.14: a barrier, then a 32-bit store */
static inline void writel(u32 val, volatile void __iomem *addr)
{
	__asm__ volatile("dmb" ::: "memory");
	*(volatile u32 __iomem *)addr = val;
}

/*
 * arch/arm/include/asm/io.h: readl_relaxed() @ v4.14: the load alone.  Device
 * memory keeps a device's accesses in order among themselves; only the
 * order against normal memory (a DMA buffer) needs readl()'s barrier.
 */
static inline u32 readl_relaxed(const volatile void __iomem *addr)
{
	return *(const volatile u32 __iomem *)addr;
}

/* arch/arm/include/asm/io.h: writel_relaxed() @ v4.14: the store alone */
static inline void writel_relaxed(u32 val, volatile void __iomem *addr)
{
	*(volatile u32 __iomem *)addr = val;
}

/* mm/ioremap.c */
void __iomem *__arm_ioremap_caller(phys_addr_t phys_addr, size_t size, unsigned int mtype,
				   void *caller);
void __iomem *ioremap(phys_addr_t res_cookie, size_t size);
void iounmap(volatile void __iomem *io_addr);

#endif
