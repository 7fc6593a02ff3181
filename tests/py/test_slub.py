# SPDX-License-Identifier: GPL-2.0
"""The slab allocator from the console: the boot line, /proc/slabinfo,
/proc/meminfo's Slab lines, and every shell command -- slabinfo, kmalloc,
kfree, kmem_cache, slubtest -- with the hostile frees (a non-slab address,
the middle of an object, twice): a clear report, nothing lost."""
import re

import pytest

DEBUG_APPEND = "console=ttyAMA0 loglevel=8 slub_debug=FZPU"


def slabinfo(con):
    """/proc/slabinfo as {name: (active_objs, num_objs, objsize, objperslab, pagesperslab,
    active_slabs, num_slabs)}"""
    out = con.run("cat /proc/slabinfo")
    lines = out.splitlines()
    assert lines[0] == "slabinfo - version: 2.1"
    assert lines[1].startswith("# name            <active_objs> <num_objs> <objsize> "
                               "<objperslab> <pagesperslab> : tunables <limit> "
                               "<batchcount> <sharedfactor> : slabdata <active_slabs> "
                               "<num_slabs> <sharedavail>")
    caches = {}
    for line in lines[2:]:
        m = re.match(r"^(\S+)\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+) : tunables\s+0\s+0\s+0 "
                     r": slabdata\s+(\d+)\s+(\d+)\s+0$", line)
        assert m, line
        caches[m.group(1)] = tuple(int(x) for x in m.groups()[1:])
    return caches


def meminfo_kb(con, key):
    return int(re.search(rf"^{key}:\s+(\d+) kB$", con.run("cat /proc/meminfo"), re.M).group(1))


@pytest.mark.parametrize("smp", [1, 4])
def test_slub_line_follows_memory_and_caches_exist(boot, smp):
    con = boot(mem="256M", smp=smp)
    log = con.log.splitlines()
    mem = next(i for i, l in enumerate(log) if l.startswith("Memory: "))
    slub = next(i for i, l in enumerate(log) if l.startswith("SLUB: "))
    assert log[slub] == f"SLUB: HWalign=64, Order=0-3, MinObjects=0, CPUs={smp}, Nodes=1"
    # Linux 4.14's order on ARM: Memory:, mem_init()'s layout, then kmem_cache_init()
    assert all(l.startswith(("Virtual kernel memory layout:", "    ")) for l in log[mem + 1:slub])
    caches = slabinfo(con)
    names = [f"kmalloc-{n}" for n in (8, 16, 32, 64, 96, 128, 192, 256, 512, 1024, 2048, 4096,
                                     8192)]
    assert set(names + ["kmem_cache", "kmem_cache_node"]) <= set(caches)
    # Linux's geometry: objects per slab and pages per slab (calculate_order())
    per_slab = {"kmalloc-64": 64, "kmalloc-96": 42, "kmalloc-192": 21, "kmalloc-8192": 4}
    for name, objs in per_slab.items():
        assert caches[name][3] == objs, (name, caches[name])
    assert caches["kmalloc-8192"][4] == 8
    # every cache is an object of kmem_cache, the boot caches too
    assert caches["kmem_cache"][0] >= len(caches)


def test_kmalloc_kfree_and_meminfo(boot):
    con = boot(mem="256M", smp=4)
    before = slabinfo(con)["kmalloc-128"]
    out = con.run("kmalloc 100 3")
    addrs = re.findall(r"^kmalloc\(100\) = (0x[0-9a-f]+)  kmalloc-128, ksize 128, slab "
                       r"0x[0-9a-f]+ pfn 0x[0-9a-f]+$", out, re.M)
    assert len(addrs) == 3, out
    assert len(set(addrs)) == 3
    after = slabinfo(con)["kmalloc-128"]
    assert after[1] >= before[1]
    slab_kb = meminfo_kb(con, "Slab")
    assert slab_kb == meminfo_kb(con, "SReclaimable") + meminfo_kb(con, "SUnreclaim")
    assert slab_kb > 0
    for a in addrs:
        assert con.run(f"kfree {a}") == f"kfree({a}): freed (kmalloc-128)\n"
    # a large one: whole pages, Slab: unchanged
    out = con.run("kmalloc 20000")
    m = re.search(r"kmalloc\(20000\) = (0x[0-9a-f]+)  kmalloc_large: order-3 block, "
                  r"ksize 32768", out)
    assert m, out
    # an order-3 block goes back to this CPU's order-3 per-cpu list (Linux
    # 5.13), which MemFree does not count: free pages = MemFree + PerCpuLists
    free = meminfo_kb(con, "MemFree") + meminfo_kb(con, "PerCpuLists")
    assert con.run(f"kfree {m.group(1)}") == f"kfree({m.group(1)}): freed (kmalloc_large)\n"
    assert meminfo_kb(con, "MemFree") + meminfo_kb(con, "PerCpuLists") >= free + 32 - 8
    assert "ZERO_SIZE_PTR" in con.run("kmalloc 0")


def test_kfree_hostile_input(boot):
    con = boot(mem="256M", smp=4)
    out = con.run("kmalloc 64")
    addr = int(re.search(r"kmalloc\(64\) = (0x[0-9a-f]+)", out).group(1), 16)
    live = slabinfo(con)["kmalloc-64"][0]
    # the middle of the object
    out = con.run(f"kfree {addr + 8:#x}")
    assert f"inside the kmalloc-64 object at {addr:#x} (+8), not its start: not freed" in out
    assert "refused, nothing freed" in out
    # not slab memory at all; not even the linear map
    out = con.run("kfree 0xc0008000")
    assert "not slab memory" in out and "refused, nothing freed" in out
    out = con.run("kfree 0x1000")
    assert "not an address of the kernel's linear map" in out
    out = con.run("kfree banana")
    assert "kfree: 'banana' is not an address" in out
    assert slabinfo(con)["kmalloc-64"][0] == live
    # freed once, then twice: the second is a double free, refused and said
    assert con.run(f"kfree {addr:#x}") == f"kfree({addr:#x}): freed (kmalloc-64)\n"
    out = con.run(f"kfree {addr:#x}")
    assert re.search(r"^BUG kmalloc-64 \((Not tainted|Tainted: G    B [^)]*)\): Object already "
                     r"free$", out, re.M), out
    assert f"FIX kmalloc-64: Object at {addr:#x} not freed" in out
    assert "refused, nothing freed (already free)" in out
    # nothing lost: the object is handed out again, once
    out = con.run("kmalloc 64 2")
    got = re.findall(r"kmalloc\(64\) = (0x[0-9a-f]+)", out)
    assert len(set(got)) == 2
    assert "selftest: " in con.run("selftest", timeout=120)


@pytest.mark.parametrize("smp", [1, 4])
def test_kmem_cache_demo(boot, smp):
    con = boot(mem="256M", smp=smp)
    out = con.run("kmem_cache 200")
    assert re.search(r'kmem_cache_create\("demo-200", 200, 0, SLAB_HWCACHE_ALIGN\): object 200 '
                     r"bytes in a 256-byte slot \(align 64\), slabs of order 0: 16 objects per "
                     r"slab", out), out
    assert "node 0: 3 slabs, 48 objects; partial list (0):" in out
    assert re.search(r"partial list \(2\): \[pfn 0x[0-9a-f]+ 8/16 used\] \[pfn 0x[0-9a-f]+ "
                     r"8/16 used\]", out), out
    if smp > 1:
        assert re.search(r"CPU[123]: active slab pfn 0x[0-9a-f]+ \(frozen\), \d+ free on its "
                         r"freelist, 9 freed by other CPUs", out), out
    assert "kmem_cache_shrink(): every CPU's slab flushed, empty slabs freed\n   node 0: 0 " \
           "slabs, 0 objects" in out
    assert 'kmem_cache_destroy("demo-200"): done' in out
    assert "demo-200" not in slabinfo(con)
    assert "kmem_cache: SIZE must be" in con.run("kmem_cache 2")


def test_slabinfo_summary_and_validate(boot):
    con = boot(mem="256M", smp=4)
    out = con.run("slabinfo")
    assert out.startswith("Name                   Objects Objsize    Space Slabs/Part/Cpu  "
                          "O/S O %Fr %Ef Flg\n")
    assert re.search(r"^kmalloc-64\s+\d+\s+64\s+\S+\s+\d+/\d+/\d+\s+64 0", out, re.M), out
    assert re.search(r"^kmem_cache\s+\d+\s+\d+\s+\S+\s+\d+/\d+/\d+\s+\d+ 0\s+\d+\s+\d+ a$", out,
                     re.M), out
    assert "0 damaged" in con.run("slabinfo -v")
    assert "Usage" in con.run("slabinfo -x") or "usage" in con.run("slabinfo -x").lower()


@pytest.mark.parametrize("append,cache", [(None, "slubtest-64"), (DEBUG_APPEND, "kmalloc-64")])
def test_slubtest_reports_and_survives(boot, append, cache):
    con = boot(mem="256M", smp=4, **({"append": append} if append else {}))
    out = con.run("slubtest redzone")
    assert re.search(rf"^BUG {cache} \((Not tainted|Tainted: [^)]*)\): Redzone overwritten$", out,
                     re.M), out
    assert re.search(r"^INFO: (0x[0-9a-f]+)-\1\. First byte 0x0 instead of 0xcc$", out, re.M)
    assert re.search(r"^INFO: Allocated in do_slubtest\+0x[0-9a-f]+/0x[0-9a-f]+ age=\d+ cpu=\d+ "
                     r"pid=0$", out, re.M), out
    assert re.search(r"^INFO: Slab 0x[0-9a-f]+ objects=\d+ used=\d+ fp=0x[0-9a-f]+ flags=0x", out,
                     re.M)
    assert re.search(r"^Object [0-9a-f]{8}: (6b ){15}6b  k{16}$", out, re.M), out
    assert re.search(r"^Redzone [0-9a-f]{8}: 00 cc cc cc", out, re.M), out
    assert re.search(rf"^FIX {cache}: Restoring (0x[0-9a-f]+)-\1=0xcc$", out, re.M)
    # then dump_stack(): the CPU, the call chain from the check to the shell
    assert re.search(r"^CPU: \d PID: \d+ Comm: \S+ Tainted: G    B ", out, re.M), out
    assert re.search(r"^\[<[0-9a-f]{8}>\] \(check_object\) from \[<[0-9a-f]{8}>\] "
                     r"\(__slab_free\+0x[0-9a-f]+/0x[0-9a-f]+\)$", out, re.M), out
    assert re.search(r"^\[<[0-9a-f]{8}>\] \(kmem_cache_free\) from \[<[0-9a-f]{8}>\] "
                     r"\(do_slubtest\+", out, re.M), out
    assert "kfree(p) again: freed" in out
    out = con.run("slubtest poison")
    assert re.search(rf"^BUG {cache} \(Tainted: G    B [^)]*\): Poison overwritten$", out, re.M)
    assert re.search(r"^INFO: Freed in do_slubtest\+", out, re.M)
    assert "First byte 0x0 instead of 0x6b" in out
    out = con.run("slubtest double")
    assert re.search(rf"^BUG {cache} \(Tainted: G    B [^)]*\): Object already free$", out,
                     re.M), out
    assert re.search(rf"^FIX {cache}: Object at 0x[0-9a-f]+ not freed$", out, re.M)
    # the kernel kept running, its caches sound, the tests still pass
    assert "0 damaged" in con.run("slabinfo -v")
    out = con.run("selftest", timeout=180)
    assert re.search(r"# selftest: \d+ suites?, 0 failed", out), out
    assert "Usage" in con.run("slubtest") or "usage" in con.run("slubtest").lower()


def test_slub_debug_letters(boot):
    con = boot(mem="128M", smp=1, append="console=ttyAMA0 loglevel=8 slub_debug=FZPX,dentry")
    assert "slub_debug option 'X' unknown. skipped" in con.log
    assert 'slub_debug: a list of caches ("dentry") is not supported' in con.log
    out = con.run("slabinfo")
    assert re.search(r"^kmalloc-64 .* FZP$", out, re.M), out


def slubbench_pairs(out):
    return {int(s): float(v) for s, v in re.findall(
        r"^slubbench: kmalloc\((\d+)\)\+kfree: \d+ pairs, ([\d.]+) ns per pair$", out, re.M)}


def test_slubbench_repeats_under_icount_and_loses_nothing(boot):
    """make bench's kmalloc rows: both sizes measured, the same in two -icount
    boots (one 10 ns timer tick apart at most), no object left behind."""
    runs = []
    for _ in range(2):
        con = boot(mem="128M", smp=1, extra=["-icount", "shift=0,sleep=off"])
        before = slabinfo(con)
        got = slubbench_pairs(con.run("slubbench 500"))
        assert set(got) == {64, 1024} and all(v > 0 for v in got.values())
        after = slabinfo(con)
        for name in ("kmalloc-64", "kmalloc-1024"):
            # one object at a time: at most the CPU's one new slab (active_objs
            # counts its whole freelist as active, as Linux's does)
            assert after[name][6] <= before[name][6] + 1, (name, before[name], after[name])
        runs.append(got)
    for size in (64, 1024):
        assert abs(runs[0][size] - runs[1][size]) <= 10 / 500 + 0.05, runs
    for arg in ("0", "x", "1000001"):
        out = con.run(f"slubbench {arg}")
        assert "N must be 1..1000000" in out and "pairs" not in out
