// SPDX-License-Identifier: GPL-2.0
/*
 * mm/page_alloc_ktap.c: the buddy allocator checked in place, on the real
 * zones, as a KTAP suite (`selftest`, or "selftest" on the command line).
 * Every case leaves the free lists as it found them, and says so.
 */

#include <a9mm/ktap.h>
#include <asm/memmap.h>
#include <asm/mm.h>
#include <asm/sections.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/percpu.h>

static unsigned long snap_before[MAX_NR_ZONES][MAX_ORDER];

static bool unchanged(void)
{
	static unsigned long now[MAX_NR_ZONES][MAX_ORDER];

	buddy_snapshot(now);
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

/*
 * Why an order-(MAX_ORDER - 1) GFP_KERNEL allocation cannot succeed now,
 * or NULL if it can: small RAM (-m 8M, mem=2M) has no such block, nor has
 * a zone after `alloc` took most of it.
 */
static const char *no_top_order_block(void)
{
	static char why[80];
	struct zone *zone = &NODE_DATA(0)->node_zones[ZONE_NORMAL];
	unsigned int o = MAX_ORDER - 1;

	while (o && !zone->free_area[o].nr_free)
		o--;
	if (o < MAX_ORDER - 1)
		snprintf(why, sizeof(why),
			 "no free order-%u block in lowmem (the largest is order %u)",
			 MAX_ORDER - 1, o);
	else if (!zone_watermark_ok(zone, o, min_wmark_pages(zone), ZONE_NORMAL, 0))
		snprintf(why, sizeof(why),
			 "an order-%u block would take lowmem below its min watermark", o);
	else
		return NULL;
	return why;
}

static void mm_split_and_merge_back(struct ktap_test *t)
{
	const char *why = no_top_order_block();
	struct page *page;

	if (why) {
		ktap_skip(t, why);
		return;
	}
	buddy_snapshot(snap_before);
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

/* the most free pages the watermark checks may leave once all is taken */
static unsigned long kept_back(void)
{
	unsigned long kept = 0;
	struct zone *zone;

	for_each_populated_zone(zone) {
		long reserve = 0;

		for (int z = 0; z < MAX_NR_ZONES; z++)
			reserve = max(reserve, zone->lowmem_reserve[z]);
		kept += high_wmark_pages(zone) + (unsigned long)reserve;
	}
	return kept;
}

static void mm_exhaust_and_recover(struct ktap_test *t)
{
	struct list_head pages;
	struct page *page, *tmp;
	unsigned long n = 0, free_before;

	buddy_snapshot(snap_before);
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
	/*
	 * Everything but what the watermarks and lowmem_reserve keep back
	 * (on a small board min_free_kbytes's floor of 128 KiB is more than
	 * a few percent of RAM, so the bound is computed, not a ratio).
	 */
	KTAP_EXPECT(t, n > free_before / 2);
	KTAP_EXPECT(t, nr_free_pages() <= kept_back());
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
	buddy_snapshot(snap_before);
	KTAP_EXPECT_EQ(t, free_pages_checked(pfn, 1), -EPERM);	   /* wrong order */
	KTAP_EXPECT_EQ(t, free_pages_checked(pfn + 1, 0), -EPERM); /* a tail page */
	KTAP_EXPECT_EQ(t, free_pages_checked(pfn, 2), 0);
	KTAP_EXPECT_EQ(t, free_pages_checked(pfn, 2), -EPERM); /* double free */
	KTAP_EXPECT_EQ(t, free_pages_checked(__pa(_stext) >> PAGE_SHIFT, 0), -EPERM); /* reserved */
	KTAP_EXPECT_EQ(t, free_pages_checked(0x10, 0), -ERANGE);		      /* not RAM */
	KTAP_EXPECT_EQ(t, check_free_lists(ktap_print), 0);
}

static void mm_highmem_through_kmap(struct ktap_test *t)
{
	struct page *page = alloc_pages(GFP_HIGHUSER_MOVABLE, 0);
	void *kept;
	u32 *p;

	if (!page || !PageHighMem(page)) {
		ktap_skip(t, "no free HighMem page");
		if (page)
			__free_page(page);
		return;
	}
	/* no address, or the pkmap slot an earlier kmap left it (Linux's too) */
	kept = page_address(page);
	p = kmap(page);
	KTAP_EXPECT(t, (unsigned long)p >= PKMAP_BASE && (unsigned long)p < PAGE_OFFSET);
	KTAP_EXPECT(t, !kept || kept == p);
	p[0] = 0x12345678;
	p[1023] = page_to_pfn(page);
	kunmap(page);
	/* the slot stays the page's until the slots wrap: kmap finds it again */
	KTAP_EXPECT(t, page_address(page) == p);
	KTAP_EXPECT(t, kmap(page) == p);
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

/* Linux's zone_batchsize(), spelled with shifts and a loop instead */
static unsigned long expected_batch(unsigned long managed)
{
	unsigned long b = min(managed >> 10, (512UL * 1024) >> PAGE_SHIFT) >> 2, p = 1;

	if (!b)
		b = 1;
	while (p * 2 <= b + b / 2)
		p *= 2;
	return p - 1;
}

/* the largest r with r * r <= n, by bisection (not lib's bitwise int_sqrt) */
static unsigned long isqrt(unsigned long n)
{
	unsigned long lo = 0, hi = 65536;

	while (lo < hi) {
		unsigned long mid = (lo + hi + 1) / 2;

		if (mid * mid <= n)
			lo = mid;
		else
			hi = mid - 1;
	}
	return lo;
}

/*
 * The live zones against the formulas, recomputed here: memmap pages,
 * per-cpu batch and high, min_free_kbytes, the watermarks and the
 * lowmem reserve.
 */
static void mm_sizing_formulas(struct ktap_test *t)
{
	const struct zone *normal = &NODE_DATA(0)->node_zones[ZONE_NORMAL];
	const struct zone *high = &NODE_DATA(0)->node_zones[ZONE_HIGHMEM];
	unsigned long memmap = DIV_ROUND_UP(normal->spanned_pages * 32, PAGE_SIZE);
	/* sized from lowmem at init: pages freed since (the initrd) leave it as it is */
	unsigned long kb = min_free_kbytes_lowmem();
	unsigned long mfk = clamp(isqrt(kb * 16), 128UL, 65536UL);

	/* batch was sized before freeing, from present minus memmap */
	KTAP_EXPECT_EQ(t, this_cpu_ptr(normal->pageset)->pcp.batch,
		       max(1UL, expected_batch(normal->present_pages - memmap)));
	/* Linux's pageset_set_batch(): high from the raw batch, which may be 0 */
	KTAP_EXPECT_EQ(t, this_cpu_ptr(normal->pageset)->pcp.high,
		       6 * expected_batch(normal->present_pages - memmap));
	/* mem_map itself is never handed out: it is memblock-reserved */
	KTAP_EXPECT(t, normal->present_pages - normal->managed_pages >= memmap);
	KTAP_EXPECT(t, kb <= normal->managed_pages << (PAGE_SHIFT - 10));
	KTAP_EXPECT_EQ(t, min_free_kbytes, mfk);
	KTAP_EXPECT_EQ(t, min_wmark_pages(normal), mfk >> 2);
	KTAP_EXPECT_EQ(t, low_wmark_pages(normal), (mfk >> 2) + (mfk >> 4));
	KTAP_EXPECT_EQ(t, high_wmark_pages(normal), (mfk >> 2) + (mfk >> 3));
	if (!populated_zone(high))
		return;
	KTAP_EXPECT_EQ(t, this_cpu_ptr(high->pageset)->pcp.batch,
		       max(1UL, expected_batch(high->present_pages)));
	KTAP_EXPECT_EQ(t, min_wmark_pages(high), clamp(high->managed_pages / 1024, 32UL, 128UL));
	KTAP_EXPECT_EQ(t, normal->lowmem_reserve[ZONE_HIGHMEM], high->managed_pages / 32);
}

/*
 * Random alloc/free against a model: a bitmap of the pages handed out.
 * No page may be handed out twice, blocks are aligned and inside the
 * zone the flags allow, free pages + held pages stay constant, and the
 * end state is the start state.  The bitmap (a bit per pfn of RAM, 32 KiB
 * at 1 GiB) comes from the allocator while the test runs, not from .bss,
 * which head.S would clear at every boot for a test that may never run.
 */
static unsigned char *model_owned;

static bool model_test_and_set(unsigned long pfn, bool set)
{
	unsigned long i = pfn - PHYS_PFN_OFFSET;
	bool was = model_owned[i >> 3] & (1u << (i & 7));

	if (set)
		model_owned[i >> 3] |= (unsigned char)(1u << (i & 7));
	else
		model_owned[i >> 3] &= (unsigned char)~(1u << (i & 7));
	return was;
}

static void mm_random_against_model(struct ktap_test *t)
{
	static struct {
		unsigned long pfn;
		unsigned int order;
	} held[128];
	unsigned int nheld = 0, seed = 12345, twice = 0, misplaced = 0, map_order = 0;
	unsigned long free_before, out = 0;
	struct page *map;

	while ((PAGE_SIZE << map_order) * 8 < max_pfn - PHYS_PFN_OFFSET)
		map_order++;
	map = alloc_pages(GFP_KERNEL | __GFP_ZERO | __GFP_NOWARN, map_order);
	if (!map) {
		ktap_skip(t, "no lowmem block for the model's bitmap");
		return;
	}
	model_owned = page_address(map);
	buddy_snapshot(snap_before);
	free_before = nr_free_pages();
	for (int step = 0; step < 4000; step++) {
		seed = seed * 1103515245u + 12345u;
		if (nheld == 0 || (nheld < ARRAY_SIZE(held) && (seed >> 16) % 2)) {
			unsigned int order = (seed >> 20) % 6;
			gfp_t gfp = GFP_KERNEL | __GFP_NOWARN |
				    ((seed >> 8) & 1 ? __GFP_HIGHMEM : 0) |
				    ((seed >> 9) & 1 ? __GFP_MOVABLE : 0);
			struct page *page = alloc_pages(gfp, order);
			unsigned long pfn;

			if (!page)
				continue;
			pfn = page_to_pfn(page);
			misplaced += (pfn & ((1UL << order) - 1)) != 0 || pfn < min_low_pfn ||
				     pfn + (1UL << order) > max_pfn ||
				     (!(gfp & __GFP_HIGHMEM) && PageHighMem(page));
			for (unsigned long p = pfn; p < pfn + (1UL << order); p++)
				twice += model_test_and_set(p, true);
			held[nheld].pfn = pfn;
			held[nheld++].order = order;
			out += 1UL << order;
		} else {
			unsigned int i = (seed >> 16) % nheld;

			for (unsigned long p = held[i].pfn;
			     p < held[i].pfn + (1UL << held[i].order); p++)
				model_test_and_set(p, false);
			__free_pages(pfn_to_page(held[i].pfn), held[i].order);
			out -= 1UL << held[i].order;
			held[i] = held[--nheld];
		}
		if (step % 500 == 0) {
			drain_all_pages();
			KTAP_EXPECT_EQ(t, nr_free_pages() + out, free_before);
			KTAP_EXPECT_EQ(t, check_free_lists(ktap_print), 0);
		}
	}
	KTAP_EXPECT_EQ(t, twice, 0);
	KTAP_EXPECT_EQ(t, misplaced, 0);
	while (nheld--)
		__free_pages(pfn_to_page(held[nheld].pfn), held[nheld].order);
	KTAP_EXPECT(t, unchanged());
	KTAP_EXPECT_EQ(t, check_free_lists(ktap_print), 0);
	__free_pages(map, map_order);
	model_owned = NULL;
}

/*
 * What memmap_init_zone() wrote (arch_init_struct_pages(): one STM a page
 * on ARM) is still there, word for word, on every page that stayed
 * reserved -- which are exactly the span's pages the zone does not manage.
 */
static void mm_reserved_pages_as_memmap_left_them(struct ktap_test *t)
{
	unsigned long reserved = 0, unmanaged = 0, bad = 0;
	struct zone *zone;

	for_each_populated_zone(zone) {
		unsigned long want =
			(unsigned long)zone_idx(zone) << ZONES_PGSHIFT | 1UL << PG_reserved;

		unmanaged += zone->spanned_pages - zone->managed_pages;
		for (unsigned long pfn = zone->zone_start_pfn; pfn < zone_end_pfn(zone); pfn++) {
			struct page *page = pfn_to_page(pfn);

			if (!PageReserved(page))
				continue;
			reserved++;
			if (page->flags == want && page->_count == 1 && page->_mapcount == -1 &&
			    !page->private && !page->index && !page->mapping &&
			    page->lru.next == &page->lru && page->lru.prev == &page->lru)
				continue;
			if (!bad++)
				ktap_print(
					"pfn 0x%lx: flags 0x%lx count %d mapcount %d private %lu "
					"index %lu lru %p/%p (itself %p) mapping %p\n",
					pfn, page->flags, page->_count, page->_mapcount,
					page->private, page->index, (void *)page->lru.next,
					(void *)page->lru.prev, (void *)&page->lru, page->mapping);
		}
	}
	KTAP_EXPECT(t, reserved > 0);
	KTAP_EXPECT_EQ(t, reserved, unmanaged);
	KTAP_EXPECT_EQ(t, bad, 0);
}

/*
 * arch_init_struct_pages() and arch_free_struct_pages() for every run
 * length a turn of theirs can leave over (1 to 17 pages, on ARM eight a
 * turn, entered part-way for the rest): each page of the run gets its
 * words, and the page after it is not touched.  Boot's zones are whole
 * MiB, multiples of eight pages, so boot alone never tries the rest.
 */
static void mm_struct_page_runs_of_any_length(struct ktap_test *t)
{
	struct page *pg = alloc_page(GFP_KERNEL), *buf, *p, pattern;
	unsigned long bad = 0, flags = 1UL << PG_reserved;

	KTAP_EXPECT(t, pg != NULL);
	if (!pg)
		return;
	buf = page_address(pg);
	memset(&pattern, 0xa5, sizeof(pattern));
	for (unsigned int n = 1; n <= 17; n++) {
		memset(buf, 0xa5, PAGE_SIZE);
		arch_init_struct_pages(buf, buf + n, flags);
		for (p = buf; p < buf + n; p++)
			bad += p->flags != flags || p->_count != 1 || p->_mapcount != -1 ||
			       p->private || p->index || p->mapping || p->lru.next != &p->lru ||
			       p->lru.prev != &p->lru;
		bad += memcmp(buf + n, &pattern, sizeof(pattern)) != 0;
		arch_free_struct_pages(buf, buf + n, 0);
		for (p = buf; p < buf + n; p++)
			bad += p->flags || p->_count || p->_mapcount != -1 ||
			       p->lru.next != &p->lru;
		bad += memcmp(buf + n, &pattern, sizeof(pattern)) != 0;
		if (bad) {
			ktap_print("a run of %u struct pages written wrong\n", n);
			break;
		}
	}
	KTAP_EXPECT_EQ(t, bad, 0);
	__free_page(pg);
}

static const struct ktap_case mm_cases[] = {
	KTAP_CASE(mm_zone_sizes_follow_lowmem_limit),
	KTAP_CASE(mm_reserved_pages_as_memmap_left_them),
	KTAP_CASE(mm_struct_page_runs_of_any_length),
	KTAP_CASE(mm_sizing_formulas),
	KTAP_CASE(mm_random_against_model),
	KTAP_CASE(mm_split_and_merge_back),
	KTAP_CASE(mm_exhaust_and_recover),
	KTAP_CASE(mm_bad_frees_are_refused),
	KTAP_CASE(mm_highmem_through_kmap),
	KTAP_CASE(mm_zonelist_prefers_highmem),
};
KTAP_SUITE(mm_suite, "page_alloc", mm_cases);
