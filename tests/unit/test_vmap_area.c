// SPDX-License-Identifier: GPL-2.0
/*
 * Host tests of mm/vmap_area.c, the vmalloc area's bookkeeping, against a
 * model: one byte per page of a small "vmalloc area", 1 where a busy
 * area is.  Random allocations (sizes, alignments, lower bounds) and
 * frees (in random order), and after every step all of it is checked
 * from scratch:
 *   - busy and free areas, in their lists, are sorted, page aligned and
 *     disjoint, and together cover the area exactly, as the model says;
 *   - each tree's in-order walk is its list;
 *   - no two free blocks touch (freeing coalesced them);
 *   - every free node's subtree_max_size is the largest block below it;
 *   - an allocation lands on free pages, aligned, not below its bound;
 *     with page alignment it is the lowest fit, as the model finds it;
 *     and it fails only when the model has no block of size + align - 1.
 * At the end, everything freed, the area is one free block again.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <cmocka.h>
#include <string.h>

#include <linux/vmalloc.h>

#include "host_shim.h"

#define AREA_START 0xf0000000UL
#define AREA_PAGES 4096UL
#define AREA_END   (AREA_START + AREA_PAGES * PAGE_SIZE)
#define MAX_LIVE   300

static unsigned char model[AREA_PAGES];
static struct vmap_area *live[MAX_LIVE];
static unsigned int nr_live;
static unsigned long rnd_state = 7;

static unsigned long rnd(void)
{
	rnd_state = rnd_state * 6364136223846793005ULL + 1442695040888963407ULL;
	return (unsigned long)(rnd_state >> 33);
}

static unsigned long pg(unsigned long addr)
{
	return (addr - AREA_START) / PAGE_SIZE;
}

static unsigned long check_max(struct rb_node *n)
{
	struct vmap_area *va;
	unsigned long m, l, r;

	if (!n)
		return 0;
	va = rb_entry(n, struct vmap_area, rb_node);
	l = check_max(n->rb_left);
	r = check_max(n->rb_right);
	m = va->va_end - va->va_start;
	if (l > m)
		m = l;
	if (r > m)
		m = r;
	assert_int_equal(va->subtree_max_size, m);
	return m;
}

static void check_list(struct list_head *head, struct rb_root *root, unsigned char want)
{
	struct rb_node *n = rb_first(root);
	unsigned long prev_end = 0;
	struct vmap_area *va;

	list_for_each_entry(va, head, list) {
		assert_ptr_equal(n, &va->rb_node);
		assert_true(va->va_start < va->va_end);
		assert_true(va->va_start >= AREA_START && va->va_end <= AREA_END);
		assert_int_equal(va->va_start % PAGE_SIZE, 0);
		assert_int_equal(va->va_end % PAGE_SIZE, 0);
		assert_true(va->va_start >= prev_end);
		if (want == 0) /* free: coalesced, never touching */
			assert_true(prev_end == 0 || va->va_start > prev_end);
		for (unsigned long a = va->va_start; a < va->va_end; a += PAGE_SIZE)
			assert_int_equal(model[pg(a)], want);
		prev_end = va->va_end;
		n = rb_next(n);
	}
	assert_null(n);
}

static void check_all(void)
{
	unsigned long covered = 0;
	struct vmap_area *va;

	check_list(&vmap_area_list, &vmap_area_root, 1);
	check_list(&free_vmap_area_list, &free_vmap_area_root, 0);
	list_for_each_entry(va, &vmap_area_list, list)
		covered += va->va_end - va->va_start;
	list_for_each_entry(va, &free_vmap_area_list, list)
		covered += va->va_end - va->va_start;
	assert_int_equal(covered, AREA_END - AREA_START);
	assert_int_equal(check_max(free_vmap_area_root.rb_node), vmap_largest_free());
}

/* the model's lowest fit, and whether it has a free run of @len pages from @vstart on */
static unsigned long model_lowest(unsigned long npages, unsigned long align_pages,
				  unsigned long vstart, unsigned long len, bool *has_len)
{
	unsigned long best = 0, run = 0;

	*has_len = false;
	for (unsigned long p = pg(vstart); p < AREA_PAGES; p++) {
		run = model[p] ? 0 : run + 1;
		if (run >= len)
			*has_len = true;
		if (!best && run >= npages) {
			unsigned long s = p + 1 - npages;

			if (s % align_pages == 0)
				best = AREA_START + s * PAGE_SIZE;
		}
	}
	return best;
}

static void do_alloc(void)
{
	unsigned long npages = 1 + (rnd() % 8 ? rnd() % 16 : rnd() % 600);
	unsigned long align_pages = rnd() % 4 ? 1 : 1UL << (rnd() % 6);
	unsigned long vstart =
		rnd() % 5 ? AREA_START : AREA_START + (rnd() % AREA_PAGES) * PAGE_SIZE;
	unsigned long size = npages * PAGE_SIZE, align = align_pages * PAGE_SIZE;
	struct vmap_area *spare, *va;
	unsigned long addr, expect;
	bool has_len;

	if (nr_live == MAX_LIVE)
		return;
	spare = malloc(sizeof(*spare));
	expect = model_lowest(npages, align_pages, vstart, npages + align_pages - 1, &has_len);
	addr = __alloc_vmap_area(size, align, vstart, AREA_END, &spare);
	free(spare);
	if (addr == AREA_END) {
		assert_false(has_len);
		return;
	}
	assert_int_equal(addr % align, 0);
	assert_true(addr >= vstart && addr + size <= AREA_END);
	if (align_pages == 1)
		assert_int_equal(addr, expect);
	for (unsigned long a = addr; a < addr + size; a += PAGE_SIZE) {
		assert_int_equal(model[pg(a)], 0);
		model[pg(a)] = 1;
	}
	va = malloc(sizeof(*va));
	va->va_start = addr;
	va->va_end = addr + size;
	insert_vmap_area(va);
	live[nr_live++] = va;
}

static void do_free(void)
{
	unsigned int i;
	struct vmap_area *va;

	if (!nr_live)
		return;
	i = rnd() % nr_live;
	va = live[i];
	live[i] = live[--nr_live];
	assert_ptr_equal(__find_vmap_area(va->va_start + rnd() % (va->va_end - va->va_start)), va);
	unlink_va(va);
	assert_null(__find_vmap_area(va->va_start));
	for (unsigned long a = va->va_start; a < va->va_end; a += PAGE_SIZE)
		model[pg(a)] = 0;
	merge_or_add_vmap_area(va);
}

/* the area's last free block goes: an empty tree for the next case */
static void reset_free_space(struct vmap_area *va)
{
	free_vmap_area_root = RB_ROOT;
	INIT_LIST_HEAD(&free_vmap_area_list);
	free(va);
}

static void run(unsigned int steps, unsigned int alloc_pct)
{
	struct vmap_area *va = malloc(sizeof(*va));

	nr_live = 0;
	memset(model, 0, sizeof(model));
	vmap_init_free_space(va, AREA_START, AREA_END);
	check_all();
	for (unsigned int s = 0; s < steps; s++) {
		if (rnd() % 100 < alloc_pct)
			do_alloc();
		else
			do_free();
		check_all();
	}
	while (nr_live) {
		do_free();
		check_all();
	}
	/* all back: one free block, the whole area */
	assert_true(list_empty(&vmap_area_list));
	va = list_first_entry(&free_vmap_area_list, struct vmap_area, list);
	assert_int_equal(va->va_start, AREA_START);
	assert_int_equal(va->va_end, AREA_END);
	assert_ptr_equal(va->list.next, &free_vmap_area_list);
	reset_free_space(va);
}

static void test_random_balanced(void **state)
{
	run(6000, 55);
}

static void test_random_filling(void **state)
{
	run(4000, 80);
}

static void test_exact_fit_and_exhaustion(void **state)
{
	struct vmap_area *va = malloc(sizeof(*va)), *spare = NULL;
	unsigned long a, b;

	vmap_init_free_space(va, AREA_START, AREA_END);
	/* the whole area: FL_FIT, no free block left */
	a = __alloc_vmap_area(AREA_END - AREA_START, PAGE_SIZE, AREA_START, AREA_END, &spare);
	assert_int_equal(a, AREA_START);
	assert_true(list_empty(&free_vmap_area_list));
	assert_int_equal(vmap_largest_free(), 0);
	assert_int_equal(__alloc_vmap_area(PAGE_SIZE, PAGE_SIZE, AREA_START, AREA_END, &spare),
			 AREA_END);
	/* give back a page in the middle, then its neighbours: one block again */
	for (b = AREA_START + PAGE_SIZE; b < AREA_END - PAGE_SIZE; b += 2 * PAGE_SIZE) {
		va = malloc(sizeof(*va));
		va->va_start = b;
		va->va_end = b + PAGE_SIZE;
		merge_or_add_vmap_area(va);
	}
	assert_int_equal(vmap_largest_free(), PAGE_SIZE);
	/* a two-page request cannot fit in one-page holes */
	assert_int_equal(__alloc_vmap_area(2 * PAGE_SIZE, PAGE_SIZE, AREA_START, AREA_END, &spare),
			 AREA_END);
	for (b = AREA_START; b < AREA_END; b += 2 * PAGE_SIZE) {
		va = malloc(sizeof(*va));
		va->va_start = b;
		va->va_end = b + PAGE_SIZE;
		merge_or_add_vmap_area(va);
	}
	va = malloc(sizeof(*va));
	va->va_start = AREA_END - PAGE_SIZE;
	va->va_end = AREA_END;
	merge_or_add_vmap_area(va);
	assert_int_equal(vmap_largest_free(), AREA_END - AREA_START);
	va = list_first_entry(&free_vmap_area_list, struct vmap_area, list);
	assert_ptr_equal(va->list.next, &free_vmap_area_list);
	/* NE_FIT without a spare fails and changes nothing */
	assert_int_equal(
		__alloc_vmap_area(PAGE_SIZE, PAGE_SIZE, AREA_START + PAGE_SIZE, AREA_END, &spare),
		AREA_END);
	assert_int_equal(vmap_largest_free(), AREA_END - AREA_START);
	reset_free_space(va);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_random_balanced),
		cmocka_unit_test(test_random_filling),
		cmocka_unit_test(test_exact_fit_and_exhaustion),
	};

	return cmocka_run_group_tests_name("vmap_area", tests, NULL, NULL);
}
