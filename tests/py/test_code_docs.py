# SPDX-License-Identifier: GPL-2.0
"""The checks that keep the code teaching: scripts/check-kerneldoc.py and
scripts/linux-map.py (docs/linux-map.md against the code).

Each check runs on the tree (which must pass) and on a small file written
here with the faults it must find, so a check that stopped looking would
fail this test.
"""
import os
import subprocess
import sys

from conftest import ROOT

KERNELDOC = os.path.join(ROOT, "scripts", "check-kerneldoc.py")
LINUXMAP = os.path.join(ROOT, "scripts", "linux-map.py")
MAP = os.path.join(ROOT, "docs", "linux-map.md")


def run(*args):
    return subprocess.run([sys.executable, *args], cwd=ROOT, capture_output=True, text=True)


def test_every_kernel_function_has_kernel_doc():
    r = run(KERNELDOC)
    assert r.returncode == 0, r.stdout + r.stderr


def test_kernel_doc_check_finds_what_is_missing(tmp_path):
    src = tmp_path / "faults.c"
    src.write_text("""
/**
 * good() - documented in full
 * @a: a number
 * @print: an output
 * @...: its arguments
 *
 * Return: 0.
 */
int good(int a, int (*print)(const char *fmt, ...), ...)
{
	return 0;
}

/* an ordinary comment is not a contract */
int plain(void)
{
	return 0;
}

/**
 * wrong_name() - the first line names another function
 * @x: unused
 */
void named(int x)
{
}

/**
 * no_return() - returns a value it does not describe
 * @p: described
 */
char *__init no_return(char *p, unsigned long q[4])
{
	return p;
}

static int private_helper(int a)
{
	return a;
}

/**
 * quiet() - void needs no Return:
 */
void __init quiet(void)
{
}
""")
    r = run(KERNELDOC, str(src))
    assert r.returncode == 1
    out = r.stdout
    assert "good()" not in out and "quiet()" not in out and "private_helper" not in out
    assert "plain(): no kernel-doc comment" in out
    assert 'named(): the comment must start "named() - what it does"' in out
    assert "no_return(): parameter q is not described (@q:)" in out
    assert "no_return(): returns char *__init but has no Return: section" in out
    assert len(out.splitlines()) == 4, out


def test_linux_map_matches_the_code():
    r = run(LINUXMAP, "--check")
    assert r.returncode == 0, r.stdout + r.stderr


def test_linux_map_check_sees_a_stale_map_and_rewrite_keeps_the_notes(tmp_path):
    doc = open(MAP).read()
    row = next(l for l in doc.splitlines() if l.startswith("| `__free_one_page` | `mm/page_alloc.c`"))
    noted = next(l for l in doc.splitlines() if l.startswith("| `memblock_alloc_base` |"))
    assert "@" not in row and row.endswith("| v3.14 |  |")   # the version is its own column
    assert noted.split("|")[5].strip()                       # a hand-written note

    stale = tmp_path / "linux-map.md"
    for broken in (doc.replace(row + "\n", ""),                       # a twin left out
                   doc.replace(row, row.replace("v3.14", "v4.14")),    # a wrong version
                   doc.replace(noted, noted.replace("mm/memblock.c:", "mm/nobootmem.c:"))):
        stale.write_text(broken)
        r = run(LINUXMAP, "--check", "--doc", str(stale))
        assert r.returncode == 1, broken
        assert "does not match the code" in r.stderr

    stale.write_text(doc.replace(row + "\n", ""))
    assert run(LINUXMAP, "--doc", str(stale)).returncode == 0
    assert stale.read_text() == doc                                  # row back, notes kept
