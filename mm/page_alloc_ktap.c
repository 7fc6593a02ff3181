// SPDX-License-Identifier: GPL-2.0
/*
 * mm/page_alloc_ktap.c: the buddy allocator checked in place, on the real
 * zones, as a KTAP suite (`selftest`, or "selftest" on the command line).
 * Every case leaves the free lists as it found them, and says so.
 */
#include <a9mm/ktap.h>
#include <asm/mm.h>
#include <asm/sections.h>
#include <linux/kernel.h>
#include <linux/mm.h>

static unsigned long snap_before[MAX_NR_ZONES][MAX_ORDER];

static void snapshot(unsigned long snap[MAX_NR_ZONES][MAX_ORDER])
{
	struct zone *zone;

	drain_local_pages();
	for_each_zone(zone) for (unsigned int o = 0; o < MAX_ORDER; o++) snap[zone_idx(zone)][o] =
		zone->free_area[o].nr_free;
}

static bool unchanged(void)
{
	static unsigned long now[MAX_NR_ZONES][MAX_ORDER];

	snapshot(now);
	return !memcmp(now, snap_before, sizeof(now));
}

static void mm_zone_sizes_follow_lowmem_limit(struct ktap_test *t)
{
	const struct zone *normal = &NODE_DATA(0)->node_zones[ZONE_NORMAL];
	const struct zone *high = &NODE_DATA(0)->node_zones[ZONE_HIGHMEM];

	KTAP_EXPECT_EQ(t, normal->zone_start_pfn, PHYS_PFN_OFFSET);
	KTAP_EXPECT_EQ(t, zone_end_pfn(normal), arm_lowmem_limit >> PAGE_SHIFT);
	KTAP_EXPECT_EQ(t, high->spanned_pages, max_pfn - max_low_pfn);
	KTAP_EXPECT_EQ(t, sizeof(struct page), 32);
}

static void mm_split_and_merge_back(struct ktap_test *t)
{
	struct page *page;

	snapshot(snap_before);
	for (unsigned int order = 1; order < MAX_ORDER; order++) {
		page = alloc_pages(GFP_KERNEL, order);
		KTAP_EXPECT(t, page != NULL);
		if (!page)
			return;
		KTAP_EXPECT_EQ(t, page_to_pfn(page) & ((1UL << order) - 1), 0);
		KTAP_EXPECT_EQ(t, page_count(page), 1);
		__free_pages(page, order);
	}
	KTAP_EXPECT(t, unchanged());
	KTAP_EXPECT_EQ(t, check_free_lists(ktap_print), 0);
}

static void mm_exhaust_and_recover(struct ktap_test *t)
{
	struct list_head pages;
	struct page *page, *tmp;
	unsigned long n = 0, free_before;

	snapshot(snap_before);
	free_before = nr_free_pages();
	INIT_LIST_HEAD(&pages);
	/*
	 * HighMem-capable requests first; they leave Normal's lowmem_reserve
	 * alone, which GFP_KERNEL then takes down to the min watermark.
	 */
	while ((page = alloc_pages(GFP_HIGHUSER_MOVABLE | __GFP_NOWARN, 0))) {
		list_add(&page->lru, &pages);
		n++;
	}
	while ((page = alloc_pages(GFP_KERNEL | __GFP_NOWARN, 0))) {
		list_add(&page->lru, &pages);
		n++;
	}
	/* everything but what the watermarks keep back */
	KTAP_EXPECT(t, n > free_before / 2);
	KTAP_EXPECT(t, nr_free_pages() < free_before / 50);
	list_for_each_entry_safe(page, tmp, &pages, lru) {
		list_del(&page->lru);
		__free_page(page);
	}
	KTAP_EXPECT(t, unchanged());
	KTAP_EXPECT_EQ(t, check_free_lists(ktap_print), 0);
}

static void mm_bad_frees_are_refused(struct ktap_test *t)
{
	struct page *page = alloc_pages(GFP_KERNEL, 2);
	unsigned long pfn;

	KTAP_EXPECT(t, page != NULL);
	if (!page)
		return;
	pfn = page_to_pfn(page);
	snapshot(snap_before);
	KTAP_EXPECT_EQ(t, free_pages_checked(pfn, 1), -1);     /* wrong order */
	KTAP_EXPECT_EQ(t, free_pages_checked(pfn + 1, 0), -1); /* a tail page */
	KTAP_EXPECT_EQ(t, free_pages_checked(pfn, 2), 0);
	KTAP_EXPECT_EQ(t, free_pages_checked(pfn, 2), -1);			  /* double free */
	KTAP_EXPECT_EQ(t, free_pages_checked(__pa(_stext) >> PAGE_SHIFT, 0), -1); /* reserved */
	KTAP_EXPECT_EQ(t, free_pages_checked(0x10, 0), -1);			  /* not RAM */
	KTAP_EXPECT_EQ(t, check_free_lists(ktap_print), 0);
}

static void mm_highmem_through_kmap(struct ktap_test *t)
{
	struct page *page = alloc_pages(GFP_HIGHUSER_MOVABLE, 0);
	u32 *p;

	if (!page || !PageHighMem(page)) {
		t->skipped = true;
		t->skip_reason = "no HighMem on this board";
		if (page)
			__free_page(page);
		return;
	}
	KTAP_EXPECT(t, page_address(page) == NULL);
	p = kmap(page);
	KTAP_EXPECT(t, (unsigned long)p >= PKMAP_BASE && (unsigned long)p < PAGE_OFFSET);
	p[0] = 0x12345678;
	p[1023] = page_to_pfn(page);
	kunmap(page);
	p = kmap(page);
	KTAP_EXPECT_EQ(t, p[0], 0x12345678);
	KTAP_EXPECT_EQ(t, p[1023], page_to_pfn(page));
	kunmap(page);
	__free_page(page);
}

static void mm_zonelist_prefers_highmem(struct ktap_test *t)
{
	const struct zoneref *z = NODE_DATA(0)->node_zonelists[0]._zonerefs;

	if (populated_zone(&NODE_DATA(0)->node_zones[ZONE_HIGHMEM]))
		KTAP_EXPECT_EQ(t, (z++)->zone_idx, ZONE_HIGHMEM);
	KTAP_EXPECT_EQ(t, z->zone_idx, ZONE_NORMAL);
	KTAP_EXPECT(t, z[1].zone == NULL);
}

static const struct ktap_case mm_cases[] = {
	KTAP_CASE(mm_zone_sizes_follow_lowmem_limit),
	KTAP_CASE(mm_split_and_merge_back),
	KTAP_CASE(mm_exhaust_and_recover),
	KTAP_CASE(mm_bad_frees_are_refused),
	KTAP_CASE(mm_highmem_through_kmap),
	KTAP_CASE(mm_zonelist_prefers_highmem),
};
KTAP_SUITE(mm_suite, "page_alloc", mm_cases);
