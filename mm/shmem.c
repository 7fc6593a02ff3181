// SPDX-License-Identifier: GPL-2.0
/*
 * mm/shmem.c @ v4.14, the part MAP_SHARED | MAP_ANONYMOUS needs: the
 * memory is an unnamed RAM file ("/dev/zero (deleted)" in maps), so a
 * fork()ed child and its parent map the same pages through its page
 * cache, as two processes mapping one file do.
 */
#include <linux/errno.h>
#include <linux/fcntl.h>
#include <linux/file.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/slab.h>

/* mm/shmem.c: shmem_evict_inode() @ v4.14: the last mapping went; the pages and the file go */
static int shmem_release(struct file *file)
{
	struct inode *inode = file->f_inode;
	struct address_space *m = &inode->i_data;
	unsigned long i;

	for (i = 0; i < m->nr_slots; i++) {
		struct page *page = m->pages[i];

		if (page) /* shmem_undo_range() */
			delete_from_page_cache(page);
	}
	kfree(m->pages);
	kfree(inode);
	return 0;
}

static const struct file_operations shmem_file_operations = {
	.mmap = generic_file_mmap,
	.release = shmem_release,
};

/**
 * shmem_zero_setup() - back a shared anonymous VMA by an unnamed RAM file
 * @vma: the VMA
 *
 * mm/shmem.c: shmem_zero_setup() -> shmem_file_setup() @ v4.14: the
 * file is as long as the VMA; its pages are made zeroed at first fault.
 *
 * Return: 0, or -ENOMEM.
 */
int shmem_zero_setup(struct vm_area_struct *vma)
{
	struct inode *inode = kzalloc(sizeof(*inode), GFP_KERNEL);
	struct file *file;

	if (!inode)
		return -ENOMEM;
	inode->i_mode = S_IFREG | 0600;
	inode->i_nlink = 0; /* unlinked from the start */
	inode->i_size = (loff_t)(vma->vm_end - vma->vm_start);
	inode->i_data.host = inode;
	inode->i_data.shmem = true;
	file = alloc_file(NULL, O_RDWR, &shmem_file_operations);
	if (!file) {
		kfree(inode);
		return -ENOMEM;
	}
	file->f_inode = inode;
	file->f_mapping = &inode->i_data;
	vma->vm_file = file;
	vma->vm_pgoff = 0;
	return generic_file_mmap(file, vma);
}
