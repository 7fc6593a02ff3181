/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_MMU_H
#define _ASM_MMU_H

/*
 * arch/arm/include/asm/mmu.h @ v4.14: an address space's hardware
 * context -- its ASID, with the generation it was handed out in above
 * the low 8 bits (arch/arm/mm/context.c):
 *
 *   63                                8 7        0
 *  |  generation (ASID_FIRST_VERSION x n) |  ASID  |
 *
 * The ASID tags every non-global TLB entry the MMU makes for the mm
 * (ARM ARM B3.9.3), so switching between processes needs no TLB flush;
 * when the 255 usable ASIDs run out, a new generation starts and every
 * CPU flushes its TLB once.
 */
#include <asm/atomic.h>

typedef struct {
	atomic64_t id;
} mm_context_t;

#define ASID_BITS 8
#define ASID_MASK ((~0ULL) << ASID_BITS)
#define ASID(mm)  ((unsigned int)((mm)->context.id.counter & ~ASID_MASK))

#endif
