/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _UAPI_ASM_UNISTD_H
#define _UAPI_ASM_UNISTD_H

/*
 * arch/arm/include/uapi/asm/unistd.h @ v4.14 + arch/arm/tools/syscall.tbl:
 * the EABI numbers of the system calls a9mm knows (r7 at "svc #0"; an
 * EABI kernel adds no 0x900000 base).  One list for both sides, as
 * Linux's uapi headers are: the kernel's table (kernel/syscall.c, through
 * asm/unistd.h) and the programs (user/include/sys/syscall.h, built with
 * -Iinclude/uapi).
 */
#define __NR_exit	   1
#define __NR_fork	   2
#define __NR_read	   3
#define __NR_write	   4
#define __NR_open	   5
#define __NR_close	   6
#define __NR_execve	   11
#define __NR_lseek	   19
#define __NR_getpid	   20
#define __NR_kill	   37
#define __NR_brk	   45
#define __NR_getppid	   64
#define __NR_getrusage	   77
#define __NR_munmap	   91
#define __NR_wait4	   114
#define __NR_clone	   120
#define __NR_uname	   122
#define __NR_mprotect	   125
#define __NR_sched_yield   158
#define __NR_nanosleep	   162
#define __NR_mmap2	   192
#define __NR_fstat64	   197
#define __NR_getdents64	   217
#define __NR_madvise	   220
#define __NR_exit_group	   248
#define __NR_clock_gettime 263
#define __NR_openat	   322

/*
 * ARM's private calls: arm_syscall() (arch/arm/kernel/traps.c) answers
 * 0xf0000 up; 0xf0000..0xf07ff return -ENOSYS when not implemented
 */
#define __ARM_NR_BASE	 0x0f0000
#define __ARM_NR_set_tls (__ARM_NR_BASE + 5)

#endif
