// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/shell.c: the serial shell that start_kernel() ends in.
 *
 * Reads a line from the PL011 (polled), splits it into words and runs the
 * command from the .shell_cmds table.  Input it can't use -- control bytes,
 * non-ASCII bytes, over-long lines -- is refused with a message, and the
 * prompt comes back.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include <a9mm/shell.h>
#include <linux/console.h>
#include <linux/kernel.h>
#include <mach/vexpress.h>

#define SHELL_LINE_MAX 256
#define SHELL_ARGS_MAX 16
#define SHELL_PROMPT   "a9mm> "

extern const struct shell_cmd __shell_cmds_start[], __shell_cmds_end[];

static void shell_puts(const char *s)
{
	console_write(s, strlen(s));
}

/**
 * shprintf() - printf to the console for shell output
 * @fmt: printf-like format
 * @...: its arguments
 *
 * Command output goes straight to the console: it is not a log message.
 * Text past 1023 characters is cut and ends in "...".
 *
 * Return: the length of the formatted text before any cut.
 */
int shprintf(const char *fmt, ...)
{
	char buf[1024];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	if (n >= (int)sizeof(buf)) /* cut: say so, as printk does */
		memcpy(buf + sizeof(buf) - 5, "...\n", 5);
	shell_puts(buf);
	return n;
}

static int shell_getc(void)
{
	int c;

	while ((c = pl011_getc()) < 0)
		__asm__ volatile("nop");
	return c;
}

/*
 * History: the last SHELL_HISTORY lines, oldest overwritten first.  Up and
 * down arrows (ESC [ A / ESC [ B, as any VT100-style terminal sends them)
 * walk it; a line equal to the newest entry is not stored twice.
 */
#define SHELL_HISTORY 16
static char history[SHELL_HISTORY][SHELL_LINE_MAX];
static unsigned int hist_count; /* lines ever stored */

static void history_add(const char *line)
{
	if (hist_count && !strcmp(history[(hist_count - 1) % SHELL_HISTORY], line))
		return;
	strcpy(history[hist_count % SHELL_HISTORY], line);
	hist_count++;
}

/* Replace what is on screen (len chars) by @text; returns its length. */
static size_t replace_line(char *buf, size_t len, const char *text)
{
	size_t n = strlen(text);

	while (len--)
		shell_puts("\b \b");
	memcpy(buf, text, n + 1);
	shell_puts(buf);
	return n;
}

/*
 * Tab on the first word: complete a command name.  One match: complete it
 * and add a space.  Several: complete their common prefix, or list them
 * (and redraw the prompt and line) when there is nothing to add.
 */
static size_t complete(char *buf, size_t len, size_t size)
{
	const struct shell_cmd *c, *first = NULL;
	size_t common = 0;
	unsigned int matches = 0;

	if (memchr(buf, ' ', len))
		return len; /* only command names are completed */
	for (c = __shell_cmds_start; c < __shell_cmds_end; c++) {
		if (strncmp(c->name, buf, len))
			continue;
		if (!matches++) {
			first = c;
			common = strlen(c->name);
		} else {
			size_t i = len;

			while (i < common && c->name[i] == first->name[i])
				i++;
			common = i;
		}
	}
	if (!matches)
		return len;
	if (common > len && common + 2 < size) {
		memcpy(buf + len, first->name + len, common - len);
		buf[common] = '\0';
		shell_puts(buf + len);
		len = common;
		if (matches == 1) {
			buf[len++] = ' ';
			buf[len] = '\0';
			shell_puts(" ");
		}
		return len;
	}
	if (matches > 1) {
		shell_puts("\n");
		for (c = __shell_cmds_start; c < __shell_cmds_end; c++)
			if (!strncmp(c->name, buf, len))
				shprintf("%s  ", c->name);
		shprintf("\n%s%s", SHELL_PROMPT, buf);
	}
	return len;
}

/*
 * Read one line into @buf.  Returns its length, or -1 when the line was
 * refused (the reason is printed; the caller just prompts again).
 */
static int shell_readline(char *buf, size_t size)
{
	size_t len = 0;
	bool too_long = false, bad_byte = false;
	unsigned int hist_pos = hist_count; /* == hist_count: the new line */
	char saved[SHELL_LINE_MAX] = "";    /* the new line, while browsing */
	/* an escape sequence in progress; Enter and Ctrl-C still end the line */
	enum { ESC_NONE, ESC_SEEN, ESC_CSI } esc = ESC_NONE;

	buf[0] = '\0';
	for (;;) {
		int c = shell_getc();

		if (c == '\r' || c == '\n') {
			shell_puts("\n");
			bad_byte |= esc != ESC_NONE; /* an unfinished escape sequence */
			break;
		}
		if (c == 0x03) { /* Ctrl-C: drop the line */
			shell_puts("^C\n");
			return -1;
		}
		if (esc == ESC_SEEN) { /* only CSI sequences: ESC [ ... final */
			esc = c == '[' ? ESC_CSI : ESC_NONE;
			bad_byte |= c != '[';
			continue;
		}
		if (esc == ESC_CSI) {
			if (c >= 0x20 && c < 0x40) /* parameter and intermediate bytes */
				continue;
			esc = ESC_NONE;
			if (c == 'A' && hist_pos > 0 && hist_pos + SHELL_HISTORY > hist_count) {
				if (hist_pos == hist_count)
					strcpy(saved, buf);
				hist_pos--;
				len = replace_line(buf, len, history[hist_pos % SHELL_HISTORY]);
			} else if (c == 'B' && hist_pos < hist_count) {
				hist_pos++;
				len = replace_line(buf, len,
						   hist_pos == hist_count
							   ? saved
							   : history[hist_pos % SHELL_HISTORY]);
			}
			/* other keys (left, right, home, ...) are not supported: ignored */
			bad_byte |= c < 0x40 || c > 0x7e; /* not a final byte */
			continue;
		}
		if (c == 0x1b) {
			esc = ESC_SEEN;
			continue;
		}
		if (c == 0x15) { /* Ctrl-U: erase the line */
			len = replace_line(buf, len, "");
			continue;
		}
		if (c == 0x7f || c == 0x08) { /* backspace */
			if (len) {
				shell_puts("\b \b");
				buf[--len] = '\0';
			}
			continue;
		}
		if (c == '\t') {
			len = complete(buf, len, size);
			continue;
		}
		if (c < 0x20 || c > 0x7e) {
			bad_byte = true;
			continue;
		}
		if (len + 1 >= size) {
			too_long = true;
			continue;
		}
		buf[len++] = (char)c;
		buf[len] = '\0';
		pl011_putc((char)c);
	}
	if (bad_byte) {
		shprintf("shell: line refused: it contained control or non-ASCII bytes\n");
		return -1;
	}
	if (too_long) {
		shprintf("shell: line refused: longer than %d characters\n", SHELL_LINE_MAX - 1);
		return -1;
	}
	if (len)
		history_add(buf);
	return (int)len;
}

static const struct shell_cmd *find_cmd(const char *name)
{
	for (const struct shell_cmd *c = __shell_cmds_start; c < __shell_cmds_end; c++)
		if (!strcmp(c->name, name))
			return c;
	return NULL;
}

static void shell_exec(char *line)
{
	char *argv[SHELL_ARGS_MAX];
	int argc = 0;
	char *p = line;
	const struct shell_cmd *cmd;

	while (*p) {
		while (*p == ' ')
			*p++ = '\0';
		if (!*p)
			break;
		if (argc == SHELL_ARGS_MAX) {
			shprintf("shell: too many words (at most %d)\n", SHELL_ARGS_MAX);
			return;
		}
		argv[argc++] = p;
		while (*p && *p != ' ')
			p++;
	}
	if (!argc)
		return;
	cmd = find_cmd(argv[0]);
	if (!cmd) {
		shprintf("shell: unknown command '%s'; 'help' lists them\n", argv[0]);
		return;
	}
	/* an empty usage means no arguments: refused here, for every such command */
	if (!cmd->usage[0] && argc > 1) {
		shprintf("%s: takes no arguments\n", cmd->name);
		return;
	}
	if (cmd->fn(argc, argv))
		shprintf("usage: %s %s\n", cmd->name, cmd->usage);
}

/**
 * shell_run() - read and run commands from the console forever
 */
void shell_run(void)
{
	char line[SHELL_LINE_MAX];

	shprintf("\nType 'help' for the list of commands.\n");
	for (;;) {
		shell_puts(SHELL_PROMPT);
		if (shell_readline(line, sizeof(line)) > 0)
			shell_exec(line);
	}
}

static int do_help(int argc, char **argv)
{
	for (const struct shell_cmd *c = __shell_cmds_start; c < __shell_cmds_end; c++)
		shprintf("  %-12s %s\n", c->name, c->help);
	return 0;
}
SHELL_CMD("help", do_help, "", "list the commands");

static int do_poweroff(int argc, char **argv)
{
	printk(KERN_EMERG "reboot: Power down\n");
	vexpress_power_off();
}
SHELL_CMD("poweroff", do_poweroff, "", "power the board off (QEMU exits)");

static int do_reboot(int argc, char **argv)
{
	printk(KERN_EMERG "reboot: Restarting system\n");
	vexpress_restart();
}
SHELL_CMD("reboot", do_reboot, "", "reset the board");

extern const char linux_banner[];

static int do_version(int argc, char **argv)
{
	shprintf("%s", linux_banner);
	return 0;
}
SHELL_CMD("version", do_version, "", "print the kernel version banner");
