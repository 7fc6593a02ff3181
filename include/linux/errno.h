/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_ERRNO_H
#define _LINUX_ERRNO_H

/*
 * include/uapi/asm-generic/errno-base.h and errno.h @ v4.14: the error
 * numbers a9mm's functions return, negated, as Linux's do (-ENOMEM,
 * -EINVAL) -- and what a system call hands back to user space in r0.
 * Their values are the C library's too, so a host test may include both.
 */
#define EPERM	1  /* Operation not permitted */
#define ENOENT	2  /* No such file or directory */
#define ESRCH	3  /* No such process */
#define EINTR	4  /* Interrupted system call */
#define EIO	5  /* I/O error */
#define ENXIO	6  /* No such device or address */
#define E2BIG	7  /* Argument list too long */
#define ENOEXEC 8  /* Exec format error */
#define EBADF	9  /* Bad file number */
#define ECHILD	10 /* No child processes */
#define EAGAIN	11 /* Try again */
#define ENOMEM	12 /* Out of memory */
#define EACCES	13 /* Permission denied */
#define EFAULT	14 /* Bad address */
#define EBUSY	16 /* Device or resource busy */
#define EEXIST	17 /* File exists */
#define ENODEV	19 /* No such device */
#define ENOTDIR 20 /* Not a directory */
#define EISDIR	21 /* Is a directory */
#define EINVAL	22 /* Invalid argument */
#define ENFILE	23 /* File table overflow */
#define EMFILE	24 /* Too many open files */
#define ENOTTY	25 /* Not a typewriter */
#define ETXTBSY 26 /* Text file busy */
#define EFBIG	27 /* File too large */
#define ENOSPC	28 /* No space left on device */
#define ESPIPE	29 /* Illegal seek */
#define EROFS	30 /* Read-only file system */
#define EPIPE	32 /* Broken pipe */
#define ERANGE	34 /* Math result not representable */
/* Operation already in progress (kfree_checked(): the object is already free) */
#define EALREADY     114
#define ENOSYS	     38 /* Invalid system call number (a CPU that does not come up: boot_secondary()) */
#define ENAMETOOLONG 36 /* File name too long */
#define ELOOP	     40 /* Too many symbolic links encountered */
#define EOVERFLOW    75 /* Value too large for defined data type */
#define EOPNOTSUPP   95 /* Operation not supported on transport endpoint (a disk without rw_page) */
#define ETIMEDOUT    110 /* Connection timed out (a device that does not answer) */
#define ENOMEDIUM    123 /* No medium found (an empty card slot) */

/*
 * include/linux/errno.h @ v4.14: never seen by user space.  A system call
 * a signal interrupted returns one of these, and the way back to user
 * space (kernel/signal.c: do_signal()) turns it into a restart -- a9mm
 * has no signal handlers, so a signal that does not kill the task
 * (SIGSTOP, then SIGCONT) always restarts the call -- or into -EINTR.
 */
#define ERESTARTSYS	      512
#define ERESTARTNOINTR	      513
#define ERESTARTNOHAND	      514
#define ERESTART_RESTARTBLOCK 516

#endif
