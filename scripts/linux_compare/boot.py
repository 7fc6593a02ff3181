# SPDX-License-Identifier: GPL-2.0
"""Boot Debian's Linux and a9mm on the same QEMU board.

Linux runs frozen (-S) under GDB:
  1. a hardware breakpoint at the decompressed kernel's entry
     (PHYS_OFFSET + TEXT_OFFSET): the zImage decompressor has written the
     Image there and jumps to it with the MMU off;
  2. there GDB turns the chosen pr_debug sites on, as `dyndbg=+p` would
     have if it could run that early: each site's jump-label NOP becomes a
     branch to its printk (`b target`), its descriptor gets the 'p' flag
     and its static key the count 1.  Every word is checked to hold what
     the Image says before it is written;
  3. a breakpoint at kmem_cache_init(), which start_kernel()'s mm_init()
     calls right after mem_init_print_info() logged the `Memory:` line;
  4. there GDB dumps the printk ring buffer, and QEMU is killed by its PID.
     The log is kept as the console would print it with printk.time=0:
     every timestamp is 0 before time_init(), and a9mm prints none unless
     asked (printk.time=1).
Linux has no console on a9mm's DTB (no clocks for its PL011, no timer
before calibrate_delay()), so its log is read from memory, as dmesg
would read it; nothing is added to its command line.

a9mm runs with its console on stdio, until its shell prompt.
"""
import os
import re
import signal
import socket
import subprocess
import time

import pexpect

from . import printk

QEMU_BOARD = ["-M", "vexpress-a9", "-display", "none", "-monitor", "none",
              "-audiodev", "none,id=snd0", "-global", "pl041.audiodev=snd0", "-no-reboot"]
RAM_BASE = 0x60000000		# vexpress-a9: RAM (and so PHYS_OFFSET) starts here
RAW_IMAGE_OFFSET = 0x10000	# QEMU loads a raw Image (a9mm's) at RAM + 64 KiB


class BootError(Exception):
    def __init__(self, msg, log=""):
        super().__init__(msg)
        self.log = log


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def qemu_argv(kernel, dtb, mem, smp, append, extra=()):
    return ["qemu-system-arm", *QEMU_BOARD, "-smp", str(smp), "-m", str(mem),
            "-kernel", kernel, "-dtb", dtb, "-append", append, *extra]


def _kill(proc):
    """End a QEMU we started, by its PID."""
    if proc.poll() is None:
        os.kill(proc.pid, signal.SIGKILL)
    proc.wait()


class Gdb:
    """gdb-multiarch, driven one command at a time."""
    PROMPT = r"\(gdb\) "

    def __init__(self, port, timeout):
        self.p = pexpect.spawn("gdb-multiarch", ["-nx", "-q"], encoding="utf-8",
                               codec_errors="replace", timeout=timeout, echo=False)
        self.p.expect(self.PROMPT)
        for c in ("set style enabled off", "set pagination off", "set confirm off",
                  "set width 0", "set height 0"):
            self.cmd(c)
        out = self.cmd(f"target remote 127.0.0.1:{port}")
        if "Remote debugging" not in out:
            raise BootError(f"GDB could not attach to QEMU's stub: {out.strip()}")

    def cmd(self, c, timeout=-1):
        self.p.sendline(c)
        self.p.expect(self.PROMPT, timeout=timeout)
        return self.p.before

    def cont(self, timeout):
        """continue until a breakpoint; False on timeout (target interrupted)."""
        self.p.sendline("continue")
        try:
            self.p.expect(self.PROMPT, timeout=timeout)
            return True
        except pexpect.TIMEOUT:
            self.p.sendintr()
            self.p.expect(self.PROMPT, timeout=30)
            return False

    def read_word(self, addr):
        out = self.cmd(f"x/1xw {addr:#x}")
        m = re.search(r":\s+0x([0-9a-f]+)", out)
        if not m:
            raise BootError(f"GDB cannot read {addr:#x}: {out.strip()}")
        return int(m.group(1), 16)

    def dump(self, path, start, length):
        out = self.cmd(f"dump binary memory {path} {start:#x} {start + length:#x}")
        if not os.path.exists(path) or os.path.getsize(path) != length:
            raise BootError(f"GDB could not dump {length} bytes at {start:#x}: {out.strip()}")
        with open(path, "rb") as f:
            return f.read()

    def pc(self):
        out = self.cmd("p/x $pc")
        m = re.search(r"0x([0-9a-f]+)", out)
        return int(m.group(1), 16) if m else None

    def close(self):
        self.p.terminate(force=True)


def patch_plan(kimg, sites):
    """(physical address, word the Image holds, word to write, why) for
    every pr_debug site: its jump labels, its flags, its static key."""
    pa = lambda va: va - kimg.page_offset + RAM_BASE
    plan = []
    for s in sites:
        what = f"{s['filename']}:{s['lineno']} {s['function']}"
        for code, target in s["jumps"]:
            # ARM "b target": cond AL, offset from PC+8 in words
            b = 0xEA000000 | (((target - code - 8) >> 2) & 0xFFFFFF)
            plan.append((pa(code), 0xE320F000, b, f"{what}: jump label"))
        plan.append((pa(s["va"] + 16), s["bits"], s["bits"] | 1 << 24, f"{what}: +p"))
        plan.append((pa(s["va"] + 20), 0, 1, f"{what}: static key"))
    return plan


def boot_linux(kimg, plan, vmlinuz, dtb, mem, smp, append, workdir, timeout=300,
               log_buf_shift=17, plugin=None, say=print):
    """Boot Debian's kernel to kmem_cache_init(); returns its log (dmesg text)."""
    entry = RAM_BASE + kimg.text_offset
    stop = kimg.symbol("kmem_cache_init")
    ring_va = kimg.printk_rb_static(log_buf_shift)
    prb_ptrs = kimg.data_pointers_to(ring_va)
    port = free_port()
    extra = ["-S", "-gdb", f"tcp:127.0.0.1:{port}", "-serial", "file:" +
             os.path.join(workdir, "linux-serial.txt")]
    if plugin:
        extra += ["-plugin", plugin]
    argv = qemu_argv(vmlinuz, dtb, mem, smp, append, extra)
    qemu_out = os.path.join(workdir, "linux-qemu.txt")
    with open(qemu_out, "wb") as out:
        qemu = subprocess.Popen(argv, stdout=out, stderr=subprocess.STDOUT,
                                stdin=subprocess.DEVNULL)
    gdb = None
    t0 = time.monotonic()
    try:
        for _ in range(100):		# the stub listens once QEMU is up
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if qemu.poll() is not None:
                    with open(qemu_out, errors="replace") as f:
                        raise BootError("QEMU exited: " + f.read())
                time.sleep(0.1)
        gdb = Gdb(port, timeout=60)
        gdb.cmd(f"hbreak *{entry:#x}")
        if not gdb.cont(timeout) or gdb.pc() != entry:
            raise BootError(f"the zImage never reached the kernel entry {entry:#x} "
                            f"(pc {gdb.pc():#x}) within {timeout} s")
        t_entry = time.monotonic() - t0
        apply_plan(gdb, plan, os.path.join(workdir, "linux-dyndbg.gdb"))
        gdb.cmd("delete")
        gdb.cmd(f"hbreak *{stop:#x}")
        reached = gdb.cont(timeout)
        pc = gdb.pc()
        t_stop = time.monotonic() - t0
        log = read_log(gdb, ring_va, prb_ptrs, workdir)
        if not reached or pc != stop:
            where = symbolize(kimg, pc)
            raise BootError(f"Linux did not reach kmem_cache_init() within {timeout} s; "
                            f"stopped at {where}", log)
        return {"log": log, "entry": entry, "stop": stop, "argv": argv,
                "seconds_to_entry": t_entry, "seconds": t_stop}
    finally:
        if gdb:
            gdb.close()
        _kill(qemu)


def apply_plan(gdb, plan, script):
    """Check and write every word of the plan in one GDB `source`: a word
    that does not hold what the Image says stops everything."""
    lines = []
    for i, (addr, old, new, _why) in enumerate(plan):
        lines += [f"if *(unsigned int *){addr:#x} != {old:#x}",
                  f"  printf \"mismatch {i} %#x\\n\", *(unsigned int *){addr:#x}",
                  "end"]
    lines.append('printf "checked\\n"')
    with open(script, "w") as f:
        f.write("\n".join(lines) + "\n")
    out = gdb.cmd(f"source {script}")
    bad = re.findall(r"mismatch (\d+) (0x[0-9a-f]+)", out)
    if bad or "checked" not in out:
        i, have = (int(bad[0][0]), bad[0][1]) if bad else (0, "?")
        addr, old, _new, why = plan[i]
        raise BootError(f"{why}: {addr:#x} holds {have}, the Image {old:#010x}: the "
                        f"decompressed kernel is not the Image that was read" if bad else
                        f"GDB could not check the pr_debug sites: {out.strip()[-300:]}")
    lines = [f"set {{unsigned int}}{addr:#x} = {new:#x}" for addr, _o, new, _w in plan]
    for i, (addr, _old, new, _why) in enumerate(plan):
        lines += [f"if *(unsigned int *){addr:#x} != {new:#x}",
                  f"  printf \"unwritten {i}\\n\"", "end"]
    lines.append('printf "written\\n"')
    with open(script, "w") as f:
        f.write("\n".join(lines) + "\n")
    out = gdb.cmd(f"source {script}")
    os.unlink(script)
    if "unwritten" in out or "written" not in out:
        raise BootError(f"GDB could not write the pr_debug sites: {out.strip()[-300:]}")


def read_log(gdb, ring_va, prb_ptrs, workdir):
    """Linux's log from its ring buffer; `prb` may point elsewhere once
    setup_log_buf() moved it (log_buf_len=)."""
    rb = ring_va
    for p in prb_ptrs:
        v = gdb.read_word(p)
        if v != ring_va and v >= 0xC0000000:
            rb = v
    path = lambda n: os.path.join(workdir, f"linux-{n}.bin")
    ring = printk.Ring(gdb.dump(path("prb"), rb, printk.RB_SIZE))
    descs = gdb.dump(path("descs"), ring.descs, ring.count * printk.DESC_SIZE)
    infos = gdb.dump(path("infos"), ring.infos, ring.count * printk.INFO_SIZE)
    data = gdb.dump(path("text"), ring.data, ring.size)
    for n in ("prb", "descs", "infos", "text"):
        os.unlink(path(n))
    return printk.dmesg(printk.records(ring, descs, infos, data),
                        timestamps=False)


def symbolize(kimg, addr):
    if addr is None:
        return "an unknown pc"
    best = None
    for name, (a, _t) in kimg.symbols().items():
        if a <= addr and (best is None or a > best[1]):
            best = (name, a)
    return f"{addr:#x} ({best[0]}+{addr - best[1]:#x})" if best else f"{addr:#x}"


def boot_a9mm(image, dtb, mem, smp, append, timeout=120, plugin=None,
              commands=("cat /proc/zoneinfo",)):
    """a9mm's console up to its shell prompt, then `commands` typed there."""
    extra = ["-serial", "stdio"]
    if plugin:
        extra += ["-plugin", plugin]
    argv = qemu_argv(image, dtb, mem, smp, append, extra)
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            stdin=subprocess.PIPE)
    os.set_blocking(proc.stdout.fileno(), False)
    out = b""

    def until_prompt(seen):
        nonlocal out
        deadline = time.monotonic() + timeout
        while out.count(b"a9mm> ") <= seen:
            if time.monotonic() > deadline or proc.poll() is not None:
                raise BootError(f"a9mm did not reach its shell prompt within {timeout} s",
                                out.decode(errors="replace"))
            chunk = proc.stdout.read()
            if chunk:
                out += chunk
            else:
                time.sleep(0.05)

    try:
        until_prompt(0)
        for i, c in enumerate(commands):
            proc.stdin.write(c.encode() + b"\r")
            proc.stdin.flush()
            until_prompt(i + 1)
    finally:
        _kill(proc)
    text = out.decode(errors="replace").replace("\r", "")
    return {"log": text.rsplit("a9mm> ", 1)[0], "argv": argv}
