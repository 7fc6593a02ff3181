# SPDX-License-Identifier: GPL-2.0
"""Every user demo on a9mm, as make qemu's initramfs boots them (issue 16).

The demos (user/bin/*-demo.c, sysfuzz) are the spec of what a learner is
shown: each checks its claims itself and prints PASS/FAIL lines, and
test_user_programs.py holds them true on real Linux (qemu-arm).  Here the
same binaries run on a9mm: /init runs them one after another, and every
check must pass -- at the smallest, a middling and the largest RAM QEMU
gives, with one CPU and with four -- and every page comes back after.
"""
import os
import re

import pytest

from conftest import BUILD

INITRAMFS = os.path.join(BUILD, "initramfs.cpio")
DEMOS_TIMEOUT = 600


@pytest.mark.parametrize("mem,smp", [("64M", 1), ("256M", 4), ("1024M", 4), ("1024M", 1)])
def test_every_demo_passes_and_gives_every_page_back(boot, mem, smp):
    con = boot(mem=mem, smp=smp, extra=("-initrd", INITRAMFS))
    # Each round must pass every check.  The first fills the slab caches
    # (VMAs, files, /proc buffers) and the per-CPU page lists of the CPUs
    # it ran on; a later round, once every CPU's caches are warm, must give
    # back every page it took -- a leak would take pages in every round.
    deltas = []
    for _ in range(3):
        out = con.run("run /init demos --exit", timeout=DEMOS_TIMEOUT)
        fails = re.findall(r"^.*\bFAIL\b.*$", out, re.M)
        assert not fails, "\n".join(fails) + "\n---\n" + out[-6000:]
        assert "init: demos: 10 run, 0 failed" in out, out[-6000:]
        assert re.search(r"Out of memory: Killed process \d+ \(oom-demo\) total-vm:\d+kB, "
                         r"anon-rss:\d+kB, file-rss:\d+kB", out), out[-6000:]
        assert re.search(r"segv-demo\[\d+\]: unhandled page fault \(11\) at 0x[0-9a-f]{8}, "
                         r"code 0x[0-9a-f]{3}", out), out[-6000:]
        # exec-demo's exec checks SKIP under qemu-arm: here they must run
        assert "PASS exec: the child's checks of what execve() gave it" in out, out[-6000:]
        assert "PASS env-17: 17 environment strings: E2BIG (a9mm takes 16)" in out, out[-6000:]
        m = re.search(r"run: free pages (\d+) before, (\d+) after", out)
        deltas.append(int(m[2]) - int(m[1]))
        if len(deltas) > 1 and deltas[-1] == 0:
            break
    assert deltas[-1] == 0, f"free pages after each round of the demos: {deltas}"
    assert "Oops" not in con.log and "BUG" not in con.log, con.log[-6000:]


def test_init_as_pid_1_runs_the_demos(boot):
    """rdinit=/init: the demos from PID 1's own prompt, as a learner types them."""
    con = boot(mem="128M", smp=4, append="console=ttyAMA0 loglevel=8 rdinit=/init",
               extra=("-initrd", INITRAMFS), prompt=False)
    con.expect(r"init# ")
    con.send("demos\n")
    out = con.expect(r"init: demos: \d+ run, \d+ failed", timeout=DEMOS_TIMEOUT)
    assert not re.findall(r"\bFAIL\b", out), out[-6000:]
    assert con.proc.after.startswith("init: demos: 10 run, 0 failed"), out[-6000:]
