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
/* memparse(): a size with a K/M/G/T/P/E suffix; saturates at ULLONG_MAX */
unsigned long long memparse(const char *ptr, char **retptr);

/*
 * lib/kstrtox.c: the whole string is one number in @base (0: by prefix),
 * one trailing newline allowed.  0 on success; -EINVAL when it is not a
 * number, -ERANGE when it does not fit the type (*res then untouched).
 */
int kstrtoull(const char *s, unsigned int base, unsigned long long *res);
int kstrtoll(const char *s, unsigned int base, long long *res);
int kstrtoul(const char *s, unsigned int base, unsigned long *res);
int kstrtouint(const char *s, unsigned int base, unsigned int *res);
int kstrtoint(const char *s, unsigned int base, int *res);

#endif
