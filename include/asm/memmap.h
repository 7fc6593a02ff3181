/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_MEMMAP_H
#define _ASM_MEMMAP_H

/*
 * Writing mem_map: memmap_init_zone() gives every struct page of a zone
 * the same eight words but its lru, which points at itself.  Linux lets
 * an architecture write struct pages its own way where the generic code
 * is slow (include/linux/mm.h: mm_zero_struct_page() @ v4.15, overridden
 * in asm/pgtable.h); a9mm's hook writes the whole initial page:
 *
 *   word  0      1       2          3        4      5        6        7
 *         flags  _count  _mapcount  private  index  lru.next lru.prev mapping
 *         zone|  1       -1         0        0      &lru     &lru     NULL
 *         PG_reserved
 *
 * On ARM the page is built once in r2-r9 and stored whole by one STM
 * (ARM ARM A8.8.199: registers go to ascending addresses in register
 * order, so r2 is word 0); only the lru pair moves on, by 32 bytes a page:
 * three instructions a page, eight pages a turn (3.25 a page with the
 * turn's compare and branch).  A run that is not a multiple of eight
 * starts inside the first turn, as Duff's device does: the ADD to PC
 * (ARM ARM A8.8.6; in ARM state a branch) skips the pages it lacks.
 *
 * Later __free_pages_bootmem() makes the pages memblock never gave out
 * free: words 0 and 1 of each become flags without PG_reserved and a zero
 * _count, again one value for the whole block -- one STRD a page (A8.8.210:
 * an even register and the next one), eight pages a turn.  The host tests
 * run the same words in C.
 */
#include <linux/kernel.h>
#include <linux/mm_types.h>

#ifdef A9MM_HOST
static inline void arch_init_struct_pages(struct page *page, struct page *end, unsigned long flags)
{
	for (; page < end; page++) {
		page->flags = flags;
		page->_count = 1;
		page->_mapcount = -1;
		page->private = 0;
		page->index = 0;
		page->lru.next = page->lru.prev = &page->lru;
		page->mapping = NULL;
	}
}

static inline void arch_free_struct_pages(struct page *page, struct page *end, unsigned long flags)
{
	for (; page < end; page++) {
		page->flags = flags;
		page->_count = 0;
	}
}
#else
BUILD_BUG_ON(sizeof(struct page) != 32 || __builtin_offsetof(struct page, _count) != 4 ||
	     __builtin_offsetof(struct page, _mapcount) != 8 ||
	     __builtin_offsetof(struct page, private) != 12 ||
	     __builtin_offsetof(struct page, index) != 16 ||
	     __builtin_offsetof(struct page, lru) != 20 ||
	     __builtin_offsetof(struct page, mapping) != 28);

/* [page, end) with end > page: the words above, a page per STM */
static inline void arch_init_struct_pages(struct page *page, struct page *end, unsigned long flags)
{
	register unsigned long r2 __asm__("r2") = flags;
	register unsigned long r3 __asm__("r3") = 1;
	register unsigned long r4 __asm__("r4") = (unsigned long)-1;
	register unsigned long r5 __asm__("r5") = 0;
	register unsigned long r6 __asm__("r6") = 0;
	register struct list_head *r7 __asm__("r7") = &page->lru;
	register struct list_head *r8 __asm__("r8") = &page->lru;
	register unsigned long r9 __asm__("r9") = 0;
	unsigned long skip;

	/*
	 * skip = (8 - pages % 8) % 8 pages of 12 bytes of code each: with
	 * 32 bytes a page, -(end - page) & 0xe0 is that many pages times 32,
	 * and times 3/8 their code's bytes.  PC reads 8 ahead (A2.3): the ADD
	 * lands on 1: plus skip.
	 */
	__asm__ volatile("	sub	%[skip], %[p], %[end]\n"
			 "	and	%[skip], %[skip], #0xe0\n"
			 "	add	%[skip], %[skip], %[skip], lsl #1\n"
			 "	add	pc, pc, %[skip], lsr #3\n"
			 "	nop\n"
			 "1:	stmia	%[p]!, {r2-r9}\n"
			 "	add	r7, r7, #32\n"
			 "	add	r8, r8, #32\n"
			 "	stmia	%[p]!, {r2-r9}\n"
			 "	add	r7, r7, #32\n"
			 "	add	r8, r8, #32\n"
			 "	stmia	%[p]!, {r2-r9}\n"
			 "	add	r7, r7, #32\n"
			 "	add	r8, r8, #32\n"
			 "	stmia	%[p]!, {r2-r9}\n"
			 "	add	r7, r7, #32\n"
			 "	add	r8, r8, #32\n"
			 "	stmia	%[p]!, {r2-r9}\n"
			 "	add	r7, r7, #32\n"
			 "	add	r8, r8, #32\n"
			 "	stmia	%[p]!, {r2-r9}\n"
			 "	add	r7, r7, #32\n"
			 "	add	r8, r8, #32\n"
			 "	stmia	%[p]!, {r2-r9}\n"
			 "	add	r7, r7, #32\n"
			 "	add	r8, r8, #32\n"
			 "	stmia	%[p]!, {r2-r9}\n"
			 "	add	r7, r7, #32\n"
			 "	add	r8, r8, #32\n"
			 "	cmp	%[p], %[end]\n"
			 "	blo	1b\n"
			 : [p] "+r"(page), [skip] "=&r"(skip), "+r"(r7), "+r"(r8)
			 : [end] "r"(end), "r"(r2), "r"(r3), "r"(r4), "r"(r5), "r"(r6), "r"(r9)
			 : "cc", "memory");
}

/* [page, end): flags := flags, _count := 0, an STRD a page */
static inline void arch_free_struct_pages(struct page *page, struct page *end, unsigned long flags)
{
	register unsigned long r2 __asm__("r2") = flags;
	register unsigned long r3 __asm__("r3") = 0;
	unsigned long odd;

	__asm__ volatile("	sub	%[odd], %[end], %[p]\n"
			 "	ands	%[odd], %[odd], #0xe0\n" /* pages modulo 8, 32 bytes each */
			 "	beq	2f\n"
			 "	add	%[odd], %[odd], %[p]\n"
			 "1:	strd	r2, r3, [%[p]], #32\n"
			 "	cmp	%[p], %[odd]\n"
			 "	blo	1b\n"
			 "2:	cmp	%[p], %[end]\n"
			 "	bhs	4f\n"
			 "3:	strd	r2, r3, [%[p]], #32\n"
			 "	strd	r2, r3, [%[p]], #32\n"
			 "	strd	r2, r3, [%[p]], #32\n"
			 "	strd	r2, r3, [%[p]], #32\n"
			 "	strd	r2, r3, [%[p]], #32\n"
			 "	strd	r2, r3, [%[p]], #32\n"
			 "	strd	r2, r3, [%[p]], #32\n"
			 "	strd	r2, r3, [%[p]], #32\n"
			 "	cmp	%[p], %[end]\n"
			 "	blo	3b\n"
			 "4:\n"
			 : [p] "+r"(page), [odd] "=&r"(odd)
			 : [end] "r"(end), "r"(r2), "r"(r3)
			 : "cc", "memory");
}
#endif

#endif
