/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_MMU_CONTEXT_H
#define _ASM_MMU_CONTEXT_H

/*
 * arch/arm/include/asm/mmu_context.h + proc-fns.h: point this CPU's MMU
 * at another first-level table, and forget what its own TLB and branch
 * predictor cached (the local, non-broadcast forms: only this CPU
 * changed tables).
 */
#include <asm/memory.h>
#include <asm/pgtable.h>
#include <asm/pgtable-hwdef.h> /* TTB_FLAGS_SMP, the walk attributes head.S uses too */

/* arch/arm/mm/proc-v7-2level.S: cpu_v7_switch_mm(): TTBR0 (B4.1.154) = pgd | walk attributes */
static inline void cpu_switch_mm(pgd_t *pgd)
{
	unsigned long ttb = __pa(pgd) | TTB_FLAGS_SMP;

	__asm__ volatile("mcr p15, 0, %0, c2, c0, 0\n\tisb" : : "r"(ttb) : "memory");
}

/* arch/arm/include/asm/tlbflush.h: local_flush_tlb_all() @ v4.9: TLBIALL, this CPU only */
static inline void local_flush_tlb_all(void)
{
	__asm__ volatile("dsb\n\tmcr p15, 0, %0, c8, c7, 0\n\tdsb\n\tisb" : : "r"(0) : "memory");
}

/* arch/arm/include/asm/tlbflush.h: local_flush_bp_all() @ v4.9: BPIALL, this CPU only */
static inline void local_flush_bp_all(void)
{
	__asm__ volatile("mcr p15, 0, %0, c7, c5, 6\n\tisb" : : "r"(0) : "memory");
}

/* mm/idmap.c: the kernel's mappings plus .idmap.text 1:1, for turning MMUs on */
extern pgd_t *idmap_pgd;
void init_static_idmap(void);

#endif
