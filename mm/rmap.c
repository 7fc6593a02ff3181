// SPDX-License-Identifier: GPL-2.0
/*
 * mm/rmap.c @ v4.14, the counting half: how many page tables map a page
 * (_mapcount, -1 when none), and the zone counters /proc/meminfo shows as
 * AnonPages and Mapped, which move when a page's first mapping comes or
 * its last one goes.  The reverse map itself (anon_vma, the walk from a
 * page to the ptes that map it) is what reclaim needs; a9mm has no
 * reclaim, so it keeps only PAGE_MAPPING_ANON in page->mapping.
 *
 *   _mapcount  -1          0          1 ...
 *              unmapped    mapped     mapped twice (fork, MAP_SHARED) ...
 *                      ^ first map: NR_ANON_PAGES or NR_FILE_MAPPED +1
 *                      v last unmap:                             -1
 */
#include <linux/kernel.h>
#include <linux/mm.h>

/**
 * page_add_new_anon_rmap() - a new anonymous page, mapped once
 * @page: the page, just allocated
 *
 * mm/rmap.c: page_add_new_anon_rmap() @ v4.14: no other mapping can exist
 * yet, so the count is set, not added to.
 */
void page_add_new_anon_rmap(struct page *page)
{
	page->mapping = (void *)PAGE_MAPPING_ANON;
	page->_mapcount = 0;
	mod_zone_page_state(page_zone(page), NR_ANON_PAGES, 1);
}

/**
 * page_add_file_rmap() - one more mapping of a page-cache page
 * @page: the page
 *
 * mm/rmap.c: page_add_file_rmap() @ v4.14: the first mapping counts the
 * page in NR_FILE_MAPPED.
 */
void page_add_file_rmap(struct page *page)
{
	if (__atomic_add_fetch(&page->_mapcount, 1, __ATOMIC_RELAXED) == 0)
		mod_zone_page_state(page_zone(page), NR_FILE_MAPPED, 1);
}

/**
 * page_remove_rmap() - one mapping fewer
 * @page: the page a pte stopped mapping
 *
 * mm/rmap.c: page_remove_rmap() @ v4.14: the last mapping takes the page
 * out of NR_ANON_PAGES or NR_FILE_MAPPED.  The caller drops the mapping's
 * reference.
 */
void page_remove_rmap(struct page *page)
{
	if (__atomic_sub_fetch(&page->_mapcount, 1, __ATOMIC_RELAXED) >= 0)
		return;
	mod_zone_page_state(page_zone(page), PageAnon(page) ? NR_ANON_PAGES : NR_FILE_MAPPED, -1);
}
