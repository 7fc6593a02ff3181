# SPDX-License-Identifier: GPL-2.0
"""Boot, banner, console and power-off: the foundation (issue 2)."""
import re

import pytest

from conftest import DEFAULT_APPEND, DTB_DIR


@pytest.mark.parametrize("mem,smp", [("128M", 1), ("512M", 4), ("1024M", 1), ("1024M", 4)])
def test_boots_to_prompt(boot, mem, smp):
    con = boot(mem=mem, smp=smp)
    log = con.log
    assert "Booting Linux on physical CPU 0x0" in log
    assert re.search(r"a9mm version \S+ \(arm-none-eabi-gcc version [^)]+\)", log)
    assert "Machine model: V2P-CA9" in log
    assert f"Kernel command line: {DEFAULT_APPEND}\n" in log
    # Linux's SMP bring-up lines, one per CPU the SCU (QEMU's -smp) has
    plural = "s" if smp > 1 else ""
    assert "CPU0: thread -1, cpu 0, socket 0, mpidr 80000000\n" in log
    assert "smp: Bringing up secondary CPUs ...\n" in log
    for cpu in range(1, smp):
        assert f"CPU{cpu}: thread -1, cpu {cpu}, socket 0, mpidr 8000000{cpu}\n" in log
    assert f"CPU{smp}: thread" not in log
    assert f"smp: Brought up 1 node, {smp} CPU{plural}\n" in log


def test_poweroff_exits_qemu_cleanly(boot):
    con = boot(mem="256M", smp=4)
    con.send("poweroff\r")
    con.expect("reboot: Power down")
    assert con.wait_exit() == 0


def test_reboot_resets_board(boot):
    # -no-reboot makes QEMU exit on a board reset instead of restarting.
    con = boot(mem="128M", smp=1)
    con.send("reboot\r")
    con.expect("reboot: Restarting system")
    assert con.wait_exit() == 0


def test_command_line_arrives_verbatim(boot):
    append = 'console=ttyAMA0 loglevel=7 a9mm.test="two words"'
    con = boot(append=append)
    assert f"Kernel command line: {append}\n" in con.log
    assert 'Unknown kernel command line parameters "a9mm.test=two words"' in con.log


def test_loglevel_filters_console_not_log(boot):
    # loglevel=1 shows only KERN_EMERG on the console: the banner (NOTICE)
    # and "Machine model" (INFO) disappear, the shell still answers.
    con = boot(append="console=ttyAMA0 loglevel=1")
    assert "Machine model" not in con.log
    assert "help" in con.run("help")


def test_ignore_loglevel_shows_everything(boot):
    con = boot(append="console=ttyAMA0 loglevel=1 ignore_loglevel")
    assert "Machine model" in con.log              # INFO, above loglevel=1
    assert "On node 0 totalpages" in con.log       # DEBUG too


def test_bad_loglevel_is_reported(boot):
    con = boot(append="console=ttyAMA0 loglevel=banana")
    assert "loglevel=banana: expected a number 0..15" in con.log


@pytest.mark.parametrize("arg", ["console=ttyS0", "console=ttyAMA1,115200n8", "console="])
def test_console_other_than_ttyama0_is_reported_and_kept(boot, arg):
    con = boot(append=f"{arg} loglevel=8")
    assert f"{arg}: the only console is ttyAMA0 (PL011 uart0), keeping it\n" in con.log
    assert "Unknown kernel command line parameters" not in con.log
    assert "help" in con.run("help")


def test_console_options_accepted(boot):
    con = boot(append="console=ttyAMA0,115200n8 loglevel=8")
    assert "the only console" not in con.log
    assert "Unknown kernel command line parameters" not in con.log


def test_printk_time_prefix(boot):
    con = boot(append="console=ttyAMA0 printk.time=1")
    assert re.search(r"\[\s+\d+\.\d{6}\] Kernel command line:", con.log)


STAMP = re.compile(r"^\[ {0,4}\d+\.\d{6}\] ")


def stamps(lines):
    return [float(STAMP.match(line).group(0).strip("[] ")) for line in lines]


def test_printk_time_stamps_every_line(boot):
    """Linux stamps every record when it is made: the lines logged before
    parse_early_param() read printk.time=1 too, and each line of a record
    that spans several (the layout); the stamps never go backwards."""
    con = boot(mem="512M", append="console=ttyAMA0 loglevel=8 printk.time=1 mminit_loglevel=4")
    boot_log = con.log[:con.log.index("\nType 'help'")]
    lines = [line for line in boot_log.splitlines() if line]
    bare = [line for line in lines if not STAMP.match(line)]
    assert not bare, bare
    assert any("OF: fdt: dt_root_size_cells" in line for line in lines)
    assert any(re.match(r"^\[.*\]     vector  : 0xffff0000", line) for line in lines)
    times = stamps(lines)
    assert times == sorted(times), times
    # the layout block is one record: one time for all its lines
    start = next(i for i, line in enumerate(lines) if "Virtual kernel memory layout:" in line)
    assert len(set(times[start:start + 11])) == 1, lines[start:start + 11]
    # dmesg prints the same records the same way
    out = con.run("dmesg")
    assert [line for line in out.splitlines() if line][:len(lines)] == lines


def test_printk_time_off_by_default_in_dmesg_too(boot):
    con = boot(mem="256M")
    assert not [line for line in con.run("dmesg").splitlines() if STAMP.match(line)]


def test_shell_help_and_unknown_command(boot):
    con = boot(mem="256M")
    out = con.run("help")
    for cmd in ("help", "poweroff", "reboot", "version"):
        assert re.search(rf"^\s+{cmd}\s+\S", out, re.M), out
    assert "unknown command 'frobnicate'" in con.run("frobnicate now")


def test_shell_rejects_garbage_and_long_lines(boot):
    con = boot(mem="256M")
    con.send("he\x01\x02\xff\xfelp\r")
    con.expect("line refused: it contained control or non-ASCII bytes")
    con.wait_prompt()
    con.send("x" * 400 + "\r")
    con.expect("line refused: longer than 255 characters")
    con.wait_prompt()
    assert "a9mm version" in con.run("version")


def test_no_dtb_gives_clear_error(boot):
    # Without -dtb QEMU passes ATAGs in r2: the magic check must say so.
    con = boot(mem="256M", dtb=None, prompt=False)
    con.expect(r"Error: invalid device tree blob at physical address 0x60000100 \(r2\): "
               r"no FDT magic \(0xd00dfeed\) there; ATAGs\?")
    con.expect("Kernel panic - not syncing: no usable device tree")
