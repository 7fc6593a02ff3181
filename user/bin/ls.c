// SPDX-License-Identifier: GPL-2.0
/*
 * ls - list directories with getdents64(), one entry a line.
 *
 *   ls [-l] [DIR|FILE]...     (default: the current directory)
 *
 * -l adds the type, the mode bits and the size, read with fstat() on the
 * entry opened relative to its directory (openat(): a9mm offers fstat, not
 * stat).  Entries come in the order the kernel hands them out, unsorted,
 * as `ls -f` shows them.
 */
#include "ulib.h"

static bool long_format;

static char type_char(unsigned int mode)
{
	switch (mode & S_IFMT) {
	case S_IFDIR:
		return 'd';
	case S_IFCHR:
		return 'c';
	case S_IFBLK:
		return 'b';
	case S_IFLNK:
		return 'l';
	case S_IFREG:
		return '-';
	default:
		return '?';
	}
}

static void print_entry(int dirfd, const char *name)
{
	struct stat st;
	char perms[10];
	int fd;

	if (!long_format) {
		printf("%s\n", name);
		return;
	}
	fd = openat(dirfd, name, O_RDONLY);
	if (fd < 0 || fstat(fd, &st) < 0) {
		printf("?????????? %10s %s (%s)\n", "?", name, strerror(errno));
		if (fd >= 0)
			close(fd);
		return;
	}
	close(fd);
	for (int i = 0; i < 9; i++)
		perms[i] = (st.st_mode & (0400 >> i)) ? "rwxrwxrwx"[i] : '-';
	perms[9] = '\0';
	printf("%c%s %10ld %s\n", type_char(st.st_mode), perms, (long)st.st_size, name);
}

static int list(const char *path)
{
	static char buf[2048];
	int fd = open(path, O_RDONLY | O_DIRECTORY);
	ssize_t n;

	if (fd < 0 && errno == ENOTDIR) {
		print_entry(AT_FDCWD, path);
		return 0;
	}
	if (fd < 0) {
		fprintf(stderr, "ls: %s: %s\n", path, strerror(errno));
		return 1;
	}
	while ((n = getdents64(fd, buf, sizeof(buf))) > 0) {
		for (ssize_t off = 0; off < n;) {
			struct linux_dirent64 *d = (struct linux_dirent64 *)(buf + off);

			if (d->d_reclen == 0 || off + d->d_reclen > n) {
				fprintf(stderr, "ls: %s: a malformed directory record at %zd\n",
					path, off);
				close(fd);
				return 1;
			}
			if (d->d_name[0] != '.')
				print_entry(fd, d->d_name);
			off += d->d_reclen;
		}
	}
	if (n < 0)
		fprintf(stderr, "ls: %s: %s\n", path, strerror(errno));
	close(fd);
	return n < 0;
}

int main(int argc, char **argv)
{
	int i = 1, ret = 0;

	if (argc > 1 && !strcmp(argv[1], "-l")) {
		long_format = true;
		i++;
	}
	if (i == argc)
		return list(".");
	for (; i < argc; i++) {
		if (argc - i > 1 || i > 2)
			printf("%s:\n", argv[i]);
		ret |= list(argv[i]);
	}
	return ret;
}
