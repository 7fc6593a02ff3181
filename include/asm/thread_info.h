/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_THREAD_INFO_H
#define _ASM_THREAD_INFO_H

/*
 * arch/arm/include/asm/thread_info.h @ v4.14: every task has a kernel
 * (SVC mode) stack of THREAD_SIZE bytes, THREAD_SIZE aligned, and the
 * bottom of it holds its struct thread_info -- so the running task is
 * found from the stack pointer alone (current_thread_info()):
 *
 *   stack + THREAD_SIZE      +----------------------+
 *                            | 8 bytes unused       |
 *   stack + THREAD_START_SP  +----------------------+ sp while in user mode
 *                            | struct pt_regs       | the user registers,
 *                            |   (task_pt_regs())   | saved on every entry
 *                            +----------------------+
 *                            | kernel stack, grows  |
 *                            | down                 |
 *                            :                      :
 *                            | STACK_END_MAGIC      | overwritten = overflow
 *   stack                    +----------------------+
 *                            | struct thread_info   | flags, task, cpu,
 *                            |                      | saved r4-r11, sp, pc
 *                            +----------------------+
 *
 * Linux ARM uses 8 KiB; a9mm keeps the 16 KiB its SMP work chose: the
 * shell's commands run on kernel stacks and print through 1 KiB buffers
 * and picolibc's vfprintf, and interrupts nest on the same stack.
 *
 * The exception modes (abort, undefined) keep stacks of their own,
 * EXC_STACK_SIZE per CPU (head.S); IRQ mode uses three words of its
 * stack only and switches to SVC mode at once (boot/entry-armv.S).
 */
#define THREAD_SIZE_ORDER 2
#define THREAD_SHIFT	  (12 + THREAD_SIZE_ORDER)
#define THREAD_SIZE	  (4096 << THREAD_SIZE_ORDER)
#define THREAD_START_SP	  (THREAD_SIZE - 8)
#define EXC_STACK_SIZE	  4096

/* thread_info->flags bits (arch/arm/include/asm/thread_info.h @ v4.14) */
#define TIF_SIGPENDING	  0  /* a signal is pending */
#define TIF_NEED_RESCHED  1  /* schedule() on the way out */
#define TIF_NOTIFY_RESUME 2  /* callback before returning to user */
#define TIF_MEMDIE	  18 /* is terminating due to OOM killer */

#define _TIF_SIGPENDING	   (1 << TIF_SIGPENDING)
#define _TIF_NEED_RESCHED  (1 << TIF_NEED_RESCHED)
#define _TIF_NOTIFY_RESUME (1 << TIF_NOTIFY_RESUME)
#define _TIF_WORK_MASK	   (_TIF_NEED_RESCHED | _TIF_SIGPENDING | _TIF_NOTIFY_RESUME)

/*
 * Offsets for the assembly (Linux generates them into asm-offsets.h;
 * a9mm writes them here and kernel/sched/core.c checks each with
 * BUILD_BUG_ON against the structure).
 */
#define TI_FLAGS      0
#define TI_ADDR_LIMIT 4
#define TI_TASK	      8
#define TI_CPU	      12
#define TI_CPU_SAVE   16
#define TI_TP_VALUE   64

#ifndef __ASSEMBLY__
#include <linux/types.h>

struct task_struct;

/*
 * arch/arm/include/asm/thread_info.h: struct cpu_context_save @ v4.14:
 * what __switch_to() keeps of a task that is switched out -- the
 * callee-saved registers, its kernel sp, and where it resumes.
 */
struct cpu_context_save {
	u32 r4, r5, r6, r7, r8, r9, sl, fp, sp, pc;
	u32 extra[2];
};

/* arch/arm/include/asm/thread_info.h: struct thread_info @ v4.14 */
struct thread_info {
	unsigned long flags;	  /* TIF_* (preempt_count is per CPU: linux/preempt.h) */
	unsigned long addr_limit; /* USER_DS (TASK_SIZE) or KERNEL_DS (0): access_ok()'s bound */
	struct task_struct *task; /* the task this stack belongs to */
	u32 cpu;		  /* the CPU it runs on, or last ran on */
	struct cpu_context_save cpu_context; /* __switch_to()'s save area */
	unsigned long tp_value[2];	     /* TPIDRURO (TLS), TPIDRURW */
};

/*
 * arch/arm/include/asm/thread_info.h: current_thread_info() @ v4.14:
 * the bottom of the stack the CPU is on.
 */
#ifndef A9MM_HOST
static inline struct thread_info *current_thread_info(void)
{
	unsigned long sp;

	__asm__("mov %0, sp" : "=r"(sp));
	return (struct thread_info *)(sp & ~(THREAD_SIZE - 1UL));
}
#endif

/* kernel/fork.c @ v4.14: STACK_END_MAGIC, just above thread_info */
#define STACK_END_MAGIC 0x57AC6E9DUL

#endif /* __ASSEMBLY__ */
#endif
