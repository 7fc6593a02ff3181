# SPDX-License-Identifier: GPL-2.0
"""Demand paging, copy-on-write, VMAs, files and /proc (issue 16), from
the kernel's side: the KTAP suite "mm_fault" on one CPU and four, and
processes run from the shell whose pages, VMAs and descriptors are
looked at through /proc and the kernel's own commands."""
import os
import re
import time

import pytest

from conftest import BUILD

INITRAMFS = os.path.join(BUILD, "initramfs.cpio")


@pytest.mark.parametrize("smp", [1, 4])
def test_mm_fault_selftest(boot, smp):
    con = boot(mem="128M", smp=smp)
    out = con.run("selftest mm_fault", timeout=120)
    assert re.search(r"^ok \d+ mm_fault$", out, re.M), out
    for case in ("fault_anonymous_read_then_write", "fault_fork_shares_then_copies_then_reuses",
                 "fault_every_page_comes_back", "fault_counts_anon_pages_and_events",
                 "fault_shmem_counts_cached_shmem_mapped", "fault_pgalloc_pgfree_count_pages"):
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


def kb(text, field):
    m = re.search(rf"^{field}:\s+(\d+) kB$", text, re.M)
    assert m, (field, text)
    return int(m[1])


def vmstat(con):
    out = con.run("cat /proc/vmstat")
    return {k: int(v) for k, v in re.findall(r"^([a-z_]+) (\d+)$", out, re.M)}


def test_meminfo_and_vmstat_count_a_process(boot):
    """AnonPages and Mapped are the pages processes map: with one process
    running they are its RssAnon and RssFile, and nothing once it exits;
    pgfault counts its faults, pgalloc_*/pgfree the pages; /proc/vmstat's
    counters are Linux's names, zone counters first."""
    con = boot(mem="256M", smp=4, extra=("-initrd", INITRAMFS))
    v0 = vmstat(con)
    names = list(v0)
    assert names[:6] == ["nr_free_pages", "nr_inactive_anon", "nr_active_anon", "nr_inactive_file",
                         "nr_active_file", "nr_anon_pages"], names
    assert names[-1] == "compact_daemon_free_scanned", names
    assert v0["nr_anon_pages"] == v0["nr_mapped"] == v0["nr_shmem"] == 0, v0
    assert v0["pgfree"] > v0["nr_free_pages"] > 0, v0      # boot's hand-over is counted
    meminfo = con.run("cat /proc/meminfo")
    assert kb(meminfo, "Cached") == v0["nr_file_pages"] * 4 > 0, meminfo   # the initramfs's files
    pid = start(con, "/bin/sleep 30")
    status = con.run(f"cat /proc/{pid}/status")
    meminfo = con.run("cat /proc/meminfo")
    anon, mapped = kb(meminfo, "AnonPages"), kb(meminfo, "Mapped")
    assert anon == kb(status, "RssAnon") > 0, (meminfo, status)
    assert mapped == kb(status, "RssFile") > 0, (meminfo, status)
    assert kb(meminfo, "Shmem") == 0, meminfo
    v1 = vmstat(con)
    assert v1["nr_anon_pages"] * 4 == anon and v1["nr_mapped"] * 4 == mapped, v1
    assert v1["pgfault"] - v0["pgfault"] >= (anon + mapped) // 4, (v0, v1)
    con.run(f"kill {pid}")
    con.run("run /bin/echo done")
    v2 = vmstat(con)
    assert v2["nr_anon_pages"] == v2["nr_mapped"] == 0, v2
    assert v2["pgalloc_normal"] > v1["pgalloc_normal"] and v2["pgfree"] > v1["pgfree"], v2
    assert v2["pgmajfault"] == 0, v2                        # nothing is ever read from a device


def listed(con, pid):
    return re.search(rf"^\s*{pid}\s", con.run("ps"), re.M) is not None


def test_kill_ends_a_sleep_at_once(boot):
    """A process in nanosleep() is woken by SIGKILL and dies (it slept on
    for the whole time before); a sleep of 2^31 - 1 seconds does not wrap
    into one of none."""
    con = boot(mem="128M", smp=2, extra=("-initrd", INITRAMFS))
    pid = start(con, "/bin/sleep 2147483647")
    time.sleep(1)
    assert listed(con, pid), con.run("ps")
    con.run(f"kill {pid}")
    deadline = time.time() + 5
    while listed(con, pid) and time.time() < deadline:
        time.sleep(0.2)
    assert not listed(con, pid), con.run("ps")
    assert "hello" in con.run("run /bin/echo hello")


def test_faultbench_measures_faults_fork_and_exec(boot):
    """/bin/faultbench (make bench's user-space rows): its four figures come
    from the kernel's clock_gettime(), every page comes back; no figure is
    judged -- timings are measured in make bench, never asserted."""
    con = boot(mem="128M", smp=1, extra=("-initrd", INITRAMFS))
    con.run("run /bin/faultbench 32")
    out = con.run("run /bin/faultbench 32")
    for pat in (r"anonymous fault: \d+ ns per page \(32 pages\)", r"COW fault: \d+ ns per page \(32 pages\)",
                r"fork\+exit: \d+ ns per round \(32 pages touched, 4 rounds\)",
                r"execve: \d+ ns to main\(\)"):
        assert re.search(r"^faultbench: " + pat + "$", out, re.M), (pat, out)
    m = re.search(r"run: free pages (\d+) before, (\d+) after", out)
    assert m and m[1] == m[2] and "exit status 0" in out, out
    # garbage, overflow, too many: the usage line, nothing run, nothing lost
    for args in ("0", "abc", "99999999999999", "1 2"):
        out = con.run(f"run /bin/faultbench {args}")
        assert "usage: faultbench" in out and "exit status 2" in out, out
    for args in ("x", "1 99", "99999999999999999", "1 1 1 1 1"):
        out = con.run(f"run /bin/exit-stress {args}")
        assert "usage: exit-stress" in out and "exit status 2" in out, out
    m = re.search(r"run: free pages (\d+) before, (\d+) after", out)
    assert m and m[1] == m[2], out


def test_exit_preempted_in_exit_mmap_keeps_every_reference(boot):
    """Processes exiting with 8 MiB each while spinners keep all four CPUs
    busy: the tick preempts some inside exit_mmap(), after exit_mm() set
    tsk->mm = NULL, so they are switched as kernel threads are.  exit_mm()
    used to drop the mm a second time and leak the mm it had borrowed
    since: with SLUB's poisoning on, writes into the freed mm_struct were
    "Poison overwritten" reports, then an oops."""
    con = boot(mem="128M", smp=4, extra=("-initrd", INITRAMFS),
               append="console=ttyAMA0 slub_debug=FZPU")
    out = con.run("run /bin/exit-stress 60", timeout=300)
    out += con.run("run /bin/exit-stress 60", timeout=300)
    assert out.count("/bin/exit-stress: exit status 0") == 2, out
    assert "0 failed" in out, out
    for bad in ("BUG ", "Poison overwritten", "Unable to handle", "Internal error"):
        assert bad not in out, out


def test_rmap_follows_a_page_back_to_its_processes(boot):
    """rmap-demo: one anonymous page, a parent and two children; the
    kernel's `rmap PID VA` walks the page's anon_vma (mm/rmap.c) to every
    VMA that may map it and reads each pte: the parent and the reader map
    the shared page read-only, the writer's copy-on-write copy is its own,
    in the same anon_vma at the same index."""
    con = boot(mem="256M", smp=2, extra=("-initrd", INITRAMFS))
    parent = start(con, "/bin/rmap-demo 30")
    said = ""
    for _ in range(50):             # its line comes when both children are ready
        said += con.run("")
        m = re.search(r"rmap-demo: page 0x([0-9a-f]{8}): parent (\d+), reader (\d+), "
                      r"writer (\d+)", said)
        if m:
            break
        time.sleep(0.1)
    assert m and int(m[2]) == parent, said
    va, reader, writer = m[1], int(m[3]), int(m[4])
    out = con.run(f"rmap {parent} 0x{va}")
    head = re.search(r"^rmap: pfn 0x([0-9a-f]+) \(Normal\): anonymous, anon_vma 0x([0-9a-f]{8}), "
                     r"index 0x([0-9a-f]+), mapped 2 times$", out, re.M)
    assert head, out
    shared, anon_vma, index = int(head[1], 16), head[2], int(head[3], 16)
    assert index == int(va, 16) >> 12, out     # an anonymous VMA's vm_pgoff: its page number
    for pid in (parent, reader):
        assert re.search(rf"^  pid {pid} \(rmap-demo\)  0x{va}  pte 0x[0-9a-f]{{8}}  read-only$",
                         out, re.M), out
    copy = re.search(rf"^  pid {writer} \(rmap-demo\)  0x{va}  maps pfn 0x([0-9a-f]+) there instead",
                     out, re.M)
    assert copy and int(copy[1], 16) != shared, out
    assert "the anon_vma has 3 VMAs covering index" in out and "2 of those shown map this page" in out
    out = con.run(f"rmap {writer} 0x{va}")
    assert re.search(rf"^rmap: pfn 0x{copy[1]} \(Normal\): anonymous, anon_vma 0x{anon_vma}, "
                     rf"index 0x{index:x}, mapped 1 time$", out, re.M), out
    assert re.search(rf"^  pid {writer} \(rmap-demo\)  0x{va}  pte 0x[0-9a-f]{{8}}  writable$",
                     out, re.M), out
    assert "1 of those shown maps this page" in out, out
    # by pfn too, and what is not an anonymous page says what it is
    assert f"pfn 0x{shared:x} (Normal): anonymous" in con.run(f"rmap {shared:#x}")
    assert "free, or a tail of a larger block" in con.run("rmap 0x" + free_pfn(con))
    assert "reserved at boot" in con.run("rmap 0x60010")          # the kernel's text
    assert "maps nothing at 0x00001000" in con.run(f"rmap {parent} 0x1000")
    assert "is in no zone" in con.run("rmap 0x1")
    assert "no process 99999" in con.run("rmap 99999 0x10000")
    # hostile input: said, and the usage shown; nothing else happens
    for bad, said in (("rmap xyz", "rmap: 'xyz' is not a pfn"),
                      ("rmap 0x1ffffffffffffffffff", "is not a pfn"),
                      (f"rmap {parent} zz", "rmap: expected a pid and an address"),
                      ("rmap 0 0x10000", "rmap: expected a pid and an address"),
                      ("rmap 1 2 3", "")):
        out = con.run(bad)
        assert said in out and "usage: rmap PFN | PID VA" in out, (bad, out)
    assert "maps nothing at 0xffffffff" in con.run(f"rmap {parent} 0xffffffff")
    assert "2 of those shown map this page" in con.run(f"rmap {parent} 0x{va}")   # unchanged
    con.run(f"kill -9 {parent}")


def free_pfn(con):
    """a pfn the buddy allocator holds free: `alloc 0`, then `free` it (drained)"""
    out = con.run("alloc 4 movable")
    pfn = re.search(r"pfn 0x([0-9a-f]+)", out)[1]
    con.run(f"free 0x{pfn} 4")
    return pfn
