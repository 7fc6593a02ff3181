// SPDX-License-Identifier: GPL-2.0
/*
 * mm/gup.c: follow_page() @ v4.14 and the copy_{from,to}_user() built on
 * it: a user address of the current process is translated by walking
 * its page tables, checked against the Linux pte bits (present, user,
 * writable for a write), and the page is reached through kmap_atomic().
 * Anything unmapped or forbidden ends the copy: the caller gets -EFAULT.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/mm_types.h>
#include <linux/sched.h>
#include <linux/uaccess.h>
#include <asm/pgalloc.h>
#include <string.h>

/*
 * mm/gup.c: follow_page_pte() @ v4.14 with FOLL_GET: the page mapped at
 * @addr of @mm, if the user may, referenced (put_page() when done) -- read
 * under page_table_lock, so the page cannot be unmapped and freed before
 * the reference is taken, and migration (mm/migrate.c), which counts
 * references after unmapping, leaves a page being copied alone.  The zero
 * page is nobody's to free or move: it is not counted.
 */
static struct page *follow_page(struct mm_struct *mm, unsigned long addr, bool write)
{
	struct page *page = NULL;
	pmd_t *pmd;
	pte_t pte;

	if (!mm || addr >= TASK_SIZE)
		return NULL;
	pmd = mm_find_pmd(mm, addr);
	if (!pmd)
		return NULL;
	spin_lock(&mm->page_table_lock);
	pte = *pte_offset_kernel(pmd, addr);
	/* not young, or a write to a clean pte: a fault has to note it first */
	if (pte_present(pte) && pte_young(pte) && (pte & L_PTE_USER) &&
	    !(write && (!pte_write(pte) || !pte_dirty(pte)))) {
		page = pfn_to_page(pte_pfn(pte));
		if (!is_zero_pfn(pte_pfn(pte)))
			get_page(page);
	}
	spin_unlock(&mm->page_table_lock);
	return page;
}

/**
 * fixup_user_fault() - fault in a page of the current process for the kernel
 * @mm: the process's address space
 * @address: the user address
 * @write: the kernel means to write it
 *
 * mm/gup.c: fixup_user_fault() @ v4.14: what the MMU's fault would have
 * done had the process touched the page itself -- the VMA's rights
 * checked, then handle_mm_fault() (a never-touched malloc() buffer given
 * to write() is faulted in here).
 *
 * Return: 0, or -EFAULT (no VMA, or it does not allow the access),
 * -ENOMEM.
 */
int fixup_user_fault(struct mm_struct *mm, unsigned long address, bool write)
{
	struct vm_area_struct *vma;
	int ret = -EFAULT;

	if (!mm || address >= TASK_SIZE)
		return -EFAULT;
	down_read(&mm->mmap_sem);
	vma = find_vma(mm, address);
	if (vma && vma->vm_start <= address && (vma->vm_flags & (write ? VM_WRITE : VM_READ))) {
		int fault = handle_mm_fault(vma, address, write ? FAULT_FLAG_WRITE : 0);

		ret = fault & VM_FAULT_OOM ? -ENOMEM : fault & VM_FAULT_ERROR ? -EFAULT : 0;
		if (!ret)
			current->min_flt++;
	}
	up_read(&mm->mmap_sem);
	return ret;
}

/* copy @n bytes between kernel @kbuf and user @uaddr, page by page; the bytes left */
static unsigned long copy_user(void *kbuf, unsigned long uaddr, unsigned long n, bool to_user)
{
	while (n) {
		unsigned long offset = uaddr & (PAGE_SIZE - 1);
		unsigned long chunk = min(n, PAGE_SIZE - offset);
		struct page *page;
		char *kaddr;

		/* __get_user_pages(): fault until the pte allows it, or the fault fails */
		while (!(page = follow_page(current->mm, uaddr, to_user)))
			if (fixup_user_fault(current->mm, uaddr, to_user))
				return n;
		kaddr = kmap_atomic(page);
		if (to_user)
			memcpy(kaddr + offset, kbuf, chunk);
		else
			memcpy(kbuf, kaddr + offset, chunk);
		kunmap_atomic(kaddr);
		if (!is_zero_pfn(page_to_pfn(page)))
			put_page(page);
		kbuf = (char *)kbuf + chunk;
		uaddr += chunk;
		n -= chunk;
	}
	return n;
}

/**
 * copy_from_user() - read the current process's memory
 * @to: kernel buffer
 * @from: user address
 * @n: bytes
 *
 * include/linux/uaccess.h: copy_from_user() @ v4.14.
 *
 * Return: the bytes that could not be copied.
 */
unsigned long copy_from_user(void *to, const void *from, unsigned long n)
{
	return copy_user(to, (unsigned long)from, n, false);
}

/**
 * copy_to_user() - write the current process's memory
 * @to: user address
 * @from: kernel buffer
 * @n: bytes
 *
 * include/linux/uaccess.h: copy_to_user() @ v4.14.
 *
 * Return: the bytes that could not be copied.
 */
unsigned long copy_to_user(void *to, const void *from, unsigned long n)
{
	return copy_user((void *)from, (unsigned long)to, n, true);
}

/**
 * strncpy_from_user() - a NUL-terminated string from the current process
 * @dst: kernel buffer of @count bytes
 * @src: user address
 * @count: the most bytes to copy, the NUL included
 *
 * lib/strncpy_from_user.c: strncpy_from_user() @ v4.14, a byte at a time.
 *
 * Return: the string's length, or -EFAULT, -E2BIG (no NUL in @count bytes).
 */
long strncpy_from_user(char *dst, const char *src, long count)
{
	long i;

	for (i = 0; i < count; i++) {
		if (copy_from_user(&dst[i], src + i, 1))
			return -EFAULT;
		if (!dst[i])
			return i;
	}
	return -E2BIG;
}
