// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/syscall.c: arch/arm/kernel/entry-common.S's system call table
 * and dispatch, and the work before returning to user mode
 * (arch/arm/kernel/signal.c: do_work_pending()) @ v4.14.
 *
 * ARM EABI: "svc #0", the number in r7, arguments in r0-r5, the result
 * (or -errno) back in r0.  The numbers are Linux's
 * (arch/arm/tools/syscall.tbl).  What a9mm does not implement yet
 * returns -ENOSYS and is logged once per number.
 */
#include <linux/console.h>
#include <linux/binfmts.h>
#include <linux/errno.h>
#include <linux/file.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/kernel.h>
#include <linux/mm_types.h>
#include <linux/resource.h>
#include <linux/sched.h>
#include <linux/sched_clock.h>
#include <linux/uaccess.h>
#include <asm/ptrace.h>
#include <asm/unistd.h>
#include <mach/vexpress.h>
#include <string.h>

/* kernel/exit.c: sys_exit() @ v4.14: the low 8 bits are the status wait4() reports */
static long sys_exit(struct pt_regs *regs)
{
	do_exit((regs->ARM_r0 & 0xff) << 8);
}

/*
 * The system calls implemented elsewhere, as the ARM EABI passes their
 * arguments: in r0..r5 (fs/ and mm/ have the C functions, Linux's).
 */
static long sys_read_regs(struct pt_regs *regs)
{
	return sys_read((unsigned int)regs->ARM_r0, regs->ARM_r1, regs->ARM_r2);
}

static long sys_write_regs(struct pt_regs *regs)
{
	return sys_write((unsigned int)regs->ARM_r0, regs->ARM_r1, regs->ARM_r2);
}

static long sys_open_regs(struct pt_regs *regs)
{
	return sys_open(regs->ARM_r0, (int)regs->ARM_r1, (unsigned int)regs->ARM_r2);
}

static long sys_openat_regs(struct pt_regs *regs)
{
	return sys_openat((int)regs->ARM_r0, regs->ARM_r1, (int)regs->ARM_r2,
			  (unsigned int)regs->ARM_r3);
}

static long sys_close_regs(struct pt_regs *regs)
{
	return sys_close((unsigned int)regs->ARM_r0);
}

static long sys_lseek_regs(struct pt_regs *regs)
{
	return sys_lseek((unsigned int)regs->ARM_r0, (long)regs->ARM_r1,
			 (unsigned int)regs->ARM_r2);
}

static long sys_fstat64_regs(struct pt_regs *regs)
{
	return sys_fstat64((unsigned int)regs->ARM_r0, regs->ARM_r1);
}

static long sys_getdents64_regs(struct pt_regs *regs)
{
	return sys_getdents64((unsigned int)regs->ARM_r0, regs->ARM_r1, (unsigned int)regs->ARM_r2);
}

static long sys_brk_regs(struct pt_regs *regs)
{
	return sys_brk(regs->ARM_r0);
}

static long sys_mmap2_regs(struct pt_regs *regs)
{
	return sys_mmap2(regs->ARM_r0, regs->ARM_r1, regs->ARM_r2, regs->ARM_r3, regs->ARM_r4,
			 regs->ARM_r5);
}

static long sys_munmap_regs(struct pt_regs *regs)
{
	return sys_munmap(regs->ARM_r0, regs->ARM_r1);
}

static long sys_mprotect_regs(struct pt_regs *regs)
{
	return sys_mprotect(regs->ARM_r0, regs->ARM_r1, regs->ARM_r2);
}

static long sys_madvise_regs(struct pt_regs *regs)
{
	return sys_madvise(regs->ARM_r0, regs->ARM_r1, (int)regs->ARM_r2);
}

/* include/uapi/linux/utsname.h: struct new_utsname @ v4.14 */
struct new_utsname {
	char sysname[65], nodename[65], release[65], version[65], machine[65], domainname[65];
};

/* kernel/sys.c: sys_newuname() @ v4.14 (utsname's fields as uname -a shows them) */
static long sys_uname(struct pt_regs *regs)
{
	static const struct new_utsname uts = {
		.sysname = "Linux", /* what programs test for: a9mm keeps Linux's ABI */
		.nodename = "a9mm",
		.release = "4.14.0-a9mm",
		.version = "#1 SMP",
		.machine = "armv7l",
		.domainname = "(none)",
	};

	return copy_to_user((void *)regs->ARM_r0, &uts, sizeof(uts)) ? -EFAULT : 0;
}

/* include/uapi/linux/time.h: struct timespec, 32-bit */
struct timespec32 {
	long tv_sec, tv_nsec;
};

/*
 * kernel/time/hrtimer.c: sys_nanosleep() @ v4.14, at jiffy resolution
 * (rounded up, as Linux's low-resolution timers).  A signal ends the
 * sleep: every signal a9mm delivers terminates (the ignored ones are
 * never sent), so the process dies on its way out and the remaining
 * time Linux would write back is never read.  A sleep longer than the
 * jiffies count can hold (tv_sec near 2^31 at HZ 100) is one without a
 * limit -- MAX_SCHEDULE_TIMEOUT -- as Linux's timespec64_to_jiffies()
 * clamps it, not a wrapped short one.
 */
static long sys_nanosleep(struct pt_regs *regs)
{
	struct timespec32 ts;
	unsigned long j;

	if (copy_from_user(&ts, (const void *)regs->ARM_r0, sizeof(ts)))
		return -EFAULT;
	if (ts.tv_sec < 0 || ts.tv_nsec < 0 || ts.tv_nsec >= 1000000000L)
		return -EINVAL;
	if ((unsigned long)ts.tv_sec >= (unsigned long)(MAX_SCHEDULE_TIMEOUT / HZ) - 1)
		j = (unsigned long)MAX_SCHEDULE_TIMEOUT;
	else
		j = (unsigned long)ts.tv_sec * HZ +
		    ((unsigned long)ts.tv_nsec + 9999999UL) / 10000000UL;
	while (j && !signal_pending(current))
		j = (unsigned long)schedule_timeout_interruptible((long)j);
	return j ? -EINTR : 0;
}

/* include/uapi/linux/time.h: the clocks a9mm has */
#define CLOCK_REALTIME	       0
#define CLOCK_MONOTONIC	       1
#define CLOCK_MONOTONIC_RAW    4
#define CLOCK_REALTIME_COARSE  5
#define CLOCK_MONOTONIC_COARSE 6
#define CLOCK_BOOTTIME	       7

/*
 * kernel/time/posix-timers.c: sys_clock_gettime() @ v4.14, 32-bit
 * timespec.  Every clock is sched_clock(), the global timer's
 * nanoseconds since boot: nothing suspends (BOOTTIME = MONOTONIC),
 * nothing steers it (RAW the same), and no RTC is read at boot, so
 * REALTIME is the time since 1970-01-01 00:00 -- where Linux without an
 * RTC starts too.  The per-process and per-thread CPU clocks are not
 * kept: -EINVAL.  Under QEMU's -icount shift=0 a nanosecond is one guest
 * instruction, which is what `make bench` reads through it.
 */
static long sys_clock_gettime(struct pt_regs *regs)
{
	u64 ns = sched_clock();
	struct timespec32 ts = {
		.tv_sec = (long)(ns / 1000000000u),
		.tv_nsec = (long)(ns % 1000000000u),
	};

	switch (regs->ARM_r0) {
	case CLOCK_REALTIME:
	case CLOCK_MONOTONIC:
	case CLOCK_MONOTONIC_RAW:
	case CLOCK_REALTIME_COARSE:
	case CLOCK_MONOTONIC_COARSE:
	case CLOCK_BOOTTIME:
		break;
	default:
		return -EINVAL;
	}
	return copy_to_user((void *)regs->ARM_r1, &ts, sizeof(ts)) ? -EFAULT : 0;
}

/* kernel/fork.c: sys_fork() @ v4.14 */
static long sys_fork(struct pt_regs *regs)
{
	return _do_fork(SIGCHLD);
}

/*
 * kernel/fork.c: sys_clone() @ v4.14: only what fork() is (flags
 * SIGCHLD, no new stack): threads and shared address spaces are refused.
 */
static long sys_clone(struct pt_regs *regs)
{
	if (regs->ARM_r1)
		return -EINVAL;
	return _do_fork(regs->ARM_r0);
}

/* kernel/exit.c: sys_wait4() @ v4.14: the status, and the child's rusage if asked for */
static long sys_wait4(struct pt_regs *regs)
{
	struct rusage32 ru;
	long ret = kernel_wait4((pid_t)regs->ARM_r0, (int *)regs->ARM_r1, (int)regs->ARM_r2,
				regs->ARM_r3 ? &ru : NULL);

	if (ret > 0 && regs->ARM_r3 && copy_to_user((void *)regs->ARM_r3, &ru, sizeof(ru)))
		return -EFAULT;
	return ret;
}

#define EXEC_MAX_ARGS 16 /* and as many environment strings */
#define EXEC_STRLEN   256

/*
 * fs/exec.c: get_user_arg_ptr() + copy_strings() @ v4.14: a user vector
 * of string pointers (NULL-terminated; a NULL vector is empty) into @v,
 * each string in a slot of @slots.  Returns the count, or -EFAULT,
 * -E2BIG (more than EXEC_MAX_ARGS, or a string of EXEC_STRLEN or more).
 */
static long copy_user_vector(unsigned long uv, char **v, char *slots)
{
	long n = 0;

	while (uv) {
		u32 p;
		long ret;

		if (copy_from_user(&p, (const void *)(uv + (unsigned long)n * 4), 4))
			return -EFAULT;
		if (!p)
			break;
		if (n == EXEC_MAX_ARGS)
			return -E2BIG;
		v[n] = slots + n * EXEC_STRLEN;
		ret = strncpy_from_user(v[n], (const char *)p, EXEC_STRLEN);
		if (ret < 0)
			return ret;
		n++;
	}
	v[n] = NULL;
	return n;
}

/*
 * fs/exec.c: sys_execve() @ v4.14: the path, up to EXEC_MAX_ARGS
 * arguments and as many environment strings copied in, then
 * kernel_execve().  On success the registers are the new program's; on
 * failure the caller continues with the error.
 */
static long sys_execve(struct pt_regs *regs)
{
	/* 16 KiB: the path, then argv's and envp's slots */
	struct page *page = alloc_pages(GFP_KERNEL, 2);
	char *buf, *argv[EXEC_MAX_ARGS + 1], *envp[EXEC_MAX_ARGS + 1]; /* each NULL-terminated */
	long argc, ret;

	if (!page)
		return -ENOMEM;
	buf = page_address(page);
	ret = strncpy_from_user(buf, (const char *)regs->ARM_r0, EXEC_STRLEN);
	argc = ret < 0 ? ret : copy_user_vector(regs->ARM_r1, argv, buf + EXEC_STRLEN);
	ret = argc < 0 ? argc
		       : copy_user_vector(regs->ARM_r2, envp,
					  buf + (1 + EXEC_MAX_ARGS) * EXEC_STRLEN);
	if (ret >= 0) {
		if (!argc) { /* argv NULL or empty: the program still gets its name */
			argv[0] = buf;
			argv[1] = NULL;
		}
		ret = kernel_execve(buf, argv, envp);
	}
	__free_pages(page, 2);
	return ret;
}

/* kernel/signal.c: sys_kill() @ v4.14, for one pid (no process groups yet) */
static long sys_kill(struct pt_regs *regs)
{
	pid_t pid = (pid_t)regs->ARM_r0;
	struct task_struct *p;
	long ret;

	if (pid <= 0)
		return -EINVAL;
	p = get_pid_task(pid);
	if (!p)
		return -ESRCH;
	ret = send_sig((int)regs->ARM_r1, p);
	put_task_struct(p);
	return ret;
}

/*
 * kernel/sys.c: sys_getrusage() -> getrusage() @ v4.14: RUSAGE_SELF (0)
 * or RUSAGE_CHILDREN (-1, the reaped ones).  Times at tick resolution;
 * page faults as do_page_fault() counted them (all minor: no swap, no
 * disk).
 */
static long sys_getrusage(struct pt_regs *regs)
{
	struct task_struct *tsk = current;
	long who = (long)regs->ARM_r0;
	struct rusage32 ru;
	struct mm_struct *mm = tsk->mm;

	memset(&ru, 0, sizeof(ru));
	if (who == 0) {
		ticks_to_timeval(tsk->utime, ru.ru_utime);
		ticks_to_timeval(tsk->stime, ru.ru_stime);
		ru.ru_nvcsw = (long)tsk->nvcsw;
		ru.ru_nivcsw = (long)tsk->nivcsw;
		ru.ru_minflt = (long)tsk->min_flt;
		ru.ru_majflt = (long)tsk->maj_flt;
		if (mm)
			ru.ru_maxrss =
				(long)(max(mm->hiwater_rss, get_mm_rss(mm)) << (PAGE_SHIFT - 10));
	} else if (who == -1) {
		ticks_to_timeval(tsk->cutime, ru.ru_utime);
		ticks_to_timeval(tsk->cstime, ru.ru_stime);
		ru.ru_nvcsw = (long)tsk->cnvcsw;
		ru.ru_nivcsw = (long)tsk->cnivcsw;
		ru.ru_maxrss = (long)tsk->cmaxrss;
		ru.ru_minflt = (long)tsk->cmin_flt;
		ru.ru_majflt = (long)tsk->cmaj_flt;
	} else {
		return -EINVAL;
	}
	return copy_to_user((void *)regs->ARM_r1, &ru, sizeof(ru)) ? -EFAULT : 0;
}

/* kernel/sys.c: sys_getpid() @ v4.14 */
static long sys_getpid(struct pt_regs *regs)
{
	return current->tgid;
}

/* kernel/sys.c: sys_getppid() @ v4.14 */
static long sys_getppid(struct pt_regs *regs)
{
	return current->real_parent->tgid;
}

static long sys_yield(struct pt_regs *regs)
{
	return sys_sched_yield();
}

/* arch/arm/kernel/entry-common.S: sys_call_table @ v4.14 */
/* clang-format off */
static long (*const sys_call_table[NR_syscalls])(struct pt_regs *) = {
	/* one per line, by number */
	[__NR_exit] = sys_exit,
	[__NR_fork] = sys_fork,
	[__NR_read] = sys_read_regs,
	[__NR_write] = sys_write_regs,
	[__NR_open] = sys_open_regs,
	[__NR_close] = sys_close_regs,
	[__NR_execve] = sys_execve,
	[__NR_lseek] = sys_lseek_regs,
	[__NR_getpid] = sys_getpid,
	[__NR_kill] = sys_kill,
	[__NR_brk] = sys_brk_regs,
	[__NR_getppid] = sys_getppid,
	[__NR_getrusage] = sys_getrusage,
	[__NR_munmap] = sys_munmap_regs,
	[__NR_wait4] = sys_wait4,
	[__NR_clone] = sys_clone,
	[__NR_uname] = sys_uname,
	[__NR_mprotect] = sys_mprotect_regs,
	[__NR_sched_yield] = sys_yield,
	[__NR_nanosleep] = sys_nanosleep,
	[__NR_mmap2] = sys_mmap2_regs,
	[__NR_fstat64] = sys_fstat64_regs,
	[__NR_getdents64] = sys_getdents64_regs,
	[__NR_madvise] = sys_madvise_regs,
	[__NR_exit_group] = sys_exit,
	[__NR_clock_gettime] = sys_clock_gettime,
	[__NR_openat] = sys_openat_regs,
};
/* clang-format on */

/* the numbers already reported as missing: each once */
static unsigned long enosys_seen[NR_syscalls / 32 + 1];

/**
 * arm_syscall() - run the system call in r7
 * @regs: the caller's registers, at the top of its kernel stack
 *
 * arch/arm/kernel/entry-common.S: vector_swi's dispatch @ v4.14, in C.
 * Interrupts are on.
 */
void arm_syscall(struct pt_regs *regs)
{
	unsigned long nr = regs->ARM_r7;
	long ret;

	if (nr < NR_syscalls && sys_call_table[nr]) {
		ret = sys_call_table[nr](regs);
	} else if (nr == __ARM_NR_set_tls) {
		/*
		 * arch/arm/kernel/traps.c: arm_syscall() @ v4.14, ARM's private
		 * call: the C library's thread pointer, in TPIDRURO (user
		 * read-only), kept in thread_info and restored by __switch_to
		 */
		task_thread_info(current)->tp_value[0] = regs->ARM_r0;
		__asm__ volatile("mcr p15, 0, %0, c13, c0, 3" : : "r"(regs->ARM_r0));
		ret = 0;
	} else {
		unsigned long bit = min(nr, (unsigned long)NR_syscalls); /* one for all beyond */

		if (!(__atomic_fetch_or(&enosys_seen[bit / 32], 1UL << (bit % 32),
					__ATOMIC_RELAXED) &
		      (1UL << (bit % 32))))
			pr_warn("%s[%d]: system call %lu not implemented: -ENOSYS\n", current->comm,
				current->pid, nr);
		ret = -ENOSYS;
	}
	regs->ARM_r0 = (unsigned long)ret;
}

/**
 * do_work_pending() - what must happen before a return to user mode
 * @regs: the user registers
 *
 * arch/arm/kernel/signal.c: do_work_pending() @ v4.14: a reschedule the
 * tick asked for, a signal's default action (do_signal()).  Returns with
 * interrupts off, for the return itself.
 */
void do_work_pending(struct pt_regs *regs)
{
	for (;;) {
		local_irq_disable();
		if (need_resched()) {
			local_irq_enable();
			schedule();
		} else if (signal_pending(current)) {
			local_irq_enable();
			do_signal();
		} else {
			return;
		}
	}
}

/**
 * kthread_became_user() - did the kernel thread's function execve()?
 *
 * For ret_from_fork (boot/entry-armv.S).
 *
 * Return: true if the task now has an address space of its own.
 */
bool kthread_became_user(void)
{
	return current->mm != NULL;
}
