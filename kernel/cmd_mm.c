// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/cmd_mm.c: shell commands that show the kernel's virtual memory:
 * `layout` (mem_init()'s "Virtual kernel memory layout:"), `pgwalk VA`
 * (a table walk of swapper_pg_dir, decoded) and `kmap PA` (a HighMem page
 * through both kinds of temporary mapping).
 */
#include <a9mm/shell.h>
#include <asm/fixmap.h>
#include <asm/highmem.h>
#include <asm/mm.h>
#include <asm/pgwalk.h>
#include <linux/cmdline.h>
#include <linux/kernel.h>
#include <linux/memblock.h>

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

/*
 * kmap PA [VALUE]: map PA's page with kmap_high_pfn() (a pkmap slot) and,
 * at the same time, with kmap_atomic_pfn() (a fixmap slot); optionally
 * write VALUE through the first, then read the word through both.  Equal
 * reads show two virtual pages on one physical page.  Unmapping leaves the
 * pkmap pte in place (Linux frees it lazily, when the slots wrap) and
 * clears the fixmap one.
 */
static int do_kmap(int argc, char **argv)
{
	unsigned long pa, value = 0, pfn;
	volatile u32 *high, *atomic;
	void *vhigh, *vatomic;

	if (argc < 2 || argc > 3)
		return 1;
	if (kstrtoul(argv[1], 0, &pa) || (argc == 3 && kstrtoul(argv[2], 0, &value))) {
		shprintf("kmap: expected a physical address and an optional value\n");
		return 1;
	}
	if (!memblock_is_memory(pa)) {
		shprintf("kmap: 0x%08lx is not RAM\n", pa);
		return 0;
	}
	pfn = __phys_to_pfn(pa);
	if (pa < arm_lowmem_limit) {
		shprintf("kmap: 0x%08lx is lowmem, always mapped at 0x%08lx\n", pa,
			 __phys_to_virt(pa));
		return 0;
	}
	vhigh = kmap_high_pfn(pfn);
	if (!vhigh)
		return 0; /* kmap_high_pfn() said why */
	high = (volatile u32 *)((unsigned long)vhigh + (pa & ~PAGE_MASK & ~3UL));
	if (argc == 3)
		*high = (u32)value;
	vatomic = kmap_atomic_pfn(pfn);
	atomic = (volatile u32 *)((unsigned long)vatomic + (pa & ~PAGE_MASK & ~3UL));
	shprintf("kmap_high_pfn(0x%05lx):   pkmap slot %lu at 0x%08lx, *0x%08lx = 0x%08x\n", pfn,
		 PKMAP_NR((unsigned long)vhigh), (unsigned long)vhigh, (unsigned long)high,
		 (unsigned int)*high);
	shprintf("kmap_atomic_pfn(0x%05lx): fixmap slot %lu at 0x%08lx, *0x%08lx = 0x%08x\n", pfn,
		 __virt_to_fix((unsigned long)vatomic), (unsigned long)vatomic,
		 (unsigned long)atomic, (unsigned int)*atomic);
	__kunmap_atomic(vatomic);
	kunmap_high_pfn(pfn);
	return 0;
}
SHELL_CMD("kmap", do_kmap, "PA [VALUE]", "map a HighMem page with kmap and kmap_atomic, read it");
