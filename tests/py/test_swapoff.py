# SPDX-License-Identifier: GPL-2.0
"""swapoff (mm/swapoff.c, mm/swapfile.c): a process's pages on the card
come back to RAM and are mapped again before the area goes -- every word
as written, the counters back to zero, the device free for the next
swapon; without room for them swapoff fails and the area stays as it was."""
import re
import time

from test_swap import boot_card, card, meminfo, passed, swapon, swaps, vmstat

HEADER = "Filename\t\t\t\tType\t\tSize\tUsed\tPriority"


def wait_for(con, said, text, seconds=300):
    """the console's output until `text` (or a FAIL) shows up"""
    for _ in range(seconds * 2):
        if text in said or "FAIL" in said:
            break
        time.sleep(0.5)
        said += con.run("")
    assert text in said, said
    return said


def test_swapoff_brings_every_page_back(boot, tmp_path):
    """2048 pages on the card, their process waiting: swapoff reads each
    back once and maps it again -- the process finds VmSwap 0 and every
    word right without a fault -- then the area is gone; swapon and
    swapoff again, the type (Priority -1) reused each time"""
    img = card(tmp_path, 16)
    con = boot_card(boot, img, smp=2)
    kib = swapon(con, img)
    said = wait_for(con, con.run("run /bin/swap-demo 8 swapoff &"),
                    "swap-demo: VmSwap 8192 kB; waiting for swapoff")
    assert swaps(con) == (kib, 8192)
    pid = re.search(r"^\[(\d+)\] /bin/swap-demo$", said, re.M)[1]
    va = int(re.search(r"pages written at (0x[0-9a-f]{8})", said)[1], 16)
    out = con.run(f"rmap {pid} {va + 4096:#x}")
    assert re.search(r"swapped out: slot \d+ of /dev/mmcblk0 \(swap entry type 0\)", out), out
    v0 = vmstat(con)
    out = con.run("swapoff", timeout=300)
    assert re.search(r"^swapoff: mmcblk0: 2048 ptes got their pages back, 2048 pages read "
                     r"from it; \d+ ns$", out, re.M), out
    # what the process prints comes between the shell's lines: collect it first
    said = wait_for(con, said + out, "swap-demo: 4 passed")
    passed(said, "swap-demo", 4)
    assert vmstat(con)["pswpin"] - v0["pswpin"] == 2048
    assert "swap-demo: VmSwap 0 kB at the end" in said
    assert con.run("cat /proc/swaps").strip() == HEADER
    m = meminfo(con)
    assert m["SwapTotal"] == m["SwapFree"] == m["SwapCached"] == 0, m
    assert m["AnonPages"] == 0, m  # the process is gone: every page it got back, freed
    for _ in range(3):
        swapon(con, img)  # Priority:-1: type 0 again, its struct reused
        assert swaps(con) == (kib, 0)
        out = con.run("swapoff /dev/mmcblk0")
        assert re.match(r"swapoff: /dev/mmcblk0: 0 ptes got their pages back, 0 pages read", out)
    assert "not ok" not in con.run("selftest vmscan", timeout=120)


def test_swapoff_races_the_faults(boot, tmp_path):
    """swapoff while the process faults the same pages back in on other
    CPUs: each page comes back once, by whichever gets there first (the
    other finds its pte changed), every word right, the area gone"""
    img = card(tmp_path, 16)
    con = boot_card(boot, img, smp=4)
    swapon(con, img)
    v0 = vmstat(con)
    said = wait_for(con, con.run("run /bin/swap-demo 8 pageout &"), "after MADV_PAGEOUT")
    out = con.run("swapoff", timeout=300)
    m = re.search(r"^swapoff: mmcblk0: (\d+) ptes got their pages back, (\d+) pages read "
                  r"from it; \d+ ns$", out, re.M)
    assert m, out
    said = wait_for(con, said + out, "swap-demo: 3 passed")
    passed(said, "swap-demo", 3)
    assert con.run("cat /proc/swaps").strip() == HEADER
    v1 = vmstat(con)
    # a page is read once: by swapoff, or by the fault that got there first
    assert v1["pswpin"] - v0["pswpin"] == 2048, (v0, v1)
    # and mapped by whichever of the two comes to its pte first
    assert 0 < int(m[1]) < 2048 and 0 < int(m[2]) <= 2048, m[0]
    assert meminfo(con)["SwapTotal"] == 0


def test_swapoff_without_room_fails_and_keeps_the_area(boot, tmp_path):
    """72 MiB on a 64 MiB board, as much of it on the card as fits: the
    pages cannot all come back, so swapoff fails and the area stays,
    still used; once the process is gone the same swapoff succeeds"""
    img = card(tmp_path, 32)
    con = boot_card(boot, img, smp=2)
    kib = swapon(con, img)
    out = con.run("run /bin/swap-demo 72 swapoff &")
    pid = re.search(r"^\[(\d+)\] /bin/swap-demo$", out, re.M)[1]
    wait_for(con, out, "waiting for swapoff", seconds=600)
    size, used = swaps(con)
    assert size == kib and used > 16384, used
    out = con.run("swapoff", timeout=600)
    assert "swapoff: mmcblk0: failed (-12): still swapped to" in out, out
    size, still = swaps(con)
    assert size == kib and 0 < still <= used
    assert meminfo(con)["SwapTotal"] == kib
    con.run(f"kill {pid}")
    for _ in range(60):
        con.run("reclaim 64")
        if swaps(con) == (kib, 0):
            break
        time.sleep(0.5)
    assert swaps(con) == (kib, 0)
    assert re.match(r"swapoff: mmcblk0: 0 ptes got their pages back", con.run("swapoff"))
    assert con.run("cat /proc/swaps").strip() == HEADER


def test_swapoff_beside_a_growing_process_gives_up_instead_of_a_kill(boot, tmp_path):
    """64 MiB on a 64 MiB board, the process still writing and
    reading at 4 CPUs: swapoff cannot bring it all back and stops -- no
    room left above the watermarks, or the OOM killer choosing swapoff
    itself -- with the area kept; nobody is killed, every word right.
    (It used to take the reserves, and the process was OOM-killed.)"""
    img = card(tmp_path, 64)
    con = boot_card(boot, img, smp=4)
    kib = swapon(con, img)
    said = con.run("run /bin/swap-demo 64 &")
    for _ in range(600):  # the process talks meanwhile: its lines are kept
        out = con.run("cat /proc/swaps")
        m = re.search(r"^/dev/mmcblk0 +partition\t\d+\t(\d+)\t-1$", out, re.M)
        said += re.sub(r"^(Filename|/dev/mmcblk0).*\n?", "", out, flags=re.M)
        if m and int(m[1]) > 4096:
            break
        time.sleep(0.2)
    out = con.run("swapoff", timeout=600)
    assert re.search(r"swapoff: mmcblk0: failed \(-(12|4)\): still swapped to", out), out
    assert re.search(r"swapoff: mmcblk0: (no room in RAM for the rest|the OOM killer chose "
                     r"swapoff): \d+ pages stay on it", out + con.log), out
    assert meminfo(con)["SwapTotal"] == kib
    said = wait_for(con, said + out, "swap-demo: 2 passed", seconds=900)
    passed(said, "swap-demo", 2)
    assert "Killed process" not in said + con.log


def test_swapoff_refuses_garbage(boot, tmp_path):
    img = card(tmp_path, 8)
    con = boot_card(boot, img)
    assert "swapoff: mmcblk0: not swapped to (see /proc/swaps)" in con.run("swapoff")
    assert "swapoff: /dev/sdz: no such block device" in con.run("swapoff /dev/sdz")
    assert "usage" in con.run("swapoff a b").lower()
    swapon(con, img)
    assert "swapoff: x: no such block device" in con.run("swapoff x")
    assert swaps(con)[0] > 0
