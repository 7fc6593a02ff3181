/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_VM_EVENT_ITEM_H
#define _LINUX_VM_EVENT_ITEM_H

/*
 * include/linux/vm_event_item.h @ v3.14: the events /proc/vmstat counts
 * after the zone counters, the ones a9mm has.  PGALLOC_* is one per zone
 * type, in enum zone_type's order (Linux's FOR_ALL_ZONES(); a9mm has no
 * ZONE_DMA and no ZONE_MOVABLE).
 */
enum vm_event_item {
	PGALLOC_NORMAL,		/* pages handed out from ZONE_NORMAL, any order */
	PGALLOC_HIGH,		/* ... from ZONE_HIGHMEM */
	PGFREE,			/* pages freed, boot's hand-over included */
	PGFAULT,		/* page faults handle_mm_fault() saw */
	PGMAJFAULT,		/* of them, those that waited for I/O: none here */
	PGMIGRATE_SUCCESS,	/* pages migration moved (mm/migrate.c) */
	PGMIGRATE_FAIL,		/* pages it tried and put back */
	COMPACTMIGRATE_SCANNED, /* pages compaction's migrate scanner looked at */
	COMPACTFREE_SCANNED,	/* pages its free scanner looked at */
	COMPACTISOLATED,	/* pages either scanner took (to move, or to move into) */
	COMPACTSTALL,		/* allocations that compacted first (direct compaction) */
	COMPACTFAIL,		/* ... and still failed */
	COMPACTSUCCESS,		/* ... and then succeeded */
	NR_VM_EVENT_ITEMS
};

#endif
