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

/*
 * arch/arm/mm/proc-v7-2level.S: cpu_v7_switch_mm() @ v4.14: CONTEXTIDR
 * (B4.1.36) = the ASID, then TTBR0 = the pgd.  The CPU runs on the
 * kernel's table meanwhile (cpu_set_reserved_ttbr0()).
 */
static inline void cpu_do_switch_mm(phys_addr_t pgd, unsigned int asid)
{
	unsigned long ttb = pgd | TTB_FLAGS_SMP;

	__asm__ volatile("mcr p15, 0, %0, c13, c0, 1\n\tisb\n\t"
			 "mcr p15, 0, %1, c2, c0, 0\n\tisb"
			 :
			 : "r"(asid), "r"(ttb)
			 : "memory");
}

/*
 * arch/arm/include/asm/proc-fns.h: cpu_set_reserved_ttbr0() @ v4.14
 * (2-level): TTBR0 = the kernel's table, which maps nothing below
 * TASK_SIZE -- no walk made now can be tagged with the wrong ASID.
 */
static inline void cpu_set_reserved_ttbr0(void)
{
	cpu_switch_mm(swapper_pg_dir);
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

struct mm_struct;
struct task_struct;

/* mm/context.c */
void check_and_switch_context(struct mm_struct *mm, struct task_struct *tsk);
unsigned long asid_generation_now(void);

/*
 * arch/arm/include/asm/mmu_context.h: switch_mm() @ v4.14: @next's
 * address space on this CPU, unless the CPU runs it already.  Preemption
 * is off.
 */
void switch_mm(struct mm_struct *prev, struct mm_struct *next, struct task_struct *tsk);

/* mm/idmap.c: the kernel's mappings plus .idmap.text 1:1, for turning MMUs on */
extern pgd_t *idmap_pgd;
void init_static_idmap(void);

#endif
