# SPDX-License-Identifier: GPL-2.0
"""Page reclaim and swap (mm/vmscan.c, mm/swap_state.c, mm/swapfile.c,
mm/page_io.c) from the shell: an SD card that util-linux's mkswap
formatted, `swapon`, and processes using more memory than the board has
-- their least recently used pages go out to the card and come back on
the next touch, every word as written.  The KTAP suite "vmscan" drives
the same code from the inside once a swap area is active."""
import os
import re
import subprocess
import time

import pytest

from conftest import BUILD

INITRAMFS = os.path.join(BUILD, "initramfs.cpio")
MKSWAP = "/sbin/mkswap"


def card(tmp_path, mib=16, mkswap=True):
    """a card image of `mib` MiB (a power of two, as QEMU wants), mkswap'd"""
    img = tmp_path / "swap.img"
    with open(img, "wb") as f:
        f.truncate(mib << 20)
    if mkswap:
        subprocess.run([MKSWAP, str(img)], check=True, capture_output=True)
    return img


def boot_card(boot, img, mem="64M", smp=2):
    return boot(mem=mem, smp=smp, sd=str(img), extra=("-initrd", INITRAMFS))


def swapon(con, img):
    """swapon the card: Linux's line, its size derived from the image's"""
    kib = (os.path.getsize(img) // 4096 - 1) * 4
    out = con.run("swapon")
    assert re.search(rf"^Adding {kib}k swap on mmcblk0\.  Priority:-1 extents:1 "
                     rf"across:{kib}k$", out, re.M), out
    return kib


def vmstat(con):
    out = con.run("cat /proc/vmstat")
    return {k: int(v) for k, v in re.findall(r"^([a-z_]+) (\d+)$", out, re.M)}


def meminfo(con):
    out = con.run("cat /proc/meminfo")
    return {k: int(v) for k, v in re.findall(r"^([A-Za-z()]+):\s+(\d+) kB$", out, re.M)}


def swaps(con):
    """/proc/swaps' one area: (size, used) in KiB"""
    out = con.run("cat /proc/swaps")
    lines = out.strip().splitlines()
    assert lines[0] == "Filename\t\t\t\tType\t\tSize\tUsed\tPriority", out
    m = re.fullmatch(r"/dev/mmcblk0 +partition\t(\d+)\t(\d+)\t-1", lines[1])
    assert m and len(lines) == 2, out
    return int(m[1]), int(m[2])


def passed(out, name, n):
    assert f"{name}: {n} passed, 0 failed, 0 skipped" in out, out
    assert "FAIL" not in out, out


def test_swapon_reads_the_mkswap_header(boot, tmp_path):
    """the area is what mkswap wrote: every page of the card but the
    header; meminfo and /proc/swaps say so; a second swapon and one of a
    device that is not there are refused"""
    img = card(tmp_path, 8)
    con = boot_card(boot, img)
    assert con.run("cat /proc/swaps").strip() == "Filename\t\t\t\tType\t\tSize\tUsed\tPriority"
    kib = swapon(con, img)
    assert kib == 8188
    assert swaps(con) == (kib, 0)
    m = meminfo(con)
    assert m["SwapTotal"] == m["SwapFree"] == kib and m["SwapCached"] == 0, m
    assert "swapon: mmcblk0: Device or resource busy" in con.run("swapon")
    assert "swapon: /dev/sdz: no such block device" in con.run("swapon /dev/sdz")
    assert "swapon: /dev/mmcblk0: Device or resource busy" in con.run("swapon /dev/mmcblk0")
    assert swaps(con) == (kib, 0)


def test_swapon_refuses_what_mkswap_did_not_write(boot, tmp_path):
    """a card of zeroes: Linux's words, no area, the shell goes on"""
    img = card(tmp_path, 8, mkswap=False)
    con = boot_card(boot, img)
    out = con.run("swapon")
    assert "swapon: mmcblk0: Unable to find swap-space signature" in out, out
    assert con.run("cat /proc/swaps").strip().count("\n") == 0
    assert meminfo(con)["SwapTotal"] == 0
    assert ("reclaim: no free swap slot (swapon first) and no page cache to drop "
            "(read /dev/mmcblk0): nothing can go") in con.run("reclaim")


@pytest.mark.parametrize("smp", [2, 4])
def test_more_anonymous_memory_than_ram(boot, tmp_path, smp):
    """72 MiB written and read back on a 64 MiB board: pages go out to the
    card (kswapd and direct reclaim) and come back (major faults), every
    word as written; when the process is gone every slot is free again"""
    img = card(tmp_path, 32)
    con = boot_card(boot, img, smp=smp)
    kib = swapon(con, img)
    v0 = vmstat(con)
    out = con.run("run /bin/swap-demo 72", timeout=600)
    passed(out, "swap-demo", 2)
    m = re.search(r"^swap-demo: 18432 pages written at 0x[0-9a-f]{8}; VmSwap (\d+) kB", out, re.M)
    assert m and int(m[1]) > 4096, out
    v1 = vmstat(con)
    for ev in ("pswpout", "pswpin", "pgmajfault", "pgsteal_kswapd", "pgscan_kswapd"):
        assert v1[ev] > v0[ev], (ev, v0, v1)
    assert v1["pgmajfault"] - v0["pgmajfault"] == v1["pswpin"] - v0["pswpin"], v1
    con.run("reclaim 64")  # a page the exit found busy leaves the swap cache now
    assert swaps(con) == (kib, 0)
    mi = meminfo(con)
    assert mi["SwapFree"] == kib and mi["SwapCached"] == 0, mi
    assert mi["AnonPages"] == mi["Active(anon)"] == mi["Inactive(anon)"] == 0, mi


def test_fork_shares_pages_on_swap(boot, tmp_path):
    """a fork child checks every page the parent wrote, on the card or in
    RAM, while the parent rewrites every fourth (its own copies)"""
    img = card(tmp_path, 32)
    con = boot_card(boot, img, smp=4)
    kib = swapon(con, img)
    v0 = vmstat(con)
    out = con.run("run /bin/swap-demo 56 fork", timeout=600)
    passed(out, "swap-demo", 4)
    assert vmstat(con)["pswpin"] > v0["pswpin"]
    con.run("reclaim 64")
    assert swaps(con) == (kib, 0)


def test_madv_pageout_sends_every_page_out(boot, tmp_path):
    """MADV_PAGEOUT with memory to spare: all 2048 pages go out, each comes
    back with one read (a major fault), the process's counters follow"""
    img = card(tmp_path, 16)
    con = boot_card(boot, img, mem="1024M", smp=4)
    kib = swapon(con, img)
    v0 = vmstat(con)
    out = con.run("run /bin/swap-demo 8 pageout", timeout=300)
    passed(out, "swap-demo", 3)
    m = re.search(r"^swap-demo: VmSwap (\d+) kB, VmRSS (\d+) kB after MADV_PAGEOUT$", out, re.M)
    assert m and int(m[1]) == 8192 and int(m[2]) < 100, out
    assert "swap-demo: VmSwap 0 kB at the end" in out
    v1 = vmstat(con)
    assert v1["pswpout"] - v0["pswpout"] == 2048, (v0, v1)
    assert v1["pswpin"] - v0["pswpin"] == 2048, (v0, v1)
    assert v1["pgmajfault"] - v0["pgmajfault"] == 2048, (v0, v1)
    assert swaps(con) == (kib, 0)


def test_vmscan_suite_with_swap(boot, tmp_path):
    """the KTAP suite's swapping cases run (they skip at boot, with no area)"""
    img = card(tmp_path, 8)
    con = boot_card(boot, img, smp=4)
    out = con.run("selftest vmscan")
    assert "ok 1 vmscan" in out and out.count("# SKIP no swap area (swapon first)") == 4, out
    swapon(con, img)
    out = con.run("selftest vmscan", timeout=120)
    assert "ok 1 vmscan" in out and "not ok" not in out, out
    assert out.count("# SKIP") == 1 and "# SKIP a swap area is active" in out, out
    assert "BUG: Bad page map in process" in out  # the corrupted pte's case, said


def test_compaction_beside_swapping(boot, tmp_path):
    """compact moves processes' pages while reclaim swaps others out and
    faults bring them back: nobody's words change"""
    img = card(tmp_path, 32)
    con = boot_card(boot, img, smp=4)
    kib = swapon(con, img)
    out = con.run("run /bin/swap-demo 56 fork &")
    assert re.search(r"^\[\d+\] /bin/swap-demo$", out, re.M), out
    said = out
    for _ in range(6):
        said += con.run("compact", timeout=120)
    for _ in range(600):
        said += con.run("")
        if "swap-demo: 4 passed" in said or "FAIL" in said:
            break
        time.sleep(0.5)
    passed(said, "swap-demo", 4)
    con.run("reclaim 64")
    assert swaps(con) == (kib, 0)


def test_without_swap_the_oom_killer_decides(boot):
    """no swap area: reclaim has nowhere to put a page, and the process
    that wants more than RAM is killed (as before swap existed)"""
    con = boot(mem="64M", smp=2, extra=("-initrd", INITRAMFS))
    out = con.run("run /bin/swap-demo 80", timeout=300)
    assert re.search(r"Out of memory: Killed process \d+ \(swap-demo\)", out), out
    assert meminfo(con)["AnonPages"] == 0


def test_reclaim_and_swapon_refuse_garbage(boot, tmp_path):
    img = card(tmp_path, 8)
    con = boot_card(boot, img)
    swapon(con, img)
    for bad in ("x", "0", "-1", "0x", "99999999999"):
        out = con.run(f"reclaim {bad}")
        assert re.search(rf"reclaim: '{re.escape(bad)}': a number of pages, 1 to \d+", out), out
    assert "usage" in con.run("reclaim 1 2").lower()
    assert "usage" in con.run("swapon a b").lower()
    out = con.run("reclaim 10")
    assert re.match(r"reclaim: freed \d+ pages, wrote \d+ to swap, page cache \d+ -> \d+ pages; \d+ ns", out), out
