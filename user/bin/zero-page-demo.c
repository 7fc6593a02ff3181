// SPDX-License-Identifier: GPL-2.0
/*
 * zero-page-demo - reading untouched memory costs no RAM; writing does.
 *
 * A fresh private anonymous mapping is only a VMA.  The first *read* of a
 * page faults into do_anonymous_page(), which maps the one shared zero
 * page (empty_zero_page) read-only: the program sees zeroes and no RAM is
 * spent, so VmRSS in /proc/self/status stays flat.  The first *write*
 * faults again -- the zero page is mapped read-only -- and do_wp_page()
 * gives the page a private, zeroed copy: now RSS grows by a page.
 *
 *   mmap 16 MiB      VmRSS +0
 *   read every page  VmRSS +0      (4096 faults, each mapping the zero page)
 *   write each page  VmRSS +16 MiB (4096 faults, each a new page)
 *
 * The checks leave room for what else the process does (its own stack,
 * stdio buffers, and under qemu-arm the emulator's work), so they hold on
 * Linux with or without transparent huge pages (a huge zero page is not
 * counted in RSS either).
 */
#include "ulib.h"

#define SIZE	(16UL << 20)
#define SIZE_KB (SIZE >> 10)

int main(void)
{
	long rss0, rss1, rss2, f0, f1, f2;
	unsigned long sum;
	char *p;

	check_begin("zero-page-demo");
	rss0 = proc_status_kb("VmRSS");
	if (rss0 < 0) {
		skip("rss", "no VmRSS in /proc/self/status: %s", strerror(errno));
		return check_end();
	}
	p = mmap(NULL, SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (!check(p != MAP_FAILED, "mmap", "16 MiB anonymous at %p", p))
		return check_end();

	f0 = minflt();
	sum = read_pages(p, SIZE);
	f1 = minflt();
	rss1 = proc_status_kb("VmRSS");
	check(sum == 0, "reads-zero", "every untouched page reads as zeroes");
	note("read 4096 pages: %ld minor faults, VmRSS %ld -> %ld kB", f1 - f0, rss0, rss1);
	check(rss1 - rss0 < (long)SIZE_KB / 8, "read-costs-no-ram",
	      "VmRSS grew by %ld kB after reading %lu kB (under %lu)", rss1 - rss0, SIZE_KB,
	      SIZE_KB / 8);

	touch_pages(p, SIZE, 1);
	f2 = minflt();
	rss2 = proc_status_kb("VmRSS");
	note("wrote 4096 pages: %ld minor faults, VmRSS %ld -> %ld kB", f2 - f1, rss1, rss2);
	check(rss2 - rss1 >= (long)SIZE_KB * 7 / 8, "write-costs-ram",
	      "VmRSS grew by %ld kB after writing %lu kB (at least %lu)", rss2 - rss1, SIZE_KB,
	      SIZE_KB * 7 / 8);
	check(f2 > f1, "write-faults", "the writes faulted %ld times (read-only zero page -> copy)",
	      f2 - f1);
	check(read_pages(p, SIZE) == SIZE / PAGE_SIZE, "data", "every page now holds its 1");

	munmap(p, SIZE);
	note("after munmap: VmRSS %ld kB", proc_status_kb("VmRSS"));
	return check_end();
}
