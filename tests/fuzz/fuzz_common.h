/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the libFuzzer targets (tests/fuzz/fuzz_*.c) share: the mm core is
 * built natively with ASan + UBSan as for the host unit tests, and
 * tests/unit/host_shim.c stands in for the arch layer.  A violated
 * invariant is a crash, with the reason on stderr, so libFuzzer keeps the
 * input that caused it.
 */
#ifndef _FUZZ_COMMON_H
#define _FUZZ_COMMON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <linux/memblock.h>

void fuzz_fail(const char *fmt, ...) __attribute__((noreturn, format(printf, 1, 2)));

/*
 * Linux's invariants of a memblock_type: regions sorted, disjoint, none
 * empty, neighbours merged (a9mm has one flag value), total_size their
 * sum, cnt within max; and an array memblock_double_array() allocated is
 * reserved in whole pages.
 */
void fuzz_check_memblock(void);

/* memblock_is_region_reserved() for a u64 range clamped to 32 bits */
bool fuzz_any_reserved(uint64_t base, uint64_t end);

/*
 * The only panic a fuzzed input may cause: memblock_double_array() with
 * really no room left in the early window (an input that reserves or
 * removes it, then needs more regions).  Checked on memblock as the
 * panic left it: any other panic, or one with room to spare, fails.
 */
void fuzz_check_double_array_panic(void);

#endif
