# SPDX-License-Identifier: GPL-2.0
"""Compaction and migration (mm/compaction.c, mm/migrate.c), from the
shell: `compact` moves the pages of running processes -- compact-demo's
parent and child, which read and write them all the while on the other
CPU -- and the free pages they left between them merge.  The KTAP suite
"migrate" drives the same code from the inside."""
import os
import re
import time

import pytest

from conftest import BUILD

INITRAMFS = os.path.join(BUILD, "initramfs.cpio")


def start(con, cmd):
    """`run CMD &`: the pid of a process left running."""
    out = con.run(f"run {cmd} &")
    m = re.search(r"^\[(\d+)\] ", out, re.M)
    assert m, out
    return int(m[1])


def wait_for(con, pattern, said="", tries=100):
    """console output until `pattern` matches it; the match and all that was said"""
    for _ in range(tries):
        said += con.run("")
        m = re.search(pattern, said, re.M)
        if m:
            return m, said
        time.sleep(0.2)
    raise AssertionError(f"{pattern!r} never came:\n{said[-3000:]}")


def vmstat(con):
    out = con.run("cat /proc/vmstat")
    return {k: int(v) for k, v in re.findall(r"^([a-z_]+) (\d+)$", out, re.M)}


def order0(con):
    """free order-0 blocks of the one zone, from /proc/buddyinfo"""
    out = con.run("cat /proc/buddyinfo")
    m = re.search(r"zone\s+Normal\s+(\d+)", out)
    assert m, out
    return int(m[1])


def rmap_pfn(con, pid, va):
    out = con.run(f"rmap {pid} 0x{va:08x}")
    m = re.search(r"^rmap: pfn 0x([0-9a-f]+) \(Normal\): anonymous, .* mapped (\d+) times?$",
                  out, re.M)
    assert m, out
    return int(m[1], 16), int(m[2]), out


@pytest.mark.parametrize("smp", [2, 4])
def test_compact_moves_pages_of_running_processes(boot, smp):
    con = boot(mem="256M", smp=smp, extra=("-initrd", INITRAMFS))
    v0 = vmstat(con)
    parent = start(con, "/bin/compact-demo 16 30")
    m, said = wait_for(con, r"^compact-demo: 2048 pages kept at 0x([0-9a-f]{8}), every other "
                            r"one; parent (\d+) and child (\d+) read them for 30 s$")
    base, child = int(m[1], 16), int(m[3])
    assert int(m[2]) == parent, said
    # pages 4k+2 are never written: parent and child share them (mapped 2 times)
    shared = [base + (4 * k + 2) * 4096 for k in range(0, 1024, 64)]
    before = {va: rmap_pfn(con, parent, va) for va in shared}
    assert all(n == 2 for _, n, _ in before.values()), before
    con.run("drain")  # buddyinfo counts no page parked on a per-cpu list
    holes = order0(con)
    assert holes >= 1024, holes     # the unmapped half: free pages between used ones
    out = con.run("compact", timeout=120)
    m = re.search(r"^compact: Normal: moved (\d+) pages \((\d+) held elsewhere, (\d+) with no free "
                  r"page above them left\); looked at (\d+) pfns to move from, (\d+) to move into; "
                  r"scanners stopped at pfn 0x([0-9a-f]{5}) \(up\) and 0x([0-9a-f]{5}) \(down\)$",
                  out, re.M)
    assert m, out
    moved, held = int(m[1]), int(m[2])
    assert moved >= 256 and held <= 8, out
    shape = re.search(r"^compact: Normal: largest free block order (\d+) -> (\d+); free order-0 "
                      r"blocks (\d+) -> (\d+); \d+ ns$", out, re.M)
    assert shape and int(shape[4]) < int(shape[3]) - 200, out
    assert order0(con) < holes - 200
    v1 = vmstat(con)
    assert v1["pgmigrate_success"] - v0["pgmigrate_success"] == moved, (v0, v1)
    assert v1["compact_isolated"] - v0["compact_isolated"] >= 2 * moved, (v0, v1)
    # a shared page that moved is still mapped by both, at its new pfn
    after = {va: rmap_pfn(con, parent, va) for va in shared}
    moved_shared = [va for va in shared if after[va][0] != before[va][0]]
    assert moved_shared, (before, after)
    for va in moved_shared:
        pfn, n, text = after[va]
        assert n == 2 and re.search(rf"^  pid {child} \(compact-demo\)  0x{va:08x}  pte ", text,
                                    re.M), text
    # both went on reading every word as written, through the move
    m, said = wait_for(con, r"^compact-demo: \d+ passed, \d+ failed, \d+ skipped$", tries=300)
    assert "compact-demo: 4 passed, 0 failed, 0 skipped" in said, said
    for bad in ("BUG", "Bad page", "Unable to handle", "Internal error"):
        assert bad not in said + out, said + out
    # and afterwards the free lists are whole (the suite compacts again)
    out = con.run("selftest migrate", timeout=120)
    assert re.search(r"^ok \d+ migrate$", out, re.M), out
    assert "compact: " in con.run("compact", timeout=120)
    # hostile input: said, nothing done; and again and again, nothing left to move
    for bad in ("compact now", "compact 99999999999999999999999", "compact -1",
                "compact compact"):
        out = con.run(bad)
        assert "compact: takes no arguments" in out and "moved" not in out, (bad, out)
    for _ in range(3):
        assert re.search(r"^compact: Normal: moved 0 pages ", con.run("compact", timeout=120),
                         re.M)


def take_every_block(con, most, warned=False):
    """`alloc N atomic` for N = 10 down to 4 until each finds no free block:
    GFP_ATOMIC may not wait, so it never compacts itself (warned: the
    failure's "page allocation failure" report is checked too).  At most
    `most` blocks are taken."""
    held = 0
    for order in range(10, 3, -1):
        while True:
            out = con.run(f"alloc {order} atomic")
            assert "direct compaction" not in out, out
            if "no free block" in out:
                assert not warned or \
                    f"page allocation failure: order:{order}, mode:0x20" in out, out
                break
            assert re.search(rf"^alloc: order {order} -> pfn ", out, re.M), out
            held += 1
            assert held < most, out


def test_direct_compaction_gives_a_failing_allocation_its_block(boot):
    """Every free block of order 4 and up taken by `alloc N atomic` (GFP_ATOMIC
    may not wait, so it never compacts): what is left free is mostly the
    holes between compact-demo's pages.  `alloc 4` (GFP_KERNEL) finds no
    block, compacts (__alloc_pages_direct_compact()) and gets one; the
    processes whose pages moved go on unharmed."""
    con = boot(mem="128M", smp=2, extra=("-initrd", INITRAMFS))
    start(con, "/bin/compact-demo 16 40")
    wait_for(con, r"^compact-demo: 2048 pages kept at ")
    v0 = vmstat(con)
    take_every_block(con, 200, warned=True)
    assert vmstat(con)["compact_stall"] == v0["compact_stall"]
    out = con.run("alloc 4", timeout=120)
    m = re.search(r"^alloc: no free block of order 4 at first: direct compaction "
                  r"\(__alloc_pages_direct_compact\(\)\) moved (\d+) pages, (\d+) could not be$",
                  out, re.M)
    assert m and int(m[1]) > 0, out
    assert re.search(r"^alloc: order 4 -> pfn 0x[0-9a-f]+ ", out, re.M), out
    v1 = vmstat(con)
    assert v1["compact_stall"] > v0["compact_stall"], (v0, v1)
    assert v1["compact_success"] > v0["compact_success"], (v0, v1)
    assert v1["pgmigrate_success"] - v0["pgmigrate_success"] >= int(m[1]), (v0, v1)
    # stress's own requests of order > 0 fail now and compact: free blocks
    # reshaped by moving pages are not a leak
    out = con.run("stress 2", timeout=120)
    assert re.search(r"^stress: PASS$", out, re.M), out
    m, said = wait_for(con, r"^compact-demo: \d+ passed, \d+ failed, \d+ skipped$", tries=300)
    assert "compact-demo: 4 passed, 0 failed, 0 skipped" in said, said
    assert "BUG" not in con.log and "Bad page" not in con.log, con.log[-3000:]


def test_kcompactd_compacts_in_the_background(boot, tmp_path):
    """With a swap area, an allocation of order 4 and up that finds no
    block wakes kswapd for its order; going back to sleep, kswapd wakes
    kcompactd0 (Linux 4.6), which moves compact-demo's pages and merges
    the holes -- so `alloc N atomic`, which never compacts itself, keeps
    finding blocks.  No direct compaction happened; the processes whose
    pages moved go on unharmed."""
    from test_swap import card, swapon
    img = card(tmp_path, 16)
    con = boot(mem="128M", smp=2, sd=str(img), extra=("-initrd", INITRAMFS))
    swapon(con, img)
    assert re.search(r"^ +\d+ +0 +\d +S .* kcompactd0$", con.run("ps"), re.M)
    start(con, "/bin/compact-demo 16 40")
    wait_for(con, r"^compact-demo: 2048 pages kept at ")
    v0 = vmstat(con)
    take_every_block(con, 400)
    for _ in range(50):  # the last failure's wakeup may still be at work
        v1 = vmstat(con)
        if v1["compact_daemon_migrate_scanned"] > v0["compact_daemon_migrate_scanned"]:
            break
        time.sleep(0.2)
    assert v1["compact_daemon_wake"] > v0["compact_daemon_wake"], (v0, v1)
    assert v1["compact_daemon_migrate_scanned"] > v0["compact_daemon_migrate_scanned"], v1
    assert v1["compact_migrate_scanned"] - v0["compact_migrate_scanned"] >= \
        v1["compact_daemon_migrate_scanned"] - v0["compact_daemon_migrate_scanned"], v1
    assert v1["pgmigrate_success"] > v0["pgmigrate_success"], (v0, v1)
    assert v1["compact_stall"] == v0["compact_stall"], (v0, v1)
    m, said = wait_for(con, r"^compact-demo: \d+ passed, \d+ failed, \d+ skipped$", tries=300)
    assert "compact-demo: 4 passed, 0 failed, 0 skipped" in said, said
    assert "BUG" not in con.log and "Bad page" not in con.log, con.log[-3000:]


def test_compaction_under_fork_exit_and_copy_on_write(boot):
    """`compact` again and again while processes fork, write copy-on-write
    pages, munmap and exit on the other CPUs: every walk of the reverse map
    races page tables coming and going (munmap and exit take a VMA off its
    anon_vma before freeing its page tables) and _mapcount counting ptes
    one by one (do_wp_page() decides reuse with the page locked).  No
    oops, no byte of one side seen by the other, every page back."""
    con = boot(mem="128M", smp=4, extra=("-initrd", INITRAMFS))
    start(con, "/bin/cow-stress 60 256 10000")
    start(con, "/bin/cow-stress 60 256 10000 readers")
    start(con, "/bin/exit-stress 20 2 512 1")
    moved, said = 0, ""
    for _ in range(60):
        out = con.run("compact", timeout=120)
        said += out
        m = re.search(r"^compact: Normal: moved (\d+) pages", out, re.M)
        assert m, out
        moved += int(m[1])
    for _ in range(900):    # all three end, each with its summary
        said += con.run("")
        if len(re.findall(r"^(?:cow|exit)-stress: \d+ rounds of ", said, re.M)) == 3:
            break
        time.sleep(0.2)
    assert said.count("cow-stress: 60 rounds of 256 pages, 0 went wrong") == 2, said
    assert re.search(r"^exit-stress: 20 rounds of 2 children x 512 pages beside 1 spinners, "
                     r"0 failed$", said, re.M), said
    assert moved > 0, moved
    for bad in ("BUG", "Bad page", "Unable to handle", "Internal error", "not its own"):
        assert bad not in con.log, con.log[-4000:]
    out = con.run("selftest migrate", timeout=120)
    assert re.search(r"^ok \d+ migrate$", out, re.M), out
