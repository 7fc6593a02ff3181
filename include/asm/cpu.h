/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_CPU_H
#define _ASM_CPU_H

/*
 * arch/arm/include/asm/cpu.h: what each CPU recorded about itself when it
 * came up (smp_store_cpu_info()): its MIDR and its delay-loop calibration,
 * which /proc/cpuinfo prints as BogoMIPS.
 */
#include <linux/percpu.h>
#include <linux/types.h>

struct cpuinfo_arm {
	u32 cpuid;
	unsigned long loops_per_jiffy;
};

DECLARE_PER_CPU(struct cpuinfo_arm, cpu_data);

/* kernel/setup.c */
void cpu_init(unsigned int cpu);
void show_cpuinfo(int (*print)(const char *fmt, ...));
extern const char *machine_name;

/* kernel/topology.c: arch/arm/kernel/topology.c */
struct cputopo_arm {
	int thread_id;
	int core_id;
	int socket_id;
};
extern struct cputopo_arm cpu_topology[NR_CPUS];
void store_cpu_topology(unsigned int cpuid);

#endif
