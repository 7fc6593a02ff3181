// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/time.c: arch/arm/kernel/time.c's time_init() and the periodic
 * tick of kernel/time/tick-common.c + timer.c (Linux 4.9): jiffies, kept
 * by the boot CPU's local timer; the global timer, which never stops and
 * which all CPUs share, counts the delay loop (and printk's clock).
 */
#include <asm/smp_twd.h>
#include <linux/delay.h>
#include <linux/hardirq.h>
#include <linux/init.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/smp.h>
#include <linux/sched.h>
#include <linux/tick.h>
#include <linux/timer.h>
#include <mach/vexpress.h>

volatile unsigned long jiffies;

/* kernel/time/tick-common.c: tick_do_timer_cpu, the CPU whose tick keeps jiffies */
static unsigned int tick_do_timer_cpu;

/* drivers/clocksource/arm_global_timer.c: gt_read_long() @ v4.9, for the delay loop */
static unsigned long gt_read_long(void)
{
	return (unsigned long)(global_timer_ns() / 10);
}

static const struct delay_timer gt_delay_timer = {
	.read_current_timer = gt_read_long,
	.freq = 100000000, /* PERIPHCLK, drivers/arm_global_timer.c */
};

/**
 * tick_handle_periodic() - one tick on this CPU
 *
 * kernel/time/tick-common.c: tick_handle_periodic() -> tick_periodic() @ v4.9
 * and update_process_times() @ v4.9: the time-keeping CPU advances
 * jiffies (do_timer()) and runs the timers due (run_local_timers());
 * every CPU counts down its running task's slice (scheduler_tick()),
 * and the tick is the task's user or system time by the mode it
 * interrupted.
 */
void tick_handle_periodic(void)
{
	if (smp_processor_id() == tick_do_timer_cpu) {
		WRITE_ONCE(jiffies, jiffies + 1);
		run_timers();
	}
	scheduler_tick(get_irq_regs() && user_mode(get_irq_regs()));
}

/**
 * tick_nohz_idle_enter() - an idle CPU that keeps no time stops its tick
 *
 * kernel/time/tick-sched.c: tick_nohz_idle_enter() @ v4.9 (NO_HZ_IDLE),
 * reduced: with no timers to wait for, the only CPU whose idle tick
 * matters is the one advancing jiffies (tick_do_timer_cpu); every other
 * idle CPU stops its TWD, so an idle four-CPU a9mm takes 100 interrupts
 * a second, not 400.  Interrupts are off.
 */
void tick_nohz_idle_enter(void)
{
	if (smp_processor_id() != tick_do_timer_cpu)
		twd_timer_stop();
}

/**
 * tick_nohz_idle_exit() - the CPU has work: its tick again
 *
 * kernel/time/tick-sched.c: tick_nohz_idle_exit() @ v4.9: the CPU has work: its tick again
 */
void tick_nohz_idle_exit(void)
{
	if (smp_processor_id() != tick_do_timer_cpu)
		twd_timer_setup();
}

/**
 * time_init() - the clocks, from start_kernel()
 *
 * arch/arm/kernel/time.c: time_init() @ v4.9 (the clocksource probes):
 * the global timer as delay timer, the boot CPU's TWD as its tick.
 */
void __init time_init(void)
{
	tick_do_timer_cpu = smp_processor_id();
	register_current_timer_delay(&gt_delay_timer);
	twd_local_timer_register();
}
