/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_CMDLINE_H
#define _LINUX_CMDLINE_H

/*
 * The command-line helpers of lib/cmdline.c (next_arg() and parameq() of
 * kernel/params.c, memparse() of lib/cmdline.c, kstrtoul() of
 * lib/kstrtox.c, all @ v4.14); COMMAND_LINE_SIZE as ARM Linux's.
 */
#include <linux/types.h>

#define COMMAND_LINE_SIZE 1024

char *next_arg(char *args, char **param, char **val);
bool parameq(const char *a, const char *b);
unsigned long long memparse(const char *ptr, char **retptr);
int kstrtoul(const char *s, unsigned int base, unsigned long *res);

#endif
