// SPDX-License-Identifier: GPL-2.0
/*
 * mm/vmap_area.c: who owns which addresses of the vmalloc area -- the
 * vmap_area bookkeeping of Linux's mm/vmalloc.c @ v5.4, in a file of its
 * own so that the host tests run it against a model.  No page tables
 * here (mm/vmalloc.c maps); callers hold vmap_area_lock.
 *
 * Every address of the area is in exactly one vmap_area, busy or free:
 *
 *   busy: vmap_area_root (rbtree by address) + vmap_area_list (sorted)
 *   free: free_vmap_area_root + free_vmap_area_list, two free ones never
 *         touching (freeing merges them), and each node of the free tree
 *         knows the largest free block in its subtree (subtree_max_size),
 *         so the lowest block that fits is found in O(log n):
 *
 *                    [0xf1000000, +16M)  max 200M
 *                   /                      \
 *     [0xf0000000, +8K) max 8K      [0xf3000000, +200M) max 200M
 *
 * An allocation takes the lowest-addressed free block that fits and cuts
 * the request out of it in one of four ways (adjust_va_to_fit_type()):
 *
 *   FL_FIT  |<------ request ------>|     the block goes away
 *   LE_FIT  |<- request ->|  free   |     the block starts later
 *   RE_FIT  |  free   |<- request ->|     the block ends earlier
 *   NE_FIT  | free |<- request ->| free|  the block splits in two
 */
#include <linux/kernel.h>
#include <linux/rbtree_augmented.h>
#include <linux/spinlock.h>
#include <linux/vmalloc.h>

/* mm/vmalloc.c: vmap_area_lock @ v5.4: the four below; never taken in an interrupt handler */
DEFINE_SPINLOCK(vmap_area_lock);
struct rb_root vmap_area_root = RB_ROOT;
struct rb_root free_vmap_area_root = RB_ROOT;
struct list_head vmap_area_list = LIST_HEAD_INIT(vmap_area_list);
struct list_head free_vmap_area_list = LIST_HEAD_INIT(free_vmap_area_list);

static inline unsigned long va_size(const struct vmap_area *va)
{
	return va->va_end - va->va_start;
}

static inline unsigned long get_subtree_max_size(const struct rb_node *node)
{
	return node ? rb_entry(node, struct vmap_area, rb_node)->subtree_max_size : 0;
}

/* mm/vmalloc.c: free_vmap_area_rb_augment_cb @ v5.4 */
RB_DECLARE_CALLBACKS_MAX(static, free_vmap_area_rb_augment_cb, struct vmap_area, rb_node,
			 unsigned long, subtree_max_size, va_size);

/*
 * mm/vmalloc.c: find_va_links() @ v5.4: where @va goes in @root, and the
 * area it goes after (NULL: first).  Overlapping an area already there
 * is a bug in the caller.
 */
static struct rb_node **find_va_links(struct vmap_area *va, struct rb_root *root,
				      struct rb_node **parent, struct vmap_area **prev)
{
	struct rb_node **link = &root->rb_node;

	*parent = NULL;
	*prev = NULL;
	while (*link) {
		struct vmap_area *tmp = rb_entry(*link, struct vmap_area, rb_node);

		*parent = *link;
		if (va->va_end <= tmp->va_start) {
			link = &(*link)->rb_left;
		} else if (va->va_start >= tmp->va_end) {
			*prev = tmp;
			link = &(*link)->rb_right;
		} else {
			BUG_ON(1); /* overlaps an area already there */
		}
	}
	return link;
}

/*
 * mm/vmalloc.c: link_va() @ v5.4: into the tree and, behind @prev, into
 * the sorted list.  Into the free tree the augmented way: the nodes on
 * the path down first raise their subtree_max_size to the new block's
 * size, so the rotations of the rebalancing start from true values.
 */
static void link_va(struct vmap_area *va, struct rb_root *root, struct rb_node *parent,
		    struct rb_node **link, struct list_head *head, struct vmap_area *prev)
{
	if (root == &free_vmap_area_root) {
		/* the path down to it learns its size first, as rb_insert_augmented() wants */
		va->subtree_max_size = va_size(va);
		for (struct rb_node *p = parent; p; p = rb_parent(p)) {
			struct vmap_area *up = rb_entry(p, struct vmap_area, rb_node);

			if (up->subtree_max_size >= va->subtree_max_size)
				break;
			up->subtree_max_size = va->subtree_max_size;
		}
		rb_link_node(&va->rb_node, parent, link);
		rb_insert_augmented(&va->rb_node, root, &free_vmap_area_rb_augment_cb);
	} else {
		rb_link_node(&va->rb_node, parent, link);
		rb_insert_color(&va->rb_node, root);
	}
	list_add(&va->list, prev ? &prev->list : head);
}

static void __unlink_va(struct vmap_area *va, struct rb_root *root)
{
	if (root == &free_vmap_area_root)
		rb_erase_augmented(&va->rb_node, root, &free_vmap_area_rb_augment_cb);
	else
		rb_erase(&va->rb_node, root);
	list_del(&va->list);
	RB_CLEAR_NODE(&va->rb_node);
}

/*
 * mm/vmalloc.c: augment_tree_propagate_from() @ v5.4: a free block's size
 * changed; fix subtree_max_size from it up to the root.
 */
static void augment_tree_propagate_from(struct vmap_area *va)
{
	free_vmap_area_rb_augment_cb.propagate(&va->rb_node, NULL);
}

/**
 * vmap_init_free_space() - the whole area, one free block
 * @va: the vmap_area to describe it
 * @start: VMALLOC_START
 * @end: VMALLOC_END
 *
 * mm/vmalloc.c: vmap_init_free_space() @ v5.4 (which also leaves out the
 * busy areas registered before; vmalloc_init() inserts those afterwards
 * through __alloc_vmap_area() at their fixed addresses).
 */
void vmap_init_free_space(struct vmap_area *va, unsigned long start, unsigned long end)
{
	struct rb_node *parent, **link;
	struct vmap_area *prev;

	va->va_start = start;
	va->va_end = end;
	link = find_va_links(va, &free_vmap_area_root, &parent, &prev);
	link_va(va, &free_vmap_area_root, parent, link, &free_vmap_area_list, prev);
}

/**
 * __find_vmap_area() - the busy area that contains @addr
 * @addr: any address
 *
 * mm/vmalloc.c: __find_vmap_area() @ v5.4, a lookup in vmap_area_root.
 *
 * Return: the area, or NULL when @addr is in none.
 */
struct vmap_area *__find_vmap_area(unsigned long addr)
{
	struct rb_node *n = vmap_area_root.rb_node;

	while (n) {
		struct vmap_area *va = rb_entry(n, struct vmap_area, rb_node);

		if (addr < va->va_start)
			n = n->rb_left;
		else if (addr >= va->va_end)
			n = n->rb_right;
		else
			return va;
	}
	return NULL;
}

/**
 * insert_vmap_area() - record @va as busy
 * @va: its range set; it must overlap no busy area
 *
 * mm/vmalloc.c: insert_vmap_area() @ v5.4.
 */
void insert_vmap_area(struct vmap_area *va)
{
	struct rb_node *parent, **link;
	struct vmap_area *prev;

	link = find_va_links(va, &vmap_area_root, &parent, &prev);
	link_va(va, &vmap_area_root, parent, link, &vmap_area_list, prev);
}

/**
 * unlink_va() - take a busy area out of the busy tree and list
 * @va: the area
 *
 * mm/vmalloc.c: unlink_va() @ v5.4, for vmap_area_root.
 */
void unlink_va(struct vmap_area *va)
{
	__unlink_va(va, &vmap_area_root);
}

/*
 * mm/vmalloc.c: is_within_this_va() @ v5.4: does @size at @align, not
 * below @vstart, fit in the free block @va?
 */
static bool is_within_this_va(const struct vmap_area *va, unsigned long size, unsigned long align,
			      unsigned long vstart)
{
	unsigned long nva_start_addr = ALIGN(max(va->va_start, vstart), align);

	/* ALIGN() wrapped past the top of the address space */
	if (nva_start_addr < va->va_start && nva_start_addr < vstart)
		return false;
	return nva_start_addr + size > nva_start_addr && nva_start_addr + size <= va->va_end;
}

/*
 * mm/vmalloc.c: find_vmap_lowest_match() @ v5.4: the lowest free block
 * that fits.  Go left while the left subtree holds a block big enough
 * for any alignment and may lie above @vstart; else
 * try this node, then the right subtree; when a subtree disappoints
 * (its blocks lie below @vstart), climb back and go on in address
 * order: a parent reached from its left child is next, then its right
 * subtree.  (Linux 5.4 climbs to every parent and takes its right
 * subtree when vstart <= va_start, which can pass over the lowest fit
 * when @vstart falls inside a free block; a9mm climbs in order.)
 */
static struct vmap_area *find_vmap_lowest_match(unsigned long size, unsigned long align,
						unsigned long vstart)
{
	/*
	 * Every block starts on a page: aligning wastes at most align -
	 * PAGE_SIZE of one, so a block this long holds the request for sure.
	 * (Linux 5.4: size + align - 1, which passes over a block of exactly
	 * the size asked for.)
	 */
	unsigned long length = size + align - PAGE_SIZE;
	struct rb_node *node = free_vmap_area_root.rb_node, *child;
	struct vmap_area *va;

	if (length < size) /* wrapped */
		return NULL;
	while (node) {
		va = rb_entry(node, struct vmap_area, rb_node);
		if (get_subtree_max_size(node->rb_left) >= length && vstart < va->va_start) {
			node = node->rb_left;
			continue;
		}
		if (is_within_this_va(va, size, align, vstart))
			return va;
		if (get_subtree_max_size(node->rb_right) >= length) {
			node = node->rb_right;
			continue;
		}
		/* nothing here or below: on to the next node in address order */
		for (child = node; (node = rb_parent(child)); child = node) {
			if (node->rb_left != child)
				continue; /* came from the right: this node was tried */
			va = rb_entry(node, struct vmap_area, rb_node);
			if (is_within_this_va(va, size, align, vstart))
				return va;
			if (get_subtree_max_size(node->rb_right) >= length) {
				node = node->rb_right;
				break;
			}
		}
	}
	return NULL;
}

enum fit_type { NOTHING_FIT, FL_FIT_TYPE, LE_FIT_TYPE, RE_FIT_TYPE, NE_FIT_TYPE };

/* mm/vmalloc.c: classify_va_fit_type() @ v5.4 */
static enum fit_type classify_va_fit_type(const struct vmap_area *va, unsigned long nva_start_addr,
					  unsigned long size)
{
	if (nva_start_addr < va->va_start || nva_start_addr + size > va->va_end)
		return NOTHING_FIT;
	if (va->va_start == nva_start_addr)
		return va->va_end == nva_start_addr + size ? FL_FIT_TYPE : LE_FIT_TYPE;
	if (va->va_end == nva_start_addr + size)
		return RE_FIT_TYPE;
	return NE_FIT_TYPE;
}

/*
 * mm/vmalloc.c: adjust_va_to_fit_type() @ v5.4: cut [nva_start_addr,
 * +size) out of the free block @va (picture at the top).  NE_FIT needs a
 * second vmap_area for the left part: *@spare, which is then used up.
 */
static int adjust_va_to_fit_type(struct vmap_area *va, unsigned long nva_start_addr,
				 unsigned long size, enum fit_type type, struct vmap_area **spare)
{
	struct vmap_area *lva;

	switch (type) {
	case FL_FIT_TYPE:
		__unlink_va(va, &free_vmap_area_root);
		vmap_area_free(va);
		return 0;
	case LE_FIT_TYPE:
		va->va_start += size;
		break;
	case RE_FIT_TYPE:
		va->va_end = nva_start_addr;
		break;
	case NE_FIT_TYPE:
		lva = *spare;
		if (!lva)
			return -1;
		*spare = NULL;
		lva->va_start = va->va_start;
		lva->va_end = nva_start_addr;
		va->va_start = nva_start_addr + size;
		break;
	default:
		return -1;
	}
	augment_tree_propagate_from(va);
	if (type == NE_FIT_TYPE) {
		struct rb_node *parent, **link;
		struct vmap_area *prev;

		link = find_va_links(lva, &free_vmap_area_root, &parent, &prev);
		link_va(lva, &free_vmap_area_root, parent, link, &free_vmap_area_list, prev);
		augment_tree_propagate_from(lva);
	}
	return 0;
}

/**
 * __alloc_vmap_area() - take @size bytes at @align out of the free space
 * @size: bytes, page multiple
 * @align: power of two
 * @vstart: lowest acceptable address
 * @vend: end of the acceptable range
 * @spare: a vmap_area for a split (NE_FIT); set to NULL if it was used
 *
 * mm/vmalloc.c: __alloc_vmap_area() @ v5.4: the lowest block that fits,
 * then the request cut out of it.
 *
 * Return: the address, or @vend when nothing fits (or the split needed a
 * spare and none was given).
 */
unsigned long __alloc_vmap_area(unsigned long size, unsigned long align, unsigned long vstart,
				unsigned long vend, struct vmap_area **spare)
{
	unsigned long nva_start_addr;
	struct vmap_area *va;
	enum fit_type type;

	va = find_vmap_lowest_match(size, align, vstart);
	if (!va)
		return vend;
	nva_start_addr = ALIGN(max(va->va_start, vstart), align);
	if (nva_start_addr + size > vend || nva_start_addr + size < nva_start_addr)
		return vend;
	type = classify_va_fit_type(va, nva_start_addr, size);
	if (adjust_va_to_fit_type(va, nva_start_addr, size, type, spare))
		return vend;
	return nva_start_addr;
}

/**
 * merge_or_add_vmap_area() - give a range back to the free space
 * @va: the range, no longer in the busy tree
 *
 * mm/vmalloc.c: merge_or_add_vmap_area() @ v5.4: a free neighbour that
 * touches it grows to swallow it; if both touch, the left one swallows
 * the right one too; else it goes in as a block of its own.  Either way
 * no two free blocks touch afterwards.  The vmap_areas a merge makes
 * unnecessary go to vmap_area_free().
 */
void merge_or_add_vmap_area(struct vmap_area *va)
{
	struct rb_node *parent, **link;
	struct vmap_area *prev, *next = NULL;
	struct list_head *after;
	bool join_prev, join_next;

	link = find_va_links(va, &free_vmap_area_root, &parent, &prev);
	after = prev ? &prev->list : &free_vmap_area_list;
	if (after->next != &free_vmap_area_list)
		next = list_entry(after->next, struct vmap_area, list);
	join_prev = prev && prev->va_end == va->va_start;
	join_next = next && next->va_start == va->va_end;

	if (join_prev && join_next) {
		__unlink_va(next, &free_vmap_area_root);
		prev->va_end = next->va_end;
		vmap_area_free(next);
	} else if (join_prev) {
		prev->va_end = va->va_end;
	} else if (join_next) {
		next->va_start = va->va_start;
	} else {
		link_va(va, &free_vmap_area_root, parent, link, &free_vmap_area_list, prev);
		augment_tree_propagate_from(va);
		return;
	}
	vmap_area_free(va);
	augment_tree_propagate_from(join_prev ? prev : next);
}

/**
 * vmap_largest_free() - the largest free block, in bytes
 *
 * The root of the free tree knows it.  (What Linux 3.14's
 * get_vmalloc_info() computed as VmallocChunk, walking the busy list.)
 *
 * Return: its size, 0 when nothing is free.
 */
unsigned long vmap_largest_free(void)
{
	return get_subtree_max_size(free_vmap_area_root.rb_node);
}

/**
 * get_vmalloc_info() - VmallocUsed and VmallocChunk, in bytes
 * @used: bytes of the area in busy vmap_areas (guard pages included)
 * @largest_chunk: the largest free block
 *
 * mm/vmalloc.c: get_vmalloc_info() @ v3.14 (Linux 4.4 to 5.2 print 0 for
 * both; 5.3 on prints vmalloc()ed pages as VmallocUsed and 0 as
 * VmallocChunk).
 */
void get_vmalloc_info(unsigned long *used, unsigned long *largest_chunk)
{
	struct vmap_area *va;

	*used = 0;
	spin_lock(&vmap_area_lock);
	list_for_each_entry(va, &vmap_area_list, list)
		*used += va->va_end - va->va_start;
	*largest_chunk = vmap_largest_free();
	spin_unlock(&vmap_area_lock);
}
