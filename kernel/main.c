// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/main.c: start_kernel(), rest_init() and kernel_init() of
 * init/main.c @ v4.14, keeping the steps of memory bring-up and SMP;
 * init (pid 1) ends in the serial shell instead of /sbin/init.
 */
#include <asm/early_ioremap.h>
#include <asm/fixmap.h>
#include <asm/setup.h>
#include <asm/memory.h>
#include <asm/mm.h>
#include <asm/mmu_context.h>
#include <a9mm/ktap.h>
#include <a9mm/shell.h>
#include <linux/compaction.h>
#include <linux/console.h>
#include <linux/cpumask.h>
#include <linux/delay.h>
#include <linux/binfmts.h>
#include <linux/init.h>
#include <linux/initrd.h>
#include <linux/irqchip/arm-gic.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/of_fdt.h>
#include <linux/percpu.h>
#include <linux/slab.h>
#include <linux/sched.h>
#include <linux/swap.h>
#include <linux/smp.h>
#include <linux/tick.h>
#include <linux/vmalloc.h>
#include <linux/workqueue.h>
#include <mach/vexpress.h>
#include <string.h>

const char linux_banner[] =
	"a9mm version 0.1 (arm-none-eabi-gcc version " __VERSION__ ") #1 SMP ARMv7-A\n";

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
		 ram_probe_ns, ram_probe_count, ram_probe_pieces);
}

/*
 * init/main.c: kernel_init_freeable() @ v4.9, the part before init runs:
 * the secondary CPUs.  memblock is done by now (mem_init() gave its free
 * memory to the buddy allocator, and memblock refuses changes from then
 * on): it was only ever used by this CPU, before any other started --
 * which is why it has no lock.
 */
static void __init kernel_init_freeable(void)
{
	smp_prepare_cpus(setup_max_cpus);
	init_static_idmap(); /* early_initcall in Linux */
	smp_init();
	kmem_cache_init_late(); /* the IPIs flush_all() needs reach every CPU now */
}

static noinline void __attribute__((noreturn)) rest_init(void);
void __attribute__((noreturn)) start_kernel(void);

/**
 * start_kernel() - the C half of boot, from head.S to the shell
 *
 * init/main.c: start_kernel() @ v4.14, in its order: the boot CPU's
 * identity and per-CPU areas before the zonelists; interrupts (GIC) and
 * the tick before interrupts go on; the per-CPU pagesets once the page
 * allocator works; then the other CPUs (rest_init -> kernel_init).
 * Never returns.
 */
void __init start_kernel(void)
{
	char *command_line;
	u64 mem_ns;

	early_fixmap_init();
	early_ioremap_init();
	pl011_init();
	global_timer_init();
	vexpress_sysreg_early_init();
	printk_clock_enable();
	smp_setup_processor_id();
	boot_cpu_init();

	pr_notice("%s", linux_banner);
	setup_arch(&command_line);
	setup_nr_cpu_ids();
	setup_per_cpu_areas();
	smp_prepare_boot_cpu();
	sched_init();
	build_all_zonelists();
	pr_notice("Kernel command line: %s\n", boot_command_line);
	parse_args_late(command_line);
	mem_ns = global_timer_ns();
	mem_init();
	mem_ns = global_timer_ns() - mem_ns;
	kmem_cache_init(); /* mm_init(): right after mem_init(), as in Linux */
	mmap_init();	   /* fork_init()/proc_caches_init(): the VMA cache */
	anon_vma_init();   /* start_kernel()'s: the reverse map's cache */
	report_mm_init_cost(mem_ns);
	vmalloc_init(); /* mm_init(): once the slab allocator works */
	/* the devices leave the fixmap for ioremap(), as their drivers probe */
	pl011_probe();
	global_timer_probe();
	vexpress_sysreg_probe();
	call_function_init();
	workqueue_init_early();
	gic_init(); /* init_IRQ() */
	time_init();
	local_irq_enable();
	calibrate_delay();
	setup_per_cpu_pageset();
	rest_init();
}

/*
 * init/main.c: envp_init[] @ v4.14: the environment the kernel gives the
 * programs it starts itself -- pid 1 (rdinit=) and the shell's `run`
 * (Linux's call_usermodehelper() callers pass the same two and a PATH).
 */
char *envp_init[] = { "HOME=/", "TERM=linux", NULL };

/* init/main.c: ramdisk_execute_command @ v4.14: rdinit=, the program pid 1 becomes */
static char rdinit_path[256];

static int __init rdinit_setup(char *str)
{
	if (!str || str[0] != '/' || strlen(str) >= sizeof(rdinit_path))
		return 1; /* "Malformed option": an absolute path is wanted */
	strcpy(rdinit_path, str);
	return 0;
}
__setup("rdinit", rdinit_setup);

/*
 * init/main.c: kernel_init() @ v4.14, pid 1: the per-CPU workers and the
 * other CPUs, the rootfs, the drivers that may sleep while probing (the
 * SD card's), the boot self-tests, then what runs on the
 * console: the program rdinit= names, in user mode (returning 0 takes
 * ret_from_fork there), or -- without rdinit=, or if it cannot run --
 * the kernel shell, where Linux would exec /sbin/init.
 */
static int kernel_init(void *unused)
{
	workqueue_init();
	if (kswapd_run()) /* kswapd_init(), a module_init in Linux */
		pr_err("kswapd: not started: reclaim is left to allocating tasks\n");
	if (kcompactd_run()) /* kcompactd_init(), a subsys_initcall in Linux */
		pr_err("kcompactd: not started: compaction is left to allocating tasks\n");
	kernel_init_freeable();
	populate_rootfs(); /* rootfs_initcall in Linux */
	chr_dev_init();	   /* an fs_initcall in Linux, devtmpfs making /dev/null */
	mmci_probe();	   /* module_amba_driver(): a device_initcall, after the rootfs */
	check_early_ioremap_leak();
	system_state = SYSTEM_RUNNING;
	ktap_boot_selftests();
	pl011_startup();
	set_task_comm(current, "init");
	if (rdinit_path[0]) {
		char *argv[] = { rdinit_path, NULL };
		int ret = kernel_execve(rdinit_path, argv, envp_init);

		if (!ret)
			return 0;
		pr_err("Failed to execute %s (error %d): the kernel shell instead\n", rdinit_path,
		       ret);
	}
	shell_run();
	panic("the shell returned");
}

/*
 * init/main.c: rest_init() @ v4.14: start init (pid 1, the first task
 * after init_task), then the boot context becomes swapper/0, the boot
 * CPU's idle task, for good.
 */
static noinline void __attribute__((noreturn)) rest_init(void)
{
	pid_t pid = kernel_thread(kernel_init, NULL, 0);

	if (pid != 1)
		panic("init: pid %d, not 1", pid);
	cpu_startup_entry();
}
