# SPDX-License-Identifier: GPL-2.0
"""scripts/memmap-plot on a real boot log and shell capture."""
import os
import re
import subprocess

from conftest import ROOT

PLOT = os.path.join(ROOT, "scripts", "memmap-plot")


def capture(boot, tmp_path):
    con = boot(mem="1024M", append="console=ttyAMA0 loglevel=8 memblock=debug")
    text = con.log + con.run("memblock") + con.run("cat /proc/buddyinfo")
    path = tmp_path / "boot.log"
    path.write_text(text)
    return text, path


def run(*args, stdin=None):
    return subprocess.run(["/usr/bin/python3", PLOT, *args], capture_output=True, text=True,
                          input=stdin, timeout=120)


def test_dump_matches_the_log(boot, tmp_path):
    text, path = capture(boot, tmp_path)
    res = run(str(path), "--dump")
    assert res.returncode == 0, res.stderr
    dump = res.stdout
    assert "memory 0x60000000-0x9fffffff (1048576 KiB)" in dump
    normal = int(re.search(r"Normal zone: (\d+) pages, LIFO", text).group(1))
    high = int(re.search(r"HighMem zone: (\d+) pages, LIFO", text).group(1))
    assert f"zone Normal 0x60000000-0x{0x60000000 + normal * 4096 - 1:08x} ({normal} pages)" in dump
    assert f"zone HighMem 0x{0x60000000 + normal * 4096:08x}-0x9fffffff ({high} pages)" in dump
    # the shell's (last) memblock dump and buddyinfo are the ones used
    last = text.rsplit("MEMBLOCK configuration:", 1)[1]
    for a, b in re.findall(r" reserved\[0x[0-9a-f]+\]\t\[0x([0-9a-f]{8})-0x([0-9a-f]{8})\]", last):
        assert f"reserved 0x{a}-0x{b}" in dump
    row = re.search(r"Node 0, zone   Normal ((?: +\d+){11})", text).group(1).split()
    assert f"buddyinfo Normal: {' '.join(row)} " in dump
    assert "layout lowmem 0xc0000000-0xef800000" in dump


def test_png_is_written(boot, tmp_path):
    _, path = capture(boot, tmp_path)
    out = tmp_path / "memmap.png"
    res = run(str(path), "-o", str(out))
    assert res.returncode == 0, res.stderr
    data = out.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert len(data) > 20_000


def test_partial_input_draws_what_there_is(tmp_path):
    res = run("-", "-o", str(tmp_path / "b.png"),
              stdin="Node 0, zone   Normal      1      2      3      4      5      6      7      "
                    "8      9     10     11 \n")
    assert res.returncode == 0, res.stderr
    assert "note: no memblock dump found" in res.stderr
    assert (tmp_path / "b.png").stat().st_size > 5_000


def test_garbage_is_refused(tmp_path):
    junk = tmp_path / "junk.bin"
    junk.write_bytes(os.urandom(4096))
    res = run(str(junk))
    assert res.returncode != 0
    assert "nothing to plot" in res.stderr
    res = run(str(tmp_path / "missing.log"))
    assert res.returncode != 0 and "No such file" in res.stderr
