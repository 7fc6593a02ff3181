// SPDX-License-Identifier: GPL-2.0
/*
 * cat - copy files (or stdin, or "-") to stdout.
 *
 * read() into a page-sized buffer, write() it all out: on a9mm each read()
 * of a file in the initramfs copies from its page-cache pages.  The tool
 * to look at /proc/self/maps, /proc/self/status or /proc/meminfo with.
 */
#include "ulib.h"

static int copy(int fd, const char *name)
{
	static char buf[4096];
	ssize_t n;

	while ((n = read(fd, buf, sizeof(buf))) > 0) {
		for (ssize_t off = 0; off < n;) {
			ssize_t w = write(1, buf + off, (size_t)(n - off));

			if (w < 0) {
				fprintf(stderr, "cat: write: %s\n", strerror(errno));
				return 1;
			}
			off += w;
		}
	}
	if (n < 0) {
		fprintf(stderr, "cat: %s: %s\n", name, strerror(errno));
		return 1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	int ret = 0;

	if (argc < 2)
		return copy(0, "stdin");
	for (int i = 1; i < argc; i++) {
		int fd = strcmp(argv[i], "-") ? open(argv[i], O_RDONLY) : 0;

		if (fd < 0) {
			fprintf(stderr, "cat: %s: %s\n", argv[i], strerror(errno));
			ret = 1;
			continue;
		}
		ret |= copy(fd, argv[i]);
		if (fd)
			close(fd);
	}
	return ret;
}
