# SPDX-License-Identifier: GPL-2.0
"""Zones, mem_map and the buddy allocator, seen from the console.

The seed's lines at -m 1024M (the seed: the study notes a9mm grew from, a
Linux 4.x boot log followed through the code; not in this repository) are
checked verbatim; for other sizes the expected figures are computed here with Linux's formulas (struct page is
32 bytes on ARM32).
"""
import re

import pytest

MB = 1 << 20
PAGE = 4096
LOWMEM_MAX = 0xEF800000 - 0xC0000000  # default vmalloc: lowmem ends at 0xef800000
STRUCT_PAGE = 32


def batch(managed):
    b = min(managed // 1024, 512 * 1024 // PAGE) // 4
    b = max(b, 1)
    v = b + b // 2
    return (1 << (v.bit_length() - 1)) - 1


def zone_figures(ram):
    total = ram // PAGE
    normal = min(ram, LOWMEM_MAX) // PAGE
    high = total - normal
    memmap = (normal * STRUCT_PAGE + PAGE - 1) // PAGE
    return total, normal, high, memmap


def test_seed_lines_at_1024m(boot):
    con = boot(mem="1024M")
    for line in ("On node 0 totalpages: 262144",
                 "  Normal zone: 1520 pages used for memmap",
                 "  Normal zone: 0 pages reserved",
                 "  Normal zone: 194560 pages, LIFO batch:31",
                 "  HighMem zone: 67584 pages, LIFO batch:15"):
        assert line + "\n" in con.log


@pytest.mark.parametrize("mem", ["128M", "256M", "512M", "768M", "1024M"])
def test_zone_lines_follow_ram_size(boot, mem):
    ram = int(mem[:-1]) * MB
    total, normal, high, memmap = zone_figures(ram)
    con = boot(mem=mem)
    log = con.log
    assert f"On node 0 totalpages: {total}\n" in log
    assert f"  Normal zone: {memmap} pages used for memmap\n" in log
    assert f"  Normal zone: {normal} pages, LIFO batch:{batch(normal - memmap)}\n" in log
    if high:
        assert f"  HighMem zone: {high} pages, LIFO batch:{batch(high)}\n" in log
    else:
        assert "HighMem zone" not in log
    assert (f"Built 1 zonelists in Zone order, mobility grouping on.  Total pages: "
            f"{normal - memmap + high}\n") in log
    m = re.search(r"Memory: (\d+)K/(\d+)K available \((\d+)K kernel code, (\d+)K rwdata, "
                  r"(\d+)K rodata, (\d+)K init, (\d+)K bss, (\d+)K reserved, (\d+)K highmem\)", log)
    assert m, log
    avail, phys, reserved, highmem = (int(m.group(i)) for i in (1, 2, 8, 9))
    assert phys == ram // 1024
    assert highmem == high * 4
    # mem_map alone is reserved out of lowmem: at least its size
    assert reserved * 1024 >= total * STRUCT_PAGE
    assert avail < phys - reserved + 1


def test_proc_files_agree_with_the_boot_log(boot):
    con = boot(mem="1024M")
    total, normal, high, memmap = zone_figures(1024 * MB)
    zi = con.run("cat /proc/zoneinfo")
    assert f"        spanned  {normal}\n" in zi and f"        spanned  {high}\n" in zi
    assert "              batch: 31\n" in zi and "              batch: 15\n" in zi
    assert f"  start_pfn:         {0x60000}\n" in zi
    bi = con.run("cat /proc/buddyinfo")
    rows = re.findall(r"^Node 0, zone +(\w+) ((?: +\d+){11}) $", bi, re.M)
    assert [r[0] for r in rows] == ["Normal", "HighMem"]
    free = {name: sum(int(n) << o for o, n in enumerate(counts.split())) for name, counts in rows}
    mi = con.run("cat /proc/meminfo")
    highfree = int(re.search(r"HighFree: +(\d+) kB", mi).group(1))
    pcp = int(re.search(r"PerCpuLists: +(\d+) kB", mi).group(1))
    assert int(re.search(r"HighTotal: +(\d+) kB", mi).group(1)) == high * 4
    # buddyinfo + per-cpu pages == MemFree
    memfree = int(re.search(r"MemFree: +(\d+) kB", mi).group(1))
    assert (free["Normal"] + free["HighMem"]) * 4 == memfree
    assert highfree == free["HighMem"] * 4
    assert pcp >= 0
    pt = con.run("cat /proc/pagetypeinfo")
    assert "Page block order: 10\nPages per block:  1024\n" in pt
    blocks = re.search(r"^Node 0, zone   Normal +(\d+) +(\d+) +(\d+) +(\d+) $", pt, re.M)
    assert sum(int(b) for b in blocks.groups()) == normal // 1024


def test_alloc_and_free_round_trip(boot):
    con = boot(mem="512M")
    con.run("drain")
    before = con.run("cat /proc/buddyinfo")
    out = con.run("alloc 3 movable")
    m = re.search(r"alloc: order 3 -> pfn 0x([0-9a-f]+) phys 0x([0-9a-f]{8}) virt 0x([0-9a-f]{8}) "
                  r"zone Normal", out)
    assert m, out
    pfn, phys, virt = (int(x, 16) for x in m.groups())
    assert pfn % 8 == 0 and phys == pfn << 12 and virt == phys - 0x60000000 + 0xC0000000
    out = con.run(f"free {pfn:#x} 3")
    # orders 0-3 go back to the per-cpu list of their order (Linux 5.13),
    # which the allocation refilled with max(batch >> 3, 2) blocks: free,
    # but not on the buddy lists until a drain
    batch = int(re.search(r"zone   Normal\n(?:.*\n)*?\s+batch: (\d+)",
                          con.run("cat /proc/zoneinfo")).group(1))
    n = max(batch >> 3, 2)
    assert f"free: pfn 0x{pfn:x} order 3 freed to CPU0's per-cpu list (Normal, Movable, " \
        f"order 3): {n} blocks on it, {8 * n} pages on all of CPU0's Normal lists" in out, out
    assert con.run("cat /proc/buddyinfo") != before
    con.run("drain")
    assert con.run("cat /proc/buddyinfo") == before
    out = con.run("alloc 4 movable")
    pfn = int(re.search(r"pfn 0x([0-9a-f]+)", out).group(1), 16)
    assert "from free_area[" in out and "per-cpu" not in out, out
    assert "to the buddy lists of zone Normal, merged" in con.run(f"free {pfn:#x} 4")
    assert con.run("cat /proc/buddyinfo") == before


def test_highmem_alloc_has_no_address(boot):
    con = boot(mem="1024M")
    out = con.run("alloc 0 highmem movable")
    m = re.search(r"pfn 0x([0-9a-f]+) .*\(HighMem: no kernel address, kmap it\) zone HighMem", out)
    assert m, out
    assert int(m.group(1), 16) >= 0x8F800  # above arm_lowmem_limit
    assert "freed" in con.run(f"free 0x{m.group(1)} 0")


@pytest.mark.parametrize("cmd,message", [
    ("alloc 11", "alloc: ORDER must be 0..10"),
    ("alloc x", "alloc: ORDER must be 0..10"),
    ("alloc 0 bogus", "alloc: unknown flag 'bogus'"),
    ("alloc 0 movable reclaimable", "alloc: movable and reclaimable exclude each other"),
    ("free 0x60000 0", "page dumped because: double free"),
    ("free 0x60010 0", "page dumped because: PAGE_FLAGS_CHECK_AT_FREE flag(s) set: freeing a reserved page"),
    ("free 0x60001 1", "free: pfn 0x60001 is not aligned to order 1"),
    ("free 0x10 0", "free: pfn 0x10 (order 0) is not inside a zone"),
    ("free 0xffffffff 0", "free: pfn 0xffffffff (order 0) is not inside a zone"),
    ("free 0xfffffc00 10", "free: pfn 0xfffffc00 (order 10) is not inside a zone"),
    ("free zz 0", "free: PFN and ORDER must be numbers"),
    ("free 0x60000 12", "free: ORDER must be 0..10"),
    ("free", "usage: free PFN ORDER"),
])
def test_hostile_alloc_free_input(boot, cmd, message):
    con = boot(mem="256M")
    before = con.run("cat /proc/buddyinfo")
    out = con.run(cmd)
    assert message in out, out
    assert "no free block" not in out       # a refusal is not an empty free list
    # nothing was corrupted or changed
    assert con.run("cat /proc/buddyinfo") == before
    assert "a9mm version" in con.run("version")


def test_refusals_are_shown_under_quiet(boot):
    """quiet hides warnings (loglevel 4), not the shell's own refusals"""
    con = boot(mem="256M", append="console=ttyAMA0 quiet")
    out = con.run("alloc 0 movable reclaimable")
    assert "alloc: movable and reclaimable exclude each other" in out, out
    out = con.run("free 0x60001 1")
    assert "free: pfn 0x60001 is not aligned to order 1" in out, out
    assert "; refused, nothing changed" in out, out


def test_free_says_why_at_any_loglevel(boot):
    """The README's promise for `free`: a pfn without a struct page is refused
    with the shell's reason (no Bad page state: there is no page to report on);
    a page that has one gets Linux's report -- and the shell names it even when
    loglevel hides the report."""
    con = boot(mem="256M", append="console=ttyAMA0 loglevel=1")
    out = con.run("free 0x10 0")
    assert "free: pfn 0x10 (order 0) is not inside a zone: it has no struct page" in out, out
    assert "Bad page state" not in out, out
    out = con.run("free 0x60000 0")
    assert "BUG: Bad page state in process" not in out     # hidden by loglevel=1 ...
    assert "free: BUG: Bad page state" in out and "refused, nothing changed" in out, out
    assert "page dumped because: double free" in con.run("dmesg")    # ... kept in the log


def zone_rows(text):
    return {name: [int(c) for c in row.split()] for name, row in
            re.findall(r"^Node 0, zone +(\w+)((?: +\d+){11}) *$", text, re.M)}


def pcp_counts(con):
    zi = con.run("cat /proc/zoneinfo")
    return {name: int(c) for name, c in
            re.findall(r"^Node 0, zone +(\w+)\n(?:(?!Node).*\n)*?\s+count: (\d+)", zi, re.M)}


def test_alloc_says_which_list_and_buddyinfo_agrees(boot):
    con = boot(mem="512M")
    con.run("drain")
    batch = int(re.search(r"zone   Normal\n(?:.*\n)*?\s+batch: (\d+)",
                          con.run("cat /proc/zoneinfo")).group(1))
    assert pcp_counts(con)["Normal"] == 0
    # order 0, lists empty: a refill of `batch` pages, then one taken
    out = con.run("alloc 0")
    assert "from CPU0's per-cpu list (Normal, Unmovable): " \
        f"{batch - 1} pages left on it, {batch - 1} on all of CPU0's Normal lists" in out, out
    assert f"it was empty: rmqueue_bulk() refilled it with {batch} pages" in out, out
    assert pcp_counts(con)["Normal"] == batch - 1
    out = con.run("alloc 0")
    assert f"Unmovable): {batch - 2} pages left on it" in out and "refilled" not in out, out
    pfn = re.search(r"pfn 0x([0-9a-f]+)", out).group(1)
    out = con.run(f"free 0x{pfn} 0")
    assert re.search(rf"freed to CPU0's per-cpu list \(Normal, \w+\): \d+ pages on it, "
                     rf"{batch - 1} on all of CPU0's Normal lists", out), out
    # order 3: a list of its own (Linux 5.13), refilled with 2 blocks at
    # once; the buddy list the first came from lost a block, expand() gave
    # back one per order, and the second took the order-3 half
    before = zone_rows(con.run("cat /proc/buddyinfo"))["Normal"]
    count, n = pcp_counts(con)["Normal"], max(batch >> 3, 2)
    out = con.run("alloc 3 movable")
    assert f"from CPU0's per-cpu list (Normal, Movable, order 3): {n - 1} blocks left on it, " \
        f"{count + 8 * (n - 1)} pages on all of CPU0's Normal lists" in out, out
    assert f"it was empty: rmqueue_bulk() refilled it with {n} blocks from the buddy lists," in out
    m = re.search(r"  the first from free_area\[(\d+)\]\.free_list\[Movable\](, an order-(\d+) "
                  r"block split by expand\(\))?\n", out)
    assert m, out
    k = int(m.group(1))
    after = zone_rows(con.run("cat /proc/buddyinfo"))["Normal"]
    # the buddy lists gave n blocks of 8 pages; the first came out of order k
    assert sum(c << o for o, c in enumerate(before)) - sum(c << o for o, c in enumerate(after)) \
        == 8 * n, (before, after, out)
    assert k == 3 or after[k] < before[k] or any(after[o] > before[o] for o in range(3, k)), \
        (before, after, out)
    assert (m.group(3) is None) == (k == 3)
    out = con.run("alloc 3 movable")
    assert f"(Normal, Movable, order 3): {n - 2} blocks left on it" in out, out
    assert "refilled" not in out, out


def test_drain_gives_the_per_cpu_pages_back(boot):
    con = boot(mem="1024M")
    con.run("drain")
    before = con.run("cat /proc/buddyinfo")
    pfns = [re.search(r"pfn 0x([0-9a-f]+)", con.run(f"alloc 0 {flags}")).group(1)
            for flags in ("", "movable", "highmem movable", "reclaimable")]
    for pfn in pfns:
        assert "freed to CPU0's per-cpu list" in con.run(f"free 0x{pfn} 0")
    # the pages are free again, but on the per-cpu lists: buddyinfo lacks them
    assert con.run("cat /proc/buddyinfo") != before
    counts = pcp_counts(con)
    assert "PerCpuLists:" in con.run("cat /proc/meminfo")
    out = con.run("drain")
    assert f"drain: CPU0's per-cpu lists: Normal {counts['Normal']}, HighMem " \
        f"{counts['HighMem']} pages" in out, out
    assert f"drain_all_pages() gave {sum(counts.values())} pages back" in out, out
    assert con.run("cat /proc/buddyinfo") == before
    assert set(pcp_counts(con).values()) == {0}
    assert "takes no arguments" in con.run("drain now")


def test_drain_names_only_cpus_that_have_lists(boot):
    # -smp 1: the device tree lists 4 CPUs, one is possible and has a per-CPU
    # area; drain read "lists" of the other three at addresses no area backs
    con = boot(mem="256M", smp=1)
    out = con.run("drain")
    assert re.search(r"^drain: CPU0's per-cpu lists: Normal \d+ pages$", out, re.M), out
    assert "CPU1" not in out and "CPU2" not in out and "CPU3" not in out, out


def test_free_past_high_goes_back_in_a_batch(boot):
    con = boot(mem="64M")
    zi = con.run("cat /proc/zoneinfo")
    high, batch = (int(x) for x in re.search(r"high:\s+(\d+)\n\s+batch:\s+(\d+)", zi).groups())
    con.run("drain")
    pfns = [re.search(r"pfn 0x([0-9a-f]+)", con.run("alloc 0 movable")).group(1)
            for _ in range(high)]
    outs = [con.run(f"free 0x{pfn} 0") for pfn in pfns]
    spills = [o for o in outs if "reached high" in o]
    assert spills, outs[-3:]
    assert f"the lists reached high ({high}): free_pcppages_bulk() gave {batch} pages back" \
        in spills[0], spills[0]
    assert "free lists back exactly as before" in con.run("memtest 1")


def test_wrong_order_free_is_refused(boot):
    con = boot(mem="256M")
    pfn = re.search(r"pfn 0x([0-9a-f]+)", con.run("alloc 2 movable")).group(1)
    out = con.run(f"free 0x{pfn} 1")
    assert "BUG: Bad page state in process init  pfn:" in out  # the shell runs in init
    assert "page dumped because: freed with order 1, allocated with order 2" in out
    assert "freed" in con.run(f"free 0x{pfn} 2")


def test_memtest_restores_free_lists(boot):
    con = boot(mem="1024M")
    out = con.run("memtest 32", timeout=120)
    assert "memtest: 8192 pages (4096 HighMem, 4096 lowmem)" in out
    assert "memtest: 0 bad pages; free lists back exactly as before" in out
    out = con.run("memtest 4096", timeout=300)   # more than there is: exhaustion
    assert ", all there was" in out
    assert "free lists back exactly as before" in out
    assert "memtest: MB must be 1..4096" in con.run("memtest 0")


def test_mminit_loglevel_traces_free_ranges(boot):
    con = boot(mem="128M", append="console=ttyAMA0 loglevel=8 mminit_loglevel=4")
    ranges = re.findall(r"mminit::free_pages_memory \[0x([0-9a-f]+), 0x([0-9a-f]+)\)", con.log)
    assert ranges
    blocks = {int(p, 16): int(o) for p, o in
              re.findall(r"mminit::  pfn 0x([0-9a-f]+) order (\d+)", con.log)}
    for start, end in ((int(a, 16), int(b, 16)) for a, b in ranges):
        pfn = start
        while pfn < end:
            # __ffs(pfn) capped at MAX_ORDER - 1, then shrunk to fit the range
            order = min(10, (pfn & -pfn).bit_length() - 1)
            while pfn + (1 << order) > end:
                order -= 1
            assert blocks.get(pfn) == order, (hex(pfn), blocks.get(pfn), order)
            pfn += 1 << order


def test_selftest_page_alloc_suite(boot):
    con = boot(mem="512M")
    out = con.run("selftest", timeout=120)
    assert "# Subtest: page_alloc" in out
    assert re.search(r"^ok \d+ page_alloc$", out, re.M), out


@pytest.mark.parametrize("mem,extra", [("17M", ""), ("32M", ""), ("1024M", "mem=16M")])
def test_selftest_on_small_ram(boot, mem, extra):
    """Tiny zones: batch 0 (pcp high 0), min_free_kbytes's floor a big share of RAM."""
    con = boot(mem=mem, append=f"console=ttyAMA0 loglevel=8 {extra}")
    out = con.run("selftest", timeout=120)
    assert "not ok" not in out, out
    assert re.search(r"# selftest: \d+ suites, 0 failed", out), out
    # all RAM is lowmem here: the HighMem cases say why they cannot run
    assert re.search(r"^    ok \d+ mm_highmem_through_kmap # SKIP no free HighMem page$",
                     out, re.M), out


def test_pagetypeinfo_adds_up_to_buddyinfo(boot):
    con = boot(mem="1024M")
    con.run("alloc 0")            # an unmovable request steals a pageblock
    bi = con.run("cat /proc/buddyinfo")
    pt = con.run("cat /proc/pagetypeinfo")
    for zone in ("Normal", "HighMem"):
        row = re.search(rf"^Node 0, zone +{zone} ((?: +\d+){{11}}) $", bi, re.M).group(1)
        per_order = [int(n) for n in row.split()]
        types = re.findall(rf"^Node +0, zone +{zone}, type +(\w+) ((?: +\d+){{11}}) $", pt, re.M)
        assert [t for t, _ in types] == ["Unmovable", "Reclaimable", "Movable", "Reserve"]
        sums = [sum(int(c.split()[o]) for _, c in types) for o in range(11)]
        assert sums == per_order, (zone, sums, per_order)
    blocks = re.search(r"^Node 0, zone   Normal +(\d+) +(\d+) +(\d+) +(\d+) $", pt, re.M)
    assert int(blocks.group(1)) >= 1   # the stolen pageblock is Unmovable now


def linux_frag_indexes(counts):
    """mm/vmstat.c (v4.14): unusable_free_index() and __fragmentation_index()
    for each order, in thousandths, from a zone's /proc/buddyinfo counts"""
    free = sum(n << o for o, n in enumerate(counts))
    total = sum(counts)
    unusable, extfrag = [], []
    for order in range(len(counts)):
        suitable = sum(n << (o - order) for o, n in enumerate(counts) if o >= order)
        unusable.append((free - (suitable << order)) * 1000 // free if free else 1000)
        if not total:
            extfrag.append(0)
        elif suitable:
            extfrag.append(-1000)
        else:
            extfrag.append(1000 - (1000 + free * 1000 // (1 << order)) // total)
    return unusable, extfrag


def as_fraction(index):
    """Linux's "%d.%03d" of index / 1000, index % 1000 (C's division)"""
    return "-1.000" if index == -1000 else f"{index // 1000}.{index % 1000:03d}"


def test_extfrag_follows_buddyinfo(boot):
    """`extfrag` prints Linux's debugfs extfrag files: recomputed here from
    /proc/buddyinfo at boot, and again once every order-10 block is taken,
    when an order-10 request would fail -- for fragmentation, not for lack
    of memory."""
    con = boot(mem="64M")
    for taken in (False, True):
        counts = zone_rows(con.run("cat /proc/buddyinfo"))["Normal"]
        out = con.run("extfrag")
        rows = re.findall(r"^Node 0, zone +(\w+) ((?:-?\d\.\d{3} ){11})$", out, re.M)
        assert [z for z, _ in rows] == ["Normal", "Normal"], out
        unusable, extfrag = linux_frag_indexes(counts)
        assert rows[0][1].split() == [as_fraction(i) for i in unusable], (counts, out)
        assert rows[1][1].split() == [as_fraction(i) for i in extfrag], (counts, out)
        if taken:
            break
        assert extfrag == [-1000] * 11, out       # every order can be served
        for _ in range(64):
            if "alloc: order 10 ->" not in con.run("alloc 10 movable"):
                break
    assert counts[10] == 0 and extfrag[10] > 500 and unusable[10] == 1000, out
    assert extfrag[:10] == [-1000] * 10, out


def test_zoneinfo_without_highmem(boot):
    con = boot(mem="128M")
    zi = con.run("cat /proc/zoneinfo")
    normal, high = zi.split("Node 0, zone  HighMem\n")
    assert f"        spanned  {128 * MB // PAGE}\n" in normal
    assert "  pagesets\n" in normal
    # an empty zone stops after its protection line, as Linux 4.14+ prints it
    assert high.rstrip().endswith("protection: (0, 0)")
    assert "        spanned  0\n" in high
