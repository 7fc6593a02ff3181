/* SPDX-License-Identifier: GPL-2.0 */
/*
 * lib/memcpy.S: arch/arm/lib/memcpy.S @ v4.14 in spirit (our own code):
 * the kernel's memcpy(), which picolibc's would otherwise be.  When the
 * source and the destination are equally aligned it moves 32 bytes a
 * turn with one 8-register LDM and one STM (ARM ARM A8.8.58, A8.8.199);
 * otherwise byte by byte -- a9mm runs with alignment checking on
 * (SCTLR.A), so a word may not be loaded from a misaligned address.
 *
 *   dst ... [bytes to a word boundary][32-byte LDM/STMs ...][words][bytes]
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
	bne	.Lbytes			@ never both word-aligned at once
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
	.size	memcpy, . - memcpy
