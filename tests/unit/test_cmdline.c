// SPDX-License-Identifier: GPL-2.0
/* Host tests of lib/cmdline.c: splitting the command line, parsing sizes. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include <linux/cmdline.h>

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
	in = "99999999999999999999999";
	memparse(in, &end);
	assert_ptr_equal(end, in);
	in = "0xffffffffffffG";
	memparse(in, &end);
	assert_ptr_equal(end, in);
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
	assert_int_not_equal(kstrtoul("", 10, &v), 0);
	assert_int_not_equal(kstrtoul("12x", 10, &v), 0);
	assert_int_not_equal(kstrtoul("-1", 10, &v), 0);
	assert_int_not_equal(kstrtoul("99999999999999999999999", 10, &v), 0);
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
	};

	return cmocka_run_group_tests_name("cmdline", tests, NULL, NULL);
}
