/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_OF_FDT_H
#define _LINUX_OF_FDT_H

/* include/linux/of_fdt.h @ v4.14: the early (flattened) device-tree scan. */
#include <linux/cmdline.h>
#include <linux/types.h>

/*
 * head.S maps the two 1 MiB sections from the one the blob starts in, so
 * 1 MiB is always covered wherever in its section the blob begins.
 */
#define FDT_MAX_SIZE 0x100000

extern char boot_command_line[COMMAND_LINE_SIZE];

/* the root node's #address-cells / #size-cells (early_init_dt_scan_root) */
extern int dt_root_addr_cells;
extern int dt_root_size_cells;

/* The blob the kernel booted with, once early_init_dt_verify() accepted it. */
extern void *initial_boot_params;

bool early_init_dt_verify(void *params);
void early_init_dt_scan_nodes(void);
bool early_init_dt_scan(void *params);
const char *of_flat_dt_get_machine_name(void);
void early_init_dt_add_memory_arch(u64 base, u64 size);

/* arm_memblock_init(): what of RAM the blob says is taken, and the blob */
void early_init_fdt_scan_reserved_mem(void);
void early_init_fdt_reserve_self(void);

/*
 * The arch (mm/init.c): what the kernel already keeps in [base, base +
 * size) -- "the kernel image", "swapper_pg_dir, ..." -- or NULL, so that a
 * no-map over it can be refused by name.
 */
const char *arm_memblock_owner(phys_addr_t base, phys_addr_t size);

#endif
