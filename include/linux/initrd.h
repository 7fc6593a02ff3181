/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_INITRD_H
#define _LINUX_INITRD_H

/*
 * include/linux/initrd.h @ v4.14: the initramfs the boot loader loaded --
 * found in /chosen (fdt/fdt.c), reserved in memblock (arm_memblock_init()),
 * unpacked into the RAM filesystem by populate_rootfs() and then freed.
 */
#include <linux/types.h>

/* fdt/fdt.c (arch/arm/mm/init.c in Linux): the physical range, size 0 if none */
extern phys_addr_t phys_initrd_start;
extern unsigned long phys_initrd_size;

/* kernel/initramfs.c: its virtual range in lowmem, 0 once freed */
extern unsigned long initrd_start, initrd_end;

void populate_rootfs(void);
const char *unpack_to_rootfs(const char *buf, unsigned long len);

#endif
