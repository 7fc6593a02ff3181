// SPDX-License-Identifier: GPL-2.0
/*
 * Host tests of the VMA tree (mm/vma.c, built natively as Linux 6.12's
 * tools/testing/vma builds mm/vma.c): long random sequences of inserts,
 * splits, merges and removals in one address space, checked after every
 * step against a model -- an array of the ranges, sorted -- and against
 * the tree's own invariants (Linux's validate_mm()): the list sorted and
 * linked both ways, the tree in order, every node's rb_subtree_gap the
 * largest gap below a VMA of its subtree, highest_vm_end, map_count; and
 * the anon_vmas (mm/rmap.c): each VMA on its own's list, a page's VMA
 * keeping the anon_vma its anonymous pages record, none left over.
 * unmapped_area_topdown() is compared with a brute-force search.
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
#include <linux/slab.h>

#include "../../mm/vma.h"
#include "host_shim.h"

#define SPACE_PAGES 4096 /* the model's address space: 16 MiB from 0x10000000 */
#define BASE	    0x10000000UL
#define MAX_VMAS    256

static unsigned long long rng = 0x9e3779b97f4a7c15ULL;

static unsigned long rnd(unsigned long n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (unsigned long)(rng % n);
}

/* the model: which VMA (by its flags value, 0 = none) each page belongs to */
static unsigned long owner[SPACE_PAGES];
/*
 * and the anon_vma an anonymous page there would record (NULL: none yet):
 * the VMA covering the page must keep it through splits and merges, or
 * rmap_walk_anon() could not find the page's pte
 */
static struct anon_vma *anon_of[SPACE_PAGES];

static int group_setup(void **state)
{
	(void)state;
	host_boot_node(64, 64);
	kmem_cache_init();
	kmem_cache_init_late();
	vm_area_cachep = kmem_cache_create("vm_area_struct", sizeof(struct vm_area_struct), 0,
					   SLAB_PANIC, NULL);
	anon_vma_init();
	return 0;
}

static int group_teardown(void **state)
{
	(void)state;
	host_ram_free();
	return 0;
}

static struct mm_struct *new_mm(void)
{
	struct mm_struct *mm = calloc(1, sizeof(*mm));

	mm->mm_rb = RB_ROOT;
	spin_lock_init(&mm->page_table_lock);
	memset(owner, 0, sizeof(owner));
	memset(anon_of, 0, sizeof(anon_of));
	return mm;
}

static struct vm_area_struct *new_vma(struct mm_struct *mm, unsigned long start, unsigned long end,
				      unsigned long flags)
{
	struct vm_area_struct *vma = kmem_cache_alloc(vm_area_cachep, GFP_KERNEL);

	memset(vma, 0, sizeof(*vma));
	vma->vm_mm = mm;
	vma->vm_start = start;
	vma->vm_end = end;
	vma->vm_flags = flags;
	return vma;
}

/* the largest gap below any VMA of @node's subtree, computed afresh */
static unsigned long subtree_gap(struct rb_node *node)
{
	struct vm_area_struct *v;
	unsigned long gap, prev_end, l, r;

	if (!node)
		return 0;
	v = rb_entry(node, struct vm_area_struct, vm_rb);
	prev_end = v->vm_prev ? v->vm_prev->vm_end : 0;
	gap = v->vm_start - prev_end;
	l = subtree_gap(node->rb_left);
	r = subtree_gap(node->rb_right);
	assert_int_equal(v->rb_subtree_gap, max(gap, max(l, r)));
	return v->rb_subtree_gap;
}

/*
 * every VMA with an anon_vma is on its list, every list holds only the
 * mm's VMAs of that anon_vma, and no anon_vma is alive without one
 */
static void validate_anon_vmas(struct mm_struct *mm)
{
	struct anon_vma *seen[MAX_VMAS];
	unsigned long distinct = 0;

	for (struct vm_area_struct *v = mm->mmap; v; v = v->vm_next) {
		struct vm_area_struct *w;
		bool found = false, known = false;

		if (!v->anon_vma)
			continue;
		list_for_each_entry(w, &v->anon_vma->head, anon_vma_node) {
			assert_ptr_equal(w->vm_mm, mm);
			assert_ptr_equal(w->anon_vma, v->anon_vma);
			found |= w == v;
		}
		assert_true(found);
		for (unsigned long i = 0; i < distinct; i++)
			known |= seen[i] == v->anon_vma;
		if (!known)
			seen[distinct++] = v->anon_vma;
	}
	assert_int_equal(nr_anon_vmas(), distinct);
}

/* mm/mmap.c: validate_mm() @ v4.14, and the model */
static void validate(struct mm_struct *mm)
{
	struct vm_area_struct *v, *prev = NULL;
	struct rb_node *node = rb_first(&mm->mm_rb);
	unsigned long page, count = 0;

	for (v = mm->mmap; v; prev = v, v = v->vm_next, node = rb_next(node)) {
		assert_ptr_equal(v->vm_prev, prev);
		assert_true(v->vm_start < v->vm_end);
		assert_true(!prev || prev->vm_end <= v->vm_start);
		assert_ptr_equal(node, &v->vm_rb); /* the tree in the list's order */
		count++;
	}
	assert_null(node);
	assert_int_equal(count, mm->map_count);
	assert_int_equal(mm->highest_vm_end, prev ? prev->vm_end : 0);
	subtree_gap(mm->mm_rb.rb_node);
	for (page = 0; page < SPACE_PAGES; page++) {
		unsigned long addr = BASE + page * PAGE_SIZE;
		struct vm_area_struct *f = find_vma(mm, addr);
		bool in = f && f->vm_start <= addr;

		assert_int_equal(in ? f->vm_flags : 0, owner[page]);
		if (anon_of[page]) {
			/* its anon_vma, and the index vma_address() turns back into addr */
			assert_ptr_equal(f->anon_vma, anon_of[page]);
			assert_int_equal(f->vm_pgoff + ((addr - f->vm_start) >> PAGE_SHIFT),
					 addr >> PAGE_SHIFT);
		}
	}
	validate_anon_vmas(mm);
}

static void model_set(unsigned long start, unsigned long end, unsigned long flags)
{
	for (unsigned long a = start; a < end; a += PAGE_SIZE)
		owner[(a - BASE) / PAGE_SIZE] = flags;
}

/* a random free range in the model, or 0 */
static unsigned long free_range(unsigned long *end)
{
	for (int tries = 0; tries < 50; tries++) {
		unsigned long p = rnd(SPACE_PAGES), n = 1 + rnd(16), i;

		if (p + n > SPACE_PAGES)
			continue;
		for (i = 0; i < n && !owner[p + i]; i++)
			;
		if (i == n) {
			*end = BASE + (p + n) * PAGE_SIZE;
			return BASE + p * PAGE_SIZE;
		}
	}
	return 0;
}

/*
 * inserts, merges into neighbours, splits, removals and first anonymous
 * pages (anon_vma_prepare()) against the model
 */
static void test_random_against_model(void **state)
{
	struct mm_struct *mm = new_mm();
	unsigned long start, end;

	(void)state;
	for (int step = 0; step < 20000; step++) {
		unsigned int op = (unsigned int)rnd(14);
		unsigned long flags = 1 + rnd(3); /* three kinds: neighbours of a kind merge */

		if (op == 11 && mm->mmap) {
			/* a gap filled exactly, as the VMA below: three may become one */
			struct vm_area_struct *v =
				find_vma(mm, BASE + rnd(SPACE_PAGES) * PAGE_SIZE);

			if (v && v->vm_next && v->vm_end < v->vm_next->vm_start &&
			    v->vm_next->vm_start - v->vm_end <= 16 * PAGE_SIZE &&
			    mm->map_count < MAX_VMAS) {
				start = v->vm_end;
				end = v->vm_next->vm_start;
				flags = v->vm_flags;
				if (!vma_merge(mm, v, start, end, flags, NULL, start >> PAGE_SHIFT))
					assert_int_equal(insert_vm_struct(mm, new_vma(mm, start,
										      end, flags)),
							 0);
				model_set(start, end, flags);
			}
		} else if (op == 13 && mm->mmap) {
			/* mprotect() of a VMA's tail to its next's flags, or of its head to prev's
			 */
			struct vm_area_struct *v =
				find_vma(mm, BASE + rnd(SPACE_PAGES) * PAGE_SIZE);
			unsigned long mid;

			if (!v || vma_pages(v) < 2 || mm->map_count >= MAX_VMAS)
				continue;
			mid = v->vm_start + (1 + rnd(vma_pages(v) - 1)) * PAGE_SIZE;
			if (rnd(2) && v->vm_next && v->vm_next->vm_start == v->vm_end &&
			    v->vm_next->vm_flags != v->vm_flags) {
				flags = v->vm_next->vm_flags; /* the tail [mid, end): case 4 */
				start = mid;
				end = v->vm_end;
				if (!vma_merge(mm, v, start, end, flags, NULL,
					       v->vm_pgoff + ((mid - v->vm_start) >> PAGE_SHIFT))) {
					assert_int_equal(split_vma(mm, v, mid, 1), 0);
					find_vma(mm, mid)->vm_flags = flags;
				}
				model_set(start, end, flags);
			} else if (v->vm_prev && v->vm_prev->vm_end == v->vm_start &&
				   v->vm_prev->vm_flags != v->vm_flags) {
				flags = v->vm_prev->vm_flags; /* the head [start, mid): case 5 */
				start = v->vm_start;
				end = mid;
				if (!vma_merge(mm, v->vm_prev, start, end, flags, NULL,
					       v->vm_pgoff)) {
					assert_int_equal(split_vma(mm, v, mid, 0), 0);
					find_vma(mm, start)->vm_flags = flags;
				}
				model_set(start, end, flags);
			}
		} else if (op == 12 && mm->mmap) {
			/* mprotect() of a whole VMA to its neighbour's flags: vma_merge()'s area */
			struct vm_area_struct *v =
				find_vma(mm, BASE + rnd(SPACE_PAGES) * PAGE_SIZE);
			struct vm_area_struct *prev = v ? v->vm_prev : NULL, *m;

			if (prev && prev->vm_end == v->vm_start && prev->vm_flags != v->vm_flags) {
				start = v->vm_start;
				end = v->vm_end;
				flags = prev->vm_flags;
				m = vma_merge(mm, prev, start, end, flags, NULL, v->vm_pgoff);
				if (!m)
					v->vm_flags = flags; /* as mprotect_fixup() does */
				model_set(start, end, flags);
			}
		} else if (op == 10 && mm->mmap) {
			struct vm_area_struct *v =
				find_vma(mm, BASE + rnd(SPACE_PAGES) * PAGE_SIZE);

			if (v) {
				assert_int_equal(anon_vma_prepare(v), 0);
				for (unsigned long a = v->vm_start; a < v->vm_end; a += PAGE_SIZE)
					anon_of[(a - BASE) / PAGE_SIZE] = v->anon_vma;
			}
		} else if (op < 4 && mm->map_count < MAX_VMAS && (start = free_range(&end))) {
			struct vm_area_struct *prev, *m;
			struct rb_node **link, *parent;

			assert_int_equal(find_vma_links(mm, start, end, &prev, &link, &parent), 0);
			m = vma_merge(mm, prev, start, end, flags, NULL, start >> PAGE_SHIFT);
			if (!m)
				assert_int_equal(
					insert_vm_struct(mm, new_vma(mm, start, end, flags)), 0);
			else
				assert_true(m->vm_start <= start && m->vm_end >= end);
			model_set(start, end, flags);
		} else if (op < 7 && mm->mmap) {
			struct vm_area_struct *v =
				find_vma(mm, BASE + rnd(SPACE_PAGES) * PAGE_SIZE);

			if (v && vma_pages(v) > 1) {
				unsigned long at =
					v->vm_start + (1 + rnd(vma_pages(v) - 1)) * PAGE_SIZE;

				assert_int_equal(split_vma(mm, v, at, (int)rnd(2)), 0);
				assert_non_null(find_vma(mm, at));
				assert_int_equal(find_vma(mm, at)->vm_start, at);
			}
		} else if (mm->mmap) {
			struct vm_area_struct *v =
				find_vma(mm, BASE + rnd(SPACE_PAGES) * PAGE_SIZE);

			if (v) {
				model_set(v->vm_start, v->vm_end, 0);
				for (unsigned long a = v->vm_start; a < v->vm_end; a += PAGE_SIZE)
					anon_of[(a - BASE) / PAGE_SIZE] = NULL;
				vma_unlink(mm, v);
				remove_vma(v);
			}
		}
		if (step % 64 == 0 || step > 19900)
			validate(mm);
	}
	while (mm->mmap) {
		struct vm_area_struct *v = mm->mmap;

		vma_unlink(mm, v);
		remove_vma(v);
	}
	assert_int_equal(mm->map_count, 0);
	assert_int_equal(nr_anon_vmas(), 0); /* the last VMA of each freed it */
	free(mm);
}

/* the highest free range of @len below @high, brute force over the model */
static unsigned long brute_topdown(unsigned long len, unsigned long low, unsigned long high)
{
	for (unsigned long end = high; end >= low + len && end > BASE; end -= PAGE_SIZE) {
		unsigned long a;

		for (a = end - len; a < end; a += PAGE_SIZE)
			if (a < BASE || owner[(a - BASE) / PAGE_SIZE])
				break;
		if (a == end)
			return end - len;
	}
	return -ENOMEM;
}

/* unmapped_area_topdown() finds what a search of every address finds */
static void test_gap_search(void **state)
{
	struct mm_struct *mm = new_mm();
	unsigned long start, end;

	(void)state;
	/* a floor VMA below the model's space, so nothing below BASE counts as free */
	assert_int_equal(insert_vm_struct(mm, new_vma(mm, BASE - PAGE_SIZE, BASE, 9)), 0);
	for (int round = 0; round < 300; round++) {
		if ((start = free_range(&end))) {
			assert_int_equal(insert_vm_struct(mm, new_vma(mm, start, end, 1 + rnd(3))),
					 0);
			model_set(start, end, 1);
		}
		for (int q = 0; q < 8; q++) {
			unsigned long len = (1 + rnd(64)) * PAGE_SIZE;
			unsigned long high = BASE + (1 + rnd(SPACE_PAGES)) * PAGE_SIZE;

			assert_int_equal(unmapped_area_topdown(mm, len, BASE, high),
					 brute_topdown(len, BASE, high));
		}
	}
	while (mm->mmap) {
		struct vm_area_struct *v = mm->mmap;

		vma_unlink(mm, v);
		remove_vma(v);
	}
	free(mm);
}

/* mprotect()'s case: a range that is exactly one VMA merges with both neighbours */
static void test_merge_over_a_vma(void **state)
{
	struct mm_struct *mm = new_mm();
	struct vm_area_struct *a = new_vma(mm, BASE, BASE + 0x3000, 3), *m;

	(void)state;
	assert_int_equal(insert_vm_struct(mm, a), 0);
	assert_int_equal(split_vma(mm, a, BASE + 0x1000, 0), 0);
	assert_int_equal(split_vma(mm, find_vma(mm, BASE + 0x1000), BASE + 0x2000, 0), 0);
	assert_int_equal(mm->map_count, 3);
	m = find_vma(mm, BASE + 0x1000);
	m->vm_flags = 1; /* as mprotect_fixup() would, without merging */
	model_set(BASE, BASE + 0x3000, 3);
	model_set(BASE + 0x1000, BASE + 0x2000, 1);
	validate(mm);
	m = vma_merge(mm, find_vma(mm, BASE), BASE + 0x1000, BASE + 0x2000, 3, NULL,
		      (BASE + 0x1000) >> PAGE_SHIFT);
	assert_non_null(m);
	assert_int_equal(mm->map_count, 1);
	assert_int_equal(m->vm_start, BASE);
	assert_int_equal(m->vm_end, BASE + 0x3000);
	model_set(BASE, BASE + 0x3000, 3);
	validate(mm);
	vma_unlink(mm, m);
	remove_vma(m);
	free(mm);
}

/*
 * mprotect() of a VMA's tail, then of the part below it, to the flags of
 * the VMA above: Linux's case 4, the upper VMA growing down over the tail
 * of the lower one, whose anonymous pages it must then find (it had none:
 * it takes the lower one's anon_vma).  a9mm's vma_merge() once grew the
 * upper VMA over the lower one's tail without shrinking it: BUG.
 */
static void test_merge_over_a_tail_and_a_head(void **state)
{
	struct mm_struct *mm = new_mm();
	struct vm_area_struct *a = new_vma(mm, BASE, BASE + 0x3000, 3), *m, *upper;

	(void)state;
	assert_int_equal(insert_vm_struct(mm, a), 0);
	assert_int_equal(anon_vma_prepare(a), 0); /* its pages were written */
	for (int i = 0; i < 3; i++)
		anon_of[i] = a->anon_vma;
	assert_int_equal(split_vma(mm, a, BASE + 0x2000, 0), 0); /* mprotect(BASE + 2P, P) */
	upper = find_vma(mm, BASE + 0x2000);
	upper->vm_flags = 1;
	model_set(BASE, BASE + 0x3000, 3);
	model_set(BASE + 0x2000, BASE + 0x3000, 1);
	validate(mm);
	/* mprotect(BASE + P, P): the tail of a, next to upper */
	m = vma_merge(mm, a, BASE + 0x1000, BASE + 0x2000, 1, NULL, (BASE + 0x1000) >> PAGE_SHIFT);
	assert_ptr_equal(m, upper);
	assert_int_equal(upper->vm_start, BASE + 0x1000);
	assert_int_equal(a->vm_end, BASE + 0x1000);
	model_set(BASE + 0x1000, BASE + 0x2000, 1);
	validate(mm);
	/* and back: mprotect(BASE + P, P) to 3, the head of upper next to a: case 5 */
	m = vma_merge(mm, a, BASE + 0x1000, BASE + 0x2000, 3, NULL, (BASE + 0x1000) >> PAGE_SHIFT);
	assert_ptr_equal(m, a);
	assert_int_equal(a->vm_end, BASE + 0x2000);
	assert_int_equal(upper->vm_start, BASE + 0x2000);
	model_set(BASE + 0x1000, BASE + 0x2000, 3);
	validate(mm);
	while (mm->mmap) {
		struct vm_area_struct *v = mm->mmap;

		vma_unlink(mm, v);
		remove_vma(v);
	}
	assert_int_equal(nr_anon_vmas(), 0);
	free(mm);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_random_against_model),
		cmocka_unit_test(test_gap_search),
		cmocka_unit_test(test_merge_over_a_vma),
		cmocka_unit_test(test_merge_over_a_tail_and_a_head),
	};

	return cmocka_run_group_tests_name("vma", tests, group_setup, group_teardown);
}
