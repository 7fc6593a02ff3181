/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_MM_TYPES_H
#define _LINUX_MM_TYPES_H

/*
 * include/linux/mm_types.h @ v4.14: struct page, one per physical page frame, all
 * of them in mem_map[].  Eight words on ARM32 -- 32 bytes, as in Linux
 * 3.x/4.x -- which is what makes 194560 lowmem pages cost 1520 pages of
 * memmap in the log of the seed (the study notes a9mm grew from: a Linux
 * 4.x boot on QEMU's vexpress-a9 followed through the kernel's code; not
 * part of this repository).
 *
 * A page the slab allocator owns (PageSlab) reuses four of the words for
 * its slab state, as Linux's SLUB does (mm/slub.c):
 *
 *   word  0      1       2                         3           4         5-6   7
 *   page  flags  _count  _mapcount                 private     index     lru   mapping
 *   slab  flags  _count  inuse:16 objects:15       slab_cache  freelist  lru:  NULL
 *         |PG_slab       frozen:1 (= counters)                           partial/full list
 *
 * and the pages behind the head of a compound block (a slab of order > 0,
 * a kmalloc_large() block: __GFP_COMP) point back at it, as Linux's do:
 *
 *   tail  flags  0       -1                        0           0         compound_head = head + 1
 *                                                                        compound_order (1st tail)
 */
#include <linux/list.h>
#include <linux/types.h>

struct kmem_cache;

struct page {
	unsigned long flags; /* PG_* bits; the zone in the top bits */
	int _count;	     /* references: 1 while allocated, 0 when free */
	union {
		int _mapcount;	       /* -1; PAGE_BUDDY_MAPCOUNT_VALUE while in a free list */
		unsigned int counters; /* SLUB: the three below, as one word */
		struct {	       /* SLUB */
			unsigned inuse : 16;   /* objects handed out (or on a CPU's freelist) */
			unsigned objects : 15; /* objects the slab holds */
			unsigned frozen : 1;   /* a CPU's active slab: on no list */
		};
	};
	union {
		unsigned long private; /* free: the block's order; allocated: its order too */
		struct kmem_cache *slab_cache; /* SLUB: the cache the slab belongs to */
	};
	union {
		unsigned long index; /* on a per-cpu list: the migratetype */
		void *freelist;	     /* SLUB: the slab's first free object */
	};
	union {
		struct list_head lru; /* free_area / per-cpu list / SLUB partial list linkage */
		struct {	      /* the pages of a compound block behind its head */
			unsigned long compound_head; /* the head's address + 1 */
			unsigned int compound_order; /* the first tail page: the block's order */
		};
	};
	void *mapping; /* page cache / anon: unused here, kept for the size */
};

#endif
