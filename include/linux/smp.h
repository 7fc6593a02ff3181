/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_SMP_H
#define _LINUX_SMP_H

/*
 * include/linux/smp.h: which CPU am I, and running a function on others.
 *
 * smp_call_function_single(cpu, func, info, wait) queues func on cpu's
 * call_single_queue and sends it an IPI (an SGI through the GIC); the
 * target runs func from its interrupt handler, with interrupts off.  With
 * wait the caller spins until func has returned there.  As in Linux the
 * caller must have interrupts on: two CPUs waiting for each other with
 * interrupts off would wait forever.
 */
#include <linux/cpumask.h>
#include <linux/list.h>
#include <linux/percpu.h>

#ifdef A9MM_HOST
#define raw_smp_processor_id() (host_cpu)
#else
/*
 * arch/arm64/include/asm/smp.h: raw_smp_processor_id() from a per-CPU
 * cpu_number, which works from any processor mode (ARM 32-bit Linux
 * reads it from the thread_info at the bottom of the stack, and a9mm's
 * abort handlers do not run on a thread stack).
 */
DECLARE_PER_CPU(unsigned int, cpu_number);
#define raw_smp_processor_id() this_cpu_read(cpu_number)
#endif
#define smp_processor_id() raw_smp_processor_id()

typedef void (*smp_call_func_t)(void *info);

/* include/linux/smp.h: struct call_single_data, one queued call */
struct call_single_data {
	struct list_head list;
	smp_call_func_t func;
	void *info;
	unsigned int flags; /* CSD_FLAG_LOCK while queued or running */
	unsigned int dst;   /* the CPU it was sent to (for the "does not answer" report) */
};

int smp_call_function_single(int cpu, smp_call_func_t func, void *info, int wait);
void smp_call_function_many(const struct cpumask *mask, smp_call_func_t func, void *info,
			    bool wait);
int smp_call_function(smp_call_func_t func, void *info, int wait);
void on_each_cpu_mask(const struct cpumask *mask, smp_call_func_t func, void *info, bool wait);
int on_each_cpu(smp_call_func_t func, void *info, int wait);

/* kernel/smp_call.c: the IPI handler's half, and the queues' setup */
void generic_smp_call_function_interrupt(void);
void call_function_init(void);

/* kernel/smp_call.c: boot (init/main.c's smp_init() and its parameters) */
extern unsigned int setup_max_cpus;
void smp_init(void);

/* kernel/smp.c (arch/arm/kernel/smp.c) */
void smp_setup_processor_id(void);
void smp_prepare_boot_cpu(void);
void smp_prepare_cpus(unsigned int max_cpus);
int __cpu_up(unsigned int cpu);
void smp_cpus_done(unsigned int max_cpus);
void smp_send_stop(void);
void smp_send_reschedule(int cpu);
void panic_smp_self_stop(void);

#endif
