# SPDX-License-Identifier: GPL-2.0
"""scripts/gdb: the GDB helpers against the kernel's own view of itself.

Each helper runs on the halted kernel (gdb batch mode); the kernel prints
the same thing from the inside, in its boot log (memblock=debug) or from
its shell (memblock, cat /proc/buddyinfo, pgwalk, alloc).  The two must
agree line for line.  No figure is written down here: each expected value
comes from the same boot's console.
"""
import os
import re

from conftest import ROOT, Console, free_tcp_port, gdb_batch, qemu_argv

HELPERS = os.path.join(ROOT, "scripts", "gdb", "a9mm.py")
DEBUG_APPEND = "console=ttyAMA0 loglevel=8 memblock=debug"


def stub_qemu(port, frozen=True, mem="1024M", append="console=ttyAMA0 loglevel=8"):
    extra = ("-gdb", f"tcp:127.0.0.1:{port}") + (("-S",) if frozen else ())
    return Console(qemu_argv(mem=mem, append=append, extra=extra))


def halted_then_shell(gdb_cmds, mem="1024M", append="console=ttyAMA0 loglevel=8",
                      stop="shell_run"):
    """Run gdb_cmds with the kernel stopped at `stop`, then let it reach its shell."""
    port = free_tcp_port()
    con = stub_qemu(port, mem=mem, append=append)
    out = gdb_batch([f"source {HELPERS}", f"break {stop}", "continue"] + gdb_cmds
                    + ["detach"], port)
    con.wait_prompt()
    return con, out


def block(text, first, n):
    """n lines of text starting at the first line that starts with `first`."""
    lines = [line.rstrip() for line in text.splitlines()]
    starts = [k for k, line in enumerate(lines) if line.startswith(first)]
    assert starts, f"no line starting {first!r} in:\n{text}"
    return lines[starts[0]:starts[0] + n]


def shell_lines(text):
    return [line.rstrip() for line in text.strip().splitlines()]


def boot_dump(log):
    """The MEMBLOCK configuration block memblock=debug printed at boot."""
    lines = log.split("MEMBLOCK configuration:\n", 1)[1].splitlines()
    out = ["MEMBLOCK configuration:"]
    for line in lines:
        if not re.match(r" (memory|reserved)", line):
            break
        out.append(line.rstrip())
    return out


def test_memblock_matches_the_boot_dump():
    # stop right after arm_memblock_init() has printed its dump
    con, out = halted_then_shell(["finish", "a9mm-memblock"], append=DEBUG_APPEND,
                                 stop="arm_memblock_init")
    try:
        dump = boot_dump(con.log)
        assert len(dump) >= 5, con.log
        assert block(out, "MEMBLOCK configuration:", len(dump)) == dump, out
    finally:
        con.close()


def test_memblock_and_buddyinfo_match_the_shell():
    con, out = halted_then_shell(["a9mm-memblock", "a9mm-buddyinfo"])
    try:
        shell = shell_lines(con.run("memblock"))
        assert block(out, "MEMBLOCK configuration:", len(shell)) == shell
        bi = shell_lines(con.run("cat /proc/buddyinfo"))
        assert len(bi) == 2 and bi[0].startswith("Node 0, zone   Normal"), bi
        assert block(out, "Node 0, zone ", len(bi)) == bi
    finally:
        con.close()


def test_slabinfo_matches_the_shell():
    con, out = halted_then_shell(["a9mm-slabinfo"])
    try:
        shell = shell_lines(con.run("cat /proc/slabinfo"))
        assert len(shell) >= 17 and shell[0] == "slabinfo - version: 2.1", shell
        assert block(out, "slabinfo - version: 2.1", len(shell)) == shell, out
    finally:
        con.close()


def test_pgwalk_matches_the_kernels_walk():
    # text, user space (fault), vectors (small page), the ioremap()ped UART and
    # its guard page, free vmalloc space, pkmap, end of lowmem
    vas = ["0xc0010000", "0x0", "0xffff0000", "0xf0000000", "0xf0001000", "0xf8009000",
           "0xbfe00000", "0xef7ff000"]
    con, out = halted_then_shell([f"a9mm-pgwalk {va}" for va in vas])
    try:
        for va in vas:
            shell = shell_lines(con.run(f"pgwalk {va}"))
            head = f"pgwalk 0x{int(va, 16):08x}: "
            assert block(out, head, len(shell)) == shell, (va, out)
        # kernel text: PA = VA - PAGE_OFFSET + PHYS_OFFSET (RAM's start in memblock)
        ram = re.search(r"memory\[0x0\]\t\[0x([0-9a-f]{8})-", con.run("memblock"))
        ram = int(ram.group(1), 16)
        assert f"=> VA 0xc0010000 -> PA 0x{0xc0010000 - 0xc0000000 + ram:08x}" in out
        assert re.search(r"pgwalk 0x00000000: .*\n  L1\[0x000\] = 0x00000000 .*fault", out), out
        # the vectors page is a real second-level (small page) entry
        assert re.search(r"pgwalk 0xffff0000: .*\n.*page table at PA.*\n  L2\[0xf0\].*small page",
                         out), out
    finally:
        con.close()


def test_pgwalk_of_head_S_tables_with_the_mmu_off():
    """head.S's early 1 MiB sections, read by physical address before the MMU is on."""
    port = free_tcp_port()
    con = stub_qemu(port, append=DEBUG_APPEND)
    try:
        out = gdb_batch([f"source {HELPERS}",
                         f"add-symbol-file {ROOT}/build/vmlinux -o -0x60000000",
                         "break __turn_mmu_on", "continue",
                         # head.S's own registers: r4 = swapper_pg_dir (PA), r8 = PHYS_OFFSET,
                         # r2 = the DTB (PA)
                         'printf "R4=%08x R8=%08x PC=%08x R2=%08x\\n", $r4, $r8, $pc, $r2',
                         'printf "RAW=%08x\\n", *(unsigned int *)($r4 + 0xc00 * 4)',
                         "a9mm-pgwalk 0xc0010000", "a9mm-pgwalk $pc",
                         "a9mm-pgwalk $r2 - $r8 + 0xc0000000", "a9mm-pgwalk 0",
                         "a9mm-memblock", "detach"], port)
        con.wait_prompt()
    finally:
        con.close()
    regs = re.search(r"R4=([0-9a-f]{8}) R8=([0-9a-f]{8}) PC=([0-9a-f]{8}) R2=([0-9a-f]{8})", out)
    assert regs, out
    pgd, phys_offset, pc, dtb = (int(x, 16) for x in regs.groups())
    raw = re.search(r"RAW=([0-9a-f]{8})", out).group(1)
    assert f"swapper_pg_dir at PA 0x{pgd:08x}" in out and "MMU off" in out, out
    assert f"L1[0xc00] = 0x{raw}" in out
    # head.S's SECT_MEM: section, domain 0, privileged RW, normal WBWA, shareable
    text = block(out, "pgwalk 0xc0010000: ", 4)
    assert f"section, PA 0x{phys_offset:08x}, domain 0" in text[1], text
    assert "AP[2:0]=001 (kernel RW, user none), XN=0, TEX=001 C=1 B=1" in text[2], text
    assert "S=1, nG=0" in text[2]
    assert text[3] == f"  => VA 0xc0010000 -> PA 0x{phys_offset + 0x10000:08x}"
    # the identity map of __turn_mmu_on: VA = PA; the DTB at its linear address
    assert f"  => VA 0x{pc:08x} -> PA 0x{pc:08x}" in out
    assert f"  => VA 0x{dtb - phys_offset + 0xc0000000:08x} -> PA 0x{dtb:08x}" in out
    # nothing maps user space
    assert re.search(r"pgwalk 0x00000000: .*\n  L1\[0x000\] = 0x00000000 .*fault \(not mapped\)",
                     out), out
    assert "a9mm: the MMU is off" in out


def test_pfn_agrees_with_the_kernels_allocator():
    """The shell's `alloc` prints pfn, phys, virt and zone; a9mm-pfn must say the same."""
    port = free_tcp_port()
    con = stub_qemu(port, frozen=False)
    try:
        con.wait_prompt()
        got = {}
        for what in ("3", "0 highmem"):
            line = con.run(f"alloc {what}")
            m = re.search(r"order (\d+) -> pfn 0x([0-9a-f]+) phys 0x([0-9a-f]+) "
                          r"(?:virt 0x([0-9a-f]+)|\(HighMem[^)]*\)) zone (\w+)", line)
            assert m, line
            got[what] = m.groups()
        order, pfn, phys, virt, zone = got["3"]
        hpfn = got["0 highmem"][1]
        out = gdb_batch([f"source {HELPERS}", f"a9mm-pfn pfn 0x{pfn}", f"a9mm-pfn virt 0x{virt}",
                         f"a9mm-pfn phys 0x{phys}", f"a9mm-pfn pfn 0x{hpfn}",
                         "a9mm-pfn page mem_map", "detach"], port)
        con.run("version")  # the kernel runs on after the detach
        log = con.log
    finally:
        con.close()
    reports = out.split("pfn   0x")[1:]
    assert len(reports) == 5, out
    low = [f"{pfn}\nphys  0x{int(phys, 16):08x}\nvirt  0x{virt}\n"] * 3
    assert [r[:len(low[0])] for r in reports[:3]] == low, out
    for r in reports[:3]:
        assert f"(struct page, zone {zone})" in r
        assert f"allocated, order {order}" in r
    # the same struct page whichever way it was named
    pages = [re.search(r"page  0x([0-9a-f]{8})", r).group(1) for r in reports]
    assert pages[0] == pages[1] == pages[2], out
    high = reports[3]
    assert high.startswith(hpfn) and "virt  none (HighMem" in high, out
    assert "zone HighMem" in high and "allocated, order 0" in high, out
    # the boot log says where mem_map is (physical) and how big a struct page is
    m = re.search(r"mem_map: \d+ struct pages \((\d+) bytes each\) at 0x([0-9a-f]+)", log)
    assert m, log
    size, mem_map_pa = int(m.group(1)), int(m.group(2), 16)
    first = int(reports[4].split("\n")[0], 16)  # mem_map[0]'s pfn: PHYS_OFFSET's
    assert f"phys  0x{first << 12:08x}" in reports[4]
    mem_map_va = mem_map_pa - (first << 12) + 0xC0000000
    assert int(pages[4], 16) == mem_map_va, out
    assert int(pages[0], 16) == mem_map_va + (int(pfn, 16) - first) * size, out


def test_helpers_before_mm_is_up_say_so():
    port = free_tcp_port()
    con = stub_qemu(port, mem="256M")
    try:
        out = gdb_batch([f"source {HELPERS}", "break setup_arch", "continue",
                         "a9mm-buddyinfo", "a9mm-pfn pfn __pv_phys_pfn_offset",
                         "a9mm-pgwalk 0xc0010000",
                         "help a9mm-pgwalk", "help a9mm-memblock", "help a9mm-buddyinfo",
                         "kill"], port)
    finally:
        con.close()
    assert "a9mm: no populated zone yet (bootmem_init has not run)" in out
    assert "page  a9mm: mem_map not set up yet" in out
    # head.S's section table is there already, and decodes
    assert re.search(r"section, PA 0x[0-9a-f]{8}, domain 0", out), out
    for cmd in ("a9mm-pgwalk [PID] VA:", "a9mm-memblock:", "a9mm-buddyinfo:"):
        assert cmd in out


def test_pgwalk_decodes_what_a9mm_never_builds():
    """A 64 KiB large page and a 16 MiB supersection, planted in unused user-space
    slots of swapper_pg_dir while the kernel is halted, decoded per ARM ARM B3.5.1,
    then removed again before the kernel runs on (it never touches those VAs)."""
    port = free_tcp_port()
    con = stub_qemu(port, frozen=False)
    try:
        con.wait_prompt()
        m = re.search(r"phys 0x([0-9a-f]+) virt 0x([0-9a-f]+)", con.run("alloc 0"))
        assert m, con.log
        page_pa, page_va = int(m.group(1), 16), int(m.group(2), 16)
        # L2 hardware table in the upper 2 KiB of the page (a9mm's Linux-style layout)
        l2_pa, l2_va = page_pa + 2048, page_va + 2048
        l1 = "((unsigned int *)&swapper_pg_dir)"
        # large page: PA[31:16], XN bit 15, TEX[14:12]=001, nG 11, S 10, AP[2]=1 (9),
        # AP[1:0]=10 (5:4), C 3, B 2, type 0b01
        large = 0x12340000 | 1 << 15 | 1 << 12 | 1 << 11 | 1 << 10 | 1 << 9 | 2 << 4 | 1 << 3 \
            | 1 << 2 | 1
        # supersection: PA[31:24], bit 18, nG 17, S 16, AP[2] 15, TEX 14:12=000,
        # AP[1:0]=01 (11:10), XN 4, C=0 B=1, type 0b10
        superp = 0x23000000 | 1 << 18 | 1 << 16 | 1 << 10 | 1 << 4 | 1 << 2 | 2
        out = gdb_batch([
            f"source {HELPERS}",
            f"set var {l1}[0x400] = {l2_pa | 3 << 5 | 1:#x}",  # page table, domain 3
            f"set var *(unsigned int *)({l2_va:#x} + 0x51 * 4) = {large:#x}",
            f"set var {l1}[0x410] = {superp:#x}",
            "a9mm-pgwalk 0x40051234", "a9mm-pgwalk 0x41012345",
            f"set var {l1}[0x400] = 0", f"set var {l1}[0x410] = 0",
            f'printf "RESTORED=%x\\n", {l1}[0x400] | {l1}[0x410]', "detach"], port)
        con.run(f"free 0x{page_pa >> 12:x} 0")
    finally:
        con.close()
    lp = block(out, "pgwalk 0x40051234: ", 5)
    assert lp[1].endswith(f"page table at PA 0x{l2_pa:08x}, domain 3"), lp
    assert lp[2].startswith(f"  L2[0x51] = 0x{large:08x} ") and \
        lp[2].endswith("large page (64 KiB), PA 0x12340000"), lp
    assert "AP[2:0]=110 (kernel RO, user RO), XN=1, TEX=001 C=1 B=1 " \
           "(normal, write-back, write-allocate), S=1, nG=1" in lp[3], lp
    assert lp[4] == "  => VA 0x40051234 -> PA 0x12341234", lp
    sp = block(out, "pgwalk 0x41012345: ", 4)
    assert "supersection (16 MiB), PA 0x23000000" in sp[1], sp
    assert "AP[2:0]=001 (kernel RW, user none), XN=1, TEX=000 C=0 B=1 (shareable device), " \
           "S=1, nG=0" in sp[2], sp
    assert sp[3] == "  => VA 0x41012345 -> PA 0x23012345", sp
    assert "RESTORED=0" in out


def test_pfn_right_after_free_area_init_node():
    """mem_map exists once free_area_init_node() returns; max_pfn comes later
    (bootmem_init()).  a9mm-pfn takes the bounds from the node, not max_pfn."""
    port = free_tcp_port()
    con = stub_qemu(port, mem="512M")
    try:
        out = gdb_batch([f"source {HELPERS}", "break free_area_init_node", "continue", "finish",
                         'printf "MAX_PFN=%lu\\n", max_pfn', "a9mm-pfn phys 0x60100000",
                         "a9mm-pfn phys 0x7ffff000", "a9mm-pfn phys 0x80000000", "kill"], port)
    finally:
        con.close()
    assert "MAX_PFN=0" in out, out     # the case the issue describes: not set yet
    first = out.split("pfn   0x60100", 1)[1]
    assert "virt  0xc0100000 (max_low_pfn not set yet: ZONE_NORMAL's end)" in first, out
    assert re.search(r"page  0x[0-9a-f]{8} \(struct page, zone Normal\)", first), out
    assert "outside mem_map" not in first.split("pfn   0x")[0], out
    last = out.split("pfn   0x7ffff", 1)[1].split("pfn   0x")[0]
    assert "struct page, zone Normal" in last, out
    beyond = out.split("pfn   0x80000", 1)[1]
    assert "page  none (outside mem_map: the node spans pfn 0x60000-0x7ffff)" in beyond, out


def test_zoneinfo_and_freelist_agree_with_the_kernel():
    port = free_tcp_port()
    con = stub_qemu(port, frozen=False)
    try:
        con.wait_prompt()
        con.run("alloc 0")                       # something on a per-cpu list
        zi = con.run("cat /proc/zoneinfo")
        pti = con.run("cat /proc/pagetypeinfo")
        bi = con.run("cat /proc/buddyinfo")
        out = gdb_batch([f"source {HELPERS}", "a9mm-zoneinfo", "a9mm-freelist Normal 10 Movable",
                         "a9mm-freelist HighMem 10", "a9mm-freelist Normal 11",
                         "a9mm-freelist Nowhere 0", "a9mm-freelist Normal 3 Sticky",
                         "a9mm-freelist Normal x", "a9mm-freelist", "detach"], port)
        con.run("version")
    finally:
        con.close()
    for name in ("Normal", "HighMem"):
        body = re.search(rf"^Node 0, zone +{name}\n((?:[ \t].*\n)*)", zi, re.M).group(1)
        f = dict((k, int(v)) for k, v in re.findall(r"^\s+(pages free|min|low|high|spanned|"
                                                      r"present|managed)\s+(\d+)$", body, re.M))
        cpu0 = body.split("    cpu: 1\n")[0]          # CPU 0's pageset: the first one
        f.update((k, int(v)) for k, v in re.findall(r"^\s+(count|batch):\s+(\d+)$", cpu0, re.M))
        mine = out.split(f"Node 0, zone {name:>8s}\n", 1)[1]
        assert f"spanned {f['spanned']}  present {f['present']}  managed {f['managed']}" in mine
        assert f"pages free {f['pages free']}  min {f['min']}  low {f['low']}  " \
               f"high {f['high']}" in mine, (name, mine)
        assert re.search(rf"cpu 0: count {f['count']} high \d+ batch {f['batch']} ", mine), mine
        # free blocks: pagetypeinfo's rows, and buddyinfo's nr_free
        for mt, row in re.findall(rf"^Node +0, zone +{name}, type +(\w+) +((?:\d+ +){{10}}\d+)",
                                  pti, re.M):
            assert re.search(rf"^ +{mt}" + "".join(rf" +{c}" for c in row.split()) + "$",
                             mine, re.M), (mt, row, mine)
        nr = re.search(rf"^Node 0, zone +{name} +((?:\d+ +){{10}}\d+)", bi, re.M).group(1)
        assert re.search(r"^ +nr_free" + "".join(rf" +{c}" for c in nr.split()) + "$",
                         mine, re.M), mine
    # the Movable order-10 list: as many blocks as pagetypeinfo counts, each a
    # free order-10 block at a 4 MiB-aligned pfn
    want = int(re.search(r"zone   Normal, type      Movable +(?:\d+ +){10}(\d+)", pti).group(1))
    lst = block(out, "zone Normal free_area[10].free_list[Movable]:", want + 1)
    assert lst[0].endswith(f": {want} blocks"), lst[0]
    for line in lst[1:]:
        m = re.match(r"  pfn 0x([0-9a-f]{5}) order 10  PA 0x([0-9a-f]{8})-0x([0-9a-f]{8})$", line)
        assert m, line
        pfn = int(m.group(1), 16)
        assert pfn % 1024 == 0 and int(m.group(2), 16) == pfn << 12
        assert int(m.group(3), 16) == ((pfn + 1024) << 12) - 1
    assert "zone HighMem free_area[10].free_list[Reserve]:" in out   # every type when none given
    assert "a9mm-freelist: ORDER must be 0..10" in out
    assert "a9mm: no zone 'Nowhere' (zones: Normal, HighMem, or their index)" in out
    assert "a9mm-freelist: MIGRATETYPE is one of Unmovable, Reclaimable, Movable, Reserve" in out
    assert "a9mm-freelist: ORDER 'x' is not a number" in out
    assert "usage: a9mm-freelist ZONE ORDER [MIGRATETYPE]" in out


def test_pgwalk_warns_about_the_previous_boots_tables():
    """After `monitor system_reset` RAM keeps the last boot's swapper_pg_dir: at stext
    a walk finds its section -- and says the table is not this boot's.  a9mm-restart
    zeroes it, so the same walk finds nothing until head.S writes it again."""
    port = free_tcp_port()
    argv = [a for a in qemu_argv(mem="256M", extra=("-S", "-gdb", f"tcp:127.0.0.1:{port}"))
            if a != "-no-reboot"]                # make debug's QEMU: a reset is a reset
    con = Console(argv)
    try:
        out = gdb_batch([f"source {HELPERS}", f"add-symbol-file {ROOT}/build/vmlinux -o -0x60000000",
                         "break start_kernel", "continue", "monitor system_reset",
                         "maint flush register-cache", "break stext", "continue",
                         "echo PLAIN-RESET\\n", "a9mm-pgwalk 0xc0010000",
                         "break __turn_mmu_on", "continue", "echo WRITTEN\\n",
                         "a9mm-pgwalk 0xc0010000",
                         "a9mm-restart", "a9mm-pgwalk 0xc0010000", "continue",
                         "echo RESTARTED\\n", "a9mm-pgwalk 0xc0010000", "kill"], port)
    finally:
        con.close()
    plain = out.split("PLAIN-RESET", 1)[1].split("WRITTEN", 1)[0]
    assert "warning: head.S has not written swapper_pg_dir in this boot yet" in plain, out
    assert "section, PA 0x60000000" in plain, out          # the stale entry the warning is for
    written = out.split("WRITTEN", 1)[1].split("a9mm-restart:", 1)[0]
    assert "warning" not in written and "section, PA 0x60000000" in written, out
    assert "a9mm-restart: board reset, PC 0x60000000 (QEMU's boot stub)" in out, out
    assert "the kernel has not started (nothing to walk yet)" in out, out
    restarted = out.split("RESTARTED", 1)[1]
    assert "warning: head.S has not written swapper_pg_dir" in restarted, out
    assert "L1[0xc00] = 0x00000000 (pgd[0x600], 1st MiB of the pair): fault (not mapped)" \
        in restarted, out


def test_info_threads_shows_every_cpu_in_the_kernel():
    """GDB sees one thread per CPU; with SMP up, each one runs the kernel."""
    port = free_tcp_port()
    con = stub_qemu(port, frozen=False)
    try:
        con.wait_prompt()
        out = gdb_batch(["info threads", "detach"], port)
        con.run("version")
    finally:
        con.close()
    threads = re.findall(r"Thread 1\.(\d+) \(CPU#(\d+) \[\w+ *\]\) (0x[0-9a-f]+ in )?(\S+)", out)
    assert [int(cpu) for _, cpu, _, _ in threads] == [0, 1, 2, 3], out
    # every secondary left the boot loader's stub: a kernel function, not a bare address
    for _, cpu, addr, where in threads:
        assert not where.startswith("??"), (cpu, out)


def by_zone(pattern, text):
    """{zone: [(cpu, count, high, batch)]}: pattern's group 1 names a zone, groups 2-5 a CPU's set."""
    sets, zone = {}, None
    for m in re.finditer(pattern, text, re.M):
        if m.group(1):
            zone = m.group(1)
            sets.setdefault(zone, [])
        else:
            sets[zone].append(tuple(int(x) for x in m.groups()[1:]))
    return {z: s for z, s in sets.items() if s}


def pagesets(text):
    """{zone: [(cpu, count, high, batch)]} from /proc/zoneinfo's text."""
    return by_zone(r"Node 0, zone +(\w+)|    cpu: (\d+)\n +count: (\d+)\n +high: +(\d+)\n"
                   r" +batch: (\d+)", text)


def gdb_pagesets(text):
    """{zone: [(cpu, count, high, batch)]} from a9mm-zoneinfo's lines."""
    return by_zone(r"^Node 0, zone +(\w+)$|^  cpu (\d+): count (\d+) high (\d+) batch (\d+) ", text)


def test_zoneinfo_and_buddyinfo_show_every_cpus_lists():
    """a9mm-zoneinfo's pagesets are the shell's /proc/zoneinfo's, CPU by CPU;
    a9mm-buddyinfo adds the same per-cpu counts after the buddy lines."""
    port = free_tcp_port()
    con = stub_qemu(port, frozen=False)
    try:
        con.wait_prompt()
        # give CPUs 1-3 pages on their lists (freed ones stay there)
        for cpu in (1, 2, 3):
            pfn = re.search(r"pfn 0x([0-9a-f]+)", con.run(f"on {cpu} alloc 0")).group(1)
            con.run(f"on {cpu} free 0x{pfn} 0")
        pfn = re.search(r"pfn 0x([0-9a-f]+)", con.run("on 2 alloc 0 highmem")).group(1)
        con.run(f"on 2 free 0x{pfn} 0")
        shell = con.run("cat /proc/zoneinfo")
        out = gdb_batch([f"source {HELPERS}", "a9mm-zoneinfo", "a9mm-buddyinfo",
                         "help a9mm-zoneinfo", "detach"], port)
        con.run("version")
    finally:
        con.close()
    want = pagesets(shell)
    assert set(want) == {"Normal", "HighMem"} and all(len(s) == 4 for s in want.values()), shell
    assert any(c for _, c, _, _ in want["Normal"][1:]), shell  # the test proves something
    assert gdb_pagesets(out) == want, out
    for zone, sets in want.items():
        line = re.search(rf"^Node 0, zone +{zone}((?:  cpu\d+ \d+)+)$", out, re.M)
        assert line, out
        assert [(int(c), int(n)) for c, n in re.findall(r"cpu(\d+) (\d+)", line.group(1))] == \
            [(cpu, count) for cpu, count, _, _ in sets], out
    assert "zone->pageset + __per_cpu_offset[n]" in out


def test_ps_matches_the_shells():
    """a9mm-ps, read from the run queues and init_task.tasks of the halted
    kernel (init at shell_run), lists the tasks the shell's ps lists next."""
    con, out = halted_then_shell(["a9mm-ps"], mem="256M")
    try:
        def rows(text):
            return [(m[1], m[2], m[3], m[4]) for m in re.finditer(
                r"^\s*(\d+)\s+(\d+)\s+(\d+)\s+[RSDZXT]\*?\s+\d+\s+\d+\s+[\d.]+ (\S+)$", text, re.M)]
        halted, shell = rows(out), rows(con.run("ps"))
        assert halted and halted == shell, (out, shell)
        assert ("1", "0", "0", "init") in halted
        assert re.search(r"^\s+1\s+0\s+0 R\*", out, re.M), out   # init runs, on CPU 0
    finally:
        con.close()
