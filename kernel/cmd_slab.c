// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/cmd_slab.c: the slab allocator from the shell -- `slabinfo` (the
 * summary of Linux's tools/vm/slabinfo; -v validates every cache),
 * `kmalloc SIZE [N]`, `kfree ADDR`, `kmem_cache` (a cache made and taken
 * apart step by step, its slabs shown at each step) and `slubtest` (each
 * of slub_debug's reports, on purpose).  `cat /proc/slabinfo` is in
 * cmd_proc.c.
 */

#include <a9mm/shell.h>
#include <linux/cmdline.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/smp.h>
#include <mach/vexpress.h>
#include "../mm/slab.h"

/* tools/vm/slabinfo.c: the flags column (a: HWCACHE_ALIGN, r: reclaimable) */
static void flag_letters(const struct kmem_cache *s, char *buf)
{
	static const struct {
		slab_flags_t flag;
		char c;
	} letters[] = {
		{ SLAB_HWCACHE_ALIGN, 'a' },
		{ SLAB_RECLAIM_ACCOUNT, 'r' },
		{ SLAB_CONSISTENCY_CHECKS, 'F' },
		{ SLAB_RED_ZONE, 'Z' },
		{ SLAB_POISON, 'P' },
		{ SLAB_STORE_USER, 'U' },
		{ SLAB_TRACE, 'T' },
	};

	for (unsigned int i = 0; i < ARRAY_SIZE(letters); i++)
		if (s->flags & letters[i].flag)
			*buf++ = letters[i].c;
	*buf = '\0';
}

/* "32.7K": tools/vm/slabinfo.c: store_size() */
static void store_size(char *buf, size_t len, unsigned long value)
{
	if (value >= 10UL << 20)
		snprintf(buf, len, "%luM", value >> 20);
	else if (value >= 10UL << 10)
		snprintf(buf, len, "%lu.%luK", value >> 10, ((value & 1023) * 10) >> 10);
	else
		snprintf(buf, len, "%lu", value);
}

static int do_slabinfo(int argc, char **argv)
{
	struct slab_snapshot *snap;
	struct kmem_cache *s;

	if (argc == 2 && !strcmp(argv[1], "-v")) {
		unsigned long errors = 0;

		spin_lock(&slab_caches_lock);
		list_for_each_entry(s, &slab_caches, list)
			errors += validate_slab_cache(s);
		spin_unlock(&slab_caches_lock);
		shprintf("slabinfo -v: every object of every cache checked: %lu damaged%s\n",
			 errors, errors ? " (reported and repaired above)" : "");
		if (!slub_debug)
			shprintf("(without slub_debug= only caches created with debug flags have "
				 "red zones and poison to check)\n");
		return 0;
	}
	if (argc != 1)
		return 1;
	snap = kmalloc(sizeof(*snap), GFP_KERNEL);
	if (!snap)
		return -ENOMEM;
	shprintf("Name                   Objects Objsize    Space Slabs/Part/Cpu  O/S O %%Fr %%Ef "
		 "Flg\n");
	spin_lock(&slab_caches_lock);
	list_for_each_entry(s, &slab_caches, list) {
		unsigned long space, cpus = 0;
		struct slabinfo si;
		char flags[12], size[16], parts[24];

		get_slabinfo(s, &si);
		slab_snapshot(s, snap);
		for (unsigned int cpu = 0; cpu < NR_CPUS; cpu++)
			cpus += snap->cpu[cpu].page != NULL;
		space = si.num_slabs * (PAGE_SIZE << si.cache_order);
		flag_letters(s, flags);
		store_size(size, sizeof(size), space);
		snprintf(parts, sizeof(parts), "%lu/%lu/%lu", si.num_slabs, snap->nr_partial, cpus);
		shprintf("%-21s %8lu %7u %8s %14s %4u %1u %3lu %3lu %s\n", s->name, si.active_objs,
			 s->object_size, size, parts, si.objects_per_slab, si.cache_order,
			 si.num_slabs ? snap->nr_partial * 100 / si.num_slabs : 0,
			 space ? si.active_objs * s->object_size * 100 / space : 0, flags);
	}
	spin_unlock(&slab_caches_lock);
	kfree(snap);
	return 0;
}
SHELL_CMD("slabinfo", do_slabinfo, "[-v]",
	  "every slab cache: objects, slabs/partial/cpu, objects per slab, order (-v: validate)",
	  .linux = "tools/vm/slabinfo.c (v4.14): its default report, from what /sys/kernel/slab "
		   "shows; -v: mm/slub.c: validate_slab_cache()");

static int do_kmalloc(int argc, char **argv)
{
	unsigned long size, n = 1;
	void *p;

	if (argc < 2 || argc > 3)
		return 1;
	if (kstrtoul(argv[1], 0, &size) || (argc == 3 && (kstrtoul(argv[2], 0, &n) || !n))) {
		shprintf("kmalloc: SIZE and N must be numbers (N at least 1)\n");
		return 1;
	}
	if (n > 4096) {
		shprintf("kmalloc: N is at most 4096 here\n");
		return 1;
	}
	for (unsigned long i = 0; i < n; i++) {
		struct page *page;

		p = __kmalloc(size, GFP_KERNEL | __GFP_NOWARN);
		if (!p) {
			shprintf("kmalloc(%lu): no memory (%lu of %lu allocated)\n", size, i, n);
			return 0;
		}
		if (p == ZERO_SIZE_PTR) {
			shprintf("kmalloc(0) = ZERO_SIZE_PTR (%p): nothing to use, kfree() "
				 "accepts it\n",
				 p);
			return 0;
		}
		if (i >= 8 && i != n - 1)
			continue;
		page = slab_page_of(p);
		if (page)
			shprintf("kmalloc(%lu) = %p  %s, ksize %zu, slab %p pfn 0x%05lx\n", size, p,
				 page->slab_cache->name, ksize(p), page_address(page),
				 page_to_pfn(page));
		else
			shprintf("kmalloc(%lu) = %p  kmalloc_large: order-%u block, ksize %zu\n",
				 size, p, get_order(size), ksize(p));
		if (i == 7 && n > 9)
			shprintf("... (%lu more)\n", n - 9);
	}
	return 0;
}
SHELL_CMD("kmalloc", do_kmalloc, "SIZE [N]",
	  "N (1) kmalloc(SIZE, GFP_KERNEL)s: addresses, size class, slab (they stay allocated)",
	  .linux = "include/linux/slab.h: kmalloc() -> mm/slub.c: __kmalloc() -> kmalloc_slab() "
		   "-> slab_alloc_node(); above 8 KiB kmalloc_large() (v4.14)");

static int do_kfree(int argc, char **argv)
{
	unsigned long addr;
	struct page *page;
	const char *name = "kmalloc_large";
	int err;

	if (argc != 2)
		return 1;
	if (kstrtoul(argv[1], 0, &addr)) {
		shprintf("kfree: '%s' is not an address\n", argv[1]);
		return 1;
	}
	page = slab_page_of((void *)addr);
	if (page)
		name = page->slab_cache->name;
	err = kfree_checked((void *)addr);
	if (!err)
		shprintf("kfree(0x%08lx): freed (%s)\n", addr, name);
	else
		shprintf("kfree(0x%08lx): refused, nothing freed (%s)\n", addr,
			 err == -EALREADY ? "already free" : "not an object kmalloc() returned");
	return 0;
}
SHELL_CMD(
	"kfree", do_kfree, "ADDR",
	"free what kmalloc gave; a bad address or a double free is refused and said",
	.linux = "mm/slub.c: kfree() -> slab_free() (v4.14); the checks of free_debug_processing() "
		 "(Invalid object pointer, Object already free) made always");

/* ---- kmem_cache: a cache's life, shown ----------------------------------------------- */

static void show_cache(struct kmem_cache *s, const char *step)
{
	struct slab_snapshot *snap = kmalloc(sizeof(*snap), GFP_KERNEL);

	if (!snap)
		return;
	slab_snapshot(s, snap);
	shprintf("-- %s\n", step);
	shprintf("   node 0: %lu slabs, %lu objects; partial list (%lu):", snap->nr_slabs,
		 snap->total_objects, snap->nr_partial);
	for (unsigned int i = 0; i < snap->nr_listed; i++)
		shprintf(" [pfn 0x%05lx %u/%u used]", page_to_pfn(snap->partial[i].page),
			 snap->partial[i].inuse, snap->partial[i].objects);
	shprintf("%s\n", snap->nr_partial > snap->nr_listed ? " ..." : "");
	for (unsigned int cpu = 0; cpu < NR_CPUS; cpu++)
		if (snap->cpu[cpu].page)
			shprintf("   CPU%u: active slab pfn 0x%05lx (frozen), %u free on its "
				 "freelist, %u freed by other CPUs\n",
				 cpu, page_to_pfn(snap->cpu[cpu].page), snap->cpu[cpu].cpu_free,
				 snap->cpu[cpu].remote_free);
	kfree(snap);
}

struct remote_alloc {
	struct kmem_cache *s;
	void *obj;
};

static void alloc_here(void *info)
{
	struct remote_alloc *ra = info;

	ra->obj = kmem_cache_alloc(ra->s, GFP_ATOMIC);
}

static int do_kmem_cache(int argc, char **argv)
{
	unsigned long size = 200, n;
	struct kmem_cache *s;
	struct remote_alloc ra = { 0 };
	void **objs;
	unsigned int per_slab, other = 0;
	char name[32];

	if (argc > 2 || (argc == 2 && (kstrtoul(argv[1], 0, &size) || size < sizeof(void *) ||
				       size > PAGE_SIZE))) {
		shprintf("kmem_cache: SIZE must be %zu..%lu\n", sizeof(void *), PAGE_SIZE);
		return 1;
	}
	snprintf(name, sizeof(name), "demo-%lu", size);
	s = kmem_cache_create(name, size, 0, SLAB_HWCACHE_ALIGN, NULL);
	if (!s)
		return 0;
	per_slab = (PAGE_SIZE << (s->oo.x >> 16)) / s->size;
	n = 2UL * per_slab + per_slab / 2;
	shprintf("kmem_cache_create(\"%s\", %lu, 0, SLAB_HWCACHE_ALIGN): object %u bytes in a "
		 "%u-byte slot (align %u), slabs of order %u: %u objects per slab\n",
		 name, size, s->object_size, s->size, s->align, s->oo.x >> 16, per_slab);
	objs = kmalloc_array(n, sizeof(void *), GFP_KERNEL);
	if (!objs) {
		kmem_cache_destroy(s);
		return 0;
	}
	show_cache(s, "created: no slab yet");
	for (unsigned long i = 0; i < n; i++)
		objs[i] = kmem_cache_alloc(s, GFP_KERNEL);
	shprintf("-- %lu kmem_cache_alloc()s on CPU%u\n", n, smp_processor_id());
	show_cache(s, "full slabs are on no list; the last one is this CPU's active slab");
	for (unsigned long i = 0; i < n; i += 2)
		if (objs[i]) {
			kmem_cache_free(s, objs[i]);
			objs[i] = NULL;
		}
	show_cache(s, "every other object freed: the full slabs moved to the partial list");
	for (unsigned int cpu = 0; cpu < NR_CPUS; cpu++)
		if (cpu != smp_processor_id() && cpu_online(cpu)) {
			other = cpu;
			ra.s = s;
			smp_call_function_single((int)cpu, alloc_here, &ra, 1);
			break;
		}
	if (ra.obj)
		show_cache(s, "one kmem_cache_alloc() on another CPU: it froze a partial slab of "
			      "its own");
	for (unsigned long i = 1; i < n; i += 2)
		if (objs[i])
			kmem_cache_free(s, objs[i]);
	if (ra.obj) {
		kmem_cache_free(s, ra.obj); /* from this CPU: a remote free into CPU other's slab */
		show_cache(s, "the rest freed (the other CPU's object from here: a remote free)");
		shprintf("   (CPU%u's object went on its slab's own freelist)\n", other);
	} else {
		show_cache(s, "the rest freed: empty slabs beyond min_partial went back");
	}
	kmem_cache_shrink(s);
	show_cache(s, "kmem_cache_shrink(): every CPU's slab flushed, empty slabs freed");
	kfree(objs);
	kmem_cache_destroy(s);
	shprintf("kmem_cache_destroy(\"%s\"): done\n", name);
	return 0;
}
SHELL_CMD("kmem_cache", do_kmem_cache, "[SIZE]",
	  "a cache's life, shown: objects per slab, the CPU's active slab, the partial list",
	  .linux =
		  "mm/slab_common.c: kmem_cache_create(), kmem_cache_destroy(); mm/slub.c: "
		  "___slab_alloc(), __slab_free(), deactivate_slab(), kmem_cache_shrink() (v4.14)");

/* ---- slubtest: each of slub_debug's reports, on purpose -------------------------------- */

/*
 * kmalloc-64 when slub_debug= gave it the flags the test needs (the
 * report then names kmalloc-64, as the example does), else a
 * cache of 64-byte objects created with those flags: so the test shows
 * the report without corrupting a cache that has no red zone to catch
 * the write.
 */
static struct kmem_cache *test_cache(void)
{
	static struct kmem_cache *own;
	const slab_flags_t want = SLAB_CONSISTENCY_CHECKS | SLAB_RED_ZONE | SLAB_POISON;

	if ((kmalloc_caches[6]->flags & want) == want)
		return kmalloc_caches[6];
	if (!own) {
		own = kmem_cache_create("slubtest-64", 64, 0, want | SLAB_STORE_USER, NULL);
		if (own)
			shprintf("slubtest: kmalloc-64 has no red zone or poison (boot with "
				 "slub_debug=FZPU for them): using slubtest-64, a cache "
				 "created with SLAB_CONSISTENCY_CHECKS|SLAB_RED_ZONE|SLAB_POISON|"
				 "SLAB_STORE_USER\n");
	}
	return own;
}

static int do_slubtest(int argc, char **argv)
{
	struct kmem_cache *s;
	unsigned long live;
	u8 *p;

	if (argc != 2)
		return 1;
	if (strcmp(argv[1], "redzone") && strcmp(argv[1], "poison") && strcmp(argv[1], "double"))
		return 1;
	s = test_cache();
	if (!s)
		return 0;
	p = kmem_cache_alloc(s, GFP_KERNEL);
	if (!p)
		return 0;
	if (!strcmp(argv[1], "redzone")) {
		shprintf("slubtest: p = %p from %s; p[64] = 0x00 (one byte past the object), "
			 "then kfree(p)\n",
			 p, s->name);
		p[64] = 0x00;
		kmem_cache_free(s, p);
		live = slab_live_objects(s);
		kmem_cache_free(s, p);
		shprintf("slubtest: the red zone was restored; kfree(p) again: %s\n",
			 slab_live_objects(s) == live - 1 ? "freed" : "not freed");
	} else if (!strcmp(argv[1], "poison")) {
		shprintf("slubtest: p = %p from %s; kfree(p); p[0] = 0x00 (a use after free); "
			 "then the cache validated (slabinfo -v)\n",
			 p, s->name);
		kmem_cache_free(s, p);
		p[0] = 0x00;
		validate_slab_cache(s);
	} else {
		shprintf("slubtest: p = %p from %s; kfree(p) twice\n", p, s->name);
		kmem_cache_free(s, p);
		kmem_cache_free(s, p);
	}
	shprintf("slubtest: done; %s\n", print_tainted());
	return 0;
}
static const char *slubtest_word(unsigned int argno, unsigned int i)
{
	static const char *const words[] = { "redzone", "poison", "double" };

	return argno == 1 && i < ARRAY_SIZE(words) ? words[i] : NULL;
}
SHELL_CMD("slubtest", do_slubtest, "redzone|poison|double",
	  "a slub_debug report on purpose: write past an object, use after free, double free",
	  .linux = "mm/slub.c: check_object(), check_bytes_and_report(), on_freelist(), "
		   "free_debug_processing() (v4.14): the BUG reports of slub_debug=FZPU",
	  .complete = slubtest_word);

/* ---- slubbench: what a kmalloc+kfree pair costs on the fast path ---------------------- */

/*
 * N pairs of one size after a warm-up pair (the first fills the CPU's
 * slab: a slow path the pairs after it never take), timed by the global
 * timer: instructions under -icount shift=0,sleep=off, as `bench`.  A
 * constant size, as most callers write it: kmalloc() then compiles to
 * kmem_cache_alloc_trace() of the size class, no lookup.
 */
#define SLUBBENCH(size)                                 \
	static u64 slubbench_##size(unsigned long n)    \
	{                                               \
		void *p = kmalloc(size, GFP_KERNEL);    \
		u64 t0;                                 \
                                                        \
		kfree(p);                               \
		t0 = global_timer_ns();                 \
		for (unsigned long i = 0; i < n; i++) { \
			p = kmalloc(size, GFP_KERNEL);  \
			kfree(p);                       \
		}                                       \
		return global_timer_ns() - t0;          \
	}
SLUBBENCH(64)
SLUBBENCH(1024)

static void slubbench_report(unsigned int size, unsigned long n, u64 ns)
{
	ns = (ns * 10 + n / 2) / n; /* one decimal, rounded */
	shprintf("slubbench: kmalloc(%u)+kfree: %lu pairs, %llu.%llu ns per pair\n", size, n,
		 ns / 10, ns % 10);
}

static int do_slubbench(int argc, char **argv)
{
	unsigned long n = 1000;

	if (argc > 2 || (argc == 2 && (kstrtoul(argv[1], 0, &n) || !n || n > 1000000))) {
		shprintf("slubbench: N must be 1..1000000\n");
		return 1;
	}
	shprintf("slubbench: timed by the global timer (ns = instructions under -icount "
		 "shift=0,sleep=off)%s\n",
		 slub_debug ? "; slub_debug= is on: every pair takes the debug slow path" : "");
	slubbench_report(64, n, slubbench_64(n));
	slubbench_report(1024, n, slubbench_1024(n));
	return 0;
}
SHELL_CMD("slubbench", do_slubbench, "[N]",
	  "N (1000) kmalloc+kfree pairs of 64 B and 1 KiB: the fast path's instructions (-icount)",
	  .linux = "mm/slub.c: slab_alloc_node() and do_slab_free() fast paths (v4.14), reached "
		   "through kmem_cache_alloc_trace() and kfree()");
