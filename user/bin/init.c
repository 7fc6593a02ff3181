// SPDX-License-Identifier: GPL-2.0
/*
 * init - a tiny PID 1: runs the demos, or reads commands from the console.
 *
 *   /init                 the prompt: "init# " then one command a line
 *   /init demos           run every demo once, print a summary, then the prompt
 *   /init demos --exit    the same, then exit with the number of failures
 *                         (only when not PID 1: PID 1 must never exit)
 *
 * A command is a program and its arguments, split at blanks; a name
 * without '/' is looked up in each directory of $PATH (default /bin), as
 * a shell does.  init forks, the child execve()s it, and init waits for
 * it with wait4() and says how it ended when that was not "exit 0".
 * Built in: help, demos, exit (refused for PID 1).
 *
 * What Linux asks of PID 1 (kernel/exit.c @ v6.1): it must not exit --
 * the kernel panics "Attempted to kill init!" -- and it adopts every
 * orphan, so it reaps whatever child ends (wait4(-1, ..., WNOHANG) after
 * each command), or those would stay zombies for ever.
 */
#include "ulib.h"

#define MAX_ARGS 16

/* the order a learner meets them: malloc, then faults, then processes */
static const char *const demos[] = {
	"malloc-demo", "zero-page-demo", "cow-demo",	  "exec-demo", "mmap-file-demo",
	"stack-demo",  "segv-demo",	 "mprotect-demo", "oom-demo",  "sysfuzz",
};

static const char *path_env(void)
{
	const char *p = getenv("PATH");

	return p && *p ? p : "/bin";
}

/* execve @argv[0], searching $PATH when it has no '/'; returns on failure */
static void exec_search(char **argv)
{
	static char full[256];
	const char *p = path_env();
	int err = ENOENT;

	if (strchr(argv[0], '/')) {
		execve(argv[0], argv, environ);
		fprintf(stderr, "init: %s: %s\n", argv[0], strerror(errno));
		return;
	}
	while (*p) {
		size_t n = strcspn(p, ":");

		snprintf(full, sizeof(full), "%.*s/%s", (int)n, p, argv[0]);
		execve(full, argv, environ);
		if (errno != ENOENT)
			err = errno; /* "Permission denied" says more than "not found" */
		p += n;
		if (*p == ':')
			p++;
	}
	fprintf(stderr, "init: %s: %s\n", argv[0],
		err == ENOENT ? "command not found" : strerror(err));
}

/* fork + execve + wait4: the exit status, or -1 when no child ran */
static int run(char **argv, bool quiet_ok)
{
	struct rusage ru;
	int status;
	pid_t pid = fork();

	if (pid < 0) {
		fprintf(stderr, "init: fork: %s\n", strerror(errno));
		return -1;
	}
	if (pid == 0) {
		exec_search(argv);
		_exit(127);
	}
	if (wait_child(pid, &status, &ru) < 0) {
		fprintf(stderr, "init: wait4(%d): %s\n", pid, strerror(errno));
		return -1;
	}
	if (!quiet_ok || !WIFEXITED(status) || WEXITSTATUS(status))
		printf("init: %s [%d] %s, %ld minor faults\n", argv[0], pid, status_str(status),
		       ru.ru_minflt);
	return status;
}

/* reap the orphans PID 1 has adopted */
static void reap(void)
{
	int status;
	pid_t pid;

	while ((pid = wait4(-1, &status, WNOHANG, NULL)) > 0)
		printf("init: reaped orphan [%d], %s\n", pid, status_str(status));
}

static int run_demos(void)
{
	int failed = 0;

	for (size_t i = 0; i < ARRAY_SIZE(demos); i++) {
		char *argv[] = { (char *)demos[i], NULL };
		int st;

		printf("init: === %s\n", demos[i]);
		fflush(stdout);
		st = run(argv, false);
		if (st != 0)
			failed++;
		reap();
	}
	printf("init: demos: %zu run, %d failed\n", ARRAY_SIZE(demos), failed);
	return failed;
}

static void help(void)
{
	printf("init: a tiny PID 1.  Commands:\n"
	       "  PROGRAM ARGS...  run a program from $PATH (%s), e.g. ls -l /bin\n"
	       "  demos            run every demo:",
	       path_env());
	for (size_t i = 0; i < ARRAY_SIZE(demos); i++)
		printf(" %s", demos[i]);
	printf("\n  help             this text\n"
	       "  exit             leave (not as PID 1: Linux would panic)\n");
}

static int split(char *line, char **argv)
{
	int argc = 0;

	for (char *tok = strtok(line, " \t\r\n"); tok; tok = strtok(NULL, " \t\r\n")) {
		if (argc == MAX_ARGS) {
			fprintf(stderr, "init: more than %d arguments\n", MAX_ARGS);
			return -1;
		}
		argv[argc++] = tok;
	}
	argv[argc] = NULL;
	return argc;
}

/* one line from stdin, without the newline; false at the end of input */
static bool read_line(char *line, size_t size)
{
	size_t n = 0;
	char c;

	for (;;) {
		ssize_t r = read(0, &c, 1);

		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			return n > 0 ? (line[n] = '\0', true) : false;
		if (c == '\n')
			break;
		if (n + 1 < size)
			line[n++] = c;
	}
	line[n] = '\0';
	return true;
}

/*
 * Linux opens /dev/console as descriptors 0, 1 and 2 before it starts init
 * (init/main.c: console_on_rootfs() @ v6.1).  Should a kernel not have,
 * init does it itself, so its messages are not lost.
 */
static void console_fds(void)
{
	struct stat st;

	for (int fd = 0; fd < 3; fd++) {
		if (fstat(fd, &st) == 0 || errno != EBADF)
			continue;
		if (open("/dev/console", O_RDWR) != fd)
			return; /* nothing to print the failure on */
	}
}

static void idle_forever(void)
{
	struct timespec ts = { .tv_sec = 1 };

	for (;;) {
		reap();
		nanosleep(&ts, NULL);
	}
}

int main(int argc, char **argv)
{
	static char line[256];
	char *args[MAX_ARGS + 1];
	struct utsname u;
	bool pid1 = getpid() == 1;

	console_fds();
	if (uname(&u) == 0)
		printf("init: pid %d on %s %s (%s)\n", getpid(), u.sysname, u.release, u.machine);
	if (argc > 1 && !strcmp(argv[1], "demos")) {
		int failed = run_demos();

		if (argc > 2 && !strcmp(argv[2], "--exit") && !pid1)
			return failed;
	}
	for (;;) {
		int n;

		printf("init# ");
		fflush(stdout);
		if (!read_line(line, sizeof(line))) {
			putchar('\n');
			if (!pid1)
				return 0;
			printf("init: end of console input; PID 1 stays, reaping orphans\n");
			idle_forever();
		}
		n = split(line, args);
		if (n <= 0)
			continue;
		if (!strcmp(args[0], "help"))
			help();
		else if (!strcmp(args[0], "demos"))
			run_demos();
		else if (!strcmp(args[0], "exit") && !pid1)
			return n > 1 ? atoi(args[1]) : 0;
		else if (!strcmp(args[0], "exit"))
			printf("init: PID 1 does not exit (Linux: \"Attempted to kill init!\")\n");
		else
			run(args, true);
		reap();
	}
}
