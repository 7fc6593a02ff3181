// SPDX-License-Identifier: GPL-2.0
/*
 * HighMem freed in aligned blocks (free_highpages() -> __free_pages_memory())
 * must leave exactly the buddy state ARM Linux's page-by-page freeing
 * leaves (free_highmem_page() for every free pfn).  Each layout below is
 * booted with HighMem freed both ways:
 *
 *   - on Linux's boot_pageset (every page freed goes straight to the buddy
 *     lists, as during Linux's mem_init()): the lists must be equal in
 *     order too;
 *   - on live per-cpu lists (setup_per_cpu_pageset() run before the
 *     freeing, so each order-0 page waits there): the same blocks on the
 *     same lists, once the lists are drained;
 *
 * compared, the per-cpu lists drained: every free list of every zone
 * (which blocks, in which order), nr_free, NR_FREE_PAGES, managed pages,
 * totalram/totalhigh, the pageblock types and every word of every struct
 * page but the list links -- and index, the free list a block was filed
 * under, on block heads only: inside a block it is whatever the page held
 * when it last headed a smaller one.  The reference finds the free pages
 * pfn by pfn from memblock (memory, not reserved), not by the kernel's
 * range walk, so that walk is checked too.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <cmocka.h>
#include <string.h>

#include <asm/mm.h>
#include <linux/memblock.h>
#include <linux/mm.h>

#include "host_shim.h"

#define RAM 0x60000000u
#define MB  (1u << 20)
#define KB  (1u << 10)

struct range {
	phys_addr_t base, size;
};

struct layout {
	const char *name;
	struct range banks[3];
	struct range reserved[4];
	phys_addr_t lowmem_end; /* memblock's limit: where HighMem starts */
};

static const struct layout layouts[] = {
	{ "aligned", { { RAM, 64 * MB } }, { { 0 } }, RAM + 48 * MB },
	{ "reservations in HighMem",
	  { { RAM, 64 * MB } },
	  { { RAM + 32 * MB, 4 * KB },		    /* HighMem's first page */
	    { RAM + 40 * MB + 12 * KB, 20 * KB },   /* odd pages inside */
	    { RAM + 63 * MB + 4 * KB + 100, 3000 }, /* a page by its middle */
	    { RAM + 64 * MB - 4 * KB, 4 * KB } },   /* the last page */
	  RAM + 32 * MB },
	{ "a hole between banks",
	  { { RAM, 48 * MB }, { RAM + 52 * MB, 28 * MB } },
	  { { RAM + 60 * MB, 1 * MB } },
	  RAM + 40 * MB },
	{ "odd bank edges",
	  { { RAM, 40 * MB }, { RAM + 40 * MB + 28 * KB, 30 * MB - 40 * KB } },
	  { { 0 } },
	  RAM + 36 * MB },
	{ "lowmem ending inside a MAX_ORDER block",
	  { { RAM, 64 * MB } },
	  { { RAM + 50 * MB, 8 * KB } },
	  RAM + 33 * MB + 20 * KB },
	{ "HighMem mostly reserved",
	  { { RAM, 24 * MB }, { RAM + 24 * MB + 4 * KB, 8 * MB - 4 * KB } },
	  { { RAM + 24 * MB + 8 * KB, 5 * MB }, { RAM + 29 * MB + 16 * KB, 3 * MB - 24 * KB } },
	  RAM + 16 * MB },
};

enum how { BLOCKS, PAGES };

/*
 * arch/arm/mm/init.c: free_highmem_page() @ v3.14 (through
 * __free_reserved_page()), the reference: one page back and counted.
 */
static void free_highmem_page(struct page *page)
{
	ClearPageReserved(page);
	page->_count = 1;
	page->private = 0;
	__free_pages(page, 0);
	totalram_pages++;
	page_zone(page)->managed_pages++;
	totalhigh_pages++;
}

/* a pfn is free HighMem when all of it is memory and none of it reserved */
static void free_highmem_page_by_page(void)
{
	for (unsigned long pfn = max_low_pfn; pfn < max_pfn; pfn++) {
		phys_addr_t pa = (phys_addr_t)pfn << PAGE_SHIFT;

		if (memblock_is_region_memory(pa, PAGE_SIZE) &&
		    !memblock_is_region_reserved(pa, PAGE_SIZE))
			free_highmem_page(pfn_to_page(pfn));
	}
}

/*
 * boot_pageset: mem_init()'s freeing on Linux's boot_pageset (mm/page_alloc.c
 * @ v3.14: setup_pageset(p, 0): high 0, batch 1), where every page freed
 * goes straight on to the buddy lists, as a9mm boots; else on the per-CPU
 * pagesets, set up before the freeing instead of after it.
 */
static void boot(const struct layout *l, enum how how, bool boot_pageset)
{
	phys_addr_t end = RAM;
	struct zone *zone;

	for (unsigned int i = 0; i < ARRAY_SIZE(l->banks) && l->banks[i].size; i++)
		end = l->banks[i].base + l->banks[i].size;
	memblock_reset();
	host_log_reset();
	totalram_pages = totalhigh_pages = 0;
	host_ram_init(RAM, end - RAM);
	for (unsigned int i = 0; i < ARRAY_SIZE(l->banks) && l->banks[i].size; i++)
		memblock_add(l->banks[i].base, l->banks[i].size);
	memblock_reserve(RAM + 0xc000, 0x34000); /* swapper_pg_dir and the kernel */
	for (unsigned int i = 0; i < ARRAY_SIZE(l->reserved) && l->reserved[i].size; i++)
		memblock_reserve(l->reserved[i].base, l->reserved[i].size);
	memblock_set_current_limit(l->lowmem_end);
	host_set_cpus(1);
	bootmem_init();
	setup_per_cpu_areas();
	build_all_zonelists();
	if (!boot_pageset)
		setup_per_cpu_pageset();
	free_all_bootmem();
	if (how == BLOCKS)
		free_highpages();
	else
		free_highmem_page_by_page();
	for_each_zone(zone)
		if (boot_pageset)
			assert_int_equal(zone_pcp(zone, 0)->count, 0);
	drain_all_pages();
	assert_int_equal(check_free_lists(printk), 0);
}

/* the state, word by word; sorted: each free list's pfns in pfn order */
struct state {
	unsigned long *w;
	size_t n, cap;
};

static void put(struct state *s, unsigned long v)
{
	if (s->n == s->cap) {
		s->cap = s->cap ? 2 * s->cap : 4096;
		s->w = realloc(s->w, s->cap * sizeof(*s->w));
		assert_non_null(s->w);
	}
	s->w[s->n++] = v;
}

static int cmp_ulong(const void *a, const void *b)
{
	unsigned long x = *(const unsigned long *)a, y = *(const unsigned long *)b;

	return x < y ? -1 : x > y;
}

static struct state snapshot(struct state s, bool sorted)
{
	struct zone *zone;

	s.n = 0;
	put(&s, totalram_pages);
	put(&s, totalhigh_pages);
	put(&s, nr_free_pages());
	for_each_zone(zone) {
		put(&s, zone->managed_pages);
		put(&s, (unsigned long)zone->vm_stat[NR_FREE_PAGES]);
		for (unsigned int o = 0; o < MAX_ORDER; o++) {
			put(&s, zone->free_area[o].nr_free);
			for (int mt = 0; mt < MIGRATE_TYPES; mt++) {
				struct page *page;
				size_t first;

				put(&s, 0xf1f1f1f1ul); /* a list starts */
				first = s.n;
				list_for_each_entry(page, &zone->free_area[o].free_list[mt], lru)
					put(&s, page_to_pfn(page));
				if (sorted)
					qsort(s.w + first, s.n - first, sizeof(*s.w), cmp_ulong);
			}
		}
		if (!zone->spanned_pages)
			continue;
		for (unsigned long pfn = round_down(zone->zone_start_pfn, pageblock_nr_pages);
		     pfn < zone_end_pfn(zone); pfn += pageblock_nr_pages)
			put(&s, zone->pageblock_flags[(pfn - round_down(zone->zone_start_pfn,
									pageblock_nr_pages)) >>
						      pageblock_order]);
		for (unsigned long pfn = zone->zone_start_pfn; pfn < zone_end_pfn(zone); pfn++) {
			const struct page *page = pfn_to_page(pfn);

			put(&s, page->flags);
			put(&s, (unsigned long)page->_count);
			put(&s, (unsigned long)page->_mapcount);
			put(&s, page->private);
			/* the free list a block is on, named on its head; stale elsewhere */
			put(&s, PageBuddy(page) ? page->index : 0);
			put(&s, (unsigned long)page->mapping);
		}
	}
	return s;
}

static void expect_same(const struct state *a, const struct state *b, const char *what)
{
	size_t i;

	for (i = 0; i < a->n && i < b->n && a->w[i] == b->w[i]; i++)
		;
	if (i < a->n || i < b->n) {
		fail_msg("%s: the states differ at word %zu of %zu/%zu: 0x%lx != 0x%lx", what, i,
			 a->n, b->n, i < a->n ? a->w[i] : 0, i < b->n ? b->w[i] : 0);
	}
}

static void test_blocks_leave_what_page_by_page_leaves(void **state)
{
	static struct state blocks, pages;

	for (unsigned int i = 0; i < ARRAY_SIZE(layouts); i++) {
		const struct layout *l = &layouts[i];
		struct zone *high = &NODE_DATA(0)->node_zones[ZONE_HIGHMEM];
		char what[128];

		/* as Linux frees: every list the same, block for block, in order */
		boot(l, BLOCKS, true);
		assert_true(high->vm_stat[NR_FREE_PAGES] > 0);
		assert_int_equal(totalhigh_pages, high->vm_stat[NR_FREE_PAGES]);
		blocks = snapshot(blocks, false);
		boot(l, PAGES, true);
		pages = snapshot(pages, false);
		snprintf(what, sizeof(what), "%s, on boot_pageset", l->name);
		expect_same(&blocks, &pages, what);

		/*
		 * a9mm's live pagesets keep order-0 pages back until drained,
		 * and a drain frees them in its own order: the same blocks on
		 * the same lists, in another order
		 */
		boot(l, BLOCKS, false);
		blocks = snapshot(blocks, true);
		boot(l, PAGES, false);
		pages = snapshot(pages, true);
		snprintf(what, sizeof(what), "%s, through the live per-cpu lists", l->name);
		expect_same(&blocks, &pages, what);
	}
}

/* the layouts reach what they are for: partial blocks at every kind of edge */
static void test_layouts_have_partial_blocks(void **state)
{
	for (unsigned int i = 1; i < ARRAY_SIZE(layouts); i++) {
		struct zone *high = &NODE_DATA(0)->node_zones[ZONE_HIGHMEM];
		unsigned long small = 0;

		boot(&layouts[i], BLOCKS, true);
		for (unsigned int o = 0; o < MAX_ORDER - 1; o++)
			small += high->free_area[o].nr_free;
		assert_true(small > 0);
	}
}

/* debug_pagealloc=on takes Linux 3.x's path at boot: same state, every page checked */
static void test_debug_pagealloc_boot_is_the_same(void **state)
{
	static struct state fast, debug;

	for (unsigned int i = 0; i < ARRAY_SIZE(layouts); i++) {
		boot(&layouts[i], BLOCKS, true);
		fast = snapshot(fast, false);
		_debug_pagealloc_enabled = true;
		boot(&layouts[i], BLOCKS, true);
		_debug_pagealloc_enabled = false;
		debug = snapshot(debug, false);
		expect_same(&fast, &debug, layouts[i].name);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_teardown(test_blocks_leave_what_page_by_page_leaves,
					  host_ram_teardown),
		cmocka_unit_test_teardown(test_layouts_have_partial_blocks, host_ram_teardown),
		cmocka_unit_test_teardown(test_debug_pagealloc_boot_is_the_same, host_ram_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
