# SPDX-License-Identifier: GPL-2.0
"""GDB on a page fault (issue 16): while cow-demo runs, a breakpoint on
do_wp_page() stops the kernel in the middle of a copy-on-write fault,
with the fault's path from the data abort on the stack -- the README's
walk-through, in batch mode."""
import os
import re
import subprocess
import time

from conftest import BUILD, VMLINUX, free_tcp_port

INITRAMFS = os.path.join(BUILD, "initramfs.cpio")


def test_break_in_do_wp_page_while_cow_demo_runs(boot):
    port = free_tcp_port()
    con = boot(mem="128M", smp=1, extra=("-initrd", INITRAMFS, "-gdb", f"tcp:127.0.0.1:{port}"))
    gdb = subprocess.Popen(
        ["gdb-multiarch", "-nx", "-batch", "-ex", "set pagination off",
         "-ex", f"target remote 127.0.0.1:{port}", "-ex", "break do_wp_page",
         "-ex", "continue", "-ex", "bt", "-ex", "print vmf->address",
         "-ex", "print ((struct thread_info *)((unsigned long)$sp & ~0x3fff))->task->comm",
         "-ex", "delete", "-ex", "detach", VMLINUX],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        time.sleep(3)  # attached, the breakpoint set, running again
        con.send("run /bin/cow-demo\n")
        out, _ = gdb.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        gdb.kill()
        out = "gdb timed out:\n" + gdb.communicate()[0]
    finally:
        if gdb.poll() is None:
            gdb.kill()
    assert re.search(r"Breakpoint 1, do_wp_page \(vmf=", out), out
    frames = re.findall(r"^#\d+\s+(?:0x[0-9a-f]+ in )?(\w+) ", out, re.M)
    for f in ("do_wp_page", "handle_mm_fault", "do_page_fault", "do_DataAbort"):
        assert f in frames, out
    assert re.search(r"\$1 = (0x)?[0-9a-f]+", out), out
    assert '"cow-demo' in out, out
    rest = con.expect(r"a9mm> ", timeout=120)
    assert "cow-demo: 8 passed, 0 failed" in rest, rest
