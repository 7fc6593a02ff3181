/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _A9MM_SHELL_H
#define _A9MM_SHELL_H

#include <stddef.h>

#include <linux/compiler_attributes.h>

/*
 * Shell commands live in one table the linker gathers from every file
 * (section .shell_cmds, like U-Boot's U_BOOT_CMD): a file adds a command
 * with SHELL_CMD() and nothing else needs editing.  A command returns 0 on
 * success; non-zero makes the shell print its usage.
 *
 * Past the four fields every command has, SHELL_CMD() takes optional
 * designated initializers:
 *
 *   SHELL_CMD("fault", do_fault, "null|ro|...", "take an exception...",
 *             .linux = "arch/arm/mm/fault.c: do_DataAbort() ...",
 *             .complete = fault_word);
 */
struct shell_cmd {
	const char *name;
	int (*fn)(int argc, char **argv);
	const char *usage; /* "" = takes no arguments (shell_exec refuses any) */
	const char *help;  /* one line, for `help` */
	const char *linux; /* `help CMD`: the Linux code it exercises */
	/* Tab: the i-th word argument @argno (1..) may be, NULL past the last */
	const char *(*complete)(unsigned int argno, unsigned int i);
};

/* clang-format off */
#define SHELL_CMD(_name, _fn, _usage, _help, ...)				\
	static const struct shell_cmd __shell_cmd_##_fn __used			\
		__section(".shell_cmds") __aligned(__alignof__(struct shell_cmd)) = { \
		.name = _name, .fn = _fn, .usage = _usage, .help = _help,	\
		__VA_ARGS__							\
	}
/* clang-format on */

#define SHELL_PROMPT "a9mm> "

void shell_run(void);
void shell_exec_argv(int argc, char **argv);
int shprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* kernel/readline.c: one edited line into @buf; its length, or -1 if refused */
int shell_readline(char *buf, size_t size);
/* kernel/shell.c: the i-th word that may follow @argv (argc 0: a command name) */
const char *shell_completion(int argc, char **argv, unsigned int i);

#endif
