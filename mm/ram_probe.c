// SPDX-License-Identifier: GPL-2.0
/*
 * mm/ram_probe.c: the arch half of the RAM probe (mm/memtest.c), a9mm's
 * own.  It runs before paging_init(), when only head.S's sections are
 * mapped, so each MiB to be probed is mapped by one section entry of its
 * own at PROBE_VADDR, in the modules area: nothing lives there yet, and
 * prepare_page_table() clears it anyway.
 *
 * The section is Strongly-ordered (TEX=000 C=0 B=0, ARM ARM B3.8.2): every
 * access goes to the bus, so no cache line can answer for RAM that is not
 * there (QEMU has no cache model, a real Cortex-A9 has), and a load that
 * the bus refuses is a precise external abort.  The probe itself is
 * __ram_probe_words() (boot/probe.S) under fault_try(), with asynchronous
 * aborts unmasked, so that an external abort a store causes later is taken
 * inside it too; either kind counts as "no RAM", without an oops.
 */
#include <asm/memory.h>
#include <asm/mm.h>
#include <asm/pgtable.h>
#include <asm/tlbflush.h>
#include <asm/traps.h>
#include <linux/init.h>
#include <linux/kernel.h>

#define PROBE_VADDR MODULES_VADDR
#define PROT_SECT_PROBE \
	(PMD_TYPE_SECT | PMD_SECT_AP_WRITE | PMD_SECT_XN | PMD_DOMAIN(DOMAIN_KERNEL))
#define PSR_A_BIT 0x100

/* boot/probe.S: 1 if the two words at va & ~7 keep a pattern (restored) */
int __ram_probe_words(unsigned long va);

static phys_addr_t probe_section = 1; /* the MiB PROBE_VADDR maps; 1: none */
static int probe_ok;

static void __init probe_words(unsigned long va)
{
	probe_ok = __ram_probe_words(va);
}

static unsigned long read_cpsr(void)
{
	unsigned long v;

	__asm__ volatile("mrs %0, cpsr" : "=r"(v));
	return v;
}

/**
 * arch_ram_probe - does RAM keep what is written at a physical address
 * @pa: the address; the word there and its neighbour are restored
 *
 * a9mm's own, no Linux counterpart (see the top of this file).
 *
 * Return: true if both words kept a pattern and no abort was taken.
 */
bool __init arch_ram_probe(phys_addr_t pa)
{
	pmd_t *pmd = pmd_off_k(PROBE_VADDR);
	unsigned long cpsr = read_cpsr();
	int faulted;

	if ((pa & SECTION_MASK) != probe_section) {
		probe_section = pa & SECTION_MASK;
		pmd[0] = probe_section | PROT_SECT_PROBE;
		flush_pmd_entry(pmd);
		flush_tlb_kernel_page(PROBE_VADDR);
	}
	this_cpu_write(fault_quiet, true);
	__asm__ volatile("cpsie a" : : : "memory");
	faulted = fault_try(probe_words, PROBE_VADDR + (pa & ~SECTION_MASK));
	if (cpsr & PSR_A_BIT)
		__asm__ volatile("cpsid a" : : : "memory");
	this_cpu_write(fault_quiet, false);
	return !faulted && probe_ok;
}

/**
 * arch_ram_probe_done - take the probe's section away again
 *
 * a9mm's own, no Linux counterpart.
 */
void __init arch_ram_probe_done(void)
{
	pmd_t *pmd = pmd_off_k(PROBE_VADDR);

	pmd[0] = 0;
	flush_pmd_entry(pmd);
	flush_tlb_kernel_page(PROBE_VADDR);
	probe_section = 1;
}
