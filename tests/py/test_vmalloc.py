# SPDX-License-Identifier: GPL-2.0
"""vmalloc, vfree, /proc/vmallocinfo, VmallocUsed/Chunk, pgwalk on vmalloc
addresses, the ioremap()ped devices, and the KTAP suite `vmalloc` -- at one
CPU and at four.  Expected figures come from the kernel's own output
(meminfo before and after, the areas it lists), never pasted."""
import re

import pytest

PAGE = 4096
MB = 1 << 20
VMALLOC_END = 0xFF000000
INFO = re.compile(r"^0x([0-9a-f]{8})-0x([0-9a-f]{8}) +(\d+) (\S+)((?: \S+)*)$", re.M)


def pcp_kb(con):
    """KiB on every per-CPU list (/proc/zoneinfo's count: lines)"""
    return 4 * sum(int(n) for n in re.findall(r"^\s+count: (\d+)$", con.run("cat /proc/zoneinfo"), re.M))


def meminfo(con):
    out = con.run("cat /proc/meminfo")
    return {k: int(v) for k, v in re.findall(r"^(\w+): +(\d+) kB$", out, re.M)}


def areas(con):
    out = con.run("cat /proc/vmallocinfo")
    got = [(int(a, 16), int(b, 16), int(n), caller, rest.split())
           for a, b, n, caller, rest in INFO.findall(out)]
    assert len(got) == len(out.strip().splitlines()), out   # every line parsed
    return got


def vmalloc(con, arg):
    out = con.run(f"vmalloc {arg}")
    m = re.search(r"vmalloc: (\d+) bytes at 0x([0-9a-f]{8})-0x([0-9a-f]{8}): (\d+) pages \+ a "
                  r"guard page, first pfn 0x([0-9a-f]+) \((HighMem|lowmem)\)", out)
    assert m, out
    return int(m.group(2), 16), int(m.group(3), 16), int(m.group(4))


@pytest.mark.parametrize("smp", [1, 4])
def test_devices_are_ioremapped(boot, smp):
    con = boot(mem="256M", smp=smp)
    got = areas(con)
    start = int(re.search(r"vmalloc : 0x([0-9a-f]{8}) - 0xff000000", con.log).group(1), 16)
    devices = {caller.split("+")[0]: (a, b, n, rest) for a, b, n, caller, rest in got}
    # every driver's registers, one page + guard page each, in vmalloc space
    expect = [("pl011_probe", 0x10009000), ("global_timer_probe", 0x1E000000),
              ("vexpress_sysreg_probe", 0x10000000), ("twd_local_timer_register", 0x1E000000),
              ("mmci_probe", 0x10005000)]  # the SD card slot's, card or none
    if smp > 1:  # the SCU, for the secondaries' boot
        expect.append(("vexpress_smp_prepare_cpus", 0x1E000000))
    assert len(got) == len(expect) + 2  # and the GIC's two
    for fn, phys in expect:
        a, b, n, rest = devices[fn]
        assert n == 2 * PAGE and b - a == n, (fn, got)
        assert rest == [f"phys=0x{phys:08x}", "ioremap"], (fn, rest)
        assert a >= start
    assert sum(1 for _, _, _, c, _ in got if c.startswith("gic_init+")) == 2
    # sorted, disjoint
    assert all(x[1] <= y[0] for x, y in zip(got, got[1:]))
    # the early mappings are gone, none leaked
    assert "early ioremap leak" not in con.log


@pytest.mark.parametrize("smp", [1, 4])
def test_vmalloc_vfree_and_meminfo(boot, smp):
    con = boot(mem="512M", smp=smp)
    m0 = meminfo(con)
    pcp0 = pcp_kb(con)
    layout = re.search(r"vmalloc : 0x([0-9a-f]{8}) - 0xff000000", con.log)
    assert m0["VmallocTotal"] == (VMALLOC_END - int(layout.group(1), 16)) >> 10
    used0 = m0["VmallocUsed"]
    a, b, pages = vmalloc(con, "10000")
    assert pages == 3 and b - a == 4 * PAGE
    m1 = meminfo(con)
    assert m1["VmallocUsed"] == used0 + 16
    # the 3 pages come off the buddy lists or a per-CPU list (MemFree counts only the former)
    assert m1["MemFree"] + pcp_kb(con) <= m0["MemFree"] + pcp0 - 12
    line = [x for x in areas(con) if x[0] == a]
    assert line and line[0][2] == 16384 and line[0][3].startswith("do_vmalloc+")
    assert line[0][4] == ["pages=3", "vmalloc"]
    # the pages are mapped, the guard page is not
    walk = con.run(f"pgwalk {a:#x}")
    assert f"in the vmalloc area 0x{a:08x}-0x{b:08x} (do_vmalloc+" in walk
    assert "page table at PA" in walk and "small page, PA" in walk
    assert "XN=1, TEX=001 C=1 B=1 (normal, write-back, write-allocate)" in walk
    walk = con.run(f"pgwalk {b - PAGE:#x}")
    assert "its guard page, never mapped" in walk and "fault (not mapped)" in walk
    out = con.run(f"vfree {a:#x}")
    assert f"vfree: 0x{a:08x}: 3 pages back to the buddy allocator" in out
    m2 = meminfo(con)
    assert m2["VmallocUsed"] == used0
    assert "in no vmalloc area: free vmalloc space" in con.run(f"pgwalk {a:#x}")


def test_vmalloc_total_follows_vmalloc_option(boot):
    con = boot(mem="1024M", append="console=ttyAMA0 vmalloc=16M")
    m = meminfo(con)
    layout = re.search(r"vmalloc : 0x([0-9a-f]{8}) - 0xff000000", con.log)
    assert m["VmallocTotal"] == (VMALLOC_END - int(layout.group(1), 16)) >> 10 == 16 * 1024
    # VmallocChunk: the largest free block, everything but the device areas
    busy = sum(n for _, _, n, _, _ in areas(con))
    assert m["VmallocUsed"] == busy >> 10
    assert m["VmallocChunk"] == m["VmallocTotal"] - m["VmallocUsed"]
    # most of it in one go, then more than is left: refused, nothing lost
    a, b, pages = vmalloc(con, "15M")
    assert pages == 15 * 256
    out = con.run("vmalloc 2M")
    assert "vmap allocation for size" in out and "failed" in out
    con.run(f"vfree {a:#x}")
    assert meminfo(con)["VmallocChunk"] == m["VmallocChunk"]


def test_vzalloc_and_sizes(boot):
    con = boot(mem="256M")
    a, b, pages = vmalloc(con, "1M zero")
    assert pages == 256 and b - a == MB + PAGE
    c, d, pages = vmalloc(con, "1")
    assert pages == 1 and c == b          # the next free block, right after the guard page
    for x in (a, c):
        con.run(f"vfree {x:#x}")


@pytest.mark.parametrize("arg,msg", [
    ("0", "vmalloc: 0 bytes: must be 1 .. "),
    ("1G", "vmalloc: 1073741824 bytes: must be 1 .. "),
    ("12Q", "vmalloc: '12Q' is not a size"),
    ("abc", "vmalloc: 'abc' is not a size"),
])
def test_vmalloc_bad_sizes(boot, arg, msg):
    con = boot(mem="128M")
    m0 = meminfo(con)
    assert msg in con.run(f"vmalloc {arg}")
    assert meminfo(con)["VmallocUsed"] == m0["VmallocUsed"]


def test_vfree_hostile(boot):
    con = boot(mem="256M")
    a, b, _ = vmalloc(con, "3")
    m0 = meminfo(con)
    uart = [x for x in areas(con) if x[3].startswith("pl011_probe+")][0][0]
    cases = [
        (a + PAGE // 2, f"WARNING: Trying to vfree() bad address (0x{a + PAGE // 2:08x})"),
        (b - PAGE, f"WARNING: Trying to vfree() bad address (0x{b - PAGE:08x}): inside the area "
                   f"0x{a:08x}-0x{b:08x} from do_vmalloc+"),
        (uart, f"WARNING: Trying to vfree() an ioremap area (0x{uart:08x}) from pl011_probe+"),
        (0xC0000000, "WARNING: Trying to vfree() nonexistent vm area (0xc0000000)"),
        (0xFEFFF000, "WARNING: Trying to vfree() nonexistent vm area (0xfefff000)"),
    ]
    for addr, warning in cases:
        out = con.run(f"vfree {addr:#x}")
        assert warning in out, out
        assert f"vfree: 0x{addr:08x}: refused, nothing freed" in out
    assert "vfree: 'nowhere' is not an address" in con.run("vfree nowhere")
    assert meminfo(con) == m0                      # nothing lost, nothing freed
    assert "version" in con.run("version")         # the console still works
    assert "1 pages back" in con.run(f"vfree {a:#x}")
    out = con.run(f"vfree {a:#x}")                 # twice
    assert f"WARNING: Trying to vfree() nonexistent vm area (0x{a:08x})" in out
    assert meminfo(con)["VmallocUsed"] == m0["VmallocUsed"] - 8


@pytest.mark.parametrize("smp", [1, 4])
def test_selftest_vmalloc_suite(boot, smp):
    con = boot(mem="1024M", smp=smp)
    out = con.run("selftest", timeout=240)
    suite = out[out.index("# Subtest: vmalloc"):]
    suite = suite[:suite.index("\nok ") if "\nok " in suite else suite.index("\nnot ok ")]
    assert re.search(r"^ok \d+ vmalloc$", out, re.M), suite
    assert "        # written through a second ioremap() of the UART" in suite
    assert f"# {smp} CPUs: {300 * smp} vmalloc+vfree rounds" in suite
    assert len(re.findall(r"^    ok \d+ vmalloc_", suite, re.M)) == 9, suite
