/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_TRAPS_H
#define _ASM_TRAPS_H

/*
 * arch/arm/include/asm/traps.h @ v4.14, and what kernel/traps.c offers:
 * the C entry points of boot/entry-armv.S
 */
#include <linux/percpu.h>
#include <linux/types.h>
#include <asm/ptrace.h>

void do_undefinstr(struct pt_regs *regs);
void do_PrefetchAbort(struct pt_regs *regs);
void do_DataAbort(struct pt_regs *regs);
void do_unexpected_svc(struct pt_regs *regs);
void do_unexpected_irq(struct pt_regs *regs);
void bad_mode(struct pt_regs *regs, int reason);

/*
 * A caller that expects a fault (the shell's `fault` command) sets its
 * CPU's fault_fixup to where execution should resume; the handler reports
 * the fault as usual, then returns there instead of dying.  One shot.
 */
DECLARE_PER_CPU(unsigned long, fault_fixup);
/*
 * Set by a caller for which a data abort is an answer, not a bug (the RAM
 * probe): the abort resumes at this CPU's fault_fixup without a report.
 */
DECLARE_PER_CPU(bool, fault_quiet);
DECLARE_PER_CPU(unsigned long, fault_quiet_taken); /* how many such aborts were answered */

void __show_regs(const struct pt_regs *regs);

/*
 * arch/arm/kernel/traps.c: early_trap_init() @ v4.14: copy the vector table into
 * the page devicemaps_init() maps at 0xffff0000; cpu_use_high_vectors()
 * then points the CPU there (SCTLR.V = 1, ARM ARM B4.1.130).
 */
void early_trap_init(void *vectors_base);
void cpu_use_high_vectors(void);

/* arch/arm/mm/fault.c: show_pte() @ v4.14: the table entries behind a faulting VA */
void show_pte(unsigned long addr);

/* boot/probe.S: 0 if fn(arg) returned, 1 if it faulted (and was reported) */
int fault_try(void (*fn)(unsigned long), unsigned long arg);

#endif
