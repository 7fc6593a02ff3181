// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/devtree.c: setup_machine_fdt() of arch/arm/kernel/devtree.c @ v4.14: check
 * the blob the boot loader passed in r2, then let the DT scan fill
 * memblock and the command line; and arm_dt_init_cpu_maps(): the CPUs.  A bad pointer or blob is
 * reported with what exactly is wrong; without a DT there is no memory map, so the caller panics
 * (Linux stops in the same place).
 */
#include <libfdt.h>

#include <asm/cputype.h>
#include <asm/memory.h>
#include <asm/setup.h>
#include <asm/smp_plat.h>
#include <linux/cpumask.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/of_fdt.h>

static const char *const r2_verdicts[] = {
	[1] = "not 4-byte aligned",
	[2] = "outside the 1 GiB above PHYS_OFFSET where RAM can be",
	[3] = "no FDT magic (0xd00dfeed) there; ATAGs?",
};

/**
 * setup_machine_fdt() - check the DTB the boot loader passed, and scan it
 * @dt_phys: its physical address as head.S vetted it (0: head.S refused r2)
 *
 * arch/arm/kernel/devtree.c: setup_machine_fdt() @ v4.14.  The scan fills
 * memblock.memory and boot_command_line; every refusal names its reason.
 *
 * Return: the machine's name (the root's "model", else "compatible"), or
 * NULL when there is no usable device tree -- the caller cannot go on.
 */
const char *__init setup_machine_fdt(unsigned long dt_phys)
{
	void *dt_virt;
	int err;

	if (!dt_phys) {
		unsigned long v = __boot_r2_verdict;

		pr_err("Error: invalid device tree blob at physical address 0x%08lx (r2): %s\n",
		       __boot_r2,
		       __boot_r2 == 0				       ? "null pointer"
		       : v < ARRAY_SIZE(r2_verdicts) && r2_verdicts[v] ? r2_verdicts[v]
								       : "rejected");
		return NULL;
	}

	dt_virt = __va(dt_phys);
	err = fdt_check_header(dt_virt);
	if (err) {
		pr_err("Error: invalid device tree blob at physical address 0x%08lx: %s\n", dt_phys,
		       fdt_strerror(err));
		return NULL;
	}
	if (!early_init_dt_scan(dt_virt)) {
		pr_err("Error: device tree blob at physical address 0x%08lx rejected\n", dt_phys);
		return NULL;
	}
	return of_flat_dt_get_machine_name();
}

/**
 * arm_dt_init_cpu_maps() - the possible CPUs and their hwids from /cpus
 *
 * arch/arm/kernel/devtree.c: arm_dt_init_cpu_maps() @ v4.9: every
 * /cpus/cpu@N node with device_type "cpu" is a possible CPU; its "reg" is
 * the hardware ID (MPIDR[23:0]).  The boot CPU is logical CPU 0, the
 * others follow in the tree's order.  A tree without /cpus, with a CPU
 * node lacking "reg", with the same reg twice or without the boot CPU is
 * not trusted: then only the boot CPU is known here, and smp_init_cpus()
 * falls back on the SCU's count.
 */
void __init arm_dt_init_cpu_maps(void)
{
	u32 tmp_map[NR_CPUS], mpidr = read_cpuid_mpidr() & MPIDR_HWID_BITMASK;
	const void *blob = initial_boot_params;
	unsigned int cpuidx = 1, i, j;
	bool bootcpu_valid = false;
	int cpus, cpu;

	if (!blob || (cpus = fdt_path_offset(blob, "/cpus")) < 0)
		return;
	for (i = 0; i < NR_CPUS; i++)
		tmp_map[i] = MPIDR_INVALID;
	fdt_for_each_subnode(cpu, blob, cpus) {
		const char *type = fdt_getprop(blob, cpu, "device_type", NULL);
		const fdt32_t *cell;
		int len;
		u32 hwid = 0;

		if (!type || strcmp(type, "cpu"))
			continue;
		cell = fdt_getprop(blob, cpu, "reg", &len);
		if (!cell || len < (int)sizeof(*cell)) {
			pr_warn("DT: %s has no reg property: CPUs from the SCU only\n",
				fdt_get_name(blob, cpu, NULL));
			return;
		}
		/* the last cell carries MPIDR[23:0]; any cell before it must be 0 */
		do {
			hwid = fdt32_to_cpu(*cell++);
			len -= (int)sizeof(*cell);
		} while (!hwid && len > 0);
		if (len || (hwid & ~MPIDR_HWID_BITMASK)) {
			pr_warn("DT: %s: reg is not an MPIDR[23:0]: CPUs from the SCU only\n",
				fdt_get_name(blob, cpu, NULL));
			return;
		}
		for (j = 0; j < cpuidx; j++)
			if (tmp_map[j] == hwid) {
				pr_warn("DT: duplicate /cpu reg properties (0x%x): CPUs from the SCU only\n",
					(unsigned int)hwid);
				return;
			}
		if (hwid == mpidr) {
			i = 0;
			bootcpu_valid = true;
		} else {
			i = cpuidx++;
		}
		if (cpuidx > NR_CPUS) {
			pr_warn("DT /cpu %u nodes greater than max cores %u, capping them\n",
				cpuidx, NR_CPUS);
			cpuidx = NR_CPUS;
			break;
		}
		tmp_map[i] = hwid;
	}
	if (!bootcpu_valid) {
		pr_warn("DT missing boot CPU MPIDR[23:0], fall back to default cpu_logical_map\n");
		return;
	}
	for (i = 0; i < cpuidx; i++) {
		set_cpu_possible(i, true);
		cpu_logical_map(i) = tmp_map[i];
	}
}
