// SPDX-License-Identifier: GPL-2.0
/*
 * drivers/char/mem.c @ v4.14: /dev/null, the one memory device a9mm has
 * -- where `dd of=/dev/null` sends what it read from a disk: reads give
 * end of file, writes take every byte and keep none.
 */
#include <linux/blkdev.h>
#include <linux/fs.h>
#include <linux/kernel.h>

/* drivers/char/mem.c: read_null() @ v4.14 */
static ssize_t read_null(struct file *file, char *buf, size_t len, loff_t *pos)
{
	(void)file, (void)buf, (void)len, (void)pos;
	return 0;
}

/* drivers/char/mem.c: write_null() @ v4.14 */
static ssize_t write_null(struct file *file, const char *buf, size_t len, loff_t *pos)
{
	(void)file, (void)buf, (void)pos;
	return (ssize_t)len;
}

/* drivers/char/mem.c: null_lseek() @ v4.14: every position is 0 */
static loff_t null_lseek(struct file *file, loff_t offset, int whence)
{
	(void)offset, (void)whence;
	return file->f_pos = 0;
}

/* drivers/char/mem.c: null_fops @ v4.14 */
const struct file_operations null_fops = {
	.llseek = null_lseek,
	.read = read_null,
	.write = write_null,
};

/**
 * chr_dev_init() - /dev/null
 *
 * drivers/char/mem.c: chr_dev_init() @ v4.14 (an fs_initcall): the
 * memory devices registered, devtmpfs making their nodes; a9mm's runs
 * once the rootfs is unpacked.
 */
void chr_dev_init(void)
{
	if (devtmpfs_create_node("null", S_IFCHR | 0666, MKDEV(MEM_MAJOR, 3)))
		pr_warn("mem: no /dev/null\n");
}
