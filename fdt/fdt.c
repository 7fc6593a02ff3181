// SPDX-License-Identifier: GPL-2.0
/*
 * fdt/fdt.c: the early scan of drivers/of/fdt.c @ v4.14, on the real libfdt
 * (of linux-source-6.1).
 * Before there is any allocator, the kernel learns three things from the
 * flattened tree the boot loader passed in r2:
 *
 *   /chosen/bootargs             -> boot_command_line
 *   / #address-cells #size-cells -> how to read every "reg" below
 *   device_type = "memory" nodes -> memblock_add() per bank
 *
 * and, later from arm_memblock_init(), what of that RAM is already taken:
 * /memreserve/ entries and /reserved-memory children -> memblock_reserve()
 * (or memblock_remove() for "no-map").  Anything odd is reported and
 * skipped; only a blob libfdt rejects stops the scan.
 */
#define pr_fmt(fmt) "OF: fdt: " fmt

#include <libfdt.h>

#include <asm/memory.h>
#include <asm/page.h>
#include <linux/errno.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/memblock.h>
#include <linux/of_fdt.h>

/*
 * Without LPAE a physical address is 32 bits, and memblock keeps a region's
 * end (base + size) in 32 bits too: RAM can reach 4 GiB - 4 KiB at most.
 */
#define MAX_MEMBLOCK_END ((u64)(phys_addr_t)~0 + 1 - PAGE_SIZE)

char boot_command_line[COMMAND_LINE_SIZE];
void *initial_boot_params;
int dt_root_addr_cells;
int dt_root_size_cells;

/*
 * What every later walk of the blob relies on, read once, a tag at a time
 * (libfdt's fdt_next_tag() keeps each tag, node name and property value
 * inside the structure block, and says -FDT_ERR_TRUNCATED or
 * -FDT_ERR_BADSTRUCTURE when one is not): the root node opens the block
 * and closes before it ends, and nodes nest.  Each tag is read once --
 * libfdt's node and property iterators would read every tag of a node
 * again for each of its properties.  0, or libfdt's error.
 *
 *   offset 0: BEGIN_NODE ""   depth 1   (the root: nothing may come first)
 *             PROP ...
 *             BEGIN_NODE "cpus"   depth 2
 *               ...
 *             END_NODE            depth 1
 *             END_NODE            depth 0: done (what follows is not read)
 */
static int __init fdt_check_structure(const void *fdt)
{
	int offset = 0, next, depth = 0;

	for (;;) {
		uint32_t tag = fdt_next_tag(fdt, offset, &next);

		if (next < 0)
			return next;
		if (depth == 0 && tag != FDT_BEGIN_NODE)
			return -FDT_ERR_BADSTRUCTURE;
		switch (tag) {
		case FDT_BEGIN_NODE:
			depth++;
			break;
		case FDT_END_NODE:
			if (--depth == 0)
				return 0;
			break;
		case FDT_PROP:
		case FDT_NOP:
			break;
		default: /* FDT_END inside a node */
			return -FDT_ERR_BADSTRUCTURE;
		}
		offset = next;
	}
}

/**
 * early_init_dt_verify() - accept a device tree blob, or say why not
 * @params: the blob, mapped
 *
 * drivers/of/fdt.c: early_init_dt_verify() @ v4.14.  libfdt checks the
 * header; a9mm also reads every tag of the structure block once
 * (fdt_check_structure()), so a blob truncated or scribbled over inside
 * it is refused here instead of half-read later.  On success it becomes
 * initial_boot_params.
 *
 * Return: true if the blob can be scanned.
 */
bool __init early_init_dt_verify(void *params)
{
	int err;

	if (!params)
		return false;
	err = fdt_check_header(params);
	if (err) {
		pr_err("invalid device tree blob header: %s\n", fdt_strerror(err));
		return false;
	}
	if (fdt_totalsize(params) > FDT_MAX_SIZE) {
		pr_err("device tree blob claims %lu bytes, more than the %u the boot mapping covers\n",
		       (unsigned long)fdt_totalsize(params), FDT_MAX_SIZE);
		return false;
	}
	/*
	 * The spec aligns the memory reservation block to 8 bytes and the
	 * structure block to 4; libfdt reads them as words without asking.
	 */
	if (fdt_off_mem_rsvmap(params) % 8 || fdt_off_dt_struct(params) % 4) {
		pr_err("device tree blob is corrupt: misaligned block (mem_rsvmap at 0x%lx, struct at 0x%lx)\n",
		       (unsigned long)fdt_off_mem_rsvmap(params),
		       (unsigned long)fdt_off_dt_struct(params));
		return false;
	}
	err = fdt_check_structure(params);
	if (err) {
		pr_err("device tree blob is corrupt: %s\n", fdt_strerror(err));
		return false;
	}
	initial_boot_params = params;
	return true;
}

/* drivers/of/fdt.c: of_fdt_device_is_available() @ v4.14: no status, "okay" or "ok" */
static bool __init of_fdt_device_is_available(const void *fdt, int node)
{
	const char *status = fdt_getprop(fdt, node, "status", NULL);

	return !status || !strcmp(status, "okay") || !strcmp(status, "ok");
}

/* include/linux/of_fdt.h: dt_mem_next_cell() @ v4.14: big-endian cells, most significant first */
static u64 __init dt_mem_next_cell(int s, const fdt32_t **cellp)
{
	const fdt32_t *p = *cellp;
	u64 r = 0;

	while (s--)
		r = (r << 32) | fdt32_ld(p++);
	*cellp = p;
	return r;
}

/* Cell counts an address or a size of "reg" can be read with: 1 or 2 */
static bool dt_root_cells_usable(void)
{
	return dt_root_addr_cells >= 1 && dt_root_addr_cells <= 2 && dt_root_size_cells >= 1 &&
	       dt_root_size_cells <= 2;
}

/*
 * drivers/of/fdt.c: early_init_dt_scan_root() @ v4.14: the root's cell counts say
 * how many 32-bit cells an address and a size take in every "reg" of its
 * children.  The defaults (when absent) are Linux's: 1 and 1.  More than 2
 * cannot describe a 32-bit (or 64-bit) number, and a property that is not
 * one cell is no count at all: refuse (-1 stands for the latter).
 */
static bool __init early_init_dt_scan_root(const void *fdt)
{
	const fdt32_t *prop;
	int len;

	dt_root_addr_cells = 1;
	dt_root_size_cells = 1;
	prop = fdt_getprop(fdt, 0, "#address-cells", &len);
	if (prop)
		dt_root_addr_cells = len == 4 ? (int)fdt32_ld(prop) : -1;
	prop = fdt_getprop(fdt, 0, "#size-cells", &len);
	if (prop)
		dt_root_size_cells = len == 4 ? (int)fdt32_ld(prop) : -1;
	pr_debug("dt_root_size_cells = %x\n", dt_root_size_cells);
	pr_debug("dt_root_addr_cells = %x\n", dt_root_addr_cells);
	if (!dt_root_cells_usable()) {
		pr_err("unsupported root #address-cells = %d / #size-cells = %d (must be 1 or 2): memory nodes cannot be read\n",
		       dt_root_addr_cells, dt_root_size_cells);
		return false;
	}
	return true;
}

/**
 * early_init_dt_add_memory_arch() - add a memory node's bank to memblock
 * @base: physical start, as the DT gives it
 * @size: size in bytes
 *
 * drivers/of/fdt.c: early_init_dt_add_memory_arch() @ v4.14: trim the
 * bank to whole pages and to what a 32-bit kernel can address, then hand
 * it to memblock.  RAM below PHYS_OFFSET cannot be in the linear map.
 * Every part dropped is named.
 */
void __init early_init_dt_add_memory_arch(u64 base, u64 size)
{
	const u64 phys_offset = PHYS_OFFSET;

	if (!IS_ALIGNED(base, PAGE_SIZE)) {
		if (size < PAGE_SIZE - (base & ~PAGE_MASK)) {
			pr_warn("Ignoring memory block 0x%llx - 0x%llx (less than a page)\n", base,
				base + size);
			return;
		}
		pr_warn("memory block 0x%llx - 0x%llx not page aligned: starts at 0x%llx\n", base,
			base + size, (u64)PAGE_ALIGN(base));
		size -= PAGE_SIZE - (base & ~PAGE_MASK);
		base = PAGE_ALIGN(base);
	}
	size &= PAGE_MASK;
	if (size > ~0ULL - base) {
		pr_warn("memory block 0x%llx + 0x%llx wraps past the end of the address space: cut there\n",
			base, size);
		size = (~0ULL - base) & PAGE_MASK;
	}
	if (base >= MAX_MEMBLOCK_END) {
		pr_warn("Ignoring memory block 0x%llx - 0x%llx (above 4 GiB, no LPAE)\n", base,
			base + size);
		return;
	}
	if (base + size > SZ_4G) {
		pr_warn("Ignoring memory range 0x%llx - 0x%llx (above 4 GiB, no LPAE)\n", SZ_4G,
			base + size);
		size = SZ_4G - base;
	}
	/* a9mm, not Linux: Linux keeps the page, less its last byte */
	if (base + size > MAX_MEMBLOCK_END) {
		pr_warn("Ignoring memory range 0x%llx - 0x%llx (a memblock region cannot end at 4 GiB)\n",
			MAX_MEMBLOCK_END, SZ_4G);
		size = MAX_MEMBLOCK_END - base;
	}
	if (base + size < phys_offset) {
		pr_warn("Ignoring memory block 0x%llx - 0x%llx (below PHYS_OFFSET 0x%llx)\n", base,
			base + size, phys_offset);
		return;
	}
	if (base < phys_offset) {
		pr_warn("Ignoring memory range 0x%llx - 0x%llx (below PHYS_OFFSET)\n", base,
			phys_offset);
		size -= phys_offset - base;
		base = phys_offset;
	}
	if (!size)
		return;
	if (memblock_overlaps_region(&memblock.memory, (phys_addr_t)base, (phys_addr_t)size))
		pr_warn("memory block 0x%llx - 0x%llx overlaps a bank already added: merged\n",
			base, base + size);
	memblock_add((phys_addr_t)base, (phys_addr_t)size);
}

/*
 * drivers/of/fdt.c: early_init_dt_scan_memory() @ v4.14: every node whose
 * device_type is "memory" (not only /memory), enabled, with its banks in
 * "linux,usable-memory" if present (a crash kernel's view), else "reg".
 */
static void __init early_init_dt_scan_memory(const void *fdt)
{
	int node, banks = 0;

	fdt_for_each_subnode(node, fdt, 0) {
		const char *type = fdt_getprop(fdt, node, "device_type", NULL);
		const char *uname;
		const fdt32_t *reg, *endp;
		int l, entry = (dt_root_addr_cells + dt_root_size_cells) * 4;

		if (!type || strcmp(type, "memory"))
			continue;
		uname = fdt_get_name(fdt, node, NULL); /* only memory nodes are named */
		if (!of_fdt_device_is_available(fdt, node)) {
			pr_debug("memory node %s is disabled, skipped\n", uname);
			continue;
		}
		reg = fdt_getprop(fdt, node, "linux,usable-memory", &l);
		if (!reg || l == 0)
			reg = fdt_getprop(fdt, node, "reg", &l);
		if (!reg) {
			pr_warn("memory node %s has no reg property, skipped\n", uname);
			continue;
		}
		pr_debug("memory scan node %s, reg size %d,\n", uname, l);
		if (l % entry)
			pr_warn("memory node %s: reg is %d bytes, not a multiple of %d; the last %d ignored\n",
				uname, l, entry, l % entry);
		endp = reg + (l / entry) * (entry / 4);
		while (reg < endp) {
			u64 base = dt_mem_next_cell(dt_root_addr_cells, &reg);
			u64 size = dt_mem_next_cell(dt_root_size_cells, &reg);

			pr_debug(" - %llx ,  %llx\n", base, size);
			if (size == 0) {
				pr_warn("memory node %s: bank at 0x%llx has size 0, skipped\n",
					uname, base);
				continue;
			}
			early_init_dt_add_memory_arch(base, size);
			banks++;
		}
	}
	if (!banks)
		pr_err("no memory node (device_type = \"memory\") with a usable bank\n");
}

/* arch/arm/mm/init.c @ v4.14: where the boot loader put the initramfs (0, 0: none) */
phys_addr_t phys_initrd_start;
unsigned long phys_initrd_size;

/*
 * drivers/of/fdt.c: early_init_dt_check_for_initrd() @ v4.14: QEMU's
 * -initrd writes linux,initrd-start and -end (one or two cells each) into
 * /chosen.  A property of another size, or an end not above the start,
 * is reported and the initrd ignored.
 */
static void __init early_init_dt_check_for_initrd(const void *fdt, int node)
{
	const fdt32_t *prop;
	int len;
	u64 start, end;

	prop = fdt_getprop(fdt, node, "linux,initrd-start", &len);
	if (!prop)
		return;
	if (len != 4 && len != 8) {
		pr_err("initrd: linux,initrd-start is %d bytes, not 4 or 8: ignored\n", len);
		return;
	}
	start = dt_mem_next_cell(len / 4, &prop);
	prop = fdt_getprop(fdt, node, "linux,initrd-end", &len);
	if (!prop || (len != 4 && len != 8)) {
		pr_err("initrd: linux,initrd-end missing or not 4 or 8 bytes: ignored\n");
		return;
	}
	end = dt_mem_next_cell(len / 4, &prop);
	if (end <= start || end - start > 0xffffffffULL) {
		pr_err("initrd: end 0x%llx is not above start 0x%llx: ignored\n", end, start);
		return;
	}
	phys_initrd_start = (phys_addr_t)start;
	phys_initrd_size = (unsigned long)(end - start);
	pr_debug("initrd_start=0x%llx  initrd_end=0x%llx\n", start, end);
}

/*
 * drivers/of/fdt.c: early_init_dt_scan_chosen() @ v4.14: the boot loader's command
 * line is /chosen/bootargs (QEMU writes -append there), the initramfs
 * linux,initrd-start/end.
 */
static void __init early_init_dt_scan_chosen(const void *fdt)
{
	const char *p;
	int node, len;

	node = fdt_path_offset(fdt, "/chosen");
	if (node < 0)
		node = fdt_path_offset(fdt, "/chosen@0");
	if (node < 0)
		return;
	early_init_dt_check_for_initrd(fdt, node);
	p = fdt_getprop(fdt, node, "bootargs", &len);
	if (p && len > 0) {
		if (strnlen(p, len) >= COMMAND_LINE_SIZE)
			pr_warn("bootargs longer than %d bytes, truncated\n",
				COMMAND_LINE_SIZE - 1);
		strncpy(boot_command_line, p, min(len, COMMAND_LINE_SIZE - 1));
	}
	pr_debug("command line is: %s\n", boot_command_line);
}

/**
 * early_init_dt_scan_nodes() - read /chosen, the root's cells, the memory nodes
 *
 * drivers/of/fdt.c: early_init_dt_scan_nodes() @ v4.14, on
 * initial_boot_params.
 */
void __init early_init_dt_scan_nodes(void)
{
	const void *fdt = initial_boot_params;

	early_init_dt_scan_chosen(fdt);
	if (early_init_dt_scan_root(fdt))
		early_init_dt_scan_memory(fdt);
}

/**
 * early_init_dt_scan() - verify a blob, then scan it
 * @params: the blob, mapped
 *
 * drivers/of/fdt.c: early_init_dt_scan() @ v4.14.
 *
 * Return: false if early_init_dt_verify() refused the blob (nothing
 * scanned), else true.
 */
bool __init early_init_dt_scan(void *params)
{
	if (!early_init_dt_verify(params))
		return false;
	early_init_dt_scan_nodes();
	return true;
}

/**
 * of_flat_dt_get_machine_name() - the board's name, from the root node
 *
 * drivers/of/fdt.c: of_flat_dt_get_machine_name() @ v4.14.
 *
 * Return: "model", else "compatible", else "<unknown>".
 */
const char *__init of_flat_dt_get_machine_name(void)
{
	const char *name = fdt_getprop(initial_boot_params, 0, "model", NULL);

	if (!name)
		name = fdt_getprop(initial_boot_params, 0, "compatible", NULL);
	return name ? name : "<unknown>";
}

/* What no-map regions removed so far span, [lo, hi): 0, 0 when none did. */
static u64 nomap_lo __initdata, nomap_hi __initdata;

/*
 * The no-map region of a /reserved-memory child up to @upto (inclusive)
 * that [base, end) overlaps: an earlier no-map took that RAM out of
 * memblock.memory, which is why the range now looks like no RAM at all.
 * Only asked on that error path, and only when the range meets the span
 * of what no-map removed: thousands of ranges outside RAM would otherwise
 * walk all earlier nodes each.
 */
static const char *__init dt_nomap_overlapping(const void *fdt, int parent, int upto, u64 base,
					       u64 end)
{
	int entry = (dt_root_addr_cells + dt_root_size_cells) * 4;
	int node;

	if (end <= nomap_lo || base >= nomap_hi)
		return NULL;
	fdt_for_each_subnode(node, fdt, parent) {
		const fdt32_t *reg, *endp;
		int len;

		if (node > upto)
			break;
		reg = fdt_getprop(fdt, node, "reg", &len);
		if (!reg || !fdt_getprop(fdt, node, "no-map", NULL) ||
		    !of_fdt_device_is_available(fdt, node) || len <= 0 || len % entry)
			continue;
		for (endp = reg + len / 4; reg < endp;) {
			u64 b = dt_mem_next_cell(dt_root_addr_cells, &reg);
			u64 e = b + dt_mem_next_cell(dt_root_size_cells, &reg);

			if (e < b)
				e = ~0ULL;
			if (round_down(b, PAGE_SIZE) < end && base < round_up(e, PAGE_SIZE))
				return fdt_get_name(fdt, node, NULL);
		}
	}
	return NULL;
}

/* The first reserved region overlapping [start, end), or NULL. */
static const struct memblock_region *__init first_reserved_in(phys_addr_t start, u64 end)
{
	for (unsigned long i = 0; i < memblock.reserved.cnt; i++) {
		const struct memblock_region *r = &memblock.reserved.regions[i];

		if (r->base >= end)
			break;
		if ((u64)r->base + r->size > start)
			return r;
	}
	return NULL;
}

/*
 * no-map: every page any part of which is no-map leaves memblock.memory,
 * so it is neither mapped nor freed -- except the pages already reserved:
 * those hold something in use (the kernel, its page directory, the DTB,
 * memblock's own arrays, an earlier reservation) and stay, named.  Linux
 * >= 5.12 refuses such a no-map whole (-EBUSY); a9mm removes the rest.
 */
static int __init early_init_dt_remove_nomap(const char *what, u64 start, u64 end)
{
	int removed = 0;

	/* within RAM: every length below fits a phys_addr_t */
	start = max(start, (u64)memblock_start_of_DRAM());
	end = min(end, (u64)memblock_end_of_DRAM());
	while (start < end) {
		const struct memblock_region *r = first_reserved_in((phys_addr_t)start, end);
		u64 rs = r ? round_down((u64)r->base, PAGE_SIZE) : end;
		u64 re = r ? min(round_up((u64)r->base + r->size, PAGE_SIZE), end) : end;
		const char *owner;

		if (rs > start) {
			memblock_remove((phys_addr_t)start, (phys_addr_t)(rs - start));
			nomap_lo = nomap_hi ? min(nomap_lo, start) : start;
			nomap_hi = max(nomap_hi, rs);
			removed = 1;
		}
		if (!r)
			break;
		rs = max(rs, start);
		owner = arm_memblock_owner((phys_addr_t)rs, (phys_addr_t)(re - rs));
		pr_warn("%s: no-map 0x%llx - 0x%llx is memory already in use (%s): left mapped and reserved\n",
			what, rs, re - 1, owner ? owner : "an earlier reservation");
		start = re;
	}
	return removed ? 0 : -EBUSY;
}

/*
 * drivers/of/fdt.c: early_init_dt_reserve_memory_arch() @ v4.14: RAM marked
 * no-map leaves memblock.memory altogether, so it is neither mapped nor
 * given to the buddy allocator; the rest is only reserved.  a9mm also
 * trims what Linux passes on as it is: a range that wraps past 2^64 or
 * reaches above 4 GiB is cut (and said so), and only the parts of it that
 * are RAM are reserved, so "reserved size" never exceeds the RAM; a range
 * with no RAM in it is reported -- naming the earlier no-map region that
 * removed its RAM, when that is why -- and ignored.  @node is the
 * /reserved-memory child, @parent /reserved-memory (-1 for /memreserve/).
 */
static int __init early_init_dt_reserve_memory_arch(const char *what, const void *fdt, int parent,
						    int node, u64 base, u64 size, bool nomap)
{
	u64 end = base + size, covered = 0;
	const char *nm;
	unsigned long i;

	if (end < base) {
		pr_warn("%s 0x%llx + 0x%llx wraps past the end of the address space: cut at 4 GiB\n",
			what, base, size);
		end = SZ_4G;
	}
	if (base >= SZ_4G) {
		pr_warn("%s 0x%llx - 0x%llx is above 4 GiB, ignored\n", what, base, end);
		return -EINVAL;
	}
	if (end > SZ_4G) {
		pr_warn("%s: ignoring 0x%llx - 0x%llx (above 4 GiB, no LPAE)\n", what, SZ_4G, end);
		end = SZ_4G;
	}
	if (nomap) {
		base = round_down(base, PAGE_SIZE);
		end = round_up(end, PAGE_SIZE);
	}
	for (i = 0; i < memblock.memory.cnt; i++) {
		const struct memblock_region *m = &memblock.memory.regions[i];
		u64 s = max(base, (u64)m->base), e = min(end, (u64)m->base + m->size);

		if (s < e)
			covered += e - s;
	}
	nm = covered < end - base && node >= 0 ? dt_nomap_overlapping(fdt, parent, node, base, end)
					       : NULL;
	if (!covered) {
		if (nm)
			pr_warn("%s 0x%llx - 0x%llx overlaps the no-map region '%s', ignored\n",
				what, base, end, nm);
		else
			pr_warn("%s 0x%llx - 0x%llx is outside RAM, ignored\n", what, base, end);
		return -EINVAL;
	}
	if (covered < end - base) {
		if (nm)
			pr_warn("%s 0x%llx - 0x%llx overlaps the no-map region '%s': only the RAM left in it is %s\n",
				what, base, end, nm, nomap ? "removed" : "reserved");
		else
			pr_warn("%s 0x%llx - 0x%llx is partly outside RAM: only the RAM in it is %s\n",
				what, base, end, nomap ? "removed" : "reserved");
	}
	if (nomap)
		return early_init_dt_remove_nomap(what, base, end);
	/* memblock_reserve() leaves memblock.memory as it is: walk it directly */
	for (i = 0; i < memblock.memory.cnt; i++) {
		const struct memblock_region *m = &memblock.memory.regions[i];
		u64 s = max(base, (u64)m->base), e = min(end, (u64)m->base + m->size);

		if (s < e)
			memblock_reserve((phys_addr_t)s, (phys_addr_t)(e - s));
	}
	return 0;
}

/*
 * drivers/of/fdt.c: __reserved_mem_reserve_reg() @ v4.14: a /reserved-memory child
 * with a static "reg".  Children that only ask for a size (dynamic
 * placement, CMA pools) need allocators a9mm does not have: reported.
 */
static void __init __reserved_mem_reserve_reg(const void *fdt, int parent, int node,
					      const char *uname)
{
	int entry = (dt_root_addr_cells + dt_root_size_cells) * 4, len;
	const fdt32_t *prop = fdt_getprop(fdt, node, "reg", &len);
	bool nomap = fdt_getprop(fdt, node, "no-map", NULL) != NULL;
	const fdt32_t *endp;
	char what[80];

	if (!prop) {
		pr_warn("Reserved memory: node '%s' has no reg (dynamic placement is not supported), ignored\n",
			uname);
		return;
	}
	if (len == 0 || len % entry) {
		pr_err("Reserved memory: invalid reg property in '%s', skipping node.\n", uname);
		return;
	}
	snprintf(what, sizeof(what), "Reserved memory: node '%s'", uname);
	endp = prop + len / 4;
	while (prop < endp) {
		u64 base = dt_mem_next_cell(dt_root_addr_cells, &prop);
		u64 size = dt_mem_next_cell(dt_root_size_cells, &prop);

		if (size && early_init_dt_reserve_memory_arch(what, fdt, parent, node, base, size,
							      nomap) == 0)
			pr_debug(
				"Reserved memory: reserved region for node '%s': base 0x%08llx, size %llu MiB%s\n",
				uname, base, size >> 20, nomap ? " (no-map)" : "");
		else
			pr_info("Reserved memory: failed to reserve memory for node '%s': base 0x%08llx, size %llu MiB\n",
				uname, base, size >> 20);
	}
}

/*
 * drivers/of/fdt.c: __fdt_scan_reserved_mem() @ v4.14: /reserved-memory must use
 * the root's cell sizes and an empty "ranges" (a 1:1 view of RAM).
 */
static void __init __fdt_scan_reserved_mem(const void *fdt)
{
	const fdt32_t *prop;
	int parent, node, len;

	parent = fdt_path_offset(fdt, "/reserved-memory");
	if (parent < 0)
		return;
	/*
	 * Linux trusts the root's cell sizes here even when the memory scan
	 * refused them: 0 divides by zero below, 0x40000000 overflows an int
	 * (seen while writing tests/fuzz/fuzz_fdt_scan.c; its seed corpus now
	 * holds both trees).
	 */
	if (!dt_root_cells_usable()) {
		pr_err("Reserved memory: the root's #address-cells / #size-cells are unusable, ignoring\n");
		return;
	}
	prop = fdt_getprop(fdt, parent, "#size-cells", &len);
	if (!prop || len != 4 || (int)fdt32_ld(prop) != dt_root_size_cells)
		goto bad;
	prop = fdt_getprop(fdt, parent, "#address-cells", &len);
	if (!prop || len != 4 || (int)fdt32_ld(prop) != dt_root_addr_cells)
		goto bad;
	if (!fdt_getprop(fdt, parent, "ranges", NULL))
		goto bad;

	fdt_for_each_subnode(node, fdt, parent) {
		const char *uname = fdt_get_name(fdt, node, NULL);

		if (!of_fdt_device_is_available(fdt, node))
			continue;
		__reserved_mem_reserve_reg(fdt, parent, node, uname);
	}
	return;
bad:
	pr_err("Reserved memory: unsupported node format, ignoring\n");
}

/**
 * early_init_fdt_scan_reserved_mem() - reserve what the blob says is taken
 *
 * drivers/of/fdt.c: early_init_fdt_scan_reserved_mem() @ v4.14: the
 * header's /memreserve/ table (the oldest way to say "do not touch"),
 * then /reserved-memory ("no-map" children leave memblock.memory).
 */
void __init early_init_fdt_scan_reserved_mem(void)
{
	const void *fdt = initial_boot_params;
	int n, i;

	if (!fdt)
		return;
	nomap_lo = nomap_hi = 0;
	n = fdt_num_mem_rsv(fdt);
	for (i = 0; i < n; i++) {
		uint64_t base, size;

		if (fdt_get_mem_rsv(fdt, i, &base, &size) || !size)
			continue;
		if (early_init_dt_reserve_memory_arch("/memreserve/", fdt, -1, -1, base, size,
						      false) == 0)
			pr_debug("/memreserve/ 0x%08llx - 0x%08llx\n", (u64)base,
				 (u64)(base + size - 1));
	}
	__fdt_scan_reserved_mem(fdt);
}

/**
 * early_init_fdt_reserve_self() - reserve the blob itself
 *
 * drivers/of/fdt.c: early_init_fdt_reserve_self() @ v4.14: the blob must
 * survive until the kernel is done reading it.
 */
void __init early_init_fdt_reserve_self(void)
{
	if (!initial_boot_params)
		return;
	memblock_reserve(__pa(initial_boot_params), fdt_totalsize(initial_boot_params));
}
