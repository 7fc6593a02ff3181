// SPDX-License-Identifier: GPL-2.0
/*
 * mm/mmu.c: arch/arm/mm/mmu.c @ v4.14 -- from head.S's temporary
 * section table to the kernel's real page tables, rebuilt in place in
 * swapper_pg_dir:
 *
 *   adjust_lowmem_bounds()  how much RAM the linear map can hold
 *   paging_init()
 *     prepare_page_table()  clear what head.S (or nobody) mapped
 *     map_lowmem()          RAM -> PAGE_OFFSET.., sections where possible
 *     devicemaps_init()     vectors page, vmalloc space cleared
 *     kmap_init()           pte tables for pkmap and fixmap
 *     mark_rodata_ro()      rodata=on: text RX, rodata RO (4 KiB pages)
 *     bootmem_init()        zones (mm/bootmem.c)
 */
#include <limits.h>

#include <linux/cmdline.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include <asm/fixmap.h>
#include <asm/highmem.h>
#include <asm/pgalloc.h>
#include <asm/map.h>
#include <asm/memory.h>
#include <asm/mm.h>
#include <asm/pgtable.h>
#include <asm/tlbflush.h>
#include <asm/traps.h>

phys_addr_t arm_lowmem_limit;
void *high_memory;
bool rodata_enabled;

static unsigned long vmalloc_min = VMALLOC_END - VMALLOC_DEFAULT_SIZE - VMALLOC_OFFSET;

/*
 * arch/arm/mm/mmu.c: early_vmalloc() @ v4.14: "vmalloc=SIZE" moves the lowmem /
 * vmalloc boundary.  Clamped as Linux does: at least 16 MiB, and lowmem
 * keeps at least 32 MiB.  The 8 MiB VMALLOC_OFFSET guard gap is taken off
 * as for the default, so vmalloc=240M is the default and the area printed
 * is the size asked for.  (Linux sets vmalloc_min = VMALLOC_END - size, so
 * its gap comes out of the request: vmalloc=240M gives 232 MB there, and
 * its upper clamp reads 976MB where a9mm's reads 968MB.)
 *
 * Nothing else needs room in vmalloc space from the start: the devices
 * are ioremap()ped into it once the vmap allocator works, and before
 * that they live in the fixmap (mm/early_ioremap.c), above it.
 *
 * Two clamps are a9mm's: a size beyond 4 GiB is refused (Linux truncates
 * it to 32 bits, so vmalloc=4G came out as 0, "too small"), and the size
 * is rounded up to whole pages, so that lowmem, the zone split and
 * memblock's limit all end on a page boundary (vmalloc=200000001 would
 * otherwise end lowmem inside a page that is then both mapped and
 * HighMem).
 */
static int __init early_vmalloc(char *arg)
{
	char *end;
	unsigned long long size;
	unsigned long vmalloc_reserve;

	if (!arg || !*arg) {
		pr_err("vmalloc=: missing size, ignored\n");
		return 0;
	}
	size = memparse(arg, &end);
	if (end == arg || *end) {
		pr_err("vmalloc=%s: not a size, ignored\n", arg);
		return 0;
	}
	if (size > ULONG_MAX) {
		pr_err("vmalloc=%s: does not fit in 32 bits%s (ERANGE), ignored\n", arg,
		       size == ULLONG_MAX ? ", it overflows 64" : "");
		return 0;
	}
	vmalloc_reserve = (unsigned long)size;
	if (vmalloc_reserve < SZ_16M) {
		vmalloc_reserve = SZ_16M;
		pr_warn("vmalloc area too small, limiting to %luMB\n", vmalloc_reserve >> 20);
	}
	if (vmalloc_reserve > VMALLOC_END - (PAGE_OFFSET + SZ_32M) - VMALLOC_OFFSET) {
		vmalloc_reserve = VMALLOC_END - (PAGE_OFFSET + SZ_32M) - VMALLOC_OFFSET;
		pr_warn("vmalloc area is too big, limiting to %luMB\n", vmalloc_reserve >> 20);
	}
	if (!IS_ALIGNED(vmalloc_reserve, PAGE_SIZE)) {
		vmalloc_reserve = PAGE_ALIGN(vmalloc_reserve);
		pr_info("vmalloc=%s: rounded up to whole pages, %lu bytes\n", arg, vmalloc_reserve);
	}
	vmalloc_min = VMALLOC_END - vmalloc_reserve - VMALLOC_OFFSET;
	return 0;
}
early_param("vmalloc", early_vmalloc);

/* rodata=on|off (Linux's CONFIG_STRICT_KERNEL_RWX switch) */
static int __init parse_rodata(char *arg)
{
	if (arg && !strcmp(arg, "on"))
		rodata_enabled = true;
	else if (arg && !strcmp(arg, "off"))
		rodata_enabled = false;
	else
		pr_err("rodata=%s: expected on or off, ignored\n", arg ? arg : "");
	return 0;
}
early_param("rodata", parse_rodata);

/*
 * arch/arm/mm/mmu.c: mem_types[] @ v4.14, table-driven as in Linux.  prot_sect is
 * a 1 MiB section descriptor's attribute bits, prot_l1 those of a
 * first-level entry pointing at a pte table, prot_pte the Linux pte bits
 * that set_pte_ext() turns into a small-page descriptor.
 *
 * Normal RAM: TEX=001 C=1 B=1, write-back write-allocate, shareable
 * (ARM ARM B3.8.2; shareable because the four cores share it).  AP[2:0] =
 * 0b001: kernel read/write, no user access; 0b101: kernel read-only
 * (B3.7.1).  Device: TEX=000 C=0 B=1, shareable device, XN always (B3.8.2:
 * speculative instruction fetches from device memory must be prevented).
 * The section forms are PROT_SECT_MEM, the one head.S maps RAM with, and
 * PROT_SECT_IO, which ioremap() uses for 2 MiB aligned requests
 * (asm/pgtable-hwdef.h).
 */
#define PROT_PTE_MEM \
	(L_PTE_PRESENT | L_PTE_YOUNG | L_PTE_DIRTY | L_PTE_MT_WRITEALLOC | L_PTE_SHARED)

/* Linux's layout, one "[MT_X] = {" per type, which clang-format would split */
/* clang-format off */
const struct mem_type mem_types[MT_NR_TYPES] = {
	[MT_DEVICE] = {
		.name = "MT_DEVICE",
		.prot_pte = L_PTE_PRESENT | L_PTE_YOUNG | L_PTE_DIRTY | L_PTE_XN |
			    L_PTE_MT_DEV_SHARED | L_PTE_SHARED,
		.prot_l1 = PMD_TYPE_TABLE | PMD_DOMAIN(DOMAIN_IO),
		.prot_sect = PROT_SECT_IO | PMD_DOMAIN(DOMAIN_IO),
		.domain = DOMAIN_IO,
	},
	[MT_MEMORY_RWX] = {
		.name = "MT_MEMORY_RWX",
		.prot_pte = PROT_PTE_MEM,
		.prot_l1 = PMD_TYPE_TABLE | PMD_DOMAIN(DOMAIN_KERNEL),
		.prot_sect = PROT_SECT_MEM | PMD_DOMAIN(DOMAIN_KERNEL),
		.domain = DOMAIN_KERNEL,
	},
	[MT_MEMORY_RW] = {
		.name = "MT_MEMORY_RW",
		.prot_pte = PROT_PTE_MEM | L_PTE_XN,
		.prot_l1 = PMD_TYPE_TABLE | PMD_DOMAIN(DOMAIN_KERNEL),
		.prot_sect = PROT_SECT_MEM | PMD_SECT_XN | PMD_DOMAIN(DOMAIN_KERNEL),
		.domain = DOMAIN_KERNEL,
	},
	[MT_MEMORY_RX] = {
		.name = "MT_MEMORY_RX",
		.prot_pte = PROT_PTE_MEM | L_PTE_RDONLY,
		.prot_l1 = PMD_TYPE_TABLE | PMD_DOMAIN(DOMAIN_KERNEL),
		.prot_sect = PROT_SECT_MEM | PMD_SECT_APX | PMD_DOMAIN(DOMAIN_KERNEL),
		.domain = DOMAIN_KERNEL,
	},
	[MT_MEMORY_RO] = {
		.name = "MT_MEMORY_RO",
		.prot_pte = PROT_PTE_MEM | L_PTE_RDONLY | L_PTE_XN,
		.prot_l1 = PMD_TYPE_TABLE | PMD_DOMAIN(DOMAIN_KERNEL),
		.prot_sect = PROT_SECT_MEM | PMD_SECT_APX | PMD_SECT_XN |
			     PMD_DOMAIN(DOMAIN_KERNEL),
		.domain = DOMAIN_KERNEL,
	},
	[MT_HIGH_VECTORS] = {
		/* pages only: read-only for everyone, executable */
		.name = "MT_HIGH_VECTORS",
		.prot_pte = L_PTE_PRESENT | L_PTE_YOUNG | L_PTE_DIRTY | L_PTE_USER |
			    L_PTE_RDONLY | L_PTE_MT_WRITEALLOC | L_PTE_SHARED,
		.prot_l1 = PMD_TYPE_TABLE | PMD_DOMAIN(DOMAIN_VECTORS),
		.domain = DOMAIN_VECTORS,
	},
};
/* clang-format on */

/**
 * adjust_lowmem_bounds() - decide where lowmem ends
 *
 * arch/arm/mm/mmu.c: adjust_lowmem_bounds() @ v4.14.  Lowmem -- RAM in the
 * linear map -- ends where vmalloc space must begin (vmalloc_min), or at
 * the end of RAM if that comes first.  Everything above is HighMem.
 * Sets arm_lowmem_limit, high_memory and memblock's allocation limit.
 *
 *   PA  0x60000000 ........... 0x8f800000 .......... 0x9fffffff   (-m 1024M)
 *   VA  0xc0000000 ........... 0xef800000 | vmalloc 0xf0000000..0xff000000
 *       <------ lowmem (Normal) --------> <-- HighMem (kmap only) -->
 *
 * memblock allocations must stay in memory that map_lowmem() maps with
 * sections before it needs a pte table, so their limit is the first
 * address that is not 2 MiB aligned, rounded down to 2 MiB (Linux's
 * reasoning); paging_init() lifts it to arm_lowmem_limit afterwards.
 */
void __init adjust_lowmem_bounds(void)
{
	phys_addr_t memblock_limit = 0, lowmem_limit = 0;
	u64 vmalloc_limit = (u64)vmalloc_min - PAGE_OFFSET + PHYS_OFFSET;
	struct memblock_region *reg;

	for_each_memblock(memory, reg) {
		u64 block_start = reg->base, block_end = (u64)reg->base + reg->size;

		if (block_start >= vmalloc_limit)
			continue;
		if (block_end > lowmem_limit)
			lowmem_limit = (phys_addr_t)min(vmalloc_limit, block_end);
		if (!memblock_limit) {
			if (!IS_ALIGNED(block_start, PMD_SIZE))
				memblock_limit = (phys_addr_t)block_start;
			else if (!IS_ALIGNED(block_end, PMD_SIZE))
				memblock_limit = lowmem_limit;
		}
	}

	arm_lowmem_limit = lowmem_limit;
	high_memory = (void *)__phys_to_virt(arm_lowmem_limit);
	if (!memblock_limit)
		memblock_limit = arm_lowmem_limit;
	memblock_limit = round_down(memblock_limit, PMD_SIZE);
	memblock_set_current_limit(memblock_limit);
}

/*
 * arch/arm/mm/mmu.c: early_alloc() @ v4.14: page-table memory straight from
 * memblock, zeroed through the linear map (so it must already be mapped:
 * see adjust_lowmem_bounds()).  Always inlined, so that memblock=debug
 * names its callers -- devicemaps_init() (the vectors page) apart from the
 * pte tables -- where Linux's log says early_alloc for both.
 */
static __always_inline void *__init early_alloc(unsigned long sz)
{
	void *ptr = __va(memblock_alloc(sz, sz));

	memset(ptr, 0, sz);
	return ptr;
}

/*
 * A section's attributes as Linux pte bits (the inverse of mem_types'
 * prot_sect), so split_pmd() can keep what a section mapped while turning
 * it into pages.
 */
static pteval_t sect_to_pte_prot(pmdval_t sect)
{
	pteval_t prot = L_PTE_PRESENT | L_PTE_YOUNG | L_PTE_DIRTY;

	if (sect & PMD_SECT_XN)
		prot |= L_PTE_XN;
	if (sect & PMD_SECT_APX)
		prot |= L_PTE_RDONLY;
	if (sect & PMD_SECT_S)
		prot |= L_PTE_SHARED;
	if ((sect & PMD_SECT_TEX_MASK) == PMD_SECT_TEX(1) && (sect & PMD_SECT_CACHEABLE))
		prot |= L_PTE_MT_WRITEALLOC;
	else if (sect & PMD_SECT_BUFFERABLE)
		prot |= (sect & PMD_SECT_CACHEABLE) ? L_PTE_MT_WRITEBACK : L_PTE_MT_DEV_SHARED;
	return prot;
}

/*
 * Replace a pair of section entries by a pte table that maps exactly the
 * same 2 MiB page by page (a fault entry stays a fault), so that part of
 * it can then get other attributes.  The table is complete before the
 * first-level entries switch to it, and the TLB is flushed right after:
 * the kernel may be running from this very memory.
 */
static void __init split_pmd(pmd_t *pmd, unsigned long addr, pmdval_t prot_l1)
{
	pte_t *pte = early_alloc(PTE_HWTABLE_OFF + PTE_HWTABLE_SIZE);
	unsigned long base = addr & PGDIR_MASK;

	for (unsigned int i = 0; i < PTRS_PER_PTE; i++) {
		pmdval_t sect = pmd[i / 256];

		if (!pmd_sect(sect))
			continue;
		set_pte_ext(pte + i,
			    pfn_pte(((sect & SECTION_MASK) >> PAGE_SHIFT) + i % 256,
				    sect_to_pte_prot(sect)),
			    (sect & PMD_SECT_nG) ? PTE_EXT_NG : 0);
	}
	__pmd_populate(pmd, __pa(pte), prot_l1);
	flush_tlb_all();
	pr_debug("split the sections at 0x%08lx into 4 KiB pages\n", base);
}

/* arch/arm/mm/mmu.c: arm_pte_alloc() / early_pte_alloc() @ v4.14 */
static pte_t *__init arm_pte_alloc(pmd_t *pmd, unsigned long addr, pmdval_t prot)
{
	if (pmd_none(*pmd) && pmd_none(pmd[1])) {
		pte_t *pte = early_alloc(PTE_HWTABLE_OFF + PTE_HWTABLE_SIZE);

		__pmd_populate(pmd, __pa(pte), prot);
	} else if (!pmd_table(*pmd)) {
		split_pmd(pmd, addr, prot);
	}
	BUG_ON(pmd_bad(*pmd));
	return pte_offset_kernel(pmd, addr);
}

/* arch/arm/mm/mmu.c: alloc_init_pte() @ v4.14: 4 KiB pages for [addr, end) */
static void __init alloc_init_pte(pmd_t *pmd, unsigned long addr, unsigned long end,
				  unsigned long pfn, const struct mem_type *type)
{
	pte_t *pte = arm_pte_alloc(pmd, addr, type->prot_l1);

	do {
		set_pte_ext(pte, pfn_pte(pfn, type->prot_pte), 0);
		pfn++;
	} while (pte++, addr += PAGE_SIZE, addr != end);
}

/*
 * arch/arm/mm/mmu.c: __map_init_section() @ v4.14: a pgd entry covers two 1 MiB
 * hardware entries; start with the second one if addr is in the upper MiB.
 */
static void __init __map_init_section(pmd_t *pmd, unsigned long addr, unsigned long end,
				      phys_addr_t phys, const struct mem_type *type)
{
	pmd_t *p = pmd;

	if (addr & SECTION_SIZE)
		pmd++;
	do {
		*pmd = (pmdval_t)phys | type->prot_sect;
		phys += SECTION_SIZE;
	} while (pmd++, addr += SECTION_SIZE, addr != end);
	flush_pmd_entry(p);
}

/*
 * arch/arm/mm/mmu.c: alloc_init_pmd() @ v4.14: sections when VA, PA and the end
 * are all 1 MiB aligned and the type has a section form; pages otherwise.
 */
static void __init alloc_init_pmd(pud_t *pud, unsigned long addr, unsigned long end,
				  phys_addr_t phys, const struct mem_type *type)
{
	pmd_t *pmd = pmd_offset(pud, addr);

	if (type->prot_sect && ((addr | end | phys) & ~SECTION_MASK) == 0 && !(pmd_table(*pmd)))
		__map_init_section(pmd, addr, end, phys, type);
	else
		alloc_init_pte(pmd, addr, end, __phys_to_pfn(phys), type);
}

/**
 * create_mapping() - map a range into swapper_pg_dir
 * @md: virtual address, page frame, length and memory type
 *
 * arch/arm/mm/mmu.c: create_mapping() -> __create_mapping() @ v4.14: walk
 * the request one pgd entry (2 MiB) at a time, with sections where
 * possible.  Requests that make no sense (in user space, or not
 * section-aligned for a type without pages) are refused with Linux's
 * messages and map nothing.
 */
void __init create_mapping(const struct map_desc *md)
{
	const struct mem_type *type;
	unsigned long addr, length, end;
	phys_addr_t phys;
	pgd_t *pgd;

	if (md->virtual != VECTORS_BASE && md->virtual < TASK_SIZE) {
		pr_warn("BUG: not creating mapping for 0x%08llx at 0x%08lx in user region\n",
			(u64)__pfn_to_phys(md->pfn), md->virtual);
		return;
	}
	if (md->type == MT_DEVICE && md->virtual >= PAGE_OFFSET && md->virtual < VMALLOC_START)
		pr_warn("BUG: mapping for 0x%08llx at 0x%08lx out of vmalloc space\n",
			(u64)__pfn_to_phys(md->pfn), md->virtual);

	type = &mem_types[md->type];
	addr = md->virtual & PAGE_MASK;
	phys = __pfn_to_phys(md->pfn);
	length = PAGE_ALIGN(md->length + (md->virtual & ~PAGE_MASK));
	if (!length)
		return;
	if (type->prot_l1 == 0 && ((addr | phys | length) & ~SECTION_MASK)) {
		pr_warn("BUG: map for 0x%08llx at 0x%08lx can not be mapped using pages, ignoring.\n",
			(u64)phys, addr);
		return;
	}

	pgd = pgd_offset_k(addr);
	end = addr + length;
	do {
		unsigned long next = (addr + PGDIR_SIZE) & PGDIR_MASK;

		if (next - 1 >= end - 1)
			next = end;
		alloc_init_pmd(pud_offset(pgd, addr), addr, next, phys, type);
		phys += next - addr;
		addr = next;
	} while (pgd++, addr != end);
}

/*
 * arch/arm/mm/mmu.c: prepare_page_table() @ v4.14: clear the first-level entries
 * of everything but the first RAM bank: user space (0 .. MODULES_VADDR,
 * which drops head.S's identity map and leaves VA 0 unmapped), modules
 * and pkmap (.. PAGE_OFFSET), and lowmem from the end of the first bank
 * up to VMALLOC_START.  The first bank keeps head.S's sections -- the
 * kernel is running from them -- until map_lowmem() rewrites them.
 */
static void __init prepare_page_table(void)
{
	unsigned long addr;
	phys_addr_t end;

	for (addr = 0; addr < MODULES_VADDR; addr += PMD_SIZE)
		pmd_clear(pmd_off_k(addr));
	for (; addr < PAGE_OFFSET; addr += PMD_SIZE)
		pmd_clear(pmd_off_k(addr));

	end = memblock.memory.regions[0].base + memblock.memory.regions[0].size;
	if (end >= arm_lowmem_limit)
		end = arm_lowmem_limit;
	/*
	 * A bank ending inside a 2 MiB pair must keep the pair's lower half
	 * (the kernel may be running from it): clear only the upper 1 MiB
	 * entry if the bank ends at the section boundary, and leave a section
	 * the bank ends inside to map_lowmem(), which splits it into pages.
	 */
	addr = __phys_to_virt(end);
	if (addr & ~PMD_MASK) {
		if (!(addr & ~SECTION_MASK)) {
			pmd_t *pmd = pmd_off_k(addr);

			pmd[1] = 0;
			clean_pmd_entry(pmd);
		}
		addr = ALIGN(addr, PMD_SIZE);
	}
	for (; addr < VMALLOC_START; addr += PMD_SIZE)
		pmd_clear(pmd_off_k(addr));
}

static void __init map_range(phys_addr_t start, phys_addr_t end, unsigned int type)
{
	struct map_desc map = {
		.pfn = __phys_to_pfn(start),
		.virtual = __phys_to_virt(start),
		.length = end - start,
		.type = type,
	};

	pr_debug("map_lowmem: 0x%08lx-0x%08lx -> 0x%08lx %s\n", (unsigned long)start,
		 (unsigned long)end - 1, map.virtual, mem_types[type].name);
	create_mapping(&map);
}

/*
 * arch/arm/mm/mmu.c: map_lowmem() @ v4.14, as the seed shows it (the seed:
 * the study notes on Linux memory management a9mm grew from -- a Linux 4.x
 * boot on QEMU's vexpress-a9 followed through the kernel's code; not part
 * of this repository): every RAM bank up to arm_lowmem_limit into the
 * linear map.  The 1 MiB sections around the kernel's text and init code
 * [kernel_x_start, kernel_x_end) stay executable (MT_MEMORY_RWX); the RAM
 * above them is execute-never (MT_MEMORY_RW).
 */
static void __init map_lowmem(void)
{
	struct kernel_layout kl;
	phys_addr_t kernel_x_start, kernel_x_end;
	struct memblock_region *reg;

	kernel_image_layout(&kl);
	kernel_x_start = round_down(kl.text, SECTION_SIZE);
	kernel_x_end = round_up(kl.init_end, SECTION_SIZE);

	for_each_memblock(memory, reg) {
		phys_addr_t start = reg->base;
		phys_addr_t end = start + reg->size;

		if (end > arm_lowmem_limit)
			end = arm_lowmem_limit;
		if (start >= end)
			break;

		if (end < kernel_x_start) {
			map_range(start, end, MT_MEMORY_RWX);
		} else if (start >= kernel_x_end) {
			map_range(start, end, MT_MEMORY_RW);
		} else {
			/* This better cover the entire kernel */
			if (start < kernel_x_start)
				map_range(start, kernel_x_start, MT_MEMORY_RW);
			map_range(kernel_x_start, kernel_x_end, MT_MEMORY_RWX);
			if (kernel_x_end < end)
				map_range(kernel_x_end, end, MT_MEMORY_RW);
		}
	}
}

/*
 * arch/arm/mm/init.c: mark_rodata_ro() @ v4.14 in spirit.  Linux changes whole
 * sections and aligns its image to 1 MiB for it; a9mm's image fits in one
 * section, so the kernel's first MiB is split into pages instead:
 *
 *   [_text, __start_rodata)      MT_MEMORY_RX   text: read-only, executable
 *   [__start_rodata, __init_begin) MT_MEMORY_RO rodata: read-only, XN
 *   [__init_begin, __init_end)   MT_MEMORY_RWX  init code still runs
 *   the rest of the section      as before (RWX / RW)
 */
static void __init mark_rodata_ro(void)
{
	struct kernel_layout kl;

	if (!rodata_enabled)
		return;
	kernel_image_layout(&kl);
	map_range(kl.text, kl.rodata, MT_MEMORY_RX);
	map_range(kl.rodata, kl.init, MT_MEMORY_RO);
	flush_tlb_all();
	pr_info("Write protecting the kernel text: %luk\n",
		(unsigned long)(kl.rodata - kl.text) >> 10);
	pr_info("Write protecting the kernel read-only data: %luk\n",
		(unsigned long)(kl.init - kl.rodata) >> 10);
}

/*
 * arch/arm/mm/mmu.c: bm_pte[] @ v4.14: the pte table of the pgd entry
 * the fixmap's slots are in (asm/fixmap.h), in the image, so that it
 * exists before any allocator does -- one page: two Linux tables and the
 * two hardware tables (asm/pgtable-2level.h).  Linux makes it __initdata
 * and moves to an allocated table in early_fixmap_shutdown(), a moment
 * with the early console unmapped; a9mm keeps its init sections, so
 * bm_pte simply stays the table of that pgd entry, and the console is
 * mapped at every instant.
 */
static pte_t bm_pte[PTRS_PER_PTE + PTE_HWTABLE_PTRS]
	__attribute__((aligned(PTE_HWTABLE_OFF + PTE_HWTABLE_SIZE)));

BUILD_BUG_ON(__fix_to_virt(__end_of_fixed_addresses - 1) >> PGDIR_SHIFT !=
	     FIXADDR_TOP >> PGDIR_SHIFT);
BUILD_BUG_ON(FIXADDR_START + __end_of_fixed_addresses * PAGE_SIZE > FIXADDR_END);

/**
 * early_fixmap_init() - give the fixmap's pgd entry its table, bm_pte
 *
 * arch/arm/mm/mmu.c: early_fixmap_init() @ v4.14, where Linux calls it
 * from setup_arch().  a9mm's console and clock start before setup_arch(),
 * through fixmap slots, so start_kernel() calls this first of all: a
 * fault entry becomes a table entry, which needs no TLB maintenance
 * (ARM ARM B3.10.1), and nothing is mapped in the table yet.
 *
 * The entry gets the vectors' domain (DOMAIN_VECTORS): the vectors page
 * at 0xffff0000 shares this table, and Linux's final state has it so --
 * there early_fixmap_shutdown() (from devicemaps_init()) moves the fixmap
 * into the table create_mapping() makes for the vectors (MT_HIGH_VECTORS'
 * prot_l1).  The fixmap's slots are kernel-only by their AP bits whatever
 * the domain: every domain is a client (head.S's DACR).
 */
void __init early_fixmap_init(void)
{
	pmd_t *pmd = pmd_off_k(FIXADDR_TOP);

	BUG_ON(!pmd_none(*pmd));
	__pmd_populate(pmd, __pa(bm_pte), mem_types[MT_HIGH_VECTORS].prot_l1);
}

/**
 * __set_fixmap() - point a fixmap slot at a physical page, or clear it
 * @idx: the slot (enum fixed_addresses)
 * @phys: the page's physical address
 * @prot: Linux pte bits (0: clear the slot)
 *
 * arch/arm/mm/mmu.c: __set_fixmap() @ v4.14: the pte, then the slot's
 * TLB entry on every CPU (the old translation may be cached anywhere).
 */
void __set_fixmap(enum fixed_addresses idx, phys_addr_t phys, pteval_t prot)
{
	unsigned long vaddr = __fix_to_virt(idx);
	pte_t *pte = pte_offset_kernel(pmd_off_k(vaddr), vaddr);

	BUG_ON(idx >= __end_of_fixed_addresses);
	set_pte_ext(pte, prot ? pfn_pte(phys >> PAGE_SHIFT, prot) : 0, 0);
	flush_tlb_kernel_page(vaddr);
}

/*
 * arch/arm/mm/mmu.c: devicemaps_init() @ v4.14: a fresh vectors page mapped at
 * 0xffff0000, and everything from VMALLOC_START up to the fixmap's pgd
 * entry cleared -- head.S mapped nothing there, but a boot loader's
 * tables or a RAM probe may have.
 *
 * The console is not in that range: until the pl011 driver ioremap()s it
 * (after vmalloc_init()), it is the fixmap slot FIX_EARLYCON_MEM_BASE, in
 * the top pgd entry, which devicemaps_init() leaves alone as Linux does.
 * So no printk ever finds the console unmapped (issue 18; tests/unit/
 * test_mmu.c checks the console's mapping after every first-level write
 * of paging_init()).  Linux also maps its machine's static I/O map
 * (mdesc->map_io()) or the DEBUG_LL UART here; vexpress has no static
 * mapping left in Linux 4.x, nor in a9mm.
 *
 * Not inlined: memblock=debug then names it as the vectors page's owner.
 */
static noinline void __init devicemaps_init(void)
{
	struct map_desc map;
	unsigned long addr;
	void *vectors = early_alloc(PAGE_SIZE);

	early_trap_init(vectors);

	for (addr = VMALLOC_START; addr < (FIXADDR_TOP & PMD_MASK); addr += PMD_SIZE)
		pmd_clear(pmd_off_k(addr));

	map.pfn = __phys_to_pfn(__pa(vectors));
	map.virtual = VECTORS_BASE;
	map.length = PAGE_SIZE;
	map.type = MT_HIGH_VECTORS;
	create_mapping(&map);

	flush_tlb_all();
	cpu_use_high_vectors();
}

/* The first-level table head.S built: 4096 word entries, below the image */
#define SWAPPER_PG_DIR_SIZE (PTRS_PER_PGD * sizeof(pgd_t))

/**
 * arm_mm_memblock_reserve() - keep memblock off head.S's first-level table
 *
 * swapper_pg_dir, the 16 KiB below the kernel image, is in use from the
 * first instruction on; arm_memblock_init() calls this to reserve it.
 *
 * arch/arm/mm/mmu.c: arm_mm_memblock_reserve() @ v4.14.
 */
void __init arm_mm_memblock_reserve(void)
{
	memblock_reserve(__pa(swapper_pg_dir), SWAPPER_PG_DIR_SIZE);
}

/* arch/arm/mm/mmu.c: kmap_init() @ v4.14: the pte tables pkmap and fixmap will fill */
static void __init kmap_init(void)
{
	pkmap_page_table =
		arm_pte_alloc(pmd_off_k(PKMAP_BASE), PKMAP_BASE, mem_types[MT_MEMORY_RW].prot_l1);
	arm_pte_alloc(pmd_off_k(FIXADDR_START), FIXADDR_START, mem_types[MT_MEMORY_RW].prot_l1);
}

/* arch/arm/mm/mmu.c: empty_zero_page @ v4.14 (ZERO_PAGE(), asm/pgtable.h) */
struct page *empty_zero_page;

/**
 * paging_init() - build the kernel's real page tables, then the zones
 *
 * arch/arm/mm/mmu.c: paging_init() @ v4.14: prepare_page_table(),
 * map_lowmem(), devicemaps_init(), kmap_init(), mark_rodata_ro() and
 * bootmem_init(), rewriting head.S's tables in place in swapper_pg_dir;
 * and the zero page, the one page of zeroes every never-written
 * anonymous page reads through (mm/memory.c: do_anonymous_page()).
 */
void __init paging_init(void)
{
	void *zero_page;

	prepare_page_table();
	map_lowmem();
	memblock_set_current_limit(arm_lowmem_limit);
	memblock_allow_resize();
	devicemaps_init();
	kmap_init();
	mark_rodata_ro();
	flush_tlb_all();
	zero_page = early_alloc(PAGE_SIZE); /* early_alloc() zeroes it */
	bootmem_init();
	empty_zero_page = virt_to_page(zero_page);
}
