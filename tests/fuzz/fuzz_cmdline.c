// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer target: a kernel command line, random or mutated from the
 * seed corpus (tests/fuzz/corpus/cmdline).
 *
 *  1. The number parsers of lib/cmdline.c on every value of it, each
 *     against an independent reference (128-bit arithmetic): kstrtoull,
 *     kstrtoint and kstrtouint give the number, -EINVAL or -ERANGE as
 *     lib/kstrtox.c does; memparse() the number or ULLONG_MAX, never a
 *     wrapped value.
 *  2. The whole line through parse_early_param(), which runs the early
 *     options the portable core registers -- mem=, vmalloc=, rodata=,
 *     memblock=, mminit_loglevel= -- on a memblock holding the board's
 *     1 GiB, then adjust_lowmem_bounds(): memblock must be sound, what
 *     mem= leaves must lie inside the device tree's RAM, and lowmem must
 *     end on a page boundary with memblock's limit on a 2 MiB one.
 */
#include <errno.h>
#include <limits.h>
#include <string.h>

#include <asm/mm.h>
#include <asm/page.h>
#include <asm/setup.h>
#include <linux/cmdline.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/memblock.h>
#include <linux/mm.h>

#include "fuzz_common.h"
#include "host_shim.h"

#define RAM	 0x60000000u
#define RAM_SIZE 0x40000000u

typedef unsigned __int128 u128;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int digit(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'Z')
		return c - 'A' + 10;
	return 99;
}

/*
 * The reference: the digits of s in base (0: by prefix, as lib/kstrtox.c),
 * as a 128-bit number saturated at 2^127; *end after them, *n how many.
 */
static u128 ref_number(const char *s, unsigned int base, const char **end, int *n)
{
	u128 v = 0;

	if (!base) {
		base = 10;
		if (s[0] == '0') {
			base = 8;
			if ((s[1] == 'x' || s[1] == 'X') && digit(s[2]) < 16) {
				base = 16;
				s += 2;
			}
		}
	} else if (base == 16 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
		s += 2;
	}
	for (*n = 0; digit(*s) < (int)base; s++, (*n)++)
		v = v >= ((u128)1 << 120) ? (u128)1 << 127 : v * base + (u128)digit(*s);
	*end = s;
	return v;
}

/* -EINVAL / -ERANGE / 0 for an unsigned number with limit max, as kstrtox */
static int ref_kstrtou(const char *s, unsigned int base, u128 max, u128 *v)
{
	const char *end;
	int n;

	if (*s == '+')
		s++;
	*v = ref_number(s, base, &end, &n);
	if (!n)
		return -EINVAL;
	/* lib/kstrtox.c sees a 64-bit overflow while parsing: before what follows */
	if (*v > ULLONG_MAX)
		return -ERANGE;
	if (*end == '\n')
		end++;
	if (*end)
		return -EINVAL;
	return *v > max ? -ERANGE : 0;
}

static void check_numbers(const char *s)
{
	static const unsigned int bases[] = { 0, 8, 10, 16 };
	unsigned long long ull = 0;
	unsigned int u = 0;
	u128 ref;
	__int128 ival;
	int i = 0, r, want;
	char *end;

	for (unsigned int b = 0; b < ARRAY_SIZE(bases); b++) {
		r = kstrtoull(s, bases[b], &ull);
		want = ref_kstrtou(s, bases[b], ULLONG_MAX, &ref);
		if (r != want || (!r && ull != (unsigned long long)ref))
			fuzz_fail("kstrtoull(\"%s\", %u) = %d, %llu; expected %d", s, bases[b], r,
				  ull, want);
		r = kstrtouint(s, bases[b], &u);
		want = ref_kstrtou(s, bases[b], UINT_MAX, &ref);
		if (r != want || (!r && u != (unsigned int)ref))
			fuzz_fail("kstrtouint(\"%s\", %u) = %d, %u; expected %d", s, bases[b], r, u,
				  want);
		r = kstrtoint(s, bases[b], &i);
		if (s[0] == '-') {
			/* after the '-' lib/kstrtox.c takes no '+' */
			want = s[1] == '+' ? -EINVAL
					   : ref_kstrtou(s + 1, bases[b], (u128)INT_MAX + 1, &ref);
			ival = want ? 0 : -(__int128)ref;
		} else {
			want = ref_kstrtou(s, bases[b], INT_MAX, &ref);
			ival = (__int128)ref;
		}
		if (r != want || (!r && i != ival))
			fuzz_fail("kstrtoint(\"%s\", %u) = %d, %d; expected %d", s, bases[b], r, i,
				  want);
	}

	/* memparse(): the number, shifted by its suffix, or ULLONG_MAX; never wrapped */
	ull = memparse(s, &end);
	{
		const char *e;
		int n;
		u128 v = ref_number(s, 0, &e, &n);
		const char *sfx = n && *e ? strchr("KkMmGgTtPpEe", *e) : NULL;

		if (!n) {
			if (ull || end != s)
				fuzz_fail("memparse(\"%s\"): garbage gave %llu", s, ull);
			return;
		}
		if (sfx) {
			unsigned int shift = 10 * (unsigned int)((sfx - "KkMmGgTtPpEe") / 2 + 1);

			v = v > ULLONG_MAX ? v : v << shift;
			e++;
		}
		if (end != e || ull != (v > ULLONG_MAX ? ULLONG_MAX : (unsigned long long)v))
			fuzz_fail("memparse(\"%s\") = %llu, ends at +%td", s, ull, end - s);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char line[COMMAND_LINE_SIZE], words[COMMAND_LINE_SIZE];
	char *args = words, *param, *val;
	phys_addr_t start, end;
	u64 i;

	if (size >= sizeof(line))
		return -1;
	memcpy(line, data, size);
	line[size] = '\0';
	memcpy(words, line, size + 1);

	/* 1: every word's value (or the word itself) through the number parsers */
	while (*args == ' ')
		args++;
	while (*args) {
		char *next = next_arg(args, &param, &val);

		if (next < args || next > words + size)
			fuzz_fail("next_arg() went to offset %td of %zu", next - words, size);
		args = next;
		check_numbers(val ? val : param);
	}

	/* 2: the early options, on a fresh boot's memblock */
	memblock_reset();
	mem_param_reset();
	host_log_reset();
	memblock_debug = false;
	rodata_enabled = false;
	memblock_add(RAM, RAM_SIZE);
	memblock_reserve(RAM + 0xc000, 0x44000);
	/* vmalloc= is the one option whose default lives in a static: restore it */
	parse_early_param("vmalloc=240M");
	parse_early_param(line);
	fuzz_check_memblock();
	for_each_mem_range(i, &memblock.memory, NULL, &start, &end)
		if (start < RAM || end > RAM + RAM_SIZE || (start | end) & ~PAGE_MASK)
			fuzz_fail("mem= left memory 0x%08x-0x%08x, outside the DT's RAM or pages",
				  start, end);
	if (!memblock.memory.cnt)
		return 0;
	adjust_lowmem_bounds();
	if (arm_lowmem_limit & ~PAGE_MASK || memblock_get_current_limit() % (2 << 20))
		fuzz_fail("lowmem ends at 0x%08x, memblock's limit 0x%08x", arm_lowmem_limit,
			  memblock_get_current_limit());
	/* 0 when mem= left no RAM below vmalloc= (check_lowmem() panics then) */
	if (arm_lowmem_limit && (arm_lowmem_limit <= RAM || arm_lowmem_limit > RAM + RAM_SIZE))
		fuzz_fail("lowmem limit 0x%08x outside RAM", arm_lowmem_limit);
	return 0;
}
