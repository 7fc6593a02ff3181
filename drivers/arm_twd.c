// SPDX-License-Identifier: GPL-2.0
/*
 * drivers/arm_twd.c: arch/arm/kernel/smp_twd.c (Linux 4.9), each
 * Cortex-A9 core's private timer as its periodic tick.  The timers count
 * PERIPHCLK, the clock the global timer counts too: its rate is known, as
 * Linux knows it when the device tree names the timer's clock
 * (twd_get_clock()), and nothing is calibrated; every CPU loads rate / HZ
 * and reloads automatically.
 */
#include <asm/io.h>
#include <asm/smp_twd.h>
#include <linux/init.h>
#include <linux/interrupt.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/tick.h>
#include <mach/vexpress.h>

static unsigned long twd_timer_rate;
/* ioremap()ped by twd_local_timer_register(); banked: one address, each CPU its own timer */
static u8 __iomem *twd_base;

/*
 * arch/arm/kernel/smp_twd.c: twd_get_clock() @ v4.9: the rate of the
 * timer's clock, so twd_calibrate_rate() -- which lets the timer run for
 * five jiffies, 50 ms, and prints "Calibrating local timer..." -- is not
 * needed.  The clock is PERIPHCLK (Cortex-A9 MPCore TRM 4.1), the global
 * timer's; with the prescaler at 0 the TWD counts at its rate.
 */
static void __init twd_get_clock(void)
{
	twd_timer_rate = global_timer_rate();
}

/* arch/arm/kernel/smp_twd.c: twd_timer_ack() @ v4.9: was it this timer? clear it */
static bool twd_timer_ack(void)
{
	if (readl(twd_base + TWD_TIMER_INTSTAT)) {
		writel(1, twd_base + TWD_TIMER_INTSTAT);
		return true;
	}
	return false;
}

/* arch/arm/kernel/smp_twd.c: twd_handler() @ v4.9: the tick of the CPU it fired on */
static irqreturn_t twd_handler(int irq, void *dev_id)
{
	if (!twd_timer_ack())
		return IRQ_NONE;
	tick_handle_periodic();
	return IRQ_HANDLED;
}

/**
 * twd_timer_setup() - start this CPU's tick
 *
 * arch/arm/kernel/smp_twd.c: twd_timer_setup() + twd_set_periodic() @ v4.9:
 * rate / HZ, auto-reload, interrupt on; the PPI unmasked on this CPU.
 * Every CPU runs it for itself.
 */
void twd_timer_setup(void)
{
	writel(0, twd_base + TWD_TIMER_CONTROL);
	writel(1, twd_base + TWD_TIMER_INTSTAT);
	writel((u32)((twd_timer_rate + HZ / 2) / HZ), twd_base + TWD_TIMER_LOAD);
	writel(TWD_TIMER_CONTROL_ENABLE | TWD_TIMER_CONTROL_PERIODIC | TWD_TIMER_CONTROL_IT_ENABLE,
	       twd_base + TWD_TIMER_CONTROL);
	enable_percpu_irq(IRQ_LOCALTIMER, 0);
}

/**
 * twd_timer_stop() - stop this CPU's local timer
 *
 * arch/arm/kernel/smp_twd.c: twd_shutdown() @ v4.9 (the clockevent's
 * "shutdown" state): stop this CPU's timer, forget a pending tick.
 */
void twd_timer_stop(void)
{
	writel(0, twd_base + TWD_TIMER_CONTROL);
	writel(1, twd_base + TWD_TIMER_INTSTAT);
}

/**
 * twd_local_timer_register() - the rate, PPI 29, the boot CPU's tick
 *
 * arch/arm/kernel/smp_twd.c: twd_local_timer_common_register() @ v4.9,
 * from time_init().
 */
void __init twd_local_timer_register(void)
{
	/* arch/arm/kernel/smp_twd.c: twd_local_timer_of_register() -> of_iomap() @ v4.9 */
	twd_base = ioremap(A9_TWD_PHYS, A9_TWD_SIZE);
	if (!twd_base)
		panic("twd: cannot ioremap 0x%08lx", A9_TWD_PHYS);
	twd_get_clock();
	if (request_percpu_irq(IRQ_LOCALTIMER, twd_handler, "twd", NULL))
		panic("twd: cannot claim PPI %u for the local timers", IRQ_LOCALTIMER);
	twd_timer_setup();
}
