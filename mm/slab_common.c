// SPDX-License-Identifier: GPL-2.0
/*
 * mm/slab_common.c @ v4.14: what does not depend on the slab allocator's
 * inner workings -- making and destroying caches, the kmalloc size
 * classes, krealloc(), /proc/slabinfo.
 *
 * Linux merges a new cache into an existing one of the same size and
 * flags (__kmem_cache_alias(): "slub_nomerge" turns it off); a9mm never
 * merges, so every cache stays visible under its own name in
 * /proc/slabinfo -- what a learner wants to see.
 */

#include <linux/errno.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/slub_def.h>
#include "slab.h"

struct kmem_cache *kmalloc_caches[KMALLOC_SHIFT_HIGH + 1];

/*
 * mm/slab_common.c: size_index[] @ v4.14: the kmalloc cache of each size
 * up to 192, in steps of 8 (size_index_elem(): (size - 1) / 8) -- where
 * a power of two is not the answer (96, 192).
 */
static u8 size_index[24] = {
	3, /* 8 */ 4,	/* 16 */ 5,  /* 24 */ 5,  /* 32 */ 6,  /* 40 */ 6,  /* 48 */
	6, /* 56 */ 6,	/* 64 */ 1,  /* 72 */ 1,  /* 80 */ 1,  /* 88 */ 1,  /* 96 */
	7, /* 104 */ 7, /* 112 */ 7, /* 120 */ 7, /* 128 */ 2, /* 136 */ 2, /* 144 */
	2, /* 152 */ 2, /* 160 */ 2, /* 168 */ 2, /* 176 */ 2, /* 184 */ 2, /* 192 */
};

/* mm/slab_common.c: kmalloc_info[] @ v4.14: the caches' names and sizes, by index */
static const struct {
	const char *name;
	unsigned int size;
} kmalloc_info[KMALLOC_SHIFT_HIGH + 1] = {
	{ NULL, 0 },
	{ "kmalloc-96", 96 },
	{ "kmalloc-192", 192 },
	{ "kmalloc-8", 8 },
	{ "kmalloc-16", 16 },
	{ "kmalloc-32", 32 },
	{ "kmalloc-64", 64 },
	{ "kmalloc-128", 128 },
	{ "kmalloc-256", 256 },
	{ "kmalloc-512", 512 },
	{ "kmalloc-1024", 1024 },
	{ "kmalloc-2048", 2048 },
	{ "kmalloc-4096", 4096 },
	{ "kmalloc-8192", 8192 },
};

/**
 * kmalloc_slab() - the kmalloc cache a size goes to
 * @size: bytes, at most KMALLOC_MAX_CACHE_SIZE
 * @flags: GFP flags (Linux picks a DMA cache with GFP_DMA; a9mm has none)
 *
 * mm/slab_common.c: kmalloc_slab() @ v4.14: size_index[] up to 192, the
 * power of two above.
 *
 * Return: the cache; ZERO_SIZE_PTR for 0 bytes; NULL past the largest.
 */
struct kmem_cache *kmalloc_slab(size_t size, gfp_t flags)
{
	unsigned int index;

	if (size <= 192) {
		if (!size)
			return ZERO_SIZE_PTR;
		index = size_index[(size - 1) / 8];
	} else {
		if (unlikely(size > KMALLOC_MAX_CACHE_SIZE)) {
			WARN_ON(1);
			return NULL;
		}
		index = (unsigned int)fls((unsigned int)size - 1);
	}
	return kmalloc_caches[index];
}

/* mm/util.c: kstrdup() @ v4.14: a cache keeps its own copy of its name */
static char *kstrdup(const char *s, gfp_t gfp)
{
	size_t len = strlen(s) + 1;
	char *buf = kmalloc(len, gfp);

	if (buf)
		memcpy(buf, s, len);
	return buf;
}

/**
 * create_boot_cache() - a cache in a static structure, before kmalloc works
 * @s: the structure (zeroed)
 * @name: the cache's name
 * @size: its objects' size
 * @flags: SLAB_* flags
 *
 * mm/slab_common.c: create_boot_cache() @ v4.14, for kmem_cache_init()'s
 * boot caches and the kmalloc caches.  Panics on failure: no slab
 * allocator, no kernel.
 */
void __init create_boot_cache(struct kmem_cache *s, const char *name, unsigned int size,
			      slab_flags_t flags)
{
	int err;

	s->name = name;
	s->size = s->object_size = size;
	s->align = calculate_alignment(flags, ARCH_KMALLOC_MINALIGN, size);
	err = __kmem_cache_create(s, kmem_cache_flags(size, flags, name));
	if (err)
		panic("Creation of kmalloc slab %s size=%u failed. Reason %d\n", name, size, err);
	s->refcount = -1; /* never destroyed */
}

/**
 * create_kmalloc_cache() - one kmalloc size class
 * @name: "kmalloc-64"
 * @size: 64
 * @flags: SLAB_* flags
 *
 * mm/slab_common.c: create_kmalloc_cache() @ v4.14.
 *
 * Return: the cache (on slab_caches).
 */
struct kmem_cache *__init create_kmalloc_cache(const char *name, unsigned int size,
					       slab_flags_t flags)
{
	struct kmem_cache *s = kmem_cache_zalloc(kmem_cache, GFP_NOWAIT);

	if (!s)
		panic("Out of memory when creating slab %s\n", name);
	create_boot_cache(s, name, size, flags);
	list_add(&s->list, &slab_caches);
	return s;
}

/**
 * create_kmalloc_caches() - kmalloc-8 .. kmalloc-8192, and 96, 192
 * @flags: SLAB_* flags for all of them
 *
 * mm/slab_common.c: create_kmalloc_caches() @ v4.14, in Linux's order
 * (powers of two, 96 after 64, 192 after 128); kmalloc works when it
 * returns (slab_state UP).
 */
void __init create_kmalloc_caches(slab_flags_t flags)
{
	for (unsigned int i = KMALLOC_SHIFT_LOW; i <= KMALLOC_SHIFT_HIGH; i++) {
		kmalloc_caches[i] =
			create_kmalloc_cache(kmalloc_info[i].name, kmalloc_info[i].size, flags);
		if (i == 6)
			kmalloc_caches[1] = create_kmalloc_cache(kmalloc_info[1].name,
								 kmalloc_info[1].size, flags);
		if (i == 7)
			kmalloc_caches[2] = create_kmalloc_cache(kmalloc_info[2].name,
								 kmalloc_info[2].size, flags);
	}
	slab_state = UP;
}

/**
 * kmem_cache_create() - a cache of objects of one kind
 * @name: its name (/proc/slabinfo); copied
 * @size: the object's size (a word at least, KMALLOC_MAX_SIZE at most)
 * @align: the alignment wanted (0: ARCH_SLAB_MINALIGN), a power of two
 * @flags: SLAB_HWCACHE_ALIGN, SLAB_PANIC, SLAB_RECLAIM_ACCOUNT, the
 *         debugging flags
 * @ctor: run on every object when its slab is made (NULL: none)
 *
 * mm/slab_common.c: kmem_cache_create() @ v4.14 (without merging).
 * Interrupts on.
 *
 * Return: the cache, or NULL (said why; SLAB_PANIC: panics instead).
 */
struct kmem_cache *kmem_cache_create(const char *name, size_t size, size_t align,
				     slab_flags_t flags, void (*ctor)(void *))
{
	struct kmem_cache *s = NULL;
	int err = -EINVAL;

	if (!name || !*name || size < sizeof(void *) || size > KMALLOC_MAX_SIZE ||
	    (align & (align - 1)) || align > PAGE_SIZE || slab_state < UP) {
		pr_err("kmem_cache_create(%s) integrity check failed (size %zu, align %zu)\n",
		       name ? name : "(null)", size, align);
		goto out;
	}
	err = -ENOMEM;
	s = kmem_cache_zalloc(kmem_cache, GFP_KERNEL);
	if (!s)
		goto out;
	s->name = kstrdup(name, GFP_KERNEL);
	if (!s->name)
		goto out_free;
	s->object_size = s->size = (unsigned int)size;
	s->align = calculate_alignment(flags, (unsigned int)align, (unsigned int)size);
	s->ctor = ctor;
	err = __kmem_cache_create(s, kmem_cache_flags((unsigned int)size, flags, name));
	if (err)
		goto out_free;
	s->refcount = 1;
	spin_lock(&slab_caches_lock);
	list_add(&s->list, &slab_caches);
	spin_unlock(&slab_caches_lock);
	return s;
out_free:
	kfree(s->name);
	kmem_cache_free(kmem_cache, s);
	s = NULL;
out:
	if (flags & SLAB_PANIC)
		panic("kmem_cache_create: Failed to create slab '%s'. Error %d\n",
		      name ? name : "(null)", err);
	pr_warn("kmem_cache_create(%s) failed with error %d\n", name ? name : "(null)", err);
	return NULL;
}

/**
 * kmem_cache_destroy() - a cache no longer needed
 * @s: the cache (NULL: nothing)
 *
 * mm/slab_common.c: kmem_cache_destroy() @ v4.14: its empty slabs back to
 * the page allocator, the cache freed.  A cache that still has objects
 * allocated is reported and kept (Linux's "kmem_cache_destroy %s: Slab
 * cache still has objects").  Interrupts on.
 */
void kmem_cache_destroy(struct kmem_cache *s)
{
	if (!s)
		return;
	if (s->refcount < 0) {
		pr_err("kmem_cache_destroy %s: a boot cache cannot be destroyed\n", s->name);
		return;
	}
	spin_lock(&slab_caches_lock);
	list_del(&s->list);
	spin_unlock(&slab_caches_lock);
	if (__kmem_cache_shutdown(s)) {
		pr_err("kmem_cache_destroy %s: Slab cache still has objects\n", s->name);
		spin_lock(&slab_caches_lock);
		list_add(&s->list, &slab_caches);
		spin_unlock(&slab_caches_lock);
		return;
	}
	kfree(s->name);
	kmem_cache_free(kmem_cache, s);
}

/**
 * krealloc() - resize a kmalloc() allocation
 * @p: what kmalloc() returned (NULL: kmalloc())
 * @new_size: the size wanted (0: kfree(), returns ZERO_SIZE_PTR)
 * @flags: GFP flags
 *
 * mm/slab_common.c: krealloc() + __do_krealloc() @ v4.14: the same memory
 * when ksize() already covers @new_size, else a new allocation with the
 * contents copied and the old freed.
 *
 * Return: the memory, or NULL (then @p is untouched).
 */
void *krealloc(const void *p, size_t new_size, gfp_t flags)
{
	size_t ks;
	void *ret;

	if (unlikely(!new_size)) {
		kfree(p);
		return ZERO_SIZE_PTR;
	}
	ks = ZERO_OR_NULL_PTR(p) ? 0 : ksize(p);
	if (ks >= new_size)
		return (void *)p;
	ret = __kmalloc(new_size, flags);
	if (ret && ks) {
		memcpy(ret, p, ks);
		kfree(p);
	}
	return ret;
}

/**
 * show_slabinfo() - /proc/slabinfo
 * @print: printf-like output
 *
 * mm/slab_common.c: print_slabinfo_header() + cache_show() @ v4.14, format
 * 2.1, newest cache first (slab_caches' order).  SLUB has no tunables:
 * zeros, as on Linux.
 */
void show_slabinfo(int (*print)(const char *fmt, ...))
{
	struct kmem_cache *s;

	print("slabinfo - version: 2.1\n");
	print("# name            <active_objs> <num_objs> <objsize> <objperslab> "
	      "<pagesperslab> : tunables <limit> <batchcount> <sharedfactor> : slabdata "
	      "<active_slabs> <num_slabs> <sharedavail>\n");
	spin_lock(&slab_caches_lock);
	list_for_each_entry(s, &slab_caches, list) {
		struct slabinfo si;

		get_slabinfo(s, &si);
		print("%-17s %6lu %6lu %6u %4u %4d : tunables %4u %4u %4u : slabdata %6lu %6lu %6lu\n",
		      s->name, si.active_objs, si.num_objs, s->size, si.objects_per_slab,
		      1 << si.cache_order, 0U, 0U, 0U, si.active_slabs, si.num_slabs, 0UL);
	}
	spin_unlock(&slab_caches_lock);
}
