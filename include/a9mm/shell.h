/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _A9MM_SHELL_H
#define _A9MM_SHELL_H

#include <linux/compiler_attributes.h>

/*
 * Shell commands live in one table the linker gathers from every file
 * (section .shell_cmds, like U-Boot's U_BOOT_CMD): a file adds a command
 * with SHELL_CMD() and nothing else needs editing.  A command returns 0 on
 * success; non-zero makes the shell print its usage.
 */
struct shell_cmd {
	const char *name;
	int (*fn)(int argc, char **argv);
	const char *usage; /* "" = takes no arguments (shell_exec refuses any) */
	const char *help;
};

/* clang-format off */
#define SHELL_CMD(_name, _fn, _usage, _help)					\
	static const struct shell_cmd __shell_cmd_##_fn __used			\
		__section(".shell_cmds") __aligned(__alignof__(struct shell_cmd)) = { \
		.name = _name, .fn = _fn, .usage = _usage, .help = _help	\
	}
/* clang-format on */

void shell_run(void);
int shprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
