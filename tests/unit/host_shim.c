// SPDX-License-Identifier: GPL-2.0
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>

#include <libfdt.h>

#include <asm/memory.h>
#include <asm/pgtable.h>
#include <asm/tlbflush.h>
#include <asm/traps.h>
#include <linux/blkdev.h>
#include <linux/compaction.h>
#include <linux/kallsyms.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include <linux/of_fdt.h>
#include <asm/mm.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/percpu.h>
#include <linux/sched_clock.h>
#include <linux/vmalloc.h>
#include <linux/smp.h>
#include <linux/swap.h>
#include "host_shim.h"

unsigned long __pv_phys_pfn_offset = 0x60000000UL >> 12;
unsigned long __pv_offset = 0x60000000UL - PAGE_OFFSET;
int console_loglevel = CONSOLE_LOGLEVEL_DEFAULT;

char host_log[1 << 18];
static size_t host_log_len;
jmp_buf *host_panic_jmp;
char host_panic_msg[512];

__thread unsigned int host_cpu;
__thread unsigned long host_cpsr_i;

static unsigned char *host_ram;
static phys_addr_t host_ram_base;
static size_t host_ram_size;

void host_log_reset(void)
{
	host_log_len = 0;
	host_log[0] = '\0';
}

bool host_log_contains(const char *needle)
{
	return strstr(host_log, needle) != NULL;
}

/* the level is not kept: the log holds the text, prefixes stripped */
int vprintk_emit(int level, const char *fmt, va_list args)
{
	char buf[1024];
	const char *p = buf;
	int n = vsnprintf(buf, sizeof(buf), fmt, args);

	static int verbose = -1;

	while (p[0] == '\001' && p[1] != '\0')
		p += 2;
	if (verbose < 0)
		verbose = getenv("A9MM_VERBOSE") != NULL;
	if (verbose)
		fputs(p, stdout);
	size_t len = strlen(p);
	if (host_log_len + len < sizeof(host_log)) {
		memcpy(host_log + host_log_len, p, len + 1);
		host_log_len += len;
	}
	return n;
}

int vprintk(const char *fmt, va_list args)
{
	return vprintk_emit(LOGLEVEL_DEFAULT, fmt, args);
}

int printk(const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vprintk(fmt, ap);
	va_end(ap);
	return n;
}

void panic(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(host_panic_msg, sizeof(host_panic_msg), fmt, ap);
	va_end(ap);
	if (host_panic_jmp)
		longjmp(*host_panic_jmp, 1);
	fprintf(stderr, "Kernel panic - not syncing: %s\n", host_panic_msg);
	abort();
}

/*
 * Anonymous memory, not the heap: zero until written, only what is
 * touched is backed (the memblock fuzzer's RAM spans 4 GiB), and LSan has
 * no reason to scan it for pointers.
 */
void host_ram_init(phys_addr_t phys_base, size_t size)
{
	host_ram_free();
	host_ram = mmap(NULL, size, PROT_READ | PROT_WRITE,
			MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	if (host_ram == MAP_FAILED) {
		host_ram = NULL;
		perror("host_ram_init");
		abort();
	}
	host_ram_base = phys_base;
	host_ram_size = size;
	__pv_phys_pfn_offset = phys_base >> 12;
	__pv_offset = phys_base - PAGE_OFFSET;
	/* the per-CPU copies lived in the old RAM: back to the template */
	for (unsigned int cpu = 0; cpu < NR_CPUS; cpu++)
		__per_cpu_offset[cpu] = 0;
	pcpu_base_addr = NULL;
}

/* CPUs 0..n-1 possible, present and online; the calling thread is CPU 0 */
void host_set_cpus(unsigned int n)
{
	cpumask_clear(&__cpu_possible_mask);
	cpumask_clear(&__cpu_present_mask);
	cpumask_clear(&__cpu_online_mask);
	for (unsigned int cpu = 0; cpu < n; cpu++) {
		set_cpu_possible(cpu, true);
		set_cpu_present(cpu, true);
		set_cpu_online(cpu, true);
	}
	setup_nr_cpu_ids();
	host_cpu = 0;
}

/* kernel/smp_call.c on the host: run func "on" cpu by becoming it for a moment */
int smp_call_function_single(int cpu, smp_call_func_t func, void *info, int wait)
{
	unsigned int saved = host_cpu;
	unsigned long flags;

	(void)wait;
	if ((unsigned int)cpu >= NR_CPUS || !cpu_online((unsigned int)cpu))
		return -6;
	host_cpu = (unsigned int)cpu;
	local_irq_save(flags);
	func(info);
	local_irq_restore(flags);
	host_cpu = saved;
	return 0;
}

void smp_call_function_many(const struct cpumask *mask, smp_call_func_t func, void *info, bool wait)
{
	unsigned int cpu;

	for_each_cpu(cpu, mask)
		if (cpu != host_cpu && cpu_online(cpu))
			smp_call_function_single((int)cpu, func, info, wait);
}

void on_each_cpu_mask(const struct cpumask *mask, smp_call_func_t func, void *info, bool wait)
{
	unsigned int cpu;

	for_each_cpu(cpu, mask)
		if (cpu_online(cpu))
			smp_call_function_single((int)cpu, func, info, wait);
}

int on_each_cpu(smp_call_func_t func, void *info, int wait)
{
	on_each_cpu_mask(cpu_online_mask, func, info, wait);
	return 0;
}

void host_ram_free(void)
{
	if (host_ram)
		munmap(host_ram, host_ram_size);
	host_ram = NULL;
	host_ram_size = 0;
}

void host_ram_zero(void)
{
	if (host_ram && madvise(host_ram, host_ram_size, MADV_DONTNEED)) {
		perror("host_ram_zero");
		abort();
	}
}

void *a9mm_host_va(phys_addr_t pa)
{
	if (!host_ram || pa < host_ram_base || pa - host_ram_base >= host_ram_size) {
		fprintf(stderr, "__va(0x%08x): outside the host RAM buffer\n", pa);
		abort();
	}
	return host_ram + (pa - host_ram_base);
}

bool a9mm_host_va_valid(const void *p)
{
	const unsigned char *c = p;

	return host_ram && c >= host_ram && c < host_ram + host_ram_size;
}

phys_addr_t a9mm_host_pa(const void *p)
{
	const unsigned char *c = p;

	if (!host_ram || c < host_ram || c >= host_ram + host_ram_size) {
		fprintf(stderr, "__pa(%p): outside the host RAM buffer\n", p);
		abort();
	}
	return host_ram_base + (phys_addr_t)(c - host_ram);
}

/* The page-table code's arch interface (asm/map.h, asm/traps.h) on the host. */
pgd_t swapper_pg_dir[PTRS_PER_PGD] __attribute__((aligned(16384)));
struct kernel_layout host_kernel_layout;
unsigned int host_early_trap_init_calls;
const char *host_memblock_owner;

int host_paging_setup(void **state)
{
	(void)state;
	memblock_reset();
	memset(swapper_pg_dir, 0, sizeof(swapper_pg_dir));
	host_log_reset();
	rodata_enabled = false;
	host_pmd_hook = NULL;
	return 0;
}

int host_ram_teardown(void **state)
{
	(void)state;
	host_ram_free();
	return 0;
}

void (*host_pmd_hook)(void *pmd);

void host_pmd_written(void *pmd)
{
	if (host_pmd_hook)
		host_pmd_hook(pmd);
}

void kernel_image_layout(struct kernel_layout *kl)
{
	*kl = host_kernel_layout;
}

void early_trap_init(void *vectors_base)
{
	(void)vectors_base;
	host_early_trap_init_calls++;
}

void cpu_use_high_vectors(void)
{
}

/* kallsyms: the host has no kernel symbol table; addresses print as hex */
int sprint_symbol(char *buffer, size_t size, unsigned long address)
{
	return snprintf(buffer, size, "0x%lx", address);
}

/* dump_stack(): the host has its own tools for call chains (ASan prints them) */
void dump_stack(void)
{
}

/* the tick's count (kernel/time.c on the target): no tick on the host */
volatile unsigned long jiffies;

/* sched_clock() for the core's timings (bootmem_init_ns, mem_init's freeing) */
u64 sched_clock(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (u64)ts.tv_sec * 1000000000u + (u64)ts.tv_nsec;
}

/*
 * mem_init() on the host: RAM [0x60000000, +ram_mb), lowmem ending at
 * low_mb (what paging_init() leaves as memblock's limit), 208 KiB of
 * "kernel and swapper_pg_dir" reserved, then the zones, the per-CPU
 * areas, the buddy lists, the watermarks and the per-CPU pagesets, in
 * start_kernel()'s order.
 */
void host_boot_node(unsigned long ram_mb, unsigned long low_mb)
{
	const phys_addr_t ram = 0x60000000;

	memblock_reset();
	host_log_reset();
	totalram_pages = totalhigh_pages = 0;
	host_ram_init(ram, ram_mb << 20);
	memblock_add(ram, ram_mb << 20);
	memblock_reserve(ram + 0xc000, 0x34000);
	memblock_set_current_limit(ram + (low_mb << 20));
	host_set_cpus(HOST_NR_CPUS);
	bootmem_init();
	setup_per_cpu_areas();
	build_all_zonelists();
	free_all_bootmem();
	free_highpages();
	init_per_zone_wmark_min();
	setup_per_cpu_pageset();
}

/* The DT scan's question to the arch (mm/init.c on the target) */
const char *arm_memblock_owner(phys_addr_t base, phys_addr_t size)
{
	(void)base;
	(void)size;
	return host_memblock_owner;
}

/* The RAM probe's arch half on the host: RAM answers where the test says. */
struct host_range host_ram_present[8];
unsigned int host_nr_present;
phys_addr_t host_probed[1 << 16];
unsigned long host_nr_probed;

bool arch_ram_probe(phys_addr_t pa)
{
	if (host_nr_probed < sizeof(host_probed) / sizeof(host_probed[0]))
		host_probed[host_nr_probed++] = pa;
	for (unsigned int i = 0; i < host_nr_present; i++)
		if (pa >= host_ram_present[i].base &&
		    pa - host_ram_present[i].base < host_ram_present[i].size)
			return true;
	return false;
}

void arch_ram_probe_done(void)
{
}

/* mm/vmap_area.c hands vmap_areas back here (the kernel: mm/vmalloc.c's cache) */
void vmap_area_free(struct vmap_area *va)
{
	free(va);
}

/*
 * mm/compaction.c is the kernel's (it moves processes' pages through
 * their page tables): on the host a failing allocation of a higher order
 * fails as it would with nothing movable -- compaction skipped.
 */
int try_to_compact_pages(gfp_t gfp_mask, unsigned int order, const struct zoneref *preferred,
			 int migratetype)
{
	return COMPACT_SKIPPED;
}

/*
 * mm/vmscan.c is the kernel's too (it unmaps processes' pages and writes
 * them to a device): on the host, reclaim frees nothing and kswapd is
 * never there to wake -- an allocation fails as with no swap area.
 */
unsigned long try_to_free_pages(gfp_t gfp_mask, unsigned int order, int high_zoneidx)
{
	return 0;
}

void wakeup_kswapd(struct zone *zone, unsigned int order)
{
}

/* fs/block_dev.c is the kernel's (its disks are the SD card): meminfo's Buffers is 0 here */
unsigned long nr_blockdev_pages(void)
{
	return 0;
}

/* see host_shim.h */
int host_fdt_walk(const void *fdt)
{
	int node = 0, depth = 0, prop, err;

	while (node >= 0 && depth >= 0) {
		fdt_for_each_property_offset(prop, fdt, node)
			if (!fdt_getprop_by_offset(fdt, prop, NULL, &err))
				return err;
		if (prop != -FDT_ERR_NOTFOUND)
			return prop;
		node = fdt_next_node(fdt, node, &depth);
	}
	return node < 0 && node != -FDT_ERR_NOTFOUND ? node : 0;
}
