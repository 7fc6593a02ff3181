#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0
"""Every non-static function of the kernel states its contract.

Linux documents its exported functions in kernel-doc
(Documentation/doc-guide/kernel-doc.rst): a /** block right above the
definition that names the function, describes each parameter (@name:) and
says what it returns (Return:).  This checks that every function a9mm's
kernel files define without `static` has such a block, with every
parameter and, unless it returns void, a Return: section; it lists what
is missing and exits 1.

    scripts/check-kerneldoc.py [FILE...]   (default: the kernel's C files)
"""
import glob
import re
import sys

# A definition: at the start of a line, not static, "type name(params)" and
# the opening brace on a line of its own (kernel style, clang-format keeps it).
DEFINITION = re.compile(r"^(?!static\b|typedef\b|extern\b)([A-Za-z_][\w \t\*]*?)\b(\w+)\(([^;{}]*?)\)\s*\n\{",
                        re.M)


def param_names(params):
    names = []
    depth, cur = 0, ""
    for ch in params + ",":
        if ch == "," and depth == 0:
            cur = cur.strip()
            if cur and cur != "void":
                if cur == "...":
                    names.append("...")
                else:
                    fp = re.search(r"\(\s*\*\s*(\w+)\s*\)", cur)    # int (*print)(...)
                    names.append(fp.group(1) if fp else re.findall(r"\w+", re.sub(r"\[.*", "", cur))[-1])
            cur = ""
            continue
        depth += ch == "("
        depth -= ch == ")"
        cur += ch
    return names


def check(path):
    text = open(path).read()
    problems = []
    for m in DEFINITION.finditer(text):
        rettype, name, params = m.group(1), m.group(2), m.group(3)
        where = f"{path}:{text.count(chr(10), 0, m.start()) + 1}: {name}()"
        before = text[:m.start()].rstrip()
        opening = before.rfind("/*")
        if not before.endswith("*/") or before[opening:opening + 3] != "/**":
            problems.append(f"{where}: no kernel-doc comment (/** ... */) right above it")
            continue
        body = before[opening + 3:-2]
        lines = [re.sub(r"^\s*\*\s?", "", l) for l in body.splitlines()]
        first = next((l for l in lines if l.strip()), "")
        if not re.match(rf"{re.escape(name)}(\(\))?\s+-\s+\S", first):
            problems.append(f"{where}: the comment must start \"{name}() - what it does\"")
        for p in param_names(params):
            if not re.search(rf"^\s*\*\s*@{re.escape(p)}:", body, re.M):
                problems.append(f"{where}: parameter {p} is not described (@{p}:)")
        words = re.sub(r"__attribute__\(\(.*?\)\)|\b__\w+", " ", rettype).split()
        returns = words != ["void"]
        if returns and not re.search(r"^\s*\*\s*Return:", body, re.M):
            problems.append(f"{where}: returns {rettype.strip()} but has no Return: section")
    return problems


def main():
    files = sys.argv[1:] or sorted(glob.glob("kernel/*.c") + glob.glob("mm/*.c") + glob.glob("fdt/*.c") +
                                   glob.glob("drivers/*.c") + glob.glob("lib/*.c") +
                                   glob.glob("user/lib/*.c"))
    problems = [p for f in files for p in check(f)]
    for p in problems:
        print(p)
    if problems:
        print(f"check-kerneldoc: {len(problems)} problem(s): every non-static function needs a "
              "kernel-doc comment (see Documentation/doc-guide/kernel-doc.rst)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
