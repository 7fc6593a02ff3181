/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_MMZONE_H
#define _LINUX_MMZONE_H

/*
 * include/linux/mmzone.h @ v3.14: one memory node (ARM is UMA),
 * its zones, and each zone's buddy free lists:
 *
 *   contig_page_data (pg_data_t)
 *     node_zones[ZONE_NORMAL]   lowmem: PHYS_OFFSET .. arm_lowmem_limit
 *     node_zones[ZONE_HIGHMEM]  the rest of RAM, reached through kmap
 *       free_area[order 0..10]
 *         free_list[UNMOVABLE | RECLAIMABLE | MOVABLE | RESERVE]  nr_free
 *       pageset -> per-CPU pages of each CPU: order-0 lists, count/high/batch
 *     node_zonelists[0]: HighMem, Normal -- the order alloc_pages() tries
 */
#include <linux/compiler.h>
#include <linux/list.h>
#include <linux/mm_types.h>
#include <linux/percpu.h>
#include <linux/spinlock.h>
#include <linux/types.h>

#define MAX_ORDER	   11
#define MAX_ORDER_NR_PAGES (1UL << (MAX_ORDER - 1))
#define pageblock_order	   (MAX_ORDER - 1)
#define pageblock_nr_pages (1UL << pageblock_order)

enum {
	MIGRATE_UNMOVABLE,
	MIGRATE_RECLAIMABLE,
	MIGRATE_MOVABLE,
	MIGRATE_PCPTYPES, /* the number of types on the per-cpu lists */
	MIGRATE_RESERVE = MIGRATE_PCPTYPES,
	MIGRATE_TYPES
};

extern const char *const migratetype_names[MIGRATE_TYPES];

struct free_area {
	struct list_head free_list[MIGRATE_TYPES];
	unsigned long nr_free;
};

/*
 * One CPU's order-0 cache of one zone ("hot/cold pages").  Only that CPU
 * touches its lists, with interrupts off, so they need no lock: that is
 * the point -- most order-0 allocations and frees never take zone->lock,
 * and when they do (every batch pages) it is once per batch.
 */
struct per_cpu_pages {
	int count; /* pages on the lists */
	int high;  /* above this, give batch back to the buddy lists */
	int batch; /* chunk size for buddy add/remove */
	struct list_head lists[MIGRATE_PCPTYPES];
};

struct per_cpu_pageset {
	struct per_cpu_pages pcp;
};

/*
 * include/linux/mmzone.h: enum zone_stat_item @ v3.14, the counters a9mm
 * has, in Linux's order (/proc/vmstat prints them so, vmstat_text[])
 */
enum zone_stat_item {
	NR_FREE_PAGES,	       /* pages on the buddy lists (not the per-cpu ones) */
	NR_ANON_PAGES,	       /* anonymous pages mapped by a process (meminfo AnonPages) */
	NR_FILE_MAPPED,	       /* page-cache pages mapped by a process (Mapped) */
	NR_FILE_PAGES,	       /* page-cache pages: rootfs files and shmem (Cached) */
	NR_SLAB_RECLAIMABLE,   /* slab pages of SLAB_RECLAIM_ACCOUNT caches */
	NR_SLAB_UNRECLAIMABLE, /* the other slab pages */
	NR_SHMEM,	       /* of NR_FILE_PAGES, shmem's (MAP_SHARED|MAP_ANONYMOUS) */
	NR_VM_ZONE_STAT_ITEMS
};

enum zone_watermarks { WMARK_MIN, WMARK_LOW, WMARK_HIGH, NR_WMARK };

enum zone_type { ZONE_NORMAL, ZONE_HIGHMEM, MAX_NR_ZONES };

#define min_wmark_pages(z)  ((z)->watermark[WMARK_MIN])
#define low_wmark_pages(z)  ((z)->watermark[WMARK_LOW])
#define high_wmark_pages(z) ((z)->watermark[WMARK_HIGH])

struct pglist_data;

/*
 * The fields the seed (the study notes a9mm grew from; not part of this
 * repository) lists, but lru_lock and lruvec: a9mm has no page reclaim.
 * zone->lock guards free_area[] and NR_FREE_PAGES as in Linux, taken with
 * interrupts off; pageset points at per-CPU data (Linux 3.x): first the
 * static boot_pageset, then, from setup_per_cpu_pageset(), a pageset
 * alloc_percpu() made for each CPU.
 */
struct zone {
	unsigned long watermark[NR_WMARK];
	long lowmem_reserve[MAX_NR_ZONES];
	struct pglist_data *zone_pgdat;
	struct per_cpu_pageset __percpu *pageset;
	unsigned char *pageblock_flags; /* a migratetype per pageblock */
	unsigned long zone_start_pfn;
	unsigned long managed_pages; /* given to the buddy allocator */
	unsigned long spanned_pages; /* end_pfn - start_pfn, holes included */
	unsigned long present_pages; /* RAM pages in the span */
	const char *name;
	struct free_area free_area[MAX_ORDER];
	spinlock_t lock;
	long vm_stat[NR_VM_ZONE_STAT_ITEMS];
};

struct zoneref {
	struct zone *zone;
	int zone_idx;
};

struct zonelist {
	struct zoneref _zonerefs[MAX_NR_ZONES + 1]; /* NULL-terminated */
};

typedef struct pglist_data {
	struct zone node_zones[MAX_NR_ZONES];
	struct zonelist node_zonelists[1];
	int nr_zones;
	struct page *node_mem_map;
	unsigned long node_start_pfn;
	unsigned long node_present_pages;
	unsigned long node_spanned_pages;
	int node_id;
} pg_data_t;

/* !CONFIG_NUMA (include/linux/nodemask.h @ v3.14): one node, node 0, always online */
extern struct pglist_data contig_page_data;
#define NODE_DATA(nid)	(&contig_page_data)
#define nr_online_nodes 1U
#define MAX_NUMNODES	1
#define nr_node_ids	1U

static inline unsigned long zone_end_pfn(const struct zone *zone)
{
	return zone->zone_start_pfn + zone->spanned_pages;
}

/*
 * The per-cpu lists of @zone on @cpu: per_cpu_ptr(zone->pageset, cpu)->pcp,
 * as Linux writes it; NULL for a CPU number past NR_CPUS, or before the
 * zones exist.  Only @cpu itself changes them, with interrupts off; others
 * may read the count (a moment old).
 */
static inline struct per_cpu_pages *zone_pcp(struct zone *zone, unsigned int cpu)
{
	return cpu < NR_CPUS && zone->pageset ? &per_cpu_ptr(zone->pageset, cpu)->pcp : NULL;
}

static inline bool populated_zone(const struct zone *zone)
{
	return zone->present_pages != 0;
}

static inline bool is_highmem_idx(enum zone_type idx)
{
	return idx == ZONE_HIGHMEM;
}

static inline int zone_idx(const struct zone *zone)
{
	return (int)(zone - zone->zone_pgdat->node_zones);
}

static inline bool is_highmem(const struct zone *zone)
{
	return is_highmem_idx((enum zone_type)zone_idx(zone));
}

#define for_each_zone(zone)                                                                   \
	for (zone = NODE_DATA(0)->node_zones; zone < NODE_DATA(0)->node_zones + MAX_NR_ZONES; \
	     zone++)

#define for_each_populated_zone(zone)      \
	for_each_zone(zone)                \
		if (!populated_zone(zone)) \
			;                  \
		else

#endif
