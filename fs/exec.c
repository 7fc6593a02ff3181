// SPDX-License-Identifier: GPL-2.0
/*
 * fs/exec.c + fs/binfmt_elf.c @ v4.14, the part that turns a kernel
 * thread into a user process: a new mm, the executable's PT_LOAD
 * segments and a stack in it, and user-mode registers in task_pt_regs()
 * for ret_from_fork to return to (kernel_execve(), what Linux's
 * kernel_init does with /sbin/init).
 *
 * Nothing is copied: each PT_LOAD segment becomes a private mapping of
 * the executable (vm_mmap(), as fs/binfmt_elf.c's elf_map()), its bss
 * anonymous memory (vm_brk()), and the stack a VMA that grows down; the
 * pages come at first touch (mm/memory.c) -- text straight from the
 * page cache, data copied from it when first written.
 *
 *   TASK_SIZE (0xbf000000) +---------------------+
 *                          | argv strings, argv[], argc, envp, auxv
 *                          | [stack] rw-p  128K   |  <- sp; VM_GROWSDOWN
 *                          :                      :
 *                          | [heap]               |  brk(), from start_brk
 *                          | .bss                 |  anonymous rw-p (vm_brk)
 *                          | .data                |  file rw-p (private: copied on write)
 *                          | .text .rodata        |  file r-xp
 *            0x00010000    +---------------------+
 */
#include <linux/elf.h>
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/fcntl.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/mman.h>
#include <linux/uaccess.h>
#include <linux/gfp.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/mm_types.h>
#include <linux/sched.h>
#include <linux/binfmts.h>
#include <linux/slab.h>
#include <asm/mmu_context.h>
#include <asm/pgalloc.h>
#include <string.h>

#define STACK_TOP	TASK_SIZE
#define STACK_INIT_SIZE (128UL << 10) /* fs/exec.c: setup_arg_pages()'s stack_expand */

/* include/linux/mman.h: the PROT_* of a segment's p_flags */
static unsigned long segment_prot(u32 flags)
{
	return (flags & PF_R ? PROT_READ : 0) | (flags & PF_W ? PROT_WRITE : 0) |
	       (flags & PF_X ? PROT_EXEC : 0);
}

/*
 * fs/binfmt_elf.c: elf_map() + padzero() + set_brk() @ v4.14: one PT_LOAD
 * segment -- the file's bytes mapped privately, the rest of their last
 * page zeroed (a write: that page becomes the process's own copy), and
 * the bss beyond as anonymous memory.  Returns the segment's end or -errno.
 */
static long load_segment(struct file *file, const struct elf32_phdr *p)
{
	unsigned long start = p->p_vaddr & PAGE_MASK;
	unsigned long file_end = p->p_vaddr + p->p_filesz, mem_end = p->p_vaddr + p->p_memsz;
	unsigned long prot = segment_prot(p->p_flags), addr;
	static const char zeroes[64];

	if (p->p_filesz) {
		addr = vm_mmap(file, start, file_end - start, prot, MAP_PRIVATE | MAP_FIXED,
			       p->p_offset & PAGE_MASK);
		if (IS_ERR_VALUE(addr))
			return (long)addr;
		for (addr = file_end; mem_end > file_end && addr < PAGE_ALIGN(file_end);) {
			unsigned long n = min(PAGE_ALIGN(file_end) - addr, sizeof(zeroes));

			if (copy_to_user((void *)addr, zeroes, n))
				return -EFAULT;
			addr += n;
		}
	}
	if (PAGE_ALIGN(mem_end) > PAGE_ALIGN(file_end)) {
		int ret = vm_brk(PAGE_ALIGN(file_end), PAGE_ALIGN(mem_end) - PAGE_ALIGN(file_end));

		if (ret)
			return ret;
	}
	return (long)PAGE_ALIGN(mem_end);
}

/*
 * fs/exec.c: setup_arg_pages() @ v4.14: the stack VMA, growing down from
 * STACK_TOP; only the pages the arguments are written to get memory now
 */
static int setup_arg_pages(struct mm_struct *mm)
{
	struct vm_area_struct *vma = kmem_cache_alloc(vm_area_cachep, GFP_KERNEL);
	int ret;

	if (!vma)
		return -ENOMEM;
	memset(vma, 0, sizeof(*vma));
	vma->vm_start = STACK_TOP - STACK_INIT_SIZE;
	vma->vm_end = STACK_TOP;
	vma->vm_flags = VM_STACK_DEFAULT_FLAGS;
	vma->vm_page_prot = vm_get_page_prot(vma->vm_flags);
	down_write(&mm->mmap_sem);
	ret = insert_vm_struct(mm, vma);
	if (!ret)
		vm_stat_account(mm, vma->vm_flags, (long)vma_pages(vma));
	up_write(&mm->mmap_sem);
	if (ret)
		kmem_cache_free(vm_area_cachep, vma);
	mm->start_stack = STACK_TOP;
	return ret;
}

/* what a NULL-terminated vector (NULL: none) takes on the stack: strings and pointers */
static size_t vector_bytes(char *const v[])
{
	size_t n = 0;

	for (int i = 0; v && v[i]; i++)
		n += strlen(v[i]) + 1 + sizeof(u32);
	return n;
}

/*
 * Do the strings fit?  Linux's limit is a quarter of the stack rlimit
 * (fs/exec.c: get_arg_page() @ v4.14 refuses past it, E2BIG); a9mm's is
 * the stack's top page -- asked before the point of no return.
 */
static bool exec_strings_fit(char *const argv[], char *const envp[])
{
	return vector_bytes(argv) + vector_bytes(envp) + 8 * sizeof(u32) + 8 <= PAGE_SIZE;
}

/* the strings of a NULL-terminated vector (NULL: none), packed downwards from *top */
static bool copy_strings(char *kaddr, size_t *top, size_t floor, char *const v[], int *count)
{
	*count = 0;
	if (!v)
		return true;
	for (int n = 0; v[n]; n++)
		(*count)++;
	for (int i = *count - 1; i >= 0; i--) {
		size_t len = strlen(v[i]) + 1;

		if (*top < floor + len)
			return false;
		*top -= len;
		memcpy(kaddr + *top, v[i], len);
	}
	return true;
}

/* the user addresses of @n packed strings from @addr, then a NULL */
static u32 *put_vector(u32 *words, const char *kaddr, size_t addr, unsigned long base, int n)
{
	for (int i = 0; i < n; i++) {
		*words++ = (u32)(base + addr);
		addr += strlen(kaddr + addr) + 1;
	}
	*words++ = 0;
	return words;
}

/*
 * fs/exec.c: copy_strings() + fs/binfmt_elf.c: create_elf_tables() @
 * v4.14, reduced: argc, argv[] and envp[] (each NULL-terminated) and an
 * auxv with AT_PAGESZ only, the strings above them (the environment's
 * highest, as Linux copies it first), all in the stack's top page --
 * built in a kernel page, then copied out (the copy faults the page in).
 * Returns the sp, or 0 (no memory, or more than the page holds: E2BIG).
 *
 *   STACK_TOP -> | envp strings | argv strings | pad | AT_NULL 0, AT_PAGESZ 4096
 *                | envp[] NULL | argv[] NULL | argc  <- sp (8-byte aligned)
 */
static unsigned long create_elf_tables(struct mm_struct *mm, char *const argv[], char *const envp[],
				       int *err)
{
	char *kaddr = kzalloc(PAGE_SIZE, GFP_KERNEL);
	size_t strings = PAGE_SIZE, env_strings, floor;
	unsigned long vec, base = STACK_TOP - PAGE_SIZE;
	int argc, envc;
	u32 *words;

	*err = -ENOMEM;
	if (!kaddr)
		return 0;
	*err = -E2BIG; /* exec_strings_fit() said they fit: not expected */
	/* room kept below the strings for the vectors: argc, 2 NULLs, auxv, alignment */
	floor = 8 * sizeof(u32);
	if (!copy_strings(kaddr, &strings, floor, envp, &envc)) {
		kfree(kaddr);
		return 0;
	}
	env_strings = strings;
	floor += (size_t)envc * sizeof(u32);
	if (!copy_strings(kaddr, &strings, floor, argv, &argc) ||
	    strings < floor + (size_t)argc * sizeof(u32)) {
		kfree(kaddr);
		return 0;
	}
	vec = (strings - (size_t)(argc + envc + 7) * sizeof(u32)) & ~7UL;
	words = (u32 *)(kaddr + vec);
	*words++ = (u32)argc;
	words = put_vector(words, kaddr, strings, base, argc);
	words = put_vector(words, kaddr, env_strings, base, envc);
	*words++ = 6; /* AT_PAGESZ */
	*words++ = PAGE_SIZE;
	*words++ = 0; /* AT_NULL */
	*words = 0;
	*err = copy_to_user((void *)(base + vec), kaddr + vec, PAGE_SIZE - vec) ? -EFAULT : 0;
	kfree(kaddr);
	if (*err)
		return 0;
	mm->arg_start = base + strings;
	mm->arg_end = mm->env_start = base + env_strings;
	mm->env_end = STACK_TOP;
	return base + vec;
}

/* fs/binfmt_elf.c: load_elf_binary() @ v4.14, the checks (elf_check()) only */
static int check_elf_binary(struct inode *inode, const char *path, struct elf32_hdr *eh,
			    struct elf32_phdr *ph)
{
	const char *why;

	memset(eh, 0, sizeof(*eh));
	rootfs_read(inode, eh, sizeof(*eh), 0);
	why = elf_check(eh, NULL, (unsigned long long)inode->i_size, TASK_SIZE);
	if (!why) {
		rootfs_read(inode, ph, eh->e_phnum * sizeof(ph[0]), eh->e_phoff);
		why = elf_check(eh, ph, (unsigned long long)inode->i_size, TASK_SIZE);
	}
	if (why) {
		pr_err("execve: %s: %s\n", path, why);
		return -ENOEXEC;
	}
	return 0;
}

/* fs/binfmt_elf.c: load_elf_binary() @ v4.14, after the point of no return: the new image */
static int load_elf_binary(struct mm_struct *mm, struct file *file, const struct elf32_hdr *eh,
			   const struct elf32_phdr *ph)
{
	unsigned long brk = 0;
	unsigned int i;

	for (i = 0; i < eh->e_phnum; i++) {
		long end;

		if (ph[i].p_type != PT_LOAD)
			continue;
		end = load_segment(file, &ph[i]);
		if (end < 0)
			return (int)end;
		brk = max(brk, (unsigned long)end);
		if (ph[i].p_flags & PF_X) {
			mm->start_code = ph[i].p_vaddr;
			mm->end_code = ph[i].p_vaddr + ph[i].p_filesz;
		} else {
			mm->start_data = ph[i].p_vaddr;
			mm->end_data = ph[i].p_vaddr + ph[i].p_filesz;
		}
	}
	mm->start_brk = mm->brk = brk;
	return setup_arg_pages(mm);
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
 * @argv: the arguments (argv[0] the program's name), NULL-terminated
 * @envp: the environment ("NAME=value" strings), NULL-terminated; NULL
 *        for none
 *
 * fs/exec.c: do_execve() -> exec_mmap() @ v4.14: the executable is
 * checked, then a new, empty mm made the task's -- the old one goes (a
 * process's) or the borrowed one is given back (a kernel thread's,
 * whose function then returns 0 and ret_from_fork goes to user mode) --
 * and the program mapped into it.  A failure before the switch leaves
 * the caller as it was; one after it (no memory) kills the process, as
 * Linux's does past its point of no return.
 *
 * Return: 0, or -ENOENT, -EACCES, -ENOEXEC (reported), -ENOMEM, -E2BIG
 * (the arguments and environment need more than the stack's top page).
 */
int kernel_execve(const char *path, char *const argv[], char *const envp[])
{
	struct dentry *d = rootfs_lookup(path);
	struct task_struct *tsk = current;
	struct mm_struct *mm, *active_mm, *old_mm;
	struct elf32_hdr eh;
	struct elf32_phdr ph[ELF_MAX_PHNUM];
	struct file *file;
	unsigned long flags, sp = 0;
	int ret;

	if (!d)
		return -ENOENT;
	if (!S_ISREG(d->d_inode->i_mode) || !(d->d_inode->i_mode & 0111))
		return -EACCES;
	if (!exec_strings_fit(argv, envp))
		return -E2BIG;
	ret = check_elf_binary(d->d_inode, path, &eh, ph);
	if (ret)
		return ret;
	file = filp_open(path, O_RDONLY, 0);
	if (IS_ERR(file))
		return PTR_ERR(file);
	mm = mm_alloc();
	if (!mm) {
		fput(file);
		return -ENOMEM;
	}
	if (!tsk->files && console_open_fds()) { /* a kernel thread becoming a process */
		fput(file);
		mmput(mm);
		return -ENOMEM;
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
	do_close_on_exec(tsk->files);
	tsk->flags &= ~(PF_KTHREAD | PF_FORKNOEXEC);
	set_task_comm(tsk, strrchr(path, '/') ? strrchr(path, '/') + 1 : path);
	ret = load_elf_binary(mm, file, &eh, ph);
	fput(file); /* the mappings hold their own references */
	if (!ret)
		sp = create_elf_tables(mm, argv, envp, &ret);
	if (!sp) {
		pr_err("execve: %s: %s after the point of no return: killed\n", path,
		       ret == -ENOMEM || !ret ? "out of memory" : "cannot map the program");
		send_sig(SIGKILL, tsk);
		return ret;
	}
	start_thread(task_pt_regs(tsk), eh.e_entry, sp);
	/* flush_thread(): no TLS until the new program sets one */
	task_thread_info(tsk)->tp_value[0] = 0;
	__asm__ volatile("mcr p15, 0, %0, c13, c0, 3" : : "r"(0));
	return 0;
}
