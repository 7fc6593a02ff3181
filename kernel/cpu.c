// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/cpu.c: the CPU masks (include/linux/cpumask.h says what each
 * means) and init/main.c's setup_nr_cpu_ids() and boot_cpu_init().
 * Portable: the host tests build it too, with "CPUs" they switch between.
 */
#include <linux/cpumask.h>
#include <linux/init.h>
#include <linux/preempt.h>
#include <linux/smp.h>

struct cpumask __cpu_possible_mask, __cpu_present_mask, __cpu_online_mask;
unsigned int nr_cpu_ids = NR_CPUS;

/* include/linux/preempt.h: each CPU's preempt_count (only its hardirq field is used) */
DEFINE_PER_CPU(unsigned long, __preempt_count);

/**
 * set_cpu_possible() - add a CPU to, or take it out of, cpu_possible_mask
 * @cpu: the CPU
 * @possible: in or out
 *
 * include/linux/cpumask.h: set_cpu_possible() @ v4.9
 */
void set_cpu_possible(unsigned int cpu, bool possible)
{
	if (possible)
		cpumask_set_cpu(cpu, &__cpu_possible_mask);
	else
		cpumask_clear_cpu(cpu, &__cpu_possible_mask);
}

/**
 * set_cpu_present() - the same for cpu_present_mask
 * @cpu: the CPU
 * @present: in or out
 *
 * include/linux/cpumask.h: set_cpu_present() @ v4.9
 */
void set_cpu_present(unsigned int cpu, bool present)
{
	if (present)
		cpumask_set_cpu(cpu, &__cpu_present_mask);
	else
		cpumask_clear_cpu(cpu, &__cpu_present_mask);
}

/**
 * set_cpu_online() - the same for cpu_online_mask (atomically)
 * @cpu: the CPU
 * @online: in or out
 *
 * include/linux/cpumask.h: set_cpu_online() @ v4.9
 */
void set_cpu_online(unsigned int cpu, bool online)
{
	if (online)
		cpumask_set_cpu(cpu, &__cpu_online_mask);
	else
		cpumask_clear_cpu(cpu, &__cpu_online_mask);
}

/**
 * init_cpu_present() - cpu_present_mask becomes a copy of src
 * @src: the CPUs present
 *
 * kernel/cpu.c: init_cpu_present() @ v4.9
 */
void init_cpu_present(const struct cpumask *src)
{
	cpumask_copy(&__cpu_present_mask, src);
}

/**
 * setup_nr_cpu_ids() - nr_cpu_ids from cpu_possible_mask
 *
 * init/main.c: setup_nr_cpu_ids() @ v4.9: one past the highest possible CPU
 */
void __init setup_nr_cpu_ids(void)
{
	unsigned long bits = __cpu_possible_mask.bits[0];

	nr_cpu_ids = bits ? (unsigned int)fls((unsigned int)bits) : 1;
}

/**
 * boot_cpu_init() - the boot CPU is possible, present and online
 *
 * init/main.c: boot_cpu_init() @ v4.9: the CPU running this is every kind of there
 */
void __init boot_cpu_init(void)
{
	unsigned int cpu = smp_processor_id();

	set_cpu_online(cpu, true);
	set_cpu_present(cpu, true);
	set_cpu_possible(cpu, true);
}
