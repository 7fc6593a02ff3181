/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_CPUTYPE_H
#define _ASM_CPUTYPE_H

/*
 * arch/arm/include/asm/cputype.h @ v4.14: who this CPU is.  MIDR names the
 * core (implementer 0x41 ARM, part 0xc09 Cortex-A9, revision in [3:0]);
 * MPIDR says which core of the cluster is running (ARM ARM B4.1.106:
 * Aff0, bits [7:0], is the CPU number).
 */
#include <asm/cp15.h>

#define MPIDR_HWID_BITMASK 0xFFFFFF
#define MPIDR_LEVEL_BITS   8
#define MPIDR_LEVEL_MASK   ((1 << MPIDR_LEVEL_BITS) - 1)

#define MPIDR_AFFINITY_LEVEL(mpidr, level) \
	(((mpidr) >> (MPIDR_LEVEL_BITS * (level))) & MPIDR_LEVEL_MASK)

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
