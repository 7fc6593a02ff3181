// SPDX-License-Identifier: GPL-2.0
/*
 * mm/highmem.c: the persistent kmaps of mm/highmem.c @ v4.14, without
 * sleeping.  A HighMem page gets a kernel address by borrowing one of the
 * LAST_PKMAP slots at PKMAP_BASE (pte table: kmap_init()):
 *
 *   pkmap_count[n]  0: free   1: free but still mapped (TLB may hold it)
 *                   2+: in use by (count - 1) kmaps
 *
 * A page keeps its slot until the slot is recycled: page_address() finds
 * it through a small hash of page frames to slots (Linux's
 * page_address_htable), so kmap() of a page already kmapped -- or kunmapped
 * but not yet recycled -- takes the same slot and only bumps its count.
 *
 *   page_address_htable[hash(pfn)] -> page_address_map -> ... (one per slot)
 *                                      { pfn, virtual }
 *
 * Slots are handed out round-robin; when the cursor wraps, every slot at
 * count 1 is cleared at once, its page forgets the address, and the TLB is
 * flushed once (flush_all_zero_pkmaps), which is why kunmap() is cheap.
 * kmap_lock guards the counts, the pte table and the hash, as in Linux;
 * every CPU shares the slots.  They are one mapping seen by every CPU, so
 * that flush must reach every CPU's TLB: flush_tlb_all() is the
 * inner-shareable TLBIALLIS (asm/tlbflush.h).
 *
 * kmap_atomic_pfn() is the other way (arch/arm/mm/highmem.c @ v4.14): a per-CPU
 * stack of fixmap slots (asm/fixmap.h), for short uses that must not wait,
 * interrupt handlers included.  Both are at page-frame level; the struct page wrappers (kmap(),
 * kmap_atomic()) sit on top of them.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/percpu.h>
#include <linux/smp.h>
#include <linux/spinlock.h>
#include <asm/fixmap.h>
#include <asm/highmem.h>
#include <asm/map.h>
#include <asm/tlbflush.h>

pte_t *pkmap_page_table;
static unsigned int pkmap_count[LAST_PKMAP];
static unsigned int last_pkmap_nr;
/* mm/highmem.c: kmap_lock @ v4.14, over the slots, their counts and the hash (not for IRQ context)
 */
static DEFINE_SPINLOCK(kmap_lock);

#define PA_HASH_ORDER 7 /* 128 hash chains, as Linux */

/*
 * mm/highmem.c: struct page_address_map @ v4.14, keyed by page frame (a9mm
 * kmaps frames, kmap() turns a page into its frame).  The chains are
 * singly linked, so the zeroed table is ready without page_address_init().
 */
struct page_address_map {
	unsigned long pfn;
	void *virtual;
	struct page_address_map *next;
};

static struct page_address_map page_address_maps[LAST_PKMAP]; /* one per slot */
static struct page_address_map *page_address_htable[1 << PA_HASH_ORDER];

/* include/linux/hash.h: hash_32() @ v4.7: the top bits of pfn x 2^32/phi */
static struct page_address_map **page_slot(unsigned long pfn)
{
	return &page_address_htable[((u32)pfn * 0x61c88647u) >> (32 - PA_HASH_ORDER)];
}

/* mm/highmem.c: page_address() @ v4.14, the HighMem half, kmap_lock held */
static void *pkmap_page_address(unsigned long pfn)
{
	for (struct page_address_map *pam = *page_slot(pfn); pam; pam = pam->next)
		if (pam->pfn == pfn)
			return pam->virtual;
	return NULL;
}

/* mm/highmem.c: set_page_address() @ v4.14: pfn now has (or, NULL, lost) a slot */
static void set_page_address(unsigned long pfn, void *virtual)
{
	struct page_address_map **pp = page_slot(pfn);

	if (virtual) {
		struct page_address_map *pam = &page_address_maps[PKMAP_NR((unsigned long)virtual)];

		pam->pfn = pfn;
		pam->virtual = virtual;
		pam->next = *pp;
		*pp = pam;
		return;
	}
	for (; *pp; pp = &(*pp)->next)
		if ((*pp)->pfn == pfn) {
			*pp = (*pp)->next;
			return;
		}
}

/**
 * page_address() - the kernel virtual address of a page, if it has one
 * @page: any page of mem_map
 *
 * Lowmem pages are always in the linear map.  A HighMem page has an
 * address only while it holds a pkmap slot (kmap()), and keeps it after
 * kunmap() until the slot is recycled.
 *
 * mm/highmem.c: page_address() @ v4.14.
 *
 * Return: the address, or NULL for a HighMem page without a slot.
 */
void *page_address(const struct page *page)
{
	void *vaddr;

	if (!PageHighMem(page))
		return lowmem_page_address(page);
	spin_lock(&kmap_lock);
	vaddr = pkmap_page_address(page_to_pfn(page));
	spin_unlock(&kmap_lock);
	return vaddr;
}

/*
 * mm/highmem.c: flush_all_zero_pkmaps() @ v4.14: clear every slot nobody
 * uses, then one TLB flush for all of them on all CPUs.  Linux flushes the
 * pkmap range (flush_tlb_kernel_range(), broadcast on SMP); one TLBIALLIS
 * does the same in one operation.  Without it another CPU that once read
 * through a slot would keep reading the old page through its TLB after
 * the slot was given to a new one (the smp suite's kmap case checks).
 */
static void flush_all_zero_pkmaps(void)
{
	bool need_flush = false;

	for (unsigned int i = 0; i < LAST_PKMAP; i++) {
		if (pkmap_count[i] != 1)
			continue;
		pkmap_count[i] = 0;
		set_page_address(pte_pfn(pkmap_page_table[i]), NULL);
		set_pte_ext(&pkmap_page_table[i], 0, 0);
		need_flush = true;
	}
	if (need_flush)
		flush_tlb_all();
}

/*
 * mm/highmem.c: map_new_virtual() @ v4.14; NULL when all slots are in use.
 * The slot's pte was cleared and every CPU's TLB flushed when it was
 * freed (flush_all_zero_pkmaps), and an entry that faults is never held in
 * a TLB (ARM ARM B3.10.1), so filling it needs no TLB operation -- none
 * in Linux either.  (A flush here would also hide a flush_all_zero_pkmaps()
 * that missed the other CPUs: the smp suite's kmap case relies on it not.)
 */
static void *map_new_virtual(unsigned long pfn)
{
	unsigned int count = LAST_PKMAP;
	void *vaddr;

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
	vaddr = (void *)PKMAP_ADDR(last_pkmap_nr);
	set_pte_ext(&pkmap_page_table[last_pkmap_nr],
		    pfn_pte(pfn, mem_types[MT_MEMORY_RW].prot_pte), 0);
	pkmap_count[last_pkmap_nr] = 1;
	set_page_address(pfn, vaddr);
	return vaddr;
}

/**
 * kmap_high_pfn() - a pkmap address for a HighMem page frame
 * @pfn: the frame; its pte is written with MT_MEMORY_RW attributes
 *
 * The frame's slot, if it still has one (page_address()), or a new one;
 * either way the slot's count goes up by one.  Each call needs its own
 * kunmap_high_pfn().
 *
 * mm/highmem.c: kmap_high() @ v4.14, by page frame number.
 *
 * Return: the slot's address, or NULL (and a message) if all are in use.
 */
void *kmap_high_pfn(unsigned long pfn)
{
	void *vaddr;

	spin_lock(&kmap_lock);
	vaddr = pkmap_page_address(pfn);
	if (!vaddr)
		vaddr = map_new_virtual(pfn);
	if (vaddr)
		pkmap_count[PKMAP_NR((unsigned long)vaddr)]++;
	spin_unlock(&kmap_lock);
	return vaddr;
}

/**
 * kunmap_high_pfn() - give back one kmap_high_pfn() of a frame
 * @pfn: the frame
 *
 * The slot stays mapped (count 1) until the slots wrap, so the next kmap
 * of the same frame finds it again.  Linux BUG()s on an unbalanced
 * kunmap; a9mm refuses it and says so.
 *
 * mm/highmem.c: kunmap_high() @ v4.14, by page frame number.
 *
 * Return: true, or false if @pfn holds no kmap.
 */
bool kunmap_high_pfn(unsigned long pfn)
{
	void *vaddr;
	bool ok;

	spin_lock(&kmap_lock);
	vaddr = pkmap_page_address(pfn);
	ok = vaddr && pkmap_count[PKMAP_NR((unsigned long)vaddr)] > 1;
	if (ok)
		pkmap_count[PKMAP_NR((unsigned long)vaddr)]--;
	spin_unlock(&kmap_lock);
	if (!ok)
		pr_err("kunmap: pfn 0x%lx is not kmapped\n", pfn);
	return ok;
}

/**
 * pkmap_slots_in_use() - how many pkmap slots hold at least one kmap
 *
 * Return: the number of slots whose count is 2 or more.
 */
unsigned int pkmap_slots_in_use(void)
{
	unsigned int n = 0;

	spin_lock(&kmap_lock);
	for (unsigned int i = 0; i < LAST_PKMAP; i++)
		n += pkmap_count[i] > 1;
	spin_unlock(&kmap_lock);
	return n;
}

/**
 * pkmap_slot_count() - a pkmap slot's count, for the shell and tests
 * @nr: the slot, 0..LAST_PKMAP-1
 *
 * Return: 0 free, 1 mapped but unused, 2+ in use by (count - 1) kmaps.
 */
unsigned int pkmap_slot_count(unsigned int nr)
{
	return nr < LAST_PKMAP ? pkmap_count[nr] : 0;
}

/*
 * arch/arm/mm/highmem.c: the kmap_atomic() slots in use on each CPU
 * (include/linux/highmem.h: __kmap_atomic_idx).  Interrupt handlers
 * may kmap_atomic() on top of what they interrupted: they give their
 * slots back before returning, so the stack stays a stack.
 */
static DEFINE_PER_CPU(int, __kmap_atomic_idx);

/* arch/arm/mm/highmem.c @ v4.14: FIX_KMAP_BEGIN + type + KM_TYPE_NR * smp_processor_id() */
static int kmap_atomic_fix(int type)
{
	return FIX_KMAP_BEGIN + type + KM_TYPE_NR * (int)smp_processor_id();
}

BUILD_BUG_ON(__fix_to_virt(FIX_KMAP_END) >> PGDIR_SHIFT != FIXADDR_TOP >> PGDIR_SHIFT);

/*
 * arch/arm/mm/highmem.c: set_fixmap_pte() @ v4.14: the slot's pte, then its TLB
 * entry.  Linux drops it from this CPU's TLB only (the slot is this
 * CPU's); a9mm uses the broadcast TLBIMVAAIS, as for every change to the
 * kernel's mappings, so no CPU can hold a stale copy -- not even one a
 * speculative table walk fetched.
 */
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
 * KM_TYPE_NR nested at once is a bug (BUG_ON).  Preemption is off until
 * the matching __kunmap_atomic(), as in Linux: another task on this CPU
 * would take slots from the same stack.
 *
 * Return: the address (never NULL).
 */
void *kmap_atomic_pfn(unsigned long pfn)
{
	int *kmap_atomic_idx;
	int idx;

	preempt_disable();
	kmap_atomic_idx = this_cpu_ptr(&__kmap_atomic_idx);
	if (pfn < __phys_to_pfn(arm_lowmem_limit))
		return __va(__pfn_to_phys(pfn));
	BUG_ON(*kmap_atomic_idx >= KM_TYPE_NR);
	idx = kmap_atomic_fix((*kmap_atomic_idx)++);
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
		int *kmap_atomic_idx = this_cpu_ptr(&__kmap_atomic_idx);
		int idx = kmap_atomic_fix(*kmap_atomic_idx - 1);

		BUG_ON(*kmap_atomic_idx <= 0 || vaddr != __fix_to_virt(idx));
		set_fixmap_pte(idx, 0);
		(*kmap_atomic_idx)--;
	} else if (vaddr >= PKMAP_BASE && vaddr < PKMAP_ADDR(LAST_PKMAP)) {
		/* an address kmap() did not give out is reported there */
		kunmap_high_pfn(pte_pfn(pkmap_page_table[PKMAP_NR(vaddr)]));
		return; /* kmap()'s, not kmap_atomic()'s: preemption was not turned off */
	}
	preempt_enable();
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

/**
 * kmap_atomic() - a temporary kernel address for a page
 * @page: the page
 *
 * arch/arm/mm/highmem.c: kmap_atomic() @ v4.14: never waits; interrupt
 * handlers may use it.
 *
 * Return: the page's address: its linear one in lowmem, else a fixmap slot
 * of this CPU's (never NULL: more than KM_TYPE_NR nested is a BUG).
 */
void *kmap_atomic(struct page *page)
{
	return kmap_atomic_pfn(page_to_pfn(page));
}

/**
 * kunmap_atomic() - give back a kmap_atomic() address
 * @kvaddr: what kmap_atomic() returned
 *
 * include/linux/highmem.h: kunmap_atomic() @ v4.14: the slots are a stack,
 * so the last address taken is given back first.
 */
void kunmap_atomic(void *kvaddr)
{
	__kunmap_atomic(kvaddr);
}
