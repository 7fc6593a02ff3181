// SPDX-License-Identifier: GPL-2.0
/*
 * fs/proc/task_mmu.c @ v4.14: a process's address space as text.
 *
 *   /proc/PID/maps    one line per VMA (show_map_vma()):
 *     00010000-00018000 r-xp 00000000 00:01 12                   /bin/cow-demo
 *     start    end      perms offset dev   inode              name
 *   /proc/PID/smaps   each line, then what its pages are (show_smap()):
 *                     resident, shared or private, clean or dirty, anonymous
 *   /proc/PID/status  the Vm* lines (task_mem())
 */
#include <linux/file.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/proc_fs.h>
#include <linux/sched.h>
#include <asm/pgalloc.h>
#include <string.h>

/* fs/d_path.c: dentry_path_raw() @ v4.14: a rootfs dentry's absolute path */
static void dentry_path(const struct dentry *d, char *buf, size_t size)
{
	char tmp[256];
	size_t at = sizeof(tmp) - 1;

	tmp[at] = '\0';
	for (; d && d->d_parent != d; d = d->d_parent) {
		size_t len = strlen(d->d_name);

		if (at < len + 1)
			break;
		at -= len;
		memcpy(tmp + at, d->d_name, len);
		tmp[--at] = '/';
	}
	snprintf(buf, size, "%s", at == sizeof(tmp) - 1 ? "/" : tmp + at);
}

/* fs/proc/task_mmu.c: show_map_vma() @ v4.14: the line, padded to the name's column */
static void show_map_vma(struct vm_area_struct *vma, proc_print_t print)
{
	struct mm_struct *mm = vma->vm_mm;
	unsigned long ino = 0, dev = 0;
	unsigned long long pgoff = 0;
	char name[256] = "";
	int n;

	if (vma->vm_file) {
		struct inode *inode = vma->vm_file->f_inode;

		dev = 1; /* 00:01, the rootfs (fs/stat.c) */
		ino = inode->i_ino;
		pgoff = (unsigned long long)vma->vm_pgoff << PAGE_SHIFT;
		if (vma->vm_file->f_dentry)
			dentry_path(vma->vm_file->f_dentry, name, sizeof(name));
		else
			snprintf(name, sizeof(name), "/dev/zero (deleted)");
	} else if (vma->vm_start <= mm->brk && vma->vm_end >= mm->start_brk) {
		snprintf(name, sizeof(name), "[heap]");
	} else if (vma->vm_start <= mm->start_stack && vma->vm_end >= mm->start_stack) {
		snprintf(name, sizeof(name), "[stack]");
	}
	n = print("%08lx-%08lx %c%c%c%c %08llx %02lx:%02lx %lu ", vma->vm_start, vma->vm_end,
		  vma->vm_flags & VM_READ ? 'r' : '-', vma->vm_flags & VM_WRITE ? 'w' : '-',
		  vma->vm_flags & VM_EXEC ? 'x' : '-', vma->vm_flags & VM_MAYSHARE ? 's' : 'p',
		  pgoff, dev >> 8, dev & 0xff, ino);
	/* seq_setwidth(m, 25 + sizeof(void *) * 6 - 1) + seq_pad(m, ' '): 48 columns on 32-bit */
	if (name[0])
		print("%*s%s\n", n < 48 ? 48 - n : 0, "", name);
	else
		print("\n");
}

/**
 * proc_pid_maps() - /proc/PID/maps
 * @task: the process
 * @print: where to print
 *
 * fs/proc/task_mmu.c: show_map() @ v4.14, every VMA under mmap_sem.
 */
void proc_pid_maps(struct task_struct *task, proc_print_t print)
{
	struct mm_struct *mm = get_task_mm(task);
	struct vm_area_struct *vma;

	if (!mm)
		return;
	down_read(&mm->mmap_sem);
	for (vma = mm->mmap; vma; vma = vma->vm_next)
		show_map_vma(vma, print);
	up_read(&mm->mmap_sem);
	mmput(mm);
}

/* fs/proc/task_mmu.c: struct mem_size_stats @ v4.14, in bytes (pss: << PSS_SHIFT) */
struct mem_size_stats {
	unsigned long resident, shared_clean, shared_dirty, private_clean, private_dirty;
	unsigned long referenced, anonymous;
	u64 pss;
};

#define PSS_SHIFT 12

/*
 * fs/proc/task_mmu.c: smaps_pte_entry() -> smaps_account() @ v4.14: one
 * mapped page -- shared when more than one mapping has it (Pss divides
 * it among them); the zero page is resident but nobody's
 */
static void smaps_pte_entry(pte_t pte, struct mem_size_stats *mss)
{
	struct page *page;
	int mapcount;

	if (!pte_present(pte))
		return;
	mss->resident += PAGE_SIZE;
	if (pte_young(pte))
		mss->referenced += PAGE_SIZE;
	if (is_zero_pfn(pte_pfn(pte)))
		return;
	page = pfn_to_page(pte_pfn(pte));
	if (PageAnon(page))
		mss->anonymous += PAGE_SIZE;
	mapcount = page_mapcount(page);
	if (mapcount >= 2) {
		if (pte_dirty(pte))
			mss->shared_dirty += PAGE_SIZE;
		else
			mss->shared_clean += PAGE_SIZE;
		mss->pss += ((u64)PAGE_SIZE << PSS_SHIFT) / (u64)mapcount;
	} else {
		if (pte_dirty(pte))
			mss->private_dirty += PAGE_SIZE;
		else
			mss->private_clean += PAGE_SIZE;
		mss->pss += (u64)PAGE_SIZE << PSS_SHIFT;
	}
}

/* fs/proc/task_mmu.c: show_smap_vma_flags() @ v4.14 */
static void show_vma_flags(struct vm_area_struct *vma, proc_print_t print)
{
	static const struct {
		unsigned long flag;
		const char *name;
	} names[] = {
		{ VM_READ, "rd" },	{ VM_WRITE, "wr" },    { VM_EXEC, "ex" },
		{ VM_SHARED, "sh" },	{ VM_MAYREAD, "mr" },  { VM_MAYWRITE, "mw" },
		{ VM_MAYEXEC, "me" },	{ VM_MAYSHARE, "ms" }, { VM_GROWSDOWN, "gd" },
		{ VM_DENYWRITE, "dw" }, { VM_ACCOUNT, "ac" },
	};
	unsigned int i;

	print("VmFlags: ");
	for (i = 0; i < ARRAY_SIZE(names); i++)
		if (vma->vm_flags & names[i].flag)
			print("%s ", names[i].name);
	print("\n");
}

/**
 * proc_pid_smaps() - /proc/PID/smaps
 * @task: the process
 * @print: where to print
 *
 * fs/proc/task_mmu.c: show_smap() @ v4.14: each VMA's line, then its
 * pages counted by walking its ptes (smaps_pte_range()).
 */
void proc_pid_smaps(struct task_struct *task, proc_print_t print)
{
	struct mm_struct *mm = get_task_mm(task);
	struct vm_area_struct *vma;

	if (!mm)
		return;
	down_read(&mm->mmap_sem);
	for (vma = mm->mmap; vma; vma = vma->vm_next) {
		struct mem_size_stats mss = { 0 };
		unsigned long addr;

		for (addr = vma->vm_start; addr < vma->vm_end; addr += PAGE_SIZE) {
			pmd_t *pmd = pmd_offset(pud_offset(pgd_offset(mm, addr), addr), addr);

			if (pmd_none(*pmd) || !pmd_table(*pmd)) {
				addr |= PGDIR_SIZE - PAGE_SIZE; /* the next pmd */
				continue;
			}
			smaps_pte_entry(*pte_offset_kernel(pmd, addr), &mss);
		}
		show_map_vma(vma, print);
		print("Size:           %8lu kB\nRss:            %8lu kB\nPss:            %8lu kB\n",
		      (vma->vm_end - vma->vm_start) >> 10, mss.resident >> 10,
		      (unsigned long)(mss.pss >> (10 + PSS_SHIFT)));
		print("Shared_Clean:   %8lu kB\nShared_Dirty:   %8lu kB\n"
		      "Private_Clean:  %8lu kB\nPrivate_Dirty:  %8lu kB\n",
		      mss.shared_clean >> 10, mss.shared_dirty >> 10, mss.private_clean >> 10,
		      mss.private_dirty >> 10);
		print("Referenced:     %8lu kB\nAnonymous:      %8lu kB\nLazyFree:       %8lu kB\n"
		      "AnonHugePages:  %8lu kB\nShmemPmdMapped: %8lu kB\nShared_Hugetlb: %8lu kB\n"
		      "Private_Hugetlb: %7lu kB\nSwap:           %8lu kB\nSwapPss:        %8lu kB\n",
		      mss.referenced >> 10, mss.anonymous >> 10, 0UL, 0UL, 0UL, 0UL, 0UL, 0UL, 0UL);
		print("KernelPageSize: %8lu kB\nMMUPageSize:    %8lu kB\nLocked:         %8lu kB\n",
		      PAGE_SIZE >> 10, PAGE_SIZE >> 10, 0UL);
		show_vma_flags(vma, print);
	}
	up_read(&mm->mmap_sem);
	mmput(mm);
}

/**
 * task_mem() - the Vm* and Rss* lines of /proc/PID/status
 * @mm: the process's address space
 * @print: where to print
 *
 * fs/proc/task_mmu.c: task_mem() @ v4.14.
 */
void task_mem(struct mm_struct *mm, proc_print_t print)
{
	unsigned long anon = get_mm_counter(mm, MM_ANONPAGES);
	unsigned long file = get_mm_counter(mm, MM_FILEPAGES);
	unsigned long shmem = get_mm_counter(mm, MM_SHMEMPAGES);
	unsigned long rss = anon + file + shmem;
	unsigned long hiwater_rss = max(mm->hiwater_rss, rss);
	unsigned long hiwater_vm = max(mm->hiwater_vm, mm->total_vm);
	unsigned long text = (PAGE_ALIGN(mm->end_code) - (mm->start_code & PAGE_MASK)) >> 10;
	int sh = PAGE_SHIFT - 10;

	print("VmPeak:\t%8lu kB\nVmSize:\t%8lu kB\nVmLck:\t%8lu kB\nVmPin:\t%8lu kB\n",
	      hiwater_vm << sh, mm->total_vm << sh, mm->locked_vm << sh, mm->pinned_vm << sh);
	print("VmHWM:\t%8lu kB\nVmRSS:\t%8lu kB\nRssAnon:\t%8lu kB\nRssFile:\t%8lu kB\n"
	      "RssShmem:\t%8lu kB\n",
	      hiwater_rss << sh, rss << sh, anon << sh, file << sh, shmem << sh);
	print("VmData:\t%8lu kB\nVmStk:\t%8lu kB\nVmExe:\t%8lu kB\nVmLib:\t%8lu kB\n"
	      "VmPTE:\t%8lu kB\nVmSwap:\t%8lu kB\n",
	      mm->data_vm << sh, mm->stack_vm << sh, text, 0UL,
	      (unsigned long)atomic_read(&mm->nr_ptes) * (PTRS_PER_PTE * sizeof(pte_t) * 2) >> 10,
	      get_mm_counter(mm, MM_SWAPENTS) << sh);
}
