/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_GFP_H
#define _LINUX_GFP_H

/*
 * include/linux/gfp.h @ v3.14 (its flag values): what an allocation may use.  The zone
 * modifier picks the highest zone it may come from (it then falls back to
 * lower ones along the zonelist); the mobility bits pick the free list.
 */
#include <linux/mmzone.h>
#include <linux/types.h>

typedef unsigned int gfp_t;

#define __GFP_HIGHMEM	  0x02u
#define __GFP_MOVABLE	  0x08u
#define __GFP_WAIT	  0x10u
#define __GFP_HIGH	  0x20u /* may dip into the min watermark's reserve */
#define __GFP_IO	  0x40u
#define __GFP_FS	  0x80u
#define __GFP_COLD	  0x100u
#define __GFP_NOWARN	  0x200u
#define __GFP_COMP	  0x4000u /* a compound block: PG_head, tails point at it */
#define __GFP_ZERO	  0x8000u
#define __GFP_RECLAIMABLE 0x80000u

#define GFP_ATOMIC	     (__GFP_HIGH)
#define GFP_NOWAIT	     (GFP_ATOMIC & ~__GFP_HIGH)
#define GFP_KERNEL	     (__GFP_WAIT | __GFP_IO | __GFP_FS)
#define GFP_USER	     (__GFP_WAIT | __GFP_IO | __GFP_FS)
#define GFP_HIGHUSER	     (GFP_USER | __GFP_HIGHMEM)
#define GFP_HIGHUSER_MOVABLE (GFP_HIGHUSER | __GFP_MOVABLE)

/* include/linux/gfp.h: gfp_zone() @ v3.14 */
static inline enum zone_type gfp_zone(gfp_t flags)
{
	return (flags & __GFP_HIGHMEM) ? ZONE_HIGHMEM : ZONE_NORMAL;
}

/*
 * include/linux/gfp.h: gfpflags_to_migratetype() @ v4.14, the name from
 * v3.17 on (v3.14 calls it allocflags_to_migratetype())
 */
static inline int gfpflags_to_migratetype(gfp_t flags)
{
	return (((flags & __GFP_MOVABLE) != 0) << 1) | ((flags & __GFP_RECLAIMABLE) != 0);
}

struct page *alloc_pages(gfp_t gfp_mask, unsigned int order);
void __free_pages(struct page *page, unsigned int order);
#define alloc_page(gfp)	  alloc_pages(gfp, 0)
#define __free_page(page) __free_pages((page), 0)

#endif
