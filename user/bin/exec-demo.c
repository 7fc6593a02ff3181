// SPDX-License-Identifier: GPL-2.0
/*
 * exec-demo - execve() hands the new program its arguments and its
 * environment, on its stack.
 *
 * The kernel copies both string vectors out of the old program before it
 * drops its memory (fs/exec.c: copy_strings()), then writes them at the
 * top of the new stack: the strings, then argc, argv[], NULL, envp[],
 * NULL and the auxiliary vector, sp pointing at argc (create_elf_tables()).
 * crt0 and user/lib/start.c hand them to main() and `environ`.
 *
 *   parent: fork; the child execs this program again as
 *           "exec-demo --child one two" with DEMO=exec and HOME=/demo
 *   child:  checks its argc, argv[] and environment, exits 0 if all held
 *   parent: the same with 17 strings in envp[] (a9mm takes 16: E2BIG,
 *           Linux takes them all), and a bad envp pointer (EFAULT): the
 *           caller carries on after each refusal
 */
#include "ulib.h"

extern char **environ;

#define SELF "/bin/exec-demo"

static const char *self = SELF;
static volatile uintptr_t bad_envp = 4; /* volatile: the compiler may not look through it */

static int child_checks(int argc, char **argv)
{
	int n = 0, many = 0;

	check_begin("exec-demo (child)");
	check(argc == 4 && !strcmp(argv[2], "one") && !strcmp(argv[3], "two"), "argv",
	      "argc %d, argv[2] \"%s\", argv[3] \"%s\"", argc, argc > 2 ? argv[2] : "",
	      argc > 3 ? argv[3] : "");
	check(argv[argc] == NULL, "argv-null", "argv[argc] is NULL");
	for (char **e = environ; *e; e++) {
		n++;
		many += !strncmp(*e, "MANY", 4);
	}
	if (many) /* the parent's second exec: every string arrived */
		check(many == 17, "env-many", "%d of the 17 MANYn strings arrived", many);
	else
		check(n == 2 && getenv("DEMO") && !strcmp(getenv("DEMO"), "exec") &&
			      !strcmp(getenv("HOME"), "/demo"),
		      "envp", "%d strings, DEMO=%s HOME=%s", n, getenv("DEMO"), getenv("HOME"));
	return check_end();
}

struct exec_args {
	char **envp;
};

static int exec_child(void *arg)
{
	struct exec_args *a = arg;
	char *argv[] = { (char *)self, "--child", "one", "two", NULL };

	execve(self, argv, a->envp);
	return errno == E2BIG ? 100 : errno == ENOEXEC ? 101 : 102;
}

/* fork, exec in the child; the child's wait status */
static int run_child(char **envp)
{
	struct exec_args a = { envp };
	int status;
	pid_t pid = spawn(exec_child, &a);

	if (pid < 0 || wait_child(pid, &status, NULL) < 0)
		return -1;
	return status;
}

int main(int argc, char **argv)
{
	char *env[] = { "DEMO=exec", "HOME=/demo", NULL };
	char names[17][8], *many[18];
	char *args[] = { (char *)self, NULL };
	int status;

	if (argc > 1 && !strcmp(argv[1], "--child"))
		return child_checks(argc, argv);
	if (strchr(argv[0], '/'))
		self = argv[0]; /* on the host: wherever the test runs it from */
	check_begin("exec-demo");
	status = run_child(env);
	if (WIFEXITED(status) && WEXITSTATUS(status) == 101)
		skip("exec", "this kernel cannot execve an ARM program (ENOEXEC: a host "
			     "without binfmt_misc for qemu-arm)");
	else
		check(WIFEXITED(status) && WEXITSTATUS(status) == 0, "exec",
		      "the child's checks of what execve() gave it: %s", status_str(status));
	for (int i = 0; i < 17; i++) {
		snprintf(names[i], sizeof(names[i]), "MANY%d=", i);
		many[i] = names[i];
	}
	many[17] = NULL;
	status = run_child(many);
	if (WIFEXITED(status) && WEXITSTATUS(status) == 101)
		skip("env-17", "ENOEXEC, as above");
	else
		check(WIFEXITED(status) && (WEXITSTATUS(status) == 100 || WEXITSTATUS(status) == 0),
		      "env-17", "17 environment strings: %s",
		      WIFEXITED(status) && WEXITSTATUS(status) == 100 ? "E2BIG (a9mm takes 16)"
								      : status_str(status));
	errno = 0;
	check(execve(self, args, (char **)bad_envp) < 0 && errno == EFAULT, "bad-envp",
	      "envp 0x4: %s, and the caller carries on", strerror(errno));
	return check_end();
}
