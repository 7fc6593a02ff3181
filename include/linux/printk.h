/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_PRINTK_H
#define _LINUX_PRINTK_H

#include <stdarg.h>

/* include/linux/kern_levels.h @ v4.14: a message starts with SOH and a level digit */
#define KERN_SOH     "\001"
#define KERN_EMERG   KERN_SOH "0"
#define KERN_ALERT   KERN_SOH "1"
#define KERN_CRIT    KERN_SOH "2"
#define KERN_ERR     KERN_SOH "3"
#define KERN_WARNING KERN_SOH "4"
#define KERN_NOTICE  KERN_SOH "5"
#define KERN_INFO    KERN_SOH "6"
#define KERN_DEBUG   KERN_SOH "7"
#define KERN_CONT    KERN_SOH "c"

/* include/linux/kern_levels.h @ v4.14: the same levels as integers */
#define LOGLEVEL_DEFAULT -1 /* none given: the message's KERN_ prefix decides */
#define LOGLEVEL_EMERG	 0
#define LOGLEVEL_ALERT	 1
#define LOGLEVEL_CRIT	 2
#define LOGLEVEL_ERR	 3
#define LOGLEVEL_WARNING 4
#define LOGLEVEL_NOTICE	 5
#define LOGLEVEL_INFO	 6
#define LOGLEVEL_DEBUG	 7

#define MESSAGE_LOGLEVEL_DEFAULT 4 /* a message without a level */
#define CONSOLE_LOGLEVEL_DEFAULT 7

extern int console_loglevel;
/* kernel/printk.c: an oops or panic is being reported (bust_spinlocks()) */
extern int oops_in_progress;

int printk(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
int vprintk(const char *fmt, va_list args);
int vprintk_emit(int level, const char *fmt, va_list args);

/*
 * printf-likes at a fixed level, for code that prints through a callback
 * so that the shell can pass shprintf() instead (show_vm_layout(),
 * memblock_show(), pgwalk_show()).  All three are vprintk_emit() with the
 * level set: the pieces of one line join up until its '\n'.
 */
static inline int __attribute__((format(printf, 1, 2))) printk_alert(const char *fmt, ...)
{
	va_list args;
	int n;

	va_start(args, fmt);
	n = vprintk_emit(LOGLEVEL_ALERT, fmt, args);
	va_end(args);
	return n;
}

static inline int __attribute__((format(printf, 1, 2))) printk_notice(const char *fmt, ...)
{
	va_list args;
	int n;

	va_start(args, fmt);
	n = vprintk_emit(LOGLEVEL_NOTICE, fmt, args);
	va_end(args);
	return n;
}

static inline int __attribute__((format(printf, 1, 2))) printk_info(const char *fmt, ...)
{
	va_list args;
	int n;

	va_start(args, fmt);
	n = vprintk_emit(LOGLEVEL_INFO, fmt, args);
	va_end(args);
	return n;
}

#ifndef pr_fmt
#define pr_fmt(fmt) fmt
#endif

#define pr_emerg(fmt, ...)  printk(KERN_EMERG pr_fmt(fmt), ##__VA_ARGS__)
#define pr_alert(fmt, ...)  printk(KERN_ALERT pr_fmt(fmt), ##__VA_ARGS__)
#define pr_crit(fmt, ...)   printk(KERN_CRIT pr_fmt(fmt), ##__VA_ARGS__)
#define pr_err(fmt, ...)    printk(KERN_ERR pr_fmt(fmt), ##__VA_ARGS__)
#define pr_warn(fmt, ...)   printk(KERN_WARNING pr_fmt(fmt), ##__VA_ARGS__)
#define pr_notice(fmt, ...) printk(KERN_NOTICE pr_fmt(fmt), ##__VA_ARGS__)
#define pr_info(fmt, ...)   printk(KERN_INFO pr_fmt(fmt), ##__VA_ARGS__)
#define pr_debug(fmt, ...)  printk(KERN_DEBUG pr_fmt(fmt), ##__VA_ARGS__)
#define pr_cont(fmt, ...)   printk(KERN_CONT fmt, ##__VA_ARGS__)

#endif
