"""User mode (issue 16, step 4): programs from the initramfs run in user
mode through `run` or as rdinit=, make system calls with svc #0 (EABI,
r7) -- fork, wait4 and execve included -- die of SIGSEGV with Linux's
line when they touch what they may not, and give every page back.  Bad
executables are refused with a message."""
import os
import re
import subprocess

import pytest

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def build(tmp_path, name):
    out = tmp_path / "root" / "bin" / name
    out.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run(["arm-none-eabi-gcc", "-nostdlib", "-static", "-Wl,-Ttext=0x10000",
                    "-o", str(out), os.path.join(REPO, "user", f"{name}.S")], check=True)
    return out


def pack(tmp_path):
    root = tmp_path / "root"
    names = subprocess.run(["find", "."], cwd=root, capture_output=True, text=True,
                           check=True).stdout
    out = tmp_path / "rootfs.cpio"
    with open(out, "wb") as f:
        subprocess.run(["cpio", "--quiet", "-o", "-H", "newc", "--owner", "0:0"], cwd=root,
                       input="\n".join(sorted(names.split())).encode() + b"\n", stdout=f,
                       check=True)
    return out


@pytest.fixture
def rootfs(tmp_path):
    hello = build(tmp_path, "ktest-hello")
    build(tmp_path, "ktest-segv")
    build(tmp_path, "ktest-init")
    build(tmp_path, "ktest-fork")
    build(tmp_path, "ktest-spin")
    build(tmp_path, "ktest-sysfuzz")
    build(tmp_path, "ktest-files")
    data = bytearray(hello.read_bytes())
    bad = tmp_path / "root" / "bin"
    (bad / "not-elf").write_bytes(b"#!/bin/sh\n" + b"echo a script, not an executable\n" * 4)
    (bad / "tiny").write_bytes(b"\x7fELF")
    wrong = bytearray(data)
    wrong[18] = 3                      # e_machine = EM_386
    (bad / "wrong-machine").write_bytes(bytes(wrong))
    (bad / "truncated").write_bytes(bytes(data[:0x1010]))
    kernel = bytearray(data)
    kernel[24:28] = (0xc0010000).to_bytes(4, "little")   # e_entry
    ph = int.from_bytes(data[28:32], "little")
    kernel[ph + 8:ph + 12] = (0xc0010000).to_bytes(4, "little")  # first PT_LOAD's p_vaddr
    (bad / "kernel-space").write_bytes(bytes(kernel))
    for f in bad.iterdir():
        f.chmod(0o755)
    (bad / "no-x").write_bytes(bytes(data))
    (bad / "no-x").chmod(0o644)
    return pack(tmp_path)


def run(con, cmd):
    out = con.run(f"run {cmd}")
    m = re.search(r"run: free pages (\d+) before, (\d+) after", out)
    assert m, out
    return out, int(m[1]), int(m[2])


@pytest.mark.parametrize("mem,smp", [("64M", 1), ("256M", 4), ("1024M", 4)])
def test_user_programs_run_and_give_every_page_back(boot, rootfs, mem, smp):
    con = boot(mem=mem, smp=smp, extra=("-initrd", str(rootfs)))
    out, _, _ = run(con, "/bin/ktest-hello")  # the first run fills the kmalloc caches
    # an unknown system call: -ENOSYS (else status 98), logged the first time only
    assert re.search(r"ktest-hello\[\d+\]: system call 300 not implemented: -ENOSYS", out), out
    for _ in range(3):
        out, before, after = run(con, "/bin/ktest-hello one two")
        assert "hello from user space, argc=3\n" in out
        assert re.search(r"\[\d+\] /bin/ktest-hello: exit status 43", out), out
        assert before == after, out
        assert "not implemented" not in out
    out, before, after = run(con, "/bin/ktest-segv")
    assert re.search(r"ktest-segv\[(\d+)\]: unhandled page fault \(11\) at 0x00000000, "
                     r"code 0x817\n", out), out
    assert "killed by signal 11" in out and before == after, out
    out, before, after = run(con, "/bin/ktest-segv text")
    assert re.search(r"ktest-segv\[\d+\]: unhandled page fault \(11\) at 0x00010000, "
                     r"code 0x81f\n", out), out
    assert before == after
    # fork + wait4 + execve: the child's line, the parent's check, then hello's exit status
    run(con, "/bin/ktest-fork")       # warm the caches for two processes at once
    for _ in range(2):
        out, before, after = run(con, "/bin/ktest-fork")
        assert out.index("child: hello") < out.index("parent: child exited 5"), out
        assert "hello from user space, argc=2" in out
        assert re.search(r"\[\d+\] /bin/ktest-fork: exit status 42", out), out
        assert before == after, out
    rows = con.run("ps")
    assert "ktest" not in rows and "a9mm version" in con.run("version")


def test_bad_executables_are_refused(boot, rootfs):
    con = boot(mem="128M", smp=2, extra=("-initrd", str(rootfs)))
    run(con, "/bin/ktest-hello")
    for name, why in [
        ("not-elf", "not an ELF file (bad magic)"),
        ("tiny", "truncated: shorter than an ELF header"),
        ("wrong-machine", "wrong machine (not ARM)"),
        ("truncated", "truncated: a segment past the end of the file"),
        ("kernel-space", "segment outside user space"),
    ]:
        out, before, after = run(con, f"/bin/{name}")
        assert f"execve: /bin/{name}: {why}" in out, out
        assert f"run: /bin/{name}: Exec format error" in out
        assert before == after, out
    assert "Permission denied" in run(con, "/bin/no-x")[0]
    assert "No such file or directory" in run(con, "/bin/nope")[0]


def test_rdinit_runs_a_user_program_as_pid_1(boot, rootfs):
    con = boot(mem="128M", smp=2, extra=("-initrd", str(rootfs)),
               append="console=ttyAMA0 rdinit=/bin/ktest-init", prompt=False)
    con.proc.expect("Freeing initrd memory")
    con.proc.expect("I am pid 1")
    con.proc.expect("Linux")                 # uname's sysname
    con.proc.expect("press a key: ")         # after a 50 ms nanosleep
    con.proc.send("x")
    con.proc.expect("got 'x'")
    # init exited (status 7): Linux's panic, the other CPU stopped
    con.proc.expect(r"Kernel panic - not syncing: Attempted to kill init! exitcode=0x00000700")


def test_rdinit_that_cannot_run_leaves_the_shell(boot, rootfs):
    con = boot(mem="128M", smp=1, extra=("-initrd", str(rootfs)),
               append="console=ttyAMA0 rdinit=/bin/nope")
    assert "Failed to execute /bin/nope (error -2): the kernel shell instead" in con.boot_log
    assert "a9mm version" in con.run("version")


def spinners(con):
    rows = {}
    for line in con.run("ps").splitlines():
        m = re.match(r"\s*(\d+)\s+\d+\s+\d+\s+([RSDZXT])\*?\s+(\d+)\s+(\d+)\s+([\d.]+) ktest-spin$",
                     line)
        if m:
            rows[int(m[1])] = dict(state=m[2], nivcsw=int(m[4]), time=float(m[5]))
    return rows


def test_tick_preempts_user_mode_and_kill_ends_it(boot, rootfs):
    """Two programs that never give the CPU up, on the shell's only CPU: the
    tick takes it from them in user mode (the shell still answers), and
    kill ends each with its signal's default action."""
    con = boot(mem="128M", smp=1, extra=("-initrd", str(rootfs)))
    pids = [int(re.search(r"\[(\d+)\] /bin/ktest-spin", con.run("run /bin/ktest-spin &"))[1])
            for _ in range(2)]
    con.run("version")
    import time
    time.sleep(1.5)
    rows = spinners(con)
    assert sorted(rows) == sorted(pids), rows
    for r in rows.values():
        assert r["state"] == "R" and r["nivcsw"] > 0 and r["time"] > 0, rows
    # its page tables: text read-only and executable, stack dirty and XN, both
    # non-global under its ASID; the Linux pte's bits beside the hardware's
    out = con.run(f"pgwalk {pids[0]} 0x10000")
    assert re.search(r"pid \d+'s pgd at PA 0x[0-9a-f]{8}, ASID [1-9]", out), out
    assert "AP[2:0]=111 (kernel RO, user RO), XN=0" in out and "nG=1" in out, out
    assert "Linux pte: present young clean RDONLY USER exec" in out, out
    out = con.run(f"pgwalk {pids[0]} 0xbefffff0")
    assert "AP[2:0]=011 (kernel RW, user RW), XN=1" in out, out
    assert "Linux pte: present young dirty rw USER XN" in out, out
    assert "fault (not mapped)" in con.run(f"pgwalk {pids[0]} 0x0")
    assert "no process 2 with an address space" in con.run("pgwalk 2 0x0")
    # /proc/PID/status: demand paging -- of its 128 KiB stack VMA and its
    # text only the pages it touched are resident: the text page it runs
    # (the executable's page-cache page) and the stack page its arguments are in
    out = con.run(f"cat /proc/{pids[0]}/status")
    assert "Name:\tktest-spin\n" in out and "State:\tR (running)" in out, out
    assert "PPid:\t1\n" in out and re.search(
        r"VmRSS:\s+8 kB\nRssAnon:\s+4 kB\nRssFile:\s+4 kB\n", out), out
    assert re.search(r"VmStk:\s+128 kB\nVmExe:\s+4 kB\n", out), out
    assert int(re.search(r"nonvoluntary_ctxt_switches:\t(\d+)", out)[1]) > 0
    out = con.run("cat /proc/self/status")   # the shell: init, a kernel thread, no memory lines
    assert "Name:\tinit\n" in out and "Pid:\t1\n" in out and "VmRSS" not in out, out
    assert "No such file" in con.run("cat /proc/999/status")
    assert "kill: (2) - Operation not permitted" in con.run("kill 2")     # kworker/0:0
    assert "No such process" in con.run("kill 999")
    assert "invalid signal" in con.run("kill -99 1")
    con.run(f"kill {pids[0]}")
    con.run(f"kill -9 {pids[1]}")
    for _ in range(50):
        if not spinners(con):
            break
        time.sleep(0.1)
    assert not spinners(con)
    out, before, after = run(con, "/bin/ktest-hello")
    assert "exit status 41" in out


@pytest.mark.parametrize("smp", [1, 4])
def test_random_system_calls_leave_the_kernel_whole(boot, rootfs, smp):
    """20000 random system calls with random arguments, three seeds: each run
    exits 0, every page comes back, and the kernel still works."""
    con = boot(mem="128M", smp=smp, extra=("-initrd", str(rootfs)))
    run(con, "/bin/ktest-sysfuzz")
    for seed in "abc":
        out, before, after = run(con, f"/bin/ktest-sysfuzz {seed}")
        assert re.search(r"ktest-sysfuzz: exit status 0", out), out
        assert before == after, out
    assert "exit status 41" in run(con, "/bin/ktest-hello")[0]
    out = con.run("selftest", timeout=180)
    assert not re.search(r"^not ok", out, re.M), out


@pytest.mark.parametrize("smp", [1, 2])
def test_file_edges_leave_the_kernel_whole(boot, rootfs, smp):
    """getdents64() into a file mapping not yet faulted (the fault takes the
    lock the directory walk once held: a lockup), and a write 8 TiB into a
    file, reached by lseek()s whose results overflow (the page cache's
    array size wrapped: an oops, or a hang): clear errors, no lost page."""
    con = boot(mem="128M", smp=smp, extra=("-initrd", str(rootfs)))
    run(con, "/bin/ktest-files")
    out, before, after = run(con, "/bin/ktest-files")
    assert "ktest-files: exit status 0" in out and before == after, out
    assert "exit status 41" in run(con, "/bin/ktest-hello")[0]


def test_picolibc_programs_from_the_user_helper(boot):
    """The picolibc programs of user/bin (build/initramfs.cpio, `make user`),
    whose start-up sets its TLS with ARM's set_tls: echo, and segv-demo's four
    wild accesses, two refused instructions and a misaligned LDREX each killed
    with Linux's line while the parent carries on."""
    cpio = os.path.join(REPO, "build", "initramfs.cpio")
    con = boot(mem="256M", smp=2, extra=("-initrd", cpio))
    run(con, "/bin/echo warm")
    out, before, after = run(con, "/bin/echo hello from picolibc")
    assert "hello from picolibc\n" in out and "exit status 0" in out and before == after, out
    run(con, "/bin/segv-demo")        # warm the slab caches for five processes at once
    out, before, after = run(con, "/bin/segv-demo")
    assert re.search(r"segv-demo\[\d+\]: unhandled page fault \(11\) at 0x00000000, "
                     r"code 0x017\n", out), out
    assert re.search(r"segv-demo\[\d+\]: unhandled prefetch abort \(11\)", out), out
    assert re.search(r"segv-demo\[\d+\]: undefined instruction \(4\) at pc 0x000[0-9a-f]{5}\n",
                     out), out
    assert re.search(r"segv-demo\[\d+\]: breakpoint \(5\) at pc 0x000[0-9a-f]{5}\n", out), out
    # fsr_info[]'s do_bad() entry for FS 0b00001: Linux's two lines, SIGBUS
    assert re.search(r"Unhandled fault: alignment exception \(0x001\) at 0x000[0-9a-f]{5}\n"
                     r"segv-demo\[\d+\]: unhandled alignment exception \(7\) at 0x000[0-9a-f]{5}, "
                     r"code 0x001: bus error\n", out), out
    assert "segv-demo: 8 passed, 0 failed" in out and before == after, out


def test_environment_reaches_programs(boot):
    """execve()'s envp: what the kernel starts gets Linux's envp_init[]
    (HOME=/, TERM=linux); env passes a changed one on; a program that
    cannot run is said so with coreutils' exit code."""
    cpio = os.path.join(REPO, "build", "initramfs.cpio")
    con = boot(mem="128M", extra=("-initrd", cpio))
    out = run(con, "/bin/env")[0]
    assert "HOME=/\nTERM=linux\n" in out and "exit status 0" in out, out
    out = run(con, "/bin/env FOO=bar TERM=vt100 /bin/env")[0]
    assert "HOME=/\nTERM=vt100\nFOO=bar\n" in out, out
    out = run(con, "/bin/env A=1 /bin/nonexistent")[0]
    assert "env: /bin/nonexistent: No such file or directory" in out, out
    assert "exit status 127" in out, out
    # hostile: a repeated name is set once, to its last value; a word starting
    # with '=' is no assignment (coreutils' rule) but a program, which is not there
    out = run(con, "/bin/env A=1 A=2 A=3 /bin/env")[0]
    assert "HOME=/\nTERM=linux\nA=3\n" in out and "A=1" not in out, out
    out = run(con, "/bin/env =bad")[0]
    assert "env: =bad: No such file or directory" in out and "exit status 127" in out, out
