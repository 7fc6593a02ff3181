/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_BINFMTS_H
#define _LINUX_BINFMTS_H

/* fs/exec.c: a kernel thread becomes a user process (include/linux/binfmts.h @ v4.14) */
int kernel_execve(const char *path, char *const argv[], char *const envp[]);

/* init/main.c: envp_init[], the environment of what the kernel starts */
extern char *envp_init[];

#endif
