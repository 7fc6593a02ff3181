// SPDX-License-Identifier: GPL-2.0
/*
 * mm/filemap.c @ v4.14: mapping a file.  A mapped file's pages are its
 * page-cache pages: a fault asks the file for the page at an offset
 * (filemap_fault()), and mm/memory.c maps it -- read-only and shared
 * with every other mapping and with read()/write(), or, for a private
 * mapping written to, copied first.  Then a block device's page cache,
 * the pages reclaim can drop (below).
 */
#include <linux/errno.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/page-flags.h>
#include <linux/swap.h>
#include <linux/vmstat.h>

/*
 * mm/filemap.c: filemap_fault() @ v4.14: the page at vmf->pgoff, from
 * the cache (a hole gets a new zeroed page), with a reference for the
 * mapping; beyond the end of the file, SIGBUS as Linux gives
 */
static int filemap_fault(struct vm_fault *vmf)
{
	struct file *file = vmf->vma->vm_file;
	struct inode *inode = file->f_inode;
	struct page *page;

	if ((loff_t)vmf->pgoff >= (inode->i_size + PAGE_SIZE - 1) >> PAGE_SHIFT)
		return VM_FAULT_SIGBUS;
	spin_lock(&rootfs_lock);
	page = find_or_create_page(file->f_mapping, vmf->pgoff);
	if (page)
		get_page(page);
	spin_unlock(&rootfs_lock);
	if (!page)
		return VM_FAULT_OOM;
	vmf->page = page;
	return 0;
}

/* mm/filemap.c: generic_file_vm_ops @ v4.14 */
static const struct vm_operations_struct generic_file_vm_ops = {
	.fault = filemap_fault,
};

/**
 * generic_file_mmap() - a file's ->mmap(): its pages come by filemap_fault()
 * @file: the file
 * @vma: the new VMA
 *
 * mm/filemap.c: generic_file_mmap() @ v4.14.
 *
 * Return: 0.
 */
int generic_file_mmap(struct file *file, struct vm_area_struct *vma)
{
	(void)file;
	vma->vm_ops = &generic_file_vm_ops;
	return 0;
}

/*
 * A block device's page cache: the pages of /dev/mmcblk0 read or written
 * through read() and write(), or mapped (fs/block_dev.c), each page holding its
 * bytes at ->index in the device, ->mapping the device's own inode's
 * i_data.  The cache holds one reference to each; the pages sit on the
 * file LRU lists (PG_swapbacked clear), where reclaim finds the oldest
 * and drops them (remove_mapping()): their bytes are on the device.
 *
 *   bd_inode.i_data.pages[]:  [0] -> page   [1] -> NULL   [2] -> page ...
 *                                     |                          |
 *   zone->lruvec:      inactive file list <-> active file list (mark_page_accessed())
 *
 * tree_lock guards pages[] and nrpages: a page is found (with a
 * reference) or taken out (when nobody else holds one) under it, so the
 * two never cross.
 */

/**
 * find_get_page() - the cached page at an index, with a reference
 * @mapping: the cache
 * @index: the page's index in the file or device
 *
 * mm/filemap.c: find_get_page() @ v3.14.
 *
 * Return: the page (put_page() when done), or NULL if it is not cached.
 */
struct page *find_get_page(struct address_space *mapping, unsigned long index)
{
	struct page *page = NULL;

	spin_lock(&mapping->tree_lock);
	if (index < mapping->nr_slots && mapping->pages[index]) {
		page = mapping->pages[index];
		get_page(page);
	}
	spin_unlock(&mapping->tree_lock);
	return page;
}

/**
 * add_to_page_cache_lru() - a page just read into the cache, and onto the inactive file list
 * @page: the page, the caller's (its reference stays the caller's)
 * @mapping: the cache
 * @index: where
 *
 * mm/filemap.c: add_to_page_cache_lru() @ v3.14: the cache takes a
 * reference of its own; NR_FILE_PAGES counts the page.  It starts
 * inactive: only a second touch (mark_page_accessed()) activates it.
 *
 * Return: 0, or -EEXIST when another reader cached the index first (the
 * caller uses that page instead).
 */
int add_to_page_cache_lru(struct page *page, struct address_space *mapping, unsigned long index)
{
	spin_lock(&mapping->tree_lock);
	if (mapping->pages[index]) {
		spin_unlock(&mapping->tree_lock);
		return -EEXIST;
	}
	get_page(page);
	page->mapping = mapping;
	page->index = index;
	mapping->pages[index] = page;
	mapping->nrpages++;
	mod_zone_page_state(page_zone(page), NR_FILE_PAGES, 1);
	spin_unlock(&mapping->tree_lock);
	lru_cache_add(page);
	return 0;
}

/*
 * mm/filemap.c: __delete_from_page_cache() @ v3.14: @page leaves its
 * slot, its mapping and NR_FILE_PAGES; the cache's reference is the
 * caller's to put once tree_lock, held here, is dropped
 */
static void __delete_from_page_cache(struct address_space *mapping, struct page *page)
{
	mapping->pages[page->index] = NULL;
	mapping->nrpages--;
	page->mapping = NULL;
	mod_zone_page_state(page_zone(page), NR_FILE_PAGES, -1);
}

/**
 * remove_mapping() - take a page out of its cache if nobody else holds it
 * @mapping: the cache (NULL: it left it already)
 * @page: the page, with the caller's reference
 *
 * mm/vmscan.c: remove_mapping() -> __remove_mapping() @ v3.14, the page
 * cache's half (__delete_from_page_cache()): under tree_lock no reader
 * can find the page, so a count of two -- the cache's and the caller's --
 * means nobody else holds it; then it leaves the cache and the cache's
 * reference goes.  The caller's put_page() frees it.
 *
 * Return: true if it left the cache (or had left it, and only the caller
 * holds it).
 */
bool remove_mapping(struct address_space *mapping, struct page *page)
{
	if (!mapping)
		return page_count(page) == 1;
	spin_lock(&mapping->tree_lock);
	if (page_count(page) != 2 || mapping->pages[page->index] != page) {
		spin_unlock(&mapping->tree_lock);
		return false;
	}
	__delete_from_page_cache(mapping, page);
	spin_unlock(&mapping->tree_lock);
	put_page(page); /* the cache's */
	return true;
}

/**
 * truncate_inode_pages_range() - take a range's pages out of the cache, held or not
 * @mapping: the cache
 * @lstart: the first byte
 * @lend: the last byte (inclusive; -1: to the end)
 *
 * mm/truncate.c: truncate_inode_pages_range() @ v3.14, for when the
 * device changed behind the cache (swapon's and swapoff's kill_bdev(),
 * the shell's `blk write`): every cached page of the range leaves the
 * cache, so that the next read reads the device.  A page someone holds
 * -- a read() copying from it, a process mapping it -- stays theirs,
 * detached (->mapping NULL), until their last put_page() frees it;
 * reclaim drops one it finds (remove_mapping() of a NULL mapping).  Linux
 * also unmaps it from every process (unmap_mapping_range()); a9mm has no
 * i_mmap walk, so a mapping keeps the old bytes until it is unmapped.
 *
 * Return: the pages taken out.
 */
unsigned long truncate_inode_pages_range(struct address_space *mapping, loff_t lstart, loff_t lend)
{
	unsigned long start = (unsigned long)(lstart >> PAGE_SHIFT), gone = 0;
	unsigned long end = lend < 0 ? ~0UL : (unsigned long)(lend >> PAGE_SHIFT);

	for (unsigned long index = start; index <= end && index < mapping->nr_slots; index++) {
		struct page *page;

		spin_lock(&mapping->tree_lock);
		page = mapping->pages[index];
		if (page)
			__delete_from_page_cache(mapping, page);
		spin_unlock(&mapping->tree_lock);
		if (page) {
			put_page(page); /* the cache's */
			gone++;
		}
	}
	return gone;
}

/**
 * invalidate_mapping_pages() - drop the cached pages of a range that nobody holds
 * @mapping: the cache
 * @start: the first index
 * @end: the last index (inclusive)
 *
 * mm/truncate.c: invalidate_mapping_pages() @ v3.14: each cached page
 * nobody else holds -- not being read, written or reclaimed -- leaves the
 * cache and is freed (a page still on its LRU list comes off it with the
 * last put_page()).  What drop_caches does; a device that changed
 * behind the cache needs truncate_inode_pages_range() instead.
 *
 * Return: the pages dropped.
 */
unsigned long invalidate_mapping_pages(struct address_space *mapping, unsigned long start,
				       unsigned long end)
{
	unsigned long dropped = 0;

	for (unsigned long index = start; index <= end && index < mapping->nr_slots; index++) {
		struct page *page = find_get_page(mapping, index);

		if (!page)
			continue;
		if (trylock_page(page)) {
			dropped += remove_mapping(mapping, page);
			unlock_page(page);
		}
		put_page(page);
	}
	return dropped;
}
