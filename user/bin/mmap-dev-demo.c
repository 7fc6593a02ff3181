// SPDX-License-Identifier: GPL-2.0
/*
 * mmap-dev-demo - the SD card's pages mapped: page-cache pages in a
 * process, not anonymous ones, until the process writes to a private copy.
 *
 *   mmap-dev-demo [DEV [SECONDS]]  (default /dev/mmcblk0; under qemu-arm,
 *                                   any file of two pages or more;
 *                                   SECONDS: hold the mapping that long,
 *                                   for the shell's `rmap`, `blk write`)
 *
 * A fault in a mapping of a block device (fs/block_dev.c: blkdev_fault(),
 * Linux's filemap_fault()) maps the device's page-cache page itself: the
 * page read() copies from, counted in /proc/meminfo's Buffers and, while
 * mapped, Mapped; smaps shows it as Rss but not Anonymous.  A
 * MAP_PRIVATE write copies the page into an anonymous page of the
 * process's own (do_wp_page()): read() and the shared mapping still show
 * the device's bytes.  A page past the device's end may be mapped, but
 * touching it is SIGBUS (a child tries).  The device is never written.
 *
 * a9mm's block device writes through and never holds a dirty page, so a
 * MAP_SHARED mapping of a descriptor open for writing is refused with
 * EINVAL, as Linux refuses it for files whose cache cannot write back
 * (generic_file_readonly_mmap()); Linux's own block devices write back
 * and allow it.  After munmap() the pages stay in the cache: reclaim and
 * drop_caches may drop them now, as they could not while mapped.
 */
#include "ulib.h"

#define PAGES 2
#define SIZE  (PAGES * PAGE_SIZE)

static const char *path = "/dev/mmcblk0";

/* meminfo's Mapped and Buffers, or -1 each under qemu-arm (the host's) */
static void cache_kb(long *mapped, long *buffers)
{
	*mapped = under_qemu_user() ? -1 : meminfo_kb("Mapped");
	*buffers = under_qemu_user() ? -1 : meminfo_kb("Buffers");
}

/* smaps of the VMA at @p, when it is the device's (not under qemu-arm) */
static bool dev_smaps(const void *p, struct smaps_vma *s)
{
	return !under_qemu_user() && smaps_find_file(p, path, s);
}

/* the child: a read of the mapped page past the device's end */
static int touch(void *p)
{
	return *(volatile char *)p;
}

/* a mapping may reach past the end; a touch there is SIGBUS, not a page */
static void past_the_end(int fd, off_t size)
{
	char *p = mmap(NULL, PAGE_SIZE, PROT_READ, MAP_SHARED, fd, size & ~(off_t)(PAGE_SIZE - 1));
	pid_t pid;
	int status = 0;

	if (!check(p != MAP_FAILED, "mmap-past-end", "mmap of the page at %ld: %s", (long)size,
		   p == MAP_FAILED ? strerror(errno) : "mapped"))
		return;
	pid = spawn(touch, p);
	if (pid > 0)
		wait_child(pid, &status, NULL);
	check(pid > 0 && WIFSIGNALED(status) && WTERMSIG(status) == SIGBUS, "sigbus-past-end",
	      "a read of the page at the device's end (%ld): child %s", (long)size,
	      status_str(status));
	munmap(p, PAGE_SIZE);
}

/* a shared mapping of a descriptor open for writing: refused on a block device */
static void shared_write(bool blk)
{
	int fd = open(path, O_RDWR);
	char *w;

	if (!blk) {
		skip("no-shared-write", "%s is not a block device", path);
		close(fd);
		return;
	}
	w = mmap(NULL, SIZE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	check(fd >= 0 && w == MAP_FAILED && errno == EINVAL, "no-shared-write",
	      "MAP_SHARED of %s open for writing: %s (no writeback to make it safe)", path,
	      w == MAP_FAILED ? linux_errname(errno) : "mapped");
	if (w != MAP_FAILED)
		munmap(w, SIZE);
	close(fd);
}

int main(int argc, char **argv)
{
	long mapped0, mapped, buffers0, buffers;
	unsigned char first, second;
	struct smaps_vma s;
	struct stat st = { 0 };
	char *sh, *pv;
	long seconds = 0;
	off_t size;
	char *end;
	int fd;

	if (argc > 3 || (argc == 3 && (seconds = strtol(argv[2], &end, 10)) < 0) ||
	    (argc == 3 && (*end || end == argv[2]))) {
		printf("usage: mmap-dev-demo [DEV [SECONDS]]\n");
		return 2;
	}
	if (argc > 1)
		path = argv[1];
	check_begin("mmap-dev-demo");
	fd = open(path, O_RDONLY);
	size = fd < 0 ? -1 : lseek(fd, 0, SEEK_END);
	if (!check(fd >= 0 && !fstat(fd, &st) && size >= (off_t)SIZE, "open", "%s: %s, %ld bytes",
		   path, fd < 0 ? strerror(errno) : "open", (long)size))
		return check_end();
	first = file_byte(fd, 0);
	second = file_byte(fd, PAGE_SIZE);

	cache_kb(&mapped0, &buffers0);
	sh = mmap(NULL, SIZE, PROT_READ, MAP_SHARED, fd, 0);
	pv = mmap(NULL, SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
	if (!check(sh != MAP_FAILED && pv != MAP_FAILED, "mmap",
		   "MAP_SHARED read-only at %p, MAP_PRIVATE at %p", sh, pv))
		return check_end();
	check((unsigned char)sh[0] == first && (unsigned char)sh[PAGE_SIZE] == second, "same-bytes",
	      "the mapping shows what read() does: %#x, %#x", (unsigned char)sh[0],
	      (unsigned char)sh[PAGE_SIZE]);
	read_pages(pv, SIZE);
	cache_kb(&mapped, &buffers);
	if (mapped < 0)
		skip("mapped", "/proc/meminfo is the host's under qemu-arm");
	else
		check(mapped - mapped0 == PAGES * 4 && buffers >= PAGES * 4, "mapped",
		      "meminfo: Mapped %ld -> %ld kB (two pages: a page counts once, however "
		      "often mapped), Buffers %ld kB",
		      mapped0, mapped, buffers);
	if (!dev_smaps(sh, &s))
		skip("page-cache", "no smaps entry for %s here", path);
	else
		check(s.rss == PAGES * 4 && s.anonymous == 0, "page-cache",
		      "smaps of the shared mapping: Rss %ld kB, Anonymous %ld kB: the cache's pages",
		      s.rss, s.anonymous);

	pv[0] = (char)(first ^ 0xff);
	check((unsigned char)pv[0] == (first ^ 0xff) && (unsigned char)sh[0] == first &&
		      file_byte(fd, 0) == first,
	      "private-copy", "after a private write: private %#x, shared %#x, read() %#x",
	      (unsigned char)pv[0], (unsigned char)sh[0], file_byte(fd, 0));
	if (!dev_smaps(pv, &s))
		skip("private-anon", "no smaps entry for %s here", path);
	else
		check(s.rss == PAGES * 4 && s.anonymous == 4, "private-anon",
		      "smaps of the private mapping: Rss %ld kB, Anonymous %ld kB: one page copied",
		      s.rss, s.anonymous);

	if (seconds) {
		struct timespec ts = { .tv_sec = seconds };

		note("holding the shared mapping of %s's first pages at %p for %ld s", path, sh,
		     seconds);
		nanosleep(&ts, NULL);
		note("after the hold: the shared mapping shows %#x, read() %#x",
		     (unsigned char)sh[0], file_byte(fd, 0));
	}
	past_the_end(fd, size);
	shared_write(S_ISBLK(st.st_mode));
	munmap(pv, SIZE);
	munmap(sh, SIZE);
	cache_kb(&mapped, &buffers);
	if (mapped < 0)
		skip("unmapped", "/proc/meminfo is the host's under qemu-arm");
	else
		check(mapped == mapped0, "unmapped",
		      "after munmap(): Mapped %ld kB again, Buffers %ld kB: still cached", mapped,
		      buffers);
	close(fd);
	return check_end();
}
