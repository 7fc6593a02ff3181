/* SPDX-License-Identifier: GPL-2.0 */
/*
 * user/ktest-sysfuzz.S: random system call numbers (0..511) with random
 * arguments, 20000 of them, svc-only -- the kernel must refuse what it
 * must and survive all of it.  Skipped: the calls that would end the
 * test, make more processes or wait for ever (exit, fork, read, execve,
 * kill, clone, nanosleep, exit_group).  The seed is argv[1]'s first
 * byte.  Exits 0.
 */
	.syntax	unified
	.arm
	.text
	.globl	_start
_start:
	ldr	r8, =0x1234567		@ the LCG state
	ldr	r0, [sp]
	cmp	r0, #2
	ldrge	r0, [sp, #8]		@ argv[1]
	ldrbge	r0, [r0]
	addge	r8, r8, r0
	ldr	r9, =20000		@ calls left
	ldr	r10, =1664525
	ldr	r11, =1013904223
loop:
	mla	r8, r10, r8, r11	@ next random word
	lsr	r7, r8, #23		@ the number: 0..511
	cmp	r7, #1
	beq	loop
	cmp	r7, #2
	beq	loop
	cmp	r7, #3
	beq	loop
	cmp	r7, #11
	beq	loop
	cmp	r7, #37
	beq	loop
	cmp	r7, #120
	beq	loop
	cmp	r7, #162
	beq	loop
	cmp	r7, #248
	beq	loop
	mla	r8, r10, r8, r11
	mov	r0, r8
	mla	r8, r10, r8, r11
	mov	r1, r8
	mla	r8, r10, r8, r11
	mov	r2, r8, lsr #20		@ sizes: up to 4095
	mla	r8, r10, r8, r11
	mov	r3, r8
	mov	r4, #0
	mov	r5, #0
	svc	#0
	subs	r9, r9, #1
	bne	loop
	mov	r0, #0
	mov	r7, #1
	svc	#0
	.ltorg
