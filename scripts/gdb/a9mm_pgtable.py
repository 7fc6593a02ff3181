# SPDX-License-Identifier: GPL-2.0
"""The ARMv7 short-descriptor walk (ARM ARM DDI 0406C, B3.5.1), from GDB.

Same decoding and the same words as the kernel's mm/pgwalk.c, so the two
can be compared line for line; written again here, not shared.
"""
import gdb

from a9mm_target import A9mmError, mmu_on, read_phys_u32, u32, value, virt_to_phys

TEX0 = ["strongly-ordered", "shareable device", "normal, write-through, no write-allocate",
        "normal, write-back, no write-allocate"]
ACCESS = [["no access", "kernel RW, user none", "kernel RW, user RO", "kernel RW, user RW"],
          ["reserved", "kernel RO, user none", "kernel RO, user RO", "kernel RO, user RO"]]


def memtype(tex, c, b):
    """B3.8.2, table B3-10 (TEX remap off)."""
    if tex & 4:
        return "normal, cacheable (outer/inner policies)"
    if tex == 0:
        return TEX0[c << 1 | b]
    if tex == 1 and not c and not b:
        return "normal, non-cacheable"
    if tex == 1 and c and b:
        return "normal, write-back, write-allocate"
    if tex == 2 and not c and not b:
        return "non-shareable device"
    return "reserved"


def attrs(apx, ap, tex, c, b, xn, s, ng):
    return (f"      AP[2:0]={apx}{ap >> 1}{ap & 1} ({ACCESS[apx][ap]}), XN={xn}, "
            f"TEX={tex >> 2}{(tex >> 1) & 1}{tex & 1} C={c} B={b} ({memtype(tex, c, b)}), "
            f"S={s}, nG={ng}")


def l1_entry(va):
    """The first-level descriptor for va: swapper_pg_dir, by VA or PA."""
    pgd = int(value("(unsigned long)&swapper_pg_dir"))
    addr = pgd + (va >> 20) * 4
    return u32(addr) if mmu_on() else u32(virt_to_phys(addr))


def walk(va):
    l1 = l1_entry(va)
    out = [f"  L1[0x{va >> 20:03x}] = 0x{l1:08x} (pgd[0x{va >> 21:03x}], "
           f"{'2nd' if (va >> 20) & 1 else '1st'} MiB of the pair): "]
    kind = l1 & 3
    domain = (l1 >> 5) & 15
    if kind == 0:
        out[0] += "fault (not mapped)"
        return out
    if kind == 2:
        if l1 & (1 << 18):
            out[0] += "supersection (not used by a9mm)"
            return out
        out[0] += f"section, PA 0x{l1 & 0xfff00000:08x}, domain {domain}"
        out.append(attrs((l1 >> 15) & 1, (l1 >> 10) & 3, (l1 >> 12) & 7, (l1 >> 3) & 1,
                         (l1 >> 2) & 1, (l1 >> 4) & 1, (l1 >> 16) & 1, (l1 >> 17) & 1))
        pa = (l1 & 0xfff00000) | (va & 0xfffff)
    elif kind == 1:
        table = l1 & 0xfffffc00
        out[0] += f"page table at PA 0x{table:08x}, domain {domain}"
        idx = (va >> 12) & 0xff
        l2 = read_phys_u32(table + idx * 4)
        shadow = read_phys_u32(table - 2048 + idx * 4)
        line = f"  L2[0x{idx:02x}] = 0x{l2:08x} (Linux pte 0x{shadow:08x}): "
        if not l2 & 2:
            out.append(line + "fault (not mapped)")
            return out
        out.append(line + f"small page, PA 0x{l2 & 0xfffff000:08x}")
        out.append(attrs((l2 >> 9) & 1, (l2 >> 4) & 3, (l2 >> 6) & 7, (l2 >> 3) & 1,
                         (l2 >> 2) & 1, l2 & 1, (l2 >> 10) & 1, (l2 >> 11) & 1))
        pa = (l2 & 0xfffff000) | (va & 0xfff)
    else:
        out[0] += "reserved encoding"
        return out
    out.append(f"  => VA 0x{va:08x} -> PA 0x{pa:08x}")
    return out


class Pgwalk(gdb.Command):
    """a9mm-pgwalk VA: walk swapper_pg_dir for VA as the MMU does, and decode it."""

    def __init__(self):
        super().__init__("a9mm-pgwalk", gdb.COMMAND_DATA)

    def invoke(self, arg, from_tty):
        if not arg.strip():
            raise A9mmError("usage: a9mm-pgwalk VA")
        va = int(gdb.parse_and_eval(arg)) & 0xFFFFFFFF
        print(f"pgwalk 0x{va:08x}: swapper_pg_dir, TTBCR.N = 0")
        print("\n".join(walk(va)))


def register():
    Pgwalk()
