// SPDX-License-Identifier: GPL-2.0
/*
 * mm/swapfile.c @ v3.14, the half that needs a device: swapon(2) and
 * /proc/swaps.  The slots themselves are mm/swapfile.c's (host-tested).
 *
 * swapon reads the device's first page, checks it is a mkswap(8) header
 * (swap_header_check()), gives the area its swap_map[] and swap cache
 * and opens it.  swapoff is in mm/swapoff.c.
 */
#include <linux/blkdev.h>
#include <linux/errno.h>
#include <linux/gfp.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/printk.h>
#include <linux/slab.h>
#include <linux/swap.h>
#include <linux/vmalloc.h>
#include <string.h>

static bool swapon_busy; /* one swapon at a time (Linux: swapon_mutex) */

/**
 * find_swap_info() - the active area on a block device
 * @bdev: the device
 *
 * a9mm's: what swapon's claim of the device (Linux: bd_claim(), -EBUSY)
 * and swapoff's search by file (Linux: the swap_active_head list) ask.
 *
 * Return: the area (SWP_USED), or NULL if the device is not swapped to.
 */
struct swap_info_struct *find_swap_info(const struct block_device *bdev)
{
	for (unsigned int type = 0; type < READ_ONCE(nr_swapfiles); type++) {
		struct swap_info_struct *si = READ_ONCE(swap_info[type]);

		if (si && (READ_ONCE(si->flags) & SWP_USED) && si->bdev == bdev)
			return si;
	}
	return NULL;
}

/* swapon's work once the header page is read: @hdr's area on @bdev */
static int swapon_area(struct block_device *bdev, const union swap_header *hdr)
{
	struct swap_info_struct *si, *p;
	unsigned short *map;
	struct page **cache;
	const char *why;
	long maxpages =
		swap_header_check(hdr, (unsigned long)(bdev->nr_sects >> (PAGE_SHIFT - 9)), &why);

	if (maxpages < 0) {
		pr_err("swapon: %s: %s\n", bdev->bd_name, why);
		return (int)maxpages;
	}
	si = kzalloc(sizeof(*si), GFP_KERNEL);
	map = vzalloc((unsigned long)maxpages * sizeof(*map));
	cache = vzalloc((unsigned long)maxpages * sizeof(*cache));
	if (!si || !map || !cache) {
		pr_err("swapon: %s: no memory for a map of %ld slots\n", bdev->bd_name, maxpages);
		goto nomem;
	}
	if (swap_info_setup(si, hdr, (unsigned int)maxpages, map, cache))
		goto inval;
	si->bdev = bdev;
	strncpy(si->name, bdev->bd_name, sizeof(si->name) - 1);
	p = swap_info_activate(si);
	if (!p) {
		pr_err("swapon: %s: %d swap areas are active already\n", bdev->bd_name,
		       MAX_SWAPFILES);
		goto inval;
	}
	pr_info("Adding %uk swap on %s.  Priority:%d extents:1 across:%uk\n",
		p->pages << (PAGE_SHIFT - 10), p->name, -(p->type + 1),
		(p->max - 1) << (PAGE_SHIFT - 10));
	if (p != si) /* a swapped-off area's struct took the fields */
		kfree(si);
	return 0;
inval:
	vfree(cache);
	vfree(map);
	kfree(si);
	return -EINVAL;
nomem:
	vfree(cache);
	vfree(map);
	kfree(si);
	return -ENOMEM;
}

/**
 * sys_swapon() - swap to a block device formatted by mkswap(8)
 * @specialfile: the device's name ("mmcblk0", or "/dev/mmcblk0")
 *
 * mm/swapfile.c: SYSCALL_DEFINE2(swapon) @ v3.14 for a block device:
 * claim it, read_swap_header(), setup_swap_map_and_extents(),
 * enable_swap_info(), and Linux's "Adding ...k swap" line.
 *
 * Return: 0; -ENOENT (no such device), -EBUSY (swapping to it already,
 * or another swapon under way), -EINVAL (no usable header: said why),
 * -ENOMEM, or the device's read error.
 */
int sys_swapon(const char *specialfile)
{
	struct block_device *bdev;
	struct page *page;
	int err;

	bdev = blkdev_get_by_name(specialfile);
	if (!bdev)
		return -ENOENT;
	if (__atomic_exchange_n(&swapon_busy, true, __ATOMIC_ACQUIRE))
		return -EBUSY;
	err = -EBUSY;
	if (find_swap_info(bdev))
		goto out;
	kill_bdev(bdev); /* claim_swapfile()'s set_blocksize(): swap writes behind the cache now */
	err = -ENOMEM;
	page = alloc_page(GFP_KERNEL);
	if (!page)
		goto out;
	err = bdev_read_page(bdev, 0, page);
	if (!err)
		err = swapon_area(bdev, lowmem_page_address(page));
	__free_pages(page, 0);
out:
	__atomic_store_n(&swapon_busy, false, __ATOMIC_RELEASE);
	return err;
}

/**
 * show_swaps() - /proc/swaps: a line per area
 * @print: printf-like output
 *
 * mm/swapfile.c: swap_show() @ v3.14: sizes in KiB, Used the slots taken
 * (by ptes or the swap cache), the priority the order of use gives.
 */
void show_swaps(int (*print)(const char *fmt, ...))
{
	print("Filename\t\t\t\tType\t\tSize\tUsed\tPriority\n");
	for (unsigned int type = 0; type < READ_ONCE(nr_swapfiles); type++) {
		struct swap_info_struct *si = READ_ONCE(swap_info[type]);
		int len;

		if (!si || !(READ_ONCE(si->flags) & SWP_USED))
			continue;
		len = (int)strlen(si->name) + 5;
		print("/dev/%s%*s%s\t%u\t%u\t%d\n", si->name, len < 40 ? 40 - len : 1, " ",
		      "partition", si->pages << (PAGE_SHIFT - 10),
		      READ_ONCE(si->inuse_pages) << (PAGE_SHIFT - 10), -(si->type + 1));
	}
}
