// SPDX-License-Identifier: GPL-2.0
/* Host tests of lib/cmdline.c: splitting the command line, parsing sizes. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include <limits.h>

#include <asm/map.h>
#include <linux/cmdline.h>
#include <linux/errno.h>
#include <linux/init.h>
#include <linux/memblock.h>
#include <linux/mm.h>

#include "host_shim.h"

static void split_all(const char *line, const char *expect[][2], int n)
{
	char buf[256];
	char *args = buf, *param, *val;
	int i = 0;

	strcpy(buf, line);
	while (*args == ' ')
		args++;
	while (*args) {
		args = next_arg(args, &param, &val);
		assert_true(i < n);
		assert_string_equal(param, expect[i][0]);
		if (expect[i][1])
			assert_string_equal(val, expect[i][1]);
		else
			assert_null(val);
		i++;
	}
	assert_int_equal(i, n);
}

static void test_next_arg_words_and_values(void **state)
{
	const char *expect[][2] = {
		{ "console", "ttyAMA0" },
		{ "quiet", NULL },
		{ "mem", "256M@0x60000000" },
		{ "a", "" },
	};

	split_all("console=ttyAMA0 quiet  mem=256M@0x60000000 a=", expect, 4);
}

static void test_next_arg_quotes(void **state)
{
	const char *expect[][2] = {
		{ "x", "two words" },
		{ "y", "b c" },
		{ "z", NULL },
	};

	split_all("x=\"two words\" \"y=b c\" z", expect, 3);
}

static void test_parameq_dash_underscore(void **state)
{
	assert_true(parameq("ignore_loglevel", "ignore-loglevel"));
	assert_true(parameq("mem", "mem"));
	assert_false(parameq("mem", "memblock"));
	assert_false(parameq("memblock", "mem"));
}

static void test_memparse_suffixes(void **state)
{
	char *end;

	assert_int_equal(memparse("64M", &end), 64ULL << 20);
	assert_string_equal(end, "");
	assert_int_equal(memparse("1g@x", &end), 1ULL << 30);
	assert_string_equal(end, "@x");
	assert_int_equal(memparse("0x60000000", &end), 0x60000000ULL);
	assert_int_equal(memparse("4k", &end), 4096);
	assert_int_equal(memparse("010", &end), 8);
}

static void test_memparse_garbage_and_overflow(void **state)
{
	const char *in = "banana";
	char *end;

	assert_int_equal(memparse(in, &end), 0);
	assert_ptr_equal(end, in);
	/* too big for 64 bits: saturates, never wraps; digits and suffix consumed */
	in = "99999999999999999999999";
	assert_true(memparse(in, &end) == ULLONG_MAX);
	assert_string_equal(end, "");
	in = "18446744073709551616"; /* 2^64 would wrap to 0 */
	assert_true(memparse(in, &end) == ULLONG_MAX);
	assert_string_equal(end, "");
	in = "0xffffffffffffG@1";
	assert_true(memparse(in, &end) == ULLONG_MAX);
	assert_string_equal(end, "@1");
	in = "99999999999G"; /* 99999999999 << 30 wraps to 0x...6c00000000 in Linux */
	assert_true(memparse(in, &end) == ULLONG_MAX);
	/* the largest that fits is exact */
	assert_true(memparse("18446744073709551615", &end) == ULLONG_MAX);
	assert_true(memparse("16777215T", &end) == 16777215ULL << 40);
	assert_true(memparse("1e", &end) == 1ULL << 60);
	assert_true(memparse("16E", &end) == ULLONG_MAX);
	/* found by fuzz_cmdline: a space is no suffix (' ' & ~0x20 is the NUL) */
	assert_int_equal(memparse("5 G", &end), 5);
	assert_string_equal(end, " G");
	assert_int_equal(memparse("5@", &end), 5);
}

static void test_kstrtoul(void **state)
{
	unsigned long v;

	assert_int_equal(kstrtoul("42", 10, &v), 0);
	assert_int_equal(v, 42);
	assert_int_equal(kstrtoul("0x1f", 0, &v), 0);
	assert_int_equal(v, 0x1f);
	assert_int_equal(kstrtoul("c0010000", 16, &v), 0);
	assert_int_equal(v, 0xc0010000UL);
	assert_int_equal(kstrtoul("7\n", 10, &v), 0);
	assert_int_equal(kstrtoul("+7", 10, &v), 0);
	assert_int_equal(v, 7);
	assert_int_equal(kstrtoul("", 10, &v), -EINVAL);
	assert_int_equal(kstrtoul("12x", 10, &v), -EINVAL);
	assert_int_equal(kstrtoul("-1", 10, &v), -EINVAL);
	assert_int_equal(kstrtoul("99999999999999999999999", 10, &v), -ERANGE);
	assert_int_equal(v, 7); /* untouched on error */
}

/* lib/kstrtox.c's contract: -EINVAL for not a number, -ERANGE for too big */
static void test_kstrtoint_ranges(void **state)
{
	int v = 5;
	unsigned int u = 5;
	unsigned long long ull;
	long long ll;

	assert_int_equal(kstrtoint("4294967297", 0, &v), -ERANGE); /* would wrap to 1 */
	assert_int_equal(kstrtoint("99999999999999", 0, &v), -ERANGE);
	assert_int_equal(kstrtoint("2147483648", 0, &v), -ERANGE);
	assert_int_equal(kstrtoint("-2147483649", 0, &v), -ERANGE);
	assert_int_equal(v, 5);
	assert_int_equal(kstrtoint("2147483647", 0, &v), 0);
	assert_int_equal(v, INT_MAX);
	assert_int_equal(kstrtoint("-2147483648", 0, &v), 0);
	assert_int_equal(v, INT_MIN);
	assert_int_equal(kstrtoint("-0x10", 0, &v), 0);
	assert_int_equal(v, -16);
	assert_int_equal(kstrtoint("010", 0, &v), 0);
	assert_int_equal(v, 8);
	assert_int_equal(kstrtoint("", 0, &v), -EINVAL);
	assert_int_equal(kstrtoint("-", 0, &v), -EINVAL);
	assert_int_equal(kstrtoint("--1", 0, &v), -EINVAL);
	assert_int_equal(kstrtoint("+-1", 0, &v), -EINVAL);
	assert_int_equal(kstrtoint("1 ", 0, &v), -EINVAL);
	assert_int_equal(kstrtoint("1K", 0, &v), -EINVAL);

	assert_int_equal(kstrtouint("4294967295", 10, &u), 0);
	assert_int_equal(u, UINT_MAX);
	assert_int_equal(kstrtouint("4294967296", 10, &u), -ERANGE);
	assert_int_equal(kstrtouint("-1", 10, &u), -EINVAL);
	assert_int_equal(u, UINT_MAX);

	assert_int_equal(kstrtoull("18446744073709551615", 10, &ull), 0);
	assert_true(ull == ULLONG_MAX);
	assert_int_equal(kstrtoull("18446744073709551616", 10, &ull), -ERANGE);
	assert_int_equal(kstrtoull("0x10000000000000000", 0, &ull), -ERANGE);
	assert_int_equal(kstrtoll("-9223372036854775808", 10, &ll), 0);
	assert_true(ll == LLONG_MIN);
	assert_int_equal(kstrtoll("9223372036854775808", 10, &ll), -ERANGE);
}

/*
 * kernel/params.c, built for the host too: the early options the portable
 * core registers run with their values, and refuse what does not fit.
 */
static void test_parse_early_param_runs_the_options(void **state)
{
	memblock_debug = false;
	rodata_enabled = false;
	mminit_loglevel = 0;
	host_log_reset();
	parse_early_param("console=ttyAMA0 memblock=debug rodata=on mminit_loglevel=4");
	assert_true(memblock_debug);
	assert_true(rodata_enabled);
	assert_int_equal(mminit_loglevel, 4);
	parse_early_param("mminit_loglevel=4294967300 rodata=maybe");
	assert_int_equal(mminit_loglevel, 4);
	assert_true(host_log_contains(
		"mminit_loglevel=4294967300: out of range 0..7 (ERANGE), ignored"));
	assert_true(host_log_contains("rodata=maybe: expected on or off, ignored"));
	memblock_debug = false;
	rodata_enabled = false;
	mminit_loglevel = 0;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_next_arg_words_and_values),
		cmocka_unit_test(test_next_arg_quotes),
		cmocka_unit_test(test_parameq_dash_underscore),
		cmocka_unit_test(test_memparse_suffixes),
		cmocka_unit_test(test_memparse_garbage_and_overflow),
		cmocka_unit_test(test_kstrtoul),
		cmocka_unit_test(test_kstrtoint_ranges),
		cmocka_unit_test(test_parse_early_param_runs_the_options),
	};

	return cmocka_run_group_tests_name("cmdline", tests, NULL, NULL);
}
