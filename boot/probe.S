/* SPDX-License-Identifier: GPL-2.0 */
/*
 * boot/probe.S: int fault_try(void (*fn)(unsigned long), unsigned long arg)
 *
 * Calls fn(arg) with fault_fixup armed.  If fn takes an abort or an
 * undefined instruction, the exception handler reports it as usual and then
 * resumes at 1: below, which unwinds to fault_try's caller (like longjmp).
 * Returns 0 if fn returned normally, 1 if it faulted.  The shell's `fault`
 * and `md` commands and the in-kernel self-tests use it.
 *
 * fault_fixup and fault_try_sp are per-CPU variables (any CPU may probe at
 * the same time): their address here is the template's plus this CPU's
 * offset, which TPIDRPRW holds (asm/percpu.h).
 */
	.arm
	.text
	.globl	fault_try
	.type	fault_try, %function
fault_try:
	push	{r4-r11, lr}
	mrc	p15, 0, r4, c13, c0, 4		@ TPIDRPRW: this CPU's per-CPU offset
	ldr	r2, =fault_try_sp
	str	sp, [r2, r4]
	ldr	r2, =fault_fixup
	adr	r3, 1f
	str	r3, [r2, r4]
	mov	r3, r0
	mov	r0, r1
	blx	r3
	mrc	p15, 0, r4, c13, c0, 4
	ldr	r2, =fault_fixup
	mov	r0, #0
	str	r0, [r2, r4]
	pop	{r4-r11, pc}

	/* resumed here by die(), in SVC mode, with fault_fixup cleared */
1:	mrc	p15, 0, r4, c13, c0, 4
	ldr	r2, =fault_try_sp
	ldr	sp, [r2, r4]
	mov	r0, #1
	pop	{r4-r11, pc}
	.ltorg

	.section ".data..percpu", "aw"
	.align	2
fault_try_sp:
	.space	4
