# SPDX-License-Identifier: GPL-2.0
"""`make debug` + `make gdb`: breakpoints before and after the MMU is on."""
import os
import re
import subprocess

from conftest import ROOT, VMLINUX, free_tcp_port, gdb_batch, qemu_argv, Console


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
            "x/wx 0x60010000",       # the image's first word, by its PA
            "x/wx 0xc0010000",       # MMU off: no such address yet
            "continue",
            "printf \"PC2=%08x\\n\", $pc",
            "x/wx 0xc0010000",       # MMU on: the same word, by its VA
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
    word = re.search(r"0x60010000 <stext>:\s+(0x[0-9a-f]{8})", out)
    assert word, out
    # (QEMU's stub reads guest memory through the MMU: with it off, the
    # kernel's VA is not there; SCTLR itself reads back unreliably)
    assert re.search(r"0xc0010000 <stext>:\s*\n", out), out
    assert "Cannot access memory at address 0xc0010000" in out
    # ... then start_kernel at its virtual address, the VA now mapped.
    assert 0xc0010000 <= int(pc2.group(1), 16) < 0xc0100000, out
    assert "start_kernel" in out
    assert re.search(rf"0xc0010000 <stext>:\s+{word.group(1)}\n", out), out


def test_make_gdb_script_stops_at_start_kernel():
    """scripts/gdbinit itself, as `make gdb` runs it (batch mode, not the TUI)."""
    port = free_tcp_port()
    con = frozen_qemu(port)
    try:
        res = subprocess.run(
            ["gdb-multiarch", "-nx", "-batch", "-x", "scripts/gdbinit",
             "-ex", "printf \"PC=%08x\\n\", $pc", "-ex", "help a9mm-pgwalk", "-ex", "kill",
             VMLINUX],
            cwd=ROOT, env={**os.environ, "A9MM_GDB_PORT": str(port)},
            capture_output=True, text=True, timeout=60)
    finally:
        con.close()
    out = res.stdout + res.stderr
    assert "start_kernel () at kernel/main.c" in out, out
    pc = re.search(r"PC=([0-9a-f]{8})", out)
    assert pc and 0xc0010000 <= int(pc.group(1), 16) < 0xc0100000, out
    assert "Undefined command" not in out, out


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


def test_head_S_clears_all_of_bss(tmp_path):
    """QEMU hands over zeroed RAM, so fill .bss with garbage at the entry
    (MMU off, physical addresses) and read it back at start_kernel: every
    byte, the 64-byte turns and the STRD tail alike, must be zero."""
    syms = dict((n, int(a, 16)) for a, n in re.findall(
        r"^([0-9a-f]+) \w (__bss_start|__bss_stop)$",
        subprocess.run(["arm-none-eabi-nm", VMLINUX], capture_output=True, text=True,
                       check=True).stdout, re.M))
    start, stop = syms["__bss_start"], syms["__bss_stop"]
    garbage = tmp_path / "garbage.bin"
    garbage.write_bytes(bytes((i * 37 + 1) & 0xff or 0xa5 for i in range(stop - start)))
    dump = tmp_path / "bss.bin"
    port = free_tcp_port()
    con = frozen_qemu(port)
    try:
        out = gdb_batch([
            "break *0x60010000", "continue",
            f"restore {garbage} binary {start - 0xc0000000 + 0x60000000:#x}",
            f"x/wx {start - 0xc0000000 + 0x60000000:#x}",
            "delete", "break start_kernel", "continue",
            f"dump binary memory {dump} {start:#x} {stop:#x}",
            "kill",
        ], port)
    finally:
        con.close()
    first = int.from_bytes(garbage.read_bytes()[:4], "little")
    assert re.search(rf":\s+{first:#010x}\n", out), out	# the garbage was there
    data = dump.read_bytes()
    assert len(data) == stop - start, out
    nonzero = [i for i, b in enumerate(data) if b]
    assert not nonzero, f"{len(nonzero)} bytes of .bss left set, first at +{nonzero[0]:#x}"
