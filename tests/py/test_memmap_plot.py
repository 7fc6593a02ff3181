# SPDX-License-Identifier: GPL-2.0
"""scripts/memmap-plot on a real boot log and shell capture.

The log is captured here, from a QEMU boot with memblock=debug, plus the
shell's `memblock`, `cat /proc/buddyinfo` and `cat /proc/zoneinfo`; every
figure the test expects in `--dump` is read from that same text.
"""
import os
import re
import struct
import subprocess

import pytest

from conftest import ROOT

PLOT = os.path.join(ROOT, "scripts", "memmap-plot")
PAGE = 4096


@pytest.fixture
def capture(boot, tmp_path):
    con = boot(mem="1024M", append="console=ttyAMA0 loglevel=8 memblock=debug")
    text = con.log + "".join(con.run(c) for c in
                             ("memblock", "cat /proc/buddyinfo", "cat /proc/zoneinfo"))
    path = tmp_path / "boot.log"
    path.write_text(text)
    return text, path


def run(*args, stdin=None):
    return subprocess.run(["/usr/bin/python3", PLOT, *args], capture_output=True, text=True,
                          input=stdin, timeout=120)


def dump_of(path):
    res = run(str(path), "--dump")
    assert res.returncode == 0, res.stderr
    return res.stdout


def regions(dump, kind):
    return [(int(a, 16), int(b, 16)) for a, b in
            re.findall(rf"^{kind} 0x([0-9a-f]{{8}})-0x([0-9a-f]{{8}})", dump, re.M)]


def test_dump_matches_the_log(capture, tmp_path):
    text, path = capture
    dump = dump_of(path)
    # memblock: the shell's (last) dump, region for region
    last = text.rsplit("MEMBLOCK configuration:", 1)[1]
    for kind in ("memory", "reserved"):
        want = [(int(a, 16), int(b, 16)) for a, b in re.findall(
            rf"^ {kind}\[0x[0-9a-f]+\]\t\[0x([0-9a-f]{{8}})-0x([0-9a-f]{{8}})\]", last, re.M)]
        assert want and regions(dump, kind) == want, (kind, dump)
    # free = memory - reserved, byte for byte
    size = lambda rs: sum(b - a + 1 for a, b in rs)  # noqa: E731
    total = int(re.search(r"memory size = 0x([0-9a-f]+) reserved size = 0x([0-9a-f]+)",
                          last).group(1), 16)
    assert size(regions(dump, "free")) + size(regions(dump, "reserved")) == total
    # zones: /proc/zoneinfo's start_pfn and spanned
    for name, body in re.findall(r"^Node 0, zone +(\w+)\n((?:[ \t].*\n)*)", text, re.M):
        start = int(re.search(r"start_pfn:\s+(\d+)", body).group(1))
        spanned = int(re.search(r"spanned\s+(\d+)", body).group(1))
        assert (f"zone {name} 0x{start * PAGE:08x}-0x{(start + spanned) * PAGE - 1:08x} "
                f"({spanned} pages)") in dump, dump
    # buddyinfo rows, and the layout block
    for name, row in re.findall(r"^Node 0, zone +(\w+)((?: +\d+){11}) *$", text, re.M):
        assert f"buddyinfo {name}: {' '.join(row.split())} " in dump
    for name, a, b in re.findall(r"^ +(\S+) *: 0x([0-9a-f]{8}) - 0x([0-9a-f]{8})", text, re.M):
        assert f"layout {name} 0x{a}-0x{b}" in dump


def test_zone_lines_and_zoneinfo_agree(capture, tmp_path):
    """Without /proc/zoneinfo the boot log's "<zone> zone: N pages" lines, laid over the
    memblock banks, must give the same zones: two of the kernel's outputs, one picture."""
    text, path = capture
    boot_only = tmp_path / "boot-only.log"
    boot_only.write_text(text.split("Node 0, zone")[0])
    zones = [line for line in dump_of(path).splitlines() if line.startswith("zone ")]
    assert len(zones) == 2, zones
    assert [line for line in dump_of(boot_only).splitlines() if line.startswith("zone ")] == zones


def test_png_is_written(capture, tmp_path):
    _, path = capture
    out = tmp_path / "memmap.png"
    res = run(str(path), "-o", str(out))
    assert res.returncode == 0, res.stderr
    data = out.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR"
    width, height = struct.unpack(">II", data[16:24])
    assert width >= 800 and height >= 600, (width, height)
    assert len(data) > 20_000


def test_two_banks_split_a_zone(tmp_path):
    """A Linux-style log with a hole: the zone's pages fill bank 0, then bank 1."""
    log = ("MEMBLOCK configuration:\n"
           " memory size = 0x03000000 reserved size = 0x00001000\n"
           " memory.cnt  = 0x2\n"
           " memory[0x0]\t[0x80000000-0x80ffffff], 0x01000000 bytes flags: 0x0\n"
           " memory[0x1]\t[0x90000000-0x91ffffff], 0x02000000 bytes flags: 0x0\n"
           " reserved.cnt  = 0x1\n"
           " reserved[0x0]\t[0x80008000-0x80008fff], 0x00001000 bytes flags: 0x0\n"
           "  Normal zone: 6144 pages, LIFO batch:1\n"
           "  HighMem zone: 6144 pages, LIFO batch:1\n")
    path = tmp_path / "two.log"
    path.write_text(log)
    dump = dump_of(path)
    assert "zone Normal 0x80000000-0x80ffffff (4096 pages)" in dump
    assert "zone Normal 0x90000000-0x907fffff (2048 pages)" in dump
    assert "zone HighMem 0x90800000-0x91ffffff (6144 pages)" in dump
    assert "free 0x80009000-0x80ffffff" in dump and "free 0x90000000-0x91ffffff" in dump


def test_partial_input_draws_what_there_is(tmp_path):
    res = run("-", "-o", str(tmp_path / "b.png"),
              stdin="Node 0, zone   Normal      1      2      3      4      5      6      7      "
                    "8      9     10     11 \n")
    assert res.returncode == 0, res.stderr
    assert "note: no memblock dump found" in res.stderr
    assert (tmp_path / "b.png").stat().st_size > 5_000


def test_truncated_memblock_dump_is_refused(capture, tmp_path):
    text, _ = capture
    cut = tmp_path / "cut.log"
    # lose the shell dump's last reserved line, as a cut-off serial capture would
    last = re.findall(r"^ reserved\[0x[0-9a-f]+\].*\n", text, re.M)[-1]
    cut.write_text(text[::-1].replace(last[::-1], "", 1)[::-1])
    res = run(str(cut), "--dump")
    assert res.returncode != 0
    assert "reserved.cnt says" in res.stderr and "truncated" in res.stderr, res.stderr


def test_garbage_is_refused(tmp_path):
    junk = tmp_path / "junk.bin"
    junk.write_bytes(os.urandom(4096))
    res = run(str(junk))
    assert res.returncode != 0
    assert "nothing to plot" in res.stderr
    res = run(str(tmp_path / "missing.log"))
    assert res.returncode != 0 and "No such file" in res.stderr
    res = run("--bogus-option", str(junk))
    assert res.returncode != 0 and "usage:" in res.stderr
