// SPDX-License-Identifier: GPL-2.0
/*
 * lib/delay.c: arch/arm/lib/delay.c's timer-based delay loop (Linux 4.x)
 * and init/calibrate.c's calibrate_delay() for it: with a constant-rate
 * timer there is nothing to calibrate -- loops_per_jiffy is simply the
 * timer's ticks per jiffy, and BogoMIPS follow from it.
 */
#include <linux/delay.h>
#include <linux/init.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <asm/barrier.h>

unsigned long loops_per_jiffy = 4096; /* Linux's (1 << 12) until calibrated */
static const struct delay_timer *delay_timer;

/**
 * register_current_timer_delay() - delay loops count this timer from now on
 * @timer: a free-running up-counter and its frequency
 *
 * arch/arm/lib/delay.c: register_current_timer_delay() @ v4.9.
 */
void __init register_current_timer_delay(const struct delay_timer *timer)
{
	unsigned int res = (unsigned int)(1000000000UL / timer->freq);

	pr_info("Switching to timer-based delay loop, resolution %uns\n", res);
	delay_timer = timer;
	loops_per_jiffy = timer->freq / HZ;
}

/* arch/arm/lib/delay.c: __timer_delay() @ v4.9: wait for cycles ticks (wrap-safe) */
static void __timer_delay(unsigned long cycles)
{
	unsigned long start = delay_timer->read_current_timer();

	while (delay_timer->read_current_timer() - start < cycles)
		cpu_relax();
}

/**
 * udelay() - busy-wait at least @usecs microseconds
 * @usecs: microseconds (keep it short: milliseconds want mdelay())
 *
 * arch/arm/lib/delay.c: __timer_udelay() @ v4.9; before a timer is
 * registered there is nothing to count, and boot never needs to wait.
 */
void udelay(unsigned long usecs)
{
	if (delay_timer)
		__timer_delay((unsigned long)(((u64)usecs * delay_timer->freq + 999999) / 1000000));
}

/**
 * mdelay() - busy-wait at least @msecs milliseconds
 * @msecs: milliseconds
 *
 * include/linux/delay.h: mdelay() @ v4.9, one millisecond at a time.
 */
void mdelay(unsigned long msecs)
{
	while (msecs--)
		udelay(1000);
}

/**
 * calibrate_delay() - loops_per_jiffy for this CPU, said once
 *
 * init/calibrate.c: calibrate_delay() @ v4.9, the timer-based case
 * (calibrate_delay_is_known / lpj_fine): every CPU gets the same value,
 * only the first to call prints it.
 */
void calibrate_delay(void)
{
	static bool printed;

	if (printed)
		return;
	pr_info("Calibrating delay loop (skipped), value calculated using timer frequency.. %lu.%02lu BogoMIPS (lpj=%lu)\n",
		loops_per_jiffy / (500000 / HZ), (loops_per_jiffy / (5000 / HZ)) % 100,
		loops_per_jiffy);
	printed = true;
}
