// SPDX-License-Identifier: GPL-2.0
/*
 * mm/vmscan_ktap.c: KTAP suite "vmscan" -- the LRU lists, the young bit,
 * and pages out to swap and back, on address spaces of the tests' own
 * (mm/ktap_mm.c).  The cases that swap need a swap area (`swapon`): at
 * boot there is none, and they are skipped; the system tests run the
 * suite again after swapon (tests/py/test_swap.py).  The page-cache cases
 * use a cache of their own, four slots, as a block device's is made.
 */
#include <a9mm/ktap_mm.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/gfp.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/oom.h>
#include <linux/page-flags.h>
#include <linux/rmap.h>
#include <linux/swap.h>
#include <linux/swapops.h>
#include <linux/vmstat.h>
#include <asm/pgalloc.h>

/* the page @mm maps at @addr (present) */
static struct page *page_at(struct mm_struct *mm, unsigned long addr)
{
	return pfn_to_page(pte_pfn(pte_of(mm, addr)));
}

/* the pages @mm maps at @addr .. @addr + @n pages, isolated and reclaimed: pages freed */
static unsigned long pageout(struct ktap_test *t, struct mm_struct *mm, unsigned long addr,
			     unsigned long n)
{
	LIST_HEAD(pages);

	for (unsigned long i = 0; i < n; i++) {
		struct page *page = page_at(mm, addr + i * PAGE_SIZE);

		KTAP_EXPECT_EQ(t, isolate_lru_page(page), 0);
		list_add(&page->lru, &pages);
	}
	return reclaim_pages(&pages);
}

/* a test_mm() whose first page is written with @c, or NULL (the case failed) */
static struct mm_struct *mm_with_page(struct ktap_test *t, char c)
{
	struct mm_struct *mm = test_mm();

	if (!mm) {
		ktap_fail(t, __FILE__, __LINE__, "no memory for the test");
		return NULL;
	}
	KTAP_EXPECT_EQ(t, handle_mm_fault(find_vma(mm, ADDR), ADDR, FAULT_FLAG_WRITE), 0);
	poke(mm, ADDR, c);
	return mm;
}

/* does the pte hold a swap slot's entry */
static bool is_swapped(pte_t pte)
{
	return is_swap_pte(pte) && !non_swap_entry(pte_to_swp_entry(pte));
}

/* the cases that write to swap skip without a free slot */
static bool need_swap(struct ktap_test *t)
{
	if (get_nr_swap_pages() >= 8)
		return true;
	ktap_skip(t, "no swap area (swapon first)");
	return false;
}

/*
 * A process's new anonymous page starts on the active list and leaves it
 * when freed: NR_ACTIVE_ANON follows.
 */
static void new_anon_page_is_on_the_active_list(struct ktap_test *t)
{
	struct mm_struct *mm = test_mm();
	unsigned long active;
	struct page *page;

	if (!mm) {
		ktap_fail(t, __FILE__, __LINE__, "no memory for the test");
		return;
	}
	active = global_page_state(NR_ACTIVE_ANON);
	KTAP_EXPECT_EQ(t, handle_mm_fault(find_vma(mm, ADDR), ADDR, FAULT_FLAG_WRITE), 0);
	page = page_at(mm, ADDR);
	KTAP_EXPECT(t, PageLRU(page) && PageActive(page));
	KTAP_EXPECT_EQ(t, global_page_state(NR_ACTIVE_ANON), active + 1);
	mmput(mm);
	KTAP_EXPECT_EQ(t, global_page_state(NR_ACTIVE_ANON), active);
}

/*
 * ARM's young bit is Linux's own (L_PTE_YOUNG): page_referenced() counts
 * a young pte and makes it old -- the hardware pte goes, so the next
 * access faults and handle_pte_fault() makes it young again.
 */
static void page_referenced_clears_and_the_fault_sets_young(struct ktap_test *t)
{
	struct mm_struct *mm = test_mm();
	struct vm_area_struct *vma;
	unsigned long faults;
	struct page *page;

	if (!mm) {
		ktap_fail(t, __FILE__, __LINE__, "no memory for the test");
		return;
	}
	vma = find_vma(mm, ADDR);
	KTAP_EXPECT_EQ(t, handle_mm_fault(vma, ADDR, FAULT_FLAG_WRITE), 0);
	page = page_at(mm, ADDR);
	get_page(page);
	KTAP_EXPECT(t, pte_young(pte_of(mm, ADDR)));
	KTAP_EXPECT_EQ(t, page_referenced(page), 1);
	KTAP_EXPECT(t, pte_present(pte_of(mm, ADDR)) && !pte_young(pte_of(mm, ADDR)));
	KTAP_EXPECT_EQ(t, page_referenced(page), 0);
	faults = vm_event(PGFAULT);
	KTAP_EXPECT_EQ(t, handle_mm_fault(vma, ADDR, 0), 0); /* the access the old pte faults */
	KTAP_EXPECT_EQ(t, vm_event(PGFAULT), faults + 1);
	KTAP_EXPECT(t, pte_young(pte_of(mm, ADDR)) && page_at(mm, ADDR) == page);
	KTAP_EXPECT_EQ(t, page_referenced(page), 1);
	put_page(page);
	mmput(mm);
}

/* With no free slot a page cannot go: reclaim_pages() puts it back, mapped, bytes kept */
static void no_slot_no_pageout(struct ktap_test *t)
{
	struct mm_struct *mm;
	struct page *page;

	if (get_nr_swap_pages() > 0) {
		ktap_skip(t, "a swap area is active");
		return;
	}
	mm = mm_with_page(t, 'N');
	if (!mm)
		return;
	page = page_at(mm, ADDR);
	KTAP_EXPECT_EQ(t, pageout(t, mm, ADDR, 1), 0);
	KTAP_EXPECT(t, page_at(mm, ADDR) == page && PageLRU(page) && !PageSwapCache(page));
	KTAP_EXPECT_EQ(t, first_byte(mm, ADDR), 'N');
	mmput(mm);
}

/*
 * A page out and back: its pte becomes the slot's swap entry (VmSwap),
 * the page is freed; a read brings it back (a major fault) read-only,
 * the slot is free again; a write then takes it for its own.
 */
static void page_goes_out_and_comes_back(struct ktap_test *t)
{
	unsigned long slots = (unsigned long)get_nr_swap_pages(), out = vm_event(PSWPOUT);
	unsigned long in = vm_event(PSWPIN), major = vm_event(PGMAJFAULT);
	struct vm_area_struct *vma;
	struct mm_struct *mm;
	swp_entry_t entry;
	struct page *page;

	if (!need_swap(t) || !(mm = mm_with_page(t, 'S')))
		return;
	vma = find_vma(mm, ADDR);
	KTAP_EXPECT_EQ(t, pageout(t, mm, ADDR, 1), 1);
	KTAP_EXPECT(t, is_swapped(pte_of(mm, ADDR)));
	entry = pte_to_swp_entry(pte_of(mm, ADDR));
	KTAP_EXPECT_EQ(t, swap_count(entry), 1);
	KTAP_EXPECT(t, !lookup_swap_cache(entry)); /* written and freed */
	KTAP_EXPECT_EQ(t, get_mm_counter(mm, MM_SWAPENTS), 1);
	KTAP_EXPECT_EQ(t, get_mm_counter(mm, MM_ANONPAGES), 0);
	KTAP_EXPECT_EQ(t, (unsigned long)get_nr_swap_pages(), slots - 1);
	KTAP_EXPECT_EQ(t, vm_event(PSWPOUT), out + 1);
	KTAP_EXPECT_EQ(t, handle_mm_fault(vma, ADDR, 0), VM_FAULT_MAJOR);
	KTAP_EXPECT_EQ(t, vm_event(PSWPIN), in + 1);
	KTAP_EXPECT_EQ(t, vm_event(PGMAJFAULT), major + 1);
	KTAP_EXPECT(t, pte_present(pte_of(mm, ADDR)) && !pte_write(pte_of(mm, ADDR)));
	KTAP_EXPECT_EQ(t, first_byte(mm, ADDR), 'S');
	page = page_at(mm, ADDR);
	KTAP_EXPECT(t, PageAnon(page) && !PageSwapCache(page) && PageLRU(page));
	KTAP_EXPECT(t, page_anon_vma(page) == vma->anon_vma && page->index == ADDR >> PAGE_SHIFT);
	KTAP_EXPECT_EQ(t, (unsigned long)get_nr_swap_pages(), slots);
	KTAP_EXPECT_EQ(t, get_mm_counter(mm, MM_SWAPENTS), 0);
	KTAP_EXPECT_EQ(t, get_mm_counter(mm, MM_ANONPAGES), 1);
	/* the write reuses the page: nobody else maps it or names its slot */
	KTAP_EXPECT_EQ(t, handle_mm_fault(vma, ADDR, FAULT_FLAG_WRITE), VM_FAULT_WRITE);
	KTAP_EXPECT(t, page_at(mm, ADDR) == page && pte_write(pte_of(mm, ADDR)));
	mmput(mm);
}

/*
 * A page fork left shared goes out once: both ptes name one slot.  The
 * child's read brings it in (the slot stays: the parent names it, the
 * page stays in the swap cache); the parent's read finds it there (no
 * I/O) and maps the same page; then the slot is free.  The child's write
 * copies it, the parent keeps its bytes.
 */
static void shared_page_comes_back_once(struct ktap_test *t)
{
	unsigned long slots = (unsigned long)get_nr_swap_pages(), in;
	struct vm_area_struct *pv, *cv;
	struct mm_struct *parent, *child;
	swp_entry_t entry;
	struct page *page;

	if (!need_swap(t) || !(parent = mm_with_page(t, 'F')))
		return;
	pv = find_vma(parent, ADDR);
	child = fork_vma(t, pv);
	if (!child) {
		mmput(parent);
		return;
	}
	cv = find_vma(child, ADDR);
	KTAP_EXPECT_EQ(t, pageout(t, parent, ADDR, 1), 1);
	KTAP_EXPECT(t, is_swapped(pte_of(parent, ADDR)) &&
			       pte_of(parent, ADDR) == pte_of(child, ADDR));
	entry = pte_to_swp_entry(pte_of(parent, ADDR));
	KTAP_EXPECT_EQ(t, swap_count(entry), 2);
	in = vm_event(PSWPIN);
	KTAP_EXPECT_EQ(t, handle_mm_fault(cv, ADDR, 0), VM_FAULT_MAJOR);
	page = page_at(child, ADDR);
	KTAP_EXPECT(t, PageSwapCache(page) && page->private == entry.val);
	KTAP_EXPECT_EQ(t, swap_count(entry), 1);
	KTAP_EXPECT_EQ(t, handle_mm_fault(pv, ADDR, 0), 0); /* minor: the swap cache's page */
	KTAP_EXPECT_EQ(t, vm_event(PSWPIN), in + 1);
	KTAP_EXPECT(t, page_at(parent, ADDR) == page && !PageSwapCache(page));
	KTAP_EXPECT_EQ(t, page_mapcount(page), 2);
	KTAP_EXPECT_EQ(t, (unsigned long)get_nr_swap_pages(), slots);
	KTAP_EXPECT_EQ(t, handle_mm_fault(cv, ADDR, FAULT_FLAG_WRITE), VM_FAULT_WRITE);
	KTAP_EXPECT(t, page_at(child, ADDR) != page);
	poke(child, ADDR, 'C');
	KTAP_EXPECT_EQ(t, first_byte(parent, ADDR), 'F');
	mmput(child);
	mmput(parent);
}

/*
 * Pages on swap when their process goes: every slot is free again, the
 * swap cache's page of a slot both named included (zap_pte_range() ->
 * free_swap_and_cache())
 */
static void exit_frees_slots_and_swap_cache(struct ktap_test *t)
{
	unsigned long slots = (unsigned long)get_nr_swap_pages();
	long cached = READ_ONCE(total_swapcache_pages);
	struct mm_struct *parent, *child;
	struct vm_area_struct *pv;

	if (!need_swap(t))
		return;
	parent = test_mm();
	if (!parent) {
		ktap_fail(t, __FILE__, __LINE__, "no memory for the test");
		return;
	}
	pv = find_vma(parent, ADDR);
	for (unsigned long i = 0; i < PAGES; i++) {
		KTAP_EXPECT_EQ(t, handle_mm_fault(pv, ADDR + i * PAGE_SIZE, FAULT_FLAG_WRITE), 0);
		poke(parent, ADDR + i * PAGE_SIZE, (char)('a' + i));
	}
	child = fork_vma(t, pv);
	if (!child) {
		mmput(parent);
		return;
	}
	KTAP_EXPECT_EQ(t, pageout(t, parent, ADDR, PAGES), PAGES);
	KTAP_EXPECT_EQ(t, (unsigned long)get_nr_swap_pages(), slots - PAGES);
	/* the child brings the first page in: it stays in the swap cache, the parent names it */
	KTAP_EXPECT_EQ(t, handle_mm_fault(find_vma(child, ADDR), ADDR, 0), VM_FAULT_MAJOR);
	KTAP_EXPECT_EQ(t, first_byte(child, ADDR), 'a');
	KTAP_EXPECT_EQ(t, READ_ONCE(total_swapcache_pages), cached + 1);
	mmput(parent);
	KTAP_EXPECT_EQ(t, READ_ONCE(total_swapcache_pages), cached);
	KTAP_EXPECT_EQ(t, (unsigned long)get_nr_swap_pages(), slots - (PAGES - 1));
	mmput(child);
	KTAP_EXPECT_EQ(t, (unsigned long)get_nr_swap_pages(), slots);
}

/*
 * A pte holding the entry of a slot no area has (corrupted memory, a
 * stray write): the fault says so and gets SIGBUS, nothing else changes
 */
static void bad_swap_entry_is_refused(struct ktap_test *t)
{
	struct mm_struct *mm = test_mm();
	long slots = get_nr_swap_pages();
	pte_t *ptep;

	if (!mm) {
		ktap_fail(t, __FILE__, __LINE__, "no memory for the test");
		return;
	}
	KTAP_EXPECT_EQ(t, handle_mm_fault(find_vma(mm, ADDR), ADDR, FAULT_FLAG_WRITE), 0);
	ptep = pte_offset_kernel(mm_find_pmd(mm, ADDR), ADDR + PAGE_SIZE); /* the first's table */
	for (unsigned int type = 0; type < 2; type++) {
		/* type 0: no area, or an offset past it; type 1: no area */
		set_pte_at(mm, ADDR + PAGE_SIZE, ptep,
			   swp_entry_to_pte(swp_entry(type, 0x1ffffff)));
		KTAP_EXPECT_EQ(t, handle_mm_fault(find_vma(mm, ADDR), ADDR + PAGE_SIZE, 0),
			       VM_FAULT_SIGBUS);
		KTAP_EXPECT(t, is_swap_pte(*ptep));
	}
	set_pte_at(mm, ADDR + PAGE_SIZE, ptep, 0);
	KTAP_EXPECT_EQ(t, get_nr_swap_pages(), slots);
	mmput(mm);
}

/*
 * A page the kernel holds to write into (copy_to_user(): follow_page()'s
 * reference, then a memcpy() through the linear map, not the pte) while
 * reclaim takes it: reclaim may unmap it, but must not write it to swap
 * and call it clean -- the kernel's bytes land after the write, and the
 * next reclaim would free the page without writing them (Linux's
 * pageout() writes only an is_page_cache_freeable() page: the cache's and
 * the isolation's references, no third).
 */
static void held_page_is_not_written_clean(struct ktap_test *t)
{
	struct vm_area_struct *vma;
	struct mm_struct *mm;
	struct page *page;
	LIST_HEAD(pages);
	char *kaddr;

	if (!need_swap(t) || !(mm = mm_with_page(t, 'U')))
		return;
	vma = find_vma(mm, ADDR);
	page = page_at(mm, ADDR);
	get_page(page);				       /* copy_user(): follow_page() */
	KTAP_EXPECT_EQ(t, pageout(t, mm, ADDR, 1), 0); /* held: not freed */
	kaddr = kmap_atomic(page);		       /* copy_user(): the memcpy() */
	kaddr[0] = 'K';
	kunmap_atomic(kaddr);
	put_page(page);
	/* whatever reclaim left it as, reclaim it again: its bytes must survive */
	if (PageLRU(page) && !isolate_lru_page(page)) {
		list_add(&page->lru, &pages);
		reclaim_pages(&pages);
	}
	KTAP_EXPECT(t, handle_mm_fault(vma, ADDR, 0) >= 0);
	KTAP_EXPECT_EQ(t, first_byte(mm, ADDR), 'K');
	mmput(mm);
}

/*
 * While swapoff brings pages back (set_current_oom_origin()), the OOM
 * killer chooses it first: out_of_memory() tells it to give up and kills
 * nobody; cleared, the task is an ordinary candidate again.
 */
static void oom_origin_gives_up_instead_of_a_kill(struct ktap_test *t)
{
	set_current_oom_origin();
	KTAP_EXPECT(t, !oom_origin_killed());
	KTAP_EXPECT(t, out_of_memory());
	KTAP_EXPECT(t, oom_origin_killed());
	KTAP_EXPECT(t, out_of_memory()); /* told already: still nobody else */
	clear_current_oom_origin();
	KTAP_EXPECT(t, !oom_origin_killed());
}

/* a page cache of four slots, as add_disk() makes a block device's */
static struct page *test_slots[4];
static struct address_space test_cache = { .pages = test_slots, .nr_slots = 4 };

/* a new page cached at @index in test_cache, only the cache holding it; NULL without memory */
static struct page *cached_page(struct ktap_test *t, unsigned long index)
{
	struct page *page = alloc_page(GFP_USER);

	if (!page) {
		ktap_fail(t, __FILE__, __LINE__, "no memory for the test");
		return NULL;
	}
	KTAP_EXPECT_EQ(t, add_to_page_cache_lru(page, &test_cache, index), 0);
	put_page(page);
	return page;
}

/*
 * A page read into a cache starts on the inactive file list (not the
 * anonymous ones: no PG_swapbacked); a second index of it is refused;
 * the first touch marks it referenced, the second activates it
 * (mark_page_accessed()); a page someone holds stays when the cache is
 * invalidated, one nobody holds goes, and the counters are as before.
 */
static void page_cache_lists_and_two_touches(struct ktap_test *t)
{
	long inactive = global_page_state(NR_INACTIVE_FILE),
	     file = global_page_state(NR_FILE_PAGES), active = global_page_state(NR_ACTIVE_FILE);
	struct page *page, *found;

	spin_lock_init(&test_cache.tree_lock);
	page = cached_page(t, 1);
	if (!page)
		return;
	KTAP_EXPECT(t, PageLRU(page) && !PageActive(page) && !PageSwapBacked(page));
	KTAP_EXPECT_EQ(t, global_page_state(NR_INACTIVE_FILE), inactive + 1);
	KTAP_EXPECT_EQ(t, global_page_state(NR_FILE_PAGES), file + 1);
	KTAP_EXPECT_EQ(t, add_to_page_cache_lru(page, &test_cache, 1), -EEXIST);
	found = find_get_page(&test_cache, 1);
	KTAP_EXPECT(t, found == page && page_count(page) == 2);
	KTAP_EXPECT(t, !find_get_page(&test_cache, 2));
	mark_page_accessed(page);
	KTAP_EXPECT(t, PageReferenced(page) && !PageActive(page));
	mark_page_accessed(page);
	KTAP_EXPECT(t, PageActive(page) && !PageReferenced(page));
	KTAP_EXPECT_EQ(t, global_page_state(NR_ACTIVE_FILE), active + 1);
	KTAP_EXPECT_EQ(t, invalidate_mapping_pages(&test_cache, 0, 3), 0); /* we hold it */
	KTAP_EXPECT_EQ(t, test_cache.nrpages, 1);
	put_page(found);
	KTAP_EXPECT_EQ(t, invalidate_mapping_pages(&test_cache, 0, 3), 1);
	KTAP_EXPECT(t, !test_cache.nrpages && !test_slots[1]);
	KTAP_EXPECT_EQ(t, global_page_state(NR_INACTIVE_FILE), inactive);
	KTAP_EXPECT_EQ(t, global_page_state(NR_ACTIVE_FILE), active);
	KTAP_EXPECT_EQ(t, global_page_state(NR_FILE_PAGES), file);
}

/*
 * shrink_page_list() on two cached pages, no swap needed: the one nobody
 * else holds leaves the cache and is freed (its bytes are on the device);
 * the one a reader holds stays, back on its list.
 */
static void reclaim_drops_a_cached_page_nobody_holds(struct ktap_test *t)
{
	long file = global_page_state(NR_FILE_PAGES);
	struct page *free_one, *held;
	LIST_HEAD(pages);

	spin_lock_init(&test_cache.tree_lock);
	free_one = cached_page(t, 0);
	held = cached_page(t, 3);
	if (!free_one || !held)
		return;
	get_page(held); /* a reader's */
	KTAP_EXPECT_EQ(t, isolate_lru_page(free_one), 0);
	list_add(&free_one->lru, &pages);
	KTAP_EXPECT_EQ(t, isolate_lru_page(held), 0);
	list_add(&held->lru, &pages);
	KTAP_EXPECT_EQ(t, reclaim_pages(&pages), 1);
	KTAP_EXPECT(t, !test_slots[0] && test_slots[3] == held && test_cache.nrpages == 1);
	KTAP_EXPECT(t, PageLRU(held) && page_count(held) == 2);
	KTAP_EXPECT_EQ(t, global_page_state(NR_FILE_PAGES), file + 1);
	put_page(held);
	KTAP_EXPECT_EQ(t, invalidate_mapping_pages(&test_cache, 0, 3), 1);
	KTAP_EXPECT_EQ(t, global_page_state(NR_FILE_PAGES), file);
}

/*
 * A cached page a process maps (a mapping's reference and mapcount, as
 * blkdev_fault() and do_fault() leave them) is not dropped: a9mm has no
 * i_mmap walk to unmap it, so reclaim puts it on the active list.  Once
 * unmapped it goes like any other.
 */
static void reclaim_keeps_a_mapped_cached_page_active(struct ktap_test *t)
{
	struct page *mapped;
	LIST_HEAD(pages);

	spin_lock_init(&test_cache.tree_lock);
	mapped = cached_page(t, 1);
	if (!mapped)
		return;
	get_page(mapped); /* the mapping's */
	page_add_file_rmap(mapped);
	KTAP_EXPECT_EQ(t, isolate_lru_page(mapped), 0);
	list_add(&mapped->lru, &pages);
	KTAP_EXPECT_EQ(t, reclaim_pages(&pages), 0);
	KTAP_EXPECT(t, test_slots[1] == mapped && test_cache.nrpages == 1);
	KTAP_EXPECT(t, PageLRU(mapped) && PageActive(mapped) && page_count(mapped) == 2);
	KTAP_EXPECT_EQ(t, invalidate_mapping_pages(&test_cache, 0, 3), 0);
	page_remove_rmap(mapped); /* munmap() */
	put_page(mapped);
	KTAP_EXPECT_EQ(t, isolate_lru_page(mapped), 0);
	list_add(&mapped->lru, &pages);
	KTAP_EXPECT_EQ(t, reclaim_pages(&pages), 1);
	KTAP_EXPECT(t, !test_slots[1] && test_cache.nrpages == 0);
}

static const struct ktap_case vmscan_cases[] = {
	KTAP_CASE(new_anon_page_is_on_the_active_list),
	KTAP_CASE(page_referenced_clears_and_the_fault_sets_young),
	KTAP_CASE(no_slot_no_pageout),
	KTAP_CASE(page_goes_out_and_comes_back),
	KTAP_CASE(shared_page_comes_back_once),
	KTAP_CASE(exit_frees_slots_and_swap_cache),
	KTAP_CASE(bad_swap_entry_is_refused),
	KTAP_CASE(held_page_is_not_written_clean),
	KTAP_CASE(oom_origin_gives_up_instead_of_a_kill),
	KTAP_CASE(page_cache_lists_and_two_touches),
	KTAP_CASE(reclaim_drops_a_cached_page_nobody_holds),
	KTAP_CASE(reclaim_keeps_a_mapped_cached_page_active),
};
KTAP_SUITE(vmscan_suite, "vmscan", vmscan_cases);
