// SPDX-License-Identifier: GPL-2.0
/*
 * mm/page_alloc.c @ v3.14: zones, mem_map and the buddy allocator.  A
 * reader with today's Linux will not find buffered_rmqueue(),
 * free_hot_cold_page() or MIGRATE_RESERVE: they went in 4.4-4.15.  The
 * per-cpu lists are v5.13's: they cache blocks of order 0 to
 * PAGE_ALLOC_COSTLY_ORDER (3), a list per order and migratetype.
 *
 * Boot:   free_area_init_node -> calculate_node_totalpages,
 *         alloc_node_mem_map, free_area_init_core (per zone: sizes,
 *         zone_pcp_init, setup_usemap, memmap_init_zone)
 *         build_all_zonelists -> build_zonelists_node (HighMem first)
 * Run:    alloc_pages -> get_page_from_freelist (zonelist, watermarks)
 *           -> buffered_rmqueue (order <= 3: this CPU's lists, rmqueue_bulk)
 *           -> __rmqueue -> __rmqueue_smallest + expand, __rmqueue_fallback
 *         __free_pages -> free_hot_cold_page (order <= 3) / __free_pages_ok
 *           -> __free_one_page (merge with pfn ^ (1 << order) while free)
 *
 * A free block of 2^order pages is on free_area[order].free_list[mt] by
 * its first page, which has PageBuddy set and private = order:
 *
 *   order 2 block at pfn 8:  [8 B,o=2][9][10][11]    buddy of 8 at order 2: 12
 *   freeing 12..15 (order 2) finds 8 free at order 2 -> one order-3 block at 8
 */
#include <stdarg.h>

#include <linux/cmdline.h>
#include <linux/compaction.h>
#include <linux/errno.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include <linux/percpu.h>
#include <linux/smp.h>
#include <linux/swap.h>
#include <linux/task_name.h>
#include <linux/vmstat.h>
#include <asm/memmap.h>
#include <trace/events/kmem.h>

/* include/trace/events/kmem.h: each CPU's probe, NULL when nobody listens */
struct kmem_trace *kmem_trace_probe[NR_CPUS];

struct pglist_data contig_page_data;
struct page *mem_map;
unsigned long min_low_pfn, max_low_pfn, max_pfn;
unsigned long totalram_pages, totalhigh_pages;
int min_free_kbytes = 1024;
int mminit_loglevel;

static unsigned long nr_kernel_pages, nr_all_pages;
static unsigned long dma_reserve;

static const char *const zone_names[MAX_NR_ZONES] = { "Normal", "HighMem" };

const char *const migratetype_names[MIGRATE_TYPES] = {
	"Unmovable",
	"Reclaimable",
	"Movable",
	"Reserve",
};

/* mm/page_alloc.c: sysctl_lowmem_reserve_ratio[] @ v3.14, 32 for the zone below HighMem */
static const int sysctl_lowmem_reserve_ratio[MAX_NR_ZONES - 1] = { 32 };

/* mm/page_alloc.c: fallbacks[] @ v3.14: where to look when a type's lists are empty */
static const int fallbacks[MIGRATE_TYPES][3] = {
	[MIGRATE_UNMOVABLE] = { MIGRATE_RECLAIMABLE, MIGRATE_MOVABLE, MIGRATE_RESERVE },
	[MIGRATE_RECLAIMABLE] = { MIGRATE_UNMOVABLE, MIGRATE_MOVABLE, MIGRATE_RESERVE },
	[MIGRATE_MOVABLE] = { MIGRATE_RECLAIMABLE, MIGRATE_UNMOVABLE, MIGRATE_RESERVE },
	[MIGRATE_RESERVE] = { MIGRATE_RESERVE, MIGRATE_RESERVE, MIGRATE_RESERVE },
};

#define ALLOC_WMARK_MIN	 WMARK_MIN
#define ALLOC_WMARK_LOW	 WMARK_LOW
#define ALLOC_WMARK_MASK 0x03
#define ALLOC_HARDER	 0x10
#define ALLOC_HIGH	 0x20

/* mm/mm_init.c: set_mminit_loglevel() @ v4.14: "mminit_loglevel=4" traces the freeing */
static int __init set_mminit_loglevel(char *str)
{
	unsigned int v;
	int err = str ? kstrtouint(str, 0, &v) : -EINVAL;

	if (err || v > 7) {
		pr_err("mminit_loglevel=%s: %s, ignored\n", str ? str : "",
		       err == -EINVAL ? "expected 0..7" : "out of range 0..7 (ERANGE)");
		return 0;
	}
	mminit_loglevel = (int)v;
	return 0;
}
early_param("mminit_loglevel", set_mminit_loglevel);

bool _debug_pagealloc_enabled;

/*
 * "debug_pagealloc=on|off" (mm/page_alloc.c: early_debug_pagealloc() @
 * v4.6, Linux's switch for the page allocator's debugging): on, a9mm
 * checks every page of every block it allocates or frees, at boot too, as
 * Linux 3.x always does; off (the default, as in Linux) it checks the
 * first page of each block.  a9mm's does not unmap free pages as Linux's
 * does.
 */
static int __init early_debug_pagealloc(char *buf)
{
	if (buf && !strcmp(buf, "on"))
		_debug_pagealloc_enabled = true;
	else if (buf && !strcmp(buf, "off"))
		_debug_pagealloc_enabled = false;
	else
		pr_err("debug_pagealloc=%s: expected on or off, ignored\n", buf ? buf : "");
	return 0;
}
early_param("debug_pagealloc", early_debug_pagealloc);

/* --- pageblock migratetypes (include/linux/pageblock-flags.h @ v3.14) --- */

/* mm/page_alloc.c: pfn_to_bitidx() @ v3.14: a9mm keeps a byte, not 3 bits, per pageblock */
static inline unsigned long pfn_to_bitidx(const struct zone *zone, unsigned long pfn)
{
	return (pfn - round_down(zone->zone_start_pfn, pageblock_nr_pages)) >> pageblock_order;
}

/*
 * include/linux/mmzone.h: get_pfnblock_migratetype() @ v3.17: for a
 * caller that has the page's zone and pfn already (the free path), so
 * they are not worked out twice.
 */
static __always_inline int get_pfnblock_migratetype(const struct zone *zone, unsigned long pfn)
{
	return zone->pageblock_flags[pfn_to_bitidx(zone, pfn)];
}

/**
 * get_pageblock_migratetype() - the migrate type of a page's pageblock
 * @page: a page of a zone
 *
 * include/linux/mmzone.h: get_pageblock_migratetype() @ v3.14.
 *
 * Return: MIGRATE_UNMOVABLE..MIGRATE_RESERVE: the free list its pages go
 * back to (order 0 first waits on a per-cpu list: RESERVE on Movable's).
 */
int get_pageblock_migratetype(const struct page *page)
{
	return get_pfnblock_migratetype(page_zone(page), page_to_pfn(page));
}

/* mm/page_alloc.c: set_pageblock_migratetype() @ v3.14 */
static void set_pageblock_migratetype(struct page *page, int migratetype)
{
	struct zone *zone = page_zone(page);

	zone->pageblock_flags[pfn_to_bitidx(zone, page_to_pfn(page))] = (unsigned char)migratetype;
}

/* --- boot: sizes, mem_map, zones --- */

/*
 * mm/page_alloc.c: calc_memmap_size() @ v3.14: struct pages for the whole span.
 * On ARM32 a struct page is 32 bytes, the figure behind the seed's (the
 * study notes a9mm grew from; not part of this repository)
 * "1520 pages used for memmap" (194560 x 32 bytes); the host's 64-bit
 * words make it bigger there, which the host tests allow for.
 */
static unsigned long __init calc_memmap_size(unsigned long spanned_pages)
{
	BUILD_BUG_ON(sizeof(void *) == 4 && sizeof(struct page) != 32);
	return PAGE_ALIGN(spanned_pages * sizeof(struct page)) >> PAGE_SHIFT;
}

/**
 * zone_batchsize() - how many pages the per-cpu lists move at a time
 * @zone: the zone, its managed_pages known
 *
 * mm/page_alloc.c: zone_batchsize() @ v3.14: about a quarter of a
 * thousandth of the zone, at most 512 KiB worth, then made 2^n - 1
 * ("batch sizes that are a power of two may alias with cache colouring",
 * Linux's comment).
 *
 * Return: the batch, at least 1 -- the "LIFO batch" of the boot log.
 */
int zone_batchsize(const struct zone *zone)
{
	int batch = (int)(zone->managed_pages / 1024);

	if (batch * PAGE_SIZE > 512 * 1024)
		batch = (512 * 1024) / PAGE_SIZE;
	batch /= 4; /* We effectively *= 4 below */
	if (batch < 1)
		batch = 1;
	return (int)rounddown_pow_of_two((unsigned long)(batch + batch / 2)) - 1;
}

/*
 * mm/page_alloc.c: boot_pageset @ v3.14, one per CPU: every zone's pageset
 * until setup_per_cpu_pageset().  Its high is 0, so each page freed to it
 * goes straight on to the buddy lists: during boot nothing is cached.
 */
static DEFINE_PER_CPU(struct per_cpu_pageset, boot_pageset);

/* mm/page_alloc.c: pageset_set_batch() @ v3.14: high = 6 x batch */
static void pageset_set_batch(struct per_cpu_pageset *p, int batch)
{
	p->pcp.batch = max(1, batch);
	p->pcp.high = 6 * batch;
}

/* mm/page_alloc.c: pageset_init() @ v5.13: empty lists, one per order and migratetype */
static void pageset_init(struct per_cpu_pageset *p)
{
	p->pcp.count = 0;
	for (int pindex = 0; pindex < NR_PCP_LISTS; pindex++)
		INIT_LIST_HEAD(&p->pcp.lists[pindex]);
}

/* mm/page_alloc.c: setup_pageset() @ v3.14 */
static void setup_pageset(struct per_cpu_pageset *p, int batch)
{
	pageset_init(p);
	pageset_set_batch(p, batch);
}

/*
 * mm/page_alloc.c: zone_pcp_init() @ v3.14: the per-CPU areas do not
 * exist yet; the zone points at boot_pageset's template address, which
 * per_cpu_ptr() will turn into each CPU's copy once they do.
 */
static void __init zone_pcp_init(struct zone *zone)
{
	zone->pageset = &boot_pageset;
	if (zone->present_pages)
		pr_debug("  %s zone: %lu pages, LIFO batch:%u\n", zone->name, zone->present_pages,
			 zone_batchsize(zone));
}

/**
 * setup_per_cpu_pageset() - give every zone a pageset per CPU
 *
 * mm/page_alloc.c: setup_per_cpu_pageset() @ v3.14 -> setup_zone_pageset():
 * alloc_percpu() a pageset for each populated zone, with the zone's batch
 * and high, for every possible CPU.  The boot pagesets it replaces are
 * empty (their high is 0).  Called once by the boot CPU, after mem_init()
 * and before the other CPUs start.
 */
void __init setup_per_cpu_pageset(void)
{
	struct zone *zone;
	unsigned int cpu;

	for_each_populated_zone(zone) {
		struct per_cpu_pageset __percpu *pcp = alloc_percpu(struct per_cpu_pageset);

		if (!pcp) {
			pr_err("%s zone: no per-CPU memory for pagesets: keeping boot_pageset (no caching)\n",
			       zone->name);
			continue;
		}
		for_each_possible_cpu(cpu)
			setup_pageset(per_cpu_ptr(pcp, cpu), zone_batchsize(zone));
		zone->pageset = pcp;
	}
}

/* mm/page_alloc.c: zone_init_free_lists() @ v3.14 */
static void __init zone_init_free_lists(struct zone *zone)
{
	for (unsigned int order = 0; order < MAX_ORDER; order++) {
		for (int t = 0; t < MIGRATE_TYPES; t++)
			INIT_LIST_HEAD(&zone->free_area[order].free_list[t]);
		zone->free_area[order].nr_free = 0;
	}
}

/* mm/page_alloc.c: setup_usemap() @ v3.14: a migratetype byte per pageblock */
static noinline void __init setup_usemap(struct zone *zone, unsigned long zone_start_pfn,
					 unsigned long zonesize)
{
	unsigned long start = round_down(zone_start_pfn, pageblock_nr_pages);
	unsigned long n = DIV_ROUND_UP(zone_start_pfn + zonesize - start, pageblock_nr_pages);

	zone->pageblock_flags = __va(memblock_alloc(n, 4));
	memset(zone->pageblock_flags, 0, n);
}

/*
 * mm/page_alloc.c: memmap_init_zone() @ v3.14: every struct page of the
 * zone starts reserved with one reference -- __init_single_page() @ v4.15:
 * the zone in flags (set_page_links), _count 1 (init_page_count),
 * _mapcount -1 (page_mapcount_reset), the rest zero (mm_zero_struct_page),
 * an empty lru -- and free_all_bootmem() later frees the ones memblock did
 * not reserve.  Those words are the same for every page but the lru, so
 * the page is built once and the run of them written by
 * arch_init_struct_pages() (asm/memmap.h: one 8-register STM a page on
 * ARM), instead of field by field with mem_map reloaded for each pfn.
 *
 * Every pageblock starts MIGRATE_MOVABLE so early kernel allocations
 * steal whole blocks instead of scattering.  (Linux marks only the
 * pageblock-aligned pfns, leaving a zone's partial first block UNMOVABLE;
 * a9mm marks the zone's first pfn too, so every block the zone touches
 * starts alike.)
 */
static void __init memmap_init_zone(unsigned long size, enum zone_type zone,
				    unsigned long start_pfn)
{
	unsigned long end_pfn = start_pfn + size;
	struct page first = { .flags = 0 };

	set_page_zone(&first, zone);
	SetPageReserved(&first);
	arch_init_struct_pages(pfn_to_page(start_pfn), pfn_to_page(end_pfn), first.flags);
	for (unsigned long pfn = start_pfn; pfn < end_pfn;
	     pfn = round_down(pfn, pageblock_nr_pages) + pageblock_nr_pages)
		set_pageblock_migratetype(pfn_to_page(pfn), MIGRATE_MOVABLE);
}

/* mm/page_alloc.c: calculate_node_totalpages() @ v3.14 */
static void __init calculate_node_totalpages(struct pglist_data *pgdat, unsigned long *zones_size,
					     unsigned long *zholes_size)
{
	unsigned long totalpages = 0, realtotalpages = 0;

	for (int i = 0; i < MAX_NR_ZONES; i++) {
		totalpages += zones_size[i];
		realtotalpages += zones_size[i] - zholes_size[i];
	}
	pgdat->node_spanned_pages = totalpages;
	pgdat->node_present_pages = realtotalpages;
	pr_debug("On node %d totalpages: %lu\n", pgdat->node_id, realtotalpages);
}

/*
 * mm/page_alloc.c: alloc_node_mem_map() @ v3.14 (FLATMEM): one struct page for
 * every pfn of the node, the array aligned to MAX_ORDER blocks so that
 * any buddy __free_one_page() looks at has a struct page.  memblock does
 * not zero: the padding outside the node is zeroed here (never a buddy),
 * the node's own pages by memmap_init_zone().  Not inlined, like
 * setup_usemap(): memblock=debug then names it as the caller.
 *
 *   map                 node_mem_map                          end
 *   [ padding (zeroed) | node_start_pfn .. + spanned (zones) | padding ]
 */
static noinline void __init alloc_node_mem_map(struct pglist_data *pgdat)
{
	unsigned long start = pgdat->node_start_pfn & ~(MAX_ORDER_NR_PAGES - 1);
	unsigned long end =
		ALIGN(pgdat->node_start_pfn + pgdat->node_spanned_pages, MAX_ORDER_NR_PAGES);
	unsigned long size = (end - start) * sizeof(struct page);
	struct page *map = __va(memblock_alloc(size, PAGE_SIZE));

	pgdat->node_mem_map = map + (pgdat->node_start_pfn - start);
	memset(map, 0, (pgdat->node_start_pfn - start) * sizeof(struct page));
	memset(pgdat->node_mem_map + pgdat->node_spanned_pages, 0,
	       (end - pgdat->node_start_pfn - pgdat->node_spanned_pages) * sizeof(struct page));
	mem_map = pgdat->node_mem_map - (pgdat->node_start_pfn - ARCH_PFN_OFFSET);
	pr_debug("mem_map: %lu struct pages (%lu bytes each) at 0x%08lx\n", end - start,
		 (unsigned long)sizeof(struct page), (unsigned long)__pa(map));
}

/*
 * mm/page_alloc.c: free_area_init_core() @ v3.14 (its accounting, and the
 * seed's log lines): a lowmem zone pays for its struct pages out of its
 * free pages; zone 0 also for dma_reserve (0 on ARM).  managed_pages is a
 * first estimate, made exact when memory is freed to the buddy allocator.
 */
static void __init free_area_init_core(struct pglist_data *pgdat, unsigned long *zones_size,
				       unsigned long *zholes_size)
{
	unsigned long zone_start_pfn = pgdat->node_start_pfn;

	for (int j = 0; j < MAX_NR_ZONES; j++) {
		struct zone *zone = pgdat->node_zones + j;
		unsigned long size, realsize, freesize, memmap_pages;

		size = zones_size[j];
		realsize = freesize = size - zholes_size[j];

		memmap_pages = calc_memmap_size(size);
		if (!is_highmem_idx((enum zone_type)j)) {
			if (freesize >= memmap_pages) {
				freesize -= memmap_pages;
				if (memmap_pages)
					pr_debug("  %s zone: %lu pages used for memmap\n",
						 zone_names[j], memmap_pages);
			} else {
				pr_warn("  %s zone: %lu pages exceeds freesize %lu\n",
					zone_names[j], memmap_pages, freesize);
			}
		}
		if (j == 0 && freesize > dma_reserve) {
			freesize -= dma_reserve;
			pr_debug("  %s zone: %lu pages reserved\n", zone_names[0], dma_reserve);
		}
		if (!is_highmem_idx((enum zone_type)j))
			nr_kernel_pages += freesize;
		else if (nr_kernel_pages > memmap_pages * 2)
			nr_kernel_pages -= memmap_pages;
		nr_all_pages += freesize;

		zone->spanned_pages = size;
		zone->present_pages = realsize;
		zone->managed_pages = is_highmem_idx((enum zone_type)j) ? realsize : freesize;
		zone->name = zone_names[j];
		zone->zone_pgdat = pgdat;
		zone->zone_start_pfn = zone_start_pfn;
		spin_lock_init(&zone->lock);
		spin_lock_init(&zone->lru_lock);
		for (int lru = 0; lru < NR_LRU_LISTS; lru++)
			INIT_LIST_HEAD(&zone->lruvec.lists[lru]);
		zone_pcp_init(zone);
		zone_init_free_lists(zone);
		if (!size)
			continue;
		setup_usemap(zone, zone_start_pfn, size);
		memmap_init_zone(size, (enum zone_type)j, zone_start_pfn);
		zone_start_pfn += size;
	}
}

/**
 * free_area_init_node() - the node's zones, mem_map and free lists
 * @nid: node number (0: ARM is UMA)
 * @zones_size: pages each zone spans, holes included
 * @node_start_pfn: the node's first pfn
 * @zholes_size: pages of each zone's span that are not RAM
 *
 * mm/page_alloc.c: free_area_init_node() @ v3.14: calculate_node_totalpages(),
 * alloc_node_mem_map() (from memblock), free_area_init_core().  Every page
 * starts reserved; memory is freed into the lists later by mem_init().
 */
void __init free_area_init_node(int nid, unsigned long *zones_size, unsigned long node_start_pfn,
				unsigned long *zholes_size)
{
	pg_data_t *pgdat = NODE_DATA(nid);

	memset(pgdat, 0, sizeof(*pgdat));
	nr_kernel_pages = nr_all_pages = 0;
	pgdat->node_id = nid;
	pgdat->node_start_pfn = node_start_pfn;
	calculate_node_totalpages(pgdat, zones_size, zholes_size);
	alloc_node_mem_map(pgdat);
	free_area_init_core(pgdat, zones_size, zholes_size);
}

/* mm/page_alloc.c: build_zonelists_node() @ v3.14: highest zone first */
static int build_zonelists_node(pg_data_t *pgdat, struct zonelist *zonelist, int nr_zones)
{
	int zone_type = MAX_NR_ZONES;

	do {
		struct zone *zone;

		zone_type--;
		zone = pgdat->node_zones + zone_type;
		if (populated_zone(zone)) {
			zonelist->_zonerefs[nr_zones].zone = zone;
			zonelist->_zonerefs[nr_zones++].zone_idx = zone_type;
		}
	} while (zone_type);
	return nr_zones;
}

/* mm/page_alloc.c: build_zonelists() @ v3.14 (UMA: one node, one list) */
static void build_zonelists(pg_data_t *pgdat)
{
	struct zonelist *zonelist = &pgdat->node_zonelists[0];
	int j = build_zonelists_node(pgdat, zonelist, 0);

	zonelist->_zonerefs[j].zone = NULL;
	zonelist->_zonerefs[j].zone_idx = 0;
	pgdat->nr_zones = j;
}

/* mm/page_alloc.c: nr_free_zone_pages() @ v3.14: what is above the high watermarks */
static unsigned long nr_free_zone_pages(int offset)
{
	const struct zoneref *z;
	unsigned long sum = 0;

	for (z = NODE_DATA(0)->node_zonelists[0]._zonerefs; z->zone; z++) {
		if (z->zone_idx > offset)
			continue;
		if (z->zone->managed_pages > high_wmark_pages(z->zone))
			sum += z->zone->managed_pages - high_wmark_pages(z->zone);
	}
	return sum;
}

/**
 * nr_free_buffer_pages() - pages above the high watermarks GFP_USER may use
 *
 * mm/page_alloc.c: nr_free_buffer_pages() @ v3.14: lowmem only.
 *
 * Return: that number of pages.
 */
unsigned long nr_free_buffer_pages(void)
{
	return nr_free_zone_pages(gfp_zone(GFP_USER));
}

/**
 * nr_free_pagecache_pages() - pages above the high watermarks, HighMem too
 *
 * mm/page_alloc.c: nr_free_pagecache_pages() @ v3.14.
 *
 * Return: that number of pages: the "Total pages" of the zonelist line.
 */
unsigned long nr_free_pagecache_pages(void)
{
	return nr_free_zone_pages(gfp_zone(GFP_HIGHUSER_MOVABLE));
}

/**
 * build_all_zonelists() - order the zones allocations try, and say so
 *
 * mm/page_alloc.c: build_all_zonelists() @ v3.14: HighMem before Normal,
 * then "Built 1 zonelists in Zone order, mobility grouping on.  Total
 * pages: N".
 *
 * __build_all_zonelists() also sets up every possible CPU's boot_pageset,
 * so the per-CPU areas must exist: start_kernel() calls this after
 * setup_per_cpu_areas().
 */
void build_all_zonelists(void)
{
	unsigned long vm_total_pages;
	unsigned int cpu;

	build_zonelists(NODE_DATA(0));
	for_each_possible_cpu(cpu)
		setup_pageset(&per_cpu(boot_pageset, cpu), 0);
	vm_total_pages = nr_free_pagecache_pages();
	pr_info("Built %u zonelists in Zone order, mobility grouping %s.  Total pages: %lu\n",
		nr_online_nodes, vm_total_pages < pageblock_nr_pages * MIGRATE_TYPES ? "off" : "on",
		vm_total_pages);
}

/* --- the buddy allocator --- */

/* mm/page_alloc.c: set_page_order() @ v3.14: the head of a free block knows its order */
static void set_page_order(struct page *page, unsigned int order)
{
	page->private = order;
	__SetPageBuddy(page);
}

/* mm/page_alloc.c: rmv_page_order() @ v3.14 */
static void rmv_page_order(struct page *page)
{
	__ClearPageBuddy(page);
	page->private = 0;
}

/*
 * include/linux/mm.h: set_freepage_migratetype() @ v3.14: page->index names
 * the free list a page goes back to from a per-cpu list.  a9mm also keeps
 * it on every free block's head -- the list the block is on -- so that
 * check_free_lists() can prove each block sits where the allocator
 * thinks it does.
 */
static void set_freepage_migratetype(struct page *page, int migratetype)
{
	page->index = (unsigned long)migratetype;
}

/* include/linux/mm.h: get_freepage_migratetype() @ v3.14 */
static int get_freepage_migratetype(const struct page *page)
{
	return (int)page->index;
}

/*
 * mm/vmstat.c: __mod_zone_page_state() @ v3.14.  Linux keeps per-CPU deltas and
 * folds them in at a threshold; a9mm changes NR_FREE_PAGES only under
 * zone->lock, so the count is exact (readers without the lock, like the
 * watermark check, see a value that is at most a moment old).
 */
static void __mod_zone_page_state(struct zone *zone, enum zone_stat_item item, long delta)
{
	WRITE_ONCE(zone->vm_stat[item], zone->vm_stat[item] + delta);
}

/**
 * mod_zone_page_state() - change one of a zone's counters, from anywhere
 * @zone: the zone
 * @item: the counter: any but NR_FREE_PAGES, which moves only under
 *        zone->lock (the slab allocator's pages, /proc/meminfo's "Slab:";
 *        the mapped, anonymous and page-cache pages)
 * @delta: pages to add (negative: to take away)
 *
 * mm/vmstat.c: mod_zone_page_state() @ v4.14, interrupt-safe.  Linux adds
 * to a per-CPU delta and folds it into the zone's atomic counter past a
 * threshold, so the count is cheap and a little late; a9mm adds to the
 * zone's counter atomically (LDREX/STREX), and every count is exact.
 * Every fault that maps or unmaps a page counts here.
 */
void mod_zone_page_state(struct zone *zone, enum zone_stat_item item, long delta)
{
	__atomic_add_fetch(&zone->vm_stat[item], delta, __ATOMIC_RELAXED);
}

/* mm/internal.h: __find_buddy_index() @ v3.14: flip bit `order` */
static unsigned long __find_buddy_index(unsigned long page_idx, unsigned int order)
{
	return page_idx ^ (1UL << order);
}

/*
 * mm/page_alloc.c: page_is_buddy() @ v3.14: the buddy can merge only if it is the
 * head of a free block of the same order, in the same zone (a zone
 * boundary may fall inside a MAX_ORDER block).
 */
static bool page_is_buddy(const struct page *page, const struct page *buddy, unsigned int order)
{
	if (page_zonenum(page) != page_zonenum(buddy))
		return false;
	return PageBuddy(buddy) && buddy->private == order;
}

/* mm/page_alloc.c: __free_one_page() @ v3.14 */
static void __free_one_page(struct page *page, unsigned long pfn, struct zone *zone,
			    unsigned int order, int migratetype)
{
	unsigned long page_idx = pfn & ((1UL << MAX_ORDER) - 1);
	unsigned long buddy_idx = 0, combined_idx;
	struct page *buddy = NULL;

	BUG_ON(page_idx & ((1UL << order) - 1));
	while (order < MAX_ORDER - 1) {
		buddy_idx = __find_buddy_index(page_idx, order);
		buddy = page + (buddy_idx - page_idx);
		if (!page_is_buddy(page, buddy, order))
			break;
		list_del(&buddy->lru);
		zone->free_area[order].nr_free--;
		rmv_page_order(buddy);
		combined_idx = buddy_idx & page_idx;
		page = page + (combined_idx - page_idx);
		page_idx = combined_idx;
		order++;
	}
	set_page_order(page, order);
	set_freepage_migratetype(page, migratetype);

	/*
	 * If the next-higher buddy is free, this block will probably merge
	 * soon: put it at the tail so it is less likely to be split again.
	 */
	if (buddy && order < MAX_ORDER - 2) {
		struct page *higher_page, *higher_buddy;

		combined_idx = buddy_idx & page_idx;
		higher_page = page + (combined_idx - page_idx);
		buddy_idx = __find_buddy_index(combined_idx, order + 1);
		higher_buddy = higher_page + (buddy_idx - combined_idx);
		if (page_is_buddy(higher_page, higher_buddy, order + 1)) {
			list_add_tail(&page->lru, &zone->free_area[order].free_list[migratetype]);
			goto out;
		}
	}
	list_add(&page->lru, &zone->free_area[order].free_list[migratetype]);
out:
	zone->free_area[order].nr_free++;
}

/*
 * mm/page_alloc.c: free_one_page() @ v3.17: one block back, under
 * zone->lock (interrupts are already off); the caller has the pfn already.
 */
static void free_one_page(struct zone *zone, struct page *page, unsigned long pfn,
			  unsigned int order, int migratetype)
{
	spin_lock(&zone->lock);
	__free_one_page(page, pfn, zone, order, migratetype);
	__mod_zone_page_state(zone, NR_FREE_PAGES, 1L << order);
	spin_unlock(&zone->lock);
}

/*
 * mm/page_alloc.c: bad_page() + dump_page() @ v3.14, Linux's words.  The
 * page is left alone -- not freed, not put on any list -- so nothing else
 * breaks.  Never on a fast path: noinline keeps its frame out of theirs.
 */
static noinline void bad_page(const struct page *page, const char *reason)
{
	static const char *const names[__NR_PAGEFLAGS] = {
		[PG_reserved] = "reserved",
		[PG_slab] = "slab",
		[PG_head] = "head",
		[PG_locked] = "locked",
		[PG_lru] = "lru",
		[PG_active] = "active",
		[PG_dirty] = "dirty",
		[PG_swapcache] = "swapcache",
		[PG_swapbacked] = "swapbacked",
		[PG_referenced] = "referenced",
	};
	char flags[128], comm[TASK_NAME_LEN];
	size_t n = 0;

	flags[0] = '\0';
	for (int f = 0; f < __NR_PAGEFLAGS; f++)
		if (page->flags & (1UL << f))
			n += (size_t)snprintf(flags + n, sizeof(flags) - n, "%s%s", n ? "|" : "",
					      names[f]);
	if (PageBuddy(page))
		snprintf(flags + n, sizeof(flags) - n, "%sbuddy", n ? "|" : "");
	pr_alert("BUG: Bad page state in process %s  pfn:%05lx\n",
		 task_name(comm, sizeof(comm), task_name_current(), smp_processor_id(), false),
		 page_to_pfn(page));
	pr_alert("page:%p count:%d mapcount:%d mapping:%p index:0x%lx\n", (const void *)page,
		 page->_count, page_mapcount(page), page->mapping, page->index);
	pr_alert("page flags: 0x%lx(%s)\n", page->flags, flags);
	pr_alert("page dumped because: %s\n", reason);
	add_taint(TAINT_BAD_PAGE);
}

/*
 * What free_pages_check() and check_new_page() test, as one value: zero
 * when the page has exactly `count` references, is unmapped (_mapcount
 * -1, which also rules out PageBuddy's -128), has no mapping and none of
 * the `flags` given.  Branch-free, as Linux ORs its tests together; the
 * reason is worked out only when it is not zero.
 */
static __always_inline unsigned long page_state_bad(const struct page *page, int count,
						    unsigned long flags)
{
	return (unsigned long)(page->_count ^ count) | (unsigned long)(page->_mapcount + 1) |
	       (unsigned long)page->mapping | (page->flags & flags);
}

#define AT_FREE "PAGE_FLAGS_CHECK_AT_FREE flag(s) set"
#define AT_PREP "PAGE_FLAGS_CHECK_AT_PREP flag(s) set"

/*
 * why one page fails page_state_bad(): Linux's reasons, in Linux's order
 * (flags_reason: AT_FREE or AT_PREP, which flags were checked)
 */
static const char *page_bad_reason(const struct page *page, int count, unsigned long flags,
				   const char *flags_reason)
{
	if (page->_mapcount != -1)
		return PageBuddy(page) ? "nonzero mapcount: the page is on a free list"
				       : "nonzero mapcount";
	if (page->mapping)
		return "non-NULL mapping";
	if (page->_count != count)
		return "nonzero _count";
	if (page->flags & flags)
		return flags_reason;
	return NULL;
}

/*
 * A block free_pages_prepare() refuses: the first bad page is reported
 * (the head in a9mm's words, which say what the user most likely did),
 * and nothing is changed.
 */
static noinline bool free_pages_refused(const struct page *page, unsigned int order)
{
	char why[128];
	const char *reason;

	if (PageBuddy(page) || page->_count == 0) {
		bad_page(page, "double free: the page is already free (or a tail page)");
		return false;
	}
	if (PageReserved(page)) {
		bad_page(page, AT_FREE ": freeing a reserved page");
		return false;
	}
	if (PageSlab(page)) {
		bad_page(page, AT_FREE ": the slab allocator owns it (kfree() its objects)");
		return false;
	}
	reason = page_bad_reason(page, 1, PAGE_FLAGS_CHECK_AT_FREE, AT_FREE);
	if (reason) {
		bad_page(page, reason);
		return false;
	}
	if (page->private != order) {
		snprintf(why, sizeof(why), "freed with order %u, allocated with order %lu", order,
			 page->private);
		bad_page(page, why);
		return false;
	}
	for (unsigned int i = 1; i < (1U << order); i++) {
		reason = page_bad_reason(page + i, 0, PAGE_FLAGS_CHECK_AT_FREE, AT_FREE);
		if (reason) {
			snprintf(why, sizeof(why),
				 "%s (page %u of the order-%u block at pfn 0x%lx)", reason, i,
				 order, page_to_pfn(page));
			bad_page(page + i, why);
			return false;
		}
	}
	return false;
}

/*
 * mm/page_alloc.c: free_tail_pages_check() @ v4.14 + destroy_compound_page():
 * a compound block's tails must all still point at its head -- checked
 * for every tail before any is changed, so a refused free changes
 * nothing -- then they stop being tails, and the head stops being one.
 */
static noinline bool destroy_compound_page(struct page *page, unsigned int order)
{
	char why[96];

	for (unsigned int i = 1; i < (1U << order); i++) {
		if (compound_head(page + i) == page && PageTail(page + i))
			continue;
		snprintf(why, sizeof(why), "compound_head not consistent (tail %u of order %u)", i,
			 order);
		bad_page(page + i, why);
		return false;
	}
	for (unsigned int i = 1; i < (1U << order); i++) {
		clear_compound_head(page + i);
		page[i].compound_order = 0;
	}
	__ClearPageHead(page);
	return true;
}

/*
 * mm/page_alloc.c: prep_compound_page() @ v4.14: __GFP_COMP -- the head is
 * PG_head, every other page a tail pointing at it, the first tail holds
 * the order (Linux's compound_order(); a9mm's head has it in private too).
 * So the head is found from any page of the block (compound_head()): how
 * kfree() finds the slab or kmalloc_large() block of an address.
 */
static void prep_compound_page(struct page *page, unsigned int order)
{
	__SetPageHead(page);
	for (unsigned int i = 1; i < (1U << order); i++)
		set_compound_head(page + i, page);
	page[1].compound_order = order;
}

/*
 * mm/page_alloc.c: free_pages_prepare() + free_pages_check() @ v3.14:
 * the block is checked before anything changes.  a9mm drops the head's
 * reference here (Linux's put_page_testzero() in __free_pages()), so the
 * head must hold exactly one, and its order must be the one it was
 * allocated with (a9mm records it; Linux cannot tell).  A bad block is
 * reported and not freed.
 *
 * The other pages of the block must hold no reference either: Linux 3.x
 * checks every one of them at every free, a9mm when check_tails says so --
 * with debug_pagealloc=on, and for the shell's `free` -- as Linux 6.4+
 * checks pages only when its check_pages_enabled key is on (CONFIG_DEBUG_VM,
 * debug_pagealloc, ...).  The head alone proves the block is one that was
 * allocated whole, since its recorded order is what the free must name.
 */
static __always_inline bool free_pages_prepare(struct page *page, unsigned int order,
					       bool check_tails)
{
	unsigned long bad =
		page_state_bad(page, 1, PAGE_FLAGS_CHECK_AT_FREE) | (page->private ^ order);

	if (check_tails)
		for (unsigned int i = 1; i < (1U << order); i++)
			bad |= page_state_bad(page + i, 0, PAGE_FLAGS_CHECK_AT_FREE);
	if (unlikely(bad))
		return free_pages_refused(page, order);
	if (unlikely(PageHead(page)) && !destroy_compound_page(page, order))
		return false;
	/* free_pages_check(): the flags a page may leave with (PG_dirty) go */
	if (unlikely(page->flags & PAGE_FLAGS_CHECK_AT_PREP))
		page->flags &= ~PAGE_FLAGS_CHECK_AT_PREP;
	page->_count = 0;
	page->private = 0;
	return true;
}

/*
 * mm/page_alloc.c: free_pcppages_bulk() @ v5.13: count pages back to the
 * buddy lists, round robin over the per-cpu lists (more from the longer
 * ones), each block to the free list recorded when it was freed, at its
 * list's order.  A block counts its pages, so the last may take the count
 * a few past (an order-3 block, 8).  Called with interrupts off, on the
 * CPU that owns pcp (or for a CPU that is gone).
 */
static void free_pcppages_bulk(struct zone *zone, int count, struct per_cpu_pages *pcp)
{
	int pindex = 0, batch_free = 0, nr_freed = 0;

	count = min(pcp->count, count);
	spin_lock(&zone->lock);
	while (count > 0) {
		struct list_head *list;
		unsigned int order;

		/* take from the lists in turn, more from those that are longer */
		do {
			batch_free++;
			if (++pindex == NR_PCP_LISTS)
				pindex = 0;
			list = &pcp->lists[pindex];
		} while (list_empty(list));
		if (batch_free == NR_PCP_LISTS)
			batch_free = count;
		order = pindex_to_order(pindex);
		do {
			struct page *page = list_entry(list->prev, struct page, lru);

			list_del(&page->lru);
			__free_one_page(page, page_to_pfn(page), zone, order,
					get_freepage_migratetype(page));
			nr_freed += 1 << order;
			count -= 1 << order;
		} while (count > 0 && --batch_free && !list_empty(list));
	}
	pcp->count -= nr_freed;
	__mod_zone_page_state(zone, NR_FREE_PAGES, nr_freed);
	spin_unlock(&zone->lock);
}

/*
 * mm/page_alloc.c: free_hot_cold_page() @ v3.14 with the orders of
 * free_unref_page_commit() @ v5.13: a block of order 0 to 3 goes to this
 * CPU's list of its order and its pageblock's type (hot: at the head,
 * reused first; cold: at the tail), the buddy lists only when the lists
 * pass high.  The lists are this CPU's alone and changed with interrupts
 * off: only an interrupt handler could get in between.  Whichever CPU
 * allocated the block, it joins the freeing CPU's list.  There are only
 * three types of list: a RESERVE block waits on a MOVABLE one but
 * remembers RESERVE, which is the free list free_pcppages_bulk() returns
 * it to.  check_tails: every page of the block is checked, not only the
 * head (see free_pages_prepare()).  a9mm returns whether the block was
 * taken back.
 */
static __always_inline bool free_hot_cold_page(struct page *page, unsigned int order, bool cold,
					       bool check_tails)
{
	struct zone *zone;
	struct per_cpu_pages *pcp;
	struct list_head *list;
	unsigned long flags;
	int migratetype;

	if (!free_pages_prepare(page, order, check_tails))
		return false;
	zone = page_zone(page);
	migratetype = get_pfnblock_migratetype(zone, page_to_pfn(page));
	set_freepage_migratetype(page, migratetype);
	if (migratetype >= MIGRATE_PCPTYPES)
		migratetype = MIGRATE_MOVABLE;
	local_irq_save(flags);
	__count_vm_events(PGFREE, 1L << order);
	pcp = &this_cpu_ptr(zone->pageset)->pcp;
	list = &pcp->lists[order_to_pindex(migratetype, order)];
	if (cold)
		list_add_tail(&page->lru, list);
	else
		list_add(&page->lru, list);
	pcp->count += 1 << order;
	if (unlikely(pcp->count >= pcp->high))
		free_pcppages_bulk(zone, pcp->batch, pcp);
	local_irq_restore(flags);
	return true;
}

/*
 * mm/page_alloc.c: __free_pages_ok() @ v3.14: a block of order > 3 (or
 * one boot hands over) goes straight back to the buddy lists, interrupts
 * off around zone->lock.
 * a9mm returns whether it was freed.
 */
static bool __free_pages_ok(struct page *page, unsigned int order, bool check_tails)
{
	struct zone *zone;
	unsigned long pfn, flags;

	if (!free_pages_prepare(page, order, check_tails))
		return false;
	zone = page_zone(page);
	pfn = page_to_pfn(page);
	local_irq_save(flags);
	__count_vm_events(PGFREE, 1L << order);
	free_one_page(zone, page, pfn, order, get_pfnblock_migratetype(zone, pfn));
	local_irq_restore(flags);
	return true;
}

/*
 * mm/page_alloc.c: free_the_page() @ v5.13: orders 0 to 3 to this CPU's
 * per-cpu lists, larger blocks straight to the buddy lists.
 * check_tails: see free_pages_prepare().  Returns whether it was freed.
 */
static __always_inline bool free_the_page(struct page *page, unsigned int order, bool check_tails)
{
	if (pcp_allowed_order(order))
		return free_hot_cold_page(page, order, false, check_tails);
	return __free_pages_ok(page, order, check_tails);
}

/**
 * __free_pages() - free a block alloc_pages() returned
 * @page: its first page
 * @order: the order it was allocated with
 *
 * mm/page_alloc.c: __free_pages() @ v3.14 -> free_the_page() @ v5.13:
 * orders 0 to 3 to this CPU's per-cpu lists, larger blocks straight to
 * the buddy lists.  A block that fails
 * free_pages_prepare() (double free, wrong order, a reserved or mapped
 * page; every page of it with debug_pagealloc=on) is reported with
 * Linux's "BUG: Bad page state" and left alone.
 */
void __free_pages(struct page *page, unsigned int order)
{
	if (likely(order == 0)) /* its own inline copy: the pair that counts */
		free_hot_cold_page(page, 0, false, true);
	else
		free_the_page(page, order, debug_pagealloc_enabled());
}

/*
 * mm/page_alloc.c: drain_pages() @ v3.14: cpu's per-cpu lists back to the
 * buddy lists.  Run on cpu itself (or for a CPU that will never run again).
 */
static void drain_pages(unsigned int cpu)
{
	struct zone *zone;
	unsigned long flags;

	local_irq_save(flags);
	for_each_populated_zone(zone) {
		struct per_cpu_pages *pcp = &per_cpu_ptr(zone->pageset, cpu)->pcp;

		if (pcp->count)
			free_pcppages_bulk(zone, pcp->count, pcp);
	}
	local_irq_restore(flags);
}

/**
 * drain_local_pages() - empty this CPU's per-cpu lists into the buddy lists
 * @arg: unused (the smp_call_func_t signature)
 *
 * mm/page_alloc.c: drain_local_pages() @ v3.14.
 */
void drain_local_pages(void *arg)
{
	drain_pages(smp_processor_id());
}

/**
 * drain_all_pages() - empty every CPU's per-cpu lists into the buddy lists
 *
 * The one way to empty the per-cpu lists from outside (the shell's
 * `drain`, buddy_snapshot(), the self-tests, `stress`).
 *
 * mm/page_alloc.c: drain_all_pages() @ v3.14: each online CPU whose lists
 * hold pages drains them itself, sent drain_local_pages() by IPI (no CPU
 * may touch another's lists); returns when all have.  Interrupts must be
 * on.  The set of CPUs is on the stack, not in a static as in 3.14, so
 * two CPUs may drain at once (4.x added a mutex for the same reason).
 */
void drain_all_pages(void)
{
	struct cpumask cpus_with_pcps;
	struct zone *zone;
	unsigned int cpu;

	cpumask_clear(&cpus_with_pcps);
	for_each_online_cpu(cpu) {
		for_each_populated_zone(zone) {
			if (READ_ONCE(per_cpu_ptr(zone->pageset, cpu)->pcp.count)) {
				cpumask_set_cpu(cpu, &cpus_with_pcps);
				break;
			}
		}
	}
	on_each_cpu_mask(&cpus_with_pcps, drain_local_pages, NULL, true);
}

/**
 * free_pages_checked() - free a block named by its pfn, as the shell's `free`
 * @pfn: the block's first page frame (user input: anything)
 * @order: its order, as alloc_pages() was asked
 *
 * A pfn is user input, so it must be aligned and inside a zone before its
 * struct page is even looked at; those refusals print nothing (the caller
 * says why).  A page that has a struct page is checked as Linux checks it
 * (free_pages_prepare(): double free, reserved, mapped, wrong order --
 * every page of the block, whatever debug_pagealloc says), with Linux's
 * "BUG: Bad page state" report on the console; so is a compound block
 * (kmalloc_large()'s), which only its owner may free.  A refused free
 * changes nothing.
 *
 * Return: 0 when freed; -EINVAL for an order of MAX_ORDER or more or a pfn
 * not aligned to it; -ERANGE for a block not inside a zone (no struct
 * page); -EPERM when free_pages_prepare() refused the block (reported).
 */
int free_pages_checked(unsigned long pfn, unsigned int order)
{
	struct zone *zone;

	if (order >= MAX_ORDER || pfn & ((1UL << order) - 1))
		return -EINVAL;
	for_each_populated_zone(zone)
		if (zone_spans_pfn(zone, pfn) && (1UL << order) <= zone_end_pfn(zone) - pfn) {
			struct page *page = pfn_to_page(pfn);

			if (PageHead(page)) { /* Linux would free it: its owner would not know */
				bad_page(page, "a compound block (__GFP_COMP: kmalloc_large()'s): "
					       "only its owner may free it (kfree())");
				return -EPERM;
			}
			return free_the_page(page, order, true) ? 0 : -EPERM;
		}
	return -ERANGE;
}

/*
 * mm/page_alloc.c: expand() @ v3.14: a block of order `high` was taken for a
 * request of order `low`: give back the upper halves, one per order.
 *
 *   high=3, low=0:  [ 0 | 1 | 2 3 | 4 5 6 7 ]
 *                     ^   ^order0 ^order1 ^order2 back to the free lists
 */
static void expand(struct zone *zone, struct page *page, unsigned int low, unsigned int high,
		   struct free_area *area, int migratetype)
{
	unsigned long size = 1UL << high;

	trace_mm_page_alloc_split(low, high);
	while (high > low) {
		area--;
		high--;
		size >>= 1;
		list_add(&page[size].lru, &area->free_list[migratetype]);
		area->nr_free++;
		set_page_order(&page[size], high);
		set_freepage_migratetype(&page[size], migratetype);
	}
}

/* mm/page_alloc.c: __rmqueue_smallest() @ v3.14: the smallest free block that fits */
static struct page *__rmqueue_smallest(struct zone *zone, unsigned int order, int migratetype)
{
	for (unsigned int current_order = order; current_order < MAX_ORDER; ++current_order) {
		struct free_area *area = &zone->free_area[current_order];
		struct page *page;

		if (list_empty(&area->free_list[migratetype]))
			continue;
		page = list_entry(area->free_list[migratetype].next, struct page, lru);
		list_del(&page->lru);
		rmv_page_order(page);
		area->nr_free--;
		expand(zone, page, order, current_order, area, migratetype);
		return page;
	}
	return NULL;
}

/*
 * mm/page_alloc.c: move_freepages_block() @ v3.14: re-file every free block of the
 * pageblock under migratetype; returns how many pages moved.
 */
static int move_freepages_block(struct zone *zone, struct page *page, int migratetype)
{
	unsigned long start_pfn = round_down(page_to_pfn(page), pageblock_nr_pages);
	unsigned long end_pfn = start_pfn + pageblock_nr_pages;
	int moved = 0;

	if (start_pfn < zone->zone_start_pfn)
		start_pfn = zone->zone_start_pfn;
	if (end_pfn > zone_end_pfn(zone))
		end_pfn = zone_end_pfn(zone);
	for (unsigned long pfn = start_pfn; pfn < end_pfn;) {
		struct page *p = pfn_to_page(pfn);

		if (!PageBuddy(p)) {
			pfn++;
			continue;
		}
		list_move(&p->lru, &zone->free_area[p->private].free_list[migratetype]);
		set_freepage_migratetype(p, migratetype);
		moved += 1 << p->private;
		pfn += 1UL << p->private;
	}
	return moved;
}

/*
 * mm/page_alloc.c: __rmqueue_fallback() @ v3.14: steal the LARGEST block of
 * another type (fallbacks[]), to keep types apart in big chunks; a block
 * of at least half a pageblock takes its whole pageblock's free pages
 * along, and the pageblock itself if more than half of it was free.  The
 * split-off rest goes to the stealer's lists only if the pageblock's
 * pages moved with it, else back to the type it was taken from.
 */
static struct page *__rmqueue_fallback(struct zone *zone, unsigned int order, int start_migratetype)
{
	for (int current_order = MAX_ORDER - 1; current_order >= (int)order; --current_order) {
		for (int i = 0;; i++) {
			int migratetype = fallbacks[start_migratetype][i], taken;
			struct free_area *area = &zone->free_area[current_order];
			struct page *page;

			if (migratetype == MIGRATE_RESERVE)
				break;
			if (list_empty(&area->free_list[migratetype]))
				continue;
			page = list_entry(area->free_list[migratetype].next, struct page, lru);
			area->nr_free--;
			taken = migratetype;
			if (current_order >= pageblock_order / 2 ||
			    start_migratetype == MIGRATE_RECLAIMABLE) {
				int pages = move_freepages_block(zone, page, start_migratetype);

				if (pages >= (1 << (pageblock_order - 1)))
					set_pageblock_migratetype(page, start_migratetype);
				migratetype = start_migratetype;
			}
			list_del(&page->lru);
			rmv_page_order(page);
			if (current_order >= pageblock_order)
				for (unsigned long b = 0; b < (1UL << current_order);
				     b += pageblock_nr_pages)
					set_pageblock_migratetype(page + b, start_migratetype);
			expand(zone, page, order, (unsigned int)current_order, area, migratetype);
			trace_mm_page_alloc_extfrag(page, order, (unsigned int)current_order,
						    start_migratetype, taken,
						    migratetype == start_migratetype);
			return page;
		}
	}
	return NULL;
}

/* mm/page_alloc.c: __rmqueue() @ v3.14: own type, then fallbacks, then RESERVE */
static struct page *__rmqueue(struct zone *zone, unsigned int order, int migratetype)
{
	struct page *page;

retry_reserve:
	page = __rmqueue_smallest(zone, order, migratetype);
	if (!page && migratetype != MIGRATE_RESERVE) {
		page = __rmqueue_fallback(zone, order, migratetype);
		if (!page) {
			migratetype = MIGRATE_RESERVE;
			goto retry_reserve;
		}
	}
	trace_mm_page_alloc_zone_locked(page, order, migratetype);
	return page;
}

/*
 * mm/page_alloc.c: rmqueue_bulk() @ v3.14: fill a per-cpu list with count pages
 * under one zone->lock (interrupts are already off).  Each page goes in after the previous one
 * (list = &page->lru), so the list keeps the order __rmqueue() gave --
 * physically ascending after a split.
 */
static int rmqueue_bulk(struct zone *zone, unsigned int order, int count, struct list_head *list,
			int migratetype, bool cold)
{
	int i;

	spin_lock(&zone->lock);
	for (i = 0; i < count; ++i) {
		struct page *page = __rmqueue(zone, order, migratetype);

		if (!page)
			break;
		if (cold)
			list_add_tail(&page->lru, list);
		else
			list_add(&page->lru, list);
		set_freepage_migratetype(page, migratetype);
		list = &page->lru;
	}
	__mod_zone_page_state(zone, NR_FREE_PAGES, -(long)(i << order));
	spin_unlock(&zone->lock);
	return i;
}

/*
 * A page check_new_page() found bad: reported in Linux's words, and left
 * out of circulation (Linux leaks it too: whatever wrote to it may write
 * again).  Returns 1, prep_new_page()'s "take another".
 */
static noinline int new_page_refused(const struct page *page, unsigned int order)
{
	for (unsigned int i = 0; i < (1U << order); i++) {
		const char *reason =
			page_bad_reason(page + i, 0, PAGE_FLAGS_CHECK_AT_PREP, AT_PREP);

		if (reason) {
			bad_page(page + i, reason);
			break;
		}
	}
	return 1;
}

/*
 * mm/page_alloc.c: prep_zero_page() @ v3.14: each page through
 * clear_highpage()'s kmap_atomic() -- a fixmap slot of this CPU's, which
 * never runs out and may be taken in an interrupt handler (a GFP_ATOMIC
 * allocation there: kmap() and its kmap_lock may not be).
 */
static noinline void prep_zero_page(struct page *page, unsigned int order)
{
	for (unsigned int i = 0; i < (1U << order); i++) {
		void *p = kmap_atomic(page + i);

		memset(p, 0, PAGE_SIZE);
		kunmap_atomic(p);
	}
}

/*
 * mm/page_alloc.c: prep_new_page() + check_new_page() @ v3.14: the block
 * must look free -- no reference, unmapped, no mapping, no flag -- before
 * the head gets its one reference (a9mm also records the order, which
 * __free_pages() checks).  The head is checked always; the other pages,
 * which Linux 3.x checks too, with debug_pagealloc=on (see
 * free_pages_prepare()).  __GFP_COMP makes a block of order > 0 compound
 * (prep_compound_page()).  Non-zero: a page was bad, the caller takes
 * another block.
 */
static __always_inline int prep_new_page(struct page *page, unsigned int order, gfp_t gfp_flags)
{
	unsigned long bad = page_state_bad(page, 0, PAGE_FLAGS_CHECK_AT_PREP);

	if (unlikely(debug_pagealloc_enabled()))
		for (unsigned int i = 1; i < (1U << order); i++)
			bad |= page_state_bad(page + i, 0, PAGE_FLAGS_CHECK_AT_PREP);
	if (unlikely(bad))
		return new_page_refused(page, order);
	page->_count = 1;
	page->private = order;
	page->index = 0;
	if (unlikely(gfp_flags & __GFP_ZERO))
		prep_zero_page(page, order);
	if ((gfp_flags & __GFP_COMP) && order)
		prep_compound_page(page, order);
	return 0;
}

/*
 * buffered_rmqueue()'s per-cpu half (mm/page_alloc.c: rmqueue_pcplist()
 * @ v4.13 gave it a name; the orders are v5.13's): a block off this CPU's
 * list of the order and migratetype, interrupts off only around the list
 * -- hot from the head, cold from the tail.  An empty list is refilled
 * from the buddy lists when @refill says so -- batch pages' worth at
 * order 0, fewer blocks of a higher order (batch >> order, at least 2) --
 * alloc_pages()'s fast path does not, and leaves that to
 * get_page_from_freelist().  NULL: nothing there.
 */
static __always_inline struct page *rmqueue_pcplist(struct zone *zone, unsigned int order,
						    int migratetype, bool cold, bool refill)
{
	struct per_cpu_pages *pcp;
	struct list_head *list;
	unsigned long flags;
	struct page *page;

	local_irq_save(flags);
	pcp = &this_cpu_ptr(zone->pageset)->pcp;
	list = &pcp->lists[order_to_pindex(migratetype, order)];
	if (unlikely(list_empty(list))) {
		if (refill) {
			/* a boot pageset's batch of 1 stays 1: it caches nothing */
			int batch = pcp->batch > 1 ? max(pcp->batch >> order, 2) : pcp->batch;

			pcp->count += rmqueue_bulk(zone, order, batch, list, migratetype, cold)
				      << order;
		}
		if (unlikely(list_empty(list))) {
			local_irq_restore(flags);
			return NULL;
		}
	}
	page = cold ? list_entry(list->prev, struct page, lru)
		    : list_entry(list->next, struct page, lru);
	list_del(&page->lru);
	pcp->count -= 1 << order;
	__count_zone_vm_events(PGALLOC, zone, 1L << order);
	local_irq_restore(flags);
	return page;
}

/*
 * mm/page_alloc.c: buffered_rmqueue() @ v3.14 (rmqueue() @ v5.13): orders
 * 0 to 3 from this CPU's list of the order and migratetype (refilled when
 * empty; hot from the head, cold from the tail), larger orders from the
 * buddy lists under zone->lock -- interrupts off for either, on only
 * again for prep_new_page() (zeroing may take long).
 */
static __always_inline struct page *buffered_rmqueue(struct zone *zone, unsigned int order,
						     gfp_t gfp_flags, int migratetype)
{
	unsigned long flags;
	struct page *page;

again:
	if (likely(pcp_allowed_order(order))) {
		page = rmqueue_pcplist(zone, order, migratetype, gfp_flags & __GFP_COLD, true);
		if (!page)
			return NULL;
	} else {
		spin_lock_irqsave(&zone->lock, flags);
		page = __rmqueue(zone, order, migratetype);
		if (page) {
			__mod_zone_page_state(zone, NR_FREE_PAGES, -(1L << order));
			__count_zone_vm_events(PGALLOC, zone, 1L << order);
		}
		spin_unlock_irqrestore(&zone->lock, flags);
		if (!page)
			return NULL;
	}
	if (unlikely(prep_new_page(page, order, gfp_flags)))
		goto again;
	return page;
}

/*
 * mm/page_alloc.c: __zone_watermark_ok() @ v3.14: enough free pages above
 * the mark plus the lowmem reserve, and enough of them in blocks big
 * enough (half the mark at each order).
 */
static bool __zone_watermark_ok(const struct zone *z, unsigned int order, unsigned long mark,
				int classzone_idx, int alloc_flags, long free_pages)
{
	long min = (long)mark;

	free_pages -= (1L << order) - 1;
	if (alloc_flags & ALLOC_HIGH)
		min -= min / 2;
	if (alloc_flags & ALLOC_HARDER)
		min -= min / 4;
	if (free_pages <= min + z->lowmem_reserve[classzone_idx])
		return false;
	for (unsigned int o = 0; o < order; o++) {
		free_pages -= (long)READ_ONCE(z->free_area[o].nr_free) << o;
		min >>= 1;
		if (free_pages <= min)
			return false;
	}
	return true;
}

/**
 * zone_watermark_ok() - may an allocation of this order come from the zone?
 * @z: the zone
 * @order: the order wanted
 * @mark: the watermark to stay above, in pages
 * @classzone_idx: the preferred zone's index (selects lowmem_reserve[])
 * @alloc_flags: ALLOC_HIGH / ALLOC_HARDER lower @mark
 *
 * mm/page_alloc.c: zone_watermark_ok() @ v3.14: __zone_watermark_ok() on
 * the zone's free pages.
 *
 * Return: true if so.
 */
bool zone_watermark_ok(struct zone *z, unsigned int order, unsigned long mark, int classzone_idx,
		       int alloc_flags)
{
	return __zone_watermark_ok(z, order, mark, classzone_idx, alloc_flags,
				   READ_ONCE(z->vm_stat[NR_FREE_PAGES]));
}

/*
 * mm/page_alloc.c: __isolate_free_page() @ v3.14: take a free block off its
 * list for compaction's free scanner, unless that would leave the zone
 * below its low watermark (the pages are for moving others into, not for
 * emptying the zone).  A block of half a pageblock or more makes its
 * pageblocks movable: what is moved into them is.  Called with zone->lock.
 */
static unsigned long __isolate_free_page(struct page *page, unsigned int order)
{
	struct zone *zone = page_zone(page);

	if (!zone_watermark_ok(zone, 0, low_wmark_pages(zone) + (1UL << order), 0, 0))
		return 0;
	list_del(&page->lru);
	zone->free_area[order].nr_free--;
	rmv_page_order(page);
	__mod_zone_page_state(zone, NR_FREE_PAGES, -(1L << order));
	if (order >= pageblock_order - 1)
		for (unsigned long i = 0; i < (1UL << order); i += pageblock_nr_pages)
			if (get_pageblock_migratetype(page + i) != MIGRATE_RESERVE)
				set_pageblock_migratetype(page + i, MIGRATE_MOVABLE);
	return 1UL << order;
}

/**
 * split_free_page() - a free block, taken whole and cut into order-0 pages
 * @page: the head of a block on a free list (PageBuddy), zone->lock held
 *
 * mm/page_alloc.c: split_free_page() @ v3.14 (__isolate_free_page() +
 * split_page()): each page comes out as alloc_pages(..., 0) gives one --
 * one reference, order 0 recorded -- so __free_pages(page, 0) takes back
 * one compaction did not use.
 *
 * Return: the pages taken, 0 if the watermark said no.
 */
unsigned long split_free_page(struct page *page)
{
	unsigned int order = (unsigned int)page->private;
	unsigned long nr_pages = __isolate_free_page(page, order);

	for (unsigned long i = 0; i < nr_pages; i++) {
		page[i]._count = 1;
		page[i].private = 0;
		page[i].index = 0;
	}
	return nr_pages;
}

/*
 * mm/page_alloc.c: zone_watermark_fast() @ v4.9: for order 0 one compare
 * decides (more free pages than the mark plus the reserve); anything else,
 * or a miss, gets the whole __zone_watermark_ok() -- whose answer for
 * order 0 is the same or, with ALLOC_HIGH/HARDER, more generous.
 */
static __always_inline bool zone_watermark_fast(const struct zone *z, unsigned int order,
						unsigned long mark, int classzone_idx,
						int alloc_flags)
{
	long free_pages = READ_ONCE(z->vm_stat[NR_FREE_PAGES]);

	if (!order && free_pages > (long)mark + z->lowmem_reserve[classzone_idx])
		return true;
	return __zone_watermark_ok(z, order, mark, classzone_idx, alloc_flags, free_pages);
}

/*
 * include/linux/mmzone.h: first_zones_zonelist() @ v3.14: the preferred
 * zone, the first one on the zonelist the request may use.  Its index is
 * the classzone_idx that picks which lowmem_reserve[] other zones hold
 * back.
 */
static __always_inline const struct zoneref *first_zones_zonelist(const struct zonelist *zonelist,
								  int high_zoneidx)
{
	const struct zoneref *z = zonelist->_zonerefs;

	while (z->zone && z->zone_idx > high_zoneidx)
		z++;
	return z;
}

/*
 * mm/page_alloc.c: get_page_from_freelist() @ v3.14: the zonelist from
 * the preferred zone down (the list is built highest zone first, so every
 * zone after the preferred one is allowed too), the first zone above its
 * watermark that has the block.  In the common case that is the preferred
 * zone's per-cpu list, first time round.
 */
static __always_inline struct page *get_page_from_freelist(gfp_t gfp_mask, unsigned int order,
							   int alloc_flags,
							   const struct zoneref *preferred,
							   int migratetype)
{
	for (const struct zoneref *z = preferred; z->zone; z++) {
		struct zone *zone = z->zone;
		unsigned long mark = zone->watermark[alloc_flags & ALLOC_WMARK_MASK];
		struct page *page;

		if (!zone_watermark_fast(zone, order, mark, preferred->zone_idx, alloc_flags))
			continue;
		page = buffered_rmqueue(zone, order, gfp_mask, migratetype);
		if (page)
			return page;
	}
	return NULL;
}

/*
 * mm/page_alloc.c: gfp_to_alloc_flags() @ v3.14: the slow path may go
 * down to the min watermark; __GFP_HIGH to half of it; a caller that
 * cannot wait (no __GFP_WAIT: atomic) a quarter further.
 */
static int gfp_to_alloc_flags(gfp_t gfp_mask)
{
	int alloc_flags = ALLOC_WMARK_MIN;

	if (gfp_mask & __GFP_HIGH)
		alloc_flags |= ALLOC_HIGH;
	if (!(gfp_mask & __GFP_WAIT))
		alloc_flags |= ALLOC_HARDER;
	return alloc_flags;
}

/*
 * mm/page_alloc.c: __alloc_pages_direct_compact() @ v3.14: compact
 * (mm/compaction.c: try_to_compact_pages() decides whether it may and
 * whether it is worth it), then the free lists again.  The events say how
 * it went: compact_stall, then compact_success or compact_fail.
 */
static struct page *__alloc_pages_direct_compact(gfp_t gfp_mask, unsigned int order,
						 const struct zoneref *preferred, int migratetype,
						 int alloc_flags)
{
	struct page *page;

	if (try_to_compact_pages(gfp_mask, order, preferred, migratetype) == COMPACT_SKIPPED)
		return NULL;
	count_vm_event(COMPACTSTALL);
	trace_mm_compaction_stall();
	page = get_page_from_freelist(gfp_mask, order, alloc_flags, preferred, migratetype);
	count_vm_event(page ? COMPACTSUCCESS : COMPACTFAIL);
	return page;
}

/*
 * mm/page_alloc.c: __alloc_pages_direct_reclaim() @ v3.14: reclaim
 * (mm/vmscan.c: try_to_free_pages()), then the free lists again -- and
 * once more if the freed pages sit on the CPUs' per-cpu lists (drained
 * only then: it interrupts every CPU).  *did_some_progress: pages freed.
 */
static struct page *__alloc_pages_direct_reclaim(gfp_t gfp_mask, unsigned int order,
						 const struct zoneref *preferred, int migratetype,
						 int alloc_flags, unsigned long *did_some_progress)
{
	struct page *page;

	*did_some_progress = try_to_free_pages(gfp_mask, order, gfp_zone(gfp_mask));
	if (!*did_some_progress)
		return NULL;
	page = get_page_from_freelist(gfp_mask, order, alloc_flags, preferred, migratetype);
	if (page)
		return page;
	drain_all_pages();
	return get_page_from_freelist(gfp_mask, order, alloc_flags, preferred, migratetype);
}

/* mm/page_alloc.c: wake_all_kswapd() @ v3.14: kswapd, if a zone the allocation may use is low */
static void wake_all_kswapd(unsigned int order, const struct zoneref *preferred)
{
	for (const struct zoneref *z = preferred; z->zone; z++)
		wakeup_kswapd(z->zone, order);
}

/*
 * mm/page_alloc.c: __alloc_pages_slowpath() @ v3.14: kswapd woken, the
 * zonelist again down to gfp_to_alloc_flags()'s watermark; then, for an
 * allocation that may wait, direct compaction (order above 0) and direct
 * reclaim (each decides whether its caller can sleep and is not reclaim
 * itself), again and again while reclaim frees something
 * (should_alloc_retry(): an order up to PAGE_ALLOC_COSTLY_ORDER keeps
 * trying); then the failure report.  The caller of a failed page fault
 * asks the OOM killer (mm/oom_kill.c).
 */
static noinline struct page *__alloc_pages_slowpath(gfp_t gfp_mask, unsigned int order,
						    const struct zoneref *preferred,
						    int migratetype)
{
	int alloc_flags = gfp_to_alloc_flags(gfp_mask);
	unsigned long progress;
	struct page *page;

	for (;;) {
		wake_all_kswapd(order, preferred);
		page = get_page_from_freelist(gfp_mask, order, alloc_flags, preferred, migratetype);
		if (page || !(gfp_mask & __GFP_WAIT))
			break;
		if (order) {
			page = __alloc_pages_direct_compact(gfp_mask, order, preferred, migratetype,
							    alloc_flags);
			if (page)
				break;
		}
		page = __alloc_pages_direct_reclaim(gfp_mask, order, preferred, migratetype,
						    alloc_flags, &progress);
		if (page || !progress || order > PAGE_ALLOC_COSTLY_ORDER)
			break;
	}
	if (!page && !(gfp_mask & __GFP_NOWARN))
		pr_warn("page allocation failure: order:%u, mode:0x%x\n", order, gfp_mask);
	return page;
}

/* a request no free list can answer: said, in Linux's words, and refused */
static noinline struct page *alloc_pages_refused(gfp_t gfp_mask, unsigned int order)
{
	/* Linux warns (VM_WARN_ON): no list is both; the index would overrun */
	if ((gfp_mask & (__GFP_MOVABLE | __GFP_RECLAIMABLE)) == (__GFP_MOVABLE | __GFP_RECLAIMABLE))
		pr_warn("page allocation refused: mode:0x%x is both movable and reclaimable\n",
			gfp_mask);
	else if (!(gfp_mask & __GFP_NOWARN))
		pr_warn("page allocation failure: order:%u, mode:0x%x (order >= MAX_ORDER)\n",
			order, gfp_mask);
	return NULL;
}

/*
 * mm/page_alloc.c: __alloc_pages_nodemask() @ v3.14 after the preferred
 * zone is known: get_page_from_freelist() at the low watermark, then
 * __alloc_pages_slowpath().  Out of line: alloc_pages() inlines only its
 * common first step, so the rest does not weigh on it.
 */
static noinline struct page *__alloc_pages_nodemask(gfp_t gfp_mask, unsigned int order,
						    const struct zoneref *preferred,
						    int migratetype)
{
	struct page *page =
		get_page_from_freelist(gfp_mask, order, ALLOC_WMARK_LOW, preferred, migratetype);

	if (likely(page))
		return page;
	return __alloc_pages_slowpath(gfp_mask, order, preferred, migratetype);
}

/*
 * alloc_pages()'s inline first step (see there): the preferred zone's
 * watermark, then a block off this CPU's list, not refilled.  NULL: take
 * the whole way.
 */
static __always_inline struct page *alloc_pages_fast(const struct zoneref *preferred,
						     unsigned int order, int migratetype,
						     gfp_t gfp_mask)
{
	struct zone *zone = preferred->zone;
	struct page *page;

	if (unlikely(!zone_watermark_fast(zone, order, low_wmark_pages(zone), preferred->zone_idx,
					  ALLOC_WMARK_LOW)))
		return NULL;
	page = rmqueue_pcplist(zone, order, migratetype, gfp_mask & __GFP_COLD, false);
	if (likely(page) && likely(!prep_new_page(page, order, gfp_mask)))
		return page;
	return NULL;
}

/**
 * alloc_pages() - allocate 2^order contiguous pages
 * @gfp_mask: GFP flags: the highest zone (__GFP_HIGHMEM), the mobility
 *            (__GFP_MOVABLE, __GFP_RECLAIMABLE), how hard to try
 *            (__GFP_HIGH, no __GFP_WAIT) and __GFP_COLD, __GFP_ZERO,
 *            __GFP_NOWARN
 * @order: 0 .. MAX_ORDER - 1
 *
 * mm/page_alloc.c: __alloc_pages_nodemask() @ v3.14: the fast path first
 * -- the zonelist from the preferred zone at the low watermark -- then
 * __alloc_pages_slowpath(): kswapd woken, gfp_to_alloc_flags()'s pass
 * and, for an allocation that may wait, direct compaction (order above
 * 0) and direct reclaim.
 *
 * The first step of get_page_from_freelist() for orders 0 to 3 is done
 * here, inline: the preferred zone's watermark (one compare at order 0)
 * and a block off this CPU's list.  Only when that list is empty, the
 * zone is below its mark, the page is bad or the order is above 3 does
 * the whole zonelist walk run (__alloc_pages_nodemask(): the same steps
 * again, then the refill and the other zones) -- the same answer either
 * way.
 *
 * Return: the first page (one reference, its order recorded), or NULL
 * when no zone can give the block or @order is MAX_ORDER or more (warned
 * about unless __GFP_NOWARN), or when @gfp_mask is both movable and
 * reclaimable (always warned about).
 */
struct page *alloc_pages(gfp_t gfp_mask, unsigned int order)
{
	int high_zoneidx = gfp_zone(gfp_mask);
	int migratetype = gfpflags_to_migratetype(gfp_mask);
	const struct zoneref *preferred;
	struct page *page;

	if (unlikely(order >= MAX_ORDER || (gfp_mask & (__GFP_MOVABLE | __GFP_RECLAIMABLE)) ==
						   (__GFP_MOVABLE | __GFP_RECLAIMABLE)))
		return alloc_pages_refused(gfp_mask, order);
	preferred = first_zones_zonelist(&NODE_DATA(0)->node_zonelists[0], high_zoneidx);
	if (unlikely(!preferred->zone))
		return NULL;
	/* order 0 apart: its copy of the fast path is the one that counts */
	if (likely(order == 0))
		page = alloc_pages_fast(preferred, 0, migratetype, gfp_mask);
	else if (pcp_allowed_order(order))
		page = alloc_pages_fast(preferred, order, migratetype, gfp_mask);
	else
		page = NULL;
	if (likely(page))
		return page;
	return __alloc_pages_nodemask(gfp_mask, order, preferred, migratetype);
}

/**
 * nr_free_pages() - free pages on the buddy lists of every zone
 *
 * include/linux/swap.h: nr_free_pages() @ v3.14, that is
 * global_page_state(NR_FREE_PAGES): the per-cpu lists are not counted.
 *
 * Return: that number of pages.
 */
unsigned long nr_free_pages(void)
{
	struct zone *zone;
	unsigned long sum = 0;

	for_each_zone(zone)
		sum += (unsigned long)READ_ONCE(zone->vm_stat[NR_FREE_PAGES]);
	return sum;
}

/* --- from memblock to the buddy allocator --- */

/**
 * __free_pages_bootmem() - free a reserved-at-boot block for the first time
 * @page: its first page, aligned to @order
 * @order: its order
 *
 * mm/page_alloc.c: __free_pages_bootmem() @ v3.14: the block stops being
 * reserved and is counted as managed; then it is freed like any other.
 * Linux clears PG_reserved and _count page by page, a read-modify-write
 * each.  Every page of a range memblock never handed out still holds the
 * flags memmap_init_zone() wrote -- one word for the whole block -- so
 * a9mm stores the cleared word and the zero count together
 * (arch_free_struct_pages(): an STRD a page on ARM), and checks the head
 * only, not again the pages it has just written.  With debug_pagealloc=on
 * it does exactly what Linux 3.x does: a read-modify-write and a check
 * per page.
 */
void __init __free_pages_bootmem(struct page *page, unsigned int order)
{
	unsigned int nr_pages = 1U << order;

	if (unlikely(debug_pagealloc_enabled())) {
		for (unsigned int i = 0; i < nr_pages; i++) {
			ClearPageReserved(page + i);
			page[i]._count = 0;
		}
	} else {
		arch_free_struct_pages(page, page + nr_pages, page->flags & ~(1UL << PG_reserved));
	}
	page_zone(page)->managed_pages += nr_pages;
	page->_count = 1; /* set_page_refcounted() */
	page->private = order;
	if (order == 0)
		free_hot_cold_page(page, 0, false, true);
	else
		__free_pages_ok(page, order, debug_pagealloc_enabled());
}

/**
 * nr_free_pages_all() - free pages, those on the per-CPU lists included
 *
 * What a test of "every page came back" compares: a page freed goes to
 * its CPU's per-CPU list first, where NR_FREE_PAGES (nr_free_pages())
 * does not count it.  The lists are read without their CPUs' interrupts
 * off: exact when nothing allocates meanwhile.
 *
 * Return: NR_FREE_PAGES plus every pageset's count.
 */
unsigned long nr_free_pages_all(void)
{
	unsigned long n = nr_free_pages();
	struct zone *zone;
	unsigned int cpu;

	for_each_populated_zone(zone)
		for_each_possible_cpu(cpu)
			n += (unsigned long)READ_ONCE(per_cpu_ptr(zone->pageset, cpu)->pcp.count);
	return n;
}

/**
 * free_reserved_area() - give pages memblock reserved at boot to the buddy allocator
 * @start: first byte (rounded up to a page)
 * @end: end (rounded down)
 * @s: what it was, for the message
 *
 * mm/page_alloc.c: free_reserved_area() @ v4.14 -> free_reserved_page():
 * each page stops being reserved, is counted as managed and freed.  For
 * the initrd after it was unpacked: "Freeing initrd memory: NK".
 *
 * Return: the pages freed.
 */
unsigned long free_reserved_area(void *start, void *end, const char *s)
{
	unsigned long pfn = PFN_UP(__pa(start)), end_pfn = PFN_DOWN(__pa(end)), pages = 0;

	for (; pfn < end_pfn; pfn++) {
		struct page *page = pfn_to_page(pfn);

		if (!PageReserved(page)) {
			pr_err("free_reserved_area: %s: pfn %05lx is not reserved: kept\n", s, pfn);
			continue;
		}
		ClearPageReserved(page);
		page->_count = 1; /* init_page_count() */
		page_zone(page)->managed_pages++;
		totalram_pages++;
		__free_pages(page, 0);
		pages++;
	}
	pr_info("Freeing %s memory: %luK\n", s, pages << (PAGE_SHIFT - 10));
	return pages;
}

/* --- watermarks and reserves (after the buddy lists are filled) --- */

/* lib/int_sqrt.c: int_sqrt() @ v3.14 */
static unsigned long int_sqrt(unsigned long x)
{
	unsigned long b, m, y = 0;

	if (x <= 1)
		return x;
	m = 1UL << (sizeof(long) * 8 - 2);
	while (m != 0) {
		b = y + m;
		y >>= 1;
		if (x >= b) {
			x -= b;
			y += m;
		}
		m >>= 2;
	}
	return y;
}

/* mm/page_alloc.c: pageblock_is_reserved() @ v3.14: does any page of the block stay reserved? */
static bool pageblock_is_reserved(unsigned long start_pfn, unsigned long end_pfn)
{
	for (unsigned long pfn = start_pfn; pfn < end_pfn; pfn++)
		if (PageReserved(pfn_to_page(pfn)))
			return true;
	return false;
}

/*
 * mm/page_alloc.c: setup_zone_migrate_reserve() @ v3.14: up to two pageblocks at
 * the start of the zone become MIGRATE_RESERVE, the last resort of every
 * type, so high-order atomic requests have somewhere to go.
 */
static void setup_zone_migrate_reserve(struct zone *zone)
{
	unsigned long start_pfn = zone->zone_start_pfn, end_pfn = zone_end_pfn(zone);
	unsigned long reserve =
		round_up(min_wmark_pages(zone), pageblock_nr_pages) >> pageblock_order;

	reserve = min(2UL, reserve);
	start_pfn = round_up(start_pfn, pageblock_nr_pages);
	for (unsigned long pfn = start_pfn; pfn + pageblock_nr_pages <= end_pfn && reserve;
	     pfn += pageblock_nr_pages) {
		struct page *page = pfn_to_page(pfn);

		if (pageblock_is_reserved(pfn, pfn + pageblock_nr_pages))
			continue;
		if (get_pageblock_migratetype(page) == MIGRATE_RESERVE) {
			reserve--;
		} else if (get_pageblock_migratetype(page) == MIGRATE_MOVABLE) {
			set_pageblock_migratetype(page, MIGRATE_RESERVE);
			move_freepages_block(zone, page, MIGRATE_RESERVE);
			reserve--;
		}
	}
}

/*
 * mm/page_alloc.c: __setup_per_zone_wmarks() @ v3.14: min_free_kbytes shared out
 * in proportion to lowmem zones' sizes; HighMem gets a small fixed min.
 * low = min * 5/4, high = min * 3/2.
 */
static void __setup_per_zone_wmarks(void)
{
	unsigned long pages_min = (unsigned long)min_free_kbytes >> (PAGE_SHIFT - 10);
	unsigned long lowmem_pages = 0;
	struct zone *zone;

	for_each_zone(zone)
		if (!is_highmem(zone))
			lowmem_pages += zone->managed_pages;
	for_each_zone(zone) {
		u64 tmp = lowmem_pages ? (u64)pages_min * zone->managed_pages / lowmem_pages : 0;

		if (is_highmem(zone)) {
			unsigned long min_pages = zone->managed_pages / 1024;

			zone->watermark[WMARK_MIN] = clamp(min_pages, 32UL, 128UL);
		} else {
			zone->watermark[WMARK_MIN] = (unsigned long)tmp;
		}
		zone->watermark[WMARK_LOW] = min_wmark_pages(zone) + (unsigned long)(tmp >> 2);
		zone->watermark[WMARK_HIGH] = min_wmark_pages(zone) + (unsigned long)(tmp >> 1);
		if (populated_zone(zone)) {
			unsigned long flags;

			spin_lock_irqsave(&zone->lock, flags);
			setup_zone_migrate_reserve(zone);
			spin_unlock_irqrestore(&zone->lock, flags);
		}
	}
}

/* mm/page_alloc.c: setup_per_zone_lowmem_reserve() @ v3.14 */
static void setup_per_zone_lowmem_reserve(void)
{
	pg_data_t *pgdat = NODE_DATA(0);

	for (int j = 0; j < MAX_NR_ZONES; j++) {
		struct zone *zone = pgdat->node_zones + j;
		unsigned long managed_pages = zone->managed_pages;
		int idx = j;

		zone->lowmem_reserve[j] = 0;
		while (idx) {
			struct zone *lower_zone;

			idx--;
			lower_zone = pgdat->node_zones + idx;
			lower_zone->lowmem_reserve[j] =
				(long)(managed_pages /
				       (unsigned long)sysctl_lowmem_reserve_ratio[idx]);
			managed_pages += lower_zone->managed_pages;
		}
	}
}

/* the lowmem size min_free_kbytes was computed from, in KiB */
static unsigned long wmark_lowmem_kbytes;

/**
 * min_free_kbytes_lowmem() - the lowmem size min_free_kbytes was sized from
 *
 * Pages freed later (the initrd, free_reserved_area()) add to the zones'
 * managed pages but, as in Linux, do not resize min_free_kbytes: the
 * self-test checks the formula against this figure.
 *
 * Return: KiB of lowmem at init_per_zone_wmark_min().
 */
unsigned long min_free_kbytes_lowmem(void)
{
	return wmark_lowmem_kbytes;
}

/**
 * init_per_zone_wmark_min() - size min_free_kbytes, the watermarks, reserves
 *
 * mm/page_alloc.c: init_per_zone_wmark_min() @ v3.14: min_free_kbytes =
 * sqrt(lowmem_kbytes * 16), between 128 and 65536 (a core_initcall in
 * Linux; here called by mem_init() once the pages are free), then each
 * zone's watermarks, MIGRATE_RESERVE blocks and lowmem_reserve[].
 */
void __init init_per_zone_wmark_min(void)
{
	unsigned long lowmem_kbytes = nr_free_buffer_pages() * (PAGE_SIZE >> 10);

	wmark_lowmem_kbytes = lowmem_kbytes;
	min_free_kbytes = (int)clamp(int_sqrt(lowmem_kbytes * 16), 128UL, 65536UL);
	__setup_per_zone_wmarks();
	setup_per_zone_lowmem_reserve();
}

/* --- checking --- */

/* one free list of one zone: its blocks are what nr_free and the heads say */
static int check_free_list(struct zone *zone, unsigned int order, int mt, unsigned long *n,
			   int (*print)(const char *fmt, ...))
{
	struct page *page;
	int bad = 0;

	list_for_each_entry(page, &zone->free_area[order].free_list[mt], lru) {
		unsigned long pfn = page_to_pfn(page);

		if (++*n > zone->spanned_pages) {
			print("%s: order-%u %s list loops\n", zone->name, order,
			      migratetype_names[mt]);
			return bad + 1;
		}
		if (!PageBuddy(page) || page->private != order) {
			print("%s: pfn 0x%lx on the order-%u list is not a free head of that order\n",
			      zone->name, pfn, order);
			bad++;
		}
		if (get_freepage_migratetype(page) != mt) {
			print("%s: pfn 0x%lx is on the %s list but was filed as type %d\n",
			      zone->name, pfn, migratetype_names[mt],
			      get_freepage_migratetype(page));
			bad++;
		}
		if (pfn & ((1UL << order) - 1) || pfn < zone->zone_start_pfn ||
		    pfn + (1UL << order) > zone_end_pfn(zone)) {
			print("%s: pfn 0x%lx order %u misaligned or outside the zone\n", zone->name,
			      pfn, order);
			bad++;
		}
	}
	return bad;
}

/* one CPU's per-cpu lists of one zone: free blocks of the list's order, out of the buddy lists */
static int check_pcp_lists(struct zone *zone, unsigned int cpu, struct per_cpu_pages *pcp,
			   int (*print)(const char *fmt, ...))
{
	unsigned long n = 0, blocks = 0;
	int bad = 0;

	for (int pindex = 0; pindex < NR_PCP_LISTS; pindex++) {
		unsigned int order = pindex_to_order(pindex);
		struct page *page;

		list_for_each_entry(page, &pcp->lists[pindex], lru) {
			unsigned long pfn = page_to_pfn(page);

			n += 1UL << order;
			if (++blocks > zone->spanned_pages) {
				print("%s: CPU%u's per-cpu %s list of order %u loops\n", zone->name,
				      cpu, migratetype_names[pindex % MIGRATE_PCPTYPES], order);
				return bad + 1;
			}
			if (PageBuddy(page) || page->_count || PageReserved(page) ||
			    pfn & ((1UL << order) - 1) || pfn < zone->zone_start_pfn ||
			    pfn + (1UL << order) > zone_end_pfn(zone) ||
			    get_freepage_migratetype(page) >= MIGRATE_TYPES) {
				print("%s: pfn 0x%lx on CPU%u's per-cpu list is not a free order-%u block of the zone\n",
				      zone->name, pfn, cpu, order);
				bad++;
			}
		}
	}
	if (n != (unsigned long)pcp->count) {
		print("%s: CPU%u's per-cpu count %d but %lu pages on its lists\n", zone->name, cpu,
		      pcp->count, n);
		bad++;
	}
	return bad;
}

struct pcp_check {
	int (*print)(const char *fmt, ...);
	atomic_t bad;
};

/* every zone's lists of the CPU this runs on, with interrupts off (an IPI) */
static void check_local_pcp_lists(void *arg)
{
	struct pcp_check *c = arg;
	unsigned int cpu = smp_processor_id();
	unsigned long flags;
	struct zone *zone;

	local_irq_save(flags);
	for_each_populated_zone(zone)
		atomic_add(check_pcp_lists(zone, cpu, &this_cpu_ptr(zone->pageset)->pcp, c->print),
			   &c->bad);
	local_irq_restore(flags);
}

/**
 * check_free_lists() - prove every free list consistent
 * @print: printf-like output for each problem found
 *
 * Every free list, checked against everything else: each entry is a
 * PageBuddy head of the list's order, aligned to it, inside its zone and
 * filed under the list's migratetype; no block overlaps another; nr_free
 * and NR_FREE_PAGES agree with the lists; every online CPU's per-cpu
 * lists hold free blocks of their order and as many pages as they count -- each CPU
 * checks its own, sent the check by IPI, since only it may walk them.
 * (A block may sit on a list other than its pageblock's type -- after a
 * partial steal, as in Linux -- so that is not a fault.)  Interrupts must
 * be on.
 *
 * Return: the number of problems, each reported through @print (0: none).
 */
int check_free_lists(int (*print)(const char *fmt, ...))
{
	struct pcp_check c = { .print = print, .bad = ATOMIC_INIT(0) };
	struct zone *zone;
	int bad = 0;

	for_each_populated_zone(zone) {
		unsigned long total = 0, covered_end = 0, last_pfn = 0, flags;
		bool first = true;

		spin_lock_irqsave(&zone->lock, flags);
		for (unsigned int order = 0; order < MAX_ORDER; order++) {
			unsigned long n = 0;

			for (int mt = 0; mt < MIGRATE_TYPES; mt++)
				bad += check_free_list(zone, order, mt, &n, print);
			if (n != zone->free_area[order].nr_free) {
				print("%s: order %u: nr_free %lu but %lu blocks on the lists\n",
				      zone->name, order, zone->free_area[order].nr_free, n);
				bad++;
			}
			total += n << order;
		}
		/* overlaps: walk the zone, every free head skips its block */
		for (unsigned long pfn = zone->zone_start_pfn; pfn < zone_end_pfn(zone); pfn++) {
			struct page *page = pfn_to_page(pfn);

			if (!PageBuddy(page))
				continue;
			if (!first && pfn < covered_end) {
				print("%s: free block at 0x%lx overlaps the one at 0x%lx\n",
				      zone->name, pfn, last_pfn);
				bad++;
			}
			first = false;
			last_pfn = pfn;
			covered_end = pfn + (1UL << page->private);
		}
		if (total != (unsigned long)zone->vm_stat[NR_FREE_PAGES]) {
			print("%s: NR_FREE_PAGES %ld but %lu pages on the lists\n", zone->name,
			      zone->vm_stat[NR_FREE_PAGES], total);
			bad++;
		}
		spin_unlock_irqrestore(&zone->lock, flags);
	}
	on_each_cpu(check_local_pcp_lists, &c, true);
	return bad + atomic_read(&c.bad);
}
