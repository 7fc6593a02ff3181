/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _A9MM_KTAP_H
#define _A9MM_KTAP_H

#include <linux/compiler_attributes.h>
#include <linux/types.h>

/*
 * In-kernel self-tests reported in KTAP (Documentation/dev-tools/ktap.rst
 * @ v6.1),
 * the format KUnit prints, so kunit.py-style parsers and humans read them
 * alike.  A file adds a suite with KTAP_SUITE(); `selftest` in the shell
 * (or "selftest" on the command line) runs them all.
 */
struct ktap_test {
	const char *case_name;
	bool failed;
	bool skipped;
	const char *skip_reason;
};

struct ktap_case {
	const char *name;
	void (*run)(struct ktap_test *t);
};

struct ktap_suite {
	const char *name;
	const struct ktap_case *cases;
	unsigned int nr_cases;
	/* optional: return non-zero to skip the whole suite (with a reason) */
	const char *(*skip_if)(void);
};

/* clang-format off */
#define KTAP_CASE(fn) { .name = #fn, .run = fn }

#define KTAP_SUITE(_var, _name, _cases, ...)					\
	static const struct ktap_suite _var __used __section(".ktap_suites")	\
		__aligned(__alignof__(struct ktap_suite)) = {			\
		.name = _name,							\
		.cases = _cases,						\
		.nr_cases = sizeof(_cases) / sizeof((_cases)[0]),		\
		__VA_ARGS__							\
	}
/* clang-format on */

void ktap_fail(struct ktap_test *t, const char *file, int line, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

#define KTAP_EXPECT(t, cond)                                                    \
	do {                                                                    \
		if (!(cond))                                                    \
			ktap_fail(t, __FILE__, __LINE__, "expected %s", #cond); \
	} while (0)

#define KTAP_EXPECT_EQ(t, a, b)                                                                 \
	do {                                                                                    \
		unsigned long long __a = (unsigned long long)(a);                               \
		unsigned long long __b = (unsigned long long)(b);                               \
		if (__a != __b)                                                                 \
			ktap_fail(t, __FILE__, __LINE__, "expected %s == %s: 0x%llx != 0x%llx", \
				  #a, #b, __a, __b);                                            \
	} while (0)

/* KUnit's kunit_mark_skipped(): the case cannot run here, and says why */
static inline void ktap_skip(struct ktap_test *t, const char *reason)
{
	t->skipped = true;
	t->skip_reason = reason;
}

/* a printf-like for diagnostics: "        # ..." lines */
int ktap_print(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Runs every suite; returns the number of failed cases. */
int ktap_run_all(void);

/* start_kernel(): runs them all when "selftest" is on the command line */
void ktap_boot_selftests(void);

#endif
