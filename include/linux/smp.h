/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_SMP_H
#define _LINUX_SMP_H

/*
 * include/linux/smp.h @ v3.14: smp_processor_id(), the CPU this code runs
 * on.  Linux reads it from thread_info; a9mm has no threads, so it asks
 * the CPU: MPIDR's Aff0, bits [7:0], is the core's number in the cluster
 * (ARM ARM, the MPIDR register description), 0..3 on a Cortex-A9 MPCore.
 * The host tests are CPU 0.
 */
#include <linux/threads.h>

static inline unsigned int smp_processor_id(void)
{
#ifdef A9MM_HOST
	return 0;
#else
	unsigned long mpidr;

	__asm__("mrc p15, 0, %0, c0, c0, 5" : "=r"(mpidr));
	return (unsigned int)(mpidr & 0xff);
#endif
}

#endif
