// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/devtree.c: setup_machine_fdt() of arch/arm/kernel/devtree.c @ v4.14: check
 * the blob the boot loader passed in r2, then let the DT scan fill
 * memblock and the command line.  A bad pointer or blob is reported with
 * what exactly is wrong; without a DT there is no memory map, so the
 * caller panics (Linux stops in the same place).
 */
#include <libfdt.h>

#include <asm/memory.h>
#include <asm/setup.h>
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
