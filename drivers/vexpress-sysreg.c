// SPDX-License-Identifier: GPL-2.0
/*
 * drivers/vexpress-sysreg.c: power off and reset through the motherboard
 * configuration controller, as Linux's drivers/power/reset/vexpress-poweroff.c
 * @ v4.14 does via vexpress-config.  Writing SYS_CFGCTRL starts a transfer to the
 * function named in it (V2M-P1 TRM, 4.3 "System configuration"):
 *   bit 31 start, bit 30 write, [25:20] function: 8 shutdown, 9 reboot.
 */
#include <asm/early_ioremap.h>
#include <asm/io.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <mach/vexpress.h>

#define SYS_MCI		 0x48 /* V2M-P1 TRM, SYS_MCI: [0] card in the slot, [1] write protected */
#define SYS_MCI_CARDIN	 (1U << 0)
#define SYS_CFGDATA	 0xa0
#define SYS_CFGCTRL	 0xa4
#define SYS_CFG_START	 (1U << 31)
#define SYS_CFG_WRITE	 (1U << 30)
#define SYS_CFG_SHUTDOWN (8U << 20)
#define SYS_CFG_REBOOT	 (9U << 20)

/* the registers: early_ioremap() until vexpress_sysreg_probe(), ioremap() after */
static u8 __iomem *sysreg_base;

/**
 * vexpress_sysreg_early_init() - reach the system registers before ioremap() works
 *
 * drivers/mfd/vexpress-sysreg.c: vexpress_sysreg_early_init() @ v3.7,
 * through early_ioremap(): a panic during boot can still power off.
 */
void __init vexpress_sysreg_early_init(void)
{
	sysreg_base = early_ioremap(V2M_SYSREGS_PHYS, V2M_SYSREGS_SIZE);
	BUG_ON(!sysreg_base);
}

/**
 * vexpress_sysreg_probe() - the system registers through ioremap()
 *
 * drivers/mfd/vexpress-sysreg.c: vexpress_sysreg_probe() -> devm_ioremap()
 * @ v4.14, once vmalloc_init() has run; the early mapping is undone.
 */
void __init vexpress_sysreg_probe(void)
{
	u8 __iomem *early = sysreg_base, *base = ioremap(V2M_SYSREGS_PHYS, V2M_SYSREGS_SIZE);

	if (!base) {
		pr_err("vexpress-sysreg: cannot ioremap 0x%08lx: the early mapping stays\n",
		       V2M_SYSREGS_PHYS);
		return;
	}
	WRITE_ONCE(sysreg_base, base);
	early_iounmap(early, V2M_SYSREGS_SIZE);
}

/**
 * vexpress_flags_set() - where the boot monitor sends secondary CPUs
 * @data: the physical address they jump to
 *
 * arch/arm/mach-vexpress/v2m.c: vexpress_flags_set() @ v3.7: SYS_FLAGS is
 * write-to-set, so every bit is cleared first (SYS_FLAGSCLR).
 */
void vexpress_flags_set(u32 data)
{
	writel(~0U, READ_ONCE(sysreg_base) + V2M_SYS_FLAGSCLR);
	writel(data, READ_ONCE(sysreg_base) + V2M_SYS_FLAGSSET);
}

/**
 * vexpress_get_mci_cardin() - is there a card in the MMC slot?
 *
 * drivers/mfd/vexpress-sysreg.c: vexpress_get_mci_cardin() @ v3.7, the
 * MMCI's card detect (its platform data's ->status): the motherboard
 * wires the slot's switch to SYS_MCI, not to the PL181.
 *
 * Return: 1 if a card is in the slot, 0 if not.
 */
unsigned int vexpress_get_mci_cardin(void)
{
	return readl(READ_ONCE(sysreg_base) + SYS_MCI) & SYS_MCI_CARDIN;
}

static void __attribute__((noreturn)) sys_cfg(u32 function)
{
	writel(0, READ_ONCE(sysreg_base) + SYS_CFGDATA);
	writel(SYS_CFG_START | SYS_CFG_WRITE | function, READ_ONCE(sysreg_base) + SYS_CFGCTRL);
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
