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
#include <linux/proc_fs.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include <mach/vexpress.h>

static int do_cat(int argc, char **argv)
{
	if (argc < 2)
		return 1;
	for (int i = 1; i < argc; i++) {
		if (strncmp(argv[i], "/proc/", 6) ? rootfs_cat(argv[i])
						  : proc_show(argv[i] + 5, shprintf))
			continue;
		shprintf("cat: %s: No such file or directory\n", argv[i]);
	}
	return 0;
}
static const char *cat_word(unsigned int argno, unsigned int i)
{
	return i < nr_proc_root_files ? proc_root_files[i].path : NULL;
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
