// SPDX-License-Identifier: GPL-2.0
/*
 * drivers/arm_global_timer.c: the Cortex-A9 MPCore global timer as the
 * printk clock, after Linux's drivers/clocksource/arm_global_timer.c @ v4.14.
 * A 64-bit up-counter read as two 32-bit halves (Cortex-A9 MPCore TRM
 * 4.4.1): re-read the upper half until it is stable across the lower read.
 */
#include <asm/io.h>
#include <mach/vexpress.h>

#define GT_COUNTER0		0x00
#define GT_COUNTER1		0x04
#define GT_CONTROL		0x08
#define GT_CONTROL_TIMER_ENABLE (1 << 0)

/*
 * PERIPHCLK of the CoreTile; QEMU's model ticks every 10 ns with a zero
 * prescaler (hw/timer/a9gtimer.c), i.e. 100 MHz.
 */
#define GT_CLOCK_HZ 100000000U

/**
 * global_timer_init() - start the Cortex-A9 global timer
 *
 * drivers/clocksource/arm_global_timer.c: global_timer_of_register() @
 * v4.14, reduced to enabling the counter: a9mm registers no clocksource and
 * no clock events, it only reads the count (global_timer_ns()).
 */
void global_timer_init(void)
{
	writel(GT_CONTROL_TIMER_ENABLE, A9_GLOBAL_TIMER + GT_CONTROL);
}

/* drivers/clocksource/arm_global_timer.c: gt_counter_read() @ v4.14: upper, lower, upper again */
static u64 gt_counter_read(void)
{
	u32 lower, upper, old_upper;

	upper = readl(A9_GLOBAL_TIMER + GT_COUNTER1);
	do {
		old_upper = upper;
		lower = readl(A9_GLOBAL_TIMER + GT_COUNTER0);
		upper = readl(A9_GLOBAL_TIMER + GT_COUNTER1);
	} while (upper != old_upper);
	return ((u64)upper << 32) | lower;
}

/**
 * global_timer_rate() - the rate the global timer counts at
 *
 * PERIPHCLK, which the private timers (TWD) count too (Cortex-A9 MPCore
 * TRM 4.1: both are clocked by PERIPHCLK).
 *
 * Return: the rate in Hz (GT_CLOCK_HZ).
 */
unsigned long global_timer_rate(void)
{
	return GT_CLOCK_HZ;
}

/**
 * global_timer_ns() - nanoseconds since global_timer_init()
 *
 * The counter ticks at GT_CLOCK_HZ; under QEMU's -icount shift=0 one tick
 * of 10 ns is ten instructions' worth of virtual time.
 *
 * Return: the count converted to nanoseconds.
 */
u64 global_timer_ns(void)
{
	return gt_counter_read() * (1000000000U / GT_CLOCK_HZ);
}
