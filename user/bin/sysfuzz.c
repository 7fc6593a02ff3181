// SPDX-License-Identifier: GPL-2.0
/*
 * sysfuzz - random system calls with random arguments, in children: the
 * kernel must answer each (a value, -errno, or a signal for the caller)
 * and carry on.
 *
 *   sysfuzz [CHILDREN [CALLS [SEED]]]     (default 24 children x 300 calls)
 *
 * Each child makes CALLS calls, each drawn from
 *   - a number no kernel assigns (1024..0xeffff, 0xf0007..0xf07ff): the
 *     answer must be -ENOSYS (Linux: sys_ni_syscall / arm_syscall());
 *   - one of the calls a9mm implements, with arguments drawn from a pool
 *     of edge cases: 0, -1, NULL, unaligned and kernel addresses, huge
 *     lengths, addresses in its own text, heap and stack, random words.
 *
 * A child may kill itself (a wild munmap of its own text, a read() into
 * its stack, kill(self, sig)), or, its memory scrambled, spin for ever in
 * user mode: that is the kernel doing its job.  What must never happen is
 * the kernel refusing to go on -- the parent checks that every child
 * ended, or was killed at its time limit (CHILD_SECONDS), and was reaped,
 * and that afterwards it can still fork a child that works.
 *
 * The same program runs on the host's Linux under qemu-arm in make test,
 * so the arguments are fuzzed *within* the process: kill() only ever
 * targets the child itself, files are opened read-only and never created,
 * descriptors 0-2 are never touched, fork()s exit at once, madvise() gets
 * the harmless advice values only.  The point is the kernel's checks of
 * addresses, lengths and flags, not its damage to the world around it.
 */
#include "ulib.h"

#define CHILD_SECONDS 5

static unsigned int rng;

/* xorshift32 (Marsaglia): the run is reproducible from its seed */
static unsigned int rnd(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 17;
	rng ^= rng << 5;
	return rng;
}

static char scratch[3 * PAGE_SIZE];

/* an argument: the edge cases the kernel's checks are about */
static long arg(void)
{
	static const unsigned long edges[] = {
		0,	    1,		-1UL,	    0x7fffffff, 0x80000000, 0xbf000000,
		0xbefff000, 0xc0000000, 0xffff0000, 0xfffff000, 0x10000,    0x1000,
		4096,	    4095,	1UL << 20,  1UL << 30,
	};

	switch (rnd() % 6) {
	case 0:
		return (long)edges[rnd() % ARRAY_SIZE(edges)];
	case 1:
		return (long)(rnd() % 64);
	case 2:
		return (long)(scratch + rnd() % sizeof(scratch));
	case 3:
		return (long)((unsigned long)&rng & ~(PAGE_SIZE - 1)) + (long)(rnd() % 8) * 4096;
	case 4:
		return (long)(rnd() & ~(PAGE_SIZE - 1));
	default:
		return (long)rnd();
	}
}

/* NULL, unmapped or kernel space: EFAULT wherever it is read */
static long bad_ptr(void)
{
	static const unsigned long bad[] = {
		0, 1, 0xfff, 0xc0000000, 0xffff0000, 0xfffff000, -1UL
	};

	return (long)bad[rnd() % ARRAY_SIZE(bad)];
}

/* a descriptor that is never 0, 1 or 2 */
static long fd_arg(void)
{
	static const long fds[] = { -1, 3, 4, 5, 63, 1024, 0x7fffffff, -100 };

	return fds[rnd() % ARRAY_SIZE(fds)];
}

static const char *const paths[] = {
	"/", "/data/pages.bin", "/proc/self/maps", "/nonexistent", "", "/bin/../bin/.",
};

static long path_arg(void)
{
	switch (rnd() % 3) {
	case 0:
		return (long)paths[rnd() % ARRAY_SIZE(paths)];
	case 1:
		return (long)(scratch + sizeof(scratch) - 1 - rnd() % 4);
	default:
		return arg();
	}
}

/* open flags: read-only, maybe O_DIRECTORY/O_NONBLOCK/O_CLOEXEC (Linux's values) */
static long oflags_arg(void)
{
	static const long f[] = { 0, 040000, 04000, 02000000, 040000 | 02000000 };

	return f[rnd() % ARRAY_SIZE(f)];
}

static long timespec_arg(void)
{
	static struct {
		long sec, nsec;
	} ts;

	ts.sec = 0;
	ts.nsec = rnd() % 3 ? (long)(rnd() % 1000000) : (long)rnd(); /* bad nsec: EINVAL */
	return rnd() % 4 ? (long)&ts : arg();
}

/*
 * kill(self, ...): mostly signals whose default is to do nothing, or
 * invalid ones (EINVAL); once in a while a fatal one.  Never a stop
 * signal: a stopped child would look hung.
 */
static long sig_arg(void)
{
	static const long harmless[] = { 0, SIGCHLD, SIGURG, SIGWINCH, -1, 65, 1000 };
	static const long fatal[] = { SIGTERM, SIGKILL, SIGSEGV, SIGUSR1, SIGHUP };

	if (rnd() % 50 == 0)
		return fatal[rnd() % ARRAY_SIZE(fatal)];
	return harmless[rnd() % ARRAY_SIZE(harmless)];
}

static long unknown_nr(void)
{
	if (rnd() % 4)
		return 1024 + (long)(rnd() % (0xf0000 - 1024));
	return 0xf0007 + (long)(rnd() % (0xf0800 - 0xf0007));
}

static int enosys_wrong;

/* one call; returns the raw result */
static long one_call(void)
{
	long r, nr;

	switch (rnd() % 24) {
	case 0:
		nr = unknown_nr();
		r = syscall(nr, arg(), arg(), arg(), arg(), arg(), arg());
		if (r != -1 || errno != ENOSYS)
			enosys_wrong++;
		return r;
	case 1:
		return syscall(__NR_read, fd_arg(), arg(), arg());
	case 2:
		return syscall(__NR_write, fd_arg(), arg(), arg());
	case 3:
		return syscall(__NR_open, path_arg(), oflags_arg(), 0);
	case 4:
		return syscall(__NR_openat, rnd() % 2 ? -100 : fd_arg(), path_arg(), oflags_arg(),
			       0);
	case 5:
		return syscall(__NR_close, fd_arg());
	case 6:
		return syscall(__NR_lseek, fd_arg(), arg(), rnd() % 5);
	case 7:
		return syscall(__NR_fstat64, fd_arg(), arg());
	case 8:
		return syscall(__NR_getdents64, fd_arg(), arg(), arg());
	case 9:
		return syscall(__NR_brk, arg());
	case 10:
		return syscall(__NR_mmap2, arg(), arg(), rnd() % 8, rnd() % 64, fd_arg(), arg());
	case 11:
		return syscall(__NR_munmap, arg(), arg());
	case 12:
		return syscall(__NR_mprotect, arg(), arg(), (long)(rnd() % 16));
	case 13:
		return syscall(__NR_madvise, arg(), arg(), (long)(rnd() % 5));
	case 14:
		return syscall(__NR_getrusage, (long)(rnd() % 4) - 2, arg());
	case 15:
		return syscall(__NR_uname, arg());
	case 16:
		return syscall(__NR_nanosleep, timespec_arg(), arg());
	case 17:
		return syscall(__NR_wait4, arg(), arg(), (rnd() % 8) | 1 /* WNOHANG */, arg());
	case 18:
		return syscall(__NR_kill, getpid(), sig_arg());
	case 19:
		return syscall(__NR_execve, (long)"/nonexistent", arg(), arg());
	case 20: {
		/*
		 * fork, or clone(SIGCHLD) with no new stack, as glibc's fork()
		 * makes it: the copy leaves at once, the original reaps it
		 */
		pid_t pid = rnd() % 2 ? fork() : (pid_t)sys_clone(SIGCHLD, NULL, NULL, 0, NULL);

		if (pid == 0)
			_exit(0);
		if (pid > 0)
			waitpid(pid, NULL, 0);
		return pid;
	}
	case 21:
		return syscall(__NR_sched_yield);
	case 22:
		return syscall(__NR_getpid) + syscall(__NR_getppid);
	default:
		/* bad pointers only: never a path that could name a program */
		return syscall(__NR_execve, bad_ptr(), arg(), arg());
	}
}

struct job {
	unsigned int seed;
	int calls;
};

static int child(void *arg)
{
	struct job *j = arg;

	rng = j->seed;
	for (int i = 0; i < j->calls; i++)
		one_call();
	return enosys_wrong ? 3 : 0;
}

/* wait for @pid at most @seconds, then SIGKILL it: true if it ended by itself */
static bool wait_limited(pid_t pid, int *status, int seconds)
{
	struct timespec tick = { .tv_nsec = 10 * 1000 * 1000 };

	for (int i = 0; i < seconds * 100; i++) {
		pid_t r = wait4(pid, status, WNOHANG, NULL);

		if (r == pid)
			return true;
		if (r < 0 && errno != EINTR)
			return false;
		nanosleep(&tick, NULL);
	}
	kill(pid, SIGKILL);
	wait4(pid, status, 0, NULL);
	return false;
}

static int works(void *arg)
{
	char *p = malloc(200000);

	(void)arg;
	if (!p)
		return 1;
	memset(p, 7, 200000);
	free(p);
	return 0;
}

int main(int argc, char **argv)
{
	int children = argc > 1 ? atoi(argv[1]) : 24, calls = argc > 2 ? atoi(argv[2]) : 300;
	unsigned int seed = argc > 3 ? (unsigned int)strtoul(argv[3], NULL, 0) : 0x2545f491;
	int exited = 0, signalled = 0, timed_out = 0, enosys_bad = 0, other = 0, status;
	int by_sig[65] = { 0 };
	long free0 = meminfo_kb("MemFree");

	check_begin("sysfuzz");
	note("%d children x %d calls, seed %#x", children, calls, seed);
	for (int c = 0; c < children; c++) {
		struct job j = { seed + (unsigned int)c * 0x9e3779b9u, calls };
		pid_t pid;

		if (!j.seed)
			j.seed = 1;
		pid = spawn(child, &j);
		if (pid < 0) {
			other++;
			continue;
		}
		if (!wait_limited(pid, &status, CHILD_SECONDS)) {
			note("child %d (seed %#x) still running after %d s: %s", c, j.seed,
			     CHILD_SECONDS, status_str(status));
			if (WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL)
				timed_out++;
			else
				other++;
		} else if (WIFEXITED(status)) {
			exited++;
			if (WEXITSTATUS(status) == 3) {
				enosys_bad++;
				note("child %d (seed %#x): an unassigned number did not return ENOSYS",
				     c, j.seed);
			}
		} else if (WIFSIGNALED(status)) {
			signalled++;
			by_sig[WTERMSIG(status) & 63]++;
		} else {
			other++;
		}
	}
	note("children: %d exited, %d killed by a signal, %d killed at the time limit, %d other",
	     exited, signalled, timed_out, other);
	for (int s = 1; s < 65; s++)
		if (by_sig[s])
			note("  %s: %d", signame(s), by_sig[s]);
	check(exited + signalled + timed_out == children && !other, "all-reaped",
	      "every one of %d children ended (or was killed at its limit) and was reaped",
	      children);
	check(!enosys_bad, "enosys", "every unassigned number returned ENOSYS");
	{
		pid_t pid = spawn(works, NULL);

		check(pid > 0 && wait_limited(pid, &status, CHILD_SECONDS) && WIFEXITED(status) &&
			      !WEXITSTATUS(status),
		      "still-works", "a fresh child can still malloc, write and exit: %s",
		      pid > 0 ? status_str(status) : strerror(errno));
	}
	note("MemFree %ld kB before, %ld kB after", free0, meminfo_kb("MemFree"));
	return check_end();
}
