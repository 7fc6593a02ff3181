// SPDX-License-Identifier: GPL-2.0
/*
 * fs/stat.c @ v4.14: fstat64() -- what an open file is, in ARM EABI's
 * struct stat64.  The console is the character device 5:1 (/dev/console);
 * /proc's files are empty-sized regular files, as Linux shows them.
 */
#include <linux/errno.h>
#include <linux/file.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/proc_fs.h>
#include <linux/uaccess.h>
#include <string.h>

/* arch/arm/include/uapi/asm/stat.h: struct stat64 @ v4.14 (EABI: 64-bit fields 8-aligned) */
struct stat64 {
	unsigned long long st_dev;
	unsigned char __pad0[4];
	unsigned long __st_ino;
	unsigned int st_mode;
	unsigned int st_nlink;
	unsigned long st_uid;
	unsigned long st_gid;
	unsigned long long st_rdev;
	unsigned char __pad3[4];
	long long st_size;
	unsigned long st_blksize;
	unsigned long long st_blocks; /* 512-byte blocks */
	unsigned long st_atime, st_atime_nsec;
	unsigned long st_mtime, st_mtime_nsec;
	unsigned long st_ctime, st_ctime_nsec;
	unsigned long long st_ino;
};

/* include/linux/kdev_t.h: new_encode_dev() @ v4.14, for small numbers */
#define DEV(major, minor) (((major) << 8) | (minor))
#define ROOTFS_DEV	  DEV(0, 1)
#define PROC_DEV	  DEV(0, 4)

/**
 * sys_fstat64() - describe an open file
 * @fd: the descriptor
 * @statbuf: user memory for a struct stat64
 *
 * fs/stat.c: sys_fstat64() -> vfs_fstat() + cp_new_stat64() @ v4.14.
 *
 * Return: 0, or -EBADF, -EFAULT.
 */
long sys_fstat64(unsigned int fd, unsigned long statbuf)
{
	struct file *f = fget(fd);
	struct stat64 st;

	BUILD_BUG_ON(sizeof(struct stat64) != 104);
	if (!f)
		return -EBADF;
	memset(&st, 0, sizeof(st));
	st.st_blksize = PAGE_SIZE;
	st.st_nlink = 1;
	if (f->f_op == &console_fops) {
		st.st_mode = S_IFCHR | 0600;
		st.st_rdev = DEV(5, 1);
		st.st_dev = ROOTFS_DEV;
	} else if (f->f_inode) {
		const struct inode *inode = f->f_inode;

		st.st_dev = ROOTFS_DEV;
		st.st_ino = st.__st_ino = inode->i_ino;
		st.st_mode = inode->i_mode;
		st.st_nlink = inode->i_nlink;
		st.st_uid = inode->i_uid;
		st.st_gid = inode->i_gid;
		st.st_size = inode->i_size;
		if (S_ISBLK(inode->i_mode) || S_ISCHR(inode->i_mode))
			st.st_rdev = DEV(MAJOR(inode->i_rdev), MINOR(inode->i_rdev));
		st.st_blocks = (unsigned long long)inode->i_data.nrpages * (PAGE_SIZE / 512);
		st.st_atime = st.st_mtime = st.st_ctime = (unsigned long)inode->i_mtime;
	} else {
		st.st_dev = PROC_DEV;
		st.st_ino = st.__st_ino = proc_file_ino(f);
		st.st_mode = f->f_op->iterate ? S_IFDIR | 0555 : S_IFREG | 0444;
	}
	fput(f);
	return copy_to_user((void *)statbuf, &st, sizeof(st)) ? -EFAULT : 0;
}
