// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/idle.c: kernel/sched/idle.c's idle loop and arch/arm/kernel/
 * process.c's arch_cpu_idle() (Linux 4.9).  A CPU with nothing to do
 * waits for an interrupt in WFI -- in QEMU its vCPU thread sleeps, so an
 * idle a9mm costs the host next to nothing -- and runs whatever work an
 * interrupt brought (kernel/workqueue.c).
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
 * kernel/sched/idle.c: do_idle() @ v4.9, one round: work if there is
 * some, else sleep until an interrupt -- with the tick stopped, unless
 * this CPU keeps time (tick_nohz_idle_enter()).
 */
static void do_idle(void)
{
	local_irq_disable();
	if (need_resched()) {
		local_irq_enable();
	} else {
		tick_nohz_idle_enter();
		arch_cpu_idle();
		tick_nohz_idle_exit();
	}
	process_pending_work();
}

/**
 * cpu_startup_entry() - a secondary CPU's life once it is up
 *
 * kernel/sched/idle.c: cpu_startup_entry() @ v4.9: the idle loop, for
 * good.  (The boot CPU ends in the shell instead, which idles the same
 * way while it waits for a key.)
 */
void cpu_startup_entry(void)
{
	for (;;)
		do_idle();
}
