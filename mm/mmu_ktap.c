// SPDX-License-Identifier: GPL-2.0
/*
 * mm/mmu_ktap.c: the page tables paging_init() built, checked against the
 * MMU itself, as a KTAP suite (`selftest`, or "selftest" on the command
 * line).
 *
 * The host tests check what create_mapping() writes; only the hardware
 * can say that it means what we think.  So every case asks the MMU
 * (ATS1CPR/ATS1CPW, asm/par.h) where a VA goes and whether a read or a
 * write there would fault, and compares that with the address space
 * Linux's layout promises and with mm/pgwalk.c's software walk (which
 * `pgwalk` and the abort handler print).
 */
#include <a9mm/ktap.h>
#include <asm/fixmap.h>
#include <asm/highmem.h>
#include <asm/map.h>
#include <asm/memory.h>
#include <asm/mm.h>
#include <asm/par.h>
#include <asm/pgwalk.h>
#include <asm/sections.h>
#include <linux/kernel.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include <linux/vmalloc.h>
#include <mach/vexpress.h>

/*
 * The MMU's answer for a read at @va, after checking that the software
 * walk agrees with it (mapped or not, and the same page).
 */
static unsigned long mmu_read(struct ktap_test *t, unsigned long va)
{
	unsigned long par = ats1cpr(va);
	struct pgwalk w;

	pgwalk(va, &w);
	if (w.mapped == !!(par & PAR_F))
		ktap_fail(t, __FILE__, __LINE__,
			  "0x%08lx: pgwalk says %s, the MMU's PAR is 0x%08lx", va,
			  w.mapped ? "mapped" : "unmapped", par);
	else if (w.mapped && (w.pa & PAR_PAGE_MASK) != (par & PAR_PAGE_MASK))
		ktap_fail(t, __FILE__, __LINE__,
			  "0x%08lx: pgwalk says PA 0x%08llx, the MMU 0x%08lx", va,
			  (unsigned long long)w.pa, par & PAR_PAGE_MASK);
	return par;
}

static void expect_maps_to(struct ktap_test *t, unsigned long va, phys_addr_t pa)
{
	unsigned long par = mmu_read(t, va);

	if (par & PAR_F)
		ktap_fail(t, __FILE__, __LINE__, "0x%08lx: not mapped (fault status 0x%02lx)", va,
			  PAR_FS(par));
	else if ((par & PAR_PAGE_MASK) != (pa & PAR_PAGE_MASK))
		ktap_fail(t, __FILE__, __LINE__, "0x%08lx: maps PA 0x%08lx, expected 0x%08llx", va,
			  par & PAR_PAGE_MASK, (unsigned long long)pa);
}

static void expect_unmapped(struct ktap_test *t, unsigned long va)
{
	unsigned long par = mmu_read(t, va);

	if (!(par & PAR_F))
		ktap_fail(t, __FILE__, __LINE__, "0x%08lx: mapped to PA 0x%08lx, expected a fault",
			  va, par & PAR_PAGE_MASK);
}

/*
 * map_lowmem(): every byte of RAM below arm_lowmem_limit at
 * __phys_to_virt(); checked at each MiB, and at the first and last page
 * of each bank, where an unaligned end gets 4 KiB pages.
 */
static void paging_lowmem_is_the_linear_map(struct ktap_test *t)
{
	phys_addr_t start, end;
	u64 i;

	for_each_mem_range(i, &memblock.memory, NULL, &start, &end) {
		phys_addr_t top = min_t(phys_addr_t, end, arm_lowmem_limit);

		for (phys_addr_t pa = start; pa < top; pa += SZ_1M)
			expect_maps_to(t, __phys_to_virt(pa), pa);
		if (start < top)
			expect_maps_to(t, __phys_to_virt(top - PAGE_SIZE), top - PAGE_SIZE);
	}
	/* the 8 MiB VMALLOC_OFFSET gap above lowmem catches overruns */
	expect_unmapped(t, (unsigned long)high_memory);
	expect_unmapped(t, VMALLOC_START - PAGE_SIZE);
}

/*
 * prepare_page_table(): nothing in user space -- no NULL page, no boot
 * identity map of the kernel (head.S's, gone) -- nor in the modules area
 * (a9mm loads none).  Each MiB's first-level entry must be a fault
 * descriptor (0: not even a page table, so no stray 4 KiB pte hides in
 * it), and the MMU itself must fault at each MiB.
 */
static void paging_user_space_is_empty(struct ktap_test *t)
{
	unsigned int bad = 0;
	struct pgwalk w;

	for (unsigned long va = 0; va < PKMAP_BASE; va += SZ_1M) {
		pgwalk(va, &w);
		if (w.l1 && bad++ < 4)
			ktap_fail(t, __FILE__, __LINE__,
				  "0x%08lx: L1 descriptor 0x%08lx, expected 0", va,
				  (unsigned long)w.l1);
		expect_unmapped(t, va);
	}
	KTAP_EXPECT_EQ(t, bad, 0);
	expect_unmapped(t, PHYS_OFFSET + TEXT_OFFSET);
}

/*
 * devicemaps_init(): the vectors page and the fixmap; no static I/O map:
 * the console is ioremap()ped, in vmalloc space, device memory (TEX=000
 * C=0 B=1), never executable, and its early fixmap slot is gone
 */
static void paging_device_maps(struct ktap_test *t)
{
	struct pgwalk w;

	mmu_read(t, VECTORS_BASE);
	pgwalk(VECTORS_BASE, &w);
	KTAP_EXPECT(t, w.mapped && w.executable && w.has_l2);

	expect_maps_to(t, (unsigned long)pl011_base(), V2M_UART0_PHYS);
	KTAP_EXPECT(t, is_vmalloc_addr(pl011_base()));
	pgwalk((unsigned long)pl011_base(), &w);
	KTAP_EXPECT(t, w.mapped && !w.executable && w.has_l2);
	KTAP_EXPECT_EQ(t, w.l2 & (PTE_EXT_TEX_MASK | PTE_CACHEABLE | PTE_BUFFERABLE),
		       PTE_BUFFERABLE);
	expect_unmapped(t, __fix_to_virt(FIX_EARLYCON_MEM_BASE));

	/* kmap_init() gave the fixmap and pkmap areas pte tables, empty */
	pgwalk(FIXADDR_START, &w);
	KTAP_EXPECT(t, w.has_l2);
	pgwalk(PKMAP_BASE, &w);
	KTAP_EXPECT(t, w.has_l2);
	expect_unmapped(t, FIXADDR_START);
}

/*
 * mem_types[]: the kernel's text executable, everything else in RAM
 * execute-never (Linux's kernel_x_start..kernel_x_end split); with
 * rodata=on, text and rodata refuse a write -- asked of the MMU with
 * ATS1CPW, so nothing is actually written.
 */
static void paging_kernel_permissions(struct ktap_test *t)
{
	static unsigned long data_word;
	unsigned long text = (unsigned long)_stext;
	unsigned long last_low = (unsigned long)high_memory - PAGE_SIZE;
	struct pgwalk w;

	pgwalk(text, &w);
	KTAP_EXPECT(t, w.mapped && w.executable);
	KTAP_EXPECT_EQ(t, w.writable, !rodata_enabled);
	KTAP_EXPECT_EQ(t, !!(ats1cpw(text) & PAR_F), rodata_enabled);
	KTAP_EXPECT_EQ(t, !!(ats1cpw((unsigned long)__start_rodata) & PAR_F), rodata_enabled);

	pgwalk((unsigned long)&data_word, &w);
	KTAP_EXPECT(t, w.mapped && w.writable);
	KTAP_EXPECT(t, !(ats1cpw((unsigned long)&data_word) & PAR_F));

	if (last_low >= (unsigned long)_end + SZ_1M) {
		pgwalk(last_low, &w);
		KTAP_EXPECT(t, w.mapped && w.writable && !w.executable);
	}
}

/*
 * kmap_atomic(): a HighMem page gets a fixmap slot the MMU translates to
 * that very page, and loses it again at kunmap (a9mm clears the pte and
 * flushes its TLB entry); kmap() gives a pkmap address.
 */
static void paging_highmem_kmaps_translate(struct ktap_test *t)
{
	struct page *page = alloc_pages(GFP_HIGHUSER_MOVABLE, 0);
	phys_addr_t pa;
	void *va;

	if (!page || !PageHighMem(page)) {
		ktap_skip(t, "no free HighMem page");
		if (page)
			__free_page(page);
		return;
	}
	pa = (phys_addr_t)page_to_pfn(page) << PAGE_SHIFT;

	va = kmap_atomic_pfn(page_to_pfn(page));
	expect_maps_to(t, (unsigned long)va, pa);
	__kunmap_atomic(va);
	expect_unmapped(t, (unsigned long)va);

	va = kmap(page);
	KTAP_EXPECT(t, (unsigned long)va >= PKMAP_BASE && (unsigned long)va < PAGE_OFFSET);
	expect_maps_to(t, (unsigned long)va, pa);
	kunmap(page);
	__free_page(page);
}

static const struct ktap_case paging_cases[] = {
	KTAP_CASE(paging_lowmem_is_the_linear_map),
	KTAP_CASE(paging_user_space_is_empty),
	KTAP_CASE(paging_device_maps),
	KTAP_CASE(paging_kernel_permissions),
	KTAP_CASE(paging_highmem_kmaps_translate),
};
KTAP_SUITE(paging_suite, "paging", paging_cases);
