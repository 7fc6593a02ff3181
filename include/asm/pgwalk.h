/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_PGWALK_H
#define _ASM_PGWALK_H

/*
 * mm/pgwalk.c: walk swapper_pg_dir for one VA the way the MMU does and
 * say what each descriptor means (ARM ARM B3.5, B3.7, B3.8).
 */
#include <linux/types.h>
#include <asm/pgtable.h>

struct pgwalk {
	unsigned long va;
	pmdval_t l1;	 /* the first-level descriptor */
	pteval_t l2;	 /* the second-level one, if l1 is a page table */
	pte_t linux_pte; /* and its Linux shadow */
	bool has_l2;
	bool mapped;	 /* the walk ends in a page or section */
	phys_addr_t pa;	 /* where va lands, if mapped */
	bool writable;	 /* for the kernel (AP[2] clear) */
	bool executable; /* XN clear */
	unsigned int domain;
};

void pgwalk(unsigned long va, struct pgwalk *w);
void pgwalk_pgd(pgd_t *pgd, unsigned long va, struct pgwalk *w);
/* pgwalk() and print the decoded descriptors; print is printf-like */
void pgwalk_show(unsigned long va, int (*print)(const char *fmt, ...));
void pgwalk_show_pgd(pgd_t *pgd, unsigned long va, int (*print)(const char *fmt, ...));

/* The hardware's own words for TEX/C/B (TRE = 0) and AP[2:0]. */
const char *pgwalk_memtype(unsigned int tex, unsigned int c, unsigned int b);
const char *pgwalk_access(unsigned int apx, unsigned int ap);

#endif
