/* SPDX-License-Identifier: GPL-2.0 */
/*
 * user/ktest-fork.S: fork, wait4 and execve, svc-only.  The parent forks
 * a child that writes its line and exits with 5; the parent wait4()s for
 * it, checks the pid and the status (5 << 8) and getrusage(RUSAGE_CHILDREN)'s
 * maxrss, says so, then execve()s
 * /bin/ktest-hello with one argument -- whose exit status (42) ends it.
 * Any surprise exits with 90 and up.
 */
	.syntax	unified
	.arm
	.text
	.globl	_start
_start:
	mov	r7, #2			@ fork
	svc	#0
	cmp	r0, #0
	blt	fail_fork
	beq	child
	mov	r6, r0			@ the child's pid

	sub	sp, sp, #8		@ int status
	mvn	r0, #0			@ any child (-1)
	mov	r1, sp
	mov	r2, #0
	mov	r3, #0
	mov	r7, #114		@ wait4
	svc	#0
	cmp	r0, r6
	bne	fail_wait
	ldr	r0, [sp]
	cmp	r0, #0x500		@ exit(5)
	bne	fail_status
	add	sp, sp, #8

	mvn	r0, #0			@ no child left: -ECHILD
	mov	r1, #0
	mov	r2, #0
	mov	r3, #0
	mov	r7, #114
	svc	#0
	cmn	r0, #10
	bne	fail_echild

	sub	sp, sp, #72		@ struct rusage
	mvn	r0, #0			@ RUSAGE_CHILDREN: the child just reaped
	mov	r1, sp
	mov	r7, #77			@ getrusage
	svc	#0
	cmp	r0, #0
	bne	fail_rusage
	ldr	r0, [sp, #16]		@ ru_maxrss, kB: the child had pages
	cmp	r0, #0
	beq	fail_rusage
	mov	r0, #5			@ no such "who": -EINVAL
	mov	r1, sp
	svc	#0
	cmn	r0, #22
	bne	fail_rusage
	add	sp, sp, #72

	ldr	r1, =parent_msg
	mov	r2, #parent_len
	bl	print
	ldr	r0, =hello
	ldr	r1, =argv
	mov	r2, #0
	mov	r7, #11			@ execve
	svc	#0
	mov	r0, #94			@ execve returned
	b	exit

child:	ldr	r1, =child_msg
	mov	r2, #child_len
	bl	print
	mov	r0, #5
	b	exit

fail_fork:	mov	r0, #90
	b	exit
fail_wait:	mov	r0, #91
	b	exit
fail_status:	mov	r0, #92
	b	exit
fail_echild:	mov	r0, #93
	b	exit
fail_rusage:	mov	r0, #95
exit:	mov	r7, #1
	svc	#0

print:	mov	r0, #1
	mov	r7, #4
	svc	#0
	bx	lr
	.ltorg

	.data
child_msg:	.ascii	"child: hello\n"
	.set	child_len, . - child_msg
parent_msg:	.ascii	"parent: child exited 5\n"
	.set	parent_len, . - parent_msg
hello:	.asciz	"/bin/ktest-hello"
one:	.asciz	"one"
	.align	2
argv:	.long	hello, one, 0
