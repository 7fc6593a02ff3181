/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_CPUTYPE_H
#define _ASM_CPUTYPE_H

/*
 * arch/arm/include/asm/cputype.h @ v4.14: who this CPU is.
 *
 *   MIDR  (B4.1.105)  what it is: implementer 0x41 ARM, part 0xc09
 *                     Cortex-A9, revision in [3:0]
 *   MPIDR (B4.1.106)  where it is in the cluster:
 *
 *     31  30  29..25  24  23..16  15..8   7..0
 *     M   U   -       MT  Aff2    Aff1    Aff0 = core number in the cluster
 *
 *   M = 1: the multiprocessing format; U = 1: a uniprocessor.  QEMU's
 *   vexpress-a9 gives CPU n the MPIDR 0x8000000n.
 */
#include <asm/cp15.h>

#define MPIDR_SMP_BITMASK  (0x3U << 30)
#define MPIDR_SMP_VALUE	   (0x2U << 30)
#define MPIDR_MT_BITMASK   (0x1U << 24)
#define MPIDR_HWID_BITMASK 0xFFFFFF
#define MPIDR_INVALID	   (~MPIDR_HWID_BITMASK)

#define MPIDR_LEVEL_BITS 8
#define MPIDR_LEVEL_MASK ((1 << MPIDR_LEVEL_BITS) - 1)

#define MPIDR_AFFINITY_LEVEL(mpidr, level) \
	(((mpidr) >> (MPIDR_LEVEL_BITS * (level))) & MPIDR_LEVEL_MASK)

/* the c0 ID registers read_cpuid_ext() takes (B4.1.94 ID_ISAR0, B4.1.89 ID_MMFR0) */
#define CPUID_EXT_MMFR0 "c1, 4"
#define CPUID_EXT_ISAR0 "c2, 0"

/* arch/arm/include/asm/cputype.h: read_cpuid_ext() @ v4.14 */
#define read_cpuid_ext(ext_reg)                                                     \
	({                                                                          \
		unsigned int __val;                                                 \
		__asm__("mrc p15, 0, %0, c0, " ext_reg : "=r"(__val) : : "memory"); \
		__val;                                                              \
	})

/* arch/arm/include/asm/cputype.h: read_cpuid_id() @ v4.14: MIDR */
static inline unsigned long read_cpuid_id(void)
{
	return read_sysreg(MIDR);
}

/* arch/arm/include/asm/cputype.h: read_cpuid_mpidr() @ v4.14: MPIDR */
static inline unsigned long read_cpuid_mpidr(void)
{
	return read_sysreg(MPIDR);
}

#endif
