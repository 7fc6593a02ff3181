// SPDX-License-Identifier: GPL-2.0
/*
 * mm/page_io.c @ v4.14: a swap-cache page to and from its slot on the
 * device.  Slot n is the device's page n: sectors 8n .. 8n + 7.  Linux
 * builds a bio and the page stays locked (PG_writeback, PG_uptodate)
 * until the device's interrupt ends it; a9mm's device driver works
 * synchronously (bdev_read_page(), bdev_write_page()), the page locked
 * throughout, so the I/O is over when the call returns.
 */
#include <linux/blkdev.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/page-flags.h>
#include <linux/printk.h>
#include <linux/swap.h>
#include <linux/vmstat.h>

/* the page's slot as the device's first sector of it (map_swap_page()) */
static sector_t swap_page_sector(const struct page *page)
{
	return (sector_t)swp_offset((swp_entry_t){ page->private }) << (PAGE_SHIFT - 9);
}

/**
 * swap_writepage() - write a dirty swap-cache page to its slot
 * @page: the page, locked, unmapped, in the swap cache
 *
 * mm/page_io.c: swap_writepage() -> __swap_writepage() @ v4.14: PG_dirty
 * is cleared once the bytes are on the device (pswpout counts it).
 *
 * Return: 0, or the device's error (the page stays dirty: tried again).
 */
int swap_writepage(struct page *page)
{
	struct swap_info_struct *si = swap_info[swp_type((swp_entry_t){ page->private })];
	int ret = bdev_write_page(si->bdev, swap_page_sector(page), page);

	if (ret) {
		pr_alert("Write-error on swap-device (%s:%llu)\n", si->name,
			 (unsigned long long)swap_page_sector(page));
		return ret;
	}
	ClearPageDirty(page);
	count_vm_event(PSWPOUT);
	return 0;
}

/**
 * swap_readpage() - read a swap-cache page's bytes from its slot
 * @page: the page, locked, in the swap cache, not yet mapped
 *
 * mm/page_io.c: swap_readpage() @ v4.14 (pswpin counts it).
 *
 * Return: 0, or the device's error.
 */
int swap_readpage(struct page *page)
{
	struct swap_info_struct *si = swap_info[swp_type((swp_entry_t){ page->private })];
	int ret = bdev_read_page(si->bdev, swap_page_sector(page), page);

	if (ret) {
		pr_alert("Read-error on swap-device (%s:%llu)\n", si->name,
			 (unsigned long long)swap_page_sector(page));
		return ret;
	}
	count_vm_event(PSWPIN);
	return 0;
}
