/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_MEMORY_H
#define _ASM_MEMORY_H

/*
 * arch/arm/include/asm/memory.h: the fixed parts of the kernel's virtual
 * address map (3G/1G split).  Physical RAM's start (PHYS_OFFSET) is found at
 * run time by boot/head.S, as Linux's CONFIG_ARM_PATCH_PHYS_VIRT does, so
 * the same Image boots wherever the board puts RAM.
 *
 *   0xffff0000  vectors page (high vectors, SCTLR.V = 1)
 *   0xffc00000  fixmap .. 0xfff00000
 *   0xff000000  VMALLOC_END
 *        ...    vmalloc (starts 8 MiB above high_memory)
 *   high_memory end of lowmem (linear map of RAM up to arm_lowmem_limit)
 *   0xc0010000  kernel image (.text) = PAGE_OFFSET + TEXT_OFFSET
 *   0xc0000000  PAGE_OFFSET
 *   0xbfe00000  PKMAP_BASE (2 MiB of kmap slots)
 *   0xbf000000  MODULES_VADDR .. MODULES_END = PKMAP_BASE
 */

#define PAGE_OFFSET 0xc0000000UL
/* QEMU loads a raw Image 0x10000 above the start of RAM (hw/arm/boot.c). */
#define TEXT_OFFSET 0x00010000UL

#define SECTION_SHIFT 20
#define SECTION_SIZE  (1UL << SECTION_SHIFT)
#define PMD_SIZE      (1UL << 21)

#define MODULES_VADDR (PAGE_OFFSET - 0x01000000UL)
#define TASK_SIZE     MODULES_VADDR
#define MODULES_END   (PAGE_OFFSET - PMD_SIZE)
#define PKMAP_BASE    (PAGE_OFFSET - PMD_SIZE)

#define VMALLOC_OFFSET (8UL * 1024 * 1024)
#define VMALLOC_END    0xff000000UL
#define FIXADDR_START  0xffc00000UL
#define FIXADDR_END    0xfff00000UL
#define FIXADDR_TOP    (FIXADDR_END - PAGE_SIZE)
#define VECTORS_BASE   0xffff0000UL

/* Static I/O map set up by head.S and kept by devicemaps_init(). */
#define IO_MB_PHYS   0x10000000UL /* motherboard peripherals (CS7) */
#define IO_MB_VIRT   0xf8000000UL
#define IO_PRIV_PHYS 0x1e000000UL /* Cortex-A9 MPCore private region */
#define IO_PRIV_VIRT 0xf8200000UL

#ifndef __ASSEMBLY__

#include <linux/types.h>

/* Set by head.S from where the Image was really loaded. */
extern unsigned long __pv_phys_pfn_offset;
extern unsigned long __pv_offset;

#define PHYS_PFN_OFFSET (__pv_phys_pfn_offset)
#define PHYS_OFFSET	((phys_addr_t)__pv_phys_pfn_offset << 12)

/*
 * arch/arm/include/asm/memory.h: __virt_to_phys() and __phys_to_virt(),
 * the linear map: lowmem virtual = physical - PHYS_OFFSET + PAGE_OFFSET
 * (Linux patches the offset into the code at boot, a9mm reads a variable).
 */
static inline phys_addr_t __virt_to_phys(unsigned long x)
{
	return (phys_addr_t)(x - PAGE_OFFSET + PHYS_OFFSET);
}

static inline unsigned long __phys_to_virt(phys_addr_t x)
{
	return (u32)(x - PHYS_OFFSET + (u32)PAGE_OFFSET);
}

#define __phys_to_pfn(paddr) ((unsigned long)((paddr) >> 12))
#define __pfn_to_phys(pfn)   ((phys_addr_t)(pfn) << 12)

/*
 * __va/__pa turn addresses into pointers.  On the target that is the linear
 * map itself; the host unit tests back "physical memory" with a buffer and
 * translate into it (tests/unit/host_shim.c).
 */
#ifdef A9MM_HOST
void *a9mm_host_va(phys_addr_t pa);
phys_addr_t a9mm_host_pa(const void *p);
#define __va(x) a9mm_host_va((phys_addr_t)(x))
#define __pa(x) a9mm_host_pa((const void *)(x))
#else
#define __va(x) ((void *)__phys_to_virt((phys_addr_t)(x)))
#define __pa(x) __virt_to_phys((unsigned long)(x))
#endif

#define virt_to_pfn(kaddr) __phys_to_pfn(__pa(kaddr))

#endif /* __ASSEMBLY__ */
#endif
