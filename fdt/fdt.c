// SPDX-License-Identifier: GPL-2.0
/*
 * fdt/fdt.c: drivers/of/fdt.c's early scan, on the real libfdt: check the
 * blob, then read /chosen (the command line) before anything else runs.
 */
#include <libfdt.h>

#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/of_fdt.h>

char boot_command_line[COMMAND_LINE_SIZE];
void *initial_boot_params;

/* drivers/of/fdt.c: early_init_dt_verify(): refuse anything libfdt does not accept */
bool __init early_init_dt_verify(void *params)
{
	if (!params || fdt_check_header(params))
		return false;
	initial_boot_params = params;
	return true;
}

/*
 * drivers/of/fdt.c: early_init_dt_scan_chosen(): the boot loader's command
 * line is /chosen/bootargs (QEMU writes -append there).
 */
static void __init early_init_dt_scan_chosen(void)
{
	const void *fdt = initial_boot_params;
	const char *p;
	int node, len;

	node = fdt_path_offset(fdt, "/chosen");
	if (node < 0)
		node = fdt_path_offset(fdt, "/chosen@0");
	if (node < 0)
		return;
	p = fdt_getprop(fdt, node, "bootargs", &len);
	if (p && len > 0) {
		if (strnlen(p, len) >= COMMAND_LINE_SIZE)
			pr_warn("OF: fdt: bootargs longer than %d bytes, truncated\n",
				COMMAND_LINE_SIZE - 1);
		strncpy(boot_command_line, p, min(len, COMMAND_LINE_SIZE - 1));
	}
	pr_debug("OF: fdt: command line is: %s\n", boot_command_line);
}

/* drivers/of/fdt.c: early_init_dt_scan_nodes() */
void __init early_init_dt_scan_nodes(void)
{
	early_init_dt_scan_chosen();
}

/* drivers/of/fdt.c: early_init_dt_scan() */
bool __init early_init_dt_scan(void *params)
{
	if (!early_init_dt_verify(params))
		return false;
	early_init_dt_scan_nodes();
	return true;
}

/* drivers/of/fdt.c: of_flat_dt_get_machine_name(): "model", else "compatible" */
const char *__init of_flat_dt_get_machine_name(void)
{
	const char *name = fdt_getprop(initial_boot_params, 0, "model", NULL);

	if (!name)
		name = fdt_getprop(initial_boot_params, 0, "compatible", NULL);
	return name ? name : "<unknown>";
}
