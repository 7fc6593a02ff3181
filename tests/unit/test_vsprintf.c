// SPDX-License-Identifier: GPL-2.0
/*
 * Host tests of lib/vsprintf.c: the kernel's vsnprintf() beside the C
 * library's (glibc's, C99's printf) over a table of formats and values,
 * every buffer size that cuts the text, and the few places where it
 * prints as picolibc did and glibc does not (%p of NULL, "(null)" cut by
 * a precision) or where the format is not one it takes.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include <linux/kernel.h>

#include "host_shim.h"

#define BUF	 600
#define SENTINEL 0xa5

/*
 * Both into buffers of @size (NULL when size is 0 and @null), each
 * filled with SENTINEL first: the return values and every byte of the
 * buffers -- the NUL and what lies past it included -- must match.
 */
static void compare_v(size_t size, bool null, const char *fmt, va_list args)
{
	char ours[BUF], libc[BUF];
	va_list a1, a2;
	int n_ours, n_libc;

	assert_true(size <= BUF);
	memset(ours, SENTINEL, sizeof(ours));
	memset(libc, SENTINEL, sizeof(libc));
	va_copy(a1, args);
	va_copy(a2, args);
	n_ours = a9mm_vsnprintf(null ? NULL : ours, size, fmt, a1);
	n_libc = vsnprintf(null ? NULL : libc, size, fmt, a2);
	va_end(a1);
	va_end(a2);
	if (n_ours != n_libc || memcmp(ours, libc, sizeof(ours)))
		fail_msg("\"%s\" into %zu: ours %d \"%.*s\", the C library's %d \"%.*s\"", fmt,
			 size, n_ours, (int)min(size, (size_t)n_ours), ours, n_libc,
			 (int)min(size, (size_t)n_libc), libc);
}

/* The whole text only */
static void __attribute__((format(printf, 1, 2))) check(const char *fmt, ...)
{
	va_list args;

	va_start(args, fmt);
	compare_v(BUF, false, fmt, args);
	va_end(args);
}

/* ... and cut at every size up to its length + 1, and measured with NULL */
static void __attribute__((format(printf, 1, 2))) check_cut(const char *fmt, ...)
{
	va_list args;
	int len;

	va_start(args, fmt);
	compare_v(0, true, fmt, args);
	va_end(args);
	va_start(args, fmt);
	len = a9mm_vsnprintf(NULL, 0, fmt, args);
	va_end(args);
	assert_true(len >= 0 && len < BUF);
	for (size_t size = 0; size <= (size_t)len + 1; size++) {
		va_start(args, fmt);
		compare_v(size, false, fmt, args);
		va_end(args);
	}
}

/* What ours prints, and returns, must be @want */
static void __attribute__((format(printf, 2, 3))) expect(const char *want, const char *fmt, ...)
{
	char buf[BUF];
	va_list args;
	int n;

	va_start(args, fmt);
	n = a9mm_vsnprintf(buf, sizeof(buf), fmt, args);
	va_end(args);
	if (n != (int)strlen(want) || strcmp(buf, want))
		fail_msg("\"%s\": \"%s\" (%d), expected \"%s\"", fmt, buf, n, want);
}

static const int int_values[] = {
	0,	   1,	      -1,	  7,	   -7,	    9,		 10,	42,	  -42,
	99,	   100,	      127,	  128,	   255,	    256,	 999,	1000,	  4095,
	0x1234,	   9999,      10000,	  32767,   32768,   65535,	 65536, 99999999, 100000000,
	123456789, 999999999, 1000000000, INT_MAX, INT_MIN, INT_MIN + 1,
};

static const long long ll_values[] = {
	0,
	1,
	-1,
	42,
	-42,
	99999999,
	100000000,
	4294967295LL,
	4294967296LL,
	-4294967296LL,
	281474976710655LL,
	281474976710656LL,
	9999999999999999LL,
	10000000000000000LL,
	999999999999999999LL,
	1000000000000000000LL,
	0x123456789abcdefLL,
	LLONG_MAX,
	LLONG_MIN,
	LLONG_MIN + 1,
	(long long)0xfedcba9876543210ULL,
	(long long)10000000000000000000ULL,
};

/* Each length modifier with every value of its type (ints promoted: hh, h) */
static void check_lengths(const char *fmt_pre, const char *conv)
{
	static const char *const lengths[] = { "hh", "h", "", "l", "ll", "L", "z", "t" };
	char fmt[64];

	for (size_t l = 0; l < ARRAY_SIZE(lengths); l++) {
		snprintf(fmt, sizeof(fmt), "<%%%s%s%s>", fmt_pre, lengths[l], conv);
		if (l < 3) {
			for (size_t i = 0; i < ARRAY_SIZE(int_values); i++)
				check(fmt, int_values[i]);
		} else if (l == 3) {
			for (size_t i = 0; i < ARRAY_SIZE(ll_values); i++)
				check(fmt, (long)ll_values[i]);
		} else if (l < 6) {
			for (size_t i = 0; i < ARRAY_SIZE(ll_values); i++)
				check(fmt, ll_values[i]);
		} else if (l == 6) {
			for (size_t i = 0; i < ARRAY_SIZE(ll_values); i++)
				check(fmt, (size_t)ll_values[i]);
		} else {
			for (size_t i = 0; i < ARRAY_SIZE(ll_values); i++)
				check(fmt, (ptrdiff_t)ll_values[i]);
		}
	}
}

/* d i u o x X, every set of flags, widths and precisions, every length */
static void test_integers_against_libc(void **state)
{
	static const char *const convs[] = { "d", "i", "u", "o", "x", "X" };
	static const char *const widths[] = { "", "1", "6", "24" };
	static const char *const precisions[] = { "", ".", ".0", ".1", ".5", ".22" };
	static const char flag_chars[] = "-+ 0#";
	char pre[32];

	for (size_t c = 0; c < ARRAY_SIZE(convs); c++) {
		bool is_signed = convs[c][0] == 'd' || convs[c][0] == 'i';

		for (unsigned int flags = 0; flags < 32; flags++) {
			size_t k = 0;

			/* '#' is C99's for o, x and X only */
			if ((flags & 16) && (is_signed || convs[c][0] == 'u'))
				continue;
			for (unsigned int f = 0; f < 5; f++)
				if (flags & (1u << f))
					pre[k++] = flag_chars[f];
			for (size_t w = 0; w < ARRAY_SIZE(widths); w++) {
				for (size_t p = 0; p < ARRAY_SIZE(precisions); p++) {
					snprintf(pre + k, sizeof(pre) - k, "%s%s", widths[w],
						 precisions[p]);
					check_lengths(pre, convs[c]);
				}
			}
		}
	}
}

/* The formats the kernel prints with, as it uses them */
static void test_kernel_formats(void **state)
{
	check("[%5lu.%06lu] ", 5UL, 123UL);
	check("[%5lu.%06lu] ", 123456UL, 999999UL);
	check("%08lx-%08lx %c%c%c%c %08lx %02x:%02x %lu ", 0x10000UL, 0xbefdf000UL, 'r', '-', 'x',
	      'p', 0UL, 0u, 0u, 0UL);
	check("%08llx %llu %lld %8lld", 0x80000000ULL, 18446744073709551615ULL, LLONG_MIN, -5LL);
	check("%zu %zd %zx", (size_t)-1, (ptrdiff_t)-5, (size_t)77);
	check("%*s|%-*s|%*u|%.*s|%.*s", 6, "ab", 6, "cd", -4, 7u, 2, "xyz", -1, "xyz");
	check("%-16s %6lu %4ld %05lx %03x %016x %#lx %o %i", "dma-kmalloc-128", 3UL, -2L, 0xabcUL,
	      7u, 0xdeadbeefu, 0x1000UL, 0755u, -12);
	check("%%|100%%");
	check("%s/%d swapper/%u kworker/%u:0 %luM %lu.%luK", "init", 1, 3u, 2u, 64UL, 3UL, 9UL);
	check("%c|%3c|%-3c|%c", 'a', 'b', 'c', 0);
	check("%s|%10s|%-10s|%.2s|%10.3s|", "", "text", "text", "text", "text");
	check("%s", "a long line of text a long line of text a long line of text a long line");
}

static void test_cut_and_sizes(void **state)
{
	check_cut("%d", INT_MIN);
	check_cut("%llu|%lld", ULLONG_MAX, LLONG_MIN);
	check_cut("%40d|", 1);
	check_cut("%-40s|", "left");
	check_cut("%#024llx", 0x123456789abcULL);
	check_cut("pre %s mid %c post", "string", 'c');
	check_cut("%c%c%c", 'a', 0, 'b');
	check_cut("%08lx %p", 0xc0000000UL, (void *)0xc0001000UL);
	check_cut("%s", "");

	/* wider than the buffer: cut, the length still the whole */
	{
		char buf[8];

		memset(buf, SENTINEL, sizeof(buf));
		assert_int_equal(a9mm_snprintf(buf, 5, "%400d", 1), 400);
		assert_string_equal(buf, "    ");
		assert_int_equal((unsigned char)buf[5], SENTINEL);
		memset(buf, SENTINEL, sizeof(buf));
		assert_int_equal(a9mm_snprintf(buf, 1, "%400d", 1), 400);
		assert_int_equal(buf[0], '\0');
		assert_int_equal((unsigned char)buf[1], SENTINEL);
		assert_int_equal(a9mm_snprintf(NULL, 0, "%s%s", "abc", "de"), 5);
		memset(buf, SENTINEL, sizeof(buf));
		assert_int_equal(a9mm_snprintf(buf, 0, "x"), 1);
		assert_int_equal((unsigned char)buf[0], SENTINEL);
	}
}

/* Every decimal: the 32-bit split at 10^8, the 16-bit pieces above 2^32 */
static void test_decimal_conversion(void **state)
{
	unsigned long long x = 0x9e3779b97f4a7c15ULL;

	for (unsigned int v = 0; v < 200000; v++)
		check("%u", v);
	for (unsigned int k = 1; k < 64; k++) {
		unsigned long long p2 = 1ULL << k;

		for (int d = -300; d <= 300; d++) {
			check("%llu", p2 + (unsigned long long)d);
			check("%lld", (long long)(p2 + (unsigned long long)d));
		}
	}
	for (unsigned long long p10 = 10; p10 <= 10000000000000000000ULL; p10 *= 10) {
		for (int d = -300; d <= 300; d++)
			check("%llu", p10 + (unsigned long long)d);
		if (p10 > ULLONG_MAX / 10)
			break;
	}
	for (int d = 0; d <= 3000; d++)
		check("%llu", ULLONG_MAX - (unsigned long long)d);
	for (int i = 0; i < 300000; i++) { /* xorshift64, at every length */
		x ^= x << 13;
		x ^= x >> 7;
		x ^= x << 17;
		check("%llu|%u|%llo|%llX", x >> (i % 64), (unsigned int)(x >> (i % 32)), x, x);
	}
}

/* '*' widths and precisions, negative ones included */
static void test_star_arguments(void **state)
{
	static const int stars[] = { 0, 1, 3, 12, -1, -3, -12, INT_MIN + 1 };

	for (size_t i = 0; i < ARRAY_SIZE(stars); i++) {
		if (stars[i] > -13)
			check("%*d|%-*d|%0*d|%*s|%*c", stars[i], 42, stars[i], 42, stars[i], -42,
			      stars[i], "abc", stars[i], 'z');
		check("%.*d|%.*x|%.*s|%.*s", stars[i], 42, stars[i], 0u, stars[i], "abcdef",
		      stars[i], "xy");
		if (stars[i] > -13)
			for (size_t j = 0; j < ARRAY_SIZE(stars); j++)
				check("%*.*d|%-*.*s|", stars[i], stars[j], -7, stars[i], stars[j],
				      "xyzzy");
	}
}

/* %p as picolibc printed it: "%#lx" -- and glibc's, but for NULL and '+' */
static void test_pointers(void **state)
{
	const void *p = (const void *)0x1234, *null = NULL;
	/* through variables: the compiler rejects '0', '+' or a precision with %p */
	const char *flagged = "%p|%10p|%-10p|%010p|%.8p|%010.3p", *sign = "%+p|% 7p";
	const char *null_fmt = "%5p|%-5p|%.8p";

	check(flagged, p, p, p, p, p, p);
	check("%p", (const void *)0xc0001000UL);
	check("%p", (const void *)~0UL);
	expect("0", "%p", null);
	expect("    0|0    |00000000", null_fmt, null, null, null);
	expect("0x1234| 0x1234", sign, p, p);
	/* no %p extensions: the letter after it is text */
	expect("0x10S 0x20K", "%pS %pK", (const void *)0x10, (const void *)0x20);
}

/* NULL strings: "(null)", cut by a precision as picolibc and Linux cut it */
static void test_null_string(void **state)
{
	static const char *volatile null_str; /* NULL the compiler cannot see */
	const char *s = null_str;

	check("%s|%10s|%-8s|%.6s|%.9s", s, s, s, s, s);
	expect("(nu|   (n|(       |", "%.3s|%5.2s|%-8.1s|%.0s", s, s, s, s);
}

/*
 * What it does not take: the rest of the format as it is, and no
 * argument read after.  (Through a variable: the compiler would reject
 * these formats, as it rejects them in the kernel.)
 */
static void test_unsupported_conversions(void **state)
{
	const char *percent = "%%|%5%|%-3%|";

	static const char *const cases[][2] = {
		{ "a%qb %d", "a%qb %d" }, { "100%", "100%" },	    { "x%-", "x%-" },
		{ "%5.2", "%5.2" },	  { "n=%n %d", "n=%n %d" }, { "%f and %d", "%f and %d" },
		{ "%jd", "%jd" },	  { "%lq", "%lq" },	    { "%d %*q %s", "7 %*q %s" },
		{ "%d %.*k", "7 %.*k" },
	};
	char buf[64];

	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		const char *fmt = cases[i][0];
		int n = a9mm_snprintf(buf, sizeof(buf), fmt, 7, 3, 4, "s");

		assert_string_equal(buf, cases[i][1]);
		assert_int_equal(n, (int)strlen(cases[i][1]));
	}
	/* a '%' after flags or a width is a '%', as in Linux and glibc */
	expect("%|%|%|", percent, 0);
	{
		const char *fmt = "ab%qcd";

		assert_int_equal(a9mm_snprintf(buf, 4, fmt), 6);
		assert_string_equal(buf, "ab%");
	}
}

/* Widths and precisions past FIELD_WIDTH_MAX are cut to it, as Linux's */
static void test_width_cap(void **state)
{
	/* through variables: the compiler rejects texts past INT_MAX */
	static volatile int int_min = INT_MIN, int_max = INT_MAX;
	static const char *volatile huge = "%99999999999d";
	const char *star = "%*d", *prec = "%.*d";

	assert_int_equal(a9mm_snprintf(NULL, 0, "%9000000d", 1), (1 << 23) - 1);
	assert_int_equal(a9mm_snprintf(NULL, 0, huge, 1), (1 << 23) - 1);
	assert_int_equal(a9mm_snprintf(NULL, 0, star, int_min, 1), (1 << 23) - 1);
	assert_int_equal(a9mm_snprintf(NULL, 0, prec, int_max, 1), (1 << 23) - 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_integers_against_libc),
		cmocka_unit_test(test_kernel_formats),
		cmocka_unit_test(test_cut_and_sizes),
		cmocka_unit_test(test_decimal_conversion),
		cmocka_unit_test(test_star_arguments),
		cmocka_unit_test(test_pointers),
		cmocka_unit_test(test_null_string),
		cmocka_unit_test(test_unsupported_conversions),
		cmocka_unit_test(test_width_cap),
	};

	return cmocka_run_group_tests_name("vsprintf", tests, NULL, NULL);
}
