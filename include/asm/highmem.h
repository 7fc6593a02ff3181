/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_HIGHMEM_H
#define _ASM_HIGHMEM_H

/*
 * arch/arm/include/asm/highmem.h @ v4.14: HighMem pages have no permanent kernel
 * address; kmap() lends them one of LAST_PKMAP slots in the 2 MiB below
 * PAGE_OFFSET, all in the one pte table kmap_init() allocated.
 */
#include <asm/memory.h>
#include <asm/pgtable.h>

#define LAST_PKMAP	PTRS_PER_PTE
#define LAST_PKMAP_MASK (LAST_PKMAP - 1)
#define PKMAP_NR(virt)	(((virt)-PKMAP_BASE) >> PAGE_SHIFT)
#define PKMAP_ADDR(nr)	(PKMAP_BASE + ((nr) << PAGE_SHIFT))

extern pte_t *pkmap_page_table;

/* mm/highmem.c */
void *kmap_high_pfn(unsigned long pfn);
bool kunmap_high_pfn(unsigned long pfn);
unsigned int pkmap_slots_in_use(void);
unsigned int pkmap_slot_count(unsigned int nr);
/* fixmap slots (asm/fixmap.h); the lowmem linear address for a lowmem pfn */
void *kmap_atomic_pfn(unsigned long pfn);
void __kunmap_atomic(void *kvaddr);

#endif
