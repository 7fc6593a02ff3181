/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_ERR_H
#define _LINUX_ERR_H

/*
 * include/linux/err.h @ v4.14: an errno in a pointer.  The last page of
 * the address space is never a valid pointer, so -4095..-1 cast to a
 * pointer say what went wrong.
 */
#include <linux/types.h>

#define MAX_ERRNO 4095

#define IS_ERR_VALUE(x) ((unsigned long)(x) >= (unsigned long)-MAX_ERRNO)

static inline void *ERR_PTR(long error)
{
	return (void *)error;
}

static inline long PTR_ERR(const void *ptr)
{
	return (long)ptr;
}

static inline bool IS_ERR(const void *ptr)
{
	return IS_ERR_VALUE((unsigned long)ptr);
}

#endif
