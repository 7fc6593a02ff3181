// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/topology.c: arch/arm/kernel/topology.c's store_cpu_topology():
 * where in the machine a CPU sits, from its own MPIDR, and the boot log
 * line Linux prints for every CPU that comes up.
 */
#include <asm/cpu.h>
#include <asm/cputype.h>
#include <linux/init.h>
#include <linux/kernel.h>

struct cputopo_arm cpu_topology[NR_CPUS];

/**
 * store_cpu_topology() - where this CPU sits, and its boot line
 * @cpuid: the logical CPU running it
 *
 * arch/arm/kernel/topology.c: store_cpu_topology() @ v4.9.  A Cortex-A9
 * MPIDR has the multiprocessor format (M=1, U=0) and no threads (MT=0):
 * the core is Aff0, the cluster ("socket") Aff1.
 */
void store_cpu_topology(unsigned int cpuid)
{
	struct cputopo_arm *topo = &cpu_topology[cpuid];
	unsigned int mpidr = read_cpuid_mpidr();

	if ((mpidr & MPIDR_SMP_BITMASK) == MPIDR_SMP_VALUE) {
		if (mpidr & MPIDR_MT_BITMASK) {
			topo->thread_id = (int)MPIDR_AFFINITY_LEVEL(mpidr, 0);
			topo->core_id = (int)MPIDR_AFFINITY_LEVEL(mpidr, 1);
			topo->socket_id = (int)MPIDR_AFFINITY_LEVEL(mpidr, 2);
		} else {
			topo->thread_id = -1;
			topo->core_id = (int)MPIDR_AFFINITY_LEVEL(mpidr, 0);
			topo->socket_id = (int)MPIDR_AFFINITY_LEVEL(mpidr, 1);
		}
	} else {
		/* a uniprocessor (or pre-MP) core: one of everything */
		topo->thread_id = -1;
		topo->core_id = 0;
		topo->socket_id = -1;
	}
	pr_info("CPU%u: thread %d, cpu %d, socket %d, mpidr %x\n", cpuid, topo->thread_id,
		topo->core_id, topo->socket_id, mpidr);
}
