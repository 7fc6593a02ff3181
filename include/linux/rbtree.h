/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_RBTREE_H
#define _LINUX_RBTREE_H

/*
 * include/linux/rbtree.h @ v5.4: red-black trees the way Linux uses them --
 * intrusive, with no comparison function.  The tree's user embeds a
 * struct rb_node in its own object, walks down from the root itself to
 * find where a new node goes, links it there (rb_link_node()) and then
 * asks the tree to restore its balance (rb_insert_color()).  lib/rbtree.c
 * is a9mm's own implementation of the same API.
 *
 * The rules that keep the tree balanced (the longest path from the root
 * to a leaf at most twice the shortest):
 *
 *   1. every node is red or black          3. a red node has no red child
 *   2. the root is black                   4. every path from a node down
 *                                             to a NULL leaf meets the
 *                                             same number of black nodes
 *
 * The parent pointer and the colour share one word: nodes are at least
 * 4-byte aligned, so bit 0 of the parent's address is free for the
 * colour (RB_RED 0, RB_BLACK 1).
 */
#include <linux/compiler.h>
#include <linux/kernel.h>

struct rb_node {
	unsigned long __rb_parent_color;
	struct rb_node *rb_right;
	struct rb_node *rb_left;
} __attribute__((aligned(sizeof(long))));

struct rb_root {
	struct rb_node *rb_node;
};

#define RB_RED	 0
#define RB_BLACK 1

#define rb_parent(r) ((struct rb_node *)((r)->__rb_parent_color & ~3UL))

#define RB_ROOT			    ((struct rb_root){ .rb_node = NULL })
#define rb_entry(ptr, type, member) container_of(ptr, type, member)

#define RB_EMPTY_ROOT(root) (READ_ONCE((root)->rb_node) == NULL)

/* a node that is in no tree points at itself (RB_CLEAR_NODE) */
#define RB_EMPTY_NODE(node) ((node)->__rb_parent_color == (unsigned long)(node))
#define RB_CLEAR_NODE(node) ((node)->__rb_parent_color = (unsigned long)(node))

/* lib/rbtree.c */
void rb_insert_color(struct rb_node *node, struct rb_root *root);
void rb_erase(struct rb_node *node, struct rb_root *root);
struct rb_node *rb_next(const struct rb_node *node);
struct rb_node *rb_prev(const struct rb_node *node);
struct rb_node *rb_first(const struct rb_root *root);
struct rb_node *rb_last(const struct rb_root *root);

/*
 * include/linux/rbtree.h: rb_link_node() @ v5.4: put a new, red node where
 * the caller's descent ended (*rb_link, a child pointer of @parent); the
 * caller then calls rb_insert_color() (or rb_insert_augmented()).
 */
static inline void rb_link_node(struct rb_node *node, struct rb_node *parent,
				struct rb_node **rb_link)
{
	node->__rb_parent_color = (unsigned long)parent;
	node->rb_left = node->rb_right = NULL;
	*rb_link = node;
}

#define rb_entry_safe(ptr, type, member)                          \
	({                                                        \
		__typeof__(ptr) ____ptr = (ptr);                  \
		____ptr ? rb_entry(____ptr, type, member) : NULL; \
	})

#endif
