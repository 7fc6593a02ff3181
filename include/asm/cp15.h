/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_CP15_H
#define _ASM_CP15_H

/*
 * arch/arm/include/asm/cp15.h @ v4.14: the CP15 system registers a9mm
 * reads and writes, each named once: xv6's riscv.h has one accessor per
 * CSR, Linux one name per register (arch/arm/include/asm/kvm_hyp.h @
 * v4.14 spells DFSR, IFAR, SCTLR ... as below), read with read_sysreg().
 *
 * SCTLR, the System Control Register (ARM ARM B4.1.130), is Linux's "CR1":
 * get_cr()/set_cr() and the CR_* bits.  The bit names are assembler-safe,
 * so boot/head.S builds the SCTLR it enables the MMU with from them.
 *
 *   31 30  29  28       25       14 13 12 11      2 1 0
 *  |  |TE|AFE|TRE| .. |EE| .. |RR|V |I |Z | .. |C|A|M|
 */
#define CR_M   (1 << 0)	 /* MMU enable */
#define CR_A   (1 << 1)	 /* alignment fault checking */
#define CR_C   (1 << 2)	 /* data (unified) cache enable */
#define CR_Z   (1 << 11) /* branch prediction enable */
#define CR_I   (1 << 12) /* instruction cache enable */
#define CR_V   (1 << 13) /* high vectors: exceptions go to 0xffff0000 */
#define CR_RR  (1 << 14) /* round-robin cache replacement */
#define CR_EE  (1 << 25) /* big-endian exception entry */
#define CR_TRE (1 << 28) /* TEX remap (PRRR/NMRR) instead of TEX/C/B */
#define CR_AFE (1 << 29) /* access flag enable: AP[0] becomes an access flag */
#define CR_TE  (1 << 30) /* exceptions taken in Thumb state */

#ifndef __ASSEMBLY__

#include <linux/stringify.h>

/*
 * One 32-bit CP15 register: the read instruction, the write instruction
 * and their operands.  read_sysreg(DFSR) is "mrc p15, 0, %0, c5, c0, 0".
 */
/* (clang-format would write "% 0", which is no asm operand) */
/* clang-format off */
#define __ACCESS_CP15(CRn, Op1, CRm, Op2) \
	"mrc", "mcr", __stringify(p15, Op1, %0, CRn, CRm, Op2), unsigned long
/* clang-format on */

#define __read_sysreg(r, w, c, t)                        \
	({                                               \
		t __val;                                 \
		__asm__ volatile(r " " c : "=r"(__val)); \
		__val;                                   \
	})
#define read_sysreg(...) __read_sysreg(__VA_ARGS__)

#define __write_sysreg(v, r, w, c, t) __asm__ volatile(w " " c : : "r"((t)(v)))
#define write_sysreg(v, ...)	      __write_sysreg(v, __VA_ARGS__)

/* the registers, by their ARM ARM names (section B4.1.x describes each) */
#define MIDR  __ACCESS_CP15(c0, 0, c0, 0) /* B4.1.105 Main ID */
#define CTR   __ACCESS_CP15(c0, 0, c0, 1) /* B4.1.42 Cache Type */
#define MPIDR __ACCESS_CP15(c0, 0, c0, 5) /* B4.1.106 Multiprocessor Affinity */
#define SCTLR __ACCESS_CP15(c1, 0, c0, 0) /* B4.1.130 System Control */
#define DFSR  __ACCESS_CP15(c5, 0, c0, 0) /* B4.1.52 Data Fault Status */
#define IFSR  __ACCESS_CP15(c5, 0, c0, 1) /* B4.1.96 Instruction Fault Status */
#define DFAR  __ACCESS_CP15(c6, 0, c0, 0) /* B4.1.51 Data Fault Address */
#define IFAR  __ACCESS_CP15(c6, 0, c0, 2) /* B4.1.95 Instruction Fault Address */

/* arch/arm/include/asm/cp15.h: get_cr() @ v4.14: read SCTLR */
static inline unsigned long get_cr(void)
{
	return read_sysreg(SCTLR);
}

/*
 * arch/arm/include/asm/cp15.h: set_cr() @ v4.14: write SCTLR, then ISB so
 * the next instruction already runs under the new setting (B4.1.130).
 */
static inline void set_cr(unsigned long val)
{
	write_sysreg(val, SCTLR);
	__asm__ volatile("isb" : : : "memory");
}

/*
 * What the last abort recorded (arch/arm/mm/abort-ev7.S reads the same
 * two pairs): the fault status -- which fault, read or write, domain --
 * and the faulting address, for data and for instruction fetches.
 */
static inline unsigned long read_dfsr(void)
{
	return read_sysreg(DFSR);
}

static inline unsigned long read_dfar(void)
{
	return read_sysreg(DFAR);
}

static inline unsigned long read_ifsr(void)
{
	return read_sysreg(IFSR);
}

static inline unsigned long read_ifar(void)
{
	return read_sysreg(IFAR);
}

#endif /* __ASSEMBLY__ */
#endif
