/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_PGTABLE_HWDEF_H
#define _ASM_PGTABLE_HWDEF_H

/*
 * arch/arm/include/asm/pgtable-2level-hwdef.h @ v4.14: the bits the MMU
 * reads, in the ARMv7 short-descriptor format (ARM ARM DDI 0406C, B3.5.1).
 * Only #defines of plain integers: boot/head.S includes this file too, so
 * its early section entries are built from the same names as mem_types[].
 *
 * First level (one word per 1 MiB of VA, 4096 words):
 *
 *   31            20 19 18 17 16 15 14 12 11 10 9 8    5 4  3 2 1 0
 *  | section base    |NS|0 |nG|S |AP2| TEX |AP1:0|  | dom |XN|C |B|1 0|  section
 *  | page table base (31:10)                 |  | dom |  |  |  |0 1|  page table
 *  |                        ignored                               |0 0|  fault
 *
 * Second level (one word per 4 KiB page, 256 words = 1 KiB per table):
 *
 *   31                  12 11 10  9  8  6  5  4  3 2 1  0
 *  | small page base      |nG|S |AP2| TEX |AP1:0|C |B|1|XN|  small page
 */

/* first level */
#define PMD_TYPE_MASK	    (3 << 0)
#define PMD_TYPE_FAULT	    (0 << 0)
#define PMD_TYPE_TABLE	    (1 << 0)
#define PMD_TYPE_SECT	    (2 << 0)
#define PMD_BIT4	    (1 << 4)
#define PMD_DOMAIN(x)	    ((x) << 5)
#define PMD_DOMAIN_MASK	    PMD_DOMAIN(0x0f)
#define PMD_TABLE_ADDR_MASK 0xfffffc00 /* a table entry: its 1 KiB table's PA */
#define PMD_SECT_BUFFERABLE (1 << 2)
#define PMD_SECT_CACHEABLE  (1 << 3)
#define PMD_SECT_XN	    (1 << 4)
#define PMD_SECT_AP_WRITE   (1 << 10) /* AP[0] */
#define PMD_SECT_AP_READ    (1 << 11) /* AP[1] */
#define PMD_SECT_AP_MASK    (PMD_SECT_AP_WRITE | PMD_SECT_AP_READ)
#define PMD_SECT_TEX(x)	    ((x) << 12)
#define PMD_SECT_TEX_MASK   PMD_SECT_TEX(7)
#define PMD_SECT_APX	    (1 << 15) /* AP[2] */
#define PMD_SECT_S	    (1 << 16)
#define PMD_SECT_nG	    (1 << 17)
#define PMD_SECT_SUPER	    (1 << 18)

/* memory types of a section, TEX:C:B with TEX remap off (B3.8.2, SCTLR.TRE = 0) */
#define PMD_SECT_BUFFERED PMD_SECT_BUFFERABLE /* TEX=000 C=0 B=1: shareable device */
#define PMD_SECT_WBWA	  (PMD_SECT_TEX(1) | PMD_SECT_CACHEABLE | PMD_SECT_BUFFERABLE)

/* second level */
#define PTE_TYPE_MASK  (3 << 0)
#define PTE_TYPE_FAULT (0 << 0)
#define PTE_TYPE_LARGE (1 << 0)
#define PTE_TYPE_SMALL (2 << 0)
#define PTE_EXT_XN     (1 << 0) /* small pages only */
#define PTE_BUFFERABLE (1 << 2)
#define PTE_CACHEABLE  (1 << 3)
#define PTE_EXT_AP0    (1 << 4)
#define PTE_EXT_AP1    (1 << 5)
#define PTE_EXT_TEX(x) ((x) << 6) /* small pages */
#define PTE_EXT_APX    (1 << 9)
#define PTE_EXT_SHARED (1 << 10)
#define PTE_EXT_NG     (1 << 11)

#define PTE_EXT_AP_MASK	 (PTE_EXT_AP0 | PTE_EXT_AP1)
#define PTE_EXT_TEX_MASK PTE_EXT_TEX(7)

/*
 * The two section types, RAM as head.S maps it before mem_types[]
 * (mm/mmu.c) exists and I/O, defined once so they cannot drift apart;
 * each user adds the domain (head.S: 0; mem_types[]: DOMAIN_KERNEL,
 * DOMAIN_IO).
 *
 *   RAM: TEX=001 C=1 B=1, normal write-back write-allocate, shareable
 *        (the four cores share it); AP[2:0]=001: kernel RW, no user access
 *   I/O: TEX=000 C=0 B=1, shareable device; AP[2:0]=001; execute-never
 *        (B3.8.2: no speculative instruction fetch from device memory)
 */
#define PROT_SECT_MEM (PMD_TYPE_SECT | PMD_SECT_AP_WRITE | PMD_SECT_WBWA | PMD_SECT_S)
#define PROT_SECT_IO  (PMD_TYPE_SECT | PMD_SECT_AP_WRITE | PMD_SECT_BUFFERED | PMD_SECT_XN)

/*
 * Domains (B3.7.3; arch/arm/include/asm/domain.h @ v4.14): every
 * descriptor names one of 16; DACR gives each two bits saying whether
 * accesses in it are checked against AP (client, 0b01) or not (manager).
 * head.S makes domains 0-3 clients, DACR = 0x55, so AP and XN always apply.
 */
#define DOMAIN_KERNEL  0
#define DOMAIN_USER    1
#define DOMAIN_IO      2
#define DOMAIN_VECTORS 3

#define DOMAIN_NOACCESS	      0
#define DOMAIN_CLIENT	      1
#define DOMAIN_MANAGER	      3
#define domain_val(dom, type) ((type) << (2 * (dom)))

/*
 * TTBR0's table-walk attributes (B4.1.154), as arch/arm/mm/proc-v7-2level.S
 * @ v4.14 names them: descriptors are fetched as inner and outer
 * write-back write-allocate, shareable memory (TTB_FLAGS_SMP = 0x6a).
 */
#define TTB_S		(1 << 1)
#define TTB_RGN_OC_WBWA (1 << 3)
#define TTB_NOS		(1 << 5)
#define TTB_IRGN_WBWA	((0 << 0) | (1 << 6))
#define TTB_FLAGS_SMP	(TTB_IRGN_WBWA | TTB_S | TTB_NOS | TTB_RGN_OC_WBWA)

#endif
