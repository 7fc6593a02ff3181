# SPDX-License-Identifier: GPL-2.0
"""Demand paging, copy-on-write, VMAs, files and /proc (issue 16), from
the kernel's side: the KTAP suite "mm_fault" on one CPU and four, and
processes run from the shell whose pages, VMAs and descriptors are
looked at through /proc and the kernel's own commands."""
import os
import re

import pytest

from conftest import BUILD

INITRAMFS = os.path.join(BUILD, "initramfs.cpio")


@pytest.mark.parametrize("smp", [1, 4])
def test_mm_fault_selftest(boot, smp):
    con = boot(mem="128M", smp=smp)
    out = con.run("selftest mm_fault", timeout=120)
    assert re.search(r"^ok \d+ mm_fault$", out, re.M), out
    for case in ("fault_anonymous_read_then_write", "fault_fork_shares_then_copies_then_reuses",
                 "fault_every_page_comes_back"):
        assert re.search(rf"^    ok \d+ {case}$", out, re.M), out


def start(con, cmd):
    """`run CMD &`: the pid of a process left running."""
    out = con.run(f"run {cmd} &")
    m = re.search(r"^\[(\d+)\] ", out, re.M)
    assert m, out
    return int(m[1])


def test_a_process_seen_through_proc(boot):
    """A sleeping process: its VMAs in maps, its pages in smaps and status,
    the kernel's page walk agreeing that untouched pages are not there."""
    con = boot(mem="256M", smp=2, extra=("-initrd", INITRAMFS))
    pid = start(con, "/bin/sleep 30")
    maps = con.run(f"cat /proc/{pid}/maps")
    rows = re.findall(r"^([0-9a-f]{8})-([0-9a-f]{8}) ([r-][w-][x-][ps]) ([0-9a-f]{8}) "
                      r"(\d\d:\d\d) (\d+)\s*(\S*)$", maps, re.M)
    assert rows, maps
    names = [r[6] for r in rows]
    assert names[-1] == "[stack]" and rows[-1][1] == "bf000000", maps
    text = rows[0]
    assert text[2] == "r-xp" and text[0] == "00010000" and text[6].startswith("/"), maps
    assert text[4] == "00:01" and int(text[5]) > 0, maps     # the rootfs's inode
    # the list is sorted and nothing overlaps
    spans = [(int(a, 16), int(b, 16)) for a, b, *_ in rows]
    assert all(a < b <= c for (a, b), (c, _) in zip(spans, spans[1:])), maps
    smaps = con.run(f"cat /proc/{pid}/smaps")
    stack = smaps[smaps.index("[stack]"):]
    size = int(re.search(r"Size:\s+(\d+) kB", stack)[1])
    rss = int(re.search(r"Rss:\s+(\d+) kB", stack)[1])
    assert size == 128 and 0 < rss < size, stack[:600]   # demand paging: most never touched
    status = con.run(f"cat /proc/{pid}/status")
    assert re.search(r"VmSize:\s+\d+ kB", status) and re.search(r"VmStk:\s+128 kB", status)
    # an untouched stack page: no pte
    assert "fault (not mapped)" in con.run(f"pgwalk {pid} 0xbefe0000")
    con.run(f"kill {pid}")


def test_proc_lists_and_errors(boot):
    con = boot(mem="128M", smp=2, extra=("-initrd", INITRAMFS))
    out = con.run("run /bin/ls /proc")
    for name in ("meminfo", "buddyinfo", "self", "zoneinfo"):
        assert re.search(rf"^{name}$", out, re.M), out
    out = con.run("run /bin/cat /proc/self/status")
    assert "Name:\tcat\n" in out and re.search(r"VmRSS:\s+\d+ kB", out), out
    out = con.run("run /bin/cat /proc/meminfo")
    assert re.search(r"^MemTotal:\s+\d+ kB$", out, re.M), out
    out = con.run("run /bin/cat /proc/nonexistent /proc/999999/maps")
    assert out.count("No such file or directory") == 2, out
