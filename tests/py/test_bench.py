# SPDX-License-Identifier: GPL-2.0
"""What make bench stands on: the shell's `bench`, the kernel's cost lines,
the floor image.  No test here asserts a timing: only that the figures
exist, are derived from the data they describe and repeat under -icount.
"""
import os
import re
import subprocess
import sys

from conftest import BUILD, DTB, ROOT

sys.path.insert(0, os.path.join(ROOT, "scripts"))
import bench  # noqa: E402

FLOOR = os.path.join(BUILD, "floor.Image")
ICOUNT = ["-icount", "shift=0,sleep=off"]


def pairs(out):
    got = {o: float(v) for o, v in re.findall(
        r"^bench: order (\d): \d+ alloc\+free pairs, ([\d.]+) ns per pair$", out, re.M)}
    got.update({"vmalloc": float(v) for v in re.findall(
        r"^bench: vmalloc\+vfree 1 MiB: \d+ pairs, ([\d.]+) ns per pair$", out, re.M)})
    return got


def free_and_pcp(con):
    mi = con.run("cat /proc/meminfo")
    return [int(re.search(rf"^{k}: +(\d+) kB", mi, re.M).group(1))
            for k in ("MemFree", "PerCpuLists")]


def test_bench_runs_pairs_and_gives_every_page_back(boot):
    con = boot(mem="128M", smp=1)
    # the first vmalloc() of a size makes its kmalloc class take a slab page,
    # which stays with the class: measured from the second run on
    con.run("bench 1")
    free, pcp = free_and_pcp(con)
    vused = re.search(r"^VmallocUsed: +(\d+) kB", con.run("cat /proc/meminfo"), re.M).group(1)
    out = con.run("bench 200")
    assert "gfp 0x" in out and "instructions under -icount" in out
    got = pairs(out)
    assert set(got) == {"0", "3", "vmalloc"}, out
    assert all(v > 0 for v in got.values())
    # pages may move between the buddy and the per-cpu lists, none is lost
    after_free, after_pcp = free_and_pcp(con)
    assert after_free + after_pcp == free + pcp
    assert f"VmallocUsed:    {int(vused):8d} kB" in con.run("cat /proc/meminfo")
    out = con.run("selftest", timeout=120)
    assert re.search(r"# selftest: \d+ suites?, 0 failed", out), out


def test_bench_refuses_bad_counts(boot):
    con = boot(mem="128M", smp=1)
    for arg in ("0", "x", "-1", "1000001", "1 2"):
        out = con.run(f"bench {arg}")
        assert "N must be 1..1000000" in out or "usage: bench [N]" in out, (arg, out)
        assert "alloc+free pairs" not in out


def test_bench_repeats_under_icount(boot):
    """Two boots, the same figures: the instruction count does not depend
    on the host; the timer's 10 ns ticks may land one tick apart over the
    run (the console's input arrives at host-dependent moments)."""
    runs = []
    for _ in range(2):
        con = boot(mem="128M", smp=1, extra=ICOUNT)
        runs.append(pairs(con.run("bench 1000")))
        con.close()
    assert set(runs[0]) == {"0", "3", "vmalloc"}
    for o in ("0", "3", "vmalloc"):
        assert abs(runs[0][o] - runs[1][o]) <= 0.02 + 1e-9, runs


def test_compaction_figures_repeat_under_icount():
    """make bench's compaction row: pages moved and the instructions `compact`
    took (sched_clock under -icount), the same twice"""
    first, second = bench.compaction_figures(), bench.compaction_figures()
    assert first == second, (first, second)
    assert first["moved"] > 500 and first["insns"] > first["moved"] * 400, first


def test_swap_figures_repeat_under_icount():
    """make bench's swap rows: every page of swap-demo's 8 MiB out and in,
    the same instructions twice, up to a few ticks of the 10 ns timer (the
    SD card's PIO is deterministic too; when the typed command arrives is
    not: 30 ns apart seen)"""
    first, second = bench.swap_figures(), bench.swap_figures()
    assert first["pages"] == second["pages"], (first, second)
    assert abs(first["out"] - second["out"]) <= 100 and abs(first["in"] - second["in"]) <= 100, \
        (first, second)
    assert first["pages"] == 2048 and first["out"] > 2048 * 1024 and first["in"] > 2048 * 1024, \
        first
    # swapoff's figure also holds swap-demo's polls: the same within 1 %
    off1, off2 = first["swapoff"], second["swapoff"]
    assert off1["ptes"] == off2["ptes"] == off1["reads"] == 2048, (off1, off2)
    assert abs(off1["ns"] - off2["ns"]) <= off1["ns"] // 100, (off1, off2)


def test_pagecache_figures_repeat_under_icount():
    """make bench's page-cache rows: dd's 1024 read()s of the card, missing
    the cache then hitting it, the same twice up to a few timer ticks; a
    miss costs the card's I/O, a hit far less"""
    first, second = bench.pagecache_figures(), bench.pagecache_figures()
    assert abs(first["miss"] - second["miss"]) <= 2 and abs(first["hit"] - second["hit"]) <= 2, \
        (first, second)
    assert first["miss"] > 4 * first["hit"] > 4 * 1024 // 4, first


def test_translated_code_is_counted_and_repeats_under_icount():
    """make bench's translated row: the plugin's count of the code QEMU
    translated before the prompt -- the same twice under -icount, at least
    an instruction a block, and never more than the boot executed"""
    _, first, _ = bench.a9mm_boot("128M")
    _, second, _ = bench.a9mm_boot("128M")
    assert first["translated"] == second["translated"], (first, second)
    blocks, insns = first["translated"]
    assert 500 < blocks <= insns < first["prompt"] - first["entry"], first


def test_mminit_cost_lines_count_what_was_freed(boot):
    con = boot(mem="1024M", smp=1)
    cost = bench.mminit_costs(con.log, "1024M")
    m = re.search(r"Memory: (\d+)K/(\d+)K available \(.* (\d+)K reserved, (\d+)K highmem\)",
                  con.log)
    total, reserved, high = (int(m.group(i)) // 4 for i in (2, 3, 4))
    assert cost["pages"] == total
    assert cost["high_pages"] == high
    # everything not reserved went to the buddy allocator, lowmem or HighMem
    assert cost["low_pages"] + cost["high_pages"] == total - reserved
    assert cost["bootmem_init"] > 0 and cost["free_low"] > 0 and cost["free_high"] > 0


def test_floor_image_prints_one_char_and_powers_off():
    assert os.path.getsize(FLOOR) <= 64
    res = subprocess.run(bench.qemu(FLOOR, "1024M"), capture_output=True, timeout=60)
    assert res.returncode == 0
    assert res.stdout == b"#"
