// SPDX-License-Identifier: GPL-2.0
/*
 * mm/swap_state.c @ v3.14: the swap cache -- the pages in RAM that hold a
 * swap slot's bytes, found by the slot's entry.
 *
 * A page is in it while it is on its way out (add_to_swap() .. the write
 * .. __remove_mapping()) and on its way in (read_swap_cache_async() ..
 * the last pte that named the slot mapping it again).  It is how two
 * processes that share a swapped-out page (fork) get one page back, not
 * two copies: the second fault finds the first one's page here.
 *
 *   pte: swap entry (type, offset) ---> si->swap_cache[offset] ---> page
 *   page: PG_swapcache, ->private = the entry      (SWAP_HAS_CACHE in swap_map)
 *
 * Linux keeps the pages in a radix tree per area (swapper_spaces[]);
 * a9mm in an array of pointers, one per slot, under the area's lock.  The
 * cache holds one reference to its page.  A page enters and leaves it
 * locked (PG_locked).
 */
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/gfp.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/page-flags.h>
#include <linux/sched.h>
#include <linux/swap.h>

/* the area of a live entry (its slot is held: a pte or SWAP_HAS_CACHE) */
static struct swap_info_struct *swap_info_of(swp_entry_t entry)
{
	return swap_info[swp_type(entry)];
}

/**
 * add_to_swap_cache() - a locked page holds a slot's bytes from now on
 * @page: the page, locked
 * @entry: the slot, its SWAP_HAS_CACHE claimed by the caller
 *
 * mm/swap_state.c: __add_to_swap_cache() @ v3.14.
 *
 * Return: 0, or -EEXIST if a page is there already.
 */
int add_to_swap_cache(struct page *page, swp_entry_t entry)
{
	struct swap_info_struct *si = swap_info_of(entry);
	unsigned long offset = swp_offset(entry);

	spin_lock(&si->lock);
	if (si->swap_cache[offset]) {
		spin_unlock(&si->lock);
		return -EEXIST;
	}
	get_page(page);
	SetPageSwapCache(page);
	page->private = entry.val;
	si->swap_cache[offset] = page;
	total_swapcache_pages++;
	spin_unlock(&si->lock);
	return 0;
}

/* mm/swap_state.c: __delete_from_swap_cache() @ v3.14, with si->lock held */
static void __delete_from_swap_cache(struct swap_info_struct *si, struct page *page)
{
	swp_entry_t entry = { page->private };

	si->swap_cache[swp_offset(entry)] = NULL;
	ClearPageSwapCache(page);
	page->private = 0;
	total_swapcache_pages--;
}

/**
 * delete_from_swap_cache() - a locked page stops holding its slot
 * @page: the page, locked, in the swap cache
 *
 * mm/swap_state.c: delete_from_swap_cache() @ v3.14: SWAP_HAS_CACHE goes
 * (the slot is free if no pte names it) and so does the cache's
 * reference.
 */
void delete_from_swap_cache(struct page *page)
{
	swp_entry_t entry = { page->private };
	struct swap_info_struct *si = swap_info_of(entry);

	spin_lock(&si->lock);
	__delete_from_swap_cache(si, page);
	spin_unlock(&si->lock);
	swapcache_free(entry);
	put_page(page);
}

/**
 * add_to_swap() - give a page about to be swapped out a slot
 * @page: an anonymous page, locked, isolated from the LRU
 *
 * mm/swap_state.c: add_to_swap() @ v3.14: the slot and the swap cache;
 * PG_dirty says its bytes are still to be written.
 *
 * Return: false when every area is full.
 */
bool add_to_swap(struct page *page)
{
	swp_entry_t entry = get_swap_page();

	if (!entry.val)
		return false;
	if (add_to_swap_cache(page, entry)) { /* a fresh slot: cannot be */
		swapcache_free(entry);
		return false;
	}
	SetPageDirty(page);
	return true;
}

/**
 * lookup_swap_cache() - the page that holds a slot's bytes, if one does
 * @entry: the slot (from a pte: checked, it may be garbage)
 *
 * mm/swap_state.c: lookup_swap_cache() @ v3.14.
 *
 * Return: the page, referenced, or NULL.
 */
struct page *lookup_swap_cache(swp_entry_t entry)
{
	struct swap_info_struct *si = swp_swap_info(entry);
	struct page *page;

	if (!si)
		return NULL;
	spin_lock(&si->lock); /* si->max is 0 once swapoff removed the cache */
	page = swp_offset(entry) < si->max ? si->swap_cache[swp_offset(entry)] : NULL;
	if (page)
		get_page(page);
	spin_unlock(&si->lock);
	return page;
}

/**
 * read_swap_cache_async() - the page of a slot: the swap cache's, or read from the device
 * @entry: the slot a pte named
 *
 * mm/swap_state.c: read_swap_cache_async() @ v3.14, the read synchronous:
 * a new page claims the slot's SWAP_HAS_CACHE (swapcache_prepare()),
 * enters the cache locked, goes on the inactive list and is read.
 * Another fault on the same slot meanwhile finds it in the cache and
 * waits for its lock (do_swap_page()); one that claims the slot just
 * before it was added yields and looks again.
 *
 * Return: the page, referenced; NULL when no pte names the slot any more
 * (the caller's pte changed meanwhile: it looks again);
 * ERR_PTR(-ENOMEM), ERR_PTR(-EIO) (the read failed), ERR_PTR(-EINVAL)
 * (not a live entry: said).
 */
struct page *read_swap_cache_async(swp_entry_t entry)
{
	for (;;) {
		struct page *page = lookup_swap_cache(entry), *new;
		int err;

		if (page)
			return page;
		new = alloc_page(GFP_HIGHUSER_MOVABLE);
		if (!new)
			return ERR_PTR(-ENOMEM);
		err = swapcache_prepare(entry);
		if (err == -EEXIST) { /* another task is adding its page: let it */
			put_page(new);
			schedule();
			continue;
		}
		if (err) {
			put_page(new);
			return err == -ENOENT ? NULL : ERR_PTR(err);
		}
		BUG_ON(!trylock_page(new)); /* a new page: nobody else has it */
		SetPageSwapBacked(new);	    /* Linux's __SetPageSwapBacked(): anonymous */
		if (add_to_swap_cache(new, entry)) {
			unlock_page(new);
			swapcache_free(entry);
			put_page(new);
			return ERR_PTR(-EEXIST);
		}
		lru_cache_add(new);
		err = swap_readpage(new);
		if (err) {
			delete_from_swap_cache(new);
			unlock_page(new);
			put_page(new);
			return ERR_PTR(err);
		}
		unlock_page(new);
		return new;
	}
}

/**
 * page_swapcount() - how many ptes name the slot of a swap-cache page
 * @page: the page, in the swap cache, locked
 *
 * mm/swapfile.c: page_swapcount() @ v3.14.
 *
 * Return: that count.
 */
unsigned int page_swapcount(struct page *page)
{
	return swap_count((swp_entry_t){ page->private });
}

/**
 * try_to_free_swap() - give a page's slot back if no pte names it any more
 * @page: the page, locked
 *
 * mm/swapfile.c: try_to_free_swap() @ v3.14.  a9mm calls it whenever a
 * pte stops naming a slot whose page is mapped again, as Linux does when
 * swap is over half full (vm_swap_full()): slots are few, the page's
 * next trip out writes it afresh.
 *
 * Return: true if the page left the swap cache.
 */
bool try_to_free_swap(struct page *page)
{
	if (!PageSwapCache(page) || page_swapcount(page))
		return false;
	delete_from_swap_cache(page);
	return true;
}

/**
 * reuse_swap_page() - may a write fault take this anonymous page for its own
 * @page: the page, locked; mapped by the faulting pte (do_wp_page()), or
 *        about to be, its slot named by that pte (do_swap_page())
 *
 * mm/swapfile.c: reuse_swap_page() @ v3.14: only if the faulting pte is
 * the one mapping the page or naming its slot -- counted together, they
 * are 1.  The page then leaves the swap cache: the copy on the device is
 * about to be stale.
 *
 * Return: true if the page may be written in place.
 */
bool reuse_swap_page(struct page *page)
{
	unsigned int count =
		(unsigned int)(__atomic_load_n(&page->_mapcount, __ATOMIC_RELAXED) + 1);

	if (PageSwapCache(page))
		count += page_swapcount(page);
	if (count != 1)
		return false;
	if (PageSwapCache(page))
		delete_from_swap_cache(page);
	return true;
}

/**
 * free_swap_and_cache() - a pte that named a slot is gone (munmap, exit)
 * @entry: the slot's entry
 *
 * mm/swapfile.c: free_swap_and_cache() @ v3.14: the count drops; when no
 * pte names the slot any more and its page is in the cache and not busy
 * (locked by reclaim or a fault: that one finishes the job), the page
 * leaves the cache -- mapped or not, as Linux does when swap is over half
 * full (vm_swap_full()) -- and the slot is free.  Called under a
 * page_table_lock: it only tries the page lock.
 */
void free_swap_and_cache(swp_entry_t entry)
{
	struct swap_info_struct *si;
	struct page *page = NULL;

	if (non_swap_entry(entry))
		return;
	si = swap_info_get(entry); /* NULL: a bad entry (said) */
	if (!si)
		return;
	if (swap_entry_free(si, swp_offset(entry), 1) == SWAP_HAS_CACHE) {
		page = si->swap_cache[swp_offset(entry)];
		if (page && trylock_page(page))
			get_page(page);
		else
			page = NULL;
	}
	spin_unlock(&si->lock);
	if (!page)
		return;
	try_to_free_swap(page); /* locked since it was found in the slot: still its page */
	unlock_page(page);
	put_page(page);
}

/**
 * __remove_mapping() - a written, unmapped swap-cache page leaves the cache
 * @page: the page, locked, isolated; the caller's reference and the
 *        cache's are to be the only ones
 *
 * mm/vmscan.c: __remove_mapping() @ v3.14: under the area's lock no fault
 * can find the page in the cache, so a count of two means nobody else
 * holds it; then it leaves the cache, and the caller's put_page() frees
 * it.  A page someone still holds, or written to meanwhile, stays.
 *
 * Return: true if it left the cache.
 */
bool __remove_mapping(struct page *page)
{
	swp_entry_t entry = { page->private };
	struct swap_info_struct *si = swap_info_of(entry);

	spin_lock(&si->lock);
	if (page_count(page) != 2 || PageDirty(page) || page_mapped(page)) {
		spin_unlock(&si->lock);
		return false;
	}
	__delete_from_swap_cache(si, page);
	spin_unlock(&si->lock);
	swapcache_free(entry);
	put_page(page); /* the cache's: the caller's is the last */
	return true;
}

/**
 * lock_page() - take a page's lock, waiting for it
 * @page: the page, referenced by the caller
 *
 * include/linux/pagemap.h: lock_page() @ v4.14, which sleeps on the page's
 * wait queue; a9mm yields the CPU until trylock_page() succeeds (the
 * holder -- reclaim writing the page, a fault reading it -- finishes
 * within one page's I/O).  Process context only.
 */
void lock_page(struct page *page)
{
	while (!trylock_page(page))
		schedule();
}
