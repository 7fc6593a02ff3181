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
 * Each handler builds a struct pt_regs on its mode's stack, with the sp
 * and lr of the interrupted mode, and calls C.  If C returns (a fault the
 * shell asked for, an ignored interrupt), the possibly edited registers
 * are restored and execution resumes at regs->ARM_pc.
 */
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
	.macro	vector_stub, name, correction, handler
	.type	\name, %function
\name:
	.if	\correction
	sub	lr, lr, #\correction
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
	.endm

	.section ".exception.text", "ax"
	vector_stub vector_und, 4, do_undefinstr
	vector_stub vector_swi, 0, do_unexpected_svc
	vector_stub vector_pabt, 4, do_PrefetchAbort
	vector_stub vector_dabt, 8, do_DataAbort
	vector_stub vector_irq, 4, do_unexpected_irq
	vector_stub vector_fiq, 4, do_unexpected_irq

vector_rst:
vector_addrexcptn:
	msr	cpsr_c, #(PSR_I_BIT | PSR_F_BIT | SVC_MODE)
	ldr	sp, =init_thread_union + 1024	@ whatever was there is lost
	bl	bad_mode
1:	wfi
	b	1b
	.ltorg
