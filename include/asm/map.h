/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_MAP_H
#define _ASM_MAP_H

/*
 * arch/arm/include/asm/mach/map.h @ v4.14: a static mapping request, and the
 * memory types map_lowmem()/devicemaps_init() ask for (mm/mmu.c's
 * mem_types[] says what each means to the MMU).
 */
#include <linux/types.h>
#include <asm/pgtable.h>

struct map_desc {
	unsigned long virtual;
	unsigned long pfn;
	unsigned long length;
	unsigned int type;
};

enum {
	MT_DEVICE,	 /* I/O registers: shareable device, never executed */
	MT_MEMORY_RWX,	 /* RAM the kernel runs from (text and init) */
	MT_MEMORY_RW,	 /* the rest of RAM: execute-never */
	MT_MEMORY_RX,	 /* kernel text with rodata=on */
	MT_MEMORY_RO,	 /* .rodata with rodata=on */
	MT_HIGH_VECTORS, /* the vectors page at 0xffff0000 */
	MT_NR_TYPES
};

struct mem_type {
	const char *name;
	pteval_t prot_pte;  /* Linux pte bits for 4 KiB pages */
	pmdval_t prot_l1;   /* first-level bits when pointing at a pte table */
	pmdval_t prot_sect; /* first-level bits of a 1 MiB section (0: pages only) */
	unsigned int domain;
};

extern const struct mem_type mem_types[MT_NR_TYPES];

/* arch/arm/include/asm/pgtable.h: PAGE_KERNEL @ v4.14: RAM, read/write, never executed */
#define PAGE_KERNEL (mem_types[MT_MEMORY_RW].prot_pte)

/* The physical layout of the kernel image (linker symbols; host tests fake it). */
struct kernel_layout {
	phys_addr_t text;     /* _text */
	phys_addr_t rodata;   /* __start_rodata */
	phys_addr_t init;     /* __init_begin (= __end_rodata) */
	phys_addr_t init_end; /* __init_end */
	phys_addr_t end;      /* _end */
};
void kernel_image_layout(struct kernel_layout *kl);

void create_mapping(const struct map_desc *md);

/* rodata=on: text read-only and executable, rodata read-only */
extern bool rodata_enabled;

#endif
