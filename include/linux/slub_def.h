/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_SLUB_DEF_H
#define _LINUX_SLUB_DEF_H

/*
 * include/linux/slub_def.h @ v4.14: a SLUB cache.
 *
 *   struct kmem_cache "kmalloc-64"
 *     cpu_slab --> per CPU: struct kmem_cache_cpu
 *                    page      the CPU's active slab (frozen: on no list)
 *                    freelist  its free objects, this CPU's alone: the
 *                              fast path pops and pushes here, no lock
 *     node[0]  --> struct kmem_cache_node (mm/slab.h)
 *                    partial   slabs with free objects, under list_lock
 *                    full      full slabs (debugging with 'U' only)
 *     oo        order and objects of a slab: 1 page, 64 objects
 *     size      bytes an object takes in the slab (object_size + metadata)
 *
 * A slab is a block of 2^order pages from the buddy allocator; its
 * struct page (the head) keeps the slab's state (linux/mm_types.h).
 */
#include <linux/list.h>
#include <linux/slab.h>

/*
 * include/linux/slub_def.h: enum stat_item @ v4.14 (CONFIG_SLUB_STATS), the
 * events of the slow paths; the shell and the self-tests read them to say
 * which path an allocation or a free took.  The fast paths are not
 * counted (one does not happen if no slow one did), so they cost what
 * Linux's do.
 */
enum stat_item {
	ALLOC_SLOWPATH,		 /* the CPU's freelist was empty */
	ALLOC_REFILL,		 /* refilled from its slab's freelist (frees from other CPUs) */
	ALLOC_FROM_PARTIAL,	 /* a slab from the node's partial list */
	ALLOC_SLAB,		 /* a new slab from the page allocator */
	FREE_SLOWPATH,		 /* freed to a slab other than the CPU's active one */
	FREE_FROZEN,		 /* ... to another CPU's active slab */
	FREE_ADD_PARTIAL,	 /* the slab was full: now on the partial list */
	FREE_REMOVE_PARTIAL,	 /* the slab became empty: off the partial list */
	FREE_SLAB,		 /* a slab went back to the page allocator */
	CPUSLAB_FLUSH,		 /* the CPU's slab was given up by flush_all() */
	DEACTIVATE_FULL,	 /* a CPU gave up its slab full: on no list */
	DEACTIVATE_EMPTY,	 /* ... empty: freed */
	DEACTIVATE_TO_HEAD,	 /* ... with free objects: to the partial list's head */
	DEACTIVATE_TO_TAIL,	 /* ... to its tail */
	DEACTIVATE_REMOTE_FREES, /* ... and objects other CPUs had freed were on it */
	ORDER_FALLBACK,		 /* no block of the slab's order: a smaller one */
	NR_SLUB_STAT_ITEMS
};

/*
 * include/linux/slub_def.h: struct kmem_cache_cpu @ v4.14, without tid:
 * Linux's lockless fast path runs with preemption on and detects, by
 * the transaction id, that it moved CPU or was interrupted between
 * reading freelist and its this_cpu_cmpxchg_double(); a9mm's runs with
 * interrupts off (mm/slub.c explains why that is enough), and without
 * CONFIG_SLUB_CPU_PARTIAL, so no per-CPU list of partial slabs.
 */
struct kmem_cache_cpu {
	void **freelist;   /* the next free object of page, or NULL */
	struct page *page; /* the slab this CPU allocates from, or NULL */
	unsigned int stat[NR_SLUB_STAT_ITEMS];
};

/* include/linux/slub_def.h: order (high 16 bits) and objects of a slab, in one word */
struct kmem_cache_order_objects {
	unsigned int x;
};

/* include/linux/slub_def.h: struct kmem_cache @ v4.14 */
struct kmem_cache {
	struct kmem_cache_cpu __percpu *cpu_slab;
	slab_flags_t flags;
	unsigned long min_partial;    /* partial slabs the node keeps even when empty */
	unsigned int size;	      /* an object with its metadata: the stride in the slab */
	unsigned int object_size;     /* what the user asked for */
	unsigned int offset;	      /* where the free pointer is in an object */
	unsigned int reciprocal_size; /* 2^32 / size, rounded up: obj_to_index() */
	struct kmem_cache_order_objects oo;  /* the slab's order and objects */
	struct kmem_cache_order_objects min; /* the smallest order that fits one */
	gfp_t allocflags;		     /* GFP flags for the slab's pages */
	int refcount;			     /* kmem_cache_create()s of it not destroyed */
	void (*ctor)(void *);		     /* run on each object of a new slab */
	unsigned int inuse;		     /* object_size and red zone: where metadata starts */
	unsigned int align;		     /* objects start at multiples of it */
	unsigned int red_left_pad;	     /* the red zone before an object */
	const char *name;
	struct list_head list; /* on slab_caches */
	struct kmem_cache_node *node[MAX_NUMNODES];
};

#endif
