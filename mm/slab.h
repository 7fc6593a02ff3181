/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _MM_SLAB_H
#define _MM_SLAB_H

/*
 * mm/slab.h @ v4.14: what the slab allocator's files share -- the per-node
 * lists, the list of caches, how far bootstrap has come, and the
 * introspection the shell, /proc/slabinfo and the tests read.
 */
#include <linux/list.h>
#include <linux/slub_def.h>
#include <linux/spinlock.h>

/*
 * mm/slab.h: struct kmem_cache_node @ v4.14 (the SLUB part).  list_lock
 * guards the lists and, in a9mm, every slab's own state too (its
 * freelist, inuse and frozen: mm/slub.c says why).
 *
 *   partial --> [slab]<->[slab]<->...   some objects free: where a CPU
 *                                       takes its next slab from
 *   full    --> [slab]<->...            every object in use (only with
 *                                       slub_debug: nothing else needs them)
 */
struct kmem_cache_node {
	spinlock_t list_lock;
	unsigned long nr_partial;
	struct list_head partial;
	unsigned long nr_slabs;	     /* slabs of this cache on the node, all states */
	unsigned long total_objects; /* objects they hold */
	struct list_head full;
};

/* mm/slab.h: enum slab_state @ v4.14: how far kmem_cache_init() has come */
enum slab_state {
	DOWN,	 /* no slab allocator yet */
	PARTIAL, /* kmem_cache_node works: other caches can be made */
	UP,	 /* kmalloc works */
	FULL,	 /* everything */
};

extern enum slab_state slab_state;
extern struct list_head slab_caches; /* every cache, in creation order */
extern spinlock_t slab_caches_lock;  /* guards slab_caches (mutex in Linux) */
extern struct kmem_cache *kmem_cache;

/* The debugging flags (slub_debug=F, Z, P, U, T) */
#define SLAB_DEBUG_FLAGS \
	(SLAB_RED_ZONE | SLAB_POISON | SLAB_STORE_USER | SLAB_TRACE | SLAB_CONSISTENCY_CHECKS)

/* mm/slub.c, for mm/slab_common.c */
int __kmem_cache_create(struct kmem_cache *s, slab_flags_t flags);
int __kmem_cache_shutdown(struct kmem_cache *s);
slab_flags_t kmem_cache_flags(unsigned int object_size, slab_flags_t flags, const char *name);
unsigned int calculate_alignment(slab_flags_t flags, unsigned int align, unsigned int size);
void create_kmalloc_caches(slab_flags_t flags);
struct kmem_cache *create_kmalloc_cache(const char *name, unsigned int size, slab_flags_t flags);
void create_boot_cache(struct kmem_cache *s, const char *name, unsigned int size,
		       slab_flags_t flags);

/* mm/slub.c: get_slabinfo() @ v4.14: one cache's counts, for /proc/slabinfo */
struct slabinfo {
	unsigned long active_objs, num_objs, active_slabs, num_slabs;
	unsigned int objects_per_slab, cache_order;
};
void get_slabinfo(struct kmem_cache *s, struct slabinfo *sinfo);

/*
 * a9mm: one cache's state in detail, for the shell's demos and the tests:
 * each CPU's active slab and the objects on its freelist, the node's
 * partial slabs and their free objects.
 */
#define SLAB_SNAP_PARTIAL 16
struct slab_snapshot {
	struct {
		const struct page *page;  /* the active slab, or NULL */
		unsigned int cpu_free;	  /* objects on the CPU's freelist */
		unsigned int remote_free; /* on the slab's own freelist (other CPUs' frees) */
	} cpu[NR_CPUS];
	unsigned long nr_partial, nr_slabs, total_objects, nr_full;
	unsigned int nr_listed; /* partial slabs below (at most SLAB_SNAP_PARTIAL) */
	struct {
		const struct page *page;
		unsigned int inuse, objects;
	} partial[SLAB_SNAP_PARTIAL];
	unsigned int stat[NR_SLUB_STAT_ITEMS]; /* summed over the CPUs */
};
void slab_snapshot(struct kmem_cache *s, struct slab_snapshot *snap);

/* the slab an object lives in, or NULL if x is no slab object's address */
struct page *slab_page_of(const void *x);

/* how many objects a slab_cache holds, and how many of them are allocated */
unsigned long slab_live_objects(struct kmem_cache *s);

/* mm/slub.c: every object of a cache checked (tools/vm/slabinfo -v); damaged ones */
unsigned long validate_slab_cache(struct kmem_cache *s);

/* slub_debug= as parsed (for tests that must know what the boot asked) */
extern slab_flags_t slub_debug;

#endif
