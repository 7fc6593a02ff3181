/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_BARRIER_H
#define _ASM_BARRIER_H

/*
 * arch/arm/include/asm/barrier.h: the ARMv7 barriers (ARM ARM A3.8.3,
 * "Memory barriers") and the event instructions (B1.8.13 WFE/SEV):
 *
 *   dmb(ish)   Data Memory Barrier, inner shareable: this CPU's accesses
 *              before it are observed by every CPU of the cluster before
 *              those after it -- the smp_mb() of Linux on SMP ARMv7
 *   dsb        Data Synchronization Barrier: nothing after it runs until
 *              everything before it is complete (TLB and cache operations
 *              included); needed before SEV and WFI
 *   isb        flush the pipeline: later instructions see cp15 changes
 *   wfe/sev    wait for an event / signal one to every CPU: a spinning
 *              CPU waits in WFE and the unlocking CPU wakes it with SEV
 *   wfi        wait for an interrupt (idle), woken even with IRQs masked
 *
 * On the host the core is plain C11 with GCC's __atomic builtins.
 */
#include <linux/compiler.h>

#ifdef A9MM_HOST
#include <sched.h>
#define smp_mb()  __atomic_thread_fence(__ATOMIC_SEQ_CST)
#define smp_rmb() __atomic_thread_fence(__ATOMIC_ACQUIRE)
#define smp_wmb() __atomic_thread_fence(__ATOMIC_RELEASE)
/* a waiting host thread gives its core away: the "CPU" it waits for may need it */
#define wfe()	  sched_yield()
#define sev()	  barrier()
#define dsb_sev() smp_mb()
#else
#define isb()	  __asm__ volatile("isb" : : : "memory")
#define dsb(opt)  __asm__ volatile("dsb " #opt : : : "memory")
#define dmb(opt)  __asm__ volatile("dmb " #opt : : : "memory")
#define wfe()	  __asm__ volatile("wfe" : : : "memory")
#define wfi()	  __asm__ volatile("wfi" : : : "memory")
#define sev()	  __asm__ volatile("sev" : : : "memory")
#define smp_mb()  dmb(ish)
#define smp_rmb() dmb(ish)
#define smp_wmb() dmb(ishst)
/* arch/arm/include/asm/spinlock.h: dsb_sev() @ v4.9: the store is visible, then wake */
#define dsb_sev()                                     \
	do {                                          \
		dsb(ishst);                           \
		__asm__ volatile("sev" ::: "memory"); \
	} while (0)
#endif

/*
 * arch/arm/include/asm/processor.h: cpu_relax() @ v4.9, a busy-wait's pause.
 * ARM Linux makes it a compiler barrier; a9mm adds the YIELD hint (ARM
 * ARM A8.8.427: "software is performing a task ... that could be
 * suspended": a spin-wait), a no-op on the Cortex-A9 but taken by QEMU as
 * "let another vCPU run" -- under -icount, where all vCPUs share one host
 * thread round-robin, a CPU busy-waiting for another (udelay() while a
 * secondary starts, smp_send_stop()) would otherwise starve it.
 */
#ifdef A9MM_HOST
#define cpu_relax() barrier()
#else
#define cpu_relax() __asm__ volatile("yield" : : : "memory")
#endif

#endif
