/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_PGTABLE_HWDEF_H
#define _ASM_PGTABLE_HWDEF_H

/*
 * arch/arm/include/asm/pgtable-2level-hwdef.h: the bits the MMU reads, in
 * the ARMv7 short-descriptor format (ARM ARM DDI 0406C, B3.5.1).
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
#define PMD_SECT_BUFFERABLE (1 << 2)
#define PMD_SECT_CACHEABLE  (1 << 3)
#define PMD_SECT_XN	    (1 << 4)
#define PMD_SECT_AP_WRITE   (1 << 10) /* AP[0] */
#define PMD_SECT_AP_READ    (1 << 11) /* AP[1] */
#define PMD_SECT_TEX(x)	    ((x) << 12)
#define PMD_SECT_APX	    (1 << 15) /* AP[2] */
#define PMD_SECT_S	    (1 << 16)
#define PMD_SECT_nG	    (1 << 17)
#define PMD_SECT_SUPER	    (1 << 18)

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

/*
 * Domains (B3.7.3): every descriptor names one of 16; DACR says whether
 * accesses in it are checked against AP (client, 0b01) or not.  head.S sets
 * DACR = 0x55: domains 0-3 client, so AP and XN always apply.
 */
#define DOMAIN_KERNEL  0
#define DOMAIN_USER    1
#define DOMAIN_IO      2
#define DOMAIN_VECTORS 3

#endif
