/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_SWAP_H
#define _LINUX_SWAP_H

/*
 * include/linux/swap.h @ v3.14: the LRU lists, swap, and reclaim.
 *
 * A swap area is a block device mkswap(8) formatted: its first page is
 * the header (union swap_header), every other page a slot that can hold
 * one anonymous page.  swap_map[] counts, for each slot, the ptes that
 * name it (swap entries, linux/swapops.h) plus SWAP_HAS_CACHE while a
 * page in RAM holds its bytes (the swap cache):
 *
 *   slot:      0        1        2        3        4   ...   max - 1
 *   swap_map: BAD      0        2|CACHE  1        0
 *             header   free     two ptes name it,  one pte, the page
 *                               its page is in RAM  is only on the device
 *
 * A page goes out (mm/vmscan.c: shrink_page_list()): add_to_swap() gives
 * it a slot and puts it in the swap cache; try_to_unmap() turns each pte
 * into the slot's swap entry; pageout() writes it; it leaves the cache
 * and is freed.  It comes back at the first touch (mm/memory.c:
 * do_swap_page()): the cache, else a read from the device.
 */
#include <linux/compiler.h>
#include <linux/list.h>
#include <linux/mm_types.h>
#include <linux/spinlock.h>
#include <linux/swapops.h>
#include <linux/types.h>

struct block_device;
struct zone;
struct vm_area_struct;

/* include/linux/swap.h: SWAP_CLUSTER_MAX @ v3.14: pages reclaim takes off a list at a time */
#define SWAP_CLUSTER_MAX 32UL

/*
 * include/linux/swap.h: union swap_header @ v3.14: the on-disk layout
 * mkswap(8) writes (version 1, "SWAPSPACE2"); a9mm reads it as Linux does
 * and writes it never.
 */
#define SWAP_HEADER_MAGIC     "SWAPSPACE2"
#define SWAP_HEADER_MAGIC_LEN 10
/* __swapoffset(magic.magic) - __swapoffset(info.badpages): 637 with 4 KiB pages */
#define SWAP_INFO_SIZE	  1536 /* bootbits .. padding: where badpages[] starts */
#define MAX_SWAP_BADPAGES ((PAGE_SIZE - SWAP_HEADER_MAGIC_LEN - SWAP_INFO_SIZE) / sizeof(u32))

union swap_header {
	struct {
		char reserved[PAGE_SIZE - SWAP_HEADER_MAGIC_LEN];
		char magic[SWAP_HEADER_MAGIC_LEN]; /* SWAPSPACE2 */
	} magic;
	struct {
		char bootbits[1024]; /* room for a disk label */
		u32 version;
		u32 last_page;
		u32 nr_badpages;
		unsigned char sws_uuid[16];
		unsigned char sws_volume[16];
		u32 padding[117];
		u32 badpages[MAX_SWAP_BADPAGES]; /* Linux declares [1] and reads on */
	} info;
};
_Static_assert(__builtin_offsetof(union swap_header, info.badpages) == SWAP_INFO_SIZE,
	       "mkswap's layout");

/*
 * A slot's swap_map entry.  Linux's is a byte, counts above SWAP_MAP_MAX
 * going to continuation pages; a9mm's is 16 bits wide, which no fork
 * tree it can run fills.
 */
#define SWAP_HAS_CACHE 0x8000U /* a page in RAM (the swap cache) holds its bytes */
#define SWAP_MAP_BAD   0x7fffU /* the header, or a bad page: never used */
#define SWAP_MAP_MAX   0x7ffeU /* the most ptes that may name one slot */

/*
 * An area's flags: SWP_USED from swapon to the end of swapoff (its entries
 * are live), SWP_WRITEOK while slots may be taken (swapoff clears it
 * first), SWP_VALID while get_swap_device() may pin it (Linux 5.3).
 */
enum { SWP_USED = 1 << 0, SWP_WRITEOK = 1 << 1, SWP_VALID = 1 << 2 };

/* include/linux/swap.h: struct swap_info_struct @ v3.14, the fields a9mm uses */
struct swap_info_struct {
	unsigned long flags;	   /* SWP_USED: swapon()ed; SWP_WRITEOK: slots may be taken */
	signed char type;	   /* its index in swap_info[]: a swap entry's type */
	unsigned int max;	   /* slots, the header included (last_page + 1) */
	unsigned short *swap_map;  /* a count per slot */
	struct page **swap_cache;  /* a9mm: the page in RAM per slot (Linux: swapper_spaces) */
	unsigned int lowest_bit;   /* the lowest slot that may be free */
	unsigned int highest_bit;  /* the highest */
	unsigned int cluster_next; /* where the next search starts */
	unsigned int pages;	   /* usable slots: max - 1 - bad ones */
	unsigned int inuse_pages;  /* slots taken */
	struct block_device *bdev; /* the device (NULL in the host tests) */
	char name[16];		   /* its name, for /proc/swaps */
	spinlock_t lock;	   /* swap_map, swap_cache, the counts */
	unsigned int users;	   /* a9mm: get_swap_device() holders (Linux: RCU readers) */
};

/* mm/swapfile.c: the swap areas and their slots */
extern struct swap_info_struct *swap_info[MAX_SWAPFILES];
extern unsigned int nr_swapfiles;
extern long nr_swap_pages;	   /* free slots over every area (get_nr_swap_pages()) */
extern long total_swap_pages;	   /* usable slots over every area */
extern long total_swapcache_pages; /* pages in the swap cache (meminfo SwapCached) */

long swap_header_check(const union swap_header *hdr, unsigned long dev_pages, const char **why);
int swap_info_setup(struct swap_info_struct *si, const union swap_header *hdr,
		    unsigned int maxpages, unsigned short *map, struct page **cache);
struct swap_info_struct *swap_info_activate(struct swap_info_struct *si);
bool swap_info_deactivate(struct swap_info_struct *si);
void reinsert_swap_info(struct swap_info_struct *si);
bool swap_info_invalidate(struct swap_info_struct *si);
void swap_info_remove(struct swap_info_struct *si);
struct swap_info_struct *swp_swap_info(swp_entry_t entry);
struct swap_info_struct *get_swap_device(swp_entry_t entry);
void put_swap_device(struct swap_info_struct *si);
swp_entry_t get_swap_page(void);
int swap_duplicate(swp_entry_t entry);
void swap_free(swp_entry_t entry);
unsigned short swap_entry_free(struct swap_info_struct *si, unsigned long offset,
			       unsigned short usage);
void swapcache_free(swp_entry_t entry);
int swapcache_prepare(swp_entry_t entry);
unsigned int swap_count(swp_entry_t entry);
struct swap_info_struct *swap_info_get(swp_entry_t entry);
bool non_swap_entry(swp_entry_t entry);

/* include/linux/swap.h: get_nr_swap_pages() @ v3.14 */
static inline long get_nr_swap_pages(void)
{
	return READ_ONCE(nr_swap_pages);
}

void si_swapinfo(unsigned long *freeswap, unsigned long *totalswap);

/* mm/swapon.c: swapon(2) and /proc/swaps; mm/swapoff.c: swapoff(2) */
int sys_swapon(const char *specialfile);
struct swap_info_struct *find_swap_info(const struct block_device *bdev);
void show_swaps(int (*print)(const char *fmt, ...));
int sys_swapoff(const char *specialfile, unsigned long *ptes, unsigned long *reads);

/* mm/swap_state.c: the swap cache */
int add_to_swap_cache(struct page *page, swp_entry_t entry);
void delete_from_swap_cache(struct page *page);
bool add_to_swap(struct page *page);
struct page *lookup_swap_cache(swp_entry_t entry);
struct page *read_swap_cache_async(swp_entry_t entry);
bool try_to_free_swap(struct page *page);
bool reuse_swap_page(struct page *page);
void free_swap_and_cache(swp_entry_t entry);
unsigned int page_swapcount(struct page *page);
bool __remove_mapping(struct page *page);

/* mm/page_io.c: the I/O */
int swap_readpage(struct page *page);
int swap_writepage(struct page *page);

/* mm/swap.c: the LRU lists and the last reference */
void del_page_from_lru_list(struct page *page, struct zone *zone);
void lru_cache_add(struct page *page);
void mark_page_accessed(struct page *page); /* a page-cache page touched again */
void lru_cache_add_active_or_unevictable(struct page *page, struct vm_area_struct *vma);

/* mm/vmscan.c: reclaim */
int __isolate_lru_page(struct page *page);
int isolate_lru_page(struct page *page);
void putback_lru_page(struct page *page);
unsigned long try_to_free_pages(gfp_t gfp_mask, unsigned int order, int high_zoneidx);
void wakeup_kswapd(struct zone *zone, unsigned int order);
int kswapd_run(void);
unsigned long shrink_all_memory(unsigned long nr_to_reclaim);
unsigned long reclaim_pages(struct list_head *page_list);

/* include/linux/pagemap.h: lock_page() @ v4.14: wait (yielding) until the page is ours */
void lock_page(struct page *page);

#endif
