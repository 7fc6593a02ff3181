/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_SETUP_H
#define _ASM_SETUP_H

#include <linux/types.h>

/*
 * What boot/head.S records for C, and what setup_arch() and its helpers
 * offer (Linux keeps these in arch/arm/kernel/setup.c and head-common.S).
 */

/* Recorded by boot/head.S (arch/arm/kernel/head-common.S: __mmap_switched @ v4.14) */
extern unsigned long __atags_pointer;	  /* vetted DTB pointer, 0 if none */
extern unsigned long __boot_r2;		  /* r2 exactly as the loader passed it */
extern unsigned long __boot_r2_verdict;	  /* why __atags_pointer is 0, see head.S */
extern unsigned long __machine_arch_type; /* r1 */

/* kernel/setup.c */
void setup_arch(char **cmdline_p);
extern u64 paging_init_ns; /* what paging_init() took, global-timer ns */

/* kernel/mem_param.c: add a bank, trimmed as Linux does; 0 if added */
int arm_add_memory(u64 start, u64 size);
#ifdef A9MM_HOST
void mem_param_reset(void); /* forget earlier mem= options */
#endif

/* kernel/devtree.c */
const char *setup_machine_fdt(unsigned long dt_phys);

#endif
