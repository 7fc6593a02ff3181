// SPDX-License-Identifier: GPL-2.0
/*
 * arch/arm/mm/init.c: the ARM side of memory bring-up between the DT scan
 * and the buddy allocator: arm_memblock_init(), bootmem_init() and
 * mem_init().
 */
#include <linux/kernel.h>
#include <linux/init.h>
