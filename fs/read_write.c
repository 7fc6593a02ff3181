// SPDX-License-Identifier: GPL-2.0
/*
 * fs/read_write.c @ v4.14: read(), write() and lseek() on a descriptor,
 * through its file's operations: a rootfs file's page cache (below), the
 * console (drivers/tty: n_tty_read()/n_tty_write(), reduced), /proc's
 * generated texts (fs/proc/).
 */
#include <linux/console.h>
#include <linux/errno.h>
#include <linux/fcntl.h>
#include <linux/file.h>
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/uaccess.h>
#include <mach/vexpress.h>

#define CHUNK 256 /* bytes copied through the kernel stack at a time */

/* mm/filemap.c: generic_file_read_iter() @ v4.14: from the page cache, @len at most */
static ssize_t ramfs_read(struct file *file, char *ubuf, size_t len, loff_t *pos)
{
	char chunk[CHUNK];
	size_t done = 0;

	while (done < len) {
		ssize_t n = rootfs_read(file->f_inode, chunk, min(len - done, sizeof(chunk)), *pos);
		unsigned long left;

		if (n <= 0)
			break;
		/* a buffer that runs into a bad page: what was copied counts, as Linux's */
		left = copy_to_user(ubuf + done, chunk, (unsigned long)n);
		done += (size_t)n - left;
		*pos += n - (ssize_t)left;
		if (left)
			return done ? (ssize_t)done : -EFAULT;
	}
	return (ssize_t)done;
}

/* mm/filemap.c: generic_file_write_iter() @ v4.14: into the page cache (O_APPEND: at the end) */
static ssize_t ramfs_write(struct file *file, const char *ubuf, size_t len, loff_t *pos)
{
	char chunk[CHUNK];
	size_t done = 0;

	if (file->f_flags & O_APPEND)
		*pos = file->f_inode->i_size;
	/* generic_write_checks(): nothing at or past the largest file, the rest up to it */
	if (*pos >= MAX_LFS_FILESIZE)
		return -EFBIG;
	if ((loff_t)len > MAX_LFS_FILESIZE - *pos)
		len = (size_t)(MAX_LFS_FILESIZE - *pos);
	while (done < len) {
		size_t n = min(len - done, sizeof(chunk));
		size_t left = copy_from_user(chunk, ubuf + done, n);
		ssize_t w;

		if (n > left) {
			w = rootfs_write(file->f_inode, chunk, n - left, *pos);
			if (w < 0)
				return done ? (ssize_t)done : w;
			done += (size_t)w;
			*pos += w;
		}
		if (left)
			return done ? (ssize_t)done : -EFAULT;
	}
	return (ssize_t)done;
}

/**
 * generic_file_llseek_size() - the new offset of an lseek()
 * @file: the open file
 * @offset: lseek()'s offset
 * @whence: SEEK_SET, SEEK_CUR or SEEK_END
 * @maxsize: the largest offset the file may be at
 * @eof: where SEEK_END counts from
 *
 * fs/read_write.c: generic_file_llseek_size() @ v4.14 (without
 * SEEK_DATA/SEEK_HOLE): the one rule every file a9mm has seeks by -- a
 * file of the page cache up to MAX_LFS_FILESIZE, a block device up to its
 * size (fixed_size_llseek()).
 *
 * Return: the new offset, or -EINVAL for another @whence or an offset
 * below 0 or above @maxsize (vfs_setpos()); f_pos is left alone then.
 */
loff_t generic_file_llseek_size(struct file *file, loff_t offset, int whence, loff_t maxsize,
				loff_t eof)
{
	loff_t pos;

	switch (whence) {
	case SEEK_SET:
		pos = offset;
		break;
	case SEEK_CUR:
		pos = file->f_pos + offset;
		break;
	case SEEK_END:
		pos = eof + offset;
		break;
	default:
		return -EINVAL;
	}
	if (pos < 0 || pos > maxsize) /* vfs_setpos() */
		return -EINVAL;
	file->f_pos = pos;
	return pos;
}

/* fs/read_write.c: generic_file_llseek() @ v4.14: SEEK_END is i_size */
static loff_t ramfs_llseek(struct file *file, loff_t offset, int whence)
{
	return generic_file_llseek_size(file, offset, whence, MAX_LFS_FILESIZE,
					file->f_inode->i_size);
}

/* fs/ramfs/file-mmu.c: ramfs_file_operations @ v4.14 */
const struct file_operations ramfs_file_operations = {
	.llseek = ramfs_llseek,
	.read = ramfs_read,
	.write = ramfs_write,
	.mmap = generic_file_mmap,
};

/*
 * drivers/tty/n_tty.c: n_tty_read() @ v4.14, reduced: sleeps for the
 * first byte, then takes what else has arrived, up to @len
 */
static ssize_t console_read(struct file *file, char *ubuf, size_t len, loff_t *pos)
{
	char chunk[64];
	size_t n = 0;
	int c;

	(void)file;
	(void)pos;
	if (!len)
		return 0;
	c = console_getc();
	if (c < 0)
		return c; /* -EINTR: a signal */
	chunk[n++] = (char)c;
	while (n < len && n < sizeof(chunk) && (c = pl011_getc()) >= 0)
		chunk[n++] = (char)c;
	if (copy_to_user(ubuf, chunk, n))
		return -EFAULT;
	return (ssize_t)n;
}

/* drivers/tty/n_tty.c: n_tty_write() @ v4.14: copied in a chunk at a time */
static ssize_t console_write_file(struct file *file, const char *ubuf, size_t len, loff_t *pos)
{
	char chunk[128];
	size_t done = 0;

	(void)file;
	(void)pos;
	while (done < len) {
		size_t n = min(len - done, sizeof(chunk));
		size_t left = copy_from_user(chunk, ubuf + done, n);

		console_write(chunk, n - left);
		done += n - left;
		if (left)
			return done ? (ssize_t)done : -EFAULT;
	}
	return (ssize_t)done;
}

/* drivers/tty/tty_io.c: tty_fops @ v4.14, for /dev/console (no llseek: -ESPIPE) */
const struct file_operations console_fops = {
	.read = console_read,
	.write = console_write_file,
};

/**
 * sys_read() - read from a descriptor
 * @fd: the descriptor
 * @buf: user buffer
 * @count: its size
 *
 * fs/read_write.c: sys_read() -> vfs_read() @ v4.14.
 *
 * Return: the bytes read (0 at the end), or -EBADF, -EFAULT, -EISDIR,
 * -EINVAL, -EINTR.
 */
long sys_read(unsigned int fd, unsigned long buf, size_t count)
{
	struct file *f = fget(fd);
	long ret;

	if (!f)
		return -EBADF;
	if (!(f->f_mode & FMODE_READ))
		ret = -EBADF;
	else if (!f->f_op->read)
		ret = f->f_op->iterate ? -EISDIR : -EINVAL;
	else if ((long)count < 0)
		ret = -EINVAL;
	else
		ret = f->f_op->read(f, (char *)buf, count, &f->f_pos);
	fput(f);
	return ret;
}

/**
 * sys_write() - write to a descriptor
 * @fd: the descriptor
 * @buf: user buffer
 * @count: the bytes
 *
 * fs/read_write.c: sys_write() -> vfs_write() @ v4.14.
 *
 * Return: the bytes written, or -EBADF, -EFAULT, -EINVAL, -ENOMEM.
 */
long sys_write(unsigned int fd, unsigned long buf, size_t count)
{
	struct file *f = fget(fd);
	long ret;

	if (!f)
		return -EBADF;
	if (!(f->f_mode & FMODE_WRITE))
		ret = -EBADF;
	else if (!f->f_op->write || (long)count < 0)
		ret = -EINVAL;
	else
		ret = f->f_op->write(f, (const char *)buf, count, &f->f_pos);
	fput(f);
	return ret;
}

/**
 * sys_lseek() - move a descriptor's file position
 * @fd: the descriptor
 * @offset: the offset
 * @whence: SEEK_SET, SEEK_CUR or SEEK_END
 *
 * fs/read_write.c: sys_lseek() @ v4.14: a position the 32-bit return
 * value cannot hold is -EOVERFLOW -- the file's position has moved all
 * the same, as in Linux (_llseek() reads it whole).
 *
 * Return: the new position, or -EBADF, -EINVAL, -ESPIPE (the console),
 * -EOVERFLOW.
 */
long sys_lseek(unsigned int fd, long offset, unsigned int whence)
{
	struct file *f = fget(fd);
	loff_t res;

	if (!f)
		return -EBADF;
	res = f->f_op->llseek ? f->f_op->llseek(f, offset, (int)whence) : -ESPIPE;
	fput(f);
	if (res != (long)res)
		return -EOVERFLOW;
	return (long)res;
}
