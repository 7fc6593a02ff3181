// SPDX-License-Identifier: GPL-2.0
/*
 * env - print the environment, or run a program in a changed one.
 *
 *   env                           each NAME=value this process was given
 *   env NAME=value... [PROG ARG...]  the same with these set, printed or
 *                                    handed to PROG by execve()
 *
 * The environment travels as execve()'s third argument: the kernel copies
 * the strings to the top of the new program's stack, above argv's, and
 * puts envp[] after argv[]'s NULL (fs/exec.c: create_elf_tables()); the
 * C start-up code (user/lib/start.c) points `environ` there.  What the
 * kernel starts itself -- /init, the shell's `run` -- gets Linux's
 * envp_init[]: HOME=/ and TERM=linux.
 */
#include "ulib.h"

extern char **environ;

#define ENV_MAX 256

/* NAME=value replaces the entry of the same NAME, or is added */
static bool env_set(char **env, int *n, char *entry)
{
	size_t name = (size_t)(strchr(entry, '=') - entry);

	for (int i = 0; i < *n; i++)
		if (!strncmp(env[i], entry, name + 1)) {
			env[i] = entry;
			return true;
		}
	if (*n == ENV_MAX)
		return false;
	env[(*n)++] = entry;
	return true;
}

int main(int argc, char **argv)
{
	char *env[ENV_MAX + 1];
	int n = 0, i = 1;

	for (char **e = environ; e && *e; e++)
		if (!env_set(env, &n, *e))
			break;
	for (; i < argc && strchr(argv[i], '=') && argv[i][0] != '='; i++)
		if (!env_set(env, &n, argv[i])) {
			fprintf(stderr, "env: more than %d variables\n", ENV_MAX);
			return 125;
		}
	env[n] = NULL;
	if (i == argc) {
		for (int k = 0; k < n; k++)
			printf("%s\n", env[k]);
		return fflush(stdout) ? 1 : 0;
	}
	execve(argv[i], argv + i, env);
	fprintf(stderr, "env: %s: %s\n", argv[i], strerror(errno));
	return errno == ENOENT ? 127 : 126; /* coreutils' codes */
}
