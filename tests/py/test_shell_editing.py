# SPDX-License-Identifier: GPL-2.0
"""The shell's line editor (kernel/readline.c), `help CMD` and Tab completion.

What the terminal shows is checked too: the editor keeps the screen in
step with printing and backspaces alone, so a few lines of terminal
emulation here replay the echo and must show the line that ran.
"""
import re

import pytest
LEFT, RIGHT, UP = "\x1b[D", "\x1b[C", "\x1b[A"
HOMES = ["\x1b[H", "\x1b[1~", "\x1b[7~", "\x1bOH"]
ENDS = ["\x1b[F", "\x1b[4~", "\x1b[8~", "\x1bOF"]
DELETE = "\x1b[3~"


def screen(echo):
    """The line a terminal shows after `echo` (printable bytes and backspaces)."""
    cells, col = [], 0
    for ch in echo:
        if ch == "\b":
            col = max(0, col - 1)
        elif ch >= " ":
            if col == len(cells):
                cells.append(ch)
            else:
                cells[col] = ch
            col += 1
    return "".join(cells).rstrip()


def typed(con, keys):
    """Send `keys` then Enter; return (what the terminal shows, the output)."""
    con.send(keys + "\r")
    out = con.wait_prompt()
    echo, _, rest = out.partition("\n")
    return screen(echo), rest


@pytest.fixture
def shell(boot):
    return boot(mem="128M")


def test_left_then_insert(shell):
    # the example: uptme, Left Left, i -> uptime (not uptmei)
    line, out = typed(shell, "uptme" + LEFT * 2 + "i")
    assert line == "uptime", line
    assert re.search(r"^up \d+\.\d\d s", out), out


def test_insert_redraws_the_rest(shell):
    line, out = typed(shell, "vrsion" + LEFT * 5 + "e")
    assert line == "version" and "a9mm version" in out, (line, out)


@pytest.mark.parametrize("home,end", list(zip(HOMES, ENDS)))
def test_home_end_delete(shell, home, end):
    # Home, Delete the stray x, End, type the rest
    line, out = typed(shell, "xvers" + home + DELETE + end + "ion")
    assert line == "version" and "a9mm version" in out, (line, out)


def test_backspace_and_delete_in_the_middle(shell):
    # "verzsion": Left x4 puts the cursor after z; backspace removes it
    line, out = typed(shell, "verzsion" + LEFT * 4 + "\x7f")
    assert line == "version" and "a9mm version" in out, (line, out)
    # Delete under the cursor, the tail redrawn and the old last cell blanked
    line, out = typed(shell, "verssion" + LEFT * 4 + DELETE)
    assert line == "version" and "a9mm version" in out, (line, out)


def test_cursor_stays_inside_the_line(shell):
    # Left past the start and Right past the end do nothing
    line, out = typed(shell, "ersion" + LEFT * 9 + "v" + RIGHT * 12)
    assert line == "version" and "a9mm version" in out, (line, out)


def test_history_line_is_editable(shell):
    shell.run("version")
    line, out = typed(shell, UP + HOMES[0] + "x")
    assert line == "xversion", line
    assert "unknown command 'xversion'" in out


def test_ctrl_u_in_the_middle_and_ctrl_c(shell):
    line, out = typed(shell, "poweroff" + LEFT * 3 + "\x15" + "version")
    assert line == "version" and "a9mm version" in out, (line, out)
    shell.send("pow" + LEFT + "\x03")
    assert "^C" in shell.wait_prompt()
    assert "a9mm version" in shell.run("version")


def test_help_shows_each_commands_syntax(shell):
    out = shell.run("help")
    assert re.search(r"^  alloc ORDER \[highmem\|movable\|reclaimable\|atomic\|cold\|zero\]\.\.\.$",
                     out, re.M), out
    assert re.search(r"^  fault null\|ro\|xn\|undef\|align +take an exception", out, re.M), out
    assert re.search(r"^  free PFN ORDER +free a block", out, re.M), out
    assert re.search(r"^  drain +give every CPU's per-cpu pages back", out, re.M), out
    names = re.findall(r"^  ([a-z]+)\b", out, re.M)
    assert names == sorted(names) and len(names) >= 18, names


def test_help_cmd_says_usage_and_linux_code_for_every_command(shell):
    names = re.findall(r"^  ([a-z]+)\b", shell.run("help"), re.M)
    for name in names:
        out = shell.run(f"help {name}")
        assert out.startswith(f"usage: {name}"), out
        assert "Linux code it exercises:\n  " in out, (name, out)
    out = shell.run("help alloc")
    assert "buffered_rmqueue()" in out and "__rmqueue_fallback()" in out, out
    assert "drain_all_pages()" in shell.run("help drain")
    assert "kmap_high(), page_address()" in shell.run("help kmap")
    assert "help: no command 'frob'" in shell.run("help frob")
    assert "usage: help [CMD]" in shell.run("help a b")


@pytest.mark.parametrize("keys,line", [
    ("cat /proc/bu\t", "cat /proc/buddyinfo "),
    ("cat \tz\t", "cat /proc/zoneinfo "),                 # "/proc/" first: common prefix
    ("fault n\t", "fault null "),
    ("alloc 0 mov\t", "alloc 0 movable "),
    ("alloc 0 movable z\t", "alloc 0 movable zero "),
    ("he\t", "help "),
    ("help dra\t", "help drain "),
    ("help dro\t", "help drop_caches "),
    ("pgwalk 0xc\t", "pgwalk 0xc"),                        # a number: nothing to complete
    ("alloc mov\t", "alloc mov"),                          # ORDER is not a word
    ("spinlock wr\t", "spinlock wrong-owner "),
    ("on 2 cat /proc/zo\t", "on 2 cat /proc/zoneinfo "),   # on CPU: the command's words
    ("on 1 allocb\t", "on 1 allocbench "),
])
def test_tab_completes_words(shell, keys, line):
    # Ctrl-C drops the line after moving to its end: the screen shows it, then ^C
    shell.send(keys + "\x03")
    echo = shell.wait_prompt().split("\n")[0]
    assert screen(echo) == line + "^C", (keys, echo)


def test_tab_completion_runs(shell):
    _, out = typed(shell, "cat /proc/bu\t")
    assert re.search(r"^Node 0, zone   Normal", out, re.M), out
    _, out = typed(shell, "fault und\t")
    assert "fault undef: taken" in out, out


def test_tab_lists_several_words_and_redraws(shell):
    shell.send("fault \t")
    listing = shell.wait_prompt()
    assert re.search(r"null +ro +xn +undef +align", listing), listing
    # the prompt came back with the line as it was: finish it
    shell.send("align\r")
    assert "fault align: taken" in shell.wait_prompt()
    shell.send("cat /proc/\t")
    listing = shell.wait_prompt()
    for f in ("buddyinfo", "pagetypeinfo", "zoneinfo", "meminfo", "iomem", "cmdline"):
        assert f"/proc/{f}" in listing, listing
    shell.send("\x15")
    shell.send("help dr\t")                 # a command's name: drain and drop_caches
    assert re.search(r"\bdrain +drop_caches\b", shell.wait_prompt())
    shell.send("\x15")
    assert "a9mm version" in shell.run("version")
