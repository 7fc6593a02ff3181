// SPDX-License-Identifier: GPL-2.0
/*
 * Host tests of the slab allocator (mm/slub.c, mm/slab_common.c) on the
 * host's buddy allocator: kmem_cache_init()'s bootstrap, calculate_order()
 * against Linux's figures, and long random sequences of kmalloc, kfree,
 * krealloc, kmem_cache_alloc/free on several simulated CPUs, hostile
 * frees and flushes, against a reference model -- the set of live objects
 * and their contents -- with the allocator's invariants checked after
 * every step.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <linux/errno.h>
#include <linux/mm.h>
#include <linux/percpu.h>
#include <linux/slab.h>
#include <linux/smp.h>

#include "../../mm/slab.h"
#include "host_shim.h"

#define MAX_LIVE 400

struct obj {
	u8 *p;
	size_t size;		 /* bytes asked for and filled */
	struct kmem_cache *from; /* NULL: kmalloc() */
	u8 fill;
};

static struct obj live[MAX_LIVE];
static unsigned int nr_live;
static struct kmem_cache *own[3];
static unsigned long free_at_start;
static unsigned long long rng = 88172645463325252ULL;

static unsigned long rnd(unsigned long n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (unsigned long)(rng % n);
}

static unsigned long free_pages_drained(void)
{
	unsigned int cpu = host_cpu;

	for (unsigned int c = 0; c < HOST_NR_CPUS; c++) {
		host_cpu = c;
		drain_local_pages(NULL);
	}
	host_cpu = cpu;
	return nr_free_pages();
}

static void shrink_all(void)
{
	struct kmem_cache *s;

	list_for_each_entry(s, &slab_caches, list)
		kmem_cache_shrink(s);
}

/* boot once: the buddy allocator, then the slab allocator, as start_kernel() */
static int group_setup(void **state)
{
	host_boot_node(64, 64);
	kmem_cache_init();
	kmem_cache_init_late();
	return 0;
}

static int group_teardown(void **state)
{
	host_ram_free();
	return 0;
}

/* the bootstrap: kmem_cache and kmem_cache_node live in objects of themselves */
static void test_bootstrap(void **state)
{
	struct kmem_cache *s;
	unsigned int n = 0;
	bool seen_kc = false, seen_node = false;

	assert_true(host_log_contains("SLUB: HWalign=64, Order=0-3, MinObjects=0, CPUs=4, "
				      "Nodes=1"));
	list_for_each_entry(s, &slab_caches, list) {
		struct page *page = slab_page_of(s);

		n++;
		/* every cache, the boot ones too, is an object of kmem_cache now */
		assert_non_null(page);
		assert_string_equal(page->slab_cache->name, "kmem_cache");
		assert_string_equal(slab_page_of(s->node[0])->slab_cache->name, "kmem_cache_node");
		seen_kc |= !strcmp(s->name, "kmem_cache");
		seen_node |= !strcmp(s->name, "kmem_cache_node");
	}
	assert_int_equal(n, 15); /* 13 kmalloc caches and the two boot caches */
	assert_true(seen_kc && seen_node);
	assert_null(kmalloc_slab(KMALLOC_MAX_CACHE_SIZE + 1, GFP_KERNEL));
	assert_ptr_equal(kmalloc_slab(0, GFP_KERNEL), ZERO_SIZE_PTR);
}

/* calculate_order(): Linux's objects per slab and orders at 4 CPUs (slabinfo of 4.14) */
static void test_kmalloc_geometry(void **state)
{
	static const struct {
		unsigned int index, size, objs, order;
	} want[] = {
		{ 3, 8, 512, 0 },   { 6, 64, 64, 0 },	{ 1, 96, 42, 0 },    { 2, 192, 21, 0 },
		{ 8, 256, 16, 0 },  { 9, 512, 16, 1 },	{ 10, 1024, 16, 2 }, { 11, 2048, 16, 3 },
		{ 12, 4096, 8, 3 }, { 13, 8192, 4, 3 },
	};

	for (unsigned int i = 0; i < ARRAY_SIZE(want); i++) {
		struct kmem_cache *s = kmalloc_caches[want[i].index];
		struct slabinfo si;

		get_slabinfo(s, &si);
		assert_int_equal(s->size, want[i].size);
		assert_int_equal(si.objects_per_slab, want[i].objs);
		assert_int_equal(si.cache_order, want[i].order);
	}
}

static bool overlaps(const u8 *p, size_t size)
{
	for (unsigned int i = 0; i < nr_live; i++)
		if (p < live[i].p + live[i].size && live[i].p < p + size) {
			fprintf(stderr, "new %p+%zu overlaps live %p+%zu (%s)\n", (void *)p, size,
				(void *)live[i].p, live[i].size,
				live[i].from ? live[i].from->name : "kmalloc");
			return true;
		}
	return false;
}

static void check_contents(bool all)
{
	for (unsigned int i = 0; i < nr_live; i++) {
		const struct obj *o = &live[i];

		assert_int_equal(o->p[0], o->fill);
		assert_int_equal(o->p[o->size - 1], o->fill);
		if (all)
			for (size_t b = 0; b < o->size; b++)
				assert_int_equal(o->p[b], o->fill);
	}
}

/* one cache's structures agree with themselves and with the model */
static void check_cache(struct kmem_cache *s, unsigned long *slab_pages)
{
	struct kmem_cache_node *n = s->node[0];
	unsigned long nr_partial = 0;
	struct page *page;

	list_for_each_entry(page, &n->partial, lru) {
		unsigned int nfree = 0;

		assert_true(PageSlab(page));
		assert_ptr_equal(page->slab_cache, s);
		assert_false(page->frozen);
		assert_true(page->inuse < page->objects);
		for (void **p = page->freelist; p; p = *(void **)((char *)p + s->offset)) {
			assert_ptr_equal(slab_page_of(p), page);
			assert_true(++nfree <= page->objects);
		}
		assert_int_equal(nfree, page->objects - page->inuse);
		nr_partial++;
	}
	assert_int_equal(nr_partial, n->nr_partial);
	for (unsigned int cpu = 0; cpu < HOST_NR_CPUS; cpu++) {
		struct kmem_cache_cpu *c = per_cpu_ptr(s->cpu_slab, cpu);

		if (!c->page) {
			assert_null(c->freelist);
			continue;
		}
		assert_true(c->page->frozen);
		assert_ptr_equal(c->page->slab_cache, s);
		for (void *p = c->freelist; p; p = *(void **)((char *)p + s->offset))
			assert_ptr_equal(slab_page_of(p), c->page);
	}
	*slab_pages += n->nr_slabs << (s->oo.x >> 16);
}

static void check_invariants(unsigned long step)
{
	unsigned long slab_pages = 0, counted = 0;
	struct kmem_cache *s;
	struct zone *zone;

	check_contents(step % 64 == 0);
	list_for_each_entry(s, &slab_caches, list)
		check_cache(s, &slab_pages);
	for_each_zone(zone)
		counted += (unsigned long)zone->vm_stat[NR_SLAB_UNRECLAIMABLE];
	assert_int_equal(slab_pages, counted);
	for (unsigned int k = 0; k < ARRAY_SIZE(own); k++) {
		unsigned long want = 0;

		for (unsigned int i = 0; i < nr_live; i++)
			want += live[i].from == own[k];
		assert_int_equal(slab_live_objects(own[k]), want);
	}
}

static void add_live(u8 *p, size_t size, struct kmem_cache *from)
{
	struct obj *o;

	assert_non_null(p);
	assert_false(overlaps(p, size));
	o = &live[nr_live++];
	assert_int_equal((uintptr_t)p % ARCH_KMALLOC_MINALIGN, 0);
	o->p = p;
	o->size = size;
	o->from = from;
	o->fill = (u8)(1 + rnd(254));
	memset(p, o->fill, size);
}

static void drop_live(unsigned int i)
{
	live[i] = live[--nr_live];
}

static size_t random_size(void)
{
	switch (rnd(10)) {
	case 0:
		return 8193 + rnd(30000); /* kmalloc_large */
	case 1:
	case 2:
		return 1 + rnd(8192);
	default:
		return 1 + rnd(300);
	}
}

static void one_step(unsigned long step)
{
	unsigned long op = rnd(100);

	if (op < 45 && nr_live < MAX_LIVE) {
		if (rnd(2)) {
			size_t size = random_size();
			u8 *p = __kmalloc(size, GFP_KERNEL);

			assert_true(ksize(p) >= size);
			add_live(p, size, NULL);
		} else {
			struct kmem_cache *s = own[rnd(ARRAY_SIZE(own))];

			add_live(kmem_cache_alloc(s, GFP_KERNEL), s->object_size, s);
		}
	} else if (op < 85 && nr_live) {
		unsigned int i = (unsigned int)rnd(nr_live);

		if (live[i].from)
			kmem_cache_free(live[i].from, live[i].p);
		else
			kfree(live[i].p);
		drop_live(i);
	} else if (op < 90) {
		host_cpu = (unsigned int)rnd(HOST_NR_CPUS);
	} else if (op < 93) {
		kmem_cache_shrink(own[rnd(ARRAY_SIZE(own))]);
	} else if (op < 97 && nr_live) {
		unsigned int i = (unsigned int)rnd(nr_live);
		size_t size = random_size(), keep;
		u8 fill = live[i].fill, *q;

		if (live[i].from)
			return;
		keep = min(size, live[i].size);
		q = krealloc(live[i].p, size, GFP_KERNEL);
		assert_non_null(q);
		for (size_t b = 0; b < keep; b++)
			assert_int_equal(q[b], fill);
		drop_live(i);
		add_live(q, size, NULL);
	} else if (nr_live) {
		/* hostile: the middle of an object, refused, nothing changed */
		unsigned int i = (unsigned int)rnd(nr_live);

		if (live[i].size > 1 && live[i].size <= KMALLOC_MAX_CACHE_SIZE)
			assert_int_equal(kfree_checked(live[i].p + 1 + rnd(live[i].size - 1)),
					 -EINVAL);
	}
	check_invariants(step);
}

/* random sequences against the model, on four CPUs; at the end every page is back */
static void test_random_against_model(void **state)
{
	shrink_all();
	free_at_start = free_pages_drained();
	own[0] = kmem_cache_create("host-24", 24, 0, 0, NULL);
	own[1] = kmem_cache_create("host-200", 200, 0, SLAB_HWCACHE_ALIGN, NULL);
	own[2] = kmem_cache_create(
		"host-debug-1000", 1000, 0,
		SLAB_CONSISTENCY_CHECKS | SLAB_RED_ZONE | SLAB_POISON | SLAB_STORE_USER, NULL);
	for (unsigned int k = 0; k < ARRAY_SIZE(own); k++)
		assert_non_null(own[k]);
	assert_int_equal(own[1]->align, 64);
	for (unsigned long step = 0; step < 20000; step++)
		one_step(step);
	check_contents(true);
	while (nr_live) {
		if (live[0].from)
			kmem_cache_free(live[0].from, live[0].p);
		else
			kfree(live[0].p);
		drop_live(0);
	}
	for (unsigned int k = 0; k < ARRAY_SIZE(own); k++) {
		assert_int_equal(slab_live_objects(own[k]), 0);
		kmem_cache_destroy(own[k]);
	}
	host_cpu = 0;
	shrink_all();
	assert_int_equal(free_pages_drained(), free_at_start);
	assert_false(host_log_contains("BUG "));
}

/* hostile frees on the host: reported, refused, counted nowhere */
static void test_hostile_frees(void **state)
{
	struct kmem_cache *s = kmem_cache_create("host-hostile", 64, 0, 0, NULL);
	struct page *page = alloc_pages(GFP_KERNEL, 0);
	u8 *p = kmem_cache_alloc(s, GFP_KERNEL);
	u8 *big = kmalloc(20000, GFP_KERNEL);

	host_log_reset();
	assert_int_equal(kfree_checked(page_address(page)), -EINVAL);
	assert_true(host_log_contains("not slab memory"));
	assert_int_equal(kfree_checked(p + 8), -EINVAL);
	assert_true(host_log_contains("inside the host-hostile object"));
	assert_int_equal(kfree_checked(big + PAGE_SIZE), -EINVAL);
	assert_true(host_log_contains("inside a kmalloc_large() block"));
	assert_int_equal(kfree_checked(p), 0);
	assert_int_equal(kfree_checked(p), -EALREADY);
	assert_true(host_log_contains("BUG host-hostile ("));
	assert_true(host_log_contains("): Object already free"));
	assert_int_equal(slab_live_objects(s), 0);
	/* kmem_cache_free() to the wrong cache, or of no slab memory: refused */
	p = kmalloc(64, GFP_KERNEL);
	host_log_reset();
	kmem_cache_free(s, p);
	assert_true(host_log_contains("Wrong slab cache. host-hostile but object is from "
				      "kmalloc-64"));
	kmem_cache_free(s, page_address(page));
	assert_true(host_log_contains("but object is from no slab"));
	assert_int_equal(slab_live_objects(s), 0);
	kfree(p);
	kfree(big);
	__free_pages(page, 0);
	kmem_cache_destroy(s);
}

/* slub_debug's red zone, poison and double-free reports, and the cache survives */
static void test_debug_reports(void **state)
{
	struct kmem_cache *s = kmem_cache_create(
		"host-dbg", 64, 0,
		SLAB_CONSISTENCY_CHECKS | SLAB_RED_ZONE | SLAB_POISON | SLAB_STORE_USER, NULL);
	u8 *p = kmem_cache_alloc(s, GFP_KERNEL);

	host_log_reset();
	p[64] = 0;
	kmem_cache_free(s, p);
	assert_true(host_log_contains("): Redzone overwritten"));
	assert_true(host_log_contains("First byte 0x0 instead of 0xcc"));
	assert_true(host_log_contains("FIX host-dbg: Object at "));
	assert_int_equal(slab_live_objects(s), 1);
	kmem_cache_free(s, p);
	assert_int_equal(slab_live_objects(s), 0);
	host_log_reset();
	kmem_cache_free(s, p);
	assert_true(host_log_contains("): Object already free"));
	host_log_reset();
	p[0] = 1;
	assert_int_equal(validate_slab_cache(s), 1);
	assert_true(host_log_contains("): Poison overwritten"));
	assert_int_equal(validate_slab_cache(s), 0);
	kmem_cache_destroy(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_bootstrap),
		cmocka_unit_test(test_kmalloc_geometry),
		cmocka_unit_test(test_random_against_model),
		cmocka_unit_test(test_hostile_frees),
		cmocka_unit_test(test_debug_reports),
	};

	return cmocka_run_group_tests_name("slub", tests, group_setup, group_teardown);
}
