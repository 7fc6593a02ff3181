# SPDX-License-Identifier: GPL-2.0
"""debug_pagealloc=on|off: every page of every block checked, at boot too."""
import re


def test_debug_pagealloc_on_boots_the_same_and_passes_selftest(boot):
    plain = boot(mem="1024M", smp=1)
    debug = boot(mem="1024M", smp=1, append="console=ttyAMA0 loglevel=8 debug_pagealloc=on")
    # the same memory, whichever way it was freed
    for con in (plain, debug):
        assert "BUG: Bad page state" not in con.log
    memory = [re.search(r"^Memory: .*$", c.log, re.M).group(0) for c in (plain, debug)]
    assert memory[0] == memory[1]
    assert plain.run("cat /proc/buddyinfo") == debug.run("cat /proc/buddyinfo")
    out = debug.run("selftest", timeout=120)
    assert re.search(r"# selftest: \d+ suites?, 0 failed", out), out


def test_debug_pagealloc_refuses_other_values(boot):
    con = boot(mem="128M", smp=1, append="console=ttyAMA0 loglevel=8 debug_pagealloc=yes")
    assert "debug_pagealloc=yes: expected on or off, ignored" in con.log
