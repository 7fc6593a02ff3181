// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/main.c: start_kernel() of init/main.c @ v4.14, keeping only the steps of
 * memory bring-up and ending in the serial shell instead of /sbin/init.
 */
#include <asm/cputype.h>
#include <asm/setup.h>
#include <asm/memory.h>
#include <asm/mm.h>
#include <a9mm/ktap.h>
#include <a9mm/shell.h>
#include <linux/console.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/of_fdt.h>
#include <mach/vexpress.h>

const char linux_banner[] =
	"a9mm version 0.1 (arm-none-eabi-gcc version " __VERSION__ ") #1 SMP ARMv7-A\n";

/*
 * arch/arm/kernel/smp.c: smp_init_cpus() @ v4.14 in spirit: say how many CPUs the
 * board has and that only the boot CPU runs.  The others never leave the
 * boot loader's holding pen: with QEMU's -kernel they wait in its stub
 * until SYS_FLAGS holds an entry address and an SGI arrives, and a9mm
 * writes neither.
 */
static void __init smp_report_cpus(void)
{
	unsigned int ncores = scu_get_core_count();

	pr_info("SMP: %u CPU%s in the cluster (SCU); booted on CPU%lu, "
		"%u secondary CPU%s left parked in the boot loader\n",
		ncores, ncores == 1 ? "" : "s", MPIDR_AFFINITY_LEVEL(read_cpuid_mpidr(), 0),
		ncores - 1, ncores - 1 == 1 ? "" : "s");
}

/*
 * What memory bring-up cost, in global-timer nanoseconds.  Under QEMU's
 * -icount shift=0,sleep=off one nanosecond is exactly one instruction, so
 * `make bench` reads instruction counts here; on a real board it is time.
 */
static void __init report_mm_init_cost(u64 mem_ns)
{
	unsigned long pages = NODE_DATA(0)->node_present_pages;

	pr_debug(
		"mminit cost: paging_init %llu ns, mem_init %llu ns, %lu pages, %llu ns per page\n",
		paging_init_ns, mem_ns, pages, pages ? (paging_init_ns + mem_ns) / pages : 0);
	pr_debug(
		"mminit cost: bootmem_init %llu ns + freeing to the buddy allocator %llu ns, %llu ns per page\n",
		bootmem_init_ns, free_pages_ns,
		pages ? (bootmem_init_ns + free_pages_ns) / pages : 0);
	pr_debug(
		"mminit cost: freeing lowmem %llu ns for %lu pages, HighMem %llu ns for %lu pages\n",
		free_pages_ns - free_highmem_ns, free_lowmem_pages, free_highmem_ns,
		totalhigh_pages);
	pr_debug("mminit cost: RAM probe %llu ns, %lu probes over %lu pieces of free memory\n",
		 ram_probe_ns, ram_probe_count, ram_probe_mib);
}

void __attribute__((noreturn)) start_kernel(void);

/**
 * start_kernel() - the C half of boot, from head.S to the shell
 *
 * init/main.c: start_kernel() @ v4.14, keeping the memory bring-up steps
 * in Linux's order.  Never returns.
 */
void __init start_kernel(void)
{
	char *command_line;
	u64 mem_ns;

	pl011_init();
	global_timer_init();
	printk_clock_enable();

	pr_info("Booting Linux on physical CPU 0x%lx\n", read_cpuid_mpidr() & MPIDR_HWID_BITMASK);
	pr_notice("%s", linux_banner);
	setup_arch(&command_line);
	smp_report_cpus();
	build_all_zonelists();
	pr_notice("Kernel command line: %s\n", boot_command_line);
	parse_args_late(command_line);
	mem_ns = global_timer_ns();
	mem_init();
	mem_ns = global_timer_ns() - mem_ns;
	report_mm_init_cost(mem_ns);
	ktap_boot_selftests();

	shell_run();
	panic("the shell returned");
}
