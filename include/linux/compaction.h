/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_COMPACTION_H
#define _LINUX_COMPACTION_H

/*
 * include/linux/compaction.h + mm/internal.h's struct compact_control
 * @ v3.14: memory compaction (mm/compaction.c)
 */
#include <linux/list.h>
#include <linux/mmzone.h>

/* mm/internal.h: struct compact_control @ v3.14, plus what a9mm reports */
struct compact_control {
	struct list_head freepages;    /* free pages to move into, order 0 each */
	struct list_head migratepages; /* pages to move, referenced */
	unsigned long nr_freepages;    /* on freepages */
	unsigned long nr_migratepages; /* on migratepages */
	unsigned long free_pfn;	       /* the free scanner: the pageblock it scans next */
	unsigned long migrate_pfn;     /* the migrate scanner: the pfn it scans next */
	struct zone *zone;
	/* a9mm: the figures `compact` prints */
	unsigned long migrate_scanned; /* pfns the migrate scanner looked at */
	unsigned long free_scanned;    /* pfns the free scanner looked at */
	unsigned long nr_moved;	       /* pages moved */
	unsigned long nr_failed;       /* pages isolated but not moved (held elsewhere) */
	unsigned long nr_unmoved;      /* pages isolated when the free scanner found no more */
};

int compact_zone(struct zone *zone, struct compact_control *cc);

#endif
