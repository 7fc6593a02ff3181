// SPDX-License-Identifier: GPL-2.0
/*
 * lib/string_helpers.c @ v4.14: string_get_size(), the "32.0 MiB" of a
 * disk's first line (mmc_blk_alloc_req()), binary units only.
 */
#include <linux/kernel.h>
#include <linux/string_helpers.h>

/**
 * string_get_size() - a size in bytes, for humans: three significant digits
 * @size: how many blocks
 * @blk_size: bytes per block (size * blk_size must fit 64 bits: a disk's
 *            sectors always do)
 * @units: STRING_UNITS_2 (the only one: 1024 per step, "KiB", "MiB" ...)
 * @buf: where the text goes
 * @len: its size
 *
 * lib/string_helpers.c: string_get_size() @ v4.14 prints 1 MiB as
 * "1.00 MiB", 32 MiB as "32.0 MiB", 512 bytes as "512 B": as many
 * decimals as make three digits, the last rounded half up.  Linux does it
 * with Napier's trick for sizes past 64 bits; a9mm keeps the product.
 */
void string_get_size(u64 size, u64 blk_size, enum string_size_units units, char *buf, int len)
{
	static const char *const units_2[] = { "B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB" };
	u64 bytes = size * blk_size, whole, milli, step;
	unsigned int i = 0, decimals;

	(void)units;
	while (i + 1 < ARRAY_SIZE(units_2) && (bytes >> (10 * (i + 1))))
		i++;
	whole = bytes >> (10 * i);
	/* the rest in thousandths of the unit, truncated: below 1024 before * 1000 */
	milli = i ? (((bytes >> (10 * (i - 1))) & 1023) * 1000) >> 10 : 0;
	decimals = !i || whole >= 100 ? 0 : whole >= 10 ? 1 : 2;
	step = decimals == 0 ? 1000 : decimals == 1 ? 100 : 10;
	milli = (whole * 1000 + milli + step / 2) / step * step;
	whole = milli / 1000;
	milli %= 1000;
	if (decimals == 0)
		snprintf(buf, (size_t)len, "%llu %s", whole, units_2[i]);
	else if (decimals == 1)
		snprintf(buf, (size_t)len, "%llu.%01llu %s", whole, milli / 100, units_2[i]);
	else
		snprintf(buf, (size_t)len, "%llu.%02llu %s", whole, milli / 10, units_2[i]);
}
