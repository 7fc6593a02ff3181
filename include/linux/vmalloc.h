/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_VMALLOC_H
#define _LINUX_VMALLOC_H

/*
 * include/linux/vmalloc.h @ v5.4: the vmalloc area, VMALLOC_START ..
 * VMALLOC_END, handed out in vmap_areas (mm/vmap_area.c keeps them in
 * red-black trees) and described to the rest of the kernel by vm_structs
 * (mm/vmalloc.c): what vmalloc(), vmap() and ioremap() got.
 *
 *   VMALLOC_START                                            VMALLOC_END
 *   | busy     |g| free       | busy         |g| busy |g| free        |
 *     vmalloc    ^              ioremap          vmap
 *                guard page: unmapped, so an overrun faults
 */
#include <linux/list.h>
#include <linux/rbtree.h>
#include <linux/spinlock.h>
#include <linux/types.h>
#include <asm/pgtable.h>

struct page;

/* include/linux/vmalloc.h @ v4.14: vm_struct.flags */
#define VM_IOREMAP  0x00000001 /* ioremap() and friends */
#define VM_ALLOC    0x00000002 /* vmalloc() */
#define VM_MAP	    0x00000004 /* vmap()ed pages */
#define VM_VPAGES   0x00000010 /* a9mm (Linux <= 3.x): the pages array is vmalloc()ed */
#define VM_NO_GUARD 0x00000040 /* no guard page after the area */

/**
 * struct vm_struct - one mapped range of the vmalloc area
 * @next: unused (Linux: the early vmlist); kept for the layout
 * @addr: its first address
 * @size: its size, the guard page included
 * @flags: VM_*
 * @pages: the pages mapped (vmalloc(), vmap()), else NULL
 * @nr_pages: how many
 * @phys_addr: the registers an ioremap() maps
 * @caller: who asked, for /proc/vmallocinfo
 */
struct vm_struct {
	struct vm_struct *next;
	void *addr;
	unsigned long size;
	unsigned long flags;
	struct page **pages;
	unsigned int nr_pages;
	phys_addr_t phys_addr;
	const void *caller;
};

/**
 * struct vmap_area - a range of the vmalloc area, busy or free
 * @va_start: first address
 * @va_end: one past the last
 * @rb_node: in vmap_area_root (busy) or free_vmap_area_root (free), by address
 * @list: in vmap_area_list or free_vmap_area_list, by address
 * @subtree_max_size: free ones: the largest free block in this subtree
 * @vm: busy ones: what the range is used for
 */
struct vmap_area {
	unsigned long va_start;
	unsigned long va_end;
	struct rb_node rb_node;
	struct list_head list;
	unsigned long subtree_max_size;
	struct vm_struct *vm;
};

/* mm/vmap_area.c: the trees (callers hold vmap_area_lock) */
extern spinlock_t vmap_area_lock;
extern struct rb_root vmap_area_root, free_vmap_area_root;
extern struct list_head vmap_area_list, free_vmap_area_list;
void vmap_init_free_space(struct vmap_area *va, unsigned long start, unsigned long end);
struct vmap_area *__find_vmap_area(unsigned long addr);
void insert_vmap_area(struct vmap_area *va);
void unlink_va(struct vmap_area *va);
unsigned long __alloc_vmap_area(unsigned long size, unsigned long align, unsigned long vstart,
				unsigned long vend, struct vmap_area **spare);
void merge_or_add_vmap_area(struct vmap_area *va);
unsigned long vmap_largest_free(void);
void get_vmalloc_info(unsigned long *used, unsigned long *largest_chunk);
/* mm/vmalloc.c (the host tests: their own): a vmap_area back to its cache */
void vmap_area_free(struct vmap_area *va);

/* mm/vmalloc.c */
void vmalloc_init(void);
void *vmalloc(unsigned long size);
void *vzalloc(unsigned long size);
void vfree(const void *addr);
void *vmap(struct page **pages, unsigned int count, unsigned long flags, pgprot_t prot);
void vunmap(const void *addr);
void vunmap_area(const void *addr, unsigned long flags, const char *fn);
struct vm_struct *get_vm_area_caller(unsigned long size, unsigned long flags, const void *caller);
struct vm_struct *find_vm_area(const void *addr);
struct vm_struct *remove_vm_area(const void *addr);
int ioremap_page_range(unsigned long addr, unsigned long end, phys_addr_t phys_addr, pgprot_t prot);
void unmap_kernel_range(unsigned long addr, unsigned long size);
bool is_vmalloc_addr(const void *x);
void show_vmallocinfo(int (*print)(const char *fmt, ...));
void show_vm_area_of(unsigned long addr, int (*print)(const char *fmt, ...));
struct page *vmalloc_to_page(const void *addr);

/* include/linux/vmalloc.h: get_vm_area_size() @ v4.14: the size without the guard page */
static inline size_t get_vm_area_size(const struct vm_struct *area)
{
	return (area->flags & VM_NO_GUARD) ? area->size : area->size - PAGE_SIZE;
}

#endif
