// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/setup.c: setup_arch() of arch/arm/kernel/setup.c @ v4.14: from the DTB to a
 * kernel with page tables and zones, in Linux's order.
 */
#include <string.h>

#include <asm/cp15.h>
#include <asm/cputype.h>
#include <asm/memory.h>
#include <asm/mm.h>
#include <asm/page.h>
#include <asm/pgtable.h>
#include <asm/sections.h>
#include <asm/setup.h>
#include <linux/cmdline.h>
#include <linux/console.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/memblock.h>
#include <linux/of_fdt.h>
#include <mach/vexpress.h>

static char cmd_line[COMMAND_LINE_SIZE];
u64 paging_init_ns;

/* arch/arm/kernel/setup.c: setup_processor() @ v4.14, the part that prints */
static void __init setup_processor(void)
{
	unsigned long midr = read_cpuid_id();

	pr_info("CPU: ARMv7 Processor [%08lx] revision %lu (ARMv7), cr=%08lx\n", midr, midr & 0xf,
		get_cr());
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
	const char *machine_name;

	setup_processor();
	early_memblock_resize_window();
	machine_name = setup_machine_fdt(__atags_pointer);
	if (!machine_name)
		panic("no usable device tree: cannot find out where RAM is");
	pr_info("Machine model: %s\n", machine_name);

	strncpy(cmd_line, boot_command_line, sizeof(cmd_line) - 1);
	*cmdline_p = cmd_line;

	parse_early_param(cmd_line);
	register_console();

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
