// SPDX-License-Identifier: GPL-2.0
/*
 * mm/early_ioremap.c @ v4.14: device registers mapped before ioremap()
 * works.  ioremap() needs the vmap allocator, and that needs the slab
 * allocator, both ready only after mem_init(); a9mm's printk clock (the
 * global timer) and its way to reboot (the system registers) are needed
 * from the first line of start_kernel() on.  So until their drivers
 * ioremap() them, they live in the fixmap (asm/fixmap.h): FIX_BTMAPS_SLOTS
 * slots of NR_FIX_BTMAPS pages each, below the kmap_atomic() slots.
 *
 *   early_ioremap(0x1e000200, 0x20)  ->  slot 0, 0xffe4f000 + 0x200
 *   ... boot ...
 *   ioremap(0x1e000200, 0x20)        ->  0xf0002200 (vmalloc space)
 *   early_iounmap(0xffe4f200, 0x20)      the slot is free again
 *
 * The console is the one exception: it has its own permanent fixmap slot
 * (FIX_EARLYCON_MEM_BASE, drivers/pl011.c), as Linux's earlycon does.
 * Used on the boot CPU before the others start: no lock.
 */
#include <asm/early_ioremap.h>
#include <asm/fixmap.h>
#include <linux/cmdline.h>
#include <linux/init.h>
#include <linux/kernel.h>

static void __iomem *prev_map[FIX_BTMAPS_SLOTS];
static unsigned long prev_size[FIX_BTMAPS_SLOTS];
static unsigned long slot_virt[FIX_BTMAPS_SLOTS];
static phys_addr_t prev_phys[FIX_BTMAPS_SLOTS]; /* a9mm: for the leak report */
static bool early_ioremap_debug;

static int __init early_ioremap_debug_setup(char *str)
{
	early_ioremap_debug = true;
	return 0;
}
early_param("early_ioremap_debug", early_ioremap_debug_setup);

/**
 * early_ioremap_init() - where each early_ioremap() slot starts
 *
 * arch/arm/mm/ioremap.c: early_ioremap_init() -> mm/early_ioremap.c:
 * early_ioremap_setup() @ v4.14.  Slot i is NR_FIX_BTMAPS pages from
 * FIX_BTMAP_BEGIN down, its pages at rising addresses.
 */
void __init early_ioremap_init(void)
{
	for (unsigned int i = 0; i < FIX_BTMAPS_SLOTS; i++)
		slot_virt[i] = __fix_to_virt(FIX_BTMAP_BEGIN - NR_FIX_BTMAPS * i);
}

/**
 * early_ioremap() - map device registers before ioremap() works
 * @phys_addr: physical address of the registers
 * @size: how many bytes
 *
 * mm/early_ioremap.c: early_ioremap() -> __early_ioremap() @ v4.14: the
 * first free slot, its pages set to @phys_addr's (MT_DEVICE).  Refused,
 * with Linux's warnings, when every slot is taken, when the range wraps
 * or is empty, or when it needs more than NR_FIX_BTMAPS pages.
 *
 * Return: the virtual address of @phys_addr, or NULL.
 */
void __iomem *__init early_ioremap(phys_addr_t phys_addr, unsigned long size)
{
	phys_addr_t last_addr = phys_addr + size - 1;
	unsigned long offset, nrpages;
	int slot = -1, idx;

	for (int i = 0; i < FIX_BTMAPS_SLOTS; i++)
		if (!prev_map[i]) {
			slot = i;
			break;
		}
	if (slot < 0) {
		pr_warn("WARNING: early_ioremap(%08llx, %08lx) not found slot\n", (u64)phys_addr,
			size);
		return NULL;
	}
	if (!size || last_addr < phys_addr) {
		pr_warn("WARNING: early_ioremap(%08llx, %08lx): empty or wraps around\n",
			(u64)phys_addr, size);
		return NULL;
	}
	offset = phys_addr & ~PAGE_MASK;
	phys_addr &= PAGE_MASK;
	nrpages = (PAGE_ALIGN((unsigned long)last_addr + 1) - phys_addr) >> PAGE_SHIFT;
	if (nrpages > NR_FIX_BTMAPS || (unsigned long)last_addr + 1 == 0) {
		pr_warn("WARNING: early_ioremap(%08llx, %08lx): more than %d pages\n",
			(u64)phys_addr + offset, size, NR_FIX_BTMAPS);
		return NULL;
	}
	prev_size[slot] = size;
	prev_phys[slot] = phys_addr + offset;
	for (idx = FIX_BTMAP_BEGIN - NR_FIX_BTMAPS * slot; nrpages; idx--, nrpages--) {
		set_fixmap_io((enum fixed_addresses)idx, phys_addr);
		phys_addr += PAGE_SIZE;
	}
	prev_map[slot] = (void __iomem *)(slot_virt[slot] + offset);
	if (early_ioremap_debug)
		pr_info("__early_ioremap(0x%08llx, %08lx) [%d] => %08lx + %08lx\n",
			(u64)prev_phys[slot], size, slot, offset, slot_virt[slot]);
	return prev_map[slot];
}

/**
 * early_iounmap() - undo an early_ioremap()
 * @addr: what early_ioremap() returned
 * @size: the size it was given
 *
 * mm/early_ioremap.c: early_iounmap() @ v4.14: the slot's ptes cleared
 * (and their TLB entries, on every CPU).  An address that is no slot's,
 * or a size that is not the one mapped, is refused with Linux's warning.
 */
void early_iounmap(void __iomem *addr, unsigned long size)
{
	unsigned long offset, nrpages;
	int slot = -1, idx;

	for (int i = 0; i < FIX_BTMAPS_SLOTS; i++)
		if (prev_map[i] == addr) {
			slot = i;
			break;
		}
	if (slot < 0 || !addr) {
		pr_warn("WARNING: early_iounmap(%p, %08lx) not found slot\n", addr, size);
		return;
	}
	if (prev_size[slot] != size) {
		pr_warn("WARNING: early_iounmap(%p, %08lx) [%d] size not consistent %08lx\n", addr,
			size, slot, prev_size[slot]);
		return;
	}
	if (early_ioremap_debug)
		pr_info("early_iounmap(%p, %08lx) [%d]\n", addr, size, slot);
	offset = (unsigned long)addr & ~PAGE_MASK;
	nrpages = PAGE_ALIGN(offset + size) >> PAGE_SHIFT;
	for (idx = FIX_BTMAP_BEGIN - NR_FIX_BTMAPS * slot; nrpages; idx--, nrpages--)
		clear_fixmap((enum fixed_addresses)idx);
	prev_map[slot] = NULL;
}

/**
 * check_early_ioremap_leak() - warn about early mappings never undone
 *
 * mm/early_ioremap.c: check_early_ioremap_leak() @ v4.14 (a
 * late_initcall there; start_kernel() calls it once the CPUs are up).
 * a9mm names each leaked mapping's physical address as well.
 */
void __init check_early_ioremap_leak(void)
{
	int count = 0;

	for (int i = 0; i < FIX_BTMAPS_SLOTS; i++)
		if (prev_map[i]) {
			count++;
			pr_warn("early_ioremap slot %d: 0x%08llx (%lu bytes) at %p never unmapped\n",
				i, (u64)prev_phys[i], prev_size[i], prev_map[i]);
		}
	if (count)
		pr_warn("WARNING: Debug warning: early ioremap leak of %d areas detected.\n"
			"please boot with early_ioremap_debug and report the dmesg.\n",
			count);
}
