/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_SMP_PLAT_H
#define _ASM_SMP_PLAT_H

/*
 * arch/arm/include/asm/smp_plat.h: the logical CPU numbers the kernel
 * uses (0 = the boot CPU) against the hardware IDs, the affinity fields
 * of each core's MPIDR, which the device tree's /cpus/cpu@N "reg" gives:
 *
 *   cpu_logical_map(cpu) = MPIDR & 0xffffff of that CPU
 */
#include <linux/threads.h>
#include <linux/types.h>

extern u32 __cpu_logical_map[NR_CPUS];
#define cpu_logical_map(cpu) __cpu_logical_map[cpu]

/* kernel/devtree.c: arm_dt_init_cpu_maps() @ v4.9: possible CPUs and their hwids from /cpus */
void arm_dt_init_cpu_maps(void);
/* kernel/smp.c -> kernel/platsmp.c: cap cpu_possible_mask by what the SCU counts */
void smp_init_cpus(void);

#endif
