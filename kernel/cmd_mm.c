// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/cmd_mm.c: shell commands about memory: `layout` (mem_init()'s
 * "Virtual kernel memory layout:"), `pgwalk VA` (a table walk of
 * swapper_pg_dir, decoded), `kmap PA` (a HighMem page through both kinds
 * of temporary mapping), and the buddy allocator's `alloc`, `free`,
 * `memtest` and `extfrag` (how fragmented its free memory is).
 */
#include <a9mm/shell.h>
#include <asm/fixmap.h>
#include <asm/highmem.h>
#include <asm/mm.h>
#include <asm/pgwalk.h>
#include <linux/cmdline.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/mm_types.h>
#include <linux/sched.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include <linux/percpu.h>
#include <linux/smp.h>
#include <linux/vmalloc.h>
#include <trace/events/kmem.h>

static int do_layout(int argc, char **argv)
{
	show_vm_layout(shprintf);
	return 0;
}
SHELL_CMD("layout", do_layout, "", "the virtual kernel memory layout",
	  .linux = "arch/arm/mm/init.c: mem_init()'s \"Virtual kernel memory layout:\" (v4.x)");

/*
 * Linux's debugfs files /sys/kernel/debug/extfrag/unusable_index and
 * extfrag_index (mm/vmstat.c @ v4.14): a9mm has no debugfs, so one
 * command prints both, each after a line that says how to read it.
 */
static int do_extfrag(int argc, char **argv)
{
	shprintf("unusable_index: the part of free memory in blocks too small for the order\n");
	show_unusable_index(shprintf);
	shprintf("extfrag_index: were an allocation of the order to fail: 0 for lack of memory, "
		 "1 for fragmentation (-1: it would not fail)\n");
	show_extfrag_index(shprintf);
	return 0;
}
SHELL_CMD("extfrag", do_extfrag, "", "how fragmented free memory is, order by order",
	  .linux = "mm/vmstat.c (v4.14): /sys/kernel/debug/extfrag/unusable_index and "
		   "extfrag_index -- unusable_free_index(), __fragmentation_index(), the figure "
		   "compaction weighs against extfrag_threshold");

static int do_pgwalk(int argc, char **argv)
{
	struct mm_struct *mm = NULL;
	unsigned long va, pid = 0;

	if (argc != 2 && argc != 3)
		return 1;
	if (argc == 3 && (kstrtoul(argv[1], 0, &pid) || !pid)) {
		shprintf("pgwalk: '%s' is not a pid\n", argv[1]);
		return 1;
	}
	if (kstrtoul(argv[argc - 1], 0, &va)) {
		shprintf("pgwalk: '%s' is not an address\n", argv[argc - 1]);
		return 1;
	}
	if (pid) {
		struct task_struct *p = get_pid_task((pid_t)pid);

		mm = p ? get_task_mm(p) : NULL;
		if (p)
			put_task_struct(p);
		if (!mm) {
			shprintf("pgwalk: no process %lu with an address space\n", pid);
			return 0;
		}
		shprintf("pgwalk 0x%08lx: pid %lu's pgd at PA 0x%08lx, ASID %u\n", va, pid,
			 (unsigned long)__pa(mm->pgd), ASID(mm));
		pgwalk_show_pgd(mm->pgd, va, shprintf);
		mmput(mm);
		return 0;
	}
	shprintf("pgwalk 0x%08lx: swapper_pg_dir, TTBCR.N = 0\n", va);
	if (is_vmalloc_addr((void *)va))
		show_vm_area_of(va, shprintf);
	pgwalk_show(va, shprintf);
	return 0;
}
SHELL_CMD("pgwalk", do_pgwalk, "[PID] VA",
	  "walk the page tables (a process's with PID) for VA and decode each descriptor",
	  .linux = "the MMU's short-descriptor walk (ARM ARM B3.5) of swapper_pg_dir or an mm's "
		   "pgd, through pgd_offset()/pmd_offset()/pte_offset_kernel(), as show_pte() "
		   "does, with the Linux pte's young/dirty/RDONLY/USER/XN beside the hardware's");

/*
 * kmap PA [VALUE]: map PA's page with kmap_high_pfn() (a pkmap slot) and,
 * at the same time, with kmap_atomic_pfn() (a fixmap slot); optionally
 * write VALUE through the first, then read the word through both.  Equal
 * reads show two virtual pages on one physical page.  Unmapping leaves the
 * pkmap pte in place (Linux frees it lazily, when the slots wrap), so the
 * next kmap of the page finds the same slot through page_address(); the
 * fixmap pte is cleared.
 */
static int do_kmap(int argc, char **argv)
{
	unsigned long pa, value = 0, pfn;
	volatile u32 *high, *atomic;
	void *vhigh, *vatomic, *kept;

	if (argc < 2 || argc > 3)
		return 1;
	if (kstrtoul(argv[1], 0, &pa) || (argc == 3 && kstrtoul(argv[2], 0, &value))) {
		shprintf("kmap: expected a physical address and an optional value\n");
		return 1;
	}
	if (!memblock_is_memory(pa)) {
		shprintf("kmap: 0x%08lx is not RAM\n", pa);
		return 0;
	}
	pfn = __phys_to_pfn(pa);
	if (pa < arm_lowmem_limit) {
		shprintf("kmap: 0x%08lx is lowmem, always mapped at 0x%08lx\n", pa,
			 __phys_to_virt(pa));
		return 0;
	}
	kept = page_address(pfn_to_page(pfn));
	vhigh = kmap_high_pfn(pfn);
	if (!vhigh)
		return 0; /* kmap_high_pfn() said why */
	high = (volatile u32 *)((unsigned long)vhigh + (pa & ~PAGE_MASK & ~3UL));
	if (argc == 3)
		*high = (u32)value;
	vatomic = kmap_atomic_pfn(pfn);
	atomic = (volatile u32 *)((unsigned long)vatomic + (pa & ~PAGE_MASK & ~3UL));
	shprintf(
		"kmap_high_pfn(0x%05lx):   pkmap slot %lu at 0x%08lx, *0x%08lx = 0x%08x (%s, count %u)\n",
		pfn, PKMAP_NR((unsigned long)vhigh), (unsigned long)vhigh, (unsigned long)high,
		(unsigned int)*high,
		kept ? "the page's own slot, found by page_address()" : "a new slot",
		pkmap_slot_count(PKMAP_NR((unsigned long)vhigh)));
	shprintf("kmap_atomic_pfn(0x%05lx): fixmap slot %lu at 0x%08lx, *0x%08lx = 0x%08x\n", pfn,
		 __virt_to_fix((unsigned long)vatomic), (unsigned long)vatomic,
		 (unsigned long)atomic, (unsigned int)*atomic);
	__kunmap_atomic(vatomic);
	kunmap_high_pfn(pfn); /* cannot fail: mapped just above */
	return 0;
}
SHELL_CMD("kmap", do_kmap, "PA [VALUE]",
	  "map a HighMem page with kmap and kmap_atomic (write VALUE first), read it back",
	  .linux = "mm/highmem.c: kmap_high(), page_address(), map_new_virtual(), "
		   "flush_all_zero_pkmaps(); arch/arm/mm/highmem.c: kmap_atomic_pfn(), "
		   "__kunmap_atomic()");

/* `alloc`'s words: what each adds to GFP_KERNEL, and takes away (atomic: GFP_ATOMIC) */
static const struct gfp_word {
	const char *word;
	gfp_t flags, clear;
} gfp_words[] = {
	{ "highmem", __GFP_HIGHMEM, 0 },
	{ "movable", __GFP_MOVABLE, 0 },
	{ "reclaimable", __GFP_RECLAIMABLE, 0 },
	{ "atomic", GFP_ATOMIC, GFP_KERNEL }, /* may not wait: no compaction */
	{ "cold", __GFP_COLD, 0 },
	{ "zero", __GFP_ZERO, 0 },
};

/* blocks on one of this CPU's per-cpu lists (the list is this CPU's alone) */
static int pcp_list_len(struct per_cpu_pages *pcp, int migratetype, unsigned int order)
{
	const struct list_head *pos;
	int n = 0;

	list_for_each(pos, &pcp->lists[order_to_pindex(migratetype, order)])
		n++;
	return n;
}

/* "CPU0's per-cpu list (Normal, Movable)", "... (Normal, Movable, order 3)", for alloc and free */
static void say_pcp_list(struct zone *zone, int migratetype, unsigned int order)
{
	shprintf("CPU%u's per-cpu list (%s, %s", smp_processor_id(), zone->name,
		 migratetype_names[migratetype]);
	if (order)
		shprintf(", order %u", order);
	shprintf(")");
}

/* a count of what a per-cpu list holds: pages at order 0, blocks above */
static const char *pcp_unit(unsigned int order)
{
	return order ? "blocks" : "pages";
}

/* ": 30 pages left on it, 32 on all of CPU0's Normal lists" (@where: "left on it", "on it") */
static void say_pcp_fill(struct zone *zone, int migratetype, unsigned int order, const char *where)
{
	struct per_cpu_pages *pcp = zone_pcp(zone, smp_processor_id());

	shprintf(": %d %s %s, %d%s on all of CPU%u's %s lists\n",
		 pcp_list_len(pcp, migratetype, order), pcp_unit(order), where, pcp->count,
		 order ? " pages" : "", smp_processor_id(), zone->name);
}

/*
 * Where the block alloc_pages() returned came from, from the allocator's
 * trace events: this CPU's per-cpu list of its order (orders 0 to 3),
 * refilled from the buddy lists if it was empty, or a buddy free list,
 * split by expand() if the block was bigger, taken from another type's
 * list if none of the asked type was left (fallback).
 */
static void say_alloc_source(struct page *page, unsigned int order, gfp_t gfp,
			     const struct kmem_trace *t)
{
	struct zone *zone = page_zone(page);
	int mt = gfpflags_to_migratetype(gfp);

	if (pcp_allowed_order(order)) {
		shprintf("  from ");
		say_pcp_list(zone, mt, order);
		say_pcp_fill(zone, mt, order, "left on it");
		if (!t->zone_locked)
			return;
		shprintf(
			"  it was empty: rmqueue_bulk() refilled it with %u %s from the buddy lists,\n"
			"  the first",
			t->zone_locked, pcp_unit(order));
	}
	shprintf("%sfrom free_area[%d].free_list[%s]", pcp_allowed_order(order) ? " " : "  ",
		 t->split_order >= 0 ? t->split_order : (int)order,
		 migratetype_names[t->extfrag ? t->fallback_migratetype : t->migratetype]);
	if (t->split_order > (int)order)
		shprintf(", an order-%d block split by expand()", t->split_order);
	shprintf("\n");
	if (t->extfrag)
		shprintf("  fallback: no %s block was free: __rmqueue_fallback() took a %s one%s\n",
			 migratetype_names[mt], migratetype_names[t->fallback_migratetype],
			 t->change_ownership ? ", with its pageblock's free pages" : "");
	else if (t->migratetype == MIGRATE_RESERVE && mt != MIGRATE_RESERVE)
		shprintf(
			"  no %s block and nothing to fall back on: a MIGRATE_RESERVE block, the last resort\n",
			migratetype_names[mt]);
}

static int do_alloc(int argc, char **argv)
{
	gfp_t gfp = GFP_KERNEL;
	unsigned long order, pfn;
	struct kmem_trace trace;
	struct page *page;

	if (argc < 2)
		return 1;
	if (kstrtoul(argv[1], 0, &order) || order >= MAX_ORDER) {
		shprintf("alloc: ORDER must be 0..%d\n", MAX_ORDER - 1);
		return 1;
	}
	for (int i = 2; i < argc; i++) {
		unsigned int j;

		for (j = 0; j < ARRAY_SIZE(gfp_words); j++)
			if (!strcmp(argv[i], gfp_words[j].word))
				break;
		if (j == ARRAY_SIZE(gfp_words)) {
			shprintf("alloc: unknown flag '%s'\n", argv[i]);
			return 1;
		}
		gfp = (gfp & ~gfp_words[j].clear) | gfp_words[j].flags;
	}
	/* said here: alloc_pages()'s warning may be below the console's loglevel */
	if ((gfp & (__GFP_MOVABLE | __GFP_RECLAIMABLE)) == (__GFP_MOVABLE | __GFP_RECLAIMABLE)) {
		shprintf("alloc: movable and reclaimable exclude each other\n");
		return 1;
	}
	kmem_trace_start(&trace);
	page = alloc_pages(gfp, (unsigned int)order);
	kmem_trace_stop();
	if (trace.compact_stall)
		shprintf("alloc: no free block of order %lu at first: direct compaction "
			 "(__alloc_pages_direct_compact()) moved %lu pages, %lu could not be\n",
			 order, trace.compact_moved, trace.compact_failed);
	if (!page) {
		shprintf("alloc: no free block of order %lu (gfp 0x%x)\n", order, gfp);
		return 0;
	}
	pfn = page_to_pfn(page);
	shprintf("alloc: order %lu -> pfn 0x%lx phys 0x%08lx", order, pfn,
		 (unsigned long)PFN_PHYS(pfn));
	if (PageHighMem(page))
		shprintf(" (HighMem: no kernel address, kmap it)");
	else
		shprintf(" virt 0x%08lx", (unsigned long)page_address(page));
	shprintf(" zone %s\n", page_zone(page)->name);
	say_alloc_source(page, (unsigned int)order, gfp, &trace);
	return 0;
}
static const char *gfp_word(unsigned int argno, unsigned int i)
{
	return argno >= 2 && i < ARRAY_SIZE(gfp_words) ? gfp_words[i].word : NULL;
}
SHELL_CMD("alloc", do_alloc, "ORDER [highmem|movable|reclaimable|atomic|cold|zero]...",
	  "allocate 2^ORDER pages from the buddy allocator",
	  .linux = "mm/page_alloc.c (v3.14): alloc_pages() -> get_page_from_freelist() "
		   "(zonelist, zone_watermark_fast()) -> buffered_rmqueue() (orders 0-3: the "
		   "per-cpu list of the order, as v5.13; rmqueue_bulk()) -> __rmqueue(): "
		   "__rmqueue_smallest(), expand(), __rmqueue_fallback(); prep_new_page() "
		   "(check_new_page()); for ORDER > 0 without atomic, when that fails: "
		   "__alloc_pages_direct_compact() (mm/compaction.c) and once more",
	  .complete = gfp_word);

/* The shell's own words for a refused free: they show at any loglevel. */
static void say_free_refused(int err, unsigned long pfn, unsigned long order)
{
	if (err == -EINVAL)
		shprintf(
			"free: pfn 0x%lx is not aligned to order %lu (a block of 2^ORDER pages starts at a multiple of 2^ORDER)",
			pfn, order);
	else if (err == -ERANGE)
		shprintf(
			"free: pfn 0x%lx (order %lu) is not inside a zone: it has no struct page to check",
			pfn, order);
	else
		shprintf(
			"free: BUG: Bad page state: the page's struct page forbids it (the report is above; dmesg has it at any loglevel)");
	shprintf("; refused, nothing changed\n");
}

static int do_free(int argc, char **argv)
{
	unsigned long pfn, order;
	struct per_cpu_pages *pcp;
	struct zone *zone;
	int before = 0, err, mt;

	if (argc != 3)
		return 1;
	if (kstrtoul(argv[1], 0, &pfn) || kstrtoul(argv[2], 0, &order)) {
		shprintf("free: PFN and ORDER must be numbers\n");
		return 1;
	}
	if (order >= MAX_ORDER) {
		shprintf("free: ORDER must be 0..%d\n", MAX_ORDER - 1);
		return 1;
	}
	/* the per-cpu lists a block of order 0-3 goes to, before: did they overflow? */
	for_each_populated_zone(zone)
		if (zone_spans_pfn(zone, pfn))
			before = zone_pcp(zone, smp_processor_id())->count;
	err = free_pages_checked(pfn, (unsigned int)order);
	if (err) {
		say_free_refused(err, pfn, order);
		return 0;
	}
	shprintf("free: pfn 0x%lx order %lu freed", pfn, order);
	zone = page_zone(pfn_to_page(pfn));
	if (!pcp_allowed_order((unsigned int)order)) {
		shprintf(" to the buddy lists of zone %s, merged with its free buddies\n",
			 zone->name);
		return 0;
	}
	pcp = zone_pcp(zone, smp_processor_id());
	mt = min(get_pageblock_migratetype(pfn_to_page(pfn)), MIGRATE_MOVABLE);
	shprintf(" to ");
	say_pcp_list(zone, mt, (unsigned int)order);
	say_pcp_fill(zone, mt, (unsigned int)order, "on it");
	if (pcp->count < before + (1 << order))
		shprintf(
			"  the lists reached high (%d): free_pcppages_bulk() gave %d pages back to the buddy lists\n",
			pcp->high, before + (1 << order) - pcp->count);
	else
		shprintf(
			"  they go back to the buddy lists %d at a time once there are %d ('drain': all now)\n",
			pcp->batch, pcp->high);
	return 0;
}
SHELL_CMD("free", do_free, "PFN ORDER", "free a block alloc gave (checked: bad input is refused)",
	  .linux = "mm/page_alloc.c (v3.14): __free_pages() -> free_pages_prepare() (\"BUG: Bad "
		   "page state\") -> free_hot_cold_page() (orders 0-3: the per-cpu list of "
		   "the order, as v5.13; free_pcppages_bulk()) or __free_pages_ok() -> "
		   "__free_one_page() (merging)");

/*
 * drain: drain_all_pages(), every CPU's per-cpu lists back to the buddy
 * lists, so /proc/buddyinfo counts every free page again.  Counts are
 * read before the drain, per CPU and zone.
 */
static int do_drain(int argc, char **argv)
{
	unsigned long total = 0;
	struct zone *zone;
	unsigned int cpu;

	/* only a possible CPU has a per-CPU area, and so lists */
	for_each_possible_cpu(cpu) {
		const char *sep = "";

		for_each_populated_zone(zone) {
			struct per_cpu_pages *pcp = zone_pcp(zone, cpu);

			if (!pcp)
				continue; /* the zone has no pageset yet (before zone_pcp_init()) */
			if (!*sep)
				shprintf("drain: CPU%u's per-cpu lists:", cpu);
			shprintf("%s %s %d", sep, zone->name, pcp->count);
			sep = ",";
			total += (unsigned long)pcp->count;
		}
		if (*sep)
			shprintf(" pages\n");
	}
	drain_all_pages();
	shprintf("drain: drain_all_pages() gave %lu pages back to the buddy lists\n", total);
	return 0;
}
SHELL_CMD("drain", do_drain, "", "give every CPU's per-cpu pages back to the buddy lists",
	  .linux = "mm/page_alloc.c (v3.14): drain_all_pages() -> drain_local_pages() on each "
		   "CPU -> free_pcppages_bulk(), as memory hotplug and compaction call it");

/* the word memtest writes at offset i of page pfn */
static u32 pattern(unsigned long pfn, unsigned int i, unsigned int pass)
{
	u32 v = (u32)(pfn << 12 | i << 2) ^ 0xa5a5a5a5u;

	return pass ? ~v : v;
}

static bool fill_or_check(struct page *page, unsigned int pass, bool check)
{
	u32 *p = kmap(page);
	bool ok = true;

	if (!p) {
		shprintf("memtest: kmap failed for pfn 0x%lx\n", page_to_pfn(page));
		return false;
	}
	for (unsigned int i = 0; i < PAGE_SIZE / 4; i++) {
		u32 want = pattern(page_to_pfn(page), i, pass);

		if (!check) {
			p[i] = want;
		} else if (p[i] != want) {
			shprintf("memtest: pfn 0x%lx word %u: 0x%08lx, expected 0x%08lx\n",
				 page_to_pfn(page), i, (unsigned long)p[i], (unsigned long)want);
			ok = false;
			break;
		}
	}
	kunmap(page);
	return ok;
}

/*
 * `memtest [MB]`: take MB of pages (every other one HighMem, written
 * through kmap), write two patterns and read them back, free everything,
 * and check the buddy lists are exactly as before.
 */
static int do_memtest(int argc, char **argv)
{
	static unsigned long before[MAX_NR_ZONES][MAX_ORDER], after[MAX_NR_ZONES][MAX_ORDER];
	unsigned long mb = 16, want, got = 0, high = 0, errors = 0;
	struct list_head pages;
	struct page *page, *tmp;

	if (argc > 2 || (argc == 2 && (kstrtoul(argv[1], 0, &mb) || !mb || mb > 4096))) {
		shprintf("memtest: MB must be 1..4096\n");
		return 1;
	}
	want = mb << (20 - PAGE_SHIFT);
	INIT_LIST_HEAD(&pages);
	buddy_snapshot(before);
	while (got < want) {
		/* alternate: HighMem (through kmap) and lowmem (linear map) */
		page = alloc_pages((got & 1 ? GFP_KERNEL : GFP_HIGHUSER_MOVABLE) | __GFP_NOWARN, 0);
		if (!page)
			page = alloc_pages(GFP_HIGHUSER_MOVABLE | __GFP_NOWARN, 0);
		if (!page)
			break;
		list_add_tail(&page->lru, &pages);
		got++;
		high += PageHighMem(page);
	}
	shprintf("memtest: %lu pages (%lu HighMem, %lu lowmem)%s\n", got, high, got - high,
		 got < want ? ", all there was" : "");
	for (unsigned int pass = 0; pass < 2; pass++) {
		list_for_each_entry(page, &pages, lru)
			fill_or_check(page, pass, false);
		list_for_each_entry(page, &pages, lru)
			errors += !fill_or_check(page, pass, true);
	}
	list_for_each_entry_safe(page, tmp, &pages, lru) {
		list_del(&page->lru);
		__free_page(page);
	}
	buddy_snapshot(after);
	shprintf("memtest: %lu bad pages; free lists %s\n", errors,
		 memcmp(before, after, sizeof(before)) ? "DIFFER from before"
						       : "back exactly as before");
	if (check_free_lists(shprintf))
		shprintf("memtest: free list check FAILED\n");
	return 0;
}
SHELL_CMD("memtest", do_memtest, "[MB]",
	  "allocate MB (default 16), write and verify patterns (kmap for HighMem), free",
	  .linux = "alloc_pages() and __free_pages() in bulk, kmap() for HighMem pages, "
		   "drain_all_pages(), and the free lists compared before and after");
