/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_MEMLAYOUT_H
#define _ASM_MEMLAYOUT_H

/*
 * asm/memlayout.h: a9mm's memory map in one place, in the spirit of xv6's
 * kernel/memlayout.h -- the board's physical map and the kernel's virtual
 * map, drawn, with every fixed address defined here once.  Only #defines
 * of plain numbers, so boot/head.S includes it too (through asm/memory.h);
 * asm/memory.h, asm/fixmap.h, asm/highmem.h, mach/vexpress.h and mm/mmu.c
 * build on these names, and linker.ld checks its PAGE_OFFSET and
 * TEXT_OFFSET against them.  Linux keeps the same facts in
 * arch/arm/include/asm/memory.h @ v4.14, fixmap.h, highmem.h and
 * arch/arm/mach-vexpress.
 *
 * Physical: QEMU's vexpress-a9 (hw/arm/vexpress.c: the "legacy"
 * motherboard map and the Cortex-A9 daughterboard), at -m 1024M:
 *
 *   0xffffffff +-------------------------------------+
 *              :                                     :
 *   0xa0000000 +-------------------------------------+ end of the RAM window
 *              | RAM: -m bytes, at most 1 GiB        |
 *   0x68000000 |   DTB at RAM + min(RAM/2, 128 MiB)  | (QEMU, hw/arm/boot.c)
 *   0x60010000 |   Image at RAM + TEXT_OFFSET        |
 *   0x6000c000 |   swapper_pg_dir, the 16 KiB below  |
 *   0x60000000 +-------------------------------------+ PHYS_OFFSET (head.S finds it)
 *              :                                     :
 *   0x4f000000 | CS3: USB (0x4f..), ethernet (0x4e..)|
 *   0x4c000000 | CS3: video RAM                      |
 *   0x48000000 | CS2: SRAM                           |
 *   0x44000000 | CS1: NOR flash 1                    |
 *   0x40000000 | CS0: NOR flash 0                    |
 *              :                                     :
 *   0x1e000000 | Cortex-A9 MPCore private region     | A9_MPCORE_PHYS:
 *              |   +0x0000 SCU     +0x0100 GIC CPU interface
 *              |   +0x0200 global timer  +0x0600 private timers
 *              |   +0x1000 GIC distributor  (PL310 L2 cache at 0x1e00a000)
 *   0x10020000 | daughterboard peripherals (CLCD, SP804 timers, ...)
 *   0x10000000 | CS7: motherboard peripherals        |
 *              |   +0x00000 system registers (SYS_FLAGS, SYS_CFGCTRL, SYS_MCI)
 *              |   +0x05000 PL181 MMCI, the SD card slot (mmc0)
 *              |   +0x09000 PL011 UART0, the console (ttyAMA0)
 *              :                                     :
 *   0x04000000 +-------------------------------------+
 *              | the first 64 MiB of RAM, aliased    |
 *   0x00000000 +-------------------------------------+
 *
 * Virtual: the kernel's 4 GiB as paging_init() leaves it (3G/1G split,
 * Linux's layout; the addresses that move are those for -m 1024M):
 *
 *   0xffffffff +-------------------------------------+
 *   0xffff0000 | vectors page (SCTLR.V = 1)          | VECTORS_BASE
 *              :                                     :
 *   0xfff00000 +-------------------------------------+ FIXADDR_END
 *              | fixmap: the early console, the      | asm/fixmap.h
 *              | kmap_atomic() and early_ioremap()   |
 *              | slots                               |
 *   0xffc00000 +-------------------------------------+ FIXADDR_START
 *              :                                     :
 *   0xff000000 +-------------------------------------+ VMALLOC_END
 *              | vmalloc space: vmalloc(), vmap()    | mm/vmalloc.c draws it
 *              | and ioremap() areas, each followed  |
 *              | by a guard page; the devices' here  |
 *              | once their drivers ioremap() them   |
 *   0xf0000000 +-------------------------------------+ VMALLOC_START: high_memory
 *              : 8 MiB guard gap (VMALLOC_OFFSET)    :   + 8 MiB, 8 MiB aligned
 *   0xef800000 +-------------------------------------+ high_memory (vmalloc= moves it)
 *              | lowmem: RAM up to arm_lowmem_limit, |
 *              | linear: VA = PA - PHYS_OFFSET       |
 *              |              + PAGE_OFFSET          |
 *   0xc0010000 |   the kernel image                  | PAGE_OFFSET + TEXT_OFFSET
 *   0xc000c000 |   swapper_pg_dir                    |
 *   0xc0000000 +-------------------------------------+ PAGE_OFFSET
 *              | pkmap: kmap() slots (2 MiB)         | PKMAP_BASE = MODULES_END
 *   0xbfe00000 +-------------------------------------+
 *              | modules (unused: a9mm has none)     |
 *   0xbf000000 +-------------------------------------+ MODULES_VADDR = TASK_SIZE
 *              | user space (nothing mapped; VA 0    |
 *              | faults, head.S's identity map gone) |
 *   0x00000000 +-------------------------------------+
 *
 * HighMem -- the RAM above arm_lowmem_limit (PA 0x8f800000 here) -- has
 * no permanent virtual address: kmap() and kmap_atomic() lend it one.
 */

/* --- physical --- */

/* vexpress-a9 has room for 1 GiB of RAM above PHYS_OFFSET (QEMU refuses more) */
#define VEXPRESS_RAM_MAX 0x40000000UL

/* QEMU loads a raw Image 0x10000 above the start of RAM (hw/arm/boot.c). */
#define TEXT_OFFSET 0x00010000UL

/*
 * The devices a9mm drives: where their registers are, and how many bytes
 * the drivers ioremap() -- the "reg" properties of Linux's
 * arch/arm/boot/dts/vexpress-v2p-ca9.dts and vexpress-v2m.dtsi.
 */
#define V2M_SYSREGS_PHYS     0x10000000UL /* system registers */
#define V2M_SYSREGS_SIZE     0x1000
#define V2M_UART0_PHYS	     0x10009000UL /* PL011 UART0, the console */
#define V2M_UART0_SIZE	     0x1000
#define V2M_MMCI_PHYS	     0x10005000UL /* PL181 MMCI, the SD card slot */
#define V2M_MMCI_SIZE	     0x1000
#define A9_MPCORE_PHYS	     0x1e000000UL	       /* Cortex-A9 MPCore private region */
#define A9_SCU_PHYS	     (A9_MPCORE_PHYS + 0x0000) /* Snoop Control Unit */
#define A9_SCU_SIZE	     0x58
#define A9_GIC_CPU_PHYS	     (A9_MPCORE_PHYS + 0x0100) /* GIC CPU interface (each CPU its own) */
#define A9_GIC_CPU_SIZE	     0x100
#define A9_GLOBAL_TIMER_PHYS (A9_MPCORE_PHYS + 0x0200) /* global timer */
#define A9_GLOBAL_TIMER_SIZE 0x20
#define A9_TWD_PHYS	     (A9_MPCORE_PHYS + 0x0600) /* private timers (each CPU its own) */
#define A9_TWD_SIZE	     0x20
#define A9_GIC_DIST_PHYS     (A9_MPCORE_PHYS + 0x1000) /* GIC distributor */
#define A9_GIC_DIST_SIZE     0x1000

/* --- virtual --- */

#define PAGE_OFFSET 0xc0000000UL

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

/*
 * The default leaves 240 MiB of vmalloc space, as the log of the seed (the
 * study notes a9mm grew from; not part of this repository) shows.
 */
#define VMALLOC_DEFAULT_SIZE (240UL << 20)

#endif
