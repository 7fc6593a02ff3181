/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_MM_TYPES_H
#define _LINUX_MM_TYPES_H

/*
 * include/linux/mm_types.h @ v3.14: struct page, one per physical page frame, all
 * of them in mem_map[].  Eight words on ARM32 -- 32 bytes, as in Linux
 * 3.x/4.x -- which is what makes 194560 lowmem pages cost 1520 pages of
 * memmap in the log of the seed (the study notes a9mm grew from: a Linux
 * 4.x boot on QEMU's vexpress-a9 followed through the kernel's code; not
 * part of this repository).
 */
#include <linux/list.h>
#include <linux/types.h>

struct page {
	unsigned long flags;   /* PG_* bits; the zone in the top bits */
	int _count;	       /* references: 1 while allocated, 0 when free */
	int _mapcount;	       /* -1; PAGE_BUDDY_MAPCOUNT_VALUE while in a free list */
	unsigned long private; /* free: the block's order; allocated: its order too */
	unsigned long index;   /* on a per-cpu list: the migratetype */
	struct list_head lru;  /* free_area / per-cpu list linkage */
	void *mapping;	       /* page cache / anon: unused here, kept for the size */
};

#endif
