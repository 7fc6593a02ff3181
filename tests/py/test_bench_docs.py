# SPDX-License-Identifier: GPL-2.0
"""make bench writes build/bench.md; only make bench-readme touches README.md."""
import os
import shutil
import subprocess

from conftest import ROOT


def tree(tmp_path):
    """scripts/bench.py and README.md in a scratch tree shaped like the repo's."""
    (tmp_path / "scripts").mkdir()
    shutil.copy(os.path.join(ROOT, "scripts", "bench.py"), tmp_path / "scripts")
    shutil.copy(os.path.join(ROOT, "README.md"), tmp_path / "README.md")
    return tmp_path


def readme(tmp_path):
    return subprocess.run(["/usr/bin/python3", str(tmp_path / "scripts" / "bench.py"),
                           "--readme"], capture_output=True, text=True, timeout=60)


def test_bench_readme_copies_build_bench_md(tmp_path):
    t = tree(tmp_path)
    before = (t / "README.md").read_text()
    res = readme(t)
    assert res.returncode != 0 and "build/bench.md is missing: run 'make bench' first" \
        in res.stderr, res.stderr
    (t / "build").mkdir()
    (t / "build" / "bench.md").write_text("garbage\n")
    res = readme(t)
    assert res.returncode != 0 and "is not a bench table" in res.stderr
    assert (t / "README.md").read_text() == before          # refusals change nothing
    table = ("| what | a9mm | physical limit (approx.) | target | Linux 6.1 |\n"
             "| --- | --- | --- | --- | --- |\n| x | 42 | 1 | <= 2 | 3 |\n")
    (t / "build" / "bench.md").write_text(table)
    res = readme(t)
    assert res.returncode == 0, res.stderr
    after = (t / "README.md").read_text()
    head, rest = before.split("<!-- bench:begin -->", 1)
    tail = rest.split("<!-- bench:end -->", 1)[1]
    assert after == f"{head}<!-- bench:begin -->\n{table}<!-- bench:end -->{tail}"


def test_measuring_never_opens_the_readme():
    src = open(os.path.join(ROOT, "scripts", "bench.py")).read()
    measure = src.split("def measure(", 1)[1].split("\ndef ", 1)[0]
    assert "open(README" not in measure and "open(RESULTS, \"w\")" in measure
