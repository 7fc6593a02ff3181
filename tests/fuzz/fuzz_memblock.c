// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer target: memblock's API driven by a random sequence of
 * operations -- add, remove, reserve, free, alloc, find, limits, the
 * resize window, queries, and bursts that fill the arrays so they must
 * grow -- each checked, as it returns, against a model: two plain sorted
 * lists of [start, end) intervals, maintained independently.
 *
 * After every operation memblock.memory must equal the model's memory,
 * memblock.reserved the model's reservations plus memblock's own grown
 * arrays, all of Linux's invariants must hold (fuzz_check_memblock()),
 * and an allocation or a search must return exactly the highest aligned
 * free block the model finds.  memblock_double_array() may panic only
 * when there really was no room where it may look.
 *
 * The host "RAM" behind __va() spans all 4 GiB (mapped lazily, released
 * after each run), so an array may grow wherever memblock decides.
 */
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <asm/page.h>
#include <linux/kernel.h>
#include <linux/memblock.h>

#include "fuzz_common.h"
#include "host_shim.h"

#define TOP 0xffffffffULL /* memblock caps every end here (memblock_cap_size) */

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

/* --- the model: sorted, disjoint, merged [b, e) intervals ----------------- */
struct iv {
	uint64_t b, e;
};
struct set {
	unsigned int n;
	struct iv v[8192];
};
static struct set mem, rsv;

/*
 * s with [b, e) added (add) or taken away (!add), in place: the
 * intervals [i, j) that touch or overlap it are replaced by what is left
 * of them (add: one merged interval; remove: the parts outside it).
 */
static void set_op(struct set *s, uint64_t b, uint64_t e, bool add)
{
	struct iv keep[2];
	unsigned int i, j, n = 0, lo = 0, hi = s->n;

	if (b >= e)
		return;
	/* i: the first interval that ends at or after b (after b when removing) */
	while (lo < hi) {
		unsigned int mid = (lo + hi) / 2;

		if (add ? s->v[mid].e < b : s->v[mid].e <= b)
			lo = mid + 1;
		else
			hi = mid;
	}
	i = j = lo;
	while (j < s->n && (add ? s->v[j].b <= e : s->v[j].b < e))
		j++;
	if (add) {
		if (i < j) {
			b = min(b, s->v[i].b);
			e = max(e, s->v[j - 1].e);
		}
		keep[n++] = (struct iv){ b, e };
	} else if (i < j) {
		if (s->v[i].b < b)
			keep[n++] = (struct iv){ s->v[i].b, b };
		if (s->v[j - 1].e > e)
			keep[n++] = (struct iv){ e, s->v[j - 1].e };
	}
	memmove(&s->v[i + n], &s->v[j], (s->n - j) * sizeof(s->v[0]));
	memcpy(&s->v[i], keep, n * sizeof(keep[0]));
	s->n = s->n - (j - i) + n;
}

static bool set_has(const struct set *s, uint64_t a)
{
	for (unsigned int i = 0; i < s->n; i++)
		if (a >= s->v[i].b && a < s->v[i].e)
			return true;
	return false;
}

static bool set_covers(const struct set *s, uint64_t b, uint64_t e)
{
	for (unsigned int i = 0; i < s->n; i++)
		if (b >= s->v[i].b && b < s->v[i].e)
			return e <= s->v[i].e;
	return false;
}

static bool set_overlaps(const struct set *s, uint64_t b, uint64_t e)
{
	for (unsigned int i = 0; i < s->n; i++)
		if (s->v[i].b < e && b < s->v[i].e)
			return true;
	return false;
}

/* --- memblock's own arrays ------------------------------------------------ */
static struct iv arrays[2];

static struct iv array_of(const struct memblock_type *type)
{
	phys_addr_t a;

	if (type->max == INIT_MEMBLOCK_REGIONS)
		return (struct iv){ 0, 0 };
	a = a9mm_host_pa(type->regions);
	return (struct iv){ a, a + PAGE_ALIGN(type->max * sizeof(struct memblock_region)) };
}

/*
 * memblock_double_array() gives a replaced array back with memblock_free(),
 * which takes that range out of memblock.reserved whatever else reserved
 * it: the model follows.
 */
static void follow_arrays(void)
{
	struct iv now[2] = { array_of(&memblock.memory), array_of(&memblock.reserved) };

	for (int k = 0; k < 2; k++)
		if (arrays[k].e && (arrays[k].b != now[k].b || arrays[k].e != now[k].e))
			set_op(&rsv, arrays[k].b, arrays[k].e, false);
	memcpy(arrays, now, sizeof(arrays));
}

/* the model of memblock.reserved: reservations plus the live arrays */
static struct set all_rsv;
static void make_all_rsv(void)
{
	/* (the used part only: a whole struct set is 128 KiB) */
	all_rsv.n = rsv.n;
	memcpy(all_rsv.v, rsv.v, rsv.n * sizeof(rsv.v[0]));
	for (int k = 0; k < 2; k++)
		set_op(&all_rsv, arrays[k].b, arrays[k].e, true);
}

static void compare(const struct memblock_type *type, const struct set *want)
{
	if (type->cnt != want->n)
		fuzz_fail("%s: %lu regions, the model has %u", type->name, type->cnt, want->n);
	for (unsigned int i = 0; i < want->n; i++)
		if (type->regions[i].base != want->v[i].b ||
		    (uint64_t)type->regions[i].base + type->regions[i].size != want->v[i].e)
			fuzz_fail("%s[%u] = [0x%08x+0x%x), the model has [0x%llx-0x%llx)",
				  type->name, i, type->regions[i].base, type->regions[i].size,
				  (unsigned long long)want->v[i].b,
				  (unsigned long long)want->v[i].e);
}

/* free = memory minus memblock.reserved's model, by one sweep */
static struct set free_set;
static void make_free(void)
{
	unsigned int j = 0;

	make_all_rsv();
	free_set.n = 0;
	for (unsigned int i = 0; i < mem.n; i++) {
		uint64_t b = mem.v[i].b, e = mem.v[i].e;

		while (j < all_rsv.n && all_rsv.v[j].e <= b)
			j++;
		for (unsigned int k = j; k < all_rsv.n && all_rsv.v[k].b < e; k++) {
			if (all_rsv.v[k].b > b)
				free_set.v[free_set.n++] = (struct iv){ b, all_rsv.v[k].b };
			b = max(b, all_rsv.v[k].e);
		}
		if (b < e)
			free_set.v[free_set.n++] = (struct iv){ b, e };
	}
}

/*
 * memblock_find_in_range() on the model: the highest aligned block of
 * size bytes in memory minus reserved, inside [max(start, PAGE_SIZE), end).
 */
static uint64_t model_find(uint64_t start, uint64_t end, uint64_t size, uint64_t align)
{
	if (!end)
		end = memblock.current_limit;
	start = max(start, (uint64_t)PAGE_SIZE);
	end = max(start, end);
	if (!size || !align || (align & (align - 1)))
		return 0;
	make_free();
	for (int i = (int)free_set.n - 1; i >= 0; i--) {
		uint64_t s = clamp(free_set.v[i].b, start, end);
		uint64_t e = clamp(free_set.v[i].e, start, end);

		if (e >= size && round_down(e - size, align) >= s)
			return round_down(e - size, align);
	}
	return 0;
}

static bool on_an_array(uint64_t b, uint64_t e)
{
	for (int k = 0; k < 2; k++)
		if (arrays[k].b < e && b < arrays[k].e)
			return true;
	return false;
}

/* --- the input ------------------------------------------------------------ */
static const uint8_t *in;
static size_t left;

static uint32_t get(unsigned int bytes)
{
	uint32_t v = 0;

	while (bytes-- && left) {
		v = v << 8 | *in++;
		left--;
	}
	return v;
}

/* mostly inside a 16 MiB area, so that operations meet; sometimes anywhere */
static uint32_t get_addr(void)
{
	uint32_t b = get(1);

	switch (b & 3) {
	case 0:
		return 0x60000000u + (get(2) << 8);
	case 1:
		return 0x60000000u + (get(1) << 12);
	case 2:
		return get(4);
	default:
		return b & 4 ? 0xffffffffu - get(2) : get(2);
	}
}

static uint32_t get_size(void)
{
	uint32_t b = get(1);

	switch (b & 3) {
	case 0:
		return get(2);
	case 1:
		return get(1) << 12;
	case 2:
		return get(4);
	default:
		return b & 4 ? 0xffffffffu - get(2) : get(2) << 16;
	}
}

static uint64_t end_of(uint32_t base, uint32_t size)
{
	return min((uint64_t)base + size, TOP);
}

/* FUZZ_TRACE=1 in the environment: each operation on stderr (to replay a finding) */
static int tracing = -1;
#define trace(fmt, ...)                                                \
	do {                                                           \
		if (tracing < 0)                                       \
			tracing = getenv("FUZZ_TRACE") != NULL;        \
		if (tracing)                                           \
			fprintf(stderr, "  " fmt "\n", ##__VA_ARGS__); \
	} while (0)

static jmp_buf panic_jb;
static uint64_t op_b, op_e; /* the range the current operation works on */

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	host_ram_init(0, (size_t)TOP + 1);
	return 0;
}

static void run(uint8_t op)
{
	uint32_t a, s;
	uint64_t got, want;

	switch (op % 12) {
	case 0:
	case 1:
	case 2:
	case 3:
		a = get_addr();
		s = get_size();
		op_b = a;
		op_e = end_of(a, s);
		/* freeing memblock's own array is the caller's bug, not memblock's */
		if (op % 12 == 3 && on_an_array(op_b, op_e))
			break;
		trace("%s(0x%08x, 0x%x)",
		      (const char *[]){ "add", "remove", "reserve", "free" }[op % 12], a, s);
		if (op % 12 == 0)
			memblock_add(a, s);
		else if (op % 12 == 1)
			memblock_remove(a, s);
		else if (op % 12 == 2)
			memblock_reserve(a, s);
		else
			memblock_free(a, s);
		follow_arrays();
		set_op(op % 12 < 2 ? &mem : &rsv, op_b, op_e, !(op % 2));
		break;
	case 4: { /* memblock_alloc_base(): the model's block, then reserved */
		uint32_t max_addr = get(1) & 1 ? get_addr() : MEMBLOCK_ALLOC_ACCESSIBLE;

		s = get_size() & 0xfffff;
		a = 1u << (get(1) % 24);
		want = model_find(0,
				  !max_addr || max_addr > memblock.current_limit
					  ? memblock.current_limit
					  : max_addr,
				  s, a);
		op_b = want;
		op_e = want + s;
		trace("alloc_base(0x%x, 0x%x, 0x%x)", s, a, max_addr);
		got = memblock_alloc_base(s, a, max_addr);
		if (got != want)
			fuzz_fail(
				"memblock_alloc_base(0x%x, 0x%x, 0x%x) = 0x%llx, the model says 0x%llx",
				s, a, max_addr, (unsigned long long)got, (unsigned long long)want);
		follow_arrays();
		if (got)
			set_op(&rsv, got, got + s, true);
		break;
	}
	case 5: {
		uint32_t st = get_addr(), en = get_addr();

		s = get_size();
		a = get(1);
		a = a < 224 ? 1u << (a % 32) : a - 224; /* now and then 0 or not a power of 2 */
		want = model_find(st, en, s, a);
		got = memblock_find_in_range(st, en, s, a);
		if (got != want)
			fuzz_fail(
				"memblock_find_in_range(0x%x, 0x%x, 0x%x, 0x%x) = 0x%llx, the model says 0x%llx",
				st, en, s, a, (unsigned long long)got, (unsigned long long)want);
		break;
	}
	case 6:
		a = get_addr();
		trace("set_current_limit(0x%08x)", a);
		memblock_set_current_limit(a);
		break;
	case 7: /* the queries */
		a = get_addr();
		s = get_size();
		make_all_rsv();
		if (memblock_is_memory(a) != set_has(&mem, a) ||
		    memblock_is_reserved(a) != set_has(&all_rsv, a) ||
		    memblock_is_region_memory(a, s) !=
			    set_covers(&mem, a, max(end_of(a, s), a + 1ULL)) ||
		    memblock_is_region_reserved(a, s) != set_overlaps(&all_rsv, a, end_of(a, s)))
			fuzz_fail("a query at 0x%08x+0x%x disagrees with the model", a, s);
		break;
	case 8:
		trace("allow_resize()");
		memblock_allow_resize();
		break;
	case 9:
		a = get_addr();
		s = (phys_addr_t)end_of(a, get_size());
		trace("set_resize_window(0x%08x, 0x%08x)", a, s);
		memblock_set_resize_window(a, s);
		break;
	default: { /* a burst of disjoint regions, to make an array grow */
		unsigned int n = get(1) % 64;
		uint32_t stride = (get(1) + 2) * 16;
		bool memory = op % 12 == 10;

		a = get_addr();
		if (memblock.memory.cnt + memblock.reserved.cnt > 320)
			break;
		trace("%u x %s(0x%08x + k * 0x%x, 16)", n, memory ? "add" : "reserve", a, stride);
		for (unsigned int k = 0; k < n && (uint64_t)a + k * stride + 16 <= TOP; k++) {
			op_b = a + k * stride;
			op_e = op_b + 16;
			if (memory)
				memblock_add((phys_addr_t)op_b, 16);
			else
				memblock_reserve((phys_addr_t)op_b, 16);
			follow_arrays();
			set_op(memory ? &mem : &rsv, op_b, op_e, true);
		}
	}
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	jmp_buf *saved = host_panic_jmp;

	static unsigned int runs;

	/*
	 * What earlier runs left in the host RAM is never read (a new array is
	 * copied and cleared whole): give the pages back now and then, only
	 * so that memory use stays bounded.
	 */
	if (!(++runs % 4096))
		host_ram_zero();
	memblock_reset();
	host_log_reset();
	memblock_debug = getenv("FUZZ_TRACE") != NULL;
	mem.n = rsv.n = 0;
	memset(arrays, 0, sizeof(arrays));
	in = data;
	left = size;
	host_panic_jmp = &panic_jb;
	if (setjmp(panic_jb)) {
		host_panic_jmp = saved;
		/* only a doubling with really no room is allowed to stop the kernel */
		fuzz_check_double_array_panic();
		return 0;
	}
	while (left) {
		run(get(1));
		make_all_rsv();
		fuzz_check_memblock();
		compare(&memblock.memory, &mem);
		compare(&memblock.reserved, &all_rsv);
	}
	host_panic_jmp = saved;
	return 0;
}
