// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/idle.c: kernel/sched/idle.c's idle loop and arch/arm/kernel/
 * process.c's arch_cpu_idle() (Linux 4.9).  A CPU whose run queue is
 * empty runs its idle task, swapper/N, which waits for an interrupt in
 * WFI -- in QEMU its vCPU thread sleeps, so an idle a9mm costs the host
 * next to nothing -- and calls the scheduler once a wake-up made a task
 * runnable here (TIF_NEED_RESCHED).
 */
#include <linux/irqflags.h>
#include <linux/kernel.h>
#include <linux/percpu.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <linux/tick.h>

/* whether each CPU is in WFI right now, for the smp self-test and reports */
static DEFINE_PER_CPU(bool, in_wfi);

/**
 * arch_cpu_idle() - wait for an interrupt, then take it
 *
 * arch/arm/kernel/process.c: arch_cpu_idle() -> cpu_v7_do_idle() @ v4.9:
 * DSB (everything this CPU wrote is out), WFI, then interrupts on.
 * Called with interrupts off, so an interrupt that arrives between the
 * caller's last look and the WFI just makes the WFI return at once
 * (ARM ARM B1.8.13: a pending interrupt wakes WFI whatever CPSR.I says).
 */
void arch_cpu_idle(void)
{
	WRITE_ONCE(*this_cpu_ptr(&in_wfi), true);
	__asm__ volatile("dsb\n\twfi" : : : "memory");
	WRITE_ONCE(*this_cpu_ptr(&in_wfi), false);
	local_irq_enable();
}

/**
 * cpu_in_idle() - is a CPU in WFI right now?
 * @cpu: the CPU
 *
 * Return: true while @cpu sleeps in arch_cpu_idle()'s WFI (a moment old).
 */
bool cpu_in_idle(unsigned int cpu)
{
	return READ_ONCE(per_cpu(in_wfi, cpu));
}

/*
 * kernel/sched/idle.c: do_idle() @ v4.9: sleep until an interrupt -- with
 * the tick stopped, unless this CPU keeps time (tick_nohz_idle_enter())
 * -- as long as nothing is to run; then schedule.  need_resched() is
 * tested with interrupts off: a wake-up after the test still makes the
 * WFI return (its IPI is pending).
 */
static void do_idle(void)
{
	preempt_disable(); /* the interrupt that wakes the WFI must not switch before the tick is
			      back */
	local_irq_disable();
	if (need_resched()) {
		local_irq_enable();
	} else {
		tick_nohz_idle_enter();
		arch_cpu_idle();
		tick_nohz_idle_exit();
	}
	preempt_enable_no_resched();
	if (need_resched())
		schedule_idle();
}

/**
 * cpu_startup_entry() - the idle task's life, for good
 *
 * kernel/sched/idle.c: cpu_startup_entry() @ v4.9: where every CPU's
 * boot context ends -- the boot CPU's after rest_init() has started
 * init, a secondary's once it is online.
 */
void cpu_startup_entry(void)
{
	for (;;)
		do_idle();
}
