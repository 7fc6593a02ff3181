/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_PAGE_FLAGS_H
#define _LINUX_PAGE_FLAGS_H

/*
 * include/linux/page-flags.h @ v3.14, the part a9mm uses.  A free page at the head
 * of a buddy block is marked by _mapcount == PAGE_BUDDY_MAPCOUNT_VALUE, not
 * a flag, as in v3.14.
 */
#include <linux/mm_types.h>

enum pageflags {
	PG_reserved, /* memblock-reserved or a hole: never to the allocator */
	__NR_PAGEFLAGS
};

/*
 * The flags no page may carry when it is freed, and when it is handed
 * out (Linux: every flag); a9mm's only flag is in both.
 */
#define PAGE_FLAGS_CHECK_AT_FREE (1UL << PG_reserved)
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
