/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_FIXMAP_H
#define _ASM_FIXMAP_H

/*
 * arch/arm/include/asm/fixmap.h + include/asm-generic/fixmap.h @ v4.14: virtual
 * pages whose address is a compile-time constant and whose target is set
 * at run time.  Slot x lives at FIXADDR_TOP - x pages, counting down:
 *
 *   0xfff00000  FIXADDR_END
 *   0xffeff000  FIXADDR_TOP          slot 0 = FIX_KMAP_BEGIN
 *   0xffefe000                       slot 1
 *      ...                           KM_TYPE_NR slots per CPU, for
 *   0xffec0000  FIX_KMAP_END         kmap_atomic() (mm/highmem.c)
 *      ...                           (unused)
 *   0xffc00000  FIXADDR_START
 *
 * The kmap slots all fall in the 2 MiB pgd entry at 0xffe00000, whose pte
 * table also holds the vectors page at 0xffff0000 (devicemaps_init()
 * creates it); kmap_init() gives the one at FIXADDR_START a table too.
 */
#include <linux/threads.h>
#include <asm/memory.h>
#include <asm/page.h>

/* arch/arm/include/asm/kmap_types.h @ v4.14: nested kmap_atomic()s per CPU */
#define KM_TYPE_NR 16

enum fixed_addresses {
	FIX_KMAP_BEGIN,
	FIX_KMAP_END = FIX_KMAP_BEGIN + (KM_TYPE_NR * NR_CPUS) - 1,
	__end_of_fixed_addresses
};

#define __fix_to_virt(x) (FIXADDR_TOP - ((unsigned long)(x) << PAGE_SHIFT))
#define __virt_to_fix(x) ((FIXADDR_TOP - ((x)&PAGE_MASK)) >> PAGE_SHIFT)

#endif
