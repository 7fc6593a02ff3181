// SPDX-License-Identifier: GPL-2.0
/*
 * arch/arm/mm/fault.c @ v4.14: a user access the MMU refused, turned into
 * a page or a signal.
 *
 *   data abort (DFSR, DFAR)  --\
 *   prefetch abort (IFSR, IFAR) +--> fsr_info[FS]: translation or permission fault?
 *                                       |
 *                  do_page_fault(): find_vma(), the VMA's rights, stack growth
 *                                       |
 *                  mm/memory.c: handle_mm_fault() maps the page
 *                     -> or SIGSEGV ("unhandled page fault"), SIGBUS, the OOM killer
 *
 * The other fault kinds (alignment, external aborts, domain faults) are
 * no page's business: the caller reports them.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/oom.h>
#include <linux/sched.h>
#include <asm/fault.h>
#include <asm/ptrace.h>

/* arch/arm/mm/fault.c: VM_FAULT_BADMAP, VM_FAULT_BADACCESS @ v4.14 */
#define VM_FAULT_BADMAP	   0x010000
#define VM_FAULT_BADACCESS 0x020000

/*
 * arch/arm/mm/fault.c: access_error() @ v4.14: a write needs VM_WRITE, an
 * instruction fetch VM_EXEC, a read any of the three (ARMv7 cannot map
 * write-only or execute-only)
 */
static bool access_error(unsigned int fsr, struct vm_area_struct *vma)
{
	unsigned long mask = VM_READ | VM_WRITE | VM_EXEC;

	if (fsr & FSR_WRITE)
		mask = VM_WRITE;
	if (fsr & FSR_LNX_PF)
		mask = VM_EXEC;
	return !(vma->vm_flags & mask);
}

/*
 * arch/arm/mm/fault.c: __do_page_fault() @ v4.14: the VMA of @addr (a
 * stack just above it grows down to it), its rights, then the page
 */
static int __do_page_fault(struct mm_struct *mm, unsigned long addr, unsigned int fsr,
			   unsigned int flags, bool *need_write_lock)
{
	struct vm_area_struct *vma = find_vma(mm, addr);

	if (!vma)
		return VM_FAULT_BADMAP;
	if (vma->vm_start > addr) {
		if (!(vma->vm_flags & VM_GROWSDOWN))
			return VM_FAULT_BADMAP;
		if (!*need_write_lock) { /* the tree changes: again, holding mmap_sem for writing */
			*need_write_lock = true;
			return 0;
		}
		if (expand_stack(vma, addr))
			return VM_FAULT_BADMAP;
	}
	if (access_error(fsr, vma))
		return VM_FAULT_BADACCESS;
	return handle_mm_fault(vma, addr & PAGE_MASK, flags);
}

/**
 * do_page_fault() - a user access the page tables refused: map it, or say why not
 * @addr: the faulting address (DFAR, or IFAR for a prefetch abort)
 * @fsr: the fault status (DFSR/IFSR), FSR_LNX_PF added for a prefetch abort
 * @regs: the registers at the fault (user mode)
 *
 * arch/arm/mm/fault.c: do_page_fault() @ v4.14, for the translation and
 * permission faults of fsr_info[].  Counted in the task's min_flt.
 *
 * Return: 0 when the access may be retried (the page is there, or the
 * OOM killer chose a process to free memory), else the signal the
 * process dies of: SIGSEGV (no VMA, or it does not allow the access),
 * SIGBUS (beyond the end of a mapped file).
 */
int do_page_fault(unsigned long addr, unsigned int fsr, struct pt_regs *regs)
{
	struct task_struct *tsk = current;
	struct mm_struct *mm = tsk->mm;
	unsigned int flags = FAULT_FLAG_ALLOW_RETRY | FAULT_FLAG_KILLABLE;
	bool write_lock = false;
	unsigned int fs = fsr_fs(fsr);
	int fault;

	if (interrupts_enabled(regs))
		local_irq_enable();
	/* fsr_info[]: page/section translation (5, 7) and page permission (15) faults */
	if (!mm || (fs != 5 && fs != 7 && fs != 15))
		return SIGSEGV;
	if (user_mode(regs))
		flags |= FAULT_FLAG_USER;
	if (fsr & FSR_WRITE)
		flags |= FAULT_FLAG_WRITE;
	if (fsr & FSR_LNX_PF)
		flags |= FAULT_FLAG_INSTRUCTION;
	down_read(&mm->mmap_sem);
	fault = __do_page_fault(mm, addr, fsr, flags, &write_lock);
	up_read(&mm->mmap_sem);
	if (write_lock) {
		down_write(&mm->mmap_sem);
		fault = __do_page_fault(mm, addr, fsr, flags, &write_lock);
		up_write(&mm->mmap_sem);
	}
	if (!(fault & (VM_FAULT_ERROR | VM_FAULT_BADMAP | VM_FAULT_BADACCESS))) {
		tsk->min_flt++;
		return 0;
	}
	if (fault & VM_FAULT_OOM) {
		pagefault_out_of_memory();
		return 0; /* retried: the victim's memory comes back, or we are the victim */
	}
	return fault & VM_FAULT_SIGBUS ? SIGBUS : SIGSEGV;
}
