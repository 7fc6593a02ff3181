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
	PSWPIN,			   /* pages read back from swap (mm/page_io.c) */
	PSWPOUT,		   /* pages written to swap */
	PGALLOC_NORMAL,		   /* pages handed out from ZONE_NORMAL, any order */
	PGALLOC_HIGH,		   /* ... from ZONE_HIGHMEM */
	PGFREE,			   /* pages freed, boot's hand-over included */
	PGACTIVATE,		   /* pages reclaim found referenced and moved to the active list */
	PGDEACTIVATE,		   /* pages aged from the active list to the inactive one */
	PGFAULT,		   /* page faults handle_mm_fault() saw */
	PGMAJFAULT,		   /* of them, those that read a page from swap */
	PGSTEAL_KSWAPD,		   /* pages kswapd reclaimed (mm/vmscan.c) */
	PGSTEAL_DIRECT,		   /* pages allocating tasks reclaimed themselves */
	PGSCAN_KSWAPD,		   /* inactive pages kswapd looked at */
	PGSCAN_DIRECT,		   /* ... allocating tasks looked at */
	PAGEOUTRUN,		   /* kswapd's balance_pgdat() runs */
	ALLOCSTALL,		   /* allocations that reclaimed first (direct reclaim) */
	PGMIGRATE_SUCCESS,	   /* pages migration moved (mm/migrate.c) */
	PGMIGRATE_FAIL,		   /* pages it tried and put back */
	COMPACTMIGRATE_SCANNED,	   /* pages compaction's migrate scanner looked at */
	COMPACTFREE_SCANNED,	   /* pages its free scanner looked at */
	COMPACTISOLATED,	   /* pages either scanner took (to move, or to move into) */
	COMPACTSTALL,		   /* allocations that compacted first (direct compaction) */
	COMPACTFAIL,		   /* ... and still failed */
	COMPACTSUCCESS,		   /* ... and then succeeded */
	KCOMPACTD_WAKE,		   /* kcompactd's runs (Linux 4.6) */
	KCOMPACTD_MIGRATE_SCANNED, /* pages its migrate scanner looked at (4.12) */
	KCOMPACTD_FREE_SCANNED,	   /* ... its free scanner */
	NR_VM_EVENT_ITEMS
};

#endif
