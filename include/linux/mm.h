/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_MM_H
#define _LINUX_MM_H

/*
 * include/linux/mm.h @ v3.14, the part a9mm uses: mem_map and the conversions
 * between a page, its frame number and its kernel address (FLATMEM).
 */
#include <linux/gfp.h>
#include <linux/mm_types.h>
#include <linux/mmzone.h>
#include <linux/page-flags.h>
#include <asm/memory.h>
#include <asm/page.h>

extern struct page *mem_map;
extern unsigned long min_low_pfn, max_low_pfn, max_pfn;
extern unsigned long totalram_pages, totalhigh_pages;
extern void *high_memory; /* the end of the linear map (arch/arm/mm/mmu.c) */

/* The zone lives in the top bits of page->flags (set_page_links). */
#define ZONES_PGSHIFT 30
#define ZONES_MASK    3UL

#define ARCH_PFN_OFFSET	  PHYS_PFN_OFFSET
#define pfn_to_page(pfn)  (mem_map + ((pfn)-ARCH_PFN_OFFSET))
#define page_to_pfn(page) ((unsigned long)((page)-mem_map) + ARCH_PFN_OFFSET)
#define PFN_UP(x)	  (((x) + PAGE_SIZE - 1) >> PAGE_SHIFT)
#define PFN_DOWN(x)	  ((x) >> PAGE_SHIFT)
#define PFN_PHYS(x)	  ((phys_addr_t)(x) << PAGE_SHIFT)

static inline enum zone_type page_zonenum(const struct page *page)
{
	return (enum zone_type)((page->flags >> ZONES_PGSHIFT) & ZONES_MASK);
}

static inline struct zone *page_zone(const struct page *page)
{
	return &NODE_DATA(0)->node_zones[page_zonenum(page)];
}

static inline void set_page_zone(struct page *page, enum zone_type zone)
{
	page->flags &= ~(ZONES_MASK << ZONES_PGSHIFT);
	page->flags |= (unsigned long)zone << ZONES_PGSHIFT;
}

static inline bool PageHighMem(const struct page *page)
{
	return page_zonenum(page) == ZONE_HIGHMEM;
}

static inline int page_count(const struct page *page)
{
	return page->_count;
}

static inline int page_mapcount(const struct page *page)
{
	return page->_mapcount + 1;
}

/* include/linux/mm.h: page_mapped() @ v4.14: does any pte map it? */
static inline bool page_mapped(const struct page *page)
{
	return READ_ONCE(page->_mapcount) >= 0;
}

/* lowmem pages only: HighMem pages have no permanent address (kmap) */
static inline void *lowmem_page_address(const struct page *page)
{
	return __va(PFN_PHYS(page_to_pfn(page)));
}

/* mm/highmem.c: HighMem pages have an address only while kmapped */
void *page_address(const struct page *page);

static inline struct page *virt_to_page(const void *kaddr)
{
	return pfn_to_page(__pa(kaddr) >> PAGE_SHIFT);
}

/* include/linux/mm.h: virt_to_head_page() @ v4.14: the head of its compound block */
static inline struct page *virt_to_head_page(const void *kaddr)
{
	return compound_head(virt_to_page(kaddr));
}

/* include/linux/mm.h: compound_order() @ v4.14: kept in the first tail */
static inline unsigned int compound_order(const struct page *page)
{
	return PageHead(page) ? page[1].compound_order : 0;
}

/*
 * arch/arm/include/asm/memory.h: virt_addr_valid() @ v4.14: an address of
 * the linear map (lowmem), so one with a struct page virt_to_page() may
 * use.  Anything else -- NULL, the vmalloc area, an I/O mapping, user
 * space -- is not.
 */
static inline bool virt_addr_valid(const void *kaddr)
{
#ifdef A9MM_HOST
	if (!a9mm_host_va_valid(kaddr))
		return false;
#else
	if ((unsigned long)kaddr < PAGE_OFFSET ||
	    (unsigned long)kaddr >= (unsigned long)high_memory)
		return false;
#endif
	return __pa(kaddr) >> PAGE_SHIFT >= ARCH_PFN_OFFSET &&
	       __pa(kaddr) >> PAGE_SHIFT < max_low_pfn;
}

/* mm/page_alloc.c */
void free_area_init_node(int nid, unsigned long *zones_size, unsigned long node_start_pfn,
			 unsigned long *zholes_size);
void build_all_zonelists(void);
unsigned long nr_free_pages(void);
unsigned long nr_free_pages_all(void);
unsigned long nr_free_pagecache_pages(void);
unsigned long nr_free_buffer_pages(void);
void __free_pages_bootmem(struct page *page, unsigned int order);
unsigned long free_reserved_area(void *start, void *end, const char *s);
void init_per_zone_wmark_min(void);
bool zone_watermark_ok(struct zone *z, unsigned int order, unsigned long mark, int classzone_idx,
		       int alloc_flags);
void setup_per_cpu_pageset(void);
void mod_zone_page_state(struct zone *zone, enum zone_stat_item item, long delta);

/* include/linux/vmstat.h: zone_page_state() @ v3.14: a zone counter, 0 if a race made it negative
 */
static inline unsigned long zone_page_state(const struct zone *zone, enum zone_stat_item item)
{
	long x = READ_ONCE(zone->vm_stat[item]);

	return x < 0 ? 0 : (unsigned long)x;
}
void drain_local_pages(void *arg);
void drain_all_pages(void);
/* every free list consistent?  0, or the number of problems (reported) */
int check_free_lists(int (*print)(const char *fmt, ...));
/* free PFN ORDER as the shell's `free` does it: checked, -errno if refused */
int free_pages_checked(unsigned long pfn, unsigned int order);
unsigned long split_free_page(struct page *page);
int get_pageblock_migratetype(const struct page *page);

int zone_batchsize(const struct zone *zone);

extern int min_free_kbytes;
unsigned long min_free_kbytes_lowmem(void);
extern int mminit_loglevel;

/* include/linux/mm.h: debug_pagealloc_enabled() @ v4.6: debug_pagealloc=on */
extern bool _debug_pagealloc_enabled;
static inline bool debug_pagealloc_enabled(void)
{
	return _debug_pagealloc_enabled;
}
/*
 * sched_clock() ns: bootmem_init() (mm/bootmem.c), mem_init()'s freeing
 * (mm/init.c: all of it, and the HighMem part); the lowmem pages freed
 */
extern u64 bootmem_init_ns, free_pages_ns, free_highmem_ns;
extern unsigned long free_lowmem_pages;

/* mm/nobootmem.c */
unsigned long free_all_bootmem(void);
void __free_pages_memory(unsigned long start, unsigned long end);

/* mm/vmstat.c: free_area[].nr_free of every zone, per-cpu lists drained */
void buddy_snapshot(unsigned long snap[MAX_NR_ZONES][MAX_ORDER]);
/* mm/vmstat.c: /proc texts through a printf-like function */
void show_buddyinfo(int (*print)(const char *fmt, ...));
void show_pagetypeinfo(int (*print)(const char *fmt, ...));
void show_unusable_index(int (*print)(const char *fmt, ...));
void show_extfrag_index(int (*print)(const char *fmt, ...));
int fragmentation_index(struct zone *zone, unsigned int order);
void show_zoneinfo(int (*print)(const char *fmt, ...));
void show_meminfo(int (*print)(const char *fmt, ...));
void show_vmstat(int (*print)(const char *fmt, ...));

/*
 * include/linux/mm.h @ v4.14: a VMA's flags.  The low four are its
 * permissions now; the VM_MAY* four what mprotect() may turn on later
 * (a read-only file mapping MAP_SHARED cannot become writable).
 */
#define VM_NONE	     0x00000000
#define VM_READ	     0x00000001
#define VM_WRITE     0x00000002
#define VM_EXEC	     0x00000004
#define VM_SHARED    0x00000008
#define VM_MAYREAD   0x00000010
#define VM_MAYWRITE  0x00000020
#define VM_MAYEXEC   0x00000040
#define VM_MAYSHARE  0x00000080
#define VM_GROWSDOWN 0x00000100 /* the stack: a fault just below grows it */
#define VM_DENYWRITE 0x00000800
#define VM_ACCOUNT   0x00100000
#define VM_STACK     VM_GROWSDOWN
/* arch/arm/include/asm/page.h: VM_DATA_DEFAULT_FLAGS @ v4.14 (no READ_IMPLIES_EXEC) */
#define VM_DATA_DEFAULT_FLAGS (VM_READ | VM_WRITE | VM_MAYREAD | VM_MAYWRITE | VM_MAYEXEC)
#define VM_STACK_DEFAULT_FLAGS \
	(VM_READ | VM_WRITE | VM_MAYREAD | VM_MAYWRITE | VM_MAYEXEC | VM_STACK | VM_ACCOUNT)

/* include/linux/mm.h: FAULT_FLAG_* @ v4.14: what handle_mm_fault() is told */
#define FAULT_FLAG_WRITE       0x01 /* the access was a write */
#define FAULT_FLAG_ALLOW_RETRY 0x04
#define FAULT_FLAG_KILLABLE    0x10
#define FAULT_FLAG_USER	       0x40  /* the access came from user mode */
#define FAULT_FLAG_INSTRUCTION 0x100 /* an instruction fetch */

/* include/linux/mm.h: VM_FAULT_* @ v4.14: what handle_mm_fault() returns */
#define VM_FAULT_OOM	 0x0001
#define VM_FAULT_SIGBUS	 0x0002
#define VM_FAULT_MAJOR	 0x0004
#define VM_FAULT_WRITE	 0x0008 /* do_wp_page() broke COW */
#define VM_FAULT_SIGSEGV 0x0040
#define VM_FAULT_ERROR	 (VM_FAULT_OOM | VM_FAULT_SIGBUS | VM_FAULT_SIGSEGV)

/* include/linux/mm.h: struct vm_fault @ v4.14: one fault, as the handlers pass it on */
struct vm_fault {
	struct vm_area_struct *vma;
	unsigned int flags;    /* FAULT_FLAG_* */
	unsigned long address; /* the faulting address, page aligned */
	unsigned long pgoff;   /* its page in vma->vm_file */
	pmd_t *pmd;	       /* the pmd of address */
	pte_t *pte;	       /* its pte, or NULL with no pte page yet */
	pte_t orig_pte;	       /* the pte as the fault found it */
	struct page *page;     /* ->fault()'s page, referenced */
};

/* include/linux/mm.h: struct vm_operations_struct @ v4.14: a file mapping's hooks */
struct vm_operations_struct {
	void (*open)(struct vm_area_struct *vma);  /* a copy was made (fork, split) */
	void (*close)(struct vm_area_struct *vma); /* the VMA goes away */
	int (*fault)(struct vm_fault *vmf);	   /* vmf->page = the page at vmf->pgoff */
};

/* include/linux/mm.h: vma_is_anonymous() @ v4.14 */
static inline bool vma_is_anonymous(const struct vm_area_struct *vma)
{
	return !vma->vm_ops;
}

/* include/linux/mm.h: vma_pages() @ v4.14 */
static inline unsigned long vma_pages(const struct vm_area_struct *vma)
{
	return (vma->vm_end - vma->vm_start) >> PAGE_SHIFT;
}

/*
 * arch/arm/include/asm/pgtable.h: ZERO_PAGE() @ v4.14 and
 * include/linux/mm.h: my_zero_pfn(), is_zero_pfn(): the page of zeroes
 * paging_init() sets aside, mapped read-only wherever anonymous memory
 * is read before it is written.  It is never freed.
 */
extern struct page *empty_zero_page;
#define ZERO_PAGE(vaddr) (empty_zero_page)

static inline unsigned long my_zero_pfn(void)
{
	return page_to_pfn(empty_zero_page);
}

static inline bool is_zero_pfn(unsigned long pfn)
{
	return pfn == my_zero_pfn();
}

/*
 * include/linux/page-flags.h: PAGE_MAPPING_ANON, PageAnon() @ v4.14: an
 * anonymous page's ->mapping is its anon_vma with the low bit set (see
 * linux/rmap.h); a page-cache page's is its file's address_space.
 */
#define PAGE_MAPPING_ANON 0x1UL

static inline bool PageAnon(const struct page *page)
{
	return ((unsigned long)page->mapping & PAGE_MAPPING_ANON) != 0;
}

/* include/linux/mm.h: get_page() @ v4.14: one more reference */
static inline void get_page(struct page *page)
{
	__atomic_add_fetch(&page->_count, 1, __ATOMIC_RELAXED);
}

/*
 * include/linux/mm.h: get_page_unless_zero() @ v3.14: a reference, unless
 * the page is on its way to the free lists already (a scanner that found
 * it by its pfn, or on an LRU list)
 */
static inline bool get_page_unless_zero(struct page *page)
{
	int count = __atomic_load_n(&page->_count, __ATOMIC_RELAXED);

	while (count)
		if (__atomic_compare_exchange_n(&page->_count, &count, count + 1, true,
						__ATOMIC_ACQUIRE, __ATOMIC_RELAXED))
			return true;
	return false;
}

void put_page(struct page *page);

/* include/linux/mm.h: get_mm_counter(), get_mm_rss() @ v4.14: resident pages, by kind */
static inline unsigned long get_mm_counter(struct mm_struct *mm, int member)
{
	long val = atomic_read(&mm->rss_stat.count[member]);

	return val < 0 ? 0 : (unsigned long)val;
}

/* include/linux/mm.h: add_mm_counter() @ v4.14 */
static inline void add_mm_counter(struct mm_struct *mm, int member, long value)
{
	atomic_add((int)value, &mm->rss_stat.count[member]);
}

static inline unsigned long get_mm_rss(struct mm_struct *mm)
{
	return get_mm_counter(mm, MM_FILEPAGES) + get_mm_counter(mm, MM_ANONPAGES) +
	       get_mm_counter(mm, MM_SHMEMPAGES);
}

#include <linux/rmap.h>

/* include/linux/rwsem.h, a9mm's mmap_sem (mm/mmap.c) */
void down_read(struct rw_semaphore_mm *sem);
void up_read(struct rw_semaphore_mm *sem);
void down_write(struct rw_semaphore_mm *sem);
void up_write(struct rw_semaphore_mm *sem);

/* mm/mmap.c: the VMAs of an address space */
extern struct kmem_cache *vm_area_cachep;
struct vm_area_struct *find_vma(struct mm_struct *mm, unsigned long addr);
struct vm_area_struct *find_vma_prev(struct mm_struct *mm, unsigned long addr,
				     struct vm_area_struct **pprev);
int insert_vm_struct(struct mm_struct *mm, struct vm_area_struct *vma);
pgprot_t vm_get_page_prot(unsigned long vm_flags);
unsigned long get_unmapped_area(struct file *file, unsigned long addr, unsigned long len,
				unsigned long pgoff, unsigned long flags);
unsigned long do_mmap(struct file *file, unsigned long addr, unsigned long len, unsigned long prot,
		      unsigned long flags, unsigned long vm_flags, unsigned long pgoff);
unsigned long vm_mmap_pgoff(struct file *file, unsigned long addr, unsigned long len,
			    unsigned long prot, unsigned long flags, unsigned long pgoff);
unsigned long vm_mmap(struct file *file, unsigned long addr, unsigned long len, unsigned long prot,
		      unsigned long flags, unsigned long offset);
int do_munmap(struct mm_struct *mm, unsigned long start, size_t len);
int vm_brk(unsigned long addr, unsigned long len);
int expand_stack(struct vm_area_struct *vma, unsigned long address);
void arch_pick_mmap_layout(struct mm_struct *mm);
struct vm_area_struct *vm_area_dup(struct vm_area_struct *orig);
struct vm_area_struct *vma_merge(struct mm_struct *mm, struct vm_area_struct *prev,
				 unsigned long addr, unsigned long end, unsigned long vm_flags,
				 struct file *file, unsigned long pgoff);
int split_vma(struct mm_struct *mm, struct vm_area_struct *vma, unsigned long addr, int new_below);
void mmap_init(void);
void vm_stat_account(struct mm_struct *mm, unsigned long flags, long npages);
long sys_brk(unsigned long brk);
long sys_mmap2(unsigned long addr, unsigned long len, unsigned long prot, unsigned long flags,
	       unsigned long fd, unsigned long pgoff);
long sys_munmap(unsigned long addr, size_t len);
long sys_mprotect(unsigned long start, size_t len, unsigned long prot);
long sys_madvise(unsigned long start, size_t len, int behavior);
int shmem_zero_setup(struct vm_area_struct *vma);

/* mm/memory.c: the pages of VMAs, in and out */
int handle_mm_fault(struct vm_area_struct *vma, unsigned long address, unsigned int flags);
int copy_page_range(struct mm_struct *dst_mm, struct mm_struct *src_mm, struct vm_area_struct *vma);
void unmap_vmas(struct vm_area_struct *vma, unsigned long start_addr, unsigned long end_addr);
void zap_page_range(struct vm_area_struct *vma, unsigned long start, unsigned long size);
void free_pgtables(struct vm_area_struct *vma, unsigned long floor, unsigned long ceiling);
void flush_tlb_page(struct vm_area_struct *vma, unsigned long addr);

/* mm/gup.c */
int fixup_user_fault(struct mm_struct *mm, unsigned long address, bool write);

/* mm/mprotect.c */
unsigned long change_protection(struct vm_area_struct *vma, unsigned long start, unsigned long end,
				pgprot_t newprot);

/* mm/highmem.c */
void *kmap(struct page *page);
void kunmap(struct page *page);
void *kmap_atomic(struct page *page);
void kunmap_atomic(void *kvaddr);

#endif
