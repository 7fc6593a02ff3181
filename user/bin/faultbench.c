// SPDX-License-Identifier: GPL-2.0
/*
 * faultbench - what page faults, fork and execve cost, seen from the
 * process: CLOCK_MONOTONIC around
 *
 *   anonymous fault   the first write to each page of a fresh anonymous
 *                     mapping (do_anonymous_page(): a zeroed page of its
 *                     own), less the same loop once every page is there;
 *   COW fault         the first write, after fork(), to each page the
 *                     sleeping child shares (do_wp_page(): a copy), less
 *                     the loop again;
 *   fork+exit         fork(), the child's _exit(0), the parent's wait4(),
 *                     with PAGES pages touched;
 *   execve            execve() of this program until its main() runs (the
 *                     clock at the call travels in argv).
 *
 * Under QEMU's -icount shift=0,sleep=off a nanosecond is one guest
 * instruction: `make bench` runs it so, on one CPU, and reads
 * instructions.  Elsewhere they are nanoseconds of whatever clock there
 * is.
 *
 *   faultbench [PAGES]     (default 256: 1 MiB)
 */
#include "ulib.h"

#define ROUNDS 4

static unsigned long long now(void)
{
	struct timespec ts;

	if (clock_gettime(CLOCK_MONOTONIC, &ts)) {
		perror("faultbench: clock_gettime");
		exit(1);
	}
	return (unsigned long long)ts.tv_sec * 1000000000ull + (unsigned long long)ts.tv_nsec;
}

/* write one byte to each page; the time it took */
static unsigned long long touch(char *p, unsigned long pages, char c)
{
	unsigned long long t = now();

	for (unsigned long i = 0; i < pages; i++)
		((volatile char *)p)[i * PAGE_SIZE] = c;
	return now() - t;
}

/* first touches less touches of present pages, per page */
static unsigned long long per_fault(char *p, unsigned long pages, char c)
{
	unsigned long long first = touch(p, pages, c), again = touch(p, pages, c);

	return first > again ? (first - again) / pages : 0;
}

static char *map(unsigned long pages)
{
	char *p = mmap(NULL, pages * PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
		       -1, 0);

	if (p == MAP_FAILED) {
		perror("faultbench: mmap");
		exit(1);
	}
	return p;
}

static void reap(pid_t pid)
{
	int status;

	if (wait4(pid, &status, 0, NULL) != pid) {
		perror("faultbench: wait4");
		exit(1);
	}
}

static void cow(char *p, unsigned long pages)
{
	struct timespec forever = { .tv_sec = 1000000 };
	pid_t pid = fork();

	if (pid < 0) {
		perror("faultbench: fork");
		exit(1);
	}
	if (pid == 0) { /* shares every page until it is killed */
		nanosleep(&forever, NULL);
		_exit(0);
	}
	printf("faultbench: COW fault: %llu ns per page (%lu pages)\n", per_fault(p, pages, 3),
	       pages);
	kill(pid, SIGKILL);
	reap(pid);
}

static void fork_exit(unsigned long pages)
{
	unsigned long long t = now();

	for (int i = 0; i < ROUNDS; i++) {
		pid_t pid = fork();

		if (pid < 0) {
			perror("faultbench: fork");
			exit(1);
		}
		if (pid == 0)
			_exit(0);
		reap(pid);
	}
	printf("faultbench: fork+exit: %llu ns per round (%lu pages touched, %d rounds)\n",
	       (now() - t) / ROUNDS, pages, ROUNDS);
}

/* twice: the first fills what a first exec fills (slab caches), the second is printed */
static void exec_self(const char *self)
{
	for (int i = 0; i < 2; i++) {
		char arg[40];
		char *argv[] = { (char *)self, arg, NULL };
		pid_t pid = fork();

		if (pid < 0) {
			perror("faultbench: fork");
			exit(1);
		}
		if (pid == 0) {
			snprintf(arg, sizeof(arg), "--exec-%s=%llu", i ? "show" : "warm", now());
			execve(self, argv, NULL);
			printf("faultbench: execve: not measured (%s: %s)\n", self,
			       strerror(errno));
			_exit(0);
		}
		reap(pid);
	}
}

int main(int argc, char **argv)
{
	unsigned long long t0;
	unsigned long pages = 256;
	char *end, *p;

	if (argc == 2 && sscanf(argv[1], "--exec-show=%llu", &t0) == 1) {
		printf("faultbench: execve: %llu ns to main()\n", now() - t0);
		return 0;
	}
	if (argc == 2 && !strncmp(argv[1], "--exec-warm=", 12))
		return 0;
	if (argc > 2 ||
	    (argc == 2 && ((pages = strtoul(argv[1], &end, 0)) == 0 || *end || pages > 65536))) {
		fprintf(stderr, "usage: faultbench [PAGES]   (1..65536, default 256)\n");
		return 2;
	}
	p = map(pages);
	printf("faultbench: anonymous fault: %llu ns per page (%lu pages)\n",
	       per_fault(p, pages, 1), pages);
	cow(p, pages);
	fork_exit(pages);
	exec_self(argv[0]);
	munmap(p, pages * PAGE_SIZE);
	return 0;
}
