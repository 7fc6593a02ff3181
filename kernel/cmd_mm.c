// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/cmd_mm.c: shell commands that show the kernel's virtual memory:
 * `layout` (mem_init()'s "Virtual kernel memory layout:") and `pgwalk VA`
 * (a table walk of swapper_pg_dir, decoded).
 */
#include <a9mm/shell.h>
#include <asm/mm.h>
#include <asm/pgwalk.h>
#include <linux/cmdline.h>
#include <linux/kernel.h>

static int do_layout(int argc, char **argv)
{
	if (argc != 1)
		return 1;
	show_vm_layout(shprintf);
	return 0;
}
SHELL_CMD("layout", do_layout, "", "the virtual kernel memory layout");

static int do_pgwalk(int argc, char **argv)
{
	unsigned long va;

	if (argc != 2)
		return 1;
	if (kstrtoul(argv[1], 0, &va)) {
		shprintf("pgwalk: '%s' is not an address\n", argv[1]);
		return 1;
	}
	shprintf("pgwalk 0x%08lx: swapper_pg_dir, TTBCR.N = 0\n", va);
	pgwalk_show(va, shprintf);
	return 0;
}
SHELL_CMD("pgwalk", do_pgwalk, "VA", "walk the page tables for VA and decode each descriptor");
