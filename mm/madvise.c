// SPDX-License-Identifier: GPL-2.0
/*
 * mm/madvise.c @ v4.14: advice about a range of memory.  MADV_DONTNEED
 * is the one with an effect here: the pages go (zap_page_range()) and
 * the next touch faults afresh -- a zero page, or the file's page again.
 */
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/sched.h>

/**
 * sys_madvise() - advise the kernel about a range of the caller's memory
 * @start: the start, page aligned
 * @len: the length (rounded up to pages)
 * @behavior: MADV_NORMAL, MADV_RANDOM, MADV_SEQUENTIAL, MADV_WILLNEED or MADV_DONTNEED
 *
 * mm/madvise.c: sys_madvise() @ v4.14.  The read-ahead hints are
 * accepted and change nothing (there is no disk to read ahead from).
 *
 * Return: 0, or -EINVAL, -ENOMEM (part of the range is not mapped; the
 * rest was advised, as Linux does).
 */
long sys_madvise(unsigned long start, size_t len, int behavior)
{
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *vma;
	unsigned long end;
	long unmapped_error = 0;

	if (behavior < MADV_NORMAL || behavior > MADV_DONTNEED)
		return -EINVAL;
	if (start & ~PAGE_MASK)
		return -EINVAL;
	len = PAGE_ALIGN(len);
	end = start + len;
	if (end < start)
		return -EINVAL;
	if (end == start)
		return 0;
	down_read(&mm->mmap_sem);
	vma = find_vma(mm, start);
	for (;;) {
		unsigned long tmp;

		if (!vma) {
			unmapped_error = -ENOMEM;
			break;
		}
		if (start < vma->vm_start) {
			unmapped_error = -ENOMEM;
			start = vma->vm_start;
			if (start >= end)
				break;
		}
		tmp = min(vma->vm_end, end);
		if (behavior == MADV_DONTNEED)
			zap_page_range(vma, start, tmp - start); /* madvise_dontneed() */
		start = tmp;
		if (start >= end)
			break;
		vma = vma->vm_next;
	}
	up_read(&mm->mmap_sem);
	return unmapped_error;
}
