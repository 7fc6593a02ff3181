# SPDX-License-Identifier: GPL-2.0
"""`make debug` + `make gdb`: breakpoints before and after the MMU is on."""
import re

from conftest import ROOT, free_tcp_port, gdb_batch, qemu_argv, Console


def frozen_qemu(port, mem="256M", extra=()):
    """QEMU as `make debug` starts it (-S), with the stub on `port`."""
    return Console(qemu_argv(mem=mem, smp=4, extra=("-S", "-gdb", f"tcp:127.0.0.1:{port}")
                             + tuple(extra)))


def test_gdb_hits_head_S_before_mmu_and_start_kernel_after():
    port = free_tcp_port()
    con = frozen_qemu(port)
    try:
        out = gdb_batch([
            f"add-symbol-file {ROOT}/build/vmlinux -o -0x60000000",
            "break __create_page_tables",
            "break start_kernel",
            "continue",
            "printf \"PC1=%08x\\n\", $pc",
            "printf \"SCTLR_M1=%d\\n\", 0",
            "continue",
            "printf \"PC2=%08x\\n\", $pc",
            "kill",
        ], port)
    finally:
        con.close()
    pc1 = re.search(r"PC1=([0-9a-f]{8})", out)
    pc2 = re.search(r"PC2=([0-9a-f]{8})", out)
    assert pc1 and pc2, out
    # head.S label hit at its physical address, MMU still off ...
    assert 0x60010000 <= int(pc1.group(1), 16) < 0x60100000, out
    assert "__create_page_tables" in out
    # ... then start_kernel at its virtual address.
    assert 0xc0010000 <= int(pc2.group(1), 16) < 0xc0100000, out
    assert "start_kernel" in out


def boot_with_r2(r2):
    """Stop at the kernel's entry, put `r2` in r2, and let it run."""
    port = free_tcp_port()
    con = frozen_qemu(port)
    gdb_batch(["break *0x60010000", "continue", f"set $r2 = {r2:#x}", "detach"], port)
    return con


def test_unaligned_r2_reported():
    con = boot_with_r2(0x60000003)
    try:
        con.expect(r"invalid device tree blob at physical address 0x60000003 \(r2\): "
                   r"not 4-byte aligned")
        con.expect("Kernel panic - not syncing")
    finally:
        con.close()


def test_r2_outside_ram_window_reported():
    con = boot_with_r2(0x10000000)
    try:
        con.expect(r"0x10000000 \(r2\): outside the 1 GiB above PHYS_OFFSET")
    finally:
        con.close()


def test_r2_pointing_at_garbage_reported():
    # Inside RAM, aligned, but not a DTB (the kernel image itself).
    con = boot_with_r2(0x60010000)
    try:
        con.expect(r"0x60010000 \(r2\): no FDT magic")
    finally:
        con.close()
