// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/cmd_md.c: `md ADDR [WORDS]` -- memory display that never faults.
 *
 * Before each page it reads, md asks the MMU itself: ATS1CPR (ARM ARM
 * B4.2.6, "VA to PA translation operations") translates the VA as a
 * privileged read would, and PAR (B4.1.112) says whether that would fault
 * and where it lands.  Unmapped pages are reported instead of read, and so
 * are pages whose PA is not RAM in memblock: reading an I/O register can
 * have effects (the UART's data register would eat a typed character).
 */
#include <a9mm/shell.h>
#include <asm/page.h>
#include <asm/par.h>
#include <linux/cmdline.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/memblock.h>

static void md_line(unsigned long va, const u32 *w, unsigned int n)
{
	char ascii[17];
	unsigned int i;

	shprintf("%08lx:", va);
	for (i = 0; i < n; i++)
		shprintf(" %08lx", (unsigned long)w[i]);
	for (i = 0; i < 4 * n; i++) {
		char c = ((const char *)w)[i];

		ascii[i] = c >= 0x20 && c < 0x7f ? c : '.';
	}
	ascii[4 * n] = '\0';
	shprintf("%*s    %s\n", (int)(9 * (4 - n)), "", ascii);
}

/*
 * 0 if the page holding @va can be read as RAM; else -EFAULT, after
 * showing the @n words of the line at @line_va read so far and saying why
 * it stops.
 */
static int md_check_page(unsigned long va, const u32 *line, unsigned int n, unsigned long line_va)
{
	unsigned long par = ats1cpr(va);
	bool ok = !(par & PAR_F) && memblock_is_memory(par & PAGE_MASK);

	if (!ok && n)
		md_line(line_va, line, n);

	if (par & PAR_F) {
		shprintf(
			"md: 0x%08lx is not mapped (the MMU reports fault status 0x%02lx); not read\n",
			va & PAGE_MASK, PAR_FS(par));
		return -EFAULT;
	}
	if (!memblock_is_memory(par & PAGE_MASK)) {
		shprintf("md: 0x%08lx maps PA 0x%08lx, which is not RAM; md reads RAM only\n",
			 va & PAGE_MASK, par & PAGE_MASK);
		return -EFAULT;
	}
	return 0;
}

static int do_md(int argc, char **argv)
{
	unsigned long addr, words = 16, checked = 1; /* checked: a page-aligned VA + 1 = none */

	if (argc < 2 || argc > 3)
		return 1;
	for (int i = 1; i < argc; i++) {
		if (kstrtoul(argv[i], 0, i == 1 ? &addr : &words)) {
			shprintf("md: '%s' is not a number\n", argv[i]);
			return 1;
		}
	}
	if (addr & 3) {
		shprintf("md: 0x%08lx is not word aligned\n", addr);
		return 1;
	}
	if (words == 0 || words > 1024) {
		shprintf("md: WORDS must be 1..1024\n");
		return 1;
	}
	if (addr + 4 * words - 1 < addr) {
		shprintf("md: the range wraps past 0xffffffff\n");
		return 1;
	}
	while (words) {
		unsigned int n = words < 4 ? (unsigned int)words : 4;
		u32 line[4];

		for (unsigned int i = 0; i < n; i++) {
			unsigned long va = addr + 4 * i;

			if ((va & PAGE_MASK) != checked) {
				if (md_check_page(va, line, i, addr))
					return 0;
				checked = va & PAGE_MASK;
			}
			line[i] = *(volatile u32 *)va;
		}
		md_line(addr, line, n);
		addr += 4 * n;
		words -= n;
	}
	return 0;
}
SHELL_CMD("md", do_md, "ADDR [WORDS]", "display memory; checks the mapping first, never faults",
	  .linux = "the MMU's own translation (ATS1CPR, then PAR) before each page, where "
		   "Linux's copy_from_kernel_nofault() would take and fix up the fault");
