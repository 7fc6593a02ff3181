/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ulib.h - what a9mm's user programs share.
 *
 * picolibc gives the C library (strings, printf, malloc); user/lib/ gives
 * what a bare-metal libc has no reason to know: Linux's system calls
 * (user/lib/syscalls.c), the start-up code (user/crt0.S, user/lib/start.c),
 * malloc's big blocks from mmap (user/lib/malloc.c), and small helpers
 * the demos share: reading /proc (proc.c), PASS/FAIL lines (check.c),
 * children and their wait statuses (child.c).
 */
#ifndef _ULIB_H
#define _ULIB_H

#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/auxv.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/types.h>
#include <sys/utsname.h>
#include <sys/wait.h>

/*
 * Signal numbers: picolibc's <signal.h> has newlib's generic ones, which
 * differ from Linux's above 8 (its SIGBUS is 10, SIGCHLD 20).  A libc's
 * numbers are the kernel's: Linux's arch/arm/include/uapi/asm/signal.h
 * @ v6.1.  (1-6, 8, 9, 11, 13-15 agree; the rest are set here.)
 */
#undef SIGBUS
#undef SIGUSR1
#undef SIGUSR2
#undef SIGSTKFLT
#undef SIGCHLD
#undef SIGCONT
#undef SIGSTOP
#undef SIGTSTP
#undef SIGTTIN
#undef SIGTTOU
#undef SIGURG
#undef SIGXCPU
#undef SIGXFSZ
#undef SIGVTALRM
#undef SIGPROF
#undef SIGWINCH
#undef SIGIO
#undef SIGPWR
#undef SIGSYS
#define SIGBUS	  7
#define SIGUSR1	  10
#define SIGUSR2	  12
#define SIGSTKFLT 16
#define SIGCHLD	  17
#define SIGCONT	  18
#define SIGSTOP	  19
#define SIGTSTP	  20
#define SIGTTIN	  21
#define SIGTTOU	  22
#define SIGURG	  23
#define SIGXCPU	  24
#define SIGXFSZ	  25
#define SIGVTALRM 26
#define SIGPROF	  27
#define SIGWINCH  28
#define SIGIO	  29
#define SIGPWR	  30
#define SIGSYS	  31

#define __printf(a, b) __attribute__((format(printf, a, b)))

/* Linux ARM's page: 4 KiB (the kernel also says so in AT_PAGESZ) */
#define PAGE_SIZE     4096UL
#define PAGE_ALIGN(x) (((x) + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1))
#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

/* --- system calls picolibc does not declare (user/lib/syscalls.c) --- */

/* getdents64()'s record, include/linux/dirent.h @ v6.1 */
struct linux_dirent64 {
	uint64_t d_ino;
	int64_t d_off;
	unsigned short d_reclen;
	unsigned char d_type;
	char d_name[];
};

#define DT_UNKNOWN 0
#define DT_CHR	   2
#define DT_DIR	   4
#define DT_REG	   8

int sched_yield(void);
int nanosleep(const struct timespec *req, struct timespec *rem);

/*
 * clock_gettime()'s clocks, include/uapi/linux/time.h's numbers (picolibc's
 * time.h declares neither the call nor these on bare metal, and numbers
 * its CLOCK_REALTIME as newlib does: 1)
 */
#undef CLOCK_REALTIME
#define CLOCK_REALTIME	0
#define CLOCK_MONOTONIC 1
int clock_gettime(clockid_t clock_id, struct timespec *tp);
pid_t wait4(pid_t pid, int *status, int options, struct rusage *rusage);
ssize_t getdents64(int fd, void *dirp, size_t count);
int openat(int dirfd, const char *path, int flags, ...);
int brk(void *addr);
long sys_clone(unsigned long flags, void *stack, int *parent_tid, unsigned long tls,
	       int *child_tid);
extern char **environ;

/* --- malloc's two sources (user/lib/malloc.c) --- */

/* Requests of at least this many bytes get their own mmap() */
extern size_t malloc_mmap_threshold;
/* The brk heap malloc has grown so far: [start, end) */
void malloc_heap_range(unsigned long *start, unsigned long *end);
/* True when @p came from mmap() rather than the brk heap */
bool malloc_is_mmapped(const void *p);

/* --- checks (user/lib/check.c) --- */

void check_begin(const char *program);
bool check(bool ok, const char *name, const char *fmt, ...) __printf(3, 4);
void skip(const char *name, const char *fmt, ...) __printf(2, 3);
void note(const char *fmt, ...) __printf(1, 2);
int check_end(void);

/* --- /proc from user space (user/lib/proc.c) --- */

struct vma {
	unsigned long start, end; /* [start, end) */
	char perms[5];		  /* "rw-p" */
	unsigned long pgoff;	  /* offset in the file, bytes */
	unsigned long inode;
	char path[64]; /* "" for an anonymous mapping, "[heap]", "/data/pages.bin" */
};

/* One VMA of /proc/PID/smaps: its maps line and its sizes, in kB */
struct smaps_vma {
	struct vma vma;
	long size, rss, pss;
	long shared_clean, shared_dirty, private_clean, private_dirty;
	long referenced, anonymous;
};

long proc_status_kb(const char *key);
long meminfo_kb(const char *key);
int maps_find(unsigned long addr, struct vma *out);
int maps_find_path(const char *path, struct vma *out);
int smaps_find(unsigned long addr, struct smaps_vma *out);
bool smaps_find_file(const void *p, const char *path, struct smaps_vma *out);
int proc_print(const char *path, const char *prefix);
bool under_qemu_user(void);
bool thp_always(void);

/* --- children (user/lib/child.c) --- */

pid_t spawn(int (*fn)(void *), void *arg);
int wait_child(pid_t pid, int *status, struct rusage *ru);
const char *status_str(int status);
const char *signame(int sig);
const char *linux_errname(int err);
long minflt(void);
void touch_pages(void *p, size_t len, int val);
unsigned long read_pages(const void *p, size_t len);
unsigned char file_byte(int fd, off_t off);

#endif
