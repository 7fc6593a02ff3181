/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_INIT_H
#define _LINUX_INIT_H

#include <linux/compiler_attributes.h>

/*
 * include/linux/init.h @ v4.14: boot-only code and data live between __init_begin
 * and __init_end, which the "Virtual kernel memory layout" prints as .init.
 * The host build has no such sections.
 */
#ifdef A9MM_HOST
#define __init
#define __initdata
#else
#define __init	   __attribute__((section(".init.text"), cold))
#define __initdata __attribute__((section(".init.data")))
#endif

/*
 * include/linux/init.h @ v4.14: command-line options are registered in a table that
 * the linker collects between __setup_start and __setup_end.  early_param()
 * options run from parse_early_param() in setup_arch(), before memory is
 * laid out; __setup() options run later from start_kernel().  A handler
 * returns 0 when it accepted the value, non-zero to have it reported.
 */
struct obs_kernel_param {
	const char *str;
	int (*setup_func)(char *);
	int early;
};

/*
 * The host build (tests, fuzzers) links natively: there the table is a
 * section with a C name, so that the linker provides __start_ and __stop_
 * symbols for it (kernel/params.c).
 */
#ifdef A9MM_HOST
#define __setup_section "a9mm_init_setup"
#else
#define __setup_section ".init.setup"
#endif

/* clang-format off */
#define __setup_param(str, unique_id, fn, early)				\
	static const char __setup_str_##unique_id[] = str;			\
	static const struct obs_kernel_param __setup_##unique_id		\
		__used __section(__setup_section)				\
		__aligned(__alignof__(struct obs_kernel_param)) = {		\
		__setup_str_##unique_id, fn, early				\
	}
/* clang-format on */

#define __setup(str, fn)     __setup_param(str, fn, fn, 0)
#define early_param(str, fn) __setup_param(str, fn, fn, 1)

/* kernel/params.c: the early and the late pass over the command line */
void parse_early_param(const char *cmdline);
void parse_args_late(const char *cmdline);

#endif
