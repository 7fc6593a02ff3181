// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/mem_param.c: the memory half of arch/arm/kernel/setup.c @ v4.14:
 * arm_add_memory() and the "mem=SIZE[@START]" option.
 *
 * As in Linux, the first mem= throws away the banks the device tree gave
 * and every mem= adds one bank (so "mem=64M mem=64M@0x68000000" describes
 * two).  Unlike Linux, a9mm will not believe in RAM the device tree does
 * not have: the part of a mem= bank outside the DT's banks is reported and
 * dropped, because touching it would hang the board, not just the test.
 */
#include <limits.h>

#include <asm/memory.h>
#include <asm/page.h>
#include <asm/setup.h>
#include <linux/cmdline.h>
#include <linux/errno.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/memblock.h>
#include <linux/of_fdt.h>

/* The DT's banks, saved by the first mem= before it clears memblock.memory. */
static struct memblock_region dt_banks[INIT_MEMBLOCK_REGIONS] __initdata;
static unsigned long nr_dt_banks __initdata;
static bool usermem __initdata;

/**
 * arm_add_memory() - add a bank of RAM to memblock, trimmed as Linux trims it
 * @start: physical start
 * @size: size in bytes
 *
 * arch/arm/kernel/setup.c: arm_add_memory() @ v4.14: pages only (start
 * rounded up, size down), nothing past 4 GiB without LPAE, nothing below
 * PHYS_OFFSET (the linear map starts there).  Each part it drops is named.
 *
 * Return: 0, or -EINVAL when nothing of the bank is usable.
 */
int __init arm_add_memory(u64 start, u64 size)
{
	u64 aligned_start = PAGE_ALIGN(start);

	if (aligned_start > start + size)
		size = 0;
	else
		size -= aligned_start - start;

	if (aligned_start > (phys_addr_t)~0) {
		pr_crit("Ignoring memory at 0x%08llx outside 32-bit physical address space\n",
			start);
		return -EINVAL;
	}
	if (aligned_start + size > (u64)(phys_addr_t)~0) {
		pr_crit("Truncating memory at 0x%08llx to fit in 32-bit physical address space\n",
			start);
		size = (phys_addr_t)~0 - aligned_start;
	}
	if (aligned_start < PHYS_OFFSET) {
		if (aligned_start + size <= PHYS_OFFSET) {
			pr_info("Ignoring memory below PHYS_OFFSET: 0x%08llx-0x%08llx\n",
				aligned_start, aligned_start + size);
			return -EINVAL;
		}
		pr_info("Ignoring memory below PHYS_OFFSET: 0x%08llx-0x%08llx\n", aligned_start,
			(u64)PHYS_OFFSET);
		size -= PHYS_OFFSET - aligned_start;
		aligned_start = PHYS_OFFSET;
	}
	size &= ~(u64)(PAGE_SIZE - 1);
	if (size == 0)
		return -EINVAL;
	return memblock_add((phys_addr_t)aligned_start, (phys_addr_t)size);
}

/* Add the parts of [start, start + size) that the DT said are RAM. */
static void __init add_user_bank(const char *arg, u64 start, u64 size)
{
	u64 end = start + size, covered = 0;
	unsigned long i;

	for (i = 0; i < nr_dt_banks; i++) {
		u64 b = dt_banks[i].base, e = b + dt_banks[i].size;
		u64 s = max(start, b), t = min(end, e);

		if (s < t) {
			covered += t - s;
			/* a part it cannot use, arm_add_memory() names itself */
			arm_add_memory(s, t - s);
		}
	}
	if (covered < size)
		pr_err("mem=%s: 0x%llx of 0x%08llx-0x%08llx is not RAM in the device tree, not used\n",
		       arg, size - covered, start, end - 1);
}

#ifdef A9MM_HOST
/**
 * mem_param_reset() - forget earlier mem= options
 *
 * Host builds only, no Linux counterpart: the host tests and fuzzers boot
 * many times in one process.
 */
void mem_param_reset(void)
{
	usermem = false;
	nr_dt_banks = 0;
}
#endif

/*
 * arch/arm/kernel/setup.c: early_mem() @ v4.14.  Linux takes whatever
 * memparse() gives; a9mm refuses a mem= it cannot honour, saying why,
 * and keeps the device tree's RAM.
 */
static int __init early_mem(char *p)
{
	char *endp;
	u64 size, start = PHYS_OFFSET;

	if (!p || !*p) {
		pr_err("mem=: missing size (mem=SIZE[@START]), ignored\n");
		return 0;
	}
	size = memparse(p, &endp);
	if (endp != p && *endp == '@') {
		char *at = endp + 1;

		start = memparse(at, &endp);
		if (endp == at)
			endp = at - 1; /* "SIZE@" without START */
	}
	if (endp == p || *endp) {
		pr_err("mem=%s: not SIZE[@START], ignored\n", p);
		return 0;
	}
	if (size == 0 || size > SZ_4G || start >= SZ_4G) {
		pr_err("mem=%s: %s%s, ignored\n", p,
		       size == 0      ? "SIZE is 0"
		       : size > SZ_4G ? "SIZE is beyond 4 GiB"
				      : "START is beyond 4 GiB",
		       size == ULLONG_MAX || start == ULLONG_MAX ? " (it overflows 64 bits)" : "");
		return 0;
	}

	/* The first mem= replaces what the device tree said. */
	if (!usermem) {
		if (memblock.memory.cnt > ARRAY_SIZE(dt_banks)) {
			pr_err("mem=%s: the device tree has %lu memory banks, more than the %lu mem= can compare with; ignored\n",
			       p, memblock.memory.cnt, (unsigned long)ARRAY_SIZE(dt_banks));
			return 0;
		}
		usermem = true;
		nr_dt_banks = memblock.memory.cnt;
		memcpy(dt_banks, memblock.memory.regions, nr_dt_banks * sizeof(dt_banks[0]));
		memblock_remove(memblock_start_of_DRAM(),
				memblock_end_of_DRAM() - memblock_start_of_DRAM());
	}
	add_user_bank(p, start, size);
	return 0;
}
early_param("mem", early_mem);
