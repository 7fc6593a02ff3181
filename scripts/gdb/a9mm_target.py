# SPDX-License-Identifier: GPL-2.0
"""Reading the halted target: symbols, words, physical memory, the linear map.

Kernel variables are read at their link (virtual) addresses, which only
works once the MMU is on.  Physical memory (page tables, struct pages in
any zone) is read through QEMU's gdbstub physical mode
(`Qqemu.PhyMemMode:1`) when the stub has it, so a walk works the same with
the MMU on or off; other stubs fall back to the MMU's own view.
"""
import re
import struct

import gdb

PAGE_OFFSET = 0xC0000000
PAGE_SHIFT = 12
TEXT_OFFSET = 0x00010000  # include/asm/memory.h: the Image sits here above RAM
SZ_2M = 0x200000
# scripts/gdbinit loads the symbols twice, the second copy with
# `add-symbol-file build/vmlinux -o -0x60000000` (head.S at its load address)
GDBINIT_ALIAS = 0x60000000


class A9mmError(gdb.GdbError):
    pass


def value(expr):
    try:
        return gdb.parse_and_eval(expr)
    except gdb.error as e:
        raise A9mmError(f"a9mm: cannot evaluate '{expr}': {e} (is build/vmlinux loaded?)")


def cp_register(names):
    """The first of `names` the stub exposes, as an int, or None."""
    frame = gdb.selected_frame()
    for name in names:
        try:
            return int(frame.read_register(name)) & 0xFFFFFFFF
        except (ValueError, gdb.error):
            continue
    return None


def pc():
    return int(gdb.parse_and_eval("$pc")) & 0xFFFFFFFF


def mmu_on():
    """SCTLR.M when the stub shows it set; otherwise: is the PC virtual?

    QEMU 7.2's gdbstub lists SCTLR, TTBR0, DACR... but reads back reset
    values (SCTLR.M = 0 with the MMU on), so a clear M bit proves nothing;
    a kernel PC at or above PAGE_OFFSET does (head.S is the only code that
    runs with the MMU off, from the physical load address).
    """
    sctlr = cp_register(("SCTLR", "SCTLR_S"))
    return bool(sctlr is not None and sctlr & 1) or pc() >= PAGE_OFFSET


def require_mmu(what):
    if not mmu_on():
        raise A9mmError(f"a9mm: the MMU is off (PC 0x{pc():08x}, head.S): {what} is read "
                        "through kernel variables, which need the virtual map; "
                        "stop after __mmap_switched (e.g. break start_kernel)")


def u32(addr):
    try:
        mem = gdb.selected_inferior().read_memory(addr, 4)
    except gdb.MemoryError as e:
        raise A9mmError(f"a9mm: cannot read 0x{addr:08x}: {e}")
    return struct.unpack("<I", bytes(mem))[0]


def _packet(text):
    out = gdb.execute(f"maint packet {text}", to_string=True)
    m = re.search(r'received: "(.*)"', out)
    return m.group(1) if m else ""


_phys_mode = {}


def has_phys_mode():
    """Does the stub offer QEMU's physical-memory mode?  (asked once)"""
    if "ok" not in _phys_mode:
        try:
            _phys_mode["ok"] = _packet("qqemu.PhyMemMode") in ("0", "1")
        except gdb.error:
            _phys_mode["ok"] = False
    return _phys_mode["ok"]


def read_phys_u32(pa):
    """A word of RAM by physical address."""
    if has_phys_mode():
        old = _packet("qqemu.PhyMemMode")
        _packet("Qqemu.PhyMemMode:1")
        try:
            gdb.execute("maint flush dcache", to_string=True)
            return u32(pa)
        finally:
            _packet(f"Qqemu.PhyMemMode:{old or '0'}")
            gdb.execute("maint flush dcache", to_string=True)
    if not mmu_on():
        return u32(pa)  # MMU off: addresses are physical
    high = int(value("(unsigned long)high_memory"))
    va = phys_to_virt(pa)
    if not PAGE_OFFSET <= va < high:
        raise A9mmError(f"a9mm: PA 0x{pa:08x} is not in lowmem and this GDB stub has no "
                        "physical-memory mode")
    return u32(va)


def link_address(name):
    """A kernel symbol's link (virtual) address, whichever of gdbinit's two
    copies of the symbols GDB resolves it in (head.S's local labels may come
    from the physical one)."""
    addr = int(value(f"(unsigned long)&{name}")) & 0xFFFFFFFF
    return addr + GDBINIT_ALIAS if addr < PAGE_OFFSET else addr


def write_phys(pa, data):
    """Bytes into RAM by physical address (the same ways read_phys_u32 reads)."""
    inf = gdb.selected_inferior()
    if has_phys_mode():
        old = _packet("qqemu.PhyMemMode")
        _packet("Qqemu.PhyMemMode:1")
        try:
            inf.write_memory(pa, data)
        finally:
            _packet(f"Qqemu.PhyMemMode:{old or '0'}")
            gdb.execute("maint flush dcache", to_string=True)
    elif not mmu_on():
        inf.write_memory(pa, data)
    else:
        raise A9mmError("a9mm: this GDB stub has no physical-memory mode and the MMU is on")


def phys_offset():
    """PHYS_OFFSET, as the kernel itself knows it.

    Once __mmap_switched has run: __pv_phys_pfn_offset << 12.  Before
    (MMU off, in head.S) the variable is not readable yet, so use head.S's
    own rule: the Image runs at PHYS_OFFSET + TEXT_OFFSET and PHYS_OFFSET
    is 2 MiB aligned, so it is the 2 MiB boundary below PC - TEXT_OFFSET
    (checked: the PC must be inside the image).
    """
    if mmu_on():
        pfn = int(value("__pv_phys_pfn_offset"))
        if pfn == 0:
            raise A9mmError("a9mm: __pv_phys_pfn_offset is 0: PHYS_OFFSET not recorded yet")
        return pfn << PAGE_SHIFT
    here = pc()
    size = int(value("(unsigned long)&_end - (unsigned long)&_text"))
    base = (here - TEXT_OFFSET) & ~(SZ_2M - 1)
    if not base + TEXT_OFFSET <= here < base + TEXT_OFFSET + size:
        raise A9mmError(f"a9mm: the MMU is off and PC 0x{here:08x} is not in the kernel "
                        "image: the kernel has not started (nothing to walk yet)")
    return base


def phys_to_virt(pa):
    return (pa - phys_offset() + PAGE_OFFSET) & 0xFFFFFFFF


def virt_to_phys(va):
    return (va - PAGE_OFFSET + phys_offset()) & 0xFFFFFFFF
