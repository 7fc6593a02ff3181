// SPDX-License-Identifier: GPL-2.0
/*
 * mm/mprotect.c @ v4.14: protection is per VMA, so mprotect() of part of
 * one splits it (and of a whole one may let it merge with a neighbour),
 * then rewrites the present ptes: change_protection().
 *
 *   rw-p [...........]   mprotect(middle, PROT_READ)   rw-p [...] r--p [.] rw-p [...]
 */
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/swapops.h>
#include <linux/mman.h>
#include <linux/sched.h>
#include <asm/pgalloc.h>
#include <asm/tlbflush.h>

/**
 * change_protection() - rewrite the present ptes of a range with new bits
 * @vma: the VMA (its new vm_page_prot given)
 * @start: the range's start
 * @end: its end
 * @newprot: the Linux pte bits without the pfn
 *
 * mm/mprotect.c: change_pte_range() @ v4.14: the pfn stays, the bits are
 * the new ones, young and dirty kept.  A private mapping's bits are
 * read-only even when it is writable (protection_map[]'s PAGE_COPY), so
 * its first write faults and do_wp_page() decides, with the page locked,
 * whether the page is this process's alone; a write migration entry
 * becomes a read one.
 *
 * Return: the ptes changed.
 */
unsigned long change_protection(struct vm_area_struct *vma, unsigned long start, unsigned long end,
				pgprot_t newprot)
{
	struct mm_struct *mm = vma->vm_mm;
	unsigned long addr, pages = 0;

	spin_lock(&mm->page_table_lock);
	for (addr = start; addr < end; addr += PAGE_SIZE) {
		pmd_t *pmd = pmd_offset(pud_offset(pgd_offset(mm, addr), addr), addr);
		pte_t *pte, old, new;

		if (pmd_none(*pmd) || !pmd_table(*pmd)) {
			addr |= PGDIR_SIZE - PAGE_SIZE;
			continue;
		}
		pte = pte_offset_kernel(pmd, addr);
		old = *pte;
		if (!pte_present(old)) {
			swp_entry_t entry = pte_to_swp_entry(old);

			/* v4.14's "a protection check is difficult so just be safe" */
			if (is_swap_pte(old) && is_write_migration_entry(entry)) {
				make_migration_entry_read(&entry);
				set_pte_at(mm, addr, pte, swp_entry_to_pte(entry));
				pages++;
			}
			continue;
		}
		new = pfn_pte(pte_pfn(old), newprot) | (old & (L_PTE_DIRTY | L_PTE_YOUNG));
		set_pte_at(mm, addr, pte, new);
		pages++;
	}
	spin_unlock(&mm->page_table_lock);
	if (pages && atomic64_read(&mm->context.id))
		__flush_tlb_asid(ASID(mm));
	return pages;
}

/*
 * mm/mprotect.c: mprotect_fixup() @ v4.14: [@start, @end) of @vma gets
 * @newflags -- a whole VMA may merge with its neighbours (vma_merge()),
 * part of one is split off first -- then its ptes are rewritten
 */
static int mprotect_fixup(struct vm_area_struct *vma, struct vm_area_struct **pprev,
			  unsigned long start, unsigned long end, unsigned long newflags)
{
	struct mm_struct *mm = vma->vm_mm;
	long npages = (long)((end - start) >> PAGE_SHIFT);
	unsigned long oldflags = vma->vm_flags, pgoff;
	struct vm_area_struct *merged;
	int err;

	if (newflags == oldflags) {
		*pprev = vma;
		return 0;
	}
	pgoff = vma->vm_pgoff + ((start - vma->vm_start) >> PAGE_SHIFT);
	merged = vma_merge(mm, *pprev, start, end, newflags, vma->vm_file, pgoff);
	if (merged) {
		vma = merged;
	} else {
		if (start != vma->vm_start) {
			err = split_vma(mm, vma, start, 1);
			if (err)
				return err;
		}
		if (end != vma->vm_end) {
			err = split_vma(mm, vma, end, 0);
			if (err)
				return err;
		}
		vma->vm_flags = newflags;
		vma->vm_page_prot = vm_get_page_prot(newflags);
	}
	*pprev = vma;
	vm_stat_account(mm, oldflags, -npages);
	vm_stat_account(mm, newflags, npages);
	change_protection(vma, start, end, vm_get_page_prot(newflags));
	return 0;
}

/**
 * sys_mprotect() - change the protection of a range of the caller's memory
 * @start: the start, page aligned
 * @len: the length (rounded up to pages)
 * @prot: PROT_READ | PROT_WRITE | PROT_EXEC, or PROT_NONE
 *
 * mm/mprotect.c: sys_mprotect() -> do_mprotect_pkey() @ v4.14: VMA by
 * VMA; what a VMA may never have (VM_MAY*: a read-only file opened
 * MAP_SHARED cannot become writable) is refused.
 *
 * Return: 0, or -EINVAL, -ENOMEM (part of the range is not mapped),
 * -EACCES.
 */
long sys_mprotect(unsigned long start, size_t len, unsigned long prot)
{
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *vma, *prev;
	unsigned long end, nstart, tmp, reqflags;
	long error;

	if (start & ~PAGE_MASK)
		return -EINVAL;
	if (!len)
		return 0;
	len = PAGE_ALIGN(len);
	end = start + len;
	if (end <= start)
		return -ENOMEM;
	if (prot & ~(PROT_READ | PROT_WRITE | PROT_EXEC))
		return -EINVAL;
	reqflags = (prot & PROT_READ ? VM_READ : 0) | (prot & PROT_WRITE ? VM_WRITE : 0) |
		   (prot & PROT_EXEC ? VM_EXEC : 0);
	down_write(&mm->mmap_sem);
	vma = find_vma_prev(mm, start, &prev);
	error = -ENOMEM;
	if (!vma || vma->vm_start > start)
		goto out;
	if (start > vma->vm_start)
		prev = vma;
	for (nstart = start;;) {
		unsigned long newflags =
			reqflags | (vma->vm_flags & ~(VM_READ | VM_WRITE | VM_EXEC));

		/* newflags >> 4: the VM_MAY* bits over VM_READ/WRITE/EXEC */
		if ((newflags & ~(newflags >> 4)) & (VM_READ | VM_WRITE | VM_EXEC)) {
			error = -EACCES;
			goto out;
		}
		tmp = min(vma->vm_end, end);
		error = mprotect_fixup(vma, &prev, nstart, tmp, newflags);
		if (error)
			goto out;
		nstart = max(tmp, prev->vm_end);
		if (nstart >= end)
			goto out;
		vma = prev->vm_next;
		if (!vma || vma->vm_start != nstart) {
			error = -ENOMEM;
			goto out;
		}
	}
out:
	up_write(&mm->mmap_sem);
	return error;
}
