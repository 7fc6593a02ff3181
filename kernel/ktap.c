// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/ktap.c: run the KTAP_SUITE()s and print KTAP version 1, nested
 * the way KUnit does (Documentation/dev-tools/ktap.rst @ v6.1): one
 * top-level line per suite, its cases indented.
 *
 *   KTAP version 1
 *   1..2
 *       KTAP version 1
 *       # Subtest: traps
 *       1..3
 *       ok 1 null_read_faults
 *       ...
 *   ok 1 traps
 */
#include <stdarg.h>

#include <a9mm/ktap.h>
#include <a9mm/shell.h>
#include <linux/init.h>
#include <linux/kernel.h>

extern const struct ktap_suite __ktap_suites_start[], __ktap_suites_end[];

/**
 * ktap_fail() - mark a case failed and say where and why
 * @t: the case
 * @file: the source file of the failed expectation
 * @line: its line
 * @fmt: printf-like message, then its arguments
 * @...: the message's arguments
 *
 * Printed as a KTAP diagnostic ("        # case: file:line: message").
 */
void ktap_fail(struct ktap_test *t, const char *file, int line, const char *fmt, ...)
{
	char msg[160];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	t->failed = true;
	printk("        # %s: %s:%d: %s\n", t->case_name, file, line, msg);
}

/**
 * ktap_print() - print one KTAP diagnostic line ("        # ...")
 * @fmt: printf-like format, for checkers that report through a print
 *       callback (check_free_lists())
 * @...: its arguments
 *
 * Return: the length of the message, as printk() counts it.
 */
int ktap_print(const char *fmt, ...)
{
	char msg[200];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	return printk("        # %s", msg);
}

static bool run_suite(const struct ktap_suite *s, unsigned int nr)
{
	unsigned int failed = 0;
	const char *skip = s->skip_if ? s->skip_if() : NULL;

	printk("    KTAP version 1\n    # Subtest: %s\n    1..%u\n", s->name, s->nr_cases);
	for (unsigned int i = 0; i < s->nr_cases; i++) {
		struct ktap_test t = { .case_name = s->cases[i].name };

		if (skip) {
			printk("    ok %u %s # SKIP %s\n", i + 1, t.case_name, skip);
			continue;
		}
		s->cases[i].run(&t);
		if (t.skipped) {
			printk("    ok %u %s # SKIP %s\n", i + 1, t.case_name, t.skip_reason);
		} else {
			printk("    %sok %u %s\n", t.failed ? "not " : "", i + 1, t.case_name);
			failed += t.failed;
		}
	}
	printk("%sok %u %s\n", failed ? "not " : "", nr, s->name);
	return failed == 0;
}

/**
 * ktap_run_all() - run every KTAP_SUITE() and print the KTAP report
 *
 * Return: the number of suites with a failed case (0: all passed).
 */
int ktap_run_all(void)
{
	unsigned int n = (unsigned int)(__ktap_suites_end - __ktap_suites_start);
	unsigned int bad = 0;

	printk("KTAP version 1\n1..%u\n", n);
	for (unsigned int i = 0; i < n; i++)
		bad += !run_suite(&__ktap_suites_start[i], i + 1);
	printk("# selftest: %u suite%s, %u failed\n", n, n == 1 ? "" : "s", bad);
	return (int)bad;
}

/* the suite named @name, or NULL */
static const struct ktap_suite *find_suite(const char *name)
{
	for (const struct ktap_suite *s = __ktap_suites_start; s < __ktap_suites_end; s++)
		if (!strcmp(s->name, name))
			return s;
	return NULL;
}

/*
 * selftest [SUITE]...: every suite, or only those named (as KUnit's
 * kunit.filter_glob), in the order given; an unknown name is refused
 * before anything runs.
 */
static int do_selftest(int argc, char **argv)
{
	unsigned int bad = 0;

	if (argc == 1) {
		ktap_run_all(); /* the report says which cases failed */
		return 0;
	}
	for (int i = 1; i < argc; i++)
		if (!find_suite(argv[i])) {
			shprintf("selftest: no suite '%s'; the suites are:", argv[i]);
			for (const struct ktap_suite *s = __ktap_suites_start;
			     s < __ktap_suites_end; s++)
				shprintf(" %s", s->name);
			shprintf("\n");
			return 0;
		}
	printk("KTAP version 1\n1..%d\n", argc - 1);
	for (int i = 1; i < argc; i++)
		bad += !run_suite(find_suite(argv[i]), (unsigned int)i);
	printk("# selftest: %d suite%s, %u failed\n", argc - 1, argc == 2 ? "" : "s", bad);
	return 0;
}
SHELL_CMD("selftest", do_selftest, "[SUITE]...",
	  "run the in-kernel self-tests (all, or the suites named), report in KTAP",
	  .linux = "lib/kunit: KUnit-style suites on the live kernel (traps, memblock, "
		   "paging, page_alloc, smp, vmalloc), reporting KTAP as Linux's do; "
		   "kunit.filter_glob picks suites");

static bool selftest_at_boot;

static int __init selftest_setup(char *str)
{
	selftest_at_boot = true;
	return 0;
}
__setup("selftest", selftest_setup);

/**
 * ktap_boot_selftests() - run the suites if "selftest" was on the command line
 *
 * Called by start_kernel() once memory is up, before the shell.
 */
void __init ktap_boot_selftests(void)
{
	if (selftest_at_boot)
		ktap_run_all(); /* the report says which cases failed; boot goes on */
}
