/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_FCNTL_H
#define _LINUX_FCNTL_H

/*
 * arch/arm/include/uapi/asm/fcntl.h + include/uapi/asm-generic/fcntl.h
 * @ v4.14: open()'s flags as an ARM process passes them (octal, as Linux
 * writes them; ARM moves O_DIRECTORY and O_NOFOLLOW).
 */
#define O_ACCMODE   00000003
#define O_RDONLY    00000000
#define O_WRONLY    00000001
#define O_RDWR	    00000002
#define O_CREAT	    00000100
#define O_EXCL	    00000200
#define O_NOCTTY    00000400
#define O_TRUNC	    00001000
#define O_APPEND    00002000
#define O_NONBLOCK  00004000
#define O_DIRECTORY 00040000
#define O_NOFOLLOW  00100000
#define O_LARGEFILE 00400000
#define O_CLOEXEC   02000000

/* include/uapi/linux/fcntl.h: AT_FDCWD @ v4.14 */
#define AT_FDCWD (-100)

/* include/uapi/linux/fs.h: SEEK_* @ v4.14 */
#define SEEK_SET 0
#define SEEK_CUR 1
#define SEEK_END 2

#endif
