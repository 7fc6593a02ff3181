// SPDX-License-Identifier: GPL-2.0
/*
 * fs/block_dev.c + block/genhd.c @ v4.14, what swap needs of them: the
 * disks drivers add (add_disk()), found by name (blkdev_get_by_name(),
 * as swapon's path lookup ends in a block_device), one page read or
 * written synchronously through the driver's rw_page() -- the path
 * Linux's swap takes to brd and zram, with no bio and no request queue --
 * and what was done, counted per disk, shown as /proc/diskstats.
 */
#include <linux/blkdev.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/spinlock.h>
#include <linux/swap.h>
#include <mach/vexpress.h>
#include <string.h>

/* the disks, in the order they were added (a9mm has one or none) */
#define MAX_DISKS 4
static struct block_device *disks[MAX_DISKS];
static unsigned int nr_disks;
static DEFINE_SPINLOCK(disks_lock);

/**
 * add_disk() - make a disk known: blkdev_get_by_name() finds it from now on
 * @bdev: its name, size, operations and numbers filled in by the driver
 *
 * block/genhd.c: add_disk() @ v4.14, without the sysfs and partition scan.
 *
 * Return: 0, or -ENOSPC when MAX_DISKS are known already.
 */
int add_disk(struct block_device *bdev)
{
	int ret = -ENOSPC;

	spin_lock_init(&bdev->bd_stats_lock);
	memset(&bdev->bd_stats, 0, sizeof(bdev->bd_stats));
	spin_lock(&disks_lock);
	if (nr_disks < MAX_DISKS) {
		disks[nr_disks] = bdev;
		/* seen complete by whoever finds it under disks_lock */
		nr_disks++;
		ret = 0;
	}
	spin_unlock(&disks_lock);
	if (ret)
		pr_err("%s: not added: %u disks are known already\n", bdev->bd_name, MAX_DISKS);
	return ret;
}

/**
 * blkdev_get_by_index() - the i-th disk added
 * @i: 0 for the first
 *
 * a9mm's, for `blk` and /proc/diskstats (Linux walks block_class).
 *
 * Return: the disk, or NULL past the last.
 */
struct block_device *blkdev_get_by_index(unsigned int i)
{
	struct block_device *bdev = NULL;

	spin_lock(&disks_lock);
	if (i < nr_disks)
		bdev = disks[i];
	spin_unlock(&disks_lock);
	return bdev;
}

/**
 * blkdev_get_by_name() - the disk of that name
 * @name: "mmcblk0", or "/dev/mmcblk0" as swapon is given it
 *
 * fs/block_dev.c: blkdev_get_by_path() @ v4.14 -> lookup_bdev(): a
 * path to a device node there; a9mm has no /dev, so the name is the
 * device, and a disk is never released (no blkdev_put()).
 *
 * Return: the disk, or NULL if no disk has that name.
 */
struct block_device *blkdev_get_by_name(const char *name)
{
	struct block_device *bdev;

	if (!name)
		return NULL;
	if (!strncmp(name, "/dev/", 5))
		name += 5;
	for (unsigned int i = 0; (bdev = blkdev_get_by_index(i)); i++)
		if (!strcmp(bdev->bd_name, name))
			return bdev;
	return NULL;
}

/*
 * The sectors [sector, sector + PAGE_SECTORS) inside the disk?  Linux's
 * bio_check_eod() (block/blk-core.c @ v4.14) refuses I/O past the end;
 * rw_page() drivers each check again (zram's valid_io_request()).
 */
static int bdev_check_page(struct block_device *bdev, sector_t sector, struct page *page,
			   const char *what)
{
	if (!bdev || !page) {
		pr_err("%s: %s%s\n", what, bdev ? "" : "no block device", page ? "" : " no page");
		return -EINVAL;
	}
	if (sector >= bdev->nr_sects || bdev->nr_sects - sector < PAGE_SECTORS) {
		pr_err("%s: %s: sector %llu + %u: past the end of the disk (%llu sectors): refused\n",
		       bdev->bd_name, what, sector, PAGE_SECTORS, bdev->nr_sects);
		return -EINVAL;
	}
	return 0;
}

/*
 * block/blk-core.c: blk_account_io_done() @ v4.14 (part_stat_inc() of
 * ios, part_stat_add() of sectors and ticks), at the end of a page's I/O.
 */
static void bdev_account(struct block_device *bdev, int rw, int err, u64 ns)
{
	struct disk_stats *st = &bdev->bd_stats;

	spin_lock(&bdev->bd_stats_lock);
	if (err) {
		st->errors[rw]++;
	} else {
		st->ios[rw]++;
		st->sectors[rw] += PAGE_SECTORS;
		st->nsecs[rw] += ns;
	}
	spin_unlock(&bdev->bd_stats_lock);
}

static int bdev_rw_page(struct block_device *bdev, sector_t sector, struct page *page,
			bool is_write)
{
	const char *what = is_write ? "bdev_write_page" : "bdev_read_page";
	int ret = bdev_check_page(bdev, sector, page, what);
	u64 start;

	if (ret)
		return ret;
	if (!bdev->bd_ops || !bdev->bd_ops->rw_page)
		return -EOPNOTSUPP;
	start = global_timer_ns();
	ret = bdev->bd_ops->rw_page(bdev, sector, page, is_write);
	bdev_account(bdev, is_write, ret, global_timer_ns() - start);
	if (ret)
		pr_err("%s: %s: sector %llu: error %d\n", bdev->bd_name, what, sector, ret);
	return ret;
}

/**
 * bdev_read_page() - read one page from a disk, synchronously
 * @bdev: the disk
 * @sector: where, in 512-byte sectors; the page is PAGE_SECTORS of them
 * @page: where the bytes go (a HighMem page too)
 *
 * fs/block_dev.c: bdev_read_page() @ v4.14: straight to the driver's
 * rw_page(), as swap_readpage() uses it.  Process context: it may sleep
 * (the driver waits for its controller).  The page's flags are the
 * caller's: Linux's driver would SetPageUptodate() and unlock it.
 *
 * Return: 0; -EINVAL (printed, no I/O) for sectors past the end;
 * -EIO or -ETIMEDOUT from the device, printed.
 */
int bdev_read_page(struct block_device *bdev, sector_t sector, struct page *page)
{
	return bdev_rw_page(bdev, sector, page, false);
}

/**
 * bdev_write_page() - write one page to a disk, synchronously
 * @bdev: the disk
 * @sector: where, in 512-byte sectors; the page is PAGE_SECTORS of them
 * @page: the bytes (a HighMem page too); unchanged
 *
 * fs/block_dev.c: bdev_write_page() @ v4.14, as __swap_writepage() uses
 * it, without the writeback_control: the page is on the device when this
 * returns 0.  Linux sets PageWriteback around the I/O and unlocks the
 * page; here the page's flags are the caller's.
 *
 * Return: 0; -EINVAL (printed, no I/O) for sectors past the end;
 * -EIO or -ETIMEDOUT from the device, printed.
 */
int bdev_write_page(struct block_device *bdev, sector_t sector, struct page *page)
{
	return bdev_rw_page(bdev, sector, page, true);
}

/**
 * bdev_is_swap() - is a swap area on this disk (swapon)?
 * @bdev: the disk
 *
 * a9mm's stand-in for Linux's exclusive open: swapon takes its device
 * with FMODE_EXCL (blkdev_get(bdev, FMODE_EXCL, holder)), and any other
 * exclusive opener -- mkfs, a second swapon -- gets -EBUSY.  Here what
 * would write behind swap's back (`blk write`, the self-test) asks first.
 *
 * Return: true while an area of swap_info[] uses @bdev.
 */
bool bdev_is_swap(const struct block_device *bdev)
{
	for (unsigned int type = 0; type < READ_ONCE(nr_swapfiles); type++) {
		const struct swap_info_struct *si = READ_ONCE(swap_info[type]);

		if (si && si->bdev == bdev)
			return true;
	}
	return false;
}

/**
 * bdev_get_stats() - a consistent copy of a disk's counters
 * @bdev: the disk
 * @stats: where the copy goes
 */
void bdev_get_stats(struct block_device *bdev, struct disk_stats *stats)
{
	spin_lock(&bdev->bd_stats_lock);
	*stats = bdev->bd_stats;
	spin_unlock(&bdev->bd_stats_lock);
}

/**
 * show_diskstats() - /proc/diskstats
 * @print: where each line goes
 *
 * block/genhd.c: diskstats_show() @ v4.14, its 14 fields: major, minor,
 * name; reads completed, merged, sectors read, ms reading; the same four
 * for writes; I/Os in flight, ms doing I/O, weighted ms.  Nothing is ever
 * merged nor left in flight when this runs (each call is one synchronous
 * page); ms doing I/O is the sum of both directions' times.
 */
void show_diskstats(int (*print)(const char *fmt, ...))
{
	struct block_device *bdev;
	struct disk_stats st;

	for (unsigned int i = 0; (bdev = blkdev_get_by_index(i)); i++) {
		unsigned long rd_ms, wr_ms;

		bdev_get_stats(bdev, &st);
		rd_ms = (unsigned long)(st.nsecs[0] / 1000000);
		wr_ms = (unsigned long)(st.nsecs[1] / 1000000);
		print("%4u %7u %s %lu %lu %lu %lu %lu %lu %lu %lu %u %lu %lu\n", bdev->bd_major,
		      bdev->bd_minor, bdev->bd_name, st.ios[0], 0UL, st.sectors[0], rd_ms,
		      st.ios[1], 0UL, st.sectors[1], wr_ms, 0U, rd_ms + wr_ms, rd_ms + wr_ms);
	}
}
