// SPDX-License-Identifier: GPL-2.0
/*
 * mm/context_ktap.c: the KTAP suite "mm_context" -- per-process page
 * directories and ASIDs, checked from the inside with the MMU itself:
 * a new pgd has no user entries and the kernel's; two address spaces
 * map the same user address to different pages and a thread switching
 * between them (use_mm()) reads each one's page, with no TLB flush in
 * between -- the ASIDs keep the entries apart; after more address
 * spaces than there are ASIDs a new generation starts and the first
 * address space still reads its own page.
 */
#include <a9mm/ktap.h>
#include <linux/gfp.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/mm_types.h>
#include <linux/sched.h>
#include <asm/mmu_context.h>
#include <asm/pgalloc.h>

#define TEST_UADDR 0x00400000UL /* where a static ARM program's text starts */
#define MANY_MMS   300		/* more than the 255 usable ASIDs */

/* map @page at @addr of @mm, user read/write */
static int map_user_page(struct mm_struct *mm, unsigned long addr, struct page *page)
{
	pmd_t *pmd = pmd_offset(pud_offset(pgd_offset(mm, addr), addr), addr);
	pte_t pte =
		pfn_pte(page_to_pfn(page), L_PTE_PRESENT | L_PTE_YOUNG | L_PTE_DIRTY | L_PTE_USER |
						   L_PTE_XN | L_PTE_MT_WRITEALLOC | L_PTE_SHARED);

	if (pmd_none(*pmd) && __pte_alloc(mm, pmd))
		return -ENOMEM;
	set_pte_at(mm, addr, pte_offset_kernel(pmd, addr), pte);
	return 0;
}

/* free what map_user_page() built and the mm */
static void drop_test_mm(struct mm_struct *mm)
{
	free_pgd_range(mm, 0, TASK_SIZE);
	mmdrop(mm);
}

static unsigned long read_contextidr(void)
{
	unsigned long v;

	__asm__ volatile("mrc p15, 0, %0, c13, c0, 1" : "=r"(v));
	return v;
}

static unsigned long read_ttbr0(void)
{
	unsigned long v;

	__asm__ volatile("mrc p15, 0, %0, c2, c0, 0" : "=r"(v));
	return v;
}

/* pgd_alloc(): 16 KiB aligned, empty below TASK_SIZE, the kernel's entries above */
static void mm_context_pgd_alloc_copies_the_kernel(struct ktap_test *t)
{
	unsigned long free_before = nr_free_pages_all();
	struct mm_struct *mm = mm_alloc();
	unsigned int i, user_set = 0, kernel_diff = 0;

	KTAP_EXPECT(t, mm != NULL);
	if (!mm)
		return;
	KTAP_EXPECT_EQ(t, (unsigned long)mm->pgd & 0x3fff, 0);
	for (i = 0; i < USER_PTRS_PER_PGD; i++)
		user_set += mm->pgd[i][0] != 0 || mm->pgd[i][1] != 0;
	for (; i < PTRS_PER_PGD; i++)
		kernel_diff += mm->pgd[i][0] != swapper_pg_dir[i][0] ||
			       mm->pgd[i][1] != swapper_pg_dir[i][1];
	KTAP_EXPECT_EQ(t, user_set, 0);
	KTAP_EXPECT_EQ(t, kernel_diff, 0);
	KTAP_EXPECT_EQ(t, atomic64_read(&mm->context.id), 0); /* no ASID before it runs */
	drop_test_mm(mm);
	/*
	 * the pgd is an order-2 block: it goes back to this CPU's order-2
	 * per-cpu list (whose refill may have taken more from the buddy lists)
	 */
	KTAP_EXPECT_EQ(t, nr_free_pages_all(), free_before);
}

struct two_mms {
	struct mm_struct *mm[2];
	struct page *page[2];
};

static void two_mms_free(struct two_mms *s)
{
	int i;

	for (i = 0; i < 2; i++) {
		if (s->mm[i])
			drop_test_mm(s->mm[i]);
		if (s->page[i])
			__free_pages(s->page[i], 0);
	}
}

static bool two_mms_make(struct ktap_test *t, struct two_mms *s)
{
	int i;

	for (i = 0; i < 2; i++) {
		s->mm[i] = mm_alloc();
		s->page[i] = alloc_pages(GFP_KERNEL, 0);
		if (!s->mm[i] || !s->page[i] || map_user_page(s->mm[i], TEST_UADDR, s->page[i])) {
			ktap_skip(t, "no memory");
			return false;
		}
		*(volatile u32 *)page_address(s->page[i]) = 0xa5a50000u + (u32)i;
	}
	return true;
}

/* read the test word through @mm's page tables, as the MMU walks them */
static u32 read_through(struct mm_struct *mm)
{
	u32 v;

	use_mm(mm);
	v = *(volatile u32 *)TEST_UADDR;
	unuse_mm(mm);
	return v;
}

/*
 * one user address, two address spaces, two pages: each switch reads the
 * right one although nothing flushes the TLB between them
 */
static void mm_context_asids_keep_tlb_entries_apart(struct ktap_test *t)
{
	struct two_mms s = { 0 };
	int round;

	if (!two_mms_make(t, &s)) {
		two_mms_free(&s);
		return;
	}
	for (round = 0; round < 3; round++) {
		KTAP_EXPECT_EQ(t, read_through(s.mm[0]), 0xa5a50000u);
		KTAP_EXPECT_EQ(t, read_through(s.mm[1]), 0xa5a50001u);
	}
	preempt_disable();
	use_mm(s.mm[1]);
	KTAP_EXPECT_EQ(t, read_contextidr() & 0xff, ASID(s.mm[1]));
	KTAP_EXPECT_EQ(t, read_ttbr0() & ~0x3fffUL, __pa(s.mm[1]->pgd));
	unuse_mm(s.mm[1]);
	preempt_enable();
	KTAP_EXPECT(t, ASID(s.mm[0]) != 0 && ASID(s.mm[1]) != 0);
	KTAP_EXPECT(t, ASID(s.mm[0]) != ASID(s.mm[1]));
	/* back on the kernel's mm before the test's mms go */
	use_mm(&init_mm);
	unuse_mm(&init_mm);
	two_mms_free(&s);
}

/*
 * more address spaces than ASIDs: a new generation starts, every ASID of
 * one generation is different, and the first mm -- re-run after the
 * rollover -- gets a new id and still reads its own page
 */
static void mm_context_asid_rollover(struct ktap_test *t)
{
	static struct mm_struct *many[MANY_MMS];
	static u64 ids[MANY_MMS];
	struct two_mms s = { 0 };
	unsigned long gen_before = asid_generation_now();
	unsigned int i, j, dups = 0, n = 0;
	u64 first_id;

	if (!two_mms_make(t, &s)) {
		two_mms_free(&s);
		return;
	}
	KTAP_EXPECT_EQ(t, read_through(s.mm[0]), 0xa5a50000u);
	first_id = (u64)atomic64_read(&s.mm[0]->context.id);
	for (n = 0; n < MANY_MMS; n++) {
		many[n] = mm_alloc();
		if (!many[n])
			break;
		use_mm(many[n]);
		unuse_mm(many[n]);
		ids[n] = (u64)atomic64_read(&many[n]->context.id);
	}
	use_mm(&init_mm);
	unuse_mm(&init_mm);
	for (i = 0; i < n; i++)
		for (j = i + 1; j < n; j++)
			dups += ids[i] == ids[j];
	KTAP_EXPECT_EQ(t, dups, 0);
	KTAP_EXPECT(t, asid_generation_now() > gen_before);
	ktap_print("%u address spaces: ASID generation %lu -> %lu\n", n, gen_before,
		   asid_generation_now());
	KTAP_EXPECT_EQ(t, read_through(s.mm[0]), 0xa5a50000u);
	KTAP_EXPECT(t, (u64)atomic64_read(&s.mm[0]->context.id) != first_id);
	KTAP_EXPECT_EQ(t, read_through(s.mm[1]), 0xa5a50001u);
	use_mm(&init_mm);
	unuse_mm(&init_mm);
	for (i = 0; i < n; i++)
		drop_test_mm(many[i]);
	two_mms_free(&s);
}

static const struct ktap_case mm_context_cases[] = {
	KTAP_CASE(mm_context_pgd_alloc_copies_the_kernel),
	KTAP_CASE(mm_context_asids_keep_tlb_entries_apart),
	KTAP_CASE(mm_context_asid_rollover),
};
KTAP_SUITE(mm_context_suite, "mm_context", mm_context_cases);
