// SPDX-License-Identifier: GPL-2.0
/*
 * Host tests of the 2-level model itself (asm/pgtable-2level.h, mm/pgtable.c,
 * asm/fixmap.h, mm/highmem.c's kmap_atomic_pfn): how a pgd entry folds into
 * a pmd pair, where the Linux and hardware ptes of one pte page live, the
 * run-time PHYS_OFFSET, and the fixmap slots.  Tables are built by the real
 * code in host memory and read back here by byte offset, from the layout
 * Linux documents in arch/arm/include/asm/pgtable-2level.h.
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
#include <asm/pgtable.h>
#include <linux/memblock.h>

#include "host_shim.h"

#define MB 0x100000u

static u32 *l1(void)
{
	return (u32 *)swapper_pg_dir;
}

/* RAM at ram, a kernel at its start + 0x10000, paging_init() run */
static void boot_at(u32 ram, u32 size)
{
	host_ram_init(ram, size);
	memblock_add(ram, size);
	host_kernel_layout = (struct kernel_layout){ ram + 0x10000, ram + 0x18000, ram + 0x1c000,
						     ram + 0x20000, ram + 0x50000 };
	memblock_reserve(ram + 0xc000, 0x44000);
	adjust_lowmem_bounds();
	paging_init();
}

static void test_pgd_folds_into_a_pmd_pair(void **state)
{
	/* 2048 entries of two words: exactly the hardware's 16 KiB table */
	assert_int_equal(sizeof(pgd_t), 8);
	assert_int_equal(sizeof(swapper_pg_dir), 16384);
	assert_int_equal(pgd_index(0xc0000000ul), 0x600);
	/* pud and pmd are the pgd entry itself */
	assert_ptr_equal(pud_offset(pgd_offset_k(0xc0300000ul), 0), pgd_offset_k(0xc0300000ul));
	assert_ptr_equal(pmd_off_k(0xc0300000ul), &l1()[0xc02]);
	/* both MiB of a pair give the same pmd: its first hardware entry */
	assert_ptr_equal(pmd_off_k(0xc02fffff), pmd_off_k(0xc0200000));
	assert_ptr_equal(pmd_off_k(0xffff0000ul), &l1()[0xffe]);
}

static void test_pmd_clear_clears_both_entries_only(void **state)
{
	for (int i = 0xc00; i < 0xc06; i++)
		l1()[i] = 0x60000c0e | (u32)i << 20;
	pmd_clear(pmd_off_k(0xc0200000ul));
	assert_int_equal(l1()[0xc02], 0);
	assert_int_equal(l1()[0xc03], 0);
	assert_int_not_equal(l1()[0xc01], 0);
	assert_int_not_equal(l1()[0xc04], 0);
}

/*
 * One unaligned mapping across a whole pgd entry: the pte page holds the
 * Linux ptes of both MiB first (+0, +1024) and their hardware twins after
 * (+2048, +3072); pmd[0] and pmd[1] point at the two hardware tables.
 */
static void test_pte_page_layout(void **state)
{
	const u32 ram = 0x60000000, va = 0xe0000000;
	struct map_desc md = { .virtual = va + 0x1000,
			       .pfn = (ram + 0x101000) >> 12,
			       .length = 2 * MB - 0x1000,
			       .type = MT_MEMORY_RW };
	u32 *page;
	u32 idx;

	host_ram_init(ram, 4 * MB);
	memblock_add(ram, 4 * MB);
	create_mapping(&md);

	assert_int_equal(l1()[va >> 20] & 3, PMD_TYPE_TABLE);
	assert_int_equal(l1()[(va >> 20) + 1] - l1()[va >> 20], 1024);
	page = __va((l1()[va >> 20] & ~0xfffu));
	assert_int_equal(l1()[va >> 20] & 0xfffffc00, __pa(page) + 2048);
	assert_int_equal(l1()[(va >> 20) + 1] & 0xfffffc00, __pa(page) + 3072);

	/* page 0 of the pair was not asked for: no Linux pte, no hardware pte */
	assert_int_equal(page[0], 0);
	assert_int_equal(page[512], 0);
	for (idx = 1; idx < 512; idx++) {
		u32 pa = ram + 0x100000 + idx * 0x1000;
		u32 linux_pte = page[idx];
		u32 hw = page[512 + idx];

		/* Linux view: pfn + L_PTE_* bits; hardware: small page descriptor */
		assert_int_equal(linux_pte & PAGE_MASK, pa);
		assert_int_equal(linux_pte & 0xfff, mem_types[MT_MEMORY_RW].prot_pte);
		assert_int_equal(hw, pte_to_hw(linux_pte, 0));
		assert_int_equal(hw & PAGE_MASK, pa);
	}
	/* the 2nd MiB's hardware ptes are where pmd[1] points */
	assert_int_equal(((u32 *)__va(l1()[(va >> 20) + 1] & 0xfffffc00))[0x10],
			 page[512 + 256 + 0x10]);
}

static void test_runtime_phys_offset(void **state)
{
	/* RAM at 0x80000000: the same Image, another PHYS_OFFSET */
	boot_at(0x80000000, 32 * MB);
	assert_int_equal(PHYS_OFFSET, 0x80000000);
	assert_int_equal(__virt_to_phys(0xc0123456ul), 0x80123456);
	assert_int_equal(__phys_to_virt(0x81ffffff), 0xc1fffffful);
	/* the linear map follows it: section 0xc01 -> PA 0x80100000 */
	assert_int_equal(l1()[0xc01] & 0xfff00003, 0x80100002);
	assert_int_equal(l1()[0xc1f] & 0xfff00003, 0x81f00002);
	assert_int_equal(l1()[0xc20], 0);
	assert_int_equal(arm_lowmem_limit, 0x82000000);
	assert_int_equal((unsigned long)high_memory, 0xc2000000ul);
}

static void test_fixmap_slots(void **state)
{
	/* slot 0 the early console, then the kmap_atomic() slots, then early_ioremap()'s */
	assert_int_equal(__fix_to_virt(FIX_EARLYCON_MEM_BASE), 0xffeff000ul);
	assert_int_equal(__fix_to_virt(FIX_KMAP_BEGIN), 0xffefe000ul);
	assert_int_equal(__virt_to_fix(0xffefe123ul), FIX_KMAP_BEGIN);
	assert_true(FIX_BTMAP_END > FIX_KMAP_END);
	assert_int_equal(FIX_BTMAP_BEGIN - FIX_BTMAP_END + 1, NR_FIX_BTMAPS * FIX_BTMAPS_SLOTS);
	assert_int_equal(__fix_to_virt(FIX_BTMAP_BEGIN) >> 21, FIXADDR_TOP >> 21);
	/* every kmap slot inside [FIXADDR_START, FIXADDR_END), one pgd entry */
	assert_true(__fix_to_virt(FIX_KMAP_END) >= FIXADDR_START);
	assert_int_equal(__fix_to_virt(FIX_KMAP_END) >> 21, FIXADDR_TOP >> 21);
	assert_int_equal(FIX_KMAP_END - FIX_KMAP_BEGIN + 1, KM_TYPE_NR * NR_CPUS);
}

static u32 fixmap_hw_pte(unsigned long va)
{
	u32 *hw = __va(l1()[va >> 20] & 0xfffffc00);

	return hw[(va >> 12) & 0xff];
}

static void test_kmap_atomic_nests_and_clears(void **state)
{
	jmp_buf jb;
	void *a, *b;

	boot_at(0x60000000, 32 * MB); /* lowmem ends at 0x62000000 */

	/* lowmem: the linear address, no slot used */
	assert_ptr_equal(kmap_atomic_pfn(0x61000), __va(0x61000000));
	__kunmap_atomic(__va(0x61000000));

	a = kmap_atomic_pfn(0x90000);
	b = kmap_atomic_pfn(0x90001);
	assert_int_equal((unsigned long)a, __fix_to_virt(FIX_KMAP_BEGIN));
	assert_int_equal((unsigned long)b, __fix_to_virt(FIX_KMAP_BEGIN + 1));
	assert_int_equal(fixmap_hw_pte((unsigned long)a) & 0xfffff003, 0x90000003); /* page, XN */
	assert_int_equal(fixmap_hw_pte((unsigned long)b) & PAGE_MASK, 0x90001000);

	/* out of order: the kernel stops (Linux: BUG_ON in __kunmap_atomic) */
	host_panic_jmp = &jb;
	if (!setjmp(jb)) {
		__kunmap_atomic(a);
		fail_msg("unmapping a slot that is not the last one must not pass");
	}
	host_panic_jmp = NULL;

	__kunmap_atomic(b);
	__kunmap_atomic(a);
	assert_int_equal(fixmap_hw_pte((unsigned long)a), 0);
	assert_int_equal(fixmap_hw_pte((unsigned long)b), 0);
	/* the stack is empty again: the next one reuses the first slot */
	a = kmap_atomic_pfn(0x90002);
	assert_int_equal((unsigned long)a, __fix_to_virt(FIX_KMAP_BEGIN));
	__kunmap_atomic(a);
}

static void test_kmap_atomic_depth_is_bounded(void **state)
{
	jmp_buf jb;
	int i;

	boot_at(0x60000000, 32 * MB);
	for (i = 0; i < KM_TYPE_NR; i++)
		kmap_atomic_pfn(0x90000 + (unsigned long)i);
	host_panic_jmp = &jb;
	if (!setjmp(jb)) {
		kmap_atomic_pfn(0x9ffff);
		fail_msg("a 17th nested kmap_atomic must stop the kernel");
	}
	host_panic_jmp = NULL;
	assert_true(strstr(host_panic_msg, "kmap_atomic_idx") != NULL);
	for (i = KM_TYPE_NR - 1; i >= 0; i--)
		__kunmap_atomic((void *)__fix_to_virt(FIX_KMAP_BEGIN + i));
}

static void test_kunmap_atomic_of_a_pkmap_address(void **state)
{
	void *v;

	boot_at(0x60000000, 32 * MB);
	v = kmap_high_pfn(0x90000);
	assert_int_equal(pkmap_slots_in_use(), 1);
	__kunmap_atomic(v); /* Linux: kunmap_high() of that pte's page */
	assert_int_equal(pkmap_slots_in_use(), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_pgd_folds_into_a_pmd_pair, host_paging_setup),
		cmocka_unit_test_setup(test_pmd_clear_clears_both_entries_only, host_paging_setup),
		cmocka_unit_test_setup_teardown(test_pte_page_layout, host_paging_setup,
						host_ram_teardown),
		cmocka_unit_test_setup_teardown(test_runtime_phys_offset, host_paging_setup,
						host_ram_teardown),
		cmocka_unit_test_setup(test_fixmap_slots, host_paging_setup),
		cmocka_unit_test_setup_teardown(test_kmap_atomic_nests_and_clears,
						host_paging_setup, host_ram_teardown),
		cmocka_unit_test_setup_teardown(test_kmap_atomic_depth_is_bounded,
						host_paging_setup, host_ram_teardown),
		cmocka_unit_test_setup_teardown(test_kunmap_atomic_of_a_pkmap_address,
						host_paging_setup, host_ram_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
