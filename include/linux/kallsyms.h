/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_KALLSYMS_H
#define _LINUX_KALLSYMS_H

#include <stddef.h>

/*
 * include/linux/kallsyms.h @ v4.14: "name+0x10/0x40" for a code address, what
 * Linux's %pS prints (kernel/kallsyms.c; the tables come from
 * scripts/kallsyms.py at link time).  Unknown addresses print as hex.
 */
int sprint_symbol(char *buffer, size_t size, unsigned long address);

#endif
