// SPDX-License-Identifier: GPL-2.0
/*
 * drivers/base/devtmpfs.c @ v4.14, reduced: a device's node appears in
 * /dev when its driver registers it -- /dev/mmcblk0 when the SD card's
 * disk is added, /dev/null at boot.  Linux's devtmpfs is a filesystem of
 * its own, mounted on /dev; a9mm makes the nodes in the rootfs's /dev
 * (made if the initramfs has none), where open() finds them
 * (fs/open.c: a node's i_rdev names its device).
 */
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <string.h>

/**
 * devtmpfs_create_node() - /dev/NAME for a device
 * @name: the node's name in /dev ("mmcblk0")
 * @mode: S_IFBLK or S_IFCHR with permissions
 * @rdev: the device's number, MKDEV(major, minor)
 *
 * drivers/base/devtmpfs.c: devtmpfs_create_node() -> handle_create() @
 * v4.14 (vfs_mknod() in devtmpfs): an existing node of that name is
 * left as it is.
 *
 * Return: 0, or -ENOMEM / -ENAMETOOLONG / -EEXIST (a file that is no
 * device node has the name).
 */
int devtmpfs_create_node(const char *name, unsigned int mode, unsigned int rdev)
{
	char path[NAME_MAX + 6];
	const char *why = "";
	struct dentry *d;

	if (strlen(name) > NAME_MAX)
		return -ENAMETOOLONG;
	if (!rootfs_create("/dev", S_IFDIR | 0755, &why))
		return -ENOMEM;
	snprintf(path, sizeof(path), "/dev/%s", name);
	d = rootfs_create(path, mode, &why);
	if (!d) {
		d = rootfs_lookup(path);
		return d && (d->d_inode->i_mode & S_IFMT) == (mode & S_IFMT) ? 0 : -EEXIST;
	}
	d->d_inode->i_rdev = rdev; /* seen by open() under rootfs_lock, taken after this */
	return 0;
}
