/* SPDX-License-Identifier: GPL-2.0 */
/*
 * lib/memcpy.S: arch/arm/lib/memcpy.S @ v4.14 in spirit (our own code):
 * the kernel's memcpy(), which picolibc's would otherwise be.  When the
 * source and the destination are equally aligned it moves 32 bytes a
 * turn with one 8-register LDM and one STM (ARM ARM A8.8.58, A8.8.199):
 *
 *   dst ... [bytes to a word boundary][32-byte LDM/STMs ...][words][bytes]
 *
 * When they are not, it still moves a word a turn, as Linux's
 * copy_template.S does with its pull/push shifts: no word is loaded from
 * or stored to a misaligned address -- SCTLR.A is 0, so a misaligned LDR
 * would work, but as several accesses, and LDM/STM never may (ARM ARM
 * A3.2.1) -- each word stored is the top of one aligned source word and
 * the bottom of the next (LSR, then ORR with LSL, ARM ARM A8.4.1),
 * little-endian:
 *
 *   source words  | x x a b | c d e f | g h ...     (k = 2 bytes in)
 *   stored words            | a b c d | e f g h | ...
 *
 * The first and the last aligned word it loads may hold bytes before the
 * source's start or past its end; an aligned word never straddles a
 * page, so those reads cannot fault.
 *
 * void *memcpy(void *dst, const void *src, size_t n): r0 = dst (returned),
 * r1 = src, r2 = n; the areas must not overlap (memmove's job).
 */
	.syntax unified
	.arm
	.text
	.align	2
	.global	memcpy
	.type	memcpy, %function
memcpy:
	mov	r3, r0			@ r3: where the next byte goes; r0 is returned
	cmp	r2, #16
	blo	.Lbytes			@ short: byte by byte
	eor	r12, r0, r1
	tst	r12, #3
	bne	.Lshifted		@ never both word-aligned at once
.Lalign:
	tst	r3, #3			@ at most 3 bytes to a word boundary (src's too)
	beq	.Lwords_aligned
	ldrb	r12, [r1], #1
	strb	r12, [r3], #1
	sub	r2, r2, #1
	b	.Lalign
.Lwords_aligned:			@ r2 >= 13 here
	push	{r4-r10}
	subs	r2, r2, #32
	blo	.Lldm_done
.Lldm:
	ldmia	r1!, {r4-r10, r12}	@ 32 bytes
	stmia	r3!, {r4-r10, r12}
	subs	r2, r2, #32
	bhs	.Lldm
.Lldm_done:
	add	r2, r2, #32		@ 0..31 left
	pop	{r4-r10}
.Lwords:
	subs	r2, r2, #4
	ldrhs	r12, [r1], #4
	strhs	r12, [r3], #4
	bhs	.Lwords
	add	r2, r2, #4		@ 0..3 left
.Lbytes:
	subs	r2, r2, #1
	ldrbhs	r12, [r1], #1
	strbhs	r12, [r3], #1
	bhs	.Lbytes
	bx	lr
.Lshifted:				@ r2 >= 16: dst to a word boundary first
	tst	r3, #3
	beq	.Lshifted_aligned
	ldrb	r12, [r1], #1
	strb	r12, [r3], #1
	sub	r2, r2, #1
	b	.Lshifted
.Lshifted_aligned:			@ r2 >= 13; src is k = 1..3 bytes into a word
	push	{r4-r6}
	and	r12, r1, #3
	bic	r1, r1, #3
	mov	r12, r12, lsl #3	@ r12: 8k, what the older word is shifted down by
	rsb	r6, r12, #32		@ r6: 32 - 8k, what the newer word is shifted up by
	ldr	r4, [r1], #4		@ r4: the aligned word holding the next byte
	subs	r2, r2, #4
.Lshifted_words:
	ldr	r5, [r1], #4
	mov	r4, r4, lsr r12
	orr	r4, r4, r5, lsl r6
	str	r4, [r3], #4
	mov	r4, r5
	subs	r2, r2, #4
	bhs	.Lshifted_words
	add	r2, r2, #4		@ 0..3 left, from k bytes into the word in r4
	sub	r1, r1, #4
	add	r1, r1, r12, lsr #3
	pop	{r4-r6}
	b	.Lbytes
	.size	memcpy, . - memcpy
