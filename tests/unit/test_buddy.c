// SPDX-License-Identifier: GPL-2.0
/*
 * Host tests of the buddy allocator's finer rules, each on a node whose
 * free memory the test lays out itself: which list a split-off rest goes
 * to after a fallback (stolen or not), RESERVE pages passing through the
 * per-cpu lists, zone->lock catching re-entry, the free-list checker
 * catching each kind of corruption it claims to, and compaction's
 * split_free_page().
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <cmocka.h>
#include <string.h>

#include <asm/mm.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include <linux/percpu.h>

#include "host_shim.h"

#define RAM 0x60000000u
#define MB  (1u << 20)

/* check_free_lists() reporting into host_log, so a test can read what it said */
static int check(void)
{
	host_log_reset();
	return check_free_lists(printk);
}

static struct zone *normal_zone(void)
{
	return &NODE_DATA(0)->node_zones[ZONE_NORMAL];
}

static int pageblock_type(unsigned long pfn)
{
	struct zone *zone = normal_zone();

	return zone->pageblock_flags[(pfn - round_down(zone->zone_start_pfn, pageblock_nr_pages)) >>
				     pageblock_order];
}

/* blocks of one order on one type's list */
static unsigned long on_list(unsigned int order, int mt)
{
	struct list_head *pos;
	unsigned long n = 0;

	list_for_each(pos, &normal_zone()->free_area[order].free_list[mt])
		n++;
	return n;
}

/*
 * A 16 MiB lowmem-only node where memblock keeps everything, so
 * free_all_bootmem() frees nothing; watermarks stay 0.  The test then
 * frees exactly the range it wants.  Returns a pageblock-aligned pfn well
 * inside the zone.
 */
static unsigned long empty_node(void)
{
	memblock_reset();
	host_log_reset();
	totalram_pages = totalhigh_pages = 0;
	host_ram_init(RAM, 16 * MB);
	memblock_add(RAM, 16 * MB);
	memblock_reserve(RAM, 15 * MB); /* the last MiB takes mem_map */
	memblock_set_current_limit(RAM + 16 * MB);
	host_set_cpus(HOST_NR_CPUS);
	bootmem_init();
	setup_per_cpu_areas();
	memblock_reserve(RAM + 15 * MB, MB);
	build_all_zonelists();
	assert_int_equal(free_all_bootmem(), 0);
	setup_per_cpu_pageset();
	return (RAM >> PAGE_SHIFT) + 2 * pageblock_nr_pages;
}

/* A normal boot: lowmem up to low_mb, HighMem above, watermarks set. */
static void boot_node(unsigned long ram_mb, unsigned long low_mb)
{
	host_boot_node(ram_mb, low_mb);
	assert_int_equal(check(), 0);
}

static int teardown(void **state)
{
	host_panic_jmp = NULL;
	host_ram_free();
	return 0;
}

/*
 * An unmovable request finds only a small movable block (order 4, below
 * pageblock_order / 2): it takes the block without stealing, and the
 * split-off rest stays on the MOVABLE lists (3.x: expand(..., migratetype)
 * with the fallback's type).
 */
static void test_fallback_small_block_is_not_stolen(void **state)
{
	unsigned long b = empty_node();
	struct page *page;

	__free_pages_memory(b, b + 16);
	assert_int_equal(on_list(4, MIGRATE_MOVABLE), 1);
	page = alloc_pages(GFP_KERNEL, 0);
	assert_non_null(page);
	assert_int_equal(page_to_pfn(page), b);
	for (unsigned int o = 0; o < 4; o++) {
		assert_int_equal(on_list(o, MIGRATE_MOVABLE), 1);
		assert_int_equal(on_list(o, MIGRATE_UNMOVABLE), 0);
	}
	assert_int_equal(pageblock_type(b), MIGRATE_MOVABLE);
	assert_int_equal(check(), 0);
	__free_page(page);
	drain_all_pages();
	assert_int_equal(on_list(4, MIGRATE_MOVABLE), 1);
	assert_int_equal(normal_zone()->free_area[0].nr_free, 0);
	assert_int_equal(check(), 0);
}

/*
 * Order 5 (= pageblock_order / 2) is worth stealing: the block's free
 * pages move to UNMOVABLE with the rest of the split, but 32 pages are
 * not half a pageblock, so the pageblock itself stays MOVABLE -- and a
 * freed page goes home to MOVABLE, taking its merged buddies along.
 */
static void test_fallback_steals_free_pages_not_the_pageblock(void **state)
{
	unsigned long b = empty_node();
	struct page *page;

	__free_pages_memory(b, b + 32);
	page = alloc_pages(GFP_KERNEL, 0);
	assert_non_null(page);
	for (unsigned int o = 0; o < 5; o++) {
		assert_int_equal(on_list(o, MIGRATE_UNMOVABLE), 1);
		assert_int_equal(on_list(o, MIGRATE_MOVABLE), 0);
	}
	assert_int_equal(pageblock_type(b), MIGRATE_MOVABLE);
	assert_int_equal(check(), 0); /* a block on another type's list is legal */
	__free_page(page);
	drain_all_pages();
	assert_int_equal(on_list(5, MIGRATE_MOVABLE), 1);
	assert_int_equal(on_list(5, MIGRATE_UNMOVABLE), 0);
	assert_int_equal(check(), 0);
}

/* A whole pageblock taken by an unmovable request becomes UNMOVABLE. */
static void test_fallback_claims_a_whole_pageblock(void **state)
{
	unsigned long b = empty_node();
	struct page *page;

	__free_pages_memory(b, b + pageblock_nr_pages);
	page = alloc_pages(GFP_KERNEL, 0);
	assert_non_null(page);
	assert_int_equal(pageblock_type(b), MIGRATE_UNMOVABLE);
	for (unsigned int o = 0; o < pageblock_order; o++)
		assert_int_equal(on_list(o, MIGRATE_UNMOVABLE), 1);
	__free_page(page);
	drain_all_pages();
	assert_int_equal(on_list(pageblock_order, MIGRATE_UNMOVABLE), 1);
	assert_int_equal(check(), 0);
}

/*
 * Exhaustion reaches the MIGRATE_RESERVE pageblocks (the last resort).
 * Order-0 pages from them wait on the MOVABLE per-cpu list when freed but
 * return to the RESERVE free lists, every one of them.
 */
static void test_reserve_pages_return_to_reserve(void **state)
{
	static struct page *held[20000];
	unsigned long n = 0, from_reserve = 0, reserve_before = 0, reserve_after = 0;
	const gfp_t kinds[] = { GFP_HIGHUSER_MOVABLE, GFP_KERNEL, GFP_ATOMIC };
	struct page *page;

	boot_node(32, 24);
	for (unsigned int i = 0; i < ARRAY_SIZE(kinds); i++)
		while (n < ARRAY_SIZE(held) && (page = alloc_pages(kinds[i] | __GFP_NOWARN, 0)))
			held[n++] = page;
	assert_null(alloc_pages(GFP_ATOMIC | __GFP_NOWARN, 0));
	drain_all_pages();
	for (unsigned int o = 0; o < MAX_ORDER; o++)
		reserve_before += on_list(o, MIGRATE_RESERVE) << o;
	for (unsigned long i = 0; i < n; i++) {
		if (PageHighMem(held[i]) || pageblock_type(page_to_pfn(held[i])) != MIGRATE_RESERVE)
			continue;
		__free_page(held[i]);
		held[i] = NULL;
		from_reserve++;
	}
	assert_true(from_reserve > 0); /* else the test proved nothing */
	drain_all_pages();
	for (unsigned int o = 0; o < MAX_ORDER; o++)
		reserve_after += on_list(o, MIGRATE_RESERVE) << o;
	assert_int_equal(reserve_after, reserve_before + from_reserve);
	assert_int_equal(check(), 0);
	for (unsigned long i = 0; i < n; i++)
		if (held[i])
			__free_page(held[i]);
	assert_int_equal(check(), 0);
}

/* zone->lock held while the allocator is entered: reported, nothing changed */
static void test_zone_lock_catches_reentry(void **state)
{
	unsigned long before[MAX_ORDER];
	jmp_buf jb;

	boot_node(32, 32);
	for (unsigned int o = 0; o < MAX_ORDER; o++)
		before[o] = normal_zone()->free_area[o].nr_free;
	debug_spinlock_enabled = true; /* the recursion check: debug_spinlock=on */
	spin_lock(&normal_zone()->lock);
	host_log_reset();
	host_panic_jmp = &jb;
	if (!setjmp(jb)) {
		alloc_pages(GFP_KERNEL, 3);
		fail_msg("alloc_pages() ran with zone->lock held");
	}
	host_panic_jmp = NULL;
	assert_true(host_log_contains("BUG: spinlock recursion on CPU#0, swapper/0"));
	spin_unlock(&normal_zone()->lock);
	debug_spinlock_enabled = false;
	for (unsigned int o = 0; o < MAX_ORDER; o++)
		assert_int_equal(normal_zone()->free_area[o].nr_free, before[o]);
	assert_int_equal(check(), 0);
}

/* the first block on any list of the zone, at or above min_order */
static struct page *some_free_block(unsigned int min_order, unsigned int *order, int *mt)
{
	for (unsigned int o = min_order; o < MAX_ORDER; o++)
		for (int t = 0; t < MIGRATE_TYPES; t++)
			if (!list_empty(&normal_zone()->free_area[o].free_list[t])) {
				*order = o;
				*mt = t;
				return list_first_entry(&normal_zone()->free_area[o].free_list[t],
							struct page, lru);
			}
	return NULL;
}

/* Every kind of damage the checker promises to see, it sees (then undone). */
static void test_checker_sees_corruption(void **state)
{
	struct zone *zone;
	unsigned int order;
	struct page *page;
	int mt;

	boot_node(32, 32);
	zone = normal_zone();
	page = some_free_block(1, &order, &mt);
	assert_non_null(page);

	zone->free_area[order].nr_free++;
	assert_true(check() > 0);
	assert_non_null(strstr(host_log, "nr_free"));
	zone->free_area[order].nr_free--;

	page->private = order - 1;
	assert_true(check() > 0);
	assert_non_null(strstr(host_log, "is not a free head of that order"));
	page->private = order;

	page->index = (unsigned long)(mt + 1) % MIGRATE_TYPES;
	assert_true(check() > 0);
	assert_non_null(strstr(host_log, "was filed as type"));
	page->index = (unsigned long)mt;

	/* a second head inside the block: two blocks overlap */
	page[1].private = 0;
	page[1]._mapcount = PAGE_BUDDY_MAPCOUNT_VALUE;
	assert_true(check() > 0);
	assert_non_null(strstr(host_log, "overlaps"));
	page[1]._mapcount = -1;

	zone->vm_stat[NR_FREE_PAGES]++;
	assert_true(check() > 0);
	assert_non_null(strstr(host_log, "NR_FREE_PAGES"));
	zone->vm_stat[NR_FREE_PAGES]--;

	this_cpu_ptr(zone->pageset)->pcp.count++;
	assert_true(check() > 0);
	assert_non_null(strstr(host_log, "CPU0's per-cpu count"));
	this_cpu_ptr(zone->pageset)->pcp.count--;

	assert_int_equal(check(), 0);
}

/*
 * Compaction's free scanner (mm/compaction.c): split_free_page() takes a
 * free block off its list whole and hands out its pages as order-0
 * allocations -- the free count down by the block, every page referenced
 * once, the lists still consistent -- and freeing them one by one merges
 * the block back.  A block that would take the zone to its low watermark
 * (0 here: no more than the block itself free) is refused untouched.
 */
static void test_split_free_page_and_back(void **state)
{
	unsigned long b = empty_node(), flags;
	struct zone *zone = normal_zone();
	struct page *page = pfn_to_page(b);

	__free_pages_memory(b, b + 16);
	__free_pages_memory(b + 32, b + 64);
	assert_int_equal(zone->vm_stat[NR_FREE_PAGES], 48);
	assert_int_equal(on_list(4, MIGRATE_MOVABLE), 1);
	spin_lock_irqsave(&zone->lock, flags);
	assert_int_equal(split_free_page(page), 16);
	spin_unlock_irqrestore(&zone->lock, flags);
	assert_int_equal(zone->vm_stat[NR_FREE_PAGES], 32);
	assert_int_equal(on_list(4, MIGRATE_MOVABLE), 0);
	for (unsigned int i = 0; i < 16; i++) {
		assert_false(PageBuddy(page + i));
		assert_int_equal(page_count(page + i), 1);
		assert_int_equal(page[i].private, 0);
	}
	assert_int_equal(check(), 0);
	/* 32 free, the order-5 block is 32: the watermark refuses it */
	spin_lock_irqsave(&zone->lock, flags);
	assert_int_equal(split_free_page(pfn_to_page(b + 32)), 0);
	spin_unlock_irqrestore(&zone->lock, flags);
	assert_true(PageBuddy(pfn_to_page(b + 32)));
	assert_int_equal(on_list(5, MIGRATE_MOVABLE), 1);
	assert_int_equal(zone->vm_stat[NR_FREE_PAGES], 32);
	for (unsigned int i = 0; i < 16; i++)
		__free_pages(page + i, 0);
	drain_all_pages();
	assert_int_equal(zone->vm_stat[NR_FREE_PAGES], 48);
	assert_int_equal(on_list(4, MIGRATE_MOVABLE), 1);
	assert_int_equal(zone->free_area[0].nr_free, 0);
	assert_int_equal(check(), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_teardown(test_fallback_small_block_is_not_stolen, teardown),
		cmocka_unit_test_teardown(test_fallback_steals_free_pages_not_the_pageblock,
					  teardown),
		cmocka_unit_test_teardown(test_fallback_claims_a_whole_pageblock, teardown),
		cmocka_unit_test_teardown(test_reserve_pages_return_to_reserve, teardown),
		cmocka_unit_test_teardown(test_zone_lock_catches_reentry, teardown),
		cmocka_unit_test_teardown(test_checker_sees_corruption, teardown),
		cmocka_unit_test_teardown(test_split_free_page_and_back, teardown),
	};

	return cmocka_run_group_tests_name("buddy", tests, NULL, NULL);
}
