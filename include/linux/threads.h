/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_THREADS_H
#define _LINUX_THREADS_H

/*
 * include/linux/threads.h @ v3.14: NR_CPUS, the most CPUs the kernel is
 * built for -- the Cortex-A9 cluster's four cores.  Per-CPU things (fixmap
 * kmap slots, allocator trace probes) have one of each.
 */
#define NR_CPUS 4

#endif
