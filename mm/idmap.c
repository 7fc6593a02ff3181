// SPDX-License-Identifier: GPL-2.0
/*
 * mm/idmap.c: arch/arm/mm/idmap.c (Linux 4.9): idmap_pgd, a first-level
 * table with the kernel's mappings and, besides, .idmap.text at its own
 * physical address.  A secondary CPU turns its MMU on with it: the
 * instruction after the SCTLR write is fetched through the new
 * translation at the same address as before (__turn_mmu_on, head.S), and
 * the jump that follows reaches the kernel at its virtual address.
 * swapper_pg_dir cannot serve: paging_init() cleared head.S's identity
 * map out of it, and user space will live in that range.
 */
#include <asm/cacheflush.h>
#include <asm/mmu_context.h>
#include <asm/pgtable.h>
#include <asm/tlbflush.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/mm.h>

extern char __idmap_text_start[], __idmap_text_end[];

pgd_t *idmap_pgd;

/*
 * arch/arm/mm/idmap.c: identity_mapping_add() @ v4.9 (classic MMU): 1 MiB
 * sections VA = PA, strongly ordered (TEX=0 C=0 B=0), kernel read/write --
 * only ever executed from for a few instructions.
 */
static void identity_mapping_add(pgd_t *pgd, unsigned long addr, unsigned long end)
{
	const pmdval_t prot = PMD_TYPE_SECT | PMD_SECT_AP_WRITE;

	addr &= SECTION_MASK;
	for (; addr < end; addr += SECTION_SIZE) {
		pmd_t *pmd = &pgd[pgd_index(addr)][(addr >> SECTION_SHIFT) & 1];

		*pmd = (pmdval_t)addr | prot;
		flush_pmd_entry(pmd);
	}
}

/**
 * init_static_idmap() - build idmap_pgd before the secondaries start
 *
 * arch/arm/mm/idmap.c: init_static_idmap() @ v4.9 (an early_initcall):
 * pgd_alloc()'s part -- 16 KiB from the page allocator (TTBR0 with
 * TTBCR.N = 0 wants the table 16 KiB aligned, B4.1.154; an order-2
 * block is) with the kernel's half of swapper_pg_dir copied in -- then
 * .idmap.text.  Prints the range as Linux does.
 */
void __init init_static_idmap(void)
{
	phys_addr_t start = __pa(__idmap_text_start), end = __pa(__idmap_text_end);
	struct page *page = alloc_pages(GFP_KERNEL, 2);
	unsigned int first = pgd_index(TASK_SIZE);

	if (!page)
		panic("no 16 KiB for idmap_pgd: secondary CPUs cannot be started");
	idmap_pgd = page_address(page);
	memset(idmap_pgd, 0, first * sizeof(pgd_t));
	memcpy(idmap_pgd + first, swapper_pg_dir + first, (PTRS_PER_PGD - first) * sizeof(pgd_t));
	pr_info("Setting up static identity map for 0x%lx - 0x%lx\n", (unsigned long)start,
		(unsigned long)end);
	identity_mapping_add(idmap_pgd, start, end);
	clean_dcache_area(idmap_pgd, PTRS_PER_PGD * sizeof(pgd_t));
}
