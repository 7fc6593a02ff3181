// SPDX-License-Identifier: GPL-2.0
/*
 * mm/pgwalk.c: a software table walk of swapper_pg_dir, as the MMU does it
 * (ARM ARM B3.5.1, short-descriptor format, TTBCR.N = 0):
 *
 *   VA[31:20] indexes the 4096-entry first-level table.
 *     0b00 fault, 0b10 section (VA[19:0] is the offset),
 *     0b01 page table: VA[19:12] indexes its 256 second-level entries,
 *          0b1x small page (VA[11:0] is the offset), 0b00 fault.
 *
 * Used by the shell's `pgwalk VA`, by show_pte() in the abort report,
 * and by the tests.
 */
#include <linux/bitfield.h>
#include <linux/kernel.h>
#include <linux/swapops.h>
#include <asm/pgtable.h>
#include <asm/pgwalk.h>

/**
 * pgwalk() - walk swapper_pg_dir for one VA, as the MMU would
 * @va: the virtual address
 * @w: filled with the descriptors met and what they give
 */
void pgwalk(unsigned long va, struct pgwalk *w)
{
	pgwalk_pgd(swapper_pg_dir, va, w);
}

/**
 * pgwalk_pgd() - walk a process's page directory for one VA
 * @pgd: the first-level table (swapper_pg_dir, or an mm's pgd)
 * @va: the virtual address
 * @w: filled with the descriptors met and what they give
 */
void pgwalk_pgd(pgd_t *pgd, unsigned long va, struct pgwalk *w)
{
	pmd_t *pmd =
		pmd_offset(pud_offset(pgd + pgd_index(va), va), va) + ((va >> SECTION_SHIFT) & 1);

	memset(w, 0, sizeof(*w));
	w->va = va;
	w->l1 = *pmd;
	w->domain = FIELD_GET(PMD_DOMAIN_MASK, w->l1);
	switch (w->l1 & PMD_TYPE_MASK) {
	case PMD_TYPE_SECT:
		if (w->l1 & PMD_SECT_SUPER)
			return; /* a9mm never makes supersections */
		w->mapped = true;
		w->pa = (w->l1 & SECTION_MASK) | (va & ~SECTION_MASK);
		w->writable = !(w->l1 & PMD_SECT_APX);
		w->executable = !(w->l1 & PMD_SECT_XN);
		return;
	case PMD_TYPE_TABLE: {
		/* the hardware table this entry points at, and its Linux shadow */
		pteval_t *hw = __va((phys_addr_t)(w->l1 & PMD_TABLE_ADDR_MASK));
		unsigned int idx = (va >> PAGE_SHIFT) & 0xff;

		w->has_l2 = true;
		w->l2 = hw[idx];
		w->linux_pte = (hw - PTE_HWTABLE_PTRS)[idx]; /* the Linux shadow, 2 KiB below */
		if (!(w->l2 & PTE_TYPE_SMALL))
			return; /* fault (a9mm makes no large pages) */
		w->mapped = true;
		w->pa = (w->l2 & PAGE_MASK) | (va & ~PAGE_MASK);
		w->writable = !(w->l2 & PTE_EXT_APX);
		w->executable = !(w->l2 & PTE_EXT_XN);
		return;
	}
	default:
		return;
	}
}

/**
 * pgwalk_memtype() - the ARM ARM's name for a TEX/C/B memory type
 * @tex: TEX[2:0]
 * @c: C
 * @b: B
 *
 * ARM ARM B3.8.2, table B3-10, with TEX remap off (SCTLR.TRE = 0).
 *
 * Return: a constant string, "reserved" for the encodings with no meaning.
 */
const char *pgwalk_memtype(unsigned int tex, unsigned int c, unsigned int b)
{
	static const char *const tex0[4] = {
		"strongly-ordered",
		"shareable device",
		"normal, write-through, no write-allocate",
		"normal, write-back, no write-allocate",
	};

	if (tex & 4)
		return "normal, cacheable (outer/inner policies)";
	if (tex == 0)
		return tex0[c << 1 | b];
	if (tex == 1 && !c && !b)
		return "normal, non-cacheable";
	if (tex == 1 && c && b)
		return "normal, write-back, write-allocate";
	if (tex == 2 && !c && !b)
		return "non-shareable device";
	return "reserved";
}

/**
 * pgwalk_access() - the access an AP[2:0] encoding gives
 * @apx: AP[2]
 * @ap: AP[1:0]
 *
 * ARM ARM B3.7.1, table B3-8.
 *
 * Return: a constant string such as "kernel RW, user none".
 */
const char *pgwalk_access(unsigned int apx, unsigned int ap)
{
	static const char *const names[2][4] = {
		{ "no access", "kernel RW, user none", "kernel RW, user RO", "kernel RW, user RW" },
		{ "reserved", "kernel RO, user none", "kernel RO, user RO", "kernel RO, user RO" },
	};

	return names[apx & 1][ap & 3];
}

static void show_attrs(int (*print)(const char *fmt, ...), unsigned int apx, unsigned int ap,
		       unsigned int tex, unsigned int c, unsigned int b, unsigned int xn,
		       unsigned int s, unsigned int ng)
{
	print("      AP[2:0]=%u%u%u (%s), XN=%u, TEX=%u%u%u C=%u B=%u (%s), S=%u, nG=%u\n", apx,
	      ap >> 1, ap & 1, pgwalk_access(apx, ap), xn, tex >> 2, (tex >> 1) & 1, tex & 1, c, b,
	      pgwalk_memtype(tex, c, b), s, ng);
}

/*
 * the Linux pte's own bits (asm/pgtable-2level.h): what the kernel keeps
 * beside the hardware entry -- young and dirty are emulated (a clear one
 * makes the hardware entry fault or read-only), RDONLY, USER, XN; or,
 * for a pte neither none nor present, the swap entry it holds
 */
static void show_linux_pte(int (*print)(const char *fmt, ...), pte_t pte)
{
	if (is_swap_pte(pte)) { /* not present: where the page went (linux/swapops.h) */
		swp_entry_t entry = pte_to_swp_entry(pte);

		if (is_migration_entry(entry))
			print("      Linux pte: swap entry: migration (%s), pfn 0x%05lx is being "
			      "moved (a fault waits)\n",
			      is_write_migration_entry(entry) ? "write" : "read",
			      swp_offset(entry));
		else
			print("      Linux pte: swap entry: type %u, offset 0x%lx\n",
			      swp_type(entry), swp_offset(entry));
		return;
	}
	print("      Linux pte: %s%s%s%s%s%s%s\n", pte & L_PTE_PRESENT ? "present" : "none",
	      pte & L_PTE_YOUNG ? " young" : " old", pte & L_PTE_DIRTY ? " dirty" : " clean",
	      pte & L_PTE_RDONLY ? " RDONLY" : " rw", pte & L_PTE_USER ? " USER" : " kernel",
	      pte & L_PTE_XN ? " XN" : " exec", pte & L_PTE_SHARED ? " shared" : "");
}

/**
 * pgwalk_show() - walk the tables for a VA and name every field met
 * @va: the virtual address
 * @print: printf-like output (shprintf() for `pgwalk`, printk_alert() for
 *         an abort report)
 */
void pgwalk_show(unsigned long va, int (*print)(const char *fmt, ...))
{
	pgwalk_show_pgd(swapper_pg_dir, va, print);
}

/**
 * pgwalk_show_pgd() - pgwalk_show() in a given page directory
 * @pgd: the first-level table
 * @va: the virtual address
 * @print: printf-like output
 */
void pgwalk_show_pgd(pgd_t *pgd, unsigned long va, int (*print)(const char *fmt, ...))
{
	struct pgwalk w;
	pmdval_t l1;

	pgwalk_pgd(pgd, va, &w);
	l1 = w.l1;
	print("  L1[0x%03lx] = 0x%08lx (pgd[0x%03lx], %s MiB of the pair): ", va >> SECTION_SHIFT,
	      (unsigned long)l1, va >> PGDIR_SHIFT, (va >> SECTION_SHIFT) & 1 ? "2nd" : "1st");
	switch (l1 & PMD_TYPE_MASK) {
	case PMD_TYPE_FAULT:
		print("fault (not mapped)\n");
		return;
	case PMD_TYPE_SECT:
		if (l1 & PMD_SECT_SUPER) {
			print("supersection (not used by a9mm)\n");
			return;
		}
		print("section, PA 0x%08lx, domain %u\n", (unsigned long)(l1 & SECTION_MASK),
		      w.domain);
		show_attrs(print, !!(l1 & PMD_SECT_APX), FIELD_GET(PMD_SECT_AP_MASK, l1),
			   FIELD_GET(PMD_SECT_TEX_MASK, l1), !!(l1 & PMD_SECT_CACHEABLE),
			   !!(l1 & PMD_SECT_BUFFERABLE), !!(l1 & PMD_SECT_XN), !!(l1 & PMD_SECT_S),
			   !!(l1 & PMD_SECT_nG));
		break;
	case PMD_TYPE_TABLE:
		print("page table at PA 0x%08lx, domain %u\n",
		      (unsigned long)(l1 & PMD_TABLE_ADDR_MASK), w.domain);
		print("  L2[0x%02lx] = 0x%08lx (Linux pte 0x%08lx): ", (va >> PAGE_SHIFT) & 0xff,
		      (unsigned long)w.l2, (unsigned long)w.linux_pte);
		if (!(w.l2 & PTE_TYPE_SMALL)) {
			print("fault (not mapped)\n");
			if (w.linux_pte)
				show_linux_pte(print, w.linux_pte);
			return;
		}
		print("small page, PA 0x%08lx\n", (unsigned long)(w.l2 & PAGE_MASK));
		show_attrs(print, !!(w.l2 & PTE_EXT_APX), FIELD_GET(PTE_EXT_AP_MASK, w.l2),
			   FIELD_GET(PTE_EXT_TEX_MASK, w.l2), !!(w.l2 & PTE_CACHEABLE),
			   !!(w.l2 & PTE_BUFFERABLE), w.l2 & PTE_EXT_XN, !!(w.l2 & PTE_EXT_SHARED),
			   !!(w.l2 & PTE_EXT_NG));
		show_linux_pte(print, w.linux_pte);
		break;
	default:
		print("reserved encoding\n");
		return;
	}
	print("  => VA 0x%08lx -> PA 0x%08lx\n", va, (unsigned long)w.pa);
}
