// SPDX-License-Identifier: GPL-2.0
/*
 * mm/ktap_mm.c: the KTAP suites' address spaces (a9mm/ktap_mm.h)
 */
#include <a9mm/ktap_mm.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/rmap.h>
#include <linux/slab.h>
#include <linux/vmstat.h>
#include <asm/pgalloc.h>
#include <string.h>

/**
 * test_mm_pages() - an address space for a test, its VMA as large as asked
 * @pages: the VMA's size in pages
 *
 * One private anonymous rw VMA of @pages pages at ADDR, no page yet.
 *
 * Return: it (mmput() when done), or NULL without memory.
 */
struct mm_struct *test_mm_pages(unsigned long pages)
{
	struct mm_struct *mm = mm_alloc();
	struct vm_area_struct *vma;

	if (!mm)
		return NULL;
	vma = kmem_cache_alloc(vm_area_cachep, GFP_KERNEL);
	if (!vma) {
		mmput(mm);
		return NULL;
	}
	memset(vma, 0, sizeof(*vma));
	vma->vm_start = ADDR;
	vma->vm_end = ADDR + pages * PAGE_SIZE;
	vma->vm_flags = VM_DATA_DEFAULT_FLAGS;
	vma->vm_page_prot = vm_get_page_prot(vma->vm_flags);
	if (insert_vm_struct(mm, vma)) {
		kmem_cache_free(vm_area_cachep, vma);
		mmput(mm);
		return NULL;
	}
	return mm;
}

/**
 * test_mm() - an address space for a test: test_mm_pages(PAGES)
 *
 * Return: it (mmput() when done), or NULL without memory.
 */
struct mm_struct *test_mm(void)
{
	return test_mm_pages(PAGES);
}

/**
 * fork_vma() - what fork()'s dup_mmap() does for one VMA
 * @t: the test, failed if memory runs out
 * @vma: the parent's VMA
 *
 * A copy in a new mm, on the same anon_vma (linked before its ptes are
 * copied, as dup_mmap() does), sharing the pages copy-on-write.
 *
 * Return: the child's mm, or NULL.
 */
struct mm_struct *fork_vma(struct ktap_test *t, struct vm_area_struct *vma)
{
	struct mm_struct *child = mm_alloc();
	struct vm_area_struct *copy = child ? vm_area_dup(vma) : NULL;

	if (!copy) {
		ktap_fail(t, __FILE__, __LINE__, "no memory for the child");
		if (child)
			mmput(child);
		return NULL;
	}
	copy->vm_mm = child;
	if (insert_vm_struct(child, copy)) {
		ktap_fail(t, __FILE__, __LINE__, "the child's VMA");
		kmem_cache_free(vm_area_cachep, copy); /* on no anon_vma yet */
		mmput(child);
		return NULL;
	}
	anon_vma_link(copy, vma->anon_vma);
	if (copy_page_range(child, vma->vm_mm, vma)) {
		ktap_fail(t, __FILE__, __LINE__, "the child's page tables");
		mmput(child);
		return NULL;
	}
	return child;
}

/**
 * pte_of() - the Linux pte of an address
 * @mm: the address space
 * @addr: the address
 *
 * Return: the pte, or 0 where no pte table covers @addr.
 */
pte_t pte_of(struct mm_struct *mm, unsigned long addr)
{
	pmd_t *pmd = mm_find_pmd(mm, addr);

	return pmd ? *pte_offset_kernel(pmd, addr) : 0;
}

/**
 * first_byte() - the first byte of the page an address space maps at an address
 * @mm: the address space (a present pte at @addr)
 * @addr: the address
 *
 * Return: the byte, read through kmap_atomic().
 */
char first_byte(struct mm_struct *mm, unsigned long addr)
{
	char *kaddr, c;

	/*
	 * with a swap area, reclaim (a test's own direct reclaim included)
	 * may have swapped the page out: read it back in, as the user's
	 * read would, rather than take a swap entry for a pfn
	 */
	if (!pte_present(pte_of(mm, addr)) &&
	    handle_mm_fault(find_vma(mm, addr), addr, 0) & VM_FAULT_ERROR)
		return '\0';
	kaddr = kmap_atomic(pfn_to_page(pte_pfn(pte_of(mm, addr))));
	c = kaddr[0];

	kunmap_atomic(kaddr);
	return c;
}

/**
 * poke() - write a byte as a user write would once its fault is done
 * @mm: the address space (a present pte at @addr)
 * @addr: the address
 * @c: written to the page's first byte
 */
void poke(struct mm_struct *mm, unsigned long addr, char c)
{
	char *kaddr = kmap_atomic(pfn_to_page(pte_pfn(pte_of(mm, addr))));

	kaddr[0] = c;
	kunmap_atomic(kaddr);
}

/**
 * vm_event() - one /proc/vmstat event count, summed over the CPUs
 * @item: the event
 *
 * Return: its count now (all_vm_events()'s entry).
 */
unsigned long vm_event(enum vm_event_item item)
{
	unsigned long ev[NR_VM_EVENT_ITEMS];

	all_vm_events(ev);
	return ev[item];
}
