#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0
"""make bench: what the buddy allocator and memory bring-up cost.

Host: tests/bench/bench_buddy (the portable core at -O2) -- wall time per
alloc+free pair natively, and the instruction count per pair: from
`perf stat -e instructions` when the machine lets perf count them, else
exactly under valgrind's callgrind (either way the difference of two runs,
so setup cancels out).

Kernel: QEMU with -icount shift=0,sleep=off, where one nanosecond of the
global timer is one instruction; the kernel logs what bootmem_init() (zones
and mem_map) and mem_init()'s freeing to the buddy allocator took, and
paging_init()/mem_init() as wholes ("mminit cost: ...").  Deterministic: the
same build gives the same numbers on every machine.

The table is printed and written to build/bench.md; `make bench-readme`
(this script with --readme) copies that file's table into README.md
between the bench markers -- measuring never edits a tracked file.
"""
import os
import re
import subprocess
import sys

import pexpect

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
BENCH = os.path.join(ROOT, "build", "bench", "bench_buddy")
README = os.path.join(ROOT, "README.md")
RESULTS = os.path.join(ROOT, "build", "bench.md")
BEGIN, END = "<!-- bench:begin -->", "<!-- bench:end -->"


def host_ns(order, pairs=2_000_000):
    out = subprocess.run([BENCH, str(order), str(pairs)], capture_output=True, text=True,
                         check=True).stdout
    return float(re.search(r"([\d.]+) ns per alloc\+free", out).group(1))


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


def kernel_cost(mem):
    argv = ["qemu-system-arm", "-M", "vexpress-a9", "-m", mem, "-smp", "1",
            "-icount", "shift=0,sleep=off",
            "-kernel", os.path.join(ROOT, "build", "Image"),
            "-dtb", os.path.join(ROOT, "build", "vexpress-v2p-ca9.dtb"),
            "-append", "console=ttyAMA0 loglevel=8", "-display", "none", "-serial", "stdio",
            "-audiodev", "none,id=snd0", "-global", "pl041.audiodev=snd0"]
    # the UART drops what arrives before the kernel enables its FIFO:
    # answer the prompt, do not type ahead
    con = pexpect.spawn(argv[0], argv[1:], encoding="utf-8", timeout=300)
    try:
        con.expect("a9mm> ")
        log = con.before
        con.send("poweroff\r")
        con.expect(pexpect.EOF)
    finally:
        con.close(force=True)
    m = re.search(r"mminit cost: paging_init (\d+) ns, mem_init (\d+) ns, (\d+) pages", log)
    z = re.search(r"mminit cost: bootmem_init (\d+) ns \+ freeing to the buddy allocator (\d+) ns",
                  log)
    if not m or not z:
        sys.exit(f"bench: no 'mminit cost' lines booting -m {mem}:\n{log[-2000:]}")
    paging, mem_init, pages = (int(x) for x in m.groups())
    bootmem, freeing = (int(x) for x in z.groups())
    return paging, mem_init, bootmem, freeing, pages


def measure():
    rows = ["| what | measure | result |", "| --- | --- | --- |"]
    for order in (0, 3):
        ns = host_ns(order)
        ins, how = host_instructions(order)
        rows.append(f"| host: order-{order} alloc+free pair | wall time (-O2, this machine) "
                    f"| {ns:.1f} ns |")
        rows.append(f"| host: order-{order} alloc+free pair | instructions ({how}) "
                    f"| {ins:.0f} |")
    for mem in ("128M", "512M", "1024M"):
        paging, mem_init, bootmem, freeing, pages = kernel_cost(mem)
        rows.append(f"| kernel -m {mem}: bootmem_init + freeing to buddy | instructions (-icount) "
                    f"| {bootmem:,} + {freeing:,} = {(bootmem + freeing) / pages:.0f} per page |")
        rows.append(f"| kernel -m {mem}: paging_init + mem_init (all, printing too) "
                    f"| instructions (-icount) "
                    f"| {paging:,} + {mem_init:,} = {(paging + mem_init) / pages:.0f} per page |")
    table = "\n".join(rows)
    print(table)
    os.makedirs(os.path.dirname(RESULTS), exist_ok=True)
    with open(RESULTS, "w") as f:
        f.write(table + "\n")
    print(f"bench: results in {os.path.relpath(RESULTS, ROOT)}; "
          "'make bench-readme' puts them in README.md")


def update_readme():
    """README.md's table between the markers := build/bench.md's."""
    try:
        with open(RESULTS) as f:
            table = f.read().strip()
    except FileNotFoundError:
        sys.exit(f"bench: {os.path.relpath(RESULTS, ROOT)} is missing: run 'make bench' first")
    if not table.startswith("| what | measure | result |"):
        sys.exit(f"bench: {os.path.relpath(RESULTS, ROOT)} is not a bench table")
    with open(README) as f:
        text = f.read()
    if BEGIN not in text or END not in text:
        sys.exit(f"bench: README.md has no {BEGIN} ... {END} markers")
    head, rest = text.split(BEGIN, 1)
    _, tail = rest.split(END, 1)
    with open(README, "w") as f:
        f.write(f"{head}{BEGIN}\n{table}\n{END}{tail}")
    print("bench: README.md table updated from build/bench.md")


def main():
    if sys.argv[1:] == ["--readme"]:
        update_readme()
    elif sys.argv[1:]:
        sys.exit("usage: scripts/bench.py [--readme]")
    else:
        measure()


if __name__ == "__main__":
    main()
