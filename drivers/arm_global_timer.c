// SPDX-License-Identifier: GPL-2.0
/*
 * drivers/arm_global_timer.c: the Cortex-A9 MPCore global timer as the
 * printk clock, after Linux's drivers/clocksource/arm_global_timer.c @ v4.14.
 * A 64-bit up-counter read as two 32-bit halves (Cortex-A9 MPCore TRM
 * 4.4.1): re-read the upper half until it is stable across the lower read.
 */
#include <asm/early_ioremap.h>
#include <asm/io.h>
#include <linux/init.h>
#include <linux/kernel.h>
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

/*
 * The registers: an early_ioremap() from the first line of start_kernel()
 * (the printk clock), ioremap() from global_timer_probe() on.
 */
static u8 __iomem *gt_base;

/**
 * global_timer_init() - start the Cortex-A9 global timer
 *
 * drivers/clocksource/arm_global_timer.c: global_timer_of_register() @
 * v4.14, reduced to enabling the counter: a9mm registers no clocksource and
 * no clock events, it only reads the count (global_timer_ns()).  Before
 * any allocator exists, so through early_ioremap().
 */
void __init global_timer_init(void)
{
	gt_base = early_ioremap(A9_GLOBAL_TIMER_PHYS, A9_GLOBAL_TIMER_SIZE);
	BUG_ON(!gt_base);
	writel(GT_CONTROL_TIMER_ENABLE, gt_base + GT_CONTROL);
}

/**
 * global_timer_probe() - the registers from early_ioremap() to ioremap()
 *
 * drivers/clocksource/arm_global_timer.c: global_timer_of_register() ->
 * of_iomap() @ v4.14, once vmalloc_init() has run; the early mapping is
 * undone.  One CPU is up, with interrupts off: nothing reads the counter
 * while gt_base changes.
 */
void __init global_timer_probe(void)
{
	u8 __iomem *early = gt_base, *base = ioremap(A9_GLOBAL_TIMER_PHYS, A9_GLOBAL_TIMER_SIZE);

	if (!base) {
		pr_err("arm_global_timer: cannot ioremap 0x%08lx: the early mapping stays\n",
		       A9_GLOBAL_TIMER_PHYS);
		return;
	}
	WRITE_ONCE(gt_base, base);
	early_iounmap(early, A9_GLOBAL_TIMER_SIZE);
}

/* drivers/clocksource/arm_global_timer.c: gt_counter_read() @ v4.14: upper, lower, upper again */
static u64 gt_counter_read(void)
{
	u32 lower, upper, old_upper;

	upper = readl(gt_base + GT_COUNTER1);
	do {
		old_upper = upper;
		lower = readl(gt_base + GT_COUNTER0);
		upper = readl(gt_base + GT_COUNTER1);
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
