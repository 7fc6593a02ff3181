/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_UACCESS_H
#define _LINUX_UACCESS_H

/*
 * include/linux/uaccess.h @ v4.14: the kernel reads and writes a
 * process's memory only through these, which refuse (-EFAULT count)
 * what the process could not touch itself.  a9mm walks the process's
 * page tables for each page (mm/gup.c) instead of letting the MMU fault
 * and fixing the fault up, so a bad pointer is never a kernel fault; a
 * page of a VMA not yet faulted in is faulted in first, as the MMU's
 * fault would have (fixup_user_fault()).
 */
#include <linux/types.h>

/* mm/gup.c: the bytes NOT copied (0: all of them), as Linux's */
unsigned long copy_from_user(void *to, const void *from, unsigned long n);
unsigned long copy_to_user(void *to, const void *from, unsigned long n);
long strncpy_from_user(char *dst, const char *src, long count);

#endif
