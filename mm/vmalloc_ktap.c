// SPDX-License-Identifier: GPL-2.0
/*
 * mm/vmalloc_ktap.c: vmalloc, vmap and ioremap checked in place, on the
 * live kernel, as the KTAP suite `vmalloc` (`selftest`).  Every case that
 * allocates checks that the buddy allocator's free lists end as they
 * began (buddy_snapshot(), after one warm-up round: pte tables and slab
 * pages, which stay, are taken by it) and that the vmalloc area's free
 * space is one block per gap again.
 */
#include <a9mm/ktap.h>
#include <asm/io.h>
#include <asm/map.h>
#include <asm/pgwalk.h>
#include <linux/amba/serial.h>
#include <linux/delay.h>
#include <linux/gfp.h>
#include <linux/hardirq.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/percpu.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <linux/vmalloc.h>
#include <linux/workqueue.h>
#include <mach/vexpress.h>

static unsigned long snap_before[MAX_NR_ZONES][MAX_ORDER];

static bool buddy_unchanged(void)
{
	static unsigned long now[MAX_NR_ZONES][MAX_ORDER];

	buddy_snapshot(now);
	return !memcmp(now, snap_before, sizeof(now));
}

/*
 * Pages free in the buddy allocator (per-cpu lists drained) plus pages
 * the slab allocator holds: what stays constant when SLUB's per-CPU slabs
 * on several CPUs take or give back pages while vmalloc() runs there.
 */
static unsigned long free_or_slab_pages(void)
{
	unsigned long n = 0;
	struct zone *zone;

	drain_all_pages();
	for_each_zone(zone)
		n += (unsigned long)(READ_ONCE(zone->vm_stat[NR_FREE_PAGES]) +
				     READ_ONCE(zone->vm_stat[NR_SLAB_RECLAIMABLE]) +
				     READ_ONCE(zone->vm_stat[NR_SLAB_UNRECLAIMABLE]));
	return n;
}

/* the free vmap space: how many blocks, and the bytes in them */
static void free_space(unsigned long *blocks, unsigned long *bytes)
{
	struct vmap_area *va;

	*blocks = *bytes = 0;
	spin_lock(&vmap_area_lock);
	list_for_each_entry(va, &free_vmap_area_list, list) {
		(*blocks)++;
		*bytes += va->va_end - va->va_start;
	}
	spin_unlock(&vmap_area_lock);
}

/* every page of [p, p + size) holds its own pattern, read back; false if not */
static bool fill_and_check(unsigned long p, unsigned long size)
{
	for (unsigned long off = 0; off < size; off += PAGE_SIZE)
		*(volatile u32 *)(p + off) = (u32)(p + off) ^ 0x5a5a5a5aU;
	*(volatile u8 *)(p + size - 1) = 0xa5;
	for (unsigned long off = 0; off < size; off += PAGE_SIZE)
		if (*(volatile u32 *)(p + off) != ((u32)(p + off) ^ 0x5a5a5a5aU) &&
		    !(off == (size - 1) / PAGE_SIZE * PAGE_SIZE && size - off <= 4))
			return false;
	return *(volatile u8 *)(p + size - 1) == 0xa5;
}

/* one size: address, mapping, pages, the guard page unmapped, the pattern */
static void check_one_size(struct ktap_test *t, unsigned long size)
{
	unsigned long blocks, bytes, blocks2, bytes2;
	struct vm_struct *area;
	struct pgwalk w;
	unsigned long p;
	bool pages_ok = true;

	free_space(&blocks, &bytes);
	p = (unsigned long)vmalloc(size);
	if (!p) {
		ktap_fail(t, __FILE__, __LINE__, "vmalloc(%lu) failed", size);
		return;
	}
	area = find_vm_area((void *)p);
	KTAP_EXPECT(t, area && (area->flags & VM_ALLOC));
	KTAP_EXPECT(t, p >= VMALLOC_START && p + PAGE_ALIGN(size) < VMALLOC_END);
	KTAP_EXPECT_EQ(t, p & ~PAGE_MASK, 0);
	if (area) {
		KTAP_EXPECT_EQ(t, area->nr_pages, PAGE_ALIGN(size) >> PAGE_SHIFT);
		KTAP_EXPECT_EQ(t, area->size, PAGE_ALIGN(size) + PAGE_SIZE);
		for (unsigned int i = 0; i < area->nr_pages; i++)
			if (vmalloc_to_page((void *)(p + i * PAGE_SIZE)) != area->pages[i])
				pages_ok = false;
		KTAP_EXPECT(t, pages_ok);
	}
	pgwalk(p + PAGE_ALIGN(size), &w); /* the guard page */
	KTAP_EXPECT(t, !w.mapped);
	KTAP_EXPECT(t, fill_and_check(p, size));
	vfree((void *)p);
	KTAP_EXPECT(t, !find_vm_area((void *)p));
	pgwalk(p, &w);
	KTAP_EXPECT(t, !w.mapped);
	free_space(&blocks2, &bytes2);
	KTAP_EXPECT_EQ(t, blocks2, blocks);
	KTAP_EXPECT_EQ(t, bytes2, bytes);
}

/*
 * Sizes from one byte to most of the area (nine tenths of its largest free
 * block, or of the free pages, whichever is less -- small RAM has fewer
 * pages than the area has addresses).
 */
static void vmalloc_many_sizes(struct ktap_test *t)
{
	static const unsigned long sizes[] = {
		1, PAGE_SIZE - 1, PAGE_SIZE, PAGE_SIZE + 1, 3 * PAGE_SIZE, SZ_64K, SZ_1M + 17, SZ_4M
	};
	unsigned long used, chunk, most, free_bytes;
	struct zone *zone;

	get_vmalloc_info(&used, &chunk);
	free_bytes = 0;
	for_each_zone(zone)
		free_bytes += (unsigned long)zone->vm_stat[NR_FREE_PAGES] << PAGE_SHIFT;
	most = min(chunk, free_bytes) / 10 * 9 & PAGE_MASK;
	ktap_print("most of the area: %lu MiB of a %lu MiB free block\n", most >> 20, chunk >> 20);
	/*
	 * warm-up: the pte tables the area needs stay allocated, as in Linux,
	 * and so do the slab pages of the pages arrays' kmalloc() classes
	 */
	vfree(vmalloc(most));
	for (unsigned int i = 0; i < ARRAY_SIZE(sizes); i++)
		vfree(vmalloc(sizes[i]));
	buddy_snapshot(snap_before);
	for (unsigned int i = 0; i < ARRAY_SIZE(sizes); i++)
		check_one_size(t, sizes[i]);
	check_one_size(t, most);
	KTAP_EXPECT(t, buddy_unchanged());
	/* more than the area: refused, nothing taken */
	KTAP_EXPECT(t, !vmalloc(VMALLOC_END - VMALLOC_START + PAGE_SIZE));
	KTAP_EXPECT(t, !vmalloc(0));
	KTAP_EXPECT(t, buddy_unchanged());
}

/*
 * Fragmentation: 32 one-page areas side by side, every other one freed,
 * leaves 16 holes of two pages (the page and its guard) that a two-page
 * request cannot use; freeing the rest merges everything back.
 */
static void vmalloc_fragmentation_and_coalescing(struct ktap_test *t)
{
	unsigned long blocks, bytes, blocks2, bytes2, big;
	void *p[32];
	unsigned int i;

	vfree(vmalloc(PAGE_SIZE));
	buddy_snapshot(snap_before);
	free_space(&blocks, &bytes);
	for (i = 0; i < ARRAY_SIZE(p); i++) {
		p[i] = vmalloc(PAGE_SIZE);
		KTAP_EXPECT(t, p[i] != NULL);
		if (!p[i])
			return;
		if (i)
			KTAP_EXPECT_EQ(t, (unsigned long)p[i],
				       (unsigned long)p[i - 1] + 2 * PAGE_SIZE);
	}
	for (i = 0; i < ARRAY_SIZE(p); i += 2)
		vfree(p[i]);
	free_space(&blocks2, &bytes2);
	KTAP_EXPECT_EQ(t, bytes2, bytes - 16 * 2 * PAGE_SIZE);
	KTAP_EXPECT(t, blocks2 >= blocks + 15);
	big = (unsigned long)vmalloc(2 * PAGE_SIZE);
	KTAP_EXPECT(t, big > (unsigned long)p[31]); /* past every hole */
	vfree((void *)big);
	/* a one-page request takes the lowest hole */
	p[0] = vmalloc(PAGE_SIZE);
	KTAP_EXPECT(t, p[0] != NULL);
	for (i = 1; i < ARRAY_SIZE(p); i += 2)
		vfree(p[i]);
	vfree(p[0]);
	free_space(&blocks2, &bytes2);
	KTAP_EXPECT_EQ(t, blocks2, blocks);
	KTAP_EXPECT_EQ(t, bytes2, bytes);
	KTAP_EXPECT(t, buddy_unchanged());
}

/* vzalloc(): zeroed, HighMem pages included; the free counts come back exactly */
static void vmalloc_vzalloc_zeroes_and_gives_back(struct ktap_test *t)
{
	unsigned long n = SZ_1M + 3 * PAGE_SIZE;
	bool zero = true;
	u8 *p;

	vfree(vzalloc(n));
	buddy_snapshot(snap_before);
	p = vzalloc(n);
	KTAP_EXPECT(t, p != NULL);
	if (!p)
		return;
	for (unsigned long i = 0; i < n; i++)
		if (p[i])
			zero = false;
	KTAP_EXPECT(t, zero);
	memset(p, 0xff, n);
	vfree(p);
	KTAP_EXPECT(t, buddy_unchanged());
}

/* vmap() of HighMem pages: one virtual range, the same bytes kmap() sees */
static void vmalloc_vmap_highmem_pages(struct ktap_test *t)
{
	struct page *pages[4];
	unsigned int i, n = 0;
	u32 *v;

	buddy_snapshot(snap_before);
	for (i = 0; i < ARRAY_SIZE(pages); i++) {
		pages[i] = alloc_page(GFP_HIGHUSER);
		if (!pages[i])
			break;
		n++;
		*(u32 *)kmap(pages[i]) = 0xc0de0000 + i;
		kunmap(pages[i]);
	}
	KTAP_EXPECT_EQ(t, n, ARRAY_SIZE(pages));
	if (totalhigh_pages)
		KTAP_EXPECT(t, PageHighMem(pages[0]));
	v = vmap(pages, n, 0, PAGE_KERNEL);
	KTAP_EXPECT(t, v != NULL);
	if (v) {
		struct vm_struct *area = find_vm_area(v);

		KTAP_EXPECT(t, area && (area->flags & VM_MAP));
		for (i = 0; i < n; i++) {
			KTAP_EXPECT_EQ(t, v[i * PAGE_SIZE / 4], 0xc0de0000 + i);
			KTAP_EXPECT(t, vmalloc_to_page(&v[i * PAGE_SIZE / 4]) == pages[i]);
		}
		v[PAGE_SIZE / 4] = 0xfeedface;
		vfree(v); /* not a vmalloc() area: refused, still mapped */
		KTAP_EXPECT_EQ(t, v[PAGE_SIZE / 4], 0xfeedface);
		vunmap(v);
		KTAP_EXPECT(t, !find_vm_area(v));
		KTAP_EXPECT_EQ(t, *(u32 *)kmap(pages[1]), 0xfeedface);
		kunmap(pages[1]);
	}
	for (i = 0; i < n; i++)
		__free_page(pages[i]);
	KTAP_EXPECT(t, buddy_unchanged());
}

/*
 * The console is ioremap()ped: its area says so, and a second ioremap() of
 * the same registers works -- this line is written through it.
 */
static void vmalloc_ioremap_console_works(struct ktap_test *t)
{
	static const char msg[] = "        # written through a second ioremap() of the UART\n";
	struct vm_struct *area = find_vm_area((void *)((unsigned long)pl011_base() & PAGE_MASK));
	u8 __iomem *uart;

	KTAP_EXPECT(t, is_vmalloc_addr(pl011_base()));
	KTAP_EXPECT(t, area && (area->flags & VM_IOREMAP));
	KTAP_EXPECT(t, area && area->phys_addr == V2M_UART0_PHYS);
	uart = ioremap(V2M_UART0_PHYS, V2M_UART0_SIZE);
	KTAP_EXPECT(t, uart != NULL && (void *)uart != pl011_base());
	if (!uart)
		return;
	for (const char *c = msg; *c; c++) {
		while (readl(uart + UART01x_FR) & UART01x_FR_TXFF)
			;
		writel((u8)*c, uart + UART01x_DR);
	}
	iounmap(uart);
	KTAP_EXPECT(t, !find_vm_area(uart));
	/* RAM is refused, an empty range too */
	KTAP_EXPECT(t, !ioremap(PHYS_OFFSET, PAGE_SIZE));
	KTAP_EXPECT(t, !ioremap(V2M_UART0_PHYS, 0));
}

/* 2 MiB aligned and sized: section entries (NOR flash 0 at 0x40000000), undone by iounmap() */
static void vmalloc_ioremap_sections(struct ktap_test *t)
{
	u8 __iomem *flash = ioremap(0x40000000, SZ_2M);
	struct pgwalk w;

	KTAP_EXPECT(t, flash != NULL);
	if (!flash)
		return;
	KTAP_EXPECT_EQ(t, (unsigned long)flash & (SZ_2M - 1), 0);
	pgwalk((unsigned long)flash + SZ_1M + 8, &w);
	KTAP_EXPECT(t, w.mapped && !w.has_l2 && w.pa == 0x40000000 + SZ_1M + 8);
	KTAP_EXPECT(t, !w.executable && w.domain == DOMAIN_IO);
	(void)readl(flash);
	iounmap(flash);
	pgwalk((unsigned long)flash, &w);
	KTAP_EXPECT(t, !w.mapped && !w.l1);
}

/* bad frees are refused and lose nothing */
static void vmalloc_bad_frees_refused(struct ktap_test *t)
{
	unsigned long blocks, bytes, blocks2, bytes2;
	u8 *p;

	vfree(vmalloc(3 * PAGE_SIZE));
	buddy_snapshot(snap_before);
	free_space(&blocks, &bytes);
	p = vmalloc(3 * PAGE_SIZE);
	KTAP_EXPECT(t, p != NULL);
	if (!p)
		return;
	p[0] = 0x42;
	vfree(p + PAGE_SIZE);	    /* the middle */
	vfree(p + 1);		    /* not page aligned */
	vfree(p + 3 * PAGE_SIZE);   /* its guard page */
	vfree((void *)VMALLOC_END); /* outside the area */
	vfree(pl011_base());	    /* an ioremap() area */
	iounmap((void __iomem *)p); /* a vmalloc() area through iounmap() */
	vunmap(p);		    /* ... and vunmap() */
	KTAP_EXPECT(t, find_vm_area(p) != NULL);
	KTAP_EXPECT_EQ(t, p[0], 0x42);
	vfree(p);
	vfree(p); /* twice */
	free_space(&blocks2, &bytes2);
	KTAP_EXPECT_EQ(t, blocks2, blocks);
	KTAP_EXPECT_EQ(t, bytes2, bytes);
	KTAP_EXPECT(t, buddy_unchanged());
	KTAP_EXPECT(t, is_vmalloc_addr(pl011_base()) &&
			       find_vm_area((void *)((unsigned long)pl011_base() & PAGE_MASK)));
}

/* every CPU at once: vmalloc, write, check, vfree, for a while */
static unsigned long smp_rounds[NR_CPUS], smp_bad[NR_CPUS];

static void vmalloc_worker(struct work_struct *w)
{
	unsigned int cpu = smp_processor_id();
	unsigned long seed = cpu * 7919 + 1;

	for (unsigned int r = 0; r < 300; r++) {
		unsigned long size, *p;

		seed = seed * 1103515245 + 12345;
		size = ((seed >> 8) % 6 + 1) * PAGE_SIZE;
		p = vmalloc(size);
		if (!p) {
			smp_bad[cpu]++;
			continue;
		}
		for (unsigned long i = 0; i < size / sizeof(*p); i += 128)
			p[i] = (unsigned long)&p[i] ^ cpu;
		for (unsigned long i = 0; i < size / sizeof(*p); i += 128)
			if (p[i] != ((unsigned long)&p[i] ^ cpu))
				smp_bad[cpu]++;
		vfree(p);
		smp_rounds[cpu]++;
	}
}

static void vmalloc_all_cpus_at_once(struct ktap_test *t)
{
	struct work_struct works[NR_CPUS];
	unsigned long blocks, bytes, blocks2, bytes2, rounds = 0, bad = 0, pages;
	unsigned int cpu;

	vfree(vmalloc(6 * PAGE_SIZE));
	free_space(&blocks, &bytes);
	pages = free_or_slab_pages();
	memset(smp_rounds, 0, sizeof(smp_rounds));
	memset(smp_bad, 0, sizeof(smp_bad));
	for_each_online_cpu(cpu) {
		INIT_WORK(&works[cpu], vmalloc_worker);
		if (cpu != smp_processor_id())
			schedule_work_on((int)cpu, &works[cpu]);
	}
	vmalloc_worker(&works[smp_processor_id()]);
	for_each_online_cpu(cpu) {
		flush_work(&works[cpu]);
		rounds += smp_rounds[cpu];
		bad += smp_bad[cpu];
	}
	KTAP_EXPECT_EQ(t, bad, 0);
	KTAP_EXPECT_EQ(t, rounds, 300 * num_online_cpus());
	free_space(&blocks2, &bytes2);
	KTAP_EXPECT_EQ(t, blocks2, blocks);
	KTAP_EXPECT_EQ(t, bytes2, bytes);
	/* every vmalloc()ed page back; SLUB's per-CPU slabs may have moved pages */
	KTAP_EXPECT_EQ(t, free_or_slab_pages(), pages);
	ktap_print("%u CPUs: %lu vmalloc+vfree rounds\n", num_online_cpus(), rounds);
}

/* vfree() in an interrupt handler (an IPI): deferred to that CPU's work, done soon after */
static void vfree_from_ipi(void *p)
{
	vfree(p);
}

static void vmalloc_vfree_in_interrupt_is_deferred(struct ktap_test *t)
{
	unsigned int cpu = num_online_cpus() > 1 ? 1 : 0;
	void *p = vmalloc(2 * PAGE_SIZE);
	unsigned int ms = 0;

	KTAP_EXPECT(t, p != NULL);
	if (!p)
		return;
	if (cpu == smp_processor_id()) {
		unsigned long flags;

		/* one CPU: in interrupt context as a handler is, between irq_enter() and irq_exit()
		 */
		local_irq_save(flags);
		irq_enter();
		vfree(p);
		KTAP_EXPECT(t, find_vm_area(p) != NULL); /* not yet */
		irq_exit();
		local_irq_restore(flags);
	} else {
		smp_call_function_single((int)cpu, vfree_from_ipi, p, 1);
	}
	while (find_vm_area(p) && ms++ < 2000) {
		msleep(1); /* the kworker frees it */
	}
	KTAP_EXPECT(t, !find_vm_area(p));
}

static const struct ktap_case vmalloc_cases[] = {
	KTAP_CASE(vmalloc_many_sizes),
	KTAP_CASE(vmalloc_fragmentation_and_coalescing),
	KTAP_CASE(vmalloc_vzalloc_zeroes_and_gives_back),
	KTAP_CASE(vmalloc_vmap_highmem_pages),
	KTAP_CASE(vmalloc_ioremap_console_works),
	KTAP_CASE(vmalloc_ioremap_sections),
	KTAP_CASE(vmalloc_bad_frees_refused),
	KTAP_CASE(vmalloc_all_cpus_at_once),
	KTAP_CASE(vmalloc_vfree_in_interrupt_is_deferred),
};
KTAP_SUITE(vmalloc_suite, "vmalloc", vmalloc_cases);
