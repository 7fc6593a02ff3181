// SPDX-License-Identifier: GPL-2.0
/*
 * Host tests of the buddy allocator on a real node built the way the
 * kernel builds it (bootmem_init, build_all_zonelists, free_all_bootmem,
 * free_highpages, watermarks): split/merge, the __free_pages_memory range
 * of the seed (the study notes a9mm grew from; not in this repository), random alloc/free against a
 * reference model, exhaustion, bad frees, pageblock stealing, watermarks and the /proc texts.
 */
#include <linux/errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <math.h>
#include <cmocka.h>
#include <string.h>

#include <asm/mm.h>
#include <trace/events/kmem.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include <linux/percpu.h>
#include <linux/smp.h>

#include "host_shim.h"

#define RAM 0x60000000u
#define MB  (1u << 20)

static unsigned long boot_snapshot[MAX_NR_ZONES][MAX_ORDER];

/* mem_init() without the prints: RAM of ram_mb, lowmem ending at low_mb */
static void boot_node(unsigned long ram_mb, unsigned long low_mb)
{
	host_boot_node(ram_mb, low_mb);
	assert_int_equal(check_free_lists(printk), 0);
	buddy_snapshot(boot_snapshot);
}

static void expect_boot_state(void)
{
	unsigned long now[MAX_NR_ZONES][MAX_ORDER];

	buddy_snapshot(now);
	assert_memory_equal(now, boot_snapshot, sizeof(now));
	assert_int_equal(check_free_lists(printk), 0);
}

static void test_boot_counts(void **state)
{
	struct zone *normal = &NODE_DATA(0)->node_zones[ZONE_NORMAL];
	struct zone *high = &NODE_DATA(0)->node_zones[ZONE_HIGHMEM];

	boot_node(64, 48);
	/* every lowmem page not reserved by memblock is managed and free */
	assert_int_equal(normal->managed_pages,
			 48 * MB / 4096 - (memblock_reserved_size() + 4095) / 4096);
	assert_int_equal(high->managed_pages, 16 * MB / 4096);
	assert_int_equal(totalhigh_pages, 16 * MB / 4096);
	assert_int_equal(totalram_pages, normal->managed_pages + high->managed_pages);
	/* the zonelist tries HighMem first */
	assert_ptr_equal(NODE_DATA(0)->node_zonelists[0]._zonerefs[0].zone, high);
	assert_ptr_equal(NODE_DATA(0)->node_zonelists[0]._zonerefs[1].zone, normal);
	assert_null(NODE_DATA(0)->node_zonelists[0]._zonerefs[2].zone);
	assert_true(host_log_contains(
		"Built 1 zonelists in Zone order, mobility grouping on.  Total pages: "));
}

/*
 * The seed's example range [0x8800e, 0xaecea), block by block, in order:
 * the trace must be exactly the greedy sequence of the largest aligned
 * power-of-two block that fits (computed here from that definition, not
 * from __ffs), nothing more, nothing less.
 */
static void test_seed_range_orders(void **state)
{
	const unsigned long start = 0x8800e, end = 0xaecea;
	unsigned long counts[MAX_ORDER] = { 0 }, pfn = start, got_pfn;
	unsigned int got_order, nblocks = 0;
	const char *p;

	memblock_reset();
	host_log_reset();
	host_ram_init(0x88000000, 0x28000000);
	memblock_add(0x88000000, 0x28000000);
	memblock_reserve(0x88000000, 0x27000000); /* the top 16M: for mem_map */
	memblock_set_current_limit(0xb0000000);
	host_set_cpus(1);
	bootmem_init();
	build_all_zonelists();
	host_log_reset();
	mminit_loglevel = 4;
	__free_pages_memory(start, end);
	mminit_loglevel = 0;

	p = strstr(host_log, "mminit::free_pages_memory [0x8800e, 0xaecea)\n");
	assert_non_null(p);
	p = strchr(p, '\n') + 1;
	while (pfn < end) {
		int k;

		for (k = MAX_ORDER - 1; k > 0; k--)
			if (pfn % (1UL << k) == 0 && pfn + (1UL << k) <= end)
				break;
		if (sscanf(p, "mminit::  pfn 0x%lx order %u\n", &got_pfn, &got_order) != 2)
			fail_msg("block %u: expected pfn 0x%lx order %d, trace has \"%.40s\"",
				 nblocks, pfn, k, p);
		assert_int_equal(got_pfn, pfn);
		assert_int_equal(got_order, k);
		p = strchr(p, '\n') + 1;
		counts[k]++;
		nblocks++;
		pfn += 1UL << k;
	}
	assert_null(strstr(p, "mminit::  pfn")); /* and nothing after the range */
	/* the seed's picture: low orders up to 0x88400, then all order 10 */
	assert_true(strstr(host_log, "mminit::  pfn 0x8800e order 1\n") <
		    strstr(host_log, "mminit::  pfn 0x88010 order 4\n"));
	assert_int_equal(counts[10], (0xaec00 - 0x88400) / 0x400); /* 0xaecea rounded down */
	/* the freed blocks cannot merge further: buddyinfo is exactly that */
	drain_all_pages();
	for (int o = 0; o < MAX_ORDER; o++)
		assert_int_equal(NODE_DATA(0)->node_zones[ZONE_NORMAL].free_area[o].nr_free,
				 counts[o]);
	assert_int_equal(check_free_lists(printk), 0);
}

static void test_split_and_merge(void **state)
{
	struct zone *normal = &NODE_DATA(0)->node_zones[ZONE_NORMAL];
	unsigned long before[MAX_NR_ZONES][MAX_ORDER];
	struct page *page;
	unsigned int k;

	boot_node(32, 32);
	buddy_snapshot(before);
	/*
	 * A movable request (the lists all blocks start on): the smallest
	 * block of order >= 3 is split and its upper halves go back.
	 */
	for (k = 3; k < MAX_ORDER && !before[ZONE_NORMAL][k]; k++)
		;
	page = alloc_pages(GFP_KERNEL | __GFP_MOVABLE, 3);
	assert_non_null(page);
	assert_int_equal(page_to_pfn(page) & 7, 0);
	for (unsigned int o = 3; o < MAX_ORDER; o++) {
		unsigned long want = before[ZONE_NORMAL][o] + (o < k) - (o == k);

		assert_int_equal(normal->free_area[o].nr_free, want);
	}
	__free_pages(page, 3);
	expect_boot_state();
}

static void test_exhaustion_and_recovery(void **state)
{
	struct list_head pages;
	struct page *page, *tmp;
	unsigned long n = 0;
	const gfp_t kinds[] = { GFP_HIGHUSER_MOVABLE, GFP_KERNEL, GFP_ATOMIC };

	boot_node(32, 24);
	INIT_LIST_HEAD(&pages);
	for (unsigned int i = 0; i < 3; i++)
		while ((page = alloc_pages(kinds[i] | __GFP_NOWARN, 0))) {
			list_add(&page->lru, &pages);
			n++;
		}
	/* what is left is below the min watermarks (atomic may take half) */
	assert_true(nr_free_pages() <= min_wmark_pages(&NODE_DATA(0)->node_zones[0]) +
					       min_wmark_pages(&NODE_DATA(0)->node_zones[1]));
	assert_true(n > 7000);
	assert_null(alloc_pages(GFP_KERNEL | __GFP_NOWARN, 0));
	list_for_each_entry_safe(page, tmp, &pages, lru) {
		list_del(&page->lru);
		__free_page(page);
	}
	expect_boot_state();
	/* a failure without __GFP_NOWARN says so, like Linux */
	host_log_reset();
	assert_null(alloc_pages(GFP_KERNEL, MAX_ORDER));
	assert_true(host_log_contains("page allocation failure: order:11"));
	/* movable and reclaimable at once: no such list, refused */
	assert_null(alloc_pages(GFP_KERNEL | __GFP_MOVABLE | __GFP_RECLAIMABLE, 0));
	assert_true(host_log_contains("is both movable and reclaimable"));
}

/* Random alloc/free against a model: which pages are handed out. */
static void test_random_against_model(void **state)
{
	struct blk {
		unsigned long pfn;
		unsigned int order;
	} held[512];
	unsigned int nheld = 0, seed = 4242;
	static unsigned char owned[64 * MB / 4096];
	struct zone *zone;

	boot_node(64, 40);
	memset(owned, 0, sizeof(owned));
	for (int step = 0; step < 20000; step++) {
		bool do_alloc = nheld == 0 || (nheld < 512 && rand_r(&seed) % 2);

		if (do_alloc) {
			unsigned int order = (unsigned int)rand_r(&seed) % 6;
			gfp_t gfp = (rand_r(&seed) % 2 ? __GFP_HIGHMEM : 0) |
				    (rand_r(&seed) % 3 ? __GFP_MOVABLE : 0) | GFP_KERNEL |
				    __GFP_NOWARN;
			struct page *page = alloc_pages(gfp, order);
			unsigned long pfn;

			if (!page)
				continue;
			pfn = page_to_pfn(page);
			assert_int_equal(pfn & ((1UL << order) - 1), 0);
			assert_true(pfn >= RAM / 4096 &&
				    pfn + (1UL << order) <= (RAM + 64 * MB) / 4096);
			if (!(gfp & __GFP_HIGHMEM))
				assert_false(PageHighMem(page));
			for (unsigned long p = pfn; p < pfn + (1UL << order); p++) {
				assert_false(owned[p - RAM / 4096]); /* never handed out twice */
				assert_false(memblock_is_reserved(p << 12));
				owned[p - RAM / 4096] = 1;
			}
			held[nheld++] = (struct blk){ pfn, order };
		} else {
			unsigned int i = (unsigned int)rand_r(&seed) % nheld;

			for (unsigned long p = held[i].pfn;
			     p < held[i].pfn + (1UL << held[i].order); p++)
				owned[p - RAM / 4096] = 0;
			__free_pages(pfn_to_page(held[i].pfn), held[i].order);
			held[i] = held[--nheld];
		}
		if (step % 1000 == 0) {
			unsigned long free = 0, out = 0;

			assert_int_equal(check_free_lists(printk), 0);
			for_each_zone(zone) {
				unsigned int cpu;

				free += (unsigned long)zone->vm_stat[NR_FREE_PAGES];
				for_each_possible_cpu(cpu)
					free += (unsigned long)per_cpu_ptr(zone->pageset, cpu)
							->pcp.count;
			}
			for (unsigned int i = 0; i < nheld; i++)
				out += 1UL << held[i].order;
			assert_int_equal(free + out, totalram_pages);
		}
	}
	while (nheld) {
		nheld--;
		__free_pages(pfn_to_page(held[nheld].pfn), held[nheld].order);
	}
	expect_boot_state();
}

static void test_bad_frees_change_nothing(void **state)
{
	struct page *page;
	unsigned long pfn;

	boot_node(32, 32);
	page = alloc_pages(GFP_KERNEL, 2);
	pfn = page_to_pfn(page);
	buddy_snapshot(boot_snapshot);

	host_log_reset();
	assert_int_equal(free_pages_checked(pfn, 1), -EPERM);
	assert_true(host_log_contains("BUG: Bad page state in process swapper/0  pfn:"));
	assert_true(host_log_contains(
		"page dumped because: freed with order 1, allocated with order 2"));
	assert_int_equal(free_pages_checked(pfn + 2, 0), -EPERM);
	assert_int_equal(free_pages_checked(pfn + 1, 0), -EPERM);
	assert_int_equal(free_pages_checked(pfn, 11), -EINVAL);
	assert_int_equal(free_pages_checked(pfn + 1, 1), -EINVAL); /* misaligned */
	/* no struct page to check: refused before mem_map is touched, silently */
	host_log_reset();
	assert_int_equal(free_pages_checked(0x1000, 0), -ERANGE); /* outside the zone */
	assert_int_equal(free_pages_checked(~0UL, 0), -ERANGE);	  /* would wrap past the end */
	assert_int_equal(free_pages_checked(~0UL << 10, 10), -ERANGE);
	assert_false(host_log_contains("Bad page state"));
	assert_int_equal(free_pages_checked((RAM + 0x10000) >> 12, 0), -EPERM); /* reserved */
	assert_true(host_log_contains("freeing a reserved page"));
	expect_boot_state();

	assert_int_equal(free_pages_checked(pfn, 2), 0);
	host_log_reset();
	assert_int_equal(free_pages_checked(pfn, 2), -EPERM); /* double free */
	assert_true(host_log_contains("double free"));
	__free_pages(page, 2); /* the kernel API checks the same way */
	assert_int_equal(check_free_lists(printk), 0);
}

/*
 * check_new_page(): a free page that does not look free (a reference, a
 * mapping, a flag) is reported and never handed out; the allocation takes
 * the next one.
 */
static void test_bad_new_page_is_never_handed_out(void **state)
{
	static const char *const why[] = { "nonzero _count", "non-NULL mapping",
					   "PAGE_FLAGS_CHECK_AT_PREP flag(s) set",
					   "nonzero mapcount" };

	for (unsigned int k = 0; k < ARRAY_SIZE(why); k++) {
		struct page *page, *next;

		boot_node(64, 64);
		/* put a page on the per-cpu list and spoil it there */
		page = alloc_pages(GFP_KERNEL | __GFP_MOVABLE, 0);
		assert_non_null(page);
		__free_pages(page, 0);
		assert_false(PageBuddy(page));
		assert_true(zone_pcp(&NODE_DATA(0)->node_zones[ZONE_NORMAL], 0)->count > 0);
		switch (k) {
		case 0:
			page->_count = 1;
			break;
		case 1:
			page->mapping = page;
			break;
		case 2:
			SetPageReserved(page);
			break;
		case 3:
			page->_mapcount = 0;
			break;
		}
		host_log_reset();
		next = alloc_pages(GFP_KERNEL | __GFP_MOVABLE, 0);
		assert_non_null(next);
		assert_ptr_not_equal(next, page);
		assert_true(host_log_contains("BUG: Bad page state in process swapper/0  pfn:"));
		assert_true(host_log_contains(why[k]));
		__free_pages(next, 0);
	}
}

/*
 * The pages behind a block's head: debug_pagealloc=on checks them at
 * every free (Linux 3.x's free_pages_prepare()), the shell's free always;
 * a bad one is reported by its own pfn and nothing is freed.
 */
static void test_tail_pages_checked_with_debug_pagealloc(void **state)
{
	unsigned long before[MAX_NR_ZONES][MAX_ORDER];
	struct page *page;

	boot_node(32, 32);
	page = alloc_pages(GFP_KERNEL, 2);
	assert_non_null(page);
	buddy_snapshot(before);
	page[3]._count = 1; /* someone still holds the fourth page */

	host_log_reset();
	assert_int_equal(free_pages_checked(page_to_pfn(page), 2), -1);
	assert_true(host_log_contains("nonzero _count (page 3 of the order-2 block at pfn 0x"));
	_debug_pagealloc_enabled = true;
	host_log_reset();
	__free_pages(page, 2);
	_debug_pagealloc_enabled = false;
	assert_true(host_log_contains("nonzero _count (page 3 of the order-2 block at pfn 0x"));
	buddy_snapshot(boot_snapshot);
	assert_memory_equal(before, boot_snapshot, sizeof(before));
	assert_int_equal(page->_count, 1); /* still allocated, head untouched */
	assert_int_equal(check_free_lists(printk), 0);

	page[3]._count = 0;
	assert_int_equal(free_pages_checked(page_to_pfn(page), 2), 0);
	assert_int_equal(check_free_lists(printk), 0);
}

/* free_pages_check(): Linux's reasons, each refused with nothing changed */
static void test_free_refuses_mapped_pages(void **state)
{
	struct page *page;

	boot_node(32, 32);
	page = alloc_pages(GFP_KERNEL, 0);
	assert_non_null(page);
	buddy_snapshot(boot_snapshot);
	page->mapping = page;
	host_log_reset();
	__free_pages(page, 0);
	assert_true(host_log_contains("page dumped because: non-NULL mapping"));
	page->mapping = NULL;
	page->_mapcount = 0;
	host_log_reset();
	__free_pages(page, 0);
	assert_true(host_log_contains("page dumped because: nonzero mapcount"));
	page->_mapcount = -1;
	expect_boot_state();
	__free_pages(page, 0);
	assert_int_equal(check_free_lists(printk), 0);
}

static void test_unmovable_steals_a_pageblock(void **state)
{
	struct zone *normal = &NODE_DATA(0)->node_zones[ZONE_NORMAL];
	unsigned long blocks = normal->spanned_pages / pageblock_nr_pages, unmovable = 0;
	struct page *page;

	boot_node(32, 32);
	for (unsigned long b = 0; b < blocks; b++)
		assert_true(normal->pageblock_flags[b] != MIGRATE_UNMOVABLE);
	page = alloc_pages(GFP_KERNEL, 0); /* unmovable: no such free list yet */
	assert_non_null(page);
	for (unsigned long b = 0; b < blocks; b++)
		unmovable += normal->pageblock_flags[b] == MIGRATE_UNMOVABLE;
	assert_int_equal(unmovable, 1); /* the largest block was taken whole */
	__free_page(page);
	assert_int_equal(check_free_lists(printk), 0);
}

/*
 * The trace events say what one allocation did (the shell's `alloc`):
 * an empty per-cpu list refilled with `batch` blocks, the first cut from
 * an order-10 block of another type (fallback); the next one straight from
 * the list; an order-3 request refills its own per-cpu list (Linux 5.13)
 * from the smallest block that fits, and the next one finds a block there.
 */
static void test_trace_events_tell_where_a_block_came_from(void **state)
{
	struct zone *normal = &NODE_DATA(0)->node_zones[ZONE_NORMAL];
	struct kmem_trace t;
	struct page *a, *b, *c, *d;
	int smallest;

	boot_node(256, 192); /* batch 15: a refill leaves pages on the list */
	assert_true(zone_pcp(normal, 0)->batch > 1);
	drain_all_pages();
	kmem_trace_start(&t);
	a = alloc_pages(GFP_KERNEL, 0);
	kmem_trace_stop();
	assert_int_equal(t.zone_locked, zone_pcp(normal, 0)->batch);
	assert_int_equal(t.split_order, MAX_ORDER - 1);
	assert_true(t.extfrag);
	assert_int_equal(t.fallback_migratetype, MIGRATE_MOVABLE);
	assert_true(t.change_ownership);
	assert_int_equal(t.migratetype, MIGRATE_UNMOVABLE);

	kmem_trace_start(&t);
	b = alloc_pages(GFP_KERNEL, 0);
	kmem_trace_stop();
	assert_int_equal(t.zone_locked, 0); /* the per-cpu list had it */
	assert_false(t.extfrag);

	/* the smallest Movable block of order 3 or more is the one taken */
	for (smallest = 3; list_empty(&normal->free_area[smallest].free_list[MIGRATE_MOVABLE]);)
		smallest++;
	kmem_trace_start(&t);
	c = alloc_pages(GFP_KERNEL | __GFP_MOVABLE, 3);
	kmem_trace_stop();
	/* Linux 5.13's refill of a high order: batch >> order blocks, at least 2 */
	assert_int_equal(t.zone_locked, max(zone_pcp(normal, 0)->batch >> 3, 2));
	assert_int_equal(t.migratetype, MIGRATE_MOVABLE);
	assert_int_equal(t.split_order, smallest);
	assert_int_equal(zone_pcp(normal, 0)->count, zone_pcp(normal, 0)->batch - 2 + 8);

	/* the next order-3 block: off the per-cpu list, zone->lock untouched */
	kmem_trace_start(&t);
	d = alloc_pages(GFP_KERNEL | __GFP_MOVABLE, 3);
	kmem_trace_stop();
	assert_int_equal(t.zone_locked, 0);
	assert_true(d != c && (page_to_pfn(d) & 7) == 0); /* the refill's second block */
	__free_pages(d, 3);

	/* no probe, no record: an event with nobody listening changes nothing */
	t.zone_locked = 77;
	__free_pages(c, 3);
	c = alloc_pages(GFP_KERNEL | __GFP_MOVABLE, 3);
	assert_int_equal(t.zone_locked, 77);
	__free_pages(c, 3);
	__free_page(b);
	__free_page(a);
	assert_int_equal(check_free_lists(printk), 0);
}

static void test_watermarks(void **state)
{
	struct zone *normal = &NODE_DATA(0)->node_zones[ZONE_NORMAL];
	struct zone *high = &NODE_DATA(0)->node_zones[ZONE_HIGHMEM];
	int want;

	boot_node(256, 192);
	/* sqrt(16 x lowmem kB) (watermarks were still 0 when it was taken) */
	want = (int)sqrt((double)(normal->managed_pages * 4 * 16));
	assert_int_equal(min_free_kbytes, want);
	assert_int_equal(min_wmark_pages(normal), (unsigned long)min_free_kbytes / 4);
	assert_int_equal(low_wmark_pages(normal), min_wmark_pages(normal) * 5 / 4);
	assert_int_equal(high_wmark_pages(normal), min_wmark_pages(normal) * 3 / 2);
	/* HighMem: managed/1024 clamped to 32..128 */
	assert_int_equal(min_wmark_pages(high), 32);
	/* Normal keeps 1/32 of HighMem's size back from HighMem-capable requests */
	assert_int_equal(normal->lowmem_reserve[ZONE_HIGHMEM], (long)(high->managed_pages / 32));
	assert_false(zone_watermark_ok(normal, 0, normal->vm_stat[NR_FREE_PAGES], 0, 0));
	assert_true(zone_watermark_ok(normal, 0, min_wmark_pages(normal), 0, 0));
}

/*
 * alloc_pages()'s inline order-0 step (the preferred zone's watermark, a
 * page off this CPU's list) gives what get_page_from_freelist() gives:
 * it refills an empty list, takes another page when the only one on the
 * list is bad, and never takes a page from the list of a zone below its
 * watermark -- there, as in Linux, GFP_KERNEL fails even with pages
 * cached on the list.
 */
static void test_order0_fast_path_keeps_the_rules(void **state)
{
	struct zone *normal = &NODE_DATA(0)->node_zones[ZONE_NORMAL];
	struct per_cpu_pages *pcp;
	struct page *page, *next, *held[64];
	unsigned long saved[NR_WMARK];
	int batch;

	boot_node(64, 64);
	pcp = zone_pcp(normal, 0);
	batch = pcp->batch;
	assert_true(batch > 1 && batch <= (int)ARRAY_SIZE(held));
	assert_int_equal(pcp->count, 0);
	/* an empty list is refilled by a batch */
	held[0] = alloc_pages(GFP_KERNEL | __GFP_MOVABLE, 0);
	assert_non_null(held[0]);
	assert_int_equal(pcp->count, batch - 1);
	for (int i = 1; i < batch; i++)
		assert_non_null(held[i] = alloc_pages(GFP_KERNEL | __GFP_MOVABLE, 0));
	assert_int_equal(pcp->count, 0);
	/* the list's only page is bad: reported, and a refill gives another */
	page = held[batch - 1];
	__free_pages(page, 0);
	assert_int_equal(pcp->count, 1);
	page->mapping = page;
	host_log_reset();
	next = alloc_pages(GFP_KERNEL | __GFP_MOVABLE, 0);
	assert_non_null(next);
	assert_ptr_not_equal(next, page);
	assert_true(host_log_contains("non-NULL mapping"));
	assert_int_equal(pcp->count, batch - 1);
	__free_pages(next, 0);
	/* below the min watermark: nothing, though the list has pages */
	memcpy(saved, normal->watermark, sizeof(saved));
	for (int w = 0; w < NR_WMARK; w++)
		normal->watermark[w] = normal->managed_pages;
	host_log_reset();
	assert_null(alloc_pages(GFP_KERNEL | __GFP_MOVABLE, 0));
	assert_true(host_log_contains("page allocation failure: order:0"));
	assert_int_equal(pcp->count, batch);
	memcpy(normal->watermark, saved, sizeof(saved));
	assert_non_null(next = alloc_pages(GFP_KERNEL | __GFP_MOVABLE, 0));
	__free_pages(next, 0);
	for (int i = 0; i < batch - 1; i++)
		__free_pages(held[i], 0);
}

static void test_proc_texts(void **state)
{
	char want[200];
	int pos = 0;

	boot_node(64, 48);
	host_log_reset();
	show_buddyinfo(printk);
	pos = snprintf(want, sizeof(want), "Node 0, zone %8s ", "Normal");
	for (int o = 0; o < MAX_ORDER; o++)
		pos += snprintf(want + pos, sizeof(want) - pos, "%6lu ",
				NODE_DATA(0)->node_zones[0].free_area[o].nr_free);
	assert_int_equal(strncmp(host_log, want, strlen(want)), 0);
	assert_non_null(strstr(host_log, "Node 0, zone  HighMem "));

	host_log_reset();
	show_pagetypeinfo(printk);
	assert_non_null(strstr(host_log, "Page block order: 10\nPages per block:  1024\n"));
	assert_non_null(strstr(host_log, "Node    0, zone   Normal, type      Movable "));
	assert_non_null(strstr(
		host_log,
		"Number of blocks type     Unmovable  Reclaimable      Movable      Reserve "));

	host_log_reset();
	show_meminfo(printk);
	snprintf(want, sizeof(want), "MemTotal:       %8lu kB\n", totalram_pages * 4);
	assert_non_null(strstr(host_log, want));
	snprintf(want, sizeof(want), "HighTotal:      %8lu kB\n", totalhigh_pages * 4);
	assert_non_null(strstr(host_log, want));

	host_log_reset();
	show_zoneinfo(printk);
	snprintf(want, sizeof(want), "        spanned  %lu\n", 48 * MB / 4096UL);
	assert_non_null(strstr(host_log, want));
	assert_non_null(strstr(host_log, "              batch: "));
}

/* one zone's line of show_unusable_index() / show_extfrag_index() from its indexes */
static void index_line(char *buf, size_t size, const char *zone, const int *idx)
{
	int pos = snprintf(buf, size, "Node 0, zone %8s ", zone);

	for (int o = 0; o < MAX_ORDER; o++)
		pos += snprintf(buf + pos, size - pos, "%d.%03d ", idx[o] / 1000, idx[o] % 1000);
	snprintf(buf + pos, size - pos, "\n");
}

/*
 * Linux's fragmentation indexes (/sys/kernel/debug/extfrag) on a zone
 * whose free memory is every other page: F single pages.  An order-0
 * request would succeed (-1.000), every larger one would fail for
 * fragmentation alone -- all free memory is unusable to it (1.000), and
 * the index is 1000 - (1000 + 1000 * F / 2^order) / F, near 1 as the
 * order grows.  Freed whole again: 0.000 and -1.000 everywhere.
 */
static void test_extfrag_index(void **state)
{
	static const gfp_t types[] = { __GFP_MOVABLE, 0, __GFP_RECLAIMABLE };
	static struct page *held[16384];
	unsigned long saved[NR_WMARK], nr = 0, freed = 0;
	struct zone *normal;
	int unusable[MAX_ORDER], extfrag[MAX_ORDER];
	char want[256];
	struct page *page;

	boot_node(64, 64);
	normal = &NODE_DATA(0)->node_zones[ZONE_NORMAL];
	memcpy(saved, normal->watermark, sizeof(saved));
	memset(normal->watermark, 0, sizeof(normal->watermark));
	/* every page, whichever per-cpu list it waits on */
	for (unsigned int t = 0; t < ARRAY_SIZE(types); t++) {
		drain_all_pages();
		while ((page = alloc_pages(GFP_KERNEL | types[t] | __GFP_NOWARN, 0))) {
			assert_true(nr < ARRAY_SIZE(held));
			held[nr++] = page;
		}
	}
	drain_all_pages();
	for (unsigned long i = 0; i < MAX_ORDER; i++)
		assert_int_equal(normal->free_area[i].nr_free, 0);
	for (unsigned long i = 0; i < nr; i++)
		if (page_to_pfn(held[i]) % 2) {
			__free_pages(held[i], 0);
			held[i] = NULL;
			freed++;
		}
	drain_all_pages();
	assert_int_equal(normal->free_area[0].nr_free, freed);
	assert_true(freed > 1000);
	for (unsigned int o = 0; o < MAX_ORDER; o++) {
		unusable[o] = o ? 1000 : 0;
		extfrag[o] = o ? 1000 - (int)((1000 + freed * 1000 / (1UL << o)) / freed) : -1000;
	}
	assert_int_equal(extfrag[1], 500); /* half of every pair free: as likely lack as pieces */
	assert_true(extfrag[MAX_ORDER - 1] >= 999);
	host_log_reset();
	show_unusable_index(printk);
	index_line(want, sizeof(want), "Normal", unusable);
	assert_string_equal(host_log, want);
	host_log_reset();
	show_extfrag_index(printk);
	index_line(want, sizeof(want), "Normal", extfrag);
	assert_string_equal(host_log, want);

	for (unsigned long i = 0; i < nr; i++)
		if (held[i])
			__free_pages(held[i], 0);
	drain_all_pages();
	memcpy(normal->watermark, saved, sizeof(saved));
	expect_boot_state();
	host_log_reset();
	show_extfrag_index(printk);
	for (unsigned int o = 0; o < MAX_ORDER; o++)
		extfrag[o] = -1000;
	index_line(want, sizeof(want), "Normal", extfrag);
	assert_string_equal(host_log, want);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_teardown(test_boot_counts, host_ram_teardown),
		cmocka_unit_test_teardown(test_seed_range_orders, host_ram_teardown),
		cmocka_unit_test_teardown(test_split_and_merge, host_ram_teardown),
		cmocka_unit_test_teardown(test_exhaustion_and_recovery, host_ram_teardown),
		cmocka_unit_test_teardown(test_random_against_model, host_ram_teardown),
		cmocka_unit_test_teardown(test_bad_frees_change_nothing, host_ram_teardown),
		cmocka_unit_test_teardown(test_bad_new_page_is_never_handed_out, host_ram_teardown),
		cmocka_unit_test_teardown(test_tail_pages_checked_with_debug_pagealloc,
					  host_ram_teardown),
		cmocka_unit_test_teardown(test_free_refuses_mapped_pages, host_ram_teardown),
		cmocka_unit_test_teardown(test_unmovable_steals_a_pageblock, host_ram_teardown),
		cmocka_unit_test_teardown(test_trace_events_tell_where_a_block_came_from,
					  host_ram_teardown),
		cmocka_unit_test_teardown(test_watermarks, host_ram_teardown),
		cmocka_unit_test_teardown(test_order0_fast_path_keeps_the_rules, host_ram_teardown),
		cmocka_unit_test_teardown(test_proc_texts, host_ram_teardown),
		cmocka_unit_test_teardown(test_extfrag_index, host_ram_teardown),
	};

	return cmocka_run_group_tests_name("page_alloc", tests, NULL, NULL);
}
