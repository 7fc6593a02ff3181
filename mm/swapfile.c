// SPDX-License-Identifier: GPL-2.0
/*
 * mm/swapfile.c @ v3.14: the swap areas and their slots -- which slots are
 * free, how many ptes name each, whether a page in RAM holds its bytes
 * (linux/swap.h draws swap_map[]).  The half of Linux's file that needs
 * no device: it builds for the host tests too.  swapon(2), which reads
 * the header from the device, and /proc/swaps are in mm/swapon.c.
 *
 * Locks: swap_lock guards swap_info[] and the totals; each area's lock its
 * swap_map[] and swap cache (mm/swap_state.c).  An area's lock may be
 * taken under a page_table_lock (a pte becoming or ceasing to be a swap
 * entry), never the other way round.
 */
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/swap.h>
#include <string.h>

struct swap_info_struct *swap_info[MAX_SWAPFILES];
unsigned int nr_swapfiles;
long nr_swap_pages;
long total_swap_pages;
long total_swapcache_pages;
static DEFINE_SPINLOCK(swap_lock);

/**
 * swap_header_check() - can this header be swapped to, and how many slots does it give
 * @hdr: the first page of the device
 * @dev_pages: the device's size in pages
 * @why: set to Linux's words for a refusal
 *
 * mm/swapfile.c: read_swap_header() @ v3.14: the "SWAPSPACE2" signature,
 * version 1, last_page within what a swap entry's offset can name
 * (larger areas are truncated, as Linux does) and within the device,
 * no more bad pages than the header has room for.  A header written by
 * a mkswap of the other byte order is refused (Linux swaps its bytes).
 *
 * Return: the slots (last_page + 1, the header's own included), or
 * -EINVAL with @why set.
 */
long swap_header_check(const union swap_header *hdr, unsigned long dev_pages, const char **why)
{
	unsigned long maxpages = swp_offset(swp_entry(0, ~0UL)) + 1;
	unsigned long last_page = hdr->info.last_page;

	if (memcmp(hdr->magic.magic, SWAP_HEADER_MAGIC, SWAP_HEADER_MAGIC_LEN)) {
		*why = "Unable to find swap-space signature";
		return -EINVAL;
	}
	if (hdr->info.version != 1) {
		*why = __builtin_bswap32(hdr->info.version) == 1
			       ? "Unable to handle swap header version (the other byte order)"
			       : "Unable to handle swap header version";
		return -EINVAL;
	}
	if (last_page > maxpages - 1)
		pr_warn("Truncating oversized swap area, only using %luk out of %luk\n",
			maxpages << (PAGE_SHIFT - 10), last_page << (PAGE_SHIFT - 10));
	else
		maxpages = last_page + 1;
	if (maxpages < 2) {
		*why = "Empty swap-file";
		return -EINVAL;
	}
	if (maxpages > dev_pages) {
		*why = "Swap area shorter than signature indicates";
		return -EINVAL;
	}
	if (hdr->info.nr_badpages > MAX_SWAP_BADPAGES) {
		*why = "Too many bad pages in the swap header";
		return -EINVAL;
	}
	return (long)maxpages;
}

/**
 * swap_info_setup() - an area's slots from its checked header
 * @si: the area, not yet active
 * @hdr: the header swap_header_check() accepted
 * @maxpages: what it returned
 * @map: @maxpages counts, zeroed: becomes si->swap_map
 * @cache: @maxpages pointers, NULL: becomes si->swap_cache
 *
 * mm/swapfile.c: setup_swap_map_and_extents() @ v3.14: slot 0 (the header)
 * and every bad page listed are SWAP_MAP_BAD, never handed out.
 *
 * Return: 0, or -EINVAL (a bad page outside the area; no good page left).
 */
int swap_info_setup(struct swap_info_struct *si, const union swap_header *hdr,
		    unsigned int maxpages, unsigned short *map, struct page **cache)
{
	unsigned int nr_good_pages = maxpages - 1;

	for (u32 i = 0; i < hdr->info.nr_badpages; i++) {
		u32 page_nr = hdr->info.badpages[i];

		if (page_nr == 0 || page_nr > hdr->info.last_page) {
			pr_warn("swapon: bad page %lu outside the swap area\n",
				(unsigned long)page_nr);
			return -EINVAL;
		}
		if (page_nr < maxpages && map[page_nr] != SWAP_MAP_BAD) {
			map[page_nr] = SWAP_MAP_BAD;
			nr_good_pages--;
		}
	}
	if (!nr_good_pages) {
		pr_warn("Empty swap-file\n");
		return -EINVAL;
	}
	map[0] = SWAP_MAP_BAD;
	spin_lock_init(&si->lock);
	si->swap_map = map;
	si->swap_cache = cache;
	si->max = maxpages;
	si->pages = nr_good_pages;
	si->inuse_pages = 0;
	si->lowest_bit = 1;
	si->highest_bit = maxpages - 1;
	si->cluster_next = 1;
	return 0;
}

/**
 * swap_info_activate() - give a set-up area a type and open its slots
 * @si: the area (swap_info_setup() done)
 *
 * mm/swapfile.c: alloc_swap_info() + enable_swap_info() @ v3.14.  A type
 * an area was swapped off from is taken again, and so is its struct, as
 * Linux's alloc_swap_info() does: a stale entry (a pte read before
 * swapoff changed it) may still look it up, so it is never freed; its
 * fields are filled from @si under its lock, and the caller frees @si.
 *
 * Return: the area now active (@si, or the type's old struct), or NULL
 * when all MAX_SWAPFILES types are taken.
 */
struct swap_info_struct *swap_info_activate(struct swap_info_struct *si)
{
	struct swap_info_struct *p;
	unsigned int type;

	spin_lock(&swap_lock);
	for (type = 0; type < MAX_SWAPFILES; type++)
		if (!swap_info[type] || !(swap_info[type]->flags & SWP_USED))
			break;
	if (type == MAX_SWAPFILES) {
		spin_unlock(&swap_lock);
		return NULL;
	}
	p = swap_info[type] ? swap_info[type] : si;
	spin_lock(&p->lock);
	if (p != si) {
		p->max = si->max;
		p->swap_map = si->swap_map;
		p->swap_cache = si->swap_cache;
		p->lowest_bit = si->lowest_bit;
		p->highest_bit = si->highest_bit;
		p->cluster_next = si->cluster_next;
		p->pages = si->pages;
		p->inuse_pages = si->inuse_pages;
		p->bdev = si->bdev;
		memcpy(p->name, si->name, sizeof(p->name));
	}
	p->type = (signed char)type;
	p->users = 0;
	p->flags = SWP_USED | SWP_WRITEOK | SWP_VALID;
	spin_unlock(&p->lock);
	WRITE_ONCE(swap_info[type], p);
	if (type >= nr_swapfiles)
		WRITE_ONCE(nr_swapfiles, type + 1);
	__atomic_add_fetch(&nr_swap_pages, p->pages, __ATOMIC_RELAXED);
	total_swap_pages += p->pages;
	spin_unlock(&swap_lock);
	return p;
}

/**
 * swap_info_deactivate() - swapoff's first step: no slot of the area is handed out
 * @si: an active area
 *
 * mm/swapfile.c: SYSCALL_DEFINE1(swapoff) @ v3.14, before try_to_unuse():
 * SWP_WRITEOK goes and the area's slots leave the totals -- nr_swap_pages
 * loses all of them, and regains each in-use one as it is freed, so it
 * ends where it would be without the area.
 *
 * Return: false (nothing changed) if another swapoff has begun already.
 */
bool swap_info_deactivate(struct swap_info_struct *si)
{
	bool open;

	spin_lock(&swap_lock);
	spin_lock(&si->lock);
	open = si->flags & SWP_WRITEOK;
	if (open) {
		__atomic_sub_fetch(&nr_swap_pages, si->pages, __ATOMIC_RELAXED);
		total_swap_pages -= si->pages;
		si->flags &= ~SWP_WRITEOK;
	}
	spin_unlock(&si->lock);
	spin_unlock(&swap_lock);
	return open;
}

/**
 * reinsert_swap_info() - a swapoff that failed: the area is open again
 * @si: the area swap_info_deactivate() closed
 *
 * mm/swapfile.c: reinsert_swap_info() @ v3.14.
 */
void reinsert_swap_info(struct swap_info_struct *si)
{
	spin_lock(&swap_lock);
	spin_lock(&si->lock);
	__atomic_add_fetch(&nr_swap_pages, si->pages, __ATOMIC_RELAXED);
	total_swap_pages += si->pages;
	si->flags |= SWP_WRITEOK;
	spin_unlock(&si->lock);
	spin_unlock(&swap_lock);
}

/**
 * swap_info_invalidate() - no slot in use: let get_swap_device() refuse the area
 * @si: an area swap_info_deactivate() closed, try_to_unuse() emptied
 *
 * mm/swapfile.c: SYSCALL_DEFINE1(swapoff) @ v5.4 clears SWP_VALID after
 * try_to_unuse(); the caller then waits for the pins taken before
 * (si->users, Linux's synchronize_rcu()).  With SWP_WRITEOK gone no slot
 * can be taken again once none is in use.
 *
 * Return: false (nothing changed) if a slot is still in use.
 */
bool swap_info_invalidate(struct swap_info_struct *si)
{
	bool empty;

	spin_lock(&si->lock);
	empty = !si->inuse_pages;
	if (empty)
		si->flags &= ~SWP_VALID;
	spin_unlock(&si->lock);
	return empty;
}

/**
 * swap_info_remove() - the last step of swapoff: the area is gone
 * @si: an invalidated area no get_swap_device() pins
 *
 * mm/swapfile.c: SYSCALL_DEFINE1(swapoff) @ v3.14, after try_to_unuse():
 * the map and the cache leave the area (the caller frees them), and its
 * entries are "Unused swap file entry" from now on.  The struct stays in
 * swap_info[] for the next swapon (swap_info_activate()).
 */
void swap_info_remove(struct swap_info_struct *si)
{
	spin_lock(&swap_lock);
	spin_lock(&si->lock);
	si->flags = 0;
	si->max = 0;
	si->swap_map = NULL;
	si->swap_cache = NULL;
	si->pages = 0;
	si->lowest_bit = si->highest_bit = 0;
	si->bdev = NULL;
	spin_unlock(&si->lock);
	spin_unlock(&swap_lock);
}

/**
 * swp_swap_info() - the area an entry's type names, if there is one
 * @entry: the entry (from a pte: may be garbage)
 *
 * mm/swapfile.c: swp_swap_info() -> swap_type_to_swap_info() @ v5.4: the
 * struct, live or swapped off (whose flags say which), or NULL.
 *
 * Return: swap_info[type], or NULL for a type no swapon ever used.
 */
struct swap_info_struct *swp_swap_info(swp_entry_t entry)
{
	unsigned int type = swp_type(entry);

	if (type >= READ_ONCE(nr_swapfiles))
		return NULL;
	return READ_ONCE(swap_info[type]);
}

/**
 * get_swap_device() - pin the area of an entry read from a pte without its lock
 * @entry: the entry
 *
 * mm/swapfile.c: get_swap_device() @ v5.3: the area cannot be swapped off
 * (its map freed) until put_swap_device() -- swapoff waits for the pins,
 * which Linux counts with RCU and a9mm under the area's lock.
 *
 * Return: the area, pinned; NULL, quietly, if the entry names no valid
 * area (swapped off meanwhile, or garbage: the caller looks at its pte
 * again and says so if it still holds the entry).
 */
struct swap_info_struct *get_swap_device(swp_entry_t entry)
{
	struct swap_info_struct *si;

	if (!entry.val || !(si = swp_swap_info(entry)))
		return NULL;
	spin_lock(&si->lock);
	if (!(si->flags & SWP_VALID) || swp_offset(entry) >= si->max) {
		spin_unlock(&si->lock);
		return NULL;
	}
	si->users++;
	spin_unlock(&si->lock);
	return si;
}

/**
 * put_swap_device() - drop get_swap_device()'s pin
 * @si: the area it returned
 *
 * mm/swapfile.c: put_swap_device() @ v5.3.
 */
void put_swap_device(struct swap_info_struct *si)
{
	spin_lock(&si->lock);
	si->users--;
	spin_unlock(&si->lock);
}

/*
 * mm/swapfile.c: scan_swap_map() @ v3.14, without the clusters: the next
 * free slot from cluster_next round to it again, inside [lowest_bit,
 * highest_bit].  Called with si->lock held.  0: none.
 */
static unsigned int scan_swap_map(struct swap_info_struct *si)
{
	unsigned int offset = si->cluster_next, span;

	if (si->inuse_pages == si->pages)
		return 0;
	if (offset < si->lowest_bit || offset > si->highest_bit)
		offset = si->lowest_bit;
	span = si->highest_bit - si->lowest_bit + 1;
	for (unsigned int n = 0; n < span; n++) {
		if (!si->swap_map[offset]) {
			si->swap_map[offset] = SWAP_HAS_CACHE;
			si->inuse_pages++;
			if (offset == si->lowest_bit)
				si->lowest_bit++;
			if (offset == si->highest_bit)
				si->highest_bit--;
			if (si->inuse_pages ==
			    si->pages) { /* full: the next free one resets them */
				si->lowest_bit = si->max;
				si->highest_bit = 0;
			}
			si->cluster_next = offset + 1;
			return offset;
		}
		offset = offset == si->highest_bit ? si->lowest_bit : offset + 1;
	}
	return 0;
}

/**
 * get_swap_page() - a free slot, for a page about to enter the swap cache
 *
 * mm/swapfile.c: get_swap_page() @ v3.14: the areas in turn (a9mm has no
 * priorities); the slot is taken with SWAP_HAS_CACHE, no pte yet.
 *
 * Return: its swap entry, or one whose .val is 0 when every area is full.
 */
swp_entry_t get_swap_page(void)
{
	for (unsigned int type = 0; type < READ_ONCE(nr_swapfiles); type++) {
		struct swap_info_struct *si = READ_ONCE(swap_info[type]);
		unsigned int offset;

		if (!si || !(si->flags & SWP_WRITEOK))
			continue;
		spin_lock(&si->lock);
		offset = si->flags & SWP_WRITEOK ? scan_swap_map(si)
						 : 0; /* swapoff may have begun */
		spin_unlock(&si->lock);
		if (offset) {
			__atomic_sub_fetch(&nr_swap_pages, 1, __ATOMIC_RELAXED);
			return swp_entry(type, offset);
		}
	}
	return (swp_entry_t){ 0 };
}

/**
 * non_swap_entry() - is this swap entry something other than a slot
 * @entry: the entry
 *
 * include/linux/swapops.h: non_swap_entry() @ v3.14: a migration entry.
 *
 * Return: true for the types above the swap areas'.
 */
bool non_swap_entry(swp_entry_t entry)
{
	return swp_type(entry) >= MAX_SWAPFILES;
}

/*
 * the area of @entry, locked, if the entry names one of its slots: Linux's
 * words for one that does not (a corrupted pte, a double free), from @who
 */
static struct swap_info_struct *swap_info_lock(swp_entry_t entry, const char *who)
{
	struct swap_info_struct *si;

	if (!entry.val)
		return NULL;
	if (!(si = swp_swap_info(entry))) {
		pr_err("%s: Bad swap file entry %08lx\n", who, entry.val);
		return NULL;
	}
	spin_lock(&si->lock); /* swapoff changes both under it */
	if (!(si->flags & SWP_USED)) {
		spin_unlock(&si->lock);
		pr_err("%s: Unused swap file entry %08lx\n", who, entry.val);
		return NULL;
	}
	if (swp_offset(entry) >= si->max) {
		spin_unlock(&si->lock);
		pr_err("%s: Bad swap offset entry %08lx\n", who, entry.val);
		return NULL;
	}
	return si;
}

/**
 * swap_info_get() - the area of a swap entry, locked, if the entry is a live one
 * @entry: the entry (from a pte, or a page's ->private)
 *
 * mm/swapfile.c: swap_info_get() @ v3.14, its messages Linux's: an entry
 * naming no area, an offset past it, or a slot no pte or page holds is
 * a corrupted pte (or a double free): said, and nothing is changed.
 *
 * Return: the area with its lock held, or NULL.
 */
struct swap_info_struct *swap_info_get(swp_entry_t entry)
{
	struct swap_info_struct *si = swap_info_lock(entry, "swap_free");
	unsigned short count;

	if (!si)
		return NULL;
	count = si->swap_map[swp_offset(entry)];
	if (!count || count == SWAP_MAP_BAD) {
		spin_unlock(&si->lock);
		pr_err("swap_free: Unused swap offset entry %08lx\n", entry.val);
		return NULL;
	}
	return si;
}

/**
 * swap_entry_free() - one holder of a slot fewer
 * @si: the slot's area, its lock held (swap_info_get())
 * @offset: the slot
 * @usage: 1: a pte that named it does not; SWAP_HAS_CACHE: its page left the cache
 *
 * mm/swapfile.c: swap_entry_free() @ v3.14: with neither left the slot is free.
 *
 * Return: what is left of its swap_map count.
 */
unsigned short swap_entry_free(struct swap_info_struct *si, unsigned long offset,
			       unsigned short usage)
{
	unsigned short count = si->swap_map[offset];
	unsigned short has_cache = count & SWAP_HAS_CACHE;

	count &= (unsigned short)~SWAP_HAS_CACHE;
	if (usage == SWAP_HAS_CACHE)
		has_cache = 0;
	else if (count)
		count--;
	usage = count | has_cache;
	si->swap_map[offset] = usage;
	if (!usage) {
		if (offset < si->lowest_bit)
			si->lowest_bit = (unsigned int)offset;
		if (offset > si->highest_bit)
			si->highest_bit = (unsigned int)offset;
		si->inuse_pages--;
		__atomic_add_fetch(&nr_swap_pages, 1, __ATOMIC_RELAXED);
	}
	return usage;
}

/**
 * swap_free() - a pte that named a slot does not any more
 * @entry: the slot's entry
 *
 * mm/swapfile.c: swap_free() @ v3.14.
 */
void swap_free(swp_entry_t entry)
{
	struct swap_info_struct *si = swap_info_get(entry);

	if (si) {
		swap_entry_free(si, swp_offset(entry), 1);
		spin_unlock(&si->lock);
	}
}

/**
 * swapcache_free() - the slot's page has left the swap cache
 * @entry: the slot's entry
 *
 * mm/swapfile.c: swapcache_free() @ v3.14.
 */
void swapcache_free(swp_entry_t entry)
{
	struct swap_info_struct *si = swap_info_get(entry);

	if (si) {
		swap_entry_free(si, swp_offset(entry), SWAP_HAS_CACHE);
		spin_unlock(&si->lock);
	}
}

/*
 * mm/swapfile.c: __swap_duplicate() @ v3.14: one more pte names the slot
 * (@usage 1: fork, try_to_unmap()), or a page is to hold its bytes
 * (SWAP_HAS_CACHE: a swap-in starting).  0, -EEXIST (a page holds them
 * already), -ENOENT (nobody names the slot: the pte changed under us),
 * -ENOMEM (SWAP_MAP_MAX ptes), -EINVAL (not a live entry: said).
 */
static int __swap_duplicate(swp_entry_t entry, unsigned short usage)
{
	struct swap_info_struct *si = swap_info_lock(entry, "swap_dup");
	unsigned long offset = swp_offset(entry);
	unsigned short count, has_cache;
	int err = 0;

	if (!si)
		return -EINVAL;
	if (si->swap_map[offset] == SWAP_MAP_BAD) {
		spin_unlock(&si->lock);
		pr_err("swap_dup: Bad swap offset entry %08lx\n", entry.val);
		return -EINVAL;
	}
	count = si->swap_map[offset] & (unsigned short)~SWAP_HAS_CACHE;
	has_cache = si->swap_map[offset] & SWAP_HAS_CACHE;
	if (usage == SWAP_HAS_CACHE) {
		if (has_cache)
			err = -EEXIST;
		else if (!count)
			err = -ENOENT;
		else
			has_cache = SWAP_HAS_CACHE;
	} else if (!count && !has_cache) {
		err = -ENOENT;
	} else if (count >= SWAP_MAP_MAX) {
		err = -ENOMEM;
	} else {
		count++;
	}
	si->swap_map[offset] = count | has_cache;
	spin_unlock(&si->lock);
	return err;
}

/**
 * swap_duplicate() - one more pte names a slot
 * @entry: the slot's entry
 *
 * mm/swapfile.c: swap_duplicate() @ v3.14 (a9mm's counts do not overflow
 * into continuation pages: SWAP_MAP_MAX is the limit).
 *
 * Return: 0, -ENOMEM at SWAP_MAP_MAX, -ENOENT for a free slot, -EINVAL
 * for an entry no slot has.
 */
int swap_duplicate(swp_entry_t entry)
{
	return __swap_duplicate(entry, 1);
}

/**
 * swapcache_prepare() - claim a slot's SWAP_HAS_CACHE for a page about to read it
 * @entry: the slot's entry
 *
 * mm/swapfile.c: swapcache_prepare() @ v3.14.
 *
 * Return: 0; -EEXIST if another page holds the slot already; -ENOENT if
 * no pte names it any more.
 */
int swapcache_prepare(swp_entry_t entry)
{
	return __swap_duplicate(entry, SWAP_HAS_CACHE);
}

/**
 * swap_count() - how many ptes name a slot
 * @entry: the slot's entry
 *
 * mm/swapfile.c: swap_count() over __swap_count() @ v3.14.
 *
 * Return: the count, SWAP_HAS_CACHE left out; 0 for an entry no slot has.
 */
unsigned int swap_count(swp_entry_t entry)
{
	struct swap_info_struct *si = swap_info_get(entry);
	unsigned int count;

	if (!si)
		return 0;
	count = si->swap_map[swp_offset(entry)] & ~SWAP_HAS_CACHE;
	spin_unlock(&si->lock);
	return count;
}

/**
 * si_swapinfo() - free and usable slots over every area, for /proc/meminfo
 * @freeswap: set to the free ones
 * @totalswap: set to the usable ones
 *
 * mm/swapfile.c: si_swapinfo() @ v3.14.
 */
void si_swapinfo(unsigned long *freeswap, unsigned long *totalswap)
{
	long free = get_nr_swap_pages();

	spin_lock(&swap_lock);
	*totalswap = (unsigned long)total_swap_pages;
	spin_unlock(&swap_lock);
	*freeswap = free < 0 ? 0 : (unsigned long)free;
}
