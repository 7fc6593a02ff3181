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
import zlib

import pytest

from conftest import ROOT

PLOT = os.path.join(ROOT, "scripts", "memmap-plot")
CAPTURE = os.path.join(ROOT, "scripts", "capture-log")
# Debian 12's Linux 6.1 (armmp) booted on the same board by scripts/linux-compare
LINUX_LOG = os.path.join(ROOT, "tests", "py", "fixtures", "linux-compare", "linux-1024M.log")
PAGE = 4096
SHELL_CMDS = ("memblock", "cat /proc/buddyinfo", "cat /proc/zoneinfo")


@pytest.fixture
def capture(boot, tmp_path):
    con = boot(mem="1024M", append="console=ttyAMA0 loglevel=8 memblock=debug")
    text = con.log + "".join(con.run(c) for c in
                             ("memblock", "cat /proc/buddyinfo", "cat /proc/zoneinfo"))
    path = tmp_path / "boot.log"
    path.write_text(text)
    return text, path


def run(*args, stdin=None, cwd=None):
    return subprocess.run(["/usr/bin/python3", PLOT, *args], capture_output=True, text=True,
                          input=stdin, timeout=120, cwd=cwd)


def png_text(path):
    """The tEXt/zTXt/iTXt chunks of a PNG, as {keyword: text}."""
    data, out, pos = open(path, "rb").read(), {}, 8
    while pos < len(data):
        n, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + n]
        if kind == b"tEXt":
            k, v = body.split(b"\0", 1)
            out[k.decode()] = v.decode("latin-1")
        elif kind == b"zTXt":
            k, v = body.split(b"\0", 1)
            out[k.decode()] = zlib.decompress(v[1:]).decode("latin-1")
        elif kind == b"iTXt":
            k, rest = body.split(b"\0", 1)
            comp, rest = rest[0], rest[2:]
            text = rest.split(b"\0", 2)[2]
            out[k.decode()] = (zlib.decompress(text) if comp else text).decode()
        pos += 12 + n
    return out


def assert_renders(path, min_width=800, min_height=600):
    data = open(path, "rb").read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR"
    width, height = struct.unpack(">II", data[16:24])
    assert width >= min_width and height >= min_height, (width, height)
    assert len(data) > 20_000


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
    assert "note: stdin: no memblock dump found" in res.stderr
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


def pieces(dump):
    """{reserved region: [(name, first, last)]} from --dump."""
    out = {}
    for a, b, rest in re.findall(r"^reserved 0x([0-9a-f]{8})-0x([0-9a-f]{8}) \([^)]*\): (.*)$",
                                 dump, re.M):
        out[(int(a, 16), int(b, 16))] = [
            (n, int(x, 16), int(y, 16)) for n, x, y in
            re.findall(r"(?:^|, )(.+?)(?: x\d+)? 0x([0-9a-f]{8})-0x([0-9a-f]{8}) \(", rest)]
    return out


def test_every_reservation_is_named_from_its_caller(capture):
    text, path = capture
    dump = dump_of(path)
    regions = pieces(dump)
    assert regions, dump
    names = [n for ps in regions.values() for n, _, _ in ps]
    for want in ("kernel image", "swapper_pg_dir", "DTB", "mem_map", "pte table",
                 "pageblock flags", "vectors", "per-cpu areas"):
        assert want in names, (want, dump)
    assert "(not traced)" not in names, dump
    # each region is exactly its pieces, end to end (small alignment holes aside)
    for (a, b), ps in regions.items():
        assert ps[0][1] == a and ps[-1][2] == b, (hex(a), ps)
    # and each name sits where the kernel's own trace line put it
    def traced(caller):
        return [(int(x, 16), int(y, 16)) for x, y in re.findall(
            rf"^memblock_\w+: \[0x([0-9a-f]+)-0x([0-9a-f]+)\] flags 0x0 {caller}\+", text, re.M)]
    where = {n: (x, y) for ps in regions.values() for n, x, y in ps}
    assert where["kernel image"] == traced("arm_memblock_init")[0]
    assert where["swapper_pg_dir"] == traced("arm_mm_memblock_reserve")[0]
    assert where["DTB"] == traced("early_init_fdt_reserve_self")[0]
    assert where["vectors"] == traced("devicemaps_init")[0]
    assert where["mem_map"] == traced(r"alloc_node_mem_map(?:\.\w+\.\d+)?")[0]


def test_virtual_panel_bands_and_insets(capture):
    text, path = capture
    dump = dump_of(path)
    layout = {n: (int(a, 16), int(b, 16)) for n, a, b in re.findall(
        r"^ +(\.?\w+) *: 0x([0-9a-f]{8}) - 0x([0-9a-f]{8})", text, re.M)}
    for name in ("modules", "pkmap", "lowmem", "vmalloc", "fixmap", "vector"):
        a, b = layout[name]
        assert re.search(rf"^band {name} 0x{a:08x}-0x{b - 1:08x} \(", dump, re.M), (name, dump)
    # the gap between lowmem and vmalloc, named
    assert f"band 8 MiB gap (VMALLOC_OFFSET) 0x{layout['lowmem'][1]:08x}-" \
           f"0x{layout['vmalloc'][0] - 1:08x}" in dump, dump
    # the devices ioremap()ped into vmalloc space, one band per ioremap line
    # of the log: console, global timer, sysregs, GIC (2), TWD, SCU, MMCI
    io = re.findall(r"^ioremap: 0x([0-9a-f]{8})-0x([0-9a-f]{8}) -> 0x([0-9a-f]{8}) MT_DEVICE",
                    text, re.M)
    assert len(io) == 8, text
    for pa, pb, va in io:
        assert layout["vmalloc"][0] <= int(va, 16) < layout["vmalloc"][1]
        end = int(va, 16) + int(pb, 16) - int(pa, 16)
        assert f"band I/O map -> PA 0x{pa} 0x{va}-0x{end:08x} (4 KiB)" in dump, dump
    # the kernel's sections, zoomed in
    for name in (".text", ".init", ".data", ".bss"):
        a, b = layout[name]
        assert f"inset kernel {name} 0x{a:08x}-0x{b - 1:08x}" in dump, dump


def test_png_carries_what_it_draws(capture, tmp_path):
    _, path = capture
    out = tmp_path / "m.png"
    assert run(str(path), "-o", str(out)).returncode == 0
    meta = png_text(out)
    assert meta["Description"] == dump_of(path).rstrip("\n"), meta.keys()
    assert meta["Title"].startswith("boot.log, a9mm "), meta["Title"]
    assert "Software" not in meta                # the same log gives the same bytes
    again = tmp_path / "again.png"
    run(str(path), "-o", str(again))
    assert again.read_bytes() == out.read_bytes()


def test_default_output_is_under_build(tmp_path):
    res = run(LINUX_LOG, cwd=tmp_path)
    assert res.returncode == 0, res.stderr
    assert f"wrote {os.path.join(ROOT, 'build', 'memmap.png')}" in res.stdout
    assert not list(tmp_path.iterdir())          # nothing left where it ran


def capture_log(tmp_path, mem, *cmds, append="console=ttyAMA0 loglevel=8 memblock=debug"):
    out = tmp_path / f"boot-{mem}.log"
    res = subprocess.run(["/usr/bin/python3", CAPTURE, "-m", mem, "--append", append, "-o",
                          str(out), *cmds], capture_output=True, text=True, timeout=180)
    assert res.returncode == 0, res.stdout + res.stderr
    return out


def test_several_boots_side_by_side(tmp_path):
    logs = [capture_log(tmp_path, m, *SHELL_CMDS) for m in ("128M", "512M", "1024M")]
    res = run(*map(str, logs), "--dump")
    assert res.returncode == 0, res.stderr
    sections = res.stdout.split("== ")[1:]
    assert [s.split(",")[0] for s in sections] == [f"boot-{m}.log" for m in
                                                   ("128M", "512M", "1024M")]
    zones = [re.findall(r"^zone (\w+) 0x([0-9a-f]{8})-0x([0-9a-f]{8})", s, re.M)
             for s in sections]
    # the split: all Normal up to 512M; at 1024M lowmem stops at 760 MiB
    assert zones[0] == [("Normal", "60000000", "67ffffff")], zones
    assert zones[1] == [("Normal", "60000000", "7fffffff")], zones
    assert zones[2] == [("Normal", "60000000", "8f7fffff"), ("HighMem", "8f800000", "9fffffff")]
    lowmem = [re.search(r"^band lowmem 0xc0000000-0x([0-9a-f]{8})", s, re.M).group(1)
              for s in sections]
    assert lowmem == ["c7ffffff", "dfffffff", "ef7fffff"], lowmem
    out = tmp_path / "sizes.png"
    res = run(*map(str, logs), "-o", str(out))
    assert res.returncode == 0, res.stderr
    assert_renders(out)
    assert png_text(out)["Title"].count("a9mm") == 3


def test_linux_6_1_log(tmp_path):
    """A real Linux 6.1 boot (memblock=debug): memblock_alloc_try_nid lines that name
    the caller, the memblock_reserve lines that give the range, one early dump, CMA,
    "Zone ranges:" with a DMA zone.  Drawn alone and beside a9mm's."""
    text = open(LINUX_LOG).read()
    dump = dump_of(LINUX_LOG)
    assert "memory 0x60000000-0x9fffffff (1024 MiB)" in dump
    got = {}
    for ps in pieces(dump).values():
        for n, a, b in ps:
            got.setdefault(n, (a, b))
    def traced(caller):  # the range of the reserve that follows the caller's alloc line
        m = re.search(rf"^memblock_\w*alloc\w*: (\d+) bytes .* {caller}\+0x.*\n"
                      r"memblock_reserve: \[0x([0-9a-f]+)-0x([0-9a-f]+)\]", text, re.M)
        return int(m.group(2), 16), int(m.group(3), 16), int(m.group(1))
    kernel = re.search(r"^memblock_reserve: \[0x([0-9a-f]+)-0x([0-9a-f]+)\] arm_memblock_init",
                       text, re.M)
    assert got["kernel image"] == (int(kernel.group(1), 16), int(kernel.group(2), 16))
    assert got["swapper_pg_dir"][1] - got["swapper_pg_dir"][0] + 1 == 16 * 1024
    first_early = traced("early_alloc")
    assert first_early[2] == 8192 and got["vectors"] == first_early[:2]  # early_alloc's 8 KiB
    assert "pte table" in got and "mem_map" in got and "per-cpu areas" in got
    cma = int(re.search(r"^cma: Reserved \d+ MiB at 0x([0-9a-f]+)", text, re.M).group(1), 16)
    assert got["CMA area"][0] == cma
    # reservations made after the (only, early) dump are in the picture too
    assert any(a <= got["mem_map"][0] and got["mem_map"][1] <= b
               for a, b in regions(dump, "reserved")), dump
    zones = re.findall(r"^  (\w+) +\[mem 0x0*([0-9a-f]+)-0x0*([0-9a-f]+)\]", text, re.M)
    for name, a, b in zones:
        assert f"zone {name} 0x{int(a, 16):08x}-0x{int(b, 16):08x}" in dump, (name, dump)
    out = tmp_path / "linux.png"
    assert run(LINUX_LOG, "-o", str(out)).returncode == 0
    assert_renders(out, min_height=300)
    a9mm = capture_log(tmp_path, "1024M", *SHELL_CMDS)
    both = tmp_path / "both.png"
    res = run(str(a9mm), LINUX_LOG, "-o", str(both))
    assert res.returncode == 0, res.stderr
    assert_renders(both)
    title = png_text(both)["Title"]
    assert "a9mm" in title and "Linux 6.1.0" in title, title


def test_printk_time_stamps_are_read_through(tmp_path):
    plain = dump_of(capture_log(tmp_path, "256M", *SHELL_CMDS))
    stamped = capture_log(tmp_path, "256M", *SHELL_CMDS,
                          append="console=ttyAMA0 loglevel=8 memblock=debug printk.time=1")
    assert re.search(r"^\[ *\d+\.\d{6}\] memblock_reserve", stamped.read_text(), re.M)
    assert dump_of(stamped) == plain


def test_docs_pictures_are_this_kernels(capture):
    """docs/memmap.png is `make docs`'s: what it shows -- banks, zones, layout,
    bands, the I/O map -- is what this kernel reports at -m 1024M.  Only the
    reservations' sizes, which move with every build, may differ.  Run
    `make docs` when this fails."""
    _, path = capture
    def stable(dump):
        return [line for line in dump.splitlines()
                if line.split()[0] in ("memory", "zone", "layout", "band", "io")
                and not line.startswith("layout .")]
    meta = png_text(os.path.join(ROOT, "docs", "memmap.png"))
    assert meta["Title"].startswith("boot-1024M.log, a9mm "), meta["Title"]
    assert stable(meta["Description"]) == stable(dump_of(path)), "run `make docs`"
    sizes = png_text(os.path.join(ROOT, "docs", "memmap-sizes.png"))
    assert [t.split(",")[0] for t in sizes["Title"].split("; ")] == \
        ["boot-128M.log", "boot-512M.log", "boot-1024M.log"]
