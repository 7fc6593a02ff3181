// SPDX-License-Identifier: GPL-2.0
/*
 * mm/memory.c @ v4.14: the pages of a process, in and out.
 *
 *   page tables   __pte_alloc(), set_pte_at(), free_pgd_range(), free_pgtables()
 *   going out     unmap_vmas() / zap_page_range() -> zap_pte_range(): put_page()
 *   fork          copy_page_range(): private writable pages shared read-only (COW)
 *   faults        handle_mm_fault() -> handle_pte_fault() ->
 *                   do_anonymous_page()   first touch of anonymous memory
 *                   do_fault()            first touch of a file mapping
 *                   do_wp_page()          a write to a read-only pte: copy-on-write
 *                   do_swap_page()        a swap entry: here, a page being migrated
 *
 * The pte lock is the mm's page_table_lock (Linux's split pte locks are
 * one per pte page; one per mm is enough for one thread per process).
 */
#include <linux/compiler_attributes.h>
#include <linux/errno.h>
#include <linux/file.h>
#include <linux/kernel.h>
#include <linux/mm_types.h>
#include <asm/pgalloc.h>
#include <linux/gfp.h>
#include <linux/migrate.h>
#include <linux/mm.h>
#include <linux/page-flags.h>
#include <linux/rmap.h>
#include <linux/sched.h>
#include <linux/swap.h>
#include <linux/swapops.h>
#include <linux/err.h>
#include <linux/vmstat.h>
#include <string.h>
#include <asm/tlbflush.h>

/**
 * __pte_alloc() - give an empty user pmd pair a pte page
 * @mm: the address space
 * @pmd: the pair
 *
 * mm/memory.c: __pte_alloc() @ v4.14: allocated without the lock, hooked
 * in under mm->page_table_lock -- unless another thread was quicker.
 *
 * Return: 0, or -ENOMEM.
 */
int __pte_alloc(struct mm_struct *mm, pmd_t *pmd)
{
	pte_t *new = pte_alloc_one(mm);

	if (!new)
		return -ENOMEM;
	spin_lock(&mm->page_table_lock);
	if (pmd_none(*pmd)) {
		atomic_inc(&mm->nr_ptes);
		pmd_populate(mm, pmd, new);
		new = NULL;
	}
	spin_unlock(&mm->page_table_lock);
	if (new)
		pte_free(mm, new);
	return 0;
}

/**
 * set_pte_at() - write a pte of @mm
 * @mm: the address space
 * @addr: the address it maps
 * @ptep: where (pte_offset_kernel() of its pmd)
 * @pte: the Linux pte
 *
 * arch/arm/include/asm/pgtable.h: set_pte_at() @ v4.14: below TASK_SIZE
 * a present user pte is non-global (PTE_EXT_NG), so the TLB keeps it
 * under the ASID of @mm only.
 */
void set_pte_at(struct mm_struct *mm, unsigned long addr, pte_t *ptep, pte_t pte)
{
	unsigned int ext = 0;

	if (addr < TASK_SIZE && pte_present(pte) && (pte & L_PTE_USER))
		ext |= PTE_EXT_NG;
	set_pte_ext(ptep, pte, ext);
}

/**
 * free_pgd_range() - free the pte pages of a user range
 * @mm: the address space, which no CPU is to use for @addr..@end any more
 * @addr: the start (PGDIR_SIZE aligned)
 * @end: the end
 *
 * mm/memory.c: free_pgd_range() -> free_pte_range() @ v4.14, without the
 * mmu_gather (the TLB of the whole ASID is flushed after).
 */
void free_pgd_range(struct mm_struct *mm, unsigned long addr, unsigned long end)
{
	for (; addr < end && addr < TASK_SIZE; addr += PGDIR_SIZE) {
		pmd_t *pmd = pmd_offset(pud_offset(pgd_offset(mm, addr), addr), addr);

		if (pmd_none(*pmd))
			continue;
		pte_free(mm, pmd_page_vaddr(*pmd));
		pmd_clear(pmd);
		atomic_dec(&mm->nr_ptes);
	}
	if (atomic64_read(&mm->context.id))
		__flush_tlb_asid(ASID(mm));
}

/* arch/arm/include/asm/tlbflush.h: flush_tlb_mm() @ v4.14: every entry of @mm's ASID */
static void flush_tlb_mm(struct mm_struct *mm)
{
	if (atomic64_read(&mm->context.id))
		__flush_tlb_asid(ASID(mm));
}

/**
 * flush_tlb_page() - forget one user page's translation on every CPU
 * @vma: the VMA, whose mm's ASID tags the entry
 * @addr: the address
 *
 * arch/arm/include/asm/tlbflush.h: flush_tlb_page() @ v4.14 (TLBIMVAIS):
 * after a pte of a live mm changed -- a fault's, migration's.
 */
void flush_tlb_page(struct vm_area_struct *vma, unsigned long addr)
{
	struct mm_struct *mm = vma->vm_mm;

	if (atomic64_read(&mm->context.id))
		__flush_tlb_page_asid(addr & PAGE_MASK, ASID(mm));
}

/* mm/memory.c: mm_counter() @ v4.14: which rss counter a mapped page counts in */
static int mm_counter(struct vm_area_struct *vma, struct page *page)
{
	if (PageAnon(page))
		return MM_ANONPAGES;
	/* shared anonymous memory: the unnamed file of mm/shmem.c */
	return vma->vm_file && !vma->vm_file->f_dentry ? MM_SHMEMPAGES : MM_FILEPAGES;
}

/* mm/memory.c: update_hiwater_rss() @ v4.14: VmHWM, before the rss goes down */
static void update_hiwater_rss(struct mm_struct *mm)
{
	unsigned long rss = get_mm_rss(mm);

	if (mm->hiwater_rss < rss)
		mm->hiwater_rss = rss;
}

/*
 * mm/memory.c: vm_normal_page() @ v4.14: the struct page a user pte maps,
 * or NULL for the zero page (which nobody counts or frees)
 */
static struct page *vm_normal_page(pte_t pte)
{
	if (is_zero_pfn(pte_pfn(pte)))
		return NULL;
	return pfn_to_page(pte_pfn(pte));
}

/* the pmd of @addr in @mm (2-level: the pgd entry pair) */
static pmd_t *mm_pmd(struct mm_struct *mm, unsigned long addr)
{
	return pmd_offset(pud_offset(pgd_offset(mm, addr), addr), addr);
}

/*
 * mm/memory.c: zap_pte_range() @ v4.14, for the ptes of one pmd in
 * [@addr, @end): each present pte is cleared, its page unmapped
 * (_mapcount) and its reference dropped.  A migration entry holds no
 * reference (migration does) but still counts in the rss; a swap entry
 * gives up its slot (free_swap_and_cache()).
 */
static void zap_pte_range(struct vm_area_struct *vma, pmd_t *pmd, unsigned long addr,
			  unsigned long end)
{
	struct mm_struct *mm = vma->vm_mm;
	pte_t *pte = pte_offset_kernel(pmd, addr);

	spin_lock(&mm->page_table_lock);
	for (; addr < end; addr += PAGE_SIZE, pte++) {
		pte_t ptent = *pte;
		struct page *page;

		if (pte_none(ptent))
			continue;
		set_pte_ext(pte, 0, 0);
		if (!pte_present(ptent)) {
			swp_entry_t entry = pte_to_swp_entry(ptent);

			if (is_migration_entry(entry)) {
				add_mm_counter(mm, mm_counter(vma, migration_entry_to_page(entry)),
					       -1);
			} else if (!non_swap_entry(entry)) {
				add_mm_counter(mm, MM_SWAPENTS, -1);
				free_swap_and_cache(entry);
			}
			continue;
		}
		page = vm_normal_page(ptent);
		if (!page)
			continue;
		add_mm_counter(mm, mm_counter(vma, page), -1);
		page_remove_rmap(page);
		put_page(page);
	}
	spin_unlock(&mm->page_table_lock);
}

/* mm/memory.c: unmap_page_range() @ v4.14: [@addr, @end) of one VMA, pmd by pmd */
static void unmap_page_range(struct vm_area_struct *vma, unsigned long addr, unsigned long end)
{
	while (addr < end) {
		unsigned long next = (addr + PGDIR_SIZE) & PGDIR_MASK;
		pmd_t *pmd = mm_pmd(vma->vm_mm, addr);

		if (!next || next > end)
			next = end;
		if (!pmd_none(*pmd) && pmd_table(*pmd))
			zap_pte_range(vma, pmd, addr, next);
		addr = next;
	}
}

/**
 * unmap_vmas() - unmap the pages of a chain of VMAs in a range
 * @vma: the first VMA (the chain follows vm_next)
 * @start_addr: the range's start
 * @end_addr: its end
 *
 * mm/memory.c: unmap_vmas() @ v4.14 (the mmu_gather is a flush of the
 * whole ASID at the end).  The page tables stay: free_pgtables().
 */
void unmap_vmas(struct vm_area_struct *vma, unsigned long start_addr, unsigned long end_addr)
{
	struct mm_struct *mm = vma->vm_mm;

	update_hiwater_rss(mm);
	for (; vma && vma->vm_start < end_addr; vma = vma->vm_next)
		unmap_page_range(vma, max(start_addr, vma->vm_start), min(end_addr, vma->vm_end));
	flush_tlb_mm(mm);
}

/**
 * zap_page_range() - unmap the pages of part of one VMA (madvise(MADV_DONTNEED))
 * @vma: the VMA
 * @start: the start, page aligned, inside @vma
 * @size: the length
 *
 * mm/memory.c: zap_page_range() @ v4.14: the next access faults afresh.
 */
void zap_page_range(struct vm_area_struct *vma, unsigned long start, unsigned long size)
{
	update_hiwater_rss(vma->vm_mm);
	unmap_page_range(vma, start, start + size);
	flush_tlb_mm(vma->vm_mm);
}

/**
 * free_pgtables() - free the pte pages under a chain of unmapped VMAs
 * @vma: the first VMA of the chain (vm_next to the end)
 * @floor: the end of the VMA below (its pte page must stay)
 * @ceiling: the start of the VMA above
 *
 * mm/memory.c: free_pgtables() -> free_pgd_range() @ v4.14: a pte page
 * covers PGDIR_SIZE (2 MiB); it goes only if nothing outside
 * [@floor, @ceiling) can be in it.  First each VMA leaves its anon_vma,
 * as Linux's "hide vma from rmap ... before freeing pgtables": a reverse
 * map walk (migration, `rmap`) must not read, or write, ptes in a page
 * table that is being freed.
 */
void free_pgtables(struct vm_area_struct *vma, unsigned long floor, unsigned long ceiling)
{
	struct mm_struct *mm = vma->vm_mm;
	unsigned long addr = vma->vm_start, end;

	anon_vma_unlink(vma);
	while (vma->vm_next) {
		vma = vma->vm_next;
		anon_vma_unlink(vma);
	}
	end = vma->vm_end;
	addr &= PGDIR_MASK;
	if (addr < floor)
		addr += PGDIR_SIZE;
	ceiling &= PGDIR_MASK;
	end = (end + PGDIR_SIZE - 1) & PGDIR_MASK;
	if (!end || end > ceiling)
		end = ceiling;
	if (addr && addr < end)
		free_pgd_range(mm, addr, end);
}

/*
 * mm/memory.c: copy_one_pte() @ v4.14: the child maps what the parent
 * maps; in a private writable mapping both now map it read-only, so
 * whichever writes first gets its own copy (do_wp_page()).  A migration
 * entry is copied as it is -- made a read one in both, for the same
 * reason -- and migration puts the new page in both (the child's VMA is
 * on the anon_vma already, after the parent's).  A swap entry is copied
 * too, its slot counting one more pte (swap_duplicate()); -ENOMEM when
 * the count is full.
 */
static int copy_one_pte(struct mm_struct *dst_mm, struct mm_struct *src_mm, pte_t *dst_pte,
			pte_t *src_pte, struct vm_area_struct *vma, unsigned long addr)
{
	pte_t pte = *src_pte;
	struct page *page;

	if (unlikely(!pte_present(pte))) {
		swp_entry_t entry = pte_to_swp_entry(pte);

		if (!non_swap_entry(entry)) {
			int err = swap_duplicate(entry);

			if (err == -ENOMEM)
				return err;
			if (err) /* not a live slot (said): the child does not get it */
				return 0;
			if (list_empty(&dst_mm->mmlist)) { /* after the parent: swapoff sees both */
				spin_lock(&mmlist_lock);
				if (list_empty(&dst_mm->mmlist))
					list_add(&dst_mm->mmlist, &src_mm->mmlist);
				spin_unlock(&mmlist_lock);
			}
			add_mm_counter(dst_mm, MM_SWAPENTS, 1);
		} else if (is_migration_entry(entry)) {
			add_mm_counter(dst_mm, mm_counter(vma, migration_entry_to_page(entry)), 1);
			if (is_write_migration_entry(entry) &&
			    (vma->vm_flags & (VM_SHARED | VM_MAYWRITE)) == VM_MAYWRITE) {
				make_migration_entry_read(&entry);
				pte = swp_entry_to_pte(entry);
				set_pte_at(src_mm, addr, src_pte, pte);
			}
		}
		set_pte_at(dst_mm, addr, dst_pte, pte);
		return 0;
	}
	if ((vma->vm_flags & (VM_SHARED | VM_MAYWRITE)) == VM_MAYWRITE && pte_write(pte)) {
		set_pte_at(src_mm, addr, src_pte, pte_wrprotect(pte)); /* ptep_set_wrprotect() */
		pte = pte_wrprotect(pte);
	}
	if (vma->vm_flags & VM_SHARED)
		pte = pte_mkclean(pte);
	page = vm_normal_page(pte);
	if (page) {
		get_page(page);
		page_dup_rmap(page);
		add_mm_counter(dst_mm, mm_counter(vma, page), 1);
	}
	set_pte_at(dst_mm, addr, dst_pte, pte);
	return 0;
}

/**
 * copy_page_range() - give a child the parent's pages of one VMA (fork)
 * @dst_mm: the child's address space
 * @src_mm: the parent's
 * @vma: the parent's VMA
 *
 * mm/memory.c: copy_page_range() -> copy_pte_range() @ v4.14: no page is
 * copied; each is shared, write-protected in both where the mapping is
 * private and writable (copy-on-write).  The parent's TLB entries for
 * the ptes made read-only are flushed.
 *
 * Return: 0, or -ENOMEM (a pte page).
 */
int copy_page_range(struct mm_struct *dst_mm, struct mm_struct *src_mm, struct vm_area_struct *vma)
{
	unsigned long addr = vma->vm_start, end = vma->vm_end;
	int ret = 0;

	while (addr < end) {
		unsigned long next = (addr + PGDIR_SIZE) & PGDIR_MASK;
		pmd_t *src_pmd = mm_pmd(src_mm, addr), *dst_pmd = mm_pmd(dst_mm, addr);

		if (!next || next > end)
			next = end;
		if (!pmd_none(*src_pmd) && pmd_table(*src_pmd)) {
			pte_t *src_pte, *dst_pte;

			if (pmd_none(*dst_pmd) && __pte_alloc(dst_mm, dst_pmd)) {
				ret = -ENOMEM;
				break;
			}
			src_pte = pte_offset_kernel(src_pmd, addr);
			dst_pte = pte_offset_kernel(dst_pmd, addr);
			spin_lock(&src_mm->page_table_lock);
			for (; addr < next && !ret; addr += PAGE_SIZE, src_pte++, dst_pte++)
				if (!pte_none(*src_pte))
					ret = copy_one_pte(dst_mm, src_mm, dst_pte, src_pte, vma,
							   addr);
			spin_unlock(&src_mm->page_table_lock);
			if (ret)
				break;
		}
		addr = next;
	}
	if (vma->vm_flags & VM_MAYWRITE && !(vma->vm_flags & VM_SHARED))
		flush_tlb_mm(src_mm);
	return ret;
}

/* include/linux/mm.h: maybe_mkwrite() @ v4.14: writable if the VMA is */
static pte_t maybe_mkwrite(pte_t pte, struct vm_area_struct *vma)
{
	return vma->vm_flags & VM_WRITE ? pte_mkwrite(pte) : pte;
}

/* a new anonymous page: zeroed (HighMem allowed: user pages are reached through kmap) */
static struct page *alloc_anon_page(void)
{
	return alloc_pages(GFP_HIGHUSER_MOVABLE | __GFP_ZERO, 0);
}

/* mm/memory.c: cow_user_page() @ v4.14: the page's bytes into a new one */
static void cow_user_page(struct page *dst, struct page *src)
{
	char *to = kmap_atomic(dst), *from = kmap_atomic(src);

	memcpy(to, from, PAGE_SIZE);
	kunmap_atomic(from);
	kunmap_atomic(to);
}

/* install @entry at vmf->pte unless the pte changed meanwhile; true if installed */
static bool install_pte(struct vm_fault *vmf, pte_t entry)
{
	struct mm_struct *mm = vmf->vma->vm_mm;
	bool same;

	spin_lock(&mm->page_table_lock);
	same = *vmf->pte == vmf->orig_pte;
	if (same) {
		set_pte_at(mm, vmf->address, vmf->pte, entry);
		flush_tlb_page(vmf->vma, vmf->address);
	}
	spin_unlock(&mm->page_table_lock);
	return same;
}

/*
 * mm/memory.c: do_anonymous_page() @ v4.14: the first touch of an
 * anonymous page.  A read maps the zero page, read-only -- no memory is
 * spent on a page nobody wrote; a write gets a zeroed page of its own.
 */
static int do_anonymous_page(struct vm_fault *vmf)
{
	struct vm_area_struct *vma = vmf->vma;
	struct page *page;
	pte_t entry;

	if (!(vmf->flags & FAULT_FLAG_WRITE)) {
		entry = pfn_pte(my_zero_pfn(), pte_wrprotect(vma->vm_page_prot));
		install_pte(vmf, entry);
		return 0;
	}
	if (anon_vma_prepare(vma))
		return VM_FAULT_OOM;
	page = alloc_anon_page();
	if (!page)
		return VM_FAULT_OOM;
	page_add_new_anon_rmap(page, vma, vmf->address);
	lru_cache_add_active_or_unevictable(page, vma);
	entry = maybe_mkwrite(pte_mkdirty(pfn_pte(page_to_pfn(page), vma->vm_page_prot)), vma);
	if (!install_pte(vmf, entry)) {
		page_remove_rmap(page);
		put_page(page);
		return 0;
	}
	add_mm_counter(vma->vm_mm, MM_ANONPAGES, 1);
	return 0;
}

/*
 * mm/memory.c: do_read_fault(), do_cow_fault(), do_shared_fault() @ v4.14
 * (do_fault()): the first touch of a file mapping.  The file's ->fault()
 * gives its page-cache page, referenced.  A read maps it (read-only if
 * private); a private write copies it into an anonymous page of the
 * process's own; a shared write maps the page itself, writable and dirty.
 */
static int do_fault(struct vm_fault *vmf)
{
	struct vm_area_struct *vma = vmf->vma;
	struct page *page, *new;
	pte_t entry;
	int ret;

	if (!vma->vm_ops || !vma->vm_ops->fault)
		return VM_FAULT_SIGBUS;
	vmf->pgoff = vma->vm_pgoff + ((vmf->address - vma->vm_start) >> PAGE_SHIFT);
	ret = vma->vm_ops->fault(vmf);
	if (ret & VM_FAULT_ERROR)
		return ret;
	page = vmf->page;
	if ((vmf->flags & FAULT_FLAG_WRITE) && !(vma->vm_flags & VM_SHARED)) {
		new = anon_vma_prepare(vma) ? NULL : alloc_anon_page(); /* do_cow_fault() */
		if (!new) {
			put_page(page);
			return VM_FAULT_OOM;
		}
		cow_user_page(new, page);
		put_page(page);
		page_add_new_anon_rmap(new, vma, vmf->address);
		lru_cache_add_active_or_unevictable(new, vma);
		entry = maybe_mkwrite(pte_mkdirty(pfn_pte(page_to_pfn(new), vma->vm_page_prot)),
				      vma);
		if (!install_pte(vmf, entry)) {
			page_remove_rmap(new);
			put_page(new);
			return ret;
		}
		add_mm_counter(vma->vm_mm, MM_ANONPAGES, 1);
		return ret;
	}
	entry = pfn_pte(page_to_pfn(page), vma->vm_page_prot);
	if (vmf->flags & FAULT_FLAG_WRITE) /* do_shared_fault() */
		entry = pte_mkwrite(pte_mkdirty(entry));
	if (!install_pte(vmf, entry)) {
		put_page(page);
		return ret;
	}
	page_add_file_rmap(page);
	add_mm_counter(vma->vm_mm, mm_counter(vma, page), 1);
	return ret;
}

/*
 * mm/memory.c: wp_page_copy() @ v4.14: the faulting process's own copy of
 * @old (the zero page when NULL: zeroed), in place of it if the pte has
 * not changed meanwhile
 */
static int wp_page_copy(struct vm_fault *vmf, struct page *old)
{
	struct vm_area_struct *vma = vmf->vma;
	struct page *new;
	pte_t entry;

	if (anon_vma_prepare(vma))
		return VM_FAULT_OOM;
	new = alloc_anon_page();
	if (!new)
		return VM_FAULT_OOM;
	if (old)
		cow_user_page(new, old);
	page_add_new_anon_rmap(new, vma, vmf->address);
	lru_cache_add_active_or_unevictable(new, vma);
	entry = pte_mkwrite(pte_mkdirty(pfn_pte(page_to_pfn(new), vma->vm_page_prot)));
	if (!install_pte(vmf, entry)) {
		page_remove_rmap(new);
		put_page(new);
		return 0;
	}
	add_mm_counter(vma->vm_mm, MM_ANONPAGES, 1);
	if (old) {
		add_mm_counter(vma->vm_mm, mm_counter(vma, old), -1);
		page_remove_rmap(old);
		put_page(old);
	}
	return VM_FAULT_WRITE;
}

/*
 * mm/memory.c: do_wp_page() @ v4.14: a write to a present, read-only pte
 * of a writable VMA.  A shared mapping's page just becomes writable
 * (wp_page_shared()); so does an anonymous page this process alone maps
 * (wp_page_reuse(): its fork partner already took its copy, or exited).
 * Anything else -- the zero page, a page-cache page under MAP_PRIVATE, an
 * anonymous page fork left shared -- is copied into a new page of our own
 * (wp_page_copy()): copy-on-write.  The page is held from a moment the
 * pte still maps it (a reference: migration cannot free it and hand its
 * frame back to this pte meanwhile), and the reuse is decided with it
 * locked, as Linux does (reuse_swap_page()): migration holds the lock
 * while _mapcount undercounts; a page locked already is copied instead
 * (Linux waits for the lock).  Never inlined: the README's GDB walk-through
 * stops on it (`break do_wp_page`) and reads its frame.
 */
static noinline int do_wp_page(struct vm_fault *vmf)
{
	struct vm_area_struct *vma = vmf->vma;
	struct mm_struct *mm = vma->vm_mm;
	struct page *old = vm_normal_page(vmf->orig_pte);
	pte_t entry = pte_mkyoung(pte_mkdirty(pte_mkwrite(vmf->orig_pte)));
	int ret;

	if (vma->vm_flags & VM_SHARED) {
		install_pte(vmf, entry);
		return VM_FAULT_WRITE;
	}
	if (old) {
		/* held while the pte still maps it: not freed and used again under us */
		spin_lock(&mm->page_table_lock);
		if (*vmf->pte != vmf->orig_pte) {
			spin_unlock(&mm->page_table_lock);
			return 0; /* it changed (migration, say): the access is tried again */
		}
		get_page(old);
		spin_unlock(&mm->page_table_lock);
	}
	if (old && PageAnon(old) && trylock_page(old)) {
		bool reuse = reuse_swap_page(old);

		if (reuse)
			install_pte(vmf, entry);
		unlock_page(old);
		if (reuse) {
			put_page(old);
			return VM_FAULT_WRITE;
		}
	}
	ret = wp_page_copy(vmf, old);
	if (old)
		put_page(old);
	return ret;
}

/* mm/memory.c: print_bad_pte() @ v4.14, for a swap entry no slot has */
static int bad_swap_pte(struct vm_fault *vmf)
{
	pr_alert(
		"BUG: Bad page map in process %s  pte:%08lx (swap type %u offset %lu: no such slot)\n",
		current->comm, (unsigned long)vmf->orig_pte,
		swp_type(pte_to_swp_entry(vmf->orig_pte)),
		swp_offset(pte_to_swp_entry(vmf->orig_pte)));
	return VM_FAULT_SIGBUS;
}

/* the pte still holds what the fault found (read without the lock: a word) */
static bool pte_unchanged(struct vm_fault *vmf)
{
	return READ_ONCE(*vmf->pte) == vmf->orig_pte;
}

/*
 * mm/memory.c: do_swap_page() @ v4.14: the pte holds a swap entry.  A
 * migration entry: wait for the move to end and retry.  A slot's entry:
 * its page from the swap cache, or read from the device (a major fault,
 * pgmajfault); locked, it is mapped in place of the entry -- writable at
 * once if this pte alone names it and the access is a write
 * (reuse_swap_page()), else read-only (a write then copies or reuses it,
 * do_wp_page()).  The slot loses this pte (swap_free()), and once no pte
 * names it the page leaves the swap cache (try_to_free_swap()).  The
 * area is pinned meanwhile (get_swap_device(), as Linux 5.14 does): swapoff
 * cannot free it under the fault.  An entry that names no slot is a
 * corrupted pte: said, as Linux's print_bad_pte() says it, and the access
 * gets SIGBUS; so does a read error.
 */
static int do_swap_page(struct vm_fault *vmf)
{
	struct vm_area_struct *vma = vmf->vma;
	struct mm_struct *mm = vma->vm_mm;
	swp_entry_t entry = pte_to_swp_entry(vmf->orig_pte);
	struct swap_info_struct *si;
	struct page *page;
	pte_t pte;
	int ret = 0;

	if (non_swap_entry(entry)) {
		if (is_migration_entry(entry)) {
			migration_entry_wait(vmf->pte, vmf->orig_pte);
			return 0;
		}
		return bad_swap_pte(vmf);
	}
	if (anon_vma_prepare(vma))
		return VM_FAULT_OOM;
	si = get_swap_device(entry); /* swapoff waits while we use the area */
	if (!si)		     /* swapped off meanwhile (then our pte changed), or garbage */
		return pte_unchanged(vmf) ? bad_swap_pte(vmf) : 0;
	page = lookup_swap_cache(entry);
	if (!page) {
		page = read_swap_cache_async(entry);
		if (!page) { /* no pte names the slot: ours changed, or is corrupt */
			ret = pte_unchanged(vmf) ? bad_swap_pte(vmf) : 0;
			goto out;
		}
		if (IS_ERR(page)) {
			if (PTR_ERR(page) == -ENOMEM)
				ret = VM_FAULT_OOM;
			else if (PTR_ERR(page) == -EINVAL)
				ret = bad_swap_pte(vmf);
			else
				ret = PTR_ERR(page) == -EEXIST ? 0 : VM_FAULT_SIGBUS;
			goto out;
		}
		ret = VM_FAULT_MAJOR;
		count_vm_event(PGMAJFAULT);
	}
	lock_page(page);
	if (!PageSwapCache(page) || page->private != entry.val) /* it left the cache meanwhile */
		goto out_page;
	spin_lock(&mm->page_table_lock);
	if (*vmf->pte != vmf->orig_pte) {
		spin_unlock(&mm->page_table_lock);
		goto out_page;
	}
	add_mm_counter(mm, MM_ANONPAGES, 1);
	add_mm_counter(mm, MM_SWAPENTS, -1);
	pte = pfn_pte(page_to_pfn(page), vma->vm_page_prot);
	if ((vmf->flags & FAULT_FLAG_WRITE) && reuse_swap_page(page)) {
		pte = maybe_mkwrite(pte_mkdirty(pte), vma);
		ret |= VM_FAULT_WRITE;
	} else {
		pte = pte_wrprotect(pte);
	}
	if (!PageAnon(page)) /* read from the device */
		__page_set_anon_rmap(page, vma, vmf->address);
	page_add_anon_rmap(page);
	set_pte_at(mm, vmf->address, vmf->pte, pte);
	flush_tlb_page(vma, vmf->address);
	swap_free(entry);
	try_to_free_swap(page);
	spin_unlock(&mm->page_table_lock);
	unlock_page(page);
	goto out; /* the lookup's reference is the pte's now */
out_page:
	unlock_page(page);
	put_page(page);
out:
	put_swap_device(si);
	return ret;
}

/*
 * mm/memory.c: handle_pte_fault() @ v4.14: no pte yet -> the first touch
 * (anonymous or file); a swap entry -> do_swap_page(); a pte there -> a write to a read-only one
 * (do_wp_page()), or ARM's young/dirty emulation: the hardware pte was
 * withheld only until Linux noted the access (L_PTE_YOUNG) or the first
 * write (L_PTE_DIRTY), and now it is set.
 */
static int handle_pte_fault(struct vm_fault *vmf)
{
	pte_t entry = vmf->orig_pte;

	if (pte_none(entry))
		return vma_is_anonymous(vmf->vma) ? do_anonymous_page(vmf) : do_fault(vmf);
	if (!pte_present(entry))
		return do_swap_page(vmf);
	if (vmf->flags & FAULT_FLAG_WRITE) {
		if (!pte_write(entry))
			return do_wp_page(vmf);
		entry = pte_mkdirty(entry);
	}
	entry = pte_mkyoung(entry);
	if (entry != vmf->orig_pte)
		install_pte(vmf, entry);
	return 0;
}

/**
 * handle_mm_fault() - make an address of a VMA accessible as a fault asks
 * @vma: the VMA, which allows the access (the caller checked)
 * @address: the address
 * @flags: FAULT_FLAG_WRITE, FAULT_FLAG_USER, ...
 *
 * mm/memory.c: handle_mm_fault() -> __handle_mm_fault() @ v4.14 (2-level:
 * the pmd is the pgd entry, given a pte page if it has none), with the
 * caller holding the mm's mmap_sem.
 *
 * Return: 0 or VM_FAULT_WRITE when done; VM_FAULT_OOM, VM_FAULT_SIGBUS.
 */
int handle_mm_fault(struct vm_area_struct *vma, unsigned long address, unsigned int flags)
{
	struct vm_fault vmf = {
		.vma = vma,
		.flags = flags,
		.address = address & PAGE_MASK,
	};

	count_vm_event(PGFAULT);
	vmf.pmd = mm_pmd(vma->vm_mm, address);
	if (pmd_none(*vmf.pmd) && __pte_alloc(vma->vm_mm, vmf.pmd))
		return VM_FAULT_OOM;
	if (!pmd_table(*vmf.pmd))
		return VM_FAULT_SIGBUS;
	vmf.pte = pte_offset_kernel(vmf.pmd, vmf.address);
	vmf.orig_pte = *vmf.pte;
	return handle_pte_fault(&vmf);
}
