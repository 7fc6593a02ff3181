# SPDX-License-Identifier: GPL-2.0
"""memblock, zones and mem_map (include/linux/memblock.h, mmzone.h, mm.h).

Everything comes from the kernel's variables: memblock, contig_page_data,
mem_map, max_low_pfn / max_pfn, __pv_phys_pfn_offset.  Array sizes come
from the debug info (free_area[], node_zones[]), not from copied macros.
"""
import gdb

from a9mm_target import (A9mmError, PAGE_OFFSET, PAGE_SHIFT, phys_offset, require_mmu,
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
    """mm/vmstat.c frag_show_print(): "Node %d, zone %8s " then "%6lu " per order."""
    lines = []
    for z in zones():
        if int(z["present_pages"]) == 0:
            continue
        lo, hi = z["free_area"].type.range()
        counts = "".join(f"{int(z['free_area'][o]['nr_free']):6d} " for o in range(lo, hi + 1))
        lines.append(f"Node 0, zone {z['name'].string():>8s} {counts}")
    if not lines:
        raise A9mmError("a9mm: no populated zone yet (bootmem_init has not run)")
    return lines


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
    try:
        low_end, end = int(symbol("max_low_pfn", "lowmem")), int(symbol("max_pfn", "RAM"))
    except A9mmError:
        # before bootmem_init (or without it): only the linear map's arithmetic
        low_end = end = 0
    if pfn_off <= pfn < low_end:
        lines.append(f"virt  0x{(pfn << PAGE_SHIFT) - po + PAGE_OFFSET:08x}")
    elif low_end == 0:
        lines.append(f"virt  0x{((pfn << PAGE_SHIFT) - po + PAGE_OFFSET) & 0xFFFFFFFF:08x} "
                     "if lowmem (max_low_pfn not set yet, cannot tell)")
    else:
        lines.append("virt  none (HighMem or not RAM: kmap it)")
    try:
        mm = mem_map()
    except A9mmError as e:
        lines.append(f"page  {e}")
        return lines
    if pfn_off <= pfn < end:
        addr = mm + (pfn - pfn_off) * int(value("sizeof(struct page)"))
        page = value(f"*(struct page *)0x{addr:x}")
        pg_reserved = int(value("PG_reserved"))
        lines += [f"page  0x{addr:08x} (struct page, zone {zone_of(pfn) or 'none'})",
                  f"      flags 0x{int(page['flags']):x} count {int(page['_count'])} "
                  f"mapcount {int(page['_mapcount']) + 1}: {page_state(page, pg_reserved)}"]
    else:
        lines.append("page  none (outside mem_map: below PHYS_OFFSET or beyond max_pfn)")
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
Linux's /proc/buddyinfo and the shell's `cat /proc/buddyinfo`."""

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


def register():
    Memblock()
    Buddyinfo()
    Pfn()
