// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/cmd_vmalloc.c: `vmalloc SIZE [zero]` and `vfree ADDR` -- virtually
 * contiguous memory from the shell (mm/vmalloc.c).  What an area got is in
 * `cat /proc/vmallocinfo`; `pgwalk ADDR` shows its ptes.
 */
#include <a9mm/shell.h>
#include <linux/cmdline.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/vmalloc.h>

static int do_vmalloc(int argc, char **argv)
{
	unsigned long long size;
	struct vm_struct *area;
	char *end;
	void *p;

	if (argc < 2 || argc > 3 || (argc == 3 && strcmp(argv[2], "zero")))
		return 1;
	size = memparse(argv[1], &end);
	if (*end || end == argv[1]) {
		shprintf("vmalloc: '%s' is not a size (a number, K/M/G suffix allowed)\n", argv[1]);
		return 1;
	}
	if (!size || size > VMALLOC_END - VMALLOC_START) {
		shprintf("vmalloc: %llu bytes: must be 1 .. %lu (the vmalloc area)\n", size,
			 VMALLOC_END - VMALLOC_START);
		return 0;
	}
	p = argc == 3 ? vzalloc((unsigned long)size) : vmalloc((unsigned long)size);
	if (!p) {
		shprintf(
			"vmalloc: %llu bytes: failed (no block of free vmalloc space or no pages)\n",
			size);
		return 0;
	}
	area = find_vm_area(p);
	shprintf(
		"vmalloc: %llu bytes at 0x%08lx-0x%08lx: %u pages + a guard page, first pfn 0x%05lx (%s)\n",
		size, (unsigned long)p, (unsigned long)p + area->size, area->nr_pages,
		page_to_pfn(area->pages[0]), PageHighMem(area->pages[0]) ? "HighMem" : "lowmem");
	return 0;
}
SHELL_CMD("vmalloc", do_vmalloc, "SIZE [zero]",
	  "vmalloc() SIZE bytes (K/M suffix; zero: vzalloc()); free with vfree",
	  .linux = "mm/vmalloc.c (v5.4): vmalloc() -> __vmalloc_node_range() -> "
		   "__get_vm_area_node() -> alloc_vmap_area() (augmented rbtree of free space) "
		   "-> __vmalloc_area_node() -> map_vm_area()");

static int do_vfree(int argc, char **argv)
{
	struct vm_struct *area;
	unsigned long addr;
	unsigned int nr;

	if (argc != 2)
		return 1;
	if (kstrtoul(argv[1], 0, &addr)) {
		shprintf("vfree: '%s' is not an address\n", argv[1]);
		return 1;
	}
	area = find_vm_area((void *)addr);
	if (!area || !(area->flags & VM_ALLOC)) {
		vfree((void *)addr); /* says what is wrong, frees nothing */
		shprintf("vfree: 0x%08lx: refused, nothing freed\n", addr);
		return 0;
	}
	nr = area->nr_pages;
	vfree((void *)addr);
	shprintf("vfree: 0x%08lx: %u pages back to the buddy allocator\n", addr, nr);
	return 0;
}
SHELL_CMD("vfree", do_vfree, "ADDR", "vfree() what vmalloc gave (bad addresses are refused)",
	  .linux = "mm/vmalloc.c (v4.14): vfree() -> __vunmap() -> remove_vm_area() -> "
		   "vunmap_page_range() + flush_tlb_kernel_range() -> free_vmap_area(); "
		   "\"Trying to vfree() nonexistent vm area\"");
