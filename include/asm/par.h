/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_PAR_H
#define _ASM_PAR_H

/*
 * The MMU's own answer for one VA, target only.  ATS1CPR / ATS1CPW (the
 * ARM ARM's address translation operations, CP15 c7, c8, 0 and 1)
 * translate the VA as a privileged read / write would, through the TLB
 * and the tables, and leave the result in PAR (B4.1.112): F (bit 0) set
 * means that access would fault, with the fault status in bits [6:1];
 * else bits [31:12] are the PA of the page (for a supersection, SS =
 * bit 1, only [31:24] -- a9mm maps none).  The ISB makes PAR current
 * before it is read; the "memory" clobber keeps the compiler from moving
 * the query across the page-table stores it is meant to check.  (PAR's
 * memory-type bits would also tell Device memory apart, but QEMU 7.2
 * leaves them 0.)
 */
#define PAR_F	      (1UL << 0)
#define PAR_FS(par)   (((par) >> 1) & 0x3f)
#define PAR_PAGE_MASK 0xfffff000UL

/* one operation, ATS1CPR (opc2 0) or ATS1CPW (opc2 1), then PAR */
#define __ats1cp(va, opc2)                                               \
	({                                                               \
		unsigned long __par;                                     \
		__asm__ volatile("mcr p15, 0, %1, c7, c8, " #opc2 "\n\t" \
				 "isb\n\t"                               \
				 "mrc p15, 0, %0, c7, c4, 0"             \
				 : "=r"(__par)                           \
				 : "r"(va)                               \
				 : "memory");                            \
		__par;                                                   \
	})

static inline unsigned long ats1cpr(unsigned long va)
{
	return __ats1cp(va, 0);
}

static inline unsigned long ats1cpw(unsigned long va)
{
	return __ats1cp(va, 1);
}

#endif
