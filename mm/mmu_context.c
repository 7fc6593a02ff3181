// SPDX-License-Identifier: GPL-2.0
/*
 * mm/mmu_context.c @ v4.14: a kernel thread works on a process's address
 * space (use_mm()) and lets go of it (unuse_mm()) -- what Linux's AIO
 * and vhost workers do, and what the self-tests use to run on a test mm.
 */
#include <linux/mm_types.h>
#include <linux/sched.h>
#include <asm/mmu_context.h>

/**
 * use_mm() - make @mm the calling kernel thread's address space
 * @mm: the address space (the caller holds a reference)
 *
 * mm/mmu_context.c: use_mm() @ v4.14: TTBR0 and the ASID switch at once.
 */
void use_mm(struct mm_struct *mm)
{
	struct task_struct *tsk = current;
	struct mm_struct *active_mm;

	preempt_disable(); /* task_lock() in Linux: the switch must not be half done */
	active_mm = tsk->active_mm;
	if (active_mm != mm) {
		mmgrab(mm);
		tsk->active_mm = mm;
	}
	tsk->mm = mm;
	switch_mm(active_mm, mm, tsk);
	preempt_enable();
	if (active_mm != mm)
		mmdrop(active_mm);
}

/**
 * unuse_mm() - the calling kernel thread is done with @mm
 * @mm: what use_mm() was given
 *
 * mm/mmu_context.c: unuse_mm() @ v4.14: the CPU keeps running on @mm
 * (lazily: active_mm) until it switches to a task with an mm of its own.
 */
void unuse_mm(struct mm_struct *mm)
{
	current->mm = NULL;
}
