// SPDX-License-Identifier: GPL-2.0
/*
 * mm/vmscan.c @ v3.14: page reclaim -- anonymous pages out to swap when
 * free memory runs short, the least recently used first.
 *
 *   active list ---shrink_active_list()---> inactive list ---> swap
 *   (new pages)    young bits cleared,      shrink_inactive_list():
 *                  moved over while the     young again -> back to active;
 *                  inactive list is short   else add_to_swap(), try_to_unmap(),
 *                                           pageout(), __remove_mapping(): free
 *
 * Two callers: kswapd, woken when an allocation finds a zone below its
 * low watermark, reclaims in the background until every zone is above
 * its high one (balance_pgdat()); and an allocation that still finds
 * nothing at the min watermark reclaims itself (direct reclaim,
 * try_to_free_pages()) before it gives up and the OOM killer is asked.
 * Each pass looks at a share of the lists that doubles as the priority
 * drops from DEF_PRIORITY (1/4096 of them) to 0 (all).
 *
 * What a9mm reclaims: anonymous pages, to a swap area (mm/swapon.c), and
 * a block device's page cache (the file lists: pages read through
 * /dev/mmcblk0, mm/filemap.c), which is dropped -- its bytes are on the
 * device, and a9mm writes through, so no page is dirty.  get_scan_count()
 * chooses between them as Linux 3.14's does.  The rootfs is ramfs, which
 * has no backing store (Linux keeps its pages on LRU_UNEVICTABLE, a9mm on
 * no list).
 */
#include <linux/compaction.h>
#include <linux/err.h>
#include <linux/fs.h>
#include <linux/gfp.h>
#include <linux/irqflags.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/page-flags.h>
#include <linux/preempt.h>
#include <linux/rmap.h>
#include <linux/sched.h>
#include <linux/swap.h>
#include <linux/vmstat.h>
#include <linux/wait.h>

#define DEF_PRIORITY 12 /* include/linux/mmzone.h: a share of 1 / 2^12 of a list first */

/* mm/vmscan.c: struct scan_control @ v3.14, the fields a9mm uses */
struct scan_control {
	unsigned long nr_to_reclaim; /* stop once this many are freed */
	unsigned long nr_reclaimed;  /* pages freed so far */
	int priority;		     /* the share of each list a pass looks at: size >> priority */
	bool kswapd;		     /* current_is_kswapd(): which vmstat events count */
	bool ignore_references;	     /* v5.4: reclaim_pages() -- out, touched or not */
};

/* kswapd0's: Linux's pgdat->kswapd_wait, pgdat->kswapd (a9mm has one node) */
static DECLARE_WAIT_QUEUE_HEAD(kswapd_wait);
static struct task_struct *kswapd_task;
static bool kswapd_woken; /* wakeup_kswapd() since it last looked */
static unsigned int
	kswapd_order; /* the largest order that woke it meanwhile (pgdat->kswapd_order) */

/**
 * __isolate_lru_page() - take a page off its LRU list, with a reference
 * @page: the page, its zone's lru_lock held
 *
 * mm/vmscan.c: __isolate_lru_page() @ v3.14 + del_page_from_lru_list():
 * a page whose count is 0 is being freed (its put_page() takes it off the
 * list): it stays.
 *
 * Return: 0, or -EINVAL (not on a list), -EBUSY (being freed).
 */
int __isolate_lru_page(struct page *page)
{
	if (!PageLRU(page))
		return -EINVAL;
	if (!get_page_unless_zero(page))
		return -EBUSY;
	ClearPageLRU(page);
	del_page_from_lru_list(page, page_zone(page));
	return 0;
}

/**
 * isolate_lru_page() - take a page the caller holds off its LRU list
 * @page: the page
 *
 * mm/vmscan.c: isolate_lru_page() @ v3.14.
 *
 * Return: 0 (one more reference taken: putback_lru_page() returns it),
 * or -EBUSY when it is not on a list.
 */
int isolate_lru_page(struct page *page)
{
	struct zone *zone = page_zone(page);
	unsigned long flags;
	int ret;

	spin_lock_irqsave(&zone->lru_lock, flags);
	ret = __isolate_lru_page(page) ? -EBUSY : 0;
	spin_unlock_irqrestore(&zone->lru_lock, flags);
	return ret;
}

/**
 * putback_lru_page() - an isolated page back onto its list, isolation's reference dropped
 * @page: the page (PG_active says which list)
 *
 * mm/vmscan.c: putback_lru_page() @ v3.14.  If the reference was the
 * last (the process exited meanwhile), the page goes on and off the list
 * and is freed.
 */
void putback_lru_page(struct page *page)
{
	lru_cache_add(page);
	put_page(page);
}

/*
 * mm/vmscan.c: isolate_lru_pages() @ v3.14: up to @nr_to_scan pages from
 * the tail of @lru (the oldest) onto @dst; one being freed goes to the
 * head, out of the way.  lru_lock held.  Return: pages taken; *scanned
 * how many were looked at.
 */
static unsigned long isolate_lru_pages(unsigned long nr_to_scan, struct zone *zone,
				       struct list_head *dst, unsigned long *scanned,
				       enum lru_list lru)
{
	struct list_head *src = &zone->lruvec.lists[lru];
	unsigned long scan, nr_taken = 0;

	for (scan = 0; scan < nr_to_scan && !list_empty(src); scan++) {
		struct page *page = list_last_entry(src, struct page, lru);

		if (__isolate_lru_page(page)) {
			list_move(&page->lru, src);
			continue;
		}
		list_add(&page->lru, dst);
		nr_taken++;
	}
	*scanned = scan;
	return nr_taken;
}

/*
 * mm/vmscan.c: shrink_page_list() @ v3.14: each isolated page is tried in
 * turn.  An anonymous one referenced since it was deactivated goes back
 * to the active list; else a slot (add_to_swap()), its ptes swap entries
 * (try_to_unmap()), its bytes written (pageout()), out of the swap cache
 * (__remove_mapping()) and freed.  A page-cache page (a block device's:
 * never dirty) that no process maps is clean and unmapped, which Linux's
 * page_check_references() reclaims whether referenced or not
 * (PAGEREF_RECLAIM_CLEAN): it leaves the cache (__remove_mapping()) and
 * is freed.  One a process maps goes back to the active list: Linux would
 * unmap it through its file's i_mmap tree, which a9mm does not have
 * (try_to_unmap()'s SWAP_FAIL).  A page another holds, or locked
 * already, stays on the list for the caller to put back.
 * Return: pages freed.
 */
static unsigned long shrink_page_list(struct list_head *page_list, struct scan_control *sc)
{
	unsigned long nr_reclaimed = 0;
	LIST_HEAD(ret_pages);

	while (!list_empty(page_list)) {
		struct page *page = list_first_entry(page_list, struct page, lru);

		list_del(&page->lru);
		if (!trylock_page(page))
			goto keep;
		if (page_is_file_cache(page)) {
			if (page_mapped(page)) /* no i_mmap walk to unmap it */
				goto activate_locked;
			if (!remove_mapping(page->mapping, page)) /* PAGEREF_RECLAIM_CLEAN */
				goto keep_locked;
			goto free_it;
		}
		if (!sc->ignore_references && page_referenced(page)) /* PAGEREF_ACTIVATE */
			goto activate_locked;
		if (!PageSwapCache(page) && !add_to_swap(page))
			goto activate_locked; /* swap is full */
		if (page_mapped(page) &&
		    !try_to_unmap(page, sc->ignore_references ? TTU_IGNORE_ACCESS : TTU_UNMAP))
			goto activate_locked;
		/*
		 * pageout(): only a page nobody else holds is written -- Linux's
		 * is_page_cache_freeable(), the cache's reference and ours.  A
		 * third may be copy_user()'s (follow_page()), about to write
		 * through the linear map: written now and marked clean, its bytes
		 * would be lost when the next pass frees the page unwritten.
		 */
		if (PageDirty(page) && (page_count(page) != 2 || swap_writepage(page)))
			goto keep_locked;
		if (!__remove_mapping(page))
			goto keep_locked;
	free_it:
		unlock_page(page);
		put_page(page); /* isolation's, the last: freed */
		nr_reclaimed++;
		continue;
	activate_locked:
		/* vm_swap_full(): an active page keeps no slot it need not */
		try_to_free_swap(page);
		SetPageActive(page);
		count_vm_event(PGACTIVATE);
	keep_locked:
		unlock_page(page);
	keep:
		list_add(&page->lru, &ret_pages);
	}
	list_replace_init(&ret_pages, page_list); /* page_list is empty */
	return nr_reclaimed;
}

/* mm/vmscan.c: putback_inactive_pages() @ v3.14: each onto the list PG_active names */
static void putback_inactive_pages(struct list_head *page_list)
{
	while (!list_empty(page_list)) {
		struct page *page = list_first_entry(page_list, struct page, lru);

		list_del(&page->lru);
		putback_lru_page(page);
	}
}

/**
 * reclaim_pages() - swap out a list of isolated pages, whether used lately or not
 * @page_list: the pages, isolated from their LRU lists (MADV_PAGEOUT's)
 *
 * mm/vmscan.c: reclaim_pages() @ v5.4: shrink_page_list() without the
 * reference check; what cannot go (no slot, held elsewhere) is put back
 * on the inactive list.
 *
 * Return: pages freed.
 */
unsigned long reclaim_pages(struct list_head *page_list)
{
	struct scan_control sc = { .nr_to_reclaim = ~0UL, .ignore_references = true };
	unsigned long nr_reclaimed;
	struct page *page;

	list_for_each_entry(page, page_list, lru)
		ClearPageActive(page);
	nr_reclaimed = shrink_page_list(page_list, &sc);
	putback_inactive_pages(page_list);
	return nr_reclaimed;
}

/*
 * mm/vmscan.c: shrink_inactive_list() @ v3.14: up to @nr_to_scan pages
 * off the inactive list's tail, through shrink_page_list(), the rest put
 * back.  Return: pages freed.
 */
static unsigned long shrink_inactive_list(unsigned long nr_to_scan, struct zone *zone,
					  struct scan_control *sc, enum lru_list lru)
{
	unsigned long nr_scanned, nr_taken, nr_reclaimed, flags;
	LIST_HEAD(page_list);

	spin_lock_irqsave(&zone->lru_lock, flags);
	nr_taken = isolate_lru_pages(nr_to_scan, zone, &page_list, &nr_scanned, lru);
	spin_unlock_irqrestore(&zone->lru_lock, flags);
	count_vm_events(sc->kswapd ? PGSCAN_KSWAPD : PGSCAN_DIRECT, (long)nr_scanned);
	if (!nr_taken)
		return 0;
	nr_reclaimed = shrink_page_list(&page_list, sc);
	count_vm_events(sc->kswapd ? PGSTEAL_KSWAPD : PGSTEAL_DIRECT, (long)nr_reclaimed);
	putback_inactive_pages(&page_list);
	return nr_reclaimed;
}

/*
 * mm/vmscan.c: shrink_active_list() @ v3.14: up to @nr_to_scan pages off
 * the active list's (@lru's) tail to the inactive list.  Their young bits
 * are cleared on the way (page_referenced()): whatever touches them from
 * now on is seen when the inactive list's tail is reached.  Linux moves
 * an anonymous page over whether it was referenced or not ("anon pages
 * are deactivated regardless"): only the inactive list's second look
 * counts.  A page-cache page has no ptes a9mm can look at (no i_mmap
 * walk; Linux keeps only a mapped executable one active): it moves over
 * too, and must be read twice again to come back (mark_page_accessed()),
 * or be found mapped by shrink_page_list().
 */
static void shrink_active_list(unsigned long nr_to_scan, struct zone *zone, enum lru_list lru)
{
	unsigned long nr_scanned, nr_taken, flags;
	LIST_HEAD(l_hold);

	spin_lock_irqsave(&zone->lru_lock, flags);
	nr_taken = isolate_lru_pages(nr_to_scan, zone, &l_hold, &nr_scanned, lru);
	spin_unlock_irqrestore(&zone->lru_lock, flags);
	while (!list_empty(&l_hold)) {
		struct page *page = list_first_entry(&l_hold, struct page, lru);

		list_del(&page->lru);
		if (!page_is_file_cache(page))
			page_referenced(page);
		ClearPageActive(page);
		putback_lru_page(page);
	}
	count_vm_events(PGDEACTIVATE, (long)nr_taken);
}

/*
 * mm/vmscan.c: inactive_anon_is_low() @ v3.14: the inactive list is
 * shorter than the active one divided by the zone's inactive_ratio
 * (calculate_zone_inactive_ratio(): 1 below 1 GiB, the square root of
 * ten times its GiB above)
 */
static bool inactive_anon_is_low(struct zone *zone)
{
	unsigned long gb = zone->managed_pages >> (30 - PAGE_SHIFT), ratio = 1;

	while (gb && (ratio + 1) * (ratio + 1) <= 10 * gb) /* int_sqrt(10 * gb) */
		ratio++;
	return (unsigned long)zone_page_state(zone, NR_INACTIVE_ANON) * ratio <
	       (unsigned long)zone_page_state(zone, NR_ACTIVE_ANON);
}

/* get_scan_count(): a list's share at this priority, at least a cluster of what it has */
static unsigned long scan_share(struct zone *zone, enum zone_stat_item item, int priority)
{
	unsigned long size = (unsigned long)zone_page_state(zone, item);

	return max(size >> priority, min(size, SWAP_CLUSTER_MAX));
}

/* mm/vmscan.c: inactive_file_is_low() @ v3.14: fewer inactive than active page-cache pages */
static bool inactive_file_is_low(struct zone *zone)
{
	return zone_page_state(zone, NR_INACTIVE_FILE) < zone_page_state(zone, NR_ACTIVE_FILE);
}

#define SWAPPINESS 60 /* Linux's vm_swappiness default: anon's weight, 200 - it the file's */

/*
 * mm/vmscan.c: get_scan_count() @ v3.14: how much of each list this pass
 * looks at, in Linux's order of rules --
 *   no free swap slot                            the file lists only
 *   free + page cache at or under the high mark  the anonymous lists only
 *                                                (the cache is nearly gone)
 *   inactive page cache not shorter than active  the file lists only
 *                                                (there is old cache to drop)
 *   else                                         both, anon : file as
 *                                                swappiness : 200 - swappiness
 * Linux also weighs each side by how many of its scanned pages were
 * rotated back lately (reclaim_stat); a9mm keeps no such history.
 */
static void get_scan_count(struct zone *zone, struct scan_control *sc, unsigned long *nr)
{
	unsigned long file = (unsigned long)(zone_page_state(zone, NR_ACTIVE_FILE) +
					     zone_page_state(zone, NR_INACTIVE_FILE));
	unsigned long free = (unsigned long)zone_page_state(zone, NR_FREE_PAGES);
	unsigned long ap = SWAPPINESS, fp = 200 - SWAPPINESS;

	if (get_nr_swap_pages() <= 0)
		ap = 0;
	else if (file + free <= high_wmark_pages(zone))
		fp = 0;
	else if (!inactive_file_is_low(zone) &&
		 zone_page_state(zone, NR_INACTIVE_FILE) >> sc->priority)
		ap = 0;
	for (int lru = 0; lru < NR_LRU_LISTS; lru++) {
		unsigned long frac = lru < LRU_INACTIVE_FILE ? ap : fp;
		unsigned long share =
			scan_share(zone, (enum zone_stat_item)(NR_LRU_BASE + lru), sc->priority);

		/* one side alone: all of its share; both: each its part, at least one page */
		nr[lru] = !frac || !share ? 0 : !ap || !fp ? share : max(share * frac / 200, 1UL);
	}
}

/*
 * mm/vmscan.c: shrink_zone() -> shrink_lruvec() @ v3.14: the lists
 * get_scan_count() chose -- each active list aged while its inactive
 * one is short, then the inactive lists' shares in clusters of
 * SWAP_CLUSTER_MAX, taken in turn, until enough is freed.
 */
static void shrink_zone(struct zone *zone, struct scan_control *sc)
{
	unsigned long nr[NR_LRU_LISTS];

	get_scan_count(zone, sc, nr);
	if (nr[LRU_INACTIVE_ANON] + nr[LRU_ACTIVE_ANON] && inactive_anon_is_low(zone))
		shrink_active_list(nr[LRU_ACTIVE_ANON], zone, LRU_ACTIVE_ANON);
	if (nr[LRU_INACTIVE_FILE] + nr[LRU_ACTIVE_FILE] && inactive_file_is_low(zone))
		shrink_active_list(nr[LRU_ACTIVE_FILE], zone, LRU_ACTIVE_FILE);
	while ((nr[LRU_INACTIVE_ANON] || nr[LRU_INACTIVE_FILE]) &&
	       sc->nr_reclaimed < sc->nr_to_reclaim) {
		for (enum lru_list lru = LRU_INACTIVE_ANON; lru < NR_LRU_LISTS; lru += 2) {
			unsigned long nr_to_scan = min(nr[lru], SWAP_CLUSTER_MAX);

			if (!nr_to_scan)
				continue;
			nr[lru] -= nr_to_scan;
			sc->nr_reclaimed += shrink_inactive_list(nr_to_scan, zone, sc, lru);
		}
	}
}

/*
 * mm/vmscan.c: do_try_to_free_pages() @ v3.14: every zone up to
 * @high_zoneidx, priority by priority, until enough is freed
 */
static unsigned long do_try_to_free_pages(int high_zoneidx, struct scan_control *sc)
{
	for (sc->priority = DEF_PRIORITY; sc->priority >= 0; sc->priority--) {
		for (int i = high_zoneidx; i >= 0; i--) {
			struct zone *zone = &NODE_DATA(0)->node_zones[i];

			if (populated_zone(zone))
				shrink_zone(zone, sc);
		}
		if (sc->nr_reclaimed >= sc->nr_to_reclaim)
			break;
	}
	return sc->nr_reclaimed;
}

/**
 * try_to_free_pages() - direct reclaim: an allocating task frees pages itself
 * @gfp_mask: the allocation's flags (it may wait: __GFP_WAIT)
 * @order: its order
 * @high_zoneidx: the highest zone it may use (the lower ones are reclaimed too)
 *
 * mm/vmscan.c: try_to_free_pages() @ v3.14: SWAP_CLUSTER_MAX pages, the
 * task marked PF_MEMALLOC meanwhile (what reclaim does must not reclaim
 * again); allocstall counts it.  Process context only: reclaim waits for
 * page locks and I/O -- a caller in atomic context, or reclaim's own
 * allocation, gets 0.
 *
 * Return: pages freed.
 */
unsigned long try_to_free_pages(gfp_t gfp_mask, unsigned int order, int high_zoneidx)
{
	struct scan_control sc = { .nr_to_reclaim = SWAP_CLUSTER_MAX };
	unsigned long nr;

	(void)order;
	/*
	 * Linux trusts __GFP_WAIT; a9mm also checks that the caller can
	 * sleep, so a GFP_KERNEL allocation under a spinlock fails instead
	 * of sleeping there (as try_to_compact_pages() does)
	 */
	if (!(gfp_mask & __GFP_WAIT) || (current->flags & PF_MEMALLOC) || in_atomic() ||
	    irqs_disabled())
		return 0;
	count_vm_event(ALLOCSTALL);
	current->flags |= PF_MEMALLOC;
	nr = do_try_to_free_pages(high_zoneidx, &sc);
	current->flags &= ~PF_MEMALLOC;
	return nr;
}

/**
 * shrink_all_memory() - reclaim up to a number of pages now (the shell's `reclaim`)
 * @nr_to_reclaim: how many
 *
 * mm/vmscan.c: shrink_all_memory() @ v3.14 (hibernation's): every zone,
 * every priority, as kswapd would, counted as direct reclaim.
 *
 * Return: pages freed.
 */
unsigned long shrink_all_memory(unsigned long nr_to_reclaim)
{
	struct scan_control sc = { .nr_to_reclaim = nr_to_reclaim };
	unsigned long nr;

	if (current->flags & PF_MEMALLOC)
		return 0;
	current->flags |= PF_MEMALLOC;
	nr = do_try_to_free_pages(MAX_NR_ZONES - 1, &sc);
	current->flags &= ~PF_MEMALLOC;
	return nr;
}

/*
 * mm/vmscan.c: zone_reclaimable_pages() @ v3.14: the page cache on the
 * file lists, and the anonymous pages when there is swap to put them in
 */
static unsigned long zone_reclaimable_pages(struct zone *zone)
{
	long nr = zone_page_state(zone, NR_ACTIVE_FILE) + zone_page_state(zone, NR_INACTIVE_FILE);

	if (get_nr_swap_pages() > 0)
		nr += zone_page_state(zone, NR_ACTIVE_ANON) +
		      zone_page_state(zone, NR_INACTIVE_ANON);
	return (unsigned long)nr;
}

/* a zone kswapd is to work on: below its high watermark, with pages to reclaim */
static bool zone_needs_kswapd(struct zone *zone)
{
	return populated_zone(zone) && !zone_watermark_ok(zone, 0, high_wmark_pages(zone), 0, 0) &&
	       zone_reclaimable_pages(zone);
}

/*
 * mm/vmscan.c: balance_pgdat() @ v3.14: each zone below its high
 * watermark is shrunk, priority by priority, until all are above it or
 * a whole pass at priority 0 freed nothing
 */
static void balance_pgdat(void)
{
	struct scan_control sc = { .kswapd = true };

	count_vm_event(PAGEOUTRUN);
	for (sc.priority = DEF_PRIORITY; sc.priority >= 0; sc.priority--) {
		struct zone *zone;
		bool unbalanced = false;

		sc.nr_reclaimed = 0;
		for_each_zone(zone) {
			if (!zone_needs_kswapd(zone))
				continue;
			unbalanced = true;
			sc.nr_to_reclaim = max(high_wmark_pages(zone), SWAP_CLUSTER_MAX);
			shrink_zone(zone, &sc);
		}
		if (!unbalanced)
			return;
	}
}

/*
 * mm/vmscan.c: kswapd() @ v3.14: sleep until wakeup_kswapd(), balance,
 * sleep again.  A balance that cannot reach the high watermarks (every
 * page in use, swap full) ends after its priority-0 pass; kswapd then
 * sleeps until the next allocation below a low watermark wakes it, as
 * Linux's kswapd gives up after MAX_RECLAIM_RETRIES failed runs.  Woken
 * for an order above 0, it wakes kcompactd as it goes back to sleep
 * (kswapd_try_to_sleep() @ v4.6): the free pages reclaim made are to be
 * made contiguous.
 */
static int kswapd(void *unused)
{
	(void)unused;
	current->flags |= PF_MEMALLOC;
	for (;;) {
		unsigned int order;

		wait_event_interruptible(kswapd_wait, READ_ONCE(kswapd_woken));
		WRITE_ONCE(kswapd_woken, false);
		order = __atomic_exchange_n(&kswapd_order, 0, __ATOMIC_RELAXED);
		balance_pgdat();
		wakeup_kcompactd(order);
	}
	return 0;
}

/**
 * wakeup_kswapd() - an allocation found a zone below its low watermark
 * @zone: the zone
 * @order: the allocation's order
 *
 * mm/vmscan.c: wakeup_kswapd() @ v3.14: kswapd is woken if it sleeps and
 * the zone has pages it could reclaim (zone_reclaimable_pages()).
 */
void wakeup_kswapd(struct zone *zone, unsigned int order)
{
	if (!kswapd_task || !populated_zone(zone) || !zone_reclaimable_pages(zone))
		return;
	if (zone_watermark_ok(zone, order, low_wmark_pages(zone), 0, 0))
		return;
	raise_order_hint(&kswapd_order, order);
	if (READ_ONCE(kswapd_woken))
		return;
	WRITE_ONCE(kswapd_woken, true);
	wake_up_interruptible(&kswapd_wait);
}

/**
 * kswapd_run() - start kswapd0
 *
 * mm/vmscan.c: kswapd_run() @ v3.14, from kswapd_init().
 *
 * Return: 0, or the error starting the thread.
 */
int kswapd_run(void)
{
	struct task_struct *p = kthread_run(kswapd, NULL, "kswapd0");

	if (IS_ERR(p))
		return (int)PTR_ERR(p);
	kswapd_task = p;
	return 0;
}
