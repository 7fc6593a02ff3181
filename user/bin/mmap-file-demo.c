// SPDX-License-Identifier: GPL-2.0
/*
 * mmap-file-demo - a file's pages live once, in the page cache; a shared
 * mapping is that page, a private one copies it at the first write.
 *
 *   mmap-file-demo [FILE]      (default /data/pages.bin: two pages, 'A'
 *                               then 'B', from the initramfs)
 *
 * A fault in a file mapping (mm/memory.c: do_read_fault() -> filemap_fault())
 * maps the file's page-cache page itself.  Two processes mapping the file
 * MAP_SHARED map the *same* physical page: mapcount 2, and smaps' Pss
 * splits it between them.  A write through one is seen by the other, and by
 * read(), at once.  MAP_PRIVATE starts on the same page, read-only; the
 * first write faults into do_wp_page(), which gives the process a private
 * anonymous copy (Anonymous: in smaps) -- the file and every other
 * mapping keep the original.
 *
 * The demo writes one byte of the file through its shared mapping and puts
 * it back at the end.
 */
#include "ulib.h"

#define SIZE (2 * PAGE_SIZE)

static const char *path = "/data/pages.bin";

/* the parent's two mappings, which the child drops: only its own counts */
struct maps {
	char *sh, *pv;
};

/* the second process: maps the file itself, writes, checks the sharing */
static int child(void *arg)
{
	struct maps *m = arg;
	struct smaps_vma s;
	int fd;
	char *q;

	check_begin("mmap-file-demo (child)");
	munmap(m->sh, SIZE);
	munmap(m->pv, SIZE);
	fd = open(path, O_RDWR);
	q = mmap(NULL, SIZE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	if (!check(fd >= 0 && q != MAP_FAILED, "child-mmap", "%s shared at %p", path, q))
		return check_end();
	check(q[0] == 'A' && q[PAGE_SIZE] == 'B', "child-reads", "the child reads 'A' and 'B'");
	q[1] = 'x'; /* the parent looks for this in its own mapping */
	if (!smaps_find_file(q, path, &s))
		skip("mapcount-2", "no smaps entry for %s here%s", path,
		     under_qemu_user() ? " (qemu-arm shows the host's smaps)" : "");
	else
		check(s.rss == 8 && s.pss == 4 && s.shared_clean + s.shared_dirty == 8,
		      "mapcount-2",
		      "smaps: Rss %ld kB, Pss %ld kB, Shared %ld kB: two pages, each mapped by "
		      "two processes",
		      s.rss, s.pss, s.shared_clean + s.shared_dirty);
	munmap(q, SIZE);
	close(fd);
	return check_end();
}

int main(int argc, char **argv)
{
	struct smaps_vma s;
	struct stat st = { 0 };
	int fd, status;
	char *sh, *pv;
	pid_t pid;

	if (argc > 1)
		path = argv[1];
	check_begin("mmap-file-demo");
	fd = open(path, O_RDWR);
	if (!check(fd >= 0 && !fstat(fd, &st) && st.st_size >= (off_t)SIZE, "open",
		   "%s: %s, %ld bytes", path, fd < 0 ? strerror(errno) : "open", (long)st.st_size))
		return check_end();
	sh = mmap(NULL, SIZE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	pv = mmap(NULL, SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
	if (!check(sh != MAP_FAILED && pv != MAP_FAILED, "mmap",
		   "MAP_SHARED at %p, MAP_PRIVATE at %p", sh, pv))
		return check_end();
	if (!check(sh[0] == 'A' && sh[PAGE_SIZE] == 'B' && sh[1] == 'A', "file-pages",
		   "the shared mapping shows the file: page 0 '%c', page 1 '%c'", sh[0],
		   sh[PAGE_SIZE]))
		return check_end();

	pid = spawn(child, &(struct maps){ sh, pv });
	if (!check(pid > 0, "fork", "%s", pid > 0 ? "ok" : strerror(errno)))
		return check_end();
	wait_child(pid, &status, NULL);
	check(WIFEXITED(status) && WEXITSTATUS(status) == 0, "child-checks", "child %d %s", pid,
	      status_str(status));
	check(sh[1] == 'x', "one-page",
	      "the child's write through its own mapping is in ours: '%c' (one page-cache page)",
	      sh[1]);
	check(file_byte(fd, 1) == 'x', "read-sees-it", "read() of the file sees it too: '%c'",
	      file_byte(fd, 1));

	check(pv[PAGE_SIZE] == 'B', "private-reads", "the private mapping reads page 1: '%c'",
	      pv[PAGE_SIZE]);
	pv[PAGE_SIZE] = 'z';
	check(pv[PAGE_SIZE] == 'z' && sh[PAGE_SIZE] == 'B' && file_byte(fd, PAGE_SIZE) == 'B',
	      "private-copy",
	      "after a private write: private '%c', shared '%c', file '%c' -- a copy was made",
	      pv[PAGE_SIZE], sh[PAGE_SIZE], file_byte(fd, PAGE_SIZE));
	if (!smaps_find_file(pv, path, &s))
		skip("private-anon", "no smaps entry for %s here%s", path,
		     under_qemu_user() ? " (qemu-arm shows the host's smaps)" : "");
	else
		check(s.anonymous == 4 && s.private_dirty >= 4, "private-anon",
		      "smaps of the private mapping: Anonymous %ld kB, Private_Dirty %ld kB",
		      s.anonymous, s.private_dirty);

	sh[1] = 'A'; /* put the file back */
	munmap(pv, SIZE);
	munmap(sh, SIZE);
	check(file_byte(fd, 1) == 'A', "restored", "the file is as it was");
	close(fd);
	return check_end();
}
