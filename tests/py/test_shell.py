# SPDX-License-Identifier: GPL-2.0
"""The serial shell: line editing, history, completion and its commands."""
import re
import subprocess

import pytest

from conftest import PROMPT, UART0_PHYS, VMLINUX, uart_va

UP, DOWN, RIGHT = "\x1b[A", "\x1b[B", "\x1b[C"


def test_history_up_and_down(boot):
    con = boot(mem="128M")
    con.run("version")
    con.run("uptime")
    # up, up, down: back to the newer one, "uptime"
    con.send(UP + UP + DOWN + "\r")
    assert re.search(r"up \d+\.\d\d s", con.wait_prompt())
    # history is now version, uptime (not stored twice): up twice is "version"
    con.send(UP + UP + "\r")
    assert "a9mm version" in con.wait_prompt()
    # down past the newest brings back what was typed before browsing
    con.send("vers" + UP + DOWN + "ion\r")
    assert "a9mm version" in con.wait_prompt()


def test_unsupported_keys_ignored_lone_escape_refused(boot):
    con = boot(mem="128M")
    con.send("vers" + RIGHT + "ion\r")
    assert "a9mm version" in con.wait_prompt()
    con.send("\x1bXversion\r")
    assert "line refused: it contained control or non-ASCII bytes" in con.wait_prompt()


@pytest.mark.parametrize("seq", ["\x1b", "\x1b[", "\x1b[1;5"])
def test_unfinished_escape_still_ends_the_line(boot, seq):
    """Enter inside an escape sequence ends the line (refused), never swallowed."""
    con = boot(mem="128M")
    con.send("version" + seq + "\r")
    assert "line refused: it contained control or non-ASCII bytes" in con.wait_prompt()
    assert "a9mm version" in con.run("version")


def test_backspace_ctrl_u_and_ctrl_c(boot):
    con = boot(mem="128M")
    con.send("versionx\x7f\r")              # DEL erases the x
    assert "a9mm version" in con.wait_prompt()
    con.send("versionxy\x08\x08\r")          # so does ^H
    assert "a9mm version" in con.wait_prompt()
    con.send("poweroff\x15version\r")         # ^U erases the whole line
    assert "a9mm version" in con.wait_prompt()
    con.send("poweroff\x03")                  # ^C drops it: nothing runs
    out = con.wait_prompt()
    assert "^C" in out
    assert "a9mm version" in con.run("version")   # and QEMU is still up


def test_tab_completes_unique_and_lists_several(boot):
    con = boot(mem="128M")
    con.send("vers\t\r")            # unique: completed with a space
    assert "a9mm version" in con.wait_prompt()
    con.send("m\t")                 # md, memblock: listed, prompt redrawn
    listing = con.wait_prompt()
    assert re.search(r"\bmd\b", listing) and "memblock" in listing
    con.send("emb\t\r")             # line is now "memb" -> "memblock "
    assert "MEMBLOCK configuration:" in con.wait_prompt()


def test_help_lists_every_command_with_description(boot):
    con = boot(mem="128M")
    out = con.run("help")
    for cmd in ("help", "poweroff", "reboot", "version", "uptime", "dmesg", "memblock",
                "md", "fault", "selftest"):
        assert re.search(rf"^  {cmd} +\S.+$", out, re.M), (cmd, out)


@pytest.mark.parametrize("cmd", ["uptime x", "poweroff now", "reboot 1", "version -v",
                                 "layout all", "drain all", "extfrag 3"])
def test_commands_without_arguments_refuse_them(boot, cmd):
    con = boot(mem="128M")
    name = cmd.split()[0]
    assert con.run(cmd) == f"{name}: takes no arguments\n"
    assert "a9mm version" in con.run("version")      # still up, not rebooted


def test_selftest_runs_the_suites_named_and_refuses_unknown_ones(boot):
    con = boot(mem="128M", smp=1)
    out = con.run("selftest traps paging")
    assert re.search(r"^KTAP version 1\n1\.\.2\n", out, re.M), out
    assert re.search(r"^ok 1 traps$", out, re.M) and re.search(r"^ok 2 paging$", out, re.M), out
    assert "# selftest: 2 suites, 0 failed" in out and "Subtest: page_alloc" not in out
    out = con.run("selftest traps nosuch")
    assert "selftest: no suite 'nosuch'; the suites are: traps " in out and "vmalloc" in out
    assert "KTAP" not in out                          # nothing ran


def dump_regions(text, kind):
    return [(int(a, 16), int(b, 16)) for a, b in re.findall(
        rf" {kind}\[0x[0-9a-f]+\]\t\[0x([0-9a-f]{{8}})-0x([0-9a-f]{{8}})\]", text)]


def test_memblock_command_matches_boot_dump(boot):
    con = boot(mem="512M", append="console=ttyAMA0 loglevel=8 memblock=debug")
    boot_dump = con.log[con.log.index("MEMBLOCK configuration:"):]
    out = con.run("memblock")
    assert out.startswith("MEMBLOCK configuration:\n")
    # RAM is what it was; reservations only grew (page tables, mem_map...)
    assert dump_regions(out, "memory") == dump_regions(boot_dump, "memory")
    now = dump_regions(out, "reserved")
    for base, end in dump_regions(boot_dump[:boot_dump.index("a9mm> ")], "reserved"):
        assert any(b <= base and end <= e for b, e in now), (hex(base), now)


def test_dmesg_has_what_loglevel_hid(boot):
    con = boot(mem="128M", append="console=ttyAMA0 loglevel=1")
    assert "Machine model" not in con.log
    out = con.run("dmesg")
    assert "Machine model: V2P-CA9" in out
    assert "Kernel command line: console=ttyAMA0 loglevel=1" in out


def test_md_reads_text_and_refuses_what_it_must(boot):
    con = boot(mem="256M")
    out = con.run("md 0xc0010000 6")
    lines = out.splitlines()
    assert lines[0].startswith("c0010000: ") and lines[1].startswith("c0010010: ")
    assert len(lines[0].split()) >= 5 and len(lines[1].split()[1:3]) == 2
    # the same words as gdb would see: the first is stext's first instruction
    assert re.match(r"c0010000: [0-9a-f]{8} [0-9a-f]{8} [0-9a-f]{8} [0-9a-f]{8} ", lines[0])
    assert "md: 0x00000000 is not mapped" in con.run("md 0")
    va = uart_va(con)  # the console's registers, ioremap()ped
    assert f"md: 0x{va:08x} maps PA 0x{UART0_PHYS:08x}, which is not RAM" in con.run(f"md {va:#x}")
    assert "not word aligned" in con.run("md 0xc0010002")
    assert "'zz' is not a number" in con.run("md zz")
    assert "WORDS must be 1..1024" in con.run("md 0xc0010000 0")
    assert "wraps past 0xffffffff" in con.run("md 0xfffffff0 8")
    assert "usage: md ADDR [WORDS]" in con.run("md")


def kernel_symbol(name):
    out = subprocess.run(["arm-none-eabi-nm", VMLINUX], capture_output=True, text=True,
                         check=True).stdout
    return int(re.search(rf"^([0-9a-f]{{8}}) \w {re.escape(name)}$", out, re.M).group(1), 16)


def first_unmapped_va(log):
    """End of the kernel's linear mapping: the lowmem line once paging_init
    has run, else head.S's sections, which end at _end rounded up to 1 MiB."""
    m = re.search(r"lowmem  : 0xc0000000 - 0x([0-9a-f]{8})", log)
    if m:
        return int(m.group(1), 16)
    return (kernel_symbol("_end") + (1 << 20) - 1) & ~((1 << 20) - 1)


def test_md_stops_at_unmapped_page(boot):
    con = boot(mem="256M")
    end = first_unmapped_va(con.log)
    out = con.run(f"md {end - 8:#x} 4")
    lines = out.splitlines()
    assert lines[0].startswith(f"{end - 8:08x}: ")
    assert len(lines[0].split()) >= 3  # the two mapped words were shown
    assert f"md: {end:#010x} is not mapped" in lines[1]


@pytest.mark.parametrize("kind,report", [
    ("null", r"Unable to handle kernel NULL pointer dereference at virtual address 00000000\n"
             r"DFSR = 0x[0-9a-f]{8}: FS=0b0[01]101 \((section|page) translation fault\)"),
    ("xn", r"Unable to handle kernel instruction fetch at virtual address {uart}\n"
           r"IFSR = 0x[0-9a-f]{{8}}: FS=0b0[01]1[01]1 \((section|page) permission fault\)"),
    ("undef", r"Internal error: undefined instruction e7f000f0 at pc c0[0-9a-f]{6}"),
    ("align", r"DFSR = 0x00000001: FS=0b00001 \(alignment exception\)"),
])
def test_fault_is_decoded_and_shell_survives(boot, kind, report):
    con = boot(mem="128M")
    if kind == "xn":  # the console's registers, where ioremap() put them
        report = report.format(uart=f"{uart_va(con):08x}")
    out = con.run(f"fault {kind}")
    assert re.search(report, out), out
    assert re.search(r"pc : \[<[0-9a-f]{8}>\]", out)
    # kallsyms names the code: the faulting function, called from fault_try
    # (xn jumps to an I/O address: no symbol there, and LR is the jumper's)
    if kind != "xn":
        assert re.search(rf"PC is at fault_{kind}\+0x[0-9a-f]+/0x[0-9a-f]+\n", out), out
        assert re.search(r"LR is at fault_try\+0x[0-9a-f]+/0x[0-9a-f]+\n", out), out
    assert f"fault {kind}: taken, reported above; back in the shell" in out
    # and the kernel still works
    assert "a9mm version" in con.run("version")


def test_fault_ro_without_rodata_is_harmless(boot):
    con = boot(mem="128M")
    out = con.run("fault ro")
    assert "no fault" in out or "taken" in out
    assert "a9mm version" in con.run("version")


def test_fault_bad_kind(boot):
    con = boot(mem="128M")
    out = con.run("fault bogus")
    assert "fault: unknown kind 'bogus'" in out
    assert "usage: fault null|ro|xn|undef|align" in out


def test_selftest_command_reports_ktap(boot):
    con = boot(mem="256M")
    out = con.run("selftest", timeout=60)
    assert out.lstrip().startswith("KTAP version 1")
    n = int(re.search(r"^1\.\.(\d+)$", out, re.M).group(1))
    assert len(re.findall(r"^ok \d+ \S+$", out, re.M)) == n
    assert "not ok" not in out
    assert "# selftest: " in out and ", 0 failed" in out


def test_selftest_on_command_line_runs_at_boot(boot):
    con = boot(mem="256M", append="console=ttyAMA0 selftest")
    assert "# Subtest: traps" in con.log
    assert re.search(r"# selftest: \d+ suites?, 0 failed", con.log)
    assert con.log.rindex("# selftest") < len(con.log)
    assert PROMPT not in con.log[:con.log.index("KTAP version 1")]


def test_cat_cmdline_of_the_longest_command_line(boot):
    head = "console=ttyAMA0 loglevel=8 a9mm.pad="
    append = head + "x" * (1023 - len(head))       # COMMAND_LINE_SIZE - 1
    con = boot(mem="128M", append=append)
    out = con.run("cat /proc/cmdline")
    assert out == append + "\n", out[-40:]


def test_cat_iomem_cmdline_and_bad_paths(boot):
    append = "console=ttyAMA0 loglevel=8 mem=512M"
    con = boot(mem="1024M", append=append)
    assert con.run("cat /proc/cmdline").strip() == append
    io = con.run("cat /proc/iomem")
    assert "10009000-10009fff : uart-pl011" in io
    assert "60000000-7fffffff : System RAM" in io  # mem=512M
    s = symbols_of("_text", "_etext")
    assert f"  {s['_text'] - 0xc0000000 + 0x60000000:08x}-" \
           f"{s['_etext'] - 0xc0000000 + 0x60000000 - 1:08x} : Kernel code" in io
    assert "cat: /proc/nope: No such file or directory" in con.run("cat /proc/nope")
    assert "cat: ../../etc/passwd: No such file or directory" in con.run("cat ../../etc/passwd")
    assert "usage: cat /proc/" in con.run("cat")


def test_numbers_too_big_for_a_long_are_refused(boot):
    """a pid or signal past 2^31: refused in words -- the C library's
    strtol() these once went through set errno (thread-local storage the
    kernel has not) and the kernel died of a NULL pointer"""
    con = boot(mem="64M", smp=1)
    assert "cat: /proc/99999999999/status: No such file or directory" in \
        con.run("cat /proc/99999999999/status")
    assert "kill: 99999999999: arguments must be process IDs" in con.run("kill 99999999999")
    assert "kill: -99999999999: invalid signal specification" in \
        con.run("kill -99999999999 1")
    assert re.search(r"reclaim: '99999999999': a number of pages, 1 to \d+",
                     con.run("reclaim 99999999999"))
    assert "Name:\tinit" in con.run("cat /proc/1/status")


def symbols_of(*names):
    return {n: kernel_symbol(n) for n in names}
