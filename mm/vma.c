// SPDX-License-Identifier: GPL-2.0
/*
 * mm/vma.c: the VMA tree of an address space, apart from everything else
 * mm/mmap.c does -- as Linux 6.12 moved it to mm/vma.c, so that
 * tools/testing/vma could build it in user space: a9mm's host test
 * (tests/unit/test_vma.c) builds this file natively, under ASan/UBSan.
 * The functions themselves follow Linux 4.14's mm/mmap.c.
 *
 * Each VMA is in two structures at once:
 *
 *   mm->mmap:   [text]<->[data]<->[heap]<->[mmap]<->[stack]   sorted, vm_next/vm_prev
 *   mm->mm_rb:              [heap]                           by vm_start; each node
 *                          /      \                          also knows the largest
 *                     [data]      [mmap]                     gap below any VMA of
 *                     /               \                      its subtree
 *                 [text]             [stack]                 (rb_subtree_gap)
 */
#include <linux/errno.h>
#include <linux/file.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/rbtree_augmented.h>
#include <linux/slab.h>
#include <string.h>
#include "vma.h"

struct kmem_cache *vm_area_cachep;

/* mm/mmap.c: vma_compute_gap() @ v4.14 (no stack guard gap): the free range below @vma */
static unsigned long vma_gap(struct vm_area_struct *vma)
{
	unsigned long prev_end = vma->vm_prev ? vma->vm_prev->vm_end : 0;

	return vma->vm_start > prev_end ? vma->vm_start - prev_end : 0;
}

RB_DECLARE_CALLBACKS_MAX(static, vma_gap_callbacks, struct vm_area_struct, vm_rb, unsigned long,
			 rb_subtree_gap, vma_gap);

/* mm/mmap.c: vma_gap_update() @ v4.14: @vma's gap changed, so may its ancestors' */
static void vma_gap_update(struct vm_area_struct *vma)
{
	vma_gap_callbacks_propagate(&vma->vm_rb, NULL);
}

/**
 * find_vma() - the first VMA that ends above an address
 * @mm: the address space
 * @addr: the address
 *
 * mm/mmap.c: find_vma() @ v4.14 (without the per-thread cache).  The VMA
 * may start above @addr: the caller checks vm_start (a stack below which
 * @addr lies may grow down to it).
 *
 * Return: the VMA, or NULL if none ends above @addr.
 */
struct vm_area_struct *find_vma(struct mm_struct *mm, unsigned long addr)
{
	struct rb_node *node = mm->mm_rb.rb_node;
	struct vm_area_struct *found = NULL;

	while (node) {
		struct vm_area_struct *v = rb_entry(node, struct vm_area_struct, vm_rb);

		if (v->vm_end > addr) {
			found = v;
			if (v->vm_start <= addr)
				break;
			node = node->rb_left;
		} else {
			node = node->rb_right;
		}
	}
	return found;
}

/**
 * find_vma_prev() - find_vma(), and the VMA before it
 * @mm: the address space
 * @addr: the address
 * @pprev: where the VMA before the one found goes (the last VMA if none is found)
 *
 * mm/mmap.c: find_vma_prev() @ v4.14.
 *
 * Return: the VMA find_vma() finds, or NULL.
 */
struct vm_area_struct *find_vma_prev(struct mm_struct *mm, unsigned long addr,
				     struct vm_area_struct **pprev)
{
	struct vm_area_struct *vma = find_vma(mm, addr);

	if (vma) {
		*pprev = vma->vm_prev;
	} else {
		struct rb_node *last = rb_last(&mm->mm_rb);

		*pprev = last ? rb_entry(last, struct vm_area_struct, vm_rb) : NULL;
	}
	return vma;
}

/**
 * find_vma_links() - where a VMA for a range goes in the tree
 * @mm: the address space
 * @addr: the range's start
 * @end: its end
 * @pprev: the VMA before it (NULL: none)
 * @rb_link: the tree link to hang it on
 * @rb_parent: that link's node
 *
 * mm/mmap.c: find_vma_links() @ v4.14.
 *
 * Return: 0, or -ENOMEM if the range overlaps a VMA.
 */
int find_vma_links(struct mm_struct *mm, unsigned long addr, unsigned long end,
		   struct vm_area_struct **pprev, struct rb_node ***rb_link,
		   struct rb_node **rb_parent)
{
	struct rb_node **link = &mm->mm_rb.rb_node, *parent = NULL, *prev = NULL;

	while (*link) {
		struct vm_area_struct *v = rb_entry(*link, struct vm_area_struct, vm_rb);

		parent = *link;
		if (v->vm_end > addr) {
			if (v->vm_start < end)
				return -ENOMEM;
			link = &parent->rb_left;
		} else {
			prev = parent;
			link = &parent->rb_right;
		}
	}
	*pprev = prev ? rb_entry(prev, struct vm_area_struct, vm_rb) : NULL;
	*rb_link = link;
	*rb_parent = parent;
	return 0;
}

/**
 * vma_link() - put a VMA in the list and the tree where find_vma_links() said
 * @mm: the address space
 * @vma: the VMA
 * @prev: the VMA before it, or NULL
 * @rb_link: the tree link
 * @rb_parent: its node
 *
 * mm/mmap.c: vma_link() = __vma_link_list() + __vma_link_rb() @ v4.14:
 * the gaps of @vma, its successor and their ancestors are brought up to
 * date.
 */
void vma_link(struct mm_struct *mm, struct vm_area_struct *vma, struct vm_area_struct *prev,
	      struct rb_node **rb_link, struct rb_node *rb_parent)
{
	struct vm_area_struct *next = prev ? prev->vm_next : mm->mmap;

	vma->vm_prev = prev;
	vma->vm_next = next;
	if (prev)
		prev->vm_next = vma;
	else
		mm->mmap = vma;
	if (next)
		next->vm_prev = vma;
	/*
	 * next's gap shrinks: updated before the insertion, whose rotations
	 * copy subtree values around and must find them all right
	 */
	if (next)
		vma_gap_update(next);
	else
		mm->highest_vm_end = vma->vm_end;
	rb_link_node(&vma->vm_rb, rb_parent, rb_link);
	vma->rb_subtree_gap = 0;
	vma_gap_update(vma);
	rb_insert_augmented(&vma->vm_rb, &mm->mm_rb, &vma_gap_callbacks);
	mm->map_count++;
}

/**
 * vma_unlink() - take a VMA out of the tree and the list
 * @mm: the address space
 * @vma: the VMA
 *
 * mm/mmap.c: __vma_unlink_common() @ v4.14.
 */
void vma_unlink(struct mm_struct *mm, struct vm_area_struct *vma)
{
	struct vm_area_struct *prev = vma->vm_prev, *next = vma->vm_next;

	rb_erase_augmented(&vma->vm_rb, &mm->mm_rb, &vma_gap_callbacks);
	if (prev)
		prev->vm_next = next;
	else
		mm->mmap = next;
	if (next) {
		next->vm_prev = prev;
		vma_gap_update(next);
	} else {
		mm->highest_vm_end = prev ? prev->vm_end : 0;
	}
	mm->map_count--;
}

static void __vma_set_range(struct vm_area_struct *vma, unsigned long start, unsigned long end,
			    unsigned long pgoff);

/**
 * vma_set_range() - move a VMA's start and end
 * @vma: the VMA, in its mm's tree
 * @start: the new start
 * @end: the new end
 * @pgoff: the new vm_pgoff
 *
 * mm/mmap.c: __vma_adjust()'s tree work, simply: the VMA is taken out
 * and put back, so its own gap, its successor's and every ancestor's
 * stay right.  The new range must not overlap another VMA.  A walk of
 * the reverse map reads the range: it changes under anon_vma_lock_write()
 * (Linux's __vma_adjust() holds the anon_vma's lock).
 */
void vma_set_range(struct vm_area_struct *vma, unsigned long start, unsigned long end,
		   unsigned long pgoff)
{
	anon_vma_lock_write(vma->anon_vma);
	__vma_set_range(vma, start, end, pgoff);
	anon_vma_unlock_write(vma->anon_vma);
}

/*
 * vma_set_range() without the reverse map's lock, which a walk reads the
 * range under: the caller holds it (anon_vma_lock_write()) if the VMA has
 * an anon_vma
 */
static void __vma_set_range(struct vm_area_struct *vma, unsigned long start, unsigned long end,
			    unsigned long pgoff)
{
	struct mm_struct *mm = vma->vm_mm;
	struct vm_area_struct *prev;
	struct rb_node **rb_link, *rb_parent;

	vma_unlink(mm, vma);
	vma->vm_start = start;
	vma->vm_end = end;
	vma->vm_pgoff = pgoff;
	BUG_ON(find_vma_links(mm, start, end, &prev, &rb_link, &rb_parent));
	vma_link(mm, vma, prev, rb_link, rb_parent);
}

/**
 * insert_vm_struct() - add a VMA to an address space
 * @mm: the address space
 * @vma: the VMA (vm_start, vm_end, vm_flags, vm_page_prot, ... set)
 *
 * mm/mmap.c: insert_vm_struct() @ v4.14.  An anonymous VMA's vm_pgoff is
 * its start page, so neighbours it may merge with line up; one already on
 * an anon_vma (a split's piece) keeps the vm_pgoff its pages' index needs.
 *
 * Return: 0, or -ENOMEM if it overlaps a VMA.
 */
int insert_vm_struct(struct mm_struct *mm, struct vm_area_struct *vma)
{
	struct vm_area_struct *prev;
	struct rb_node **rb_link, *rb_parent;

	if (find_vma_links(mm, vma->vm_start, vma->vm_end, &prev, &rb_link, &rb_parent))
		return -ENOMEM;
	if (vma_is_anonymous(vma) && !vma->vm_file && !vma->anon_vma)
		vma->vm_pgoff = vma->vm_start >> PAGE_SHIFT;
	vma->vm_mm = mm;
	vma_link(mm, vma, prev, rb_link, rb_parent);
	return 0;
}

/**
 * remove_vma() - free a VMA that is in no tree any more
 * @vma: the VMA
 *
 * mm/mmap.c: remove_vma() @ v4.14: its ->close() hook, its file
 * reference, its place on its anon_vma (v2.6.9: the last VMA frees it),
 * the structure.
 */
void remove_vma(struct vm_area_struct *vma)
{
	if (vma->vm_ops && vma->vm_ops->close)
		vma->vm_ops->close(vma);
	if (vma->vm_file)
		fput(vma->vm_file);
	anon_vma_unlink(vma);
	kmem_cache_free(vm_area_cachep, vma);
}

/**
 * vm_area_dup() - a copy of a VMA, not linked anywhere
 * @orig: the VMA
 *
 * kernel/fork.c: vm_area_dup() @ v4.19 (4.14 copies by hand in
 * split_vma() and dup_mmap()): the file gets one more reference and the
 * mapping's ->open() hook is told.  The copy is on no anon_vma yet: the
 * caller puts it on the original's once its range and mm are final
 * (anon_vma_link(), as dup_mmap() and split_vma() do in Linux 2.6.9).
 *
 * Return: the copy, or NULL without memory.
 */
struct vm_area_struct *vm_area_dup(struct vm_area_struct *orig)
{
	struct vm_area_struct *new = kmem_cache_alloc(vm_area_cachep, GFP_KERNEL);

	if (!new)
		return NULL;
	*new = *orig;
	new->vm_next = new->vm_prev = NULL;
	memset(&new->vm_rb, 0, sizeof(new->vm_rb));
	if (new->vm_file)
		get_file(new->vm_file);
	if (new->vm_ops &&new->vm_ops->open)
		new->vm_ops->open(new);
	new->anon_vma = NULL;
	return new;
}

/*
 * mm/mmap.c: is_mergeable_anon_vma() @ v2.6.9: pages of two VMAs can be
 * found through one of them only if they share an anon_vma, or one of
 * them has none (no anonymous page yet)
 */
static bool is_mergeable_anon_vma(const struct anon_vma *a, const struct anon_vma *b)
{
	return !a || !b || a == b;
}

/*
 * mm/mmap.c: is_mergeable_vma() + can_vma_merge_after() @ v4.14: may
 * @prev grow over [@prev->vm_end, ...) for a mapping with these flags,
 * this file, this offset and this anon_vma?
 */
static bool can_vma_merge_after(struct vm_area_struct *prev, unsigned long vm_flags,
				struct file *file, unsigned long pgoff,
				const struct anon_vma *anon_vma)
{
	return prev->vm_flags == vm_flags && prev->vm_file == file &&
	       !(prev->vm_ops && prev->vm_ops->close) &&
	       prev->vm_pgoff + vma_pages(prev) == pgoff &&
	       is_mergeable_anon_vma(prev->anon_vma, anon_vma);
}

/* mm/mmap.c: can_vma_merge_before() @ v4.14: may @next grow down over pages ending at its start? */
static bool can_vma_merge_before(struct vm_area_struct *next, unsigned long vm_flags,
				 struct file *file, unsigned long pgoff, unsigned long pglen,
				 const struct anon_vma *anon_vma)
{
	return next->vm_flags == vm_flags && next->vm_file == file &&
	       !(next->vm_ops && next->vm_ops->close) && next->vm_pgoff == pgoff + pglen &&
	       is_mergeable_anon_vma(next->anon_vma, anon_vma);
}

/*
 * mm/mmap.c: vma_adjust()'s importer @ v2.6.9: the VMA that grows over
 * another's pages takes its anon_vma if it had none -- before the other
 * leaves it, which could free it
 */
static void vma_import_anon_vma(struct vm_area_struct *importer, struct anon_vma *anon_vma)
{
	if (!importer->anon_vma && anon_vma)
		anon_vma_link(importer, anon_vma);
}

/**
 * vma_merge() - let neighbours grow over a range instead of a new VMA
 * @mm: the address space
 * @prev: the VMA before [@addr, @end), or the one holding @addr (mprotect()
 *        of its tail), or NULL
 * @addr: the range's start
 * @end: its end
 * @vm_flags: the flags it is to have
 * @file: its file, or NULL
 * @pgoff: its offset in pages
 *
 * mm/mmap.c: vma_merge() @ v4.14, the cases a9mm meets: the range is
 * free (mmap(), brk()), or exactly one VMA (mprotect() of all of it), or
 * the tail of @prev or the head of the next VMA (mprotect() of part of
 * one: Linux's cases 4 and 5); then @prev and the next VMA become one
 * over it, or one of them grows over it (and the VMA it came from shrinks
 * or goes).  Pages of the range keep being found through the reverse
 * map: the VMA that takes them must share their anon_vma, or have none
 * and take it (is_mergeable_anon_vma(), vma_import_anon_vma()).
 *
 *   prev   range   next          prev   range   next
 *   [aaaa][......][aaaa]   ->    [aaaaaaaaaaaaaaaaaa]      (both)
 *   [aaaa][......][bbbb]   ->    [aaaaaaaaaaaa][bbbb]      (prev grows)
 *   [bbbbbbbbbbbb][aaaa]   ->    [bbbb][aaaaaaaaaaaa]      (case 4: the tail of prev)
 *   [aaaa][bbbbbbbbbbbb]   ->    [aaaaaaaaaaaa][bbbb]      (case 5: the head of next)
 *
 * Return: the VMA that now covers the range, or NULL if none could.
 */
struct vm_area_struct *vma_merge(struct mm_struct *mm, struct vm_area_struct *prev,
				 unsigned long addr, unsigned long end, unsigned long vm_flags,
				 struct file *file, unsigned long pgoff)
{
	struct vm_area_struct *next = prev ? prev->vm_next : mm->mmap, *area = NULL;
	unsigned long pglen = (end - addr) >> PAGE_SHIFT;
	struct anon_vma *anon_vma = NULL, *held; /* the range's pages' */
	bool after, before;

	if (prev && prev->vm_end > addr) {
		/* case 4: the range is prev's tail; next may grow down over it */
		if (prev->vm_end != end || !next || next->vm_start != end ||
		    !can_vma_merge_before(next, vm_flags, file, pgoff, pglen, prev->anon_vma))
			return NULL;
		vma_import_anon_vma(next, prev->anon_vma);
		held = prev->anon_vma ? prev->anon_vma : next->anon_vma;
		anon_vma_lock_write(held); /* one hold: a walk finds the range in one of them */
		__vma_set_range(prev, prev->vm_start, addr, prev->vm_pgoff);
		__vma_set_range(next, addr, next->vm_end, pgoff);
		anon_vma_unlock_write(held);
		return next;
	}
	if (next && next->vm_start == addr && next->vm_end > end) {
		/* case 5: the range is next's head; prev may grow up over it */
		if (!prev || prev->vm_end != addr ||
		    !can_vma_merge_after(prev, vm_flags, file, pgoff, next->anon_vma))
			return NULL;
		vma_import_anon_vma(prev, next->anon_vma);
		held = next->anon_vma ? next->anon_vma : prev->anon_vma;
		anon_vma_lock_write(held);
		__vma_set_range(next, end, next->vm_end, next->vm_pgoff + pglen);
		__vma_set_range(prev, prev->vm_start, end, prev->vm_pgoff);
		anon_vma_unlock_write(held);
		return prev;
	}
	if (next && next->vm_start == addr && next->vm_end == end) {
		area = next; /* the range is this VMA */
		next = area->vm_next;
		anon_vma = area->anon_vma;
	} else if (next && next->vm_start < end) {
		return NULL; /* more than one VMA, or part of one: the caller splits */
	}
	after = prev && prev->vm_end == addr &&
		can_vma_merge_after(prev, vm_flags, file, pgoff, anon_vma);
	before = next && next->vm_start == end &&
		 can_vma_merge_before(next, vm_flags, file, pgoff, pglen, anon_vma);
	if (!after && !before)
		return NULL;
	if (after && before && prev->vm_pgoff + vma_pages(prev) + pglen == next->vm_pgoff &&
	    is_mergeable_anon_vma(prev->anon_vma, next->anon_vma)) {
		unsigned long next_end = next->vm_end;

		vma_import_anon_vma(prev, anon_vma);
		vma_import_anon_vma(prev, next->anon_vma);
		/* the survivor grows before the others leave the reverse map: no gap */
		if (area)
			vma_unlink(mm, area);
		vma_unlink(mm, next);
		vma_set_range(prev, prev->vm_start, next_end, prev->vm_pgoff);
		if (area)
			remove_vma(area);
		remove_vma(next);
		return prev;
	}
	if (after) {
		vma_import_anon_vma(prev, anon_vma);
		if (area)
			vma_unlink(mm, area);
		vma_set_range(prev, prev->vm_start, end, prev->vm_pgoff);
		if (area)
			remove_vma(area);
		return prev;
	}
	vma_import_anon_vma(next, anon_vma);
	if (area)
		vma_unlink(mm, area);
	vma_set_range(next, addr, next->vm_end, pgoff);
	if (area)
		remove_vma(area);
	return next;
}

/**
 * split_vma() - cut a VMA in two at an address
 * @mm: the address space
 * @vma: the VMA
 * @addr: where, page aligned and strictly inside @vma
 * @new_below: the new VMA is the lower part (else the upper)
 *
 * mm/mmap.c: __split_vma() @ v4.14.  The pages stay where they are: only
 * the description is cut.
 *
 * Return: 0, or -ENOMEM.
 */
int split_vma(struct mm_struct *mm, struct vm_area_struct *vma, unsigned long addr, int new_below)
{
	struct vm_area_struct *new = vm_area_dup(vma);
	unsigned long pgoff = vma->vm_pgoff + ((addr - vma->vm_start) >> PAGE_SHIFT);

	if (!new)
		return -ENOMEM;
	if (new_below) {
		new->vm_end = addr;
	} else {
		new->vm_start = addr;
		new->vm_pgoff = pgoff;
	}
	/* one hold: a walk meets each pte once, in one piece or the other */
	anon_vma_lock_write(vma->anon_vma);
	new->anon_vma = vma->anon_vma;
	if (new->anon_vma)
		__anon_vma_link(new);
	if (new_below)
		__vma_set_range(vma, addr, vma->vm_end, pgoff);
	else
		__vma_set_range(vma, vma->vm_start, addr, vma->vm_pgoff);
	anon_vma_unlock_write(vma->anon_vma);
	BUG_ON(insert_vm_struct(mm, new));
	return 0;
}

/**
 * unmapped_area_topdown() - the highest free range of a length
 * @mm: the address space
 * @length: the length, page aligned
 * @low_limit: the range may not start below
 * @high_limit: nor end above
 *
 * mm/mmap.c: unmapped_area_topdown() @ v4.14: found through the
 * rb_subtree_gap of the tree's nodes -- a subtree whose largest gap is
 * too small is never entered.
 *
 * Return: the range's start, or -ENOMEM.
 */
unsigned long unmapped_area_topdown(struct mm_struct *mm, unsigned long length,
				    unsigned long low_limit, unsigned long high_limit)
{
	struct vm_area_struct *vma;
	unsigned long gap_start, gap_end;

	if (high_limit < length || high_limit - length < low_limit)
		return -ENOMEM;
	gap_end = high_limit;
	high_limit -= length;
	low_limit += length;

	/* above the highest VMA: the gap no node records */
	gap_start = mm->highest_vm_end;
	if (gap_start <= high_limit)
		goto found_highest;
	if (!mm->mm_rb.rb_node)
		return -ENOMEM;
	vma = rb_entry(mm->mm_rb.rb_node, struct vm_area_struct, vm_rb);
	if (vma->rb_subtree_gap < length)
		return -ENOMEM;

	for (;;) {
		gap_start = vma->vm_prev ? vma->vm_prev->vm_end : 0;
		if (gap_start <= high_limit && vma->vm_rb.rb_right) {
			struct vm_area_struct *right =
				rb_entry(vma->vm_rb.rb_right, struct vm_area_struct, vm_rb);

			if (right->rb_subtree_gap >= length) {
				vma = right;
				continue;
			}
		}
	check_current:
		gap_end = vma->vm_start;
		if (gap_end < low_limit)
			return -ENOMEM;
		if (gap_start <= high_limit && gap_end > gap_start && gap_end - gap_start >= length)
			goto found;
		if (vma->vm_rb.rb_left) {
			struct vm_area_struct *left =
				rb_entry(vma->vm_rb.rb_left, struct vm_area_struct, vm_rb);

			if (left->rb_subtree_gap >= length) {
				vma = left;
				continue;
			}
		}
		/* up the tree, until we come from a right child */
		for (;;) {
			struct rb_node *prev = &vma->vm_rb;

			if (!rb_parent(prev))
				return -ENOMEM;
			vma = rb_entry(rb_parent(prev), struct vm_area_struct, vm_rb);
			if (prev == vma->vm_rb.rb_right) {
				gap_start = vma->vm_prev ? vma->vm_prev->vm_end : 0;
				goto check_current;
			}
		}
	}
found:
	if (gap_end > high_limit + length)
		gap_end = high_limit + length;
found_highest:
	return gap_end - length;
}
