# SPDX-License-Identifier: GPL-2.0
"""Reading the halted target: symbols, words, and the linear map."""
import struct

import gdb

PAGE_OFFSET = 0xC0000000
PAGE_SHIFT = 12


class A9mmError(gdb.GdbError):
    pass


def value(expr):
    try:
        return gdb.parse_and_eval(expr)
    except gdb.error as e:
        raise A9mmError(f"a9mm: cannot evaluate '{expr}': {e} (is build/vmlinux loaded?)")


def u32(addr):
    mem = gdb.selected_inferior().read_memory(addr, 4)
    return struct.unpack("<I", bytes(mem))[0]


def phys_offset():
    """PHYS_OFFSET as head.S found it (__pv_phys_pfn_offset << 12)."""
    pfn = int(value("__pv_phys_pfn_offset"))
    if pfn == 0:
        raise A9mmError("a9mm: PHYS_OFFSET not known yet (head.S has not run)")
    return pfn << PAGE_SHIFT


def mmu_on():
    """Is the PC at a kernel virtual address?  (QEMU 7.2's gdbstub shows an
    SCTLR, but not the banked copy in use: its M bit reads 0 with the MMU on.)"""
    return int(gdb.parse_and_eval("$pc")) >= PAGE_OFFSET


def phys_to_virt(pa):
    return pa - phys_offset() + PAGE_OFFSET


def virt_to_phys(va):
    return va - PAGE_OFFSET + phys_offset()


def read_phys_u32(pa):
    """A word of lowmem by physical address, through whatever works now."""
    return u32(phys_to_virt(pa) if mmu_on() else pa)
