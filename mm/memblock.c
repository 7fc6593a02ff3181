// SPDX-License-Identifier: GPL-2.0
/*
 * mm/memblock.c @ v4.14: the boot-time memory map.  Each memblock_type is
 * an array of regions kept sorted by base, never overlapping, and merged
 * whenever two neighbours touch with the same flags.  Adding or removing a
 * range works in two steps, as in Linux:
 *
 *   memblock_add_range()      memblock_isolate_range() + remove_region()
 *   [==A==]   [==B==]         [=====A=====]      remove [b, e):
 *        [--new--]                 b     e
 *   [==A==][n][==B==]  merge  [=A][ iso ][A]  ->  [=A]     [A]
 *   [=======A=======]
 *
 * memblock has no lock: only the boot CPU uses it, before smp_init()
 * starts the others.  free_all_bootmem() hands its free memory to the
 * buddy allocator and calls memblock_discard(); from then on every change
 * and every allocation is refused as an error, naming the caller -- they
 * would hand out, or claim, pages the buddy allocator already owns.
 *
 * The arrays start as static tables of INIT_MEMBLOCK_REGIONS.  A full
 * array doubles itself with memory taken from memblock, as often as needed
 * (memblock_double_array()): once the linear map exists
 * (memblock_allow_resize()) anywhere below memblock.current_limit, before
 * that only inside the window setup_arch() names, RAM head.S already
 * mapped.  Nothing is ever dropped for want of room: when even that fails,
 * memblock panics saying which array and where it looked.
 */
#include <linux/errno.h>
#include <linux/init.h>
#include <linux/kallsyms.h>
#include <linux/kernel.h>
#include <linux/memblock.h>
#include <asm/memory.h>
#include <asm/page.h>

#define PHYS_ADDR_MAX (~(phys_addr_t)0)

static struct memblock_region memblock_memory_init_regions[INIT_MEMBLOCK_REGIONS];
static struct memblock_region memblock_reserved_init_regions[INIT_MEMBLOCK_REGIONS];

struct memblock memblock = {
	.memory.regions = memblock_memory_init_regions,
	.memory.max = INIT_MEMBLOCK_REGIONS,
	.memory.name = "memory",
	.reserved.regions = memblock_reserved_init_regions,
	.reserved.max = INIT_MEMBLOCK_REGIONS,
	.reserved.name = "reserved",
	.current_limit = MEMBLOCK_ALLOC_ANYWHERE,
};

bool memblock_debug;
static bool memblock_can_resize;
static bool memblock_discarded;
/* a9mm: where a full array may grow before memblock_allow_resize() */
static phys_addr_t memblock_resize_start, memblock_resize_end;

#define memblock_dbg(fmt, ...)                       \
	do {                                         \
		if (memblock_debug)                  \
			pr_info(fmt, ##__VA_ARGS__); \
	} while (0)

/*
 * mm/memblock.c: early_memblock() @ v4.14: "memblock=debug" traces every call.
 * Linux silently ignores any other value; a9mm says so.
 */
static int __init early_memblock(char *p)
{
	if (p && strstr(p, "debug"))
		memblock_debug = true;
	else
		pr_err("memblock=%s: only memblock=debug is known, ignored\n", p ? p : "");
	return 0;
}
early_param("memblock", early_memblock);

/**
 * memblock_reset() - back to two empty static arrays, no limit
 *
 * Boot never needs it; the host tests start every case with it.
 */
void memblock_reset(void)
{
	memblock.memory.regions = memblock_memory_init_regions;
	memblock.memory.max = INIT_MEMBLOCK_REGIONS;
	memblock.memory.cnt = 0;
	memblock.memory.total_size = 0;
	memblock.reserved.regions = memblock_reserved_init_regions;
	memblock.reserved.max = INIT_MEMBLOCK_REGIONS;
	memblock.reserved.cnt = 0;
	memblock.reserved.total_size = 0;
	memblock.current_limit = MEMBLOCK_ALLOC_ANYWHERE;
	memblock_can_resize = false;
	memblock_discarded = false;
	memblock_resize_start = memblock_resize_end = 0;
}

/**
 * memblock_discard() - close memblock: the buddy allocator owns memory
 *
 * mm/memblock.c: memblock_discard() @ v4.14: Linux frees the arrays here;
 * a9mm keeps them (the `memblock` command and the GDB helpers read them)
 * but closes them: see memblock_too_late().
 */
void memblock_discard(void)
{
	memblock_discarded = true;
}

/* a change or allocation after memblock_discard(): an error, said with its caller */
static bool memblock_too_late(const char *what, phys_addr_t base, phys_addr_t size, void *caller)
{
	char sym[96];

	if (!memblock_discarded)
		return false;
	sprint_symbol(sym, sizeof(sym), (unsigned long)caller);
	if (!strcmp(what, "memblock_alloc"))
		pr_err("%s: 0x%lx bytes refused: memblock was handed to the page allocator at free_all_bootmem(); %s must use alloc_pages()\n",
		       what, (unsigned long)size, sym);
	else
		pr_err("%s: [0x%08lx-0x%08lx] refused: memblock was handed to the page allocator at free_all_bootmem(); %s must use alloc_pages()\n",
		       what, (unsigned long)base, (unsigned long)(base + size - !!size), sym);
	return true;
}

/*
 * mm/memblock.c: memblock_cap_size() @ v4.14: without LPAE the physical address
 * space ends at 4 GiB - 1, so a range is cut to end there instead of
 * wrapping round to 0.
 */
static phys_addr_t memblock_cap_size(phys_addr_t base, phys_addr_t *size)
{
	return *size = min(*size, PHYS_ADDR_MAX - base);
}

static phys_addr_t region_end(const struct memblock_region *r)
{
	return r->base + r->size;
}

/**
 * memblock_allow_resize() - let a full array double itself from now on
 *
 * mm/memblock.c: memblock_allow_resize() @ v4.14.  paging_init() calls it
 * once lowmem is mapped: the new array must be reachable through __va().
 */
void memblock_allow_resize(void)
{
	memblock_can_resize = true;
}

/**
 * memblock_set_resize_window() - where a full array may grow before paging_init()
 * @start: first byte of the window
 * @end: first byte past it
 *
 * a9mm's own, no Linux counterpart: until memblock_allow_resize(), a full
 * array may grow only into [@start, @end), RAM the early page tables
 * already map.  Linux's arrays cannot grow that early at all, and a
 * reservation that does not fit is lost (-ENOMEM, which its callers
 * ignore): a tree with hundreds of /memreserve/ entries would boot with
 * reserved pages on the free lists.
 */
void memblock_set_resize_window(phys_addr_t start, phys_addr_t end)
{
	memblock_resize_start = start;
	memblock_resize_end = end;
}

/*
 * memblock_find_in_range() reads an end of 0 as "up to the current limit"
 * (MEMBLOCK_ALLOC_ACCESSIBLE): an empty window must find nothing instead.
 */
static phys_addr_t memblock_find_above(phys_addr_t start, phys_addr_t end, phys_addr_t size)
{
	return start < end ? memblock_find_in_range(start, end, size, PAGE_SIZE) : 0;
}

/*
 * mm/memblock.c: memblock_double_array() @ v4.14: the new array comes from
 * memblock itself, in whole pages, and is reserved there; a previous one
 * memblock gave goes back (after, not before, the new one is reserved),
 * the static one is simply abandoned.
 *
 * [new_area_start, new_area_start + new_area_size) is the range the caller
 * is about to add to or remove from @type, and the new array is looked for
 * above it, then below it -- never on it.  When @type is memblock.reserved
 * that range may still be free (memblock_alloc() reserving the block it
 * just found).  Linux excludes it only then; a9mm also when @type is
 * memblock.memory, where the range may be RAM about to be removed (a
 * no-map region): an array there would be unmapped by paging_init().
 *
 * Linux returns -1 when no room is left and the caller's reservation is
 * dropped.  a9mm cannot lose a reservation (a page in use would reach the
 * free lists) nor a no-map removal, so it stops here and says why.
 */
static void memblock_double_array(struct memblock_type *type, phys_addr_t new_area_start,
				  phys_addr_t new_area_size)
{
	phys_addr_t old_size = type->max * sizeof(struct memblock_region);
	phys_addr_t new_size = old_size << 1;
	phys_addr_t old_alloc_size = PAGE_ALIGN(old_size);
	phys_addr_t new_alloc_size = PAGE_ALIGN(new_size);
	phys_addr_t lo = 0, hi = memblock.current_limit, addr;
	struct memblock_region *new_array, *old_array;

	if (!memblock_can_resize) {
		lo = memblock_resize_start;
		hi = min(hi, memblock_resize_end);
	}
	addr = memblock_find_above(max(lo, new_area_start + new_area_size), hi, new_alloc_size);
	if (!addr && new_area_size)
		addr = memblock_find_above(lo, min(new_area_start, hi), new_alloc_size);
	if (!addr)
		panic("memblock: cannot double the %s array from %lu to %lu regions: no free %lu KiB in [0x%08lx, 0x%08lx)%s (apart from [0x%08lx+0x%lx], the range being changed)",
		      type->name, type->max, type->max * 2, (unsigned long)new_alloc_size >> 10,
		      (unsigned long)lo, (unsigned long)hi,
		      memblock_can_resize ? "" : ", the RAM mapped before paging_init()",
		      (unsigned long)new_area_start, (unsigned long)new_area_size);

	memblock_dbg("memblock: %s is doubled to %lu at [0x%08lx-0x%08lx]\n", type->name,
		     type->max * 2, (unsigned long)addr, (unsigned long)(addr + new_size - 1));

	new_array = __va(addr);
	memcpy(new_array, type->regions, old_size);
	memset((char *)new_array + old_size, 0, new_size - old_size);
	old_array = type->regions;
	type->regions = new_array;
	type->max <<= 1;

	/*
	 * Reserve the new array before the old one goes back -- Linux does it
	 * the other way round.  Giving back the old memory array may need a
	 * slot in a full memblock.reserved, whose doubling would then find
	 * the new memory array's pages still free and move in on top of them
	 * (found by tests/fuzz/fuzz_memblock.c).  If @type is memblock.reserved
	 * there is room for its own new array now.
	 */
	memblock_reserve(addr, new_alloc_size);

	/* Free old array. We needn't free it if the array is the static one */
	if (old_array != memblock_memory_init_regions &&
	    old_array != memblock_reserved_init_regions)
		memblock_free(__pa(old_array), old_alloc_size);
}

/* mm/memblock.c: memblock_merge_regions() @ v4.14: join touching same-flag neighbours */
static void memblock_merge_regions(struct memblock_type *type)
{
	unsigned long i = 0;

	while (i + 1 < type->cnt) {
		struct memblock_region *this = &type->regions[i];
		struct memblock_region *next = &type->regions[i + 1];

		if (region_end(this) != next->base || this->flags != next->flags) {
			BUG_ON(region_end(this) > next->base);
			i++;
			continue;
		}
		this->size += next->size;
		memmove(next, next + 1, (type->cnt - (i + 2)) * sizeof(*next));
		type->cnt--;
	}
}

/* mm/memblock.c: memblock_insert_region() @ v4.14; the caller made room */
static void memblock_insert_region(struct memblock_type *type, unsigned long idx, phys_addr_t base,
				   phys_addr_t size, unsigned long flags)
{
	struct memblock_region *rgn = &type->regions[idx];

	BUG_ON(type->cnt >= type->max);
	memmove(rgn + 1, rgn, (type->cnt - idx) * sizeof(*rgn));
	rgn->base = base;
	rgn->size = size;
	rgn->flags = flags;
	type->cnt++;
	type->total_size += size;
}

/* mm/memblock.c: memblock_remove_region() @ v4.14 */
static void memblock_remove_region(struct memblock_type *type, unsigned long r)
{
	type->total_size -= type->regions[r].size;
	memmove(&type->regions[r], &type->regions[r + 1],
		(type->cnt - (r + 1)) * sizeof(type->regions[r]));
	type->cnt--;
}

/*
 * mm/memblock.c: memblock_add_range() @ v4.14: the first pass only counts how many
 * new regions the range needs (the parts not already covered), so the
 * array can grow before anything is changed; the second pass inserts them
 * and merges.  Parts already present keep their flags.
 */
static int memblock_add_range(struct memblock_type *type, phys_addr_t base, phys_addr_t size,
			      unsigned long flags)
{
	phys_addr_t obase = base;
	phys_addr_t end = base + memblock_cap_size(base, &size);
	bool insert = false;
	unsigned long idx, nr_new;

	if (!size)
		return 0;
repeat:
	base = obase;
	nr_new = 0;
	for (idx = 0; idx < type->cnt; idx++) {
		struct memblock_region *rgn = &type->regions[idx];
		phys_addr_t rbase = rgn->base, rend = region_end(rgn);

		if (rbase >= end)
			break;
		if (rend <= base)
			continue;
		if (rbase > base) {
			nr_new++;
			if (insert)
				memblock_insert_region(type, idx++, base, rbase - base, flags);
		}
		base = min(rend, end);
	}
	if (base < end) {
		nr_new++;
		if (insert)
			memblock_insert_region(type, idx, base, end - base, flags);
	}
	if (!nr_new)
		return 0;
	if (!insert) {
		/*
		 * Linux doubles until the count fits and inserts.  Doubling
		 * frees the old array, which may lie inside the range and
		 * so open one more gap in it: count again after each one.
		 */
		if (type->cnt + nr_new > type->max) {
			memblock_double_array(type, obase, size);
			goto repeat;
		}
		insert = true;
		goto repeat;
	}
	memblock_merge_regions(type);
	return 0;
}

/*
 * mm/memblock.c: memblock_isolate_range() @ v4.14: split the regions crossing base
 * or base + size so that [base, base + size) is covered by whole regions
 * [*start_rgn, *end_rgn).  Each split adds one region: room for two first.
 */
static void memblock_isolate_range(struct memblock_type *type, phys_addr_t base, phys_addr_t size,
				   unsigned long *start_rgn, unsigned long *end_rgn)
{
	phys_addr_t end = base + memblock_cap_size(base, &size);
	unsigned long idx;

	*start_rgn = *end_rgn = 0;
	if (!size)
		return;
	while (type->cnt + 2 > type->max)
		memblock_double_array(type, base, size);

	for (idx = 0; idx < type->cnt; idx++) {
		struct memblock_region *rgn = &type->regions[idx];
		phys_addr_t rbase = rgn->base, rend = region_end(rgn);

		if (rbase >= end)
			break;
		if (rend <= base)
			continue;
		if (rbase < base) {
			/* starts below: cut off the part below base */
			rgn->base = base;
			rgn->size -= base - rbase;
			type->total_size -= base - rbase;
			memblock_insert_region(type, idx, rbase, base - rbase, rgn->flags);
		} else if (rend > end) {
			/* ends above: cut off the part inside, look at it again */
			rgn->base = end;
			rgn->size -= end - rbase;
			type->total_size -= end - rbase;
			memblock_insert_region(type, idx--, rbase, end - rbase, rgn->flags);
		} else {
			/* fully inside */
			if (!*end_rgn)
				*start_rgn = idx;
			*end_rgn = idx + 1;
		}
	}
}

/* mm/memblock.c: memblock_remove_range() @ v4.14 */
static int memblock_remove_range(struct memblock_type *type, phys_addr_t base, phys_addr_t size)
{
	unsigned long start_rgn, end_rgn;

	memblock_isolate_range(type, base, size, &start_rgn, &end_rgn);
	while (end_rgn > start_rgn)
		memblock_remove_region(type, --end_rgn);
	return 0;
}

/*
 * memblock=debug: each call with its range and its caller, named like
 * Linux's %pF does (kallsyms): "memblock_reserve: [...] flags 0x0
 * arm_memblock_init+0x1c/0x60".
 */
static void memblock_trace(const char *what, phys_addr_t base, phys_addr_t size,
			   unsigned long flags, void *caller)
{
	char sym[96];

	if (!memblock_debug)
		return;
	sprint_symbol(sym, sizeof(sym), (unsigned long)caller);
	pr_info("%s: [0x%08lx-0x%08lx] flags 0x%lx %s\n", what, (unsigned long)base,
		(unsigned long)(base + size - !!size), flags, sym);
}

/**
 * memblock_add() - declare a range of physical RAM
 * @base: physical start
 * @size: size in bytes (cut at 4 GiB)
 *
 * mm/memblock.c: memblock_add() @ v4.14: into memblock.memory, merged with
 * touching regions; parts already there stay as they are.
 *
 * Return: 0, or -EBUSY after free_all_bootmem() (reported as an error).
 * A full array grows; where it cannot, memblock panics, naming the limit.
 */
int memblock_add(phys_addr_t base, phys_addr_t size)
{
	if (memblock_too_late(__func__, base, size, __builtin_return_address(0)))
		return -EBUSY;
	memblock_trace(__func__, base, size, 0, __builtin_return_address(0));
	return memblock_add_range(&memblock.memory, base, size, MEMBLOCK_NONE);
}

/**
 * memblock_remove() - forget a range of RAM (mem=, no-map)
 * @base: physical start
 * @size: size in bytes
 *
 * mm/memblock.c: memblock_remove() @ v4.14.
 *
 * Return: 0 (a full array grows to split a region, as for memblock_add()),
 * or -EBUSY after free_all_bootmem().
 */
int memblock_remove(phys_addr_t base, phys_addr_t size)
{
	if (memblock_too_late(__func__, base, size, __builtin_return_address(0)))
		return -EBUSY;
	memblock_trace(__func__, base, size, 0, __builtin_return_address(0));
	return memblock_remove_range(&memblock.memory, base, size);
}

/**
 * memblock_reserve() - mark a range as in use
 * @base: physical start
 * @size: size in bytes
 *
 * mm/memblock.c: memblock_reserve() @ v4.14: into memblock.reserved, so
 * neither memblock nor, later, the buddy allocator hands it out.
 *
 * Return: 0 (a full array grows, as for memblock_add()), or -EBUSY after
 * free_all_bootmem() (reported as an error).
 */
int memblock_reserve(phys_addr_t base, phys_addr_t size)
{
	if (memblock_too_late(__func__, base, size, __builtin_return_address(0)))
		return -EBUSY;
	memblock_trace(__func__, base, size, 0, __builtin_return_address(0));
	return memblock_add_range(&memblock.reserved, base, size, MEMBLOCK_NONE);
}

/**
 * memblock_free_late() - a reservation given to the page allocator after the handover
 * @base: physical start
 * @size: size in bytes
 *
 * mm/memblock.c: __memblock_free_late() @ v4.14, the record half: Linux
 * has discarded memblock by now (ARCH_DISCARD_MEMBLOCK); a9mm keeps it,
 * so a reserved range whose pages the buddy allocator gets later (the
 * initrd, once unpacked) leaves memblock.reserved too -- the one change
 * allowed after memblock_discard(), since it gives memory back and
 * claims none.  The caller frees the pages (free_reserved_area()).
 *
 * Return: 0, or -EINVAL if nothing in the range was reserved.
 */
int memblock_free_late(phys_addr_t base, phys_addr_t size)
{
	if (!memblock_is_region_reserved(base, size)) /* it must overlap a reservation */
		return -EINVAL;
	memblock_trace(__func__, base, size, 0, __builtin_return_address(0));
	return memblock_remove_range(&memblock.reserved, base, size);
}

/**
 * memblock_free() - give back (part of) a reservation
 * @base: physical start
 * @size: size in bytes
 *
 * mm/memblock.c: memblock_free() @ v4.14.
 *
 * Return: 0 or -EBUSY, as memblock_remove().
 */
int memblock_free(phys_addr_t base, phys_addr_t size)
{
	if (memblock_too_late(__func__, base, size, __builtin_return_address(0)))
		return -EBUSY;
	memblock_trace(__func__, base, size, 0, __builtin_return_address(0));
	return memblock_remove_range(&memblock.reserved, base, size);
}

/**
 * __next_mem_range() - one step of for_each_mem_range()
 * @idx: the cursor: 0 to start, ULLONG_MAX once past the end
 * @type_a: the regions walked
 * @type_b: the regions cut out of them, or NULL
 * @out_start: set to the next range's start
 * @out_end: set to its end (exclusive)
 *
 * mm/memblock.c: __next_mem_range() @ v4.14: the next range of @type_a
 * not covered by @type_b.  *@idx packs both cursors (a in the low half, b
 * in the high half), as in Linux; @type_b's gaps are walked as [end of
 * b[i-1], b[i]).
 */
void __next_mem_range(u64 *idx, struct memblock_type *type_a, struct memblock_type *type_b,
		      phys_addr_t *out_start, phys_addr_t *out_end)
{
	unsigned long idx_a = (u32)*idx;
	unsigned long idx_b = (u32)(*idx >> 32);

	for (; idx_a < type_a->cnt; idx_a++) {
		const struct memblock_region *m = &type_a->regions[idx_a];
		phys_addr_t m_start = m->base, m_end = region_end(m);

		if (!type_b) {
			*out_start = m_start;
			*out_end = m_end;
			*idx = (u64)(idx_a + 1) | (u64)idx_b << 32;
			return;
		}
		for (; idx_b < type_b->cnt + 1; idx_b++) {
			const struct memblock_region *r = &type_b->regions[idx_b];
			phys_addr_t r_start = idx_b ? region_end(r - 1) : 0;
			phys_addr_t r_end = idx_b < type_b->cnt ? r->base : PHYS_ADDR_MAX;

			if (r_start >= m_end)
				break;
			if (m_start < r_end) {
				*out_start = max(m_start, r_start);
				*out_end = min(m_end, r_end);
				if (m_end <= r_end)
					idx_a++;
				else
					idx_b++;
				*idx = (u64)idx_a | (u64)idx_b << 32;
				return;
			}
		}
	}
	*idx = ULLONG_MAX;
}

/**
 * __next_mem_range_rev() - one step of for_each_mem_range_rev()
 * @idx: the cursor: ULLONG_MAX to start and once past the end
 * @type_a: the regions walked, from the top down
 * @type_b: the regions cut out of them, or NULL
 * @out_start: set to the next range's start
 * @out_end: set to its end (exclusive)
 *
 * mm/memblock.c: __next_mem_range_rev() @ v4.14: __next_mem_range() from
 * the top down.  The cursors are ints as in Linux: a walk that ran off
 * the bottom leaves idx_a == -1 with idx_b >= 0, which never equals the
 * ~0 start value.
 */
void __next_mem_range_rev(u64 *idx, struct memblock_type *type_a, struct memblock_type *type_b,
			  phys_addr_t *out_start, phys_addr_t *out_end)
{
	int idx_a = (int)(u32)*idx;
	int idx_b = (int)(u32)(*idx >> 32);

	if (*idx == (u64)ULLONG_MAX) {
		idx_a = (int)type_a->cnt - 1;
		idx_b = type_b ? (int)type_b->cnt : 0;
	}

	for (; idx_a >= 0; idx_a--) {
		const struct memblock_region *m = &type_a->regions[idx_a];
		phys_addr_t m_start = m->base, m_end = region_end(m);

		if (!type_b) {
			*out_start = m_start;
			*out_end = m_end;
			idx_a--;
			*idx = (u32)idx_a | (u64)(u32)idx_b << 32;
			return;
		}
		for (; idx_b >= 0; idx_b--) {
			const struct memblock_region *r = &type_b->regions[idx_b];
			phys_addr_t r_start = idx_b ? region_end(r - 1) : 0;
			phys_addr_t r_end = idx_b < (int)type_b->cnt ? r->base : PHYS_ADDR_MAX;

			if (r_end <= m_start)
				break;
			if (m_end > r_start) {
				*out_start = max(m_start, r_start);
				*out_end = min(m_end, r_end);
				if (m_start >= r_start)
					idx_a--;
				else
					idx_b--;
				*idx = (u32)idx_a | (u64)(u32)idx_b << 32;
				return;
			}
		}
	}
	*idx = ULLONG_MAX;
}

/**
 * memblock_find_in_range() - find free RAM, top-down; reserve nothing
 * @start: lowest acceptable address
 * @end: highest acceptable end, or MEMBLOCK_ALLOC_ACCESSIBLE for the limit
 * @size: bytes wanted
 * @align: power-of-two alignment
 *
 * mm/memblock.c: memblock_find_in_range() @ v4.14.  The first page is
 * never handed out, as in Linux, so 0 can mean "nothing found".
 *
 * Return: the highest free, aligned base of @size bytes in [@start, @end),
 * or 0 (nothing fits, or @size or @align is 0 or @align not a power of 2).
 */
phys_addr_t memblock_find_in_range(phys_addr_t start, phys_addr_t end, phys_addr_t size,
				   phys_addr_t align)
{
	phys_addr_t this_start, this_end, cand;
	u64 i;

	if (end == MEMBLOCK_ALLOC_ACCESSIBLE)
		end = memblock.current_limit;
	start = max_t(phys_addr_t, start, PAGE_SIZE);
	end = max(start, end);
	if (!size || !align || (align & (align - 1)))
		return 0;

	for_each_mem_range_rev(i, &memblock.memory, &memblock.reserved, &this_start, &this_end) {
		this_start = clamp(this_start, start, end);
		this_end = clamp(this_end, start, end);
		if (this_end < size)
			continue;
		cand = round_down(this_end - size, align);
		if (cand >= this_start)
			return cand;
	}
	return 0;
}

/*
 * memblock_alloc_base()'s work, for the caller named in the trace and in
 * the too-late error: whoever called memblock_alloc() or
 * memblock_alloc_base(), not one of them.
 */
static phys_addr_t memblock_alloc_caller(phys_addr_t size, phys_addr_t align, phys_addr_t max_addr,
					 void *caller)
{
	phys_addr_t found;

	if (memblock_too_late("memblock_alloc", 0, size, caller))
		return 0;
	if (max_addr == MEMBLOCK_ALLOC_ACCESSIBLE || max_addr > memblock.current_limit)
		max_addr = memblock.current_limit;
	found = memblock_find_in_range(0, max_addr, size, align);
	if (found && !memblock_reserve(found, size)) {
		memblock_trace("memblock_alloc", found, size, 0, caller);
		return found;
	}
	return 0;
}

/**
 * memblock_alloc_base() - allocate and reserve boot memory below a limit
 * @size: bytes wanted
 * @align: power-of-two alignment
 * @max_addr: end of the search, capped at memblock's current limit
 *            (MEMBLOCK_ALLOC_ACCESSIBLE: the limit itself)
 *
 * mm/memblock.c: __memblock_alloc_base() @ v4.14 under its caller's name:
 * Linux's memblock_alloc_base() panics where this one returns 0.  The
 * memory is not zeroed (it may not be mapped yet).
 *
 * Return: the physical address, or 0 when nothing fits -- or when it is
 * too late (after free_all_bootmem(): an error is reported).
 */
phys_addr_t memblock_alloc_base(phys_addr_t size, phys_addr_t align, phys_addr_t max_addr)
{
	return memblock_alloc_caller(size, align, max_addr, __builtin_return_address(0));
}

/**
 * memblock_alloc() - allocate and reserve boot memory, or panic
 * @size: bytes wanted
 * @align: power-of-two alignment
 *
 * mm/memblock.c: memblock_alloc() @ v4.14: boot cannot go on without it,
 * so failing panics with the size and the limit.
 *
 * Return: the physical address (never 0).
 */
phys_addr_t memblock_alloc(phys_addr_t size, phys_addr_t align)
{
	void *caller = __builtin_return_address(0);
	phys_addr_t found;

	if (memblock_too_late("memblock_alloc", 0, size, caller))
		panic("memblock_alloc() called after free_all_bootmem()");
	found = memblock_alloc_caller(size, align, MEMBLOCK_ALLOC_ACCESSIBLE, caller);
	if (!found)
		panic("memblock_alloc: cannot allocate 0x%lx bytes (align 0x%lx) below 0x%08lx",
		      (unsigned long)size, (unsigned long)align,
		      (unsigned long)memblock.current_limit);
	return found;
}

/**
 * memblock_phys_mem_size() - how much RAM memblock knows of
 *
 * mm/memblock.c: memblock_phys_mem_size() @ v4.14.
 *
 * Return: the total size of memblock.memory, in bytes.
 */
phys_addr_t memblock_phys_mem_size(void)
{
	return memblock.memory.total_size;
}

/**
 * memblock_reserved_size() - how much of it is reserved
 *
 * mm/memblock.c: memblock_reserved_size() @ v4.14.
 *
 * Return: the total size of memblock.reserved, in bytes.
 */
phys_addr_t memblock_reserved_size(void)
{
	return memblock.reserved.total_size;
}

/**
 * memblock_start_of_DRAM() - where the first RAM region starts
 *
 * mm/memblock.c: memblock_start_of_DRAM() @ v4.14.
 *
 * Return: its base, or 0 when there is no RAM at all.
 */
phys_addr_t memblock_start_of_DRAM(void)
{
	return memblock.memory.cnt ? memblock.memory.regions[0].base : 0;
}

/**
 * memblock_end_of_DRAM() - where the last RAM region ends
 *
 * mm/memblock.c: memblock_end_of_DRAM() @ v4.14.
 *
 * Return: its end (exclusive), or 0 when there is no RAM at all.
 */
phys_addr_t memblock_end_of_DRAM(void)
{
	unsigned long idx = memblock.memory.cnt;

	return idx ? region_end(&memblock.memory.regions[idx - 1]) : 0;
}

/**
 * memblock_enforce_memory_limit() - keep only the first bytes of RAM
 * @limit: how many bytes to keep, counted in address order (0: all)
 *
 * mm/memblock.c: memblock_enforce_memory_limit() @ v4.14: the RAM past
 * @limit is dropped, and the reservations up there with it, as in v4.14.
 */
void memblock_enforce_memory_limit(phys_addr_t limit)
{
	phys_addr_t max_addr = PHYS_ADDR_MAX;
	unsigned long i;

	if (!limit)
		return;
	for (i = 0; i < memblock.memory.cnt; i++) {
		const struct memblock_region *r = &memblock.memory.regions[i];

		if (limit <= r->size) {
			max_addr = r->base + limit;
			break;
		}
		limit -= r->size;
	}
	if (max_addr == PHYS_ADDR_MAX)
		return;
	/* void, as Linux's: a full array has said so itself, and nothing is removed */
	memblock_remove_range(&memblock.memory, max_addr, PHYS_ADDR_MAX - max_addr);
	memblock_remove_range(&memblock.reserved, max_addr, PHYS_ADDR_MAX - max_addr);
}

/* mm/memblock.c: memblock_search() @ v4.14: binary search, regions are sorted */
static long memblock_search(const struct memblock_type *type, phys_addr_t addr)
{
	unsigned long left = 0, right = type->cnt;

	while (left < right) {
		unsigned long mid = (left + right) / 2;
		const struct memblock_region *r = &type->regions[mid];

		if (addr < r->base)
			right = mid;
		else if (addr >= region_end(r))
			left = mid + 1;
		else
			return (long)mid;
	}
	return -1;
}

/**
 * memblock_is_memory() - is this address RAM?
 * @addr: physical address
 *
 * mm/memblock.c: memblock_is_memory() @ v4.14.
 *
 * Return: true if a region of memblock.memory holds it.
 */
bool memblock_is_memory(phys_addr_t addr)
{
	return memblock_search(&memblock.memory, addr) != -1;
}

/**
 * memblock_is_reserved() - is this address reserved?
 * @addr: physical address
 *
 * mm/memblock.c: memblock_is_reserved() @ v4.14.
 *
 * Return: true if a region of memblock.reserved holds it.
 */
bool memblock_is_reserved(phys_addr_t addr)
{
	return memblock_search(&memblock.reserved, addr) != -1;
}

/**
 * memblock_is_region_memory() - is all of a range RAM, in one region?
 * @base: physical start
 * @size: size in bytes
 *
 * mm/memblock.c: memblock_is_region_memory() @ v4.14.
 *
 * Return: true if one region of memblock.memory holds [@base, @base + @size).
 */
bool memblock_is_region_memory(phys_addr_t base, phys_addr_t size)
{
	long idx = memblock_search(&memblock.memory, base);
	phys_addr_t end = base + memblock_cap_size(base, &size);

	return idx != -1 && region_end(&memblock.memory.regions[idx]) >= end;
}

/**
 * memblock_overlaps_region() - does any of a range lie in a memblock type?
 * @type: memblock.memory or memblock.reserved
 * @base: physical start
 * @size: size in bytes
 *
 * mm/memblock.c: memblock_overlaps_region() @ v4.14.
 *
 * Return: true if some region of @type meets [@base, @base + @size).
 */
bool memblock_overlaps_region(const struct memblock_type *type, phys_addr_t base, phys_addr_t size)
{
	phys_addr_t end = base + memblock_cap_size(base, &size);
	unsigned long i;

	for (i = 0; i < type->cnt; i++) {
		const struct memblock_region *r = &type->regions[i];

		if (r->base < end && base < region_end(r))
			return true;
	}
	return false;
}

/**
 * memblock_is_region_reserved() - is any of a range reserved?
 * @base: physical start
 * @size: size in bytes
 *
 * mm/memblock.c: memblock_is_region_reserved() @ v4.14.
 *
 * Return: true if a reservation meets [@base, @base + @size).
 */
bool memblock_is_region_reserved(phys_addr_t base, phys_addr_t size)
{
	return memblock_overlaps_region(&memblock.reserved, base, size);
}

/**
 * memblock_set_current_limit() - the highest address allocations may use
 * @limit: that address (exclusive), or MEMBLOCK_ALLOC_ANYWHERE
 *
 * mm/memblock.c: memblock_set_current_limit() @ v4.14.
 */
void memblock_set_current_limit(phys_addr_t limit)
{
	memblock.current_limit = limit;
}

/**
 * memblock_get_current_limit() - the highest address allocations may use
 *
 * mm/memblock.c: memblock_get_current_limit() @ v4.14.
 *
 * Return: memblock.current_limit.
 */
phys_addr_t memblock_get_current_limit(void)
{
	return memblock.current_limit;
}

/* mm/memblock.c: memblock_dump() @ v4.14: one line per region, Linux's format */
static void memblock_dump(const struct memblock_type *type, memblock_print_t print)
{
	unsigned long i;

	print(" %s.cnt  = 0x%lx\n", type->name, type->cnt);
	for (i = 0; i < type->cnt; i++) {
		const struct memblock_region *r = &type->regions[i];

		print(" %s[0x%lx]\t[0x%08lx-0x%08lx], 0x%08lx bytes flags: 0x%lx\n", type->name, i,
		      (unsigned long)r->base, (unsigned long)(region_end(r) - 1),
		      (unsigned long)r->size, r->flags);
	}
}

/**
 * memblock_show() - print both arrays in memblock=debug's format
 * @print: printf-like output: printk_info() for the boot dump, shprintf()
 *         for the shell's `memblock`
 *
 * The body of mm/memblock.c: __memblock_dump_all() @ v4.14, to any output.
 */
void memblock_show(memblock_print_t print)
{
	print("MEMBLOCK configuration:\n");
	print(" memory size = 0x%08lx reserved size = 0x%08lx\n",
	      (unsigned long)memblock.memory.total_size,
	      (unsigned long)memblock.reserved.total_size);
	memblock_dump(&memblock.memory, print);
	memblock_dump(&memblock.reserved, print);
}

/**
 * __memblock_dump_all() - print both arrays to the log, at KERN_INFO
 *
 * mm/memblock.c: __memblock_dump_all() @ v4.14 (memblock_dump_all() calls
 * it under memblock=debug).
 */
void __memblock_dump_all(void)
{
	memblock_show(printk_info);
}
