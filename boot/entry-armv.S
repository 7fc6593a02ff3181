/* SPDX-License-Identifier: GPL-2.0 */
/*
 * boot/entry-armv.S: exception vectors, after arch/arm/kernel/entry-armv.S
 * @ v4.14.
 *
 * The table is position independent -- eight "ldr pc, [pc, #24]" loading
 * absolute handler addresses from the eight words that follow -- so that
 * devicemaps_init() can copy it to the high vectors page at 0xffff0000
 * (Linux's early_trap_init) and it still works.  Until then VBAR points
 * at it in place.
 *
 * Aborts and undefined instructions build a struct pt_regs on their
 * mode's stack (each CPU has its own, set by cpu_init()), with the sp and
 * lr of the interrupted mode, and call C.  If C returns (a fault the shell
 * asked for), the possibly edited registers are restored and execution
 * resumes at regs->ARM_pc.
 *
 * An IRQ is handled as Linux handles it: vector_irq saves three words on
 * the tiny IRQ-mode stack, switches to SVC mode and jumps by the mode the
 * interrupt came from -- __irq_svc for the kernel -- which saves the
 * registers on the interrupted SVC stack and calls handle_arch_irq (the
 * GIC's gic_handle_irq()).  On the way out the interrupted task may be
 * preempted (svc_preempt(), kernel/sched/core.c).
 *
 * __switch_to and ret_from_fork, the two halves of every task switch,
 * are at the end.
 */
#include <asm/thread_info.h>
#include <asm/ptrace.h>

	.arm
	.section ".exception.text", "ax"	@ executable even with rodata=on
	.align	5
	.globl	__vectors_start, __vectors_end
__vectors_start:
	ldr	pc, [pc, #24]			@ 0x00 reset
	ldr	pc, [pc, #24]			@ 0x04 undefined instruction
	ldr	pc, [pc, #24]			@ 0x08 supervisor call
	ldr	pc, [pc, #24]			@ 0x0c prefetch abort
	ldr	pc, [pc, #24]			@ 0x10 data abort
	ldr	pc, [pc, #24]			@ 0x14 (hyp / unused)
	ldr	pc, [pc, #24]			@ 0x18 IRQ
	ldr	pc, [pc, #24]			@ 0x1c FIQ
	.long	vector_rst
	.long	vector_und
	.long	vector_swi
	.long	vector_pabt
	.long	vector_dabt
	.long	vector_addrexcptn
	.long	vector_irq
	.long	vector_fiq
__vectors_end:

/*
 * Switch to the mode in \psr (user means system: same banked sp/lr) with
 * interrupts masked; \tmp is clobbered.
 */
	.macro	to_mode_of, psr, tmp
	and	\tmp, \psr, #MODE_MASK
	cmp	\tmp, #USR_MODE
	moveq	\tmp, #SYSTEM_MODE
	orr	\tmp, \tmp, #(PSR_I_BIT | PSR_F_BIT)
	msr	cpsr_c, \tmp
	.endm

/*
 * \correction: how far lr is past the faulting instruction (ARM ARM
 * B1.8.3 table "Link values saved on exception entry").
 */
	.macro	vector_stub, name, correction, handler, usr=0
	.type	\name, %function
\name:
	.if	\correction
	sub	lr, lr, #\correction
	.endif
	.if	\usr
	/*
	 * From user mode: r0, the return address and the SPSR go to three
	 * words below this mode's stack, and the exception is handled in
	 * SVC mode on the task's kernel stack (\name\()_usr), where it may
	 * sleep -- as Linux's __dabt_usr, __pabt_usr, __und_usr.
	 */
	sub	sp, sp, #12
	stmia	sp, {r0, lr}
	mrs	lr, spsr
	str	lr, [sp, #8]
	tst	lr, #0x0f			@ USR_MODE's low bits are 0
	beq	\name\()_to_svc
	ldmia	sp, {r0, lr}
	add	sp, sp, #12
	.endif
	sub	sp, sp, #S_FRAME_SIZE
	stmia	sp, {r0-r12}
	mrs	r4, spsr
	str	lr, [sp, #S_PC]
	str	r4, [sp, #S_PSR]
	mrs	r5, cpsr
	to_mode_of r4, r6
	mov	r7, sp
	mov	r8, lr
	msr	cpsr_c, r5
	str	r7, [sp, #S_SP]
	str	r8, [sp, #S_LR]

	mov	r0, sp
	bl	\handler

	ldr	r4, [sp, #S_PSR]
	msr	spsr_cxsf, r4
	ldr	r7, [sp, #S_SP]
	ldr	r8, [sp, #S_LR]
	mrs	r5, cpsr
	to_mode_of r4, r6
	mov	sp, r7
	mov	lr, r8
	msr	cpsr_c, r5
	ldr	lr, [sp, #S_PC]
	ldmia	sp, {r0-r12}
	add	sp, sp, #S_FRAME_SIZE
	movs	pc, lr				@ restores CPSR from SPSR
	.if	\usr
\name\()_to_svc:
	mov	r0, sp				@ the three words
	add	sp, sp, #12
	mrs	lr, cpsr
	bic	lr, lr, #MODE_MASK
	orr	lr, lr, #SVC_MODE
	msr	spsr_cxsf, lr			@ SVC, interrupts still masked
	ldr	lr, =\name\()_usr
	movs	pc, lr
	.ltorg
	.endif
	.endm

	.section ".exception.text", "ax"
	vector_stub vector_und, 4, do_undefinstr, 1
	vector_stub vector_swi_kernel, 0, do_unexpected_svc
	vector_stub vector_pabt, 4, do_PrefetchAbort, 1
	vector_stub vector_dabt, 8, do_DataAbort, 1
	vector_stub vector_fiq, 4, do_unexpected_irq

/*
 * arch/arm/kernel/entry-armv.S: vector_stub irq, IRQ_MODE, 4 @ v4.9.
 * On entry (IRQ mode, IRQs masked): lr_irq = interrupted pc + 4,
 * spsr_irq = interrupted cpsr.  sp_irq is this CPU's 3-word save area.
 */
vector_irq:
	sub	lr, lr, #4
	stmia	sp, {r0, lr}			@ r0 and the pc to return to
	mrs	lr, spsr
	str	lr, [sp, #8]			@ the interrupted cpsr
	mrs	r0, cpsr
	eor	r0, r0, #(IRQ_MODE ^ SVC_MODE)
	msr	spsr_cxsf, r0			@ SVC mode, IRQs still masked, after the movs
	and	lr, lr, #0x0f			@ the interrupted mode's low bits index the table
	adr	r0, __irq_mode_table
	ldr	lr, [r0, lr, lsl #2]
	mov	r0, sp				@ the handler finds the three words through r0
	movs	pc, lr

	.align	2
__irq_mode_table:
	.long	__irq_usr			@  0 USR
	.long	__irq_invalid			@  1 FIQ
	.long	__irq_invalid			@  2 IRQ
	.long	__irq_svc			@  3 SVC
	.rept	12
	.long	__irq_invalid			@  ABT, UND, SYS, ...: the kernel never runs there with IRQs on
	.endr

/*
 * svc_entry: a struct pt_regs on the interrupted SVC stack, r0, pc and
 * cpsr taken from the IRQ-mode save area (r0 points at it).  Leaves r8 =
 * the frame, sp 8-byte aligned below it (AAPCS) for the C call.
 */
	.macro	svc_entry
	sub	sp, sp, #S_FRAME_SIZE
	stmib	sp, {r1 - r12}
	ldmia	r0, {r3 - r5}			@ r3 = r0, r4 = pc, r5 = cpsr
	add	r7, sp, #S_SP
	add	r2, sp, #S_FRAME_SIZE		@ sp as it was
	str	r3, [sp, #S_R0]
	mov	r3, lr				@ lr_svc as it was
	stmia	r7, {r2 - r5}			@ sp, lr, pc, cpsr
	mov	r8, sp
	bic	sp, sp, #7
	.endm

/*
 * arch/arm/kernel/entry-armv.S: __irq_svc @ v4.9: the kernel was
 * interrupted.  handle_arch_irq() acknowledges and handles every pending
 * interrupt; then the frame comes back and LDM ^ returns to the
 * interrupted code, restoring its cpsr.  CLREX first: an LDREX the
 * interrupt came between must not be completed by its STREX.
 */
__irq_svc:
	svc_entry
	mov	r0, r8
	ldr	r1, =handle_arch_irq
	ldr	r1, [r1]
	blx	r1
	mov	r0, r8
	bl	svc_preempt			@ CONFIG_PREEMPT: switch task here if one is due
	mov	sp, r8
	ldr	r5, [sp, #S_PSR]
	msr	spsr_cxsf, r5
	clrex
	ldmia	sp, {r0 - pc}^

/* arch/arm/kernel/entry-armv.S: __irq_invalid: an IRQ from a mode that cannot take one */
__irq_invalid:
	svc_entry
	mov	r0, r8
	mov	r1, #BAD_IRQ
	bl	bad_mode
1:	b	1b
	.ltorg

/*
 * usr_entry: a struct pt_regs at the top of the task's kernel stack
 * (sp_svc is THREAD_START_SP there whenever the task runs in user mode:
 * task_pt_regs()), from the three words at r0 (r0, pc, cpsr) and the
 * user-mode banked sp and lr.  ORIG_r0 = -1: not a system call.
 */
	.macro	usr_entry
	sub	sp, sp, #S_FRAME_SIZE
	stmib	sp, {r1 - r12}
	ldmia	r0, {r3 - r5}			@ r3 = r0, r4 = pc, r5 = cpsr
	add	r0, sp, #S_PC
	mov	r6, #-1
	str	r3, [sp, #S_R0]
	stmia	r0, {r4 - r6}			@ pc, cpsr, ORIG_r0
	add	r0, sp, #S_SP
	stmia	r0, {sp, lr}^			@ the user's sp and lr
	.endm

/*
 * arch/arm/kernel/entry-armv.S: __irq_usr @ v4.14: an interrupt in user
 * mode; on the way back the task may be switched (ret_to_user).
 */
__irq_usr:
	usr_entry
	mov	r0, sp
	ldr	r1, =handle_arch_irq
	ldr	r1, [r1]
	blx	r1
	b	ret_to_user

/*
 * __dabt_usr, __pabt_usr, __und_usr: the handler sees user_mode(regs).
 * The CFI says this is the outermost kernel frame (no caller: user mode
 * is below), so GDB's backtrace from do_page_fault() ends here.
 */
	.cfi_sections .debug_frame
	.macro	usr_exception, name, handler
\name\()_usr:
	.cfi_startproc
	.cfi_undefined lr
	usr_entry
	mov	r0, sp
	bl	\handler
	b	ret_to_user
	.cfi_endproc
	.endm
	usr_exception vector_dabt, do_DataAbort
	usr_exception vector_pabt, do_PrefetchAbort
	usr_exception vector_und, do_undefinstr

/*
 * arch/arm/kernel/entry-common.S: vector_swi @ v4.14, EABI only: "svc #0"
 * with the number in r7 and up to six arguments in r0-r5.  The user's
 * registers go to task_pt_regs() (ORIG_r0 keeps the first argument);
 * arm_syscall() runs with interrupts on and leaves the result in
 * regs->ARM_r0.  An SVC from the kernel is a bug (do_unexpected_svc).
 */
	.globl	vector_swi
vector_swi:
	sub	sp, sp, #S_FRAME_SIZE
	stmia	sp, {r0 - r12}
	mrs	r8, spsr
	tst	r8, #0x0f
	bne	1f
	add	r9, sp, #S_SP
	stmia	r9, {sp, lr}^			@ the user's sp and lr
	str	lr, [sp, #S_PC]
	str	r8, [sp, #S_PSR]
	str	r0, [sp, #S_OLD_R0]
	cpsie	i
	mov	r0, sp
	bl	arm_syscall
	b	ret_to_user
1:	ldmia	sp, {r0 - r12}
	add	sp, sp, #S_FRAME_SIZE
	b	vector_swi_kernel

/*
 * arch/arm/kernel/entry-common.S: ret_to_user @ v4.14: the work due
 * before user mode (a reschedule, a fatal signal: do_work_pending(),
 * which returns with interrupts off), then the user's registers back
 * -- LDM ^ loads the user bank's sp and lr -- and MOVS to user mode.
 */
	.globl	ret_to_user
ret_to_user:
	mov	r0, sp
	bl	do_work_pending
	ldr	r1, [sp, #S_PSR]
	ldr	lr, [sp, #S_PC]
	msr	spsr_cxsf, r1
	clrex
	ldmia	sp, {r0 - lr}^
	nop					@ no banked register access right after LDM ^
	add	sp, sp, #S_FRAME_SIZE
	movs	pc, lr
	.ltorg

vector_rst:
vector_addrexcptn:
	msr	cpsr_c, #(PSR_I_BIT | PSR_F_BIT | SVC_MODE)
	ldr	sp, =init_thread_union + 1024	@ whatever was there is lost
	mov	r0, #0
	mov	r1, #BAD_RESET
	bl	bad_mode
1:	wfi
	b	1b
	.ltorg

/*
 * arch/arm/kernel/entry-armv.S: __switch_to @ v4.14.
 * r0 = previous task_struct, r1 = its thread_info, r2 = the next one's.
 * The previous task's callee-saved registers, sp and lr go to its
 * thread_info->cpu_context; the next one's come back from there and it
 * resumes where it called __switch_to itself (in __schedule()) -- or,
 * a new task, at ret_from_fork.  Returns the previous task in r0, on the
 * next task's stack.  CLREX: an exclusive monitor the previous task left
 * open must not let the next one's STREX succeed.
 */
	.text
	.globl	__switch_to
	.type	__switch_to, %function
__switch_to:
	add	ip, r1, #TI_CPU_SAVE
	stmia	ip, {r4 - sl, fp}
	str	sp, [ip, #32]
	str	lr, [ip, #36]
	clrex
	ldr	r3, [r2, #TI_TP_VALUE]		@ the next task's TLS pointer (set_tls)
	mcr	p15, 0, r3, c13, c0, 3		@ TPIDRURO: user-readable, written by the kernel only
	add	ip, r2, #TI_CPU_SAVE
	ldmia	ip, {r4 - sl, fp}
	ldr	sp, [ip, #32]
	ldr	pc, [ip, #36]
	.size	__switch_to, . - __switch_to

/*
 * arch/arm/kernel/entry-common.S: ret_from_fork @ v4.14: the switch is
 * finished (schedule_tail(prev)); a forked process (r4 = 0) returns to
 * user mode with its parent's registers.  For a kernel thread,
 * copy_thread() left the function in r4 and its argument in r5.
 * If it returns 0 having become a user process (kernel_execve()), it
 * goes to user mode, as Linux's init does; otherwise it exits with what
 * it returned.
 */
	.globl	ret_from_fork
	.type	ret_from_fork, %function
ret_from_fork:
	bl	schedule_tail
	cmp	r4, #0				@ a forked process: its parent's registers, r0 = 0
	beq	ret_to_user
	mov	r0, r5
	blx	r4
	cmp	r0, #0				@ 0, and an mm: a successful execve()
	bne	1f
	bl	kthread_became_user
	cmp	r0, #0
	bne	ret_to_user			@ task_pt_regs() = sp: start_thread()'s registers
	mov	r0, #0
1:	bl	do_exit
	.size	ret_from_fork, . - ret_from_fork
