// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/cmd_rmap.c: `rmap PFN` and `rmap PID VA` -- the reverse map seen
 * from the shell: from a page to every process and address that maps it,
 * the walk reclaim and compaction make (mm/rmap.c).
 *
 *   a9mm> rmap 4 0xb6ffe000
 *   rmap: pfn 0x600c3 (Normal): anonymous, anon_vma 0xcf80c010, index 0xb6ffe, mapped 2 times
 *     pid 4 (rmap-demo)  0xb6ffe000  pte 0x600c37df  read-only
 *     pid 5 (rmap-demo)  0xb6ffe000  pte 0x600c37df  read-only
 *     pid 6 (rmap-demo)  0xb6ffe000  maps pfn 0x68063 there instead: copy-on-write parted them
 *   the anon_vma has 3 VMAs covering index 0xb6ffe; 2 of those shown map this page
 *
 * The walk runs under the anon_vma lock, which may not sleep: it only
 * collects each VMA's mm (a user reference) and address; each pte is then
 * read under that mm's mmap_sem and page_table_lock.  No reference is
 * taken on the page (rmap_walk_anon_unreferenced()): the allocator frees
 * a page expecting to hold its last one, so the page may change owner
 * while it is looked at -- the ptes are read against its pfn all the
 * same, and what is printed is what was there.
 */
#include <a9mm/shell.h>
#include <asm/pgalloc.h>
#include <asm/pgtable.h>
#include <linux/cmdline.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/mm_types.h>
#include <linux/rmap.h>
#include <linux/swap.h>
#include <linux/sched.h>

#define RMAP_SHOW 32 /* VMAs shown; a bigger family is counted */

struct rmap_seen {
	unsigned int vmas, shown, exiting;
	struct {
		struct mm_struct *mm; /* a user reference */
		unsigned long address;
	} at[RMAP_SHOW];
};

/* rmap_walk_anon()'s callback: remember the mm and the address */
static int rmap_collect(struct vm_area_struct *vma, unsigned long address, void *arg)
{
	struct rmap_seen *seen = arg;

	seen->vmas++;
	if (seen->shown == RMAP_SHOW)
		return 0;
	if (!mmget_not_zero(vma->vm_mm)) {
		seen->exiting++; /* its mm is being torn down */
		return 0;
	}
	seen->at[seen->shown].mm = vma->vm_mm;
	seen->at[seen->shown].address = address;
	seen->shown++;
	return 0;
}

/* a process using @mm, for its name: NULL if none is left */
static struct task_struct *mm_owner(struct mm_struct *mm)
{
	struct task_struct *p, *found = NULL;
	unsigned long flags;

	spin_lock_irqsave(&tasklist_lock, flags);
	for_each_process(p)
		if (READ_ONCE(p->mm) == mm) {
			found = p;
			get_task_struct(p);
			break;
		}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return found;
}

/* the pte of @mm at @va, read under its locks; 0 when there is none */
static pte_t read_pte(struct mm_struct *mm, unsigned long va)
{
	pmd_t *pmd;
	pte_t pte = 0;

	down_read(&mm->mmap_sem);
	spin_lock(&mm->page_table_lock);
	pmd = mm_find_pmd(mm, va);
	if (pmd)
		pte = *pte_offset_kernel(pmd, va);
	spin_unlock(&mm->page_table_lock);
	up_read(&mm->mmap_sem);
	return pte;
}

/* what a pte that is neither none nor present holds (linux/swapops.h) */
static void show_swap_pte(pte_t pte)
{
	swp_entry_t entry = pte_to_swp_entry(pte);
	struct swap_info_struct *si = swp_swap_info(entry);
	struct page *page;

	if (is_migration_entry(entry)) {
		shprintf("a migration entry: pfn 0x%lx is being moved (compaction)\n",
			 swp_offset(entry));
		return;
	}
	if (non_swap_entry(entry) || !si || !(READ_ONCE(si->flags) & SWP_USED)) {
		shprintf("swap entry 0x%08lx: no swap area has it (a corrupted pte)\n",
			 (unsigned long)pte);
		return;
	}
	shprintf("swapped out: slot %lu of /dev/%s (swap entry type %u)", swp_offset(entry),
		 si->name, swp_type(entry));
	page = lookup_swap_cache(entry);
	if (page) {
		shprintf("; its bytes are still in RAM too, in the swap cache at pfn 0x%lx",
			 page_to_pfn(page));
		put_page(page);
	}
	shprintf("\n");
}

/* one VMA that covers the page's index: does its pte map the page, or what then? */
static bool show_one(struct page *page, struct mm_struct *mm, unsigned long address)
{
	struct task_struct *owner = mm_owner(mm);
	pte_t pte = read_pte(mm, address);
	bool maps = pte_present(pte) && pte_pfn(pte) == page_to_pfn(page);

	if (owner) {
		shprintf("  pid %d (%s)", owner->pid, owner->comm);
		put_task_struct(owner);
	} else {
		shprintf("  an exiting process");
	}
	if (maps)
		shprintf("  0x%08lx  pte 0x%08lx  %s\n", address, (unsigned long)pte,
			 pte_write(pte) ? "writable" : "read-only");
	else if (pte_present(pte))
		shprintf("  0x%08lx  maps pfn 0x%lx there instead: copy-on-write parted them\n",
			 address, (unsigned long)pte_pfn(pte));
	else if (is_swap_pte(pte)) {
		shprintf("  0x%08lx  ", address);
		show_swap_pte(pte);
	} else
		shprintf("  0x%08lx  nothing mapped there\n", address);
	return maps;
}

/* anonymous: the anon_vma's VMAs, each one's pte */
static void show_anon(struct page *page)
{
	struct rmap_seen seen = { 0 };
	unsigned int maps = 0;
	int ret;

	ret = rmap_walk_anon_unreferenced(page, rmap_collect, &seen);
	if (ret == -ENOENT) {
		shprintf("  mapped by no pte now: no VMA to walk\n");
		return;
	}
	for (unsigned int i = 0; i < seen.shown; i++) {
		maps += show_one(page, seen.at[i].mm, seen.at[i].address);
		mmput(seen.at[i].mm);
	}
	if (seen.exiting)
		shprintf("  ... %u VMA%s of exiting processes\n", seen.exiting,
			 seen.exiting == 1 ? "" : "s");
	if (seen.vmas > seen.shown + seen.exiting)
		shprintf("  ... %u more VMAs not shown\n", seen.vmas - seen.shown - seen.exiting);
	shprintf("the anon_vma has %u VMA%s covering index 0x%lx; %u of those shown map%s this "
		 "page\n",
		 seen.vmas, seen.vmas == 1 ? "" : "s", page->index, maps, maps == 1 ? "s" : "");
}

/* the zone a pfn lies in, or NULL: no struct page to look at */
static struct zone *pfn_zone(unsigned long pfn)
{
	struct zone *zone;

	for_each_populated_zone(zone)
		if (zone_spans_pfn(zone, pfn))
			return zone;
	return NULL;
}

static void show_rmap(unsigned long pfn)
{
	struct zone *zone = pfn_zone(pfn);
	struct address_space *mapping;
	struct page *page;

	if (!zone) {
		shprintf("rmap: pfn 0x%lx is in no zone: no struct page\n", pfn);
		return;
	}
	page = pfn_to_page(pfn);
	if (pfn == my_zero_pfn()) {
		shprintf(
			"rmap: pfn 0x%lx is the zero page: every first read of anonymous memory maps "
			"it read-only; nothing reverse-maps it\n",
			pfn);
		return;
	}
	if (!page_count(page)) {
		shprintf("rmap: pfn 0x%lx (%s) is free, or a tail of a larger block\n", pfn,
			 zone->name);
		return;
	}
	shprintf("rmap: pfn 0x%lx (%s): ", pfn, zone->name);
	if (PageReserved(page)) {
		shprintf("reserved at boot (the kernel, its tables, mem_map, ...): no process "
			 "maps it\n");
	} else if (PageSlab(page)) {
		shprintf("a slab page: the kernel's objects, no process maps it\n");
	} else if (PageAnon(page)) {
		shprintf("anonymous, anon_vma 0x%08lx, index 0x%lx, mapped %d time%s\n",
			 (unsigned long)page_anon_vma(page), page->index, page_mapcount(page),
			 page_mapcount(page) == 1 ? "" : "s");
		show_anon(page);
	} else if ((mapping = READ_ONCE(page->mapping)) && S_ISBLK(mapping->host->i_mode)) {
		shprintf("a block device's page-cache page (device %u:%u, bytes 0x%llx..), on the "
			 "%s file list%s: read() and write() copy it; mapped %d time%s (a9mm keeps "
			 "no reverse map of file pages: Linux walks the file's i_mmap tree)\n",
			 MAJOR(mapping->host->i_rdev), MINOR(mapping->host->i_rdev),
			 (unsigned long long)page->index << PAGE_SHIFT,
			 PageActive(page) ? "active" : "inactive",
			 PageReferenced(page) ? ", referenced" : "", page_mapcount(page),
			 page_mapcount(page) == 1 ? "" : "s");
	} else if (page->mapping) {
		shprintf("a page-cache page, mapped %d time%s: a9mm keeps no reverse map of file "
			 "pages (Linux: the file's i_mmap tree)\n",
			 page_mapcount(page), page_mapcount(page) == 1 ? "" : "s");
	} else if (page_mapped(page)) {
		shprintf("mapped %d time%s, in no cache: a page-cache page taken out of its cache "
			 "(truncate_inode_pages_range()) while a process mapped it\n",
			 page_mapcount(page), page_mapcount(page) == 1 ? "" : "s");
	} else {
		shprintf("in use, not a process's page: nothing maps it into user space\n");
	}
}

static int do_rmap(int argc, char **argv)
{
	unsigned long pid, va, pfn;
	struct task_struct *p;
	struct mm_struct *mm;
	pte_t pte;

	if (argc == 2) {
		if (kstrtoul(argv[1], 0, &pfn)) {
			shprintf("rmap: '%s' is not a pfn\n", argv[1]);
			return 1;
		}
		show_rmap(pfn);
		return 0;
	}
	if (argc != 3)
		return 1;
	if (kstrtoul(argv[1], 0, &pid) || !pid || kstrtoul(argv[2], 0, &va)) {
		shprintf("rmap: expected a pid and an address\n");
		return 1;
	}
	p = get_pid_task((pid_t)pid);
	mm = p ? get_task_mm(p) : NULL;
	if (p)
		put_task_struct(p);
	if (!mm) {
		shprintf("rmap: no process %lu with an address space\n", pid);
		return 0;
	}
	pte = va < TASK_SIZE ? read_pte(mm, va & PAGE_MASK) : 0;
	mmput(mm);
	if (is_swap_pte(pte)) {
		shprintf("rmap: pid %lu at 0x%08lx: ", pid, va);
		show_swap_pte(pte);
		return 0;
	}
	if (!pte_present(pte)) {
		shprintf("rmap: pid %lu maps nothing at 0x%08lx\n", pid, va);
		return 0;
	}
	show_rmap(pte_pfn(pte));
	return 0;
}
SHELL_CMD("rmap", do_rmap, "PFN | PID VA",
	  "the reverse map: every process and address that maps a page",
	  .linux = "mm/rmap.c (v2.6.9's anon_vma, one per family of VMAs fork and splits made): "
		   "page->mapping's anon_vma, rmap_walk_anon() over its VMAs, vma_address() "
		   "from page->index, page_check_address()");
