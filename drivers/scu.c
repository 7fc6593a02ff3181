// SPDX-License-Identifier: GPL-2.0
/*
 * drivers/scu.c: the Snoop Control Unit, after arch/arm/kernel/smp_scu.c @ v4.14.
 * Its configuration register tells how many Cortex-A9 cores the cluster
 * has (Cortex-A9 MPCore TRM 2.2.2, bits [1:0] = N - 1), which is what
 * QEMU's -smp sets, whatever the DTB lists; its control register turns
 * on the coherency between the cores' data caches.
 */
#include <asm/io.h>
#include <mach/vexpress.h>

#define SCU_CTRL   0x00
#define SCU_CONFIG 0x04

/**
 * scu_get_core_count() - how many Cortex-A9 cores the cluster has
 * @scu_base: the SCU's registers, mapped
 *
 * arch/arm/kernel/smp_scu.c: scu_get_core_count() @ v4.14.
 *
 * Return: 1 to 4, from the SCU configuration register (what QEMU's -smp set).
 */
unsigned int scu_get_core_count(u8 __iomem *scu_base)
{
	return (readl(scu_base + SCU_CONFIG) & 0x3) + 1;
}

/**
 * scu_enable() - turn on the SCU's coherency
 * @scu_base: the SCU's registers, mapped
 *
 * arch/arm/kernel/smp_scu.c: scu_enable() @ v4.9: SCU Control bit 0 (TRM
 * 2.2.1), if the boot loader left it off.  Linux then cleans and
 * invalidates the whole data cache (flush_cache_all()): lines the boot
 * CPU dirtied before the SCU snooped must reach memory the others read.
 * a9mm does not: QEMU models no caches, and on hardware this is where a
 * set/way clean of L1 (v7_flush_dcache_all) would go.
 */
void scu_enable(u8 __iomem *scu_base)
{
	u32 ctrl = readl(scu_base + SCU_CTRL);

	if (!(ctrl & 1))
		writel(ctrl | 1, scu_base + SCU_CTRL);
}
