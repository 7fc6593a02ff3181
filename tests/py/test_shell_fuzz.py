# SPDX-License-Identifier: GPL-2.0
"""Hostile input, many at once: random commands with random arguments.

Whatever is typed, the kernel must keep answering, and afterwards the
allocator must be intact: every block handed out is given back, the
self-tests pass and a memtest finds the free lists exactly restored.
Seeds are fixed, so a failure replays.
"""
import random
import re

import pytest

COMMANDS = ["alloc", "free", "md", "pgwalk", "cat", "memblock", "layout", "fault", "kmap",
            "memtest", "uptime", "help", "dmesg", "compact"]


def number(rng):
    return rng.choice([hex(rng.getrandbits(32)), str(rng.randint(0, 20)),
                       "0x6%07x" % rng.getrandbits(28), "-1", "zz", "0x", "99999999999999"])


@pytest.mark.parametrize("seed", [1, 2])
def test_random_commands_leave_the_kernel_intact(boot, seed):
    rng = random.Random(seed)
    con = boot(mem="512M")
    held = []
    for _ in range(200):
        cmd = rng.choice(COMMANDS)
        if cmd == "fault":
            line = "fault " + rng.choice(["null", "xn", "undef", "align", "ro", "x"])
        elif cmd == "memtest":
            line = f"memtest {rng.randint(0, 2)}"
        elif cmd == "dmesg":
            line = "uptime"  # dmesg is long; its content is tested elsewhere
        elif cmd == "alloc":
            flags = rng.sample(["highmem", "movable", "zero", "cold", "atomic", "reclaimable",
                                "x"], rng.randint(0, 3))
            line = f"alloc {rng.randint(0, 11)} {' '.join(flags)}"
        elif cmd == "free" and held and rng.random() < 0.7:
            pfn, order = held.pop(rng.randrange(len(held)))
            line = f"free {pfn} {order}"
        else:
            line = cmd + " " + " ".join(number(rng) for _ in range(rng.randint(0, 3)))
        out = con.run(line.strip())
        assert "Kernel panic" not in out, (line, out)
        m = re.search(r"alloc: order (\d+) -> pfn (0x[0-9a-f]+)", out)
        if m:
            held.append((m.group(2), m.group(1)))
    for pfn, order in held:
        assert "freed" in con.run(f"free {pfn} {order}")
    out = con.run("selftest", timeout=120)
    assert re.search(r"# selftest: \d+ suites?, 0 failed", out), out
    assert "free lists back exactly as before" in con.run("memtest 8")
