// SPDX-License-Identifier: GPL-2.0
/*
 * drivers/scu.c: the Snoop Control Unit, after arch/arm/kernel/smp_scu.c @ v4.14.
 * Only read here: its configuration register tells how many Cortex-A9
 * cores the cluster has (Cortex-A9 MPCore TRM 2.2.2, bits [1:0] = N - 1),
 * which is what QEMU's -smp sets, whatever the DTB lists.
 */
#include <asm/io.h>
#include <mach/vexpress.h>

#define SCU_CONFIG 0x04

/**
 * scu_get_core_count() - how many Cortex-A9 cores the cluster has
 *
 * arch/arm/kernel/smp_scu.c: scu_get_core_count() @ v4.14.
 *
 * Return: 1 to 4, from the SCU configuration register (what QEMU's -smp set).
 */
unsigned int scu_get_core_count(void)
{
	return (readl(A9_SCU + SCU_CONFIG) & 0x3) + 1;
}
