/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_CMDLINE_H
#define _LINUX_CMDLINE_H

#include <linux/types.h>

#define COMMAND_LINE_SIZE 1024

char *next_arg(char *args, char **param, char **val);
bool parameq(const char *a, const char *b);
unsigned long long memparse(const char *ptr, char **retptr);
int kstrtoul(const char *s, unsigned int base, unsigned long *res);

#endif
