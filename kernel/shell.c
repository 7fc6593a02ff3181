// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/shell.c: the serial shell that start_kernel() ends in.
 *
 * Reads a line (kernel/readline.c: editing, history, Tab), splits it into
 * words and runs the command from the .shell_cmds table.  Input it can't
 * use -- control bytes, non-ASCII bytes, over-long lines -- is refused with
 * a message, and the prompt comes back.  `help CMD` says what a command
 * does in Linux terms; Tab completes command names and the words a
 * command's arguments may be.
 */
#include <stdarg.h>
#include <string.h>

#include <a9mm/shell.h>
#include <linux/console.h>
#include <linux/kernel.h>
#include <linux/reboot.h>

#define SHELL_LINE_MAX 256
#define SHELL_ARGS_MAX 16

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

static const struct shell_cmd *find_cmd(const char *name)
{
	for (const struct shell_cmd *c = __shell_cmds_start; c < __shell_cmds_end; c++)
		if (!strcmp(c->name, name))
			return c;
	return NULL;
}

/**
 * shell_completion() - what Tab may complete a word to
 * @argc: how many words come before it (0: it is the command name)
 * @argv: those words
 * @i: which candidate, from 0
 *
 * Command names, then each command's own words (its complete() hook): the
 * /proc files for cat, the fault kinds, alloc's GFP words, help's commands;
 * after `on CPU`, the words of the command that follows.
 *
 * Return: the @i-th candidate, NULL past the last.
 */
const char *shell_completion(int argc, char **argv, unsigned int i)
{
	const struct shell_cmd *c;

	if (argc == 0)
		return __shell_cmds_start + i < __shell_cmds_end ? __shell_cmds_start[i].name
								 : NULL;
	if (argc >= 2 && !strcmp(argv[0], "on")) /* on CPU COMMAND...: COMMAND's words */
		return shell_completion(argc - 2, argv + 2, i);
	c = find_cmd(argv[0]);
	return c && c->complete ? c->complete((unsigned int)argc, i) : NULL;
}

/**
 * shell_exec_argv() - run one command, already split into words
 * @argc: number of words (0: nothing to do)
 * @argv: the words; argv[0] names the command
 *
 * Unknown commands and wrong arguments are reported here.  `on` uses it
 * to run a command on another CPU.
 */
void shell_exec_argv(int argc, char **argv)
{
	const struct shell_cmd *cmd;

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

static void shell_exec(char *line)
{
	char *argv[SHELL_ARGS_MAX];
	int argc = 0;
	char *p = line;

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
	shell_exec_argv(argc, argv);
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

/* "NAME USAGE", as `help` lists it and `help NAME` starts */
static int print_syntax(const struct shell_cmd *c)
{
	return shprintf("%s%s%s", c->name, c->usage[0] ? " " : "", c->usage);
}

/* the command after @prev in name order (NULL: the first), NULL after the last */
static const struct shell_cmd *next_by_name(const struct shell_cmd *prev)
{
	const struct shell_cmd *best = NULL;

	for (const struct shell_cmd *c = __shell_cmds_start; c < __shell_cmds_end; c++)
		if ((!prev || strcmp(c->name, prev->name) > 0) &&
		    (!best || strcmp(c->name, best->name) < 0))
			best = c;
	return best;
}

/* @text in lines of at most 76 columns, each indented by two spaces */
static void print_wrapped(const char *text)
{
	size_t col = 0;

	while (*text) {
		size_t n = strcspn(text, " ");

		if (col && col + 1 + n > 76) {
			shprintf("\n");
			col = 0;
		}
		shprintf("%s%.*s", col ? " " : "  ", (int)n, text);
		col += n + (col ? 1 : 2);
		text += n;
		text += strspn(text, " ");
	}
	shprintf("\n");
}

static int do_help(int argc, char **argv)
{
	const struct shell_cmd *c;

	if (argc > 2)
		return 1;
	if (argc == 1) {
		for (c = next_by_name(NULL); c; c = next_by_name(c)) {
			int n;

			shprintf("  ");
			n = print_syntax(c);
			/* the description in a column, or under a long syntax */
			if (n < 30)
				shprintf("%*s%s\n", 31 - n, "", c->help);
			else
				shprintf("\n%33s%s\n", "", c->help);
		}
		shprintf("'help CMD' says more about CMD; Tab completes names and words.\n");
		return 0;
	}
	c = find_cmd(argv[1]);
	if (!c) {
		shprintf("help: no command '%s'; 'help' lists them\n", argv[1]);
		return 0;
	}
	shprintf("usage: ");
	print_syntax(c);
	shprintf("\n");
	print_wrapped(c->help);
	if (c->linux) {
		shprintf("Linux code it exercises:\n");
		print_wrapped(c->linux);
	}
	return 0;
}

static const char *help_word(unsigned int argno, unsigned int i)
{
	return argno == 1 && __shell_cmds_start + i < __shell_cmds_end ? __shell_cmds_start[i].name
								       : NULL;
}
SHELL_CMD("help", do_help, "[CMD]", "list the commands, or say more about one",
	  .linux = "none: the shell's own (U-Boot's command table, not Linux's)",
	  .complete = help_word);

static int do_poweroff(int argc, char **argv)
{
	kernel_power_off();
}
SHELL_CMD(
	"poweroff", do_poweroff, "", "power the board off (QEMU exits)",
	.linux =
		"kernel/reboot.c: kernel_power_off() -> machine_power_off() (smp_send_stop() first); vexpress's "
		"SYS_CFGCTRL shutdown (drivers/power/reset/vexpress-poweroff.c)");

static int do_reboot(int argc, char **argv)
{
	kernel_restart();
}
SHELL_CMD(
	"reboot", do_reboot, "", "reset the board",
	.linux =
		"kernel/reboot.c: kernel_restart() -> machine_restart() (smp_send_stop() first); vexpress's "
		"SYS_CFGCTRL reboot (drivers/power/reset/vexpress-poweroff.c)");

extern const char linux_banner[];

static int do_version(int argc, char **argv)
{
	shprintf("%s", linux_banner);
	return 0;
}
SHELL_CMD("version", do_version, "", "print the kernel version banner",
	  .linux = "init/version.c: linux_banner, the first line start_kernel() prints");
