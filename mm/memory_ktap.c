// SPDX-License-Identifier: GPL-2.0
/*
 * mm/memory_ktap.c: the KTAP suite "mm_fault" -- mm/memory.c's fault paths
 * driven from the inside, on address spaces made for the test (their
 * page tables walked, never run): the first read of anonymous memory
 * maps the zero page read-only, the first write a zeroed page of its
 * own; fork's copy_page_range() shares a page read-only on both sides,
 * the child's write copies it, the parent's then reuses it; mprotect's
 * change_protection() keeps a shared page read-only; munmap and the last
 * mmput() give every page back.  The counters /proc/meminfo and
 * /proc/vmstat show (AnonPages, Mapped, Cached, Shmem, pgfault, pgalloc_*,
 * pgfree) move with them.
 */
#include <a9mm/ktap.h>
#include <a9mm/ktap_mm.h>
#include <linux/errno.h>
#include <linux/gfp.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/mm_types.h>
#include <linux/slab.h>
#include <linux/vmstat.h>
#include <asm/pgalloc.h>
#include <string.h>

static void fault_anonymous_read_then_write(struct ktap_test *t)
{
	struct mm_struct *mm = test_mm();
	struct vm_area_struct *vma;
	pte_t pte;

	if (!mm) {
		ktap_fail(t, __FILE__, __LINE__, "no memory for the test's mm");
		return;
	}
	vma = find_vma(mm, ADDR);
	KTAP_EXPECT(t, vma && vma->vm_start == ADDR);
	KTAP_EXPECT_EQ(t, pte_of(mm, ADDR), 0);
	KTAP_EXPECT_EQ(t, handle_mm_fault(vma, ADDR, 0), 0);
	pte = pte_of(mm, ADDR);
	KTAP_EXPECT(t, pte_present(pte) && is_zero_pfn(pte_pfn(pte)) && !pte_write(pte));
	KTAP_EXPECT_EQ(t, get_mm_rss(mm), 0); /* the zero page is nobody's */
	KTAP_EXPECT_EQ(t, handle_mm_fault(vma, ADDR, FAULT_FLAG_WRITE), VM_FAULT_WRITE);
	pte = pte_of(mm, ADDR);
	KTAP_EXPECT(t, pte_present(pte) && !is_zero_pfn(pte_pfn(pte)) && pte_write(pte) &&
			       pte_dirty(pte));
	KTAP_EXPECT_EQ(t, first_byte(mm, ADDR), 0);
	KTAP_EXPECT_EQ(t, get_mm_counter(mm, MM_ANONPAGES), 1);
	KTAP_EXPECT_EQ(t, page_mapcount(pfn_to_page(pte_pfn(pte))), 1);
	/* a first write with no pte at all: straight to a page of its own */
	KTAP_EXPECT_EQ(t, handle_mm_fault(vma, ADDR + PAGE_SIZE, FAULT_FLAG_WRITE), 0);
	KTAP_EXPECT(t, pte_write(pte_of(mm, ADDR + PAGE_SIZE)));
	KTAP_EXPECT_EQ(t, get_mm_counter(mm, MM_ANONPAGES), 2);
	mmput(mm);
}

static void fault_fork_shares_then_copies_then_reuses(struct ktap_test *t)
{
	struct mm_struct *parent, *child;
	struct vm_area_struct *pv, *cv;
	struct page *page;
	pte_t pte;

	parent = test_mm();
	if (!parent) {
		ktap_fail(t, __FILE__, __LINE__, "no memory for the test's mm");
		return;
	}
	pv = find_vma(parent, ADDR);
	KTAP_EXPECT_EQ(t, handle_mm_fault(pv, ADDR, FAULT_FLAG_WRITE), 0);
	poke(parent, ADDR, 'P');
	page = pfn_to_page(pte_pfn(pte_of(parent, ADDR)));
	child = fork_vma(t, pv);
	if (!child) {
		mmput(parent);
		return;
	}
	cv = find_vma(child, ADDR);
	/* shared, read-only on both sides */
	KTAP_EXPECT_EQ(t, pte_pfn(pte_of(child, ADDR)), page_to_pfn(page));
	KTAP_EXPECT(t, !pte_write(pte_of(parent, ADDR)) && !pte_write(pte_of(child, ADDR)));
	KTAP_EXPECT_EQ(t, page_mapcount(page), 2);
	KTAP_EXPECT_EQ(t, page_count(page), 2);
	/* the child writes: a copy of its own, with the parent's data */
	KTAP_EXPECT_EQ(t, handle_mm_fault(cv, ADDR, FAULT_FLAG_WRITE), VM_FAULT_WRITE);
	pte = pte_of(child, ADDR);
	KTAP_EXPECT(t, pte_pfn(pte) != page_to_pfn(page) && pte_write(pte));
	KTAP_EXPECT_EQ(t, first_byte(child, ADDR), 'P');
	KTAP_EXPECT_EQ(t, page_mapcount(page), 1);
	/* the parent writes: mapped once now, so the same page is reused */
	KTAP_EXPECT_EQ(t, handle_mm_fault(pv, ADDR, FAULT_FLAG_WRITE), VM_FAULT_WRITE);
	KTAP_EXPECT_EQ(t, pte_pfn(pte_of(parent, ADDR)), page_to_pfn(page));
	KTAP_EXPECT(t, pte_write(pte_of(parent, ADDR)));
	mmput(child);
	mmput(parent);
}

static void fault_every_page_comes_back(struct ktap_test *t)
{
	unsigned long before = 0;
	int round;

	/* the first round may fill the slab caches (VMAs, mms); the second must be exact */
	for (round = 0; round < 2; round++) {
		struct mm_struct *mm, *child;
		struct vm_area_struct *vma;
		unsigned long addr;

		if (round)
			before = nr_free_pages_all();
		mm = test_mm();
		if (!mm) {
			ktap_fail(t, __FILE__, __LINE__, "no memory for the test's mm");
			return;
		}
		vma = find_vma(mm, ADDR);
		for (addr = ADDR; addr < ADDR + PAGES * PAGE_SIZE; addr += PAGE_SIZE)
			KTAP_EXPECT(t, !(handle_mm_fault(vma, addr, FAULT_FLAG_WRITE) &
					 VM_FAULT_ERROR));
		child = fork_vma(t, vma);
		if (!child) {
			mmput(mm);
			return;
		}
		KTAP_EXPECT_EQ(t, get_mm_counter(child, MM_ANONPAGES), PAGES);
		/* change_protection(): a shared page stays read-only under rw- */
		change_protection(vma, ADDR, ADDR + PAGES * PAGE_SIZE, vma->vm_page_prot);
		KTAP_EXPECT(t, !pte_write(pte_of(mm, ADDR)));
		KTAP_EXPECT_EQ(t, do_munmap(mm, ADDR + PAGE_SIZE, PAGE_SIZE), 0);
		KTAP_EXPECT_EQ(t, mm->map_count, 2); /* split around the hole */
		KTAP_EXPECT_EQ(t, pte_of(mm, ADDR + PAGE_SIZE), 0);
		KTAP_EXPECT_EQ(t, get_mm_counter(mm, MM_ANONPAGES), PAGES - 1);
		mmput(child);
		mmput(mm);
	}
	KTAP_EXPECT_EQ(t, nr_free_pages_all(), before);
}

/* the sum over the CPUs of one event counter */

static void fault_counts_anon_pages_and_events(struct ktap_test *t)
{
	unsigned long anon = global_page_state(NR_ANON_PAGES), faults = vm_event(PGFAULT);
	struct mm_struct *parent, *child;
	struct vm_area_struct *pv, *cv;

	parent = test_mm();
	if (!parent) {
		ktap_fail(t, __FILE__, __LINE__, "no memory for the test's mm");
		return;
	}
	pv = find_vma(parent, ADDR);
	/* a write: an anonymous page; a read: the zero page, nobody's */
	KTAP_EXPECT_EQ(t, handle_mm_fault(pv, ADDR, FAULT_FLAG_WRITE), 0);
	KTAP_EXPECT_EQ(t, handle_mm_fault(pv, ADDR + PAGE_SIZE, 0), 0);
	KTAP_EXPECT_EQ(t, global_page_state(NR_ANON_PAGES), anon + 1);
	KTAP_EXPECT_EQ(t, vm_event(PGFAULT), faults + 2);
	/* fork maps the same page twice: still one page */
	child = fork_vma(t, pv);
	if (!child) {
		mmput(parent);
		return;
	}
	cv = find_vma(child, ADDR);
	KTAP_EXPECT_EQ(t, global_page_state(NR_ANON_PAGES), anon + 1);
	/* the child's write copies it: two */
	KTAP_EXPECT_EQ(t, handle_mm_fault(cv, ADDR, FAULT_FLAG_WRITE), VM_FAULT_WRITE);
	KTAP_EXPECT_EQ(t, global_page_state(NR_ANON_PAGES), anon + 2);
	KTAP_EXPECT_EQ(t, vm_event(PGFAULT), faults + 3);
	mmput(child);
	KTAP_EXPECT_EQ(t, global_page_state(NR_ANON_PAGES), anon + 1);
	mmput(parent);
	KTAP_EXPECT_EQ(t, global_page_state(NR_ANON_PAGES), anon);
}

/*
 * MAP_SHARED | MAP_ANONYMOUS: the page is shmem's page-cache page --
 * Cached and Shmem while the file lives, Mapped while a pte maps it
 */
static void fault_shmem_counts_cached_shmem_mapped(struct ktap_test *t)
{
	unsigned long shmem = global_page_state(NR_SHMEM), file = global_page_state(NR_FILE_PAGES);
	unsigned long mapped = global_page_state(NR_FILE_MAPPED);
	struct mm_struct *mm = test_mm();
	struct vm_area_struct *vma;

	if (!mm) {
		ktap_fail(t, __FILE__, __LINE__, "no memory for the test's mm");
		return;
	}
	vma = find_vma(mm, ADDR);
	vma->vm_flags |= VM_SHARED | VM_MAYSHARE; /* as mmap_region() makes it */
	vma->vm_page_prot = vm_get_page_prot(vma->vm_flags);
	KTAP_EXPECT_EQ(t, shmem_zero_setup(vma), 0);
	KTAP_EXPECT_EQ(t, handle_mm_fault(vma, ADDR, FAULT_FLAG_WRITE), 0);
	KTAP_EXPECT_EQ(t, global_page_state(NR_SHMEM), shmem + 1);
	KTAP_EXPECT_EQ(t, global_page_state(NR_FILE_PAGES), file + 1);
	KTAP_EXPECT_EQ(t, global_page_state(NR_FILE_MAPPED), mapped + 1);
	KTAP_EXPECT_EQ(t, get_mm_counter(mm, MM_SHMEMPAGES), 1);
	mmput(mm); /* the last mapping of the unnamed file: its pages go with it */
	KTAP_EXPECT_EQ(t, global_page_state(NR_SHMEM), shmem);
	KTAP_EXPECT_EQ(t, global_page_state(NR_FILE_PAGES), file);
	KTAP_EXPECT_EQ(t, global_page_state(NR_FILE_MAPPED), mapped);
}

/* pgalloc_* and pgfree count pages, on the CPU that did it */
static void fault_pgalloc_pgfree_count_pages(struct ktap_test *t)
{
	const struct vm_event_state *ev;
	unsigned long flags, alloc, freed;
	struct page *page;
	int zone_event;

	local_irq_save(flags); /* this CPU's counters, nobody else's */
	ev = this_cpu_ptr(&vm_event_states);
	page = alloc_pages(GFP_ATOMIC, 3);
	if (!page) {
		local_irq_restore(flags);
		ktap_fail(t, __FILE__, __LINE__, "no order-3 block");
		return;
	}
	zone_event = PGALLOC_NORMAL + zone_idx(page_zone(page));
	alloc = ev->event[zone_event];
	freed = ev->event[PGFREE];
	__free_pages(page, 3);
	page = alloc_pages(GFP_ATOMIC, 3);
	freed = ev->event[PGFREE] - freed;
	alloc = ev->event[zone_event] - alloc;
	local_irq_restore(flags);
	KTAP_EXPECT(t, page != NULL);
	KTAP_EXPECT_EQ(t, freed, 8);
	KTAP_EXPECT_EQ(t, alloc, 8);
	if (page)
		__free_pages(page, 3);
}

/* what rmap_walk_anon() met: each VMA's mm and where the page would be there */
struct rmap_met {
	unsigned int n;
	struct mm_struct *mm[4];
	unsigned long address[4];
};

static int rmap_note(struct vm_area_struct *vma, unsigned long address, void *arg)
{
	struct rmap_met *met = arg;

	if (met->n < ARRAY_SIZE(met->mm)) {
		met->mm[met->n] = vma->vm_mm;
		met->address[met->n] = address;
	}
	met->n++;
	return 0;
}

/* does the walk of @page meet @mm at @addr, and does that pte map @page? */
static bool rmap_maps(const struct rmap_met *met, struct page *page, struct mm_struct *mm,
		      unsigned long addr)
{
	for (unsigned int i = 0; i < met->n && i < ARRAY_SIZE(met->mm); i++)
		if (met->mm[i] == mm && met->address[i] == addr)
			return page_check_address(page, mm, addr) != NULL;
	return false;
}

/*
 * The reverse map: a page's anon_vma and index lead to every VMA that may
 * map it -- the parent's and fork's copy -- and their ptes; after the
 * child's copy-on-write each page is found mapped by one side only; a
 * split VMA that no longer covers the index is passed over; the last VMA
 * to go frees the anon_vma.  (Nothing else may fork or exit meanwhile:
 * the anon_vma count is global.)
 */
static void rmap_finds_both_sides_of_fork(struct ktap_test *t)
{
	unsigned long anon_vmas = nr_anon_vmas(), addr = ADDR + PAGE_SIZE;
	struct mm_struct *parent = test_mm(), *child;
	struct vm_area_struct *pv, *cv;
	struct rmap_met met = { 0 };
	struct page *page, *copy;

	if (!parent) {
		ktap_fail(t, __FILE__, __LINE__, "no memory for the test's mm");
		return;
	}
	pv = find_vma(parent, ADDR);
	KTAP_EXPECT(t, !pv->anon_vma);
	KTAP_EXPECT_EQ(t, handle_mm_fault(pv, addr, FAULT_FLAG_WRITE), 0);
	page = pfn_to_page(pte_pfn(pte_of(parent, addr)));
	KTAP_EXPECT(t, pv->anon_vma && page_anon_vma(page) == pv->anon_vma);
	KTAP_EXPECT_EQ(t, page->index, addr >> PAGE_SHIFT);
	KTAP_EXPECT_EQ(t, nr_anon_vmas(), anon_vmas + 1);
	child = fork_vma(t, pv);
	if (!child) {
		mmput(parent);
		return;
	}
	cv = find_vma(child, ADDR);
	KTAP_EXPECT(t, cv->anon_vma == pv->anon_vma);
	KTAP_EXPECT_EQ(t, rmap_walk_anon(page, rmap_note, &met), 0);
	KTAP_EXPECT_EQ(t, met.n, 2);
	KTAP_EXPECT(t, rmap_maps(&met, page, parent, addr) && rmap_maps(&met, page, child, addr));
	/* the child's write: its own page, in the same anon_vma, at the same index */
	KTAP_EXPECT_EQ(t, handle_mm_fault(cv, addr, FAULT_FLAG_WRITE), VM_FAULT_WRITE);
	copy = pfn_to_page(pte_pfn(pte_of(child, addr)));
	KTAP_EXPECT(t, copy != page && page_anon_vma(copy) == pv->anon_vma);
	KTAP_EXPECT_EQ(t, copy->index, page->index);
	met.n = 0;
	KTAP_EXPECT_EQ(t, rmap_walk_anon(page, rmap_note, &met), 0);
	KTAP_EXPECT(t, met.n == 2 && rmap_maps(&met, page, parent, addr) &&
			       !rmap_maps(&met, page, child, addr));
	met.n = 0;
	KTAP_EXPECT_EQ(t, rmap_walk_anon(copy, rmap_note, &met), 0);
	KTAP_EXPECT(t, met.n == 2 && rmap_maps(&met, copy, child, addr) &&
			       !rmap_maps(&met, copy, parent, addr));
	/* the parent's VMA split by a hole above the page: its upper piece is passed over */
	KTAP_EXPECT_EQ(t, do_munmap(parent, ADDR + 2 * PAGE_SIZE, PAGE_SIZE), 0);
	KTAP_EXPECT_EQ(t, parent->map_count, 2);
	KTAP_EXPECT(t, find_vma(parent, ADDR + 3 * PAGE_SIZE)->anon_vma == pv->anon_vma);
	met.n = 0;
	KTAP_EXPECT_EQ(t, rmap_walk_anon(page, rmap_note, &met), 0);
	KTAP_EXPECT(t, met.n == 2 && rmap_maps(&met, page, parent, addr));
	mmput(child);
	KTAP_EXPECT_EQ(t, nr_anon_vmas(), anon_vmas + 1); /* the parent's two pieces keep it */
	mmput(parent);
	KTAP_EXPECT_EQ(t, nr_anon_vmas(), anon_vmas);
}

/*
 * A page no pte maps is not walked -- its anon_vma may be gone -- even
 * while its VMA still covers it (MADV_DONTNEED's zap) and after its last
 * VMA freed the anon_vma its ->mapping still names; nor is a kernel page.
 */
static void rmap_skips_unmapped_pages(struct ktap_test *t)
{
	struct mm_struct *mm = test_mm();
	struct page *page, *kpage = alloc_pages(GFP_KERNEL, 0);
	struct vm_area_struct *vma;
	struct rmap_met met = { 0 };

	if (!mm || !kpage) {
		ktap_fail(t, __FILE__, __LINE__, "no memory for the test");
		if (mm)
			mmput(mm);
		if (kpage)
			__free_pages(kpage, 0);
		return;
	}
	KTAP_EXPECT_EQ(t, rmap_walk_anon(kpage, rmap_note, &met), -ENOENT);
	__free_pages(kpage, 0);
	vma = find_vma(mm, ADDR);
	KTAP_EXPECT_EQ(t, handle_mm_fault(vma, ADDR, FAULT_FLAG_WRITE), 0);
	page = pfn_to_page(pte_pfn(pte_of(mm, ADDR)));
	get_page(page); /* ours: it outlives its mapping */
	KTAP_EXPECT_EQ(t, rmap_walk_anon(page, rmap_note, &met), 0);
	KTAP_EXPECT_EQ(t, met.n, 1);
	zap_page_range(vma, ADDR, PAGE_SIZE);
	KTAP_EXPECT(t, PageAnon(page) && !page_mapped(page));
	met.n = 0;
	KTAP_EXPECT_EQ(t, rmap_walk_anon(page, rmap_note, &met), -ENOENT);
	KTAP_EXPECT_EQ(t, rmap_walk_anon_unreferenced(page, rmap_note, &met), -ENOENT);
	KTAP_EXPECT_EQ(t, met.n, 0);
	mmput(mm); /* the anon_vma goes; page->mapping still names it */
	KTAP_EXPECT_EQ(t, rmap_walk_anon_unreferenced(page, rmap_note, &met), -ENOENT);
	KTAP_EXPECT_EQ(t, met.n, 0);
	put_page(page);
}

static const struct ktap_case fault_cases[] = {
	KTAP_CASE(fault_anonymous_read_then_write),
	KTAP_CASE(fault_fork_shares_then_copies_then_reuses),
	KTAP_CASE(fault_every_page_comes_back),
	KTAP_CASE(fault_counts_anon_pages_and_events),
	KTAP_CASE(fault_shmem_counts_cached_shmem_mapped),
	KTAP_CASE(fault_pgalloc_pgfree_count_pages),
	KTAP_CASE(rmap_finds_both_sides_of_fork),
	KTAP_CASE(rmap_skips_unmapped_pages),
};
KTAP_SUITE(mm_fault_suite, "mm_fault", fault_cases);
