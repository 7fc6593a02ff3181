// SPDX-License-Identifier: GPL-2.0
/*
 * arch/arm/mm/init.c: the ARM side of memory bring-up between the DT scan
 * and the buddy allocator: arm_memblock_init(), bootmem_init() and
 * mem_init().
 */
#include <asm/memory.h>
#include <asm/mm.h>
#include <asm/sections.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/memblock.h>
#include <linux/of_fdt.h>

/* The first-level table head.S built: 4096 word entries, below the image */
#define SWAPPER_PG_DIR_SIZE (4096 * sizeof(u32))
extern char swapper_pg_dir[];

/*
 * arch/arm/mm/init.c: arm_memblock_init(): everything in RAM that is
 * already in use before any allocator exists is reserved, so memblock
 * (and later the buddy allocator) never hands it out:
 *
 *   the kernel image      [_text, _end)          memblock_reserve
 *   swapper_pg_dir        16 KiB below _text     (arm_mm_memblock_reserve)
 *   the device tree blob  fdt_totalsize bytes    (early_init_fdt_reserve_self)
 *   /memreserve/ and /reserved-memory            (early_init_fdt_scan_reserved_mem)
 */
void __init arm_memblock_init(void)
{
	memblock_reserve(__pa(_text), _end - _text);
	memblock_reserve(__pa(swapper_pg_dir), SWAPPER_PG_DIR_SIZE);
	early_init_fdt_reserve_self();
	early_init_fdt_scan_reserved_mem();
	memblock_dump_all();
}
