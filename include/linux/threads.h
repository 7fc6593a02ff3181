/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_THREADS_H
#define _LINUX_THREADS_H

/*
 * include/linux/threads.h @ v3.14: NR_CPUS, the most CPUs the kernel is
 * built for (CONFIG_NR_CPUS).  The Cortex-A9 MPCore cluster has at most
 * four cores (its SCU counts them in two bits, Cortex-A9 MPCore TRM
 * 2.2.2), so every per-CPU array, the fixmap's kmap_atomic slots, the
 * allocator trace probes and the per-CPU areas are sized for four.
 */
#define NR_CPUS 4

#endif
