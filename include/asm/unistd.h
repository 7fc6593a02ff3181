/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_UNISTD_H
#define _ASM_UNISTD_H

/*
 * arch/arm/tools/syscall.tbl @ v4.14: the EABI numbers of the system
 * calls a9mm knows (r7 at "svc #0").  user/include/sys/syscall.h has
 * the same numbers for the programs.
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
#define __NR_clock_gettime 263
#define __NR_exit_group	   248
#define __NR_openat	   322
#define NR_syscalls	   400
#define __ARM_NR_set_tls   0xf0005 /* __ARM_NR_BASE + 5 */

#endif
