/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_MEMORY_H
#define _ASM_MEMORY_H

/*
 * arch/arm/include/asm/memory.h @ v4.14: converting between the kernel's virtual
 * addresses and physical ones.  Where things are -- PAGE_OFFSET, the
 * vmalloc, pkmap and fixmap areas, the devices' registers -- is drawn and
 * defined in asm/memlayout.h.
 */
#include <asm/memlayout.h>

#ifndef __ASSEMBLY__

#include <linux/types.h>

/* Set by head.S from where the Image was really loaded. */
extern unsigned long __pv_phys_pfn_offset;
extern unsigned long __pv_offset;

#define PHYS_PFN_OFFSET (__pv_phys_pfn_offset)
#define PHYS_OFFSET	((phys_addr_t)__pv_phys_pfn_offset << 12)

/*
 * arch/arm/include/asm/memory.h: __virt_to_phys() and __phys_to_virt() @ v4.14,
 * the linear map: lowmem virtual = physical - PHYS_OFFSET + PAGE_OFFSET
 * (Linux patches the offset into the code at boot, a9mm reads a variable).
 */
static inline phys_addr_t __virt_to_phys(unsigned long x)
{
	return (phys_addr_t)(x - PAGE_OFFSET + PHYS_OFFSET);
}

static inline unsigned long __phys_to_virt(phys_addr_t x)
{
	return (u32)(x - PHYS_OFFSET + (u32)PAGE_OFFSET);
}

#define __phys_to_pfn(paddr) ((unsigned long)((paddr) >> 12))
#define __pfn_to_phys(pfn)   ((phys_addr_t)(pfn) << 12)

/*
 * __va/__pa turn addresses into pointers.  On the target that is the linear
 * map itself; the host unit tests back "physical memory" with a buffer and
 * translate into it (tests/unit/host_shim.c).
 */
#ifdef A9MM_HOST
void *a9mm_host_va(phys_addr_t pa);
phys_addr_t a9mm_host_pa(const void *p);
bool a9mm_host_va_valid(const void *p); /* inside the host's RAM buffer? */
#define __va(x) a9mm_host_va((phys_addr_t)(x))
#define __pa(x) a9mm_host_pa((const void *)(x))
#else
#define __va(x) ((void *)__phys_to_virt((phys_addr_t)(x)))
#define __pa(x) __virt_to_phys((unsigned long)(x))
#endif

#define virt_to_pfn(kaddr) __phys_to_pfn(__pa(kaddr))

#endif /* __ASSEMBLY__ */
#endif
