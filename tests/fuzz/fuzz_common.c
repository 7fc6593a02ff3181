// SPDX-License-Identifier: GPL-2.0
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <asm/page.h>
#include <linux/kernel.h>

#include "fuzz_common.h"
#include "host_shim.h"

void fuzz_fail(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	fputs("fuzz: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputs("\n--- kernel log (last 4 KiB) ---\n", stderr);
	va_end(ap);
	fputs(host_log + (strlen(host_log) > 4096 ? strlen(host_log) - 4096 : 0), stderr);
	abort();
}

static void check_type(const struct memblock_type *type)
{
	uint64_t total = 0;

	if (type->cnt > type->max)
		fuzz_fail("%s: cnt %lu > max %lu", type->name, type->cnt, type->max);
	for (unsigned long i = 0; i < type->cnt; i++) {
		const struct memblock_region *r = &type->regions[i];
		uint64_t end = (uint64_t)r->base + r->size;

		if (!r->size)
			fuzz_fail("%s[%lu] is empty", type->name, i);
		if (end > 0xffffffffULL)
			fuzz_fail("%s[%lu] ends past 32 bits", type->name, i);
		total += r->size;
		if (i + 1 < type->cnt && end >= r[1].base)
			fuzz_fail("%s[%lu] [0x%08x+0x%x) and [%lu] at 0x%08x: %s", type->name, i,
				  r->base, r->size, i + 1, r[1].base,
				  end > r[1].base ? "overlap or out of order" : "not merged");
	}
	if (total != type->total_size)
		fuzz_fail("%s: total_size 0x%x, regions sum to 0x%llx", type->name,
			  type->total_size, (unsigned long long)total);
}

bool fuzz_any_reserved(uint64_t base, uint64_t end)
{
	if (end > 0xffffffffULL)
		end = 0xffffffffULL;
	return base < end &&
	       memblock_is_region_reserved((phys_addr_t)base, (phys_addr_t)(end - base));
}

void fuzz_check_memblock(void)
{
	const struct memblock_type *types[] = { &memblock.memory, &memblock.reserved };

	for (int t = 0; t < 2; t++) {
		phys_addr_t a, size;

		check_type(types[t]);
		if (types[t]->max == INIT_MEMBLOCK_REGIONS)
			continue;
		a = a9mm_host_pa(types[t]->regions);
		size = PAGE_ALIGN(types[t]->max * sizeof(struct memblock_region));
		for (phys_addr_t p = a; p < a + size; p += PAGE_SIZE)
			if (!memblock_is_reserved(p))
				fuzz_fail("the %s array's page 0x%08x is not reserved",
					  types[t]->name, p);
	}
}

void fuzz_check_double_array_panic(void)
{
	unsigned long kib, lo, hi, xb, xs;
	const char *x = strstr(host_panic_msg, "(apart from [");
	phys_addr_t start, end;
	uint64_t room = 0;
	u64 i;

	if (sscanf(host_panic_msg,
		   "memblock: cannot double the %*s array from %*u to %*u regions: no free %lu KiB in [0x%lx, 0x%lx)",
		   &kib, &lo, &hi) != 3 ||
	    !x || sscanf(x, "(apart from [0x%lx+0x%lx]", &xb, &xs) != 2)
		fuzz_fail("panic: %s", host_panic_msg);
	/*
	 * memblock is as the failed search saw it (nothing has moved since,
	 * and the operation in progress left it consistent): the room in the
	 * window outside the range kept clear, in pages.
	 */
	for_each_free_mem_range(i, &start, &end) {
		uint64_t pieces[2][2] = { { start, min((uint64_t)end, (uint64_t)xb) },
					  { max((uint64_t)start, (uint64_t)xb + xs), end } };

		for (int k = 0; k < 2; k++) {
			uint64_t s = PAGE_ALIGN(
				max(pieces[k][0], max((uint64_t)lo, (uint64_t)PAGE_SIZE)));
			uint64_t e = min(pieces[k][1], (uint64_t)hi) & PAGE_MASK;

			if (s < e)
				room = max(room, e - s);
		}
	}
	if (room >= (uint64_t)kib << 10)
		fuzz_fail("panic with 0x%llx bytes free in the window: %s",
			  (unsigned long long)room, host_panic_msg);
}
