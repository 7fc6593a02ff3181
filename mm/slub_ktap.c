// SPDX-License-Identifier: GPL-2.0
/*
 * mm/slub_ktap.c: the slab allocator checked in place, as the KTAP suite
 * "slub" (`selftest`): sizes and alignment, no two live objects
 * overlapping, each CPU's active slab, slabs moving to and from the
 * partial list, every slub_debug report triggered -- and survived -- and
 * the hostile frees the shell's kfree refuses.  Every case works on
 * caches of its own (destroyed at its end) and checks the buddy
 * allocator got every page back.
 */

#include <a9mm/ktap.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/kmsg_dump.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/smp.h>
#include <linux/spinlock.h>
#include <linux/workqueue.h>
#include "slab.h"

static unsigned long snap_before[MAX_NR_ZONES][MAX_ORDER];

static bool buddy_unchanged(void)
{
	static unsigned long now[MAX_NR_ZONES][MAX_ORDER];

	buddy_snapshot(now);
	return !memcmp(now, snap_before, sizeof(now));
}

/* log lines holding needle, since boot (the record log) */
static unsigned int log_count(const char *needle)
{
	static char line[256];
	struct kmsg_dumper d;
	unsigned int n = 0;
	size_t len;

	kmsg_dump_rewind(&d);
	while (kmsg_dump_get_line(&d, line, sizeof(line), &len))
		n += strstr(line, needle) != NULL;
	return n;
}

static bool all_zero(const u8 *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (p[i])
			return false;
	return true;
}

/*
 * every cache's empty slabs back to the buddy allocator, the CPUs' slabs
 * flushed: what the caches hold is then only their live objects, the same
 * before and after a case that frees all it took
 */
static void shrink_all_caches(void)
{
	struct kmem_cache *s;

	spin_lock(&slab_caches_lock);
	list_for_each_entry(s, &slab_caches, list)
		kmem_cache_shrink(s);
	spin_unlock(&slab_caches_lock);
}

/* every kmalloc size class: the right cache, ksize, alignment, kmalloc_large beyond */
static void slub_kmalloc_sizes(struct ktap_test *t)
{
	static const struct {
		size_t size, ksize;
	} cases[] = {
		{ 1, 8 },	{ 8, 8 },	 { 9, 16 },	   { 24, 32 },	   { 64, 64 },
		{ 65, 96 },	{ 96, 96 },	 { 97, 128 },	   { 129, 192 },   { 192, 192 },
		{ 193, 256 },	{ 1000, 1024 },	 { 1025, 2048 },   { 4096, 4096 }, { 4097, 8192 },
		{ 8192, 8192 }, { 8193, 16384 }, { 20000, 32768 },
	};

	shrink_all_caches();
	buddy_snapshot(snap_before);
	KTAP_EXPECT(t, kmalloc(0, GFP_KERNEL) == ZERO_SIZE_PTR);
	kfree(NULL);
	kfree(ZERO_SIZE_PTR);
	for (unsigned int i = 0; i < ARRAY_SIZE(cases); i++) {
		size_t size = cases[i].size;
		u8 *p = __kmalloc(size, GFP_KERNEL), *q;

		KTAP_EXPECT(t, p != NULL);
		if (!p)
			continue;
		KTAP_EXPECT_EQ(t, ksize(p), cases[i].ksize);
		KTAP_EXPECT_EQ(t, (unsigned long)p % ARCH_KMALLOC_MINALIGN, 0);
		if (size > KMALLOC_MAX_CACHE_SIZE)
			KTAP_EXPECT_EQ(t, (unsigned long)p % PAGE_SIZE, 0);
		else
			KTAP_EXPECT(t, slab_page_of(p) && slab_page_of(p)->slab_cache ==
								  kmalloc_slab(size, 0));
		memset(p, 0x5a, size);
		q = krealloc(p, cases[i].ksize, GFP_KERNEL); /* fits: the same memory */
		KTAP_EXPECT(t, q == p);
		q = krealloc(p, cases[i].ksize + 1, GFP_KERNEL); /* moves, contents kept */
		KTAP_EXPECT(t, q && q != p && q[0] == 0x5a && q[size - 1] == 0x5a);
		kfree(q ? q : p);
		p = kzalloc(size, GFP_KERNEL);
		KTAP_EXPECT(t, p && all_zero(p, size));
		kfree(p);
	}
	shrink_all_caches();
	KTAP_EXPECT(t, buddy_unchanged());
}

/* a cache for one case; the case ends with end_cache() */
static struct kmem_cache *test_cache(struct ktap_test *t, const char *name, size_t size,
				     slab_flags_t flags)
{
	struct kmem_cache *s;

	shrink_all_caches();
	buddy_snapshot(snap_before);
	s = kmem_cache_create(name, size, 0, flags, NULL);
	KTAP_EXPECT(t, s != NULL);
	return s;
}

/* the cache destroyed: every page it took is back with the buddy allocator */
static void end_cache(struct ktap_test *t, struct kmem_cache *s)
{
	kmem_cache_destroy(s);
	shrink_all_caches();
	KTAP_EXPECT(t, buddy_unchanged());
}

static unsigned int objs_per_slab(const struct kmem_cache *s)
{
	return (PAGE_SIZE << (s->oo.x >> 16)) / s->size;
}

/* live objects never overlap: each filled with its own byte, all checked after */
static void slub_no_overlap(struct ktap_test *t)
{
	struct kmem_cache *s = test_cache(t, "ktap-40", 40, SLAB_HWCACHE_ALIGN);
	enum { N = 300 };
	static u8 *objs[N];

	if (!s)
		return;
	KTAP_EXPECT_EQ(t, s->align, 64); /* 40 bytes: a whole 64-byte line */
	for (unsigned int i = 0; i < N; i++) {
		objs[i] = kmem_cache_alloc(s, GFP_KERNEL);
		KTAP_EXPECT(t, objs[i] != NULL);
		if (!objs[i])
			return;
		KTAP_EXPECT_EQ(t, (unsigned long)objs[i] % 64, 0);
		memset(objs[i], (u8)i, 40);
	}
	for (unsigned int i = 0; i < N; i++)
		for (unsigned int b = 0; b < 40; b++)
			if (objs[i][b] != (u8)i) {
				ktap_print("object %u at %p overwritten at +%u\n", i, objs[i], b);
				KTAP_EXPECT(t, false);
				break;
			}
	for (unsigned int i = 0; i < N; i++)
		kmem_cache_free(s, objs[i]);
	end_cache(t, s);
}

struct remote {
	struct kmem_cache *s;
	void *obj;
	const struct page *cpu_page;
};

static void alloc_on_cpu(void *info)
{
	struct remote *r = info;
	struct slab_snapshot *snap = kmalloc(sizeof(*snap), GFP_ATOMIC);

	r->obj = kmem_cache_alloc(r->s, GFP_ATOMIC);
	if (snap) {
		slab_snapshot(r->s, snap);
		r->cpu_page = snap->cpu[smp_processor_id()].page;
		kfree(snap);
	}
}

/* slub_debug= on the command line: every cache debugs, and debugging caches have no CPU slab */
#define SKIP_IF_DEBUG(t)                                                                        \
	do {                                                                                    \
		if (slub_debug) {                                                               \
			ktap_skip(t, "slub_debug= makes every cache take the debug slow path"); \
			return;                                                                 \
		}                                                                               \
	} while (0)

/* each CPU allocates from an active slab of its own; frees from afar go back to it */
static void slub_per_cpu_slab(struct ktap_test *t)
{
	unsigned int me = smp_processor_id(), other = me;
	struct slab_snapshot *snap;
	struct remote r = { 0 };
	struct kmem_cache *s;
	void *obj;

	SKIP_IF_DEBUG(t);
	s = test_cache(t, "ktap-cpu", 100, 0);
	snap = kmalloc(sizeof(*snap), GFP_KERNEL);
	if (!s || !snap)
		return;
	obj = kmem_cache_alloc(s, GFP_KERNEL);
	slab_snapshot(s, snap);
	KTAP_EXPECT(t, snap->cpu[me].page != NULL && slab_page_of(obj) == snap->cpu[me].page);
	KTAP_EXPECT_EQ(t, snap->cpu[me].cpu_free, objs_per_slab(s) - 1);
	KTAP_EXPECT_EQ(t, snap->stat[ALLOC_SLAB], 1);
	for (unsigned int cpu = 0; cpu < NR_CPUS; cpu++)
		if (cpu != me && cpu_online(cpu))
			other = cpu;
	if (other != me) {
		r.s = s;
		smp_call_function_single((int)other, alloc_on_cpu, &r, 1);
		KTAP_EXPECT(t, r.obj != NULL && r.cpu_page != NULL);
		KTAP_EXPECT(t, r.cpu_page == slab_page_of(r.obj));
		KTAP_EXPECT(t, r.cpu_page != snap->cpu[me].page);
		kmem_cache_free(s, r.obj); /* from this CPU: into the other's frozen slab */
		slab_snapshot(s, snap);
		KTAP_EXPECT_EQ(t, snap->stat[FREE_FROZEN], 1);
		KTAP_EXPECT_EQ(t, snap->cpu[other].remote_free, 1);
	} else {
		ktap_print("one CPU online: the other CPU's half skipped\n");
	}
	kmem_cache_free(s, obj); /* the fast path: back on this CPU's freelist */
	slab_snapshot(s, snap);
	KTAP_EXPECT_EQ(t, snap->cpu[me].cpu_free, objs_per_slab(s));
	kfree(snap);
	end_cache(t, s);
}

/* full slabs are on no list; a free moves one to the partial list; empty ones go */
static void slub_partial_list_movement(struct ktap_test *t)
{
	struct slab_snapshot *snap;
	struct kmem_cache *s;
	unsigned int per, n;
	void **objs;

	SKIP_IF_DEBUG(t);
	s = test_cache(t, "ktap-partial", 256, 0);
	snap = kmalloc(sizeof(*snap), GFP_KERNEL);
	if (!s || !snap)
		return;
	per = objs_per_slab(s);
	n = 3 * per;
	objs = kmalloc_array(n, sizeof(void *), GFP_KERNEL);
	if (!objs)
		return;
	for (unsigned int i = 0; i < n; i++)
		objs[i] = kmem_cache_alloc(s, GFP_KERNEL);
	slab_snapshot(s, snap);
	KTAP_EXPECT_EQ(t, snap->nr_slabs, 3);
	KTAP_EXPECT_EQ(t, snap->nr_partial, 0); /* two full on no list, one the CPU's */
	kmem_cache_free(s, objs[0]);		/* a full slab, not the CPU's */
	slab_snapshot(s, snap);
	KTAP_EXPECT_EQ(t, snap->nr_partial, 1);
	KTAP_EXPECT_EQ(t, snap->stat[FREE_ADD_PARTIAL], 1);
	KTAP_EXPECT_EQ(t, snap->partial[0].inuse, per - 1);
	for (unsigned int i = 1; i < per; i++)
		kmem_cache_free(s, objs[i]);
	slab_snapshot(s, snap); /* empty, kept: fewer than min_partial on the list */
	KTAP_EXPECT_EQ(t, snap->nr_partial, 1);
	KTAP_EXPECT_EQ(t, snap->partial[0].inuse, 0);
	KTAP_EXPECT_EQ(t, snap->nr_slabs, 3);
	/* the CPU's slab is full: the next allocation freezes the partial one */
	objs[0] = kmem_cache_alloc(s, GFP_KERNEL);
	slab_snapshot(s, snap);
	KTAP_EXPECT_EQ(t, snap->nr_partial, 0);
	KTAP_EXPECT_EQ(t, snap->stat[ALLOC_FROM_PARTIAL], 1);
	KTAP_EXPECT(t, snap->cpu[smp_processor_id()].page == slab_page_of(objs[0]));
	kmem_cache_free(s, objs[0]);
	KTAP_EXPECT_EQ(t, kmem_cache_shrink(s), 1); /* the empty slab freed */
	slab_snapshot(s, snap);
	KTAP_EXPECT_EQ(t, snap->nr_slabs, 2);
	KTAP_EXPECT_EQ(t, snap->nr_partial, 0);
	for (unsigned int i = per; i < n; i++)
		kmem_cache_free(s, objs[i]);
	KTAP_EXPECT_EQ(t, kmem_cache_shrink(s), 0);
	kfree(objs);
	kfree(snap);
	end_cache(t, s);
}

#define DEBUG_FLAGS (SLAB_CONSISTENCY_CHECKS | SLAB_RED_ZONE | SLAB_POISON | SLAB_STORE_USER)

/* each slub_debug report: triggered, printed in Linux's words, the cache still sound */
static void slub_debug_reports(struct ktap_test *t)
{
	struct kmem_cache *s = test_cache(t, "ktap-debug", 64, DEBUG_FLAGS);
	unsigned int redzone = log_count("BUG ktap-debug (Tainted: G    B "),
		     rz = log_count("): Redzone overwritten"),
		     poison = log_count("): Poison overwritten"),
		     dfree = log_count("): Object already free");
	unsigned long live;
	u8 *p;

	if (!s)
		return;
	p = kmem_cache_alloc(s, GFP_KERNEL);
	KTAP_EXPECT(t, p && p[0] == 0x6b && p[63] == 0xa5); /* poisoned, not zeroed */
	if (!p)
		return;
	live = slab_live_objects(s);
	p[64] = 0; /* past the end: into the red zone */
	kmem_cache_free(s, p);
	KTAP_EXPECT_EQ(t, log_count("): Redzone overwritten"), rz + 1);
	KTAP_EXPECT_EQ(t, slab_live_objects(s), live); /* not freed, as Linux */
	kmem_cache_free(s, p);			       /* the red zone restored: freed now */
	KTAP_EXPECT_EQ(t, slab_live_objects(s), live - 1);
	KTAP_EXPECT(t, test_taint(TAINT_BAD_PAGE));
	kmem_cache_free(s, p); /* a double free */
	KTAP_EXPECT_EQ(t, log_count("): Object already free"), dfree + 1);
	KTAP_EXPECT_EQ(t, slab_live_objects(s), live - 1);
	p[10] = 0x42; /* a use after free */
	KTAP_EXPECT_EQ(t, validate_slab_cache(s), 1);
	KTAP_EXPECT_EQ(t, log_count("): Poison overwritten"), poison + 1);
	KTAP_EXPECT_EQ(t, validate_slab_cache(s), 0); /* repaired */
	p = kmem_cache_alloc(s, GFP_KERNEL);	      /* the same object, clean */
	KTAP_EXPECT(t, p && p[10] == 0x6b);
	kmem_cache_free(s, p);
	KTAP_EXPECT(t, log_count("BUG ktap-debug (Tainted: G    B ") > redzone);
	end_cache(t, s);
}

/* kfree_checked(): a non-slab address, the middle of an object, twice: refused */
static void slub_hostile_frees(struct ktap_test *t)
{
	struct kmem_cache *s = test_cache(t, "ktap-hostile", 64, 0);
	struct page *page = alloc_pages(GFP_KERNEL, 0);
	unsigned long live;
	u8 *p;

	if (!s || !page)
		return;
	p = kmem_cache_alloc(s, GFP_KERNEL);
	live = slab_live_objects(s);
	KTAP_EXPECT_EQ(t, kfree_checked(page_address(page)), -EINVAL);
	KTAP_EXPECT_EQ(t, kfree_checked((void *)0x1000), -EINVAL);
	KTAP_EXPECT_EQ(t, kfree_checked(p + 8), -EINVAL);
	KTAP_EXPECT_EQ(t, slab_live_objects(s), live);
	KTAP_EXPECT_EQ(t, kfree_checked(p), 0);
	KTAP_EXPECT_EQ(t, slab_live_objects(s), live - 1);
	KTAP_EXPECT_EQ(t, kfree_checked(p), -EALREADY);
	KTAP_EXPECT_EQ(t, slab_live_objects(s), live - 1);
	__free_pages(page, 0);
	end_cache(t, s);
}

/* a cache with objects left is not destroyed (said); emptied, it is */
static void slub_destroy_busy_cache(struct ktap_test *t)
{
	struct kmem_cache *s = test_cache(t, "ktap-busy", 512, 0);
	void *p;

	if (!s)
		return;
	p = kmem_cache_alloc(s, GFP_KERNEL);
	kmem_cache_destroy(s); /* refused: p is live */
	KTAP_EXPECT(t, slab_page_of(p) && slab_page_of(p)->slab_cache == s);
	kmem_cache_free(s, p);
	end_cache(t, s);
}

/*
 * Every online CPU at once (workqueue), for a few thousand rounds: kmalloc
 * of random sizes and kmem_cache_alloc from a shared cache, each object
 * filled with its owner's tag; freed by its CPU or handed to a shared
 * mailbox that any CPU empties (a free on another CPU: into a frozen slab,
 * or a slab's partial-list move under list_lock).  Any object given
 * twice, or lost, shows as a wrong tag or a count that does not return.
 */
#define MAILBOX 64
#define ROUNDS	4000
#define HELD	24

static struct {
	spinlock_t lock;
	unsigned int n;
	u32 *slot[MAILBOX];
} mailbox;

static struct slub_worker {
	struct work_struct work;
	struct kmem_cache *s;
	u32 seed;
	unsigned long bad, done;
} workers[NR_CPUS];

static u32 worker_rand(struct slub_worker *w)
{
	w->seed = w->seed * 1103515245u + 12345u;
	return w->seed >> 8;
}

/* an object's first word: its size in words, and FROM_CACHE; every word after it: the tag */
#define FROM_CACHE 0x80000000u
static u32 *worker_alloc(struct slub_worker *w, u32 tag)
{
	u32 words = 2 + worker_rand(w) % 64, *p;
	bool cache = worker_rand(w) % 3 == 0;

	if (cache) {
		p = kmem_cache_alloc(w->s, GFP_KERNEL);
		words = 96 / 4;
	} else {
		p = kmalloc(words * 4, GFP_KERNEL);
	}
	if (!p)
		return NULL;
	p[0] = words | (cache ? FROM_CACHE : 0);
	for (u32 i = 1; i < words; i++) /* words <= 65: within every object */
		p[i] = tag;
	return p;
}

static void worker_free(struct slub_worker *w, u32 *p)
{
	for (u32 i = 2; i < (p[0] & ~FROM_CACHE); i++)
		if (p[i] != p[1]) {
			w->bad++;
			break;
		}
	if (p[0] & FROM_CACHE)
		kmem_cache_free(w->s, p);
	else
		kfree(p);
}

static void slub_worker_fn(struct work_struct *work)
{
	struct slub_worker *w = container_of(work, struct slub_worker, work);
	u32 *held[HELD] = { NULL };

	for (unsigned int r = 0; r < ROUNDS; r++) {
		unsigned int i = worker_rand(w) % HELD;
		unsigned long flags;
		u32 *p = NULL;

		if (!held[i]) {
			held[i] = worker_alloc(w, (smp_processor_id() << 24) | r);
			continue;
		}
		spin_lock_irqsave(&mailbox.lock, flags);
		if (worker_rand(w) % 2 && mailbox.n < MAILBOX) {
			mailbox.slot[mailbox.n++] = held[i]; /* someone else frees it */
			held[i] = NULL;
		} else if (mailbox.n) {
			p = mailbox.slot[--mailbox.n];
		}
		spin_unlock_irqrestore(&mailbox.lock, flags);
		if (p)
			worker_free(w, p);
		if (held[i]) {
			worker_free(w, held[i]);
			held[i] = NULL;
		}
	}
	for (unsigned int i = 0; i < HELD; i++)
		if (held[i])
			worker_free(w, held[i]);
	w->done = 1;
}

static void slub_all_cpus_at_once(struct ktap_test *t)
{
	struct kmem_cache *s = test_cache(t, "ktap-smp", 96, 0);
	unsigned int me = smp_processor_id(), cpu, n = 0;
	unsigned long bad = 0;

	if (!s)
		return;
	spin_lock_init(&mailbox.lock);
	mailbox.n = 0;
	for_each_online_cpu(cpu) {
		workers[cpu] = (struct slub_worker){ .s = s, .seed = 7 * cpu + 1 };
		INIT_WORK(&workers[cpu].work, slub_worker_fn);
		if (cpu != me)
			schedule_work_on((int)cpu, &workers[cpu].work);
		n++;
	}
	slub_worker_fn(&workers[me].work);
	for_each_online_cpu(cpu) {
		if (cpu != me)
			flush_work(&workers[cpu].work);
		bad += workers[cpu].bad;
		KTAP_EXPECT(t, workers[cpu].done);
	}
	while (mailbox.n)
		worker_free(&workers[me], mailbox.slot[--mailbox.n]);
	bad += workers[me].bad;
	ktap_print("%u CPUs, %u rounds each\n", n, ROUNDS);
	KTAP_EXPECT_EQ(t, bad, 0);
	KTAP_EXPECT_EQ(t, slab_live_objects(s), 0);
	KTAP_EXPECT_EQ(t, validate_slab_cache(s), 0);
	end_cache(t, s);
}

static const struct ktap_case slub_cases[] = {
	KTAP_CASE(slub_kmalloc_sizes),	    KTAP_CASE(slub_no_overlap),
	KTAP_CASE(slub_per_cpu_slab),	    KTAP_CASE(slub_partial_list_movement),
	KTAP_CASE(slub_debug_reports),	    KTAP_CASE(slub_hostile_frees),
	KTAP_CASE(slub_destroy_busy_cache), KTAP_CASE(slub_all_cpus_at_once),
};
KTAP_SUITE(slub_suite, "slub", slub_cases);
