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

/*
 * int __ram_probe_words(unsigned long va), for mm/ram_probe.c: does memory
 * at va keep what is written?  The 8-byte pair at va & ~7 gets a pattern
 * that depends on the address and, in the other word, its complement --
 * so a bus that floats and echoes the last value driven cannot pass --
 * then both are read back and the old values put back.  The DSB/ISB pairs
 * make each store complete, and any abort it causes be taken, before the
 * next step.  Returns 1 if both words came back.  May take an abort: the
 * caller runs it under fault_try().
 */
	.text
	.globl	__ram_probe_words
	.type	__ram_probe_words, %function
__ram_probe_words:
	push	{r4, r5}
	bic	r0, r0, #7
	ldr	r2, [r0]			@ what is there now
	ldr	r3, [r0, #4]
	ldr	r1, =0x5a5aa5a5
	eor	r1, r1, r0			@ the pattern, ...
	mvn	ip, r1				@ ... and its complement
	str	r1, [r0]
	str	ip, [r0, #4]
	dsb
	isb
	ldr	r4, [r0]
	ldr	r5, [r0, #4]
	str	r2, [r0]			@ restore
	str	r3, [r0, #4]
	dsb
	isb
	eor	r4, r4, r1			@ 0 if the pattern came back
	eor	r5, r5, ip
	orrs	r4, r4, r5
	moveq	r0, #1
	movne	r0, #0
	pop	{r4, r5}
	bx	lr
	.ltorg
