// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/cmd_swap.c: `swapon`, `swapoff`, `reclaim` and `drop_caches` --
 * swap, and reclaim on demand.
 *
 *   a9mm> swapon mmcblk0            swapon(8): the device mkswap(8) formatted
 *   a9mm> reclaim 1000              up to 1000 pages out now (shrink_all_memory())
 *   a9mm> cat /proc/swaps           Used: the slots taken
 *   a9mm> swapoff mmcblk0           every page on it back to RAM, then the area goes
 *   a9mm> drop_caches               the page cache /dev/mmcblk0's reads made, dropped
 *
 * /proc/meminfo (SwapTotal, SwapFree, SwapCached, Buffers, Active(anon),
 * Inactive(anon), Active(file), Inactive(file)), /proc/vmstat (pswpin,
 * pswpout, pgscan_*, pgsteal_*) and /proc/PID/status (VmSwap) show what
 * reclaim did.
 */
#include <a9mm/shell.h>
#include <linux/blkdev.h>
#include <linux/cmdline.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/sched_clock.h>
#include <linux/swap.h>
#include <linux/vmstat.h>

static int do_swapon(int argc, char **argv)
{
	const char *dev = argc == 2 ? argv[1] : "mmcblk0";
	int err;

	if (argc > 2)
		return 1;
	err = sys_swapon(dev);
	if (err == -ENOENT)
		shprintf("swapon: %s: no such block device\n", dev);
	else if (err == -EBUSY)
		shprintf("swapon: %s: Device or resource busy\n", dev);
	else if (err)
		shprintf("swapon: failed (%d); the kernel log says why\n", err);
	return 0;
}
SHELL_CMD("swapon", do_swapon, "[DEV]",
	  "swap to a block device mkswap(8) formatted (default mmcblk0, the SD card)",
	  .linux = "mm/swapfile.c (v3.14): SYSCALL_DEFINE2(swapon) -> read_swap_header(), "
		   "setup_swap_map_and_extents(), enable_swap_info()");

static int do_swapoff(int argc, char **argv)
{
	const char *dev = argc == 2 ? argv[1] : "mmcblk0";
	unsigned long ptes, reads;
	u64 ns;
	int err;

	if (argc > 2)
		return 1;
	ns = sched_clock();
	err = sys_swapoff(dev, &ptes, &reads);
	ns = sched_clock() - ns;
	if (err == -ENOENT)
		shprintf("swapoff: %s: no such block device\n", dev);
	else if (err == -EINVAL)
		shprintf("swapoff: %s: not swapped to (see /proc/swaps)\n", dev);
	else if (err == -EBUSY)
		shprintf("swapoff: %s: Device or resource busy\n", dev);
	else if (err)
		shprintf("swapoff: %s: failed (%d): still swapped to; the kernel log says why\n",
			 dev, err);
	else
		shprintf("swapoff: %s: %lu ptes got their pages back, %lu pages read from it; "
			 "%llu ns\n",
			 dev, ptes, reads, ns);
	return 0;
}
SHELL_CMD("swapoff", do_swapoff, "[DEV]",
	  "stop swapping to DEV (default mmcblk0): every page on it comes back to RAM first",
	  .linux = "mm/swapfile.c (v5.4): SYSCALL_DEFINE1(swapoff) -> try_to_unuse() -> "
		   "unuse_mm() -> unuse_pte(); get_swap_device() (v5.14) against faults");

static int do_reclaim(int argc, char **argv)
{
	unsigned long nr = SWAP_CLUSTER_MAX, ev[NR_VM_EVENT_ITEMS], out, cached;
	u64 ns;

	if (argc > 2)
		return 1;
	if (argc == 2) {
		if (kstrtoul(argv[1], 0, &nr) || !nr || nr > totalram_pages) {
			shprintf("reclaim: '%s': a number of pages, 1 to %lu\n", argv[1],
				 totalram_pages);
			return 0;
		}
	}
	cached = nr_blockdev_pages();
	if (get_nr_swap_pages() <= 0 && !cached) {
		shprintf("reclaim: no free swap slot (swapon first) and no page cache to drop "
			 "(read /dev/mmcblk0): nothing can go\n");
		return 0;
	}
	all_vm_events(ev);
	out = ev[PSWPOUT];
	ns = sched_clock();
	nr = shrink_all_memory(nr);
	ns = sched_clock() - ns;
	all_vm_events(ev);
	shprintf("reclaim: freed %lu pages, wrote %lu to swap, page cache %lu -> %lu pages; "
		 "%llu ns\n",
		 nr, ev[PSWPOUT] - out, cached, nr_blockdev_pages(), ns);
	return 0;
}
SHELL_CMD("reclaim", do_reclaim, "[PAGES]",
	  "reclaim up to PAGES (32) now: the least recently used page cache dropped, "
	  "processes' pages swapped out",
	  .linux = "mm/vmscan.c (v3.14): shrink_all_memory() -> do_try_to_free_pages() -> "
		   "shrink_zone(): shrink_active_list(), shrink_inactive_list() -> "
		   "shrink_page_list(): add_to_swap(), try_to_unmap(), pageout()");

static int do_drop_caches(int argc, char **argv)
{
	unsigned long before = nr_blockdev_pages(), dropped;

	(void)argv;
	if (argc > 1)
		return 1;
	dropped = drop_pagecache();
	shprintf("drop_caches: dropped %lu of %lu cached pages (%lu still held by a reader)\n",
		 dropped, before, nr_blockdev_pages());
	return 0;
}
SHELL_CMD("drop_caches", do_drop_caches, "",
	  "drop the block devices' page cache (meminfo's Buffers), as echo 1 > "
	  "/proc/sys/vm/drop_caches",
	  .linux = "fs/drop_caches.c (v4.14): drop_pagecache_sb() -> "
		   "invalidate_mapping_pages() -> remove_mapping()");
