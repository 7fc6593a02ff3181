/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_PAGE_FLAGS_H
#define _LINUX_PAGE_FLAGS_H

/*
 * include/linux/page-flags.h @ v4.14, the part a9mm uses.  A free page at the head
 * of a buddy block is marked by _mapcount == PAGE_BUDDY_MAPCOUNT_VALUE, not
 * a flag, as in v3.14.  A compound block (__GFP_COMP: a slab of order > 0,
 * a kmalloc_large() block) has PG_head on its first page; the others are
 * tails, found by bit 0 of compound_head (v4.6 on), not by a flag.
 */
#include <linux/compiler.h>
#include <linux/mm_types.h>

enum pageflags {
	PG_reserved,   /* memblock-reserved or a hole: never to the allocator */
	PG_slab,       /* the slab allocator owns the page (mm/slub.c) */
	PG_head,       /* the first page of a compound block (__GFP_COMP) */
	PG_locked,     /* an anonymous page being migrated, reclaimed, or a COW reuse deciding */
	PG_lru,	       /* on its zone's LRU lists (mm/swap.c) */
	PG_active,     /* ... the active one */
	PG_dirty,      /* its bytes are not on swap yet: written before it may go */
	PG_swapcache,  /* in the swap cache: ->private is its swp_entry_t (mm/swap_state.c) */
	PG_swapbacked, /* anonymous: swap backs it, the anon LRU lists hold it; else page cache */
	PG_referenced, /* a page-cache page read again since it was last aged (mark_page_accessed())
			*/
	__NR_PAGEFLAGS
};

/*
 * The flags no page may carry when it is freed (Linux's list, the flags
 * a9mm has: PG_head is dropped by the free itself), and when it is
 * handed out (Linux: every flag).
 */
#define PAGE_FLAGS_CHECK_AT_FREE                                                  \
	(1UL << PG_reserved | 1UL << PG_slab | 1UL << PG_locked | 1UL << PG_lru | \
	 1UL << PG_active | 1UL << PG_swapcache)
#define PAGE_FLAGS_CHECK_AT_PREP ((1UL << __NR_PAGEFLAGS) - 1)

#define PAGE_BUDDY_MAPCOUNT_VALUE (-128)

static inline bool PageReserved(const struct page *page)
{
	return page->flags & (1UL << PG_reserved);
}

static inline void SetPageReserved(struct page *page)
{
	page->flags |= 1UL << PG_reserved;
}

static inline void ClearPageReserved(struct page *page)
{
	page->flags &= ~(1UL << PG_reserved);
}

/* __SetPageSlab() and the like are non-atomic: only the page's owner changes them */
static inline bool PageSlab(const struct page *page)
{
	return page->flags & (1UL << PG_slab);
}

static inline void __SetPageSlab(struct page *page)
{
	page->flags |= 1UL << PG_slab;
}

static inline void __ClearPageSlab(struct page *page)
{
	page->flags &= ~(1UL << PG_slab);
}

static inline bool PageHead(const struct page *page)
{
	return page->flags & (1UL << PG_head);
}

static inline void __SetPageHead(struct page *page)
{
	page->flags |= 1UL << PG_head;
}

static inline void __ClearPageHead(struct page *page)
{
	page->flags &= ~(1UL << PG_head);
}

/* include/linux/page-flags.h: PageTail() @ v4.14: bit 0 of compound_head */
static inline bool PageTail(const struct page *page)
{
	return READ_ONCE(page->compound_head) & 1;
}

static inline bool PageCompound(const struct page *page)
{
	return PageHead(page) || PageTail(page);
}

/* include/linux/page-flags.h: compound_head() @ v4.14: a tail's head, else the page itself */
static inline struct page *compound_head(struct page *page)
{
	unsigned long head = READ_ONCE(page->compound_head);

	return head & 1 ? (struct page *)(head - 1) : page;
}

/* include/linux/page-flags.h: set_compound_head() @ v4.14 */
static inline void set_compound_head(struct page *page, struct page *head)
{
	WRITE_ONCE(page->compound_head, (unsigned long)head + 1);
}

/* include/linux/page-flags.h: clear_compound_head() @ v4.14 */
static inline void clear_compound_head(struct page *page)
{
	WRITE_ONCE(page->compound_head, 0);
}

/*
 * include/linux/pagemap.h: trylock_page(), unlock_page() @ v4.14, over
 * PG_locked, the one flag set while the page is in use by others: set and
 * cleared atomically (the other flags of a page in use do not change).
 * Linux sleeps in lock_page() until it gets it; a9mm only tries -- the
 * two that take it, migration and do_wp_page()'s reuse, have somewhere
 * else to go: skip the page, copy it.
 */
static inline bool trylock_page(struct page *page)
{
	return !(__atomic_fetch_or(&page->flags, 1UL << PG_locked, __ATOMIC_ACQUIRE) &
		 (1UL << PG_locked));
}

static inline void unlock_page(struct page *page)
{
	__atomic_fetch_and(&page->flags, ~(1UL << PG_locked), __ATOMIC_RELEASE);
}

static inline bool PageLocked(const struct page *page)
{
	return __atomic_load_n(&page->flags, __ATOMIC_RELAXED) & (1UL << PG_locked);
}

/*
 * include/linux/page-flags.h: PAGEFLAG(), TESTCLEARFLAG() @ v3.14: the
 * flags of a page others may be looking at -- the LRU ones (under the
 * zone's lru_lock), PG_dirty, PG_swapcache (the page locked) -- set and
 * cleared atomically, as Linux's set_bit()/clear_bit(), so one never
 * undoes another's change of a neighbouring bit.
 */
#define PAGEFLAG(uname, lname)                                                                    \
	static inline bool Page##uname(const struct page *page)                                   \
	{                                                                                         \
		return __atomic_load_n(&page->flags, __ATOMIC_RELAXED) & (1UL << PG_##lname);     \
	}                                                                                         \
	static inline void SetPage##uname(struct page *page)                                      \
	{                                                                                         \
		__atomic_fetch_or(&page->flags, 1UL << PG_##lname, __ATOMIC_RELAXED);             \
	}                                                                                         \
	static inline void ClearPage##uname(struct page *page)                                    \
	{                                                                                         \
		__atomic_fetch_and(&page->flags, ~(1UL << PG_##lname), __ATOMIC_RELAXED);         \
	}                                                                                         \
	static inline bool TestClearPage##uname(struct page *page)                                \
	{                                                                                         \
		return __atomic_fetch_and(&page->flags, ~(1UL << PG_##lname), __ATOMIC_RELAXED) & \
		       (1UL << PG_##lname);                                                       \
	}

PAGEFLAG(LRU, lru)
PAGEFLAG(Active, active)
PAGEFLAG(Dirty, dirty)
PAGEFLAG(SwapCache, swapcache)
PAGEFLAG(SwapBacked, swapbacked)
PAGEFLAG(Referenced, referenced)

/*
 * include/linux/mm_inline.h: page_is_file_cache() @ v3.14: a page on the
 * file LRU lists (a block device's page cache in a9mm) rather than the
 * anonymous ones -- told by PG_swapbacked, which a page keeps while on a
 * list, not by ->mapping, which an anonymous page gets only once mapped
 */
static inline bool page_is_file_cache(const struct page *page)
{
	return !PageSwapBacked(page);
}

static inline bool PageBuddy(const struct page *page)
{
	return page->_mapcount == PAGE_BUDDY_MAPCOUNT_VALUE;
}

static inline void __SetPageBuddy(struct page *page)
{
	page->_mapcount = PAGE_BUDDY_MAPCOUNT_VALUE;
}

static inline void __ClearPageBuddy(struct page *page)
{
	page->_mapcount = -1;
}

#endif
