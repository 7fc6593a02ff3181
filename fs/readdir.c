// SPDX-License-Identifier: GPL-2.0
/*
 * fs/readdir.c @ v4.14: getdents64() -- a directory's entries as struct
 * linux_dirent64 records in the caller's buffer, as many as fit, from
 * the file position on (the position counts entries: "." is 0, ".." 1,
 * then the names in order, as fs/libfs.c's dcache_readdir() counts).
 */
#include <linux/errno.h>
#include <linux/file.h>
#include <linux/kernel.h>
#include <linux/proc_fs.h>
#include <linux/uaccess.h>
#include <string.h>

/* include/linux/dirent.h: struct linux_dirent64 @ v4.14 (the name follows, NUL-terminated) */
struct linux_dirent64 {
	u64 d_ino;
	s64 d_off;
	unsigned short d_reclen;
	unsigned char d_type;
	char d_name[];
} __attribute__((packed));

/* fs/readdir.c: struct getdents_callback64 @ v4.14 */
struct getdents_callback64 {
	struct dir_context ctx;
	unsigned long dirent; /* where the next record goes (user memory) */
	unsigned int count;   /* bytes left there */
	int error;
};

/* fs/readdir.c: filldir64() @ v4.14: one record, 8-byte aligned; 1 when it does not fit */
static int filldir64(struct dir_context *ctx, const char *name, int namlen, loff_t offset, u64 ino,
		     unsigned int d_type)
{
	struct getdents_callback64 *buf = (struct getdents_callback64 *)ctx;
	unsigned int reclen =
		(offsetof(struct linux_dirent64, d_name) + (unsigned int)namlen + 1 + 7) & ~7u;
	char rec[offsetof(struct linux_dirent64, d_name) + NAME_MAX + 1 + 8];
	struct linux_dirent64 *d = (struct linux_dirent64 *)rec;

	if (reclen > buf->count) {
		buf->error = -EINVAL; /* "result buffer too small", if nothing fitted */
		return 1;
	}
	memset(rec, 0, reclen);
	d->d_ino = ino;
	d->d_off = offset + 1;
	d->d_reclen = (unsigned short)reclen;
	d->d_type = (unsigned char)d_type;
	memcpy(d->d_name, name, (size_t)namlen);
	if (copy_to_user((void *)buf->dirent, rec, reclen)) {
		buf->error = -EFAULT;
		return 1;
	}
	buf->dirent += reclen;
	buf->count -= reclen;
	return 0;
}

/* include/linux/fs.h: dir_emit() @ v4.14: one entry; false when the caller's buffer is full */
static bool dir_emit(struct dir_context *ctx, const char *name, u64 ino, unsigned int type)
{
	return !ctx->actor(ctx, name, (int)strlen(name), ctx->pos, ino, type);
}

/* the d_type of an inode's mode */
static unsigned int mode_dt(unsigned int mode)
{
	return S_ISDIR(mode)   ? DT_DIR
	       : S_ISREG(mode) ? DT_REG
	       : S_ISLNK(mode) ? DT_LNK
	       : S_ISCHR(mode) ? DT_CHR
	       : S_ISBLK(mode) ? DT_BLK
			       : DT_UNKNOWN;
}

/*
 * fs/libfs.c: dcache_readdir() @ v4.14: ".", "..", then the rootfs
 * directory's names.  Each name is copied out of the tree under
 * rootfs_lock and handed to the caller's buffer after it is dropped, as
 * Linux drops d_lock around dir_emit(): filling the buffer may fault,
 * and the fault of a file mapping takes rootfs_lock (filemap_fault()).
 * The entry is found again by its number each time (directories are a
 * few dozen names; none is ever removed).
 */
static int ramfs_iterate(struct file *file, struct dir_context *ctx)
{
	struct dentry *dir = file->f_dentry, *d;

	if (ctx->pos == 0) {
		if (!dir_emit(ctx, ".", dir->d_inode->i_ino, DT_DIR))
			return 0;
		ctx->pos = 1;
	}
	if (ctx->pos == 1) {
		if (!dir_emit(ctx, "..", dir->d_parent->d_inode->i_ino, DT_DIR))
			return 0;
		ctx->pos = 2;
	}
	for (;;) {
		char name[NAME_MAX + 1];
		unsigned int type = 0;
		bool found = false;
		loff_t i = 2;
		u64 ino = 0;

		spin_lock(&rootfs_lock);
		list_for_each_entry(d, &dir->d_subdirs, d_child) {
			if (i++ < ctx->pos)
				continue;
			memcpy(name, d->d_name, sizeof(name)); /* d_name: NAME_MAX + 1, NUL-ended */
			ino = d->d_inode->i_ino;
			type = mode_dt(d->d_inode->i_mode);
			found = true;
			break;
		}
		spin_unlock(&rootfs_lock);
		if (!found || !dir_emit(ctx, name, ino, type))
			return 0;
		ctx->pos++;
	}
}

/* fs/libfs.c: dcache_dir_lseek() @ v4.14, reduced: SEEK_SET to an entry number */
static loff_t ramfs_dir_llseek(struct file *file, loff_t offset, int whence)
{
	if (whence != 0 || offset < 0)
		return -EINVAL;
	file->f_pos = offset;
	return offset;
}

/* fs/libfs.c: simple_dir_operations @ v4.14 */
const struct file_operations ramfs_dir_operations = {
	.llseek = ramfs_dir_llseek,
	.iterate = ramfs_iterate,
};

/**
 * sys_getdents64() - read directory entries
 * @fd: an open directory
 * @dirent: user buffer for struct linux_dirent64 records
 * @count: its size
 *
 * fs/readdir.c: sys_getdents64() -> iterate_dir() @ v4.14.
 *
 * Return: the bytes filled (0 at the end), or -EBADF, -ENOTDIR, -EFAULT,
 * -EINVAL (the buffer cannot hold the next entry).
 */
long sys_getdents64(unsigned int fd, unsigned long dirent, unsigned int count)
{
	struct getdents_callback64 buf = {
		.ctx.actor = filldir64,
		.dirent = dirent,
		.count = count,
	};
	struct file *f = fget(fd);
	long ret;

	if (!f)
		return -EBADF;
	if (!f->f_op->iterate) {
		fput(f);
		return -ENOTDIR;
	}
	buf.ctx.pos = f->f_pos;
	ret = f->f_op->iterate(f, &buf.ctx);
	f->f_pos = buf.ctx.pos;
	if (!ret)
		ret = count - buf.count;
	if (!ret && buf.error)
		ret = buf.error;
	fput(f);
	return ret;
}

/**
 * proc_dir_emit() - dir_emit() for /proc's directories (fs/proc/)
 * @ctx: the getdents64() context
 * @name: the entry's name
 * @ino: its inode number
 * @dir: a directory (else a regular file)
 *
 * Return: false when the caller's buffer is full.
 */
bool proc_dir_emit(struct dir_context *ctx, const char *name, u64 ino, bool dir)
{
	return dir_emit(ctx, name, ino, dir ? DT_DIR : DT_REG);
}
