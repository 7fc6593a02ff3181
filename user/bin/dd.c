// SPDX-License-Identifier: GPL-2.0
/*
 * dd - copy blocks from one file to another, as coreutils' dd(1) does
 * for its common operands:
 *
 *   dd if=/dev/mmcblk0 of=/dev/null bs=65536 count=64    read 4 MiB of the SD card
 *   dd if=/data/pages.bin of=/dev/mmcblk0 seek=2          write 8 KiB to it
 *
 * if= and of= default to stdin and stdout; bs= (512 bytes by default, a
 * K or M suffix multiplies) is the size of each read() and write(),
 * count= how many blocks (all by default), skip= and seek= how many
 * blocks to lseek() past in the input and the output first.  At the end,
 * on stderr, coreutils' three lines: whole+partial records in, out, and
 * the bytes copied with the time CLOCK_MONOTONIC measured.
 *
 * On a9mm, reading /dev/mmcblk0 fills the card's page cache (Buffers in
 * /proc/meminfo), and reading it again is served from there: /proc/diskstats
 * shows no new reads.
 */
#include "ulib.h"

/* a size operand: digits, then an optional K (1024) or M (1024 * 1024); -1 if bad */
static long long parse_size(const char *s)
{
	char *end;
	unsigned long long v;

	if (*s < '0' || *s > '9')
		return -1;
	errno = 0;
	v = strtoull(s, &end, 10);
	if (*end == 'K' || *end == 'k')
		v <<= 10, end++;
	else if (*end == 'M')
		v <<= 20, end++;
	if (errno || *end || v > (1ULL << 40))
		return -1;
	return (long long)v;
}

static int usage(const char *bad)
{
	fprintf(stderr,
		"dd: %s%s\nusage: dd [if=FILE] [of=FILE] [bs=BYTES] [count=N] [skip=N] "
		"[seek=N]\n",
		bad ? "bad operand: " : "", bad ? bad : "");
	return 1;
}

/* lseek() past @blocks blocks of @bs bytes: 0, or 1 after saying why not */
static int skip_blocks(int fd, const char *name, long long blocks, long long bs)
{
	long long max = sizeof(off_t) == 4 ? 0x7fffffffLL : 0x7fffffffffffffffLL;

	if (blocks > max / bs) {
		fprintf(stderr,
			"dd: %s: cannot seek: %lld blocks of %lld bytes is past what lseek() "
			"reaches\n",
			name, blocks, bs);
		return 1;
	}
	if (blocks && lseek(fd, (off_t)(blocks * bs), SEEK_SET) < 0) {
		fprintf(stderr, "dd: %s: cannot seek: %s\n", name, strerror(errno));
		return 1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	const char *in = NULL, *out = NULL;
	long long bs = 512, count = -1, skip = 0, seek = 0;
	long long full_in = 0, part_in = 0, full_out = 0, part_out = 0, bytes = 0;
	struct timespec t0, t1;
	int ifd = 0, ofd = 1, ret = 0;
	char *buf;
	double s;

	for (int i = 1; i < argc; i++) {
		const char *eq = strchr(argv[i], '=');
		long long *num = NULL;

		if (!eq)
			return usage(argv[i]);
		if (!strncmp(argv[i], "if=", 3))
			in = eq + 1;
		else if (!strncmp(argv[i], "of=", 3))
			out = eq + 1;
		else if (!strncmp(argv[i], "bs=", 3))
			num = &bs;
		else if (!strncmp(argv[i], "count=", 6))
			num = &count;
		else if (!strncmp(argv[i], "skip=", 5))
			num = &skip;
		else if (!strncmp(argv[i], "seek=", 5))
			num = &seek;
		else
			return usage(argv[i]);
		if (num && (*num = parse_size(eq + 1)) < 0)
			return usage(argv[i]);
	}
	if (!bs || bs > (16 << 20))
		return usage("bs= must be 1 to 16M");
	buf = malloc((size_t)bs);
	if (!buf) {
		fprintf(stderr, "dd: no memory for a %lld-byte block\n", bs);
		return 1;
	}
	if (in && (ifd = open(in, O_RDONLY)) < 0) {
		fprintf(stderr, "dd: failed to open '%s': %s\n", in, strerror(errno));
		return 1;
	}
	if (out && (ofd = open(out, O_WRONLY | O_CREAT, 0644)) < 0) {
		fprintf(stderr, "dd: failed to open '%s': %s\n", out, strerror(errno));
		return 1;
	}
	if (skip_blocks(ifd, in ? in : "stdin", skip, bs) ||
	    skip_blocks(ofd, out ? out : "stdout", seek, bs))
		return 1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	while (count < 0 || full_in + part_in < count) {
		ssize_t n = read(ifd, buf, (size_t)bs), done = 0;

		if (n < 0) {
			fprintf(stderr, "dd: error reading '%s': %s\n", in ? in : "stdin",
				strerror(errno));
			ret = 1;
			break;
		}
		if (!n)
			break;
		if (n == bs)
			full_in++;
		else
			part_in++;
		while (done < n) {
			ssize_t w = write(ofd, buf + done, (size_t)(n - done));

			if (w <= 0) {
				fprintf(stderr, "dd: error writing '%s': %s\n",
					out ? out : "stdout",
					w ? strerror(errno) : "nothing written");
				ret = 1;
				break;
			}
			done += w;
		}
		bytes += done;
		if (done == bs)
			full_out++;
		else if (done)
			part_out++;
		if (ret)
			break;
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	s = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	fprintf(stderr, "%lld+%lld records in\n%lld+%lld records out\n", full_in, part_in, full_out,
		part_out);
	fprintf(stderr, "%lld bytes copied, %.6f s\n", bytes, s);
	return ret;
}
