// SPDX-License-Identifier: GPL-2.0
/*
 * mm/context.c: arch/arm/mm/context.c @ v4.14 -- ASIDs for the 2-level
 * (non-LPAE) MMU.  Every user mapping is non-global (PTE_EXT_NG), so the
 * TLB tags it with the ASID in CONTEXTIDR at the time of the walk (ARM
 * ARM B3.9.3): entries of several address spaces live side by side and a
 * switch between processes flushes nothing.
 *
 *   mm->context.id:  | generation ... | ASID (8 bits) |
 *
 * ASIDs are handed out from a bitmap, once per generation.  When the 255
 * usable ones (ASID 0 is kept for the moment TTBR0 and CONTEXTIDR
 * disagree) run out, a new generation starts (flush_context()): the
 * bitmap empties but for the ASIDs CPUs are running right now (kept as
 * "reserved" -- the process on that CPU goes on with it), and every CPU
 * flushes its TLB before it next switches.  An mm whose id is of an old
 * generation gets a new ASID at its next switch-in.
 */
#include <linux/cpumask.h>
#include <linux/kernel.h>
#include <linux/mm_types.h>
#include <linux/percpu.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <linux/spinlock.h>
#include <asm/mmu_context.h>

#define ASID_FIRST_VERSION (1ULL << ASID_BITS)
#define NUM_USER_ASIDS	   ASID_FIRST_VERSION
#define BITS_PER_LONG	   32

static DEFINE_SPINLOCK(cpu_asid_lock);
static atomic64_t asid_generation = ATOMIC64_INIT(ASID_FIRST_VERSION);
static unsigned long asid_map[NUM_USER_ASIDS / BITS_PER_LONG];

/* the ASID each CPU runs (0 once a rollover took note of it), and what a rollover kept */
static DEFINE_PER_CPU(atomic64_t, active_asids);
static DEFINE_PER_CPU(u64, reserved_asids);
static cpumask_t tlb_flush_pending;

static bool asid_test_and_set(unsigned int asid)
{
	unsigned long bit = 1UL << (asid % BITS_PER_LONG);
	bool was = asid_map[asid / BITS_PER_LONG] & bit;

	asid_map[asid / BITS_PER_LONG] |= bit;
	return was;
}

/* lib/find_bit.c: find_next_zero_bit() @ v4.14 on asid_map: NUM_USER_ASIDS if none */
static unsigned int asid_next_zero(unsigned int from)
{
	unsigned int asid;

	for (asid = from; asid < NUM_USER_ASIDS; asid++)
		if (!(asid_map[asid / BITS_PER_LONG] & (1UL << (asid % BITS_PER_LONG))))
			return asid;
	return NUM_USER_ASIDS;
}

/*
 * arch/arm/mm/context.c: flush_context() @ v4.14, cpu_asid_lock held: a
 * new generation.  What every CPU runs now stays reserved; every CPU's
 * TLB is to be flushed before it next switches mm.
 */
static void flush_context(void)
{
	unsigned int i;
	u64 asid;

	memset(asid_map, 0, sizeof(asid_map));
	for_each_possible_cpu(i) {
		asid = (u64)atomic64_xchg(per_cpu_ptr(&active_asids, i), 0);
		/*
		 * A CPU that went through a rollover and has not switched
		 * since still runs its reserved ASID: keep it.
		 */
		if (asid == 0)
			asid = per_cpu(reserved_asids, i);
		asid_test_and_set((unsigned int)(asid & ~ASID_MASK));
		per_cpu(reserved_asids, i) = asid;
	}
	WRITE_ONCE(tlb_flush_pending.bits[0], cpu_possible_mask->bits[0]);
}

/* arch/arm/mm/context.c: check_update_reserved_asid() @ v4.14 */
static bool check_update_reserved_asid(u64 asid, u64 newasid)
{
	unsigned int cpu;
	bool hit = false;

	for_each_possible_cpu(cpu) {
		if (per_cpu(reserved_asids, cpu) == asid) {
			hit = true;
			per_cpu(reserved_asids, cpu) = newasid;
		}
	}
	return hit;
}

/*
 * arch/arm/mm/context.c: new_context() @ v4.14, cpu_asid_lock held: an
 * id of the current generation for @mm -- its old ASID if still free
 * (or reserved for it), else the next free one, else a rollover.
 */
static u64 new_context(struct mm_struct *mm)
{
	static unsigned int cur_idx = 1;
	u64 asid = (u64)atomic64_read(&mm->context.id);
	u64 generation = (u64)atomic64_read(&asid_generation);

	if (asid != 0) {
		u64 newasid = generation | (asid & ~ASID_MASK);

		if (check_update_reserved_asid(asid, newasid))
			return newasid;
		if (!asid_test_and_set((unsigned int)(asid & ~ASID_MASK)))
			return newasid;
	}

	/* from ASID 1: 0 is what runs while TTBR0 and CONTEXTIDR change (cpu_set_reserved_ttbr0) */
	asid = asid_next_zero(cur_idx);
	if (asid == NUM_USER_ASIDS) {
		generation = (u64)atomic64_add_return(ASID_FIRST_VERSION, &asid_generation);
		flush_context();
		asid = asid_next_zero(1);
	}
	asid_test_and_set((unsigned int)asid);
	cur_idx = (unsigned int)asid;
	cpumask_clear(&mm->cpu_vm_mask);
	return asid | generation;
}

/**
 * check_and_switch_context() - run @mm on this CPU: its ASID, its page directory
 * @mm: the address space
 * @tsk: the task switched to (unused, as in Linux's 2-level code)
 *
 * arch/arm/mm/context.c: check_and_switch_context() @ v4.14.  TTBR0 and
 * CONTEXTIDR cannot change together, so the CPU first runs on the kernel's
 * table (global entries only: nothing a walk finds there is tagged with
 * an ASID), then takes the new ASID, then the new table
 * (cpu_switch_mm()).  The fast path -- an id of this generation -- takes
 * no lock: the xchg on active_asids races with a rollover's, and if the
 * rollover won (it left 0) the slow path runs.  Preemption is off.
 */
void check_and_switch_context(struct mm_struct *mm, struct task_struct *tsk)
{
	unsigned int cpu = smp_processor_id();
	unsigned long flags;
	u64 asid;

	cpu_set_reserved_ttbr0();

	asid = (u64)atomic64_read(&mm->context.id);
	if (!((asid ^ (u64)atomic64_read(&asid_generation)) >> ASID_BITS) &&
	    atomic64_xchg(per_cpu_ptr(&active_asids, cpu), (long long)asid))
		goto switch_mm_fastpath;

	spin_lock_irqsave(&cpu_asid_lock, flags);
	asid = (u64)atomic64_read(&mm->context.id);
	if ((asid ^ (u64)atomic64_read(&asid_generation)) >> ASID_BITS) {
		asid = new_context(mm);
		atomic64_set(&mm->context.id, (long long)asid);
	}
	if (cpumask_test_cpu(cpu, &tlb_flush_pending)) {
		cpumask_clear_cpu(cpu, &tlb_flush_pending);
		local_flush_bp_all();
		local_flush_tlb_all();
	}
	atomic64_set(per_cpu_ptr(&active_asids, cpu), (long long)asid);
	cpumask_set_cpu(cpu, &mm->cpu_vm_mask);
	spin_unlock_irqrestore(&cpu_asid_lock, flags);

switch_mm_fastpath:
	cpu_do_switch_mm(__pa(mm->pgd), ASID(mm));
}

/**
 * asid_generation_now() - the generation ASIDs are handed out in
 *
 * Return: asid_generation >> ASID_BITS (1 at boot), for the self-test
 * and the shell.
 */
unsigned long asid_generation_now(void)
{
	return (unsigned long)((u64)atomic64_read(&asid_generation) >> ASID_BITS);
}

/**
 * switch_mm() - @next's address space on this CPU
 * @prev: the address space the CPU ran
 * @next: the one it is to run
 * @tsk: the task switched to
 *
 * arch/arm/include/asm/mmu_context.h: switch_mm() @ v4.14: nothing to do
 * if the CPU runs @next already.  Preemption is off.
 */
void switch_mm(struct mm_struct *prev, struct mm_struct *next, struct task_struct *tsk)
{
	unsigned int cpu = smp_processor_id();

	if (!cpumask_test_cpu(cpu, &next->cpu_vm_mask) || prev != next) {
		cpumask_set_cpu(cpu, &next->cpu_vm_mask);
		check_and_switch_context(next, tsk);
	}
}
