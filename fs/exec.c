// SPDX-License-Identifier: GPL-2.0
/*
 * fs/exec.c + fs/binfmt_elf.c @ v4.14, the part that turns a kernel
 * thread into a user process: a new mm, the executable's PT_LOAD
 * segments and a stack in it, and user-mode registers in task_pt_regs()
 * for ret_from_fork to return to (kernel_execve(), what Linux's
 * kernel_init does with /sbin/init).
 *
 * Demand paging comes later (issue 16, step 5): the segments and the
 * stack are populated now -- every page allocated, the file's bytes
 * copied from the page cache, the rest zeroed -- and mapped with their
 * final permissions.  Text is mapped read-only and executable, data
 * read-write and never executable; the stack too.
 *
 *   TASK_SIZE (0xbf000000) +---------------------+
 *                          | argv strings, argv[], argc
 *                          | stack (STACK_PAGES)  |  <- sp
 *                          :                      :
 *                          | .bss / .data         |  PT_LOAD rw-
 *                          | .text                |  PT_LOAD r-x
 *            0x00010000    +---------------------+
 */
#include <linux/elf.h>
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/gfp.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/mm_types.h>
#include <linux/sched.h>
#include <linux/binfmts.h>
#include <asm/mmu_context.h>
#include <asm/pgalloc.h>
#include <stdio.h>
#include <string.h>

#define STACK_PAGES 8 /* 32 KiB of stack, populated */
#define STACK_TOP   TASK_SIZE

/* map one new zeroed page at @addr of @mm with @prot; its kernel address through @kaddr if lowmem
 */
static struct page *map_new_page(struct mm_struct *mm, unsigned long addr, pteval_t prot)
{
	pmd_t *pmd = pmd_offset(pud_offset(pgd_offset(mm, addr), addr), addr);
	struct page *page;
	pte_t *ptep;

	if (pmd_none(*pmd) && __pte_alloc(mm, pmd))
		return NULL;
	ptep = pte_offset_kernel(pmd, addr);
	if (!pte_none(*ptep)) /* segments sharing a page: the first one's page */
		return pfn_to_page(pte_pfn(*ptep));
	page = alloc_pages(GFP_HIGHUSER_MOVABLE | __GFP_ZERO, 0);
	if (!page)
		return NULL;
	page->_mapcount = 0; /* mapped once */
	atomic_inc(&mm->rss_stat.count[MM_ANONPAGES]);
	set_pte_at(mm, addr, ptep, pfn_pte(page_to_pfn(page), prot));
	return page;
}

/* the Linux pte bits for a segment's p_flags (vm_get_page_prot() of its VMA) */
static pteval_t segment_prot(u32 flags)
{
	pteval_t prot =
		L_PTE_PRESENT | L_PTE_YOUNG | L_PTE_USER | L_PTE_MT_WRITEALLOC | L_PTE_SHARED;

	if (flags & PF_W)
		prot |= L_PTE_DIRTY; /* writable now: dirty-bit emulation comes with faults */
	else
		prot |= L_PTE_RDONLY;
	if (!(flags & PF_X))
		prot |= L_PTE_XN;
	return prot;
}

/* fs/binfmt_elf.c: elf_map() + padzero() @ v4.14, eagerly: one PT_LOAD segment into @mm */
static int load_segment(struct mm_struct *mm, struct inode *inode, const struct elf32_phdr *p)
{
	unsigned long addr = p->p_vaddr & PAGE_MASK, end = p->p_vaddr + p->p_memsz;
	pteval_t prot = segment_prot(p->p_flags);

	for (; addr < end; addr += PAGE_SIZE) {
		struct page *page = map_new_page(mm, addr, prot);
		unsigned long from = max(addr, (unsigned long)p->p_vaddr);
		unsigned long to = min(addr + PAGE_SIZE, (unsigned long)p->p_vaddr + p->p_filesz);
		char *kaddr;

		if (!page)
			return -ENOMEM;
		if (from >= to)
			continue;
		kaddr = kmap_atomic(page);
		rootfs_read(inode, kaddr + (from - addr), to - from,
			    (loff_t)p->p_offset + (from - p->p_vaddr));
		kunmap_atomic(kaddr);
	}
	return 0;
}

/*
 * fs/exec.c: copy_strings() + create_elf_tables() @ v4.14, reduced: the
 * stack's pages, then argc, argv[] (NULL-terminated), an empty envp[] and
 * an auxv with AT_PAGESZ only, the strings above them.  Returns the sp.
 */
static unsigned long setup_stack(struct mm_struct *mm, int argc, char *const argv[])
{
	pteval_t prot = segment_prot(PF_R | PF_W);
	unsigned long sp = STACK_TOP, addr, strings, vec;
	struct page *top = NULL;
	char *kaddr;
	u32 *words;
	int i;

	for (addr = STACK_TOP - STACK_PAGES * PAGE_SIZE; addr < STACK_TOP; addr += PAGE_SIZE) {
		top = map_new_page(mm, addr, prot);
		if (!top)
			return 0;
	}
	mm->start_stack = STACK_TOP;
	/* everything in the top page: the strings at its end, the vectors below */
	kaddr = kmap_atomic(top);
	strings = PAGE_SIZE;
	for (i = argc - 1; i >= 0; i--) {
		size_t len = strlen(argv[i]) + 1;

		if (strings < len + 64 + (size_t)argc * 4) {
			kunmap_atomic(kaddr);
			return 0;
		}
		strings -= len;
		memcpy(kaddr + strings, argv[i], len);
	}
	vec = (strings - (size_t)(argc + 6) * 4) &
	      ~7UL; /* argc, argv[], NULL, NULL, AT_PAGESZ, 4096, AT_NULL */
	words = (u32 *)(kaddr + vec);
	*words++ = (u32)argc;
	for (i = 0, addr = strings; i < argc; i++) {
		*words++ = (u32)(STACK_TOP - PAGE_SIZE + addr);
		addr += strlen(kaddr + addr) + 1;
	}
	*words++ = 0; /* argv's NULL */
	*words++ = 0; /* envp's NULL */
	*words++ = 6; /* AT_PAGESZ */
	*words++ = PAGE_SIZE;
	*words = 0; /* AT_NULL (its value word is the next, zero: the page was zeroed) */
	kunmap_atomic(kaddr);
	sp = STACK_TOP - PAGE_SIZE + vec;
	mm->arg_start = STACK_TOP - PAGE_SIZE + strings;
	mm->arg_end = STACK_TOP;
	return sp;
}

/* fs/binfmt_elf.c: load_elf_binary() @ v4.14, the checks (elf_check()) then the segments */
static int load_elf_binary(struct mm_struct *mm, struct inode *inode, const char *path,
			   unsigned long *entry)
{
	struct elf32_hdr eh;
	struct elf32_phdr ph[ELF_MAX_PHNUM];
	const char *why;
	unsigned int i;
	int ret;

	memset(&eh, 0, sizeof(eh));
	rootfs_read(inode, &eh, sizeof(eh), 0);
	why = elf_check(&eh, NULL, (unsigned long long)inode->i_size, TASK_SIZE);
	if (!why) {
		rootfs_read(inode, ph, eh.e_phnum * sizeof(ph[0]), eh.e_phoff);
		why = elf_check(&eh, ph, (unsigned long long)inode->i_size, TASK_SIZE);
	}
	if (why) {
		pr_err("execve: %s: %s\n", path, why);
		return -ENOEXEC;
	}
	for (i = 0; i < eh.e_phnum; i++) {
		if (ph[i].p_type != PT_LOAD)
			continue;
		ret = load_segment(mm, inode, &ph[i]);
		if (ret)
			return ret;
		if (ph[i].p_flags & PF_X) {
			mm->start_code = ph[i].p_vaddr;
			mm->end_code = ph[i].p_vaddr + ph[i].p_filesz;
		} else {
			mm->start_data = ph[i].p_vaddr;
			mm->end_data = ph[i].p_vaddr + ph[i].p_filesz;
			mm->start_brk = mm->brk = PAGE_ALIGN(ph[i].p_vaddr + ph[i].p_memsz);
		}
	}
	*entry = eh.e_entry;
	return 0;
}

/*
 * arch/arm/include/asm/processor.h: start_thread() @ v4.14: user mode,
 * ARM state, interrupts on, at @pc with @sp; r0 = 0 (no atexit hook).
 */
static void start_thread(struct pt_regs *regs, unsigned long pc, unsigned long sp)
{
	memset(regs, 0, sizeof(*regs));
	regs->ARM_cpsr = USR_MODE;
	regs->ARM_pc = pc & ~1UL;
	if (pc & 1)
		regs->ARM_cpsr |= PSR_T_BIT; /* a Thumb entry point */
	regs->ARM_sp = sp;
	regs->ARM_ORIG_r0 = -1UL;
}

/**
 * kernel_execve() - make the calling kernel thread run a program
 * @path: the executable, in the rootfs
 * @argc: the number of arguments
 * @argv: the arguments (argv[0] the program's name)
 *
 * fs/exec.c: do_execve() -> exec_mmap() @ v4.14: the new mm is loaded,
 * then made the task's; the old one goes (a process's) or the borrowed
 * one is given back (a kernel thread's, whose function then returns 0
 * and ret_from_fork goes to user mode).  A failure leaves the caller as
 * it was.
 *
 * Return: 0, or -ENOENT, -EACCES, -ENOEXEC (reported), -ENOMEM.
 */
int kernel_execve(const char *path, int argc, char *const argv[])
{
	struct dentry *d = rootfs_lookup(path);
	struct task_struct *tsk = current;
	struct mm_struct *mm, *active_mm, *old_mm;
	unsigned long flags;
	unsigned long entry, sp;
	int ret;

	if (!d)
		return -ENOENT;
	if (!S_ISREG(d->d_inode->i_mode) || !(d->d_inode->i_mode & 0111))
		return -EACCES;
	mm = mm_alloc();
	if (!mm)
		return -ENOMEM;
	ret = load_elf_binary(mm, d->d_inode, path, &entry);
	sp = ret ? 0 : setup_stack(mm, argc, argv);
	if (ret || !sp) {
		mmput(mm);
		return ret ? ret : -ENOMEM;
	}
	/* exec_mmap(): the old mm (or the borrowed one) goes, the new one is ours and runs now */
	spin_lock_irqsave(&task_mm_lock, flags); /* task_lock(): also keeps preemption off */
	old_mm = tsk->mm;
	active_mm = tsk->active_mm;
	tsk->mm = mm;
	tsk->active_mm = mm;
	switch_mm(active_mm, mm, tsk);
	spin_unlock_irqrestore(&task_mm_lock, flags);
	if (old_mm)
		mmput(old_mm);
	else
		mmdrop(active_mm);
	tsk->flags &= ~(PF_KTHREAD | PF_FORKNOEXEC);
	set_task_comm(tsk, strrchr(path, '/') ? strrchr(path, '/') + 1 : path);
	start_thread(task_pt_regs(tsk), entry, sp);
	/* flush_thread(): no TLS until the new program sets one */
	task_thread_info(tsk)->tp_value[0] = 0;
	__asm__ volatile("mcr p15, 0, %0, c13, c0, 3" : : "r"(0));
	return 0;
}
