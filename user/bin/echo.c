// SPDX-License-Identifier: GPL-2.0
/*
 * echo - print the arguments, separated by blanks, then a newline.
 *
 * The first program to try on a new kernel: it needs only execve's
 * argument vector, write() and exit.  `-n` drops the newline, as coreutils'.
 */
#include "ulib.h"

int main(int argc, char **argv)
{
	bool newline = true;
	int i = 1;

	if (argc > 1 && !strcmp(argv[1], "-n")) {
		newline = false;
		i++;
	}
	for (; i < argc; i++)
		printf("%s%s", argv[i], i + 1 < argc ? " " : "");
	if (newline)
		putchar('\n');
	return fflush(stdout) ? 1 : 0;
}
