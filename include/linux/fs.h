/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_FS_H
#define _LINUX_FS_H

/*
 * include/linux/fs.h @ v4.14, the part the RAM filesystem (fs/ramfs.c)
 * needs: a name in a directory (struct dentry) for a file (struct inode)
 * whose data is in page-cache pages -- its address_space, the pages in
 * file order, each one's ->mapping and ->index saying whose and where.
 *
 *   dentry "/"  --d_subdirs-->  dentry "bin"  -->  dentry "init"
 *       |                           |                  |
 *     inode (dir)                 inode (dir)        inode (file, 5000 bytes)
 *                                                      i_data.pages[0] -> page (0..4095)
 *                                                      i_data.pages[1] -> page (4096..)
 */
#include <linux/list.h>
#include <linux/types.h>
#include <sys/types.h>

struct page;

typedef long long loff_t;

/* include/uapi/linux/stat.h: the file types a cpio newc header's mode carries */
#define S_IFMT	   00170000
#define S_IFLNK	   0120000
#define S_IFREG	   0100000
#define S_IFDIR	   0040000
#define S_ISLNK(m) (((m)&S_IFMT) == S_IFLNK)
#define S_ISREG(m) (((m)&S_IFMT) == S_IFREG)
#define S_ISDIR(m) (((m)&S_IFMT) == S_IFDIR)

#define NAME_MAX 255

/* include/linux/fs.h: struct address_space @ v4.14: a file's page cache (Linux: a radix tree) */
struct address_space {
	struct inode *host;
	struct page **pages;	/* by index: pages[i] holds bytes i * PAGE_SIZE.. */
	unsigned long nr_slots; /* the array's length */
	unsigned long nrpages;	/* pages present */
};

/* include/linux/fs.h: struct inode @ v4.14 */
struct inode {
	unsigned long i_ino;
	unsigned int i_mode;
	unsigned int i_uid, i_gid;
	unsigned int i_nlink;
	long i_mtime;
	loff_t i_size;
	struct address_space i_data; /* regular files */
	char *i_link;		     /* symlinks: the target */
};

/* include/linux/dcache.h: struct dentry @ v4.14 */
struct dentry {
	char d_name[NAME_MAX + 1];
	struct inode *d_inode;
	struct dentry *d_parent;
	struct list_head d_child;   /* in the parent's d_subdirs, sorted by name */
	struct list_head d_subdirs; /* a directory's entries */
};

/* fs/ramfs.c */
struct dentry *rootfs_root(void);
struct dentry *rootfs_lookup(const char *path);
struct dentry *rootfs_create(const char *path, unsigned int mode, const char **err);
ssize_t rootfs_write(struct inode *inode, const void *buf, size_t len, loff_t pos);
ssize_t rootfs_read(struct inode *inode, void *buf, size_t len, loff_t pos);
unsigned long rootfs_nr_pages(void);

/* kernel/cmd_fs.c: `cat` of a rootfs file; false if there is none */
bool rootfs_cat(const char *path);
/* kernel/cmd_ps.c: `cat /proc/PID/status`; false if there is no such task */
bool proc_pid_status(const char *path);

#endif
