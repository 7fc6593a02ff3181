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
 * include/linux/mmzone.h @ v5.13: the orders the per-cpu lists cache.
 * Above it an allocation is "costly": Linux would reclaim and compact
 * for it, and it is rare enough to go to the buddy lists each time.
 */
#define PAGE_ALLOC_COSTLY_ORDER 3
#define NR_PCP_LISTS		(MIGRATE_PCPTYPES * (PAGE_ALLOC_COSTLY_ORDER + 1))

/*
 * One CPU's cache of free blocks of one zone ("hot/cold pages").  Only
 * that CPU touches its lists, with interrupts off, so they need no lock:
 * that is the point -- most allocations and frees of order 0 to 3 never
 * take zone->lock, and when they do it is once per batch.  v3.14 cached
 * order 0 only, one list per migratetype; Linux 5.13 added a list per
 * order up to PAGE_ALLOC_COSTLY_ORDER (SLUB's slabs are order 1-3), at
 * order_to_pindex():
 *
 *   lists[]:  0 Unmovable  1 Reclaimable  2 Movable     order 0
 *             3 Unmovable  4 Reclaimable  5 Movable     order 1
 *             ...                                       ...
 *             9 Unmovable 10 Reclaimable 11 Movable     order 3
 */
struct per_cpu_pages {
	int count; /* pages on the lists (a block of order 3 counts 8) */
	int high;  /* above this, give batch back to the buddy lists */
	int batch; /* chunk size for buddy add/remove */
	struct list_head lists[NR_PCP_LISTS];
};

struct per_cpu_pageset {
	struct per_cpu_pages pcp;
};

/*
 * mm/page_alloc.c: order_to_pindex(), pindex_to_order(),
 * pcp_allowed_order() @ v5.13: which per-cpu list a block is on, and
 * which orders have one.  In a header: the shell shows the lists too.
 */
static inline int order_to_pindex(int migratetype, unsigned int order)
{
	return MIGRATE_PCPTYPES * (int)order + migratetype;
}

static inline unsigned int pindex_to_order(int pindex)
{
	return (unsigned int)(pindex / MIGRATE_PCPTYPES);
}

static inline bool pcp_allowed_order(unsigned int order)
{
	return order <= PAGE_ALLOC_COSTLY_ORDER;
}

/*
 * include/linux/mmzone.h: enum zone_stat_item @ v3.14, the counters a9mm
 * has, in Linux's order (/proc/vmstat prints them so, vmstat_text[])
 */
enum zone_stat_item {
	NR_FREE_PAGES,	       /* pages on the buddy lists (not the per-cpu ones) */
	NR_INACTIVE_ANON,      /* NR_LRU_BASE + LRU_INACTIVE_ANON: meminfo Inactive(anon) */
	NR_ACTIVE_ANON,	       /* NR_LRU_BASE + LRU_ACTIVE_ANON: Active(anon) */
	NR_INACTIVE_FILE,      /* NR_LRU_BASE + LRU_INACTIVE_FILE: Inactive(file) */
	NR_ACTIVE_FILE,	       /* NR_LRU_BASE + LRU_ACTIVE_FILE: Active(file) */
	NR_ANON_PAGES,	       /* anonymous pages mapped by a process (meminfo AnonPages) */
	NR_FILE_MAPPED,	       /* page-cache pages mapped by a process (Mapped) */
	NR_FILE_PAGES,	       /* page-cache pages: rootfs files, shmem, block devices (Cached) */
	NR_SLAB_RECLAIMABLE,   /* slab pages of SLAB_RECLAIM_ACCOUNT caches */
	NR_SLAB_UNRECLAIMABLE, /* the other slab pages */
	NR_SHMEM,	       /* of NR_FILE_PAGES, shmem's (MAP_SHARED|MAP_ANONYMOUS) */
	NR_VM_ZONE_STAT_ITEMS
};

#define NR_LRU_BASE NR_INACTIVE_ANON

/*
 * include/linux/mmzone.h: enum lru_list @ v3.14, the lists a9mm has: the
 * anonymous ones and the file ones (a block device's page cache, which
 * reclaim drops: its bytes are on the device).  Linux also has
 * LRU_UNEVICTABLE, where ramfs's pages -- a9mm's rootfs -- would sit,
 * never scanned; here they are on no list.
 *
 *   new anonymous page -> active --(aged: shrink_active_list())--> inactive
 *                           ^                                         |
 *                           +--- referenced (a young pte) -----------+
 *                                                                     |
 *                                          not referenced: swapped out, freed
 *
 *   page read from a device -> inactive --read again (mark_page_accessed())--> active
 *                                  ^  |                                          |
 *                                  |  +--> dropped from the cache, freed          |
 *                                  +-------- aged: shrink_active_list() ----------+
 */
enum lru_list {
	LRU_INACTIVE_ANON,
	LRU_ACTIVE_ANON,
	LRU_INACTIVE_FILE,
	LRU_ACTIVE_FILE,
	NR_LRU_LISTS
};

/* include/linux/mmzone.h: struct lruvec @ v3.14 (one per zone, no memcg) */
struct lruvec {
	struct list_head lists[NR_LRU_LISTS];
};

enum zone_watermarks { WMARK_MIN, WMARK_LOW, WMARK_HIGH, NR_WMARK };

enum zone_type { ZONE_NORMAL, ZONE_HIGHMEM, MAX_NR_ZONES };

#define min_wmark_pages(z)  ((z)->watermark[WMARK_MIN])
#define low_wmark_pages(z)  ((z)->watermark[WMARK_LOW])
#define high_wmark_pages(z) ((z)->watermark[WMARK_HIGH])

struct pglist_data;

/*
 * The fields the seed (the study notes a9mm grew from; not part of this
 * repository) lists.  lru_lock guards lruvec's lists, PG_lru and
 * NR_*_ANON (mm/swap.c), taken with interrupts off as in Linux 3.x.
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
	spinlock_t lru_lock;
	struct lruvec lruvec;
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

/*
 * The largest order an allocation asked kswapd or kcompactd for since the
 * daemon last looked (Linux's pgdat->kswapd_order, ->kcompactd_max_order),
 * raised to @order.  Linux raises it with a plain "if less, store", which
 * a waker racing on another CPU may undo with a smaller order; a9mm's
 * compare-and-swap keeps the larger.  The daemon takes it with an
 * exchange for 0.
 */
static inline void raise_order_hint(unsigned int *hint, unsigned int order)
{
	for (unsigned int old = READ_ONCE(*hint);
	     order > old && !__atomic_compare_exchange_n(hint, &old, order, false, __ATOMIC_RELAXED,
							 __ATOMIC_RELAXED);)
		;
}

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

/* include/linux/mmzone.h: zone_spans_pfn() @ v4.14: does the zone's span hold @pfn? */
static inline bool zone_spans_pfn(const struct zone *zone, unsigned long pfn)
{
	return zone->zone_start_pfn <= pfn && pfn < zone_end_pfn(zone);
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
