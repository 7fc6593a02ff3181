// SPDX-License-Identifier: GPL-2.0
/*
 * KTAP: lib/memset.S and lib/memcpy.S, the kernel's own memset() and
 * memcpy(), against the obvious byte loops -- every start alignment (of
 * both sides for memcpy), every length around the 32-byte STM and the
 * word loop, a long one, every kind of fill byte -- and that they write
 * nothing outside [dst, dst + n) and return dst.
 */
#include <string.h>

#include <linux/kernel.h>

#include <a9mm/ktap.h>

#define GUARD 0x5a
#define AREA  512

static u8 area[AREA + 64] __aligned(8);
static u8 source[AREA + 64] __aligned(8);

/* one memset(area + off, c, n): returns s, fills exactly its bytes */
static bool memset_ok(struct ktap_test *t, unsigned int off, int c, size_t n)
{
	u8 want = (u8)c;
	void *ret;

	for (size_t i = 0; i < sizeof(area); i++)
		area[i] = GUARD;
	ret = memset(area + off, c, n);
	if (ret != area + off) {
		ktap_fail(t, __FILE__, __LINE__, "memset(+%u, %d, %zu) returned %p, not %p", off, c,
			  n, ret, (void *)(area + off));
		return false;
	}
	for (size_t i = 0; i < sizeof(area); i++) {
		u8 exp = (i >= off && i < off + n) ? want : GUARD;

		if (area[i] != exp) {
			ktap_fail(t, __FILE__, __LINE__,
				  "memset(+%u, %d, %zu): byte %zu is 0x%02x, expected 0x%02x", off,
				  c, n, i, area[i], exp);
			return false;
		}
	}
	return true;
}

static void memset_all_alignments_and_lengths(struct ktap_test *t)
{
	static const int fills[] = { 0, 0xff, 0xa5, 0x1ff, -1, 0x100 };
	unsigned int checked = 0;

	for (unsigned int off = 0; off < 8; off++)
		for (size_t n = 0; n <= 100; n++)
			for (unsigned int f = 0; f < ARRAY_SIZE(fills); f++) {
				if (!memset_ok(t, off, fills[f], n))
					return;
				checked++;
			}
	for (unsigned int off = 0; off < 4; off++)
		if (!memset_ok(t, off, 0x3c, AREA - 4))
			return;
	ktap_print("%u memset() calls checked byte by byte\n", checked + 4);
}

/* one memcpy(area + doff, source + soff, n): returns dst, copies exactly its bytes */
static bool memcpy_ok(struct ktap_test *t, unsigned int doff, unsigned int soff, size_t n)
{
	void *ret;

	for (size_t i = 0; i < sizeof(area); i++) {
		area[i] = GUARD;
		source[i] = (u8)(i * 7 + 1);
	}
	ret = memcpy(area + doff, source + soff, n);
	if (ret != area + doff) {
		ktap_fail(t, __FILE__, __LINE__, "memcpy(+%u, +%u, %zu) returned %p, not %p", doff,
			  soff, n, ret, (void *)(area + doff));
		return false;
	}
	for (size_t i = 0; i < sizeof(area); i++) {
		u8 exp = (i >= doff && i < doff + n) ? source[soff + i - doff] : GUARD;

		if (area[i] != exp) {
			ktap_fail(t, __FILE__, __LINE__,
				  "memcpy(+%u, +%u, %zu): byte %zu is 0x%02x, expected 0x%02x",
				  doff, soff, n, i, area[i], exp);
			return false;
		}
	}
	return true;
}

static void memcpy_all_alignments_and_lengths(struct ktap_test *t)
{
	static const size_t lens[] = { 0,  1,  3,  4,  5,  12, 13, 15, 16, 17, 18, 19,	20,
				       21, 31, 32, 33, 35, 36, 47, 63, 64, 65, 67, 100, AREA - 8 };
	unsigned int checked = 0;

	for (unsigned int doff = 0; doff < 8; doff++)
		for (unsigned int soff = 0; soff < 8; soff++)
			for (unsigned int l = 0; l < ARRAY_SIZE(lens); l++) {
				if (!memcpy_ok(t, doff, soff, lens[l]))
					return;
				checked++;
			}
	ktap_print("%u memcpy() calls checked byte by byte\n", checked);
}

static const struct ktap_case string_cases[] = {
	KTAP_CASE(memset_all_alignments_and_lengths),
	KTAP_CASE(memcpy_all_alignments_and_lengths),
};
KTAP_SUITE(string_suite, "string", string_cases);
