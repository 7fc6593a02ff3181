// SPDX-License-Identifier: GPL-2.0
/*
 * mm/swap.c @ v3.14: the LRU lists -- a page onto them, off them with its
 * last reference.
 *
 * Every anonymous page a process gets is put on its zone's active list
 * (lru_cache_add_active_or_unevictable()); reclaim (mm/vmscan.c) ages
 * pages to the inactive list and swaps out from its tail.  A page is
 * taken off a list by its last put_page() (__page_cache_release()) or
 * isolated by reclaim or compaction, which hold it meanwhile and put it
 * back (putback_lru_page()).  Linux gathers the pages to add in a per-CPU
 * pagevec and takes lru_lock once per 14; a9mm takes it per page.
 *
 * lru_lock guards a zone's lists, PG_lru and NR_*_ANON, with interrupts
 * off as in Linux 3.x.  It may be taken under a page_table_lock (a last
 * reference dropped by zap_pte_range()), never the other way round.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/page-flags.h>
#include <linux/spinlock.h>
#include <linux/swap.h>
#include <linux/vmstat.h>

/*
 * include/linux/mm_inline.h: page_lru() @ v3.14: anonymous or file
 * (page_is_file_cache()), active or not
 */
static enum lru_list page_lru(const struct page *page)
{
	enum lru_list lru = page_is_file_cache(page) ? LRU_INACTIVE_FILE : LRU_INACTIVE_ANON;

	return PageActive(page) ? lru + 1 : lru;
}

/*
 * include/linux/mm_inline.h: add_page_to_lru_list() @ v3.14: a page onto
 * the head of the list page_lru() names (PG_active), lru_lock held
 */
static void add_page_to_lru_list(struct page *page, struct zone *zone)
{
	enum lru_list lru = page_lru(page);

	list_add(&page->lru, &zone->lruvec.lists[lru]);
	mod_zone_page_state(zone, (enum zone_stat_item)(NR_LRU_BASE + lru), 1);
}

/**
 * del_page_from_lru_list() - a page off its list, lru_lock held
 * @page: the page, on the list page_lru() names
 * @zone: its zone
 *
 * include/linux/mm_inline.h: del_page_from_lru_list() @ v3.14.
 */
void del_page_from_lru_list(struct page *page, struct zone *zone)
{
	list_del(&page->lru);
	mod_zone_page_state(zone, (enum zone_stat_item)(NR_LRU_BASE + page_lru(page)), -1);
}

/**
 * lru_cache_add() - a page the caller holds onto its zone's LRU list
 * @page: the page, on no list
 *
 * mm/swap.c: lru_cache_add() -> __pagevec_lru_add_fn() @ v3.14, without
 * the pagevec.
 */
void lru_cache_add(struct page *page)
{
	struct zone *zone = page_zone(page);
	unsigned long flags;

	spin_lock_irqsave(&zone->lru_lock, flags);
	SetPageLRU(page);
	add_page_to_lru_list(page, zone);
	spin_unlock_irqrestore(&zone->lru_lock, flags);
}

/*
 * mm/swap.c: activate_page() @ v3.14 (without the pagevec): an inactive
 * page on a list moves to the active one
 */
static void activate_page(struct page *page)
{
	struct zone *zone = page_zone(page);
	unsigned long flags;

	spin_lock_irqsave(&zone->lru_lock, flags);
	if (PageLRU(page) && !PageActive(page)) {
		del_page_from_lru_list(page, zone);
		SetPageActive(page);
		add_page_to_lru_list(page, zone);
		count_vm_event(PGACTIVATE);
	}
	spin_unlock_irqrestore(&zone->lru_lock, flags);
}

/**
 * mark_page_accessed() - a page-cache page was read or written again
 * @page: the page, referenced by the caller
 *
 * mm/swap.c: mark_page_accessed() @ v3.14: the first touch marks it
 * PG_referenced; a second while it is inactive moves it to the active
 * list -- so a page read once, as a long sequential read reads, stays
 * on the inactive list and is the first dropped.
 */
void mark_page_accessed(struct page *page)
{
	if (!PageActive(page) && PageReferenced(page) && PageLRU(page)) {
		activate_page(page);
		ClearPageReferenced(page);
	} else if (!PageReferenced(page)) {
		SetPageReferenced(page);
	}
}

/**
 * lru_cache_add_active_or_unevictable() - a process's new anonymous page onto the active list
 * @page: the page, just mapped
 * @vma: its VMA (Linux puts an mlock()ed VMA's pages on LRU_UNEVICTABLE; a9mm has no mlock)
 *
 * mm/swap.c: lru_cache_add_active_or_unevictable() @ v3.14: a page just
 * touched starts active; reclaim ages it to the inactive list first.
 */
void lru_cache_add_active_or_unevictable(struct page *page, struct vm_area_struct *vma)
{
	(void)vma;
	SetPageActive(page);
	lru_cache_add(page);
}

/*
 * mm/swap.c: __page_cache_release() @ v3.14 + include/linux/mm_inline.h:
 * page_off_lru(): a page whose last reference went leaves its list.  Its
 * count is 0, so no scanner can isolate it meanwhile (they take a
 * reference first, get_page_unless_zero(), under lru_lock).
 */
static void __page_cache_release(struct page *page)
{
	struct zone *zone = page_zone(page);
	unsigned long flags;

	spin_lock_irqsave(&zone->lru_lock, flags);
	ClearPageLRU(page);
	del_page_from_lru_list(page, zone);
	ClearPageActive(page);
	spin_unlock_irqrestore(&zone->lru_lock, flags);
}

/**
 * put_page() - drop a reference to a page, freeing it with the last
 * @page: the page
 *
 * mm/swap.c: put_page() -> __put_single_page() @ v3.14: off the LRU list,
 * and an anonymous page forgets its ->mapping first, as
 * free_pages_check() wants; a page-cache page never reaches zero here
 * (its file holds a reference).
 */
void put_page(struct page *page)
{
	if (__atomic_sub_fetch(&page->_count, 1, __ATOMIC_ACQ_REL) == 0) {
		if (PageLRU(page))
			__page_cache_release(page);
		if (PageAnon(page))
			page->mapping = NULL;
		page->_count = 1; /* __free_pages() drops the last reference itself */
		__free_pages(page, 0);
	}
}
