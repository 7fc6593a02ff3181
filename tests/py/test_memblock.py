# SPDX-License-Identifier: GPL-2.0
"""Memory discovery: DTB -> memblock, mem=, reservations, bad device trees.

Expected figures come from what the test asked QEMU for (-m, mem=, the
test trees in tests/dts), never from a previous run's output.
"""
import os
import re

import pytest

from conftest import DTB_DIR, free_tcp_port, gdb_batch, qemu_argv, Console

RAM_BASE = 0x60000000
MB = 1 << 20
DEBUG = "console=ttyAMA0 loglevel=8 memblock=debug"


def size_of(mem):
    return int(mem.rstrip("M")) * MB


def dtb_addr(ram):
    """Where QEMU 7.2 puts the DTB: RAM base + min(RAM/2, 128 MiB)."""
    return RAM_BASE + min(ram // 2, 128 * MB)


def regions(log, kind):
    """[(base, end, size)] of the memblock dump's `kind` array."""
    pat = rf" {kind}\[0x[0-9a-f]+\]\t\[0x([0-9a-f]{{8}})-0x([0-9a-f]{{8}})\], 0x([0-9a-f]+) bytes flags: 0x0"
    return [tuple(int(x, 16) for x in m) for m in re.findall(pat, log)]


def test_dump_format_matches_linux(boot):
    con = boot(mem="1024M", append=DEBUG)
    log = con.log
    assert "MEMBLOCK configuration:\n" in log
    assert " memory.cnt  = 0x1\n" in log
    assert " memory[0x0]\t[0x60000000-0x9fffffff], 0x40000000 bytes flags: 0x0\n" in log


@pytest.mark.parametrize("mem", ["128M", "256M", "512M", "1024M"])
def test_memory_and_reservations_follow_ram_size(boot, mem):
    ram = size_of(mem)
    con = boot(mem=mem, append=DEBUG)
    log = con.log
    assert regions(log, "memory") == [(RAM_BASE, RAM_BASE + ram - 1, ram)]
    assert f" memory size = 0x{ram:08x} reserved size = " in log
    rsv = regions(log, "reserved")
    # swapper_pg_dir (16K below the image) and the kernel, merged; then the DTB
    assert rsv[0][0] == RAM_BASE + 0x10000 - 0x4000
    assert rsv[1][0] == dtb_addr(ram)
    total = int(re.search(r"reserved size = 0x([0-9a-f]+)", log).group(1), 16)
    assert total == sum(r[2] for r in rsv)
    # each memblock_reserve call traced with its real caller (no tail calls, as
    # Linux with frame pointers), named by kallsyms
    assert re.search(rf"memblock_reserve: \[0x{dtb_addr(ram):08x}-0x[0-9a-f]{{8}}\] flags 0x0 "
                     r"early_init_fdt_reserve_self\+0x[0-9a-f]+/0x[0-9a-f]+\n", log)
    assert re.search(rf"memblock_reserve: \[0x{RAM_BASE + 0xc000:08x}-0x{RAM_BASE + 0xffff:08x}\] "
                     r"flags 0x0 arm_mm_memblock_reserve\+", log)


def test_no_dump_without_memblock_debug(boot):
    con = boot(mem="256M")
    assert "MEMBLOCK configuration" not in con.log
    assert "memblock_reserve" not in con.log


def test_unknown_memblock_value_is_reported(boot):
    con = boot(mem="256M", append="console=ttyAMA0 loglevel=8 memblock=verbose")
    assert "memblock=verbose: only memblock=debug is known, ignored\n" in con.log
    assert "MEMBLOCK configuration" not in con.log


def test_mem_limits_ram(boot):
    con = boot(mem="1024M", append=DEBUG + " mem=256M")
    assert regions(con.log, "memory") == [(RAM_BASE, RAM_BASE + 256 * MB - 1, 256 * MB)]
    # mem= is consumed by the kernel, not passed on as unknown
    assert "Unknown kernel command line parameters" not in con.log


def test_mem_repeated_defines_banks(boot):
    con = boot(mem="1024M", append=DEBUG + " mem=64M mem=32M@0x70000000")
    assert regions(con.log, "memory") == [
        (RAM_BASE, RAM_BASE + 64 * MB - 1, 64 * MB),
        (0x70000000, 0x70000000 + 32 * MB - 1, 32 * MB),
    ]


def test_mem_beyond_ram_is_refused(boot):
    con = boot(mem="256M", append=DEBUG + " mem=64M mem=64M@0x6e000000")
    assert ("mem=64M@0x6e000000: 0x2000000 of 0x6e000000-0x71ffffff is not RAM "
            "in the device tree, not used") in con.log
    assert regions(con.log, "memory") == [
        (RAM_BASE, RAM_BASE + 64 * MB - 1, 64 * MB),
        (0x6e000000, 0x6fffffff, 32 * MB),
    ]


def test_mem_only_outside_ram_panics_with_reason(boot):
    con = boot(mem="256M", append="console=ttyAMA0 mem=64M@0x20000000", prompt=False)
    con.expect("mem=64M@0x20000000: 0x4000000 of 0x20000000-0x23ffffff is not RAM")
    con.expect("Kernel panic - not syncing: no usable RAM")


@pytest.mark.parametrize("arg", ["mem=", "mem=junk", "mem=0", "mem=64M@", "mem=64Mx"])
def test_bad_mem_is_reported_and_ignored(boot, arg):
    con = boot(mem="512M", append=f"{DEBUG} {arg}")
    assert re.search(r"mem=.*(missing size|not SIZE\[@START\]|SIZE is 0)", con.log), con.log
    assert regions(con.log, "memory") == [(RAM_BASE, RAM_BASE + 512 * MB - 1, 512 * MB)]


def test_extra_memory_nodes_are_scanned(boot):
    # QEMU replaces memory@ nodes by one of its own (-m): the test tree's
    # other nodes are read and merge into it, each overlap reported.
    con = boot(mem="1024M", dtb=os.path.join(DTB_DIR, "two-banks.dtb"), append=DEBUG)
    log = con.log
    assert "OF: fdt: memory scan node bank@60000000, reg size 8," in log
    assert "OF: fdt: memory scan node bank@80000000, reg size 16," in log
    assert "OF: fdt:  - 90000000 ,  4000000" in log
    assert "memory block 0x90000000 - 0x94000000 overlaps a bank already added: merged" in log
    assert regions(log, "memory") == [(RAM_BASE, 0x9fffffff, 1024 * MB)]


def test_two_cells_root(boot):
    con = boot(mem="1024M", dtb=os.path.join(DTB_DIR, "cells2.dtb"), append=DEBUG)
    log = con.log
    assert "OF: fdt: dt_root_addr_cells = 2" in log
    assert "Ignoring memory block 0x880000000 - 0x8c0000000 (above 4 GiB, no LPAE)" in log
    assert regions(log, "memory") == [(RAM_BASE, 0x9fffffff, 1024 * MB)]


def test_odd_banks_reported(boot):
    con = boot(mem="1024M", dtb=os.path.join(DTB_DIR, "odd-banks.dtb"), append=DEBUG)
    log = con.log
    for msg in ("memory node zero@70000000: bank at 0x70000000 has size 0, skipped",
                "Ignoring memory range 0x5ff00000 - 0x60000000 (below PHYS_OFFSET)",
                "memory block 0x6ffff800 - 0x70001800 not page aligned: starts at 0x70000000",
                "memory node noreg@0 has no reg property, skipped"):
        assert msg in log


def test_dt_ram_the_board_lacks_is_named(boot):
    # At -m 256M QEMU has RAM up to 0x6fffffff, but unal@6ffff800 claims a
    # page at 0x70000000.  The RAM probe finds nothing there and removes it
    # before anything is allocated (it used to become the vectors page).
    con = boot(mem="256M", dtb=os.path.join(DTB_DIR, "odd-banks.dtb"))
    assert ("RAM probe: no RAM answers at 0x70000000-0x70000fff, which the device tree "
            "calls RAM: removed") in con.log
    assert "memtest: 0 bad pages" in con.run("memtest 8", timeout=60)


def test_reserved_memory_and_memreserve(boot):
    con = boot(mem="256M", dtb=os.path.join(DTB_DIR, "reserved.dtb"), append=DEBUG)
    log = con.log
    # no-map: the last 8 MiB left memblock.memory
    assert regions(log, "memory") == [(RAM_BASE, 0x6f7fffff, 0x0f800000)]
    rsv = [(b, s) for b, _, s in regions(log, "reserved")]
    assert (0x6d000000, 0x200000) in rsv            # reserved-memory/buf
    assert (0x6e000000, 0x100000) in rsv            # /memreserve/
    assert not any(b == 0x6c000000 for b, _ in rsv)  # status = "disabled"
    assert "/memreserve/ 0x20000000 - 0x20100000 is outside RAM, ignored" in log
    assert "Reserved memory: node 'pool' has no reg" in log
    assert ("Reserved memory: reserved region for node 'fb@6f800000': base 0x6f800000, "
            "size 8 MiB (no-map)") in log


def corrupt_dtb_then_boot(gdb_cmds, mem="256M"):
    """Stop at the kernel entry, damage the DTB at r2 with GDB, let it run."""
    port = free_tcp_port()
    con = Console(qemu_argv(mem=mem, extra=("-S", "-gdb", f"tcp:127.0.0.1:{port}")))
    gdb_batch(["break *0x60010000", "continue"] + gdb_cmds + ["detach"], port)
    return con


# off_dt_struct is a big-endian word at offset 8 of the header
OFF_STRUCT = ("set $off = (*(unsigned char *)($r2 + 8) << 24) | "
              "(*(unsigned char *)($r2 + 9) << 16) | (*(unsigned char *)($r2 + 10) << 8) | "
              "*(unsigned char *)($r2 + 11)")


@pytest.mark.parametrize("what,cmds,message", [
    ("magic", ["set {unsigned int}$r2 = 0x78563412"],
     r"no FDT magic \(0xd00dfeed\) there"),
    ("version", ["set {unsigned int}($r2 + 20) = 0x01000000"],
     r"invalid device tree blob at physical address 0x[0-9a-f]{8}: FDT_ERR_BADVERSION"),
    ("truncated", ["set {unsigned int}($r2 + 4) = 0x40000000"],
     r"invalid device tree blob at physical address 0x[0-9a-f]{8}: FDT_ERR_TRUNCATED"),
    ("oversized", ["set {unsigned int}($r2 + 4) = 0x00002000"],
     r"OF: fdt: device tree blob claims 2097152 bytes, more than the 1048576"),
    ("structure", [OFF_STRUCT, "set {unsigned int}($r2 + $off) = 0xefbeadde"],
     r"OF: fdt: device tree blob is corrupt: FDT_ERR_BAD(STRUCTURE|OFFSET)"),
])
def test_broken_dtb_reported(what, cmds, message):
    con = corrupt_dtb_then_boot(cmds)
    try:
        con.expect(message)
        con.expect("Kernel panic - not syncing: no usable device tree")
    finally:
        con.close()


@pytest.mark.parametrize("arg,message", [
    ("mem=1M", "lowmem 0x60000000-0x600fffff holds no whole 2 MiB pmd for early page tables"),
    ("mem=100M@0x90000000", "the kernel image (0x60010000-0x"),
])
def test_ram_the_kernel_cannot_run_in_is_refused(boot, arg, message):
    con = boot(mem="1024M", append=f"console=ttyAMA0 {arg}", prompt=False)
    con.expect(re.escape(message))
    con.expect("Kernel panic - not syncing")


def test_tiny_odd_ram_still_works(boot):
    con = boot(mem="1024M", append="console=ttyAMA0 loglevel=8 mem=0x2ff000")
    assert "Memory: " in con.log and "/3068K available" in con.log
    assert "free lists back exactly as before" in con.run("memtest 1")


@pytest.mark.parametrize("mem,dtb,extra", [
    ("1024M", None, ""),
    ("1024M", None, "mem=100M mem=200M@0x70000000"),     # two banks, a hole
    ("256M", "reserved.dtb", ""),                        # /memreserve/, no-map
    ("1024M", "odd-banks.dtb", ""),                      # unaligned bank ends
    ("1024M", None, "vmalloc=900M"),                     # the DTB ends up in HighMem
])
def test_selftest_memblock_suite(boot, mem, dtb, extra):
    """The in-kernel suite: arrays sound, boot reservations held, zones span memblock."""
    kw = {"dtb": os.path.join(DTB_DIR, dtb)} if dtb else {}
    con = boot(mem=mem, append=f"console=ttyAMA0 loglevel=8 {extra}", **kw)
    out = con.run("selftest", timeout=120)
    assert "# Subtest: memblock" in out
    assert re.search(r"^ok \d+ memblock$", out, re.M), out
