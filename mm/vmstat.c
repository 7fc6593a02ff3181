// SPDX-License-Identifier: GPL-2.0
/*
 * mm/vmstat.c + fs/proc/meminfo.c @ v4.14: the /proc views of the zones, in
 * their layout, printed through any printf-like function (the shell's
 * `cat /proc/...`, the tests).
 */
#include <linux/blkdev.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/percpu.h>
#include <linux/smp.h>
#include <linux/threads.h>
#include <linux/vmalloc.h>
#include <linux/swap.h>
#include <linux/vmstat.h>

typedef int (*print_t)(const char *fmt, ...);

/*
 * mm/vmstat.c: walk_zones_in_node() @ v4.14: every populated zone, its free
 * lists held still by zone->lock while one line is made of them.
 */
static void walk_zones_in_node(print_t print, void (*show)(print_t print, struct zone *zone))
{
	struct zone *zone;

	for_each_populated_zone(zone) {
		unsigned long flags;

		spin_lock_irqsave(&zone->lock, flags);
		show(print, zone);
		spin_unlock_irqrestore(&zone->lock, flags);
	}
}

/* mm/vmstat.c: frag_show_print() @ v4.14: a /proc/buddyinfo line */
static void frag_show_print(print_t print, struct zone *zone)
{
	print("Node %d, zone %8s ", zone->zone_pgdat->node_id, zone->name);
	for (unsigned int order = 0; order < MAX_ORDER; ++order)
		print("%6lu ", zone->free_area[order].nr_free);
	print("\n");
}

/**
 * show_buddyinfo() - /proc/buddyinfo: free blocks per order, per zone
 * @print: printf-like output
 *
 * mm/vmstat.c: frag_show() @ v4.14.
 */
void show_buddyinfo(print_t print)
{
	walk_zones_in_node(print, frag_show_print);
}

/* mm/vmstat.c: pagetypeinfo_showfree_print() @ v4.14: blocks per order, per type */
static void pagetypeinfo_showfree_print(print_t print, struct zone *zone)
{
	for (int mt = 0; mt < MIGRATE_TYPES; mt++) {
		print("Node %4d, zone %8s, type %12s ", zone->zone_pgdat->node_id, zone->name,
		      migratetype_names[mt]);
		for (unsigned int order = 0; order < MAX_ORDER; ++order) {
			unsigned long n = 0;
			struct page *page;

			list_for_each_entry(page, &zone->free_area[order].free_list[mt], lru)
				n++;
			print("%6lu ", n);
		}
		print("\n");
	}
}

/*
 * mm/vmstat.c: pagetypeinfo_showblockcount_print() @ v4.14: every pageblock the
 * zone starts or covers, by its migratetype, as Linux counts them.
 */
static void pagetypeinfo_showblockcount_print(print_t print, struct zone *zone)
{
	unsigned long count[MIGRATE_TYPES] = { 0 };
	unsigned long base = round_down(zone->zone_start_pfn, pageblock_nr_pages);

	for (unsigned long pfn = zone->zone_start_pfn; pfn < zone_end_pfn(zone);
	     pfn += pageblock_nr_pages)
		count[zone->pageblock_flags[(pfn - base) >> pageblock_order]]++;
	print("Node %d, zone %8s ", zone->zone_pgdat->node_id, zone->name);
	for (int mt = 0; mt < MIGRATE_TYPES; mt++)
		print("%12lu ", count[mt]);
	print("\n");
}

/**
 * show_pagetypeinfo() - /proc/pagetypeinfo: free blocks and pageblocks by type
 * @print: printf-like output
 *
 * mm/vmstat.c: pagetypeinfo_show() @ v4.14, with v3.14's migratetypes.
 */
void show_pagetypeinfo(print_t print)
{
	print("Page block order: %d\n", pageblock_order);
	print("Pages per block:  %lu\n", pageblock_nr_pages);
	print("\n");
	print("%-43s ", "Free pages count per migrate type at order");
	for (unsigned int order = 0; order < MAX_ORDER; ++order)
		print("%6u ", order);
	print("\n");
	walk_zones_in_node(print, pagetypeinfo_showfree_print);

	print("\n%-23s", "Number of blocks type ");
	for (int mt = 0; mt < MIGRATE_TYPES; mt++)
		print("%12s ", migratetype_names[mt]);
	print("\n");
	walk_zones_in_node(print, pagetypeinfo_showblockcount_print);
}

/*
 * mm/vmstat.c: struct contig_page_info @ v4.14: a zone's free memory as an
 * allocation of one order sees it.
 */
struct contig_page_info {
	unsigned long free_pages;	    /* free pages, in whatever block */
	unsigned long free_blocks_total;    /* free blocks, of every order */
	unsigned long free_blocks_suitable; /* blocks of the order one could take */
};

/*
 * mm/vmstat.c: fill_contig_page_info() @ v4.14: the free lists' counts,
 * read under zone->lock; a free block above the order counts as as many
 * blocks of the order as it holds.
 */
static void fill_contig_page_info(const struct zone *zone, unsigned int suitable_order,
				  struct contig_page_info *info)
{
	*info = (struct contig_page_info){ 0 };
	for (unsigned int order = 0; order < MAX_ORDER; order++) {
		unsigned long blocks = zone->free_area[order].nr_free;

		info->free_blocks_total += blocks;
		info->free_pages += blocks << order;
		if (order >= suitable_order)
			info->free_blocks_suitable += blocks << (order - suitable_order);
	}
}

/*
 * mm/vmstat.c: unusable_free_index() @ v4.14: the share of free memory,
 * in thousandths, that sits in blocks too small for the order -- 0: all
 * of it could serve such a request, 1000: none (or nothing is free).
 */
static int unusable_free_index(unsigned int order, const struct contig_page_info *info)
{
	if (!info->free_pages)
		return 1000;
	return (int)((info->free_pages - (info->free_blocks_suitable << order)) * 1000 /
		     info->free_pages);
}

/*
 * mm/vmstat.c: __fragmentation_index() @ v4.14: were a request of the
 * order to fail, why -- towards 0 (thousandths) for lack of free memory,
 * towards 1000 because what is free is in pieces too small: the figure
 * Linux's compaction weighs against extfrag_threshold (500) before it
 * tries.  -1000 when a block of the order is free (the request would not
 * fail), 0 when nothing is.
 *
 *   index = 1000 - (1000 + 1000 * free_pages / 2^order) / free_blocks_total
 */
static int __fragmentation_index(unsigned int order, const struct contig_page_info *info)
{
	unsigned long requested = 1UL << order;

	if (!info->free_blocks_total)
		return 0;
	if (info->free_blocks_suitable)
		return -1000;
	return 1000 - (int)((1000 + info->free_pages * 1000 / requested) / info->free_blocks_total);
}

/**
 * fragmentation_index() - why a request of an order would fail in a zone
 * @zone: the zone
 * @order: the order
 *
 * mm/vmstat.c: fragmentation_index() @ v3.14, as compaction_suitable()
 * asks it before compacting.
 *
 * Return: __fragmentation_index(), in thousandths: -1000 when a block of
 * the order is free, towards 0 for lack of memory, towards 1000 for
 * fragmentation.
 */
int fragmentation_index(struct zone *zone, unsigned int order)
{
	struct contig_page_info info;
	unsigned long flags;

	spin_lock_irqsave(&zone->lock, flags);
	fill_contig_page_info(zone, order, &info);
	spin_unlock_irqrestore(&zone->lock, flags);
	return __fragmentation_index(order, &info);
}

/* mm/vmstat.c: unusable_show_print() + extfrag_show_print() @ v4.14: one zone's line */
static void index_show_print(print_t print, struct zone *zone,
			     int (*index)(unsigned int order, const struct contig_page_info *info))
{
	struct contig_page_info info;

	print("Node %d, zone %8s ", zone->zone_pgdat->node_id, zone->name);
	for (unsigned int order = 0; order < MAX_ORDER; ++order) {
		int i;

		fill_contig_page_info(zone, order, &info);
		i = index(order, &info);
		print("%d.%03d ", i / 1000, i % 1000); /* -1000: "-1.000" */
	}
	print("\n");
}

static void unusable_show_print(print_t print, struct zone *zone)
{
	index_show_print(print, zone, unusable_free_index);
}

static void extfrag_show_print(print_t print, struct zone *zone)
{
	index_show_print(print, zone, __fragmentation_index);
}

/**
 * show_unusable_index() - how much free memory each order cannot use
 * @print: printf-like output
 *
 * mm/vmstat.c: unusable_show() @ v4.14, Linux's debugfs file
 * /sys/kernel/debug/extfrag/unusable_index: per zone and order,
 * unusable_free_index() as a fraction (0.000 .. 1.000).
 */
void show_unusable_index(print_t print)
{
	walk_zones_in_node(print, unusable_show_print);
}

/**
 * show_extfrag_index() - why an allocation of each order would fail
 * @print: printf-like output
 *
 * mm/vmstat.c: extfrag_show() @ v4.14, Linux's debugfs file
 * /sys/kernel/debug/extfrag/extfrag_index: per zone and order,
 * __fragmentation_index() as a fraction: towards 0.000 for lack of
 * memory, towards 1.000 for fragmentation, -1.000 where the allocation
 * would succeed.
 */
void show_extfrag_index(print_t print)
{
	walk_zones_in_node(print, extfrag_show_print);
}

/**
 * show_zoneinfo() - /proc/zoneinfo: every zone's counters and watermarks
 * @print: printf-like output
 *
 * mm/vmstat.c: zoneinfo_show_print() @ v4.14, the fields a9mm has (no
 * reclaim: no "scanned", "all_unreclaimable" or "inactive_ratio"; no
 * per-CPU counter deltas, so no "vm stats threshold"); every zone, the
 * empty ones cut short.  Each online CPU's pageset is read without
 * stopping it: its count may be a moment old, as in Linux.
 */
void show_zoneinfo(print_t print)
{
	struct zone *zone;
	unsigned int cpu;

	for_each_zone(zone) {
		print("Node %d, zone %8s\n", zone->zone_pgdat->node_id, zone->name);
		print("  pages free     %lu\n", (unsigned long)zone->vm_stat[NR_FREE_PAGES]);
		print("        min      %lu\n", min_wmark_pages(zone));
		print("        low      %lu\n", low_wmark_pages(zone));
		print("        high     %lu\n", high_wmark_pages(zone));
		print("        spanned  %lu\n", zone->spanned_pages);
		print("        present  %lu\n", zone->present_pages);
		print("        managed  %lu\n", zone->managed_pages);
		print("    nr_free_pages %lu\n", (unsigned long)zone->vm_stat[NR_FREE_PAGES]);
		print("        protection: (");
		for (int i = 0; i < MAX_NR_ZONES; i++)
			print("%s%ld", i ? ", " : "", zone->lowmem_reserve[i]);
		print(")\n");
		/* Linux 4.14: "If unpopulated, no other information is useful" */
		if (!populated_zone(zone))
			continue;
		print("  pagesets\n");
		for_each_online_cpu(cpu) {
			const struct per_cpu_pages *pcp = zone_pcp(zone, cpu);

			print("    cpu: %u\n", cpu);
			print("              count: %i\n", READ_ONCE(pcp->count));
			print("              high:  %i\n", pcp->high);
			print("              batch: %i\n", pcp->batch);
		}
		print("  start_pfn:         %lu\n", zone->zone_start_pfn);
	}
}

/* fs/proc/meminfo.c: show_val_kb() @ v4.14 */
static void show_val_kb(print_t print, const char *s, unsigned long num)
{
	print("%-16s%8lu kB\n", s, num << (PAGE_SHIFT - 10));
}

/**
 * global_page_state() - a zone counter summed over the zones
 * @item: the counter
 *
 * include/linux/vmstat.h: global_page_state() @ v3.14 (Linux keeps a
 * global copy; a9mm has two zones to add).
 *
 * Return: the sum, 0 if a moment's race made it negative.
 */
unsigned long global_page_state(enum zone_stat_item item)
{
	struct zone *zone;
	long sum = 0;

	for_each_zone(zone)
		sum += READ_ONCE(zone->vm_stat[item]);
	return sum < 0 ? 0 : (unsigned long)sum;
}

/**
 * show_meminfo() - /proc/meminfo, the lines that mean something here
 * @print: printf-like output
 *
 * fs/proc/meminfo.c: meminfo_proc_show() @ v4.14: Buffers is the block
 * devices' page cache (read through /dev/mmcblk0), Cached the rest of the
 * page cache (the rootfs's files and shmem), SwapCached the swap
 * cache's pages, Active and Inactive the LRU lists (anon: processes'
 * pages, file: Buffers' pages), SwapTotal and SwapFree the swap areas' slots,
 * AnonPages the anonymous pages processes map, Mapped the page-cache
 * pages they map, Shmem shmem's part of Cached; Slab the slab
 * allocator's pages, SReclaimable of them those of SLAB_RECLAIM_ACCOUNT
 * caches -- none here yet -- SUnreclaim the rest.  Plus a9mm's
 * "PerCpuLists:" (the order-0 pages parked on the per-cpu lists).
 */
void show_meminfo(print_t print)
{
	unsigned long free_high = 0, free_low = 0, wmark_low = 0, pcp = 0, vused, vchunk;
	unsigned long swap_free, swap_total, avail, pagecache, buffers;
	struct zone *zone;
	unsigned int cpu;

	for_each_zone(zone) {
		unsigned long free = (unsigned long)READ_ONCE(zone->vm_stat[NR_FREE_PAGES]);

		if (is_highmem(zone))
			free_high += free;
		else
			free_low += free;
		wmark_low += low_wmark_pages(zone);
		if (populated_zone(zone))
			for_each_online_cpu(cpu)
				pcp += (unsigned long)READ_ONCE(zone_pcp(zone, cpu)->count);
	}
	show_val_kb(print, "MemTotal:", totalram_pages);
	show_val_kb(print, "MemFree:", free_low + free_high);
	/*
	 * si_mem_available() @ v4.14: free above the low watermarks, plus the
	 * page cache on the file lists less what of it must stay (half of it,
	 * or the low watermarks if less).  ramfs and shmem pages have no
	 * backing store and are on no list: they never count.
	 */
	avail = free_low + free_high > wmark_low ? free_low + free_high - wmark_low : 0;
	pagecache = global_page_state(NR_ACTIVE_FILE) + global_page_state(NR_INACTIVE_FILE);
	avail += pagecache - min(pagecache / 2, wmark_low);
	show_val_kb(print, "MemAvailable:", avail);
	/* Linux's Cached leaves out the swap cache and Buffers; a9mm's NR_FILE_PAGES has no swap
	 * cache */
	buffers = nr_blockdev_pages();
	show_val_kb(print, "Buffers:", buffers);
	show_val_kb(print, "Cached:", global_page_state(NR_FILE_PAGES) - buffers);
	show_val_kb(print, "SwapCached:", (unsigned long)READ_ONCE(total_swapcache_pages));
	show_val_kb(print, "Active:",
		    global_page_state(NR_ACTIVE_ANON) + global_page_state(NR_ACTIVE_FILE));
	show_val_kb(print, "Inactive:",
		    global_page_state(NR_INACTIVE_ANON) + global_page_state(NR_INACTIVE_FILE));
	show_val_kb(print, "Active(anon):", global_page_state(NR_ACTIVE_ANON));
	show_val_kb(print, "Inactive(anon):", global_page_state(NR_INACTIVE_ANON));
	show_val_kb(print, "Active(file):", global_page_state(NR_ACTIVE_FILE));
	show_val_kb(print, "Inactive(file):", global_page_state(NR_INACTIVE_FILE));
	show_val_kb(print, "HighTotal:", totalhigh_pages);
	show_val_kb(print, "HighFree:", free_high);
	show_val_kb(print, "LowTotal:", totalram_pages - totalhigh_pages);
	show_val_kb(print, "LowFree:", free_low);
	si_swapinfo(&swap_free, &swap_total);
	show_val_kb(print, "SwapTotal:", swap_total);
	show_val_kb(print, "SwapFree:", swap_free);
	show_val_kb(print, "AnonPages:", global_page_state(NR_ANON_PAGES));
	show_val_kb(print, "Mapped:", global_page_state(NR_FILE_MAPPED));
	show_val_kb(print, "Shmem:", global_page_state(NR_SHMEM));
	/* the slab allocator's pages (mm/slub.c: NR_SLAB_* as each slab comes and goes) */
	show_val_kb(print, "Slab:",
		    global_page_state(NR_SLAB_RECLAIMABLE) +
			    global_page_state(NR_SLAB_UNRECLAIMABLE));
	show_val_kb(print, "SReclaimable:", global_page_state(NR_SLAB_RECLAIMABLE));
	show_val_kb(print, "SUnreclaim:", global_page_state(NR_SLAB_UNRECLAIMABLE));
	/* get_vmalloc_info() @ v3.14: busy bytes with guard pages, the largest free block */
	get_vmalloc_info(&vused, &vchunk);
	show_val_kb(print, "VmallocTotal:", (VMALLOC_END - VMALLOC_START) >> PAGE_SHIFT);
	show_val_kb(print, "VmallocUsed:", vused >> PAGE_SHIFT);
	show_val_kb(print, "VmallocChunk:", vchunk >> PAGE_SHIFT);
	/* not in Linux's file: order-0 pages parked on the per-cpu lists of all CPUs */
	show_val_kb(print, "PerCpuLists:", pcp);
}

/* the event counts, each CPU's copy (include/linux/vmstat.h) */
DEFINE_PER_CPU(struct vm_event_state, vm_event_states);

/**
 * all_vm_events() - every event counter, summed over the CPUs
 * @ret: NR_VM_EVENT_ITEMS counts, filled
 *
 * mm/vmstat.c: all_vm_events() -> sum_vm_events() @ v3.14: each CPU's
 * copy read without stopping it -- a count a moment old, as Linux's.
 */
void all_vm_events(unsigned long *ret)
{
	unsigned int cpu;

	for (int i = 0; i < NR_VM_EVENT_ITEMS; i++)
		ret[i] = 0;
	for_each_possible_cpu(cpu) {
		const struct vm_event_state *this = per_cpu_ptr(&vm_event_states, cpu);

		for (int i = 0; i < NR_VM_EVENT_ITEMS; i++)
			ret[i] += READ_ONCE(this->event[i]);
	}
}

/*
 * mm/vmstat.c: vmstat_text[] @ v3.14: the zone counters' names, then the
 * events', each in its enum's order (the ones a9mm has)
 */
static const char *const vmstat_text[] = {
	/* enum zone_stat_item */
	"nr_free_pages",
	"nr_inactive_anon",
	"nr_active_anon",
	"nr_inactive_file",
	"nr_active_file",
	"nr_anon_pages",
	"nr_mapped",
	"nr_file_pages",
	"nr_slab_reclaimable",
	"nr_slab_unreclaimable",
	"nr_shmem",
	/* enum vm_event_item */
	"pswpin",
	"pswpout",
	"pgalloc_normal",
	"pgalloc_high",
	"pgfree",
	"pgactivate",
	"pgdeactivate",
	"pgfault",
	"pgmajfault",
	"pgsteal_kswapd",
	"pgsteal_direct",
	"pgscan_kswapd",
	"pgscan_direct",
	"pageoutrun",
	"allocstall",
	"pgmigrate_success",
	"pgmigrate_fail",
	"compact_migrate_scanned",
	"compact_free_scanned",
	"compact_isolated",
	"compact_stall",
	"compact_fail",
	"compact_success",
	"compact_daemon_wake",
	"compact_daemon_migrate_scanned",
	"compact_daemon_free_scanned",
};

_Static_assert(ARRAY_SIZE(vmstat_text) == NR_VM_ZONE_STAT_ITEMS + NR_VM_EVENT_ITEMS,
	       "a name for every counter");

/**
 * show_vmstat() - /proc/vmstat: "name value", a line per counter
 * @print: printf-like output
 *
 * mm/vmstat.c: vmstat_start() + vmstat_show() @ v3.14: the zone
 * counters summed over the zones, then the events summed over the CPUs.
 * pgalloc_* counts pages (an order-3 block is 8), pgfree too; pgfault
 * every fault handle_mm_fault() served or refused, pgmajfault those that
 * read their page from swap (pswpin counts the pages read, pswpout the
 * pages written); pgscan_* and pgsteal_* the inactive pages reclaim
 * looked at and freed, by kswapd or by an allocating task itself.
 */
void show_vmstat(print_t print)
{
	unsigned long ev[NR_VM_EVENT_ITEMS];

	for (int i = 0; i < NR_VM_ZONE_STAT_ITEMS; i++)
		print("%s %lu\n", vmstat_text[i], global_page_state((enum zone_stat_item)i));
	all_vm_events(ev);
	for (int i = 0; i < NR_VM_EVENT_ITEMS; i++)
		print("%s %lu\n", vmstat_text[NR_VM_ZONE_STAT_ITEMS + i], ev[i]);
}

/**
 * buddy_snapshot() - every zone's free_area[].nr_free, per-cpu lists drained
 * @snap: filled, by zone index and order
 *
 * The buddyinfo counts of every zone, after every CPU's per-cpu lists went
 * back (drain_all_pages()): the free lists' state, comparable before and
 * after a test.  (The set of free pages decides it, since freed buddies
 * always merge.)  Interrupts must be on (the drain is by IPI).
 */
void buddy_snapshot(unsigned long snap[MAX_NR_ZONES][MAX_ORDER])
{
	struct zone *zone;

	drain_all_pages();
	for_each_zone(zone) {
		unsigned long flags;

		spin_lock_irqsave(&zone->lock, flags);
		for (unsigned int o = 0; o < MAX_ORDER; o++)
			snap[zone_idx(zone)][o] = zone->free_area[o].nr_free;
		spin_unlock_irqrestore(&zone->lock, flags);
	}
}
