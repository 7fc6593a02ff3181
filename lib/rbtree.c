// SPDX-License-Identifier: GPL-2.0
/*
 * lib/rbtree.c: red-black trees, with Linux's API (include/linux/rbtree.h
 * @ v5.4, lib/rbtree.c @ v5.4) and a9mm's own code: the textbook
 * algorithms (insertion and deletion fix-ups as in Cormen et al., chapter
 * 13), written with parent pointers and NULL leaves, and the augmented
 * callbacks called wherever the shape under a node changes.
 *
 * Both fix-ups climb from where the tree changed towards the root and do
 * at most two (insert) or three (erase) rotations; everything else is
 * recolouring.  So both are O(log n), as is the descent the caller does.
 */
#include <linux/rbtree_augmented.h>

static inline int rb_color(const struct rb_node *node)
{
	return node ? (int)(node->__rb_parent_color & 1) : RB_BLACK; /* leaves are black */
}

static inline bool rb_is_red(const struct rb_node *node)
{
	return rb_color(node) == RB_RED;
}

static inline void rb_set_parent(struct rb_node *node, struct rb_node *parent)
{
	node->__rb_parent_color = (unsigned long)parent | (node->__rb_parent_color & 1);
}

static inline void rb_set_color(struct rb_node *node, int color)
{
	node->__rb_parent_color = (node->__rb_parent_color & ~1UL) | (unsigned long)color;
}

/* make @new the child of @parent that @old was (or the root) */
static inline void rb_change_child(struct rb_node *old, struct rb_node *new, struct rb_node *parent,
				   struct rb_root *root)
{
	if (!parent)
		WRITE_ONCE(root->rb_node, new);
	else if (parent->rb_left == old)
		WRITE_ONCE(parent->rb_left, new);
	else
		WRITE_ONCE(parent->rb_right, new);
}

static void dummy_rotate(struct rb_node *old, struct rb_node *new)
{
}

/*
 * Rotate @x's right child up into @x's place (left rotation); @x becomes
 * its left child and takes over its former left subtree.  The callback
 * is told that the child replaced @x.
 */
static void rotate_left(struct rb_node *x, struct rb_root *root,
			void (*augment_rotate)(struct rb_node *old, struct rb_node *new))
{
	struct rb_node *y = x->rb_right, *parent = rb_parent(x);

	WRITE_ONCE(x->rb_right, y->rb_left);
	if (y->rb_left)
		rb_set_parent(y->rb_left, x);
	rb_set_parent(y, parent);
	rb_change_child(x, y, parent, root);
	WRITE_ONCE(y->rb_left, x);
	rb_set_parent(x, y);
	augment_rotate(x, y);
}

/* the mirror image of rotate_left() */
static void rotate_right(struct rb_node *x, struct rb_root *root,
			 void (*augment_rotate)(struct rb_node *old, struct rb_node *new))
{
	struct rb_node *y = x->rb_left, *parent = rb_parent(x);

	WRITE_ONCE(x->rb_left, y->rb_right);
	if (y->rb_right)
		rb_set_parent(y->rb_right, x);
	rb_set_parent(y, parent);
	rb_change_child(x, y, parent, root);
	WRITE_ONCE(y->rb_right, x);
	rb_set_parent(x, y);
	augment_rotate(x, y);
}

/*
 * The insertion fix-up.  @node was linked red; the only rule it can break
 * is 3 (a red parent).  A red uncle: recolour and move the problem two
 * levels up.  A black uncle: one or two rotations end it.
 */
static void insert_fixup(struct rb_node *node, struct rb_root *root,
			 void (*augment_rotate)(struct rb_node *old, struct rb_node *new))
{
	struct rb_node *parent, *gparent, *uncle;

	while ((parent = rb_parent(node)) && rb_is_red(parent)) {
		gparent = rb_parent(parent); /* a red node is never the root */
		if (parent == gparent->rb_left) {
			uncle = gparent->rb_right;
			if (rb_is_red(uncle)) {
				rb_set_color(parent, RB_BLACK);
				rb_set_color(uncle, RB_BLACK);
				rb_set_color(gparent, RB_RED);
				node = gparent;
				continue;
			}
			if (node == parent->rb_right) {
				rotate_left(parent, root, augment_rotate);
				node = parent;
				parent = rb_parent(node);
			}
			rb_set_color(parent, RB_BLACK);
			rb_set_color(gparent, RB_RED);
			rotate_right(gparent, root, augment_rotate);
		} else {
			uncle = gparent->rb_left;
			if (rb_is_red(uncle)) {
				rb_set_color(parent, RB_BLACK);
				rb_set_color(uncle, RB_BLACK);
				rb_set_color(gparent, RB_RED);
				node = gparent;
				continue;
			}
			if (node == parent->rb_left) {
				rotate_right(parent, root, augment_rotate);
				node = parent;
				parent = rb_parent(node);
			}
			rb_set_color(parent, RB_BLACK);
			rb_set_color(gparent, RB_RED);
			rotate_left(gparent, root, augment_rotate);
		}
	}
	rb_set_color(root->rb_node, RB_BLACK);
}

/**
 * rb_insert_color() - rebalance after rb_link_node()
 * @node: the node just linked
 * @root: its tree
 *
 * lib/rbtree.c: rb_insert_color() @ v5.4.
 */
void rb_insert_color(struct rb_node *node, struct rb_root *root)
{
	insert_fixup(node, root, dummy_rotate);
}

/**
 * __rb_insert_augmented() - rebalance after rb_link_node(), augmented
 * @node: the node just linked, its value set and propagated up
 * @root: its tree
 * @augment_rotate: the tree's rotate callback
 *
 * lib/rbtree.c: __rb_insert_augmented() @ v5.4.
 */
void __rb_insert_augmented(struct rb_node *node, struct rb_root *root,
			   void (*augment_rotate)(struct rb_node *old, struct rb_node *new))
{
	insert_fixup(node, root, augment_rotate);
}

/*
 * The deletion fix-up.  A black node left the path through @parent's
 * child @x (which may be a NULL leaf): that path is one black short
 * (rule 4).  Borrow from the sibling's side by recolouring and at most
 * three rotations, or push the shortage up a level.
 */
static void erase_fixup(struct rb_node *x, struct rb_node *parent, struct rb_root *root,
			void (*augment_rotate)(struct rb_node *old, struct rb_node *new))
{
	struct rb_node *w;

	while (x != root->rb_node && !rb_is_red(x)) {
		if (x == parent->rb_left) {
			w = parent->rb_right; /* the longer side: never a leaf */
			if (rb_is_red(w)) {
				rb_set_color(w, RB_BLACK);
				rb_set_color(parent, RB_RED);
				rotate_left(parent, root, augment_rotate);
				w = parent->rb_right;
			}
			if (!rb_is_red(w->rb_left) && !rb_is_red(w->rb_right)) {
				rb_set_color(w, RB_RED);
				x = parent;
				parent = rb_parent(x);
				continue;
			}
			if (!rb_is_red(w->rb_right)) {
				rb_set_color(w->rb_left, RB_BLACK);
				rb_set_color(w, RB_RED);
				rotate_right(w, root, augment_rotate);
				w = parent->rb_right;
			}
			rb_set_color(w, rb_color(parent));
			rb_set_color(parent, RB_BLACK);
			rb_set_color(w->rb_right, RB_BLACK);
			rotate_left(parent, root, augment_rotate);
		} else {
			w = parent->rb_left;
			if (rb_is_red(w)) {
				rb_set_color(w, RB_BLACK);
				rb_set_color(parent, RB_RED);
				rotate_right(parent, root, augment_rotate);
				w = parent->rb_left;
			}
			if (!rb_is_red(w->rb_left) && !rb_is_red(w->rb_right)) {
				rb_set_color(w, RB_RED);
				x = parent;
				parent = rb_parent(x);
				continue;
			}
			if (!rb_is_red(w->rb_left)) {
				rb_set_color(w->rb_right, RB_BLACK);
				rb_set_color(w, RB_RED);
				rotate_left(w, root, augment_rotate);
				w = parent->rb_left;
			}
			rb_set_color(w, rb_color(parent));
			rb_set_color(parent, RB_BLACK);
			rb_set_color(w->rb_left, RB_BLACK);
			rotate_right(parent, root, augment_rotate);
		}
		x = root->rb_node;
		break;
	}
	if (x)
		rb_set_color(x, RB_BLACK);
}

/*
 * Unlink @node.  With at most one child, the child takes its place.  With
 * two, its successor (the leftmost node of its right subtree, which has
 * no left child) is unlinked from there and takes @node's place and
 * colour.  Either way one position lost a node of some colour: if it was
 * black, erase_fixup() restores the black counts.  The augmented values
 * are brought up to date before any rotation, which relies on them.
 */
static void erase(struct rb_node *node, struct rb_root *root,
		  const struct rb_augment_callbacks *augment)
{
	struct rb_node *parent = rb_parent(node), *x, *xparent;
	int removed_color;

	if (!node->rb_left || !node->rb_right) {
		x = node->rb_left ? node->rb_left : node->rb_right;
		xparent = parent;
		removed_color = rb_color(node);
		rb_change_child(node, x, parent, root);
		if (x)
			rb_set_parent(x, parent);
		if (augment && parent)
			augment->propagate(parent, NULL);
	} else {
		struct rb_node *succ = node->rb_right;

		while (succ->rb_left)
			succ = succ->rb_left;
		removed_color = rb_color(succ);
		x = succ->rb_right;
		if (succ == node->rb_right) {
			xparent = succ;
		} else {
			xparent = rb_parent(succ);
			WRITE_ONCE(xparent->rb_left, x);
			if (x)
				rb_set_parent(x, xparent);
			WRITE_ONCE(succ->rb_right, node->rb_right);
			rb_set_parent(node->rb_right, succ);
		}
		WRITE_ONCE(succ->rb_left, node->rb_left);
		rb_set_parent(node->rb_left, succ);
		succ->__rb_parent_color = node->__rb_parent_color; /* parent and colour */
		rb_change_child(node, succ, parent, root);
		if (augment) {
			/* below succ's old place up to succ, then succ and above */
			augment->copy(node, succ);
			if (xparent != succ)
				augment->propagate(xparent, succ);
			augment->propagate(succ, NULL);
		}
	}
	if (removed_color == RB_BLACK)
		erase_fixup(x, xparent, root, augment ? augment->rotate : dummy_rotate);
}

/**
 * rb_erase() - unlink a node and rebalance
 * @node: a node of @root
 * @root: the tree
 *
 * lib/rbtree.c: rb_erase() @ v5.4.
 */
void rb_erase(struct rb_node *node, struct rb_root *root)
{
	erase(node, root, NULL);
}

/**
 * __rb_erase_augmented() - unlink a node and rebalance, augmented
 * @node: a node of @root
 * @root: the tree
 * @augment: the tree's callbacks
 *
 * lib/rbtree.c: rb_erase_augmented() @ v5.4 (there an inline function of
 * include/linux/rbtree_augmented.h around __rb_erase_augmented()).
 */
void __rb_erase_augmented(struct rb_node *node, struct rb_root *root,
			  const struct rb_augment_callbacks *augment)
{
	erase(node, root, augment);
}

/**
 * rb_first() - the leftmost (smallest) node
 * @root: the tree
 *
 * lib/rbtree.c: rb_first() @ v5.4.
 *
 * Return: the node, NULL for an empty tree.
 */
struct rb_node *rb_first(const struct rb_root *root)
{
	struct rb_node *n = root->rb_node;

	if (!n)
		return NULL;
	while (n->rb_left)
		n = n->rb_left;
	return n;
}

/**
 * rb_last() - the rightmost (largest) node
 * @root: the tree
 *
 * lib/rbtree.c: rb_last() @ v5.4.
 *
 * Return: the node, NULL for an empty tree.
 */
struct rb_node *rb_last(const struct rb_root *root)
{
	struct rb_node *n = root->rb_node;

	if (!n)
		return NULL;
	while (n->rb_right)
		n = n->rb_right;
	return n;
}

/**
 * rb_next() - the in-order successor
 * @node: a node in a tree
 *
 * lib/rbtree.c: rb_next() @ v5.4: the leftmost node of the right subtree,
 * or else the first ancestor reached from its left side.
 *
 * Return: the next node, NULL after the last (or for a node in no tree).
 */
struct rb_node *rb_next(const struct rb_node *node)
{
	struct rb_node *parent;

	if (RB_EMPTY_NODE(node))
		return NULL;
	if (node->rb_right) {
		node = node->rb_right;
		while (node->rb_left)
			node = node->rb_left;
		return (struct rb_node *)node;
	}
	while ((parent = rb_parent(node)) && node == parent->rb_right)
		node = parent;
	return parent;
}

/**
 * rb_prev() - the in-order predecessor
 * @node: a node in a tree
 *
 * lib/rbtree.c: rb_prev() @ v5.4, the mirror image of rb_next().
 *
 * Return: the previous node, NULL before the first (or for a node in no tree).
 */
struct rb_node *rb_prev(const struct rb_node *node)
{
	struct rb_node *parent;

	if (RB_EMPTY_NODE(node))
		return NULL;
	if (node->rb_left) {
		node = node->rb_left;
		while (node->rb_right)
			node = node->rb_right;
		return (struct rb_node *)node;
	}
	while ((parent = rb_parent(node)) && node == parent->rb_left)
		node = parent;
	return parent;
}
