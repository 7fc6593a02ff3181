// SPDX-License-Identifier: GPL-2.0
/*
 * mm/rmap.c @ v2.6.9 (the anon_vma) + v4.14 (the counts): the reverse map.
 *
 * The counting half: how many page tables map a page (_mapcount, -1 when
 * none), and the zone counters /proc/meminfo shows as AnonPages and
 * Mapped, which move when a page's first mapping comes or its last one
 * goes.
 *
 *   _mapcount  -1          0          1 ...
 *              unmapped    mapped     mapped twice (fork, MAP_SHARED) ...
 *                      ^ first map: NR_ANON_PAGES or NR_FILE_MAPPED +1
 *                      v last unmap:                             -1
 *
 * The mapping half, for anonymous pages (linux/rmap.h draws it): a VMA
 * gets an anon_vma at its first anonymous page (anon_vma_prepare()); a
 * copy of the VMA -- fork()'s, a split's -- joins the same one once its
 * range is set (dup_mmap(), split_vma()); a merge keeps one (vma_merge());
 * the last VMA to leave frees it (remove_vma()).  Each page records it and its own index, so
 * rmap_walk_anon() finds every VMA, and page_check_address() every pte,
 * that may map it: what reclaim (try_to_unmap(), page_referenced()) and
 * compaction (migration) walk.  Page-cache pages have no such walk here
 * (Linux's address_space.i_mmap tree).
 *
 * Locks: anon_vma_lock guards every anon_vma's list and lifetime, and
 * the range (vm_start, vm_end, vm_pgoff) of every VMA on one, which a
 * walk reads (anon_vma_lock_write(): vma_set_range(), split_vma()); a
 * VMA joins or leaves with its mm's mmap_sem held for writing (fork: the
 * parent's and the child's), or for reading at a fault (then also under
 * page_table_lock, taken after anon_vma_lock, as a walk that reads ptes
 * takes them).  Linux has a lock per anon_vma, and finds a page's
 * anon_vma under RCU (the cache is SLAB_TYPESAFE_BY_RCU); a9mm has no
 * RCU, so one lock makes "the page is mapped, so its anon_vma is alive"
 * hold while a walk reads it.
 */
#include <linux/errno.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/rmap.h>
#include <linux/slab.h>
#include <asm/pgalloc.h>
#include <asm/pgtable.h>

static struct kmem_cache *anon_vma_cachep;
static DEFINE_SPINLOCK(anon_vma_lock);
static LIST_HEAD(anon_vmas_live); /* every anon_vma, through ->all */
static unsigned long anon_vmas;	  /* how many */

/* mm/rmap.c: anon_vma_alloc(), anon_vma_free() @ v2.6.9 */
static struct anon_vma *anon_vma_alloc(void)
{
	struct anon_vma *anon_vma = kmem_cache_alloc(anon_vma_cachep, GFP_KERNEL);

	if (anon_vma) {
		INIT_LIST_HEAD(&anon_vma->head);
		INIT_LIST_HEAD(&anon_vma->all);
		anon_vma->refcount = 0;
	}
	return anon_vma;
}

static void anon_vma_free(struct anon_vma *anon_vma)
{
	kmem_cache_free(anon_vma_cachep, anon_vma);
}

/**
 * anon_vma_init() - the anon_vma cache
 *
 * mm/rmap.c: anon_vma_init() @ v2.6.9.
 */
void __init anon_vma_init(void)
{
	anon_vma_cachep =
		kmem_cache_create("anon_vma", sizeof(struct anon_vma), 0, SLAB_PANIC, NULL);
}

/**
 * nr_anon_vmas() - how many anon_vmas are alive
 *
 * Return: that number (a9mm's; Linux's is in /proc/slabinfo only).
 */
unsigned long nr_anon_vmas(void)
{
	return READ_ONCE(anon_vmas);
}

/**
 * anon_vma_prepare() - give a VMA its anon_vma before its first anonymous page
 * @vma: the VMA, its mm's mmap_sem held (for reading is enough)
 *
 * mm/rmap.c: anon_vma_prepare() @ v2.6.9, without find_mergeable_anon_vma()
 * (a neighbour's anon_vma is not borrowed: a later merge of two VMAs with
 * different anon_vmas is simply not done).  Two faults of one mm may race
 * here; page_table_lock lets one win, the loser's anon_vma is freed.
 *
 * Return: 0, or -ENOMEM.
 */
int anon_vma_prepare(struct vm_area_struct *vma)
{
	struct mm_struct *mm = vma->vm_mm;
	struct anon_vma *anon_vma;

	if (likely(READ_ONCE(vma->anon_vma)))
		return 0;
	anon_vma = anon_vma_alloc();
	if (!anon_vma)
		return -ENOMEM;
	spin_lock(&anon_vma_lock); /* before page_table_lock, as a walker takes them */
	spin_lock(&mm->page_table_lock);
	if (likely(!vma->anon_vma)) {
		vma->anon_vma = anon_vma;
		list_add(&vma->anon_vma_node, &anon_vma->head);
		list_add(&anon_vma->all, &anon_vmas_live);
		anon_vmas++;
		anon_vma = NULL;
	}
	spin_unlock(&mm->page_table_lock);
	spin_unlock(&anon_vma_lock);
	if (anon_vma)
		anon_vma_free(anon_vma);
	return 0;
}

/**
 * anon_vma_link() - a VMA joins an anon_vma
 * @vma: the VMA (a copy of one on the list, or a merge's survivor that had none)
 * @anon_vma: the anon_vma, or NULL for none
 *
 * mm/rmap.c: anon_vma_link() @ v2.6.9.
 */
void anon_vma_link(struct vm_area_struct *vma, struct anon_vma *anon_vma)
{
	vma->anon_vma = anon_vma;
	if (!anon_vma)
		return;
	spin_lock(&anon_vma_lock);
	__anon_vma_link(vma);
	spin_unlock(&anon_vma_lock);
}

/**
 * __anon_vma_link() - anon_vma_link() with anon_vma_lock held
 * @vma: the VMA, its ->anon_vma set (not NULL)
 *
 * mm/rmap.c: __anon_vma_link() @ v2.6.9: for a split, which adds the new
 * piece and shrinks the old one in one hold of the lock.  At the tail, as
 * Linux does and must: a walk then meets fork()'s parent before its child,
 * so a migration entry copy_page_range() copies into the child while the
 * walk waits on the parent's page_table_lock is still met, further on.
 */
void __anon_vma_link(struct vm_area_struct *vma)
{
	list_add_tail(&vma->anon_vma_node, &vma->anon_vma->head);
}

/**
 * anon_vma_lock_write() - hold the reverse map still while a VMA on it changes
 * @anon_vma: the VMA's anon_vma; NULL (no anonymous page yet) takes nothing
 *
 * include/linux/rmap.h: anon_vma_lock_write() @ v4.14, over a9mm's one lock.
 */
void anon_vma_lock_write(struct anon_vma *anon_vma)
{
	if (anon_vma)
		spin_lock(&anon_vma_lock);
}

/**
 * anon_vma_unlock_write() - let walks go on again
 * @anon_vma: as given to anon_vma_lock_write()
 *
 * include/linux/rmap.h: anon_vma_unlock_write() @ v4.14.
 */
void anon_vma_unlock_write(struct anon_vma *anon_vma)
{
	if (anon_vma)
		spin_unlock(&anon_vma_lock);
}

/*
 * no VMA on it and no reference: off the live list, for the caller to
 * free once the lock is dropped.  Called with anon_vma_lock held.
 */
static bool __anon_vma_unused(struct anon_vma *anon_vma)
{
	if (!list_empty(&anon_vma->head) || anon_vma->refcount)
		return false;
	list_del(&anon_vma->all);
	anon_vmas--;
	return true;
}

/**
 * anon_vma_unlink() - a VMA leaves its anon_vma, the last one frees it
 * @vma: the VMA, about to be freed (or merged away)
 *
 * mm/rmap.c: anon_vma_unlink() @ v2.6.9.  Its pages are unmapped by now
 * (or mapped by a VMA still on the list, which covers them).  Called
 * before its page tables are freed (free_pgtables()), and again, doing
 * nothing, by remove_vma().
 */
void anon_vma_unlink(struct vm_area_struct *vma)
{
	struct anon_vma *anon_vma = vma->anon_vma;
	bool empty;

	if (!anon_vma)
		return;
	spin_lock(&anon_vma_lock);
	list_del(&vma->anon_vma_node);
	empty = __anon_vma_unused(anon_vma);
	spin_unlock(&anon_vma_lock);
	vma->anon_vma = NULL;
	if (empty)
		anon_vma_free(anon_vma);
}

/**
 * page_get_anon_vma() - keep a mapped page's anon_vma alive past its VMAs
 * @page: an anonymous page the caller holds a reference on
 *
 * mm/rmap.c: page_get_anon_vma() @ v3.14: migration unmaps the page, and
 * the process may then exit before the ptes are put back; the anon_vma
 * must outlive that, for remove_migration_ptes() walks it.
 *
 * Return: the anon_vma, referenced (put_anon_vma()), or NULL if the page
 * is not mapped (its anon_vma may be gone already).
 */
struct anon_vma *page_get_anon_vma(struct page *page)
{
	struct anon_vma *anon_vma;

	spin_lock(&anon_vma_lock);
	anon_vma = page_mapped(page) ? page_anon_vma(page) : NULL;
	if (anon_vma)
		anon_vma->refcount++;
	spin_unlock(&anon_vma_lock);
	return anon_vma;
}

/**
 * put_anon_vma() - drop page_get_anon_vma()'s reference
 * @anon_vma: the anon_vma; freed if no VMA is left on it either
 *
 * include/linux/rmap.h: put_anon_vma() @ v3.14.
 */
void put_anon_vma(struct anon_vma *anon_vma)
{
	bool empty;

	spin_lock(&anon_vma_lock);
	anon_vma->refcount--;
	empty = __anon_vma_unused(anon_vma);
	spin_unlock(&anon_vma_lock);
	if (empty)
		anon_vma_free(anon_vma);
}

/**
 * __page_set_anon_rmap() - give a page a VMA's anon_vma and its index there
 * @page: a page no rmap walk can find yet (new, or read back from swap: locked)
 * @vma: the VMA it is to be mapped in, anon_vma_prepare()d
 * @address: where
 *
 * mm/rmap.c: __page_set_anon_rmap() @ v4.14: what rmap_walk_anon() reads.
 */
void __page_set_anon_rmap(struct page *page, struct vm_area_struct *vma, unsigned long address)
{
	page->index = vma->vm_pgoff + ((address - vma->vm_start) >> PAGE_SHIFT);
	WRITE_ONCE(page->mapping, (void *)((unsigned long)vma->anon_vma | PAGE_MAPPING_ANON));
}

/**
 * page_add_new_anon_rmap() - a new anonymous page, mapped once
 * @page: the page, just allocated
 * @vma: the VMA it is mapped in, anon_vma_prepare()d
 * @address: where
 *
 * mm/rmap.c: page_add_new_anon_rmap() -> __page_set_anon_rmap() @ v4.14:
 * no other mapping can exist yet, so the count is set, not added to; the
 * page records its anon_vma and its index, which rmap_walk_anon() reads.
 */
void page_add_new_anon_rmap(struct page *page, struct vm_area_struct *vma, unsigned long address)
{
	SetPageSwapBacked(page); /* the anonymous LRU lists, and swap, are its */
	__page_set_anon_rmap(page, vma, address);
	page->_mapcount = 0;
	mod_zone_page_state(page_zone(page), NR_ANON_PAGES, 1);
}

/**
 * page_add_anon_rmap() - one more mapping of an anonymous page whose anon_vma is set
 * @page: the page (migration's new page: ->mapping and ->index copied)
 *
 * mm/rmap.c: page_add_anon_rmap() @ v3.14: the first mapping counts it
 * in NR_ANON_PAGES, as page_add_new_anon_rmap() does for a new page.
 */
void page_add_anon_rmap(struct page *page)
{
	if (__atomic_add_fetch(&page->_mapcount, 1, __ATOMIC_RELAXED) == 0)
		mod_zone_page_state(page_zone(page), NR_ANON_PAGES, 1);
}

/**
 * page_add_file_rmap() - one more mapping of a page-cache page
 * @page: the page
 *
 * mm/rmap.c: page_add_file_rmap() @ v4.14: the first mapping counts the
 * page in NR_FILE_MAPPED.
 */
void page_add_file_rmap(struct page *page)
{
	if (__atomic_add_fetch(&page->_mapcount, 1, __ATOMIC_RELAXED) == 0)
		mod_zone_page_state(page_zone(page), NR_FILE_MAPPED, 1);
}

/**
 * page_remove_rmap() - one mapping fewer
 * @page: the page a pte stopped mapping
 *
 * mm/rmap.c: page_remove_rmap() @ v4.14: the last mapping takes the page
 * out of NR_ANON_PAGES or NR_FILE_MAPPED.  The caller drops the mapping's
 * reference.  An anonymous page keeps its anon_vma until it is freed
 * (put_page()), as in Linux.
 */
void page_remove_rmap(struct page *page)
{
	if (__atomic_sub_fetch(&page->_mapcount, 1, __ATOMIC_RELAXED) >= 0)
		return;
	mod_zone_page_state(page_zone(page), PageAnon(page) ? NR_ANON_PAGES : NR_FILE_MAPPED, -1);
}

/**
 * page_anon_vma() - the anon_vma of an anonymous page
 * @page: the page
 *
 * mm/rmap.c: page_anon_vma() @ v4.14.
 *
 * Return: it, or NULL if the page is not anonymous (or is free).
 */
struct anon_vma *page_anon_vma(const struct page *page)
{
	unsigned long mapping = (unsigned long)READ_ONCE(page->mapping);

	if (!(mapping & PAGE_MAPPING_ANON))
		return NULL;
	return (struct anon_vma *)(mapping & ~PAGE_MAPPING_ANON);
}

/**
 * vma_address() - where a page of an anon_vma would be in one of its VMAs
 * @page: the page
 * @vma: a VMA on the page's anon_vma
 *
 * mm/rmap.c: vma_address() @ v2.6.9: vm_start plus the page's index past
 * the VMA's vm_pgoff.
 *
 * Return: the address, or -EFAULT when the VMA does not cover the index
 * (a split left the page to another piece).
 */
unsigned long vma_address(const struct page *page, const struct vm_area_struct *vma)
{
	unsigned long address;

	if (page->index < vma->vm_pgoff)
		return (unsigned long)-EFAULT;
	address = vma->vm_start + ((page->index - vma->vm_pgoff) << PAGE_SHIFT);
	if (address < vma->vm_start || address >= vma->vm_end)
		return (unsigned long)-EFAULT;
	return address;
}

/* is @anon_vma a live one?  Called with anon_vma_lock held */
static bool anon_vma_live(const struct anon_vma *anon_vma)
{
	const struct anon_vma *av;

	list_for_each_entry(av, &anon_vmas_live, all)
		if (av == anon_vma)
			return true;
	return false;
}

/* how a walk knows the page's anon_vma is alive */
enum rmap_hold {
	RMAP_MAPPED,   /* the caller holds the page, and it is mapped */
	RMAP_ANY,      /* nobody holds it: the anon_vma must be a live one */
	RMAP_ANON_VMA, /* the caller holds the anon_vma (page_get_anon_vma()) */
};

/* rmap_walk_anon() and its two variants */
static int __rmap_walk_anon(struct page *page,
			    int (*fn)(struct vm_area_struct *vma, unsigned long address, void *arg),
			    void *arg, enum rmap_hold hold)
{
	struct anon_vma *anon_vma;
	struct vm_area_struct *vma;
	int ret = 0;

	spin_lock(&anon_vma_lock);
	anon_vma = page_anon_vma(page);
	if (!anon_vma || (hold != RMAP_ANON_VMA && !page_mapped(page)) ||
	    (hold == RMAP_ANY && !anon_vma_live(anon_vma))) {
		spin_unlock(&anon_vma_lock);
		return -ENOENT;
	}
	list_for_each_entry(vma, &anon_vma->head, anon_vma_node) {
		unsigned long address = vma_address(page, vma);

		if (address == (unsigned long)-EFAULT)
			continue;
		ret = fn(vma, address, arg);
		if (ret)
			break;
	}
	spin_unlock(&anon_vma_lock);
	return ret;
}

/**
 * rmap_walk_anon() - every VMA that may map an anonymous page
 * @page: the page
 * @fn: called for each VMA of the page's anon_vma that covers its index,
 *      with where it would be there; non-zero stops the walk
 * @arg: passed to @fn
 *
 * mm/rmap.c: rmap_walk_anon() @ v4.14 over v2.6.9's list, under
 * anon_vma_lock (@fn may not sleep; it may take a page_table_lock).
 * Whether the pte there maps the page is @fn's to ask
 * (page_check_address()).  The caller holds a reference, so the page is
 * not freed and used again under the walk; only a mapped page is walked,
 * since a mapped page's VMA keeps its anon_vma alive (an unmapped one may
 * have outlived it).
 *
 * Return: @fn's non-zero answer, 0 when it gave none, -ENOENT when the
 * page is not anonymous or not mapped.
 */
int rmap_walk_anon(struct page *page,
		   int (*fn)(struct vm_area_struct *vma, unsigned long address, void *arg),
		   void *arg)
{
	return __rmap_walk_anon(page, fn, arg, RMAP_MAPPED);
}

/**
 * rmap_walk_anon_unreferenced() - rmap_walk_anon() of a page nobody holds for us
 * @page: any page (a pfn given at the shell): it may be freed and used
 *        again under the walk, so what is met may be its next owner's
 * @fn: as for rmap_walk_anon()
 * @arg: passed to @fn
 *
 * a9mm's own, for `rmap`: a reference taken on a page found by its pfn
 * could race with its owner's free (the allocator expects to hold the
 * last one), so none is taken; the anon_vma the page names is walked only
 * if it is one of the live ones -- under anon_vma_lock none can be freed.
 *
 * Return: as rmap_walk_anon().
 */
int rmap_walk_anon_unreferenced(struct page *page,
				int (*fn)(struct vm_area_struct *vma, unsigned long address,
					  void *arg),
				void *arg)
{
	return __rmap_walk_anon(page, fn, arg, RMAP_ANY);
}

/**
 * rmap_walk_anon_held() - rmap_walk_anon() of a page mapped or not
 * @page: an anonymous page whose anon_vma the caller holds
 *        (page_get_anon_vma()): migration's old page, unmapped, or its
 *        new one, not yet mapped, its ->mapping copied
 * @fn: as for rmap_walk_anon()
 * @arg: passed to @fn
 *
 * mm/rmap.c: rmap_walk_anon() @ v3.14 as remove_migration_ptes() calls it:
 * "users without mmap_sem are required to take a reference count to
 * prevent the anon_vma disappearing".
 *
 * Return: as rmap_walk_anon().
 */
int rmap_walk_anon_held(struct page *page,
			int (*fn)(struct vm_area_struct *vma, unsigned long address, void *arg),
			void *arg)
{
	return __rmap_walk_anon(page, fn, arg, RMAP_ANON_VMA);
}

/**
 * mm_find_pmd() - the pmd of an address in an mm's page tables, if it has a pte table
 * @mm: the address space
 * @address: a user address
 *
 * mm/rmap.c: mm_find_pmd() @ v4.14: the first two levels of the walk
 * every look-up of a user pte begins with.
 *
 * Return: the pmd, or NULL when no pte table covers @address.
 */
pmd_t *mm_find_pmd(struct mm_struct *mm, unsigned long address)
{
	pmd_t *pmd = pmd_offset(pud_offset(pgd_offset(mm, address), address), address);

	return pmd_none(*pmd) || !pmd_table(*pmd) ? NULL : pmd;
}

/**
 * page_check_address() - the pte of an mm that maps a page at an address
 * @page: the page
 * @mm: the address space, its page tables held still by the caller
 *      (page_table_lock, or mmap_sem with no fault possible)
 * @address: where (vma_address())
 *
 * mm/rmap.c: page_check_address() @ v2.6.9.
 *
 * Return: the pte, or NULL if nothing there maps @page.
 */
pte_t *page_check_address(struct page *page, struct mm_struct *mm, unsigned long address)
{
	pmd_t *pmd = mm_find_pmd(mm, address);
	pte_t *pte;

	if (!pmd)
		return NULL;
	pte = pte_offset_kernel(pmd, address);
	if (!pte_present(*pte) || pte_pfn(*pte) != page_to_pfn(page))
		return NULL;
	return pte;
}
