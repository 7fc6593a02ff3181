# SPDX-License-Identifier: GPL-2.0
"""scripts/linux-compare: a9mm beside Debian's Linux 6.1 on the same board.

Fast tests read the logs the tool saved from real runs (-m 128M -smp 2 and
-m 1024M -smp 4, in tests/py/fixtures/linux-compare/), build small
synthetic images and ring buffers, and check the tool's failure paths.
The system test runs the whole comparison at two sizes; the first run
downloads Debian's package into cache/linux-compare/ (network to
deb.debian.org needed once), later runs reuse it.
"""
import json
import lzma
import os
import re
import struct
import subprocess
import sys

import pytest

from conftest import ROOT

sys.path.insert(0, os.path.join(ROOT, "scripts"))
from linux_compare import boot, compare, fetch, kimage, logparse, printk  # noqa: E402

TOOL = os.path.join(ROOT, "scripts", "linux-compare")
FIX = os.path.join(os.path.dirname(__file__), "fixtures", "linux-compare")


def fixture(name):
    with open(os.path.join(FIX, name)) as f:
        return f.read()


def run_of(mem):
    return json.loads(fixture(f"linux-{mem}.json"))


def result(mem, lx=None, a9=None):
    run = run_of(mem)
    L = logparse.parse_linux(lx if lx is not None else fixture(f"linux-{mem}.log"))
    A = logparse.parse_a9mm(a9 if a9 is not None else fixture(f"a9mm-{mem}.log"))
    res = compare.compare(L, A, run["config"], run["facts"])
    return {r.label: r for r in res["rows"]}


def tool(*args, env=None, timeout=60):
    return subprocess.run(["/usr/bin/python3", TOOL, *args], capture_output=True, text=True,
                          timeout=timeout, env=env)


# -- the parsers, on logs the tool saved ------------------------------------------
def test_linux_log_figures():
    L = logparse.parse_linux(fixture("linux-1024M.log"))
    assert L["memory"] == [(0x60000000, 0x9FFFFFFF)]
    assert L["node_totalpages"] == 262144
    # the pr_debug lines the tool switched on
    assert L["zones"] == {"DMA": {"memmap": 1728, "reserved": 0, "present": 196608, "batch": 63},
                          "HighMem": {"present": 65536, "batch": 15}}
    assert L["lowmem_limit"] == 0x90000000
    assert L["zone_ranges"] == [("DMA", 0x60000000, 0x8FFFFFFF), ("Normal", None, None),
                                ("HighMem", 0x90000000, 0x9FFFFFFF)]
    assert L["mem_map"] == (9437184, 262144, 36)
    assert L["cma"] == (0x9F000000, 16 << 20)
    assert L["total_pages"] == 260416
    assert L["memory_line"]["total"] == 1048576
    assert L["memory_line"]["cma-reserved"] == 16384
    assert L["percpu"]["pages_per_cpu"] == 18
    # owners: the request line names who asked, not memblock_alloc_range_nid
    owners = {e[3] for e in L["events"]}
    assert {"arm_memblock_init", "cma", "early_alloc", "free_area_init", "setup_usemap",
            "pcpu_embed_first_chunk", "alloc_large_system_hash"} <= owners
    assert "memblock_alloc_range_nid" not in owners
    # the DTB's reserve happened before memblock=debug was parsed
    assert L["dump_at"] == 3 and (0x68000000, 0x680058DB) in L["reserved"]


def test_a9mm_log_figures():
    A = logparse.parse_a9mm(fixture("a9mm-1024M.log"))
    assert A["memory"] == [(0x60000000, 0x9FFFFFFF)]
    assert A["zones"]["Normal"] == {"memmap": 1520, "reserved": 0, "present": 194560,
                                    "batch": 31}
    assert A["lowmem_limit"] == 0x8F800000
    assert A["mem_map"][2] == 32
    assert A["events"][0][3] == "arm_memblock_init"
    # a9mm names the requester after its reserve line (early_alloc() is inlined
    # into its callers, so they are the names); each owner is classified
    assert A["events"][3][3] in ("early_alloc", "devicemaps_init")
    owned = compare.classify(A)
    assert {"kernel image", "swapper_pg_dir", "DTB", "page tables, vectors, zero page", "mem_map",
            "pageblock flags", "percpu first chunk"} <= set(owned), owned
    assert A["percpu"] == {"pages_per_cpu": 4, "static": A["percpu"]["static"], "reserved": 0,
                           "dynamic": 16384 - A["percpu"]["static"], "unit": 32768}
    # the possible CPUs are said only when the SCU caps the device tree's (-smp 2)
    assert (A["dt_cpus"], A["possible_cpus"]) == (None, None)
    B = logparse.parse_a9mm(fixture("a9mm-128M.log"))
    assert (B["dt_cpus"], B["possible_cpus"]) == (4, 2)
    assert A["pcp_count"] is not None
    assert A["layout"]


def test_memblock_dump_that_contradicts_itself_is_refused():
    text = fixture("linux-1024M.log").replace(" reserved.cnt  = 0x4", " reserved.cnt  = 0x5")
    with pytest.raises(logparse.LogError, match="reserved.cnt 5"):
        logparse.parse_linux(text)


def test_timestamps_are_ignored():
    stamped = "".join(f"[    0.000000] {line}\n"
                      for line in fixture("linux-1024M.log").splitlines())
    assert logparse.parse_linux(stamped)["zones"] == \
        logparse.parse_linux(fixture("linux-1024M.log"))["zones"]


# -- the comparison and its rules -----------------------------------------------
@pytest.mark.parametrize("mem", ["128M", "1024M"])
def test_every_row_is_marked(mem):
    rows = result(mem)
    for r in rows.values():
        assert r.mark == "=" or r.mark == "!!" or r.mark.startswith("~"), r.label
        assert (r.mark == "=") == (r.linux == r.a9mm), r.label
        if r.mark != "=":
            assert r.note, r.label


def test_rules_explain_the_1024M_differences():
    rows = result("1024M")
    want = {
        "lowmem limit (phys)": "~LOWMEM", "lowmem zone": "~ZONE_DMA",
        "lowmem zone: present pages": "~ZONESIZE", "HighMem: present pages": "~ZONESIZE",
        "lowmem zone: memmap pages": "~STRUCTPAGE", "lowmem zone: LIFO batch": "~BATCH",
        "HighMem: LIFO batch": "=", "Total pages (zonelists)": "~TOTALPAGES",
        "reserved: mem_map": "~MEMMAP", "reserved: pageblock flags": "~USEMAP",
        "reserved: swapper_pg_dir": "~SWAPPER", "reserved: DTB": "=",
        "reserved: CMA area": "~CMA", "reserved": "~RESERVED", "highmem": "~HIGHMEM",
        "node totalpages": "=", "percpu first chunk": "~PERCPULINE",
        "reserved: percpu first chunk": "~PERCPU",
        "virtual memory layout": "~NOTPRINTED", "zonelists line says": "~WORDING",
        "reserved: page tables, vectors, zero page": "~VECTORS",
    }
    assert {k: rows[k].mark for k in want} == want


def test_batch_formulas():
    # zone_batchsize(): 6.1 caps at 256 pages, 3.x at 128
    assert compare.batch_61(196608 - 1728) == 63
    assert compare.batch_3x(194560 - 1520) == 31
    assert compare.batch_61(65536) == compare.batch_3x(67584) == 15
    assert compare.batch_61(32768 - 288) == compare.batch_3x(32768 - 256) == 7


def test_a_difference_no_rule_produces_stays_unexplained():
    # a9mm's batch off by one: BATCH's formula no longer gives it
    a9 = fixture("a9mm-1024M.log").replace("194560 pages, LIFO batch:31",
                                           "194560 pages, LIFO batch:30")
    row = result("1024M", a9=a9)["lowmem zone: LIFO batch"]
    assert row.mark == "!!" and "BATCH does not hold" in row.note
    # Linux's lowmem limit moved: LOWMEM's rule no longer gives it
    lx = fixture("linux-1024M.log").replace("lowmem limit is 90000000",
                                            "lowmem limit is 8f000000")
    assert result("1024M", lx=lx)["lowmem limit (phys)"].mark == "!!"
    # a memmap count that no struct page size explains
    lx = fixture("linux-1024M.log").replace("DMA zone: 1728 pages used",
                                            "DMA zone: 1700 pages used")
    assert result("1024M", lx=lx)["lowmem zone: memmap pages"].mark == "!!"


def test_facts_missing_leave_rules_unchecked():
    L = logparse.parse_linux(fixture("linux-1024M.log"))
    A = logparse.parse_a9mm(fixture("a9mm-1024M.log"))
    rows = {r.label: r for r in compare.compare(L, A, {}, {})["rows"]}
    # without Debian's config or the load addresses, these cannot be checked
    for label in ("lowmem zone", "reserved: swapper_pg_dir", "reserved: CMA area",
                  "virtual memory layout"):
        assert rows[label].mark == "!!", label


def test_early_alloc_difference_is_explained_and_checked():
    rows = result("1024M")
    pt = rows["reserved: page tables, vectors, zero page"]
    assert pt.mark == "~VECTORS" and "Linux 8192 + 4096" in pt.note, pt.note
    # Linux's vectors one page, as a9mm's: VECTORS no longer explains the sizes
    lx = fixture("linux-1024M.log").replace("memblock_reserve: [0x8fffe000-0x8fffffff]",
                                            "memblock_reserve: [0x8ffff000-0x8fffffff]")
    pt = result("1024M", lx=lx)["reserved: page tables, vectors, zero page"]
    assert pt.mark == "!!" and "VECTORS does not hold" in pt.note, pt.note
    # a9mm's zones run on boot_pageset until setup_per_cpu_pageset(), as Linux's:
    # nothing waits on a per-cpu list when Memory: is printed
    av = rows["available"]
    assert av.mark == "~AVAILABLE" and "a9mm 0K" in av.note, av.note


def test_logs_mode_renders_the_table():
    res = tool("--logs", os.path.join(FIX, "linux-1024M.log"), os.path.join(FIX, "a9mm-1024M.log"))
    assert res.returncode == 0, res.stderr
    assert "linux-image-" in res.stdout and "~ZONE_DMA" in res.stdout
    # every difference at 1024M has a rule whose check passed: no "Unexplained" part
    assert "~VECTORS" in res.stdout and "\nUnexplained: none\n" in res.stdout, res.stdout
    md = tool("--markdown", "--logs", os.path.join(FIX, "linux-128M.log"),
              os.path.join(FIX, "a9mm-128M.log"))
    assert md.returncode == 0 and "| **zones** |" in md.stdout


# -- the image and the ring buffer, synthetic -------------------------------------
BASE = 0xC0008000


def synthetic_image(nop=kimage.ARM_NOP):
    """A tiny "Image": strings, one _ddebug record, its jump entry and NOP."""
    img = bytearray(0x2000)

    def put(off, data):
        img[off:off + len(data)] = data
        return BASE + off
    fil = put(0x101, b"mm/page_alloc.c\0")
    mod = put(0x121, b"page_alloc\0")
    fn = put(0x131, b"zone_pcp_init\0")
    fmt = put(0x141, b"  %s zone: %lu pages, LIFO batch:%u\n\0")
    rec = 0x400
    struct.pack_into("<8I", img, rec, mod, fn, fil, fmt, 7435 | 63 << 18, 0, 0, 0)
    code, target = 0x800, 0x820
    struct.pack_into("<I", img, code, nop)
    struct.pack_into("<3I", img, 0x600, BASE + code, BASE + target, BASE + rec + 20)
    return bytes(img)


def test_dyndbg_site_found_and_patched():
    k = kimage.KernelImage(synthetic_image())
    assert k.base == BASE and k.text_offset == 0x8000
    sites = k.dyndbg_sites(lambda f: f == "mm/page_alloc.c")
    assert len(sites) == 1
    s = sites[0]
    assert (s["function"], s["lineno"]) == ("zone_pcp_init", 7435)
    assert s["jumps"] == [(BASE + 0x800, BASE + 0x820)]
    plan = boot.patch_plan(k, sites)
    pa = lambda off: 0x60000000 + 0x8000 + off
    # "b target" from code: (0x20 - 8) / 4 = 6
    assert (pa(0x800), kimage.ARM_NOP, 0xEA000006) == plan[0][:3]
    assert (pa(0x400 + 16), 7435 | 63 << 18, 7435 | 63 << 18 | 1 << 24) == plan[1][:3]
    assert (pa(0x400 + 20), 0, 1) == plan[2][:3]


def test_jump_label_without_nop_is_refused():
    with pytest.raises(kimage.ImageError, match="not a NOP"):
        kimage.KernelImage(synthetic_image(nop=0xE1A00000)).dyndbg_sites(lambda f: True)


def test_zimage_payload():
    payload = os.urandom(1000) + b"Linux Image"
    z = b"\xfd7zXZ\x00 (the decompressor's magic)" + lzma.compress(
        payload, format=lzma.FORMAT_XZ, check=lzma.CHECK_CRC32) + b"\x00\x10\x00\x00"
    assert kimage.decompress_zimage(z) == payload
    with pytest.raises(kimage.ImageError):
        kimage.decompress_zimage(b"no payload here")


def ring(messages, count_bits=4, size_bits=8, wrap_last=False):
    """A printk ring buffer as Linux 6.1 lays it out, holding `messages`."""
    count, size = 1 << count_bits, 1 << size_bits
    descs = bytearray(count * printk.DESC_SIZE)
    infos = bytearray(count * printk.INFO_SIZE)
    data = bytearray(size)
    lpos = 0x40 if wrap_last else 0	# leave the ring's start to the wrapped block
    for i, text in enumerate(messages):
        raw = text.encode()
        need = (4 + len(raw) + 3) & ~3
        begin = lpos
        if wrap_last and i == len(messages) - 1:
            begin = size - 8	# does not fit before the end: the block wraps
            lpos = begin
            start = 0
            nxt = size + need
        else:
            start = begin % size
            nxt = begin + need
        struct.pack_into("<I", data, start, i)
        data[start + 4:start + 4 + len(raw)] = raw
        state = printk.DESC_FINALIZED if i % 2 else printk.DESC_COMMITTED
        struct.pack_into("<3I", descs, i * printk.DESC_SIZE, state << 30 | i, begin, nxt)
        struct.pack_into("<QQHBB", infos, i * printk.INFO_SIZE, i, 0, len(raw), 0, 6 << 5)
        lpos = nxt
    # one reserved (uncommitted) record after them: not printed
    j = len(messages)
    struct.pack_into("<3I", descs, j * printk.DESC_SIZE, j, lpos, lpos + 8)
    header = struct.pack("<11I", count_bits, 0x1000, 0x2000, j, 0, 0, size_bits, 0x3000,
                         0, 0, 0)
    return printk.Ring(header), bytes(descs), bytes(infos), bytes(data)


def test_ring_buffer_read_in_order():
    msgs = ["Booting Linux on physical CPU 0x0", "On node 0 totalpages: 262144",
            "  DMA zone: 196608 pages, LIFO batch:63"]
    recs = printk.records(*ring(msgs))
    assert [r[3] for r in recs] == msgs
    assert printk.dmesg(recs) == "\n".join(msgs) + "\n"
    assert printk.dmesg(recs, timestamps=True).startswith("[    0.000000] Booting")


def test_ring_buffer_wrapped_block():
    msgs = ["first", "a message whose block wraps to the ring's start"]
    assert [r[3] for r in printk.records(*ring(msgs, wrap_last=True))] == msgs


def test_ring_header_is_checked():
    with pytest.raises(ValueError):
        printk.Ring(struct.pack("<11I", 99, 0, 0, 0, 0, 0, 17, 0, 0, 0, 0))


# -- getting the package ------------------------------------------------------------
def test_control_fields():
    f = fetch._control_fields("Package: linux-image-armmp\nVersion: 6.1.176-1\n"
                              "Depends: linux-image-6.1.0-50-armmp (= 6.1.176-1)\n"
                              "Description: x\n more\n\nPackage: other\n")
    assert f["Version"] == "6.1.176-1"
    assert f["Depends"].startswith("linux-image-6.1.0-50-armmp")
    assert f["Description"] == "x\nmore"


def test_offline_without_cache_says_what_it_needs(tmp_path):
    res = tool("--offline", "--cache", str(tmp_path / "empty"), "--out", str(tmp_path))
    assert res.returncode == 2
    assert "linux-image-armmp" in res.stderr and "--offline" in res.stderr


def test_no_network_without_cache_says_what_it_needs(tmp_path):
    env = dict(os.environ, LINUX_COMPARE_MIRROR="http://127.0.0.1:9/debian")
    res = tool("--cache", str(tmp_path / "empty"), "--out", str(tmp_path), env=env,
               timeout=120)
    assert res.returncode == 2, res.stdout + res.stderr
    assert "cannot reach Debian's archive" in res.stderr
    assert "linux-image-armmp" in res.stderr and "once" in res.stderr


# -- the whole comparison, on QEMU ----------------------------------------------------
@pytest.mark.parametrize("mem,smp", [("128M", 2), ("1024M", 4)])
def test_whole_comparison(mem, smp, tmp_path):
    res = tool("--mem", mem, "--smp", str(smp), "--out", str(tmp_path), timeout=900)
    assert res.returncode == 0, res.stderr[-4000:]
    lx = (tmp_path / f"linux-{mem}.log").read_text()
    a9 = (tmp_path / f"a9mm-{mem}.log").read_text()
    run = json.loads((tmp_path / f"linux-{mem}.json").read_text())
    # the per-zone lines exist only because the tool switched them on
    assert re.search(r"^On node 0 totalpages: \d+$", lx, re.M)
    assert re.search(r"^  DMA zone: \d+ pages, LIFO batch:\d+$", lx, re.M)
    assert "Memory: " in lx and "Kernel command line: " + run["append"] in lx
    assert "Memory: " in a9
    L, A = logparse.parse_linux(lx), logparse.parse_a9mm(a9)
    pages = (int(mem[:-1]) << 20) // 4096
    # Linux's own figures agree with each other and with the RAM QEMU gave it
    assert L["node_totalpages"] == A["node_totalpages"] == pages
    assert sum(z["present"] for z in L["zones"].values()) == pages
    assert L["memory_line"]["total"] == pages * 4
    assert run["package"].startswith("linux-image-") and run["version"]
    out = res.stdout
    assert "~LOWMEM" in out or re.search(r"lowmem limit \(phys\).*=", out)
    assert "~STRUCTPAGE" in out and "~ZONE_DMA" in out
    # every reservation of today's a9mm log is named by what it holds
    assert "no rule names this owner" not in out
    assert "reserved: swapper_pg_dir" in out and "reserved: DTB" in out
    assert (tmp_path / f"compare-{mem}.txt").read_text() == out
