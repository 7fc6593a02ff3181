// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/cmd_sys.c: shell commands about the kernel itself: `uptime`,
 * `dmesg` (the whole log buffer, whatever loglevel hid from the console)
 * and `memblock` (the boot-time memory map, memblock=debug's dump).
 */
#include <a9mm/shell.h>
#include <linux/console.h>
#include <linux/kernel.h>
#include <linux/kmsg_dump.h>
#include <linux/memblock.h>
#include <mach/vexpress.h>

static int do_uptime(int argc, char **argv)
{
	u64 ns = global_timer_ns();
	unsigned long sec = (unsigned long)(ns / 1000000000ULL);

	shprintf("up %lu.%02lu s (global timer)\n", sec,
		 (unsigned long)(ns % 1000000000ULL / 10000000ULL));
	return 0;
}
SHELL_CMD("uptime", do_uptime, "", "time since the global timer started",
	  .linux = "the clock behind printk times: the Cortex-A9 global timer "
		   "(drivers/clocksource/arm_global_timer.c), as sched_clock()");

static int do_dmesg(int argc, char **argv)
{
	static char line[2048]; /* a record of many lines, each with its time */
	struct kmsg_dumper dumper;
	size_t len;

	kmsg_dump_rewind(&dumper);
	while (kmsg_dump_get_line(&dumper, line, sizeof(line), &len))
		console_write(line, len);
	return 0;
}
SHELL_CMD("dmesg", do_dmesg, "", "print the kernel log buffer, every level",
	  .linux = "kernel/printk/printk.c: the record log, read with kmsg_dump_get_line() "
		   "(v3.14), as dmesg reads /dev/kmsg");

static int do_memblock(int argc, char **argv)
{
	memblock_show(shprintf);
	return 0;
}
SHELL_CMD("memblock", do_memblock, "", "dump memblock.memory and memblock.reserved",
	  .linux = "mm/memblock.c: __memblock_dump_all(), the boot allocator's arrays "
		   "(memblock=debug prints them at boot, with each caller)");
