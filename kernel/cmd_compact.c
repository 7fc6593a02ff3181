// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/cmd_compact.c: `compact` -- Linux's
 * `echo 1 > /proc/sys/vm/compact_memory`: every zone compacted whole
 * (mm/compaction.c), and what it did:
 *
 *   a9mm> compact
 *   compact: Normal: moved 407 pages (0 held elsewhere, 0 with no free page above
 *            them left); looked at 1055 pfns to move from, 6009 to move into;
 *            scanners stopped at pfn 0x68000 (up) and 0x68000 (down)
 *   compact: Normal: largest free block order 10 -> 10; free order-0 blocks
 *            1088 -> 402; 10621460 ns
 *
 * (the time is sched_clock()'s: under -icount shift=0, instructions).
 *
 * `cat /proc/buddyinfo` and `extfrag` before and after show the same from
 * the free lists' side.
 */
#include <a9mm/shell.h>
#include <linux/compaction.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/mmzone.h>
#include <linux/sched_clock.h>

/* the zone's largest free order (-1: none) and its order-0 free blocks, read unlocked */
static void free_shape(struct zone *zone, int *largest, unsigned long *order0)
{
	*largest = -1;
	for (int o = 0; o < MAX_ORDER; o++)
		if (READ_ONCE(zone->free_area[o].nr_free))
			*largest = o;
	*order0 = READ_ONCE(zone->free_area[0].nr_free);
}

static int do_compact(int argc, char **argv)
{
	struct zone *zone;

	if (argc != 1)
		return 1;
	drain_all_pages(); /* so "before" counts the per-cpu lists' pages as free blocks */
	for_each_populated_zone(zone) {
		struct compact_control cc = { .order = -1 };
		unsigned long before0, after0;
		int before, after;
		u64 ns;

		free_shape(zone, &before, &before0);
		ns = sched_clock();
		compact_zone(zone, &cc);
		ns = sched_clock() - ns;
		free_shape(zone, &after, &after0);
		shprintf("compact: %s: moved %lu pages (%lu held elsewhere, %lu with no free page "
			 "above them left); looked at %lu pfns to move from, %lu to move into; "
			 "scanners stopped at pfn 0x%05lx (up) and 0x%05lx (down)\n",
			 zone->name, cc.nr_moved, cc.nr_failed, cc.nr_unmoved, cc.migrate_scanned,
			 cc.free_scanned, cc.migrate_pfn, cc.free_pfn);
		shprintf("compact: %s: largest free block order %d -> %d; free order-0 blocks "
			 "%lu -> %lu; %llu ns\n",
			 zone->name, before, after, before0, after0, ns);
	}
	return 0;
}
SHELL_CMD("compact", do_compact, "",
	  "move processes' pages up each zone, so free memory below merges (compact_memory)",
	  .linux = "mm/compaction.c (v3.14): sysctl_compaction_handler() -> compact_nodes() -> "
		   "compact_zone(): isolate_migratepages() and isolate_freepages() scanning "
		   "towards each other, migrate_pages() (mm/migrate.c: try_to_unmap() to "
		   "migration entries, copy, remove_migration_ptes())");
