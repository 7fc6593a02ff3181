// SPDX-License-Identifier: GPL-2.0
/*
 * Host tests of the page-table code: descriptor encoding (mm/pgtable.c,
 * mem_types[]), adjust_lowmem_bounds(), and what paging_init() builds in
 * swapper_pg_dir for various banks and kernel placements, checked with an
 * independent decoder written here from the ARM ARM's bit positions.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include <asm/fixmap.h>
#include <asm/highmem.h>
#include <asm/map.h>
#include <asm/mm.h>
#include <asm/pgalloc.h>
#include <asm/pgtable.h>
#include <asm/pgwalk.h>
#include <linux/swapops.h>
#include <linux/memblock.h>
#include <mach/vexpress.h>

#include "host_shim.h"

#define RAM 0x60000000u
#define MB  0x100000u

/* --- an independent reading of the hardware descriptors (B3.5.1) --- */
struct hw {
	int kind; /* 0 fault, 1 section, 2 small page */
	u32 pa;
	int apx, ap, xn, tex, c, b, s, domain;
};

static struct hw hw_walk(u32 va)
{
	struct hw h = { 0 };
	u32 l1 = ((u32 *)swapper_pg_dir)[va >> 20];

	h.domain = (l1 >> 5) & 15;
	if ((l1 & 3) == 2) {
		h.kind = 1;
		h.pa = (l1 & 0xfff00000) | (va & 0xfffff);
		h.b = (l1 >> 2) & 1, h.c = (l1 >> 3) & 1, h.xn = (l1 >> 4) & 1;
		h.ap = (l1 >> 10) & 3, h.tex = (l1 >> 12) & 7, h.apx = (l1 >> 15) & 1;
		h.s = (l1 >> 16) & 1;
	} else if ((l1 & 3) == 1) {
		u32 *l2 = __va(l1 & 0xfffffc00);
		u32 d = l2[(va >> 12) & 0xff];

		if (d & 2) {
			h.kind = 2;
			h.pa = (d & 0xfffff000) | (va & 0xfff);
			h.xn = d & 1, h.b = (d >> 2) & 1, h.c = (d >> 3) & 1;
			h.ap = (d >> 4) & 3, h.tex = (d >> 6) & 7, h.apx = (d >> 9) & 1;
			h.s = (d >> 10) & 1;
		}
	}
	return h;
}

static void expect_normal_mem(struct hw h, u32 pa, int kind, int xn, int ro)
{
	assert_int_equal(h.kind, kind);
	assert_int_equal(h.pa, pa);
	assert_int_equal(h.xn, xn);
	assert_int_equal(h.apx, ro);
	assert_int_equal(h.ap, 1);			  /* kernel only */
	assert_int_equal(h.tex << 2 | h.c << 1 | h.b, 7); /* WB-WA */
	assert_int_equal(h.s, 1);
	assert_int_equal(h.domain, DOMAIN_KERNEL);
}

/* A kernel image at 0x60010000 like the real one, with page-aligned parts. */
static void fake_kernel(u32 text, u32 size)
{
	host_kernel_layout.text = text;
	host_kernel_layout.rodata = text + 0x8000;
	host_kernel_layout.init = text + 0xc000;
	host_kernel_layout.init_end = text + 0x10000;
	host_kernel_layout.end = text + size;
	memblock_reserve(text, size);
	memblock_reserve(text - 0x4000, 0x4000); /* swapper_pg_dir */
}

static void boot_paging(u32 ram_size)
{
	adjust_lowmem_bounds();
	paging_init();
	(void)ram_size;
}

/* --- encodings --- */

static void test_section_encodings(void **state)
{
	/* MT_MEMORY_RWX must be what head.S used: TEX=001 C B, AP=01, S */
	assert_int_equal(mem_types[MT_MEMORY_RWX].prot_sect,
			 2 | 1 << 2 | 1 << 3 | 1 << 10 | 1 << 12 | 1 << 16);
	assert_int_equal(mem_types[MT_MEMORY_RW].prot_sect,
			 mem_types[MT_MEMORY_RWX].prot_sect | 1 << 4);
	/* device: B only, XN, domain IO */
	assert_int_equal(mem_types[MT_DEVICE].prot_sect, 2 | 1 << 2 | 1 << 4 | 1 << 10 | 2 << 5);
	/* RX/RO: APX set */
	assert_int_equal(mem_types[MT_MEMORY_RX].prot_sect & (1 << 15), 1 << 15);
	assert_int_equal(mem_types[MT_MEMORY_RO].prot_sect & (1 << 4 | 1 << 15), 1 << 4 | 1 << 15);
	/* vectors have no section form: pages only */
	assert_int_equal(mem_types[MT_HIGH_VECTORS].prot_sect, 0);
	/* head.S's early sections (domain 0) are the same two types */
	assert_int_equal(PROT_SECT_MEM, 2 | 1 << 2 | 1 << 3 | 1 << 10 | 1 << 12 | 1 << 16);
	assert_int_equal(PROT_SECT_IO, 2 | 1 << 2 | 1 << 4 | 1 << 10);
	/* and its TTBR0 walk attributes and DACR, from their names */
	assert_int_equal(TTB_FLAGS_SMP, 0x6a);
	assert_int_equal(domain_val(DOMAIN_VECTORS, DOMAIN_CLIENT) |
				 domain_val(DOMAIN_IO, DOMAIN_CLIENT) |
				 domain_val(DOMAIN_USER, DOMAIN_CLIENT) |
				 domain_val(DOMAIN_KERNEL, DOMAIN_CLIENT),
			 0x55);
}

static void test_pte_to_hw(void **state)
{
	u32 rw = mem_types[MT_MEMORY_RW].prot_pte;
	u32 hw = pte_to_hw(pfn_pte(0x60123, rw), 0);

	/* small page | XN | B C | AP0 | TEX=001 | S, APX clear */
	assert_int_equal(hw, 0x60123000 | 2 | 1 | 1 << 2 | 1 << 3 | 1 << 4 | 1 << 6 | 1 << 10);
	assert_int_equal(pte_to_hw(pfn_pte(0x60123, rw | L_PTE_RDONLY), 0) & (1 << 9), 1 << 9);
	/* clean pages are read-only to the MMU, as in Linux */
	assert_int_equal(pte_to_hw(pfn_pte(0x60123, rw & ~L_PTE_DIRTY), 0) & (1 << 9), 1 << 9);
	/* not young or not present: a fault entry */
	assert_int_equal(pte_to_hw(pfn_pte(0x60123, rw & ~L_PTE_YOUNG), 0), 0);
	assert_int_equal(pte_to_hw(pfn_pte(0x60123, rw & ~L_PTE_PRESENT), 0), 0);
	/* user: AP1; device: B only; nG passed through */
	assert_int_equal(pte_to_hw(pfn_pte(1, mem_types[MT_HIGH_VECTORS].prot_pte), 0) & 0x3f0,
			 1 << 4 | 1 << 5 | 1 << 6 | 1 << 9);
	assert_int_equal(pte_to_hw(pfn_pte(1, mem_types[MT_DEVICE].prot_pte), 0) & 0x1cc, 1 << 2);
	assert_int_equal(pte_to_hw(pfn_pte(1, rw), PTE_EXT_NG) & PTE_EXT_NG, PTE_EXT_NG);
}

static void test_decoder_names(void **state)
{
	assert_string_equal(pgwalk_memtype(1, 1, 1), "normal, write-back, write-allocate");
	assert_string_equal(pgwalk_memtype(0, 0, 1), "shareable device");
	assert_string_equal(pgwalk_memtype(0, 0, 0), "strongly-ordered");
	assert_string_equal(pgwalk_access(0, 1), "kernel RW, user none");
	assert_string_equal(pgwalk_access(1, 1), "kernel RO, user none");
	assert_string_equal(pgwalk_access(1, 0), "reserved");
}

/* --- lowmem bounds --- */

static void test_lowmem_limit_1024m(void **state)
{
	memblock_add(RAM, 1024 * MB);
	adjust_lowmem_bounds();
	/* 0xff000000 - 240M - 8M = 0xef800000 -> PA 0x8f800000, as in the seed's
	 * log (the study notes a9mm grew from; not in this repository) */
	assert_int_equal(arm_lowmem_limit, 0x8f800000);
	assert_int_equal((unsigned long)high_memory, 0xef800000);
	assert_int_equal(VMALLOC_START, 0xf0000000);
	assert_int_equal(memblock_get_current_limit(), 0x8f800000);
}

static void test_lowmem_limit_small_and_unaligned(void **state)
{
	memblock_add(RAM, 256 * MB);
	adjust_lowmem_bounds();
	assert_int_equal(arm_lowmem_limit, RAM + 256 * MB);
	assert_int_equal(VMALLOC_START, 0xd0800000);

	/* an end 512K into a 2 MiB pmd: memblock may only use what sections map */
	memblock_reset();
	memblock_add(RAM, 255 * MB + 512 * 1024);
	adjust_lowmem_bounds();
	assert_int_equal(arm_lowmem_limit, RAM + 255 * MB + 512 * 1024);
	assert_int_equal(memblock_get_current_limit(), RAM + 254 * MB);
}

/* --- what paging_init() builds --- */

static void test_map_lowmem_sections_and_xn(void **state)
{
	host_ram_init(RAM, 64 * MB);
	memblock_add(RAM, 64 * MB);
	fake_kernel(RAM + 0x10000, 0x40000);
	boot_paging(64 * MB);

	/* the kernel's section: executable; the rest of RAM: XN */
	expect_normal_mem(hw_walk(0xc0010000), RAM + 0x10000, 1, 0, 0);
	expect_normal_mem(hw_walk(0xc0100000), RAM + MB, 1, 1, 0);
	expect_normal_mem(hw_walk(0xc3ffffff), RAM + 64 * MB - 1, 1, 1, 0);
	/* past lowmem, NULL, the identity map: nothing */
	assert_int_equal(hw_walk(0xc4000000).kind, 0);
	assert_int_equal(hw_walk(0).kind, 0);
	assert_int_equal(hw_walk(RAM + 0x10000).kind, 0);
	/* the vectors page; vmalloc space empty (no static I/O map) */
	assert_int_equal(hw_walk(0xffff0000).kind, 2);
	assert_int_equal(hw_walk(0xffff0000).apx, 1);
	assert_int_equal(hw_walk(0xffff0000).domain, DOMAIN_VECTORS);
	for (unsigned long va = VMALLOC_START; va < VMALLOC_END; va += MB)
		assert_int_equal(hw_walk(va).kind, 0);
	assert_int_equal(host_early_trap_init_calls > 0, 1);
	/* kmap_init(): pkmap's pte table exists and is empty */
	assert_non_null(pkmap_page_table);
	assert_int_equal(((u32 *)swapper_pg_dir)[PKMAP_BASE >> 20] & 3, 1);
	assert_int_equal(hw_walk(PKMAP_BASE).kind, 0);
}

static void test_prepare_page_table_clears_stale_entries(void **state)
{
	u32 *l1 = (u32 *)swapper_pg_dir;

	host_ram_init(RAM, 32 * MB);
	/* head.S-like leftovers everywhere: sections mapping RAM */
	for (int i = 0; i < 4096; i++)
		l1[i] = (RAM & 0xfff00000) | mem_types[MT_MEMORY_RWX].prot_sect;
	memblock_add(RAM, 32 * MB);
	fake_kernel(RAM + 0x10000, 0x40000);
	boot_paging(32 * MB);

	for (u32 va = 0; va < 0xc0000000; va += MB)
		assert_int_equal(hw_walk(va).kind, 0);
	/* lowmem end (0xc2000000) up to VMALLOC_START and the vmalloc area */
	for (u32 va = 0xc2000000; va < 0xf8000000; va += MB)
		assert_int_equal(hw_walk(va).kind, 0);
	assert_int_equal(hw_walk(0xf8100000).kind, 0); /* between the two I/O sections */
}

static void test_unaligned_bank_end_gets_pages(void **state)
{
	u32 size = 63 * MB + 512 * 1024;
	struct pgwalk w;
	pte_t *ptep;

	host_ram_init(RAM, 64 * MB);
	memblock_add(RAM, size);
	fake_kernel(RAM + 0x10000, 0x40000);
	boot_paging(size);

	/* the last 2 MiB pgd entry is not section-aligned at its end: pages */
	expect_normal_mem(hw_walk(0xc3dfffff), RAM + 0x3dfffff, 1, 1, 0);
	expect_normal_mem(hw_walk(0xc3e00000), RAM + 0x3e00000, 2, 1, 0);
	expect_normal_mem(hw_walk(0xc3f7f000), RAM + 0x3f7f000, 2, 1, 0);
	assert_int_equal(hw_walk(0xc3f80000).kind, 0);
	/* pgwalk() agrees and sees the Linux shadow pte 2 KiB below */
	pgwalk(0xc3f7f000, &w);
	assert_true(w.mapped && w.has_l2);
	assert_int_equal(w.linux_pte & PAGE_MASK, RAM + 0x3f7f000);
	assert_true(w.linux_pte & L_PTE_XN);
	pgwalk(0xc3f80000, &w);
	assert_false(w.mapped);
	/* a swap entry in the Linux pte: the hardware's is a fault; pgwalk says what it holds */
	ptep = pte_offset_kernel(pmd_off_k(0xc3f80000), 0xc3f80000);
	set_pte_ext(ptep, swp_entry_to_pte(swp_entry(SWP_MIGRATION_WRITE, 0x63f80)), 0);
	pgwalk(0xc3f80000, &w);
	assert_false(w.mapped);
	assert_int_equal(w.l2, 0);
	host_log_reset();
	pgwalk_show(0xc3f80000, printk);
	assert_true(host_log_contains("swap entry: migration (write), pfn 0x63f80 is being moved"));
	set_pte_ext(ptep, 0, 0);
	/* the pte table came from memblock, below the 2 MiB-rounded limit */
	assert_true(memblock_is_reserved((((u32 *)swapper_pg_dir)[0xc3e] & ~0x3ffu) - 0x800));
}

static void test_first_bank_ending_mid_pair(void **state)
{
	u32 *l1 = (u32 *)swapper_pg_dir;

	/* RAM ends at 3 MiB: the pair [2M, 4M) keeps 2M..3M, loses 3M..4M */
	host_ram_init(RAM, 8 * MB);
	for (int i = 0; i < 4096; i++)
		l1[i] = (RAM & 0xfff00000) | mem_types[MT_MEMORY_RWX].prot_sect;
	memblock_add(RAM, 3 * MB);
	fake_kernel(RAM + 0x10000, 0x40000);
	boot_paging(3 * MB);
	expect_normal_mem(hw_walk(0xc0000000), RAM, 1, 0, 0); /* the kernel's MiB survived */
	expect_normal_mem(hw_walk(0xc0200000), RAM + 2 * MB, 1, 1, 0);
	assert_int_equal(hw_walk(0xc0300000).kind, 0);
	assert_int_equal(hw_walk(0xc0400000).kind, 0);
}

static void test_kernel_straddling_a_bank_edge(void **state)
{
	/* bank 0 ends 1.5 MiB in, the kernel's init ends past 1 MiB */
	host_ram_init(RAM, 64 * MB);
	memblock_add(RAM, MB + 512 * 1024);
	memblock_add(RAM + 2 * MB, 62 * MB);
	host_kernel_layout = (struct kernel_layout){ RAM + 0x10000, RAM + 0x80000, RAM + 0xa0000,
						     RAM + 0x140000, RAM + 0x150000 };
	memblock_reserve(RAM + 0xc000, 0x144000);
	boot_paging(64 * MB);

	/* kernel_x = [RAM, RAM + 2M): mapped RWX whole, as Linux does */
	expect_normal_mem(hw_walk(0xc0000000), RAM, 1, 0, 0);
	expect_normal_mem(hw_walk(0xc0100000), RAM + MB, 1, 0, 0);
	/* bank 1 starts at kernel_x_end: RW, XN */
	expect_normal_mem(hw_walk(0xc0200000), RAM + 2 * MB, 1, 1, 0);
}

static void test_bank_below_the_kernel(void **state)
{
	host_ram_init(RAM, 64 * MB);
	memblock_add(RAM, 64 * MB);
	fake_kernel(RAM + 0x210000, 0x40000); /* kernel_x = [2M, 3M) */
	boot_paging(64 * MB);
	expect_normal_mem(hw_walk(0xc0000000), RAM, 1, 1, 0);
	expect_normal_mem(hw_walk(0xc0200000), RAM + 2 * MB, 1, 0, 0);
	expect_normal_mem(hw_walk(0xc0300000), RAM + 3 * MB, 1, 1, 0);
}

static void test_rodata_on_splits_the_kernel_section(void **state)
{
	host_ram_init(RAM, 32 * MB);
	memblock_add(RAM, 32 * MB);
	fake_kernel(RAM + 0x10000, 0x40000);
	rodata_enabled = true;
	boot_paging(32 * MB);

	/* text RX, rodata RO+XN, init RWX, data and the rest of the MiB RWX */
	expect_normal_mem(hw_walk(0xc0010000), RAM + 0x10000, 2, 0, 1);
	expect_normal_mem(hw_walk(0xc0017fff), RAM + 0x17fff, 2, 0, 1);
	expect_normal_mem(hw_walk(0xc0018000), RAM + 0x18000, 2, 1, 1);
	expect_normal_mem(hw_walk(0xc001c000), RAM + 0x1c000, 2, 0, 0);
	expect_normal_mem(hw_walk(0xc0020000), RAM + 0x20000, 2, 0, 0);
	expect_normal_mem(hw_walk(0xc0000000), RAM, 2, 0, 0);
	/* the second MiB of the pair keeps its old attributes (XN) */
	expect_normal_mem(hw_walk(0xc0100000), RAM + MB, 2, 1, 0);
	assert_true(host_log_contains("Write protecting the kernel text: 32k"));
}

/*
 * Until the pl011 driver ioremap()s it, the console is the fixmap slot
 * FIX_EARLYCON_MEM_BASE, mapped before paging_init() runs: at no point of
 * paging_init() may its page be unmapped, or a print there (memblock=debug
 * prints from memblock_alloc()) would fault.  Checked after every write
 * of a first-level entry, printing or not.
 */
static unsigned int console_checks, console_unmapped;
#define EARLYCON_VA __fix_to_virt(FIX_EARLYCON_MEM_BASE)

static void check_console_mapped(void *pmd)
{
	struct hw h = hw_walk(EARLYCON_VA);

	console_checks++;
	if (h.kind == 0 || h.pa != V2M_UART0_PHYS)
		console_unmapped++;
}

static void test_console_never_unmapped(void **state)
{
	const phys_addr_t bm_pte = RAM + 60 * MB;

	host_ram_init(RAM, 64 * MB);
	memblock_add(RAM, 64 * MB);
	fake_kernel(RAM + 0x10000, 0x40000);
	/*
	 * start_kernel()'s first steps: early_fixmap_init() gives the fixmap's
	 * pgd entry its table (bm_pte, in the image; here a reserved page),
	 * pl011_init() maps the console in it
	 */
	memblock_reserve(bm_pte, PAGE_SIZE);
	__pmd_populate(pmd_off_k(FIXADDR_TOP), bm_pte, mem_types[MT_HIGH_VECTORS].prot_l1);
	set_fixmap_io(FIX_EARLYCON_MEM_BASE, V2M_UART0_PHYS);
	console_checks = console_unmapped = 0;
	host_pmd_hook = check_console_mapped;
	boot_paging(64 * MB);
	host_pmd_hook = NULL;

	assert_true(console_checks > 0);
	assert_int_equal(console_unmapped, 0);
	/* the same page in the end, device memory, never executed; the vectors share the table */
	assert_int_equal(hw_walk(EARLYCON_VA).pa, V2M_UART0_PHYS);
	assert_int_equal(hw_walk(EARLYCON_VA).xn, 1);
	assert_int_equal(hw_walk(0xffff0000).kind, 2);
	assert_int_equal(*pmd_off_k(FIXADDR_TOP) & PAGE_MASK, bm_pte);
	assert_int_equal(hw_walk(0xffff0000).domain, DOMAIN_VECTORS);
}

static void test_kmap_slots(void **state)
{
	void *a, *b;

	host_ram_init(RAM, 32 * MB);
	memblock_add(RAM, 32 * MB);
	fake_kernel(RAM + 0x10000, 0x40000);
	boot_paging(32 * MB);

	a = kmap_high_pfn(0x90000);
	b = kmap_high_pfn(0x90000);
	assert_ptr_equal(a, b); /* one slot, counted twice */
	assert_true((unsigned long)a >= PKMAP_BASE && (unsigned long)a < PAGE_OFFSET);
	assert_int_equal(pkmap_page_table[PKMAP_NR((unsigned long)a)] & PAGE_MASK, 0x90000000);
	assert_int_equal(pkmap_slots_in_use(), 1);
	assert_true(kunmap_high_pfn(0x90000));
	assert_true(kunmap_high_pfn(0x90000));
	assert_int_equal(pkmap_slots_in_use(), 0);
	assert_false(kunmap_high_pfn(0x90000));
	assert_true(host_log_contains("kunmap: pfn 0x90000 is not kmapped"));

	/* the frame keeps its slot at count 1: kmap finds it again (Linux:
	 * page_address() through the hash), other frames get other slots */
	assert_int_equal(pkmap_slot_count(PKMAP_NR((unsigned long)a)), 1);
	b = kmap_high_pfn(0x90000);
	assert_ptr_equal(a, b);
	assert_int_equal(pkmap_slot_count(PKMAP_NR((unsigned long)a)), 2);
	b = kmap_high_pfn(0x90001);
	assert_ptr_not_equal(a, b);
	assert_int_equal(pkmap_page_table[PKMAP_NR((unsigned long)b)] & PAGE_MASK, 0x90001000);
	assert_true(kunmap_high_pfn(0x90001));
	assert_true(kunmap_high_pfn(0x90000));

	/* fill every slot: the next kmap fails cleanly */
	for (unsigned long i = 0; i < LAST_PKMAP; i++)
		assert_non_null(kmap_high_pfn(0xa0000 + i));
	assert_null(kmap_high_pfn(0xb0000));
	assert_true(host_log_contains("all 512 pkmap slots are in use"));
	for (unsigned long i = 0; i < LAST_PKMAP; i++)
		assert_true(kunmap_high_pfn(0xa0000 + i));
	/* unmapped slots are recycled once the cursor wraps; the frames that
	 * held them lose their address, so their next kmap maps them afresh */
	a = kmap_high_pfn(0xb0000);
	assert_non_null(a);
	assert_int_equal(pkmap_page_table[PKMAP_NR((unsigned long)a)] & PAGE_MASK, 0xb0000000);
	assert_true(kunmap_high_pfn(0xb0000));
	for (unsigned long i = 0; i < LAST_PKMAP; i++)
		if (pkmap_slot_count(i) == 1 && i != PKMAP_NR((unsigned long)a))
			fail_msg("slot %lu still mapped after the wrap", i);
	b = kmap_high_pfn(0xa0000);
	assert_int_equal(pkmap_page_table[PKMAP_NR((unsigned long)b)] & PAGE_MASK, 0xa0000000);
	assert_true(kunmap_high_pfn(0xa0000));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_section_encodings, host_paging_setup),
		cmocka_unit_test_setup(test_pte_to_hw, host_paging_setup),
		cmocka_unit_test_setup(test_decoder_names, host_paging_setup),
		cmocka_unit_test_setup(test_lowmem_limit_1024m, host_paging_setup),
		cmocka_unit_test_setup(test_lowmem_limit_small_and_unaligned, host_paging_setup),
		cmocka_unit_test_setup_teardown(test_map_lowmem_sections_and_xn, host_paging_setup,
						host_ram_teardown),
		cmocka_unit_test_setup_teardown(test_prepare_page_table_clears_stale_entries,
						host_paging_setup, host_ram_teardown),
		cmocka_unit_test_setup_teardown(test_unaligned_bank_end_gets_pages,
						host_paging_setup, host_ram_teardown),
		cmocka_unit_test_setup_teardown(test_first_bank_ending_mid_pair, host_paging_setup,
						host_ram_teardown),
		cmocka_unit_test_setup_teardown(test_kernel_straddling_a_bank_edge,
						host_paging_setup, host_ram_teardown),
		cmocka_unit_test_setup_teardown(test_bank_below_the_kernel, host_paging_setup,
						host_ram_teardown),
		cmocka_unit_test_setup_teardown(test_rodata_on_splits_the_kernel_section,
						host_paging_setup, host_ram_teardown),
		cmocka_unit_test_setup_teardown(test_console_never_unmapped, host_paging_setup,
						host_ram_teardown),
		cmocka_unit_test_setup_teardown(test_kmap_slots, host_paging_setup,
						host_ram_teardown),
	};

	return cmocka_run_group_tests_name("mmu", tests, NULL, NULL);
}
