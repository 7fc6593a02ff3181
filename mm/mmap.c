// SPDX-License-Identifier: GPL-2.0
/*
 * mm/mmap.c @ v4.14 (the VMA tree as 3.x/4.x keep it): a process's
 * address space is a set of VMAs, each a range with one protection and
 * one backing.  They are kept twice: in a list sorted by address
 * (mm->mmap, vm_next/vm_prev) and in a red-black tree (mm->mm_rb) whose
 * nodes also know the largest free gap below any VMA of their subtree
 * (rb_subtree_gap), so both find_vma() and the search for a free range
 * (unmapped_area_topdown()) are O(log n).
 *
 *   TASK_SIZE 0xbf000000 +--------------------+
 *                        | [stack]  rw-p      | VM_GROWSDOWN: a fault just below grows it
 *                        |    gap (128 MiB)   |
 *   mmap_base 0xb7000000 +--------------------+
 *                        | mmap() areas       | handed out top-down
 *                        :                    :
 *                        | [heap]   rw-p      | brk(): start_brk .. brk
 *                        | data/bss rw-p      | PT_LOAD of the executable
 *             0x00010000 | text     r-xp      |
 *                        +--------------------+ mmap_min_addr (4096): never mapped
 *
 * No page is mapped here: a VMA only says what a fault at an address
 * may find (mm/memory.c: handle_mm_fault()).
 */
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <asm/pgalloc.h>
#include <asm/tlbflush.h>
#include <string.h>
#include "vma.h"

/* mm/mmap.c: mmap_min_addr @ v4.14 (CONFIG_DEFAULT_MMAP_MIN_ADDR 4096 on ARM) */
#define MMAP_MIN_ADDR PAGE_SIZE

/*
 * arch/arm/mm/mmap.c: MIN_GAP @ v4.14: the room left for the stack above
 * mmap_base (8 MiB of RLIMIT_STACK, rounded up to Linux's minimum)
 */
#define MIN_GAP (128UL << 20)

/*
 * mm/mmap.c: protection_map[] @ v4.14 with arch/arm's __P/__S values:
 * the Linux pte bits of a VMA's pages, indexed by its read, write, exec
 * and shared bits.  A private writable mapping is mapped read-only
 * (__P010, __P011: PAGE_COPY): its first write faults, and do_wp_page()
 * gives it its own copy.  ARMv7 cannot map write-only or exec-only, so
 * those also read.
 */
#define PROT_USER_BASE \
	(L_PTE_PRESENT | L_PTE_YOUNG | L_PTE_USER | L_PTE_MT_WRITEALLOC | L_PTE_SHARED)
#define PAGE_NONE_ (L_PTE_PRESENT | L_PTE_YOUNG | L_PTE_RDONLY | L_PTE_XN | L_PTE_MT_WRITEALLOC)
#define PAGE_RO	   (PROT_USER_BASE | L_PTE_RDONLY | L_PTE_XN)
#define PAGE_RX	   (PROT_USER_BASE | L_PTE_RDONLY)
#define PAGE_RW	   (PROT_USER_BASE | L_PTE_XN)
#define PAGE_RWX   (PROT_USER_BASE)

static const pgprot_t protection_map[16] = {
	/* private: ---, r--, -w-, rw-, --x, r-x, -wx, rwx */
	PAGE_NONE_,
	PAGE_RO,
	PAGE_RO,
	PAGE_RO,
	PAGE_RX,
	PAGE_RX,
	PAGE_RX,
	PAGE_RX,
	/* shared */
	PAGE_NONE_,
	PAGE_RO,
	PAGE_RW,
	PAGE_RW,
	PAGE_RX,
	PAGE_RX,
	PAGE_RWX,
	PAGE_RWX,
};

/**
 * vm_get_page_prot() - the pte bits of a VMA with these flags
 * @vm_flags: VM_READ, VM_WRITE, VM_EXEC, VM_SHARED, ...
 *
 * mm/mmap.c: vm_get_page_prot() @ v4.14.  PROT_NONE is present for
 * Linux (so the page stays) but not for the user: no L_PTE_USER.
 *
 * Return: the Linux pte bits, without the pfn.
 */
pgprot_t vm_get_page_prot(unsigned long vm_flags)
{
	return protection_map[vm_flags & (VM_READ | VM_WRITE | VM_EXEC | VM_SHARED)];
}

/*
 * The mmap_sem.  Linux's rw_semaphore queues its sleepers; a9mm's waits
 * by giving the CPU away until the semaphore is free, which is enough
 * for one thread per mm plus the odd reader (/proc, the OOM killer).
 */

/**
 * down_read() - take an mm's mmap_sem for reading
 * @sem: &mm->mmap_sem
 *
 * kernel/locking/rwsem.c: down_read() @ v4.14 (waiting by schedule()).
 */
void down_read(struct rw_semaphore_mm *sem)
{
	for (;;) {
		spin_lock(&sem->lock);
		if (sem->count >= 0) {
			sem->count++;
			spin_unlock(&sem->lock);
			return;
		}
		spin_unlock(&sem->lock);
		schedule();
	}
}

/**
 * up_read() - give back a read hold of the mmap_sem
 * @sem: &mm->mmap_sem
 *
 * kernel/locking/rwsem.c: up_read() @ v4.14.
 */
void up_read(struct rw_semaphore_mm *sem)
{
	spin_lock(&sem->lock);
	sem->count--;
	spin_unlock(&sem->lock);
}

/**
 * down_write() - take an mm's mmap_sem for writing (no reader, no writer)
 * @sem: &mm->mmap_sem
 *
 * kernel/locking/rwsem.c: down_write() @ v4.14 (waiting by schedule()).
 */
void down_write(struct rw_semaphore_mm *sem)
{
	for (;;) {
		spin_lock(&sem->lock);
		if (sem->count == 0) {
			sem->count = -1;
			spin_unlock(&sem->lock);
			return;
		}
		spin_unlock(&sem->lock);
		schedule();
	}
}

/**
 * up_write() - give back the write hold of the mmap_sem
 * @sem: &mm->mmap_sem
 *
 * kernel/locking/rwsem.c: up_write() @ v4.14.
 */
void up_write(struct rw_semaphore_mm *sem)
{
	spin_lock(&sem->lock);
	sem->count = 0;
	spin_unlock(&sem->lock);
}

/**
 * vm_stat_account() - count pages mapped with these flags in or out
 * @mm: the address space
 * @flags: the VMA's flags
 * @npages: pages added (negative: removed)
 *
 * mm/mmap.c: vm_stat_account() @ v4.14: total_vm and the per-kind
 * counts /proc/PID/status shows (VmSize, VmData, VmStk, VmExe).
 */
void vm_stat_account(struct mm_struct *mm, unsigned long flags, long npages)
{
	mm->total_vm += npages;
	if ((flags & (VM_EXEC | VM_WRITE | VM_STACK)) == VM_EXEC)
		mm->exec_vm += npages;
	else if (flags & VM_STACK)
		mm->stack_vm += npages;
	else if ((flags & (VM_WRITE | VM_SHARED | VM_STACK)) == VM_WRITE)
		mm->data_vm += npages;
	if (mm->total_vm > mm->hiwater_vm)
		mm->hiwater_vm = mm->total_vm;
}

/**
 * get_unmapped_area() - where a new mapping of @len bytes may go
 * @file: the file to be mapped, or NULL
 * @addr: the caller's hint (MAP_FIXED: the address required)
 * @len: the length, page aligned
 * @pgoff: the offset in the file, in pages
 * @flags: MAP_* (MAP_FIXED)
 *
 * mm/mmap.c: get_unmapped_area() -> arch_get_unmapped_area_topdown()
 * @ v4.14 (arch/arm/mm/mmap.c, no cache colouring on ARMv7's VIPT
 * non-aliasing caches): MAP_FIXED takes @addr as it is; a free hint is
 * honoured; otherwise the highest free range below mmap_base.
 *
 * Return: the address, or -ENOMEM, -EINVAL, -EPERM (below mmap_min_addr).
 */
unsigned long get_unmapped_area(struct file *file, unsigned long addr, unsigned long len,
				unsigned long pgoff, unsigned long flags)
{
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *vma;

	(void)file;
	(void)pgoff;
	if (len > TASK_SIZE - MMAP_MIN_ADDR)
		return -ENOMEM;
	if (flags & MAP_FIXED) {
		if (addr & ~PAGE_MASK)
			return -EINVAL;
		if (addr > TASK_SIZE - len)
			return -ENOMEM;
		if (addr < MMAP_MIN_ADDR)
			return -EPERM;
		return addr;
	}
	if (addr) {
		addr = PAGE_ALIGN(addr);
		vma = find_vma(mm, addr);
		if (addr >= MMAP_MIN_ADDR && addr <= TASK_SIZE - len &&
		    (!vma || addr + len <= vma->vm_start))
			return addr;
	}
	return unmapped_area_topdown(mm, len, MMAP_MIN_ADDR, mm->mmap_base);
}

/**
 * arch_pick_mmap_layout() - where a new address space's mmap()s go
 * @mm: the address space
 *
 * arch/arm/mm/mmap.c: arch_pick_mmap_layout() -> mmap_base() @ v4.14,
 * without randomisation: top-down from TASK_SIZE less the stack's gap.
 */
void arch_pick_mmap_layout(struct mm_struct *mm)
{
	mm->mmap_base = PAGE_ALIGN(TASK_SIZE - MIN_GAP);
}

/* mm/mmap.c: unmap_region() @ v4.14: the pages of the detached VMAs, then their page tables */
static void unmap_region(struct mm_struct *mm, struct vm_area_struct *vma,
			 struct vm_area_struct *prev, unsigned long start, unsigned long end)
{
	struct vm_area_struct *next = prev ? prev->vm_next : mm->mmap;

	unmap_vmas(vma, start, end);
	free_pgtables(vma, prev ? prev->vm_end : 0, next ? next->vm_start : TASK_SIZE);
}

/**
 * do_munmap() - unmap a range of an address space
 * @mm: the address space
 * @start: the start, page aligned
 * @len: the length (rounded up to pages)
 *
 * mm/mmap.c: do_munmap() @ v4.14: the VMAs at the edges are split, the
 * ones inside taken out of the tree and list (detach_vmas_to_be_unmapped()),
 * their pages and page tables freed, then they are.  Holes in the range
 * are fine.
 *
 * Return: 0, or -EINVAL, -ENOMEM (a split could not get its VMA).
 */
int do_munmap(struct mm_struct *mm, unsigned long start, size_t len)
{
	struct vm_area_struct *vma, *prev, *last, *next, *tail;
	unsigned long end;

	if ((start & ~PAGE_MASK) || start > TASK_SIZE || len > TASK_SIZE - start)
		return -EINVAL;
	len = PAGE_ALIGN(len);
	if (!len)
		return -EINVAL;
	end = start + len;
	vma = find_vma(mm, start);
	if (!vma || vma->vm_start >= end)
		return 0;
	if (start > vma->vm_start) {
		if (split_vma(mm, vma, start, 0))
			return -ENOMEM;
		vma = vma->vm_next;
	}
	last = find_vma(mm, end);
	if (last && end > last->vm_start && split_vma(mm, last, end, 1))
		return -ENOMEM;
	vma = find_vma(mm, start);
	prev = vma->vm_prev;
	/* detach_vmas_to_be_unmapped(): a chain through vm_next, NULL-terminated */
	tail = NULL;
	for (last = vma; last && last->vm_start < end; last = next) {
		next = last->vm_next;
		vm_stat_account(mm, last->vm_flags, -(long)vma_pages(last));
		vma_unlink(mm, last);
		last->vm_prev = tail;
		last->vm_next = NULL;
		if (tail)
			tail->vm_next = last;
		tail = last;
	}
	unmap_region(mm, vma, prev, start, end);
	while (vma) {
		next = vma->vm_next;
		remove_vma(vma);
		vma = next;
	}
	return 0;
}

/*
 * mm/mmap.c: mmap_region() @ v4.14: the range is made free (MAP_FIXED
 * over old mappings), then a neighbour grows over it or a new VMA
 * describes it; a file's ->mmap() says how its pages come.
 */
static unsigned long mmap_region(struct file *file, unsigned long addr, unsigned long len,
				 unsigned long vm_flags, unsigned long pgoff)
{
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *vma, *prev;
	struct rb_node **rb_link, *rb_parent;
	int err;

	while (find_vma_links(mm, addr, addr + len, &prev, &rb_link, &rb_parent)) {
		if (do_munmap(mm, addr, len))
			return -ENOMEM;
	}
	if (!file && !(vm_flags & VM_SHARED)) {
		vma = vma_merge(mm, prev, addr, addr + len, vm_flags, NULL, addr >> PAGE_SHIFT);
		if (vma)
			goto out;
	}
	vma = kmem_cache_alloc(vm_area_cachep, GFP_KERNEL);
	if (!vma)
		return -ENOMEM;
	memset(vma, 0, sizeof(*vma));
	vma->vm_mm = mm;
	vma->vm_start = addr;
	vma->vm_end = addr + len;
	vma->vm_flags = vm_flags;
	vma->vm_page_prot = vm_get_page_prot(vm_flags);
	vma->vm_pgoff = file ? pgoff : addr >> PAGE_SHIFT;
	if (file) {
		vma->vm_file = get_file(file);
		err = file->f_op && file->f_op->mmap ? file->f_op->mmap(file, vma) : -ENODEV;
		if (err) {
			fput(file);
			kmem_cache_free(vm_area_cachep, vma);
			return err;
		}
	} else if (vm_flags & VM_SHARED) {
		err = shmem_zero_setup(vma);
		if (err) {
			kmem_cache_free(vm_area_cachep, vma);
			return err;
		}
	}
	BUG_ON(find_vma_links(mm, addr, addr + len, &prev, &rb_link, &rb_parent));
	vma_link(mm, vma, prev, rb_link, rb_parent);
out:
	vm_stat_account(mm, vm_flags, len >> PAGE_SHIFT);
	return addr;
}

/* include/linux/mman.h: calc_vm_prot_bits() + calc_vm_flag_bits() @ v4.14 */
static unsigned long calc_vm_bits(unsigned long prot, unsigned long flags)
{
	return (prot & PROT_READ ? VM_READ : 0) | (prot & PROT_WRITE ? VM_WRITE : 0) |
	       (prot & PROT_EXEC ? VM_EXEC : 0) | (flags & MAP_GROWSDOWN ? VM_GROWSDOWN : 0) |
	       (flags & MAP_DENYWRITE ? VM_DENYWRITE : 0);
}

/**
 * do_mmap() - map a file or anonymous memory into the current process
 * @file: the file, or NULL for anonymous memory
 * @addr: the hint, or with MAP_FIXED the address
 * @len: the length in bytes (rounded up to pages)
 * @prot: PROT_READ | PROT_WRITE | PROT_EXEC, or PROT_NONE
 * @flags: MAP_SHARED or MAP_PRIVATE, MAP_FIXED, MAP_ANONYMOUS, ...
 * @vm_flags: VM_* the caller adds (exec: VM_DENYWRITE ...)
 * @pgoff: the offset in the file, in pages
 *
 * mm/mmap.c: do_mmap() @ v4.14, with the caller holding mmap_sem for
 * writing.  Nothing is mapped: each page comes at its first fault.
 *
 * Return: the address, or -errno (as an unsigned long: IS_ERR_VALUE()).
 */
unsigned long do_mmap(struct file *file, unsigned long addr, unsigned long len, unsigned long prot,
		      unsigned long flags, unsigned long vm_flags, unsigned long pgoff)
{
	struct mm_struct *mm = current->mm;

	if (!len)
		return -EINVAL;
	len = PAGE_ALIGN(len);
	if (!len || len > TASK_SIZE)
		return -ENOMEM;
	if (pgoff + (len >> PAGE_SHIFT) < pgoff)
		return -EOVERFLOW;
	if ((flags & MAP_TYPE) != MAP_SHARED && (flags & MAP_TYPE) != MAP_PRIVATE)
		return -EINVAL;
	addr = get_unmapped_area(file, addr, len, pgoff, flags);
	if (IS_ERR_VALUE(addr))
		return addr;
	vm_flags |=
		calc_vm_bits(prot, flags) | mm->def_flags | VM_MAYREAD | VM_MAYWRITE | VM_MAYEXEC;
	if (file) {
		if ((flags & MAP_TYPE) == MAP_SHARED) {
			if ((prot & PROT_WRITE) && !(file->f_mode & FMODE_WRITE))
				return -EACCES;
			vm_flags |= VM_SHARED | VM_MAYSHARE;
			if (!(file->f_mode & FMODE_WRITE))
				vm_flags &= ~(VM_MAYWRITE | VM_SHARED);
		}
		if (!(file->f_mode & FMODE_READ))
			return -EACCES;
	} else if ((flags & MAP_TYPE) == MAP_SHARED) {
		vm_flags |= VM_SHARED | VM_MAYSHARE;
		pgoff = 0;
	}
	return mmap_region(file, addr, len, vm_flags, pgoff);
}

/**
 * vm_mmap_pgoff() - do_mmap() under the current process's mmap_sem
 * @file: the file, or NULL
 * @addr: the hint or the fixed address
 * @len: the length in bytes
 * @prot: PROT_*
 * @flags: MAP_*
 * @pgoff: the offset in the file, in pages (mmap2()'s: a file of 16 TiB
 *         can be mapped anywhere, which a byte offset in 32 bits could not)
 *
 * mm/util.c: vm_mmap_pgoff() @ v4.14.
 *
 * Return: the address, or -errno.
 */
unsigned long vm_mmap_pgoff(struct file *file, unsigned long addr, unsigned long len,
			    unsigned long prot, unsigned long flags, unsigned long pgoff)
{
	struct mm_struct *mm = current->mm;
	unsigned long ret;

	down_write(&mm->mmap_sem);
	ret = do_mmap(file, addr, len, prot, flags, 0, pgoff);
	up_write(&mm->mmap_sem);
	return ret;
}

/**
 * vm_mmap() - vm_mmap_pgoff() with the offset in bytes
 * @file: the file, or NULL
 * @addr: the hint or the fixed address
 * @len: the length in bytes
 * @prot: PROT_*
 * @flags: MAP_*
 * @offset: the offset in the file, in bytes (page aligned)
 *
 * mm/util.c: vm_mmap() @ v4.14: for the kernel's own callers (exec).
 *
 * Return: the address, or -errno.
 */
unsigned long vm_mmap(struct file *file, unsigned long addr, unsigned long len, unsigned long prot,
		      unsigned long flags, unsigned long offset)
{
	if (offset & ~PAGE_MASK)
		return -EINVAL;
	return vm_mmap_pgoff(file, addr, len, prot, flags, offset >> PAGE_SHIFT);
}

/*
 * mm/mmap.c: do_brk_flags() @ v4.14: anonymous memory at [@addr, +@len),
 * which must be free (the heap grows into a gap), merged with the heap
 * VMA below when it can be
 */
static int do_brk(unsigned long addr, unsigned long len)
{
	struct mm_struct *mm = current->mm;
	unsigned long flags = VM_DATA_DEFAULT_FLAGS | VM_ACCOUNT | mm->def_flags;
	struct vm_area_struct *vma, *prev;
	struct rb_node **rb_link, *rb_parent;

	len = PAGE_ALIGN(len);
	if (!len)
		return 0;
	if (addr < MMAP_MIN_ADDR || addr > TASK_SIZE - len)
		return -ENOMEM;
	if (find_vma_links(mm, addr, addr + len, &prev, &rb_link, &rb_parent))
		return -ENOMEM;
	vma = vma_merge(mm, prev, addr, addr + len, flags, NULL, addr >> PAGE_SHIFT);
	if (!vma) {
		vma = kmem_cache_alloc(vm_area_cachep, GFP_KERNEL);
		if (!vma)
			return -ENOMEM;
		memset(vma, 0, sizeof(*vma));
		vma->vm_mm = mm;
		vma->vm_start = addr;
		vma->vm_end = addr + len;
		vma->vm_pgoff = addr >> PAGE_SHIFT;
		vma->vm_flags = flags;
		vma->vm_page_prot = vm_get_page_prot(flags);
		vma_link(mm, vma, prev, rb_link, rb_parent);
	}
	vm_stat_account(mm, flags, len >> PAGE_SHIFT);
	return 0;
}

/**
 * vm_brk() - anonymous memory at a fixed, free range (exec's bss)
 * @addr: the start, page aligned
 * @len: the length in bytes
 *
 * mm/mmap.c: vm_brk() @ v4.14, under the current process's mmap_sem.
 *
 * Return: 0, or -ENOMEM.
 */
int vm_brk(unsigned long addr, unsigned long len)
{
	struct mm_struct *mm = current->mm;
	int ret;

	down_write(&mm->mmap_sem);
	ret = do_brk(addr, len);
	up_write(&mm->mmap_sem);
	return ret;
}

/**
 * sys_brk() - move the end of the heap
 * @brk: the new end, or 0 (or anything refused) to ask where it is
 *
 * mm/mmap.c: sys_brk() @ v4.14: the heap is [start_brk, brk); growing
 * adds anonymous memory (do_brk(), if the range up to it is free),
 * shrinking unmaps.  Never below start_brk.
 *
 * Return: the heap's end after the call -- the old one if refused, as
 * Linux returns (malloc() compares).
 */
long sys_brk(unsigned long brk)
{
	struct mm_struct *mm = current->mm;
	unsigned long newbrk, oldbrk, retval;

	down_write(&mm->mmap_sem);
	retval = mm->brk;
	if (brk < mm->start_brk || brk > TASK_SIZE)
		goto out;
	newbrk = PAGE_ALIGN(brk);
	oldbrk = PAGE_ALIGN(mm->brk);
	if (newbrk == oldbrk)
		goto set;
	if (brk <= mm->brk) {
		if (!do_munmap(mm, newbrk, oldbrk - newbrk))
			goto set;
		goto out;
	}
	{
		struct vm_area_struct *next = find_vma(mm, oldbrk);

		if (next && newbrk + PAGE_SIZE > next->vm_start)
			goto out; /* one page kept free below the next mapping */
	}
	if (do_brk(oldbrk, newbrk - oldbrk))
		goto out;
set:
	mm->brk = brk;
	retval = brk;
out:
	up_write(&mm->mmap_sem);
	return (long)retval;
}

/**
 * expand_stack() - let a VM_GROWSDOWN VMA reach down to an address
 * @vma: the stack VMA, above @address
 * @address: the faulting address
 *
 * mm/mmap.c: expand_downwards() @ v4.14 (mmap_sem held for reading in
 * Linux, which takes the mm's page_table_lock to move vm_start; held
 * for writing here).  One page stays free above the VMA below, Linux's
 * guard gap in miniature, and the stack is at most 8 MiB (RLIMIT_STACK).
 *
 * Return: 0, or -ENOMEM.
 */
int expand_stack(struct vm_area_struct *vma, unsigned long address)
{
	struct vm_area_struct *prev = vma->vm_prev;
	unsigned long grow;

	address &= PAGE_MASK;
	if (!(vma->vm_flags & VM_GROWSDOWN) || address >= vma->vm_start)
		return address >= vma->vm_start ? 0 : -ENOMEM;
	if (address < MMAP_MIN_ADDR || (prev && address < prev->vm_end + PAGE_SIZE))
		return -ENOMEM;
	if (vma->vm_end - address > (8UL << 20))
		return -ENOMEM;
	grow = (vma->vm_start - address) >> PAGE_SHIFT;
	vma_set_range(vma, address, vma->vm_end, vma->vm_pgoff - grow);
	vm_stat_account(vma->vm_mm, vma->vm_flags, (long)grow);
	return 0;
}

/**
 * sys_mmap2() - map memory: mmap() with the offset in 4096-byte units
 * @addr: the hint or fixed address
 * @len: the length
 * @prot: PROT_*
 * @flags: MAP_*
 * @fd: the file's descriptor (ignored with MAP_ANONYMOUS)
 * @pgoff: the offset in pages
 *
 * arch/arm/kernel/entry-common.S: sys_mmap2 -> mm/mmap.c:
 * sys_mmap_pgoff() @ v4.14.
 *
 * Return: the address, or -errno.
 */
long sys_mmap2(unsigned long addr, unsigned long len, unsigned long prot, unsigned long flags,
	       unsigned long fd, unsigned long pgoff)
{
	struct file *file = NULL;
	unsigned long ret;

	if (!(flags & MAP_ANONYMOUS)) {
		file = fget((unsigned int)fd);
		if (!file)
			return -EBADF;
	}
	if (prot & ~(PROT_READ | PROT_WRITE | PROT_EXEC))
		ret = -EINVAL;
	else
		ret = vm_mmap_pgoff(file, addr, len, prot, flags, pgoff);
	if (file)
		fput(file);
	return (long)ret;
}

/**
 * sys_munmap() - unmap a range of the caller's address space
 * @addr: the start, page aligned
 * @len: the length
 *
 * mm/mmap.c: sys_munmap() -> vm_munmap() @ v4.14.
 *
 * Return: 0, or -EINVAL.
 */
long sys_munmap(unsigned long addr, size_t len)
{
	struct mm_struct *mm = current->mm;
	int ret;

	down_write(&mm->mmap_sem);
	ret = do_munmap(mm, addr, len);
	up_write(&mm->mmap_sem);
	return ret;
}

/**
 * exit_mmap() - free everything a dying address space maps
 * @mm: the mm, whose last user is gone
 *
 * mm/mmap.c: exit_mmap() @ v4.14: every VMA's pages (unmap_vmas()), the
 * page tables (free_pgtables()), then the VMAs.
 */
void exit_mmap(struct mm_struct *mm)
{
	struct vm_area_struct *vma = mm->mmap, *next;

	if (vma) {
		unmap_vmas(vma, 0, TASK_SIZE);
		free_pgtables(vma, 0, TASK_SIZE);
	}
	while (vma) {
		next = vma->vm_next;
		remove_vma(vma);
		vma = next;
	}
	mm->mmap = NULL;
	mm->mm_rb = RB_ROOT;
	mm->map_count = 0;
	free_pgd_range(mm, 0, TASK_SIZE); /* and any table no VMA covered (none, normally) */
}

/**
 * mmput() - a task stops using an address space
 * @mm: the mm
 *
 * kernel/fork.c: mmput() @ v4.14: the last user's going frees the memory
 * (exit_mmap()) and takes the mm off init_mm.mmlist (swapoff's); the
 * structure and its pgd stay until the last reference (mmdrop()), since
 * a CPU may still run on its page tables.
 */
void mmput(struct mm_struct *mm)
{
	if (atomic_dec_and_test(&mm->mm_users)) {
		exit_mmap(mm);
		if (!list_empty(&mm->mmlist)) {
			spin_lock(&mmlist_lock);
			list_del(&mm->mmlist);
			spin_unlock(&mmlist_lock);
		}
		mmdrop(mm);
	}
}

/**
 * mmap_init() - the VMA cache
 *
 * kernel/fork.c: proc_caches_init() @ v4.14, its vm_area_cachep.
 */
void __init mmap_init(void)
{
	vm_area_cachep = kmem_cache_create("vm_area_struct", sizeof(struct vm_area_struct), 0,
					   SLAB_PANIC, NULL);
}
