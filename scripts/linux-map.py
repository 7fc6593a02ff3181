#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0
"""docs/linux-map.md: every a9mm function mirrored from Linux, and its twin.

The map is made from the code itself: each comment that names a Linux
counterpart ("mm/page_alloc.c: __free_one_page() @ v3.14") gives one row
for the definition that follows it, and each file's header comment gives
the file's row.  The last column, where a9mm deliberately differs, is
written by hand in the document and kept across regenerations (keyed by
a9mm file and name).

    scripts/linux-map.py           rewrite the tables in docs/linux-map.md
    scripts/linux-map.py --check   exit 1 if the document does not match the code
    (--doc FILE works on another copy of the document, for the tests)
"""
import glob
import os
import re
import sys

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
DOC = os.path.join(ROOT, "docs", "linux-map.md")
SOURCES = ["boot/*.S", "kernel/*.c", "kernel/*/*.c", "mm/*.c", "fs/*.c", "fs/*/*.c", "fdt/*.c",
           "drivers/*.c", "lib/*.c", "include/*/*.h", "include/*/*/*.h"]

LINUX_PATH = r"(?:arch/arm|mm|kernel|include|drivers|lib|init|fs|block|Documentation)/[\w./-]+\.(?:c|h|S|rst)"
# "path: names @ vX.Y" (names may be "a() -> b()", "a() + b()", "table[]", "label")
REF = re.compile(r"(" + LINUX_PATH + r"): ([\w\[\]()<>/+,\- ]{1,80}?) @ (v\d+\.\d+)")
# "path @ vX.Y", "a.c, b.c and c.c @ vX.Y", "a.c + b.c @ vX.Y": file-level references
FILE_REF = re.compile(r"((?:" + LINUX_PATH + r")(?:(?:\s*,\s*|\s+and\s+|\s*\+\s*)(?:" +
                      LINUX_PATH + r"))*)(?:: [\w\[\]()<>+,\- ]{1,80}?)? @ (v\d+\.\d+)")
DEFINITION = [
    re.compile(r"^#define\s+(\w+)"),
    re.compile(r"^(?:[\w\s\*]+?)\b(\w+)\s*\("),        # a function (or prototype)
    re.compile(r"^(?:[\w\s\*]+?)\b(\w+)\s*\[.*\]\s*="),  # a table
    re.compile(r"^(?:[\w\s\*]+?)\b(\w+)\s*="),            # a variable
    re.compile(r"^(?:struct|enum)\s+(\w+)\s*\{"),
    re.compile(r"^(\w+):"),                               # an assembler label
]


def flat(comment):
    """A comment's text on one line."""
    text = re.sub(r"^/\*+|\*/$", "", comment.strip())
    return " ".join(re.sub(r"^\s*\*\s?", "", l).strip() for l in text.splitlines())


def is_prototype(text, pos):
    """A function declared, not defined: ';' comes before '{'."""
    semi, brace = text.find(";", pos), text.find("{", pos)
    return semi != -1 and (brace == -1 or semi < brace)


def next_definition(text, pos, names):
    """The name of what the comment ending at pos describes, or None.

    The first definition below it -- but if the comment names a table or
    a function the code defines right after some helper macros (mem_types[]
    below PROT_PTE_MEM), that one."""
    first, offset = None, pos
    for line in text[pos:].splitlines(True):
        start, offset = offset, offset + len(line)
        stripped = line.rstrip()
        if not stripped.strip() or re.match(r"\s*(/\*|\*|//)", stripped):
            continue
        if re.match(r"\s*\.(?!globl|type)\w+", stripped):      # .text, .align: directives
            continue
        m = re.match(r"\s*\.(?:globl|type)\s+(\w+)", stripped)  # before an assembler label
        if m:
            return m.group(1)
        for rx in DEFINITION:
            m = rx.match(stripped)
            if m:
                break
        else:
            if first or stripped.endswith("\\") or text[start - 2:start] == "\\\n":
                continue                       # a macro's continuation lines
            return None
        if rx is DEFINITION[0]:                # a #define: remember, look further
            first = first or m.group(1)
            continue
        if "(" in stripped and rx is DEFINITION[1] and is_prototype(text, start):
            return first
        if first and any(n == m.group(1) for n in names):
            return m.group(1)
        return first or m.group(1)
    return first


def scan(path):
    text = open(os.path.join(ROOT, path)).read()
    comments = [m for m in re.finditer(r"/\*.*?\*/", text, re.S) if "SPDX" not in m.group(0)]
    header, rows = None, []
    for i, m in enumerate(comments):
        body = flat(m.group(0))
        refs = [(p, n.strip(), v) for p, n, v in REF.findall(body)]
        is_header = i == 0 and text[:m.start()].count("\n") < 8
        if is_header:
            files = set()
            for paths, v in FILE_REF.findall(body):
                for p in re.findall(LINUX_PATH, paths):
                    files.add(f"{p} @ {v}")
            header = sorted(files)
            continue
        if not refs:
            continue
        linux_names = [w for _, n, _ in refs for w in re.findall(r"(\w+)(?:\(\)|\[\])", n) or [n]]
        name = next_definition(text, m.end(), linux_names)
        if not name:
            continue
        rows.append((name, refs))
    return header, rows


def code_tables():
    files, funcs = [], []
    for pattern in SOURCES:
        for path in sorted(glob.glob(os.path.join(ROOT, pattern))):
            rel = os.path.relpath(path, ROOT)
            header, rows = scan(rel)
            files.append((rel, header or []))
            for name, refs in rows:
                twin = "; ".join(f"{p}: {n}" if n else p for p, n, _ in refs)
                ver = ", ".join(sorted({v for _, _, v in refs}))
                funcs.append((rel, name, twin, ver))
    return files, funcs


def cell(s):
    return s.replace("|", "\\|")


def render_files(files):
    out = ["<!-- linux-map:files:begin (scripts/linux-map.py writes this table) -->",
           "| a9mm file | follows |", "| --- | --- |"]
    for rel, refs in files:
        out.append(f"| `{rel}` | {cell(', '.join(refs)) if refs else 'a9mm'} |")
    out.append("<!-- linux-map:files:end -->")
    return "\n".join(out)


def render_functions(funcs, differs):
    out = ["<!-- linux-map:functions:begin (scripts/linux-map.py writes this table; "
           "the last column is kept) -->",
           "| a9mm | file | Linux twin | version | where a9mm deliberately differs |",
           "| --- | --- | --- | --- | --- |"]
    for rel, name, twin, ver in funcs:
        out.append(f"| `{name}` | `{rel}` | {cell(twin)} | {ver} | "
                   f"{differs.get((rel, name), '')} |")
    out.append("<!-- linux-map:functions:end -->")
    return "\n".join(out)


def replace(doc, table, text):
    start = doc.index(f"<!-- linux-map:{table}:begin")
    end = doc.index(f"<!-- linux-map:{table}:end -->") + len(f"<!-- linux-map:{table}:end -->")
    return doc[:start] + text + doc[end:]


def main():
    args = sys.argv[1:]
    check = "--check" in args
    path = args[args.index("--doc") + 1] if "--doc" in args else DOC
    doc = open(path).read()
    differs = {}
    for line in doc.splitlines():
        m = re.match(r"\| `(\w+)` \| `([^`]+)` \| .* \| (v[\d., v]+) \| (.*) \|$", line)
        if m:
            differs[(m.group(2), m.group(1))] = m.group(4).strip()
    files, funcs = code_tables()
    new = replace(replace(doc, "files", render_files(files)), "functions",
                  render_functions(funcs, differs))
    keys = {(rel, name) for rel, name, _, _ in funcs}
    lost = [k for k, v in differs.items() if v and k not in keys]
    if check:
        if new != doc or lost:
            for rel, name in lost:
                print(f"docs/linux-map.md: {name} in {rel} has a note but no Linux twin in the code")
            print("docs/linux-map.md does not match the code's counterpart lines: run "
                  "`make linux-map` (or scripts/linux-map.py) and commit the result", file=sys.stderr)
            return 1
        return 0
    for rel, name in lost:
        print(f"dropped the note of {name} ({rel}): no Linux twin in the code any more")
    open(path, "w").write(new)
    return 0


if __name__ == "__main__":
    sys.exit(main())
