# SPDX-License-Identifier: GPL-2.0
"""The ARMv7 short-descriptor walk (ARM ARM DDI 0406C, B3.5.1), from GDB.

Same words as the kernel's mm/pgwalk.c for what a9mm builds (sections,
small pages, faults), so the two can be compared line for line; written
again here, not shared.  It also decodes what a9mm never makes
(supersections, 64 KiB large pages), as the MMU would.

  VA[31:20] -> L1 entry:  0b00 fault, 0b01 page table, 0b10 section
                          (bit 18 set: supersection), 0b11 reserved
  VA[19:12] -> L2 entry:  0b00 fault, 0b01 large page, 0b1x small page
"""
import gdb

from a9mm_sched import task_with_mm
from a9mm_target import (A9mmError, PAGE_OFFSET, SZ_2M, TEXT_OFFSET, cp_register, link_address,
                         mmu_on, pc, phys_offset, read_phys_u32, value, virt_to_phys, write_phys)

SWAPPER_PG_DIR_SIZE = 0x4000  # 4096 first-level entries, below the image

TEX0 = ["strongly-ordered", "shareable device", "normal, write-through, no write-allocate",
        "normal, write-back, no write-allocate"]
ACCESS = [["no access", "kernel RW, user none", "kernel RW, user RO", "kernel RW, user RW"],
          ["reserved", "kernel RO, user none", "kernel RO, user RO", "kernel RO, user RO"]]


def bit(v, n):
    return (v >> n) & 1


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
    """B3.7.1 table B3-8 (AP[2:0], AFE = 0) and B3.8.2 (TEX/C/B)."""
    return (f"      AP[2:0]={apx}{ap >> 1}{ap & 1} ({ACCESS[apx][ap]}), XN={xn}, "
            f"TEX={tex >> 2}{(tex >> 1) & 1}{tex & 1} C={c} B={b} ({memtype(tex, c, b)}), "
            f"S={s}, nG={ng}")


def section_attrs(l1):
    """Section and supersection share the attribute bits (B3.5.1, figure B3-4)."""
    return attrs(bit(l1, 15), (l1 >> 10) & 3, (l1 >> 12) & 7, bit(l1, 3), bit(l1, 2),
                 bit(l1, 4), bit(l1, 16), bit(l1, 17))


def first_level_table():
    """(PA of the first-level table, where that came from).

    TTBR0 when the stub exposes a live value (TTBCR.N = 0, so TTBR0 covers
    all 4 GiB; bits [31:14] are the base, the rest walk attributes),
    otherwise the kernel's swapper_pg_dir, the table head.S put in TTBR0.
    """
    pgd_va = int(value("(unsigned long)&swapper_pg_dir"))
    if pgd_va < PAGE_OFFSET:
        raise A9mmError("a9mm: swapper_pg_dir resolves below PAGE_OFFSET: load build/vmlinux "
                        "at its link address first")
    pgd_pa = virt_to_phys(pgd_va)
    ttbr0 = cp_register(("TTBR0", "TTBR0_EL1", "TTBR0_S"))
    if ttbr0:
        base = ttbr0 & 0xFFFFC000
        note = "" if base == pgd_pa else f" (not swapper_pg_dir at PA 0x{pgd_pa:08x})"
        return base, f"TTBR0 = 0x{ttbr0:08x}: first-level table at PA 0x{base:08x}{note}"
    return pgd_pa, (f"swapper_pg_dir at PA 0x{pgd_pa:08x} (VA 0x{pgd_va:08x}); "
                    f"TTBR0 not readable through this GDB stub; MMU "
                    f"{'on' if mmu_on() else 'off'}")


def bl_target(addr, word):
    """Where `word`, an ARM-state BL at `addr`, branches (A8.8.25), or None."""
    if word >> 24 != 0xEB:  # cond AL, 101 L=1
        return None
    imm = word & 0xFFFFFF
    return (addr + 8 + ((imm - (1 << 24) if imm & 0x800000 else imm) << 2)) & 0xFFFFFFFF


def early_tables_note():
    """None when the tables a walk reads were written by this boot, else why not.

    head.S clears and fills swapper_pg_dir in __create_page_tables, called
    from stext.  Before it returns, RAM holds whatever was there: QEMU keeps
    RAM across `monitor system_reset`, so that is the previous boot's tables.
    """
    if mmu_on():
        return None
    po = phys_offset()
    here = pc() - po + PAGE_OFFSET  # where the PC is, in link addresses
    stext, vet, create, enable = (link_address(n) for n in
                                  ("stext", "__vet_dtb", "__create_page_tables", "__enable_mmu"))
    if not stext <= here < enable:
        return None
    if here >= create:
        return ("the PC is inside __create_page_tables: swapper_pg_dir is being cleared and "
                "refilled, entries may be the old ones or half written")
    for addr in range(stext, vet, 4):  # the return address of stext's bl __create_page_tables
        if bl_target(addr, read_phys_u32(addr - PAGE_OFFSET + po)) == create:
            if addr + 4 <= here < vet:
                return None
            break
    return ("head.S has not written swapper_pg_dir in this boot yet (the PC is before "
            "__create_page_tables): what follows is whatever RAM holds -- QEMU keeps RAM "
            "across a reset, so maybe the previous boot's tables; `a9mm-restart` starts "
            "over on a zeroed table")


def linux_pte(pte):
    """mm/pgwalk.c's show_linux_pte(): the Linux pte's own bits, in its words."""
    return ("      Linux pte: " + ("present" if pte & 1 else "none")
            + (" young" if pte & 2 else " old") + (" dirty" if pte & 0x40 else " clean")
            + (" RDONLY" if pte & 0x80 else " rw") + (" USER" if pte & 0x100 else " kernel")
            + (" XN" if pte & 0x200 else " exec") + (" shared" if pte & 0x400 else ""))


def walk_l2(va, l1, out):
    table = l1 & 0xFFFFFC00
    idx = (va >> 12) & 0xFF
    l2 = read_phys_u32(table + idx * 4)
    # a9mm keeps Linux's layout: the Linux pte table 2 KiB below the hardware one
    shadow = read_phys_u32(table - 2048 + idx * 4)
    line = f"  L2[0x{idx:02x}] = 0x{l2:08x} (Linux pte 0x{shadow:08x}): "
    kind = l2 & 3
    if kind == 0:
        out.append(line + "fault (not mapped)")
        if shadow:
            out.append(linux_pte(shadow))
        return None
    if kind == 1:
        # B3.5.1 figure B3-5: large page, PA[31:16], XN at bit 15, TEX [14:12]
        out.append(line + f"large page (64 KiB), PA 0x{l2 & 0xFFFF0000:08x}")
        out.append(attrs(bit(l2, 9), (l2 >> 4) & 3, (l2 >> 12) & 7, bit(l2, 3), bit(l2, 2),
                         bit(l2, 15), bit(l2, 10), bit(l2, 11)))
        return (l2 & 0xFFFF0000) | (va & 0xFFFF)
    out.append(line + f"small page, PA 0x{l2 & 0xFFFFF000:08x}")
    out.append(attrs(bit(l2, 9), (l2 >> 4) & 3, (l2 >> 6) & 7, bit(l2, 3), bit(l2, 2),
                     l2 & 1, bit(l2, 10), bit(l2, 11)))
    out.append(linux_pte(shadow))
    return (l2 & 0xFFFFF000) | (va & 0xFFF)


def walk(va, table_pa):
    """The walk's lines, in mm/pgwalk.c's words; None-free PA on the last line."""
    l1 = read_phys_u32(table_pa + (va >> 20) * 4)
    out = [f"  L1[0x{va >> 20:03x}] = 0x{l1:08x} (pgd[0x{va >> 21:03x}], "
           f"{'2nd' if (va >> 20) & 1 else '1st'} MiB of the pair): "]
    kind = l1 & 3
    domain = (l1 >> 5) & 15
    pa = None
    if kind == 0:
        out[0] += "fault (not mapped)"
    elif kind == 2 and bit(l1, 18):
        # figure B3-4: PA[31:24] = bits [31:24], PA[35:32] = [23:20], PA[39:36] = [8:5];
        # a supersection is always domain 0
        ext = ((l1 >> 20) & 0xF) | ((l1 >> 5) & 0xF) << 4
        out[0] += f"supersection (16 MiB), PA 0x{l1 & 0xFF000000:08x}"
        if ext:
            out[0] += f" + 0x{ext:x} << 32 (extended base: beyond 32-bit PA)"
        out.append(section_attrs(l1))
        pa = None if ext else (l1 & 0xFF000000) | (va & 0xFFFFFF)
    elif kind == 2:
        out[0] += f"section, PA 0x{l1 & 0xFFF00000:08x}, domain {domain}"
        out.append(section_attrs(l1))
        pa = (l1 & 0xFFF00000) | (va & 0xFFFFF)
    elif kind == 1:
        out[0] += f"page table at PA 0x{l1 & 0xFFFFFC00:08x}, domain {domain}"
        pa = walk_l2(va, l1, out)
    else:
        out[0] += "reserved encoding"
    if pa is not None:
        out.append(f"  => VA 0x{va:08x} -> PA 0x{pa:08x}")
    return out


def symbol_offset(addr):
    """kallsyms' "name+0xoff/0xsize" (sprint_symbol()), from the debug info."""
    block = gdb.block_for_pc(addr)
    while block is not None and block.function is None:
        block = block.superblock
    if block is None:
        return f"0x{addr:08x}"
    return f"{block.function.name}+0x{addr - block.start:x}/0x{block.end - block.start:x}"


def vm_area_line(va):
    """The kernel's show_vm_area_of() (mm/vmalloc.c): the vmalloc area VA is in,
    found on vmap_area_list; None outside vmalloc space or with the MMU off."""
    if not mmu_on():
        return None
    high = int(gdb.parse_and_eval("(unsigned long)high_memory"))
    if not (high + 0x800000) & ~0x7FFFFF <= va < 0xFF000000:
        return None
    head = gdb.parse_and_eval("&vmap_area_list")
    area_t = gdb.lookup_type("struct vmap_area").pointer()
    off = int(gdb.parse_and_eval("(unsigned long)&((struct vmap_area *)0)->list"))
    node = head["next"]
    while int(node) != int(head):
        area = gdb.Value(int(node) - off).cast(area_t).dereference()
        start, end = int(area["va_start"]), int(area["va_end"])
        if start <= va < end and int(area["vm"]):
            vm = area["vm"].dereference()
            flags, size = int(vm["flags"]), int(vm["size"])
            kind = "ioremap" if flags & 1 else "vmalloc" if flags & 2 else "vmap"
            caller = symbol_offset(int(vm["caller"])) if int(vm["caller"]) else ""
            guard = 0 if flags & 0x40 else 0x1000
            note = ": its guard page, never mapped" if va >= start + size - guard else ""
            return (f"  in the {kind} area 0x{start:08x}-0x{end:08x} ({caller}, "
                    f"{int(vm['nr_pages'])} pages){note}")
        node = node["next"]
    return "  in no vmalloc area: free vmalloc space"


class Pgwalk(gdb.Command):
    """a9mm-pgwalk [PID] VA: walk the page tables for VA as the MMU does, and decode each entry.

The first-level table is TTBR0's when the GDB stub exposes it, else
swapper_pg_dir's (what head.S and paging_init() put in TTBR0); with a
PID, that process's page directory (its mm->pgd, which TTBR0 holds while
it runs; its ASID beside it), as the shell's `pgwalk PID VA`.  Tables are
read by physical address (QEMU's gdbstub physical mode), so this works
with the MMU on or off, on head.S's 1 MiB sections as on paging_init()'s
4 KiB pages.  L1: fault / page table / section / supersection, with base,
domain, AP[2:0], XN, TEX/C/B, S, nG; L2: fault / large / small page.
In vmalloc space it first names the area VA is in (vmap_area_list), as
the kernel's does.  The lines after the first use the words of the
kernel's `pgwalk VA`."""

    def __init__(self):
        super().__init__("a9mm-pgwalk", gdb.COMMAND_DATA)

    def invoke(self, arg, from_tty):
        if not arg.strip():
            raise A9mmError("usage: a9mm-pgwalk [PID] VA")
        try:  # VA may be any expression ($r2 - $r8 + 0xc0000000); "PID VA" is none
            va = int(gdb.parse_and_eval(arg)) & 0xFFFFFFFF
        except gdb.error:
            pid, _, rest = arg.strip().partition(" ")
            if not pid.isdigit() or not rest.strip():
                raise
            self.walk_process(int(pid), int(gdb.parse_and_eval(rest)) & 0xFFFFFFFF)
            return
        table_pa, source = first_level_table()
        note = early_tables_note()
        if note:
            print(f"a9mm-pgwalk: warning: {note}")
        print(f"a9mm-pgwalk: {source}")
        name = source.split()[0]
        print(f"pgwalk 0x{va:08x}: {name}, TTBCR.N = 0")
        area = vm_area_line(va)
        if area:
            print(area)
        print("\n".join(walk(va, table_pa)))

    @staticmethod
    def walk_process(pid, va):
        """The walk in a process's page directory, with the kernel's header line."""
        task, mm = task_with_mm(pid, "a9mm-pgwalk")
        pgd_pa = virt_to_phys(int(mm["pgd"]))
        asid = int(mm["context"]["id"]["counter"]) & 0xFF  # asm/mmu.h: ASID(), 8 bits
        print(f"a9mm-pgwalk: pid {pid} ({task['comm'].string()})")
        print(f"pgwalk 0x{va:08x}: pid {pid}'s pgd at PA 0x{pgd_pa:08x}, ASID {asid}")
        print("\n".join(walk(va, pgd_pa)))


class Restart(gdb.Command):
    """a9mm-restart: reset the board and run this kernel again, from a clean page table.

`monitor system_reset` puts the CPUs back in QEMU's boot stub and QEMU
reloads the Image and the DTB -- but keeps the rest of RAM, so head.S's
swapper_pg_dir and the kernel's .bss still hold the previous boot's
values until this boot writes them.  a9mm-restart resets, makes GDB
forget the registers it had cached, and zeroes those two (as a cold
board's RAM would be), so a9mm-pgwalk before __create_page_tables shows
an empty table, not a stale one.  Breakpoints stay; `continue` runs
the new boot.  (Quitting and running `make debug` again is the other way:
a new QEMU starts with all RAM zeroed.)"""

    def __init__(self):
        super().__init__("a9mm-restart", gdb.COMMAND_RUNNING)

    def invoke(self, arg, from_tty):
        if arg.strip():
            raise A9mmError("usage: a9mm-restart")
        try:
            po = phys_offset()
        except A9mmError:  # in the boot stub: it sits at the start of RAM
            po = pc() & ~(SZ_2M - 1)
        bss = link_address("__bss_start"), link_address("__bss_stop")
        gdb.execute("monitor system_reset", to_string=True)
        gdb.execute("maint flush register-cache", to_string=True)
        pgd = po + TEXT_OFFSET - SWAPPER_PG_DIR_SIZE
        write_phys(pgd, bytes(SWAPPER_PG_DIR_SIZE))
        write_phys(bss[0] - PAGE_OFFSET + po, bytes(bss[1] - bss[0]))
        print(f"a9mm-restart: board reset, PC 0x{pc():08x} (QEMU's boot stub); QEMU reloaded "
              "the Image and the DTB")
        print(f"a9mm-restart: zeroed swapper_pg_dir (PA 0x{pgd:08x}, 16 KiB) and .bss "
              f"(PA 0x{bss[0] - PAGE_OFFSET + po:08x}, {bss[1] - bss[0]} bytes); the rest of "
              "RAM keeps the last boot's data")


def register():
    Pgwalk()
    Restart()
