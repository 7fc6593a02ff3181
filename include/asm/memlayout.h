/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_MEMLAYOUT_H
#define _ASM_MEMLAYOUT_H

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

/* The default leaves 240 MiB of vmalloc space, as the seed's log shows. */
#define VMALLOC_DEFAULT_SIZE (240UL << 20)

#endif
