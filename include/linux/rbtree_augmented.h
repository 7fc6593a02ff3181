/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_RBTREE_AUGMENTED_H
#define _LINUX_RBTREE_AUGMENTED_H

/*
 * include/linux/rbtree_augmented.h @ v5.4: a red-black tree whose nodes
 * also carry a value computed from their whole subtree -- for the vmap
 * allocator (mm/vmalloc.c), the largest free block anywhere below a node
 * (subtree_max_size), so a search can skip every subtree too small to
 * hold a request.  The tree calls back whenever the shape under a node
 * changes:
 *
 *   propagate(node, stop)  recompute node's value and its ancestors',
 *                          up to (not including) stop; stops early once
 *                          a value comes out unchanged
 *   copy(old, new)         new takes old's place with the same subtree:
 *                          it gets old's value
 *   rotate(old, new)       a rotation put new where old was: new gets
 *                          old's value (the same set of nodes), old is
 *                          recomputed from its new children
 *
 *        old                  new
 *       /   \                /   \
 *      a    new     ->     old    c         (a left rotation)
 *          /   \          /   \
 *         b     c        a     b
 *
 * The caller links a new node with its own value already set, propagates
 * it up from the parent, then calls rb_insert_augmented().
 */
#include <linux/rbtree.h>

struct rb_augment_callbacks {
	void (*propagate)(struct rb_node *node, struct rb_node *stop);
	void (*copy)(struct rb_node *old, struct rb_node *new);
	void (*rotate)(struct rb_node *old, struct rb_node *new);
};

/* lib/rbtree.c */
void __rb_insert_augmented(struct rb_node *node, struct rb_root *root,
			   void (*augment_rotate)(struct rb_node *old, struct rb_node *new));
void __rb_erase_augmented(struct rb_node *node, struct rb_root *root,
			  const struct rb_augment_callbacks *augment);

/* include/linux/rbtree_augmented.h: rb_insert_augmented() @ v5.4 */
static inline void rb_insert_augmented(struct rb_node *node, struct rb_root *root,
				       const struct rb_augment_callbacks *augment)
{
	__rb_insert_augmented(node, root, augment->rotate);
}

/* include/linux/rbtree_augmented.h: rb_erase_augmented() @ v5.4 */
static inline void rb_erase_augmented(struct rb_node *node, struct rb_root *root,
				      const struct rb_augment_callbacks *augment)
{
	__rb_erase_augmented(node, root, augment);
}

/*
 * include/linux/rbtree_augmented.h: RB_DECLARE_CALLBACKS_MAX() @ v5.4:
 * the three callbacks for the common case "the value is the maximum of
 * RBCOMPUTE(node) over the subtree", as a const struct rb_augment_callbacks
 * named RBNAME.  RBCOMPUTE(node) is the node's own contribution.
 */
/* clang-format off */
#define RB_DECLARE_CALLBACKS_MAX(RBSTATIC, RBNAME, RBSTRUCT, RBFIELD, RBTYPE, RBAUGMENTED,	\
				 RBCOMPUTE)						\
static inline RBTYPE RBNAME##_compute_max(RBSTRUCT *node)				\
{											\
	RBTYPE max = RBCOMPUTE(node), sub;						\
											\
	if (node->RBFIELD.rb_left) {							\
		sub = rb_entry(node->RBFIELD.rb_left, RBSTRUCT, RBFIELD)->RBAUGMENTED;	\
		if (sub > max)								\
			max = sub;							\
	}										\
	if (node->RBFIELD.rb_right) {							\
		sub = rb_entry(node->RBFIELD.rb_right, RBSTRUCT, RBFIELD)->RBAUGMENTED;	\
		if (sub > max)								\
			max = sub;							\
	}										\
	return max;									\
}											\
static void RBNAME##_propagate(struct rb_node *rb, struct rb_node *stop)		\
{											\
	for (; rb != stop; rb = rb_parent(rb)) {					\
		RBSTRUCT *node = rb_entry(rb, RBSTRUCT, RBFIELD);			\
		RBTYPE max = RBNAME##_compute_max(node);				\
											\
		if (node->RBAUGMENTED == max)						\
			break;								\
		node->RBAUGMENTED = max;						\
	}										\
}											\
static void RBNAME##_copy(struct rb_node *rb_old, struct rb_node *rb_new)		\
{											\
	rb_entry(rb_new, RBSTRUCT, RBFIELD)->RBAUGMENTED =				\
		rb_entry(rb_old, RBSTRUCT, RBFIELD)->RBAUGMENTED;			\
}											\
static void RBNAME##_rotate(struct rb_node *rb_old, struct rb_node *rb_new)		\
{											\
	RBSTRUCT *old = rb_entry(rb_old, RBSTRUCT, RBFIELD);				\
											\
	rb_entry(rb_new, RBSTRUCT, RBFIELD)->RBAUGMENTED = old->RBAUGMENTED;		\
	old->RBAUGMENTED = RBNAME##_compute_max(old);					\
}											\
RBSTATIC const struct rb_augment_callbacks RBNAME = {					\
	.propagate = RBNAME##_propagate,						\
	.copy = RBNAME##_copy,								\
	.rotate = RBNAME##_rotate,							\
}
/* clang-format on */

#endif
