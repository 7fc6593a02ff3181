# SPDX-License-Identifier: GPL-2.0
"""a9mm-ps: the tasks of a halted kernel, as the shell's `ps` lists them;
a9mm-vmas: a process's VMAs, as /proc/PID/maps lists them.

Read from the kernel's own structures: each CPU's run queue (its idle
task and what it runs), then init_task.tasks, every other task.  A task's
CPU is in its thread_info, at the bottom of its kernel stack.
"""
import gdb

from a9mm_mm import A9mmError, online_cpus, per_cpu_ptr, symbol

HZ = 100


def task_state(t):
    """fs/proc/array.c: get_task_state(), as kernel/sched/core.c writes it."""
    exit_state, state = int(t["exit_state"]), int(t["state"])
    if exit_state & 32:
        return "Z"
    if exit_state & 16 or state == 64:
        return "X"
    if state == 0:
        return "R"
    if state & 1:
        return "S"
    if state & 2:
        return "D"
    return "T"


def task_cpu(t):
    ti = gdb.lookup_type("struct thread_info").pointer()
    return int(t["stack"].cast(ti).dereference()["cpu"])


def rq(cpu):
    t = gdb.lookup_type("struct rq").pointer()
    return gdb.Value(per_cpu_ptr(symbol("runqueues", "the run queues").address, cpu)).cast(t)


def ps_lines():
    task_t = gdb.lookup_type("struct task_struct")
    curr = {}
    rows = []
    for cpu in online_cpus():
        q = rq(cpu).dereference()
        if int(q["idle"]) == 0:
            raise A9mmError("a9mm: the scheduler is not initialised yet (sched_init)")
        curr[cpu] = int(q["curr"])
        rows.append(q["idle"].dereference())
    head = symbol("init_task", "the task list")["tasks"]
    offset = int(gdb.parse_and_eval("(unsigned long)&((struct task_struct *)0)->tasks"))
    node = head["next"]
    while int(node) != int(head.address):
        rows.append(gdb.Value(int(node) - offset).cast(task_t.pointer()).dereference())
        node = node["next"]
    lines = ["  PID  PPID CPU S    NVCSW   NIVCSW     TIME COMMAND"]
    for t in rows:
        idle = int(t["flags"]) & 2
        cpu = task_cpu(t)
        ppid = 0 if idle else int(t["real_parent"]["pid"])
        ms = (int(t["utime"]) + int(t["stime"])) * (1000 // HZ)
        star = "*" if curr.get(cpu) == int(t.address) else " "
        lines.append(f"{int(t['pid']):5d} {ppid:5d} {cpu:3d} {task_state(t)}{star} "
                     f"{int(t['nvcsw']):8d} {int(t['nivcsw']):8d} {ms // 1000:4d}."
                     f"{ms % 1000 // 10:02d} {t['comm'].string()}")
    return lines


class Ps(gdb.Command):
    """a9mm-ps: the tasks, as the shell's `ps` lists them.

Each online CPU's idle task (runqueues' idle), then every task on
init_task.tasks: pid, parent, CPU (thread_info->cpu), state (* = the
CPU's rq->curr), voluntary and involuntary switches, time, name."""

    def __init__(self):
        super().__init__("a9mm-ps", gdb.COMMAND_DATA)

    def invoke(self, arg, from_tty):
        try:
            print("\n".join(ps_lines()))
        except A9mmError as e:
            print(e)


def all_tasks():
    """Every task on init_task.tasks (the idle tasks are not on it)."""
    task_t = gdb.lookup_type("struct task_struct")
    head = symbol("init_task", "the task list")["tasks"]
    offset = int(gdb.parse_and_eval("(unsigned long)&((struct task_struct *)0)->tasks"))
    node = head["next"]
    while int(node) != int(head.address):
        yield gdb.Value(int(node) - offset).cast(task_t.pointer()).dereference()
        node = node["next"]


def task_with_mm(pid, cmd):
    """(task, mm) of process pid, or A9mmError naming cmd (find_get_pid() + get_task_mm())."""
    for t in all_tasks():
        if int(t["pid"]) == pid:
            break
    else:
        raise A9mmError(f"{cmd}: no task {pid}")
    if int(t["mm"]) == 0:
        raise A9mmError(f"{cmd}: task {pid} ({t['comm'].string()}) is a kernel thread: "
                        "no address space")
    return t, t["mm"].dereference()


def vma_lines(pid):
    """fs/proc/task_mmu.c: show_map_vma()'s fields, from mm->mmap."""
    t, mm = task_with_mm(pid, "a9mm-vmas")
    lines = [f"pid {pid} ({t['comm'].string()}): {int(mm['map_count'])} VMAs, "
             f"mmap_base 0x{int(mm['mmap_base']):08x}, brk 0x{int(mm['start_brk']):08x}-"
             f"0x{int(mm['brk']):08x}, pgd 0x{int(mm['pgd']):08x}"]
    vma = mm["mmap"]
    while int(vma):
        v = vma.dereference()
        flags = int(v["vm_flags"])
        perms = ("r" if flags & 1 else "-") + ("w" if flags & 2 else "-") + \
                ("x" if flags & 4 else "-") + ("s" if flags & 0x80 else "p")
        start, end = int(v["vm_start"]), int(v["vm_end"])
        if int(v["vm_file"]):
            what = "file" if int(v["vm_file"]["f_dentry"]) else "shared anonymous"
        elif start <= int(mm["brk"]) and end >= int(mm["start_brk"]):
            what = "[heap]"
        elif start <= int(mm["start_stack"]) <= end:
            what = "[stack]"
        else:
            what = "anonymous"
        lines.append(f"0x{int(vma):08x} {start:08x}-{end:08x} {perms} pgoff 0x{int(v['vm_pgoff']):x}"
                     f" flags 0x{flags:x} {what}")
        vma = v["vm_next"]
    return lines


class Vmas(gdb.Command):
    """a9mm-vmas PID: a process's VMAs, as /proc/PID/maps lists them.

Walks mm->mmap, the address-ordered list (mm/vma.c keeps the same VMAs
in mm->mm_rb): each vm_area_struct's address, range, permissions (p:
private, s: shared), vm_pgoff, vm_flags and what backs it."""

    def __init__(self):
        super().__init__("a9mm-vmas", gdb.COMMAND_DATA)

    def invoke(self, arg, from_tty):
        try:
            if not arg.strip().isdigit():
                raise A9mmError("usage: a9mm-vmas PID")
            print("\n".join(vma_lines(int(arg))))
        except A9mmError as e:
            print(e)


def register():
    Ps()
    Vmas()
