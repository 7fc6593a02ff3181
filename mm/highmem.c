// SPDX-License-Identifier: GPL-2.0
/*
 * mm/highmem.c: mm/highmem.c's persistent kmaps (Linux 3.x/4.x), for one
 * CPU and no sleeping.  A HighMem page gets a kernel address by borrowing
 * one of the LAST_PKMAP slots at PKMAP_BASE (pte table: kmap_init()):
 *
 *   pkmap_count[n]  0: free   1: free but TLB may still hold it
 *                   2+: in use by (count - 1) kmaps
 *
 * Slots are handed out round-robin; when the cursor wraps, every slot at
 * count 1 is cleared at once and the TLB flushed once
 * (flush_all_zero_pkmaps), which is why kunmap() is cheap.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <asm/highmem.h>
#include <asm/map.h>
#include <asm/tlbflush.h>

pte_t *pkmap_page_table;
static unsigned int pkmap_count[LAST_PKMAP];
static unsigned long pkmap_pfn[LAST_PKMAP]; /* which page each slot maps */
static unsigned int last_pkmap_nr;

/* mm/highmem.c: flush_all_zero_pkmaps() */
static void flush_all_zero_pkmaps(void)
{
	bool need_flush = false;

	for (unsigned int i = 0; i < LAST_PKMAP; i++) {
		if (pkmap_count[i] != 1)
			continue;
		pkmap_count[i] = 0;
		set_pte_ext(&pkmap_page_table[i], 0, 0);
		need_flush = true;
	}
	if (need_flush)
		local_flush_tlb_all();
}

/* the slot already mapping pfn, or -1 (Linux: page_address() lookup) */
static int pkmap_lookup(unsigned long pfn)
{
	for (unsigned int i = 0; i < LAST_PKMAP; i++)
		if (pkmap_count[i] > 1 && pkmap_pfn[i] == pfn)
			return (int)i;
	return -1;
}

/* mm/highmem.c: map_new_virtual(); NULL when all slots are in use */
static void *map_new_virtual(unsigned long pfn)
{
	unsigned int count = LAST_PKMAP;

	for (;;) {
		last_pkmap_nr = (last_pkmap_nr + 1) & LAST_PKMAP_MASK;
		if (!last_pkmap_nr)
			flush_all_zero_pkmaps();
		if (!pkmap_count[last_pkmap_nr])
			break;
		if (--count)
			continue;
		/* Linux sleeps until a kunmap(); a9mm cannot wait */
		pr_err("kmap: all %u pkmap slots are in use\n", LAST_PKMAP);
		return NULL;
	}
	set_pte_ext(&pkmap_page_table[last_pkmap_nr],
		    pfn_pte(pfn, mem_types[MT_MEMORY_RW].prot_pte), 0);
	local_flush_tlb_kernel_page(PKMAP_ADDR(last_pkmap_nr));
	pkmap_count[last_pkmap_nr] = 1;
	pkmap_pfn[last_pkmap_nr] = pfn;
	return (void *)PKMAP_ADDR(last_pkmap_nr);
}

/* mm/highmem.c: kmap_high(), by page frame number */
void *kmap_high_pfn(unsigned long pfn)
{
	int nr = pkmap_lookup(pfn);
	void *vaddr;

	if (nr >= 0) {
		pkmap_count[nr]++;
		return (void *)PKMAP_ADDR(nr);
	}
	vaddr = map_new_virtual(pfn);
	if (vaddr)
		pkmap_count[PKMAP_NR((unsigned long)vaddr)]++;
	return vaddr;
}

/* mm/highmem.c: kunmap_high(); false (and a message) if pfn is not kmapped */
bool kunmap_high_pfn(unsigned long pfn)
{
	int nr = pkmap_lookup(pfn);

	if (nr < 0) {
		pr_err("kunmap: pfn 0x%lx is not kmapped\n", pfn);
		return false;
	}
	pkmap_count[nr]--;
	return true;
}

/* number of slots in use (count >= 2), for tests and /proc-style views */
unsigned int pkmap_slots_in_use(void)
{
	unsigned int n = 0;

	for (unsigned int i = 0; i < LAST_PKMAP; i++)
		n += pkmap_count[i] > 1;
	return n;
}

/* include/linux/highmem.h: kmap(): lowmem pages already have an address */
void *kmap(struct page *page)
{
	if (!PageHighMem(page))
		return page_address(page);
	return kmap_high_pfn(page_to_pfn(page));
}

void kunmap(struct page *page)
{
	if (PageHighMem(page))
		kunmap_high_pfn(page_to_pfn(page));
}
