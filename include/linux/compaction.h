/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_COMPACTION_H
#define _LINUX_COMPACTION_H

/*
 * include/linux/compaction.h + mm/internal.h's struct compact_control
 * @ v3.14: memory compaction (mm/compaction.c)
 */
#include <linux/gfp.h>
#include <linux/list.h>
#include <linux/mmzone.h>

/* include/linux/compaction.h: what a compaction run came to @ v3.14 */
#define COMPACT_SKIPPED	 0 /* not tried: too little free memory, or none would help */
#define COMPACT_CONTINUE 1 /* (the run goes on) */
#define COMPACT_PARTIAL	 2 /* stopped once a block of the order was free */
#define COMPACT_COMPLETE 3 /* the scanners met */

/* mm/compaction.c: sysctl_extfrag_threshold @ v3.14: below it, a failure is lack of memory */
#define EXTFRAG_THRESHOLD 500

/* mm/internal.h: struct compact_control @ v3.14, plus what a9mm reports */
struct compact_control {
	struct list_head freepages;    /* free pages to move into, order 0 each */
	struct list_head migratepages; /* pages to move, referenced */
	unsigned long nr_freepages;    /* on freepages */
	unsigned long nr_migratepages; /* on migratepages */
	unsigned long free_pfn;	       /* the free scanner: the pageblock it scans next */
	unsigned long migrate_pfn;     /* the migrate scanner: the pfn it scans next */
	int order;		       /* the order a direct compactor needs; -1: the whole zone */
	int migratetype;	       /* its migratetype */
	struct zone *zone;
	/* a9mm: the figures `compact` prints */
	unsigned long migrate_scanned; /* pfns the migrate scanner looked at */
	unsigned long free_scanned;    /* pfns the free scanner looked at */
	unsigned long nr_moved;	       /* pages moved */
	unsigned long nr_failed;       /* pages isolated but not moved (held elsewhere) */
	unsigned long nr_unmoved;      /* pages isolated when the free scanner found no more */
};

int compact_zone(struct zone *zone, struct compact_control *cc);
void compaction_lock(void);
void compaction_unlock(void);
int try_to_compact_pages(gfp_t gfp_mask, unsigned int order, const struct zoneref *preferred,
			 int migratetype);
void wakeup_kcompactd(unsigned int order);
int kcompactd_run(void);

#endif
