// SPDX-License-Identifier: GPL-2.0
/*
 * mm/vmalloc.c @ v5.4 (the vm_struct side and the page tables; the
 * address bookkeeping is mm/vmap_area.c): virtually contiguous memory
 * from pages that need not be -- the seed's "allocate a virtual range
 * and build a vmalloc mapping".
 *
 *   vmalloc(3 pages)
 *     __get_vm_area_node()   3 pages + 1 guard page of address space
 *       alloc_vmap_area()      the lowest free block (vmap_area_lock)
 *     __vmalloc_area_node()  3 pages, one at a time, HighMem preferred
 *       map_vm_area()          their ptes; the pte table of each 2 MiB
 *                              allocated on first use, in swapper_pg_dir
 *
 *   0xf0000000  +------+------+------+-------+------ ...
 *               | pfn a| pfn b| pfn c| guard |
 *               +------+------+------+-------+
 *
 * Page tables: every CPU runs on swapper_pg_dir's kernel half (there
 * are no other page directories yet), so a pte table installed there is
 * seen by all CPUs at once -- the sync Linux does for user page
 * directories on a fault (do_translation_fault()) has nothing to do
 * here.  Tables are never freed, as in Linux.
 *
 * TLB: unmapping flushes the range on every CPU at once (TLBIMVAAIS,
 * broadcast) before the address range can be handed out again -- no lazy
 * purge.  Linux batches the flushes (vmap_lazy_nr, purged past
 * lazy_max_pages()), which pays with many areas in flight; a9mm keeps
 * the simple, always-consistent order: unmap, flush, free.
 *
 * Locks: vmap_area_lock for the trees, init_mm_page_table_lock for
 * installing pte tables; neither is taken in an interrupt handler
 * (vfree() there defers its work to a workqueue, as Linux does).
 */
#include <a9mm/shell.h>
#include <asm/map.h>
#include <asm/pgalloc.h>
#include <asm/tlbflush.h>
#include <linux/hardirq.h>
#include <linux/kallsyms.h>
#include <linux/errno.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/percpu.h>
#include <linux/slab.h>
#include <linux/smp.h>
#include <linux/spinlock.h>
#include <linux/vmalloc.h>
#include <linux/workqueue.h>

/* arch/arm/include/asm/memory.h: IOREMAP_MAX_ORDER @ v4.14: ioremap()s align up to 16 MiB */
#define IOREMAP_MAX_ORDER 24

/* Linux: init_mm.page_table_lock, taken by __pte_alloc_kernel() */
static DEFINE_SPINLOCK(init_mm_page_table_lock);
static struct kmem_cache *vmap_area_cachep;
static bool vmap_initialized;

/**
 * vmap_area_free() - a vmap_area back to its cache
 * @va: the area, in no tree
 *
 * mm/vmalloc.c @ v5.4 calls kmem_cache_free(vmap_area_cachep, va)
 * directly; mm/vmap_area.c calls this, which the host tests provide too.
 */
void vmap_area_free(struct vmap_area *va)
{
	kmem_cache_free(vmap_area_cachep, va);
}

/*
 * mm/vmalloc.c: alloc_vmap_area() @ v5.4: @size bytes at @align in
 * [@vstart, @vend).  The vmap_area and the spare a split may need
 * (Linux's ne_fit_preload()) are allocated before the lock is taken.
 */
static struct vmap_area *alloc_vmap_area(unsigned long size, unsigned long align,
					 unsigned long vstart, unsigned long vend)
{
	struct vmap_area *va, *spare;
	unsigned long addr;

	BUG_ON(!size || size & ~PAGE_MASK || !is_power_of_2(align));
	va = kmem_cache_alloc(vmap_area_cachep, GFP_KERNEL);
	spare = kmem_cache_alloc(vmap_area_cachep, GFP_KERNEL);
	if (!va || !spare)
		goto nomem;
	spin_lock(&vmap_area_lock);
	addr = __alloc_vmap_area(size, align, vstart, vend, &spare);
	if (addr == vend) {
		spin_unlock(&vmap_area_lock);
		pr_warn("vmap allocation for size %lu failed: use vmalloc=<size> to increase size\n",
			size);
		goto nomem;
	}
	va->va_start = addr;
	va->va_end = addr + size;
	va->vm = NULL;
	insert_vmap_area(va);
	spin_unlock(&vmap_area_lock);
	if (spare)
		kmem_cache_free(vmap_area_cachep, spare);
	return va;
nomem:
	if (va)
		kmem_cache_free(vmap_area_cachep, va);
	if (spare)
		kmem_cache_free(vmap_area_cachep, spare);
	return NULL;
}

/* mm/vmalloc.c: free_vmap_area() @ v5.4: its addresses back to the free tree */
static void free_vmap_area(struct vmap_area *va)
{
	spin_lock(&vmap_area_lock);
	unlink_va(va);
	merge_or_add_vmap_area(va);
	spin_unlock(&vmap_area_lock);
}

/*
 * mm/memory.c: __pte_alloc_kernel() @ v4.14: the pte table of @addr's
 * 2 MiB, allocated on first use.  Allocated outside the lock; the loser
 * of a race between two CPUs gives its page back.  A section entry (an
 * ioremap()) is never in the way: those cover whole 2 MiB areas.
 */
static pte_t *pte_alloc_kernel(pmd_t *pmd, unsigned long addr)
{
	if (pmd_none(*pmd)) {
		struct page *page = alloc_page(GFP_KERNEL | __GFP_ZERO);

		if (!page)
			return NULL;
		spin_lock(&init_mm_page_table_lock);
		if (pmd_none(*pmd)) {
			__pmd_populate(pmd, PFN_PHYS(page_to_pfn(page)), _PAGE_KERNEL_TABLE);
			page = NULL;
		}
		spin_unlock(&init_mm_page_table_lock);
		if (page)
			__free_page(page);
	}
	if (WARN_ON(!pmd_table(*pmd)))
		return NULL;
	return pte_offset_kernel(pmd, addr);
}

/*
 * mm/vmalloc.c: vmap_page_range_noflush() -> vmap_pte_range() @ v4.14:
 * one pte per page.  A fault entry becoming valid needs no TLB
 * operation (ARM ARM B3.10.1).
 */
static int vmap_page_range(unsigned long start, unsigned long end, pgprot_t prot,
			   struct page **pages)
{
	unsigned long addr = start;
	unsigned int i = 0;

	while (addr < end) {
		pte_t *pte = pte_alloc_kernel(pmd_off_k(addr), addr);

		if (!pte)
			return -ENOMEM;
		do {
			if (WARN_ON(!pte_none(*pte)) || WARN_ON(!pages[i]))
				return -EBUSY;
			set_pte_ext(pte, pfn_pte(page_to_pfn(pages[i]), prot), 0);
			i++;
			addr += PAGE_SIZE;
			pte++;
		} while (addr < end && addr & ~PMD_MASK);
	}
	return 0;
}

/*
 * mm/vmalloc.c: vunmap_page_range() @ v4.14 (and unmap_area_sections()
 * of arch/arm/mm/ioremap.c for section entries): every pte or section
 * of [@start, @end) cleared, then the range's TLB entries on every CPU.
 */
static void vunmap_page_range(unsigned long start, unsigned long end)
{
	unsigned long addr = start;

	while (addr < end) {
		pmd_t *pmd = pmd_off_k(addr);
		unsigned long next = min((addr + PMD_SIZE) & PMD_MASK, end);

		if (pmd_sect(*pmd)) {
			pmd_clear(pmd);
		} else if (pmd_table(*pmd)) {
			pte_t *pte = pte_offset_kernel(pmd, addr);

			for (; addr < next; addr += PAGE_SIZE, pte++)
				if (!pte_none(*pte))
					set_pte_ext(pte, 0, 0);
		}
		addr = next;
	}
	flush_tlb_kernel_range(start, end);
}

/**
 * unmap_kernel_range() - unmap [@addr, @addr + @size) and flush its TLB entries
 * @addr: start, page aligned
 * @size: bytes
 *
 * mm/vmalloc.c: unmap_kernel_range() @ v4.14.
 */
void unmap_kernel_range(unsigned long addr, unsigned long size)
{
	vunmap_page_range(addr, addr + size);
}

/**
 * ioremap_page_range() - map device registers page by page
 * @addr: virtual start, page aligned
 * @end: virtual end
 * @phys_addr: where the registers are
 * @prot: Linux pte bits (MT_DEVICE's)
 *
 * lib/ioremap.c: ioremap_page_range() @ v4.14.
 *
 * Return: 0, or -ENOMEM when a pte table could not be allocated.
 */
int ioremap_page_range(unsigned long addr, unsigned long end, phys_addr_t phys_addr, pgprot_t prot)
{
	while (addr < end) {
		pte_t *pte = pte_alloc_kernel(pmd_off_k(addr), addr);

		if (!pte)
			return -ENOMEM;
		do {
			set_pte_ext(pte, pfn_pte(phys_addr >> PAGE_SHIFT, prot), 0);
			phys_addr += PAGE_SIZE;
			addr += PAGE_SIZE;
			pte++;
		} while (addr < end && addr & ~PMD_MASK);
	}
	return 0;
}

/*
 * mm/vmalloc.c: __get_vm_area_node() @ v5.4: a vm_struct and its
 * addresses, a guard page after them (unless VM_NO_GUARD).  ioremap()s
 * are aligned to their size's power of two, up to IOREMAP_MAX_ORDER, so
 * that large ones can use sections.
 */
static struct vm_struct *__get_vm_area_node(unsigned long size, unsigned long align,
					    unsigned long flags, unsigned long start,
					    unsigned long end, const void *caller)
{
	struct vm_struct *area;
	struct vmap_area *va;

	if (!vmap_initialized)
		return NULL;
	size = PAGE_ALIGN(size);
	if (!size || size > end - start)
		return NULL;
	if (flags & VM_IOREMAP)
		align = 1UL << clamp(fls(size - 1), PAGE_SHIFT, IOREMAP_MAX_ORDER);
	if (!(flags & VM_NO_GUARD))
		size += PAGE_SIZE;
	area = kzalloc(sizeof(*area), GFP_KERNEL);
	if (!area)
		return NULL;
	va = alloc_vmap_area(size, max(align, PAGE_SIZE), start, end);
	if (!va) {
		kfree(area);
		return NULL;
	}
	area->flags = flags;
	area->addr = (void *)va->va_start;
	area->size = size;
	area->caller = caller;
	spin_lock(&vmap_area_lock);
	va->vm = area; /* setup_vmalloc_vm(): visible to find_vm_area() from now on */
	spin_unlock(&vmap_area_lock);
	return area;
}

/**
 * get_vm_area_caller() - reserve vmalloc space, nothing mapped
 * @size: bytes (rounded up to pages; a guard page is added)
 * @flags: VM_IOREMAP, VM_ALLOC, VM_MAP, VM_NO_GUARD
 * @caller: who asks, for /proc/vmallocinfo
 *
 * mm/vmalloc.c: get_vm_area_caller() @ v5.4.
 *
 * Return: the area, or NULL when no free block is big enough.
 */
struct vm_struct *get_vm_area_caller(unsigned long size, unsigned long flags, const void *caller)
{
	return __get_vm_area_node(size, 1, flags, VMALLOC_START, VMALLOC_END, caller);
}

/* the busy area starting exactly at @addr, vmap_area_lock held */
static struct vmap_area *find_vmap_area_start(unsigned long addr)
{
	struct vmap_area *va = __find_vmap_area(addr);

	return va && va->va_start == addr && va->vm ? va : NULL;
}

/**
 * find_vm_area() - the vm_struct that starts at @addr
 * @addr: an address returned by vmalloc(), vmap() or ioremap()
 *
 * mm/vmalloc.c: find_vm_area() @ v5.4 (there any address inside will do;
 * a9mm wants the start, so that vfree() of an inner address is refused).
 *
 * Return: the area, or NULL.
 */
struct vm_struct *find_vm_area(const void *addr)
{
	struct vmap_area *va;

	spin_lock(&vmap_area_lock);
	va = find_vmap_area_start((unsigned long)addr);
	spin_unlock(&vmap_area_lock);
	return va ? va->vm : NULL;
}

/**
 * remove_vm_area() - unmap an area and give its addresses back
 * @addr: its start
 *
 * mm/vmalloc.c: remove_vm_area() @ v5.4: the area leaves the busy tree
 * first (under the lock: a second remove of the same address finds
 * nothing), then its mappings go, TLB included, and only then its
 * addresses return to the free tree.
 *
 * Return: the vm_struct, now the caller's to free, or NULL when no area
 * starts at @addr.
 */
struct vm_struct *remove_vm_area(const void *addr)
{
	struct vm_struct *vm;
	struct vmap_area *va;

	spin_lock(&vmap_area_lock);
	va = find_vmap_area_start((unsigned long)addr);
	if (!va) {
		spin_unlock(&vmap_area_lock);
		return NULL;
	}
	vm = va->vm;
	va->vm = NULL; /* no longer visible: a racing remove fails */
	spin_unlock(&vmap_area_lock);
	vunmap_page_range(va->va_start, va->va_start + get_vm_area_size(vm));
	free_vmap_area(va);
	return vm;
}

/* what vfree()/vunmap() of a bad address says, and whether @addr is an area of @flag */
static struct vm_struct *check_vm_area(const void *addr, unsigned long flag, const char *fn)
{
	struct vm_struct *area;
	struct vmap_area *va;
	unsigned long a = (unsigned long)addr;
	char sym[64];

	if (!IS_ALIGNED(a, PAGE_SIZE)) {
		pr_warn("WARNING: Trying to %s() bad address (%p)\n", fn, addr);
		return NULL;
	}
	spin_lock(&vmap_area_lock);
	va = __find_vmap_area(a);
	area = va ? va->vm : NULL;
	if (!area || va->va_start != a || !(area->flags & flag)) {
		unsigned long s = va ? va->va_start : 0, e = va ? va->va_end : 0;
		unsigned long fl = area ? area->flags : 0;
		const void *caller = area ? area->caller : NULL;

		spin_unlock(&vmap_area_lock);
		if (!area) {
			pr_warn("WARNING: Trying to %s() nonexistent vm area (%p)\n", fn, addr);
			return NULL;
		}
		sprint_symbol(sym, sizeof(sym), (unsigned long)caller);
		if (s != a)
			pr_warn("WARNING: Trying to %s() bad address (%p): inside the area 0x%08lx-0x%08lx from %s\n",
				fn, addr, s, e, sym);
		else
			pr_warn("WARNING: Trying to %s() %s area (%p) from %s\n", fn,
				fl & VM_IOREMAP ? "an ioremap"
				: fl & VM_ALLOC ? "a vmalloc"
						: "a vmap",
				addr, sym);
		return NULL;
	}
	spin_unlock(&vmap_area_lock);
	return area;
}

/* mm/vmalloc.c: __vunmap() @ v4.14: the area gone; its pages freed too when @deallocate_pages */
static void __vunmap(const void *addr, int deallocate_pages)
{
	struct vm_struct *area = remove_vm_area(addr);

	if (!area) /* lost a race with another vfree() of it */
		return;
	if (deallocate_pages) {
		for (unsigned int i = 0; i < area->nr_pages; i++)
			__free_page(area->pages[i]);
		if (area->flags & VM_VPAGES)
			vfree(area->pages);
		else
			kfree(area->pages);
	}
	kfree(area);
}

/*
 * mm/vmalloc.c: struct vfree_deferred, free_work() @ v4.14: vfree() in
 * an interrupt handler may not take vmap_area_lock (the interrupted code
 * may hold it), so the area goes on a list -- its own first bytes are
 * the list node -- and a work item frees it.  One list per CPU.
 */
struct vfree_deferred {
	spinlock_t lock;
	void *head;
	struct work_struct wq;
};
static DEFINE_PER_CPU(struct vfree_deferred, vfree_deferred);

static void free_work(struct work_struct *w)
{
	struct vfree_deferred *p = container_of(w, struct vfree_deferred, wq);
	unsigned long flags;
	void *t;

	spin_lock_irqsave(&p->lock, flags);
	t = p->head;
	p->head = NULL;
	spin_unlock_irqrestore(&p->lock, flags);
	while (t) {
		void *next = *(void **)t;

		if (check_vm_area(t, VM_ALLOC, "vfree"))
			__vunmap(t, 1);
		t = next;
	}
}

/**
 * vfree() - free what vmalloc() gave
 * @addr: its start, or NULL (nothing happens)
 *
 * mm/vmalloc.c: vfree() @ v4.14: unmapped, the TLB flushed, every page
 * back to the buddy allocator, the addresses back to the free tree.  In
 * an interrupt handler the work is deferred (vfree_deferred).  An
 * address that is not the start of a vmalloc() area is refused with a
 * warning, and nothing is freed.
 */
void vfree(const void *addr)
{
	if (!addr)
		return;
	if (in_interrupt()) {
		/* no lock here: only the basic checks before the list node is written */
		if (!is_vmalloc_addr(addr) || !IS_ALIGNED((unsigned long)addr, PAGE_SIZE)) {
			pr_warn("WARNING: Trying to vfree() bad address (%p)\n", addr);
			return;
		}
		struct vfree_deferred *p = this_cpu_ptr(&vfree_deferred);

		spin_lock(&p->lock);
		*(void **)addr = p->head;
		p->head = (void *)addr;
		spin_unlock(&p->lock);
		schedule_work_on((int)smp_processor_id(), &p->wq);
		return;
	}
	if (check_vm_area(addr, VM_ALLOC, "vfree"))
		__vunmap(addr, 1);
}

/**
 * vunmap_area() - unmap an area of the kinds in @flags, its pages kept
 * @addr: the area's start
 * @flags: the VM_* kinds accepted (VM_MAP for vunmap(), VM_IOREMAP for iounmap())
 * @fn: the caller's name, for the warning
 *
 * mm/vmalloc.c: __vunmap(addr, 0) @ v4.14, behind a9mm's check that
 * @addr starts an area of the right kind.  Not in an interrupt handler.
 */
void vunmap_area(const void *addr, unsigned long flags, const char *fn)
{
	BUG_ON(in_interrupt());
	if (addr && check_vm_area(addr, flags, fn))
		__vunmap(addr, 0);
}

/**
 * vunmap() - undo a vmap()
 * @addr: its start
 *
 * mm/vmalloc.c: vunmap() @ v4.14: the mapping goes, the pages stay the
 * caller's.  Not in an interrupt handler.
 */
void vunmap(const void *addr)
{
	vunmap_area(addr, VM_MAP, "vunmap");
}

/**
 * vmap() - map pages, HighMem ones included, at consecutive addresses
 * @pages: the pages
 * @count: how many
 * @flags: VM_* added to VM_MAP
 * @prot: Linux pte bits (PAGE_KERNEL: mem_types[MT_MEMORY_RW].prot_pte)
 *
 * mm/vmalloc.c: vmap() @ v4.14.
 *
 * Return: the address of the first page, or NULL.
 */
void *vmap(struct page **pages, unsigned int count, unsigned long flags, pgprot_t prot)
{
	struct vm_struct *area;
	unsigned long addr;

	if (!count || count > totalram_pages)
		return NULL;
	area = get_vm_area_caller((unsigned long)count << PAGE_SHIFT, flags | VM_MAP,
				  __builtin_return_address(0));
	if (!area)
		return NULL;
	addr = (unsigned long)area->addr;
	if (vmap_page_range(addr, addr + get_vm_area_size(area), prot, pages)) {
		vunmap(area->addr);
		return NULL;
	}
	return area->addr;
}

static void *__vmalloc_node(unsigned long size, gfp_t gfp_mask, const void *caller);

/*
 * mm/vmalloc.c: __vmalloc_area_node() @ v4.14: the pages array (itself
 * vmalloc()ed when it is over a page, as Linux <= 4.x), one page at a
 * time, then the ptes.  On failure everything taken so far goes back.
 */
static void *__vmalloc_area_node(struct vm_struct *area, gfp_t gfp_mask, pgprot_t prot)
{
	unsigned int nr_pages = get_vm_area_size(area) >> PAGE_SHIFT;
	unsigned long array_size = (unsigned long)nr_pages * sizeof(struct page *);
	unsigned long addr = (unsigned long)area->addr;

	if (array_size > PAGE_SIZE) {
		area->pages = __vmalloc_node(array_size, GFP_KERNEL | __GFP_ZERO, area->caller);
		area->flags |= VM_VPAGES;
	} else {
		area->pages = kzalloc(array_size, GFP_KERNEL);
	}
	if (!area->pages) {
		remove_vm_area(area->addr);
		kfree(area);
		return NULL;
	}
	for (unsigned int i = 0; i < nr_pages; i++) {
		struct page *page = alloc_page(gfp_mask | __GFP_NOWARN);

		if (!page) {
			pr_warn("vmalloc: allocation failure, allocated %lu of %lu bytes\n",
				(unsigned long)area->nr_pages * PAGE_SIZE,
				(unsigned long)nr_pages * PAGE_SIZE);
			goto fail;
		}
		area->pages[i] = page;
		area->nr_pages = i + 1;
	}
	if (vmap_page_range(addr, addr + get_vm_area_size(area), prot, area->pages))
		goto fail;
	return area->addr;
fail:
	__vunmap(area->addr, 1);
	return NULL;
}

/* mm/vmalloc.c: __vmalloc_node() -> __vmalloc_node_range() @ v4.14 */
static void *__vmalloc_node(unsigned long size, gfp_t gfp_mask, const void *caller)
{
	struct vm_struct *area;

	size = PAGE_ALIGN(size);
	if (!size || size >> PAGE_SHIFT > totalram_pages)
		return NULL;
	area = __get_vm_area_node(size, 1, VM_ALLOC, VMALLOC_START, VMALLOC_END, caller);
	if (!area)
		return NULL;
	return __vmalloc_area_node(area, gfp_mask, PAGE_KERNEL);
}

/**
 * vmalloc() - @size bytes, virtually contiguous
 * @size: bytes (rounded up to pages)
 *
 * mm/vmalloc.c: vmalloc() @ v4.14: GFP_KERNEL | __GFP_HIGHMEM pages, so
 * HighMem is used first, mapped PAGE_KERNEL (read/write, never executed).
 *
 * Return: the address, or NULL.
 */
void *vmalloc(unsigned long size)
{
	return __vmalloc_node(size, GFP_KERNEL | __GFP_HIGHMEM, __builtin_return_address(0));
}

/**
 * vzalloc() - vmalloc(), zeroed
 * @size: bytes
 *
 * mm/vmalloc.c: vzalloc() @ v4.14.
 *
 * Return: the address, or NULL.
 */
void *vzalloc(unsigned long size)
{
	return __vmalloc_node(size, GFP_KERNEL | __GFP_HIGHMEM | __GFP_ZERO,
			      __builtin_return_address(0));
}

/**
 * is_vmalloc_addr() - is @x in the vmalloc area?
 * @x: any address
 *
 * include/linux/mm.h: is_vmalloc_addr() @ v4.14.
 *
 * Return: true if VMALLOC_START <= @x < VMALLOC_END.
 */
bool is_vmalloc_addr(const void *x)
{
	unsigned long addr = (unsigned long)x;

	return addr >= VMALLOC_START && addr < VMALLOC_END;
}

/**
 * vmalloc_to_page() - the page mapped at a vmalloc address
 * @addr: the address
 *
 * mm/vmalloc.c: vmalloc_to_page() @ v4.14: a walk of swapper_pg_dir.
 *
 * Return: the page, or NULL when nothing (or a section) is mapped there.
 */
struct page *vmalloc_to_page(const void *addr)
{
	unsigned long a = (unsigned long)addr;
	pmd_t *pmd = pmd_off_k(a);
	pte_t pte;

	if (!is_vmalloc_addr(addr) || !pmd_table(*pmd))
		return NULL;
	pte = *pte_offset_kernel(pmd, a);
	if (!pte_present(pte) || pte_pfn(pte) < ARCH_PFN_OFFSET || pte_pfn(pte) >= max_pfn)
		return NULL;
	return pfn_to_page(pte_pfn(pte));
}

/**
 * vmalloc_init() - the whole vmalloc area, one free block
 *
 * mm/vmalloc.c: vmalloc_init() @ v5.4, called once the slab allocator
 * works (after mem_init()): the caches, the per-CPU deferred-free lists,
 * the free tree.  From here on ioremap() works.
 */
void __init vmalloc_init(void)
{
	struct vmap_area *va;
	unsigned int cpu;

	vmap_area_cachep = kmem_cache_create("vmap_area", sizeof(struct vmap_area), 0, 0, NULL);
	va = vmap_area_cachep ? kmem_cache_alloc(vmap_area_cachep, GFP_KERNEL) : NULL;
	BUG_ON(!va);
	for_each_possible_cpu(cpu) {
		struct vfree_deferred *p = per_cpu_ptr(&vfree_deferred, cpu);

		spin_lock_init(&p->lock);
		p->head = NULL;
		INIT_WORK(&p->wq, free_work);
	}
	spin_lock(&vmap_area_lock);
	vmap_init_free_space(va, VMALLOC_START, VMALLOC_END);
	spin_unlock(&vmap_area_lock);
	vmap_initialized = true;
}

/**
 * show_vmallocinfo() - /proc/vmallocinfo
 * @print: printf-like output
 *
 * mm/vmalloc.c: s_show() @ v4.14: one line per area in address order --
 * range, size with the guard page, caller, pages, physical address,
 * kind.  Printed under vmap_area_lock, as Linux's seq_file holds it.
 */
void show_vmallocinfo(int (*print)(const char *fmt, ...))
{
	struct vmap_area *va;
	char sym[64];

	spin_lock(&vmap_area_lock);
	list_for_each_entry(va, &vmap_area_list, list) {
		struct vm_struct *v = va->vm;

		if (!v)
			continue;
		print("0x%08lx-0x%08lx %7lu", (unsigned long)v->addr,
		      (unsigned long)v->addr + v->size, v->size);
		if (v->caller) {
			sprint_symbol(sym, sizeof(sym), (unsigned long)v->caller);
			print(" %s", sym);
		}
		if (v->nr_pages)
			print(" pages=%u", v->nr_pages);
		if (v->phys_addr)
			print(" phys=0x%08lx", (unsigned long)v->phys_addr);
		if (v->flags & VM_IOREMAP)
			print(" ioremap");
		if (v->flags & VM_ALLOC)
			print(" vmalloc");
		if (v->flags & VM_MAP)
			print(" vmap");
		if (v->flags & VM_VPAGES)
			print(" vpages");
		print("\n");
	}
	spin_unlock(&vmap_area_lock);
}

/**
 * show_vm_area_of() - which area of the vmalloc area holds @addr
 * @addr: an address in VMALLOC_START..VMALLOC_END
 * @print: printf-like output
 *
 * a9mm's, for `pgwalk`: the busy area around @addr in /proc/vmallocinfo's
 * words, or the free block it is in, and whether it is a guard page.
 */
void show_vm_area_of(unsigned long addr, int (*print)(const char *fmt, ...))
{
	struct vmap_area *va;
	char sym[64] = "";

	spin_lock(&vmap_area_lock);
	va = __find_vmap_area(addr);
	if (va && va->vm) {
		struct vm_struct *v = va->vm;
		unsigned long start = va->va_start, end = va->va_end;
		bool guard = addr >= start + get_vm_area_size(v);
		unsigned int nr = v->nr_pages;
		const char *kind = v->flags & VM_IOREMAP ? "ioremap"
				   : v->flags & VM_ALLOC ? "vmalloc"
							 : "vmap";

		if (v->caller)
			sprint_symbol(sym, sizeof(sym), (unsigned long)v->caller);
		spin_unlock(&vmap_area_lock);
		print("  in the %s area 0x%08lx-0x%08lx (%s, %u pages)%s\n", kind, start, end, sym,
		      nr, guard ? ": its guard page, never mapped" : "");
		return;
	}
	spin_unlock(&vmap_area_lock);
	print("  in no vmalloc area: free vmalloc space\n");
}
