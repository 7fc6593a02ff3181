/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_MEMBLOCK_H
#define _LINUX_MEMBLOCK_H

/*
 * include/linux/memblock.h @ v4.14: the boot-time memory map.  Two
 * sorted arrays of non-overlapping regions: "memory" (what RAM exists) and
 * "reserved" (what of it is taken).  Free memory = memory minus reserved.
 *
 *   memory:   [=========== bank 0 ===========]      [==== bank 1 ====]
 *   reserved:      [kernel]  [pgd]     [dtb]             [memreserve]
 *   free:     [===]        [=]   [====]     [=]      [=]            [=]
 */
#include <limits.h>

#include <linux/types.h>

#define INIT_MEMBLOCK_REGIONS	  128
#define MEMBLOCK_ALLOC_ANYWHERE	  (~(phys_addr_t)0)
#define MEMBLOCK_ALLOC_ACCESSIBLE 0

/* enum memblock_flags: a9mm has no hotplug, mirror or no-map RAM */
#define MEMBLOCK_NONE 0x0

struct memblock_region {
	phys_addr_t base;
	phys_addr_t size;
	unsigned long flags;
};

struct memblock_type {
	unsigned long cnt;	/* number of regions */
	unsigned long max;	/* size of the allocated array */
	phys_addr_t total_size; /* size of all regions */
	struct memblock_region *regions;
	const char *name;
};

struct memblock {
	bool bottom_up; /* is bottom up direction? */
	phys_addr_t current_limit;
	struct memblock_type memory;
	struct memblock_type reserved;
};

extern struct memblock memblock;
extern bool memblock_debug;

int memblock_add(phys_addr_t base, phys_addr_t size);
int memblock_remove(phys_addr_t base, phys_addr_t size);
int memblock_reserve(phys_addr_t base, phys_addr_t size);
int memblock_free(phys_addr_t base, phys_addr_t size);
int memblock_free_late(phys_addr_t base, phys_addr_t size);

/*
 * Allocations are top-down below memblock.current_limit (never the first
 * page) and come back reserved but NOT zeroed: before paging_init() the
 * memory may not be mapped yet, so the caller zeroes it once it can (as
 * early_alloc() @ v4.14 does).  memblock_alloc() panics when nothing
 * fits; memblock_alloc_base() returns 0 instead.
 */
phys_addr_t memblock_alloc(phys_addr_t size, phys_addr_t align);
phys_addr_t memblock_alloc_base(phys_addr_t size, phys_addr_t align, phys_addr_t max_addr);
phys_addr_t memblock_find_in_range(phys_addr_t start, phys_addr_t end, phys_addr_t size,
				   phys_addr_t align);

phys_addr_t memblock_phys_mem_size(void);
phys_addr_t memblock_reserved_size(void);
phys_addr_t memblock_start_of_DRAM(void);
phys_addr_t memblock_end_of_DRAM(void);
void memblock_enforce_memory_limit(phys_addr_t limit);
bool memblock_is_memory(phys_addr_t addr);
bool memblock_is_region_memory(phys_addr_t base, phys_addr_t size);
bool memblock_is_reserved(phys_addr_t addr);
bool memblock_is_region_reserved(phys_addr_t base, phys_addr_t size);
bool memblock_overlaps_region(const struct memblock_type *type, phys_addr_t base, phys_addr_t size);
void memblock_set_current_limit(phys_addr_t limit);
/*
 * A full array grows (memblock_double_array()) into memory memblock
 * allocates: before memblock_allow_resize() (paging_init(), lowmem mapped)
 * only inside the window setup_arch() sets, RAM head.S already mapped.
 */
void memblock_allow_resize(void);
void memblock_set_resize_window(phys_addr_t start, phys_addr_t end);
phys_addr_t memblock_get_current_limit(void);

/* Prints "MEMBLOCK configuration:" and both arrays, Linux's format. */
void __memblock_dump_all(void);
typedef int (*memblock_print_t)(const char *fmt, ...);
void memblock_show(memblock_print_t print);
static inline void memblock_dump_all(void)
{
	if (memblock_debug)
		__memblock_dump_all();
}

/* Back to the empty state (static arrays, no resizing); boot does not need it, tests do. */
void memblock_reset(void);
/*
 * free_all_bootmem(): the buddy allocator owns memory now.  memblock was
 * used by the boot CPU alone, before the others started (it has no lock);
 * after this every change or allocation is refused as an error.
 */
void memblock_discard(void);

/*
 * Iterators.  __next_mem_range() walks type_a minus type_b (type_b may be
 * NULL), in address order; *idx is the cursor, start at 0, ~0 at the end.
 */
void __next_mem_range(u64 *idx, struct memblock_type *type_a, struct memblock_type *type_b,
		      phys_addr_t *out_start, phys_addr_t *out_end);
void __next_mem_range_rev(u64 *idx, struct memblock_type *type_a, struct memblock_type *type_b,
			  phys_addr_t *out_start, phys_addr_t *out_end);

/* for_each_mem_range(i, type_a, type_b, p_start, p_end) */
#define for_each_mem_range(i, type_a, type_b, p_start, p_end)                                   \
	for (i = 0, __next_mem_range(&i, type_a, type_b, p_start, p_end); i != (u64)ULLONG_MAX; \
	     __next_mem_range(&i, type_a, type_b, p_start, p_end))

#define for_each_mem_range_rev(i, type_a, type_b, p_start, p_end)                           \
	for (i = (u64)ULLONG_MAX, __next_mem_range_rev(&i, type_a, type_b, p_start, p_end); \
	     i != (u64)ULLONG_MAX; __next_mem_range_rev(&i, type_a, type_b, p_start, p_end))

/* free (memory and not reserved) ranges, low to high */
#define for_each_free_mem_range(i, p_start, p_end) \
	for_each_mem_range(i, &memblock.memory, &memblock.reserved, p_start, p_end)

/* every region of memblock.memory / memblock.reserved */
#define for_each_memblock(memblock_type, region)      \
	for (region = memblock.memblock_type.regions; \
	     region < (memblock.memblock_type.regions + memblock.memblock_type.cnt); region++)

#endif
