// SPDX-License-Identifier: GPL-2.0
/*
 * mm/highmem.c: the persistent kmaps of mm/highmem.c @ v4.14, for one
 * CPU and no sleeping.  A HighMem page gets a kernel address by borrowing
 * one of the LAST_PKMAP slots at PKMAP_BASE (pte table: kmap_init()):
 *
 *   pkmap_count[n]  0: free   1: free but TLB may still hold it
 *                   2+: in use by (count - 1) kmaps
 *
 * Slots are handed out round-robin; when the cursor wraps, every slot at
 * count 1 is cleared at once and the TLB flushed once
 * (flush_all_zero_pkmaps), which is why kunmap() is cheap.
 *
 * kmap_atomic_pfn() is the other way (arch/arm/mm/highmem.c @ v4.14): a per-CPU
 * stack of fixmap slots (asm/fixmap.h), for short uses that must not wait.
 * Both are at page-frame level; the struct page wrappers (kmap(),
 * kmap_atomic()) sit on top of them.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <asm/fixmap.h>
#include <asm/highmem.h>
#include <asm/map.h>
#include <asm/tlbflush.h>

pte_t *pkmap_page_table;
static unsigned int pkmap_count[LAST_PKMAP];
static unsigned long pkmap_pfn[LAST_PKMAP]; /* which page each slot maps */
static unsigned int last_pkmap_nr;

/* mm/highmem.c: flush_all_zero_pkmaps() @ v4.14 */
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
		flush_tlb_all();
}

/* the slot already mapping pfn, or -1 (Linux: page_address() lookup) */
static int pkmap_lookup(unsigned long pfn)
{
	for (unsigned int i = 0; i < LAST_PKMAP; i++)
		if (pkmap_count[i] > 1 && pkmap_pfn[i] == pfn)
			return (int)i;
	return -1;
}

/* mm/highmem.c: map_new_virtual() @ v4.14; NULL when all slots are in use */
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
	flush_tlb_kernel_page(PKMAP_ADDR(last_pkmap_nr));
	pkmap_count[last_pkmap_nr] = 1;
	pkmap_pfn[last_pkmap_nr] = pfn;
	return (void *)PKMAP_ADDR(last_pkmap_nr);
}

/**
 * kmap_high_pfn() - give a HighMem page a kernel address in a pkmap slot
 * @pfn: the page frame
 *
 * mm/highmem.c: kmap_high() @ v4.14, by page frame number: a page already
 * mapped gets its slot again, counted once more.  Linux sleeps when every
 * slot is taken; a9mm cannot wait, it says so and fails.
 *
 * Return: the page's address in the pkmap area, or NULL if all LAST_PKMAP
 * slots are in use.
 */
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

/**
 * kunmap_high_pfn() - drop one kmap_high_pfn() reference to a page
 * @pfn: the page frame
 *
 * mm/highmem.c: kunmap_high() @ v4.14.  The slot stays mapped until the
 * slots wrap round (flush_all_zero_pkmaps()), as in Linux.
 *
 * Return: true, or false (with a message) if @pfn is not kmapped -- Linux
 * would BUG().
 */
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

/**
 * pkmap_slots_in_use() - how many pkmap slots hold a mapped page
 *
 * Return: the number of slots with a reference (count >= 2), for the tests.
 */
unsigned int pkmap_slots_in_use(void)
{
	unsigned int n = 0;

	for (unsigned int i = 0; i < LAST_PKMAP; i++)
		n += pkmap_count[i] > 1;
	return n;
}

/*
 * The kmap_atomic() slots in use on this CPU (Linux: the per-CPU
 * __kmap_atomic_idx).  a9mm runs on CPU 0 only, so smp_processor_id() is 0.
 */
static int kmap_atomic_idx;

/* arch/arm/mm/highmem.c @ v4.14: FIX_KMAP_BEGIN + type + KM_TYPE_NR * smp_processor_id() */
static int kmap_atomic_fix(int type)
{
	const int cpu = 0;

	return FIX_KMAP_BEGIN + type + KM_TYPE_NR * cpu;
}

BUILD_BUG_ON(__fix_to_virt(FIX_KMAP_END) >> PGDIR_SHIFT != FIXADDR_TOP >> PGDIR_SHIFT);

/* arch/arm/mm/highmem.c: set_fixmap_pte() @ v4.14: the slot's pte, then its TLB entry */
static void set_fixmap_pte(int idx, pte_t pte)
{
	unsigned long vaddr = __fix_to_virt(idx);
	pte_t *ptep = pte_offset_kernel(pmd_off_k(vaddr), vaddr);

	set_pte_ext(ptep, pte, 0);
	flush_tlb_kernel_page(vaddr);
}

/**
 * kmap_atomic_pfn() - a short-lived kernel address for any page frame
 * @pfn: the page frame
 *
 * arch/arm/mm/highmem.c: kmap_atomic_pfn() @ v4.14: lowmem is in the
 * linear map already; a HighMem page gets the next fixmap slot of this
 * CPU.  Slots nest like a stack: unmap in reverse order.  More than
 * KM_TYPE_NR nested at once is a bug (BUG_ON).
 *
 * Return: the address (never NULL).
 */
void *kmap_atomic_pfn(unsigned long pfn)
{
	int idx;

	if (pfn < __phys_to_pfn(arm_lowmem_limit))
		return __va(__pfn_to_phys(pfn));
	BUG_ON(kmap_atomic_idx >= KM_TYPE_NR);
	idx = kmap_atomic_fix(kmap_atomic_idx++);
	set_fixmap_pte(idx, pfn_pte(pfn, mem_types[MT_MEMORY_RW].prot_pte));
	return (void *)__fix_to_virt(idx);
}

/**
 * __kunmap_atomic() - undo kmap_atomic_pfn() (or a kmap of a pkmap address)
 * @kvaddr: the address it returned
 *
 * arch/arm/mm/highmem.c: __kunmap_atomic() @ v4.14: a fixmap address must
 * be the last slot handed out; its pte is cleared (Linux does that only
 * with CONFIG_DEBUG_HIGHMEM -- a9mm always does, so a stale pointer
 * faults).  A pkmap address drops its kmap_high() reference; lowmem needs
 * nothing.
 */
void __kunmap_atomic(void *kvaddr)
{
	unsigned long vaddr = (unsigned long)kvaddr & PAGE_MASK;

	if (vaddr >= FIXADDR_START && vaddr < FIXADDR_END) {
		int idx = kmap_atomic_fix(kmap_atomic_idx - 1);

		BUG_ON(kmap_atomic_idx <= 0 || vaddr != __fix_to_virt(idx));
		set_fixmap_pte(idx, 0);
		kmap_atomic_idx--;
	} else if (vaddr >= PKMAP_BASE && vaddr < PKMAP_ADDR(LAST_PKMAP)) {
		/* an address kmap() did not give out is reported there */
		kunmap_high_pfn(pte_pfn(pkmap_page_table[PKMAP_NR(vaddr)]));
	}
}

/**
 * kmap() - a kernel address for a page, HighMem or not
 * @page: the page
 *
 * include/linux/highmem.h: kmap() @ v4.14: lowmem pages already have one.
 *
 * Return: the address, or NULL when every pkmap slot is in use.
 */
void *kmap(struct page *page)
{
	if (!PageHighMem(page))
		return page_address(page);
	return kmap_high_pfn(page_to_pfn(page));
}

/**
 * kunmap() - release a kmap() of a page
 * @page: the page
 *
 * include/linux/highmem.h: kunmap() @ v4.14.
 */
void kunmap(struct page *page)
{
	if (PageHighMem(page))
		kunmap_high_pfn(page_to_pfn(page)); /* reports a page not kmapped */
}
