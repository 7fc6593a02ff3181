/* SPDX-License-Identifier: GPL-2.0 */
/*
 * user/ktest-hello.S: the kernel's own smallest user program (the real
 * ones, with picolibc, are user/*.c): write(1, ...) a line naming its
 * argc, makes a system call that does not exist (300: -ENOSYS expected),
 * then exits with status 40 + argc.  Only svc #0 -- no C library --
 * so a kernel test depends on nothing but the system call ABI.
 */
	.syntax	unified
	.arm
	.text
	.globl	_start
_start:
	ldr	r4, [sp]		@ argc, from the kernel's stack layout
	add	r5, r4, #'0'
	ldr	r1, =digit
	strb	r5, [r1]		@ into .data: a writable page
	mov	r0, #1
	ldr	r1, =msg
	mov	r2, #msg_len
	mov	r7, #4			@ write
	svc	#0
	cmp	r0, #msg_len
	movne	r0, #99
	bne	1f
	mov	r7, #300		@ not a system call a9mm has
	svc	#0
	cmn	r0, #38			@ -ENOSYS
	movne	r0, #98
	bne	1f
	add	r0, r4, #40
1:	mov	r7, #1			@ exit
	svc	#0
	.ltorg

	.data
msg:	.ascii	"hello from user space, argc="
digit:	.ascii	"?\n"
	.set	msg_len, . - msg
