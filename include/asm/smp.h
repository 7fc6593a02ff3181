/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_SMP_H
#define _ASM_SMP_H

/*
 * arch/arm/include/asm/smp.h: the ARM side of SMP -- how a secondary CPU
 * is started (secondary_data, read by head.S before the MMU is on) and
 * the inter-processor interrupts, which the GIC carries as SGIs 0..15.
 */
#include <linux/threads.h>
#include <asm/thread_info.h>

/* offsets in struct secondary_data, for head.S (checked in kernel/smp.c) */
#define SECONDARY_DATA_PGDIR 0
#define SECONDARY_DATA_STACK 4

#ifndef __ASSEMBLY__
#include <linux/cpumask.h>
#include <linux/types.h>
#include <asm/ptrace.h>

/*
 * arch/arm/include/asm/smp.h: struct secondary_data: what __cpu_up()
 * leaves for the CPU it starts.  Written by the boot CPU with caches on
 * and read by the new CPU with the MMU (and so its caches) still off:
 * __cpu_up() cleans it to memory first.
 */
struct secondary_data {
	unsigned long pgdir; /* idmap_pgd, physical: the tables to turn the MMU on with */
	void *stack;	     /* top of the SVC stack */
	unsigned int cpu;    /* the logical CPU number it will be */
};
extern struct secondary_data secondary_data;

/*
 * arch/arm/kernel/smp.c: the IPIs, one SGI number each, as in Linux 4.x.
 * IPI_TIMER (a tick broadcast to CPUs whose own timer stops in idle) is
 * never sent here: every CPU's TWD keeps ticking.
 */
enum ipi_msg_type {
	IPI_WAKEUP, /* a secondary's first interrupt: leave the boot loader */
	IPI_TIMER,
	IPI_RESCHEDULE, /* look at your work list (and leave WFI) */
	IPI_CALL_FUNC,	/* run the functions queued for you (smp_call_function) */
	IPI_CPU_STOP,	/* stop for good (panic, power off, reboot) */
	NR_IPI
};

/* boot/head.S, boot/headsmp.S */
void secondary_startup(void);
void versatile_secondary_startup(void);
extern unsigned long __boot_cpu_mode;

/* kernel/smp.c */
void secondary_start_kernel(unsigned long boot_mode) __attribute__((noreturn));
void handle_IPI(int ipinr, struct pt_regs *regs);
void set_smp_cross_call(void (*fn)(const struct cpumask *, unsigned int));
void arch_send_call_function_single_ipi(int cpu);
void arch_send_call_function_ipi_mask(const struct cpumask *mask);
void arch_send_wakeup_ipi_mask(const struct cpumask *mask);
void show_ipi_list(int (*print)(const char *fmt, ...), int prec);
unsigned int ipi_count(unsigned int cpu, enum ipi_msg_type ipi);

/* kernel/platsmp.c (arch/arm/mach-vexpress + plat-versatile) */
void vexpress_smp_prepare_cpus(unsigned int max_cpus);
int versatile_boot_secondary(unsigned int cpu);
void versatile_secondary_init(unsigned int cpu);
#endif

#endif
