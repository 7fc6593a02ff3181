# SPDX-License-Identifier: GPL-2.0
"""Guest instruction counts up to given addresses (insn_count.c, a TCG plugin).

build() compiles the plugin with the host's gcc into the output directory;
argument() makes QEMU's -plugin value; results() reads what it wrote,
translated() how much code QEMU had translated by each address.
Counts are per vCPU; vCPU 0 is the boot CPU of both kernels.
"""
import os
import re
import subprocess

SRC = os.path.join(os.path.dirname(os.path.abspath(__file__)), "insn_count.c")


def build(outdir):
    so = os.path.join(outdir, "insn_count.so")
    if not os.path.exists(so) or os.path.getmtime(so) < os.path.getmtime(SRC):
        os.makedirs(outdir, exist_ok=True)
        res = subprocess.run(["gcc", "-O2", "-Wall", "-Wextra", "-Werror", "-shared", "-fPIC",
                              "-fvisibility=hidden", "-o", so, SRC],
                             capture_output=True, text=True)
        if res.returncode != 0:
            raise RuntimeError(f"building the instruction-count plugin failed:\n{res.stderr}")
    return so


def argument(so, out, addresses):
    return ",".join([so, f"out={out}"] + [f"at={a:#x}" for a in addresses])


LINE = re.compile(r"at (0x[0-9a-f]+) vcpu (\d+) insns (\d+) translated (\d+) (\d+)$")


def lines(out, vcpu):
    """The plugin's lines for vCPU `vcpu`, as matches of LINE"""
    if not os.path.exists(out):
        return []
    with open(out) as f:
        return [m for m in map(LINE.match, (line.strip() for line in f))
                if m and int(m.group(2)) == vcpu]


def results(out, vcpu=0):
    """{address: instructions vCPU `vcpu` executed before reaching it}"""
    return {int(m.group(1), 16): int(m.group(3)) for m in lines(out, vcpu)}


def translated(out, vcpu=0):
    """{address: (blocks, instructions) QEMU had translated when vCPU `vcpu` reached it}"""
    return {int(m.group(1), 16): (int(m.group(4)), int(m.group(5))) for m in lines(out, vcpu)}
