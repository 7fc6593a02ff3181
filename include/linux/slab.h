/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_SLAB_H
#define _LINUX_SLAB_H

/*
 * include/linux/slab.h @ v4.14: the kernel's allocators for objects smaller
 * than a page -- kmem_cache_*() for objects of one kind, kmalloc() for
 * any size -- as the SLUB allocator (mm/slub.c) provides them.
 *
 *   struct kmem_cache *c = kmem_cache_create("task_struct", sizeof(struct task_struct),
 *                                            0, SLAB_HWCACHE_ALIGN | SLAB_PANIC, NULL);
 *   struct task_struct *t = kmem_cache_alloc(c, GFP_KERNEL);
 *   kmem_cache_free(c, t);
 *
 *   char *buf = kmalloc(100, GFP_KERNEL);      from kmalloc-128
 *   kfree(buf);
 *
 * kmalloc() rounds a request up to one of Linux's size classes, each a
 * cache of its own ("kmalloc-8" .. "kmalloc-8192", and "kmalloc-96",
 * "kmalloc-192" for the sizes a power of two would waste most on);
 * above 8 KiB it takes whole pages from the buddy allocator
 * (kmalloc_large(): a compound block of order get_order(size)).
 *
 * Callable with interrupts on or off, on any CPU; nothing here sleeps.
 * kmem_cache_create/destroy/shrink want interrupts on (they reach the
 * other CPUs by IPI).
 */
#include <linux/gfp.h>
#include <linux/types.h>
#include <asm/cache.h>
#include <asm/page.h>

/* include/linux/types.h: slab_flags_t @ v4.15 (4.14 passes an unsigned long) */
typedef unsigned int slab_flags_t;

/*
 * The flags of kmem_cache_create(), Linux's values.  The first four are
 * SLUB's debugging (slub_debug= turns them on from the command line).
 */
#define SLAB_CONSISTENCY_CHECKS 0x00000100U /* 'F': check objects and slabs at every step */
#define SLAB_RED_ZONE		0x00000400U /* 'Z': guard bytes around each object */
#define SLAB_POISON		0x00000800U /* 'P': free objects filled with 0x6b..0xa5 */
#define SLAB_HWCACHE_ALIGN	0x00002000U /* objects on cache-line boundaries */
#define SLAB_STORE_USER		0x00010000U /* 'U': who allocated and freed each object */
#define SLAB_RECLAIM_ACCOUNT	0x00020000U /* pages counted as reclaimable (SReclaimable) */
#define SLAB_PANIC		0x00040000U /* kmem_cache_create() failing panics */
#define SLAB_TRACE		0x00200000U /* 'T': print every allocation and free */

/* include/linux/slab.h @ v4.14: kmalloc(0)'s answer, a pointer no access may use */
#define ZERO_SIZE_PTR	    ((void *)16)
#define ZERO_OR_NULL_PTR(x) ((unsigned long)(x) <= (unsigned long)ZERO_SIZE_PTR)

/*
 * Alignment.  Linux on ARM32 makes ARCH_KMALLOC_MINALIGN a whole cache
 * line (ARCH_DMA_MINALIGN, 64: its DMA is not cache-coherent, so no two
 * kmalloc() buffers may share a line), and then has no kmalloc-8..-32
 * and no kmalloc-96.  a9mm does no DMA: it takes the architecture's
 * smallest alignment, as Linux does where DMA is coherent, and so has
 * every size class from 8 bytes.
 */
#define ARCH_KMALLOC_MINALIGN ARCH_SLAB_MINALIGN
#define KMALLOC_MIN_SIZE      (1 << KMALLOC_SHIFT_LOW)

/*
 * SLUB's size classes (include/linux/slab.h @ v4.14, CONFIG_SLUB): caches up
 * to two pages (kmalloc-8192); above that, the page allocator, up to its
 * largest block (KMALLOC_MAX_SIZE: 4 MiB).
 */
#define KMALLOC_SHIFT_LOW      3
#define KMALLOC_SHIFT_HIGH     (PAGE_SHIFT + 1)
#define KMALLOC_SHIFT_MAX      (MAX_ORDER + PAGE_SHIFT - 1)
#define KMALLOC_MAX_SIZE       (1UL << KMALLOC_SHIFT_MAX)
#define KMALLOC_MAX_CACHE_SIZE (1UL << KMALLOC_SHIFT_HIGH)

struct kmem_cache;

/* kmalloc_caches[i]: objects of 2^i bytes, [1] 96 and [2] 192 (mm/slab_common.c) */
extern struct kmem_cache *kmalloc_caches[KMALLOC_SHIFT_HIGH + 1];

/* mm/slab_common.c */
struct kmem_cache *kmem_cache_create(const char *name, size_t size, size_t align,
				     slab_flags_t flags, void (*ctor)(void *));
void kmem_cache_destroy(struct kmem_cache *s);
int kmem_cache_shrink(struct kmem_cache *s);
struct kmem_cache *kmalloc_slab(size_t size, gfp_t flags);
void *krealloc(const void *p, size_t new_size, gfp_t flags);

/* mm/slub.c */
void kmem_cache_init(void);
void kmem_cache_init_late(void);
void *kmem_cache_alloc(struct kmem_cache *s, gfp_t flags);
void *kmem_cache_alloc_trace(struct kmem_cache *s, gfp_t flags, size_t size);
void kmem_cache_free(struct kmem_cache *s, void *x);
void *__kmalloc(size_t size, gfp_t flags);
void *kmalloc_order(size_t size, gfp_t flags, unsigned int order);
void kfree(const void *x);
int kfree_checked(const void *x); /* a9mm: kfree() with every check, for the shell */
size_t ksize(const void *x);

/* mm/slab_common.c: /proc/slabinfo (slabinfo 2.1) through a printf-like */
void show_slabinfo(int (*print)(const char *fmt, ...));

/*
 * include/linux/slab.h: kmalloc_index() @ v4.14: the kmalloc cache a size
 * goes to -- 0 for 0 bytes, 1 (kmalloc-96) and 2 (kmalloc-192) for the
 * sizes they serve, else the power of two that holds it; -1 past
 * kmalloc-8192 (those go to kmalloc_large()).  A constant for a constant
 * size: kmalloc(64, ...) compiles to kmalloc-64 directly.
 */
static __always_inline int kmalloc_index(size_t size)
{
	if (!size)
		return 0;
	if (size <= KMALLOC_MIN_SIZE)
		return KMALLOC_SHIFT_LOW;
	if (KMALLOC_MIN_SIZE <= 32 && size > 64 && size <= 96)
		return 1;
	if (KMALLOC_MIN_SIZE <= 64 && size > 128 && size <= 192)
		return 2;
	for (int i = KMALLOC_SHIFT_LOW; i <= KMALLOC_SHIFT_HIGH; i++)
		if (size <= (1UL << i))
			return i;
	return -1;
}

/*
 * include/linux/slab.h: kmalloc_large() @ v4.14: whole pages, a compound
 * block (__GFP_COMP) so that kfree() and ksize() find its order again.
 */
static __always_inline void *kmalloc_large(size_t size, gfp_t flags)
{
	return kmalloc_order(size, flags, get_order(size));
}

/*
 * include/linux/slab.h: kmalloc() @ v4.14: a constant size picks its cache
 * here, at compile time; any other goes through __kmalloc().
 */
static __always_inline void *kmalloc(size_t size, gfp_t flags)
{
	if (__builtin_constant_p(size)) {
		int index;

		if (size > KMALLOC_MAX_CACHE_SIZE)
			return kmalloc_large(size, flags);
		index = kmalloc_index(size);
		if (!index)
			return ZERO_SIZE_PTR;
		return kmem_cache_alloc_trace(kmalloc_caches[index], flags, size);
	}
	return __kmalloc(size, flags);
}

/* include/linux/slab.h: kzalloc() @ v4.14: kmalloc(), zeroed */
static inline void *kzalloc(size_t size, gfp_t flags)
{
	return kmalloc(size, flags | __GFP_ZERO);
}

/* include/linux/slab.h: kmalloc_array() @ v4.14: n * size, refused if that overflows */
static inline void *kmalloc_array(size_t n, size_t size, gfp_t flags)
{
	if (size != 0 && n > SIZE_MAX / size)
		return NULL;
	return __kmalloc(n * size, flags);
}

/* include/linux/slab.h: kcalloc() @ v4.14 */
static inline void *kcalloc(size_t n, size_t size, gfp_t flags)
{
	return kmalloc_array(n, size, flags | __GFP_ZERO);
}

/* include/linux/slab.h: kmem_cache_zalloc() @ v4.14 */
static inline void *kmem_cache_zalloc(struct kmem_cache *s, gfp_t flags)
{
	return kmem_cache_alloc(s, flags | __GFP_ZERO);
}

#endif
