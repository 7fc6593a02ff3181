/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the host unit tests use in place of the kernel's arch layer: printk
 * into a capture buffer (and stdout when A9MM_VERBOSE is set), panic() that
 * a test can catch, and a buffer standing in for physical RAM so that
 * __va()/__pa() work on the host.
 */
#ifndef _HOST_SHIM_H
#define _HOST_SHIM_H

#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <linux/types.h>

/* Everything printk()ed since the last host_log_reset(), levels stripped. */
extern char host_log[1 << 18];
void host_log_reset(void);
bool host_log_contains(const char *needle);

/*
 * libfdt's own iterators over every node and property of a blob, as
 * early_init_dt_verify() once walked it: 0 when they get through the
 * whole tree, else libfdt's error.  A blob the scan takes must pass.
 */
int host_fdt_walk(const void *fdt);

/* When set, panic() longjmp()s here with 1 instead of aborting the test. */
extern jmp_buf *host_panic_jmp;
extern char host_panic_msg[512];

/*
 * Back [phys_base, phys_base + size) with host memory so that __va()/__pa()
 * work; phys_base also becomes PHYS_OFFSET.  host_ram_free() releases it.
 */
void host_ram_init(phys_addr_t phys_base, size_t size);
void host_ram_free(void);
/* All of it back to zeroes, and to no memory used (the fuzzers, each run) */
void host_ram_zero(void);

/*
 * cmocka fixtures: host_paging_setup() (page-table tests) starts from an
 * empty memblock, zeroed swapper_pg_dir, empty log and rodata off;
 * host_ram_teardown() (every test that used host_ram_init()) frees RAM.
 */
int host_paging_setup(void **state);
int host_ram_teardown(void **state);

/*
 * The kernel's memory bring-up from bootmem_init() to the per-CPU
 * pagesets (setup_per_cpu_areas, build_all_zonelists, mem_init's freeing,
 * the watermarks, setup_per_cpu_pageset), on RAM at 0x60000000 of ram_mb
 * MiB with lowmem ending at low_mb, with HOST_NR_CPUS CPUs possible and
 * online.
 */
#define HOST_NR_CPUS 4
void host_boot_node(unsigned long ram_mb, unsigned long low_mb);

/*
 * The host's CPUs: which one this thread is (smp_processor_id()), and
 * "interrupts off" (a word, no interrupts come).  smp_call_function*()
 * and on_each_cpu*() run the function right here, once per target CPU,
 * with host_cpu switched to it: the kernel's code sees each CPU's own
 * per-CPU data, as an IPI handler would.
 */
extern __thread unsigned int host_cpu;
extern __thread unsigned long host_cpsr_i;
void host_set_cpus(unsigned int n);

/* What kernel_image_layout() reports (the linker's symbols on the target). */
#include <asm/map.h>
extern struct kernel_layout host_kernel_layout;
extern unsigned int host_early_trap_init_calls;

/*
 * Called after every write of a first-level entry (clean_pmd_entry() and
 * flush_pmd_entry() on the host), when set: to check an invariant at each
 * step of paging_init().
 */
extern void (*host_pmd_hook)(void *pmd);

/*
 * The RAM probe (mm/memtest.c): RAM answers arch_ram_probe() inside these
 * ranges only; every address probed is recorded, in order.
 */
struct host_range {
	phys_addr_t base, size;
};
extern struct host_range host_ram_present[8];
extern unsigned int host_nr_present;
extern phys_addr_t host_probed[1 << 16];
extern unsigned long host_nr_probed;

/* What arm_memblock_owner() answers for any range (NULL: nothing named) */
extern const char *host_memblock_owner;

/*
 * lib/vsprintf.c built for the host: the kernel's vsnprintf() and
 * snprintf() under these names, beside the C library's that the core's
 * other files call and the tests compare them with.
 */
int a9mm_vsnprintf(char *buf, size_t size, const char *fmt, va_list args)
	__attribute__((format(printf, 3, 0)));
int a9mm_snprintf(char *buf, size_t size, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

#endif
