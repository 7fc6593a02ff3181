"""Tasks and the scheduler (issue 16, step 1): init is pid 1, every CPU
has its idle task and its worker, and the KTAP suites "sched" and
"mm_context" (step 2: page directories, ASIDs) pass on one CPU and on
four."""
import re

import pytest


def ps_rows(out):
    rows = []
    for line in out.splitlines():
        m = re.match(r"\s*(\d+)\s+(\d+)\s+(\d+)\s+([RSDZXT])(\*?)\s+(\d+)\s+(\d+)\s+"
                     r"[\d.]+\s+(\S+)$", line)
        if m:
            rows.append(dict(pid=int(m[1]), ppid=int(m[2]), cpu=int(m[3]), state=m[4],
                             running=m[5] == "*", comm=m[8]))
    return rows


@pytest.mark.parametrize("smp", [1, 4])
def test_ps_lists_idle_init_and_workers(boot, smp):
    con = boot(mem="128M", smp=smp)
    rows = ps_rows(con.run("ps"))
    idle = [r for r in rows if r["comm"].startswith("swapper/")]
    assert [r["cpu"] for r in idle] == list(range(smp))
    assert all(r["pid"] == 0 for r in idle)
    init = [r for r in rows if r["pid"] == 1]
    # the shell runs in init: it is the task running ps, on CPU 0
    assert init and init[0]["comm"] == "init" and init[0]["running"] and init[0]["cpu"] == 0
    workers = {r["comm"]: r for r in rows if r["comm"].startswith("kworker/")}
    assert sorted(workers) == [f"kworker/{c}:0" for c in range(smp)]
    for name, r in workers.items():
        assert r["cpu"] == int(name[len("kworker/"):-2]) and r["state"] == "S"
    assert len({r["pid"] for r in rows if r["pid"]}) == len([r for r in rows if r["pid"]])


@pytest.mark.parametrize("smp", [1, 4])
def test_sched_selftest(boot, smp):
    con = boot(mem="128M", smp=smp)
    out = con.run("selftest", timeout=180)
    assert re.search(r"^ok \d+ sched$", out, re.M), out
    # complete() has let go of a completion before completion_done() and flush_work() say
    # "done" (it needs a second CPU to run complete() beside them: skipped with one)
    case = re.search(r"^    ok \d+ sched_completion_done_waits_for_complete( # SKIP .*)?$", out, re.M)
    assert case and bool(case[1]) == (smp == 1), out
    # per-process page directories and ASIDs (step 2), rollover included
    assert re.search(r"^ok \d+ mm_context$", out, re.M), out
    assert re.search(r"300 address spaces: ASID generation (\d+) -> (\d+)", out), out
    m = re.search(r"spinners on CPU(\d+): (\d+) and (\d+) loops, (\d+) and (\d+) involuntary", out)
    assert m and int(m[1]) == smp - 1, out
    # the workers are gone after the test's threads exited: only the boot tasks remain
    rows = ps_rows(con.run("ps"))
    assert not [r for r in rows if r["comm"].startswith("ktap-")], rows
