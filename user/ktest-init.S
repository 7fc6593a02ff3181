/* SPDX-License-Identifier: GPL-2.0 */
/*
 * user/ktest-init.S: a tiny init for rdinit=, svc-only: says whether it
 * is pid 1, prints uname's sysname, sleeps 50 ms (nanosleep), reads one
 * key from the console and echoes it, then exits with status 7 -- which
 * a kernel must answer with "Attempted to kill init!".
 */
	.syntax	unified
	.arm
	.text
	.globl	_start
_start:
	mov	r7, #20			@ getpid
	svc	#0
	cmp	r0, #1
	ldreq	r1, =is_one
	ldrne	r1, =not_one
	mov	r2, #11
	bl	print

	sub	sp, sp, #392		@ struct new_utsname: 6 x 65 bytes
	mov	r0, sp
	mov	r7, #122		@ uname
	svc	#0
	mov	r1, sp
	mov	r2, #5			@ "Linux"
	bl	print
	ldr	r1, =nl
	mov	r2, #1
	bl	print
	add	sp, sp, #392

	ldr	r0, =fifty_ms
	mov	r1, #0
	mov	r7, #162		@ nanosleep
	svc	#0
	cmp	r0, #0
	bne	fail

	ldr	r1, =prompt
	mov	r2, #prompt_len
	bl	print
	mov	r0, #0
	ldr	r1, =key
	mov	r2, #1
	mov	r7, #3			@ read
	svc	#0
	cmp	r0, #1
	bne	fail
	ldr	r1, =got
	mov	r2, #got_len
	bl	print

	mov	r0, #7
	mov	r7, #1			@ exit
	svc	#0

fail:	mov	r0, #99
	mov	r7, #1
	svc	#0

print:	mov	r0, #1			@ write(1, r1, r2)
	mov	r7, #4
	svc	#0
	bx	lr
	.ltorg

	.data
is_one:	.ascii	"I am pid 1\n"
not_one: .ascii	"not pid 1!\n"
nl:	.ascii	"\n"
prompt:	.ascii	"press a key: "
	.set	prompt_len, . - prompt
got:	.ascii	"got '"
key:	.ascii	"?'\n"
	.set	got_len, . - got
	.align	2
fifty_ms: .long	0, 50000000
