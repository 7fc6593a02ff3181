# SPDX-License-Identifier: GPL-2.0
"""Hostile device trees and command lines (issue 11), booted for real.

Each test reproduces one input the issue found wrong -- a device tree
generated here with dtc from the board's own dtsi, or a command line --
and checks what the kernel says and that the memblock (and where it
matters the paging) KTAP suites pass on the result.  The host tests
(tests/unit) cover the same code paths one function at a time.
"""
import os
import re
import subprocess

import pytest

from conftest import BUILD, ROOT

GEN = os.path.join(BUILD, "dtb-gen")
MB = 1 << 20


def make_dtb(name, body, memreserve=()):
    """The board's tree plus `body` (DTS text inside /) and /memreserve/ lines."""
    os.makedirs(GEN, exist_ok=True)
    dts, dtb = os.path.join(GEN, name + ".dts"), os.path.join(GEN, name + ".dtb")
    lines = ["/dts-v1/;"]
    lines += [f"/memreserve/ 0x{b:x} 0x{s:x};" for b, s in memreserve]
    lines += ['/include/ "vexpress-v2p-ca9.dtsi"', "/ {", body, "};"]
    with open(dts, "w") as f:
        f.write("\n".join(lines) + "\n")
    subprocess.run(["dtc", "-q", "-i", os.path.join(ROOT, "dts"), "-I", "dts", "-O", "dtb",
                    "-o", dtb, dts], check=True)
    return dtb


def reserved_memory(nodes):
    """A /reserved-memory node with the root's cells and the given children."""
    return ("reserved-memory {\n#address-cells = <1>;\n#size-cells = <1>;\nranges;\n"
            + "\n".join(nodes) + "\n};")


def suites_pass(con, *names, timeout=240, only=False):
    out = con.run("selftest" + (" " + " ".join(names) if only else ""), timeout=timeout)
    for name in names:
        assert re.search(rf"^ok \d+ {name}$", out, re.M), out
    return out


# --- 1: memblock's arrays -------------------------------------------------

@pytest.mark.parametrize("n", [125, 126, 2000, 5000])
def test_many_memreserves_are_all_reserved(boot, n):
    """125 filled reserved[] exactly (mem_map handed out, the dump garbage),
    126 dropped reservations and hit a BUG; thousands now all stay."""
    rsv = [(0x70000000 + i * 0x3000, 0x1000) for i in range(n)]
    dtb = make_dtb(f"memreserve-{n}", "", rsv)
    con = boot(mem="512M", dtb=dtb, append="console=ttyAMA0 loglevel=8 memblock=debug")
    log = con.log
    assert "BUG" not in log
    assert "0xffffffff], 0x00000000 bytes" not in log
    cnt = int(re.findall(r" reserved\.cnt  = 0x([0-9a-f]+)", log)[0], 16)
    assert cnt >= n
    out = suites_pass(con, "memblock", "page_alloc")
    assert f"# {n} device tree reservations checked" in out
    # the allocator hands out no page a reservation holds
    for _ in range(3):
        m = re.search(r"pfn 0x([0-9a-f]+)", con.run("alloc 10"))
        pfn = int(m.group(1), 16)
        assert not any(b <= (pfn << 12) + 0x3fffff and (pfn << 12) < b + s for b, s in rsv)


def test_hundreds_of_reserved_memory_nodes(boot):
    nodes = [f"r@{0x70000000 + i * 0x3000:x} {{ reg = <0x{0x70000000 + i * 0x3000:x} 0x1000>;"
             + (" no-map;" if i % 3 == 0 else "") + " };" for i in range(600)]
    dtb = make_dtb("rmem-600", reserved_memory(nodes))
    con = boot(mem="512M", dtb=dtb)
    out = suites_pass(con, "memblock", "paging", "page_alloc")
    assert "# 600 device tree reservations checked" in out


def test_early_window_exhausted_panics_naming_the_limit(boot):
    """Past what the early window holds, a clear panic -- never a dropped region."""
    reg = " ".join(f"0x{0x70000000 + i * 0x2000:x} 0x1000" for i in range(40000))
    dtb = make_dtb("rmem-40000", reserved_memory([f"big {{ reg = <{reg}>; }};"]))
    con = boot(mem="512M", dtb=dtb, prompt=False)
    con.expect(r"Kernel panic - not syncing: memblock: cannot double the reserved array from "
               r"\d+ to \d+ regions: no free \d+ KiB in \[0x[0-9a-f]{8}, 0x[0-9a-f]{8}\), "
               r"the RAM mapped before paging_init\(\)")


# --- 2: vmalloc= not a page multiple --------------------------------------

@pytest.mark.parametrize("arg", ["vmalloc=200000001", "vmalloc=300001K"])
def test_vmalloc_not_a_page_multiple(boot, arg):
    con = boot(mem="1024M", append=f"console=ttyAMA0 loglevel=8 {arg}")
    log = con.log
    assert f"{arg}: rounded up to whole pages" in log
    lowmem_end = int(re.search(r"lowmem  : 0xc0000000 - 0x([0-9a-f]{8})", log).group(1), 16)
    assert lowmem_end % 4096 == 0
    suites_pass(con, "memblock", "paging", "page_alloc")


# --- 3: no-map with unaligned edges ---------------------------------------

def test_nomap_unaligned_edge_at_top_of_ram(boot):
    dtb = make_dtb("nomap-top", reserved_memory(
        ["u@7fffff01 { reg = <0x7fffff01 0xff>; no-map; };"]))
    con = boot(mem="512M", dtb=dtb, append="console=ttyAMA0 loglevel=8 memblock=debug")
    assert " memory[0x0]\t[0x60000000-0x7fffefff], 0x1ffff000 bytes" in con.log
    assert "not PageReserved" not in suites_pass(con, "memblock", "paging")
    assert "=> VA" not in con.run("pgwalk 0xdffff000")


# --- 4: RAM the board lacks ------------------------------------------------

@pytest.mark.parametrize("mem,base,size,missing", [
    ("512M", 0xa0000000, 0x10000000, (0xa0000000, 0xafffffff)),
    ("512M", 0xf0000000, 0x0ffff000, (0xf0000000, 0xffffefff)),
    # -m 511.5M: the RAM ends inside a MiB, the probe's binary search finds the page
    ("523776K", 0x7ff00000, 0x00100000, (0x7ff80000, 0x7fffffff)),
])
def test_ram_the_board_lacks_is_probed_and_dropped(boot, mem, base, size, missing):
    """Accepted silently before: memtest found 4096 bad pages, the HighMem
    kmap self-test failed."""
    dtb = make_dtb(f"ram-{base:x}",
                   f'ram@{base:x} {{ device_type = "memory"; reg = <0x{base:x} 0x{size:x}>; }};')
    con = boot(mem=mem, dtb=dtb)
    assert (f"RAM probe: no RAM answers at 0x{missing[0]:08x}-0x{missing[1]:08x}, which the "
            "device tree calls RAM: removed") in con.log
    suites_pass(con, "memblock", "paging", "page_alloc")
    out = con.run("memtest", timeout=120)
    assert "memtest: 0 bad pages; free lists back exactly as before" in out, out


def test_ram_probe_is_silent_on_a_sound_board(boot):
    con = boot(mem="1024M")
    assert "RAM probe: no RAM" not in con.log
    # a piece is at most 64 MiB: 16 of them, and the ranges the kernel and DTB cut
    m = re.search(r"RAM probe: (\d+) pieces of free memory, (\d+) probes", con.log)
    assert m and 16 <= int(m.group(1)) <= 20 and int(m.group(2)) == 2 * int(m.group(1)), m


# --- 5: numbers that wrapped ----------------------------------------------

@pytest.mark.parametrize("arg", ["panic=4294967297", "panic=99999999999999"])
def test_panic_timeout_out_of_range_is_refused(boot, arg):
    con = boot(mem="256M", append=f"console=ttyAMA0 {arg} mem=1M", prompt=False)
    con.expect(re.escape(f"{arg}: out of range for an int (ERANGE), ignored (a panic halts)"))
    con.expect("Kernel panic - not syncing")
    con.expect(r"---\[ end Kernel panic")
    assert "Rebooting in" not in con.log


def test_panic_timeout_in_range_reboots(boot):
    con = boot(mem="256M", append="console=ttyAMA0 panic=-1 mem=1M", prompt=False)
    con.expect("Kernel panic - not syncing")
    assert con.wait_exit() == 0  # -no-reboot: the reset ends QEMU


@pytest.mark.parametrize("arg,message", [
    ("loglevel=99999999999", "loglevel=99999999999: out of range 0..15 (ERANGE), keeping"),
    ("loglevel=16", "loglevel=16: out of range 0..15 (ERANGE), keeping"),
    ("mminit_loglevel=4294967300", "mminit_loglevel=4294967300: out of range 0..7 (ERANGE)"),
    ("vmalloc=5G", "vmalloc=5G: does not fit in 32 bits (ERANGE), ignored"),
    ("vmalloc=99999999999999999999", "vmalloc=99999999999999999999: does not fit in 32 bits, it "
                                     "overflows 64 (ERANGE), ignored"),
    ("mem=99999999999G", "mem=99999999999G: SIZE is beyond 4 GiB (it overflows 64 bits), ignored"),
    ("mem=18446744073709551616", "mem=18446744073709551616: SIZE is beyond 4 GiB (it overflows "
                                 "64 bits), ignored"),
    ("mem=5G", "mem=5G: SIZE is beyond 4 GiB, ignored"),
    ("mem=64M@0x100000000", "mem=64M@0x100000000: START is beyond 4 GiB, ignored"),
])
def test_numeric_options_out_of_range(boot, arg, message):
    con = boot(mem="512M", append=f"console=ttyAMA0 loglevel=8 {arg}")
    assert message in con.log
    # refused whole: the defaults stay
    assert "Memory: " in con.log and "/524288K available" in con.log


def test_printk_time_bad_value_leaves_timestamps_off(boot):
    con = boot(mem="256M", append="console=ttyAMA0 loglevel=8 printk.time=99")
    assert "printk.time=99: expected 0/1/y/n" in con.log
    assert not re.search(r"^\[\s*\d+\.\d+\]", con.log, re.M)


# --- messages -------------------------------------------------------------

def test_memreserve_that_wraps_is_clamped_and_said(boot):
    dtb = make_dtb("memreserve-wrap", "", [(0x60000000, 0xffffffffffffffff)])
    con = boot(mem="512M", dtb=dtb, append="console=ttyAMA0 loglevel=8 memblock=debug",
               prompt=False)
    con.expect(re.escape("/memreserve/ 0x60000000 + 0xffffffffffffffff wraps past the end of "
                         "the address space: cut at 4 GiB"))
    con.expect(re.escape("/memreserve/ 0x60000000 - 0x100000000 is partly outside RAM: only "
                         "the RAM in it is reserved"))
    # all the RAM is taken: the reserved size is the RAM's, and nothing can be allocated
    con.expect(re.escape(" memory size = 0x20000000 reserved size = 0x20000000"))
    con.expect("Kernel panic - not syncing: memblock_alloc: cannot allocate")


def test_nomap_over_swapper_pg_dir_is_refused_by_name(boot):
    dtb = make_dtb("nomap-pgd", reserved_memory(
        ["pgd@6000c000 { reg = <0x6000c000 0x4000>; no-map; };"]))
    con = boot(mem="256M", dtb=dtb)
    assert ("Reserved memory: node 'pgd@6000c000': no-map 0x6000c000 - 0x6000ffff is memory "
            "already in use (swapper_pg_dir, the kernel's own page directory): left mapped and "
            "reserved") in con.log
    assert "holds no whole" not in con.log
    suites_pass(con, "memblock", "paging")


def test_reserved_memory_overlapping_an_earlier_nomap(boot):
    dtb = make_dtb("nomap-overlap", reserved_memory([
        "a@68800000 { reg = <0x68800000 0x100000>; no-map; };",
        "b@68880000 { reg = <0x68880000 0x100000>; };",
        "c@68810000 { reg = <0x68810000 0x1000>; };",
    ]))
    con = boot(mem="256M", dtb=dtb)
    log = con.log
    assert ("Reserved memory: node 'b@68880000' 0x68880000 - 0x68980000 overlaps the no-map "
            "region 'a@68800000': only the RAM left in it is reserved") in log
    assert ("Reserved memory: node 'c@68810000' 0x68810000 - 0x68811000 overlaps the no-map "
            "region 'a@68800000', ignored") in log
    assert "outside RAM" not in log
    suites_pass(con, "memblock")


@pytest.mark.parametrize("mem,extra", [("8M", ""), ("1024M", "mem=2M")])
def test_split_and_merge_skips_without_a_top_order_block(boot, mem, extra):
    """"expected page != NULL" failed the suite where no order-10 block exists."""
    con = boot(mem=mem, append=f"console=ttyAMA0 loglevel=8 {extra}")
    # page_alloc alone: the vmalloc suite keeps the pte tables it needed
    out = suites_pass(con, "page_alloc", only=True)
    m = re.search(r"ok \d+ mm_split_and_merge_back # SKIP no free order-10 block in lowmem "
                  r"\(the largest is order (\d+)\)", out)
    assert m, out
    # the largest order named is the one the free lists really have (the
    # suites give back all they took; drained, the lists are as before)
    con.run("drain")
    normal = re.search(r"zone\s+Normal((?:\s+\d+){11})", con.run("cat /proc/buddyinfo"))
    counts = [int(c) for c in normal.group(1).split()]
    assert max(o for o, c in enumerate(counts) if c) == int(m.group(1)) < 10


def test_split_and_merge_skips_after_exhaustion(boot):
    con = boot(mem="32M")
    for _ in range(16):
        if "failure" in con.run("alloc 10"):
            break
    out = suites_pass(con, "page_alloc")
    assert "mm_split_and_merge_back # SKIP no free order-10 block in lowmem" in out


def test_cat_names_an_extra_word(boot):
    con = boot(mem="128M")
    out = con.run("cat /proc/meminfo extra")
    assert "MemTotal:" in out
    assert "cat: extra: No such file or directory" in out
