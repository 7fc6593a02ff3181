# SPDX-License-Identifier: GPL-2.0
"""`make debug` + `make gdb` as a learner types them, in a terminal (pexpect).

The README's GDB walk-through is read from README.md and followed line by
line: its `$ make ...` lines are run, its `(gdb)` lines typed, and the
output lines it shows must appear (a line ending in "..." up to there).
GDB runs with TERM=dumb, so `make gdb` drops the TUI and prints plain text.
"""
import os
import re
import shutil
import subprocess
import time

import pexpect
import pytest

from conftest import ROOT, free_tcp_port

GDB_PROMPT = r"\(gdb\) "
ENV = dict(os.environ, TERM="dumb")


def make(*args, timeout=600, cwd=ROOT):
    return pexpect.spawn("make", list(args), encoding="utf-8", codec_errors="replace",
                         timeout=timeout, env=ENV, cwd=cwd)


class Debug:
    """`make debug ...` in its own terminal, until the test ends."""

    def __init__(self, *args):
        self.port = free_tcp_port()
        self.proc = make("debug", f"GDB_PORT={self.port}", "MEM=256M", *args)
        self.proc.expect(r"In another terminal: (.*)\r\n")
        self.hint = self.proc.match.group(1)

    def close(self):
        if self.proc.isalive():
            self.proc.terminate(force=True)
        self.proc.close()


@pytest.fixture
def debug():
    sessions = []

    def _start(*args):
        d = Debug(*args)
        sessions.append(d)
        return d
    yield _start
    for d in sessions:
        d.close()


def readme_walkthrough():
    """[(command, [expected output lines])] from the README's GDB section."""
    text = open(os.path.join(ROOT, "README.md")).read()
    section = text.split("## Debugging with GDB", 1)[1].split("\n## ", 1)[0]
    block = next(b for b in section.split("```")[1::2] if "$ make debug" in b)
    steps = []
    for line in block.strip("\n").splitlines():
        if line.startswith("$ "):
            steps.append((line[2:].split("#")[0].strip(), []))
        elif line.startswith("(gdb) "):
            steps.append((line[6:].strip(), []))
        else:
            steps[-1][1].append(line)
    return steps


def check_shown(cmd, shown, out):
    lines = [line.strip() for line in out.replace("\r", "").splitlines()]
    for want in shown:
        want = want.strip()
        if want.endswith("..."):
            assert any(line.startswith(want[:-3].rstrip()) for line in lines), (cmd, want, out)
        else:
            assert want in lines, (cmd, want, out)


def test_readme_gdb_section_literally(debug):
    steps = readme_walkthrough()
    cmds = [c for c, _ in steps]
    assert cmds[0] == "make debug" and cmds[1].startswith("make gdb"), cmds
    assert "a9mm-pgwalk 0xc0010000" in cmds and "break start_kernel" in cmds, cmds
    d = debug()     # `make debug` (on a free port: the port is all the test adds)
    assert d.hint.startswith(f"make gdb GDB_PORT={d.port}"), d.hint
    check_shown("make debug", steps[0][1], d.proc.before)
    gdb = make(*cmds[1].split()[1:], timeout=120)
    try:
        gdb.expect(GDB_PROMPT)
        check_shown(cmds[1], steps[1][1], gdb.before)
        assert "with build/debug/vmlinux" in gdb.before, gdb.before
        for cmd, shown in steps[2:]:
            gdb.sendline(cmd)
            gdb.expect(GDB_PROMPT)
            check_shown(cmd, shown, gdb.before)
        # and the learner's first question at start_kernel works too
        gdb.sendline("quit")
        gdb.expect(pexpect.EOF)
    finally:
        gdb.close()
    assert gdb.exitstatus == 0


def test_make_gdb_refuses_another_build(debug):
    d = debug()
    assert "running the DEBUG=0 build" in d.proc.before, d.proc.before
    res = subprocess.run(["make", "DEBUG=1", "gdb"], cwd=ROOT, capture_output=True, text=True,
                         env=ENV, timeout=60)
    assert res.returncode != 0
    assert "make gdb: 'make debug' is running the DEBUG=0 build, but this asks for DEBUG=1" \
        in res.stderr, res.stderr
    # GDBFLAGS= reaches GDB (after gdbinit, which stopped at start_kernel)
    res = subprocess.run(["make", "gdb", "GDBFLAGS=-batch -ex 'printf \"PC=%08x\\n\", $$pc'"],
                         cwd=ROOT, capture_output=True, text=True, env=ENV, timeout=60)
    out = res.stdout + res.stderr
    assert res.returncode == 0, out
    assert "start_kernel () at kernel/main.c" in out, out
    pc = int(re.search(r"PC=([0-9a-f]{8})", out).group(1), 16)
    nm = subprocess.run(["arm-none-eabi-nm", os.path.join(ROOT, "build", "debug", "vmlinux")],
                        capture_output=True, text=True).stdout
    assert pc == int(re.search(r"^([0-9a-f]{8}) T start_kernel$", nm, re.M).group(1), 16)
    assert "  CC " not in out          # make gdb builds nothing


def test_no_session_no_gdb(tmp_path):
    res = subprocess.run(["make", f"B={tmp_path}", "gdb"], cwd=ROOT, capture_output=True,
                         text=True, env=ENV, timeout=60)
    assert res.returncode != 0
    assert "no 'make debug' is running from this tree" in res.stderr, res.stderr


def test_debug_build_is_what_gdb_debugs(debug, tmp_path):
    """The issue's case: `make DEBUG=1 debug` then `make gdb`.  GDB must stop at the
    -O0 build's start_kernel (make gdb used to rebuild at -O2 and miss it)."""
    build = str(tmp_path / "build")
    d = debug("DEBUG=1", f"B={build}")
    assert "running the DEBUG=1 build" in d.proc.before, d.proc.before
    assert d.hint.startswith(f"make B={build} gdb GDB_PORT={d.port}"), d.hint
    res = subprocess.run(["make", f"B={build}", "gdb", "GDBFLAGS=-batch -ex 'p/x $$pc'"],
                         cwd=ROOT, capture_output=True, text=True, env=ENV, timeout=120)
    out = res.stdout + res.stderr
    assert "the DEBUG=1 build 'make debug' runs" in out, out
    nm = subprocess.run(["arm-none-eabi-nm", os.path.join(build, "debug", "vmlinux")],
                        capture_output=True, text=True).stdout
    addr = int(re.search(r"^([0-9a-f]{8}) T start_kernel$", nm, re.M).group(1), 16)
    assert re.search(rf"\$1 = 0x{addr:x}\b", out), (hex(addr), out)
    assert "start_kernel () at kernel/main.c" in out, out
    d.close()
    shutil.rmtree(build, ignore_errors=True)


def test_ctrl_c_stops_the_kernel_not_make(debug):
    debug()
    gdb = make("gdb", "BREAK=", timeout=60)
    try:
        gdb.expect(GDB_PROMPT)
        assert "no BREAK: stopped at reset, PC 0x60000000 (QEMU's boot stub)" in gdb.before
        gdb.sendline("continue")
        gdb.expect("Continuing.")
        time.sleep(3)                   # the kernel boots to its shell meanwhile
        gdb.send("\x03")
        gdb.expect(GDB_PROMPT)
        assert "SIGINT" in gdb.before, gdb.before
        gdb.sendline("p shell_run")     # still attached, still answering
        gdb.expect(GDB_PROMPT)
        gdb.sendline("quit")
        gdb.expect(pexpect.EOF)
        tail = gdb.before
    finally:
        gdb.close()
    assert "Interrupt" not in tail and "***" not in tail, tail
    assert gdb.exitstatus == 0 and gdb.signalstatus is None, (gdb.exitstatus, gdb.signalstatus)
