// SPDX-License-Identifier: GPL-2.0
/*
 * fs/drop_caches.c @ v4.14: `echo 1 > /proc/sys/vm/drop_caches` (a9mm's
 * shell: `drop_caches`): every clean page-cache page nobody holds is
 * dropped.  a9mm's droppable cache is its block devices'; the rootfs's
 * pages are its files' only copy (ramfs), as in Linux, where
 * drop_caches leaves them too.
 */
#include <linux/blkdev.h>
#include <linux/fs.h>
#include <linux/kernel.h>

/**
 * drop_pagecache() - drop every block device's cached pages that nobody holds
 *
 * fs/drop_caches.c: drop_pagecache_sb() @ v4.14, over the block devices'
 * inodes (Linux walks every superblock's inodes; a block device's live in
 * the bdev pseudo-filesystem's).
 *
 * Return: the pages dropped.
 */
unsigned long drop_pagecache(void)
{
	struct block_device *bdev;
	unsigned long dropped = 0;

	for (unsigned int i = 0; (bdev = blkdev_get_by_index(i)); i++)
		dropped += invalidate_mapping_pages(&bdev->bd_inode.i_data, 0, ~0UL);
	return dropped;
}
