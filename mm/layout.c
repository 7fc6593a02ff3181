// SPDX-License-Identifier: GPL-2.0
/*
 * mm/layout.c: "Virtual kernel memory layout:", the map of the kernel's
 * 4 GiB once paging_init() has built it -- the map asm/memlayout.h draws,
 * printed from the constants and variables that define it, as the second
 * half of mem_init() in arch/arm/mm/init.c @ v4.14 does.
 */
#include <asm/highmem.h>
#include <asm/memory.h>
#include <asm/mm.h>
#include <asm/pgtable.h>
#include <asm/sections.h>
#include <linux/kernel.h>

#define MLK(b, t) (unsigned long)(b), (unsigned long)(t), (long)(((t) - (b)) >> 10)
#define MLM(b, t) (unsigned long)(b), (unsigned long)(t), (long)(((t) - (b)) >> 20)
#define MLK_ROUNDUP(b, t) \
	(unsigned long)(b), (unsigned long)(t), (long)DIV_ROUND_UP((t) - (b), SZ_1K)

/**
 * show_vm_layout() - print "Virtual kernel memory layout:"
 * @print: printf-like output: printk_notice() at boot, shprintf() for `layout`
 *
 * arch/arm/mm/init.c: mem_init() @ v4.14, its second half: the virtual
 * memory map as it now is, every figure from the constants and variables
 * that define it, in Linux's exact format.
 */
void show_vm_layout(int (*print)(const char *fmt, ...))
{
	print("Virtual kernel memory layout:\n"
	      "    vector  : 0x%08lx - 0x%08lx   (%4ld kB)\n"
	      "    fixmap  : 0x%08lx - 0x%08lx   (%4ld kB)\n"
	      "    vmalloc : 0x%08lx - 0x%08lx   (%4ld MB)\n"
	      "    lowmem  : 0x%08lx - 0x%08lx   (%4ld MB)\n"
	      "    pkmap   : 0x%08lx - 0x%08lx   (%4ld MB)\n"
	      "    modules : 0x%08lx - 0x%08lx   (%4ld MB)\n"
	      "      .text : 0x%08lx - 0x%08lx   (%4ld kB)\n"
	      "      .init : 0x%08lx - 0x%08lx   (%4ld kB)\n"
	      "      .data : 0x%08lx - 0x%08lx   (%4ld kB)\n"
	      "       .bss : 0x%08lx - 0x%08lx   (%4ld kB)\n",
	      MLK(VECTORS_BASE, VECTORS_BASE + PAGE_SIZE), MLK(FIXADDR_START, FIXADDR_END),
	      MLM(VMALLOC_START, VMALLOC_END), MLM(PAGE_OFFSET, (unsigned long)high_memory),
	      MLM(PKMAP_BASE, PKMAP_BASE + LAST_PKMAP * PAGE_SIZE), MLM(MODULES_VADDR, MODULES_END),
	      MLK_ROUNDUP(_text, _etext), MLK_ROUNDUP(__init_begin, __init_end),
	      MLK_ROUNDUP(_sdata, _edata), MLK_ROUNDUP(__bss_start, __bss_stop));
}
