/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_MM_H
#define _ASM_MM_H

/*
 * arch/arm/mm/mm.h @ v4.14 (with asm/memblock.h): what the files of mm/ share with
 * each other and with setup_arch(), in the order setup_arch() calls them.
 */
#include <linux/types.h>

/* mm/mmu.c: end of the linear map (physical), and its virtual twin */
extern phys_addr_t arm_lowmem_limit;
extern void *high_memory;

void adjust_lowmem_bounds(void);    /* mm/mmu.c */
void arm_memblock_init(void);	    /* mm/init.c */
void early_ram_probe(void);	    /* mm/memtest.c */
void arm_mm_memblock_reserve(void); /* mm/mmu.c */
void paging_init(void);		    /* mm/mmu.c */
void bootmem_init(void);	    /* mm/bootmem.c */
void free_highpages(void);	    /* mm/bootmem.c, from mem_init() */
void mem_init(void);		    /* mm/init.c */

/*
 * The RAM probe's arch half (mm/ram_probe.c; the host tests' shim):
 * whether RAM keeps what is written at @pa (the word, and the other word
 * of its 8-byte pair, are restored), and the end of the probing.
 */
bool arch_ram_probe(phys_addr_t pa);
void arch_ram_probe_done(void);
/* mm/memtest.c: what early_ram_probe() cost, for make bench */
extern u64 ram_probe_ns;
extern unsigned long ram_probe_count, ram_probe_pieces;

/* mm/layout.c: "Virtual kernel memory layout:" through a printf-like function */
void show_vm_layout(int (*print)(const char *fmt, ...));

#endif
