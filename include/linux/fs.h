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
#include <linux/spinlock.h>
#include <linux/types.h>
#include <asm/atomic.h>
#include <asm/page.h>
#include <sys/types.h>

struct page;

#ifndef A9MM_HOST
typedef long long loff_t; /* the host's <sys/types.h> has its own */
#endif

/*
 * include/linux/fs.h: MAX_LFS_FILESIZE @ v4.14, 32-bit: the page cache's
 * index is an unsigned long, so a file ends below 2^31 pages (8 TiB);
 * ramfs's s_maxbytes.  Seeking past it is -EINVAL, writing at it -EFBIG.
 */
#define MAX_LFS_FILESIZE ((((loff_t)PAGE_SIZE) << 31) - 1)

/* include/uapi/linux/stat.h: the file types a cpio newc header's mode carries */
#define S_IFMT	   00170000
#define S_IFLNK	   0120000
#define S_IFREG	   0100000
#define S_IFDIR	   0040000
#define S_IFBLK	   0060000 /* /dev/mmcblk0 */
#define S_IFCHR	   0020000 /* the console, in fstat(); /dev/null */
#define S_ISBLK(m) (((m)&S_IFMT) == S_IFBLK)
#define S_ISLNK(m) (((m)&S_IFMT) == S_IFLNK)
#define S_ISREG(m) (((m)&S_IFMT) == S_IFREG)
#define S_ISDIR(m) (((m)&S_IFMT) == S_IFDIR)
#define S_ISCHR(m) (((m)&S_IFMT) == S_IFCHR)

#define NAME_MAX 255

/* include/linux/fs.h: struct address_space @ v4.14: a file's page cache (Linux: a radix tree) */
struct address_space {
	struct inode *host;
	struct page **pages;	/* by index: pages[i] holds bytes i * PAGE_SIZE.. */
	unsigned long nr_slots; /* the array's length */
	unsigned long nrpages;	/* pages present */
	bool shmem;		/* shmem's unnamed file (Linux: a_ops == &shmem_aops) */
	/*
	 * a block device's cache (mm/filemap.c) guards pages[] and nrpages
	 * with this (Linux 3.14's mapping->tree_lock); the rootfs's files
	 * with rootfs_lock
	 */
	spinlock_t tree_lock;
};

/* mm/shmem.c: shmem_mapping() @ v4.14: the page cache of a shmem file? */
static inline bool shmem_mapping(const struct address_space *mapping)
{
	return mapping->shmem;
}

/* include/linux/fs.h: struct inode @ v4.14 */
struct inode {
	unsigned long i_ino;
	unsigned int i_mode;
	unsigned int i_uid, i_gid;
	unsigned int i_nlink;
	long i_mtime;
	loff_t i_size;
	struct address_space i_data; /* regular files; a block device's own inode: its cache */
	char *i_link;		     /* symlinks: the target */
	unsigned int i_rdev;	     /* device nodes: MKDEV(major, minor) */
};

/* include/linux/kdev_t.h: the kernel's dev_t, 12 bits of major over 20 of minor */
#define MINORBITS     20
#define MKDEV(ma, mi) (((ma) << MINORBITS) | (mi))
#define MAJOR(dev)    ((dev) >> MINORBITS)
#define MINOR(dev)    ((dev) & ((1U << MINORBITS) - 1))

/* include/linux/dcache.h: struct dentry @ v4.14 */
struct dentry {
	char d_name[NAME_MAX + 1];
	struct inode *d_inode;
	struct dentry *d_parent;
	struct list_head d_child;   /* in the parent's d_subdirs, sorted by name */
	struct list_head d_subdirs; /* a directory's entries */
};

struct file;
struct vm_area_struct;
struct dir_context;

/*
 * include/linux/fs.h: filldir_t, struct dir_context @ v4.14: getdents64()
 * hands a directory's ->iterate() an actor to call for each entry from
 * ctx->pos on; a non-zero return (the user's buffer is full) stops it.
 */
typedef int (*filldir_t)(struct dir_context *ctx, const char *name, int namlen, loff_t offset,
			 u64 ino, unsigned int d_type);
struct dir_context {
	filldir_t actor;
	loff_t pos;
};

/* include/linux/fs.h: DT_* @ v4.14, d_type */
#define DT_UNKNOWN 0
#define DT_CHR	   2
#define DT_DIR	   4
#define DT_BLK	   6
#define DT_REG	   8
#define DT_LNK	   10

/*
 * include/linux/fs.h: struct file_operations @ v4.14, the part a9mm's
 * files have: what read(), write(), lseek(), getdents64() and mmap() of
 * an open file do.  A NULL hook means the call is refused (-EINVAL, or
 * -ENODEV for mmap) as Linux refuses it.
 */
struct file_operations {
	int (*open)(struct inode *inode, struct file *file); /* after alloc_file(): 0 or -errno */
	loff_t (*llseek)(struct file *file, loff_t offset, int whence);
	ssize_t (*read)(struct file *file, char *buf, size_t len, loff_t *pos);
	ssize_t (*write)(struct file *file, const char *buf, size_t len, loff_t *pos);
	int (*iterate)(struct file *file, struct dir_context *ctx); /* getdents64 */
	int (*mmap)(struct file *file, struct vm_area_struct *vma);
	int (*release)(struct file *file);
};

/*
 * include/linux/fs.h: struct file @ v4.14: one open() -- its position and
 * mode -- shared by every descriptor dup()ed or inherited from it
 * (f_count counts them).
 */
struct file {
	const struct file_operations *f_op;
	struct inode *f_inode;
	struct dentry *f_dentry; /* Linux: f_path.dentry */
	struct address_space *f_mapping;
	unsigned int f_flags; /* O_* given to open() */
	unsigned int f_mode;  /* FMODE_READ | FMODE_WRITE */
	atomic_t f_count;     /* descriptors and mappings holding it */
	loff_t f_pos;
	loff_t f_ra_prev_pos; /* Linux's f_ra.prev_pos: where the last read() ended (-1: none) */
	void *private_data;
};

#define FMODE_READ  0x1
#define FMODE_WRITE 0x2

/* fs/read_write.c */
loff_t generic_file_llseek_size(struct file *file, loff_t offset, int whence, loff_t maxsize,
				loff_t eof);

/* fs/ramfs.c */
extern spinlock_t rootfs_lock;
struct dentry *rootfs_root(void);
struct dentry *rootfs_lookup(const char *path);
int dentry_path_raw(struct dentry *d, char *buf, size_t size);
struct dentry *rootfs_create(const char *path, unsigned int mode, const char **err);
ssize_t rootfs_write(struct inode *inode, const void *buf, size_t len, loff_t pos);
ssize_t rootfs_read(struct inode *inode, void *buf, size_t len, loff_t pos);
struct page *find_or_create_page(struct address_space *mapping, unsigned long index);
void delete_from_page_cache(struct page *page);
void rootfs_truncate(struct inode *inode);
unsigned long rootfs_nr_pages(void);

/* mm/filemap.c: a block device's page cache (the file LRU lists' pages) */
struct page *find_get_page(struct address_space *mapping, unsigned long index);
int add_to_page_cache_lru(struct page *page, struct address_space *mapping, unsigned long index);
bool remove_mapping(struct address_space *mapping, struct page *page);
unsigned long truncate_inode_pages_range(struct address_space *mapping, loff_t lstart, loff_t lend);
unsigned long invalidate_mapping_pages(struct address_space *mapping, unsigned long start,
				       unsigned long end);

/* drivers/devtmpfs.c: /dev/NAME, a device node in the rootfs (0, or -errno) */
int devtmpfs_create_node(const char *name, unsigned int mode, unsigned int rdev);
/* drivers/mem.c: /dev/null */
extern const struct file_operations null_fops;
void chr_dev_init(void);

/* kernel/cmd_fs.c: `cat` of a rootfs file; false if there is none */
bool rootfs_cat(const char *path);

#endif
