/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_BLKDEV_H
#define _LINUX_BLKDEV_H

/*
 * include/linux/blkdev.h + include/linux/genhd.h @ v4.14, the little of
 * them a swap device needs: a block device is a name, a size in 512-byte
 * sectors and a driver that moves one page at a time, synchronously --
 * Linux's block_device_operations.rw_page(), the path brd and zram give
 * swap, without bios, request queues or an I/O scheduler.
 *
 *   swap code --bdev_read_page()/bdev_write_page()--> fs/block_dev.c
 *       --bd_ops->rw_page()--> the driver (drivers/mmc_sd.c: mmcblk0)
 *
 * Every call is counted in bd_stats (/proc/diskstats, `blk`).
 *
 * read() and write() of /dev/NAME go through the device's own page cache
 * (bd_inode's i_data, mm/filemap.c), as Linux's def_blk_fops do: what
 * /proc/meminfo calls Buffers, on the file LRU lists, dropped by reclaim.
 *
 *   read()/write() of /dev/mmcblk0 --> bd_inode.i_data (the cache) --miss--> bdev_read_page()
 *   swap --------------------------------------------------------------> bdev_*_page()
 */
#include <asm/page.h>
#include <linux/fs.h>
#include <linux/spinlock.h>
#include <linux/types.h>

/* include/linux/types.h: sector_t @ v4.14: 512-byte units, 64 bits (CONFIG_LBDAF) */
typedef unsigned long long sector_t;

#define SECTOR_SHIFT 9
#define SECTOR_SIZE  (1U << SECTOR_SHIFT)
/* a page in sectors (Linux's PAGE_SECTORS, drivers/block/brd.c) */
#define PAGE_SECTORS_SHIFT (PAGE_SHIFT - SECTOR_SHIFT)
#define PAGE_SECTORS	   (1U << PAGE_SECTORS_SHIFT)

struct page;
struct block_device;

/* include/linux/blkdev.h: struct block_device_operations @ v4.14, its rw_page alone */
struct block_device_operations {
	/* one page at @sector (inside the device), synchronously; 0 or -errno */
	int (*rw_page)(struct block_device *bdev, sector_t sector, struct page *page,
		       bool is_write);
};

/*
 * include/linux/genhd.h: struct disk_stats @ v4.14: [0] reads, [1] writes
 * (Linux's STAT_READ, STAT_WRITE); nsecs is the time spent in rw_page()
 */
struct disk_stats {
	unsigned long ios[2];
	unsigned long sectors[2];
	unsigned long errors[2]; /* a9mm's: calls that returned an error (not in ios) */
	u64 nsecs[2];
};

/*
 * include/linux/fs.h: struct block_device @ v4.14, with what Linux keeps
 * in the gendisk (name, major/minor, fops, private_data, the statistics)
 * folded in: a9mm has whole disks only, no partitions.
 */
struct block_device {
	const char *bd_name; /* "mmcblk0" */
	sector_t nr_sects;   /* capacity in 512-byte sectors */
	/* the driver's */
	const struct block_device_operations *bd_ops;
	void *bd_private;
	unsigned int bd_major, bd_minor;
	/* fs/block_dev.c's */
	spinlock_t bd_stats_lock;
	struct disk_stats bd_stats;
	struct inode bd_inode; /* the device's own inode: its size, its page cache (i_data) */
};

#define MMC_BLOCK_MAJOR 179 /* include/uapi/linux/major.h */
#define MEM_MAJOR	1   /* /dev/null is (1, 3) */

/* fs/block_dev.c */
int add_disk(struct block_device *bdev);
struct block_device *blkdev_get_by_name(const char *name); /* NULL if no such device */
struct block_device *blkdev_get_by_index(unsigned int i);  /* the i-th added, or NULL */
/* Linux fs/block_dev.c: bdev_read_page()/bdev_write_page() @ v4.14: one page, synchronously */
int bdev_read_page(struct block_device *bdev, sector_t sector, struct page *page);
int bdev_write_page(struct block_device *bdev, sector_t sector, struct page *page);
void bdev_get_stats(struct block_device *bdev, struct disk_stats *stats);
bool bdev_is_swap(const struct block_device *bdev); /* a swap area uses it: do not write */
void show_diskstats(int (*print)(const char *fmt, ...));
/* Linux fs/block_dev.c: def_blk_fops @ v4.14: read(), write(), lseek() through the cache */
extern const struct file_operations def_blk_fops;
void kill_bdev(struct block_device *bdev); /* drop its cached pages (swapon's set_blocksize()) */
unsigned long nr_blockdev_pages(void);	   /* meminfo's Buffers */
unsigned long drop_pagecache(void);	   /* fs/drop_caches.c: pages dropped */

#endif
