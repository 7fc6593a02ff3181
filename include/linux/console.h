/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_CONSOLE_H
#define _LINUX_CONSOLE_H

#include <stddef.h>

/* include/linux/console.h @ v4.14; kernel/printk.c: the console and the log buffer */
void console_write(const char *s, size_t len);
void register_console(void);
void printk_clock_enable(void);
/* drivers/pl011.c: the next input byte, blocking */
int console_getc(void);

#endif
