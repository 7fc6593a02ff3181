// SPDX-License-Identifier: GPL-2.0
/*
 * Host tests of the SMP parts of the portable core: the per-CPU areas
 * (mm/percpu.c), the per-CPU pagesets and their draining
 * (mm/page_alloc.c), memblock closing at free_all_bootmem(), and the
 * ticket spinlock with its debug reports (lib/spinlock_debug.c) -- the
 * last raced by real threads, each one a "CPU" (host_cpu).
 */
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <cmocka.h>

#include <asm/mm.h>
#include <linux/init.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include <linux/percpu.h>
#include <linux/smp.h>
#include <linux/spinlock.h>

#include "host_shim.h"

#define RAM 0x60000000u

static DEFINE_PER_CPU(unsigned long, test_word);

static int teardown(void **state)
{
	host_panic_jmp = NULL;
	host_cpu = 0;
	debug_spinlock_enabled = false;
	host_ram_free();
	return 0;
}

static struct zone *normal_zone(void)
{
	return &NODE_DATA(0)->node_zones[ZONE_NORMAL];
}

static struct per_cpu_pages *pcp_of(unsigned int cpu)
{
	return &per_cpu_ptr(normal_zone()->pageset, cpu)->pcp;
}

/*
 * setup_per_cpu_areas(): one unit per possible CPU, unit_size apart, each
 * a copy of the template; this_cpu_ptr() follows host_cpu; the "percpu:
 * Embedded" line says what was built.
 */
static void test_percpu_areas(void **state)
{
	unsigned long static_size = (unsigned long)(__per_cpu_end - __per_cpu_start);
	char line[128];

	test_word = 0x1234; /* the template, before the copies exist... */
	host_boot_node(64, 64);
	snprintf(line, sizeof(line), "percpu: Embedded %lu pages/cpu @%08lx s%lu r0 d%lu u%zu\n",
		 (unsigned long)(PAGE_ALIGN(static_size + (12 << 10)) >> PAGE_SHIFT),
		 (unsigned long)pcpu_base_addr, static_size,
		 (unsigned long)(PAGE_ALIGN(static_size + (12 << 10)) - static_size),
		 pcpu_unit_size);
	assert_true(host_log_contains(line));
	assert_int_equal(pcpu_unit_size, 32 << 10);
	for (unsigned int cpu = 0; cpu < HOST_NR_CPUS; cpu++) {
		assert_int_equal(per_cpu_offset(cpu), (unsigned long)pcpu_base_addr +
							      cpu * pcpu_unit_size -
							      (unsigned long)__per_cpu_start);
		assert_int_equal(per_cpu(test_word, cpu), 0x1234); /* ...is in every copy */
	}
	for (unsigned int cpu = 0; cpu < HOST_NR_CPUS; cpu++) {
		host_cpu = cpu;
		this_cpu_write(test_word, 100 + cpu);
	}
	host_cpu = 0;
	for (unsigned int cpu = 0; cpu < HOST_NR_CPUS; cpu++)
		assert_int_equal(per_cpu(test_word, cpu), 100 + cpu);
}

/* alloc_percpu(): aligned, zeroed in every copy, used up, given back */
static void test_alloc_percpu(void **state)
{
	void *got[64];
	size_t before;
	unsigned int n = 0;
	u64 *p;

	host_boot_node(64, 64);
	before = pcpu_free_bytes();
	assert_true(before > 0);
	p = alloc_percpu(u64);
	assert_non_null(p);
	assert_int_equal((unsigned long)per_cpu_ptr(p, 2) % __alignof__(u64), 0);
	for (unsigned int cpu = 0; cpu < HOST_NR_CPUS; cpu++) {
		assert_int_equal(*per_cpu_ptr(p, cpu), 0);
		*per_cpu_ptr(p, cpu) = cpu;
	}
	for (unsigned int cpu = 0; cpu < HOST_NR_CPUS; cpu++)
		assert_int_equal(*per_cpu_ptr(p, cpu), cpu);
	/* 1 KiB at a time until the dynamic space runs out */
	while (n < 64 && (got[n] = __alloc_percpu(1024, 64)))
		assert_int_equal((unsigned long)per_cpu_ptr((char *)got[n++], 1) % 64, 0);
	assert_true(n > 0 && n < 64);
	assert_true(host_log_contains("percpu: allocation failed, size=1024 align=64"));
	/* free every other one, then the rest: the areas merge back */
	for (unsigned int i = 0; i < n; i += 2)
		free_percpu(got[i]);
	for (unsigned int i = 1; i < n; i += 2)
		free_percpu(got[i]);
	free_percpu(p);
	assert_int_equal(pcpu_free_bytes(), before);
	host_log_reset();
	free_percpu((char *)__per_cpu_start + 3);
	assert_true(host_log_contains("not an allocated per-CPU area"));
	assert_int_equal(pcpu_free_bytes(), before);
}

/*
 * Until setup_per_cpu_pageset() the zones use boot_pageset: high 0,
 * batch 1, so a freed page goes straight back to the buddy lists.
 */
static void test_boot_pageset_caches_nothing(void **state)
{
	struct page *page;
	long free;

	memblock_reset();
	host_log_reset();
	totalram_pages = totalhigh_pages = 0;
	host_ram_init(RAM, 64 << 20);
	memblock_add(RAM, 64 << 20);
	memblock_reserve(RAM + 0xc000, 0x34000);
	memblock_set_current_limit(RAM + (64 << 20));
	host_set_cpus(HOST_NR_CPUS);
	bootmem_init();
	setup_per_cpu_areas();
	build_all_zonelists();
	free_all_bootmem();
	init_per_zone_wmark_min();
	for (unsigned int cpu = 0; cpu < HOST_NR_CPUS; cpu++) {
		assert_int_equal(pcp_of(cpu)->high, 0);
		assert_int_equal(pcp_of(cpu)->batch, 1);
	}
	free = normal_zone()->vm_stat[NR_FREE_PAGES];
	page = alloc_pages(GFP_KERNEL, 0);
	assert_non_null(page);
	assert_int_equal(normal_zone()->vm_stat[NR_FREE_PAGES], free - 1);
	__free_pages(page, 0);
	assert_int_equal(pcp_of(0)->count, 0);
	assert_int_equal(normal_zone()->vm_stat[NR_FREE_PAGES], free);
	setup_per_cpu_pageset();
	assert_true(zone_batchsize(normal_zone()) > 1);
	for (unsigned int cpu = 0; cpu < HOST_NR_CPUS; cpu++) {
		assert_int_equal(pcp_of(cpu)->batch, zone_batchsize(normal_zone()));
		assert_int_equal(pcp_of(cpu)->high, 6 * zone_batchsize(normal_zone()));
	}
}

/*
 * Each CPU's order-0 pages come from and go to its own list: allocated on
 * CPU 1, freed on CPU 2, the page is on CPU 2's list.  drain_all_pages()
 * empties all of them; check_free_lists() checks all of them.
 */
static void test_pagesets_are_per_cpu(void **state)
{
	int batch, count[HOST_NR_CPUS];
	struct page *page;

	host_boot_node(64, 64);
	drain_all_pages();
	batch = pcp_of(0)->batch;
	host_cpu = 1;
	page = alloc_pages(GFP_KERNEL, 0);
	assert_non_null(page);
	assert_int_equal(pcp_of(1)->count, batch - 1);
	assert_int_equal(pcp_of(0)->count, 0);
	assert_int_equal(pcp_of(2)->count, 0);
	host_cpu = 2;
	__free_pages(page, 0);
	assert_int_equal(pcp_of(2)->count, 1);
	assert_int_equal(pcp_of(1)->count, batch - 1);
	host_cpu = 0;
	for (unsigned int cpu = 0; cpu < HOST_NR_CPUS; cpu++)
		count[cpu] = pcp_of(cpu)->count;
	assert_int_equal(count[2], 1);
	assert_int_equal(check_free_lists(printk), 0);

	/* each CPU checks its own lists: damage on CPU 3's is named */
	pcp_of(3)->count++;
	host_log_reset();
	assert_true(check_free_lists(printk) > 0);
	assert_true(host_log_contains("Normal: CPU3's per-cpu count 1 but 0 pages on its lists"));
	pcp_of(3)->count--;

	drain_all_pages();
	for (unsigned int cpu = 0; cpu < HOST_NR_CPUS; cpu++)
		assert_int_equal(pcp_of(cpu)->count, 0);
	assert_int_equal(check_free_lists(printk), 0);
}

/* after free_all_bootmem() memblock refuses changes and allocations, naming the caller */
static void test_memblock_closed_after_free_all_bootmem(void **state)
{
	unsigned long cnt;
	jmp_buf jb;

	host_boot_node(32, 32);
	cnt = memblock.reserved.cnt;
	host_log_reset();
	assert_int_equal(memblock_reserve(RAM + (20 << 20), 4096), -16);
	assert_true(host_log_contains(
		"memblock_reserve: [0x61400000-0x61400fff] refused: memblock was handed to the page allocator at free_all_bootmem()"));
	assert_int_equal(memblock_add(RAM + (64 << 20), 4096), -16);
	assert_int_equal(memblock_remove(RAM, 4096), -16);
	assert_int_equal(memblock_free(RAM + 0xc000, 4096), -16);
	assert_int_equal(memblock_alloc_base(4096, 4096, 0), 0);
	assert_int_equal(memblock.reserved.cnt, cnt);
	host_panic_jmp = &jb;
	if (!setjmp(jb)) {
		memblock_alloc(4096, 4096);
		fail_msg("memblock_alloc() after free_all_bootmem() returned");
	}
	host_panic_jmp = NULL;
	assert_non_null(strstr(host_panic_msg, "memblock_alloc() called after free_all_bootmem()"));
	/* reading it is still fine */
	assert_true(memblock_is_memory(RAM));
}

/* the debug reports: wrong owner (reported, unlocked), already unlocked, bad magic (stop) */
static void test_spinlock_debug_reports(void **state)
{
	spinlock_t lock;
	jmp_buf jb;

	parse_early_param("debug_spinlock=on");
	assert_true(debug_spinlock_enabled);
	spin_lock_init(&lock);
	host_log_reset();
	host_cpu = 0;
	spin_lock(&lock);
	assert_int_equal(lock.owner_cpu, 0);
	host_cpu = 1;
	spin_unlock(&lock);
	assert_true(host_log_contains("BUG: spinlock wrong owner on CPU#1, swapper/1/0"));
	assert_true(host_log_contains(
		" lock: &lock, .magic: dead4ead, .owner: swapper/0/0, .owner_cpu: 0, taken at "));
	assert_false(spin_is_locked(&lock));
	assert_int_equal(lock.stat.acquisitions, 1);

	host_panic_jmp = &jb;
	if (!setjmp(jb)) {
		spin_unlock(&lock);
		fail_msg("unlocking a free lock went unnoticed");
	}
	assert_non_null(strstr(host_panic_msg, "spinlock already unlocked: &lock"));
	memset(&lock, 0, sizeof(lock));
	if (!setjmp(jb)) {
		spin_lock(&lock);
		fail_msg("a lock never initialised went unnoticed");
	}
	assert_non_null(strstr(host_panic_msg, "spinlock bad magic"));
	host_panic_jmp = NULL;
}

/*
 * Without debug_spinlock=on (the default) a lock is a bare ticket lock and
 * a count: no owner recorded, no check -- a wrong-owner unlock passes
 * silently, as in a Linux without CONFIG_DEBUG_SPINLOCK; a bad value of
 * the option is refused and changes nothing.
 */
static void test_spinlock_checks_off_by_default(void **state)
{
	spinlock_t lock;

	host_log_reset();
	parse_early_param("debug_spinlock=maybe");
	assert_true(host_log_contains("debug_spinlock=maybe: expected on or off, ignored"));
	assert_false(debug_spinlock_enabled);
	spin_lock_init(&lock);
	host_cpu = 0;
	spin_lock(&lock);
	assert_true(spin_is_locked(&lock));
	assert_int_equal(lock.owner_cpu, SPINLOCK_OWNER_INIT);
	assert_null(lock.owner_ip);
	host_cpu = 1;
	spin_unlock(&lock);
	assert_false(spin_is_locked(&lock));
	assert_false(host_log_contains("BUG: spinlock"));
	assert_true(spin_trylock(&lock));
	spin_unlock(&lock);
	assert_int_equal(lock.stat.acquisitions, 2);
	parse_early_param("debug_spinlock=on debug_spinlock=off");
	assert_false(debug_spinlock_enabled);
}

#define THREAD_ROUNDS 100000
static DEFINE_SPINLOCK(thread_lock);
static unsigned long thread_count;
static volatile int inside;
static unsigned long overlaps;

static void *hammer(void *arg)
{
	host_cpu = (unsigned int)(uintptr_t)arg;
	for (unsigned int i = 0; i < THREAD_ROUNDS; i++) {
		spin_lock(&thread_lock);
		if (inside)
			overlaps++;
		inside = 1;
		thread_count++;
		inside = 0;
		spin_unlock(&thread_lock);
	}
	return NULL;
}

/* four threads, four "CPUs", one ticket lock: exact counts, no overlap (checks off, on) */
static void test_ticket_lock_under_threads(void **state)
{
	pthread_t t[HOST_NR_CPUS];

	debug_spinlock_enabled = *(bool *)*state;
	thread_count = overlaps = 0;
	spin_lock_stat_reset(&thread_lock);
	for (uintptr_t i = 0; i < HOST_NR_CPUS; i++)
		assert_int_equal(pthread_create(&t[i], NULL, hammer, (void *)i), 0);
	for (unsigned int i = 0; i < HOST_NR_CPUS; i++)
		pthread_join(t[i], NULL);
	assert_int_equal(overlaps, 0);
	assert_int_equal(thread_count, HOST_NR_CPUS * THREAD_ROUNDS);
	assert_int_equal(thread_lock.stat.acquisitions, HOST_NR_CPUS * THREAD_ROUNDS);
	assert_int_equal(thread_lock.raw_lock.tickets.owner, thread_lock.raw_lock.tickets.next);
}

static DEFINE_SPINLOCK(slow_lock);
static volatile int slow_held;

static void *hold_slow_lock(void *arg)
{
	struct timespec ts = { .tv_sec = 1, .tv_nsec = 300000000 };

	host_cpu = 1;
	spin_lock(&slow_lock);
	slow_held = 1;
	nanosleep(&ts, NULL);
	spin_unlock(&slow_lock);
	return NULL;
}

/*
 * a lock held 1.3 s by "CPU 1": CPU 0's wait is reported after a second,
 * then it gets it -- with the checks off too, only without the owner
 */
static void test_lockup_suspected(void **state)
{
	bool debug = *(bool *)*state;
	pthread_t t;

	u64 spun;

	debug_spinlock_enabled = debug;
	spin_lock_stat_reset(&slow_lock);
	host_log_reset();
	host_cpu = 0;
	slow_held = 0;
	assert_int_equal(pthread_create(&t, NULL, hold_slow_lock, NULL), 0);
	while (!slow_held)
		;
	spin_lock(&slow_lock);
	spun = slow_lock.stat.max_spin_ns;
	spin_unlock(&slow_lock);
	pthread_join(t, NULL);
	assert_true(host_log_contains("BUG: spinlock lockup suspected on CPU#0, swapper/0/0"));
	if (debug)
		assert_true(host_log_contains(".owner: swapper/1/0, .owner_cpu: 1"));
	else
		assert_true(host_log_contains(
			" lock: slow_lock, .owner: not recorded (boot with debug_spinlock=on)"));
	assert_int_equal(slow_lock.stat.contended, 1);
	assert_int_equal(slow_lock.stat.acquisitions, 2);
	assert_true(spun > 1000000000ULL);
}

static bool off, on = true;

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_teardown(test_percpu_areas, teardown),
		cmocka_unit_test_teardown(test_alloc_percpu, teardown),
		cmocka_unit_test_teardown(test_boot_pageset_caches_nothing, teardown),
		cmocka_unit_test_teardown(test_pagesets_are_per_cpu, teardown),
		cmocka_unit_test_teardown(test_memblock_closed_after_free_all_bootmem, teardown),
		cmocka_unit_test_teardown(test_spinlock_debug_reports, teardown),
		cmocka_unit_test_teardown(test_spinlock_checks_off_by_default, teardown),
		cmocka_unit_test_prestate_setup_teardown(test_ticket_lock_under_threads, NULL,
							 teardown, &off),
		cmocka_unit_test_prestate_setup_teardown(test_ticket_lock_under_threads, NULL,
							 teardown, &on),
		cmocka_unit_test_prestate_setup_teardown(test_lockup_suspected, NULL, teardown,
							 &off),
		cmocka_unit_test_prestate_setup_teardown(test_lockup_suspected, NULL, teardown,
							 &on),
	};

	return cmocka_run_group_tests_name("smp_core", tests, NULL, NULL);
}
