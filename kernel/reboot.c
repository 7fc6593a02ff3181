// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/reboot.c: kernel/reboot.c's kernel_power_off()/kernel_restart()
 * and arch/arm/kernel/reboot.c's machine_power_off()/machine_restart()
 * (Linux 4.9): say what is happening, stop the other CPUs, then ask the
 * board (drivers/vexpress-sysreg.c).
 */
#define pr_fmt(fmt) "reboot: " fmt

#include <linux/irqflags.h>
#include <linux/kernel.h>
#include <linux/reboot.h>
#include <linux/smp.h>
#include <mach/vexpress.h>

/* arch/arm/kernel/reboot.c: machine_power_off() @ v4.9 */
static void __attribute__((noreturn)) machine_power_off(void)
{
	local_irq_disable();
	smp_send_stop();
	vexpress_power_off();
}

/* arch/arm/kernel/reboot.c: machine_restart() @ v4.9 */
static void __attribute__((noreturn)) machine_restart(void)
{
	local_irq_disable();
	smp_send_stop();
	vexpress_restart();
}

/**
 * kernel_power_off() - power the board off (QEMU exits)
 *
 * kernel/reboot.c: kernel_power_off() @ v4.9.
 */
void kernel_power_off(void)
{
	system_state = SYSTEM_POWER_OFF;
	pr_emerg("Power down\n");
	machine_power_off();
}

/**
 * kernel_restart() - reset the board
 *
 * kernel/reboot.c: kernel_restart() @ v4.9.
 */
void kernel_restart(void)
{
	system_state = SYSTEM_RESTART;
	pr_emerg("Restarting system\n");
	machine_restart();
}
