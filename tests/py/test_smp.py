# SPDX-License-Identifier: GPL-2.0
"""All four CPUs (issue 13): bring-up, per-CPU areas, interrupts, IPIs,
`on`, `stress`, the spinlock reports, panics and power-off on SMP,
maxcpus=/nosmp, a CPU that does not answer -- at -smp 1, 2 and 4, under
QEMU's multi-threaded TCG (real parallel vCPUs) and under -icount."""
import os
import re
import subprocess

import pytest

from conftest import DTB_DIR, VMLINUX

ICOUNT = ("-icount", "shift=0,sleep=off")
# a few seconds of stress on 4 vCPUs sharing 2 host cores takes a while
STRESS_TIMEOUT = 240


def symbol(name):
    out = subprocess.run(["arm-none-eabi-nm", VMLINUX], capture_output=True, text=True,
                         check=True).stdout
    return int(re.search(rf"^([0-9a-f]{{8}}) \w {re.escape(name)}$", out, re.M).group(1), 16)


def interrupts(con):
    """/proc/interrupts as {label: [count per CPU]}, plus the header's CPUs."""
    out = con.run("cat /proc/interrupts")
    lines = out.strip("\n").splitlines()
    cpus = [int(c) for c in re.findall(r"CPU(\d+)", lines[0])]
    table = {}
    for line in lines[1:]:
        label, rest = line.split(":", 1)
        counts = [int(x) for x in rest.split()[:len(cpus)]] if label.strip() != "Err" else []
        table[label.strip()] = counts
    return cpus, table, out


@pytest.mark.parametrize("smp", [1, 2, 4])
def test_boot_lines_and_percpu_areas(boot, smp):
    con = boot(mem="256M", smp=smp)
    log = con.log
    m = re.search(r"percpu: Embedded (\d+) pages/cpu @([0-9a-f]{8}) s(\d+) r0 d(\d+) u(\d+)\n",
                  log)
    assert m, log
    pages, base, static, dyn, unit = (int(m.group(1)), int(m.group(2), 16), int(m.group(3)),
                                      int(m.group(4)), int(m.group(5)))
    # s: every DEFINE_PER_CPU, the linker's .data..percpu
    assert static == symbol("__per_cpu_end") - symbol("__per_cpu_start")
    # Linux 3.x's sizing: 12 KiB dynamic at least, whole pages, a unit of 32 KiB at least
    assert dyn >= 12 << 10 and (static + dyn) == pages * 4096
    assert unit == max(pages * 4096, 32 << 10)
    assert 0xc0000000 <= base < 0xd0000000  # lowmem, from memblock (256M: all lowmem)
    # the zones move from boot_pageset to per-CPU pagesets: one per CPU in zoneinfo
    zi = con.run("cat /proc/zoneinfo")
    assert re.findall(r"    cpu: (\d+)\n", zi) == [str(c) for c in range(smp)]
    batch = re.search(r"Normal zone: \d+ pages, LIFO batch:(\d+)", log).group(1)
    assert zi.count(f"              batch: {batch}\n") == smp
    total = 200 * smp
    assert f"SMP: Total of {smp} processors activated ({total}.00 BogoMIPS).\n" in log
    assert "CPU: All CPU(s) started in SVC mode.\n" in log
    # the TWD's rate is its clock's, PERIPHCLK (twd_get_clock()): nothing to calibrate
    assert "Calibrating local timer" not in log
    if smp < 4:  # the board's DT names four CPUs; the SCU (QEMU's -smp) has fewer
        assert f"SMP: the device tree lists 4 CPUs, the SCU {smp}: {smp} possible" in log
    ci = con.run("cat /proc/cpuinfo")
    assert re.findall(r"^processor\t: (\d+)$", ci, re.M) == [str(c) for c in range(smp)]
    assert ci.count("CPU part\t: 0xc09\n") == smp
    assert "Hardware\t: ARM-Versatile Express\n" in ci


def test_interrupts_ticks_ipis_and_uart(boot):
    con = boot(mem="256M", smp=4)
    cpus, before, text = interrupts(con)
    assert cpus == [0, 1, 2, 3], text
    assert re.search(r"^ 29:( +\d+){4} +GIC  29 \w+ +twd$", text, re.M), text
    assert re.search(r"^ 37:( +\d+){4} +GIC  37 Level +uart-pl011$", text, re.M), text
    for n, name in enumerate(("CPU wakeup", "Timer broadcast", "Rescheduling",
                              "Function call", "CPU stop")):
        assert re.search(rf"^IPI{n}:( +\d+){{4}}  {name} interrupts$", text, re.M), text
    # every secondary got exactly one wake-up SGI: the one that released it
    assert before["IPI0"] == [0, 1, 1, 1], text
    con.run("stress 2", timeout=STRESS_TIMEOUT)
    con.run("on 2 version")
    _, after, text = interrupts(con)
    # each CPU's own TWD ticked while it worked (idle ones stop theirs: NO_HZ idle)
    for cpu in range(4):
        assert after["29"][cpu] - before["29"][cpu] >= 20, (before, after)
    # typed input arrives by interrupt, on CPU 0, where the UART's SPI goes
    assert after["37"][0] > before["37"][0] and after["37"][1:] == before["37"][1:]
    # work for CPU 2 (`on`, stress) came with IPIs; stress drained through IPI_CALL_FUNC
    assert after["IPI2"][2] > before["IPI2"][2]
    assert sum(after["IPI3"]) > sum(before["IPI3"])


@pytest.mark.parametrize("smp", [1, 2, 4])
def test_on_runs_a_command_on_that_cpu(boot, smp):
    con = boot(mem="256M", smp=smp)
    for cpu in range(smp):
        out = con.run(f"on {cpu} alloc 0")
        assert f"  from CPU{cpu}'s per-cpu list (" in out, out
        pfn = re.search(r"pfn 0x([0-9a-f]+)", out).group(1)
        # CPU cpu's list shrank by one, nobody else's moved; freeing puts it back there
        out = con.run(f"on {cpu} free 0x{pfn} 0")
        assert f"free: pfn 0x{pfn} order 0 freed to CPU{cpu}'s per-cpu list (" in out, out
    out = con.run(f"on {smp} version")
    assert f"on: CPU {smp} is not online; online: " + ",".join(map(str, range(smp))) in out
    assert "usage: on CPU COMMAND" in con.run("on 1")
    if smp > 2:  # on inside on: CPU 1 asks CPU 2, CPU 0 waits for both
        assert "  from CPU2's per-cpu list" in con.run("on 1 on 2 alloc 0")
        assert "unknown command 'frob'" in con.run("on 2 frob")


# smp2 with the spinlock checks on (every lock and unlock checked under stress)
@pytest.mark.parametrize("smp,extra,append", [
    (1, (), "console=ttyAMA0 loglevel=8"),
    (2, (), "console=ttyAMA0 loglevel=8 debug_spinlock=on"),
    (4, (), "console=ttyAMA0 loglevel=8"),
    (4, ICOUNT, "console=ttyAMA0 loglevel=8")], ids=["smp1", "smp2-debug", "smp4", "smp4-icount"])
def test_stress(boot, smp, extra, append):
    con = boot(mem="128M", smp=smp, extra=extra, append=append, timeout=120)
    out = con.run("stress 2", timeout=STRESS_TIMEOUT)
    assert f"stress: {smp} CPU{'s' if smp > 1 else ''} for 2 s\n" in out
    for cpu in range(smp):
        m = re.search(rf"stress: CPU{cpu}: (\d+) allocations \((\d+) failed\), (\d+) frees "
                      rf"\((\d+) of blocks from another CPU\)", out)
        assert m and int(m.group(1)) > 0, out
        if smp > 1:
            assert int(m.group(4)) > 0, out  # it freed blocks others allocated
    assert re.search(r"zone->lock Normal +[1-9]\d* acquisitions, \d+ contended, max spin \d+ us", out)
    assert re.search(r"stress: 0 pattern mismatches, 0 unzeroed __GFP_ZERO blocks, free lists "
                     r"clean, free pages (\d+) before, \1 after draining: same free blocks", out), out
    assert out.rstrip().endswith("stress: PASS"), out
    assert "usage: stress SECONDS [CPUS]" in con.run(f"stress 1 {smp + 1}")


def test_stress_on_some_cpus_and_typing_ahead(boot):
    con = boot(mem="256M", smp=4)
    # two CPUs only; what is typed meanwhile waits in the UART's receive buffer
    con.send("stress 1 2\rversion\r")
    out = con.wait_prompt(STRESS_TIMEOUT)
    assert "stress: 2 CPUs for 1 s" in out and "stress: CPU2" not in out
    assert out.rstrip().endswith("stress: PASS"), out
    assert "a9mm version" in con.wait_prompt()


@pytest.mark.parametrize("arg,cpus", [("maxcpus=2", 2), ("maxcpus=1", 1), ("maxcpus=0", 1),
                                      ("nosmp", 1), ("maxcpus=9", 4)])
def test_maxcpus_and_nosmp(boot, arg, cpus):
    con = boot(mem="256M", smp=4, append=f"console=ttyAMA0 {arg}")
    log = con.log
    assert f"smp: Brought up 1 node, {cpus} CPU{'s' if cpus > 1 else ''}\n" in log
    assert "failed to boot" not in log
    assert "Unknown kernel command line parameters" not in log
    cpuinfo = con.run("cat /proc/cpuinfo")
    assert cpuinfo.count("processor\t:") == cpus
    # the others never left the boot loader: no wake-up SGI, no line
    assert f"CPU{cpus}: thread" not in log
    assert "smp" in con.run("selftest", timeout=180)


def test_maxcpus_garbage_is_reported(boot):
    con = boot(mem="256M", smp=2, append="console=ttyAMA0 maxcpus=many")
    assert "maxcpus=many: expected a number of CPUs, bringing up all of them" in con.log
    assert "smp: Brought up 1 node, 2 CPUs\n" in con.log


def test_cpu_that_does_not_answer_is_skipped(boot):
    # the DT's fourth CPU claims MPIDR 7: released from the pen, nobody comes
    con = boot(mem="256M", smp=4, dtb=os.path.join(DTB_DIR, "cpu-missing.dtb"))
    log = con.log
    assert "CPU2: thread -1, cpu 2, socket 0, mpidr 80000002\n" in log
    assert "CPU3: failed to boot: -38\n" in log
    assert "smp: Brought up 1 node, 3 CPUs\n" in log
    assert con.run("cat /proc/cpuinfo").count("processor\t:") == 3
    assert "on: CPU 3 is not online; online: 0,1,2" in con.run("on 3 version")
    out = con.run("selftest", timeout=120)
    assert re.search(r"^ok \d+ smp$", out, re.M), out
    assert "stress: PASS" in con.run("stress 1", timeout=STRESS_TIMEOUT)


def test_oops_names_its_cpu(boot):
    con = boot(mem="256M", smp=4)
    out = con.run("on 2 fault null")
    assert "Internal error: section translation fault: 5 [#1] SMP ARM" in out
    # `on 2` runs the command in CPU 2's worker: the oops names that task
    assert re.search(r"CPU: 2 PID: \d+ Comm: kworker/2:0 Not tainted 0\.1 #1\n", out), out
    assert "Hardware name: ARM-Versatile Express\n" in out
    assert "fault null: taken, reported above; back in the shell" in out
    out = con.run("on 3 fault undef")
    assert re.search(r"CPU: 3 PID: \d+ Comm: kworker/3:0 Tainted: G +D +0\.1 #1\n", out), out
    assert "CPU: 0 PID: 1 Comm: init" in con.run("fault null")


DEBUG_SPINLOCK = "console=ttyAMA0 loglevel=8 debug_spinlock=on"


def test_panic_on_one_cpu_stops_the_others(boot):
    con = boot(mem="256M", smp=4, append=DEBUG_SPINLOCK)
    con.send("on 2 spinlock recursion\r")
    con.expect(r"Kernel panic - not syncing: spinlock recursion: demo_lock")
    con.expect(r"---\[ end Kernel panic")
    log = con.log
    # `on 2` runs in CPU 2's worker: the reports name that task, "comm/pid"
    assert re.search(r"BUG: spinlock recursion on CPU#2, kworker/2:0/\d+\n", log), log
    assert re.search(r"\.owner: kworker/2:0/\d+, \.owner_cpu: 2, taken at do_spinlock\+", log)
    for cpu in (0, 1, 3):
        assert f"CPU{cpu}: stopping\n" in log
    assert "CPU2: stopping" not in log and "failed to stop" not in log


def test_spinlock_lockup_and_wrong_owner_reports(boot):
    con = boot(mem="256M", smp=2, append=DEBUG_SPINLOCK)
    out = con.run("spinlock lockup", timeout=60)
    assert "BUG: spinlock lockup suspected on CPU#0, init/1\n" in out
    assert re.search(r" lock: demo_lock, \.magic: dead4ead, \.owner: kworker/1:0/\d+, "
                     r"\.owner_cpu: 1, taken at demo_hold_fn\+", out), out
    assert "spinlock lockup: got it after CPU1 let go" in out
    out = con.run("spinlock wrong-owner")
    assert "BUG: spinlock wrong owner on CPU#0, init/1\n" in out
    assert ".owner_cpu: 1, taken at demo_lock_fn+" in out
    # the lock still works after both
    assert "got it after" in con.run("spinlock lockup", timeout=60)
    assert "unknown kind" in con.run("spinlock sideways")


def test_spinlock_checks_are_off_by_default(boot):
    """Without debug_spinlock=on (Linux without CONFIG_DEBUG_SPINLOCK) a lock
    records no owner: the reports that need one are refused, not faked; a
    lockup is still reported, without the owner."""
    con = boot(mem="256M", smp=2)
    for kind in ("recursion", "wrong-owner", "unlocked"):
        assert (f"spinlock {kind}: the checks are off: boot with debug_spinlock=on"
                in con.run(f"spinlock {kind}"))
    out = con.run("spinlock lockup", timeout=60)
    assert "BUG: spinlock lockup suspected on CPU#0, init/1\n" in out   # the shell's task
    assert " lock: demo_lock, .owner: not recorded (boot with debug_spinlock=on)\n" in out
    assert "spinlock lockup: got it after CPU1 let go" in out
    assert "unknown kind" in con.run("spinlock sideways")


def test_debug_spinlock_bad_value(boot):
    con = boot(mem="128M", smp=1, append="console=ttyAMA0 loglevel=8 debug_spinlock=maybe")
    assert "debug_spinlock=maybe: expected on or off, ignored" in con.log
    assert "the checks are off" in con.run("spinlock recursion")


def test_spinlock_reports_need_two_cpus(boot):
    con = boot(mem="128M", smp=1)
    assert "spinlock lockup: needs a second CPU online" in con.run("spinlock lockup")


@pytest.mark.parametrize("how", ["poweroff", "on 3 poweroff"])
def test_poweroff_stops_the_other_cpus_first(boot, how):
    con = boot(mem="256M", smp=4)
    con.send(f"{how}\r")
    con.expect("reboot: Power down")
    assert con.wait_exit() == 0
    assert "SMP: 3 other CPUs stopped" in con.log
    assert "stopping" not in con.log  # quietly: the system is going down


@pytest.mark.parametrize("smp,extra", [(1, ()), (4, ()), (4, ICOUNT)],
                         ids=["smp1", "smp4", "smp4-icount"])
def test_smp_selftest_suite(boot, smp, extra):
    con = boot(mem="1024M", smp=smp, extra=extra, timeout=120)  # with HighMem: kmap
    out = con.run("selftest", timeout=180)
    assert re.search(r"^ok \d+ smp$", out, re.M), out
    assert "not ok" not in out, out
    skipped = re.findall(r"    ok \d+ (\w+) # SKIP one CPU online", out)
    if smp == 1:
        assert set(skipped) == {"smp_ipis_are_delivered", "smp_tlb_shootdown_reaches_every_cpu",
                                "smp_idle_cpus_wait_in_wfi", "smp_ticket_lock_keeps_count",
                                "smp_completion_done_waits_for_complete",
                                "sched_completion_done_waits_for_complete"}, out
    else:
        assert not skipped, out
