# SPDX-License-Identifier: GPL-2.0
"""The slab allocator (mm/slub.c, include/linux/slub_def.h) from a halted kernel.

Everything comes from the kernel's variables: slab_caches (every struct
kmem_cache, newest first), each cache's node[0] (struct kmem_cache_node:
nr_slabs, total_objects, the partial list of slab head pages) and oo (the
slab's order in the high 16 bits, objects in the low 16).
"""
import gdb

from a9mm_mm import list_pages, symbol
from a9mm_target import A9mmError, value


def caches():
    """Every struct kmem_cache on slab_caches, in list order."""
    head = symbol("slab_caches", "slab caches")
    off = int(value("(unsigned long)&((struct kmem_cache *)0)->list"))
    first, node, out = int(head.address), int(head["next"]), []
    while node != first:
        if node == 0 or len(out) > 4096:
            raise A9mmError("a9mm-slabinfo: slab_caches is broken (NULL or endless)")
        s = value(f"*(struct kmem_cache *)0x{node - off:x}")
        out.append(s)
        node = int(s["list"]["next"])
    return out


def slabinfo_lines():
    """mm/slab_common.c print_slabinfo_header() + cache_show(): /proc/slabinfo 2.1."""
    lines = ["slabinfo - version: 2.1",
             "# name            <active_objs> <num_objs> <objsize> <objperslab> "
             "<pagesperslab> : tunables <limit> <batchcount> <sharedfactor> : slabdata "
             "<active_slabs> <num_slabs> <sharedavail>"]
    for s in caches():
        n = s["node"][0]
        if int(n) == 0:
            raise A9mmError(f"a9mm-slabinfo: cache {s['name'].string()} has no node")
        n = n.dereference()
        free = 0
        for addr in list_pages(n["partial"], 100000)[0]:
            page = value(f"*(struct page *)0x{addr:x}")
            free += int(page["objects"]) - int(page["inuse"])
        slabs, objs = int(n["nr_slabs"]), int(n["total_objects"])
        oo = int(s["oo"]["x"])
        lines.append(f"{s['name'].string():<17} {objs - free:6} {objs:6} {int(s['size']):6} "
                     f"{oo & 0xffff:4} {1 << (oo >> 16):4} : tunables {0:4} {0:4} {0:4} : "
                     f"slabdata {slabs:6} {slabs:6} {0:6}")
    return lines


class Slabinfo(gdb.Command):
    """a9mm-slabinfo: /proc/slabinfo (version 2.1) from the kernel's caches.

Walks slab_caches (newest cache first, as /proc/slabinfo lists them) and
prints each cache's line as mm/slab_common.c's cache_show() does: active
objects (the node's objects less those free on its partial slabs -- the
CPUs' freelists count as active, as in Linux), all objects, the slot size,
objects and pages per slab (from oo), and the node's slab count.  The same
text as the shell's `cat /proc/slabinfo`."""

    def __init__(self):
        super().__init__("a9mm-slabinfo", gdb.COMMAND_DATA)

    def invoke(self, arg, from_tty):
        if arg.strip():
            raise A9mmError("usage: a9mm-slabinfo")
        print("\n".join(slabinfo_lines()))


def register():
    Slabinfo()
