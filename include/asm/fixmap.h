/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_FIXMAP_H
#define _ASM_FIXMAP_H

/*
 * arch/arm/include/asm/fixmap.h + include/asm-generic/fixmap.h @ v4.14: virtual
 * pages whose address is a compile-time constant and whose target is set
 * at run time.  Slot x lives at FIXADDR_TOP - x pages, counting down:
 *
 *   0xfff00000  FIXADDR_END
 *   0xffeff000  FIXADDR_TOP          slot 0 = FIX_EARLYCON_MEM_BASE: the
 *                                    early console (earlycon), until the
 *                                    console is ioremap()ped
 *   0xffefe000                       slot 1 = FIX_KMAP_BEGIN
 *      ...                           KM_TYPE_NR slots per CPU, for
 *   0xffebf000  FIX_KMAP_END         kmap_atomic() (mm/highmem.c)
 *   0xffebe000  FIX_BTMAP_END        early_ioremap()'s 7 slots of 16 pages
 *      ...                           (mm/early_ioremap.c): devices before
 *   0xffe4f000  FIX_BTMAP_BEGIN      vmalloc_init(), when ioremap() cannot
 *      ...                           (unused)
 *   0xffc00000  FIXADDR_START
 *
 * Every slot in use falls in the 2 MiB pgd entry at 0xffe00000, whose pte
 * table -- bm_pte, in the kernel image -- early_fixmap_init() installs as
 * the kernel's first C code, so the console has a mapping from the first
 * printk on; the vectors page at 0xffff0000 shares the table.
 * kmap_init() gives the pgd entry at FIXADDR_START a table too.
 *
 * Linux 4.14 lets the early_ioremap() slots overlap the kmap_atomic()
 * ones (early_ioremap() is over before kmap_atomic() starts there); a9mm
 * keeps its early mappings until the drivers ioremap() their devices,
 * after mem_init(), so the two get slots of their own.
 */
#include <linux/threads.h>
#include <asm/map.h>
#include <asm/memory.h>
#include <asm/page.h>

/* arch/arm/include/asm/kmap_types.h @ v4.14: nested kmap_atomic()s per CPU */
#define KM_TYPE_NR 16

/* include/asm-generic/early_ioremap.h @ v4.14 (Linux: 32 pages per slot) */
#define NR_FIX_BTMAPS	 16
#define FIX_BTMAPS_SLOTS 7
#define TOTAL_FIX_BTMAPS (NR_FIX_BTMAPS * FIX_BTMAPS_SLOTS)

enum fixed_addresses {
	FIX_EARLYCON_MEM_BASE,
	__end_of_permanent_fixed_addresses,

	FIX_KMAP_BEGIN = __end_of_permanent_fixed_addresses,
	FIX_KMAP_END = FIX_KMAP_BEGIN + (KM_TYPE_NR * NR_CPUS) - 1,

	FIX_BTMAP_END,
	FIX_BTMAP_BEGIN = FIX_BTMAP_END + TOTAL_FIX_BTMAPS - 1,
	__end_of_fixed_addresses
};

#define __fix_to_virt(x) (FIXADDR_TOP - ((unsigned long)(x) << PAGE_SHIFT))
#define __virt_to_fix(x) ((FIXADDR_TOP - ((x)&PAGE_MASK)) >> PAGE_SHIFT)

/* mm/mmu.c */
void early_fixmap_init(void);
void __set_fixmap(enum fixed_addresses idx, phys_addr_t phys, pteval_t prot);

/* include/asm-generic/fixmap.h: set_fixmap_io(), clear_fixmap() @ v4.14 */
#define set_fixmap_io(idx, phys) __set_fixmap(idx, phys, mem_types[MT_DEVICE].prot_pte)
#define clear_fixmap(idx)	 __set_fixmap(idx, 0, 0)

#endif
