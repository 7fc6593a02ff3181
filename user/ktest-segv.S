/* SPDX-License-Identifier: GPL-2.0 */
/*
 * user/ktest-segv.S: a user program with a wild pointer -- it stores to
 * NULL (or, given an argument, writes to its own text): the kernel must
 * kill it with SIGSEGV and carry on.
 */
	.syntax	unified
	.arm
	.text
	.globl	_start
_start:
	ldr	r4, [sp]		@ argc
	mov	r0, #0
	cmp	r4, #1
	ldrne	r0, =_start		@ with an argument: its own (read-only) text
	mov	r1, #42
	str	r1, [r0]
	mov	r0, #0
	mov	r7, #1			@ exit(0): never reached
	svc	#0
	.ltorg
