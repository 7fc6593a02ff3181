/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_ERRNO_H
#define _LINUX_ERRNO_H

/*
 * include/uapi/asm-generic/errno-base.h @ v4.14: the error numbers a9mm's
 * functions return, negated, as Linux's do (-ENOMEM, -EINVAL).  Their
 * values are the C library's too, so a host test may include both.
 */
#define EPERM  1  /* Operation not permitted */
#define EIO    5  /* I/O error */
#define ENXIO  6  /* No such device or address */
#define ENOMEM 12 /* Out of memory */
#define EFAULT 14 /* Bad address */
#define EBUSY  16 /* Device or resource busy */
#define EINVAL 22 /* Invalid argument */
#define ERANGE 34 /* Math result not representable */
#define EALREADY \
	114	  /* Operation already in progress (kfree_checked(): the object is already free) */
#define ENOSYS 38 /* Invalid system call number (a CPU that does not come up: boot_secondary()) */

#endif
