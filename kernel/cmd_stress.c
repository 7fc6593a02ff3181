// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/cmd_stress.c: `stress SECONDS [CPUS]`, the page allocator under
 * every CPU at once, checked; and `allocbench SECONDS [CPUS]`, how fast it
 * goes (make bench).
 *
 * stress: each CPU, for SECONDS, at random
 *   - allocates a block: order 0..10 (mostly small), Normal or HighMem,
 *     unmovable / reclaimable / movable, GFP_KERNEL or GFP_ATOMIC, maybe
 *     cold, maybe zeroed (then checks it is zero); writes into every page,
 *     HighMem ones through kmap_atomic(), a pattern made of the pfn, the
 *     word's place and the allocation's tag -- two owners of one page
 *     would overwrite each other's, a wrong mapping would show another
 *     pfn's;
 *   - or verifies a block it holds and frees it -- or, one time in four,
 *     hands it to another CPU's inbox, which verifies and frees it there
 *     (the page joins the freeing CPU's per-cpu list);
 *   - now and then drains every CPU's per-cpu lists (drain_all_pages()).
 * At the end every block is verified and freed, and the run passes only
 * with no mismatch, check_free_lists() clean, and -- after draining --
 * the same free blocks of every order in every zone as before.  zone->lock
 * contention is shown from the locks' own counters.
 */
#include <a9mm/shell.h>
#include <asm/atomic.h>
#include <linux/cmdline.h>
#include <linux/cpumask.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/vmstat.h>
#include <linux/smp.h>
#include <linux/spinlock.h>
#include <linux/workqueue.h>
#include <mach/vexpress.h>

#define STRESS_HELD  64 /* blocks a CPU holds at most */
#define STRESS_INBOX 64 /* blocks waiting in a CPU's inbox */

struct stress_block {
	struct page *page;
	unsigned int order;
	u32 tag; /* allocating CPU << 24 | its allocation number */
};

struct stress_cpu {
	struct work_struct work;
	unsigned int cpu;
	u32 rng;
	struct stress_block held[STRESS_HELD];
	unsigned int nheld;
	spinlock_t inbox_lock;
	struct stress_block inbox[STRESS_INBOX];
	unsigned int ninbox;
	/* what it did */
	unsigned long allocs, failed, frees, cross_frees, handed, drains, pages, mismatches;
	unsigned long not_zero;
	u32 seq;
};

static struct stress_cpu stress_cpus[NR_CPUS];
static unsigned int stress_ncpus, stress_ids[NR_CPUS];
static u64 stress_end;
static atomic_t stress_phase1_left;

/* xorshift32: a CPU's own sequence, the same every run */
static u32 stress_rand(struct stress_cpu *sc)
{
	u32 x = sc->rng;

	x ^= x << 13;
	x ^= x >> 17;
	x ^= x << 5;
	return sc->rng = x;
}

static u32 stress_pattern(unsigned long pfn, unsigned int word, u32 tag)
{
	return ((u32)pfn << 12 | word << 2) ^ tag ^ 0x5a5a5a5a;
}

/* write (or check) the pattern of every page of a block; returns the mismatches */
static unsigned long stress_fill(struct stress_cpu *sc, const struct stress_block *b, bool check)
{
	unsigned long bad = 0;

	for (unsigned int i = 0; i < (1U << b->order); i++) {
		unsigned long pfn = page_to_pfn(b->page + i);
		u32 *p = kmap_atomic(b->page + i);

		for (unsigned int w = 0; w < PAGE_SIZE / 4; w++) {
			u32 want = stress_pattern(pfn, w, b->tag);

			if (!check) {
				p[w] = want;
			} else if (p[w] != want) {
				if (!bad++)
					shprintf(
						"stress: CPU%u: pfn 0x%lx word %u is 0x%08lx, expected 0x%08lx (order-%u block from CPU%lu)\n",
						sc->cpu, pfn, w, (unsigned long)p[w],
						(unsigned long)want, b->order,
						(unsigned long)(b->tag >> 24));
			}
		}
		kunmap_atomic(p);
	}
	if (!check)
		sc->pages += 1UL << b->order;
	return bad;
}

/* __GFP_ZERO kept its promise? */
static bool stress_zeroed(const struct stress_block *b)
{
	for (unsigned int i = 0; i < (1U << b->order); i++) {
		u32 *p = kmap_atomic(b->page + i);
		bool zero = true;

		for (unsigned int w = 0; w < PAGE_SIZE / 4 && zero; w++)
			zero = !p[w];
		kunmap_atomic(p);
		if (!zero)
			return false;
	}
	return true;
}

/* mostly small blocks, now and then a big one */
static unsigned int stress_order(struct stress_cpu *sc)
{
	u32 r = stress_rand(sc) % 100;

	if (r < 50)
		return 0;
	if (r < 80)
		return 1 + stress_rand(sc) % 3;
	if (r < 95)
		return 4 + stress_rand(sc) % 3;
	return 7 + stress_rand(sc) % (MAX_ORDER - 7);
}

static gfp_t stress_gfp(struct stress_cpu *sc)
{
	u32 r = stress_rand(sc);
	gfp_t gfp = (r & 1) ? GFP_ATOMIC : GFP_KERNEL;

	if (r & 2)
		gfp |= __GFP_HIGHMEM;
	switch ((r >> 2) % 3) {
	case 1:
		gfp |= __GFP_MOVABLE;
		break;
	case 2:
		gfp |= __GFP_RECLAIMABLE;
		break;
	}
	if (!((r >> 4) & 3))
		gfp |= __GFP_COLD;
	if (!((r >> 6) & 7))
		gfp |= __GFP_ZERO;
	return gfp | __GFP_NOWARN;
}

static void stress_free(struct stress_cpu *sc, struct stress_block *b, bool cross)
{
	sc->mismatches += stress_fill(sc, b, true);
	__free_pages(b->page, b->order);
	sc->frees++;
	sc->cross_frees += cross;
}

/* verify and free what other CPUs handed over */
static void stress_empty_inbox(struct stress_cpu *sc)
{
	struct stress_block got[STRESS_INBOX];
	unsigned long flags;
	unsigned int n;

	spin_lock_irqsave(&sc->inbox_lock, flags);
	n = sc->ninbox;
	memcpy(got, sc->inbox, n * sizeof(got[0]));
	sc->ninbox = 0;
	spin_unlock_irqrestore(&sc->inbox_lock, flags);
	for (unsigned int i = 0; i < n; i++)
		stress_free(sc, &got[i], true);
}

/* give a block to another CPU of the run; false if its inbox is full */
static bool stress_hand_over(struct stress_cpu *sc, struct stress_block *b)
{
	struct stress_cpu *to = &stress_cpus[stress_ids[stress_rand(sc) % stress_ncpus]];
	unsigned long flags;
	bool ok = false;

	if (to == sc)
		return false;
	spin_lock_irqsave(&to->inbox_lock, flags);
	if (to->ninbox < STRESS_INBOX) {
		to->inbox[to->ninbox++] = *b;
		ok = true;
	}
	spin_unlock_irqrestore(&to->inbox_lock, flags);
	sc->handed += ok;
	return ok;
}

static void stress_one_op(struct stress_cpu *sc)
{
	u32 r = stress_rand(sc) % 100;

	if (sc->nheld < STRESS_HELD && (r < 55 || !sc->nheld)) {
		gfp_t gfp = stress_gfp(sc);
		struct stress_block b = { .order = stress_order(sc) };

		b.page = alloc_pages(gfp, b.order);
		if (!b.page) {
			sc->failed++;
			return;
		}
		sc->allocs++;
		b.tag = sc->cpu << 24 | (sc->seq++ & 0xffffff);
		if ((gfp & __GFP_ZERO) && !stress_zeroed(&b)) {
			sc->not_zero++;
			shprintf("stress: CPU%u: __GFP_ZERO block at pfn 0x%lx is not zero\n",
				 sc->cpu, page_to_pfn(b.page));
		}
		stress_fill(sc, &b, false);
		sc->held[sc->nheld++] = b;
	} else if (sc->nheld) {
		unsigned int i = stress_rand(sc) % sc->nheld;
		struct stress_block b = sc->held[i];

		sc->held[i] = sc->held[--sc->nheld];
		if (stress_ncpus > 1 && !(stress_rand(sc) % 4)) {
			sc->mismatches += stress_fill(sc, &b, true);
			if (stress_hand_over(sc, &b))
				return;
			__free_pages(b.page, b.order);
			sc->frees++;
			return;
		}
		stress_free(sc, &b, false);
	}
	if (!(stress_rand(sc) % 64))
		stress_empty_inbox(sc);
	if (!(stress_rand(sc) % 512)) {
		drain_all_pages();
		sc->drains++;
	}
}

/* each CPU's part: until the time is up, then its own blocks, then its inbox */
static void stress_work(struct work_struct *work)
{
	struct stress_cpu *sc = container_of(work, struct stress_cpu, work);

	while (global_timer_ns() < stress_end)
		stress_one_op(sc);
	while (sc->nheld)
		stress_free(sc, &sc->held[--sc->nheld], false);
	/* nobody hands anything over once every CPU is past this point */
	atomic_dec(&stress_phase1_left);
	while (atomic_read(&stress_phase1_left)) {
		stress_empty_inbox(sc);
		cpu_relax();
	}
	stress_empty_inbox(sc);
}

static void stress_report_locks(void)
{
	struct zone *zone;

	for_each_populated_zone(zone) {
		const struct spinlock_stat *st = &zone->lock.stat;

		shprintf(
			"stress: zone->lock %-7s %lu acquisitions, %lu contended, max spin %llu us\n",
			zone->name, st->acquisitions, st->contended, st->max_spin_ns / 1000);
	}
}

/* the CPUs of a run: this one, then the next online ones, n in all */
static unsigned int pick_cpus(unsigned long want, unsigned int *ids)
{
	unsigned int n = 0, cpu;

	ids[n++] = smp_processor_id();
	for_each_online_cpu(cpu)
		if (n < want && cpu != ids[0])
			ids[n++] = cpu;
	return n;
}

/* SECONDS [CPUS] from argv, checked; 0 if fine */
static int parse_run(const char *cmd, int argc, char **argv, unsigned long *secs,
		     unsigned long *cpus)
{
	*cpus = num_online_cpus();
	if (argc < 2 || argc > 3)
		return 1;
	if (kstrtoul(argv[1], 0, secs) || !*secs || *secs > 3600) {
		shprintf("%s: SECONDS must be 1..3600\n", cmd);
		return 1;
	}
	if (argc == 3 && (kstrtoul(argv[2], 0, cpus) || !*cpus || *cpus > num_online_cpus())) {
		shprintf("%s: CPUS must be 1..%u (the online CPUs)\n", cmd, num_online_cpus());
		return 1;
	}
	return 0;
}

static int do_stress(int argc, char **argv)
{
	static unsigned long before[MAX_NR_ZONES][MAX_ORDER], after[MAX_NR_ZONES][MAX_ORDER];
	unsigned long secs, want, bad_lists;
	unsigned long allocs = 0, failed = 0, frees = 0, cross = 0, drains = 0, pages = 0,
		      mismatches = 0, not_zero = 0;
	unsigned long free_before, free_after, ev[NR_VM_EVENT_ITEMS], moved;
	struct zone *zone;
	bool same;

	if (parse_run("stress", argc, argv, &secs, &want))
		return 1;
	stress_ncpus = pick_cpus(want, stress_ids);
	all_vm_events(ev);
	moved = ev[PGMIGRATE_SUCCESS];
	buddy_snapshot(before);
	free_before = nr_free_pages();
	for_each_populated_zone(zone)
		spin_lock_stat_reset(&zone->lock);
	atomic_set(&stress_phase1_left, (int)stress_ncpus);
	stress_end = global_timer_ns() + (u64)secs * 1000000000ULL;
	for (unsigned int i = 0; i < stress_ncpus; i++) {
		struct stress_cpu *sc = &stress_cpus[stress_ids[i]];

		memset(sc, 0, sizeof(*sc));
		sc->cpu = stress_ids[i];
		sc->rng = 0x9e3779b9U ^ (sc->cpu * 0x85ebca6bU);
		spin_lock_init(&sc->inbox_lock);
		INIT_WORK(&sc->work, stress_work);
	}
	shprintf("stress: %u CPU%s for %lu s\n", stress_ncpus, stress_ncpus == 1 ? "" : "s", secs);
	for (unsigned int i = 1; i < stress_ncpus; i++)
		schedule_work_on((int)stress_ids[i], &stress_cpus[stress_ids[i]].work);
	stress_work(&stress_cpus[stress_ids[0]].work);
	for (unsigned int i = 1; i < stress_ncpus; i++)
		flush_work(&stress_cpus[stress_ids[i]].work);

	for (unsigned int i = 0; i < stress_ncpus; i++) {
		const struct stress_cpu *sc = &stress_cpus[stress_ids[i]];

		shprintf(
			"stress: CPU%u: %lu allocations (%lu failed), %lu frees (%lu of blocks from another CPU), %lu handed over, %lu drains\n",
			sc->cpu, sc->allocs, sc->failed, sc->frees, sc->cross_frees, sc->handed,
			sc->drains);
		allocs += sc->allocs;
		failed += sc->failed;
		frees += sc->frees;
		cross += sc->cross_frees;
		drains += sc->drains;
		pages += sc->pages;
		mismatches += sc->mismatches;
		not_zero += sc->not_zero;
	}
	stress_report_locks();
	bad_lists = (unsigned long)check_free_lists(shprintf);
	buddy_snapshot(after);
	free_after = nr_free_pages();
	all_vm_events(ev);
	moved = ev[PGMIGRATE_SUCCESS] - moved;
	/* direct compaction for a failed request moves processes' pages: other free blocks */
	same = !memcmp(before, after, sizeof(before)) || moved;
	shprintf(
		"stress: %lu allocations, %lu frees, %lu of them cross-CPU, %lu drains, %lu pages written and verified\n",
		allocs, frees, cross, drains, pages);
	shprintf(
		"stress: %lu pattern mismatches, %lu unzeroed __GFP_ZERO blocks, free lists %s, free pages %lu before, %lu after draining: %s\n",
		mismatches, not_zero, bad_lists ? "CORRUPT" : "clean", free_before, free_after,
		!memcmp(before, after, sizeof(before)) ? "same free blocks"
		: moved ? "other free blocks: direct compaction moved processes' pages"
			: "free blocks DIFFER");
	if (moved)
		shprintf(
			"stress: %lu pages moved by direct compaction meanwhile (pgmigrate_success)\n",
			moved);
	shprintf("stress: %s\n", !mismatches && !not_zero && !bad_lists && allocs == frees && same
					 ? "PASS"
					 : "FAIL");
	return 0;
}
SHELL_CMD("stress", do_stress, "SECONDS [CPUS]",
	  "all CPUs allocate, fill, verify and free at once (and across CPUs); checked after",
	  .linux = "mm/page_alloc.c (v3.14) from every CPU at once: alloc_pages() -> "
		   "buffered_rmqueue() (this CPU's per-cpu list, or zone->lock), "
		   "__free_pages() -> free_hot_cold_page() (the freeing CPU's list), "
		   "drain_all_pages() by IPI; arch/arm/mm/highmem.c: kmap_atomic(); "
		   "CONFIG_LOCK_STAT's contention counts of zone->lock");

/* allocbench: each CPU's alloc+free pairs, counted */
struct bench_cpu {
	struct work_struct work;
	unsigned long pairs;
};

static struct bench_cpu bench_cpus[NR_CPUS];
static u64 bench_end;

static void bench_work(struct work_struct *work)
{
	struct bench_cpu *bc = container_of(work, struct bench_cpu, work);

	while (global_timer_ns() < bench_end) {
		for (int i = 0; i < 64; i++) {
			struct page *page = alloc_pages(GFP_KERNEL | __GFP_NOWARN, 0);

			if (!page)
				return;
			__free_pages(page, 0);
			bc->pairs++;
		}
	}
}

#define BENCH_PAGES 2048
static struct page *bench_pages[BENCH_PAGES];

static long bench_alloc_fn(void *arg)
{
	for (unsigned int i = 0; i < BENCH_PAGES; i++)
		bench_pages[i] = alloc_pages(GFP_KERNEL | __GFP_NOWARN, 0);
	return 0;
}

/* free the pages bench_alloc_fn() took; the global-timer ns it took */
static long bench_free_fn(void *arg)
{
	u64 t0 = global_timer_ns();

	for (unsigned int i = 0; i < BENCH_PAGES; i++)
		if (bench_pages[i])
			__free_pages(bench_pages[i], 0);
	return (long)(global_timer_ns() - t0);
}

/*
 * `allocbench SECONDS [CPUS]`: order-0 alloc+free pairs on CPUS CPUs at
 * once for SECONDS (per-cpu lists, zone->lock when a batch moves); then,
 * with two CPUs or more, what freeing 2048 pages costs on the CPU that
 * allocated them and on another one.  Global-timer time: under
 * -icount shift=0 it counts instructions.  make bench reads the lines.
 */
static int do_allocbench(int argc, char **argv)
{
	unsigned int ids[NR_CPUS], n;
	unsigned long secs, want, total = 0;
	long same, other;

	if (parse_run("allocbench", argc, argv, &secs, &want))
		return 1;
	n = pick_cpus(want, ids);
	drain_all_pages();
	bench_end = global_timer_ns() + (u64)secs * 1000000000ULL;
	for (unsigned int i = 0; i < n; i++) {
		bench_cpus[ids[i]].pairs = 0;
		INIT_WORK(&bench_cpus[ids[i]].work, bench_work);
	}
	for (unsigned int i = 1; i < n; i++)
		schedule_work_on((int)ids[i], &bench_cpus[ids[i]].work);
	bench_work(&bench_cpus[ids[0]].work);
	for (unsigned int i = 1; i < n; i++)
		flush_work(&bench_cpus[ids[i]].work);
	shprintf("allocbench: %u CPU%s, %lu s:", n, n == 1 ? "" : "s", secs);
	for (unsigned int i = 0; i < n; i++) {
		shprintf(" CPU%u %lu", ids[i], bench_cpus[ids[i]].pairs);
		total += bench_cpus[ids[i]].pairs;
	}
	shprintf("; total %lu alloc+free pairs, %lu per second\n", total, total / secs);
	if (n < 2)
		return 0;
	work_on_cpu((int)ids[1], bench_alloc_fn, NULL);
	other = work_on_cpu((int)ids[0], bench_free_fn, NULL);
	work_on_cpu((int)ids[1], bench_alloc_fn, NULL);
	same = work_on_cpu((int)ids[1], bench_free_fn, NULL);
	drain_all_pages();
	shprintf(
		"allocbench: freeing %u pages allocated on CPU%u: %ld ns each there, %ld ns each on CPU%u\n",
		BENCH_PAGES, ids[1], same / BENCH_PAGES, other / BENCH_PAGES, ids[0]);
	return 0;
}
SHELL_CMD("allocbench", do_allocbench, "SECONDS [CPUS]",
	  "order-0 alloc+free throughput on CPUS CPUs, and the cost of a cross-CPU free",
	  .linux = "mm/page_alloc.c (v3.14): alloc_pages() + __free_pages() of order 0, "
		   "the per-cpu list fast path (buffered_rmqueue(), free_hot_cold_page()) "
		   "with interrupts off and no lock, on several CPUs at once");
