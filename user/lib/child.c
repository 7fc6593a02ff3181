// SPDX-License-Identifier: GPL-2.0
/*
 * Children and what becomes of them.
 *
 * Linux's wait status (what wait4() stores; include/linux/sched.h's
 * exit_code, built by do_exit() and do_group_exit()):
 *
 *   exited:             (code << 8)        WIFEXITED, WEXITSTATUS
 *   killed by signal:   sig | 0x80 if core WIFSIGNALED, WTERMSIG
 *
 * A demo that expects its child to be killed (by SIGSEGV, by the OOM
 * killer's SIGKILL) forks it with spawn() and reads the status; the
 * kernel's own report of the kill ("unhandled page fault", "Out of
 * memory: Killed process") goes to the console, not to the parent.
 */
#include "internal.h"

/* Linux's signal names, arch/arm/include/uapi/asm/signal.h @ v6.1 */
static const char *const signames[] = {
	[1] = "SIGHUP",	    [2] = "SIGINT",   [3] = "SIGQUIT",	 [4] = "SIGILL",   [5] = "SIGTRAP",
	[6] = "SIGABRT",    [7] = "SIGBUS",   [8] = "SIGFPE",	 [9] = "SIGKILL",  [10] = "SIGUSR1",
	[11] = "SIGSEGV",   [12] = "SIGUSR2", [13] = "SIGPIPE",	 [14] = "SIGALRM", [15] = "SIGTERM",
	[16] = "SIGSTKFLT", [17] = "SIGCHLD", [18] = "SIGCONT",	 [19] = "SIGSTOP", [20] = "SIGTSTP",
	[21] = "SIGTTIN",   [22] = "SIGTTOU", [23] = "SIGURG",	 [24] = "SIGXCPU", [25] = "SIGXFSZ",
	[26] = "SIGVTALRM", [27] = "SIGPROF", [28] = "SIGWINCH", [29] = "SIGIO",   [30] = "SIGPWR",
	[31] = "SIGSYS",
};

/**
 * signame() - a Linux signal's name
 * @sig: its number
 *
 * Return: "SIGSEGV" and so on, or "signal?" for one without a name.
 */
const char *signame(int sig)
{
	if (sig > 0 && sig < (int)ARRAY_SIZE(signames) && signames[sig])
		return signames[sig];
	return "signal?";
}

/**
 * status_str() - a wait status in words
 * @status: what wait4() stored
 *
 * Return: "exited with 0", "killed by SIGSEGV (11)"... in a static buffer.
 */
const char *status_str(int status)
{
	static char buf[48];

	if (WIFEXITED(status))
		snprintf(buf, sizeof(buf), "exited with %d", WEXITSTATUS(status));
	else if (WIFSIGNALED(status))
		snprintf(buf, sizeof(buf), "killed by %s (%d)%s", signame(WTERMSIG(status)),
			 WTERMSIG(status), status & 0x80 ? ", core dumped" : "");
	else
		snprintf(buf, sizeof(buf), "status %#x", status);
	return buf;
}

/**
 * spawn() - run a function in a forked child
 * @fn: what the child runs; its return value is the child's exit code
 * @arg: passed to @fn
 *
 * Return: the child's PID, or -1 (with a message) when fork() failed.
 */
pid_t spawn(int (*fn)(void *), void *arg)
{
	pid_t pid = fork();

	if (pid < 0) {
		printf("fork: %s\n", strerror(errno));
		return -1;
	}
	if (pid == 0)
		exit(fn(arg));
	return pid;
}

/**
 * wait_child() - wait for one child, and how it ended
 * @pid: the child
 * @status: its wait status
 * @ru: its resource usage (fault counts), or NULL
 *
 * Return: 0, or -errno when wait4() failed (the status is then 0).
 */
int wait_child(pid_t pid, int *status, struct rusage *ru)
{
	pid_t r;

	do {
		r = wait4(pid, status, 0, ru);
	} while (r < 0 && errno == EINTR);
	if (r < 0) {
		*status = 0;
		return -errno;
	}
	return 0;
}

/**
 * minflt() - this process's minor page faults so far
 *
 * A minor fault is one the kernel served without waiting for I/O:
 * mapping a zeroed page, the zero page, a page-cache page, a copy.
 *
 * Return: getrusage(RUSAGE_SELF)'s ru_minflt, or -1 when it failed.
 */
long minflt(void)
{
	struct rusage ru;

	if (getrusage(RUSAGE_SELF, &ru))
		return -1;
	return ru.ru_minflt;
}

/**
 * touch_pages() - write one byte into every page of a range
 * @p: the range
 * @len: its length in bytes
 * @val: the byte
 */
void touch_pages(void *p, size_t len, int val)
{
	volatile char *c = p;

	for (size_t off = 0; off < len; off += PAGE_SIZE)
		c[off] = (char)val;
}

/**
 * read_pages() - read one byte of every page of a range
 * @p: the range
 * @len: its length in bytes
 *
 * Return: the sum of the bytes read (0 for untouched anonymous memory).
 */
unsigned long read_pages(const void *p, size_t len)
{
	const volatile unsigned char *c = p;
	unsigned long sum = 0;

	for (size_t off = 0; off < len; off += PAGE_SIZE)
		sum += c[off];
	return sum;
}

/**
 * file_byte() - one byte of an open file, read() at an offset
 * @fd: the file
 * @off: the offset
 *
 * Return: the byte, or 0 when it cannot be read (seek or read failed).
 */
unsigned char file_byte(int fd, off_t off)
{
	unsigned char c = 0;

	if (lseek(fd, off, SEEK_SET) != off || read(fd, &c, 1) != 1)
		return 0;
	return c;
}
