// SPDX-License-Identifier: GPL-2.0
/*
 * mm/compaction.c @ v3.14: free memory made contiguous again by moving
 * the pages in the way.  Two scanners walk a zone towards each other:
 *
 *   zone_start_pfn                                         zone_end_pfn
 *   [ A . A A . k . A | . A . . . A . A | . . A . . . . A . . . A . . ]
 *     migrate scanner -->                      <-- free scanner
 *     takes movable pages (A)                  takes free pages (.),
 *     up to 32 a round                         split to order 0
 *
 * Each round the pages taken at the bottom are moved into the free pages
 * taken at the top (migrate_pages(), mm/migrate.c); the bottom's freed
 * pages merge with their free buddies into larger blocks.  It ends where
 * the scanners meet.  What a9mm can move: what is on an LRU list, the
 * anonymous pages of processes (A).  Linux also moves page-cache pages.  Kernel pages (k: slab,
 * page tables, kmalloc) never move -- why the allocator groups pages by mobility into pageblocks
 * (migratetypes), so that one unmovable page does not pin every block.
 *
 * Driven by the shell's `compact` for every zone whole, as Linux's
 * `echo 1 > /proc/sys/vm/compact_memory`, by an allocation of a higher
 * order the free lists cannot meet (direct compaction,
 * try_to_compact_pages()), which stops once a block of the order is free,
 * and in the background by kcompactd0 (Linux 4.6), which kswapd wakes
 * when it goes back to sleep after an allocation of a higher order woke
 * it.  Not here: v3.14's deferring of compaction that keeps failing.
 */
#include <linux/compaction.h>
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/migrate.h>
#include <linux/mm.h>
#include <linux/irqflags.h>
#include <linux/page-flags.h>
#include <linux/preempt.h>
#include <linux/rmap.h>
#include <linux/sched.h>
#include <linux/spinlock.h>
#include <linux/swap.h>
#include <linux/vmstat.h>
#include <linux/wait.h>
#include <trace/events/kmem.h>

#define COMPACT_CLUSTER_MAX 32 /* SWAP_CLUSTER_MAX: pages moved a round */

/*
 * mm/compaction.c: isolate_migratepages_range() @ v3.14: the movable
 * pages of [@low_pfn, @end_pfn) onto cc->migratepages, up to
 * COMPACT_CLUSTER_MAX: each a page on an LRU list -- a process's
 * anonymous page -- taken off it with a reference (__isolate_lru_page()),
 * under the zone's lru_lock.  A free block is stepped over whole.  A page
 * in the swap cache stays (a9mm's migration does not move the cache's
 * entry, Linux's migrate_page_move_mapping() does), and so does a page of
 * a block device's page cache (the file lists: moving it would move its
 * slot in the cache too).
 * Return: the pfn to go on from.
 */
static unsigned long isolate_migratepages_range(struct compact_control *cc, unsigned long low_pfn,
						unsigned long end_pfn)
{
	struct zone *zone = cc->zone;
	unsigned long scanned = 0, isolated = 0, flags;

	spin_lock_irqsave(&zone->lru_lock, flags);
	for (; low_pfn < end_pfn; low_pfn++) {
		struct page *page = pfn_to_page(low_pfn);

		scanned++;
		if (PageBuddy(page)) {
			unsigned long order = READ_ONCE(page->private); /* racy: bounded */

			if (order < MAX_ORDER)
				low_pfn += (1UL << order) - 1;
			continue;
		}
		if (!PageLRU(page) || PageSwapCache(page) || !PageSwapBacked(page) ||
		    __isolate_lru_page(page))
			continue;
		list_add(&page->lru, &cc->migratepages);
		cc->nr_migratepages++;
		isolated++;
		if (cc->nr_migratepages == COMPACT_CLUSTER_MAX) {
			low_pfn++;
			break;
		}
	}
	spin_unlock_irqrestore(&zone->lru_lock, flags);
	cc->migrate_scanned += scanned;
	count_vm_events(COMPACTMIGRATE_SCANNED, (long)scanned);
	count_vm_events(COMPACTISOLATED, (long)isolated);
	return min(low_pfn, end_pfn);
}

/*
 * mm/compaction.c: isolate_migratepages() @ v3.14: the next pageblock up,
 * unless it would reach the free scanner's.  Return: pages isolated.
 */
static unsigned long isolate_migratepages(struct compact_control *cc)
{
	unsigned long low_pfn = cc->migrate_pfn;
	unsigned long end_pfn = min(ALIGN(low_pfn + 1, pageblock_nr_pages), zone_end_pfn(cc->zone));

	if (end_pfn > cc->free_pfn) {
		cc->migrate_pfn = end_pfn; /* the scanners met */
		return 0;
	}
	cc->migrate_pfn = isolate_migratepages_range(cc, low_pfn, end_pfn);
	return cc->nr_migratepages;
}

/*
 * mm/compaction.c: suitable_migration_target() @ v3.14: a movable
 * pageblock, not one free whole (breaking that up would undo the work)
 */
static bool suitable_migration_target(struct page *page)
{
	if (PageBuddy(page) && READ_ONCE(page->private) >= pageblock_order)
		return false;
	return get_pageblock_migratetype(page) == MIGRATE_MOVABLE;
}

/*
 * mm/compaction.c: isolate_freepages_block() @ v3.14: every free block of
 * [@pfn, @end_pfn) onto cc->freepages as order-0 pages, until the zone's
 * low watermark says no.  Return: pages isolated.
 */
static unsigned long isolate_freepages_block(struct compact_control *cc, unsigned long pfn,
					     unsigned long end_pfn)
{
	struct zone *zone = cc->zone;
	unsigned long scanned = 0, total = 0, flags;

	spin_lock_irqsave(&zone->lock, flags);
	for (; pfn < end_pfn; pfn++) {
		struct page *page = pfn_to_page(pfn);
		unsigned long isolated;

		scanned++;
		if (!PageBuddy(page))
			continue;
		isolated = split_free_page(page);
		if (!isolated)
			break;
		for (unsigned long i = 0; i < isolated; i++)
			list_add(&page[i].lru, &cc->freepages);
		total += isolated;
		pfn += isolated - 1;
	}
	spin_unlock_irqrestore(&zone->lock, flags);
	cc->free_scanned += scanned;
	count_vm_events(COMPACTFREE_SCANNED, (long)scanned);
	count_vm_events(COMPACTISOLATED, (long)total);
	return total;
}

/*
 * mm/compaction.c: isolate_freepages() @ v3.14: pageblock by pageblock
 * down from cc->free_pfn, until there are as many free pages as pages to
 * move, or the migrate scanner's pageblock is reached.  The free scanner
 * stays on the pageblock it stopped in: it may hold more.
 */
static void isolate_freepages(struct compact_control *cc)
{
	struct zone *zone = cc->zone;
	unsigned long low_pfn = ALIGN(cc->migrate_pfn + 1, pageblock_nr_pages);
	unsigned long block = cc->free_pfn;

	for (; block >= low_pfn; block -= pageblock_nr_pages) {
		unsigned long start = max(block, zone->zone_start_pfn);
		unsigned long end = min(block + pageblock_nr_pages, zone_end_pfn(zone));

		if (suitable_migration_target(pfn_to_page(start)))
			cc->nr_freepages += isolate_freepages_block(cc, start, end);
		if (cc->nr_freepages >= cc->nr_migratepages)
			break;
	}
	cc->free_pfn = block;
}

/*
 * mm/compaction.c: compaction_alloc() @ v3.14, migrate_pages()'s source
 * of new pages: the free scanner's, isolating more when it has none
 */
static struct page *compaction_alloc(struct page *page, unsigned long data)
{
	struct compact_control *cc = (struct compact_control *)data;
	struct page *freepage;

	if (list_empty(&cc->freepages)) {
		isolate_freepages(cc);
		if (list_empty(&cc->freepages))
			return NULL;
	}
	freepage = list_first_entry(&cc->freepages, struct page, lru);
	list_del(&freepage->lru);
	cc->nr_freepages--;
	cc->nr_moved++;
	return freepage;
}

/* mm/compaction.c: compaction_free() @ v3.16: a page migration did not use */
static void compaction_free(struct page *page, unsigned long data)
{
	struct compact_control *cc = (struct compact_control *)data;

	list_add(&page->lru, &cc->freepages);
	cc->nr_freepages++;
	cc->nr_moved--;
}

/* mm/compaction.c: release_freepages() @ v3.14: the free pages left, back to the allocator */
static void release_freepages(struct compact_control *cc)
{
	struct page *page, *next;

	list_for_each_entry_safe(page, next, &cc->freepages, lru) {
		list_del(&page->lru);
		__free_pages(page, 0);
	}
	cc->nr_freepages = 0;
}

/*
 * mm/compaction.c: compact_finished() @ v3.14: the scanners met, or -- for
 * a direct compactor -- the zone is above its watermark with a free block
 * of the order.  On any free list: a9mm's __rmqueue() takes from any other
 * migratetype's list (fallback, then MIGRATE_RESERVE) when its own is
 * empty (v3.14 asks the request's own list; v4.4 any list it may steal from).
 */
static int compact_finished(struct zone *zone, struct compact_control *cc)
{
	if (cc->free_pfn <= cc->migrate_pfn)
		return COMPACT_COMPLETE;
	if (cc->order < 0)
		return COMPACT_CONTINUE;
	if (!zone_watermark_ok(zone, (unsigned int)cc->order,
			       low_wmark_pages(zone) + (1UL << cc->order), 0, 0))
		return COMPACT_CONTINUE;
	for (unsigned int order = (unsigned int)cc->order; order < MAX_ORDER; order++)
		if (READ_ONCE(zone->free_area[order].nr_free))
			return COMPACT_PARTIAL;
	return COMPACT_CONTINUE;
}

/*
 * mm/compaction.c: compaction_suitable() @ v3.14: is compacting a zone for
 * a request of @order worth it?  Not when free memory is short even
 * counted in single pages (reclaim's job: a9mm has none), nor when the
 * fragmentation index says the failure is lack of memory more than
 * fragmentation; not needed when a block of the order is free already.
 */
static int compaction_suitable(struct zone *zone, unsigned int order)
{
	unsigned long watermark = low_wmark_pages(zone) + (2UL << order);
	int fragindex;

	if (!zone_watermark_ok(zone, 0, watermark, 0, 0))
		return COMPACT_SKIPPED;
	fragindex = fragmentation_index(zone, order);
	if (fragindex >= 0 && fragindex <= EXTFRAG_THRESHOLD)
		return COMPACT_SKIPPED;
	if (fragindex == -1000 && zone_watermark_ok(zone, order, watermark, 0, 0))
		return COMPACT_PARTIAL;
	return COMPACT_CONTINUE;
}

static int compacting;

/**
 * compaction_lock() - wait until no other task isolates pages, then be the one
 *
 * a9mm's own: an isolated page sits on one list through page->lru, which
 * Linux guards per page (PageLRU cleared by the isolator); a9mm has no LRU
 * lists, so one task at a time isolates pages -- compaction, or a test
 * calling migrate_pages().  Waits by schedule(), as the mmap_sem does:
 * process context, no lock held.  Whoever holds it must not allocate a
 * block of order > 0 that may wait (that could compact, and wait for
 * itself).
 */
void compaction_lock(void)
{
	while (__atomic_exchange_n(&compacting, 1, __ATOMIC_ACQUIRE))
		schedule();
}

/**
 * compaction_unlock() - let the next isolator in
 */
void compaction_unlock(void)
{
	__atomic_store_n(&compacting, 0, __ATOMIC_RELEASE);
}

/**
 * compact_zone() - move a zone's movable pages up, out of the way of its free ones
 * @zone: the zone
 * @cc: ->order (-1: the whole zone) and ->migratetype given; the rest is
 *      filled in: the scanners' figures and what moved
 *
 * mm/compaction.c: compact_zone() @ v3.14: round by round until
 * compact_finished() -- the scanners met, or a direct compactor's block
 * is free.  The per-cpu lists are drained before (their pages are free,
 * but not to the free scanner) and after (the pages freed by moving go
 * back to the buddy lists and merge); for a direct compactor this CPU's
 * after every round too (v4.2), so that its block can form.  Interrupts
 * on, may sleep: a compaction running waits for the one before it
 * (compaction_lock()), whose work a direct compactor's
 * compaction_suitable() then sees.
 *
 * Return: COMPACT_SKIPPED (compaction_suitable() said no), COMPACT_PARTIAL,
 * COMPACT_COMPLETE.
 */
int compact_zone(struct zone *zone, struct compact_control *cc)
{
	int ret = COMPACT_CONTINUE;

	*cc = (struct compact_control){
		.order = cc->order,
		.migratetype = cc->migratetype,
		.zone = zone,
		.migrate_pfn = zone->zone_start_pfn,
		.free_pfn = round_down(zone_end_pfn(zone) - 1, pageblock_nr_pages),
	};
	INIT_LIST_HEAD(&cc->freepages);
	INIT_LIST_HEAD(&cc->migratepages);
	compaction_lock();
	if (cc->order >= 0) { /* worth it?  (The compaction before may have done the work) */
		ret = compaction_suitable(zone, (unsigned int)cc->order);
		if (ret != COMPACT_CONTINUE) {
			compaction_unlock();
			return ret;
		}
	}
	drain_all_pages();
	while ((ret = compact_finished(zone, cc)) == COMPACT_CONTINUE) {
		unsigned long moved = cc->nr_moved;
		int err;

		if (!isolate_migratepages(cc))
			continue;
		err = migrate_pages(&cc->migratepages, compaction_alloc, compaction_free,
				    (unsigned long)cc);
		trace_mm_compaction_migratepages(cc->nr_moved - moved,
						 err > 0 ? (unsigned long)err : 0);
		if (err > 0) { /* held elsewhere through every pass */
			cc->nr_failed += (unsigned long)err;
		} else if (err == -ENOMEM) { /* no free page above them */
			struct page *page;

			list_for_each_entry(page, &cc->migratepages, lru)
				cc->nr_unmoved++;
		}
		putback_movable_pages(&cc->migratepages);
		cc->nr_migratepages = 0;
		if (err == -ENOMEM) {
			ret = COMPACT_PARTIAL;
			break;
		}
		if (cc->order >= 0) {
			preempt_disable();
			drain_local_pages(NULL);
			preempt_enable();
		}
		_cond_resched();
	}
	release_freepages(cc);
	drain_all_pages();
	compaction_unlock();
	return ret;
}

/**
 * try_to_compact_pages() - direct compaction, for a request the free lists cannot meet
 * @gfp_mask: the request's flags: it must be allowed to wait
 * @order: its order (0 never compacts: a single page is never fragmented)
 * @preferred: the zonelist from the request's preferred zone
 * @migratetype: its migratetype
 *
 * mm/compaction.c: try_to_compact_pages() @ v3.14: each zone of the
 * zonelist in turn, until one is above its watermark at the order.  Only
 * where sleeping is allowed (no lock held, interrupts on: compaction
 * drains other CPUs' lists by IPI and gives way to other tasks) -- Linux
 * trusts __GFP_WAIT callers for that (might_sleep()); a9mm checks.  The
 * caller retries the free lists.
 *
 * Return: the best a zone's run came to (COMPACT_*); COMPACT_SKIPPED when
 * nothing was tried.
 */
int try_to_compact_pages(gfp_t gfp_mask, unsigned int order, const struct zoneref *preferred,
			 int migratetype)
{
	int rc = COMPACT_SKIPPED;

	if (!order || !(gfp_mask & __GFP_WAIT) || in_atomic() || irqs_disabled())
		return rc;
	for (const struct zoneref *z = preferred; z->zone; z++) {
		struct compact_control cc = { .order = (int)order, .migratetype = migratetype };
		rc = max(rc, compact_zone(z->zone, &cc));
		if (zone_watermark_ok(z->zone, order, low_wmark_pages(z->zone), 0, 0))
			break;
	}
	return rc;
}

/* kcompactd0's: Linux's pgdat->kcompactd_wait, ->kcompactd_max_order (one node) */
static DECLARE_WAIT_QUEUE_HEAD(kcompactd_wait);
static struct task_struct *kcompactd_task;
static unsigned int kcompactd_max_order;

/*
 * mm/compaction.c: kcompactd_do_work() @ v4.12: each populated zone
 * compacted for the order asked (compact_zone() skips a zone where it is
 * not worth it, or where a block of the order is free already), its
 * scanners' work counted as kcompactd's too.
 */
static void kcompactd_do_work(unsigned int order)
{
	struct zone *zone;

	count_vm_event(KCOMPACTD_WAKE);
	for_each_zone(zone) {
		struct compact_control cc = { .order = (int)order, .migratetype = MIGRATE_MOVABLE };

		if (!populated_zone(zone))
			continue;
		compact_zone(zone, &cc);
		count_vm_events(KCOMPACTD_MIGRATE_SCANNED, cc.migrate_scanned);
		count_vm_events(KCOMPACTD_FREE_SCANNED, cc.free_scanned);
	}
}

/*
 * mm/compaction.c: kcompactd() @ v4.6: sleep until wakeup_kcompactd(),
 * compact for the largest order asked meanwhile, sleep again.
 */
static int kcompactd(void *unused)
{
	(void)unused;
	for (;;) {
		wait_event_interruptible(kcompactd_wait, READ_ONCE(kcompactd_max_order));
		kcompactd_do_work(__atomic_exchange_n(&kcompactd_max_order, 0, __ATOMIC_RELAXED));
	}
	return 0;
}

/**
 * wakeup_kcompactd() - compact in the background for a request of an order
 * @order: the order an allocation wanted (0: nothing to do)
 *
 * mm/compaction.c: wakeup_kcompactd() @ v4.6, which kswapd calls as it
 * goes back to sleep after an allocation of @order woke it: reclaim made
 * free pages, compaction makes them contiguous.  The largest order asked
 * since kcompactd last looked is the one it works for.
 */
void wakeup_kcompactd(unsigned int order)
{
	if (!order || !kcompactd_task)
		return;
	raise_order_hint(&kcompactd_max_order, order);
	wake_up_interruptible(&kcompactd_wait);
}

/**
 * kcompactd_run() - start kcompactd0
 *
 * mm/compaction.c: kcompactd_run() @ v4.6, from kcompactd_init().
 *
 * Return: 0, or the error starting the thread.
 */
int kcompactd_run(void)
{
	struct task_struct *p = kthread_run(kcompactd, NULL, "kcompactd0");

	if (IS_ERR(p))
		return (int)PTR_ERR(p);
	kcompactd_task = p;
	return 0;
}
