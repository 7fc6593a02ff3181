#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0
"""make bench: memory init and the allocator beside their physical limits.

Every figure is measured by this run, on this build:

- a9mm's boot, under QEMU with -icount shift=0,sleep=off (one global-timer
  nanosecond is one guest instruction) and the instruction-count TCG
  plugin of scripts/linux_compare (insn_count.c: exact guest instructions
  of vCPU 0 up to an address).  The kernel logs what bootmem_init() and
  mem_init()'s freeing took ("mminit cost: ..."), per page of what each
  one handled; the plugin counts head.S (entry to start_kernel) and the
  whole boot (entry to shell_run(), the prompt).  Then the shell's
  `bench` command times alloc+free pairs in the kernel.  Deterministic:
  the same build gives the same numbers on every machine.
- the host: tests/bench/bench_buddy (the portable mm core at -O2, without
  sanitizers), instructions per alloc+free pair from `perf stat` where
  perf can count them, else exactly from valgrind's callgrind, two runs
  subtracted so that setup cancels out.
- wall time: a9mm to its prompt against build/floor.Image (tests/bench/
  floor.S: one character, then power off) on the same QEMU, board, RAM
  and command line, alternating, in this run: the difference of the
  medians and their ratio -- never an absolute time of one machine.
  Beside it, what a first boot's host time mostly pays for: the code
  QEMU translated before the prompt (the plugin counts its blocks and
  their instructions), which grows with the code a boot runs, not with
  how often it runs it.
- Linux 6.1 (Debian's armmp kernel, scripts/linux-compare's download and
  boot code): the same plugin at Linux's own functions, per page of its
  Memory: line.  Without the package and without network the rows say
  why.  Its figures are kept in build/bench/ per package and RAM size.

- SMP: the shell's `allocbench` on 1, 2 and 4 CPUs of -smp 4 under QEMU's
  multi-threaded TCG (each vCPU a host thread: real parallelism, as far as
  the host's cores go -- their count is printed with the figures), and
  the cost of freeing a page another CPU allocated, also under -icount
  (instructions); the host CPU time an idle a9mm QEMU uses at its prompt
  (10 s, from /proc/PID/stat) at -smp 1 and -smp 4.

The table goes to build/bench.md (and the raw figures to build/bench.json);
`make bench-readme` (this script with --readme) copies the table into
README.md between the bench markers: measuring never edits a tracked file.
"""
import argparse
import contextlib
import importlib.machinery
import importlib.util
import json
import os
import re
import select
import signal
import statistics
import subprocess
import sys
import time

import pexpect

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
sys.path.insert(0, os.path.join(ROOT, "scripts"))

B = os.path.join(ROOT, "build")
BENCH = os.path.join(B, "bench", "bench_buddy")
IMAGE = os.path.join(B, "Image")
FLOOR = os.path.join(B, "floor.Image")
VMLINUX = os.path.join(B, "vmlinux")
DTB = os.path.join(B, "vexpress-v2p-ca9.dtb")
OUT = os.path.join(B, "bench")
RESULTS = os.path.join(B, "bench.md")
RAW = os.path.join(B, "bench.json")
README = os.path.join(ROOT, "README.md")
BEGIN, END = "<!-- bench:begin -->", "<!-- bench:end -->"
HEADER = "| what | a9mm | physical limit (approx.) | target | Linux 6.1 |"
APPEND = "console=ttyAMA0 loglevel=8"
BENCH_PAIRS = 1000
WALL_PAIRS = 9

# The rows of issue 14's table, in its order: key, what, the physical
# limit as the issue estimates it (what the hardware must do at least:
# an 8-register STM per 32-byte struct page, a store or two per page
# freed, a list pop+push per pair), the target.
ROWS = [
    ("memmap", "bootmem_init (memmap_init_zone) per page, -m 1024M",
     "3-5 (one 8-register STM per struct page)", "<= 6"),
    ("free_low", "freeing lowmem to buddy per page, -m 1024M",
     "1-2 (PG_reserved and _count per page, a list op per block)", "<= 2"),
    ("free_high", "freeing HighMem per page, -m 1024M", "1-2 (as lowmem)", "<= 2"),
    ("probe", "RAM probe (early_ram_probe) per 64 MiB piece of free RAM, -m 1024M",
     "about 30 (two probes of a few loads and stores, one section remap)", ""),
    ("prompt_1024M", "instructions to the prompt, -m 1024M", "about 2 M", "<= 3.5 M"),
    ("prompt_128M", "instructions to the prompt, -m 128M", "", "<= 0.6 M"),
    ("head", "head.S before start_kernel", "", "<= 20 K"),
    ("host_0", "order-0 alloc+free pair (host, -O2)",
     "15-20 (a bare per-CPU list pop+push)", "<= 80"),
    ("host_3", "order-3 alloc+free pair (host, -O2)", "", "<= 200"),
    ("kernel_0", "order-0 alloc+free pair (kernel, `bench`)", "15-20", ""),
    ("kernel_3", "order-3 alloc+free pair (kernel, `bench`)", "", ""),
    # issue 15's: SLUB's fast paths
    ("kmalloc_64", "kmalloc(64)+kfree pair, fast path (kernel, `slubbench`)",
     "about 20 (IRQs off/on twice, a freelist pop and push, the slab from struct page)", ""),
    ("kmalloc_1k", "kmalloc(1024)+kfree pair, fast path (kernel, `slubbench`)",
     "as 64 B (the same path)", ""),
    # issue 15's: 256 order-0 pairs, 256 ptes set and cleared, one TLB flush
    ("kernel_vmalloc", "vmalloc+vfree of 1 MiB (kernel, `bench`)",
     "about 256 order-0 pairs + 512 pte writes", ""),
    # issue 16's: user space, from /bin/faultbench's clock (instructions under -icount)
    ("anon_fault", "anonymous page fault: a user write's first touch (`faultbench`)",
     "about 400 (the abort in and out, a page off the per-CPU list, 4 KiB zeroed by "
     "8-register STMs, one pte)", ""),
    ("cow_fault", "copy-on-write fault: a write to a page fork() shares (`faultbench`)",
     "about 550 (as above, the 4 KiB copied by LDM/STM instead of zeroed)", ""),
    ("fork_exit", "fork+exit+wait4 of a process with 1 MiB touched (`faultbench`)", "", ""),
    ("execve", "execve of a small program, to its main() (`faultbench`, 2 pages of text)",
     "", ""),
    # compaction (mm/compaction.c, mm/migrate.c): the whole run over the pages it moved
    ("compact_page", "compaction: instructions per page moved, scanning included (`compact` "
     "on `compact-demo 16 100000 idle`, -m 256M -smp 1)",
     "about 700 (4 KiB copied by LDM/STM, two reverse-map walks, two pte writes, a TLB "
     "flush)", ""),
    # reclaim and swap (mm/vmscan.c, mm/page_io.c): the SD card's PIO included
    ("swap_out", "swap out: instructions per page, `swap-demo 8 pageout`'s MADV_PAGEOUT to "
     "the SD card (-m 256M -smp 1)",
     "about 700 (the SD card's write commands, 1,024 words into the PL181's FIFO by "
     "8-register STMs, a reverse-map walk, one pte)", ""),
    ("swap_in", "swap in: instructions per page, its read-back (a major fault each) less "
     "the same loop over pages in RAM",
     "about 900 (the abort in and out, a page off the per-CPU list, the read commands, "
     "1,024 words out of the FIFO by 8-register LDMs, one pte)", ""),
    ("swapoff", "swapoff: instructions per page it brings back, `swap-demo 8 swapoff`'s 2048 "
     "pages (its 10 ms polls of VmSwap included)",
     "about 900 (a page off the per-CPU list, the read commands, 1,024 words out of the FIFO "
     "by 8-register LDMs, one pte)", ""),
    # the SD card's page cache (fs/block_dev.c, mm/filemap.c): dd's read() per page
    ("cache_miss", "page cache miss: a 4 KiB read() of /dev/mmcblk0 that reads its page from "
     "the SD card (`dd bs=4K count=1024` under -icount, -m 256M -smp 1)",
     "about 1,300 (a hit's work, plus the read commands and 1,024 words out of the FIFO by "
     "8-register LDMs)", ""),
    ("cache_hit", "page cache hit: the same read() again, its page in the cache",
     "about 900 (read() and dd's write() to /dev/null in and out, a cache lookup, 4 KiB "
     "copied to user space by 128 8-register LDM/STM pairs)", ""),
    ("wall", "boot-to-prompt wall time above QEMU's floor, -m 1024M", "0",
     "<= +15 ms"),
    # what the wall time pays for beyond the instructions run: QEMU translates
    # each block of guest code the first time it runs (TCG)
    ("translated", "code QEMU translated before the prompt, -m 1024M (the TCG plugin's count, "
     "under -icount, of the blocks translated and their guest instructions: a block is "
     "translated before it first runs)", "", ""),
    # issue 13's: the SMP figures (measured, never asserted)
    ("smp_1", "order-0 alloc+free pairs per second, `allocbench` on 1 CPU of -smp 4 "
     "(multi-threaded TCG)", "", ""),
    ("smp_2", "the same on 2 CPUs at once", "2x one CPU (as far as host cores go)", ""),
    ("smp_4", "the same on 4 CPUs at once", "4x one CPU (as far as host cores go)", ""),
    ("xfree_ns", "free of a page another CPU allocated, ns (multi-threaded TCG)", "", ""),
    ("xfree_insns", "free of a page another CPU allocated, instructions (-icount)",
     "as a local free (QEMU models no caches)", ""),
    ("idle_1", "host CPU of QEMU while a9mm idles 10 s at the prompt, -smp 1", "0", ""),
    ("idle_4", "host CPU of QEMU while a9mm idles 10 s at the prompt, -smp 4", "0",
     "< 5 % of one core"),
]


def say(msg):
    print(msg, file=sys.stderr, flush=True)


# ---- the host bench -------------------------------------------------------------------
def perf_instructions(order, pairs):
    """User-space instructions of one run, or None where perf cannot count them."""
    try:
        res = subprocess.run(["perf", "stat", "-x", ",", "-e", "instructions:u",
                              BENCH, str(order), str(pairs)], capture_output=True, text=True)
    except FileNotFoundError:
        return None
    m = re.search(r"^(\d+),,instructions", res.stderr, re.M)
    return int(m.group(1)) if res.returncode == 0 and m else None


def callgrind_ir(order, pairs):
    res = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null",
                          BENCH, str(order), str(pairs)], capture_output=True, text=True,
                         check=True)
    return int(re.search(r"Collected : (\d+)", res.stderr).group(1))


def host_instructions(order, n=20_000):
    """(instructions per pair, how they were counted)"""
    a, b = perf_instructions(order, 20 * n), perf_instructions(order, 40 * n)
    if a is not None and b is not None:
        return (b - a) / (20 * n), "perf stat"
    return (callgrind_ir(order, 2 * n) - callgrind_ir(order, n)) / n, "callgrind"


# ---- a9mm under -icount ---------------------------------------------------------------
def a9mm_symbols():
    out = subprocess.run(["arm-none-eabi-nm", VMLINUX], capture_output=True, text=True,
                         check=True).stdout
    return {m.group(2): int(m.group(1), 16)
            for m in re.finditer(r"^([0-9a-f]+) [tT] (\w+)$", out, re.M)}


def qemu(image, mem, smp=1, extra=()):
    from linux_compare import boot
    return ["qemu-system-arm", *boot.QEMU_BOARD, "-m", mem, "-smp", str(smp),
            "-kernel", image, "-dtb", DTB, "-append", APPEND, "-serial", "stdio", *extra]


def a9mm_boot(mem, commands=()):
    """Boot under -icount with the plugin; the log, the counts, each command's output."""
    from linux_compare import boot, insncount
    syms = a9mm_symbols()
    points = {"entry": boot.RAM_BASE + boot.RAW_IMAGE_OFFSET,
              "start_kernel": syms["start_kernel"], "prompt": syms["shell_run"]}
    so = insncount.build(OUT)
    out = os.path.join(OUT, f"a9mm-{mem}-insns.txt")
    if os.path.exists(out):
        os.unlink(out)
    argv = qemu(IMAGE, mem, extra=["-icount", "shift=0,sleep=off",
                                   "-plugin", insncount.argument(so, out, points.values())])
    log, outputs = converse(argv, commands)
    got = insncount.results(out)
    counts = {k: got.get(a) for k, a in points.items()}
    if None in counts.values():
        sys.exit(f"bench: the instruction-count plugin missed a point booting -m {mem}: "
                 f"{counts}")
    counts["translated"] = insncount.translated(out).get(points["prompt"])
    return log, counts, outputs


def converse(argv, commands):
    """Boot argv to the prompt, run each shell command, power off: the boot log, the outputs."""
    # the UART drops what arrives before the kernel enables its FIFO:
    # answer the prompt, do not type ahead
    con = pexpect.spawn(argv[0], argv[1:], encoding="utf-8", timeout=600)
    outputs = []
    try:
        con.expect("a9mm> ")
        log = con.before.replace("\r", "")
        for cmd in commands:
            con.send(cmd + "\r")
            con.expect("a9mm> ")
            outputs.append(con.before.replace("\r", ""))
        con.send("poweroff\r")
        con.expect(pexpect.EOF)
    finally:
        con.close(force=True)
    return log, outputs


def shell(smp, commands, extra=(), mem="256M"):
    """Boot a9mm, run each shell command, return their outputs."""
    return converse(qemu(IMAGE, mem, smp, extra), commands)[1]


def cross_free(out):
    """allocbench's cross-CPU line: (ns there, ns on the allocating CPU), or None."""
    m = re.search(r"(\d+) ns each there, (\d+) ns each on CPU", out)
    return (int(m.group(1)), int(m.group(2))) if m else None


def allocbench():
    """pairs/s on 1, 2, 4 CPUs of -smp 4 (MTTCG); a cross-CPU free in ns (MTTCG, 4 CPUs)
    and in instructions (-icount, 2 CPUs)"""
    rate, free = {}, {}
    for cpus in (1, 2, 4):
        out = shell(4, [f"allocbench 2 {cpus}"])[0]
        rate[cpus] = int(re.search(r"total \d+ alloc\+free pairs, (\d+) per second",
                                   out).group(1))
        free[cpus] = cross_free(out)
    out = shell(2, ["allocbench 1 2"], ["-icount", "shift=0,sleep=off"])[0]
    return {"rate": rate, "free_ns": free[4], "free_insns": cross_free(out),
            "host_cores": os.cpu_count()}


def idle_cpu(smp, seconds=10):
    """Host CPU time QEMU uses while a9mm sits at its prompt, % of one core."""
    argv = qemu(IMAGE, "256M", smp)
    con = pexpect.spawn(argv[0], argv[1:], encoding="utf-8", timeout=120)
    tick = os.sysconf("SC_CLK_TCK")

    def used():
        with open(f"/proc/{con.pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / tick
    try:
        con.expect("a9mm> ")
        time.sleep(1)
        c0, t0 = used(), time.monotonic()
        time.sleep(seconds)
        c1, t1 = used(), time.monotonic()
        con.send("poweroff\r")
        con.expect(pexpect.EOF)
    finally:
        con.close(force=True)
    return 100 * (c1 - c0) / (t1 - t0)


def mminit_costs(log, mem):
    m = re.search(r"mminit cost: paging_init (\d+) ns, mem_init (\d+) ns, (\d+) pages", log)
    z = re.search(r"mminit cost: bootmem_init (\d+) ns \+ freeing", log)
    f = re.search(r"mminit cost: freeing lowmem (\d+) ns for (\d+) pages, HighMem (\d+) ns "
                  r"for (\d+) pages", log)
    p = re.search(r"mminit cost: RAM probe (\d+) ns, (\d+) probes over (\d+) pieces", log)
    if not m or not z or not f or not p:
        sys.exit(f"bench: no 'mminit cost' lines booting -m {mem}:\n{log[-2000:]}")
    return {"pages": int(m.group(3)), "bootmem_init": int(z.group(1)),
            "free_low": int(f.group(1)), "low_pages": int(f.group(2)),
            "free_high": int(f.group(3)), "high_pages": int(f.group(4)),
            "probe": int(p.group(1)), "probes": int(p.group(2)), "probe_pieces": int(p.group(3))}


def bench_pairs(text):
    got = dict(re.findall(r"^bench: order (\d): \d+ alloc\+free pairs, ([\d.]+) ns per pair$",
                          text, re.M))
    vm = re.search(r"^bench: vmalloc\+vfree 1 MiB: \d+ pairs, ([\d.]+) ns per pair$", text, re.M)
    if set(got) != {"0", "3"} or not vm:
        sys.exit(f"bench: the kernel's bench command said:\n{text}")
    return float(got["0"]), float(got["3"]), float(vm.group(1))


def slub_pairs(text):
    got = {int(k): float(v) for k, v in re.findall(
        r"^slubbench: kmalloc\((\d+)\)\+kfree: \d+ pairs, ([\d.]+) ns per pair$", text, re.M)}
    if set(got) != {64, 1024}:
        sys.exit(f"bench: the kernel's slubbench command said:\n{text}")
    return got


def user_figures():
    """/bin/faultbench on a9mm, -smp 1 under -icount: instructions per fault, fork, exec.

    Run twice; the second run is read (the first fills the slab caches
    and the per-CPU lists a first process needs)."""
    argv = qemu(IMAGE, "256M", extra=["-icount", "shift=0,sleep=off",
                                      "-initrd", os.path.join(B, "initramfs.cpio")])
    out = converse(argv, ["run /bin/faultbench", "run /bin/faultbench"])[1][1]
    pats = {"anon_fault": r"anonymous fault: (\d+) ns per page \((\d+) pages\)",
            "cow_fault": r"COW fault: (\d+) ns per page",
            "fork_exit": r"fork\+exit: (\d+) ns per round \((\d+) pages touched",
            "execve": r"execve: (\d+) ns to main\(\)"}
    got = {}
    for key, pat in pats.items():
        m = re.search(r"^faultbench: " + pat, out, re.M)
        if not m:
            sys.exit(f"bench: /bin/faultbench said:\n{out}")
        got[key] = int(m.group(1))
    return got


@contextlib.contextmanager
def icount_console(extra=()):
    """a9mm -m 256M -smp 1 under -icount with the initramfs, at its prompt; powered off after"""
    argv = qemu(IMAGE, "256M", extra=["-icount", "shift=0,sleep=off",
                                      "-initrd", os.path.join(B, "initramfs.cpio"), *extra])
    con = pexpect.spawn(argv[0], argv[1:], encoding="utf-8", timeout=600)
    try:
        con.expect("a9mm> ")
        yield con
        con.send("poweroff\r")
        con.expect(pexpect.EOF)
    finally:
        con.close(force=True)


def compaction_figures():
    """`compact` under -icount on compact-demo's fragmented 16 MiB, -smp 1: (moved, insns)."""
    with icount_console() as con:
        con.send("run /bin/compact-demo 16 100000 idle &\r")
        con.expect(r"compact-demo: 2048 pages kept at ")
        con.expect("sleep, then read them for 100000 s")
        con.send("compact\r")
        con.expect(r"compact: Normal: moved (\d+) pages")
        moved = int(con.match.group(1))
        con.expect(r"free order-0 blocks \d+ -> \d+; (\d+) ns")
        insns = int(con.match.group(1))
        con.expect("a9mm> ")
    if not moved:
        sys.exit("bench: compact moved nothing of compact-demo's pages")
    return {"moved": moved, "insns": insns}


def swap_figures():
    """`swap-demo 8 pageout` under -icount with a mkswap'd 16 MiB SD card: (pages, out, in);
    then `swap-demo 8 swapoff` in the background and `swapoff` (ptes, reads, its ns)."""
    os.makedirs(OUT, exist_ok=True)
    img = os.path.join(OUT, "bench-swap.img")
    with open(img, "wb") as f:
        f.truncate(16 << 20)
    subprocess.run(["/sbin/mkswap", img], check=True, capture_output=True)
    try:
        with icount_console(["-drive", f"if=sd,format=raw,file={img}"]) as con:
            con.send("swapon\r")
            con.expect(r"Adding \d+k swap on mmcblk0")
            con.expect("a9mm> ")
            con.send("run /bin/swap-demo 8 pageout\r")
            con.expect(r"swap-demo: VmSwap (\d+) kB, VmRSS \d+ kB after MADV_PAGEOUT")
            pages = int(con.match.group(1)) // 4
            con.expect(r"MADV_PAGEOUT took (\d+) ns, reading every page back (\d+) ns "
                       r"\((\d+) ns again, in RAM\)")
            out = int(con.match.group(1))
            back = int(con.match.group(2)) - int(con.match.group(3))
            con.expect("a9mm> ")
            con.send("run /bin/swap-demo 8 swapoff &\r")
            con.expect("waiting for swapoff")
            con.send("swapoff\r")
            con.expect(r"swapoff: mmcblk0: (\d+) ptes got their pages back, (\d+) pages read "
                       r"from it; (\d+) ns")
            off = {k: int(con.match.group(i + 1))
                   for i, k in enumerate(("ptes", "reads", "ns"))}
            if "swap-demo: 4 passed" not in con.before:  # it may finish before swapoff's line
                con.expect("swap-demo: 4 passed")
            con.send("\r")  # a prompt after whatever came last
            con.expect("a9mm> ")
    finally:
        os.unlink(img)
    if pages != 2048 or off["ptes"] != 2048:
        sys.exit(f"bench: MADV_PAGEOUT sent {pages} of swap-demo's 2048 pages out, swapoff "
                 f"brought {off['ptes']} back")
    return {"pages": pages, "out": out, "in": back, "swapoff": off}


def pagecache_figures():
    """`dd` of 4 MiB of a 16 MiB SD card under -icount, twice -- the first read()s miss the
    card's page cache, the second hit it: instructions per 4 KiB read (dd's own clock)."""
    os.makedirs(OUT, exist_ok=True)
    img = os.path.join(OUT, "bench-cache.img")
    with open(img, "wb") as f:
        f.truncate(16 << 20)
    secs = []
    try:
        with icount_console(["-drive", f"if=sd,format=raw,file={img}"]) as con:
            for _ in range(2):
                con.send("run /bin/dd if=/dev/mmcblk0 of=/dev/null bs=4K count=1024\r")
                con.expect(r"4194304 bytes copied, ([\d.]+) s")
                secs.append(float(con.match.group(1)))
                con.expect("a9mm> ")
    finally:
        os.unlink(img)
    return {"pages": 1024, "miss": round(secs[0] * 1e9 / 1024), "hit": round(secs[1] * 1e9 / 1024)}


# ---- wall time against the floor ------------------------------------------------------
def time_to(argv, marker, timeout=120):
    """Seconds from starting QEMU to `marker` on its console."""
    t0 = time.monotonic()
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                            stdin=subprocess.PIPE, start_new_session=True)
    seen = b""
    try:
        while marker not in seen:
            left = t0 + timeout - time.monotonic()
            if left <= 0 or not select.select([proc.stdout], [], [], left)[0]:
                raise RuntimeError(f"no {marker!r} within {timeout} s: {' '.join(argv)}")
            chunk = os.read(proc.stdout.fileno(), 65536)
            if not chunk:
                raise RuntimeError(f"QEMU ended before {marker!r}: {seen[-500:]!r}")
            seen += chunk
        return time.monotonic() - t0
    finally:
        os.killpg(proc.pid, signal.SIGKILL)	# our own QEMU, by its process group
        proc.wait()


def wall_time(mem="1024M", pairs=WALL_PAIRS):
    floor, a9 = [], []
    for _ in range(pairs):
        floor.append(time_to(qemu(FLOOR, mem), b"#"))
        a9.append(time_to(qemu(IMAGE, mem), b"a9mm> "))
    f, a = statistics.median(floor), statistics.median(a9)
    # how much one pair's difference moves: the row is read with its spread
    q1, _, q3 = statistics.quantiles([y - x for x, y in zip(floor, a9)], n=4)
    return {"floor_ms": f * 1e3, "a9mm_ms": a * 1e3, "above_ms": (a - f) * 1e3,
            "ratio": a / f, "pairs": pairs, "above_q1_ms": q1 * 1e3, "above_q3_ms": q3 * 1e3}


# ---- Linux 6.1 --------------------------------------------------------------------------
def linux_compare_cli():
    """scripts/linux-compare as a module: its kernel download and checks."""
    path = os.path.join(ROOT, "scripts", "linux-compare")
    loader = importlib.machinery.SourceFileLoader("linux_compare_cli", path)
    spec = importlib.util.spec_from_loader(loader.name, loader)
    mod = importlib.util.module_from_spec(spec)
    loader.exec_module(mod)
    return mod


def call_return(kimg, caller, callee):
    """The address after caller's `bl callee`: where callee has returned."""
    addrs = sorted({a for a, _t in kimg.symbols().values()})
    start, target = kimg.symbol(caller), kimg.symbol(callee)
    end = next((a for a in addrs if a > start), start + 4096)
    for va in range(start, end, 4):
        w = kimg.u32(va)
        if w >> 28 != 0xF and (w >> 24) & 0xF == 0xB:	# BL<cond> (ARM ARM A8.8.25)
            off = w & 0xFFFFFF
            off -= (off & 0x800000) << 1
            if va + 8 + off * 4 == target:
                return va + 4
    raise RuntimeError(f"no call to {callee}() in Linux's {caller}()")


def linux_points(kimg):
    from linux_compare import boot
    return {"entry": boot.RAM_BASE + kimg.text_offset,
            "start_kernel": kimg.symbol("start_kernel"),
            "bootmem_init": kimg.symbol("bootmem_init"),
            "bootmem_init returned": call_return(kimg, "paging_init", "bootmem_init"),
            "mem_init": kimg.symbol("mem_init"),
            "memblock_free_all returned": call_return(kimg, "mem_init", "memblock_free_all"),
            "mem_init_print_info": kimg.symbol("mem_init_print_info"),
            # the Memory: line is mem_init_print_info()'s: where it returns (mm_init() is
            # inlined into start_kernel() in Debian's 6.1; boot_linux() stops on the
            # kmem_cache_init() that follows, before the plugin sees it run)
            "Memory: logged": call_return(kimg, "start_kernel", "mem_init_print_info")}


def linux_figures(mem, offline):
    """Linux's figures at -m mem, or a string saying why there are none."""
    from linux_compare import boot, insncount
    try:
        cli = linux_compare_cli()
        ns = argparse.Namespace(cache=os.path.join(ROOT, "cache", "linux-compare"),
                                refresh=False, offline=offline)
        record, config, vmlinuz, kimg = cli.prepare_kernel(ns)
    except SystemExit as e:
        return f"Linux figure unavailable: {e}"
    except Exception as e:	# fetch.FetchError, kimage.ImageError
        return f"Linux figure unavailable: {e}"
    so = insncount.build(OUT)
    points = linux_points(kimg)
    with open(insncount.SRC, "rb") as f:
        plugin_src = f.read()
    key = {"sha256": record["sha256"], "mem": mem, "points": points,
           "plugin": len(plugin_src), "dtb": os.path.getsize(DTB)}
    cached = os.path.join(OUT, f"linux-{record['version']}-{mem}.json")
    if os.path.exists(cached):
        with open(cached) as f:
            old = json.load(f)
        if old.get("key") == key:
            return old
    out = os.path.join(OUT, f"linux-{mem}-insns.txt")
    if os.path.exists(out):
        os.unlink(out)
    say(f"bench: booting Linux {record['version']} at -m {mem} (counting instructions)")
    try:
        lx = boot.boot_linux(kimg, [], vmlinuz, DTB, mem, 1, APPEND, OUT, timeout=600,
                             log_buf_shift=int(config["CONFIG_LOG_BUF_SHIFT"]),
                             plugin=insncount.argument(so, out, points.values()), say=say)
    except boot.BootError as e:
        return f"Linux figure unavailable: {e}"
    got = insncount.results(out)
    n = {k: got.get(a) for k, a in points.items()}
    translated = insncount.translated(out).get(points["Memory: logged"])
    m = re.search(r"^Memory: (\d+)K/(\d+)K available \(.*, (\d+)K highmem\)$", lx["log"], re.M)
    if None in n.values() or not m:
        return f"Linux figure unavailable: the plugin or the Memory: line is missing ({n})"
    avail, total, high = (int(x) // 4 for x in m.groups())
    fig = {"key": key, "version": record["version"],
           "memory_line": m.group(0), "counts": n,
           "head": n["start_kernel"] - n["entry"],
           "prompt": n["Memory: logged"] - n["entry"],
           "translated": translated,
           "memmap": (n["bootmem_init returned"] - n["bootmem_init"]) / total,
           "free_low": (n["memblock_free_all returned"] - n["mem_init"]) / (avail - high),
           "free_high": ((n["mem_init_print_info"] - n["memblock_free_all returned"]) / high
                         if high else None)}
    with open(cached, "w") as f:
        json.dump(fig, f, indent=1)
    return fig


# ---- the table ----------------------------------------------------------------------------
def millions(n):
    return f"{n / 1e6:.2f} M"


def thousands(n):
    return f"{n / 1e3:.1f} K"


def translated_text(blocks_insns):
    if not blocks_insns:
        return "-"
    blocks, insns = blocks_insns
    return f"{blocks:,} blocks, {insns:,} instructions"


def measure(args):
    os.makedirs(OUT, exist_ok=True)
    raw = {}
    say("bench: a9mm -m 1024M under -icount")
    log, counts, outs = a9mm_boot("1024M", [f"bench {BENCH_PAIRS}",
                                            f"slubbench {BENCH_PAIRS}"])
    raw["a9mm_1024M"] = {"counts": counts, "mminit": mminit_costs(log, "1024M"),
                         "bench": bench_pairs(outs[0]), "slub": slub_pairs(outs[1])}
    say("bench: a9mm -m 128M under -icount")
    log, counts, _ = a9mm_boot("128M")
    raw["a9mm_128M"] = {"counts": counts, "mminit": mminit_costs(log, "128M")}
    say("bench: a9mm's user space, /bin/faultbench under -icount")
    raw["user"] = user_figures()
    say("bench: compaction of compact-demo's pages under -icount")
    raw["compact"] = compaction_figures()
    say("bench: swap-demo's MADV_PAGEOUT and read-back under -icount")
    raw["swap"] = swap_figures()
    say("bench: the SD card's page cache, dd under -icount")
    raw["cache"] = pagecache_figures()
    say("bench: host bench_buddy")
    raw["host"] = {str(o): host_instructions(o) for o in (0, 3)}
    say(f"bench: wall time, {WALL_PAIRS} pairs of floor + a9mm boots")
    raw["wall"] = wall_time()
    # wall time is a ratio in one run, but a busy host still stretches it: say how busy
    raw["wall"]["loadavg"] = os.getloadavg()[0]
    raw["linux"] = {m: linux_figures(m, args.offline) for m in ("1024M", "128M")}
    say("bench: SMP, allocbench under multi-threaded TCG and -icount; idle host CPU")
    raw["smp"] = allocbench()
    raw["smp"]["idle"] = {smp: idle_cpu(smp) for smp in (1, 4)}

    big, small = raw["a9mm_1024M"], raw["a9mm_128M"]
    c, mi = big["counts"], big["mminit"]
    host_how = raw["host"]["0"][1]
    a9 = {
        "memmap": f"{mi['bootmem_init'] / mi['pages']:.1f}",
        "free_low": f"{mi['free_low'] / mi['low_pages']:.2f}",
        "free_high": f"{mi['free_high'] / mi['high_pages']:.2f}" if mi["high_pages"] else "-",
        "probe": f"{mi['probe'] / mi['probe_pieces']:.0f} ({thousands(mi['probe'])} for "
                 f"{mi['probe_pieces']} pieces, {mi['probes']} probes)",
        "prompt_1024M": millions(c["prompt"] - c["entry"]),
        "prompt_128M": millions(small["counts"]["prompt"] - small["counts"]["entry"]),
        "head": thousands(c["start_kernel"] - c["entry"]),
        "translated": translated_text(c["translated"]),
        "host_0": f"{raw['host']['0'][0]:.0f}",
        "host_3": f"{raw['host']['3'][0]:.0f}",
        "kernel_0": f"{big['bench'][0]:.1f}",
        "kernel_3": f"{big['bench'][1]:.1f}",
        "kmalloc_64": f"{big['slub'][64]:.1f}",
        "kmalloc_1k": f"{big['slub'][1024]:.1f}",
        "kernel_vmalloc": f"{big['bench'][2]:,.0f}",
        "anon_fault": f"{raw['user']['anon_fault']:,}",
        "cow_fault": f"{raw['user']['cow_fault']:,}",
        "fork_exit": f"{raw['user']['fork_exit']:,}",
        "execve": f"{raw['user']['execve']:,}",
        "compact_page": f"{raw['compact']['insns'] / raw['compact']['moved']:,.0f} "
                        f"({raw['compact']['moved']} pages, "
                        f"{millions(raw['compact']['insns'])} instructions)",
        "swap_out": f"{raw['swap']['out'] / raw['swap']['pages']:,.0f} "
                    f"({raw['swap']['pages']} pages, {millions(raw['swap']['out'])} instructions)",
        "swap_in": f"{raw['swap']['in'] / raw['swap']['pages']:,.0f} "
                   f"({raw['swap']['pages']} pages, {millions(raw['swap']['in'])} instructions)",
        "swapoff": f"{raw['swap']['swapoff']['ns'] / raw['swap']['swapoff']['ptes']:,.0f} "
                   f"({raw['swap']['swapoff']['ptes']} pages, "
                   f"{raw['swap']['swapoff']['reads']} reads, "
                   f"{millions(raw['swap']['swapoff']['ns'])} instructions)",
        "cache_miss": f"{raw['cache']['miss']:,}",
        "cache_hit": f"{raw['cache']['hit']:,}",
        "wall": f"+{raw['wall']['above_ms']:.0f} ms (x{raw['wall']['ratio']:.2f}: "
                f"{raw['wall']['a9mm_ms']:.0f} ms vs {raw['wall']['floor_ms']:.0f} ms; "
                f"a pair's difference +{raw['wall']['above_q1_ms']:.0f} to "
                f"+{raw['wall']['above_q3_ms']:.0f} ms, quartiles)",
    }
    sm = raw["smp"]
    for cpus in (1, 2, 4):
        a9[f"smp_{cpus}"] = f"{sm['rate'][cpus]:,} ({sm['rate'][cpus] / sm['rate'][1]:.2f}x)"
    say_pair = lambda p: f"{p[0]} on another CPU vs {p[1]} on the allocating one" if p \
        else "not measured"
    a9["xfree_ns"] = say_pair(sm["free_ns"])
    a9["xfree_insns"] = say_pair(sm["free_insns"])
    for smp in (1, 4):
        a9[f"idle_{smp}"] = f"{sm['idle'][smp]:.1f} % of one core"
    lx = {}
    notes = []
    for mem, fig in raw["linux"].items():
        if isinstance(fig, str):
            if fig not in notes:
                notes.append(fig)
            continue
        if mem == "1024M":
            lx["memmap"] = f"{fig['memmap']:.1f}"
            lx["free_low"] = f"{fig['free_low']:.2f}"
            if fig["free_high"] is not None:
                lx["free_high"] = f"{fig['free_high']:.2f}"
            lx["head"] = thousands(fig["head"])
        lx[f"prompt_{mem}"] = millions(fig["prompt"]) + " (to Memory:)"
        if mem == "1024M" and fig.get("translated"):
            lx["translated"] = translated_text(fig["translated"]) + " (to Memory:)"
    unavailable = "unavailable" if any(isinstance(f, str) for f in raw["linux"].values()) \
        else ""
    rows = [HEADER, "| --- | --- | --- | --- | --- |"]
    for key, what, limit, target in ROWS:
        linux = lx.get(key, unavailable if key in ("memmap", "free_low", "free_high", "head",
                                                   "prompt_1024M", "prompt_128M") else "")
        rows.append(f"| {what} | {a9[key]} | {limit} | {target} | {linux} |")
    notes += [
        f"a9mm: QEMU -smp 1 -icount shift=0,sleep=off, `{APPEND}` (so without "
        f"debug_spinlock=on, the default); per-page rows are "
        f"bootmem_init over {mi['pages']} pages, lowmem freeing over the {mi['low_pages']} "
        f"pages freed, HighMem over {mi['high_pages']}; instructions counted on vCPU 0 "
        f"from the kernel's entry (TCG plugin); the `bench` rows are {BENCH_PAIRS} pairs "
        f"of GFP_KERNEL|__GFP_MOVABLE, the `slubbench` rows {BENCH_PAIRS} kmalloc+kfree pairs "
        f"of a constant size after a warm-up pair (Linux's figure for its fast path on ARM "
        f"was not measured here).",
        "user space: `run /bin/faultbench` (256 pages) twice at -m 256M -smp 1 under "
        "-icount, the second run read: CLOCK_MONOTONIC is the global timer, a nanosecond "
        "an instruction; the fault rows are first touches less the same loop over present "
        "pages, per page; fork+exit the mean of 4 rounds; execve from the call to the new "
        "image's main() (picolibc's start-up included).",
        "swap: `swapon` of a 16 MiB card mkswap formatted, then `run /bin/swap-demo 8 "
        "pageout` at -m 256M -smp 1 under -icount: the madvise(MADV_PAGEOUT) call over its "
        "2048 pages (isolation, reverse map, PL181 writes by PIO), and the read-back pass "
        "less the same pass again with every page in RAM; then `run /bin/swap-demo 8 "
        "swapoff &` and `swapoff`: the time it reports (a nanosecond an instruction) over "
        "the ptes it gave their pages back.",
        "page cache: `run /bin/dd if=/dev/mmcblk0 of=/dev/null bs=4K count=1024` twice on a "
        "16 MiB card at -m 256M -smp 1 under -icount, the time dd reports (CLOCK_MONOTONIC, a "
        "nanosecond an instruction) over its 1024 read()s: first every page from the card, "
        "then every page from the cache.",
        f"host: {host_how}, bench_buddy's 64 MiB node; wall time: medians of "
        f"{raw['wall']['pairs']} alternating boots of a9mm to its prompt and of "
        f"build/floor.Image to its one character, same QEMU and -m; the host's load "
        f"average was {raw['wall']['loadavg']:.1f} on {os.cpu_count()} cores after them "
        f"(other work on the machine stretches both, a9mm's more: it runs longer).",
        f"SMP: `allocbench 2 CPUS` at -smp 4 -m 256M, multi-threaded TCG on this machine's "
        f"{sm['host_cores']} host cores (shared with whatever else runs: the scaling is "
        f"bounded by them); the -icount cross-CPU free from `allocbench 1 2` at -smp 2; "
        f"idle: QEMU's utime+stime over 10 s at the prompt, -m 256M.",
    ]
    for mem, fig in raw["linux"].items():
        if not isinstance(fig, str):
            notes.append(f"Linux {fig['version']} -m {mem} -smp 1 (vCPU 0, from its entry "
                         f"after the zImage decompressor): `{fig['memory_line']}`; per page "
                         f"of that line (total, available - highmem, highmem).")
    text = "\n".join(rows) + "\n\n" + "\n".join(f"- {n}" for n in notes) + "\n"
    print(text, end="")
    with open(RESULTS, "w") as f:
        f.write(text)
    with open(RAW, "w") as f:
        json.dump(raw, f, indent=1)
        f.write("\n")
    say(f"bench: results in {os.path.relpath(RESULTS, ROOT)} (raw: "
        f"{os.path.relpath(RAW, ROOT)}); 'make bench-readme' puts them in README.md")


def update_readme():
    """README.md's table between the markers := build/bench.md's."""
    try:
        with open(RESULTS) as f:
            table = f.read().strip()
    except FileNotFoundError:
        sys.exit(f"bench: {os.path.relpath(RESULTS, ROOT)} is missing: run 'make bench' first")
    if not table.startswith(HEADER):
        sys.exit(f"bench: {os.path.relpath(RESULTS, ROOT)} is not a bench table")
    with open(README) as f:
        text = f.read()
    if BEGIN not in text or END not in text:
        sys.exit(f"bench: README.md has no {BEGIN} ... {END} markers")
    head, rest = text.split(BEGIN, 1)
    _, tail = rest.split(END, 1)
    with open(README, "w") as f:
        f.write(f"{head}{BEGIN}\n{table}\n{END}{tail}")
    say("bench: README.md table updated from build/bench.md")


def main():
    ap = argparse.ArgumentParser(prog="bench.py", description=__doc__.split("\n\n")[0])
    ap.add_argument("--readme", action="store_true",
                    help="copy build/bench.md's table into README.md (measures nothing)")
    ap.add_argument("--offline", action="store_true",
                    help="never download Linux's package (its rows say so if not cached)")
    args = ap.parse_args()
    if args.readme:
        update_readme()
    else:
        measure(args)


if __name__ == "__main__":
    main()
