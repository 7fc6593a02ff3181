// SPDX-License-Identifier: GPL-2.0
/*
 * The system-call layer: the C functions a program calls, each one
 * `svc #0` (syscall_arch.h) with Linux's number and argument order for
 * ARM EABI, then -errno turned into errno (Linux's numbering translated
 * to picolibc's, errno.c) and -1.
 *
 * Where picolibc's types differ from the kernel's, the wrapper converts:
 * open()'s flags (newlib's bit values, not Linux's), fstat()'s struct
 * stat (the kernel fills ARM's struct stat64), nanosleep()'s timespec
 * (64-bit time_t here, two longs for the kernel's nanosleep).  That is the
 * job a Linux libc does in its headers, done here once.
 */
#include <limits.h>
#include "internal.h"
#include "syscall_arch.h"

/**
 * __syscall_ret() - a raw result as C sees it
 * @r: what the kernel left in r0
 *
 * Return: @r, or -1 with errno set when @r is -errno (-4095..-1).
 */
long __syscall_ret(long r)
{
	if (__IS_ERR_VALUE(r)) {
		errno = __errno_from_linux((int)-r);
		return -1;
	}
	return r;
}

/**
 * syscall() - any system call by number, as glibc's syscall(2)
 * @number: Linux's number (sys/syscall.h)
 * @...: up to six long arguments (r0..r5)
 *
 * Return: the call's result, or -1 with errno set.
 */
long syscall(long number, ...)
{
	va_list ap;
	long a[6];

	va_start(ap, number);
	for (int i = 0; i < 6; i++)
		a[i] = va_arg(ap, long);
	va_end(ap);
	return __syscall_ret(__syscall6(number, a[0], a[1], a[2], a[3], a[4], a[5]));
}

/*
 * open() flags: picolibc's <fcntl.h> (newlib's values) against Linux ARM's
 * (arch/arm/include/uapi/asm/fcntl.h and asm-generic/fcntl.h @ v6.1).
 * O_RDONLY/O_WRONLY/O_RDWR are 0/1/2 on both.
 */
static const struct {
	int libc, linux;
} open_flags[] = {
	{ O_CREAT, 00000100 },	{ O_EXCL, 00000200 },	   { O_NOCTTY, 00000400 },
	{ O_TRUNC, 00001000 },	{ O_APPEND, 00002000 },	   { O_NONBLOCK, 00004000 },
	{ O_SYNC, 04010000 },	{ O_DIRECTORY, 00040000 }, { O_NOFOLLOW, 00100000 },
	{ O_DIRECT, 00200000 }, { O_CLOEXEC, 02000000 },
};

static int linux_open_flags(int flags)
{
	int out = flags & O_ACCMODE;

	flags &= ~O_ACCMODE;
	for (size_t i = 0; i < ARRAY_SIZE(open_flags); i++) {
		if (flags & open_flags[i].libc) {
			out |= open_flags[i].linux;
			flags &= ~open_flags[i].libc;
		}
	}
	return flags ? -1 : out; /* a bit neither side names: refuse it */
}

/* open()'s and openat()'s Linux flags and mode, or -1 with errno EINVAL */
static int open_args(int flags, va_list ap, mode_t *mode)
{
	int lflags = linux_open_flags(flags);

	*mode = (flags & O_CREAT) ? va_arg(ap, mode_t) : 0;
	if (lflags < 0)
		errno = EINVAL;
	return lflags;
}

/**
 * openat() - open a file relative to a directory (openat 322)
 * @dirfd: a directory's descriptor, or AT_FDCWD
 * @path: the file
 * @flags: picolibc's O_ flags
 * @...: the mode_t, when @flags has O_CREAT
 *
 * Return: a descriptor, or -1 with errno set (EINVAL for a flag Linux lacks).
 */
int openat(int dirfd, const char *path, int flags, ...)
{
	mode_t mode;
	va_list ap;
	int lflags;

	va_start(ap, flags);
	lflags = open_args(flags, ap, &mode);
	va_end(ap);
	if (lflags < 0)
		return -1;
	if (dirfd == AT_FDCWD) /* picolibc's -2; Linux's is -100 */
		dirfd = -100;
	return __syscall_ret(__syscall4(__NR_openat, dirfd, (long)path, lflags, mode));
}

/**
 * open() - open a file (open 5)
 * @path: the file
 * @flags: picolibc's O_ flags
 * @...: the mode_t, when @flags has O_CREAT
 *
 * Return: a descriptor, or -1 with errno set.
 */
int open(const char *path, int flags, ...)
{
	mode_t mode;
	va_list ap;
	int lflags;

	va_start(ap, flags);
	lflags = open_args(flags, ap, &mode);
	va_end(ap);
	if (lflags < 0)
		return -1;
	return __syscall_ret(__syscall3(__NR_open, (long)path, lflags, mode));
}

/**
 * read() - read from a descriptor (read 3)
 * @fd: the descriptor
 * @buf: where to
 * @count: at most this many bytes
 *
 * Return: bytes read (0 at the end), or -1 with errno set.
 */
ssize_t read(int fd, void *buf, size_t count)
{
	return __syscall_ret(__syscall3(__NR_read, fd, (long)buf, count));
}

/**
 * write() - write to a descriptor (write 4)
 * @fd: the descriptor
 * @buf: from where
 * @count: this many bytes
 *
 * Return: bytes written, or -1 with errno set.
 */
ssize_t write(int fd, const void *buf, size_t count)
{
	return __syscall_ret(__syscall3(__NR_write, fd, (long)buf, count));
}

/**
 * close() - close a descriptor (close 6)
 * @fd: the descriptor
 *
 * Return: 0, or -1 with errno set.
 */
int close(int fd)
{
	return __syscall_ret(__syscall1(__NR_close, fd));
}

/**
 * lseek() - move a descriptor's offset (lseek 19: 32-bit offsets)
 * @fd: the descriptor
 * @offset: where to, from @whence
 * @whence: SEEK_SET, SEEK_CUR or SEEK_END (0, 1, 2 on both sides)
 *
 * Return: the new offset, or -1 with errno set.
 */
off_t lseek(int fd, off_t offset, int whence)
{
	return __syscall_ret(__syscall3(__NR_lseek, fd, offset, whence));
}

/**
 * getpid() - this process's id (getpid 20)
 *
 * Return: the PID.
 */
pid_t getpid(void)
{
	return __syscall0(__NR_getpid);
}

/**
 * getppid() - the parent's id (getppid 64)
 *
 * Return: the parent's PID (1 once the parent has gone: init adopts).
 */
pid_t getppid(void)
{
	return __syscall0(__NR_getppid);
}

/**
 * fork() - a copy of this process (fork 2)
 *
 * The child's memory is the parent's, shared copy-on-write: the kernel's
 * dup_mmap() write-protects both sides and the first write to a page
 * faults into do_wp_page().  stdout is flushed first, so a line still in
 * its buffer is not printed twice.
 *
 * Return: the child's PID in the parent, 0 in the child, -1 on failure.
 */
pid_t fork(void)
{
	fflush(stdout);
	return __syscall_ret(__syscall0(__NR_fork));
}

/**
 * sys_clone() - clone 120 in ARM's argument order (CLONE_BACKWARDS)
 * @flags: CLONE_* bits and the exit signal in the low byte
 * @stack: the child's stack pointer, or NULL for the parent's
 * @parent_tid: CLONE_PARENT_SETTID's target
 * @tls: CLONE_SETTLS's thread pointer
 * @child_tid: CLONE_CHILD_SETTID/CLEARTID's target
 *
 * sys_clone(SIGCHLD, NULL, NULL, 0, NULL) is a fork, as glibc's fork()
 * makes it.  With a NULL @stack the child returns here on a copy of the
 * parent's stack, so nothing is pushed between the call and the check.
 *
 * Return: the child's PID in the parent, 0 in the child, -1 on failure.
 */
long sys_clone(unsigned long flags, void *stack, int *parent_tid, unsigned long tls, int *child_tid)
{
	fflush(stdout);
	return __syscall_ret(
		__syscall5(__NR_clone, flags, (long)stack, (long)parent_tid, tls, (long)child_tid));
}

/**
 * execve() - run another program in this process (execve 11)
 * @path: the ELF file
 * @argv: its arguments, NULL-terminated
 * @envp: its environment, NULL-terminated
 *
 * Return: only on failure: -1 with errno set.
 */
int execve(const char *path, char *const argv[], char *const envp[])
{
	fflush(stdout);
	return __syscall_ret(__syscall3(__NR_execve, (long)path, (long)argv, (long)envp));
}

/**
 * wait4() - wait for a child and collect its status and usage (wait4 114)
 * @pid: the child, or -1 for any
 * @status: where its wait status goes (WIFEXITED()... decode it), or NULL
 * @options: WNOHANG (1) and friends
 * @rusage: where the child's resource usage goes (its ru_minflt...), or NULL
 *
 * Return: the child's PID (0 with WNOHANG and none ready), or -1 with errno.
 */
pid_t wait4(pid_t pid, int *status, int options, struct rusage *rusage)
{
	return __syscall_ret(__syscall4(__NR_wait4, pid, (long)status, options, (long)rusage));
}

/**
 * waitpid() - wait4() without the usage
 * @pid: the child, or -1 for any
 * @status: where its wait status goes, or NULL
 * @options: WNOHANG and friends
 *
 * Return: as wait4().
 */
pid_t waitpid(pid_t pid, int *status, int options)
{
	return wait4(pid, status, options, NULL);
}

/**
 * wait() - wait for any child
 * @status: where its wait status goes, or NULL
 *
 * Return: as wait4().
 */
pid_t wait(int *status)
{
	return wait4(-1, status, 0, NULL);
}

/**
 * kill() - send a signal (kill 37)
 * @pid: the process (0: this group, -1: everyone allowed)
 * @sig: Linux's signal number (ulib.h fixes picolibc's), 0 only checks
 *
 * Return: 0, or -1 with errno set.
 */
int kill(pid_t pid, int sig)
{
	return __syscall_ret(__syscall2(__NR_kill, pid, sig));
}

/**
 * getrusage() - resource usage: fault counts, times (getrusage 77)
 * @who: RUSAGE_SELF or RUSAGE_CHILDREN (the waited-for ones)
 * @usage: Linux's struct rusage
 *
 * Return: 0, or -1 with errno set.
 */
int getrusage(int who, struct rusage *usage)
{
	return __syscall_ret(__syscall2(__NR_getrusage, who, (long)usage));
}

/**
 * uname() - the kernel's name and the machine's (uname 122)
 * @buf: filled with the six strings
 *
 * Return: 0, or -1 with errno set.
 */
int uname(struct utsname *buf)
{
	return __syscall_ret(__syscall1(__NR_uname, (long)buf));
}

/**
 * sched_yield() - let another runnable task have this CPU (sched_yield 158)
 *
 * Return: 0.
 */
int sched_yield(void)
{
	return __syscall_ret(__syscall0(__NR_sched_yield));
}

/* the kernel's 32-bit timespec (old_timespec32): nanosleep 162 takes it */
struct old_timespec32 {
	long tv_sec;
	long tv_nsec;
};

/**
 * nanosleep() - sleep (nanosleep 162)
 * @req: how long (picolibc's timespec, 64-bit seconds; over 2^31 s is
 *       capped at INT_MAX: the kernel's call takes 32 bits)
 * @rem: if interrupted, what was left; or NULL
 *
 * Return: 0, or -1 with errno set (EINVAL for a bad tv_nsec, EINTR).
 */
int nanosleep(const struct timespec *req, struct timespec *rem)
{
	struct old_timespec32 k = { 0 }, left = { 0 };
	long r;

	if (req) {
		k.tv_sec = req->tv_sec > INT_MAX ? INT_MAX : (long)req->tv_sec;
		k.tv_nsec = req->tv_nsec;
	}
	r = __syscall2(__NR_nanosleep, req ? (long)&k : 0, rem ? (long)&left : 0);
	if (rem) {
		rem->tv_sec = left.tv_sec;
		rem->tv_nsec = left.tv_nsec;
	}
	return __syscall_ret(r);
}

/**
 * clock_gettime() - read a clock (clock_gettime 263, 32-bit timespec)
 * @clock_id: Linux's CLOCK_* (ulib.h: picolibc's time.h leaves them out)
 * @tp: where the time goes
 *
 * Return: 0, or -1 with errno set (EINVAL for a clock the kernel does
 * not keep, EFAULT).
 */
int clock_gettime(clockid_t clock_id, struct timespec *tp)
{
	struct old_timespec32 k;
	long r = __syscall2(__NR_clock_gettime, (long)clock_id, tp ? (long)&k : 0);

	if (r == 0) {
		tp->tv_sec = k.tv_sec;
		tp->tv_nsec = k.tv_nsec;
	}
	return __syscall_ret(r);
}

/*
 * ARM EABI's struct stat64, arch/arm/include/uapi/asm/stat.h @ v6.1: 104
 * bytes, 64-bit fields at 8-byte offsets (EABI aligns long long to 8).
 */
struct stat64 {
	unsigned long long st_dev;
	unsigned char __pad0[4];
	unsigned long __st_ino;
	unsigned int st_mode;
	unsigned int st_nlink;
	unsigned long st_uid;
	unsigned long st_gid;
	unsigned long long st_rdev;
	unsigned char __pad3[4];
	long long st_size;
	unsigned long st_blksize;
	unsigned long long st_blocks;
	unsigned long st_atime_;
	unsigned long st_atime_nsec;
	unsigned long st_mtime_;
	unsigned long st_mtime_nsec;
	unsigned long st_ctime_;
	unsigned long st_ctime_nsec;
	unsigned long long st_ino;
};
_Static_assert(sizeof(struct stat64) == 104, "ARM EABI stat64 is 104 bytes");
_Static_assert(offsetof(struct stat64, st_size) == 48, "ARM EABI stat64.st_size at 48");

/**
 * fstat() - a file's type, size and times (fstat64 197)
 * @fd: the descriptor
 * @st: picolibc's struct stat, converted from the kernel's stat64
 *
 * Return: 0, or -1 with errno set (EOVERFLOW for a size off_t cannot hold).
 */
int fstat(int fd, struct stat *st)
{
	struct stat64 k;
	long r = __syscall2(__NR_fstat64, fd, (long)&k);

	if (__IS_ERR_VALUE(r))
		return __syscall_ret(r);
	if (k.st_size > LONG_MAX) {
		errno = EOVERFLOW;
		return -1;
	}
	memset(st, 0, sizeof(*st));
	st->st_dev = k.st_dev;
	st->st_ino = k.st_ino;
	st->st_mode = k.st_mode;
	st->st_nlink = k.st_nlink;
	st->st_uid = k.st_uid;
	st->st_gid = k.st_gid;
	st->st_rdev = k.st_rdev;
	st->st_size = k.st_size;
	st->st_blksize = k.st_blksize;
	st->st_blocks = k.st_blocks;
	st->st_atim.tv_sec = k.st_atime_;
	st->st_atim.tv_nsec = k.st_atime_nsec;
	st->st_mtim.tv_sec = k.st_mtime_;
	st->st_mtim.tv_nsec = k.st_mtime_nsec;
	st->st_ctim.tv_sec = k.st_ctime_;
	st->st_ctim.tv_nsec = k.st_ctime_nsec;
	return 0;
}

/**
 * getdents64() - a directory's entries (getdents64 217)
 * @fd: the directory, opened O_DIRECTORY
 * @dirp: a buffer of struct linux_dirent64 records
 * @count: its size
 *
 * Return: bytes filled (0 at the end), or -1 with errno set.
 */
ssize_t getdents64(int fd, void *dirp, size_t count)
{
	return __syscall_ret(__syscall3(__NR_getdents64, fd, (long)dirp, count));
}

/**
 * mmap() - map memory or a file (mmap2 192)
 * @addr: a hint, or the address with MAP_FIXED
 * @length: bytes (rounded up to pages by the kernel)
 * @prot: PROT_READ|PROT_WRITE|PROT_EXEC or PROT_NONE
 * @flags: MAP_PRIVATE or MAP_SHARED, MAP_ANONYMOUS, MAP_FIXED...
 * @fd: the file, or -1
 * @offset: where in the file, bytes; mmap2 takes it in 4096-byte units,
 *          so it must be a multiple of 4096
 *
 * Nothing is allocated yet: the kernel only records a VMA, and each page
 * arrives at its first touch, by page fault.
 *
 * Return: the mapping's address, or MAP_FAILED with errno set.
 */
void *mmap(void *addr, size_t length, int prot, int flags, int fd, off_t offset)
{
	long r;

	if (offset & 4095) {
		errno = EINVAL;
		return MAP_FAILED;
	}
	r = __syscall6(__NR_mmap2, (long)addr, length, prot, flags, fd,
		       (unsigned long)offset >> 12);
	if (__IS_ERR_VALUE(r)) {
		errno = __errno_from_linux((int)-r);
		return MAP_FAILED;
	}
	return (void *)r;
}

/**
 * munmap() - unmap a range (munmap 91)
 * @addr: page-aligned start
 * @length: bytes
 *
 * Return: 0, or -1 with errno set.
 */
int munmap(void *addr, size_t length)
{
	return __syscall_ret(__syscall2(__NR_munmap, (long)addr, length));
}

/**
 * mprotect() - change a range's protection (mprotect 125)
 * @addr: page-aligned start
 * @length: bytes
 * @prot: PROT_* bits
 *
 * Return: 0, or -1 with errno set.
 */
int mprotect(void *addr, size_t length, int prot)
{
	return __syscall_ret(__syscall3(__NR_mprotect, (long)addr, length, prot));
}

/**
 * madvise() - advice about a range (madvise 220)
 * @addr: page-aligned start
 * @length: bytes
 * @advice: MADV_DONTNEED drops the pages: the next touch faults in zeroes
 *
 * Return: 0, or -1 with errno set.
 */
int madvise(void *addr, size_t length, int advice)
{
	return __syscall_ret(__syscall3(__NR_madvise, (long)addr, length, advice));
}

/**
 * brk() - set the end of the data segment (brk 45)
 * @addr: the new end
 *
 * The kernel's brk returns the break it ended with: @addr on success, the
 * old one when it refused.
 *
 * Return: 0, or -1 with errno ENOMEM.
 */
int brk(void *addr)
{
	unsigned long r = __syscall1(__NR_brk, (long)addr);

	if (r != (unsigned long)addr) {
		errno = ENOMEM;
		return -1;
	}
	return 0;
}

unsigned long __heap_start, __heap_end;

/**
 * sbrk() - grow or shrink the brk heap by @incr bytes
 * @incr: bytes to add (negative: give back)
 *
 * picolibc's malloc grows its heap with this.  The first call asks the
 * kernel where the break is (brk(0): just above the program's .bss, on a
 * page boundary, as Linux's load_elf_binary() sets it).
 *
 * Return: the old end of the heap (where the new bytes start), or
 * (void *)-1 with errno ENOMEM.
 */
void *sbrk(ptrdiff_t incr)
{
	unsigned long old, want;

	if (!__heap_start) {
		__heap_start = __syscall1(__NR_brk, 0);
		__heap_end = __heap_start;
	}
	old = __heap_end;
	want = old + incr;
	if ((incr > 0 && want < old) || (incr < 0 && want > old) || want < __heap_start) {
		errno = ENOMEM;
		return (void *)-1;
	}
	if (incr && brk((void *)want) < 0)
		return (void *)-1;
	__heap_end = want;
	return (void *)old;
}

/**
 * _exit() - end the process now (exit_group 248)
 * @status: the exit code its parent's wait4() sees (low 8 bits)
 *
 * exit() runs the atexit() handlers (stdout's flush among them) and then
 * comes here.  exit_group ends every thread of the process; exit (1) would
 * end only this one.
 */
void _exit(int status)
{
	for (;;)
		__syscall1(__NR_exit_group, status);
}

/**
 * getauxval() - a value from the auxiliary vector
 * @type: AT_PAGESZ, AT_HWCAP, AT_PHDR...
 *
 * The kernel's create_elf_tables() puts the vector above envp; start.c
 * remembers where.
 *
 * Return: the value, or 0 with errno ENOENT when the kernel gave none.
 */
unsigned long getauxval(unsigned long type)
{
	for (unsigned long *a = __auxv; a && a[0]; a += 2)
		if (a[0] == type)
			return a[1];
	errno = ENOENT;
	return 0;
}
