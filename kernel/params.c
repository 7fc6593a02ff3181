// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/params.c: the boot command line, after init/main.c @ v4.14 (and its
 * print_unknown_bootoptions() @ v6.1).
 *
 * Options are registered with early_param()/__setup() (linux/init.h) in
 * the .init.setup table.  parse_early_param() runs the early ones from
 * setup_arch(); parse_args_late() the rest from start_kernel(), and lists
 * whatever nobody claimed, as Linux does.
 */
#include <string.h>

#include <linux/cmdline.h>
#include <linux/init.h>
#include <linux/kernel.h>

#ifdef A9MM_HOST
extern const struct obs_kernel_param __start_a9mm_init_setup[], __stop_a9mm_init_setup[];
#define __setup_start __start_a9mm_init_setup
#define __setup_end   __stop_a9mm_init_setup
#else
extern const struct obs_kernel_param __setup_start[], __setup_end[];
#endif

/*
 * Linux's early-console options: a9mm's console is up from the first
 * instruction that prints, so these have nothing to do, but they are
 * Linux's words and never "unknown".
 */
static const char *const known_elsewhere[] = { "earlycon", "earlyprintk" };

static bool is_registered(const char *param, bool early)
{
	for (const struct obs_kernel_param *p = __setup_start; p < __setup_end; p++)
		if (!!p->early == early && parameq(param, p->str))
			return true;
	return false;
}

static void run_param(const char *param, char *val, bool early)
{
	for (const struct obs_kernel_param *p = __setup_start; p < __setup_end; p++) {
		if (!!p->early != early || !parameq(param, p->str))
			continue;
		if (p->setup_func(val))
			pr_warn("Malformed %soption '%s%s%s'\n", early ? "early " : "", param,
				val ? "=" : "", val ? val : "");
	}
}

/**
 * parse_early_param() - run the early_param() options of a command line
 * @cmdline: the command line; not changed (a copy is cut up)
 *
 * init/main.c: parse_early_param() @ v4.14 -> do_early_param() for each
 * word.  setup_arch() calls it before memory is laid out.
 */
void __init parse_early_param(const char *cmdline)
{
	static char tmp[COMMAND_LINE_SIZE] __initdata;
	char *args = tmp, *param, *val;

	strncpy(tmp, cmdline, sizeof(tmp) - 1);
	tmp[sizeof(tmp) - 1] = '\0';
	while (*args == ' ')
		args++;
	while (*args) {
		args = next_arg(args, &param, &val);
		run_param(param, val, true);
	}
}

/**
 * parse_args_late() - run the __setup() options, list the unknown words
 * @cmdline: the command line; not changed (a copy is cut up)
 *
 * init/main.c: print_unknown_bootoptions() @ v6.1, with the late pass of
 * start_kernel() @ v4.14 before it: run __setup() options and collect the
 * words no option claims, then print them on one line as Linux does.
 */
void __init parse_args_late(const char *cmdline)
{
	static char tmp[COMMAND_LINE_SIZE] __initdata;
	static char unknown[COMMAND_LINE_SIZE] __initdata;
	char *args = tmp, *param, *val;
	size_t used = 0;

	strncpy(tmp, cmdline, sizeof(tmp) - 1);
	tmp[sizeof(tmp) - 1] = '\0';
	unknown[0] = '\0';
	while (*args == ' ')
		args++;
	while (*args) {
		bool claimed = false;

		args = next_arg(args, &param, &val);
		if (is_registered(param, false)) {
			run_param(param, val, false);
			claimed = true;
		}
		claimed |= is_registered(param, true);
		for (size_t i = 0; i < ARRAY_SIZE(known_elsewhere); i++)
			claimed |= parameq(param, known_elsewhere[i]);
		if (claimed ||
		    used + strlen(param) + (val ? strlen(val) + 1 : 0) + 2 >= sizeof(unknown))
			continue;
		used += (size_t)snprintf(unknown + used, sizeof(unknown) - used, "%s%s%s%s",
					 used ? " " : "", param, val ? "=" : "", val ? val : "");
	}
	if (used)
		pr_notice(
			"Unknown kernel command line parameters \"%s\", will be passed to user space.\n",
			unknown);
}
