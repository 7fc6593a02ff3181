// SPDX-License-Identifier: GPL-2.0
/*
 * mm/swapfile.c @ v5.4, the half of swapoff(2) that walks page tables:
 * SYSCALL_DEFINE1(swapoff) and try_to_unuse().  The slots' half is in
 * mm/swapfile.c (host-built), swapon in mm/swapon.c.
 *
 * An area can go only when no slot of it is in use, so every page it
 * holds comes back to RAM first:
 *
 *   1. swap_info_deactivate()   no slot is handed out from it any more
 *   2. try_to_unuse()           every mm on init_mm.mmlist (those that ever
 *                               had a swap entry) walked once (unuse_mm_swap()):
 *                               each pte that names a slot of the area gets
 *                               the slot's page -- the swap cache's, or read
 *                               from the device -- mapped instead, as a fault
 *                               would map it (unuse_pte()); then the pages the
 *                               swap cache still holds for no pte leave it
 *   3. swap_info_invalidate()   get_swap_device() refuses the area; the pins
 *                               taken before (a fault that read its pte
 *                               before step 2 changed it) are waited for
 *   4. swap_info_remove()       the map and the cache are freed
 *
 * Linux 3.14's try_to_unuse() went slot by slot and walked every mm for
 * each; v5.1 walks each mm once and reads in what it finds, which is what
 * a9mm does.  Without memory for the pages, or on a read error, the area
 * is put back as it was (reinsert_swap_info()) and swapoff fails.
 */
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/oom.h>
#include <linux/page-flags.h>
#include <linux/rmap.h>
#include <linux/sched.h>
#include <linux/swap.h>
#include <linux/blkdev.h>
#include <linux/vmalloc.h>
#include <asm/pgtable.h>

/*
 * Passes in a row that free no slot -- a tick apart, for an exiting mm to
 * finish freeing its slots -- before swapoff gives up on slots that stay
 * in use (Linux retries until a signal comes: a9mm's shell has none).
 */
#define UNUSE_IDLE_PASSES 100

/*
 * mm/swapfile.c: unuse_pte() @ v5.4: under the page table lock, if the pte
 * still names the slot, @page (locked, the slot's, in the swap cache)
 * takes its place, read-only and old as Linux maps it -- a write then
 * reuses or copies it (do_wp_page()) -- and the slot loses the pte.  The
 * pte was not present: no TLB entry to flush.  Returns whether it did.
 */
static bool unuse_pte(struct vm_area_struct *vma, pmd_t *pmd, unsigned long addr, swp_entry_t entry,
		      struct page *page)
{
	struct mm_struct *mm = vma->vm_mm;
	pte_t *pte = pte_offset_kernel(pmd, addr);
	bool done = false;

	spin_lock(&mm->page_table_lock);
	if (*pte == swp_entry_to_pte(entry)) {
		add_mm_counter(mm, MM_SWAPENTS, -1);
		add_mm_counter(mm, MM_ANONPAGES, 1);
		get_page(page);
		if (!PageAnon(page)) /* read from the device */
			__page_set_anon_rmap(page, vma, addr);
		page_add_anon_rmap(page);
		set_pte_at(mm, addr, pte,
			   pte_mkold(pte_wrprotect(pfn_pte(page_to_pfn(page), vma->vm_page_prot))));
		swap_free(entry);
		done = true;
	}
	spin_unlock(&mm->page_table_lock);
	return done;
}

/* what swapoff did, for the shell: ptes given their pages back, pages read for them */
struct unuse_count {
	unsigned long ptes, reads;
};

/*
 * Room for one more page brought back: free memory above the zones' high
 * watermarks.  a9mm's: with the area closed, reclaim cannot swap out to
 * it, so swapoff leaves the rest to the running processes and gives up
 * (-ENOMEM) instead of taking the reserves (Linux's swapoff allocates as
 * a fault does, and its reclaim and OOM killer deal with the rest).
 */
static bool unuse_has_room(void)
{
	unsigned long free = 0, high = 0;
	struct zone *zone;

	for_each_zone(zone) {
		free += zone_page_state(zone, NR_FREE_PAGES);
		high += high_wmark_pages(zone);
	}
	return free > high;
}

/*
 * mm/swapfile.c: unuse_pte_range() @ v5.4: each pte of [@addr, @end) that
 * names a slot of area @type gets the slot's page back -- the swap
 * cache's, else read (counted as a fault counts a major one: the cache
 * had no page) while there is room (unuse_has_room()).  The ptes are
 * read without the lock (a word each) and checked again under it.  0, or
 * the error that stops swapoff: -ENOMEM, -EIO, or -EINTR (the OOM killer
 * told swapoff to give up).
 */
static int unuse_pte_range(struct vm_area_struct *vma, pmd_t *pmd, unsigned long addr,
			   unsigned long end, unsigned int type, struct unuse_count *count)
{
	const pte_t *pte = pte_offset_kernel(pmd, addr);

	for (; addr < end; addr += PAGE_SIZE, pte++) {
		pte_t ptent = READ_ONCE(*pte);
		swp_entry_t entry;
		struct page *page;

		if (oom_origin_killed())
			return -EINTR;
		if (pte_none(ptent) || pte_present(ptent))
			continue;
		entry = pte_to_swp_entry(ptent);
		if (non_swap_entry(entry) || swp_type(entry) != type)
			continue;
		page = lookup_swap_cache(entry);
		if (!page) {
			if (!unuse_has_room())
				return -ENOMEM;
			page = read_swap_cache_async(entry);
			if (page && !IS_ERR(page))
				count->reads++;
		}
		if (!page) /* no pte names the slot any more: ours changed */
			continue;
		if (IS_ERR(page)) {
			if (PTR_ERR(page) == -ENOMEM || PTR_ERR(page) == -EIO)
				return (int)PTR_ERR(page);
			continue; /* -EEXIST, -EINVAL (said): the next pass looks again */
		}
		lock_page(page);
		if (PageSwapCache(page) && page->private == entry.val &&
		    unuse_pte(vma, pmd, addr, entry, page))
			count->ptes++;
		try_to_free_swap(page); /* no pte names the slot: the cache lets go */
		unlock_page(page);
		put_page(page);
	}
	return 0;
}

/*
 * mm/swapfile.c: unuse_vma() + unuse_mm() @ v5.4 (the name unuse_mm() is
 * mm/mmu_context.c's here, as in Linux outside swapfile.c): every VMA of
 * @mm with anonymous pages, pmd by pmd, under mmap_sem for reading (the
 * page tables stay; faults may run alongside: unuse_pte() looks again).
 */
static int unuse_mm_swap(struct mm_struct *mm, unsigned int type, struct unuse_count *count)
{
	int err = 0;

	down_read(&mm->mmap_sem);
	for (struct vm_area_struct *vma = mm->mmap; vma && !err; vma = vma->vm_next) {
		if (!vma->anon_vma)
			continue;
		for (unsigned long addr = vma->vm_start, next; addr < vma->vm_end && !err;
		     addr = next) {
			pmd_t *pmd = mm_find_pmd(mm, addr);

			next = (addr + PGDIR_SIZE) & PGDIR_MASK;
			if (!next || next > vma->vm_end)
				next = vma->vm_end;
			if (pmd)
				err = unuse_pte_range(vma, pmd, addr, next, type, count);
		}
	}
	up_read(&mm->mmap_sem);
	return err;
}

/*
 * The swap cache's pages of @si that no pte names -- a fault or reclaim
 * left them, or unuse_pte_range() just mapped them -- leave it: the
 * second loop of try_to_unuse() @ v5.4.
 */
static void unuse_swap_cache(struct swap_info_struct *si)
{
	for (unsigned int offset = 1; READ_ONCE(si->inuse_pages) && offset < si->max; offset++) {
		swp_entry_t entry = swp_entry(si->type, offset);
		struct page *page;

		if (!(READ_ONCE(si->swap_map[offset]) & SWAP_HAS_CACHE))
			continue;
		page = lookup_swap_cache(entry);
		if (!page)
			continue;
		lock_page(page);
		if (PageSwapCache(page) && page->private == entry.val)
			try_to_free_swap(page);
		unlock_page(page);
		put_page(page);
	}
}

/*
 * mm/swapfile.c: try_to_unuse() @ v5.4: every mm that may name a slot of
 * @si (init_mm.mmlist), each held by a user reference while it is walked
 * without mmlist_lock, then the swap cache; again while a slot is still
 * in use -- reclaim may have given one a pte after its mm was walked, an
 * exiting mm frees its own -- until UNUSE_IDLE_PASSES in a row free none.
 * 0, -ENOMEM, -EIO, -EINTR (the OOM killer chose swapoff), or -EBUSY
 * (slots stayed in use; sys_swapoff() says so).
 */
static int try_to_unuse(struct swap_info_struct *si, struct unuse_count *count)
{
	for (int idle = 0; idle < UNUSE_IDLE_PASSES;) {
		unsigned int before = READ_ONCE(si->inuse_pages);
		struct mm_struct *prev = NULL;
		struct list_head *p = &init_mm.mmlist;
		int err = 0;

		spin_lock(&mmlist_lock);
		while (READ_ONCE(si->inuse_pages) && (p = p->next) != &init_mm.mmlist) {
			struct mm_struct *mm = list_entry(p, struct mm_struct, mmlist);

			if (!mmget_not_zero(mm)) /* exiting: its slots go with it */
				continue;
			spin_unlock(&mmlist_lock);
			if (prev)
				mmput(prev); /* mm keeps our place on the list meanwhile */
			prev = mm;
			err = unuse_mm_swap(mm, (unsigned int)si->type, count);
			schedule();
			spin_lock(&mmlist_lock);
			if (err)
				break;
		}
		spin_unlock(&mmlist_lock);
		if (prev)
			mmput(prev);
		if (err)
			return err;
		unuse_swap_cache(si);
		if (!READ_ONCE(si->inuse_pages))
			return 0;
		if (oom_origin_killed())
			return -EINTR;
		if (READ_ONCE(si->inuse_pages) < before)
			idle = 0;
		else if (++idle < UNUSE_IDLE_PASSES)
			schedule_timeout_uninterruptible(1);
	}
	return -EBUSY;
}

/**
 * sys_swapoff() - stop swapping to a block device
 * @specialfile: the device's name ("mmcblk0", or "/dev/mmcblk0")
 * @ptes: set to how many ptes got their pages back
 * @reads: set to how many of those pages were read from the device
 *
 * mm/swapfile.c: SYSCALL_DEFINE1(swapoff) @ v5.4 (see the top).  a9mm's
 * adds @ptes and @reads for the shell (a page a fault brought back
 * meanwhile is in neither).
 *
 * While it runs, the OOM killer chooses it first (set_current_oom_origin()):
 * a process that runs out of memory because swapoff brought pages back
 * makes swapoff give up, as Linux kills swapoff(8), instead of dying.
 *
 * Return: 0; -ENOENT (no such device), -EINVAL (not swapped to), -EBUSY
 * (another swapoff of it is under way, or slots stayed in use: said),
 * -ENOMEM, -EIO or -EINTR (the pages could not all come back, or the OOM
 * killer chose swapoff: the area is open again as it was).
 */
int sys_swapoff(const char *specialfile, unsigned long *ptes, unsigned long *reads)
{
	struct unuse_count count = { 0, 0 };
	struct block_device *bdev;
	struct swap_info_struct *si;
	unsigned short *map;
	struct page **cache;
	int err;

	*ptes = *reads = 0;
	bdev = blkdev_get_by_name(specialfile);
	if (!bdev)
		return -ENOENT;
	si = find_swap_info(bdev);
	if (!si)
		return -EINVAL;
	if (!swap_info_deactivate(si))
		return -EBUSY;
	set_current_oom_origin(); /* the memory that runs out now is ours */
	do {
		err = try_to_unuse(si, &count);
		*ptes = count.ptes;
		*reads = count.reads;
	} while (!err &&
		 !swap_info_invalidate(si)); /* a slot taken meanwhile: cannot be, but look */
	clear_current_oom_origin();
	if (err) {
		pr_err("swapoff: %s: %s: %u pages stay on it\n", si->name,
		       err == -ENOMEM  ? "no room in RAM for the rest"
		       : err == -EINTR ? "the OOM killer chose swapoff"
		       : err == -EIO   ? "a page could not be read back"
				       : "slots stayed in use",
		       READ_ONCE(si->inuse_pages));
		reinsert_swap_info(si);
		return err;
	}
	while (READ_ONCE(si->users)) /* faults that pinned it before: they end quickly */
		schedule();
	map = si->swap_map;
	cache = si->swap_cache;
	swap_info_remove(si);
	/*
	 * blkdev_put() -> kill_bdev() @ v4.14: what read() cached while swap
	 * wrote the device behind the cache is stale; the next read reads it
	 */
	kill_bdev(bdev);
	vfree(cache);
	vfree(map);
	return 0;
}
