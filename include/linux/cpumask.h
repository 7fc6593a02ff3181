/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_CPUMASK_H
#define _LINUX_CPUMASK_H

/*
 * include/linux/cpumask.h: sets of CPUs as bitmaps (NR_CPUS bits fit one
 * word), and the four sets Linux keeps (kernel/cpu.c):
 *
 *   possible  could ever run: the device tree's /cpus, capped by the SCU
 *   present   is there to be started (smp_prepare_cpus(); nosmp: CPU 0)
 *   online    is running the kernel and takes interrupts and IPIs
 *   active    may be given work -- here, the same as online
 *
 * A CPU sets its own bit in cpu_online_mask when it comes up and clears it
 * when it stops; those changes are atomic (LDREX/STREX) because several
 * CPUs may stop at once.
 */
#include <linux/kernel.h>
#include <linux/threads.h>
#include <asm/atomic.h>

struct cpumask {
	unsigned long bits[1];
};
typedef struct cpumask cpumask_t;

extern unsigned int nr_cpu_ids;

extern struct cpumask __cpu_possible_mask, __cpu_present_mask, __cpu_online_mask;
#define cpu_possible_mask ((const struct cpumask *)&__cpu_possible_mask)
#define cpu_present_mask  ((const struct cpumask *)&__cpu_present_mask)
#define cpu_online_mask	  ((const struct cpumask *)&__cpu_online_mask)
#define cpu_active_mask	  cpu_online_mask

static inline bool cpumask_test_cpu(unsigned int cpu, const struct cpumask *mask)
{
	return cpu < NR_CPUS && (READ_ONCE(mask->bits[0]) >> cpu) & 1;
}

static inline void cpumask_set_cpu(unsigned int cpu, struct cpumask *mask)
{
	atomic_or_ulong(1UL << cpu, &mask->bits[0]);
}

static inline void cpumask_clear_cpu(unsigned int cpu, struct cpumask *mask)
{
	atomic_andnot_ulong(1UL << cpu, &mask->bits[0]);
}

static inline void cpumask_clear(struct cpumask *mask)
{
	WRITE_ONCE(mask->bits[0], 0);
}

static inline void cpumask_copy(struct cpumask *dst, const struct cpumask *src)
{
	dst->bits[0] = READ_ONCE(src->bits[0]);
}

static inline bool cpumask_empty(const struct cpumask *mask)
{
	return READ_ONCE(mask->bits[0]) == 0;
}

static inline unsigned int cpumask_weight(const struct cpumask *mask)
{
	return (unsigned int)__builtin_popcountl(READ_ONCE(mask->bits[0]));
}

/* the first CPU in mask after n (n = -1: the first), nr_cpu_ids if none */
static inline unsigned int cpumask_next(int n, const struct cpumask *mask)
{
	unsigned long bits = READ_ONCE(mask->bits[0]);

	for (unsigned int cpu = (unsigned int)(n + 1); cpu < NR_CPUS; cpu++)
		if ((bits >> cpu) & 1)
			return cpu;
	return nr_cpu_ids > NR_CPUS ? NR_CPUS : nr_cpu_ids;
}

#define cpumask_first(mask) cpumask_next(-1, mask)

#define for_each_cpu(cpu, mask)                                                     \
	for ((cpu) = cpumask_next(-1, mask); (cpu) < NR_CPUS && (cpu) < nr_cpu_ids; \
	     (cpu) = cpumask_next((int)(cpu), mask))

#define for_each_possible_cpu(cpu) for_each_cpu(cpu, cpu_possible_mask)
#define for_each_present_cpu(cpu)  for_each_cpu(cpu, cpu_present_mask)
#define for_each_online_cpu(cpu)   for_each_cpu(cpu, cpu_online_mask)

#define num_possible_cpus() cpumask_weight(cpu_possible_mask)
#define num_present_cpus()  cpumask_weight(cpu_present_mask)
#define num_online_cpus()   cpumask_weight(cpu_online_mask)
#define cpu_online(cpu)	    cpumask_test_cpu(cpu, cpu_online_mask)
#define cpu_possible(cpu)   cpumask_test_cpu(cpu, cpu_possible_mask)
#define cpu_present(cpu)    cpumask_test_cpu(cpu, cpu_present_mask)

/* a mask holding just cpu (Linux: cpumask_of(), a const pointer) */
#define cpumask_of(cpu) (&(struct cpumask){ { 1UL << (cpu) } })

/* kernel/cpu.c */
void set_cpu_possible(unsigned int cpu, bool possible);
void set_cpu_present(unsigned int cpu, bool present);
void set_cpu_online(unsigned int cpu, bool online);
void init_cpu_present(const struct cpumask *src);
void setup_nr_cpu_ids(void);
void boot_cpu_init(void);

#endif
