# SPDX-License-Identifier: GPL-2.0
"""Kernel page tables: the layout print, walks of real tables, rodata=on.

Expected values are computed here from Linux's formulas and from the
kernel's own symbols (arm-none-eabi-nm build/vmlinux), never pasted.
"""
import os
import re
import subprocess

import pytest

from conftest import DTB_DIR, ROOT, UART0_PHYS, VMLINUX, uart_va

MB = 1 << 20
RAM_BASE = 0x60000000
PAGE_OFFSET = 0xC0000000
VMALLOC_END = 0xFF000000
VMALLOC_OFFSET = 8 * MB


def symbols():
    out = subprocess.run(["arm-none-eabi-nm", VMLINUX], capture_output=True, text=True,
                         check=True).stdout
    return {m.group(2): int(m.group(1), 16)
            for m in re.finditer(r"^([0-9a-f]{8}) \w (\S+)$", out, re.M)}


def expected_layout(ram, vmalloc=240 * MB):
    """Linux 4.x: adjust_lowmem_bounds() and mem_init()'s print."""
    vmalloc = max(vmalloc, 16 * MB)
    vmalloc = min(vmalloc, VMALLOC_END - (PAGE_OFFSET + 32 * MB) - VMALLOC_OFFSET)
    vmalloc_min = VMALLOC_END - vmalloc - VMALLOC_OFFSET
    lowmem_end = min(PAGE_OFFSET + ram, vmalloc_min)
    vmalloc_start = (lowmem_end + VMALLOC_OFFSET) & ~(VMALLOC_OFFSET - 1)
    s = symbols()

    def kb_up(a, b):
        return (s[b] - s[a] + 1023) // 1024

    return [
        ("vector", 0xFFFF0000, 0xFFFF1000, 4, "kB"),
        ("fixmap", 0xFFC00000, 0xFFF00000, 3072, "kB"),
        ("vmalloc", vmalloc_start, VMALLOC_END, (VMALLOC_END - vmalloc_start) >> 20, "MB"),
        ("lowmem", PAGE_OFFSET, lowmem_end, (lowmem_end - PAGE_OFFSET) >> 20, "MB"),
        ("pkmap", PAGE_OFFSET - 2 * MB, PAGE_OFFSET, 2, "MB"),
        ("modules", PAGE_OFFSET - 16 * MB, PAGE_OFFSET - 2 * MB, 14, "MB"),
        (".text", s["_text"], s["_etext"], kb_up("_text", "_etext"), "kB"),
        (".init", s["__init_begin"], s["__init_end"], kb_up("__init_begin", "__init_end"), "kB"),
        (".data", s["_sdata"], s["_edata"], kb_up("_sdata", "_edata"), "kB"),
        (".bss", s["__bss_start"], s["__bss_stop"], kb_up("__bss_start", "__bss_stop"), "kB"),
    ]


def layout_lines(exp):
    # "    vector  :" for the areas, "      .text :" for the image's sections
    return ["Virtual kernel memory layout:"] + [
        f"{'    ' + name.ljust(7) if name[0] != '.' else name.rjust(11)} : "
        f"0x{a:08x} - 0x{b:08x}   ({n:4d} {unit})" for name, a, b, n, unit in exp]


def check_layout(log, exp):
    got = log[log.index("Virtual kernel memory layout:"):].splitlines()[:11]
    assert got == layout_lines(exp)


@pytest.mark.parametrize("mem", ["256M", "512M", "768M", "1024M"])
def test_layout_follows_ram_size(boot, mem):
    con = boot(mem=mem)
    check_layout(con.log, expected_layout(int(mem[:-1]) * MB))


def test_seed_layout_at_1024m(boot):
    # the seed's figures (the study notes a9mm grew from; not in this
    # repository), which the formula above must reproduce
    con = boot(mem="1024M")
    assert "    vmalloc : 0xf0000000 - 0xff000000   ( 240 MB)" in con.log
    assert "    lowmem  : 0xc0000000 - 0xef800000   ( 760 MB)" in con.log
    assert "    pkmap   : 0xbfe00000 - 0xc0000000   (   2 MB)" in con.log
    assert "    modules : 0xbf000000 - 0xbfe00000   (  14 MB)" in con.log


@pytest.mark.parametrize("arg,size,warning", [
    ("vmalloc=400M", 400 * MB, None),
    ("vmalloc=128M", 128 * MB, None),
    ("vmalloc=96M", 96 * MB, None),
    ("vmalloc=16M", 16 * MB, None),
    ("vmalloc=4M", 4 * MB, "vmalloc area too small, limiting to 16MB"),
    ("vmalloc=2G", 2048 * MB, "vmalloc area is too big, limiting to 968MB"),
    # past 32 bits: Linux would wrap 4G to 0 ("too small"); a9mm refuses it
    # (ERANGE) and keeps the default 240 MB
    ("vmalloc=4G", 240 * MB, "vmalloc=4G: does not fit in 32 bits (ERANGE), ignored"),
])
def test_vmalloc_option(boot, arg, size, warning):
    con = boot(mem="1024M", append=f"console=ttyAMA0 loglevel=8 {arg}")
    check_layout(con.log, expected_layout(1024 * MB, size))
    if warning:
        assert warning in con.log
    assert "out of vmalloc space" not in con.log
    # the console is ioremap()ped in vmalloc space, whatever its size
    va = uart_va(con)
    start = int(re.search(r"vmalloc : 0x([0-9a-f]{8}) - ", con.log).group(1), 16)
    assert start <= va < VMALLOC_END
    assert f"=> VA 0x{va:08x} -> PA 0x{UART0_PHYS:08x}" in walk(con, va)


def test_layout_command_repeats_the_boot_print(boot):
    con = boot(mem="512M")
    out = con.run("layout")
    assert out.splitlines()[:11] == layout_lines(expected_layout(512 * MB))


def walk(con, va):
    return con.run(f"pgwalk {va:#x}")


def test_walk_kernel_text_and_data(boot):
    con = boot(mem="1024M")
    s = symbols()
    out = walk(con, s["start_kernel"])
    # head of RAM: 1 MiB sections, text executable
    assert re.search(r"section, PA 0x60000000, domain 0", out), out
    assert "AP[2:0]=001 (kernel RW, user none), XN=0, TEX=001 C=1 B=1" in out
    pa = s["start_kernel"] - PAGE_OFFSET + RAM_BASE
    assert f"=> VA 0x{s['start_kernel']:08x} -> PA 0x{pa:08x}" in out
    # lowmem above the kernel's sections: execute-never
    out = walk(con, 0xC8000000)
    assert "section, PA 0x68000000" in out and "XN=1" in out


def test_walk_unmapped_null_identity_and_vmalloc_gap(boot):
    con = boot(mem="1024M")
    for va in (0x0, RAM_BASE + 0x10000, 0xEF800000):  # NULL, head.S's identity map, past lowmem
        out = walk(con, va)
        assert "fault (not mapped)" in out, (hex(va), out)


def test_walk_vectors_and_io(boot):
    con = boot(mem="256M")
    out = walk(con, 0xFFFF0000)
    assert "page table at PA" in out and "domain 3" in out
    assert "small page" in out and "AP[2:0]=111 (kernel RO, user RO), XN=0" in out
    va = uart_va(con)  # the UART, ioremap()ped by pl011_probe()
    out = walk(con, va)
    assert re.search(r"in the ioremap area 0x[0-9a-f]{8}-0x[0-9a-f]{8} \(pl011_probe\+", out)
    assert "page table at PA" in out and f"small page, PA 0x{UART0_PHYS:08x}" in out
    assert "XN=1, TEX=000 C=0 B=1 (shareable device)" in out
    assert f"=> VA 0x{va:08x} -> PA 0x{UART0_PHYS:08x}" in out


def test_unaligned_bank_end_uses_small_pages(boot):
    # mem= ends the bank 512 KiB into a section: 4 KiB pages up to the end
    end = RAM_BASE + 255 * MB + 512 * 1024
    con = boot(mem="256M", append=f"console=ttyAMA0 loglevel=8 mem={end - RAM_BASE:#x}")
    last = end - 0x1000 - RAM_BASE + PAGE_OFFSET
    out = walk(con, last)
    assert "page table at PA" in out and "small page" in out, out
    assert f"=> VA 0x{last:08x} -> PA 0x{end - 0x1000:08x}" in out
    assert "XN=1" in out
    out = walk(con, last + 0x1000)
    assert re.search(r"L2\[0x80\] = 0x00000000 .*fault \(not mapped\)", out), out
    # the layout agrees: lowmem ends where RAM does
    assert f"lowmem  : 0xc0000000 - 0x{last + 0x1000:08x}" in con.log


def test_md_never_crosses_into_unmapped(boot):
    con = boot(mem="1024M")
    out = con.run("md 0xef7ffff8 4")
    assert out.splitlines()[0].startswith("ef7ffff8: ")
    assert "md: 0xef800000 is not mapped" in out


def test_rodata_on_write_to_text_is_a_permission_fault(boot):
    con = boot(mem="512M", append="console=ttyAMA0 loglevel=8 rodata=on")
    s = symbols()
    text_kb = (s["__start_rodata"] - s["_text"]) >> 10
    assert f"Write protecting the kernel text: {text_kb}k" in con.log
    out = con.run("fault ro")
    assert "DFSR = 0x0000080f: FS=0b01111 (page permission fault), domain 0, write" in out
    assert f"DFAR = 0x{s['_stext']:08x}" in out
    assert re.search(rf"\[{s['_stext']:08x}\] \*pgd=[0-9a-f]{{8}}, \*pte=[0-9a-f]{{8}}, "
                     r"\*ppte=", out)
    assert "AP[2:0]=101 (kernel RO, user none), XN=0" in out
    # rodata: read-only and execute-never; data: writable
    assert "AP[2:0]=101 (kernel RO, user none), XN=1" in walk(con, s["__start_rodata"])
    assert "AP[2:0]=001 (kernel RW, user none), XN=0" in walk(con, s["_sdata"])
    assert "a9mm version" in con.run("version")


def test_without_rodata_text_is_writable(boot):
    con = boot(mem="512M")
    assert "Write protecting" not in con.log
    assert "no fault" in con.run("fault ro")


def test_data_abort_report_walks_the_tables(boot):
    con = boot(mem="256M")
    out = con.run("fault null")
    assert "[00000000] *pgd=00000000" in out
    assert "L1[0x000] = 0x00000000 (pgd[0x000], 1st MiB of the pair): fault (not mapped)" in out


def test_bad_rodata_and_vmalloc_values(boot):
    con = boot(mem="256M", append="console=ttyAMA0 loglevel=8 rodata=maybe vmalloc=lots")
    assert "rodata=maybe: expected on or off, ignored" in con.log
    assert "vmalloc=lots: not a size, ignored" in con.log
    check_layout(con.log, expected_layout(256 * MB))


def dts_hole(name):
    """The no-map reservation a test DTS carves out of RAM: (start, end)."""
    path = os.path.join(ROOT, "tests", "dts", name)
    with open(path) as f:
        m = re.search(r"reg = <(0x[0-9a-f]+) (0x[0-9a-f]+)>;\s*no-map;", f.read())
    start, size = int(m.group(1), 16), int(m.group(2), 16)
    return start, start + size


def test_unaligned_bank_edges_from_the_dtb(boot):
    # a no-map hole splits RAM into two banks whose edges are not 1 MiB aligned
    hole_start, hole_end = dts_hole("unaligned-bank.dts")
    assert hole_start % MB and hole_end % MB   # the DTS really is unaligned
    con = boot(mem="256M", dtb=os.path.join(DTB_DIR, "unaligned-bank.dtb"))

    def va(pa):
        return pa - RAM_BASE + PAGE_OFFSET

    def l2_index(pa):
        return (pa >> 12) & 0xFF

    # bank 0's last page and bank 1's first: small pages, RAM attributes, XN
    for pa in (hole_start - 0x1000, hole_end):
        out = walk(con, va(pa))
        assert "page table at PA" in out and "small page" in out, (hex(pa), out)
        assert f"=> VA 0x{va(pa):08x} -> PA 0x{pa:08x}" in out
        assert "AP[2:0]=001 (kernel RW, user none), XN=1, TEX=001 C=1 B=1" in out
    # inside the hole, at both of its ends: no translation
    for pa in (hole_start, hole_end - 0x1000):
        out = walk(con, va(pa))
        assert re.search(rf"L2\[0x{l2_index(pa):02x}\] = 0x00000000 .*fault \(not mapped\)",
                         out), (hex(pa), out)
    # bank 0 below its last pgd entry, and bank 1 from the next 2 MiB: sections
    for pa in ((hole_start & ~(2 * MB - 1)) - MB, (hole_end + 2 * MB - 1) & ~(2 * MB - 1)):
        out = walk(con, va(pa))
        assert f"section, PA 0x{pa:08x}, domain 0" in out, (hex(pa), out)
    # the linear map still spans all of RAM: the hole is inside lowmem
    check_layout(con.log, expected_layout(256 * MB))
    out = con.run(f"md {va(hole_start) - 8:#x} 4")
    assert f"md: 0x{va(hole_start):08x} is not mapped" in out


PAGE = 0x1000
PKMAP_BASE = PAGE_OFFSET - 2 * MB
FIXADDR_TOP = 0xFFF00000 - PAGE
FIX_KMAP_BEGIN = 1          # include/asm/fixmap.h: after FIX_EARLYCON_MEM_BASE


def test_kmap_highmem_page_through_pkmap_and_fixmap(boot):
    ram = 1024 * MB
    con = boot(mem="1024M")
    exp = dict((name, (a, b)) for name, a, b, _, _ in expected_layout(ram))
    lowmem_limit_pa = exp["lowmem"][1] - PAGE_OFFSET + RAM_BASE
    pa = RAM_BASE + ram - PAGE + 0x10          # the last page of RAM: HighMem
    assert pa >= lowmem_limit_pa
    pfn = pa >> 12

    def kmap(*args):
        out = con.run("kmap " + " ".join(f"{a:#x}" for a in args))
        tail = r" slot (\d+) at 0x([0-9a-f]{8}), \*0x([0-9a-f]{8}) = 0x([0-9a-f]{8})"
        hi = re.search(r"kmap_high_pfn\(0x([0-9a-f]+)\): +pkmap" + tail, out)
        at = re.search(r"kmap_atomic_pfn\(0x([0-9a-f]+)\): fixmap" + tail, out)
        assert hi and at, out
        # [pfn, slot, slot VA, word VA, word]
        return [[int(g, 10 if i == 1 else 16) for i, g in enumerate(m.groups())]
                for m in (hi, at)]

    value = (pfn * 0x9E3779B1) & 0xFFFFFFFF     # anything not already there
    hi, at = kmap(pa, value)
    # pkmap: slot n at PKMAP_BASE + n pages; fixmap: slot n at FIXADDR_TOP - n pages,
    # the first kmap_atomic() one is FIX_KMAP_BEGIN (slot 0 is the early console's)
    assert hi[0] == pfn and hi[2] == PKMAP_BASE + hi[1] * PAGE and hi[3] == hi[2] + 0x10
    assert at[0] == pfn and at[1] == FIX_KMAP_BEGIN and at[3] == at[2] + 0x10
    assert at[2] == FIXADDR_TOP - FIX_KMAP_BEGIN * PAGE
    # written through one, read through the other: one physical page
    assert hi[4] == value and at[4] == value
    # after kunmap the pkmap pte stays (freed lazily); the fixmap pte is gone
    out = walk(con, hi[2])
    assert f"small page, PA 0x{pa & ~0xFFF:08x}" in out and "XN=1" in out, out
    out = walk(con, at[2])
    assert re.search(rf"L2\[0x{(at[2] >> 12) & 0xFF:02x}\] = 0x00000000 .*fault \(not mapped\)",
                     out), out
    assert f"md: 0x{at[2]:08x} is not mapped" in con.run(f"md {at[2]:#x} 1")
    # the page keeps its slot after kunmap (count 1): kmap() finds it again
    # through page_address(), as Linux's kmap_high() does, and bumps it
    out = con.run(f"kmap {pa:#x}")
    assert "the page's own slot, found by page_address(), count 2" in out, out
    hi2, at2 = kmap(pa)
    assert hi2[1] == hi[1] and hi2[4] == value and at2[4] == value
    # another page takes a new slot
    out = con.run(f"kmap {pa - PAGE:#x}")
    assert re.search(rf"pkmap slot {hi[1] + 1} at .*\(a new slot, count 2\)", out), out


def test_kmap_refuses_lowmem_and_non_ram(boot):
    con = boot(mem="256M")
    assert "kmap: 0x60100000 is lowmem, always mapped at 0xc0100000" in con.run("kmap 0x60100000")
    assert "kmap: 0xa0000000 is not RAM" in con.run("kmap 0xa0000000")
    assert "expected a physical address" in con.run("kmap nowhere")


@pytest.mark.parametrize("mem,extra", [
    ("1024M", ""),
    ("1024M", "rodata=on vmalloc=600M"),
    ("333M", "rodata=on"),                 # lowmem ends off a 2 MiB boundary
    ("256M", "mem=100M mem=100M@0x68000000"),
])
def test_selftest_paging_suite_agrees_with_the_mmu(boot, mem, extra):
    """The in-kernel suite asks the MMU (ATS1CPR/ATS1CPW) about every MiB of lowmem and more."""
    con = boot(mem=mem, append=f"console=ttyAMA0 loglevel=8 {extra}")
    out = con.run("selftest", timeout=120)
    assert "# Subtest: paging" in out
    assert re.search(r"^ok \d+ paging$", out, re.M), out
    if mem == "1024M":
        assert re.search(r"^    ok \d+ paging_highmem_kmaps_translate$", out, re.M), out
