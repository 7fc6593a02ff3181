/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Linux's system call numbers for ARM EABI: the kernel's own list,
 * include/uapi/asm/unistd.h (user.mk puts include/uapi on the path), as
 * Linux's uapi headers reach its programs.
 */
#ifndef _UAPI_SYS_SYSCALL_H
#define _UAPI_SYS_SYSCALL_H

#include <asm/unistd.h>

long syscall(long number, ...);

#endif
