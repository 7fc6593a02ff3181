/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_OF_FDT_H
#define _LINUX_OF_FDT_H

/* include/linux/of_fdt.h: the early (flattened) device-tree scan. */
#include <linux/cmdline.h>
#include <linux/types.h>

extern char boot_command_line[COMMAND_LINE_SIZE];

/* The blob the kernel booted with, once early_init_dt_verify() accepted it. */
extern void *initial_boot_params;

bool early_init_dt_verify(void *params);
void early_init_dt_scan_nodes(void);
bool early_init_dt_scan(void *params);
const char *of_flat_dt_get_machine_name(void);

#endif
