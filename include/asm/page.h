/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_PAGE_H
#define _ASM_PAGE_H

/* arch/arm/include/asm/page.h @ v4.14: 4 KiB pages (ARM ARM B3.5.1, small page) */
#define PAGE_SHIFT 12
#define PAGE_SIZE  (1UL << PAGE_SHIFT)
#define PAGE_MASK  (~(PAGE_SIZE - 1))

#define PAGE_ALIGN(addr) ALIGN(addr, PAGE_SIZE)

/*
 * include/asm-generic/getorder.h: get_order() @ v4.14: the order of the
 * smallest block of pages that holds size bytes (size 0: undefined there,
 * order 0 here).
 */
static inline unsigned int get_order(unsigned long size)
{
	unsigned int order = 0;

	if (!size)
		return 0;
	size = (size - 1) >> PAGE_SHIFT;
	while (size) {
		order++;
		size >>= 1;
	}
	return order;
}

#endif
