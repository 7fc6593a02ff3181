// SPDX-License-Identifier: GPL-2.0
/*
 * Each demo checks itself: one line per check on stdout, then a summary,
 * and the exit code says whether all held (0) -- what init and the tests
 * read.
 *
 *   PASS name: what was seen
 *   FAIL name: what was seen instead
 *   SKIP name: why this check cannot be made here (never silent: a SKIP
 *              names what is missing, e.g. a /proc file)
 *   program: 5 passed, 0 failed, 1 skipped
 */
#include "internal.h"

static const char *prog = "?";
static int passed, failed, skipped;

static void line(const char *tag, const char *name, const char *fmt, va_list ap)
{
	printf("%s %s: ", tag, name);
	vprintf(fmt, ap);
	putchar('\n');
}

/**
 * check_begin() - name the program whose checks follow
 * @program: its name, for the summary line
 */
void check_begin(const char *program)
{
	prog = program;
}

/**
 * check() - record and print one check
 * @ok: whether it held
 * @name: a short name, unique within the program ("brk-small")
 * @fmt: printf format of what was seen
 * @...: its arguments
 *
 * Return: @ok, so a caller can stop early.
 */
bool check(bool ok, const char *name, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	line(ok ? "PASS" : "FAIL", name, fmt, ap);
	va_end(ap);
	if (ok)
		passed++;
	else
		failed++;
	return ok;
}

/**
 * skip() - record a check that cannot be made here, and why
 * @name: the check's name
 * @fmt: printf format of the reason
 * @...: its arguments
 */
void skip(const char *name, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	line("SKIP", name, fmt, ap);
	va_end(ap);
	skipped++;
}

/**
 * note() - an indented line of what the demo shows, not a check
 * @fmt: printf format
 * @...: its arguments
 */
void note(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	fputs("  ", stdout);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
}

/**
 * check_end() - print the summary
 *
 * Return: the exit code: 0 when no check failed, 1 otherwise.
 */
int check_end(void)
{
	printf("%s: %d passed, %d failed, %d skipped\n", prog, passed, failed, skipped);
	return failed ? 1 : 0;
}
