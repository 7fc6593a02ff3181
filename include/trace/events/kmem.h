/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _TRACE_EVENTS_KMEM_H
#define _TRACE_EVENTS_KMEM_H

/*
 * include/trace/events/kmem.h @ v3.14: the page allocator's trace events,
 * called where Linux calls them.  Linux makes each a tracepoint ftrace can
 * switch on; a9mm has one probe per CPU instead: whoever wants to know
 * what one allocation did (the shell's `alloc`) points its CPU's probe at
 * a struct kmem_trace with kmem_trace_start(), makes the call, and reads
 * what the events wrote.  With no probe set, an event is a load and a
 * branch.
 *
 *   alloc_pages
 *     buffered_rmqueue   order 0: this CPU's per-cpu list; if it is empty,
 *       rmqueue_bulk       refill it with `batch` pages:
 *         __rmqueue   -> mm_page_alloc_zone_locked   (each block taken)
 *           __rmqueue_smallest / __rmqueue_fallback -> mm_page_alloc_extfrag
 *             expand  -> mm_page_alloc_split          (a9mm's own event)
 *     __alloc_pages_direct_compact -> mm_compaction_stall (a9mm's own)
 *       compact_zone -> mm_compaction_migratepages (trace/events/compaction.h)
 *
 * Direct compaction may let other tasks run on this CPU: an event counts
 * only for the task that started the probe.
 */
#include <linux/mmzone.h>
#include <linux/smp.h>
#include <asm/thread_info.h>

struct kmem_trace {
	/* mm_page_alloc_zone_locked: blocks taken from the buddy lists */
	unsigned int zone_locked;
	int migratetype; /* the first one's free list (RESERVE: the last resort) */
	/* mm_page_alloc_split: the first block's order before expand() cut it */
	int split_order;
	/* mm_page_alloc_extfrag: a block taken from another type's list */
	bool extfrag;
	int fallback_migratetype;
	bool change_ownership; /* and its pageblock went over to the taker */
	/* mm_compaction_stall: direct compaction ran first */
	bool compact_stall;
	/* mm_compaction_migratepages: the pages it moved, and failed to */
	unsigned long compact_moved, compact_failed;
	const void *task; /* whose events these are */
};

/* the task an event belongs to (the host tests have one) */
static inline const void *kmem_trace_task(void)
{
#ifdef A9MM_HOST
	return NULL;
#else
	return current_thread_info();
#endif
}

extern struct kmem_trace *kmem_trace_probe[NR_CPUS];

/**
 * kmem_trace_start() - record this CPU's allocator events into @t
 * @t: zeroed and filled until kmem_trace_stop()
 *
 * The caller must stay on this CPU until kmem_trace_stop().
 */
static inline void kmem_trace_start(struct kmem_trace *t)
{
	*t = (struct kmem_trace){ .migratetype = -1, .split_order = -1, .task = kmem_trace_task() };
	kmem_trace_probe[smp_processor_id()] = t;
}

/**
 * kmem_trace_stop() - stop recording this CPU's allocator events
 */
static inline void kmem_trace_stop(void)
{
	kmem_trace_probe[smp_processor_id()] = NULL;
}

static inline struct kmem_trace *kmem_trace_this_cpu(void)
{
	struct kmem_trace *t = kmem_trace_probe[smp_processor_id()];

	return t && t->task == kmem_trace_task() ? t : NULL;
}

static inline void trace_mm_page_alloc_zone_locked(struct page *page, unsigned int order,
						   int migratetype)
{
	struct kmem_trace *t = kmem_trace_this_cpu();

	if (t && page && !t->zone_locked++)
		t->migratetype = migratetype;
}

static inline void trace_mm_page_alloc_extfrag(struct page *page, unsigned int alloc_order,
					       unsigned int fallback_order, int alloc_migratetype,
					       int fallback_migratetype, bool change_ownership)
{
	struct kmem_trace *t = kmem_trace_this_cpu();

	if (t && !t->zone_locked && !t->extfrag) {
		t->extfrag = true;
		t->fallback_migratetype = fallback_migratetype;
		t->change_ownership = change_ownership;
	}
}

/* not Linux's: the allocation compacted (compact_stall) */
static inline void trace_mm_compaction_stall(void)
{
	struct kmem_trace *t = kmem_trace_this_cpu();

	if (t)
		t->compact_stall = true;
}

/*
 * include/trace/events/compaction.h: mm_compaction_migratepages @ v3.14:
 * one round of compact_zone()'s migrate_pages()
 */
static inline void trace_mm_compaction_migratepages(unsigned long nr_migrated,
						    unsigned long nr_failed)
{
	struct kmem_trace *t = kmem_trace_this_cpu();

	if (t) {
		t->compact_moved += nr_migrated;
		t->compact_failed += nr_failed;
	}
}

/* not Linux's: the order of the block expand() splits for the request */
static inline void trace_mm_page_alloc_split(unsigned int low, unsigned int high)
{
	struct kmem_trace *t = kmem_trace_this_cpu();

	if (t && !t->zone_locked)
		t->split_order = (int)high;
}

#endif
