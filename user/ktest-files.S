/* SPDX-License-Identifier: GPL-2.0 */
/*
 * user/ktest-files.S: two edges of the file calls, svc-only.
 *
 * 1. getdents64() into a file mapping nobody has touched yet: the
 *    records after "." and ".." land in its second page, whose fault
 *    (filemap_fault()) takes rootfs_lock -- the directory's walk must
 *    not hold it while it copies out.  /tmp-files is made two pages
 *    long by a write at 8191, so both pages are inside the file.
 * 2. A write far out in the file: lseek(SEEK_CUR) by 2^31 - 1 again and
 *    again (each result past 2^31 is -EOVERFLOW, the position moves
 *    all the same, as Linux's), until the position would pass
 *    MAX_LFS_FILESIZE (-EINVAL); a one-byte write there must fail with
 *    -ENOMEM (the page cache's array cannot reach it) or -EFBIG, and
 *    the kernel go on.
 *
 * Exit 0 when all is as expected; 90 and up name what was not.
 */
	.syntax	unified
	.arm
	.text
	.globl	_start
_start:
	ldr	r0, =path
	mov	r1, #0102		@ O_RDWR | O_CREAT
	ldr	r2, =0644
	mov	r7, #5			@ open
	svc	#0
	cmp	r0, #0
	blt	fail_open
	mov	r4, r0			@ the file

	ldr	r1, =8191
	mov	r2, #0			@ SEEK_SET
	mov	r7, #19			@ lseek
	svc	#0
	mov	r0, r4
	ldr	r1, =byte
	mov	r2, #1
	mov	r7, #4			@ write: the file is 8192 bytes now
	svc	#0
	cmp	r0, #1
	bne	fail_open

	mov	r0, #0
	mov	r1, #8192
	mov	r2, #3			@ PROT_READ | PROT_WRITE
	mov	r3, #2			@ MAP_PRIVATE
	mov	r5, #0			@ pgoff (the fd is r4)
	mov	r7, #192		@ mmap2
	svc	#0
	cmn	r0, #4096
	bhi	fail_mmap
	mov	r5, r0			@ the mapping, untouched

	ldr	r0, =bin
	mov	r1, #040000		@ O_RDONLY | O_DIRECTORY
	mov	r2, #0
	mov	r7, #5			@ open
	svc	#0
	cmp	r0, #0
	blt	fail_open
	add	r1, r5, #4096 - 48	@ "." and ".." (24 bytes each) end the first page
	mov	r2, #4096
	mov	r7, #217		@ getdents64
	svc	#0
	cmp	r0, #48			@ more than "." and "..": /bin has names
	ble	fail_getdents

	ldr	r6, =5000		@ at most this many seeks of the file (r4)
seek:	mov	r0, r4
	mvn	r1, #0x80000000		@ 2^31 - 1
	mov	r2, #1			@ SEEK_CUR
	mov	r7, #19			@ lseek
	svc	#0
	cmn	r0, #22			@ -EINVAL: the next would pass MAX_LFS_FILESIZE
	beq	far
	subs	r6, r6, #1
	bne	seek
	b	fail_seek
far:	mov	r0, r4
	ldr	r1, =byte
	mov	r2, #1
	mov	r7, #4			@ write
	svc	#0
	cmn	r0, #12			@ -ENOMEM
	cmnne	r0, #27			@ -EFBIG
	bne	fail_write
	mov	r0, #0
	b	exit

fail_open:	mov	r0, #90
	b	exit
fail_mmap:	mov	r0, #91
	b	exit
fail_getdents:	mov	r0, #92
	b	exit
fail_seek:	mov	r0, #93
	b	exit
fail_write:	mov	r0, #94
exit:	mov	r7, #1
	svc	#0
	.ltorg

	.data
path:	.asciz	"/tmp-files"
bin:	.asciz	"/bin"
byte:	.ascii	"x"
