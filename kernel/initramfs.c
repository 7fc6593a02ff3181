// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/initramfs.c: init/initramfs.c @ v4.14 -- unpack the boot
 * loader's cpio archive ("newc" format, what `cpio -o -H newc` and
 * Linux's gen_init_cpio write) into the rootfs, then give its memory
 * back.  Each member is a header, a name and the data:
 *
 *   "070701" + 13 fields of 8 hex digits:
 *     ino mode uid gid nlink mtime filesize devmajor devminor
 *     rdevmajor rdevminor namesize check
 *   name (namesize bytes, NUL included), padded to 4 bytes
 *   data (filesize bytes: a file's contents, a symlink's target), padded to 4
 *
 * "TRAILER!!!" ends an archive; archives may follow one another, NUL
 * padding between them.  Compressed archives are not supported.  A
 * broken archive stops the unpacking with Linux's "Initramfs unpacking
 * failed: <why>", what was unpacked stays, and the kernel goes on.
 */
#include <linux/fs.h>
#include <linux/init.h>
#include <linux/initrd.h>
#include <linux/kernel.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <string.h>

unsigned long initrd_start, initrd_end;

#define CPIO_HDR_LEN  110
#define PATH_MAX_CPIO 4096 /* include/uapi/linux/limits.h: PATH_MAX, a name's bound */

/* the header's fields, in order */
enum {
	F_INO,
	F_MODE,
	F_UID,
	F_GID,
	F_NLINK,
	F_MTIME,
	F_FILESIZE,
	F_DEVMAJOR,
	F_DEVMINOR,
	F_RDEVMAJOR,
	F_RDEVMINOR,
	F_NAMESIZE,
	F_CHECK,
	NR_FIELDS
};

static char why[80]; /* the error message, as Linux's error() keeps it */

static bool hex8(const char *s, unsigned long *v)
{
	unsigned long x = 0;
	int i;

	for (i = 0; i < 8; i++) {
		char c = s[i];
		unsigned int d;

		if (c >= '0' && c <= '9')
			d = (unsigned int)(c - '0');
		else if (c >= 'a' && c <= 'f')
			d = (unsigned int)(c - 'a' + 10);
		else if (c >= 'A' && c <= 'F')
			d = (unsigned int)(c - 'A' + 10);
		else
			return false;
		x = x << 4 | d;
	}
	*v = x;
	return true;
}

/* the name as the rootfs takes it: no leading "./" or "/" ("." is the root) */
static const char *member_name(const char *name)
{
	while (name[0] == '.' && name[1] == '/')
		name += 2;
	while (*name == '/')
		name++;
	return strcmp(name, ".") ? name : "";
}

/*
 * init/initramfs.c: do_name() + do_copy() + do_symlink() @ v4.14: create
 * one member.  Hard links (nlink > 1 on a file) are unpacked as separate
 * copies; device nodes and FIFOs are skipped (a9mm has no devices in
 * its filesystem), with a note.
 */
static bool do_member(const char *name, unsigned long *f, const char *data)
{
	unsigned int mode = (unsigned int)f[F_MODE];
	const char *err = NULL;
	struct dentry *d;

	if (!*name) /* "." */
		return true;
	if (!S_ISDIR(mode) && !S_ISREG(mode) && !S_ISLNK(mode)) {
		pr_info("initramfs: %s: mode %o is not a file, directory or symlink: skipped\n",
			name, mode);
		return true;
	}
	d = rootfs_create(name, mode, &err);
	if (!d) {
		snprintf(why, sizeof(why), "%s: %s", name, err);
		return false;
	}
	d->d_inode->i_uid = (unsigned int)f[F_UID];
	d->d_inode->i_gid = (unsigned int)f[F_GID];
	d->d_inode->i_mtime = (long)f[F_MTIME];
	if (S_ISREG(mode) && f[F_FILESIZE] &&
	    rootfs_write(d->d_inode, data, f[F_FILESIZE], 0) < 0) {
		snprintf(why, sizeof(why), "%s: out of memory", name);
		return false;
	}
	if (S_ISLNK(mode)) {
		char *link = kmalloc(f[F_FILESIZE] + 1, GFP_KERNEL);

		if (!link) {
			snprintf(why, sizeof(why), "%s: out of memory", name);
			return false;
		}
		memcpy(link, data, f[F_FILESIZE]);
		link[f[F_FILESIZE]] = '\0';
		d->d_inode->i_link = link;
		d->d_inode->i_size = (loff_t)f[F_FILESIZE];
	}
	return true;
}

/**
 * unpack_to_rootfs() - unpack a newc cpio archive into the rootfs
 * @buf: the archive
 * @len: its length
 *
 * init/initramfs.c: unpack_to_rootfs() @ v4.14 (its state machine as one
 * loop: every length is checked against what is left before it is used).
 *
 * Return: NULL, or why it stopped.
 */
const char *unpack_to_rootfs(const char *buf, unsigned long len)
{
	unsigned long pos = 0;

	while (pos < len) {
		unsigned long f[NR_FIELDS], name_end, data, data_end;
		const char *name;
		int i;

		if (buf[pos] == '\0') { /* padding between archives */
			pos++;
			continue;
		}
		if (len - pos < CPIO_HDR_LEN)
			return "truncated header";
		if (!memcmp(buf + pos, "070707", 6))
			return "incorrect cpio method used: use -H newc option";
		if (memcmp(buf + pos, "070701", 6) && memcmp(buf + pos, "070702", 6))
			return "no cpio magic";
		for (i = 0; i < NR_FIELDS; i++)
			if (!hex8(buf + pos + 6 + 8 * i, &f[i]))
				return "bad header: not hex digits";
		if (f[F_NAMESIZE] == 0 || f[F_NAMESIZE] > PATH_MAX_CPIO)
			return "bad name size";
		name_end = pos + CPIO_HDR_LEN + f[F_NAMESIZE];
		if (name_end > len)
			return "truncated name";
		name = buf + pos + CPIO_HDR_LEN;
		if (name[f[F_NAMESIZE] - 1] != '\0')
			return "name not NUL terminated";
		data = ALIGN(name_end, 4);
		if (f[F_FILESIZE] > len || data > len - f[F_FILESIZE])
			return "truncated file data";
		data_end = data + f[F_FILESIZE];
		if (!strcmp(name, "TRAILER!!!")) {
			pos = ALIGN(data_end, 4);
			continue;
		}
		if (!do_member(member_name(name), f, buf + data))
			return why;
		pos = ALIGN(data_end, 4);
	}
	return NULL;
}

/*
 * init/initramfs.c: free_initrd() -> arch/arm/mm/init.c: free_initrd_mem()
 * @ v4.14: the archive's pages go to the buddy allocator -- whole pages,
 * its first and last rounded out as Linux rounds them, unless something
 * else memblock reserved (QEMU may put the DTB right after the archive)
 * shares that page.
 */
static void free_initrd(void)
{
	phys_addr_t start = __pa(initrd_start), end = __pa(initrd_end);
	phys_addr_t lo = round_down(start, PAGE_SIZE), hi = round_up(end, PAGE_SIZE);

	if (lo < start && memblock_is_region_reserved(lo, start - lo))
		lo += PAGE_SIZE;
	if (hi > end && memblock_is_region_reserved(end, hi - end))
		hi -= PAGE_SIZE;
	if (hi > lo) {
		memblock_free_late(lo, hi - lo); /* memblock's record stays true */
		free_reserved_area(__va(lo), __va(hi), "initrd");
	}
	initrd_start = initrd_end = 0;
}

/**
 * populate_rootfs() - the rootfs, from the initramfs if there is one
 *
 * init/initramfs.c: populate_rootfs() @ v4.14, from kernel_init(): "/"
 * always exists; the initrd is unpacked into it, then freed.
 */
void __init populate_rootfs(void)
{
	const char *err;

	if (!rootfs_root())
		panic("rootfs: no memory for the root directory");
	if (!initrd_start)
		return;
	pr_info("Trying to unpack rootfs image as initramfs...\n");
	err = unpack_to_rootfs((const char *)initrd_start, initrd_end - initrd_start);
	if (err)
		pr_err("Initramfs unpacking failed: %s\n", err);
	free_initrd();
}
