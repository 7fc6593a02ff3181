/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_FAULT_H
#define _ASM_FAULT_H

/*
 * arch/arm/mm/fault.h @ v4.14: the fault status bits the fault path reads
 * (ARM ARM B4.1.52 DFSR, B4.1.96 IFSR: short-descriptor format)
 */
#define FSR_WRITE    (1 << 11)	/* WnR: the aborted access was a write */
#define FSR_FS4	     (1 << 10)	/* FS[4] */
#define FSR_FS3_0    15		/* FS[3:0] */
#define FSR_LNX_PF   (1U << 31) /* Linux's own bit: a prefetch abort */
#define FSR_FS_DEBUG 0x02	/* FS of a debug event: BKPT (ARM ARM B4.1.96 IFSR) */

/* arch/arm/mm/fault.h: fsr_fs() @ v4.14: the 5-bit fault status, FS[4] above FS[3:0] */
static inline unsigned int fsr_fs(unsigned long fsr)
{
	return (unsigned int)((fsr & FSR_FS3_0) | ((fsr & FSR_FS4) >> 6));
}

struct pt_regs;

/* mm/fault.c */
int do_page_fault(unsigned long addr, unsigned int fsr, struct pt_regs *regs);

#endif
