/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_EARLY_IOREMAP_H
#define _ASM_EARLY_IOREMAP_H

/*
 * include/asm-generic/early_ioremap.h @ v4.14: device registers before
 * ioremap() works (vmalloc_init()), through the fixmap's FIX_BTMAP slots
 * (asm/fixmap.h).  Meant for boot only: every early mapping is undone
 * with early_iounmap(), and check_early_ioremap_leak() says which were
 * not.  One CPU, before the others start: no lock.
 */
#include <linux/compiler.h>
#include <linux/types.h>

/* mm/early_ioremap.c */
void early_ioremap_init(void);
void __iomem *early_ioremap(phys_addr_t phys_addr, unsigned long size);
void early_iounmap(void __iomem *addr, unsigned long size);
void check_early_ioremap_leak(void);

#endif
