// SPDX-License-Identifier: GPL-2.0
/*
 * mm/migrate_ktap.c: the KTAP suite "migrate" -- mm/migrate.c and
 * mm/compaction.c on address spaces made for the test: a page shared by
 * fork moves with both ptes following it, still copy-on-write; a page
 * someone else holds stays where it is, its ptes as they were; migration
 * entries are copied by fork (made read-only), made read-only by
 * mprotect, dropped by munmap with the rss; a whole compaction leaves
 * every free list consistent and every byte of the test's pages as
 * written.  (Nothing else may fork or exit meanwhile: it would not break
 * anything, but the counters compared are global.)
 */
#include <a9mm/ktap.h>
#include <a9mm/ktap_mm.h>
#include <linux/compaction.h>
#include <linux/errno.h>
#include <linux/gfp.h>
#include <linux/kernel.h>
#include <linux/migrate.h>
#include <linux/mm.h>
#include <linux/page-flags.h>
#include <linux/rmap.h>
#include <linux/swap.h>
#include <linux/swapops.h>
#include <linux/vmstat.h>
#include <asm/pgalloc.h>

/* migrate_pages()'s page source for one test: one target page, given back if unused */
struct target {
	struct page *page; /* the page to move into; NULL once taken */
	int given_back;	   /* times put_target() was called */
};

static struct page *get_target(struct page *page, unsigned long private)
{
	struct target *tg = (struct target *)private;
	struct page *new = tg->page;

	tg->page = NULL;
	return new;
}

static void put_target(struct page *page, unsigned long private)
{
	struct target *tg = (struct target *)private;

	tg->page = page;
	tg->given_back++;
}

/* the page @mm maps at @addr, off its LRU list with a reference, as compaction isolates it */
static struct page *isolate(struct ktap_test *t, struct mm_struct *mm, unsigned long addr,
			    struct list_head *list)
{
	struct page *page = pfn_to_page(pte_pfn(pte_of(mm, addr)));

	KTAP_EXPECT_EQ(t, isolate_lru_page(page), 0);
	list_add(&page->lru, list);
	return page;
}

/*
 * A page fork left shared moves: both ptes map the new page, read-only
 * still (the child's write then copies it, the parent's reuses it), the
 * bytes and the reverse map (anon_vma, index) come along, the counters
 * stay, the old page is freed.
 */
static void migrate_moves_a_page_under_both_processes(struct ktap_test *t)
{
	unsigned long addr = ADDR + PAGE_SIZE, moved = vm_event(PGMIGRATE_SUCCESS), anon;
	struct mm_struct *parent = test_mm(), *child;
	struct target tg = { .page = alloc_pages(GFP_HIGHUSER_MOVABLE, 0) };
	struct vm_area_struct *pv, *cv;
	struct page *page;
	LIST_HEAD(pages);

	if (!parent || !tg.page) {
		ktap_fail(t, __FILE__, __LINE__, "no memory for the test");
		goto out;
	}
	pv = find_vma(parent, ADDR);
	KTAP_EXPECT_EQ(t, handle_mm_fault(pv, addr, FAULT_FLAG_WRITE), 0);
	poke(parent, addr, 'M');
	child = fork_vma(t, pv);
	if (!child)
		goto out;
	cv = find_vma(child, ADDR);
	anon = global_page_state(NR_ANON_PAGES);
	compaction_lock();
	page = isolate(t, parent, addr, &pages);
	KTAP_EXPECT_EQ(t, page_mapcount(page), 2);
	KTAP_EXPECT_EQ(t, migrate_pages(&pages, get_target, put_target, (unsigned long)&tg), 0);
	compaction_unlock();
	KTAP_EXPECT(t, list_empty(&pages) && !tg.page && !tg.given_back);
	KTAP_EXPECT_EQ(t, pte_pfn(pte_of(parent, addr)), pte_pfn(pte_of(child, addr)));
	KTAP_EXPECT(t, pte_pfn(pte_of(parent, addr)) != page_to_pfn(page));
	page = pfn_to_page(pte_pfn(pte_of(parent, addr)));
	KTAP_EXPECT(t, pte_present(pte_of(parent, addr)) && !pte_write(pte_of(parent, addr)) &&
			       !pte_write(pte_of(child, addr)));
	KTAP_EXPECT_EQ(t, page_mapcount(page), 2);
	KTAP_EXPECT_EQ(t, page_count(page), 2);
	KTAP_EXPECT(t, page_anon_vma(page) == pv->anon_vma && page->index == addr >> PAGE_SHIFT);
	KTAP_EXPECT_EQ(t, first_byte(child, addr), 'M');
	KTAP_EXPECT_EQ(t, global_page_state(NR_ANON_PAGES), anon);
	KTAP_EXPECT_EQ(t, get_mm_counter(parent, MM_ANONPAGES), 1);
	KTAP_EXPECT_EQ(t, get_mm_counter(child, MM_ANONPAGES), 1);
	KTAP_EXPECT_EQ(t, vm_event(PGMIGRATE_SUCCESS), moved + 1);
	/* copy-on-write goes on as before: the child copies, the parent reuses */
	KTAP_EXPECT_EQ(t, handle_mm_fault(cv, addr, FAULT_FLAG_WRITE), VM_FAULT_WRITE);
	KTAP_EXPECT(t, pte_pfn(pte_of(child, addr)) != page_to_pfn(page));
	KTAP_EXPECT_EQ(t, handle_mm_fault(pv, addr, FAULT_FLAG_WRITE), VM_FAULT_WRITE);
	KTAP_EXPECT_EQ(t, pte_pfn(pte_of(parent, addr)), page_to_pfn(page));
	KTAP_EXPECT_EQ(t, first_byte(parent, addr), 'M');
	mmput(child);
out:
	if (parent)
		mmput(parent);
	if (tg.page)
		__free_pages(tg.page, 0);
}

/*
 * A page with a reference migration cannot account for (a copy_to_user()
 * under way holds one) stays: its pte comes back as it was, writable, the
 * target page is given back, and the page is left on the list.
 */
static void migrate_leaves_a_page_held_elsewhere(struct ktap_test *t)
{
	unsigned long failed = vm_event(PGMIGRATE_FAIL);
	struct mm_struct *mm = test_mm();
	struct target tg = { .page = alloc_pages(GFP_HIGHUSER_MOVABLE, 0) };
	struct page *page;
	pte_t before;
	LIST_HEAD(pages);

	if (!mm || !tg.page) {
		ktap_fail(t, __FILE__, __LINE__, "no memory for the test");
		goto out;
	}
	KTAP_EXPECT_EQ(t, handle_mm_fault(find_vma(mm, ADDR), ADDR, FAULT_FLAG_WRITE), 0);
	before = pte_of(mm, ADDR);
	compaction_lock();
	page = isolate(t, mm, ADDR, &pages);
	get_page(page); /* the other holder */
	KTAP_EXPECT_EQ(t, migrate_pages(&pages, get_target, put_target, (unsigned long)&tg), 1);
	KTAP_EXPECT(t, tg.page && tg.given_back == 10); /* one try a pass */
	KTAP_EXPECT(t, !list_empty(&pages));
	KTAP_EXPECT_EQ(t, pte_pfn(pte_of(mm, ADDR)), page_to_pfn(page));
	KTAP_EXPECT(t, pte_write(pte_of(mm, ADDR)) && pte_dirty(pte_of(mm, ADDR)));
	KTAP_EXPECT_EQ(t, pte_of(mm, ADDR) & ~(pte_t)L_PTE_YOUNG, before & ~(pte_t)L_PTE_YOUNG);
	KTAP_EXPECT_EQ(t, page_mapcount(page), 1);
	KTAP_EXPECT_EQ(t, page_count(page), 3);
	KTAP_EXPECT_EQ(t, vm_event(PGMIGRATE_FAIL), failed + 1);
	putback_movable_pages(&pages);
	compaction_unlock();
	put_page(page);
	KTAP_EXPECT_EQ(t, page_count(page), 1);
out:
	if (mm)
		mmput(mm);
	if (tg.page)
		__free_pages(tg.page, 0);
}

/*
 * The page lock: while migration has a page locked, _mapcount may count
 * fewer ptes than there are, so do_wp_page() copies a locked page even
 * when it looks mapped once (unlocked, the same page is reused); and
 * migration passes over a page locked by someone else.
 */
static void locked_page_is_copied_not_reused_nor_moved(struct ktap_test *t)
{
	struct mm_struct *mm = test_mm(), *child;
	struct target tg = { .page = alloc_pages(GFP_HIGHUSER_MOVABLE, 0) };
	struct vm_area_struct *vma;
	struct page *page;
	LIST_HEAD(pages);

	if (!mm || !tg.page) {
		ktap_fail(t, __FILE__, __LINE__, "no memory for the test");
		goto out;
	}
	vma = find_vma(mm, ADDR);
	KTAP_EXPECT_EQ(t, handle_mm_fault(vma, ADDR, FAULT_FLAG_WRITE), 0);
	child = fork_vma(t, vma); /* both read-only; the child goes: mapped once, read-only */
	if (!child)
		goto out;
	mmput(child);
	page = pfn_to_page(pte_pfn(pte_of(mm, ADDR)));
	KTAP_EXPECT(t, page_mapcount(page) == 1 && !pte_write(pte_of(mm, ADDR)));
	/* migration passes over a locked page, every pass */
	KTAP_EXPECT(t, trylock_page(page));
	compaction_lock();
	isolate(t, mm, ADDR, &pages);
	KTAP_EXPECT_EQ(t, migrate_pages(&pages, get_target, put_target, (unsigned long)&tg), 1);
	KTAP_EXPECT_EQ(t, pte_pfn(pte_of(mm, ADDR)), page_to_pfn(page));
	putback_movable_pages(&pages);
	compaction_unlock();
	/* a write while it is locked: copied, though mapped once */
	get_page(page); /* so the copy does not free it locked */
	KTAP_EXPECT_EQ(t, handle_mm_fault(vma, ADDR, FAULT_FLAG_WRITE), VM_FAULT_WRITE);
	KTAP_EXPECT(t,
		    pte_write(pte_of(mm, ADDR)) && pte_pfn(pte_of(mm, ADDR)) != page_to_pfn(page));
	KTAP_EXPECT(t, !page_mapped(page));
	unlock_page(page);
	put_page(page);
out:
	if (mm)
		mmput(mm);
	if (tg.page)
		__free_pages(tg.page, 0);
}

/* is the pte a migration entry for @page, writable or not? */
static bool is_entry_for(pte_t pte, struct page *page, bool write)
{
	swp_entry_t entry = pte_to_swp_entry(pte);

	return is_swap_pte(pte) && is_migration_entry(entry) &&
	       migration_entry_to_page(entry) == page && is_write_migration_entry(entry) == write;
}

/*
 * While a page is moving its ptes hold migration entries: fork copies
 * them (both made read entries, as copy-on-write needs), they count in
 * the rss, mprotect makes a write entry a read one, munmap drops them;
 * remove_migration_ptes() turns what is left into ptes again.
 */
static void migration_entries_through_fork_mprotect_munmap(struct ktap_test *t)
{
	unsigned long addr2 = ADDR + 2 * PAGE_SIZE;
	struct mm_struct *parent = test_mm(), *child;
	struct page *page, *page2;
	struct anon_vma *av, *av2;
	struct vm_area_struct *pv;

	if (!parent) {
		ktap_fail(t, __FILE__, __LINE__, "no memory for the test");
		return;
	}
	pv = find_vma(parent, ADDR);
	KTAP_EXPECT_EQ(t, handle_mm_fault(pv, ADDR, FAULT_FLAG_WRITE), 0);
	KTAP_EXPECT_EQ(t, handle_mm_fault(pv, addr2, FAULT_FLAG_WRITE), 0);
	page = pfn_to_page(pte_pfn(pte_of(parent, ADDR)));
	page2 = pfn_to_page(pte_pfn(pte_of(parent, addr2)));
	get_page(page);
	get_page(page2);
	av = page_get_anon_vma(page);
	av2 = page_get_anon_vma(page2);
	KTAP_EXPECT(t, av && av == av2);
	KTAP_EXPECT(t, trylock_page(page) && trylock_page(page2)); /* as migration holds them */
	KTAP_EXPECT(t, try_to_unmap(page, TTU_MIGRATION) && try_to_unmap(page2, TTU_MIGRATION));
	KTAP_EXPECT(t, is_entry_for(pte_of(parent, ADDR), page, true));
	KTAP_EXPECT_EQ(t, page_count(page), 1);
	KTAP_EXPECT_EQ(t, get_mm_counter(parent, MM_ANONPAGES), 2);
	/* mprotect(PROT_READ) of the second page: its entry becomes a read one */
	KTAP_EXPECT_EQ(t,
		       change_protection(pv, addr2, addr2 + PAGE_SIZE,
					 vm_get_page_prot(VM_READ | VM_MAYWRITE)),
		       1);
	KTAP_EXPECT(t, is_entry_for(pte_of(parent, addr2), page2, false));
	child = fork_vma(t, pv);
	if (child) {
		KTAP_EXPECT(t, is_entry_for(pte_of(child, ADDR), page, false));
		KTAP_EXPECT(t, is_entry_for(pte_of(parent, ADDR), page, false));
		KTAP_EXPECT_EQ(t, get_mm_counter(child, MM_ANONPAGES), 2);
		KTAP_EXPECT_EQ(t, page_count(page), 1); /* entries hold no reference */
		/* the child unmaps the first page: its entry goes, and its rss */
		zap_page_range(find_vma(child, ADDR), ADDR, PAGE_SIZE);
		KTAP_EXPECT_EQ(t, pte_of(child, ADDR), 0);
		KTAP_EXPECT_EQ(t, get_mm_counter(child, MM_ANONPAGES), 1);
	}
	remove_migration_ptes(page, page);
	remove_migration_ptes(page2, page2);
	unlock_page(page);
	unlock_page(page2);
	KTAP_EXPECT(t, pte_present(pte_of(parent, ADDR)) && !pte_write(pte_of(parent, ADDR)));
	KTAP_EXPECT_EQ(t, pte_pfn(pte_of(parent, ADDR)), page_to_pfn(page));
	KTAP_EXPECT_EQ(t, page_mapcount(page), 1);
	KTAP_EXPECT_EQ(t, page_mapcount(page2), child ? 2 : 1);
	if (child) {
		KTAP_EXPECT_EQ(t, pte_pfn(pte_of(child, addr2)), page_to_pfn(page2));
		KTAP_EXPECT(t, !pte_write(pte_of(child, addr2)));
		mmput(child);
	}
	put_anon_vma(av);
	put_anon_vma(av2);
	put_page(page);
	put_page(page2);
	KTAP_EXPECT_EQ(t, page_count(page), 1);
	mmput(parent);
}

/*
 * munmap and exit free a VMA's page tables (free_pgtables()) before the
 * VMA: by then it must be off its anon_vma, or a walk -- migration's
 * try_to_unmap() writes ptes -- could meet a page table being freed.
 */
static void rmap_forgets_a_vma_before_its_page_tables(struct ktap_test *t)
{
	unsigned long anon_vmas = nr_anon_vmas();
	struct mm_struct *mm = test_mm();
	struct vm_area_struct *vma;

	if (!mm) {
		ktap_fail(t, __FILE__, __LINE__, "no memory for the test");
		return;
	}
	vma = find_vma(mm, ADDR);
	KTAP_EXPECT_EQ(t, handle_mm_fault(vma, ADDR, FAULT_FLAG_WRITE), 0);
	KTAP_EXPECT(t, vma->anon_vma);
	KTAP_EXPECT_EQ(t, nr_anon_vmas(), anon_vmas + 1);
	unmap_vmas(vma, ADDR, ADDR + PAGES * PAGE_SIZE);
	free_pgtables(vma, 0, TASK_SIZE);
	KTAP_EXPECT(t, !vma->anon_vma);
	KTAP_EXPECT_EQ(t, nr_anon_vmas(), anon_vmas);
	KTAP_EXPECT_EQ(t, pte_of(mm, ADDR), 0);
	mmput(mm);
	KTAP_EXPECT_EQ(t, nr_anon_vmas(), anon_vmas);
}

/*
 * A whole compaction of every zone: afterwards every free list is
 * consistent (no page in use on one, every count right) and the test's
 * pages hold what was written, wherever they are now.
 */
static void compaction_keeps_free_lists_and_bytes(struct ktap_test *t)
{
	struct mm_struct *mm = test_mm();
	struct vm_area_struct *vma;
	struct zone *zone;

	if (!mm) {
		ktap_fail(t, __FILE__, __LINE__, "no memory for the test");
		return;
	}
	vma = find_vma(mm, ADDR);
	for (unsigned long i = 0; i < PAGES; i++) {
		KTAP_EXPECT_EQ(t, handle_mm_fault(vma, ADDR + i * PAGE_SIZE, FAULT_FLAG_WRITE), 0);
		poke(mm, ADDR + i * PAGE_SIZE, (char)('a' + i));
	}
	for_each_populated_zone(zone) {
		struct compact_control cc = { .order = -1 };

		int ret = compact_zone(zone, &cc);

		KTAP_EXPECT(t,
			    ret == COMPACT_COMPLETE || (ret == COMPACT_PARTIAL && cc.nr_unmoved));
		KTAP_EXPECT(t, cc.free_pfn <= cc.migrate_pfn || cc.nr_unmoved);
		KTAP_EXPECT_EQ(t, cc.nr_failed, 0);
		KTAP_EXPECT_EQ(t, cc.nr_freepages, 0);
	}
	KTAP_EXPECT_EQ(t, check_free_lists(ktap_print), 0);
	for (unsigned long i = 0; i < PAGES; i++) {
		struct page *page = pfn_to_page(pte_pfn(pte_of(mm, ADDR + i * PAGE_SIZE)));

		KTAP_EXPECT_EQ(t, first_byte(mm, ADDR + i * PAGE_SIZE), (char)('a' + i));
		KTAP_EXPECT_EQ(t, page_mapcount(page), 1);
		KTAP_EXPECT_EQ(t, page_count(page), 1);
	}
	KTAP_EXPECT_EQ(t, get_mm_counter(mm, MM_ANONPAGES), PAGES);
	mmput(mm);
}

/*
 * Direct compaction: every free block of order 4 and more is taken
 * (GFP_ATOMIC, which may not wait, so does not compact), and what stays
 * free is mostly the holes between a test process's pages -- every other
 * page of 8 MiB unmapped.  An order-4 request that may wait compacts, gets
 * its block, and counts compact_stall and compact_success; the process's
 * pages keep their bytes and the free lists stay consistent.
 */
static void direct_compaction_makes_the_block(struct ktap_test *t)
{
	unsigned long stall = vm_event(COMPACTSTALL), success = vm_event(COMPACTSUCCESS);
	const unsigned long pages = 2048;
	struct mm_struct *mm = test_mm_pages(pages);
	struct page *page, *next, *block;
	struct vm_area_struct *vma;
	LIST_HEAD(hoard);

	if (!mm) {
		ktap_fail(t, __FILE__, __LINE__, "no memory for the test");
		return;
	}
	vma = find_vma(mm, ADDR);
	for (unsigned long i = 0; i < pages; i++) {
		if (handle_mm_fault(vma, ADDR + i * PAGE_SIZE, FAULT_FLAG_WRITE)) {
			ktap_fail(t, __FILE__, __LINE__, "no memory for the test's pages");
			mmput(mm);
			return;
		}
		poke(mm, ADDR + i * PAGE_SIZE, (char)i);
	}
	for (unsigned long i = 1; i < pages; i += 2)
		zap_page_range(vma, ADDR + i * PAGE_SIZE, PAGE_SIZE);
	drain_all_pages();
	for (int order = MAX_ORDER - 1; order >= 4; order--)
		while ((page = alloc_pages(GFP_ATOMIC | __GFP_HIGHMEM | __GFP_NOWARN,
					   (unsigned int)order)))
			list_add(&page->lru, &hoard);
	KTAP_EXPECT_EQ(t, vm_event(COMPACTSTALL), stall);
	block = alloc_pages(GFP_HIGHUSER_MOVABLE | __GFP_NOWARN, 4);
	KTAP_EXPECT(t, block != NULL);
	KTAP_EXPECT_EQ(t, vm_event(COMPACTSTALL), stall + 1);
	KTAP_EXPECT_EQ(t, vm_event(COMPACTSUCCESS), success + 1);
	for (unsigned long i = 0; i < pages; i += 2)
		if (first_byte(mm, ADDR + i * PAGE_SIZE) != (char)i)
			ktap_fail(t, __FILE__, __LINE__, "page %lu lost its byte", i);
	if (block)
		__free_pages(block, 4);
	list_for_each_entry_safe(page, next, &hoard, lru) {
		list_del(&page->lru);
		__free_pages(page, (unsigned int)page->private);
	}
	mmput(mm);
	KTAP_EXPECT_EQ(t, check_free_lists(ktap_print), 0);
}

static const struct ktap_case migrate_cases[] = {
	KTAP_CASE(migrate_moves_a_page_under_both_processes),
	KTAP_CASE(migrate_leaves_a_page_held_elsewhere),
	KTAP_CASE(locked_page_is_copied_not_reused_nor_moved),
	KTAP_CASE(migration_entries_through_fork_mprotect_munmap),
	KTAP_CASE(rmap_forgets_a_vma_before_its_page_tables),
	KTAP_CASE(compaction_keeps_free_lists_and_bytes),
	KTAP_CASE(direct_compaction_makes_the_block),
};
KTAP_SUITE(migrate_suite, "migrate", migrate_cases);
