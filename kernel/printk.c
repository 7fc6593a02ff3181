// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/printk.c: after Linux's kernel/printk/printk.c @ v4.14, much
 * reduced.
 *
 * Every message goes to log_buf (what `dmesg` shows), with its level; it
 * reaches the console only if its level is below console_loglevel, as in
 * Linux ("loglevel=8" shows KERN_DEBUG, "ignore_loglevel" shows all).
 * "printk.time=1" prefixes "[    0.000123] " from the global timer.
 *
 * As in Linux, messages printed before the console is registered (that is,
 * before the command line's loglevel= is known) wait in the buffer and are
 * replayed, filtered, by register_console().  panic() registers it at once
 * so that nothing is ever lost silently.
 */
#include <stdio.h>
#include <string.h>

#include <linux/cmdline.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/console.h>
#include <mach/vexpress.h>

int console_loglevel = CONSOLE_LOGLEVEL_DEFAULT;
static bool ignore_loglevel;
static bool printk_time;
static bool printk_clock_ready;

#define LOG_BUF_LEN (1 << 16)
static char log_buf[LOG_BUF_LEN];
static unsigned long log_next; /* total bytes ever written; index mod LEN */

/* Messages logged before register_console(): where they are, their level. */
struct early_record {
	unsigned long start;
	unsigned short len;
	signed char level;
};
static struct early_record early_records[256];
static unsigned int nr_early_records;
static bool console_registered;

/* Was the last message left unterminated (so KERN_CONT may continue it)? */
static bool line_open;
static int line_level = MESSAGE_LOGLEVEL_DEFAULT;

static void log_store(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		log_buf[(log_next + i) % LOG_BUF_LEN] = s[i];
	log_next += len;
}

/**
 * log_buf_copy() - copy part of the retained log (what `dmesg` shows)
 * @buf: where to copy
 * @size: at most this many bytes
 * @offset: starting this many bytes after the oldest retained byte
 *
 * Return: how many bytes were copied; 0 past the end of the log.
 */
size_t log_buf_copy(char *buf, size_t size, size_t offset)
{
	unsigned long len = log_next < LOG_BUF_LEN ? log_next : LOG_BUF_LEN;
	unsigned long start = log_next - len;
	size_t i;

	for (i = 0; i < size && offset + i < len; i++)
		buf[i] = log_buf[(start + offset + i) % LOG_BUF_LEN];
	return i;
}

static void console_write_raw(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		if (s[i] == '\n')
			pl011_putc('\r');
		pl011_putc(s[i]);
	}
}

static bool console_wants(int level)
{
	return level < console_loglevel || ignore_loglevel;
}

/* Write a message's text to the console now, or keep it for the replay. */
static void console_emit(const char *s, size_t len, int level)
{
	if (console_registered) {
		if (console_wants(level))
			console_write_raw(s, len);
		return;
	}
	if (nr_early_records < ARRAY_SIZE(early_records)) {
		struct early_record *r = &early_records[nr_early_records++];

		r->start = log_next - len;
		r->len = (unsigned short)len;
		r->level = (signed char)level;
	}
}

/**
 * console_write() - write to the console now, bypassing the log
 * @s: the text ('\n' becomes "\r\n")
 * @len: its length
 *
 * For the shell's own output, which is not a log message.
 */
void console_write(const char *s, size_t len)
{
	console_write_raw(s, len);
}

/**
 * register_console() - start printing to the console; replay what waited
 *
 * kernel/printk/printk.c: register_console() @ v4.14 replays what was
 * logged so far through the loglevel filter.  Records older than the
 * ring's reach are gone from the buffer and are skipped.  A second call
 * does nothing.
 */
void register_console(void)
{
	if (console_registered)
		return;
	console_registered = true;
	for (unsigned int i = 0; i < nr_early_records; i++) {
		const struct early_record *r = &early_records[i];

		if (log_next - r->start > LOG_BUF_LEN || !console_wants(r->level))
			continue;
		for (unsigned long j = 0; j < r->len; j++) {
			char c = log_buf[(r->start + j) % LOG_BUF_LEN];

			console_write_raw(&c, 1);
		}
	}
	if (nr_early_records == ARRAY_SIZE(early_records)) {
		static const char msg[] =
			"printk: later early messages are only in the log buffer\n";

		console_write_raw(msg, sizeof(msg) - 1);
	}
}

/**
 * printk_clock_enable() - the global timer runs: timestamps may read it
 *
 * Until then "printk.time=1" stamps read 0.
 */
void printk_clock_enable(void)
{
	printk_clock_ready = true;
}

static int printk_prefix(char *buf, size_t size)
{
	u64 ns = printk_clock_ready ? global_timer_ns() : 0;
	unsigned long sec = (unsigned long)(ns / 1000000000U);
	unsigned long usec = (unsigned long)(ns % 1000000000U) / 1000;

	return snprintf(buf, size, "[%5lu.%06lu] ", sec, usec);
}

/**
 * vprintk_emit() - log one message, or a piece of one, at a level
 * @level: a LOGLEVEL_* value, or LOGLEVEL_DEFAULT to take the level from
 *         the message's KERN_ prefix (MESSAGE_LOGLEVEL_DEFAULT without one)
 * @fmt: printf-like format
 * @args: its arguments
 *
 * kernel/printk/printk.c: vprintk_emit() @ v4.14, reduced.  A message may
 * span several calls until its '\n': a piece with KERN_CONT or without a
 * level goes on the open line, and so does one at the open line's own
 * fixed level -- how printk_alert() and the like print a line in pieces.
 * Text past 1023 characters is cut and ends in "...".
 *
 * Return: the length of the formatted text before any cut (vsnprintf's).
 */
int vprintk_emit(int level, const char *fmt, va_list args)
{
	char text[1024];
	char prefix[32];
	int msg_level = MESSAGE_LOGLEVEL_DEFAULT;
	bool cont = false;
	const char *p = text;
	int n;

	n = vsnprintf(text, sizeof(text), fmt, args);
	if (n >= (int)sizeof(text))
		memcpy(text + sizeof(text) - 5, "...\n", 5);

	while (p[0] == KERN_SOH[0] && p[1]) {
		if (p[1] >= '0' && p[1] <= '7')
			msg_level = p[1] - '0';
		else if (p[1] == 'c')
			cont = true;
		p += 2;
	}
	if (level != LOGLEVEL_DEFAULT) {
		cont |= line_open && level == line_level;
		msg_level = level;
	}
	level = msg_level;

	if (line_open && (cont || level == MESSAGE_LOGLEVEL_DEFAULT)) {
		level = line_level;
	} else {
		if (line_open) {
			log_store("\n", 1);
			console_emit("\n", 1, line_level);
		}
		line_level = level;
		if (printk_time) {
			int plen = printk_prefix(prefix, sizeof(prefix));

			log_store(prefix, (size_t)plen);
			console_emit(prefix, (size_t)plen, level);
		}
	}

	size_t len = strlen(p);

	log_store(p, len);
	console_emit(p, len, level);
	line_open = len > 0 ? p[len - 1] != '\n' : line_open;
	return n;
}

/**
 * vprintk() - printk() with a va_list
 * @fmt: printf-like format, which may start with a KERN_ level
 * @args: its arguments
 *
 * kernel/printk/printk.c: vprintk() @ v4.14.
 *
 * Return: as vprintk_emit().
 */
int vprintk(const char *fmt, va_list args)
{
	return vprintk_emit(LOGLEVEL_DEFAULT, fmt, args);
}

/**
 * printk() - log a message; the console shows it if its level passes
 * @fmt: printf-like format, which may start with a KERN_ level
 * @...: its arguments
 *
 * kernel/printk/printk.c: printk() @ v4.14.
 *
 * Return: as vprintk_emit().
 */
int printk(const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vprintk(fmt, ap);
	va_end(ap);
	return n;
}

/* init/main.c: loglevel() @ v4.14 */
static int __init loglevel(char *str)
{
	unsigned long v;

	if (!str || kstrtoul(str, 10, &v) || v > 15) {
		pr_warn("loglevel=%s: expected a number 0..15, keeping %d\n", str ? str : "",
			console_loglevel);
		return 0;
	}
	console_loglevel = (int)v;
	return 0;
}
early_param("loglevel", loglevel);

/* kernel/printk/printk.c: ignore_loglevel_setup() @ v4.14 */
static int __init ignore_loglevel_setup(char *str)
{
	ignore_loglevel = true;
	pr_info("debug: ignoring loglevel setting.\n");
	return 0;
}
early_param("ignore_loglevel", ignore_loglevel_setup);

/* init/main.c: debug_kernel() @ v4.14: console_loglevel = CONSOLE_LOGLEVEL_DEBUG */
static int __init debug_kernel(char *str)
{
	console_loglevel = 10;
	return 0;
}
early_param("debug", debug_kernel);

/* init/main.c: quiet_kernel() @ v4.14: console_loglevel = CONSOLE_LOGLEVEL_QUIET */
static int __init quiet_kernel(char *str)
{
	console_loglevel = 4;
	return 0;
}
early_param("quiet", quiet_kernel);

/* kernel/printk/printk.c @ v4.14: the printk.time module parameter */
static int __init printk_time_setup(char *str)
{
	if (!str || !strcmp(str, "1") || !strcmp(str, "y") || !strcmp(str, "Y")) {
		printk_time = true;
	} else if (!strcmp(str, "0") || !strcmp(str, "n") || !strcmp(str, "N")) {
		printk_time = false;
	} else {
		pr_warn("printk.time=%s: expected 0/1/y/n\n", str);
	}
	return 0;
}
early_param("printk.time", printk_time_setup);

/*
 * kernel/printk/printk.c: console_setup() @ v4.14.  a9mm has one console, the
 * PL011 uart0 as ttyAMA0 (options after a comma, like ",115200n8", are
 * accepted and unused: QEMU's UART needs no baud rate).  Linux enables no
 * console when console= names none it has, and boots in silence; a9mm
 * says so and keeps ttyAMA0, so the log is never lost.
 */
static int __init console_setup(char *str)
{
	static const char name[] = "ttyAMA0";
	size_t len = str ? strcspn(str, ",") : 0;

	if (len != sizeof(name) - 1 || strncmp(str, name, len))
		pr_warn("console=%s: the only console is %s (PL011 uart0), keeping it\n",
			str ? str : "", name);
	return 0;
}
early_param("console", console_setup);
