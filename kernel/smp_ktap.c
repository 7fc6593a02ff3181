// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/smp_ktap.c: the KTAP suite "smp" -- the CPUs, checked from the
 * inside: every online CPU runs what it is sent, as itself; per-CPU data
 * is per CPU; IPIs arrive and are counted; each CPU's page lists are used
 * by that CPU and drained by IPI; a kernel mapping change reaches every
 * CPU's TLB; idle CPUs sleep in WFI; the ticket lock keeps a shared count
 * exact.  With one CPU online the cross-CPU cases SKIP.
 */
#include <a9mm/ktap.h>
#include <asm/cputype.h>
#include <asm/hardirq.h>
#include <asm/highmem.h>
#include <asm/smp_plat.h>
#include <linux/delay.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include <linux/percpu.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <linux/spinlock.h>
#include <linux/workqueue.h>
#include <mach/vexpress.h>

static const char *const one_cpu = "one CPU online";

/* who runs this: logical CPU, hwid (MPIDR Aff0), TPIDRPRW, packed */
static long whoami(void *arg)
{
	unsigned long tpidrprw;

	__asm__ volatile("mrc p15, 0, %0, c13, c0, 4" : "=r"(tpidrprw));
	return (long)(smp_processor_id() | (read_cpuid_mpidr() & 0xff) << 8 |
		      (tpidrprw == per_cpu_offset(smp_processor_id())) << 16);
}

/* every online CPU is a present one, runs work sent to it, as itself */
static void smp_every_cpu_runs_its_code(struct ktap_test *t)
{
	unsigned int cpu;

	KTAP_EXPECT(t, cpu_online(0));
	for_each_online_cpu(cpu) {
		long who = work_on_cpu((int)cpu, whoami, NULL);

		KTAP_EXPECT(t, cpu_present(cpu));
		KTAP_EXPECT_EQ(t, who & 0xff, cpu);
		KTAP_EXPECT_EQ(t, (who >> 8) & 0xff, cpu_logical_map(cpu) & 0xff);
		KTAP_EXPECT_EQ(t, (who >> 16) & 1, 1);
	}
}

static DEFINE_PER_CPU(unsigned long, ktap_pcpu_word);
static unsigned long ktap_pcpu_addr[NR_CPUS];

static void mark_own_copy(void *arg)
{
	unsigned int cpu = smp_processor_id();
	unsigned long *dyn = this_cpu_ptr((unsigned long *)arg);

	this_cpu_write(ktap_pcpu_word, 0xc0de0000UL | cpu);
	ktap_pcpu_addr[cpu] = (unsigned long)this_cpu_ptr(&ktap_pcpu_word);
	*dyn = 0xd0000000UL | cpu;
}

/*
 * DEFINE_PER_CPU and alloc_percpu(): what each CPU writes through
 * this_cpu_ptr() is its own copy, in its own unit of the first chunk,
 * and per_cpu_ptr() from another CPU finds it there.
 */
static void smp_percpu_data_is_per_cpu(struct ktap_test *t)
{
	size_t free_before = pcpu_free_bytes();
	unsigned long *dyn = alloc_percpu(unsigned long);
	unsigned int cpu;

	KTAP_EXPECT(t, dyn != NULL);
	if (!dyn)
		return;
	on_each_cpu(mark_own_copy, dyn, true);
	for_each_online_cpu(cpu) {
		unsigned long unit = (unsigned long)pcpu_base_addr + cpu * pcpu_unit_size;

		KTAP_EXPECT_EQ(t, per_cpu(ktap_pcpu_word, cpu), 0xc0de0000UL | cpu);
		KTAP_EXPECT_EQ(t, *per_cpu_ptr(dyn, cpu), 0xd0000000UL | cpu);
		KTAP_EXPECT_EQ(t, ktap_pcpu_addr[cpu],
			       unit + ((char *)&ktap_pcpu_word - __per_cpu_start));
		KTAP_EXPECT(t,
			    (unsigned long)per_cpu_ptr(dyn, cpu) >= unit &&
				    (unsigned long)per_cpu_ptr(dyn, cpu) < unit + pcpu_unit_size);
	}
	free_percpu(dyn);
	KTAP_EXPECT_EQ(t, pcpu_free_bytes(), free_before);
}

static atomic_t ipi_calls;
static unsigned long ipi_seen;

static void count_call(void *arg)
{
	atomic_inc(&ipi_calls);
	atomic_or_ulong(1UL << smp_processor_id(), &ipi_seen);
}

static void return_cpu(void *arg)
{
	*(unsigned int *)arg = smp_processor_id();
}

/*
 * on_each_cpu() reaches every online CPU once, the others by an IPI each
 * (IPI_CALL_FUNC, counted per CPU); smp_call_function_single() runs on
 * the CPU asked for.
 */
static void smp_ipis_are_delivered(struct ktap_test *t)
{
	unsigned int before[NR_CPUS], cpu;

	if (num_online_cpus() < 2) {
		ktap_skip(t, one_cpu);
		return;
	}
	for_each_online_cpu(cpu)
		before[cpu] = ipi_count(cpu, IPI_CALL_FUNC);
	atomic_set(&ipi_calls, 0);
	ipi_seen = 0;
	on_each_cpu(count_call, NULL, true);
	KTAP_EXPECT_EQ(t, atomic_read(&ipi_calls), num_online_cpus());
	KTAP_EXPECT_EQ(t, READ_ONCE(ipi_seen), cpu_online_mask->bits[0]);
	for_each_online_cpu(cpu) {
		unsigned int ran = NR_CPUS;

		if (cpu != smp_processor_id())
			KTAP_EXPECT(t, ipi_count(cpu, IPI_CALL_FUNC) > before[cpu]);
		KTAP_EXPECT_EQ(t, smp_call_function_single((int)cpu, return_cpu, &ran, true), 0);
		KTAP_EXPECT_EQ(t, ran, cpu);
	}
}

struct pcp_probe {
	int count_before, count_after_alloc, count_after_free;
	int batch, high;
	bool page_at_head;
};

/* on the CPU under test: its own Normal-zone list, emptied, then used */
static long probe_own_pageset(void *arg)
{
	struct zone *zone = &NODE_DATA(0)->node_zones[ZONE_NORMAL];
	struct pcp_probe *p = arg;
	struct per_cpu_pages *pcp;
	struct page *page;

	drain_local_pages(NULL);
	pcp = &this_cpu_ptr(zone->pageset)->pcp;
	p->batch = pcp->batch;
	p->high = pcp->high;
	p->count_before = READ_ONCE(pcp->count);
	page = alloc_pages(GFP_KERNEL, 0);
	if (!page)
		return -1;
	p->count_after_alloc = READ_ONCE(pcp->count);
	__free_pages(page, 0);
	p->count_after_free = READ_ONCE(pcp->count);
	/* the list of its pageblock's type (page->index: RESERVE waits on MOVABLE's) */
	p->page_at_head =
		pcp->lists[min(page->index, (unsigned long)MIGRATE_MOVABLE)].next == &page->lru;
	return 0;
}

static int pcp_count(unsigned int cpu)
{
	return READ_ONCE(
		per_cpu_ptr(NODE_DATA(0)->node_zones[ZONE_NORMAL].pageset, cpu)->pcp.count);
}

/*
 * Each CPU's order-0 pages come from its own list: emptied, the first
 * allocation refills it with a batch and takes one; the free puts the
 * page back at the head of that same list.  Nobody else's list moves.
 * (A zone under 4 MiB or so gets batch 1 and high 0, as in Linux: its
 * lists keep nothing, the free goes straight back to the buddy lists.)
 */
static void smp_each_cpu_uses_its_pageset(struct ktap_test *t)
{
	unsigned int cpu, other;

	for_each_online_cpu(cpu) {
		int others[NR_CPUS];
		struct pcp_probe p;

		for_each_online_cpu(other)
			others[other] = pcp_count(other);
		KTAP_EXPECT_EQ(t, work_on_cpu((int)cpu, probe_own_pageset, &p), 0);
		KTAP_EXPECT_EQ(t, p.count_before, 0);
		KTAP_EXPECT_EQ(t, p.count_after_alloc, p.batch - 1);
		if (p.high) {
			KTAP_EXPECT_EQ(t, p.count_after_free, p.batch);
			KTAP_EXPECT(t, p.page_at_head);
		} else {
			KTAP_EXPECT_EQ(t, p.count_after_free, 0);
		}
		for_each_online_cpu(other)
			if (other != cpu)
				KTAP_EXPECT_EQ(t, pcp_count(other), others[other]);
	}
	drain_all_pages();
}

static long leave_a_page(void *arg)
{
	__free_pages(alloc_pages(GFP_KERNEL, 0), 0);
	return 0;
}

/* drain_all_pages() empties every CPU's lists, through each CPU itself */
static void smp_drain_all_pages_empties_every_cpu(struct ktap_test *t)
{
	unsigned int cpu;
	struct zone *zone;

	if (!per_cpu_ptr(NODE_DATA(0)->node_zones[ZONE_NORMAL].pageset, 0)->pcp.high) {
		ktap_skip(t, "the Normal zone is too small to keep pages per CPU (high 0)");
		return;
	}
	for_each_online_cpu(cpu)
		work_on_cpu((int)cpu, leave_a_page, NULL);
	for_each_online_cpu(cpu)
		KTAP_EXPECT(t, pcp_count(cpu) > 0);
	drain_all_pages();
	for_each_populated_zone(zone)
		for_each_online_cpu(cpu)
			KTAP_EXPECT_EQ(t, per_cpu_ptr(zone->pageset, cpu)->pcp.count, 0);
	KTAP_EXPECT_EQ(t, check_free_lists(ktap_print), 0);
}

static volatile u32 *shoot_va;
static u32 shoot_read[NR_CPUS];

static void read_through_kmap(void *arg)
{
	shoot_read[smp_processor_id()] = *shoot_va;
}

static void fill_page(struct page *page, u32 v)
{
	u32 *p = kmap_atomic(page);

	for (unsigned int i = 0; i < PAGE_SIZE / 4; i++)
		p[i] = v;
	kunmap_atomic(p);
}

/*
 * The TLB shootdown: every CPU reads page A through a kmap() slot (and
 * caches the translation); the slot is freed, and reused -- after
 * flush_all_zero_pkmaps() cleared it -- for page B.  Every CPU must now
 * read B there: without the broadcast TLB invalidation the others would
 * still reach A through their stale TLB entries.
 *
 * A page keeps its slot after kunmap() until the cursor wraps, so B can
 * only take A's slot once the cursor has gone round: filler pages (a
 * block of LAST_PKMAP, kmapped and at once kunmapped, never touched) walk
 * it until the wrap has cleared A's slot and the next one handed out is
 * A's.
 */
static void smp_tlb_shootdown_reaches_every_cpu(struct ktap_test *t)
{
	const unsigned int fill_order = (unsigned int)__builtin_ctz(LAST_PKMAP);
	struct page *a = alloc_pages(GFP_HIGHUSER, 0), *b = alloc_pages(GFP_HIGHUSER, 0);
	struct page *fill = alloc_pages(GFP_HIGHUSER, fill_order);
	unsigned int cpu, nr_a, i;
	void *va, *vb = NULL;

	if (!a || !b || !fill || !PageHighMem(a) || !PageHighMem(b) || !PageHighMem(fill)) {
		ktap_skip(t, "not enough free HighMem");
		goto out;
	}
	if (num_online_cpus() < 2) {
		ktap_skip(t, one_cpu);
		goto out;
	}
	fill_page(a, 0xaaaaaaaa);
	fill_page(b, 0xbbbbbbbb);
	va = kmap(a);
	shoot_va = va;
	on_each_cpu(read_through_kmap, NULL, true);
	for_each_online_cpu(cpu)
		KTAP_EXPECT_EQ(t, shoot_read[cpu], 0xaaaaaaaa);
	kunmap(a);
	nr_a = PKMAP_NR((unsigned long)va);
	for (i = 0; i < 3 * LAST_PKMAP; i++) {
		unsigned long v = (unsigned long)kmap(fill + i % LAST_PKMAP);

		kunmap(fill + i % LAST_PKMAP);
		/* the next slot is A's, and free (slot 0: the wrap that frees it comes next) */
		if (PKMAP_NR(v) == (nr_a + LAST_PKMAP - 1) % LAST_PKMAP &&
		    (!pkmap_slot_count(nr_a) || nr_a == 0))
			break;
	}
	vb = kmap(b);
	KTAP_EXPECT(t, vb == va);
	if (vb == va) {
		on_each_cpu(read_through_kmap, NULL, true);
		for_each_online_cpu(cpu)
			KTAP_EXPECT_EQ(t, shoot_read[cpu], 0xbbbbbbbb);
	}
	kunmap(b);
out:
	if (a)
		__free_pages(a, 0);
	if (b)
		__free_pages(b, 0);
	if (fill)
		__free_pages(fill, fill_order);
}

/* with nothing to do, the other CPUs sleep in WFI (within a second: the host may be busy) */
static void smp_idle_cpus_wait_in_wfi(struct ktap_test *t)
{
	unsigned int cpu;

	if (num_online_cpus() < 2) {
		ktap_skip(t, one_cpu);
		return;
	}
	for_each_online_cpu(cpu) {
		unsigned int ms = 0;

		if (cpu == smp_processor_id())
			continue;
		while (!cpu_in_idle(cpu) && ms++ < 1000)
			mdelay(1);
		KTAP_EXPECT(t, cpu_in_idle(cpu));
	}
}

static DEFINE_SPINLOCK(count_lock);
static unsigned long locked_count, own_count[NR_CPUS], overlaps;
static volatile unsigned int in_section;
static u64 count_start, count_end;

/* from a common start, for 200 ms: one more under the lock, and in my own count */
static void count_under_lock(struct work_struct *work)
{
	unsigned int cpu = smp_processor_id();

	while (global_timer_ns() < count_start)
		cpu_relax();
	while (global_timer_ns() < count_end) {
		for (unsigned int i = 0; i < 64; i++) {
			unsigned long flags;

			spin_lock_irqsave(&count_lock, flags);
			if (in_section) /* someone else is in here too */
				overlaps++;
			in_section = 1;
			locked_count++;
			in_section = 0;
			spin_unlock_irqrestore(&count_lock, flags);
			own_count[cpu]++;
		}
	}
}

/*
 * Every online CPU, for the same 200 ms, adds one to a shared counter
 * under one lock as fast as it can, and counts what it added: nobody may
 * find another inside, nothing may be lost, and the lock's own count of
 * acquisitions must agree.  How
 * often they collided is printed.  (Time-bounded, not a fixed number of
 * rounds: on a host with fewer cores than vCPUs a ticket lock can wait a
 * host time slice for a descheduled vCPU's turn.)
 */
static void smp_ticket_lock_keeps_count(struct ktap_test *t)
{
	struct work_struct works[NR_CPUS];
	unsigned long sum = 0;
	unsigned int cpu, n = num_online_cpus();

	if (n < 2) {
		ktap_skip(t, one_cpu);
		return;
	}
	locked_count = overlaps = 0;
	memset(own_count, 0, sizeof(own_count));
	spin_lock_stat_reset(&count_lock);
	count_start = global_timer_ns() + 20000000;
	count_end = count_start + 200000000;
	for_each_online_cpu(cpu) {
		INIT_WORK(&works[cpu], count_under_lock);
		if (cpu != smp_processor_id())
			schedule_work_on((int)cpu, &works[cpu]);
	}
	count_under_lock(&works[smp_processor_id()]);
	for_each_online_cpu(cpu) {
		flush_work(&works[cpu]);
		sum += own_count[cpu];
	}
	KTAP_EXPECT_EQ(t, overlaps, 0);
	KTAP_EXPECT_EQ(t, locked_count, sum);
	KTAP_EXPECT_EQ(t, count_lock.stat.acquisitions, sum);
	ktap_print("%u CPUs: %lu acquisitions, %lu contended, longest wait %llu us\n", n, sum,
		   count_lock.stat.contended, count_lock.stat.max_spin_ns / 1000);
}

/* complete(), stopped between counting and unlocking, for 50 ms */
static struct completion held;

static void complete_slowly(void *arg)
{
	unsigned long flags;

	spin_lock_irqsave(&held.wait.lock, flags);
	held.done++;
	mdelay(50);
	spin_unlock_irqrestore(&held.wait.lock, flags);
}

/*
 * flush_work() trusts completion_done(): once it says true, the caller
 * may drop an on-stack work item.  So it must not answer while
 * complete() on another CPU still holds the completion's lock, or that
 * late unlock lands on a stack already reused (seen: an odd saved
 * register in the next test case).
 */
static void smp_completion_done_waits_for_complete(struct ktap_test *t)
{
	unsigned int ms = 0;
	int cpu;

	if (num_online_cpus() < 2) {
		ktap_skip(t, one_cpu);
		return;
	}
	cpu = (int)cpumask_next(-1, cpu_online_mask);
	if ((unsigned int)cpu == smp_processor_id())
		cpu = (int)cpumask_next(cpu, cpu_online_mask);
	init_completion(&held);
	KTAP_EXPECT_EQ(t, smp_call_function_single(cpu, complete_slowly, NULL, 0), 0);
	while (!READ_ONCE(held.done) && ms++ < 1000)
		mdelay(1);
	KTAP_EXPECT(t, completion_done(&held));
	KTAP_EXPECT(t, !spin_is_locked(&held.wait.lock));
}

/*
 * memblock was the boot CPU's alone, before the others started: now that
 * the buddy allocator owns memory, it refuses changes and allocations.
 */
static void smp_memblock_is_closed(struct ktap_test *t)
{
	unsigned long reserved = memblock.reserved.cnt;
	phys_addr_t size = memblock_reserved_size();

	KTAP_EXPECT_EQ(t, memblock_reserve(memblock_start_of_DRAM(), PAGE_SIZE), -EBUSY);
	KTAP_EXPECT_EQ(t, memblock_alloc_base(PAGE_SIZE, PAGE_SIZE, MEMBLOCK_ALLOC_ACCESSIBLE), 0);
	KTAP_EXPECT_EQ(t, memblock.reserved.cnt, reserved);
	KTAP_EXPECT_EQ(t, memblock_reserved_size(), size);
}

static const struct ktap_case smp_cases[] = {
	KTAP_CASE(smp_every_cpu_runs_its_code),
	KTAP_CASE(smp_percpu_data_is_per_cpu),
	KTAP_CASE(smp_ipis_are_delivered),
	KTAP_CASE(smp_each_cpu_uses_its_pageset),
	KTAP_CASE(smp_drain_all_pages_empties_every_cpu),
	KTAP_CASE(smp_tlb_shootdown_reaches_every_cpu),
	KTAP_CASE(smp_idle_cpus_wait_in_wfi),
	KTAP_CASE(smp_ticket_lock_keeps_count),
	KTAP_CASE(smp_completion_done_waits_for_complete),
	KTAP_CASE(smp_memblock_is_closed),
};
KTAP_SUITE(smp_suite, "smp", smp_cases);
