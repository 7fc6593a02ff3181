// SPDX-License-Identifier: GPL-2.0
/*
 * fs/ramfs.c: fs/ramfs/inode.c + fs/libfs.c + the page-cache calls of
 * mm/filemap.c @ v4.14, reduced to what the initramfs needs: the rootfs,
 * a tree of directories, regular files and symlinks that lives only in
 * RAM.  A file's bytes are in page-cache pages (linux/fs.h draws them),
 * allocated GFP_HIGHUSER_MOVABLE as ramfs's are -- HighMem welcome, the
 * kernel reaches them through kmap_atomic() -- and counted in the zone's
 * NR_FILE_PAGES (/proc/meminfo's Cached, with shmem's; rootfs_nr_pages()
 * tells the rootfs's apart).  Nothing is ever written back: ramfs pages
 * are never reclaimed.
 *
 * populate_rootfs() makes the tree in init before anything else can
 * look; afterwards processes read and write files, create them and
 * truncate them under rootfs_lock.
 */
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/gfp.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/vmstat.h>
#include <limits.h>
#include <string.h>

static struct dentry *root;
/* the rootfs's one lock: names created, pages added, sizes moved (Linux: i_rwsem, the tree lock) */
DEFINE_SPINLOCK(rootfs_lock);
static unsigned long last_ino;

/* fs/inode.c: new_inode() @ v4.14 */
static struct inode *new_inode(unsigned int mode)
{
	struct inode *inode = kzalloc(sizeof(*inode), GFP_KERNEL);

	if (!inode)
		return NULL;
	inode->i_ino = ++last_ino;
	inode->i_mode = mode;
	inode->i_nlink = 1;
	inode->i_data.host = inode;
	return inode;
}

/* fs/dcache.c: d_alloc() @ v4.14: a name under @parent, sorted in (ls shows them in order) */
static struct dentry *d_alloc(struct dentry *parent, const char *name, size_t len)
{
	struct dentry *d = kzalloc(sizeof(*d), GFP_KERNEL);
	struct dentry *pos;

	if (!d)
		return NULL;
	memcpy(d->d_name, name, len);
	d->d_name[len] = '\0';
	INIT_LIST_HEAD(&d->d_subdirs);
	INIT_LIST_HEAD(&d->d_child);
	d->d_parent = parent ? parent : d;
	if (parent) {
		list_for_each_entry(pos, &parent->d_subdirs, d_child)
			if (strcmp(pos->d_name, d->d_name) > 0)
				break;
		list_add_tail(&d->d_child, &pos->d_child);
	}
	return d;
}

/**
 * rootfs_root() - the root directory, made on first use
 *
 * init/do_mounts.c: init_rootfs() + init_mount_tree() @ v4.14: an empty
 * ramfs is "/".
 *
 * Return: the root dentry, or NULL without memory.
 */
struct dentry *rootfs_root(void)
{
	if (!root) {
		struct dentry *d = d_alloc(NULL, "/", 1);
		struct inode *inode = new_inode(S_IFDIR | 0755);

		if (!d || !inode) {
			kfree(d);
			kfree(inode);
			return NULL;
		}
		d->d_inode = inode;
		inode->i_nlink = 2;
		root = d;
	}
	return root;
}

/* fs/namei.c: lookup_one_len() @ v4.14: @name in directory @dir, or NULL */
static struct dentry *d_lookup(struct dentry *dir, const char *name, size_t len)
{
	struct dentry *d;

	list_for_each_entry(d, &dir->d_subdirs, d_child)
		if (strlen(d->d_name) == len && !memcmp(d->d_name, name, len))
			return d;
	return NULL;
}

/*
 * fs/namei.c: path_lookupat() @ v4.14 without symlinks in the middle: walk
 * @path component by component ("/a/b", "a/b" and "./a/b" alike); with
 * @last, stop before the last one and give it back.
 */
static struct dentry *walk_path(const char *path, const char **last, size_t *last_len)
{
	struct dentry *d = rootfs_root();

	while (d && *path) {
		const char *end;
		size_t len;

		while (*path == '/')
			path++;
		if (!*path)
			break;
		end = strchr(path, '/');
		if (!end)
			end = path + strlen(path);
		len = (size_t)(end - path);
		if (last && !*end) {
			*last = path;
			*last_len = len;
			return d;
		}
		if (len == 1 && path[0] == '.') {
			path = end;
			continue;
		}
		if (len == 2 && path[0] == '.' && path[1] == '.')
			d = d->d_parent;
		else if (!S_ISDIR(d->d_inode->i_mode))
			return NULL;
		else
			d = d_lookup(d, path, len);
		path = end;
	}
	if (last)
		*last = NULL;
	return d;
}

/**
 * dentry_path_raw() - the absolute path of a rootfs dentry
 * @d: the dentry
 * @buf: where the path goes
 * @size: its size
 *
 * fs/dcache.c: dentry_path_raw() @ v4.14: the names from @d up to "/",
 * under rootfs_lock.
 *
 * Return: 0, or -ENAMETOOLONG when it does not fit.
 */
int dentry_path_raw(struct dentry *d, char *buf, size_t size)
{
	size_t pos = size;
	int ret = 0;

	buf[--pos] = '\0';
	spin_lock(&rootfs_lock);
	for (; d->d_parent != d; d = d->d_parent) {
		size_t len = strlen(d->d_name);

		if (len + 1 > pos) {
			ret = -ENAMETOOLONG;
			break;
		}
		pos -= len;
		memcpy(buf + pos, d->d_name, len);
		buf[--pos] = '/';
	}
	spin_unlock(&rootfs_lock);
	if (ret)
		return ret;
	if (pos == size - 1) /* the root itself */
		buf[--pos] = '/';
	memmove(buf, buf + pos, size - pos);
	return 0;
}

/**
 * rootfs_lookup() - the dentry of a path
 * @path: absolute or from "/"
 *
 * Return: the dentry, or NULL if a component is missing.
 */
struct dentry *rootfs_lookup(const char *path)
{
	return walk_path(path, NULL, NULL);
}

static struct dentry *__rootfs_create(const char *path, unsigned int mode, const char **err);

/**
 * rootfs_create() - a new directory, file or symlink
 * @path: its path; the parent directory must exist
 * @mode: S_IFDIR, S_IFREG or S_IFLNK with permissions
 * @err: set to why it failed
 *
 * fs/namei.c: vfs_mkdir()/vfs_create()/vfs_symlink() @ v4.14 on ramfs
 * (ramfs_mknod()).  An existing directory is fine to "create" again (cpio
 * lists "." and parents); anything else that exists is refused.
 *
 * Return: the dentry, or NULL with @err set.
 */
struct dentry *rootfs_create(const char *path, unsigned int mode, const char **err)
{
	struct dentry *d;

	spin_lock(&rootfs_lock);
	d = __rootfs_create(path, mode, err);
	spin_unlock(&rootfs_lock);
	return d;
}

static struct dentry *__rootfs_create(const char *path, unsigned int mode, const char **err)
{
	const char *name;
	size_t len;
	struct dentry *dir = walk_path(path, &name, &len), *d;
	struct inode *inode;

	if (!dir || !S_ISDIR(dir->d_inode->i_mode)) {
		*err = "no such directory";
		return NULL;
	}
	if (!name) /* the path names an existing directory ("." or "/") */
		return S_ISDIR(mode) ? dir : (*err = "is a directory", NULL);
	if (len > NAME_MAX) {
		*err = "name too long";
		return NULL;
	}
	d = d_lookup(dir, name, len);
	if (d) {
		if (S_ISDIR(mode) && S_ISDIR(d->d_inode->i_mode))
			return d;
		*err = "exists";
		return NULL;
	}
	inode = new_inode(mode);
	d = inode ? d_alloc(dir, name, len) : NULL;
	if (!d) {
		kfree(inode);
		*err = "out of memory";
		return NULL;
	}
	d->d_inode = inode;
	if (S_ISDIR(mode)) {
		inode->i_nlink = 2;
		dir->d_inode->i_nlink++;
	}
	return d;
}

/**
 * find_or_create_page() - a page of a file's page cache, made if missing
 * @mapping: the file's pages
 * @index: which page
 *
 * mm/filemap.c: find_or_create_page() @ v4.14: a new one is zeroed (a
 * hole reads as zeros).  The caller holds rootfs_lock.  The cache is a
 * flat array by index (Linux: a radix tree), so a page far into a sparse
 * file costs the array up to it, 4 bytes a page: where kmalloc cannot
 * give that, the page cannot be made.
 *
 * Return: the page (the cache's reference; get_page() to keep it), or
 * NULL without memory.
 */
struct page *find_or_create_page(struct address_space *mapping, unsigned long index)
{
	struct page *page;

	if (index >= mapping->nr_slots) {
		unsigned long n = mapping->nr_slots ? mapping->nr_slots : 4;
		struct page **slots;

		/* the array doubles past @index: its size in bytes must fit an unsigned long */
		if (index >= ULONG_MAX / sizeof(*slots) / 2)
			return NULL;
		while (n <= index)
			n *= 2;
		slots = kzalloc(n * sizeof(*slots), GFP_KERNEL | __GFP_NOWARN);
		if (!slots)
			return NULL;
		if (mapping->pages)
			memcpy(slots, mapping->pages, mapping->nr_slots * sizeof(*slots));
		kfree(mapping->pages);
		mapping->pages = slots;
		mapping->nr_slots = n;
	}
	page = mapping->pages[index];
	if (page)
		return page;
	page = alloc_pages(GFP_HIGHUSER_MOVABLE | __GFP_ZERO, 0);
	if (!page)
		return NULL;
	/* add_to_page_cache_lru(): whose page, where in the file; the cache holds one reference */
	page->mapping = mapping;
	page->index = index;
	mapping->pages[index] = page;
	mapping->nrpages++;
	mod_zone_page_state(page_zone(page), NR_FILE_PAGES, 1);
	if (shmem_mapping(mapping))
		mod_zone_page_state(page_zone(page), NR_SHMEM, 1);
	return page;
}

/**
 * delete_from_page_cache() - a page leaves its file's page cache
 * @page: the page (the cache's reference goes with it)
 *
 * mm/filemap.c: delete_from_page_cache() @ v4.14: find_or_create_page()'s
 * counts undone (NR_FILE_PAGES, and NR_SHMEM for shmem's), the page
 * no longer the file's.  Only shmem's files lose pages (the rootfs keeps
 * its files' until power-off); their caller owns the array slot.
 */
void delete_from_page_cache(struct page *page)
{
	if (shmem_mapping(page->mapping))
		mod_zone_page_state(page_zone(page), NR_SHMEM, -1);
	mod_zone_page_state(page_zone(page), NR_FILE_PAGES, -1);
	page->mapping = NULL;
	put_page(page);
}

/**
 * rootfs_write() - write into a regular file's page cache
 * @inode: the file
 * @buf: the bytes
 * @len: how many
 * @pos: where in the file
 *
 * mm/filemap.c: generic_perform_write() @ v4.14: page by page, each
 * kmap_atomic()ed while it is copied.
 *
 * Return: @len, or -ENOMEM.
 */
ssize_t rootfs_write(struct inode *inode, const void *buf, size_t len, loff_t pos)
{
	size_t done = 0;

	spin_lock(&rootfs_lock);
	while (done < len) {
		unsigned long index = (unsigned long)(pos >> PAGE_SHIFT);
		size_t offset = (size_t)(pos & (PAGE_SIZE - 1));
		size_t n = min(len - done, (size_t)PAGE_SIZE - offset);
		struct page *page = find_or_create_page(&inode->i_data, index);
		char *kaddr;

		if (!page) {
			spin_unlock(&rootfs_lock);
			return -ENOMEM;
		}
		kaddr = kmap_atomic(page);
		memcpy(kaddr + offset, (const char *)buf + done, n);
		kunmap_atomic(kaddr);
		done += n;
		pos += (loff_t)n;
	}
	if (pos > inode->i_size)
		inode->i_size = pos;
	spin_unlock(&rootfs_lock);
	return (ssize_t)len;
}

/**
 * rootfs_truncate() - empty a regular file (open() with O_TRUNC)
 * @inode: the file
 *
 * mm/truncate.c: truncate_inode_pages() @ v4.14, reduced: the size goes
 * to 0 and the cached pages are zeroed, not freed -- a process may have
 * them mapped (Linux would unmap them first).
 */
void rootfs_truncate(struct inode *inode)
{
	struct address_space *m = &inode->i_data;
	unsigned long i;

	spin_lock(&rootfs_lock);
	for (i = 0; i < m->nr_slots; i++) {
		if (m->pages[i]) {
			char *kaddr = kmap_atomic(m->pages[i]);

			memset(kaddr, 0, PAGE_SIZE);
			kunmap_atomic(kaddr);
		}
	}
	inode->i_size = 0;
	spin_unlock(&rootfs_lock);
}

/**
 * rootfs_read() - read a regular file from its page cache
 * @inode: the file
 * @buf: where to
 * @len: at most this many bytes
 * @pos: from where
 *
 * mm/filemap.c: generic_file_buffered_read() @ v4.14: a hole (no page)
 * reads as zeros.  Under rootfs_lock: a write on another CPU may grow
 * the page array (and free the old one) or the size meanwhile.  @buf is
 * kernel memory: nothing here can fault.
 *
 * Return: the bytes read, 0 at the end.
 */
ssize_t rootfs_read(struct inode *inode, void *buf, size_t len, loff_t pos)
{
	size_t done = 0;

	spin_lock(&rootfs_lock);
	if (pos >= inode->i_size)
		len = 0;
	else if ((loff_t)len > inode->i_size - pos)
		len = (size_t)(inode->i_size - pos);
	while (done < len) {
		unsigned long index = (unsigned long)(pos >> PAGE_SHIFT);
		size_t offset = (size_t)(pos & (PAGE_SIZE - 1));
		size_t n = min(len - done, (size_t)PAGE_SIZE - offset);
		struct address_space *m = &inode->i_data;
		struct page *page = index < m->nr_slots ? m->pages[index] : NULL;

		if (page) {
			char *kaddr = kmap_atomic(page);

			memcpy((char *)buf + done, kaddr + offset, n);
			kunmap_atomic(kaddr);
		} else {
			memset((char *)buf + done, 0, n);
		}
		done += n;
		pos += (loff_t)n;
	}
	spin_unlock(&rootfs_lock);
	return (ssize_t)done;
}

/**
 * rootfs_nr_pages() - the page-cache pages the rootfs holds
 *
 * The page cache less shmem's: the rootfs never gives a page back, so
 * what is cached and not shmem's is its.  The two counters are read one
 * after the other: while shmem pages come and go the difference may be a
 * page off for a moment, never below 0.
 *
 * Return: their number (/proc/meminfo's Cached counts them, and shmem's).
 */
unsigned long rootfs_nr_pages(void)
{
	unsigned long shmem = global_page_state(NR_SHMEM), file = global_page_state(NR_FILE_PAGES);

	return file > shmem ? file - shmem : 0;
}
