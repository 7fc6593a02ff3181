# SPDX-License-Identifier: GPL-2.0
"""The checks that keep the code teaching: scripts/check-kerneldoc.py.

Each check runs on the tree (which must pass) and on a small file written
here with the faults it must find, so a check that stopped looking would
fail this test.
"""
import os
import subprocess
import sys

from conftest import ROOT

KERNELDOC = os.path.join(ROOT, "scripts", "check-kerneldoc.py")


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
