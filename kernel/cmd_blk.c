// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/cmd_blk.c: `blk` -- the block devices (linux/blkdev.h) from the
 * shell, a page at a time, as swap moves them: what disks there are and
 * what they did (the figures of /proc/diskstats), a page read and shown,
 * a page written with a pattern, and what a page costs.  The pages are
 * HighMem ones when there is HighMem, as a process's swapped pages are.
 */
#include <a9mm/shell.h>
#include <linux/blkdev.h>
#include <linux/cmdline.h>
#include <linux/gfp.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/string_helpers.h>
#include <mach/vexpress.h>
#include <string.h>

static void blk_list(void)
{
	struct block_device *bdev = blkdev_get_by_index(0);
	struct disk_stats st;
	char cap[16];

	if (!bdev) {
		shprintf("blk: no block device (mmcblk0 needs an SD card: -drive if=sd,...)\n");
		return;
	}
	for (unsigned int i = 0; (bdev = blkdev_get_by_index(i)); i++) {
		bdev_get_stats(bdev, &st);
		string_get_size(bdev->nr_sects, SECTOR_SIZE, STRING_UNITS_2, cap, sizeof(cap));
		shprintf("%s: %llu sectors (%s), %u:%u\n", bdev->bd_name, bdev->nr_sects, cap,
			 bdev->bd_major, bdev->bd_minor);
		shprintf("  read:  %lu pages, %lu sectors, %llu us, %lu errors\n", st.ios[0],
			 st.sectors[0], st.nsecs[0] / 1000, st.errors[0]);
		shprintf("  write: %lu pages, %lu sectors, %llu us, %lu errors\n", st.ios[1],
			 st.sectors[1], st.nsecs[1] / 1000, st.errors[1]);
	}
}

/* a page to read into or write from: HighMem if there is any, as swap's are */
static struct page *blk_page(void)
{
	struct page *page = alloc_page(GFP_HIGHUSER);

	if (!page)
		shprintf("blk: no free page\n");
	return page;
}

/*
 * hexdump -C's layout: offset, 16 bytes, the printable ones ('.' for the
 * others); a run of lines like the one before is one "*"; the end's offset
 * closes it
 */
static void blk_dump(const u8 *p, unsigned int bytes)
{
	bool starred = false;

	for (unsigned int off = 0; off < bytes; off += 16) {
		char ascii[17];
		unsigned int n = min(16U, bytes - off);

		if (off && n == 16 && !memcmp(p + off, p + off - 16, 16)) {
			if (!starred)
				shprintf("*\n");
			starred = true;
			continue;
		}
		starred = false;

		shprintf("%08x ", off);
		for (unsigned int i = 0; i < 16; i++) {
			if (i < n)
				shprintf("%s %02x", i == 8 ? " " : "", p[off + i]);
			else
				shprintf("%s   ", i == 8 ? " " : "");
			ascii[i] = i < n && p[off + i] >= 0x20 && p[off + i] < 0x7f
					   ? (char)p[off + i]
					   : '.';
		}
		ascii[n] = '\0';
		shprintf("  |%s|\n", ascii);
	}
	shprintf("%08x\n", bytes);
}

static int blk_read(struct block_device *bdev, sector_t sector, unsigned long bytes)
{
	struct page *page = blk_page();
	u64 ns;
	int err;
	u8 *p;

	if (!page)
		return 0;
	ns = global_timer_ns();
	err = bdev_read_page(bdev, sector, page);
	ns = global_timer_ns() - ns;
	if (err) {
		shprintf("blk: %s: reading sectors %llu-%llu: error %d\n", bdev->bd_name, sector,
			 sector + PAGE_SECTORS - 1, err);
	} else {
		shprintf("blk: %s: sectors %llu-%llu read in %llu us (pfn 0x%05lx, %s)\n",
			 bdev->bd_name, sector, sector + PAGE_SECTORS - 1, ns / 1000,
			 page_to_pfn(page), PageHighMem(page) ? "HighMem" : "lowmem");
		p = kmap(page);
		if (p) {
			blk_dump(p, (unsigned int)bytes);
			kunmap(page);
		} else {
			shprintf("blk: no kmap slot free to show it\n");
		}
	}
	__free_page(page);
	return 0;
}

static int blk_write(struct block_device *bdev, sector_t sector, u32 value)
{
	struct page *page = blk_page();
	u32 *w;
	u64 ns;
	int err;

	if (!page)
		return 0;
	w = kmap_atomic(page);
	for (unsigned int i = 0; i < PAGE_SIZE / 4; i++)
		w[i] = value + i;
	kunmap_atomic(w);
	ns = global_timer_ns();
	err = bdev_write_page(bdev, sector, page);
	ns = global_timer_ns() - ns;
	/*
	 * the device changed behind its page cache (/dev/NAME): the cached
	 * pages the sectors fall in go, held or not
	 */
	truncate_inode_pages_range(&bdev->bd_inode.i_data, (loff_t)sector << 9,
				   ((loff_t)(sector + PAGE_SECTORS) << 9) - 1);
	if (err)
		shprintf("blk: %s: writing sectors %llu-%llu: error %d\n", bdev->bd_name, sector,
			 sector + PAGE_SECTORS - 1, err);
	else
		shprintf(
			"blk: %s: sectors %llu-%llu written in %llu us: words 0x%08lx + i, i = 0..%lu\n",
			bdev->bd_name, sector, sector + PAGE_SECTORS - 1, ns / 1000, value,
			PAGE_SIZE / 4 - 1);
	__free_page(page);
	return 0;
}

/*
 * N pages read, then the same N written back unchanged, from the end of
 * the disk down: ns per page (instructions under -icount shift=0)
 */
static int blk_bench(struct block_device *bdev, unsigned long n)
{
	struct page *page = blk_page();
	sector_t first;
	u64 rd = 0, wr = 0, t;
	unsigned long i;
	int err = 0;

	if (!page)
		return 0;
	n = min(n, (unsigned long)(bdev->nr_sects / PAGE_SECTORS));
	first = bdev->nr_sects / PAGE_SECTORS * PAGE_SECTORS - n * PAGE_SECTORS;
	for (i = 0; i < n && !err; i++) {
		sector_t sector = first + i * PAGE_SECTORS;

		t = global_timer_ns();
		err = bdev_read_page(bdev, sector, page);
		rd += global_timer_ns() - t;
		if (err)
			break;
		t = global_timer_ns();
		err = bdev_write_page(bdev, sector, page);
		wr += global_timer_ns() - t;
	}
	__free_page(page);
	if (err) {
		shprintf("blk: bench: error %d at page %lu\n", err, i);
		return 0;
	}
	shprintf(
		"blk: bench %s: %lu pages from sector %llu: read %llu ns/page, write %llu ns/page\n",
		bdev->bd_name, n, first, n ? rd / n : 0, n ? wr / n : 0);
	return 0;
}

/* writing behind swap's back would corrupt swapped pages: refused, said */
static bool blk_swapping(struct block_device *bdev)
{
	if (!bdev_is_swap(bdev))
		return false;
	shprintf("blk: %s is a swap area (swapon): writing to it would corrupt swapped pages; "
		 "refused\n",
		 bdev->bd_name);
	return true;
}

static int do_blk(int argc, char **argv)
{
	struct block_device *bdev;
	unsigned long long sector;
	unsigned long arg = 0;

	if (argc == 1) {
		blk_list();
		return 0;
	}
	bdev = blkdev_get_by_index(0);
	if (!strcmp(argv[1], "bench")) {
		if (argc > 3 || (argc == 3 && (kstrtoul(argv[2], 0, &arg) || !arg)))
			return 1;
		if (!bdev) {
			blk_list();
			return 0;
		}
		if (blk_swapping(bdev))
			return 0;
		return blk_bench(bdev, argc == 3 ? arg : 100);
	}
	if (strcmp(argv[1], "read") && strcmp(argv[1], "write"))
		return 1;
	if (argc < 3 || argc > 4 || (argv[1][0] == 'w' && argc != 4))
		return 1;
	if (kstrtoull(argv[2], 0, &sector)) {
		shprintf("blk: '%s' is not a sector number\n", argv[2]);
		return 1;
	}
	if (argc == 4 && (kstrtoul(argv[3], 0, &arg) || (argv[1][0] == 'r' && !arg))) {
		shprintf("blk: '%s' is not a %s\n", argv[3],
			 argv[1][0] == 'r' ? "byte count" : "32-bit value");
		return 1;
	}
	if (!bdev) {
		blk_list();
		return 0;
	}
	if (argv[1][0] == 'w') {
		if (blk_swapping(bdev))
			return 0;
		return blk_write(bdev, sector, (u32)arg);
	}
	return blk_read(bdev, sector, argc == 4 ? min(arg, PAGE_SIZE) : 64);
}
SHELL_CMD("blk", do_blk, "[read SECTOR [BYTES] | write SECTOR VALUE | bench [N]]",
	  "block devices: list with counters; read a page (shows BYTES, 64); write a page of "
	  "words VALUE+i; bench: N (100) pages read and rewritten at the end of the disk",
	  .linux = "fs/block_dev.c (v4.14): bdev_read_page(), bdev_write_page() -> "
		   "block_device_operations.rw_page(), as swap_readpage()/__swap_writepage() "
		   "use them; here mmcblk0: drivers/mmc/core/block.c -> drivers/mmc/host/mmci.c");
