# SPDX-License-Identifier: GPL-2.0
"""System-test harness: boot a9mm in QEMU and talk to its serial console.

In the spirit of U-Boot's test/py: a test asks the `boot` fixture for a
console (memory size, CPUs, command line, DTB), then runs shell commands
on it and checks what comes back.  QEMU runs with `-display none -serial
stdio` (with -nographic, byte 0x01 would be QEMU's escape) and every wait
has a timeout, so a hung kernel fails the test instead of hanging it.
"""
import os
import re
import shlex
import subprocess
import tty

import pexpect
import pytest

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
BUILD = os.path.join(ROOT, "build")
IMAGE = os.path.join(BUILD, "Image")
VMLINUX = os.path.join(BUILD, "vmlinux")
DTB = os.path.join(BUILD, "vexpress-v2p-ca9.dtb")
DTB_DIR = os.path.join(BUILD, "dtb")
PROMPT = "a9mm> "
DEFAULT_APPEND = "console=ttyAMA0 loglevel=8"
BOOT_TIMEOUT = 60
CMD_TIMEOUT = 30


def qemu_argv(mem="1024M", smp=4, append=DEFAULT_APPEND, dtb=DTB, extra=(), sd=None):
    """The QEMU command line `make qemu` uses, for a scripted console.

    sd: an image file for the SD card slot (mmcblk0), or None for an empty
    slot -- the default: `make qemu`'s build/swap.img is the user's.  QEMU
    locks the file while it runs, so each test gives its own copy
    (tmp_path), and may look at it once QEMU has exited."""
    argv = [
        "qemu-system-arm", "-M", "vexpress-a9", "-smp", str(smp), "-m", str(mem),
        "-kernel", IMAGE, "-display", "none", "-serial", "stdio",
        "-audiodev", "none,id=snd0", "-global", "pl041.audiodev=snd0",
        "-no-reboot",
    ]
    if dtb is not None:
        argv += ["-dtb", dtb]
    if append is not None:
        argv += ["-append", append]
    if sd is not None:
        argv += ["-drive", f"if=sd,format=raw,file={sd}"]
    return argv + list(extra)


class Console:
    """A running QEMU and its serial console."""

    def __init__(self, argv, timeout=BOOT_TIMEOUT):
        self.argv = argv
        self.proc = pexpect.spawn(argv[0], argv[1:], encoding="utf-8",
                                  codec_errors="replace", timeout=timeout,
                                  echo=False)
        # Raw pty: what the test sends reaches the guest unchanged (a ^C is
        # a byte, not a SIGINT to QEMU), as on a real serial line.
        tty.setraw(self.proc.child_fd)
        self.boot_log = ""

    @property
    def log(self):
        """Everything read so far (pexpect keeps it in .before/.after)."""
        return self.boot_log

    def expect(self, pattern, timeout=BOOT_TIMEOUT):
        """Wait for a regex; returns the text before it and records it."""
        try:
            self.proc.expect(pattern, timeout=timeout)
        except (pexpect.TIMEOUT, pexpect.EOF) as e:
            seen = self.boot_log + (self.proc.before or "")
            raise AssertionError(
                f"waiting for {pattern!r}: {type(e).__name__}\n"
                f"--- console so far ---\n{seen[-6000:]}") from None
        text = self.proc.before + (self.proc.after if isinstance(self.proc.after, str) else "")
        self.boot_log += self._clean(text)
        return self._clean(self.proc.before)

    @staticmethod
    def _clean(text):
        # The kernel sends \r\n and QEMU's stdio adds another \r: tests see \n.
        return text.replace("\r", "")

    def wait_prompt(self, timeout=BOOT_TIMEOUT):
        return self.expect(re.escape(PROMPT), timeout)

    def send(self, data):
        self.proc.send(data)

    def run(self, cmd, timeout=CMD_TIMEOUT):
        """Run a shell command; return its output without echo and prompt."""
        self.proc.send(cmd + "\r")
        out = self.wait_prompt(timeout)
        if out.startswith(cmd):
            out = out[len(cmd):]
        return out.lstrip("\n")

    def wait_exit(self, timeout=CMD_TIMEOUT):
        """Wait for QEMU to end; returns its exit status."""
        try:
            self.proc.expect(pexpect.EOF, timeout=timeout)
        except pexpect.TIMEOUT:
            raise AssertionError("QEMU did not exit; console:\n"
                                 + (self.boot_log + self.proc.before)[-4000:]) from None
        self.boot_log += self._clean(self.proc.before)
        self.proc.close()
        return self.proc.exitstatus

    def close(self):
        if self.proc.isalive():
            self.proc.terminate(force=True)
        self.proc.close()


@pytest.fixture
def boot():
    """boot(mem=..., smp=..., append=..., dtb=..., extra=(), prompt=True, sd=None)

    Starts QEMU and, unless prompt=False, waits for the shell prompt;
    sd= puts that image in the SD card slot (see qemu_argv()).
    Every console is shut down when the test ends.
    """
    consoles = []

    def _boot(mem="1024M", smp=4, append=DEFAULT_APPEND, dtb=DTB, extra=(),
              prompt=True, timeout=BOOT_TIMEOUT, sd=None):
        for path in (IMAGE, dtb, sd):
            if path and not os.path.exists(path):
                pytest.fail(f"{path} missing: run `make` first")
        con = Console(qemu_argv(mem, smp, append, dtb, extra, sd), timeout)
        consoles.append(con)
        if prompt:
            con.wait_prompt(timeout)
        return con

    yield _boot
    for con in consoles:
        con.close()


def gdb_batch(commands, port, timeout=60):
    """Run gdb-multiarch in batch mode against QEMU's stub on `port`."""
    argv = ["gdb-multiarch", "-nx", "-batch", "-ex", "set pagination off",
            "-ex", "set confirm off", "-ex", f"target remote localhost:{port}"]
    for c in commands:
        argv += ["-ex", c]
    argv.append(VMLINUX)
    res = subprocess.run(argv, capture_output=True, text=True, timeout=timeout)
    return res.stdout + res.stderr


def free_tcp_port():
    import socket
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def shell_join(argv):
    return " ".join(shlex.quote(a) for a in argv)


UART0_PHYS = 0x10009000  # include/asm/memlayout.h: the console's registers


def uart_va(con):
    """Where /proc/vmallocinfo says pl011_probe() ioremap()ped the console."""
    info = con.run("cat /proc/vmallocinfo")
    m = re.search(r"^0x([0-9a-f]{8})-0x[0-9a-f]{8} +8192 pl011_probe\+0x[0-9a-f]+/0x[0-9a-f]+ "
                  rf"phys=0x{UART0_PHYS:08x} ioremap$", info, re.M)
    assert m, info
    return int(m.group(1), 16)

