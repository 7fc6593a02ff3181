// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/platsmp.c: how the Versatile Express starts its secondary CPUs,
 * after arch/arm/mach-vexpress/platsmp.c and
 * arch/arm/plat-versatile/platsmp.c (Linux 4.9).
 *
 * Out of reset the secondaries sit in the board's boot loader -- QEMU
 * models the boot monitor's -- in WFI, and on an interrupt jump to the
 * address in SYS_FLAGS.  So:
 *
 *   smp_prepare_cpus():  SYS_FLAGS = physical versatile_secondary_startup
 *                        (the holding pen, boot/headsmp.S); SCU enabled
 *   __cpu_up(cpu):       pen_release = cpu's hwid, SGI IPI_WAKEUP to it,
 *                        wait up to a second for pen_release == -1
 *   the CPU:             leaves the pen, secondary_startup (head.S),
 *                        secondary_start_kernel() -> versatile_secondary_init():
 *                        pen_release = -1, then boot_lock, to wait until
 *                        the boot CPU is done with it
 */
#include <asm/cacheflush.h>
#include <asm/early_ioremap.h>
#include <asm/io.h>
#include <asm/smp.h>
#include <asm/smp_plat.h>
#include <linux/delay.h>
#include <linux/errno.h>
#include <linux/init.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/smp.h>
#include <linux/spinlock.h>
#include <mach/vexpress.h>

/*
 * arch/arm/plat-versatile/platsmp.c: pen_release: the hwid of the CPU
 * allowed out of the pen, -1 for none.  Read by a CPU whose MMU and
 * caches are off, so every write is cleaned to memory (sync_cache_w).
 */
volatile int pen_release = -1;

static DEFINE_SPINLOCK(boot_lock);

/* arch/arm/plat-versatile/platsmp.c: write_pen_release() @ v4.9 */
static void write_pen_release(int val)
{
	pen_release = val;
	smp_wmb();
	clean_dcache_area((void *)&pen_release, sizeof(pen_release));
	dsb_sev(); /* the pen waits in WFE */
}

/**
 * versatile_secondary_init() - a new CPU says it has left the pen
 * @cpu: the CPU that is starting (runs this)
 *
 * arch/arm/plat-versatile/platsmp.c: versatile_secondary_init() @ v4.9.
 */
void versatile_secondary_init(unsigned int cpu)
{
	write_pen_release(-1);
	/* wait until the boot CPU has finished versatile_boot_secondary() */
	spin_lock(&boot_lock);
	spin_unlock(&boot_lock);
}

/**
 * versatile_boot_secondary() - release one CPU from the pen
 * @cpu: the logical CPU to start
 *
 * arch/arm/plat-versatile/platsmp.c: versatile_boot_secondary() @ v4.9.
 *
 * Return: 0 when the CPU left the pen within a second, -ENOSYS (-38) when
 * it did not -- it may not exist at all (a device tree naming a core the
 * cluster lacks); it stays where it is and is never waited for again.
 */
int versatile_boot_secondary(unsigned int cpu)
{
	unsigned long timeout;
	int ret;

	spin_lock(&boot_lock);
	write_pen_release((int)cpu_logical_map(cpu));
	arch_send_wakeup_ipi_mask(cpumask_of(cpu));
	timeout = jiffies + HZ;
	while (time_before(jiffies, timeout)) {
		smp_rmb();
		if (pen_release == -1)
			break;
		udelay(10);
	}
	ret = pen_release != -1 ? -ENOSYS : 0;
	/* a CPU that did not come is not let out later, half way through another's start */
	if (ret)
		write_pen_release(-1);
	spin_unlock(&boot_lock);
	return ret;
}

/**
 * vexpress_smp_prepare_cpus() - SCU on, SYS_FLAGS at the holding pen
 * @max_cpus: how many CPUs will run (unused: all wait in the pen)
 *
 * arch/arm/mach-vexpress/platsmp.c: vexpress_smp_dt_prepare_cpus() @ v4.9
 * (the SCU part: ct_ca9x4_smp_enable()): enable the SCU, so the cores
 * snoop each other's caches, and point SYS_FLAGS at the pen.  The
 * register is write-to-set: clear every bit first (SYS_FLAGSCLR).
 */
void __init vexpress_smp_prepare_cpus(unsigned int max_cpus)
{
	u8 __iomem *scu_base = ioremap(A9_SCU_PHYS, A9_SCU_SIZE);

	if (!scu_base)
		panic("SMP: cannot ioremap the SCU at 0x%08lx", A9_SCU_PHYS);
	scu_enable(scu_base); /* stays mapped, as Linux's scu_base */
	vexpress_flags_set((u32)__pa(versatile_secondary_startup));
}

/**
 * smp_init_cpus() - cap the possible CPUs by the SCU's count
 *
 * arch/arm/mach-vexpress/ct-ca9x4.c: ct_ca9x4_init_cpu_map() @ v3.x: the
 * SCU counts the cores the cluster really has (QEMU's -smp).  The device
 * tree may name more (the board's .dts always lists four): those cannot
 * be possible.  Without a usable /cpus, the SCU's count is the CPUs.
 */
void __init smp_init_cpus(void)
{
	u8 __iomem *scu_base = early_ioremap(A9_SCU_PHYS, A9_SCU_SIZE);
	unsigned int ncores = scu_base ? scu_get_core_count(scu_base) : 1,
		     ndt = num_possible_cpus();

	if (scu_base)
		early_iounmap(scu_base, A9_SCU_SIZE);

	if (ncores > NR_CPUS) {
		pr_warn("SMP: %u cores greater than maximum (%u), clipping\n", ncores, NR_CPUS);
		ncores = NR_CPUS;
	}
	if (ndt == 1) {
		for (unsigned int i = 0; i < ncores; i++)
			set_cpu_possible(i, true);
		return;
	}
	if (ndt > ncores) {
		pr_info("SMP: the device tree lists %u CPUs, the SCU %u: %u possible\n", ndt,
			ncores, ncores);
		for (unsigned int i = ncores; i < NR_CPUS; i++)
			set_cpu_possible(i, false);
	}
}
