// SPDX-License-Identifier: GPL-2.0
/*
 * fs/file_table.c @ v4.14: struct file, one per open(): made with one
 * reference, shared by dup()ed and inherited descriptors and by the VMAs
 * that map it, freed (after its ->release()) when the last one goes.
 */
#include <linux/fcntl.h>
#include <linux/file.h>
#include <linux/kernel.h>
#include <linux/slab.h>

/**
 * alloc_file() - a new open file
 * @dentry: what is open (NULL for none)
 * @flags: the O_* flags open() was given
 * @fop: what reading, writing, seeking and mapping it do
 *
 * fs/file_table.c: alloc_file() @ v4.14: f_mode from the access mode.
 *
 * Return: the file with one reference, or NULL without memory.
 */
struct file *alloc_file(struct dentry *dentry, unsigned int flags,
			const struct file_operations *fop)
{
	struct file *f = kzalloc(sizeof(*f), GFP_KERNEL);

	if (!f)
		return NULL;
	atomic_set(&f->f_count, 1);
	f->f_op = fop;
	f->f_flags = flags;
	if ((flags & O_ACCMODE) != O_WRONLY)
		f->f_mode |= FMODE_READ;
	if ((flags & O_ACCMODE) != O_RDONLY)
		f->f_mode |= FMODE_WRITE;
	f->f_dentry = dentry;
	if (dentry) {
		f->f_inode = dentry->d_inode;
		f->f_mapping = dentry->d_inode ? &dentry->d_inode->i_data : NULL;
	}
	return f;
}

/**
 * fput() - drop a reference to an open file
 * @file: the file
 *
 * fs/file_table.c: fput() -> __fput() @ v4.14: the last one releases it.
 */
void fput(struct file *file)
{
	if (atomic_dec_and_test(&file->f_count)) {
		if (file->f_op && file->f_op->release)
			file->f_op->release(file);
		kfree(file);
	}
}
