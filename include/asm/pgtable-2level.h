/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_PGTABLE_2LEVEL_H
#define _ASM_PGTABLE_2LEVEL_H

/*
 * arch/arm/include/asm/pgtable-2level.h @ v4.14: how Linux fits its generic page
 * tables onto the ARMv7 short-descriptor MMU (ARM ARM B3.5).
 *
 * The hardware has 4096 first-level entries of 1 MiB and second-level
 * tables of 256 entries (1 KiB).  Linux wants a pte table to fill a page
 * and wants bits the hardware lacks (young, dirty), so:
 *
 *  - a Linux "pgd" entry is a PAIR of hardware first-level entries:
 *    PGDIR_SHIFT = 21, 2048 pgd entries of 2 MiB.  pud and pmd are folded
 *    into it: pmd_offset() just returns the pgd entry, seen as pmd_t[2].
 *  - one 4 KiB page holds the pte tables for those 2 MiB, twice over:
 *
 *     pgd entry (2 words)          the pte page
 *    +---------+                  +------------------+ +0
 *    | pmd[0]  |---+              | Linux pt 0       |  256 x Linux pte, 1st MiB
 *    +---------+   |              +------------------+ +1024
 *    | pmd[1]  |-+ |              | Linux pt 1       |  256 x Linux pte, 2nd MiB
 *    +---------+ | +------------->+------------------+ +2048
 *                |                | h/w pt 0         |  256 x hardware pte
 *                +--------------->+------------------+ +3072
 *                                 | h/w pt 1         |  256 x hardware pte
 *                                 +------------------+ +4096
 *
 *    Both hardware entries of the pair point at hardware tables (the MMU
 *    walks only those); the Linux tables are the kernel's own view with
 *    L_PTE_* bits.  So the pair is NOT "one Linux table and one ARM table":
 *    it is two ARM first-level entries, for two consecutive MiB, whose two
 *    hardware tables share a page with their two Linux shadows.
 *    set_pte_ext() writes a Linux pte and its hardware twin 2 KiB above.
 */
#include <linux/types.h>
#include <asm/memory.h>
#include <asm/page.h>
#include <asm/pgtable-hwdef.h>

#define PTRS_PER_PTE 512
#define PTRS_PER_PMD 1
#define PTRS_PER_PGD 2048

#define PTE_HWTABLE_PTRS (PTRS_PER_PTE)
#define PTE_HWTABLE_OFF	 (PTE_HWTABLE_PTRS * sizeof(pte_t))
#define PTE_HWTABLE_SIZE (PTRS_PER_PTE * sizeof(u32))

#define PMD_SHIFT    21
#define PGDIR_SHIFT  21
#define PGDIR_SIZE   (1UL << PGDIR_SHIFT)
#define PGDIR_MASK   (~(PGDIR_SIZE - 1))
#define PMD_MASK     (~(PMD_SIZE - 1))
#define SECTION_MASK (~(SECTION_SIZE - 1))

typedef u32 pteval_t;
typedef u32 pmdval_t;
typedef pteval_t pte_t;
typedef pmdval_t pmd_t;
typedef pmdval_t pgd_t[2];
typedef pgd_t pud_t;
typedef pteval_t pgprot_t;

/*
 * Linux pte bits (arch/arm/include/asm/pgtable-2level.h @ v4.14): the kernel's view,
 * translated into hardware bits by set_pte_ext().
 */
#define L_PTE_VALID   (1 << 0)
#define L_PTE_PRESENT (1 << 0)
#define L_PTE_YOUNG   (1 << 1)
#define L_PTE_DIRTY   (1 << 6)
#define L_PTE_RDONLY  (1 << 7)
#define L_PTE_USER    (1 << 8)
#define L_PTE_XN      (1 << 9)
#define L_PTE_SHARED  (1 << 10)

/* memory type, bits [5:2] */
#define L_PTE_MT_UNCACHED      (0x00 << 2) /* strongly ordered */
#define L_PTE_MT_BUFFERABLE    (0x01 << 2) /* normal, non-cacheable */
#define L_PTE_MT_WRITETHROUGH  (0x02 << 2) /* normal, write-through */
#define L_PTE_MT_WRITEBACK     (0x03 << 2) /* normal, write-back */
#define L_PTE_MT_DEV_SHARED    (0x04 << 2) /* device, shareable */
#define L_PTE_MT_WRITEALLOC    (0x07 << 2) /* normal, write-back write-allocate */
#define L_PTE_MT_DEV_NONSHARED (0x0c << 2)
#define L_PTE_MT_MASK	       (0x0f << 2)

#endif
