// SPDX-License-Identifier: GPL-2.0
/*
 * mm/filemap.c @ v4.14: mapping a file.  A mapped file's pages are its
 * page-cache pages: a fault asks the file for the page at an offset
 * (filemap_fault()), and mm/memory.c maps it -- read-only and shared
 * with every other mapping and with read()/write(), or, for a private
 * mapping written to, copied first.
 */
#include <linux/errno.h>
#include <linux/file.h>
#include <linux/kernel.h>
#include <linux/mm.h>

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
