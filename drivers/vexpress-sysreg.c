// SPDX-License-Identifier: GPL-2.0
/*
 * drivers/vexpress-sysreg.c: power off and reset through the motherboard
 * configuration controller, as Linux's drivers/power/reset/vexpress-poweroff.c
 * @ v4.14 does via vexpress-config.  Writing SYS_CFGCTRL starts a transfer to the
 * function named in it (V2M-P1 TRM, 4.3 "System configuration"):
 *   bit 31 start, bit 30 write, [25:20] function: 8 shutdown, 9 reboot.
 */
#include <asm/io.h>
#include <mach/vexpress.h>

#define SYS_CFGDATA	 0xa0
#define SYS_CFGCTRL	 0xa4
#define SYS_CFG_START	 (1U << 31)
#define SYS_CFG_WRITE	 (1U << 30)
#define SYS_CFG_SHUTDOWN (8U << 20)
#define SYS_CFG_REBOOT	 (9U << 20)

static void __attribute__((noreturn)) sys_cfg(u32 function)
{
	writel(0, V2M_SYSREGS + SYS_CFGDATA);
	writel(SYS_CFG_START | SYS_CFG_WRITE | function, V2M_SYSREGS + SYS_CFGCTRL);
	/* The board acts asynchronously; nothing more to do here. */
	for (;;)
		__asm__ volatile("wfi");
}

/**
 * vexpress_power_off() - ask the motherboard to power off; never returns
 *
 * QEMU exits with status 0.
 */
void vexpress_power_off(void)
{
	sys_cfg(SYS_CFG_SHUTDOWN);
}

/**
 * vexpress_restart() - ask the motherboard to reset; never returns
 *
 * QEMU restarts the board, or exits when run with -no-reboot.
 */
void vexpress_restart(void)
{
	sys_cfg(SYS_CFG_REBOOT);
}
