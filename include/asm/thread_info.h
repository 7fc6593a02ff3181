/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_THREAD_INFO_H
#define _ASM_THREAD_INFO_H

/*
 * arch/arm/include/asm/thread_info.h: the size of a CPU's kernel (SVC)
 * stack.  The boot CPU's is init_thread_union in head.S; each other CPU's
 * is a block of 2^THREAD_SIZE_ORDER pages from the page allocator, as
 * Linux's idle tasks get theirs.  The exception modes (abort, undefined,
 * IRQ) have their own smaller stacks, EXC_STACK_SIZE per CPU (head.S).
 */
#define THREAD_SIZE_ORDER 2
#define THREAD_SIZE	  (4096 << THREAD_SIZE_ORDER)
#define EXC_STACK_SIZE	  4096

#endif
