/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_MM_TYPES_H
#define _LINUX_MM_TYPES_H

/*
 * include/linux/mm_types.h @ v4.14: struct page, one per physical page frame, all
 * of them in mem_map[].  Eight words on ARM32 -- 32 bytes, as in Linux
 * 3.x/4.x -- which is what makes 194560 lowmem pages cost 1520 pages of
 * memmap in the log of the seed (the study notes a9mm grew from: a Linux
 * 4.x boot on QEMU's vexpress-a9 followed through the kernel's code; not
 * part of this repository).
 *
 * A page the slab allocator owns (PageSlab) reuses four of the words for
 * its slab state, as Linux's SLUB does (mm/slub.c):
 *
 *   word  0      1       2                         3           4         5-6   7
 *   page  flags  _count  _mapcount                 private     index     lru   mapping
 *   slab  flags  _count  inuse:16 objects:15       slab_cache  freelist  lru:  NULL
 *         |PG_slab       frozen:1 (= counters)                           partial/full list
 *
 * and the pages behind the head of a compound block (a slab of order > 0,
 * a kmalloc_large() block: __GFP_COMP) point back at it, as Linux's do:
 *
 *   tail  flags  0       -1                        0           0         compound_head = head + 1
 *                                                                        compound_order (1st tail)
 */
#include <linux/list.h>
#include <linux/types.h>

struct kmem_cache;

struct page {
	unsigned long flags; /* PG_* bits; the zone in the top bits */
	int _count;	     /* references: 1 while allocated, 0 when free */
	union {
		int _mapcount;	       /* -1; PAGE_BUDDY_MAPCOUNT_VALUE while in a free list */
		unsigned int counters; /* SLUB: the three below, as one word */
		struct {	       /* SLUB */
			unsigned inuse : 16;   /* objects handed out (or on a CPU's freelist) */
			unsigned objects : 15; /* objects the slab holds */
			unsigned frozen : 1;   /* a CPU's active slab: on no list */
		};
	};
	union {
		unsigned long private; /* free: the block's order; allocated: its order too */
		struct kmem_cache *slab_cache; /* SLUB: the cache the slab belongs to */
	};
	union {
		unsigned long index; /* on a per-cpu list: the migratetype */
		void *freelist;	     /* SLUB: the slab's first free object */
	};
	union {
		struct list_head lru; /* free_area / per-cpu list / SLUB partial list linkage */
		struct {	      /* the pages of a compound block behind its head */
			unsigned long compound_head; /* the head's address + 1 */
			unsigned int compound_order; /* the first tail page: the block's order */
		};
	};
	void *mapping; /* page cache: the file's address_space; anonymous: anon_vma | 1 */
};

/*
 * include/linux/mm_types.h: struct vm_area_struct @ v3.14 -- one range of
 * a process's address space with one set of permissions and one backing
 * (a file, or anonymous memory).  A process's VMAs are kept twice, as
 * Linux 3.x keeps them: in a list sorted by address (mm->mmap, vm_next/
 * vm_prev), for walking them in order, and in a red-black tree
 * (mm->mm_rb), for find_vma()'s O(log n) lookup.  Each node of the tree
 * also knows the largest gap below any VMA of its subtree
 * (rb_subtree_gap), which get_unmapped_area() searches.
 */
#include <linux/cpumask.h>
#include <linux/list.h>
#include <linux/rbtree.h>
#include <linux/spinlock.h>
#include <asm/atomic.h>
#include <asm/mmu.h>
#include <asm/pgtable-2level.h>

struct mm_struct;
struct task_struct;
struct file;
struct vm_operations_struct;

struct vm_area_struct {
	unsigned long vm_start; /* first address */
	unsigned long vm_end;	/* first address after */
	struct vm_area_struct *vm_next, *vm_prev;
	struct rb_node vm_rb;
	unsigned long rb_subtree_gap; /* the largest free gap below any VMA of this subtree */
	struct mm_struct *vm_mm;
	pgprot_t vm_page_prot;	/* the Linux pte bits of its pages (vm_get_page_prot()) */
	unsigned long vm_flags; /* VM_READ, VM_WRITE, ... (linux/mm.h) */
	unsigned long
		vm_pgoff; /* offset in the file, in pages (anonymous: vm_start >> PAGE_SHIFT) */
	struct file *vm_file;
	const struct vm_operations_struct *vm_ops;
	struct anon_vma *anon_vma;	/* its anonymous pages' reverse map, or NULL (none yet) */
	struct list_head anon_vma_node; /* on anon_vma->head, with the VMAs sharing it */
};

/* include/linux/mm_types_task.h @ v4.14: the counters of a process's resident pages */
enum {
	MM_FILEPAGES,  /* file-backed pages mapped */
	MM_ANONPAGES,  /* anonymous pages mapped */
	MM_SWAPENTS,   /* swap entries in its ptes: pages swapped out (VmSwap) */
	MM_SHMEMPAGES, /* shared memory (MAP_SHARED|MAP_ANONYMOUS) pages mapped */
	NR_MM_COUNTERS
};

struct mm_rss_stat {
	atomic_t count[NR_MM_COUNTERS];
};

/* arch/arm/include/asm/elf.h: AT_VECTOR_SIZE @ v4.14 (2 * (ARCH + base + 1)) */
#define AT_VECTOR_SIZE 44

/*
 * include/linux/mm_types.h: struct mm_struct @ v4.14 -- a process's
 * address space: its VMAs, its page directory, what it has mapped and
 * where its parts are.  mm_users counts the tasks using it (exit_mmap()
 * when the last one goes), mm_count the references to the structure
 * itself (all the users together count 1; a kernel thread running on it
 * lazily holds one too), so the page directory a CPU still runs on is
 * freed only after the CPU switched away.
 */
struct mm_struct {
	struct vm_area_struct *mmap; /* the VMAs, in address order */
	struct rb_root mm_rb;	     /* the same VMAs, in a red-black tree */
	unsigned long mmap_base;     /* where mmap() allocates downwards from */
	unsigned long task_size;     /* TASK_SIZE */
	unsigned long highest_vm_end;
	pgd_t *pgd; /* the page directory (pgd_alloc()) */
	atomic_t mm_users;
	atomic_t mm_count;
	atomic_t nr_ptes; /* pte pages */
	int map_count;	  /* VMAs */
	spinlock_t page_table_lock;
	struct rw_semaphore_mm {
		spinlock_t lock;
		int count; /* readers, or -1 held for writing */
		struct list_head waiters;
	} mmap_sem;

	unsigned long hiwater_rss; /* the most resident pages it ever had (VmHWM) */
	unsigned long hiwater_vm;  /* the largest total_vm it ever had (VmPeak) */
	unsigned long total_vm;	   /* pages mapped */
	unsigned long locked_vm, pinned_vm;
	unsigned long data_vm;	/* VM_WRITE & ~VM_SHARED & ~VM_STACK */
	unsigned long exec_vm;	/* VM_EXEC & ~VM_WRITE & ~VM_STACK */
	unsigned long stack_vm; /* VM_STACK */
	unsigned long def_flags;

	unsigned long start_code, end_code, start_data, end_data;
	unsigned long start_brk, brk, start_stack;
	unsigned long arg_start, arg_end, env_start, env_end;
	unsigned long saved_auxv[AT_VECTOR_SIZE];

	struct mm_rss_stat rss_stat;
	cpumask_t cpu_vm_mask; /* the CPUs it ran on since its ASID was given */
	mm_context_t context;
	struct file *exe_file;
	struct list_head mmlist; /* in init_mm.mmlist once it has a swap entry (swapoff's walk) */
	unsigned long faultstamp;
};

/* mm/init-mm.c: the kernel's address space (swapper_pg_dir) */
extern struct mm_struct init_mm;
/* kernel/fork.c: guards every mm's place on init_mm.mmlist */
extern spinlock_t mmlist_lock;

/* kernel/fork.c */
struct mm_struct *mm_alloc(void);
struct mm_struct *get_task_mm(struct task_struct *task);
extern spinlock_t task_mm_lock;
void __mmdrop(struct mm_struct *mm);

/*
 * include/linux/sched/mm.h: mmget_not_zero() @ v4.14: a user reference,
 * unless the last one is already gone (the mm is being torn down)
 */
static inline bool mmget_not_zero(struct mm_struct *mm)
{
	int users = atomic_read(&mm->mm_users);

	while (users) {
		int seen = atomic_cmpxchg(&mm->mm_users, users, users + 1);

		if (seen == users)
			return true;
		users = seen;
	}
	return false;
}

/* include/linux/sched/mm.h: mmgrab(), mmdrop() @ v4.14: references to the structure itself */
static inline void mmgrab(struct mm_struct *mm)
{
	atomic_inc(&mm->mm_count);
}

static inline void mmdrop(struct mm_struct *mm)
{
	if (atomic_dec_and_test(&mm->mm_count))
		__mmdrop(mm);
}

/* mm/mmap.c */
void exit_mmap(struct mm_struct *mm);
void mmput(struct mm_struct *mm);

/* mm/mmu_context.c */
void use_mm(struct mm_struct *mm);
void unuse_mm(struct mm_struct *mm);

/* mm/memory.c */
int __pte_alloc(struct mm_struct *mm, pmd_t *pmd);
void set_pte_at(struct mm_struct *mm, unsigned long addr, pte_t *ptep, pte_t pte);
void free_pgd_range(struct mm_struct *mm, unsigned long addr, unsigned long end);

#endif
