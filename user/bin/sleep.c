// SPDX-License-Identifier: GPL-2.0
/*
 * sleep SECONDS - do nothing for a while, as coreutils' sleep.
 *
 * A process to look at while it waits: its VMAs (/proc/PID/maps), which
 * of their pages it ever touched (smaps, status), its page tables
 * (`pgwalk PID VA` in the kernel shell).
 */
#include "ulib.h"

int main(int argc, char **argv)
{
	struct timespec ts = { 0 };
	char *end;

	if (argc != 2 || (ts.tv_sec = strtol(argv[1], &end, 10)) < 0 || *end) {
		fprintf(stderr, "usage: sleep SECONDS\n");
		return 2;
	}
	return nanosleep(&ts, NULL) ? 1 : 0;
}
