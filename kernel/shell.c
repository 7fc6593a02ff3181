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
#define SHELL_PROMPT "a9mm> "

extern const struct shell_cmd __shell_cmds_start[], __shell_cmds_end[];

static void shell_puts(const char *s)
{
	console_write(s, strlen(s));
}

/* Command output goes straight to the console: it is not a log message. */
int shprintf(const char *fmt, ...)
{
	char buf[512];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
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
 * Read one line into @buf.  Returns its length, or -1 when the line was
 * refused (the reason is printed; the caller just prompts again).
 */
static int shell_readline(char *buf, size_t size)
{
	size_t len = 0;
	bool too_long = false, bad_byte = false;

	for (;;) {
		int c = shell_getc();

		if (c == '\r' || c == '\n') {
			shell_puts("\n");
			break;
		}
		if (c == 0x03) { /* Ctrl-C: drop the line */
			shell_puts("^C\n");
			return -1;
		}
		if (c == 0x15) { /* Ctrl-U: erase the line */
			while (len) {
				shell_puts("\b \b");
				len--;
			}
			continue;
		}
		if (c == 0x7f || c == 0x08) { /* backspace */
			if (len) {
				shell_puts("\b \b");
				len--;
			}
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
		pl011_putc((char)c);
	}
	buf[len] = '\0';
	if (bad_byte) {
		shprintf("shell: line refused: it contained control or non-ASCII bytes\n");
		return -1;
	}
	if (too_long) {
		shprintf("shell: line refused: longer than %d characters\n", SHELL_LINE_MAX - 1);
		return -1;
	}
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
	if (cmd->fn(argc, argv))
		shprintf("usage: %s %s\n", cmd->name, cmd->usage);
}

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
