// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/cmd_fs.c: the rootfs from the shell -- `ls` (as `ls -l` prints
 * it, with the page-cache pages each file holds) and the rootfs half of
 * `cat` (rootfs_cat(), kernel/cmd_proc.c has the /proc half).
 */
#include <a9mm/shell.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <string.h>

/* fs/stat.c + coreutils ls: "drwxr-xr-x" */
static void mode_string(unsigned int mode, char *s)
{
	static const char rwx[] = "rwxrwxrwx";
	int i;

	s[0] = S_ISDIR(mode) ? 'd' : S_ISLNK(mode) ? 'l' : '-';
	for (i = 0; i < 9; i++)
		s[1 + i] = (mode & (0400 >> i)) ? rwx[i] : '-';
	s[10] = '\0';
}

static void ls_one(const struct dentry *d)
{
	const struct inode *inode = d->d_inode;
	char mode[11];

	mode_string(inode->i_mode, mode);
	shprintf("%s %2u %4u %4u %8lld %3lu %s%s%s\n", mode, inode->i_nlink, inode->i_uid,
		 inode->i_gid, inode->i_size, S_ISREG(inode->i_mode) ? inode->i_data.nrpages : 0UL,
		 d->d_name, S_ISLNK(inode->i_mode) ? " -> " : "",
		 S_ISLNK(inode->i_mode) ? inode->i_link : "");
}

/* ls [PATH]: a directory's entries, or one file; the 5th column is its page-cache pages */
static int do_ls(int argc, char **argv)
{
	const char *path = argc > 1 ? argv[1] : "/";
	struct dentry *d, *child;

	if (argc > 2)
		return 1;
	d = rootfs_lookup(path);
	if (!d) {
		shprintf("ls: cannot access '%s': No such file or directory\n", path);
		return 0;
	}
	if (!S_ISDIR(d->d_inode->i_mode)) {
		ls_one(d);
		return 0;
	}
	list_for_each_entry(child, &d->d_subdirs, d_child)
		ls_one(child);
	shprintf("rootfs: %lu page-cache pages\n", rootfs_nr_pages());
	return 0;
}
SHELL_CMD("ls", do_ls, "[PATH]",
	  "list a directory of the rootfs (ls -l, plus each file's page-cache pages)",
	  .linux = "fs/readdir.c: iterate_dir() -> dcache_readdir() (ramfs, fs/libfs.c); "
		   "fs/stat.c: vfs_getattr(); the pages: inode->i_mapping->nrpages");

/**
 * rootfs_cat() - print a rootfs file, read through its page cache
 * @path: the file
 *
 * Return: false if there is no such file (the caller says so).
 */
bool rootfs_cat(const char *path)
{
	struct dentry *d = rootfs_lookup(path);
	char buf[257];
	loff_t pos = 0;
	ssize_t n;

	if (!d)
		return false;
	if (S_ISDIR(d->d_inode->i_mode)) {
		shprintf("cat: %s: Is a directory\n", path);
		return true;
	}
	if (S_ISLNK(d->d_inode->i_mode)) {
		shprintf("cat: %s: a symbolic link to %s (not followed)\n", path,
			 d->d_inode->i_link);
		return true;
	}
	while ((n = rootfs_read(d->d_inode, buf, sizeof(buf) - 1, pos)) > 0) {
		buf[n] = '\0';
		shprintf("%s", buf);
		pos += n;
	}
	return true;
}
