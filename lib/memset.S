/* SPDX-License-Identifier: GPL-2.0 */
/*
 * lib/memset.S: arch/arm/lib/memset.S @ v4.14 in spirit (our own code):
 * the kernel's memset(), which picolibc's would otherwise be.  picolibc's
 * stores a word a turn; this one stores 32 bytes a turn with one
 * 8-register STM (ARM ARM A8.8.199), as memmap_init_zone() stores a
 * struct page.  Boot zeroes a few hundred KiB (page tables, the per-CPU
 * areas, mem_map's padding, the pageblock bytes): at -m 128M that was
 * about 200 K of the 1.09 M instructions to the prompt.
 *
 *   dest ... [bytes to a word boundary][32-byte STMs ...][words][bytes]
 *
 * void *memset(void *s, int c, size_t n): r0 = s (returned), r1 = c, r2 = n.
 */
	.syntax unified
	.arm
	.text
	.align	2
	.global	memset
	.type	memset, %function
memset:
	mov	r3, r0			@ r3: where the next byte goes; r0 is returned
	and	r1, r1, #0xff
	orr	r1, r1, r1, lsl #8
	orr	r1, r1, r1, lsl #16	@ the byte in all four lanes
	cmp	r2, #16
	blo	.Lbytes			@ short: byte by byte
.Lalign:
	tst	r3, #3			@ at most 3 bytes to a word boundary
	beq	.Lwords_aligned
	strb	r1, [r3], #1
	sub	r2, r2, #1
	b	.Lalign
.Lwords_aligned:			@ r2 >= 13 here
	push	{r4-r9}
	mov	r4, r1
	mov	r5, r1
	mov	r6, r1
	mov	r7, r1
	mov	r8, r1
	mov	r9, r1
	mov	r12, r1
	subs	r2, r2, #32
	blo	.Lstm_done
.Lstm:
	stmia	r3!, {r1, r4-r9, r12}	@ 32 bytes
	subs	r2, r2, #32
	bhs	.Lstm
.Lstm_done:
	add	r2, r2, #32		@ 0..31 left
	pop	{r4-r9}
.Lwords:
	subs	r2, r2, #4
	strhs	r1, [r3], #4
	bhs	.Lwords
	add	r2, r2, #4		@ 0..3 left
.Lbytes:
	subs	r2, r2, #1
	strbhs	r1, [r3], #1
	bhs	.Lbytes
	bx	lr
	.size	memset, . - memset
