# SPDX-License-Identifier: GPL-2.0
"""memblock, zones and mem_map (include/linux/memblock.h, mmzone.h, mm.h).

Everything comes from the kernel's variables: memblock, contig_page_data,
mem_map, max_low_pfn / max_pfn, __pv_phys_pfn_offset.  Array sizes come
from the debug info (free_area[], node_zones[]), not from copied macros.
"""
import gdb

from a9mm_target import (A9mmError, PAGE_OFFSET, PAGE_SHIFT, phys_offset, require_mmu, u32,
                         value)

# include/linux/page-flags.h: the head of a free buddy block
PAGE_BUDDY_MAPCOUNT_VALUE = -128


def symbol(name, why):
    """A kernel variable, or a clear word that this kernel has none."""
    require_mmu(why)
    if gdb.lookup_global_symbol(name) is None and gdb.lookup_static_symbol(name) is None:
        try:
            gdb.parse_and_eval(f"&{name}")
        except gdb.error:
            raise A9mmError(f"a9mm: symbol '{name}' missing from this vmlinux, so no {why}: "
                            "this kernel does not have that part of mm yet")
    return value(name)


def memblock_lines():
    """mm/memblock.c __memblock_dump_all() + memblock_dump(), word for word."""
    mb = symbol("memblock", "memblock")
    lines = ["MEMBLOCK configuration:",
             f" memory size = 0x{int(mb['memory']['total_size']):08x} "
             f"reserved size = 0x{int(mb['reserved']['total_size']):08x}"]
    for kind in ("memory", "reserved"):
        t = mb[kind]
        cnt, cap = int(t["cnt"]), int(t["max"])
        if cnt > cap:
            raise A9mmError(f"a9mm: memblock.{kind}.cnt = {cnt} > max = {cap}: corrupt")
        lines.append(f" {t['name'].string()}.cnt  = 0x{cnt:x}")
        for i in range(cnt):
            r = t["regions"][i]
            base, size = int(r["base"]), int(r["size"])
            lines.append(f" {t['name'].string()}[0x{i:x}]\t[0x{base:08x}-0x{base + size - 1:08x}], "
                         f"0x{size:08x} bytes flags: 0x{int(r['flags']):x}")
    return lines


def zones():
    pgdat = symbol("contig_page_data", "the zone list")
    lo, hi = pgdat["node_zones"].type.range()
    return [pgdat["node_zones"][i] for i in range(lo, hi + 1)]


def buddyinfo_lines():
    """mm/vmstat.c frag_show_print(): "Node %d, zone %8s " then "%6lu " per order,
    then what waits on each CPU's per-cpu lists (pages buddyinfo does not count)."""
    lines, pcp = [], []
    for z in zones():
        if int(z["present_pages"]) == 0:
            continue
        lo, hi = z["free_area"].type.range()
        counts = "".join(f"{int(z['free_area'][o]['nr_free']):6d} " for o in range(lo, hi + 1))
        lines.append(f"Node 0, zone {z['name'].string():>8s} {counts}")
        per_cpu = "".join(f"  cpu{cpu} {int(p['pcp']['count'])}" for cpu, p in pagesets(z))
        pcp.append(f"Node 0, zone {z['name'].string():>8s}{per_cpu}")
    if not lines:
        raise A9mmError("a9mm: no populated zone yet (bootmem_init has not run)")
    return lines + ["per-cpu lists (pages of orders 0-3 on each online CPU's pageset):"] + pcp


def online_cpus():
    """include/linux/cpumask.h: the bits of __cpu_online_mask (CPU 0 alone before boot_cpu_init)."""
    bits = int(symbol("__cpu_online_mask", "CPU masks")["bits"][0])
    return [cpu for cpu in range(32) if bits >> cpu & 1] or [0]


def per_cpu_ptr(ptr, cpu):
    """include/linux/percpu.h: per_cpu_ptr(): the template address plus the CPU's offset."""
    off = int(symbol("__per_cpu_offset", "per-CPU offsets")[cpu])
    return (int(ptr.cast(gdb.lookup_type("unsigned long"))) + off) & 0xFFFFFFFF


def pagesets(zone):
    """(cpu, struct per_cpu_pageset) for every online CPU, through zone->pageset."""
    t = gdb.lookup_type("struct per_cpu_pageset").pointer()
    ptr = zone["pageset"]
    if int(ptr) == 0:
        raise A9mmError("a9mm: the zones have no pagesets yet (free_area_init_core has not run)")
    return [(cpu, gdb.Value(per_cpu_ptr(ptr, cpu)).cast(t).dereference())
            for cpu in online_cpus()]


def mem_map():
    mm = int(symbol("mem_map", "struct page lookup").cast(gdb.lookup_type("unsigned long")))
    if mm == 0:
        raise A9mmError("a9mm: mem_map not set up yet (alloc_node_mem_map has not run)")
    return mm


def page_state(page, pg_reserved):
    mapcount, count = int(page["_mapcount"]), int(page["_count"])
    order = int(page["private"])
    if mapcount == PAGE_BUDDY_MAPCOUNT_VALUE:
        return f"free, head of an order-{order} block"
    if int(page["flags"]) & (1 << pg_reserved):
        return "reserved"
    if count:
        return f"allocated, order {order}"
    return "free (inside a larger block) or on a per-cpu list"


def zone_of(pfn):
    for z in zones():
        start = int(z["zone_start_pfn"])
        if int(z["spanned_pages"]) and start <= pfn < start + int(z["spanned_pages"]):
            return z["name"].string()
    return None


def node_bounds():
    """(first pfn, end pfn) that mem_map covers: contig_page_data's span.

    free_area_init_node() sets node_start_pfn and node_spanned_pages and
    allocates mem_map; bootmem_init() sets max_pfn only after it returns,
    so the node, not max_pfn, says which pfns have a struct page.
    """
    pgdat = symbol("contig_page_data", "the node")
    start, spanned = int(pgdat["node_start_pfn"]), int(pgdat["node_spanned_pages"])
    if spanned == 0:
        raise A9mmError("a9mm: contig_page_data.node_spanned_pages is 0: free_area_init_node() "
                        "has not sized the node yet, so there is no mem_map")
    return start, start + spanned


def lowmem_end_pfn():
    """(end of lowmem as a pfn, where that came from): max_low_pfn, or before
    bootmem_init() sets it, ZONE_NORMAL's end; (0, why) when neither exists."""
    low = int(symbol("max_low_pfn", "lowmem"))
    if low:
        return low, "max_low_pfn"
    z = zones()[int(value("ZONE_NORMAL"))]
    if int(z["spanned_pages"]):
        return (int(z["zone_start_pfn"]) + int(z["spanned_pages"]),
                "max_low_pfn not set yet: ZONE_NORMAL's end")
    return 0, "max_low_pfn not set yet and ZONE_NORMAL not sized"


def pfn_info(kind, v):
    """Everything about one page frame, from any of its names (asm/memory.h, linux/mm.h)."""
    require_mmu("a9mm-pfn")
    po = phys_offset()
    pfn_off = po >> PAGE_SHIFT
    if kind == "pfn":
        pfn = v
    elif kind == "phys":
        pfn = v >> PAGE_SHIFT
    elif kind == "virt":
        high = int(value("(unsigned long)high_memory"))
        if high == 0:
            raise A9mmError("a9mm: high_memory is 0: the linear map is not set up yet")
        if not PAGE_OFFSET <= v < high:
            raise A9mmError(f"a9mm: 0x{v:08x} is not in the linear map "
                            f"(0x{PAGE_OFFSET:08x}-0x{high:08x})")
        pfn = (v - PAGE_OFFSET + po) >> PAGE_SHIFT
    elif kind == "page":
        size = int(value("sizeof(struct page)"))
        off = v - mem_map()
        if off < 0 or off % size:
            raise A9mmError(f"a9mm: 0x{v:08x} is not a struct page in mem_map")
        pfn = off // size + pfn_off
    else:
        raise A9mmError("a9mm-pfn: KIND is pfn, phys, virt or page")
    lines = [f"pfn   0x{pfn:x}", f"phys  0x{pfn << PAGE_SHIFT:08x}"]
    low_end, low_why = lowmem_end_pfn()
    va = ((pfn << PAGE_SHIFT) - po + PAGE_OFFSET) & 0xFFFFFFFF
    if pfn_off <= pfn < low_end:
        lines.append(f"virt  0x{va:08x}" + ("" if low_why == "max_low_pfn" else f" ({low_why})"))
    elif low_end == 0:
        lines.append(f"virt  0x{va:08x} if lowmem ({low_why}, cannot tell)")
    else:
        lines.append("virt  none (HighMem or not RAM: kmap it)")
    try:
        mm = mem_map()
        first, end = node_bounds()
    except A9mmError as e:
        lines.append(f"page  {e}")
        return lines
    if first <= pfn < end:
        addr = mm + (pfn - pfn_off) * int(value("sizeof(struct page)"))
        page = value(f"*(struct page *)0x{addr:x}")
        pg_reserved = int(value("PG_reserved"))
        lines += [f"page  0x{addr:08x} (struct page, zone {zone_of(pfn) or 'none'})",
                  f"      flags 0x{int(page['flags']):x} count {int(page['_count'])} "
                  f"mapcount {int(page['_mapcount']) + 1}: {page_state(page, pg_reserved)}"]
    else:
        lines.append(f"page  none (outside mem_map: the node spans pfn 0x{first:x}-0x{end - 1:x})")
    return lines


def zone_name(z):
    """A zone's name; before free_area_init_node() names them, its index."""
    return z["name"].string() if int(z["name"]) else "(no name yet)"


def zone_by_name(name):
    if not any(int(z["name"]) for z in zones()):
        raise A9mmError("a9mm: the zones have no names yet (free_area_init_node has not run)")
    for i, z in enumerate(zones()):
        if zone_name(z).lower() == name.lower() or name == str(i):
            return z
    names = ", ".join(zone_name(z) for z in zones())
    raise A9mmError(f"a9mm: no zone '{name}' (zones: {names}, or their index)")


def migratetype_names():
    """MIGRATE_UNMOVABLE.. from the kernel's own table, migratetype_names[]."""
    table = value("migratetype_names")
    lo, hi = table.type.range()
    return [table[i].string() for i in range(lo, hi + 1)]


def list_pages(head, limit=None):
    """The struct page addresses on a list_head of page->lru, in list order."""
    lru_off = int(value("(unsigned long)&((struct page *)0)->lru"))
    first = int(head.address)
    node, out = int(head["next"]), []
    while node != first:
        if limit is not None and len(out) >= limit:
            return out, True
        if node == 0:
            raise A9mmError(f"a9mm: a NULL next pointer in the list at 0x{first:08x}: corrupt")
        out.append(node - lru_off)
        node = u32(node)
    return out, False


def pageset_pcps(z):
    """[(cpu, per_cpu_pages)] of a zone, for every online CPU (pagesets())."""
    return [(cpu, p["pcp"]) for cpu, p in pagesets(z)]


def pfn_of_page(addr):
    return (addr - mem_map()) // int(value("sizeof(struct page)")) + (phys_offset() >> PAGE_SHIFT)


def zoneinfo_lines():
    """/proc/zoneinfo's fields, the per-cpu lists by migrate type, and
    /proc/pagetypeinfo's free blocks per order and migrate type."""
    names = migratetype_names()
    lines = []
    if not any(int(z["name"]) for z in zones()):
        raise A9mmError("a9mm: the zones are not set up yet (free_area_init_node has not run)")
    for z in zones():
        name = zone_name(z)
        wm = z["watermark"]
        lines += [f"Node 0, zone {name:>8s}",
                  f"  start_pfn {int(z['zone_start_pfn']):#x}  spanned {int(z['spanned_pages'])}  "
                  f"present {int(z['present_pages'])}  managed {int(z['managed_pages'])}",
                  f"  pages free {int(z['vm_stat'][0])}  min {int(wm[0])}  low {int(wm[1])}  "
                  f"high {int(wm[2])}",
                  "  protection: (" + ", ".join(str(int(z["lowmem_reserve"][i])) for i in
                                                range(z["lowmem_reserve"].type.range()[1] + 1))
                  + ")"]
        if not int(z["present_pages"]):
            continue
        npcp = int(value("MIGRATE_PCPTYPES"))
        for cpu, pcp in pageset_pcps(z):
            # lists[order * MIGRATE_PCPTYPES + mt] (order_to_pindex()): order 0's
            # always, a higher order's ("Movable/3", in blocks) when not empty
            lo, hi = pcp["lists"].type.range()
            blocks = [(p, len(list_pages(pcp["lists"][p])[0])) for p in range(lo, hi + 1)]
            per = ", ".join(f"{names[p % npcp]}{'/' + str(p // npcp) if p >= npcp else ''} {n}"
                            for p, n in blocks if p < npcp or n)
            lines.append(f"  cpu {cpu}: count {int(pcp['count'])} high {int(pcp['high'])} "
                         f"batch {int(pcp['batch'])}  ({per})")
        lo, hi = z["free_area"].type.range()
        lines.append("  free blocks  order:" + "".join(f"{o:>6d}" for o in range(lo, hi + 1)))
        for mt, mtname in enumerate(names):
            counts = [len(list_pages(z["free_area"][o]["free_list"][mt])[0])
                      for o in range(lo, hi + 1)]
            lines.append(f"  {mtname:>19s}" + "".join(f"{c:>6d}" for c in counts))
        lines.append(f"  {'nr_free':>19s}" + "".join(f"{int(z['free_area'][o]['nr_free']):>6d}"
                                                     for o in range(lo, hi + 1)))
    return lines


def freelist_lines(zone, order, mt=None, limit=256):
    """free_area[order].free_list[mt] of a zone: each block's pfn and order."""
    z = zone_by_name(zone)
    lo, hi = z["free_area"].type.range()
    if not lo <= order <= hi:
        raise A9mmError(f"a9mm-freelist: ORDER must be {lo}..{hi}")
    names = migratetype_names()
    if mt is None:
        mts = range(len(names))
    else:
        match = [i for i, n in enumerate(names) if n.lower() == mt.lower() or str(i) == mt]
        if not match:
            raise A9mmError(f"a9mm-freelist: MIGRATETYPE is one of {', '.join(names)}")
        mts = match
    lines = []
    for m in mts:
        pages, cut = list_pages(z["free_area"][order]["free_list"][m], limit)
        lines.append(f"zone {zone_name(z)} free_area[{order}].free_list[{names[m]}]: "
                     f"{len(pages)}{'+' if cut else ''} block{'s' if len(pages) != 1 else ''}")
        for addr in pages:
            page = value(f"*(struct page *)0x{addr:x}")
            pfn = pfn_of_page(addr)
            got = int(page["private"])
            buddy = int(page["_mapcount"]) == PAGE_BUDDY_MAPCOUNT_VALUE
            bad = "" if buddy and got == order else (
                f"  <- NOT a free block of this order (buddy {buddy}, order {got})")
            lines.append(f"  pfn 0x{pfn:05x} order {got}  PA 0x{pfn << PAGE_SHIFT:08x}-"
                         f"0x{((pfn + (1 << got)) << PAGE_SHIFT) - 1:08x}{bad}")
        if cut:
            lines.append(f"  ... the first {limit} shown")
    return lines


class Memblock(gdb.Command):
    """a9mm-memblock: memblock.memory and memblock.reserved, in the kernel's format.

Prints what mm/memblock.c's __memblock_dump_all() prints (memblock=debug,
the shell's `memblock`): "MEMBLOCK configuration:", the total sizes, then
each array's count and regions, read from the kernel variable `memblock`."""

    def __init__(self):
        super().__init__("a9mm-memblock", gdb.COMMAND_DATA)

    def invoke(self, arg, from_tty):
        print("\n".join(memblock_lines()))


class Buddyinfo(gdb.Command):
    """a9mm-buddyinfo: /proc/buddyinfo from the zones' free_area[].nr_free.

One line per populated zone of contig_page_data, "Node 0, zone   Normal"
then the number of free blocks of each order, 0 to MAX_ORDER - 1, as
Linux's /proc/buddyinfo and the shell's `cat /proc/buddyinfo`; then, per
zone, how many pages (blocks of orders 0-3) wait on each online CPU's
per-cpu lists (free, but not on the buddy lists: buddyinfo does not see them)."""

    def __init__(self):
        super().__init__("a9mm-buddyinfo", gdb.COMMAND_DATA)

    def invoke(self, arg, from_tty):
        print("\n".join(buddyinfo_lines()))


class Pfn(gdb.Command):
    """a9mm-pfn KIND VALUE: one page frame under all its names.

KIND is pfn, phys, virt (a linear-map address) or page (a struct page *).
Prints the pfn, the physical address, the lowmem virtual address
(virt = phys - PHYS_OFFSET + 0xc0000000, PHYS_OFFSET from
__pv_phys_pfn_offset) and, once mem_map exists, the struct page with its
zone and state.  VALUE is any GDB expression, e.g. `a9mm-pfn virt &memblock`."""

    def __init__(self):
        super().__init__("a9mm-pfn", gdb.COMMAND_DATA)

    def invoke(self, arg, from_tty):
        args = gdb.string_to_argv(arg)
        if len(args) != 2:
            raise A9mmError("usage: a9mm-pfn pfn|phys|virt|page VALUE")
        v = int(value(args[1]).cast(gdb.lookup_type("unsigned long")))
        print("\n".join(pfn_info(args[0], v)))


class Zoneinfo(gdb.Command):
    """a9mm-zoneinfo: every zone's fields, watermarks, per-cpu lists and free blocks.

For each zone of contig_page_data: start_pfn, spanned/present/managed
pages, free pages and the min/low/high watermarks, lowmem_reserve
("protection"), each online CPU's per-cpu lists (count, high, batch, and
the pages on each migrate type's list: zone->pageset is a per-CPU pointer,
so CPU n's copy is at zone->pageset + __per_cpu_offset[n], n from
__cpu_online_mask), and the free blocks per order and
migrate type (counted on free_area[order].free_list[mt], with nr_free
below).  In GDB expressions a zone is contig_page_data.node_zones[ZONE_NORMAL]
(or [ZONE_HIGHMEM]); `p *zone` works only in frames that have a `zone`."""

    def __init__(self):
        super().__init__("a9mm-zoneinfo", gdb.COMMAND_DATA)

    def invoke(self, arg, from_tty):
        if arg.strip():
            raise A9mmError("usage: a9mm-zoneinfo")
        print("\n".join(zoneinfo_lines()))


class Freelist(gdb.Command):
    """a9mm-freelist ZONE ORDER [MIGRATETYPE]: the blocks on one buddy free list.

ZONE is Normal or HighMem (or the zone's index), ORDER 0..MAX_ORDER-1,
MIGRATETYPE Unmovable, Reclaimable, Movable or Reserve (all of them if
left out).  Walks zone->free_area[ORDER].free_list[MIGRATETYPE] and prints
each block's pfn (hex), its order and its physical range; a page on the
list that is not the head of a free block of that order is marked.  At
most 256 blocks are listed per list."""

    def __init__(self):
        super().__init__("a9mm-freelist", gdb.COMMAND_DATA)

    def invoke(self, arg, from_tty):
        args = gdb.string_to_argv(arg)
        if len(args) not in (2, 3):
            raise A9mmError("usage: a9mm-freelist ZONE ORDER [MIGRATETYPE]")
        try:
            order = int(args[1], 0)
        except ValueError:
            raise A9mmError(f"a9mm-freelist: ORDER '{args[1]}' is not a number")
        print("\n".join(freelist_lines(args[0], order, args[2] if len(args) == 3 else None)))


def register():
    Memblock()
    Buddyinfo()
    Zoneinfo()
    Pfn()
    Zoneinfo()
    Freelist()
