# SPDX-License-Identifier: GPL-2.0
"""GDB on a page fault (issue 16): while cow-demo runs, a breakpoint on
do_wp_page() stops the kernel in the middle of a copy-on-write fault,
with the fault's path from the data abort on the stack -- the README's
walk-through, in batch mode."""
import os
import re
import subprocess
import time

from conftest import BUILD, ROOT, VMLINUX, free_tcp_port

INITRAMFS = os.path.join(BUILD, "initramfs.cpio")


def test_break_in_do_wp_page_while_cow_demo_runs(boot):
    port = free_tcp_port()
    con = boot(mem="128M", smp=1, extra=("-initrd", INITRAMFS, "-gdb", f"tcp:127.0.0.1:{port}"))
    gdb = subprocess.Popen(
        ["gdb-multiarch", "-nx", "-batch", "-ex", "set pagination off",
         "-ex", f"target remote 127.0.0.1:{port}", "-ex", "break do_wp_page",
         "-ex", "continue", "-ex", "bt", "-ex", "print vmf->address",
         "-ex", "print ((struct thread_info *)((unsigned long)$sp & ~0x3fff))->task->comm",
         "-ex", f"source {ROOT}/scripts/gdb/a9mm.py",
         "-ex", "python gdb.execute('a9mm-vmas %d' % int(gdb.parse_and_eval("
         "'((struct thread_info *)((unsigned long)$sp & ~0x3fff))->task->pid')))",
         "-ex", "python pid = int(gdb.parse_and_eval("
         "'((struct thread_info *)((unsigned long)$sp & ~0x3fff))->task->pid'))",
         "-ex", "python va = int(gdb.parse_and_eval('vmf->address'))",
         "-ex", "python gdb.execute('a9mm-pgwalk %d %d' % (pid, va))",
         "-ex", "a9mm-pgwalk 1 0x10000",
         "-ex", "a9mm-vmas 1", "-ex", "a9mm-vmas x",
         # on the way back to user mode: the copy is mapped
         "-ex", "delete", "-ex", "break ret_to_user", "-ex", "continue",
         "-ex", "python gdb.execute('a9mm-pgwalk %d %d' % (pid, va))",
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
    # a9mm-vmas: the faulting process's VMAs, text first, the stack last
    vmas = re.findall(r"^0x[0-9a-f]{8} ([0-9a-f]{8})-([0-9a-f]{8}) ([r-][w-][x-][ps]) .* (\S+)$",
                      out, re.M)
    assert vmas and vmas[0][0] == "00010000" and vmas[0][2] == "r-xp", out
    assert vmas[-1][1] == "bf000000" and vmas[-1][3] == "[stack]", out
    assert re.search(r"^pid \d+ \(cow-demo\): \d+ VMAs, mmap_base 0xb7000000", out, re.M), out
    assert "task 1 (init) is a kernel thread: no address space" in out, out
    assert "usage: a9mm-vmas PID" in out, out
    # a9mm-pgwalk PID VA: the faulting page, in the process's own page directory --
    # present, and read-only (copy-on-write) in both the Linux and the hardware pte
    m = re.search(r"^pgwalk 0x([0-9a-f]{8}): pid (\d+)'s pgd at PA 0x[0-9a-f]{8}, ASID (\d+)$",
                  out, re.M)
    assert m and int(m[3]) > 0, out
    walk = out[m.end():]
    assert re.search(r"L2\[0x[0-9a-f]{2}\] = .*small page", walk), walk
    pte = re.search(r"Linux pte: (.*)", walk)[1]
    assert pte.startswith("present") and "RDONLY" in pte and "USER" in pte, pte
    # the hardware entry: the user may read, not write (what made the permission fault)
    assert re.search(r"AP\[2:0\]=\d{3} \([^)]*user RO\)", walk), walk
    # the same walk once do_wp_page() is done: a page of its own, writable
    walks = re.findall(rf"^pgwalk 0x{m[1]}: pid {m[2]}'s .*?=> VA 0x{m[1]} -> PA (0x[0-9a-f]+)$",
                       out, re.M | re.S)
    assert len(walks) == 2 and walks[0] != walks[1], out
    after = out[out.rindex(f"pgwalk 0x{m[1]}: pid {m[2]}'s"):]
    assert re.search(r"Linux pte: present young dirty rw USER", after), after
    assert re.search(r"AP\[2:0\]=\d{3} \([^)]*user RW\)", after), after
    assert "a9mm-pgwalk: task 1 (init) is a kernel thread: no address space" in out, out
    rest = con.expect(r"a9mm> ", timeout=120)
    assert "cow-demo: 8 passed, 0 failed" in rest, rest
