// SPDX-License-Identifier: GPL-2.0
/*
 * arch/arm/mm/init.c @ v4.14: the ARM side of memory bring-up between the DT scan
 * and the buddy allocator: arm_memblock_init(), bootmem_init() and
 * mem_init().
 */
#include <libfdt.h>

#include <asm/highmem.h>
#include <asm/map.h>
#include <asm/memory.h>
#include <asm/mm.h>
#include <asm/sections.h>
#include <asm/setup.h>
#include <linux/initrd.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include <linux/of_fdt.h>
#include <linux/sched_clock.h>

/**
 * kernel_image_layout() - where the kernel image's parts are, physically
 * @kl: filled in from linker.ld's symbols (the host tests fake it)
 */
void kernel_image_layout(struct kernel_layout *kl)
{
	kl->text = __pa(_text);
	kl->rodata = __pa(__start_rodata);
	kl->init = __pa(__init_begin);
	kl->init_end = __pa(__init_end);
	kl->end = __pa(_end);
}

/**
 * arm_memblock_init() - reserve in memblock what is already in use
 *
 * arch/arm/mm/init.c: arm_memblock_init() @ v4.14: everything in RAM that
 * is already in use before any allocator exists is reserved, so memblock
 * (and later the buddy allocator) never hands it out:
 *
 *   the kernel image      [_text, _end)          memblock_reserve
 *   swapper_pg_dir        16 KiB below _text     (arm_mm_memblock_reserve)
 *   the device tree blob  fdt_totalsize bytes    (early_init_fdt_reserve_self)
 *   /memreserve/ and /reserved-memory            (early_init_fdt_scan_reserved_mem)
 *   the initramfs         linux,initrd-start/end (until populate_rootfs()
 *                         has unpacked it: free_initrd_mem())
 *
 * An initrd outside RAM, over something already reserved, or in HighMem
 * (the kernel reads it through the linear map) is refused, as Linux
 * refuses the first two.
 */
void __init arm_memblock_init(void)
{
	/* cannot fail: memblock.reserved is still empty, with room for 128 */
	memblock_reserve(__pa(_text), _end - _text);
	arm_mm_memblock_reserve();
	early_init_fdt_reserve_self();
	early_init_fdt_scan_reserved_mem();
	if (phys_initrd_size && !memblock_is_region_memory(phys_initrd_start, phys_initrd_size)) {
		pr_err("INITRD: 0x%08llx+0x%08lx is not a memory region - disabling initrd\n",
		       (u64)phys_initrd_start, phys_initrd_size);
		phys_initrd_size = 0;
	}
	if (phys_initrd_size && memblock_is_region_reserved(phys_initrd_start, phys_initrd_size)) {
		pr_err("INITRD: 0x%08llx+0x%08lx overlaps in-use memory region - disabling initrd\n",
		       (u64)phys_initrd_start, phys_initrd_size);
		phys_initrd_size = 0;
	}
	if (phys_initrd_size && phys_initrd_start + phys_initrd_size > arm_lowmem_limit) {
		pr_err("INITRD: 0x%08llx+0x%08lx is not in lowmem - disabling initrd\n",
		       (u64)phys_initrd_start, phys_initrd_size);
		phys_initrd_size = 0;
	}
	if (phys_initrd_size) {
		memblock_reserve(phys_initrd_start, phys_initrd_size);
		initrd_start = (unsigned long)__va(phys_initrd_start);
		initrd_end = initrd_start + phys_initrd_size;
	}
	memblock_dump_all();
}

/**
 * arm_memblock_owner() - name what the kernel already keeps in a range
 * @base: first byte of the range
 * @size: its length in bytes
 *
 * a9mm's own, no Linux counterpart: the DT scan asks it when a no-map
 * region covers memory that is already reserved, so that the refusal names
 * what is there (a no-map over swapper_pg_dir would otherwise take the
 * live page tables out of RAM).
 *
 * Return: a description of the first thing found there, or NULL.
 */
const char *arm_memblock_owner(phys_addr_t base, phys_addr_t size)
{
	const struct memblock_type *arrays[] = { &memblock.memory, &memblock.reserved };
	phys_addr_t pgd = __pa(swapper_pg_dir), text = __pa(_text), end = __pa(_end);
	u64 last = (u64)base + size;

	if (pgd < last && base < pgd + PTRS_PER_PGD * sizeof(pgd_t))
		return "swapper_pg_dir, the kernel's own page directory";
	if (text < last && base < end)
		return "the kernel image";
	for (unsigned int i = 0; i < ARRAY_SIZE(arrays); i++) {
		phys_addr_t a = __pa(arrays[i]->regions);

		if ((a < text || a >= end) && a < last &&
		    base < a + PAGE_ALIGN(arrays[i]->max * sizeof(struct memblock_region)))
			return arrays[i] == &memblock.memory ? "memblock's memory array"
							     : "memblock's reserved array";
	}
	if (initial_boot_params && __atags_pointer < last &&
	    base < __atags_pointer + fdt_totalsize(initial_boot_params))
		return "the device tree blob";
	return NULL;
}

/*
 * mm/page_alloc.c: mem_init_print_info() @ v3.14: free and total
 * RAM, and what the kernel image's parts take.
 */
static void __init mem_init_print_info(void)
{
	unsigned long physpages = NODE_DATA(0)->node_present_pages;
	unsigned long codesize = _etext - _stext, datasize = _edata - _sdata;
	unsigned long rosize = __end_rodata - __start_rodata, bss_size = __bss_stop - __bss_start;
	unsigned long init_size = __init_end - __init_begin;

	pr_info("Memory: %luK/%luK available (%luK kernel code, %luK rwdata, %luK rodata, %luK init, %luK bss, %luK reserved, %luK highmem)\n",
		nr_free_pages() << (PAGE_SHIFT - 10), physpages << (PAGE_SHIFT - 10),
		codesize >> 10, datasize >> 10, rosize >> 10, init_size >> 10, bss_size >> 10,
		(physpages - totalram_pages) << (PAGE_SHIFT - 10),
		totalhigh_pages << (PAGE_SHIFT - 10));
}

u64 free_pages_ns, free_highmem_ns;
unsigned long free_lowmem_pages;

/**
 * mem_init() - hand free memory to the buddy allocator and say how much
 *
 * arch/arm/mm/init.c: mem_init() @ v4.14: free_all_bootmem(),
 * free_highpages(), the watermarks, "Memory: ..." and the virtual layout.
 * The freeing is timed for `make bench` (free_pages_ns in all,
 * free_highmem_ns of it HighMem's; free_lowmem_pages counts lowmem's),
 * apart from the printing, which costs what the console costs.
 */
void __init mem_init(void)
{
	u64 t0 = sched_clock(), t1, t2;

	free_lowmem_pages = free_all_bootmem();
	t1 = sched_clock();
	free_highpages();
	t2 = sched_clock();
	free_pages_ns = t2 - t0;
	free_highmem_ns = t2 - t1;
	init_per_zone_wmark_min();
	mem_init_print_info();
	show_vm_layout(printk_notice);
}
