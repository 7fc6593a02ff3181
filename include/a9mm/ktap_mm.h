/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _A9MM_KTAP_MM_H
#define _A9MM_KTAP_MM_H

/*
 * mm/ktap_mm.c: address spaces made for the KTAP suites "mm_fault" and
 * "migrate" -- their page tables are walked and written by the fault
 * paths, never run by a CPU -- and the event counts those suites compare
 */
#include <a9mm/ktap.h>
#include <linux/mm_types.h>
#include <linux/vm_event_item.h>

#define ADDR  0x00400000UL /* the test VMA's start */
#define PAGES 4		   /* its size in pages */

/* an address space with one private anonymous rw VMA of PAGES pages at ADDR */
struct mm_struct *test_mm(void);
/* the same with a VMA of @pages pages */
struct mm_struct *test_mm_pages(unsigned long pages);
/* what fork()'s dup_mmap() does for one VMA: a copy in a new mm, on the same anon_vma */
struct mm_struct *fork_vma(struct ktap_test *t, struct vm_area_struct *vma);
/* the Linux pte of @addr in @mm, or 0 */
pte_t pte_of(struct mm_struct *mm, unsigned long addr);
/* the first byte of the page @mm maps at @addr */
char first_byte(struct mm_struct *mm, unsigned long addr);
/* write @c to the page @mm maps at @addr, as a user write would once its fault is done */
void poke(struct mm_struct *mm, unsigned long addr, char c);
/* a /proc/vmstat event's count, summed over the CPUs */
unsigned long vm_event(enum vm_event_item item);

#endif
