/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _MM_VMA_H
#define _MM_VMA_H

/* mm/vma.h @ v6.12: what mm/mmap.c and the host test use of mm/vma.c */
#include <linux/mm.h>

int find_vma_links(struct mm_struct *mm, unsigned long addr, unsigned long end,
		   struct vm_area_struct **pprev, struct rb_node ***rb_link,
		   struct rb_node **rb_parent);
void vma_link(struct mm_struct *mm, struct vm_area_struct *vma, struct vm_area_struct *prev,
	      struct rb_node **rb_link, struct rb_node *rb_parent);
void vma_unlink(struct mm_struct *mm, struct vm_area_struct *vma);
void vma_set_range(struct vm_area_struct *vma, unsigned long start, unsigned long end,
		   unsigned long pgoff);
void remove_vma(struct vm_area_struct *vma);
unsigned long unmapped_area_topdown(struct mm_struct *mm, unsigned long length,
				    unsigned long low_limit, unsigned long high_limit);

#endif
