/* SPDX-License-Identifier: GPL-2.0 */
/*
 * _start: the first instruction of every a9mm user program.
 *
 * Linux's execve() (fs/binfmt_elf.c: load_elf_binary(), create_elf_tables()
 * @ v6.1) leaves the new program in user mode at its ELF entry with sp on
 * this, the ELF ABI's initial process stack (addresses grow upwards):
 *
 *   sp ->  argc
 *          argv[0] ... argv[argc-1]     pointers to the strings above
 *          NULL
 *          envp[0] ... envp[n-1]
 *          NULL
 *          auxv: (AT_PHDR, a) (AT_PAGESZ, 4096) ... (AT_NULL, 0)
 *          padding, AT_RANDOM's 16 bytes, "v7l" (AT_PLATFORM)
 *          the argument and environment strings
 *          the program's name (AT_EXECFN)
 *   STACK_TOP (0xbf000000 = TASK_SIZE, less a random offset unless
 *              randomisation is off)
 *
 * Every other register is zero except r0, which ELF_PLAT_INIT
 * (arch/arm/include/asm/elf.h) sets to 0: "no dynamic linker's fini to
 * register with atexit" -- a static program has none, so it is ignored.
 *
 * The C side (lib/start.c) reads the table from the pointer passed in r0.
 */
	.syntax	unified
	.arm
	.text
	.globl	_start
	.type	_start, %function
_start:
	.cfi_startproc
	.cfi_undefined lr		@ the outermost frame: GDB's backtrace stops
	mov	fp, #0
	mov	lr, #0
	mov	r0, sp			@ r0 = &argc
	bic	sp, sp, #7		@ AAPCS: sp 8-byte aligned at a call
	bl	__libc_start_main	@ never returns: it ends in exit()
	udf	#0
	.cfi_endproc
	.size	_start, . - _start

	/* No executable stack: see user.ld's PT_GNU_STACK */
	.section .note.GNU-stack, "", %progbits
