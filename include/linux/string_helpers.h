/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_STRING_HELPERS_H
#define _LINUX_STRING_HELPERS_H

#include <linux/types.h>

/* include/linux/string_helpers.h: enum string_size_units @ v4.14 (binary units only) */
enum string_size_units {
	STRING_UNITS_2, /* 1024 = "KiB", 1048576 = "MiB", ... */
};

/* lib/string_helpers.c */
void string_get_size(u64 size, u64 blk_size, enum string_size_units units, char *buf, int len);

#endif
