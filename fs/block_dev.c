// SPDX-License-Identifier: GPL-2.0
/*
 * fs/block_dev.c + block/genhd.c @ v4.14, what swap needs of them: the
 * disks drivers add (add_disk()), found by name (blkdev_get_by_name(),
 * as swapon's path lookup ends in a block_device), one page read or
 * written synchronously through the driver's rw_page() -- the path
 * Linux's swap takes to brd and zram, with no bio and no request queue --
 * and what was done, counted per disk, shown as /proc/diskstats.
 *
 * And /dev/NAME (a devtmpfs node add_disk() makes): read(), write(),
 * lseek() and mmap() through the device's page cache, as Linux's
 * def_blk_fops, a page at a time -- no readahead, and every write goes to
 * the device before write() returns (as with O_SYNC), so no cached page
 * is ever dirty and reclaim can drop any that nobody reads or maps.
 */
#include <linux/blkdev.h>
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/fcntl.h>
#include <linux/gfp.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/page-flags.h>
#include <linux/spinlock.h>
#include <linux/swap.h>
#include <linux/uaccess.h>
#include <linux/vmalloc.h>
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
	struct inode *inode = &bdev->bd_inode;
	unsigned long slots = (unsigned long)(bdev->nr_sects >> PAGE_SECTORS_SHIFT);
	int ret = -ENOSPC;

	spin_lock_init(&bdev->bd_stats_lock);
	memset(&bdev->bd_stats, 0, sizeof(bdev->bd_stats));
	/*
	 * bdget(): the device's inode, its size, an empty cache of a slot a
	 * page.  The size is whole pages: the cache moves pages, and a last
	 * partial one (sectors past a multiple of 8) is out of its reach.
	 */
	memset(inode, 0, sizeof(*inode));
	inode->i_mode = S_IFBLK | 0660;
	inode->i_size = (loff_t)slots << PAGE_SHIFT;
	inode->i_rdev = MKDEV(bdev->bd_major, bdev->bd_minor);
	inode->i_data.host = inode;
	spin_lock_init(&inode->i_data.tree_lock);
	inode->i_data.pages = vzalloc(slots * sizeof(struct page *));
	if (inode->i_data.pages)
		inode->i_data.nr_slots = slots;
	else
		pr_err("%s: no memory for a page cache of %lu pages: /dev/%s cannot be opened\n",
		       bdev->bd_name, slots, bdev->bd_name);
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
	else if (devtmpfs_create_node(bdev->bd_name, S_IFBLK | 0660, inode->i_rdev))
		pr_warn("%s: no /dev/%s: the rootfs has no room for it\n", bdev->bd_name,
			bdev->bd_name);
	return ret;
}

/* the disk with that device number (a /dev node's i_rdev), or NULL */
static struct block_device *blkdev_get_by_devt(unsigned int rdev)
{
	struct block_device *bdev;

	for (unsigned int i = 0; (bdev = blkdev_get_by_index(i)); i++)
		if (bdev->bd_inode.i_rdev == rdev)
			return bdev;
	return NULL;
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
 * path to a device node there; here the name after /dev/ is the
 * device's (whatever its node), and a disk is never released (no
 * blkdev_put()).
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

/*
 * fs/block_dev.c: blkdev_open() @ v4.14: the node's device, its cache as
 * the file's mapping (Linux: filp->f_mapping = bdev->bd_inode->i_mapping)
 */
static int blkdev_open(struct inode *inode, struct file *file)
{
	struct block_device *bdev = blkdev_get_by_devt(inode->i_rdev);

	if (!bdev)
		return -ENXIO;
	if (!bdev->bd_inode.i_data.pages)
		return -ENOMEM;
	file->f_mapping = &bdev->bd_inode.i_data;
	file->private_data = bdev;
	file->f_ra_prev_pos = -1; /* file_ra_state_init() */
	return 0;
}

/*
 * mm/filemap.c: do_generic_file_read()'s page lookup @ v3.14, without
 * readahead: the cached page at @index, or a new one read from the device
 * and cached (a reader that cached it meanwhile wins, ours is freed).
 * GFP_USER, as bdget() sets a block device's mapping: lowmem pages.
 * Return: the page with a reference, or ERR_PTR(-ENOMEM, -EIO, ...).
 */
static struct page *bdev_get_cached_page(struct block_device *bdev, unsigned long index)
{
	struct address_space *mapping = &bdev->bd_inode.i_data;

	for (;;) {
		struct page *page = find_get_page(mapping, index);
		int err;

		if (page)
			return page;
		page = alloc_page(GFP_USER);
		if (!page)
			return ERR_PTR(-ENOMEM);
		err = bdev_read_page(bdev, (sector_t)index << PAGE_SECTORS_SHIFT, page);
		if (!err)
			err = add_to_page_cache_lru(page, mapping, index);
		if (!err)
			return page;
		put_page(page);
		if (err != -EEXIST)
			return ERR_PTR(err);
	}
}

/* the bytes of a read() or write() at *pos that fall in its page: at most @len */
static size_t bdev_chunk(loff_t pos, size_t len)
{
	return min(len, (size_t)(PAGE_SIZE - (unsigned long)(pos & ~PAGE_MASK)));
}

/*
 * fs/block_dev.c: blkdev_read_iter() @ v4.14 -> generic_file_read_iter():
 * page by page from the cache, up to the end of the device; each page
 * read marked accessed (a second read of it activates it) -- except one a
 * sequential read goes on reading where the last read() stopped, which
 * Linux's do_generic_file_read() marks only the first time (prev_pos), so
 * that small reads through a page do not activate it.  A buffer that
 * runs into a bad page: what was copied counts.
 */
static ssize_t blkdev_read(struct file *file, char *ubuf, size_t len, loff_t *pos)
{
	struct block_device *bdev = file->private_data;
	loff_t size = bdev->bd_inode.i_size;
	size_t done = 0;

	while (done < len && *pos < size) {
		size_t n = bdev_chunk(*pos, len - done), left;
		struct page *page;

		if ((loff_t)n > size - *pos) /* compared in 64 bits: a card may be 4 GiB or more */
			n = (size_t)(size - *pos);
		page = bdev_get_cached_page(bdev, (unsigned long)(*pos >> PAGE_SHIFT));

		if (IS_ERR(page))
			return done ? (ssize_t)done : PTR_ERR(page);
		if (*pos != file->f_ra_prev_pos || !(*pos & ~PAGE_MASK))
			mark_page_accessed(page);
		left = copy_to_user(ubuf + done, (char *)page_address(page) + (*pos & ~PAGE_MASK),
				    n);
		put_page(page);
		done += n - left;
		*pos += (loff_t)(n - left);
		file->f_ra_prev_pos = *pos;
		if (left)
			return done ? (ssize_t)done : -EFAULT;
	}
	return (ssize_t)done;
}

/*
 * fs/block_dev.c: blkdev_write_iter() @ v4.14: refused while swap uses
 * the device (-ETXTBSY, Linux's IS_SWAPFILE() check; a write that swapon
 * overtakes stops before its next page), -ENOSPC at its end;
 * else page by page: the cached page (read first: a write may cover part
 * of it), the user's bytes into it with the page locked, the page to the
 * device at once.  A page the device refused is read back, so the cache
 * never holds bytes the device does not; if that fails too it leaves the
 * cache (or, held by a reader, is said to differ).
 */
static ssize_t blkdev_write(struct file *file, const char *ubuf, size_t len, loff_t *pos)
{
	struct block_device *bdev = file->private_data;
	loff_t size = bdev->bd_inode.i_size;
	size_t done = 0;

	if (bdev_is_swap(bdev))
		return -ETXTBSY;
	if (*pos >= size)
		return len ? -ENOSPC : 0;
	if ((loff_t)len > size - *pos) /* in 64 bits, as in blkdev_read() */
		len = (size_t)(size - *pos);
	while (done < len) {
		size_t n = bdev_chunk(*pos, len - done), left;
		unsigned long index = (unsigned long)(*pos >> PAGE_SHIFT);
		sector_t sector = (sector_t)index << PAGE_SECTORS_SHIFT;
		struct page *page;
		int err;

		if (done && bdev_is_swap(bdev)) /* swapon came while we wrote: stop there */
			return (ssize_t)done;
		page = bdev_get_cached_page(bdev, index);
		if (IS_ERR(page))
			return done ? (ssize_t)done : PTR_ERR(page);
		lock_page(page);
		left = copy_from_user((char *)page_address(page) + (*pos & ~PAGE_MASK), ubuf + done,
				      n);
		err = bdev_write_page(bdev, sector, page);
		if (err && bdev_read_page(bdev, sector, page) &&
		    !remove_mapping(page->mapping, page))
			pr_err("%s: page %lu: neither written nor read back, and in use: the cache differs from the device until it is dropped\n",
			       bdev->bd_name, index);
		mark_page_accessed(page);
		unlock_page(page);
		put_page(page);
		if (err)
			return done ? (ssize_t)done : err;
		done += n - left;
		*pos += (loff_t)(n - left);
		if (left)
			return done ? (ssize_t)done : -EFAULT;
	}
	return (ssize_t)done;
}

/*
 * fs/block_dev.c: block_llseek() @ v4.14 -> fixed_size_llseek(): SEEK_END
 * is the device's size, and no offset goes past it
 */
static loff_t blkdev_llseek(struct file *file, loff_t offset, int whence)
{
	struct block_device *bdev = file->private_data;

	return generic_file_llseek_size(file, offset, whence, bdev->bd_inode.i_size,
					bdev->bd_inode.i_size);
}

/*
 * mm/filemap.c: filemap_fault() @ v4.14, for a block device: the cached
 * page at vmf->pgoff (read from the device on a miss), with a reference
 * for the mapping; past the device's end, SIGBUS.  A page a process maps
 * stays in the cache while it does: reclaim and drop_caches drop only
 * pages nobody else holds.
 */
static int blkdev_fault(struct vm_fault *vmf)
{
	struct block_device *bdev = vmf->vma->vm_file->private_data;
	struct page *page;

	if ((loff_t)vmf->pgoff >= bdev->bd_inode.i_size >> PAGE_SHIFT)
		return VM_FAULT_SIGBUS;
	page = bdev_get_cached_page(bdev, vmf->pgoff);
	if (IS_ERR(page))
		return PTR_ERR(page) == -ENOMEM ? VM_FAULT_OOM : VM_FAULT_SIGBUS;
	vmf->page = page;
	return 0;
}

static const struct vm_operations_struct blkdev_vm_ops = {
	.fault = blkdev_fault,
};

/*
 * mm/filemap.c: generic_file_readonly_mmap() @ v4.14, Linux's ->mmap for
 * a file whose cache cannot write a page back: a9mm's block device writes
 * through and never holds a dirty page, so a shared mapping that could be
 * written (MAP_SHARED of a descriptor open for writing) is refused with
 * -EINVAL; a read-only shared mapping maps the cache's pages, a private
 * one copies a page at its first write (do_cow_fault(), do_wp_page()).
 * Linux's block devices write back, so Linux maps them shared-writable too.
 */
static int blkdev_mmap(struct file *file, struct vm_area_struct *vma)
{
	(void)file;
	if ((vma->vm_flags & VM_SHARED) && (vma->vm_flags & VM_MAYWRITE))
		return -EINVAL;
	vma->vm_ops = &blkdev_vm_ops;
	return 0;
}

/* fs/block_dev.c: def_blk_fops @ v4.14 */
const struct file_operations def_blk_fops = {
	.open = blkdev_open,
	.llseek = blkdev_llseek,
	.read = blkdev_read,
	.write = blkdev_write,
	.mmap = blkdev_mmap,
};

/**
 * kill_bdev() - take every page out of a disk's cache
 * @bdev: the disk
 *
 * fs/block_dev.c: kill_bdev() @ v4.14 (truncate_inode_pages()), which
 * swapon reaches through set_blocksize() -- from now on swap writes the
 * device behind the cache's back -- and swapoff through blkdev_put():
 * what was cached meanwhile is stale.  A page someone holds leaves the
 * cache too (truncate_inode_pages_range()).
 */
void kill_bdev(struct block_device *bdev)
{
	truncate_inode_pages_range(&bdev->bd_inode.i_data, 0, -1);
}

/**
 * nr_blockdev_pages() - the pages cached for every disk
 *
 * fs/block_dev.c: nr_blockdev_pages() @ v4.14: /proc/meminfo's Buffers.
 *
 * Return: that number.
 */
unsigned long nr_blockdev_pages(void)
{
	struct block_device *bdev;
	unsigned long n = 0;

	for (unsigned int i = 0; (bdev = blkdev_get_by_index(i)); i++)
		n += READ_ONCE(bdev->bd_inode.i_data.nrpages);
	return n;
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
