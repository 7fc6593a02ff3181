// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/cmd_proc.c: `cat /proc/FILE` -- the /proc files a Linux reader
 * would look at for memory, generated on the spot in Linux's formats (those
 * of fs/proc/ and mm/vmstat.c @ v4.14).
 */
#include <a9mm/shell.h>
#include <asm/cpu.h>
#include <asm/memory.h>
#include <asm/sections.h>
#include <linux/fs.h>
#include <linux/irq.h>
#include <linux/kernel.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include <linux/of_fdt.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include <mach/vexpress.h>

/* fs/proc/cmdline.c @ v4.14; in two prints, as the line alone may fill a print's buffer */
static void show_cmdline(int (*print)(const char *fmt, ...))
{
	print("%s", boot_command_line);
	print("\n");
}

/*
 * kernel/resource.c @ v4.14: /proc/iomem: the devices a9mm drives, each RAM bank
 * as "System RAM", the kernel image nested inside.
 */
static void show_iomem(int (*print)(const char *fmt, ...))
{
	struct memblock_region *reg;
	phys_addr_t code = __pa(_text), code_end = __pa(_etext) - 1;
	phys_addr_t data = __pa(_sdata), data_end = __pa(_end) - 1;

	unsigned long sysregs = V2M_SYSREGS_PHYS;
	unsigned long uart = V2M_UART0_PHYS;

	print("%08lx-%08lx : %s\n", sysregs, sysregs + 0xfff, "vexpress-sysreg");
	print("%08lx-%08lx : %s\n", uart, uart + 0xfff, "uart-pl011");
	for_each_memblock(memory, reg) {
		phys_addr_t end = reg->base + reg->size - 1;

		print("%08lx-%08lx : System RAM\n", (unsigned long)reg->base, (unsigned long)end);
		if (code >= reg->base && code_end <= end)
			print("  %08lx-%08lx : Kernel code\n", (unsigned long)code,
			      (unsigned long)code_end);
		if (data >= reg->base && data_end <= end)
			print("  %08lx-%08lx : Kernel data\n", (unsigned long)data,
			      (unsigned long)data_end);
	}
}

static const struct proc_file {
	const char *path;
	void (*show)(int (*print)(const char *fmt, ...));
} proc_files[] = {
	{ "/proc/buddyinfo", show_buddyinfo },
	{ "/proc/cmdline", show_cmdline },
	{ "/proc/cpuinfo", show_cpuinfo },
	{ "/proc/interrupts", show_interrupts },
	{ "/proc/iomem", show_iomem },
	{ "/proc/meminfo", show_meminfo },
	{ "/proc/pagetypeinfo", show_pagetypeinfo },
	{ "/proc/slabinfo", show_slabinfo },
	{ "/proc/vmallocinfo", show_vmallocinfo },
	{ "/proc/zoneinfo", show_zoneinfo },
};

static int do_cat(int argc, char **argv)
{
	if (argc < 2)
		return 1;
	for (int i = 1; i < argc; i++) {
		unsigned int j;

		for (j = 0; j < ARRAY_SIZE(proc_files); j++)
			if (!strcmp(argv[i], proc_files[j].path))
				break;
		if (j == ARRAY_SIZE(proc_files)) {
			if (strncmp(argv[i], "/proc/", 6) ? rootfs_cat(argv[i])
							  : proc_pid_status(argv[i]))
				continue;
			shprintf("cat: %s: No such file or directory\n", argv[i]);
			continue;
		}
		proc_files[j].show(shprintf);
	}
	return 0;
}
static const char *cat_word(unsigned int argno, unsigned int i)
{
	return i < ARRAY_SIZE(proc_files) ? proc_files[i].path : NULL;
}
SHELL_CMD(
	"cat", do_cat,
	"/proc/{buddyinfo,pagetypeinfo,zoneinfo,meminfo,slabinfo,vmallocinfo,iomem,cmdline,cpuinfo,"
	"interrupts}",
	"print a /proc file (Linux's formats; /proc/PID/status too), or a file of the rootfs",
	.linux = "mm/vmstat.c: frag_show() (buddyinfo), pagetypeinfo_show(), "
		 "zoneinfo_show(); mm/slab_common.c: cache_show() (slabinfo); fs/proc/meminfo.c; "
		 "kernel/resource.c (iomem); fs/proc/cmdline.c; arch/arm/kernel/setup.c: c_show() "
		 "(cpuinfo); fs/proc/interrupts.c, kernel/irq/proc.c: show_interrupts(); "
		 "mm/vmalloc.c: s_show() (vmallocinfo); rootfs files: mm/filemap.c: "
		 "generic_file_buffered_read() from the page cache",
	.complete = cat_word);
