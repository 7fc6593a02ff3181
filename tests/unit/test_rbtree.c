// SPDX-License-Identifier: GPL-2.0
/*
 * Host tests of lib/rbtree.c against a model: a sorted array of the keys
 * that should be in the tree.  Random insertions and erasures, and after
 * each one every rule is checked from scratch: the in-order walk is the
 * model (rb_first/rb_next forwards, rb_last/rb_prev backwards), parent
 * pointers agree with child pointers, the root is black, no red node has
 * a red child, every path down has the same number of black nodes, and
 * -- for the augmented tree -- each node holds the maximum weight of its
 * subtree.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <cmocka.h>
#include <string.h>

#include <linux/rbtree_augmented.h>

#include "host_shim.h"

struct item {
	unsigned long key;
	unsigned long weight;
	unsigned long max_weight; /* the augmented value */
	struct rb_node rb;
	bool in_tree;
};

static unsigned long item_weight(struct item *it)
{
	return it->weight;
}

RB_DECLARE_CALLBACKS_MAX(static, item_cb, struct item, rb, unsigned long, max_weight, item_weight);

#define NR_ITEMS 600

static struct item items[NR_ITEMS];
static struct rb_root root;
static bool augmented;

static unsigned long rnd_state = 1;

static unsigned long rnd(void)
{
	rnd_state = rnd_state * 6364136223846793005ULL + 1442695040888963407ULL;
	return (unsigned long)(rnd_state >> 33);
}

static void insert(struct item *it)
{
	struct rb_node **link = &root.rb_node, *parent = NULL;

	while (*link) {
		struct item *cur = rb_entry(*link, struct item, rb);

		parent = *link;
		link = it->key < cur->key ? &(*link)->rb_left : &(*link)->rb_right;
	}
	rb_link_node(&it->rb, parent, link);
	if (augmented) {
		it->max_weight = it->weight;
		if (parent)
			item_cb.propagate(parent, NULL);
		rb_insert_augmented(&it->rb, &root, &item_cb);
	} else {
		rb_insert_color(&it->rb, &root);
	}
	it->in_tree = true;
}

static void erase(struct item *it)
{
	if (augmented)
		rb_erase_augmented(&it->rb, &root, &item_cb);
	else
		rb_erase(&it->rb, &root);
	RB_CLEAR_NODE(&it->rb);
	it->in_tree = false;
}

static int is_black(const struct rb_node *n)
{
	return !n || (n->__rb_parent_color & 1);
}

/* every rule below @n; returns the black height, fails the test if broken */
static int check_subtree(const struct rb_node *n, const struct rb_node *parent, unsigned long *max)
{
	unsigned long lmax = 0, rmax = 0;
	const struct item *it;
	int lh, rh;

	*max = 0;
	if (!n)
		return 1;
	it = rb_entry(n, struct item, rb);
	assert_ptr_equal(rb_parent(n), parent);
	if (!is_black(n)) {
		assert_true(is_black(n->rb_left));
		assert_true(is_black(n->rb_right));
	}
	if (n->rb_left)
		assert_true(rb_entry(n->rb_left, struct item, rb)->key <= it->key);
	if (n->rb_right)
		assert_true(rb_entry(n->rb_right, struct item, rb)->key >= it->key);
	lh = check_subtree(n->rb_left, n, &lmax);
	rh = check_subtree(n->rb_right, n, &rmax);
	assert_int_equal(lh, rh);
	*max = max(it->weight, max(lmax, rmax));
	if (augmented)
		assert_int_equal(it->max_weight, *max);
	return lh + is_black(n);
}

static int cmp_key(const void *a, const void *b)
{
	unsigned long x = *(const unsigned long *)a, y = *(const unsigned long *)b;

	return x < y ? -1 : x > y;
}

static void check_tree(void)
{
	unsigned long model[NR_ITEMS], max;
	unsigned int n = 0, i;
	struct rb_node *node;
	int height;

	for (i = 0; i < NR_ITEMS; i++)
		if (items[i].in_tree)
			model[n++] = items[i].key;
	qsort(model, n, sizeof(model[0]), cmp_key);

	assert_true(is_black(root.rb_node));
	height = check_subtree(root.rb_node, NULL, &max);
	/* balanced: a tree of n nodes has black height at most log2(n + 1) + 1 */
	assert_true((1UL << (height - 1)) <= n + 1);

	i = 0;
	for (node = rb_first(&root); node; node = rb_next(node))
		assert_int_equal(rb_entry(node, struct item, rb)->key, model[i++]);
	assert_int_equal(i, n);
	for (node = rb_last(&root); node; node = rb_prev(node))
		assert_int_equal(rb_entry(node, struct item, rb)->key, model[--i]);
	assert_int_equal(i, 0);
}

static void random_run(unsigned long seed, unsigned int ops, unsigned long key_range)
{
	rnd_state = seed;
	root = RB_ROOT;
	memset(items, 0, sizeof(items));
	for (unsigned int i = 0; i < NR_ITEMS; i++)
		RB_CLEAR_NODE(&items[i].rb);
	for (unsigned int op = 0; op < ops; op++) {
		struct item *it = &items[rnd() % NR_ITEMS];

		if (it->in_tree) {
			erase(it);
		} else {
			it->key = rnd() % key_range; /* small ranges: many equal keys */
			it->weight = rnd() % 100000;
			insert(it);
		}
		check_tree();
	}
	/* empty it again, checking at each step */
	for (unsigned int i = 0; i < NR_ITEMS; i++)
		if (items[i].in_tree) {
			erase(&items[i]);
			check_tree();
		}
	assert_null(root.rb_node);
}

static void test_plain_random(void **state)
{
	augmented = false;
	random_run(1, 4000, 1000000);
	random_run(2, 4000, 50);
}

static void test_augmented_random(void **state)
{
	augmented = true;
	random_run(3, 4000, 1000000);
	random_run(4, 4000, 50);
}

/* ascending and descending insertions: the worst case of an unbalanced tree */
static void test_sorted_insertions_stay_balanced(void **state)
{
	augmented = true;
	for (int dir = 0; dir < 2; dir++) {
		root = RB_ROOT;
		memset(items, 0, sizeof(items));
		for (unsigned int i = 0; i < NR_ITEMS; i++) {
			struct item *it = &items[i];

			it->key = dir ? NR_ITEMS - i : i;
			it->weight = i * 7 % 101;
			insert(it);
		}
		check_tree();
		for (unsigned int i = 0; i < NR_ITEMS; i += 2)
			erase(&items[i]);
		check_tree();
	}
}

static void test_empty_tree_and_lone_node(void **state)
{
	struct item lone = { .key = 5, .weight = 9 };

	augmented = false;
	root = RB_ROOT;
	assert_null(rb_first(&root));
	assert_null(rb_last(&root));
	assert_true(RB_EMPTY_ROOT(&root));
	RB_CLEAR_NODE(&lone.rb);
	assert_true(RB_EMPTY_NODE(&lone.rb));
	assert_null(rb_next(&lone.rb));
	assert_null(rb_prev(&lone.rb));

	rb_link_node(&lone.rb, NULL, &root.rb_node);
	rb_insert_color(&lone.rb, &root);
	assert_ptr_equal(rb_first(&root), &lone.rb);
	assert_ptr_equal(rb_last(&root), &lone.rb);
	assert_null(rb_next(&lone.rb));
	assert_true(is_black(&lone.rb));
	rb_erase(&lone.rb, &root);
	assert_true(RB_EMPTY_ROOT(&root));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_empty_tree_and_lone_node),
		cmocka_unit_test(test_plain_random),
		cmocka_unit_test(test_augmented_random),
		cmocka_unit_test(test_sorted_insertions_stay_balanced),
	};

	return cmocka_run_group_tests_name("rbtree", tests, NULL, NULL);
}
