// SPDX-License-Identifier: GPL-2.0
/*
 * mm/ioremap.c: arch/arm/mm/ioremap.c @ v4.14 -- device registers given
 * virtual addresses in the vmalloc area, as a driver's probe asks:
 *
 *   ioremap(0x10009000, 0x1000)
 *     __arm_ioremap_caller()        page offset and pfn apart
 *       __arm_ioremap_pfn_caller()
 *         get_vm_area_caller()      2 pages of vmalloc space (1 + guard),
 *                                   aligned to the size's power of two
 *         ioremap_page_range()      a pte per page, MT_DEVICE: shareable
 *                                   device memory, execute-never
 *         or remap_area_sections()  when physical address, virtual
 *                                   address and size are all 2 MiB
 *                                   multiples: section entries, no table
 *     -> 0xf0802000
 *
 * RAM is refused: mapping it as device memory too would give one page
 * two memory types, which ARMv7 forbids (ARM ARM A3.5.7, "mismatched
 * memory attributes").
 */
#include <asm/io.h>
#include <asm/map.h>
#include <asm/pgalloc.h>
#include <linux/kernel.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include <linux/vmalloc.h>

/* arch/arm/mm/mm.h: VM_ARM_SECTION_MAPPING @ v4.14: mapped with sections */
#define VM_ARM_SECTION_MAPPING 0x80000000

/*
 * arch/arm/mm/ioremap.c: remap_area_sections() @ v4.14: a pair of 1 MiB
 * section entries per 2 MiB.  A pte table an earlier vmalloc() left there
 * (tables stay) goes first, as Linux's unmap_area_sections() does: the
 * entry cleared, the range's TLB entries dropped on every CPU (a walk may
 * have cached the table entry), then the table page freed.  A fault
 * entry becoming a section needs no TLB maintenance (ARM ARM B3.10.1).
 */
static int remap_area_sections(unsigned long virt, unsigned long pfn, size_t size,
			       const struct mem_type *type)
{
	unsigned long addr = virt, end = virt + size;

	do {
		pmd_t *pmd = pmd_off_k(addr);

		if (pmd_table(*pmd)) {
			struct page *table = virt_to_page(pmd_page_vaddr(*pmd));

			pmd_clear(pmd);
			flush_tlb_kernel_range(addr, addr + PMD_SIZE);
			__free_page(table);
		}
		pmd[0] = __pfn_to_phys(pfn) | type->prot_sect;
		pfn += SECTION_SIZE >> PAGE_SHIFT;
		pmd[1] = __pfn_to_phys(pfn) | type->prot_sect;
		pfn += SECTION_SIZE >> PAGE_SHIFT;
		flush_pmd_entry(pmd);
		addr += PMD_SIZE;
	} while (addr < end);
	return 0;
}

/*
 * arch/arm/mm/ioremap.c: __arm_ioremap_pfn_caller() @ v4.14 (no
 * supersections, no static_vm reuse: a9mm has no static I/O map).
 */
static void __iomem *__arm_ioremap_pfn_caller(unsigned long pfn, unsigned long offset, size_t size,
					      unsigned int mtype, void *caller)
{
	const struct mem_type *type = &mem_types[mtype];
	phys_addr_t paddr = __pfn_to_phys(pfn);
	struct vm_struct *area;
	unsigned long addr;
	int err;

	if (memblock_is_memory(paddr) || memblock_is_memory(paddr + offset + size - 1)) {
		pr_warn("WARNING: ioremap(0x%08llx, %zu): that is RAM, refused (use the linear map or kmap())\n",
			(u64)paddr + offset, size);
		return NULL;
	}
	size = PAGE_ALIGN(offset + size);
	area = get_vm_area_caller(size, VM_IOREMAP, caller);
	if (!area)
		return NULL;
	addr = (unsigned long)area->addr;
	area->phys_addr = paddr;
	if (!((paddr | size | addr) & ~PMD_MASK)) {
		area->flags |= VM_ARM_SECTION_MAPPING;
		err = remap_area_sections(addr, pfn, size, type);
	} else {
		err = ioremap_page_range(addr, addr + size, paddr, type->prot_pte);
	}
	if (err) {
		iounmap((void __iomem *)addr);
		return NULL;
	}
	/* a9mm's, as map_lowmem logs lowmem: memmap-plot draws the devices from these lines */
	pr_debug("ioremap: 0x%08llx-0x%08llx -> 0x%08lx %s\n", (u64)paddr, (u64)paddr + size - 1,
		 addr, type->name);
	return (void __iomem *)(offset + addr);
}

/**
 * __arm_ioremap_caller() - map device registers, naming who asked
 * @phys_addr: physical address of the first register
 * @size: bytes
 * @mtype: MT_DEVICE (the only device type a9mm has)
 * @caller: for /proc/vmallocinfo
 *
 * arch/arm/mm/ioremap.c: __arm_ioremap_caller() @ v4.14: an empty or
 * wrapping range is refused.
 *
 * Return: the virtual address of @phys_addr, or NULL.
 */
void __iomem *__arm_ioremap_caller(phys_addr_t phys_addr, size_t size, unsigned int mtype,
				   void *caller)
{
	phys_addr_t last_addr = phys_addr + size - 1;

	if (!size || last_addr < phys_addr)
		return NULL;
	return __arm_ioremap_pfn_caller(__phys_to_pfn(phys_addr), phys_addr & ~PAGE_MASK, size,
					mtype, caller);
}

/**
 * ioremap() - map device registers (MT_DEVICE)
 * @res_cookie: physical address
 * @size: bytes
 *
 * arch/arm/mm/ioremap.c: ioremap() @ v4.14; the caller is who called it.
 *
 * Return: the virtual address, or NULL.
 */
void __iomem *ioremap(phys_addr_t res_cookie, size_t size)
{
	return __arm_ioremap_caller(res_cookie, size, MT_DEVICE, __builtin_return_address(0));
}

/**
 * iounmap() - undo an ioremap()
 * @io_addr: what ioremap() returned
 *
 * arch/arm/mm/ioremap.c: __iounmap() @ v4.14: the area's page (the
 * offset inside it dropped) is unmapped, TLB included, and its addresses
 * freed.  Anything but an ioremap() area is refused with a warning.
 */
void iounmap(volatile void __iomem *io_addr)
{
	vunmap_area((const void *)((unsigned long)io_addr & PAGE_MASK), VM_IOREMAP, "iounmap");
}
