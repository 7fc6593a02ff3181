# SPDX-License-Identifier: GPL-2.0
"""scripts/gdb: the GDB helpers against the kernel's own view of itself.

Each helper runs on the halted kernel (gdb batch mode); the kernel then
continues to its shell, whose commands print the same thing from the inside.
The two must agree line for line.
"""
import os
import re

from conftest import ROOT, Console, free_tcp_port, gdb_batch, qemu_argv

HELPERS = os.path.join(ROOT, "scripts", "gdb", "a9mm.py")


def halted_then_shell(gdb_cmds, mem="1024M", append="console=ttyAMA0 loglevel=8"):
    """Run gdb_cmds with the kernel stopped at shell_run, then let it go on."""
    port = free_tcp_port()
    con = Console(qemu_argv(mem=mem, append=append,
                            extra=("-S", "-gdb", f"tcp:127.0.0.1:{port}")))
    out = gdb_batch([f"source {HELPERS}", "break shell_run", "continue"] + gdb_cmds
                    + ["detach"], port)
    con.wait_prompt()
    return con, out


def block(text, first, n):
    lines = [line.rstrip() for line in text.splitlines()]
    i = next(k for k, line in enumerate(lines) if line.startswith(first))
    return lines[i:i + n]


def shell_lines(text):
    return [line.rstrip() for line in text.strip().splitlines()]


def test_memblock_and_buddyinfo_match_the_shell():
    con, out = halted_then_shell(["a9mm-memblock", "a9mm-buddyinfo"])
    try:
        shell = shell_lines(con.run("memblock"))
        assert block(out, "MEMBLOCK configuration:", len(shell)) == shell
        bi = shell_lines(con.run("cat /proc/buddyinfo"))
        assert block(out, "Node 0, zone   Normal", 2) == bi
    finally:
        con.close()


def test_pgwalk_matches_the_kernels_walk():
    vas = ["0xc0010000", "0x0", "0xffff0000", "0xf8009000", "0xbfe00000", "0xef7ff000"]
    con, out = halted_then_shell([f"a9mm-pgwalk {va}" for va in vas])
    try:
        for va in vas:
            shell = shell_lines(con.run(f"pgwalk {va}"))
            head = f"pgwalk 0x{int(va, 16):08x}: "
            assert block(out, head, len(shell)) == shell, (va, out)
        # kernel text: PA = VA - PAGE_OFFSET + PHYS_OFFSET
        assert "=> VA 0xc0010000 -> PA 0x60010000" in out
    finally:
        con.close()


def test_pfn_round_trips():
    con, out = halted_then_shell(["a9mm-pfn virt 0xc0010000", "a9mm-pfn pfn 0x9f000",
                                  "a9mm-pfn phys 0x60000000",
                                  "a9mm-pfn page mem_map+0x10"])
    try:
        assert "pfn   0x60010\nphys  0x60010000\nvirt  0xc0010000" in out
        assert "reserved" in out.split("pfn   0x60010")[1].split("pfn ")[0]  # kernel text
        high = out.split("pfn   0x9f000")[1]
        assert "virt  none (HighMem" in high and "zone HighMem" in high
        # struct page address -> pfn: mem_map + 0x10 is pfn PHYS_OFFSET + 0x10,
        # the same struct page the virt lookup found
        pfns = re.findall(r"^pfn   0x([0-9a-f]+)$", out, re.M)
        pages = re.findall(r"page  0x([0-9a-f]{8}) \(struct page", out)
        assert pfns == ["60010", "9f000", "60000", "60010"]
        assert len(pages) == 4 and pages[0] == pages[3]
    finally:
        con.close()


def test_helpers_before_mm_is_up_say_so():
    port = free_tcp_port()
    con = Console(qemu_argv(mem="256M", extra=("-S", "-gdb", f"tcp:127.0.0.1:{port}")))
    try:
        out = gdb_batch([f"source {HELPERS}", "break setup_arch", "continue",
                         "a9mm-buddyinfo", "a9mm-pfn pfn 0x60000", "a9mm-pgwalk 0xc0010000",
                         "kill"], port)
    finally:
        con.close()
    assert "a9mm: no populated zone yet (bootmem_init has not run)" in out
    assert "a9mm: mem_map not set up yet" in out
    # head.S's section table is there already, and decodes
    assert "section, PA 0x60000000, domain 0" in out
