# SPDX-License-Identifier: GPL-2.0
"""memblock, zones and mem_map (include/linux/memblock.h, mmzone.h, mm.h)."""
import gdb

from a9mm_target import A9mmError, PAGE_OFFSET, PAGE_SHIFT, phys_offset, value

PAGE_BUDDY_MAPCOUNT_VALUE = -128
MAX_ORDER = 11


def memblock_lines():
    mb = value("memblock")
    lines = ["MEMBLOCK configuration:",
             f" memory size = 0x{int(mb['memory']['total_size']):08x} "
             f"reserved size = 0x{int(mb['reserved']['total_size']):08x}"]
    for kind in ("memory", "reserved"):
        t = mb[kind]
        cnt = int(t["cnt"])
        lines.append(f" {kind}.cnt  = 0x{cnt:x}")
        for i in range(cnt):
            r = t["regions"][i]
            base, size = int(r["base"]), int(r["size"])
            lines.append(f" {kind}[0x{i:x}]\t[0x{base:08x}-0x{base + size - 1:08x}], "
                         f"0x{size:08x} bytes flags: 0x{int(r['flags']):x}")
    return lines


def zones():
    pgdat = value("contig_page_data")
    lo, hi = pgdat["node_zones"].type.range()
    return [pgdat["node_zones"][i] for i in range(lo, hi + 1)]


def buddyinfo_lines():
    lines = []
    for z in zones():
        if int(z["present_pages"]) == 0:
            continue
        name = z["name"].string()
        counts = "".join(f"{int(z['free_area'][o]['nr_free']):6d} " for o in range(MAX_ORDER))
        lines.append(f"Node 0, zone {name:>8s} {counts}")
    if not lines:
        raise A9mmError("a9mm: no populated zone yet (bootmem_init has not run)")
    return lines


def mem_map():
    mm = int(value("(unsigned long)mem_map"))
    if mm == 0:
        raise A9mmError("a9mm: mem_map not set up yet (alloc_node_mem_map has not run)")
    return mm


def page_size():
    return int(value("sizeof(struct page)"))


def pfn_info(kind, v):
    """Everything about one page frame, from any of its names."""
    po = phys_offset()
    pfn_off = po >> PAGE_SHIFT
    if kind == "pfn":
        pfn = v
    elif kind == "phys":
        pfn = v >> PAGE_SHIFT
    elif kind == "virt":
        high = int(value("(unsigned long)high_memory"))
        if not PAGE_OFFSET <= v < high:
            raise A9mmError(f"a9mm: 0x{v:08x} is not in the linear map "
                            f"(0x{PAGE_OFFSET:08x}-0x{high:08x})")
        pfn = (v - PAGE_OFFSET + po) >> PAGE_SHIFT
    elif kind == "page":
        pfn = (v - mem_map()) // page_size() + pfn_off
    else:
        raise A9mmError("a9mm-pfn: KIND is pfn, phys, virt or page")
    lines = [f"pfn   0x{pfn:x}", f"phys  0x{pfn << PAGE_SHIFT:08x}"]
    low_end = int(value("max_low_pfn"))
    if pfn_off <= pfn < low_end:
        lines.append(f"virt  0x{(pfn << PAGE_SHIFT) - po + PAGE_OFFSET:08x}")
    else:
        lines.append("virt  none (HighMem or not RAM: kmap it)")
    mm = mem_map()
    if pfn_off <= pfn < int(value("max_pfn")):
        addr = mm + (pfn - pfn_off) * page_size()
        page = value(f"*(struct page *)0x{addr:x}")
        zone = zones()[(int(page["flags"]) >> 30) & 3]["name"].string()
        mapcount = int(page["_mapcount"])
        state = (f"free, head of an order-{int(page['private'])} block"
                 if mapcount == PAGE_BUDDY_MAPCOUNT_VALUE else
                 "reserved" if int(page["flags"]) & 1 else
                 f"allocated, order {int(page['private'])}" if int(page["_count"]) else
                 "free (inside a larger block) or on a per-cpu list")
        lines += [f"page  0x{addr:08x} (struct page, zone {zone})",
                  f"      flags 0x{int(page['flags']):x} count {int(page['_count'])} "
                  f"mapcount {mapcount + 1}: {state}"]
    return lines


class Memblock(gdb.Command):
    """a9mm-memblock: memblock.memory and memblock.reserved, in the kernel's format."""

    def __init__(self):
        super().__init__("a9mm-memblock", gdb.COMMAND_DATA)

    def invoke(self, arg, from_tty):
        print("\n".join(memblock_lines()))


class Buddyinfo(gdb.Command):
    """a9mm-buddyinfo: /proc/buddyinfo from the zones' free lists."""

    def __init__(self):
        super().__init__("a9mm-buddyinfo", gdb.COMMAND_DATA)

    def invoke(self, arg, from_tty):
        print("\n".join(buddyinfo_lines()))


class Pfn(gdb.Command):
    """a9mm-pfn KIND VALUE: a page frame by pfn, phys, virt or struct page address."""

    def __init__(self):
        super().__init__("a9mm-pfn", gdb.COMMAND_DATA)

    def invoke(self, arg, from_tty):
        args = gdb.string_to_argv(arg)
        if len(args) != 2:
            raise A9mmError("usage: a9mm-pfn pfn|phys|virt|page VALUE")
        print("\n".join(pfn_info(args[0], int(gdb.parse_and_eval(args[1])))))


def register():
    Memblock()
    Buddyinfo()
    Pfn()
