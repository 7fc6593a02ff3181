// SPDX-License-Identifier: GPL-2.0
/*
 * fs/open.c + fs/namei.c @ v4.14: open() -- a path to a struct file in
 * the caller's descriptor table -- and close().  Paths are looked up in
 * the rootfs (absolute, or from "/": there is no chdir()), except under
 * /proc (fs/proc/).  The console has no name: the kernel opens it for
 * the first process it starts (console_open_fds()).
 */
#include <linux/blkdev.h>
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/fcntl.h>
#include <linux/file.h>
#include <linux/kernel.h>
#include <linux/proc_fs.h>
#include <linux/sched.h>
#include <linux/uaccess.h>
#include <string.h>

/* why rootfs_create() refused, as an errno */
static int create_errno(const char *why)
{
	if (!strcmp(why, "exists"))
		return -EEXIST;
	if (!strcmp(why, "is a directory"))
		return -EISDIR;
	if (!strcmp(why, "name too long"))
		return -ENAMETOOLONG;
	if (!strcmp(why, "out of memory"))
		return -ENOMEM;
	return -ENOENT;
}

/**
 * filp_open() - open a file by path
 * @path: the path
 * @flags: O_RDONLY/O_WRONLY/O_RDWR, O_CREAT, O_EXCL, O_TRUNC, O_APPEND, O_DIRECTORY, ...
 * @mode: the permissions of a file O_CREAT makes
 *
 * fs/open.c: filp_open() -> do_filp_open() @ v4.14 (path_openat(),
 * do_last(), may_open()), for the rootfs and /proc; a device node under
 * /dev opens its device (do_dentry_open() calls its ->open()).
 *
 * Return: the open file (one reference), or ERR_PTR(-ENOENT, -EEXIST,
 * -EISDIR, -ENOTDIR, -EACCES, -ENAMETOOLONG, -ENOMEM, -ENXIO: a node
 * whose device is not there).
 */
struct file *filp_open(const char *path, int flags, unsigned int mode)
{
	bool write = (flags & O_ACCMODE) != O_RDONLY;
	const struct file_operations *fop;
	struct dentry *d;
	struct file *f;

	if ((flags & O_ACCMODE) == O_ACCMODE)
		return ERR_PTR(-EINVAL);
	if (!strncmp(path, "/proc", 5) && (path[5] == '/' || !path[5]))
		return proc_open(path + 5, flags);
	d = rootfs_lookup(path);
	if (d && S_ISLNK(d->d_inode->i_mode) && !(flags & O_NOFOLLOW) && d->d_inode->i_link)
		d = rootfs_lookup(d->d_inode->i_link); /* one level of symlink */
	if (!d) {
		const char *why = "no such file";

		if (!(flags & O_CREAT))
			return ERR_PTR(-ENOENT);
		d = rootfs_create(path, S_IFREG | (mode & 0777), &why);
		if (!d)
			return ERR_PTR(create_errno(why));
	} else if ((flags & (O_CREAT | O_EXCL)) == (O_CREAT | O_EXCL)) {
		return ERR_PTR(-EEXIST);
	}
	switch (d->d_inode->i_mode & S_IFMT) {
	case S_IFDIR:
		if (write || (flags & O_CREAT))
			return ERR_PTR(-EISDIR);
		fop = &ramfs_dir_operations;
		break;
	case S_IFREG:
		if (flags & O_DIRECTORY)
			return ERR_PTR(-ENOTDIR);
		fop = &ramfs_file_operations;
		break;
	case S_IFBLK: /* def_blk_fops's ->open() finds the disk */
		fop = &def_blk_fops;
		break;
	case S_IFCHR: /* chrdev_open(): the one character device with a node, /dev/null */
		if (d->d_inode->i_rdev != MKDEV(MEM_MAJOR, 3))
			return ERR_PTR(-ENXIO);
		fop = &null_fops;
		break;
	default:
		return ERR_PTR(flags & O_DIRECTORY ? -ENOTDIR : -EACCES);
	}
	if (flags & O_DIRECTORY && !S_ISDIR(d->d_inode->i_mode))
		return ERR_PTR(-ENOTDIR);
	f = alloc_file(d, (unsigned int)flags, fop);
	if (!f)
		return ERR_PTR(-ENOMEM);
	if (fop->open) { /* do_dentry_open() */
		int err = fop->open(d->d_inode, f);

		if (err) {
			fput(f);
			return ERR_PTR(err);
		}
	}
	if (write && (flags & O_TRUNC) && S_ISREG(d->d_inode->i_mode))
		rootfs_truncate(d->d_inode);
	return f;
}

/* fs/open.c: do_sys_open() @ v4.14 after getname(): the file, the lowest free descriptor */
static long do_sys_open_path(const char *path, int flags, unsigned int mode)
{
	struct file *f;
	int fd = get_unused_fd_flags((unsigned int)flags);

	if (fd < 0)
		return fd;
	f = filp_open(path, flags, mode);
	if (IS_ERR(f)) {
		fd_install((unsigned int)fd, NULL);
		return PTR_ERR(f);
	}
	fd_install((unsigned int)fd, f);
	return fd;
}

/* fs/namei.c: getname() @ v4.14: a path from user memory into @path; its length or -errno */
static long getname(unsigned long upath, char *path, size_t size)
{
	long len = strncpy_from_user(path, (const char *)upath, size);

	if (len == -E2BIG)
		return -ENAMETOOLONG;
	if (!len)
		return -ENOENT;
	return len;
}

/*
 * fs/open.c: do_sys_open() @ v4.14: the path from user memory, the file,
 * the lowest free descriptor
 */
static long do_sys_open(unsigned long upath, int flags, unsigned int mode)
{
	char path[256];
	long len = getname(upath, path, sizeof(path));

	return len < 0 ? len : do_sys_open_path(path, flags, mode);
}

/**
 * sys_open() - open a file
 * @path: its path (user memory)
 * @flags: O_*
 * @mode: the permissions if O_CREAT makes it
 *
 * fs/open.c: sys_open() @ v4.14.
 *
 * Return: the new descriptor, or -errno.
 */
long sys_open(unsigned long path, int flags, unsigned int mode)
{
	return do_sys_open(path, flags, mode);
}

/**
 * sys_openat() - open a file relative to a directory descriptor
 * @dfd: AT_FDCWD ("/": a9mm's processes have no chdir()), or a descriptor
 *       open on a rootfs directory (ls -l opens each entry so)
 * @path: the path (user memory)
 * @flags: O_*
 * @mode: the permissions if O_CREAT makes it
 *
 * fs/open.c: sys_openat() @ v4.14 -- what picolibc's open() calls.
 *
 * Return: the new descriptor, or -errno (-EBADF: @dfd is not open,
 * -ENOTDIR: nor on a rootfs directory, for a relative path).
 */
long sys_openat(int dfd, unsigned long path, int flags, unsigned int mode)
{
	char name[256], full[512];
	struct file *dir;
	long len;
	int err;

	if (dfd == AT_FDCWD)
		return do_sys_open(path, flags, mode);
	len = getname(path, name, sizeof(name));
	if (len < 0 || name[0] == '/')
		return len < 0 ? len : do_sys_open_path(name, flags, mode);
	/* path_init(): a relative path starts at the directory @dfd is open on */
	dir = fget((unsigned int)dfd);
	if (!dir)
		return -EBADF;
	err = !dir->f_dentry || !S_ISDIR(dir->f_inode->i_mode)
		      ? -ENOTDIR
		      : dentry_path_raw(dir->f_dentry, full, sizeof(full) - sizeof(name) - 1);
	fput(dir);
	if (err)
		return err;
	strcat(strcmp(full, "/") ? strcat(full, "/") : full, name);
	return do_sys_open_path(full, flags, mode);
}

/**
 * sys_close() - close a descriptor
 * @fd: the descriptor
 *
 * fs/open.c: sys_close() @ v4.14.
 *
 * Return: 0, or -EBADF.
 */
long sys_close(unsigned int fd)
{
	if (!current->files)
		return -EBADF;
	return __close_fd(current->files, fd);
}

/**
 * console_open_fds() - descriptors 0, 1 and 2 on /dev/console
 *
 * init/main.c: kernel_init_freeable()'s sys_open("/dev/console") and two
 * sys_dup(0) @ v4.14: a process the kernel starts (pid 1, the shell's
 * `run`) gets a descriptor table with the console as stdin, stdout and
 * stderr; its children inherit them.
 *
 * Return: 0, or -ENOMEM.
 */
int console_open_fds(void)
{
	struct file *f;
	int i;

	if (!current->files) {
		current->files = alloc_files();
		if (!current->files)
			return -ENOMEM;
	}
	f = alloc_file(NULL, O_RDWR, &console_fops);
	if (!f)
		return -ENOMEM;
	for (i = 0; i < 3; i++) {
		int fd = get_unused_fd_flags(0);

		if (fd < 0)
			break;
		fd_install((unsigned int)fd, i ? get_file(f) : f);
	}
	return 0;
}
