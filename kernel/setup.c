// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/setup.c: setup_arch() of arch/arm/kernel/setup.c @ v4.14: from the DTB to a
 * kernel with page tables and zones, in Linux's order.
 */
#include <string.h>

#include <asm/cp15.h>
#include <asm/cpu.h>
#include <asm/cputype.h>
#include <asm/memory.h>
#include <asm/mm.h>
#include <asm/page.h>
#include <asm/pgtable.h>
#include <asm/ptrace.h>
#include <asm/sections.h>
#include <asm/setup.h>
#include <asm/smp_plat.h>
#include <asm/thread_info.h>
#include <linux/cmdline.h>
#include <linux/console.h>
#include <linux/init.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/memblock.h>
#include <linux/of_fdt.h>
#include <linux/smp.h>
#include <mach/vexpress.h>

static char cmd_line[COMMAND_LINE_SIZE];
u64 paging_init_ns;

DEFINE_PER_CPU(struct cpuinfo_arm, cpu_data);

/* arch/arm/mach-vexpress/v2m.c: DT_MACHINE_START(VEXPRESS_DT, "ARM-Versatile Express") */
const char *machine_name = "ARM-Versatile Express";

/* include/uapi/asm/hwcap.h: what user space may use; a9mm has no VFP/NEON support */
#define HWCAP_HALF	(1 << 1)
#define HWCAP_THUMB	(1 << 2)
#define HWCAP_FAST_MULT (1 << 4)
#define HWCAP_EDSP	(1 << 7)
#define HWCAP_TLS	(1 << 15)
#define HWCAP_IDIVA	(1 << 17)
#define HWCAP_IDIVT	(1 << 18)
#define HWCAP_LPAE	(1 << 20)

static unsigned int elf_hwcap;

/* arch/arm/kernel/setup.c: hwcap_str[], the names /proc/cpuinfo's Features line uses */
static const char *const hwcap_str[] = {
	"swp",	 "half",   "thumb",  "26bit",	"fastmult", "fpa",     "vfp",	   "edsp",
	"java",	 "iwmmxt", "crunch", "thumbee", "neon",	    "vfpv3",   "vfpv3d16", "tls",
	"vfpv4", "idiva",  "idivt",  "vfpd32",	"lpae",	    "evtstrm",
};

/*
 * arch/arm/kernel/setup.c: cpuid_init_hwcaps() @ v4.9: what the ID
 * registers add to proc-v7's fixed set -- the divide instructions
 * (ID_ISAR0[27:24], B4.1.94) and LPAE (ID_MMFR0[3:0] >= 5).
 */
static void __init cpuid_init_hwcaps(void)
{
	unsigned int isar0 = read_cpuid_ext(CPUID_EXT_ISAR0);
	unsigned int mmfr0 = read_cpuid_ext(CPUID_EXT_MMFR0);

	switch ((isar0 >> 24) & 0xf) {
	case 2:
		elf_hwcap |= HWCAP_IDIVA;
		/* fall through */
	case 1:
		elf_hwcap |= HWCAP_IDIVT;
	}
	if ((mmfr0 & 0xf) >= 5)
		elf_hwcap |= HWCAP_LPAE;
}

/*
 * arch/arm/kernel/setup.c: setup_processor(), the part that prints, and
 * the hwcaps: __v7_proc_info's HWCAP_SWP|HALF|THUMB|FAST_MULT|EDSP|TLS,
 * less SWP (elf_hwcap_fixup(): a core with LDREX/STREX does not
 * advertise it, SWP is not atomic across cores).
 */
static void __init setup_processor(void)
{
	unsigned long midr = read_cpuid_id();

	pr_info("CPU: ARMv7 Processor [%08lx] revision %lu (ARMv7), cr=%08lx\n", midr, midr & 0xf,
		get_cr());
	elf_hwcap = HWCAP_HALF | HWCAP_THUMB | HWCAP_FAST_MULT | HWCAP_EDSP | HWCAP_TLS;
	cpuid_init_hwcaps();
	cpu_init(0);
}

extern char abt_stack[], und_stack[], irq_stack[];

/**
 * cpu_init() - this CPU's per-CPU offset and exception-mode stacks
 * @cpu: the logical number of the CPU running it
 *
 * arch/arm/kernel/setup.c: cpu_init() @ v4.9.  TPIDRPRW gets the CPU's
 * per-CPU offset (0 for the boot CPU until setup_per_cpu_areas(); it
 * calls again through smp_prepare_boot_cpu()); then the banked sp of
 * each exception mode points at this CPU's slice of head.S's stacks:
 * abort and undefined get EXC_STACK_SIZE each (their handlers run C
 * there), IRQ mode only the three words vector_irq saves before it
 * switches to SVC.  Linux passes the CPU through thread_info; a9mm's
 * callers know it.  Call with interrupts off.
 */
void cpu_init(unsigned int cpu)
{
	unsigned long abt = (unsigned long)abt_stack + (cpu + 1) * EXC_STACK_SIZE;
	unsigned long und = (unsigned long)und_stack + (cpu + 1) * EXC_STACK_SIZE;
	unsigned long irq = (unsigned long)irq_stack + cpu * EXC_STACK_SIZE;

	BUG_ON(cpu >= NR_CPUS);
	set_my_cpu_offset(per_cpu_offset(cpu));
	/* each mode's sp is banked: switch to it, set it, come back (no FIQ: never enabled) */
	__asm__ volatile("msr	cpsr_c, %[abt_mode]\n\t"
			 "mov	sp, %[abt]\n\t"
			 "msr	cpsr_c, %[und_mode]\n\t"
			 "mov	sp, %[und]\n\t"
			 "msr	cpsr_c, %[irq_mode]\n\t"
			 "mov	sp, %[irq]\n\t"
			 "msr	cpsr_c, %[svc_mode]"
			 :
			 : [abt] "r"(abt), [und] "r"(und), [irq] "r"(irq),
			   [abt_mode] "I"(PSR_F_BIT | PSR_I_BIT | ABT_MODE),
			   [und_mode] "I"(PSR_F_BIT | PSR_I_BIT | UND_MODE),
			   [irq_mode] "I"(PSR_F_BIT | PSR_I_BIT | IRQ_MODE),
			   [svc_mode] "I"(PSR_F_BIT | PSR_I_BIT | SVC_MODE)
			 : "memory");
}

/**
 * smp_setup_processor_id() - name the boot CPU, before anything else runs
 *
 * arch/arm/kernel/setup.c: smp_setup_processor_id() @ v4.9: the boot CPU
 * is logical CPU 0 whatever its MPIDR; the others keep their numbers
 * until the device tree says otherwise (arm_dt_init_cpu_maps()).
 * TPIDRPRW is zeroed first: its reset value is UNKNOWN, and every
 * per-CPU access (spinlocks, smp_processor_id()) goes through it.
 */
void __init smp_setup_processor_id(void)
{
	unsigned int mpidr = (unsigned int)read_cpuid_mpidr() & MPIDR_HWID_BITMASK;
	unsigned int cpu = MPIDR_AFFINITY_LEVEL(mpidr, 0);

	cpu_logical_map(0) = cpu;
	for (unsigned int i = 1; i < NR_CPUS; ++i)
		cpu_logical_map(i) = i == cpu ? 0 : i;
	set_my_cpu_offset(0);
	pr_info("Booting Linux on physical CPU 0x%x\n", mpidr);
}

/**
 * show_cpuinfo() - /proc/cpuinfo
 * @print: printf-like output function
 *
 * arch/arm/kernel/setup.c: c_show() @ v4.9, /proc/cpuinfo: every online
 * CPU as it recorded itself (smp_store_cpu_info()), then the machine.
 */
void show_cpuinfo(int (*print)(const char *fmt, ...))
{
	unsigned int cpu;

	for_each_online_cpu(cpu) {
		const struct cpuinfo_arm *ci = &per_cpu(cpu_data, cpu);
		u32 cpuid = ci->cpuid;

		print("processor\t: %u\n", cpu);
		print("model name\t: ARMv7 Processor rev %u (v7l)\n", cpuid & 15);
		print("BogoMIPS\t: %lu.%02lu\n", ci->loops_per_jiffy / (500000 / HZ),
		      (ci->loops_per_jiffy / (5000 / HZ)) % 100);
		print("Features\t: ");
		for (unsigned int j = 0; j < ARRAY_SIZE(hwcap_str); j++)
			if (elf_hwcap & (1U << j))
				print("%s ", hwcap_str[j]);
		print("\n");
		print("CPU implementer\t: 0x%02x\n", cpuid >> 24);
		print("CPU architecture: 7\n");
		print("CPU variant\t: 0x%x\n", (cpuid >> 20) & 15);
		print("CPU part\t: 0x%03x\n", (cpuid >> 4) & 0xfff);
		print("CPU revision\t: %u\n\n", cpuid & 15);
	}
	print("Hardware\t: %s\n", machine_name);
	print("Revision\t: %04x\n", 0);
	print("Serial\t\t: %016x\n", 0);
}

/*
 * a9mm: before paging_init() only head.S's sections are mapped -- the
 * kernel's own, up to the end of the MiB that _end falls in.  A memblock
 * array that fills up before then (a device tree with hundreds of banks or
 * reservations) grows into the free rest of that MiB: above the image, and
 * below the DTB if the boot loader put it there (it is not reserved yet).
 *
 *   PHYS_OFFSET   _text        _end      window       next MiB
 *   |..pgd..|=====kernel=======|--------------------|
 */
static void __init early_memblock_resize_window(void)
{
	phys_addr_t start = PAGE_ALIGN(__pa(_end));
	phys_addr_t end = round_up(__pa(_end), SECTION_SIZE);

	if (__atags_pointer >= start && __atags_pointer < end)
		end = __atags_pointer & PAGE_MASK;
	memblock_set_resize_window(start, end);
}

/*
 * What Linux silently assumes, checked: the kernel runs from RAM it was
 * told about, and lowmem has a whole 2 MiB pmd for page-table memory (see
 * adjust_lowmem_bounds()).  A DT or mem= that breaks either would crash
 * in paging_init() with the console already gone; say why instead.  So
 * would memblock's own arrays, once grown (outside the image), left out
 * of the RAM map_lowmem() maps.
 */
static void __init check_lowmem(void)
{
	phys_addr_t text = __pa(_text), end = __pa(_end);
	struct memblock_type *types[] = { &memblock.memory, &memblock.reserved };

	if (!memblock_is_region_memory(text, end - text))
		panic("the kernel image (0x%08lx-0x%08lx) is not in the RAM the device tree and mem= describe",
		      (unsigned long)text, (unsigned long)end - 1);
	for (unsigned int i = 0; i < ARRAY_SIZE(types); i++) {
		phys_addr_t a = __pa(types[i]->regions);
		phys_addr_t size = types[i]->max * sizeof(struct memblock_region);

		if ((a < text || a >= end) &&
		    (!memblock_is_region_memory(a, size) || a + size > arm_lowmem_limit))
			panic("memblock's %s array (0x%08lx-0x%08lx) is not in the lowmem the device tree and mem= describe",
			      types[i]->name, (unsigned long)a, (unsigned long)(a + size - 1));
	}
	if (memblock_get_current_limit() <= memblock_start_of_DRAM())
		panic("lowmem 0x%08lx-0x%08lx holds no whole 2 MiB pmd for early page tables",
		      (unsigned long)memblock_start_of_DRAM(), (unsigned long)arm_lowmem_limit - 1);
}

/**
 * setup_arch() - from the device tree to page tables and zones
 * @cmdline_p: set to the command line the rest of boot parses
 *
 * arch/arm/kernel/setup.c: setup_arch() @ v4.14: the DT scan, the early
 * options, lowmem's bounds, the reservations, paging_init().  Panics, with
 * the reason, where Linux would crash later without one.
 */
void __init setup_arch(char **cmdline_p)
{
	const char *model;

	setup_processor();
	early_memblock_resize_window();
	model = setup_machine_fdt(__atags_pointer);
	if (!model)
		panic("no usable device tree: cannot find out where RAM is");
	pr_info("Machine model: %s\n", model);

	strncpy(cmd_line, boot_command_line, sizeof(cmd_line) - 1);
	*cmdline_p = cmd_line;

	parse_early_param(cmd_line);
	register_console();
	arm_dt_init_cpu_maps();
	smp_init_cpus();

	/*
	 * Linux would run on and crash at the first allocation; say why
	 * instead.
	 */
	if (!memblock_phys_mem_size())
		panic("no usable RAM: no memory bank survived the device tree scan and mem=");

	adjust_lowmem_bounds();
	arm_memblock_init();
	/* a9mm: is the RAM the DT describes there?  Before anything is allocated. */
	early_ram_probe();
	/* Memory may have been removed (no-map, no RAM), so recalculate the bounds. */
	adjust_lowmem_bounds();
	check_lowmem();
	paging_init_ns = global_timer_ns();
	paging_init();
	paging_init_ns = global_timer_ns() - paging_init_ns;
}
