# SPDX-License-Identifier: GPL-2.0
"""Linux's figures beside a9mm's, every difference marked.

A row whose two values are equal is marked "=".  A row that differs is
marked "~RULE" when a rule below accounts for it, and "!!" when none
does.  A rule is a statement about the two kernels (a zone named
differently, a changed formula, a different default, a feature a9mm
lacks) plus a check that it really produces the two values shown, made
with the figures each log printed -- so a rule explains a difference only
where its check passes; a failed check leaves the row unexplained, with
what the check found.

The values shown are the logs' own; the checks only test them.
"""
import re

PAGE = 4096
KiB, MiB = 1 << 10, 1 << 20

# Facts about the two kernels' sources that the rules state.  Linux 6.1:
# arch/arm/include/asm/pgtable.h, mm/page_alloc.c; a9mm: include/asm/,
# mm/page_alloc.c (Linux 3.x/4.x).
LINUX_VMALLOC_END = 0xFF800000
A9MM_VMALLOC_END = 0xFF000000
VMALLOC_OFFSET = 8 * MiB
VMALLOC_DEFAULT = 240 * MiB
PAGE_OFFSET = 0xC0000000


class Rule:
    def __init__(self, name, text, check):
        self.name, self.text, self.check = name, text, check


def _pages(nbytes):
    return (nbytes + PAGE - 1) // PAGE


def _rounddown_pow2(n):
    return 1 << (n.bit_length() - 1) if n > 0 else 0


def batch_61(managed):
    """mm/page_alloc.c: zone_batchsize() @ v6.1: ~0.1% of the zone, at most 1 MiB."""
    b = min(managed >> 10, MiB // PAGE) // 4
    return _rounddown_pow2(max(b, 1) + max(b, 1) // 2) - 1


def batch_3x(managed):
    """mm/page_alloc.c: zone_batchsize() @ v3.14: ~0.1% of the zone, at most 512 KiB."""
    b = managed // 1024
    if b * PAGE > 512 * KiB:
        b = (512 * KiB) // PAGE
    b = max(b // 4, 1)
    return _rounddown_pow2(b + b // 2) - 1


# -- what each memblock owner is ---------------------------------------------
# the function memblock=debug names (the allocator's caller) -> what it holds
# early_alloc() serves the page tables, the vectors and the zero page alike
EARLY = "page tables, vectors, zero page"
OWNERS = {
    "early_alloc": EARLY,
    "arm_pte_alloc": EARLY,	# a9mm: early_alloc() inlined
    "devicemaps_init": EARLY,	# a9mm: the vectors page
    "paging_init": EARLY,	# a9mm: the zero page
    "arm_mm_memblock_reserve": "swapper_pg_dir",
    "early_init_fdt_reserve_self": "DTB",
    "setup_usemap": "pageblock flags",
    "vm_reserve_area_early": "static vm area",
    "iotable_init": "static vm area",
    "setup_arch": "System RAM resource",
    "early_init_dt_alloc_memory_arch": "unflattened device tree",
    "start_kernel": "command line copies",
    "pcpu_embed_first_chunk": "percpu first chunk",
    "pcpu_setup_first_chunk": "percpu first chunk",
    "pcpu_alloc_first_chunk": "percpu first chunk",
    "alloc_large_system_hash": "dentry/inode hash tables",
    "cma": "CMA area",
    "setup_per_cpu_areas": "percpu first chunk",	# a9mm: the embedding is in it
}
# inlined callers, said where they are named
OWNER_NOTES = {
    "System RAM resource": "request_standard_resources(), inlined in setup_arch()",
    "command line copies": "setup_command_line(), inlined in start_kernel()",
    "pageblock flags": "setup_usemap() (inlined in a9mm's free_area_init_node())",
    "mem_map": "alloc_node_mem_map()",
}
# a9mm implements none of these (yet)
NOT_IN_A9MM = {
    "CMA area": "CONFIG_CMA: Debian reserves CONFIG_CMA_SIZE_MBYTES for the contiguous "
                "allocator; a9mm has none",
    "dentry/inode hash tables": "vfs_caches_init_early(): a9mm has no VFS",
    "unflattened device tree": "unflatten_device_tree(): a9mm reads the flat tree with "
                               "libfdt only",
    "System RAM resource": "request_standard_resources(): a9mm keeps no resource tree",
    "command line copies": "setup_command_line(): a9mm parses boot_command_line in place",
    "static vm area": "struct static_vm for early I/O and reserved vmalloc areas "
                      "(iotable_init(), vm_reserve_area_early()): a9mm has no static "
                      "I/O map (early_ioremap() until vmalloc_init(), then ioremap())",
}


def classify(fig):
    """memblock's reservations by what they hold: {concept: [(start, end)]}.

    memblock=debug's reserve/free trace is replayed; what the last MEMBLOCK
    dump holds that no traced reserve before it explains was reserved
    before memblock=debug was parsed: at QEMU's DTB address that is the
    DTB (Linux 6.1 reserves it in setup_arch() before parse_early_param()),
    anything else is "untraced"."""
    out = {}
    events = fig["events"]
    image_reserves = [e for e in events if e[0] == "reserve" and e[3] == "arm_memblock_init"]
    mm = fig.get("mem_map")
    traced = []
    for i, (op, start, end, owner) in enumerate(events):
        if end < start:		# a zero-byte free
            continue
        if owner == "arm_memblock_init":
            if end - start + 1 == 0x4000 and len(image_reserves) > 1:
                what = "swapper_pg_dir"
            elif start == dtb_address(fig):
                what = "DTB"
            else:
                what = "kernel image"
        elif owner in ("free_area_init", "alloc_node_mem_map") or (
                owner == "free_area_init_node" and mm and end - start + 1 == mm[0]):
            what = "mem_map"
        elif owner == "free_area_init_node":
            what = "pageblock flags"
        else:
            what = OWNERS.get(owner, owner)
        regs = out.setdefault(what, [])
        if op == "reserve":
            regs.append((start, end))
            if i < fig.get("dump_at", 0):
                traced.append((start, end))
        else:
            regs[:] = _subtract(regs, start, end)
    for a, b in fig["reserved"]:
        left = [(a, b)]
        for ta, tb in traced:
            left = [p for r in left for p in _subtract([r], ta, tb)]
        for la, lb in left:
            what = "DTB" if la == dtb_address(fig) else "untraced"
            out.setdefault(what, []).append((la, lb))
    return {k: v for k, v in out.items() if v}


def _subtract(regs, start, end):
    out = []
    for a, b in regs:
        if b < start or a > end:
            out.append((a, b))
            continue
        if a < start:
            out.append((a, start - 1))
        if b > end:
            out.append((end + 1, b))
    return out


def dtb_address(fig):
    """Where QEMU put the DTB: RAM start + min(RAM/2, 128 MiB)."""
    if not fig["memory"]:
        return None
    base = fig["memory"][0][0]
    size = sum(b - a + 1 for a, b in fig["memory"])
    return base + min(size // 2, 128 * MiB)


# -- rows -------------------------------------------------------------------------
class Row:
    def __init__(self, section, label, linux, a9mm, shown=None, rules=(), ctx=None):
        self.section, self.label = section, label
        self.linux, self.a9mm = linux, a9mm
        self.shown = shown or (lambda v: "-" if v is None else str(v))
        self.rules = rules
        self.ctx = ctx
        self.mark, self.note = "", ""
        self.detail = None


def _hexrange(r):
    return f"{r[0]:#010x}-{r[1]:#010x}"


def _ranges(v):
    if not v:
        return "-"
    total = sum(b - a + 1 for a, b in v)
    return ", ".join(_hexrange(r) for r in v) + f" ({_size(total)})"


def _size(n):
    if n % MiB == 0 and n >= MiB:
        return f"{n // MiB} MiB"
    if n >= 10 * KiB:
        return f"{n / KiB:.0f} KiB"
    return f"{n} B"


def _sizes(v):
    return " + ".join(str(b - a + 1) for a, b in v) if v else "none"


def _total(v):
    return sum(b - a + 1 for a, b in v) if v else 0


def compare(lx, a9, config=None, facts=None):
    """The rows, each marked, and the rules that explained something."""
    config = config or {}
    facts = facts or {}
    rows = []
    ram_base = lx["memory"][0][0] if lx["memory"] else (a9["memory"][0][0] if a9["memory"]
                                                         else 0x60000000)
    ram_end = lx["memory"][-1][1] + 1 if lx["memory"] else None
    cmdline = lx.get("cmdline") or a9.get("cmdline") or ""
    m = re.search(r"(?:^| )vmalloc=(\d+)([KkMmGg]?)", cmdline)
    vmalloc = VMALLOC_DEFAULT
    if m:
        vmalloc = int(m.group(1)) << {"": 0, "k": 10, "m": 20, "g": 30}[m.group(2).lower()]

    def lowmem_expected(vmalloc_end):
        limit = vmalloc_end - vmalloc - VMALLOC_OFFSET - PAGE_OFFSET + ram_base
        return min(ram_end, limit) if ram_end else limit

    # ---- rules -------------------------------------------------------------
    def r_lowmem(row):
        want_l, want_a = lowmem_expected(LINUX_VMALLOC_END), lowmem_expected(A9MM_VMALLOC_END)
        ok = row.linux == want_l and row.a9mm == want_a
        return ok, (f"min(RAM end, VMALLOC_END - {vmalloc >> 20} MiB - 8 MiB): "
                    f"Linux {want_l:#x}, a9mm {want_a:#x}")

    def lowmem_pages(fig):
        return ((fig["lowmem_limit"] or 0) - ram_base) // PAGE

    def r_zone_sizes(row):
        # present pages of the lowmem / HighMem zone follow each lowmem limit
        lo = row.ctx == "lowmem"
        want = []
        for fig in (lx, a9):
            lp = lowmem_pages(fig)
            want.append(lp if lo else ((ram_end - ram_base) // PAGE - lp if ram_end else None))
        ok = [row.linux, row.a9mm] == want
        return ok, (f"{'lowmem' if lo else 'RAM above lowmem'} in pages: "
                    f"Linux {want[0]}, a9mm {want[1]}")

    def r_zone_dma(row):
        ok = config.get("CONFIG_ZONE_DMA") == "y" and \
            any(z[0] == "Normal" and z[1] is None for z in lx["zone_ranges"]) and \
            row.linux == "DMA" and row.a9mm == "Normal"
        return ok, ("Debian's armmp has CONFIG_ZONE_DMA=y (multiplatform: some SoCs need "
                    "it); vexpress sets no DMA limit, so all lowmem is ZONE_DMA and "
                    "ZONE_NORMAL is empty (\"Normal empty\" in Linux's Zone ranges)")

    def r_struct_page(row):
        # memmap pages = PAGE_ALIGN(present * sizeof(struct page)) / PAGE_SIZE,
        # with each kernel's struct page size from its own mem_map line
        got = []
        for fig in (lx, a9):
            z = first_zone(fig)
            sp = fig["mem_map"][2] if fig["mem_map"] else None
            got.append(_pages(z["present"] * sp) if z and sp else None)
        ok, note = struct_page_note()
        ok = ok and [row.linux, row.a9mm] == got
        return ok, (f"PAGE_ALIGN(present x sizeof(struct page)) / 4096: Linux {got[0]}, "
                    f"a9mm {got[1]}; {note}")

    def r_batch(row):
        got = []
        for fig, formula in ((lx, batch_61), (a9, batch_3x)):
            z = fig["zones"].get(row.ctx[0] if fig is lx else row.ctx[1], {})
            managed = z.get("present", 0) - z.get("memmap", 0) - z.get("reserved", 0)
            got.append(formula(managed) if z else None)
        ok = [row.linux, row.a9mm] == got
        return ok, (f"zone_batchsize(): Linux 6.1 caps the batch at 1 MiB of pages, "
                    f"3.x at 512 KiB; from each zone's managed pages: Linux {got[0]}, "
                    f"a9mm {got[1]}")

    def r_total_pages(row):
        got = []
        for fig in (lx, a9):
            got.append(sum(z.get("present", 0) - z.get("memmap", 0) - z.get("reserved", 0)
                           for z in fig["zones"].values()))
        ok = [row.linux, row.a9mm] == got
        return ok, (f"sum of present - memmap - reserved over the zones: Linux {got[0]}, "
                    f"a9mm {got[1]}")

    def r_zonelist_wording(row):
        ok = "Zone order" in (row.a9mm or "") and "Zone order" not in (row.linux or "")
        return ok, ("Linux 4.14 removed the zonelist order choice (node order only), "
                    "and \"in Zone order\" with it")

    def r_kernel(row):
        # each kernel's image reservation holds the sections its Memory:
        # line lists (code, rwdata, rodata, init, bss), plus alignment padding
        notes, ok = [], True
        for name, fig in (("Linux", lx), ("a9mm", a9)):
            ml = fig["memory_line"] or {}
            secs = sum(ml.get(k, 0) for k in ("kernel code", "rwdata", "rodata", "init",
                                             "bss"))
            image = _total(classify(fig).get("kernel image")) // KiB
            ok = ok and secs > 0 and secs <= image + 4 <= secs + 4 + 2048
            notes.append(f"{name} {secs}K of sections in a {image}K image reservation")
        return ok, "different kernels, each consistent with itself: " + ", ".join(notes)

    def r_swapper(row):
        # swapper_pg_dir: the 16 KiB below the kernel's load address
        ok = True
        for fig, load in ((lx, facts.get("linux_load")), (a9, facts.get("a9mm_load"))):
            regs = classify(fig).get("swapper_pg_dir")
            if load is None or not regs or regs[0][1] + 1 != load:
                ok = False
        return ok, (f"swapper_pg_dir is the 16 KiB below where the kernel was loaded: "
                    f"Linux at PHYS_OFFSET + TEXT_OFFSET "
                    f"({facts.get('linux_load', 0):#x}: Debian's multiplatform config "
                    f"enables platforms that need TEXT_OFFSET 0x208000), a9mm's raw Image "
                    f"where QEMU put it ({facts.get('a9mm_load', 0):#x})")

    def r_absent(row):
        note = NOT_IN_A9MM.get(row.ctx)
        return bool(note) and not row.a9mm, note or "no rule names this owner"

    def r_cma(row):
        want = int(config.get("CONFIG_CMA_SIZE_MBYTES", "0")) * MiB
        ok = bool(lx["cma"]) and lx["cma"][1] == want and not a9["cma"]
        return ok, (f"CONFIG_CMA_SIZE_MBYTES={config.get('CONFIG_CMA_SIZE_MBYTES', '?')} in "
                    f"Debian's config; a9mm has no CMA")

    def r_usemap(row):
        order = int(config.get("CONFIG_ARCH_FORCE_MAX_ORDER", "11"))
        lblock, ablock = 1 << (order - 1), 1 << 10
        want_l = sum(((z["present"] + lblock - 1) // lblock * 4 + 31) // 32 * 4
                     for z in lx["zones"].values() if "present" in z)
        want_a = sum((z["present"] + ablock - 1) // ablock
                     for z in a9["zones"].values() if "present" in z)
        ok = row.linux == want_l and row.a9mm == want_a
        return ok, (f"Linux: 4 bits per pageblock of {lblock} pages (MAX_ORDER "
                    f"{order}: Debian's ARCH_FORCE_MAX_ORDER), in longs -> {want_l} bytes; "
                    f"a9mm: a byte per pageblock of {ablock} pages -> {want_a} bytes")

    def r_vectors(row):
        lv, av = lc.get(EARLY) or [], ac.get(EARLY) or []
        ls, as_ = sorted(b - a + 1 for a, b in lv), sorted(b - a + 1 for a, b in av)
        # Linux: the same allocations as a9mm's, its vectors two pages, and one
        # table more: the one early_fixmap_shutdown() puts in bm_pte's place
        ok = bool(as_) and set(as_) == {4096} and \
            sorted([8192] + as_[1:] + [4096]) == ls
        return ok, ("Linux 6.1's devicemaps_init() takes two pages for the vectors "
                    "(arch/arm/kernel/traps.c: early_trap_init() copies the stubs to the "
                    "second, mapped at 0xffff1000), a9mm one (its vector table jumps into "
                    "the kernel image); Linux's bm_pte is __initdata, so "
                    "early_fixmap_shutdown() gives the vectors' pgd entry an early_alloc()ed "
                    "table, where a9mm keeps bm_pte (mm/mmu.c): "
                    f"Linux {_sizes(lv)}, a9mm {_sizes(av)}")

    def struct_page_note():
        sizes = [f["mem_map"][2] if f["mem_map"] else None for f in (lx, a9)]
        memcg = config.get("CONFIG_MEMCG") == "y"
        ok = None not in sizes and (sizes[0] == sizes[1] or
                                    (memcg and sizes[0] == sizes[1] + 4))
        return ok, (f"sizeof(struct page): Linux {sizes[0]} bytes (mem_map bytes / pages "
                    f"in its log; Debian's CONFIG_MEMCG={config.get('CONFIG_MEMCG', '?')} "
                    f"adds the 4-byte memcg_data), a9mm {sizes[1]}")

    def r_mem_map(row):
        ok, note = struct_page_note()
        ok = ok and row.linux == lx["mem_map"][0] and row.a9mm == a9["mem_map"][0]
        return ok, "node pages x " + note

    def r_highmem_k(row):
        want = []
        for fig in (lx, a9):
            hz = fig["zones"].get("HighMem", {}).get("present", 0) * 4
            cma_hi = 0
            if fig["cma"] and fig["lowmem_limit"] and fig["cma"][0] >= fig["lowmem_limit"]:
                cma_hi = fig["cma"][1] // KiB
            want.append(hz - cma_hi)
        ok = [row.linux, row.a9mm] == want
        return ok, (f"HighMem zone pages x 4K, less the CMA area in HighMem (not yet "
                    f"handed to the buddy allocator): Linux {want[0]}K, a9mm {want[1]}K")

    def r_reserved_k(row):
        want = []
        for fig in (lx, a9):
            cls = classify(fig)
            pages = set()
            for what, regs in cls.items():
                if what == "CMA area":
                    continue
                for a, b in regs:
                    pages.update(range(a // PAGE, b // PAGE + 1))
            want.append(len(pages) * 4)
        ok = [row.linux, row.a9mm] == want
        return ok, (f"every page memblock.reserved touches at hand-over (CMA apart), "
                    f"from memblock=debug's trace: Linux {want[0]}K, a9mm {want[1]}K")

    def r_available(row):
        # available is nr_free_pages(): the Memory: line's other fields
        # account for the rest, unless pages sit on per-cpu lists
        got = []
        for fig in (lx, a9):
            ml = fig["memory_line"]
            got.append(ml["total"] - ml.get("reserved", 0) - ml.get("cma-reserved", 0)
                       - ml["available"] if ml else None)
        ok = got == [0, 0]
        note = (f"total - reserved - cma-reserved - available: Linux {got[0]}K, "
                f"a9mm {got[1]}K")
        if got[1] and a9.get("pcp_count") is not None:
            note += (f"; a9mm's /proc/zoneinfo has {a9['pcp_count']} pages "
                     f"({a9['pcp_count'] * 4}K) on its per-cpu lists, which are not "
                     f"counted free")
        return ok, note

    def r_percpu_units(row):
        # what each kernel keeps of its first chunk: a unit of pages/cpu pages per
        # CPU (the tail of a larger unit goes back to memblock), plus bookkeeping
        got = []
        for fig in (lx, a9):
            regs, p = classify(fig).get("percpu first chunk", []), fig["percpu"]
            unit = p["pages_per_cpu"] * PAGE if p else 0
            units = sum(b - a + 1 for a, b in regs if (b - a + 1) % unit == 0) if unit else 0
            got.append((units // unit if unit else None, units,
                        sum(b - a + 1 for a, b in regs) - units))
        # the possible CPUs: Linux 6.1's are the device tree's /cpus; a9mm caps
        # them by the SCU's count (QEMU's -smp), as Linux 3.x's vexpress did
        want = (a9["dt_cpus"], a9["possible_cpus"]) if a9["dt_cpus"] else (got[0][0],) * 2
        ok = (got[0][0], got[1][0]) == want and want[0] is not None
        return ok, (f"pages/cpu x 4K for each possible CPU -- Linux {got[0][0]} (the device "
                    f"tree's /cpus), a9mm {got[1][0]} (those, capped by the SCU's core "
                    f"count): Linux {got[0][1]} B, a9mm {got[1][1]} B; plus the chunk's "
                    f"maps: Linux {got[0][2]} B, a9mm {got[1][2]} B (it keeps its area "
                    f"map static)")

    def r_percpu_line(row):
        # pcpu_build_alloc_info(): static + reserved + dynamic fill whole pages;
        # the unit is that, at least PCPU_MIN_UNIT_SIZE (32 KiB)
        ok, parts = True, []
        for name, fig in (("Linux", lx), ("a9mm", a9)):
            p = fig["percpu"]
            if not p:
                return False, f"{name} printed no percpu line"
            size = p["static"] + p["reserved"] + p["dynamic"]
            ok &= size == p["pages_per_cpu"] * PAGE and \
                p["unit"] == max(size, 32 * KiB)
            parts.append(f"{name} s{p['static']} (its own .data..percpu) + r{p['reserved']} "
                         f"+ d{p['dynamic']} = {size} B")
        return ok, ("; ".join(parts) + "; each unit = that, at least PCPU_MIN_UNIT_SIZE "
                    "(32 KiB)")

    def r_not_printed(row):
        # the message is not in the binary of the kernel that lacks it
        which = "Linux" if not row.linux else "a9mm"
        lacks = facts.get("linux_lacks" if which == "Linux" else "a9mm_lacks", [])
        ok = row.ctx in lacks
        return ok, (f"\"{row.ctx}\" is not in {which}'s Image" if ok else
                    f"{which}'s log lacks it, but its Image was not checked for "
                    f"\"{row.ctx}\"")

    rules = {
        "LOWMEM": Rule("LOWMEM", "lowmem ends VMALLOC_OFFSET (8 MiB) + the vmalloc area "
                       "(240 MiB, vmalloc=) below VMALLOC_END: 0xff800000 in Linux 6.1 "
                       "(arch/arm/include/asm/pgtable.h), 0xff000000 in a9mm (as Linux 4.x)",
                       r_lowmem),
        "ZONESIZE": Rule("ZONESIZE", "each zone's pages follow from that kernel's lowmem "
                         "limit (lowmem zone: RAM below it; HighMem: RAM above it)",
                         r_zone_sizes),
        "ZONE_DMA": Rule("ZONE_DMA", "the lowmem zone's name", r_zone_dma),
        "STRUCTPAGE": Rule("STRUCTPAGE", "memmap pages scale with sizeof(struct page), which "
                           "each kernel's mem_map allocation shows", r_struct_page),
        "BATCH": Rule("BATCH", "per-cpu batch formula changed", r_batch),
        "TOTALPAGES": Rule("TOTALPAGES", "Total pages = present - memmap - reserved, "
                           "summed over the zones", r_total_pages),
        "WORDING": Rule("WORDING", "message changed between versions", r_zonelist_wording),
        "KERNEL": Rule("KERNEL", "two different kernels: each image's size is its own; "
                       "checked: the sections the Memory: line lists fit the image "
                       "memblock reserved (within 2 MiB of alignment)", r_kernel),
        "SWAPPER": Rule("SWAPPER", "swapper_pg_dir placement", r_swapper),
        "ABSENT": Rule("ABSENT", "a subsystem a9mm does not have", r_absent),
        "CMA": Rule("CMA", "Debian's kernel reserves a CMA area", r_cma),
        "USEMAP": Rule("USEMAP", "pageblock flags: size of a pageblock and bits per block",
                       r_usemap),
        "MEMMAP": Rule("MEMMAP", "mem_map = node pages x sizeof(struct page)", r_mem_map),
        "HIGHMEM": Rule("HIGHMEM", "the Memory: line's highmem is what HighMem handed to "
                        "the buddy allocator", r_highmem_k),
        "RESERVED": Rule("RESERVED", "the Memory: line's reserved is memblock.reserved in "
                         "whole pages (CMA counted apart)", r_reserved_k),
        "AVAILABLE": Rule("AVAILABLE", "available (free pages) = total - reserved - "
                          "cma-reserved", r_available),
        "NOTPRINTED": Rule("NOTPRINTED", "only one kernel prints this", r_not_printed),
        "PERCPU": Rule("PERCPU", "each kernel's per-cpu data is its own: the first chunk "
                       "keeps pages/cpu pages per possible CPU", r_percpu_units),
        "PERCPULINE": Rule("PERCPULINE", "percpu: static (the kernel's own) + reserved (for "
                           "modules: Linux only) + dynamic = pages/cpu", r_percpu_line),
        "VECTORS": Rule("VECTORS", "early_alloc(): Linux's vectors take two pages, and its "
                        "fixmap table is allocated, not in the image", r_vectors),
    }
    R = lambda *names: [rules[n] for n in names]

    def first_zone(fig):
        return next(iter(fig["zones"].values()), None)

    # ---- memblock ------------------------------------------------------------
    S = "memblock"
    rows.append(Row(S, "memory", lx["memory"], a9["memory"], _ranges))
    lc, ac = classify(lx), classify(a9)
    order = ["kernel image", "swapper_pg_dir", "DTB", "CMA area", EARLY,
             "mem_map", "pageblock flags"]
    concepts = order + sorted((set(lc) | set(ac)) - set(order))
    for what in concepts:
        lv, av = lc.get(what), ac.get(what)
        if lv is None and av is None:
            continue
        rs = {"kernel image": R("KERNEL"), "swapper_pg_dir": R("SWAPPER"),
              "CMA area": R("CMA"), "mem_map": R("MEMMAP"),
              "pageblock flags": R("USEMAP"), EARLY: R("VECTORS"),
              "percpu first chunk": R("PERCPU"),
              "DTB": []}.get(what, R("ABSENT"))
        label = f"reserved: {what}"
        if what in ("pageblock flags", "mem_map", EARLY) or \
                what not in order:
            # placement follows each kernel's other allocations: compare sizes
            row = Row(S, label, _total(lv) or None, _total(av) or None,
                      lambda v: "-" if not v else _size(v), rs, what)
        else:
            row = Row(S, label, lv, av, _ranges, rs, what)
        if what == EARLY:
            row.detail = lambda lv=lv, av=av: (
                f"early_alloc() sizes: Linux {_sizes(lv)}, a9mm {_sizes(av)}")
        rows.append(row)

    # ---- lowmem and zones ----------------------------------------------------
    S = "zones"
    rows.append(Row(S, "lowmem limit (phys)", lx["lowmem_limit"], a9["lowmem_limit"],
                    lambda v: "-" if v is None else f"{v:#010x}", R("LOWMEM")))
    lz, az = list(lx["zones"]), list(a9["zones"])
    rows.append(Row(S, "lowmem zone", lz[0] if lz else None, az[0] if az else None,
                    None, R("ZONE_DMA")))
    pairs = []
    if lz and az:
        pairs.append((lz[0], az[0], "lowmem"))
    if "HighMem" in lx["zones"] or "HighMem" in a9["zones"]:
        pairs.append(("HighMem", "HighMem", "highmem"))
    rows.append(Row(S, "node totalpages", lx["node_totalpages"], a9["node_totalpages"]))
    for lname, aname, kind in pairs:
        L, A = lx["zones"].get(lname, {}), a9["zones"].get(aname, {})
        tag = "lowmem zone" if kind == "lowmem" else "HighMem"
        rows.append(Row(S, f"{tag}: present pages", L.get("present"), A.get("present"),
                        None, R("ZONESIZE"), kind))
        if kind == "lowmem":
            rows.append(Row(S, f"{tag}: memmap pages", L.get("memmap"), A.get("memmap"),
                            None, R("STRUCTPAGE")))
            rows.append(Row(S, f"{tag}: reserved pages", L.get("reserved"), A.get("reserved")))
        rows.append(Row(S, f"{tag}: LIFO batch", L.get("batch"), A.get("batch"), None,
                        R("BATCH"), (lname, aname)))
    rows.append(Row(S, "Total pages (zonelists)", lx["total_pages"], a9["total_pages"],
                    None, R("TOTALPAGES")))
    rows.append(Row(S, "zonelists line says", _wording(lx), _wording(a9), None,
                    R("WORDING")))

    # ---- the Memory: line ----------------------------------------------------
    S = "Memory:"
    lm, am = lx["memory_line"] or {}, a9["memory_line"] or {}
    kfmt = lambda v: "-" if v is None else f"{v}K"
    for field, rs in (("total", ()), ("available", R("AVAILABLE")),
                      ("reserved", R("RESERVED")), ("cma-reserved", R("CMA")),
                      ("highmem", R("HIGHMEM")), ("kernel code", R("KERNEL")),
                      ("rwdata", R("KERNEL")), ("rodata", R("KERNEL")), ("init", R("KERNEL")),
                      ("bss", R("KERNEL"))):
        rows.append(Row(S, field, lm.get(field), am.get(field), kfmt, rs))

    # ---- what only one prints --------------------------------------------------
    S = "other"
    pc = lambda p: f"{p['pages_per_cpu']} pages/cpu, unit {p['unit']}" if p else None
    rows.append(Row(S, "percpu first chunk", pc(lx["percpu"]), pc(a9["percpu"]), None,
                    R("PERCPULINE"), "percpu first chunk"))
    lay = lambda v: "-" if not v else f"printed ({len(v)} areas)"
    rows.append(Row(S, "virtual memory layout", lx["layout"] or None, a9["layout"] or None,
                    lay, R("NOTPRINTED"), "Virtual kernel memory layout"))

    used = {}
    for row in rows:
        if row.linux == row.a9mm:
            row.mark = "="
            continue
        notes = []
        for rule in row.rules:
            try:
                ok, note = rule.check(row)
            except (TypeError, KeyError, IndexError, ZeroDivisionError) as e:
                ok, note = False, f"{rule.name}: cannot check ({type(e).__name__})"
            if ok:
                row.mark, row.note = "~" + rule.name, note
                used[rule.name] = rule
                break
            notes.append(f"{rule.name} does not hold: {note}")
        if not row.mark:
            row.mark = "!!"
            if row.detail:
                notes.append(row.detail())
            row.note = "; ".join(notes) or "no rule applies"
    return {"rows": rows, "rules": used}


def _wording(fig):
    """What the zonelists line says between "zonelists" and "Total pages"."""
    w = fig.get("zonelists_wording")
    m = re.match(r"Built \d+ zonelists(.*?)\s*Total pages", w or "")
    return m.group(1).strip(" ,") if m else None


def render(result, markdown=False, header=""):
    rows = result["rows"]
    out = []
    if header:
        out.append(header.rstrip("\n"))
        out.append("")
    if markdown:
        out.append("| | Linux 6.1 (Debian) | a9mm | |")
        out.append("| --- | --- | --- | --- |")
        section = None
        for r in rows:
            if r.section != section:
                section = r.section
                out.append(f"| **{section}** | | | |")
            out.append(f"| {r.label} | {r.shown(r.linux)} | {r.shown(r.a9mm)} | "
                       f"{r.mark.replace('~', '')} |")
    else:
        w0 = max(len(r.label) for r in rows) + 4
        w1 = 36
        out.append(f"{'':{w0}}{'Linux 6.1 (Debian)':{w1}}{'a9mm':{w1}}")
        section = None
        for r in rows:
            if r.section != section:
                section = r.section
                out.append(section)
            lv, av = r.shown(r.linux), r.shown(r.a9mm)
            if len(lv) >= w1 or len(av) >= w1:
                out.append(f"  {r.label:{w0 - 2}}{lv}")
                out.append(f"{'':{w0}}{av}  {r.mark}")
            else:
                out.append(f"  {r.label:{w0 - 2}}{lv:{w1}}{av:{w1}}{r.mark}")
    out.append("")
    out.append("= same   ~RULE explained by RULE (its check passed)   !! unexplained")
    out.append("")
    groups = {}
    for r in rows:
        if r.mark.startswith("~"):
            groups.setdefault((r.mark, r.note), []).append(r.label)
    for (mark, note), labels in groups.items():
        out.append(f"{mark:12} {', '.join(labels)}: {note}")
    unexplained = [r for r in rows if r.mark == "!!"]
    out.append("")
    if unexplained:
        out.append(f"Unexplained ({len(unexplained)}):")
        for r in unexplained:
            out.append(f"!!  {r.section} / {r.label}: Linux {r.shown(r.linux)}, "
                       f"a9mm {r.shown(r.a9mm)} -- {r.note}")
    else:
        out.append("Unexplained: none")
    out.append("")
    out.append("Rules:")
    for name, rule in sorted(result["rules"].items()):
        out.append(f"  {name:11} {rule.text}")
    return "\n".join(line.rstrip() for line in out) + "\n"
