# SPDX-License-Identifier: GPL-2.0
"""The memory figures a boot log prints, for Linux 6.1 and for a9mm.

Only what the log says is taken; nothing is computed in a kernel's name.
Both parsers return the same shape:

  memory, reserved   memblock's regions in the last MEMBLOCK dump [(start, end)]
  events             memblock=debug's trace, in order:
                     (op, start, end, owner) with op "reserve" or "free" and
                     owner the function that asked (the allocator's caller)
  dump_at            how many of those events came before the last dump
  cma                (base, bytes) of the CMA area, or None
  lowmem_limit       physical end of lowmem as the kernel printed it
  zone_ranges        [(zone, start, end or None)] (Linux's "Zone ranges:")
  node_totalpages    "On node 0 totalpages: N"
  mem_map            (bytes, pages, struct page size or None)
  zones              {zone: {present, memmap, reserved, batch}}, in order
  total_pages        "Built N zonelists ... Total pages: N", and the wording
  memory             the Memory: line's fields, in KiB
  percpu             the "percpu: Embedded" fields, or None
  layout             "Virtual kernel memory layout" [(name, start, end)]
  pcp_count          pages on the per-cpu lists, from /proc/zoneinfo (a9mm's
                     shell), or None
"""
import re

TS = re.compile(r"^\[\s*\d+\.\d+\] ?", re.M)
# memblock=debug's callers print as name+0xoff/0xlen; .constprop.0 etc.
# are GCC's clones of the same function
CALLER = r"([A-Za-z_][\w.]*)\+0x[0-9a-f]+/0x[0-9a-f]+"
ALLOCATOR_INTERNALS = {"memblock_alloc_range_nid", "memblock_alloc", "memblock_alloc_base",
                       "memblock_alloc_internal", "memblock_alloc_try_nid",
                       "memblock_alloc_try_nid_raw", "memblock_phys_alloc_range",
                       "memblock_virt_alloc_internal"}


class LogError(Exception):
    pass


def func(name):
    """A caller's function name without GCC's clone suffixes."""
    return name.split(".")[0]


def strip(text):
    return TS.sub("", text.replace("\r", ""))


def _memblock_dump(text):
    dumps = text.split("MEMBLOCK configuration:")
    if len(dumps) < 2:
        return [], []
    last = dumps[-1]
    out = []
    for kind in ("memory", "reserved"):
        regs = [(int(a, 16), int(b, 16)) for a, b in re.findall(
            rf"^ {kind}\[0x[0-9a-f]+\]\s+\[0x([0-9a-f]+)-0x([0-9a-f]+)\]", last, re.M)]
        cnt = re.search(rf"^ {kind}\.cnt\s+= 0x([0-9a-f]+)", last, re.M)
        if cnt and int(cnt.group(1), 16) != len(regs):
            raise LogError(f"MEMBLOCK dump: {kind}.cnt {int(cnt.group(1), 16)} but "
                           f"{len(regs)} regions (truncated log?)")
        out.append(regs)
    return out


def _memory_line(text):
    m = re.search(r"^Memory: (\d+)K/(\d+)K available \((.*)\)$", text, re.M)
    if not m:
        return None
    fields = {"available": int(m.group(1)), "total": int(m.group(2))}
    for value, name in re.findall(r"(\d+)K ([a-z-]+(?: [a-z]+)?)", m.group(3)):
        fields[name] = int(value)
    return fields


def _zones(text):
    zones = {}
    for name, pages in re.findall(r"^  (\w+) zone: (\d+) pages used for memmap$", text, re.M):
        zones.setdefault(name, {})["memmap"] = int(pages)
    for name, pages in re.findall(r"^  (\w+) zone: (\d+) pages reserved$", text, re.M):
        zones.setdefault(name, {})["reserved"] = int(pages)
    for name, pages, batch in re.findall(r"^  (\w+) zone: (\d+) pages, LIFO batch:(\d+)$",
                                         text, re.M):
        z = zones.setdefault(name, {})
        z["present"], z["batch"] = int(pages), int(batch)
    return zones


def _common(text):
    fig = {}
    fig["memory"], fig["reserved"] = _memblock_dump(text)
    m = re.search(r"^On node \d+ totalpages: (\d+)$", text, re.M)
    fig["node_totalpages"] = int(m.group(1)) if m else None
    fig["zones"] = _zones(text)
    m = re.search(r"^Built (\d+) zonelists(.*)Total pages: (\d+)$", text, re.M)
    fig["total_pages"] = int(m.group(3)) if m else None
    fig["zonelists_wording"] = m.group(0) if m else None
    fig["memory_line"] = _memory_line(text)
    m = re.search(r"^Kernel command line: (.*)$", text, re.M)
    fig["cmdline"] = m.group(1) if m else None
    m = re.search(r"^percpu: Embedded (\d+) pages/cpu(?: @[0-9a-f]+)? s(\d+) r(\d+) d(\d+) u(\d+)$",
                  text, re.M)
    fig["percpu"] = dict(zip(("pages_per_cpu", "static", "reserved", "dynamic", "unit"),
                             map(int, m.groups()))) if m else None
    # a9mm: "SMP: the device tree lists 4 CPUs, the SCU 2: 2 possible"
    m = re.search(r"^SMP: the device tree lists (\d+) CPUs?, the SCU (\d+): (\d+) possible$",
                  text, re.M)
    fig["dt_cpus"], fig["possible_cpus"] = (int(m.group(1)), int(m.group(3))) if m else \
        (None, None)
    fig["layout"] = [(n, int(a, 16), int(b, 16)) for n, a, b in re.findall(
        r"^\s+(\.?\w+)\s*: 0x([0-9a-f]{8}) - 0x([0-9a-f]{8})\s+\(", text, re.M)]
    fig["dt_memory"] = [(int(a, 16), int(b, 16)) for a, b in re.findall(
        r"^OF: fdt:\s+- ([0-9a-f]+)\s*,\s+([0-9a-f]+)$", text, re.M)]
    m = re.search(r"^(?:Linux|a9mm) version (.*)$", text, re.M)
    fig["version"] = m.group(0) if m else None
    counts = re.findall(r"^\s+count: (\d+)$", text, re.M)
    fig["pcp_count"] = sum(map(int, counts)) if counts else None
    return fig


def _events_before_dump(text, pattern):
    """How many trace lines precede the last MEMBLOCK dump."""
    head = text.rsplit("MEMBLOCK configuration:", 1)[0] if "MEMBLOCK configuration:" in text \
        else ""
    return len(re.findall(pattern, head, re.M))


def parse_linux(text):
    """A Linux 6.1 log (dmesg text, or its console with timestamps)."""
    text = strip(text)
    fig = _common(text)
    fig["kernel"] = "linux"
    events = []
    pending = None		# the "memblock_alloc_try_nid: N bytes ... caller" request
    for line in text.splitlines():
        m = re.match(r"^(memblock_alloc\w*|memblock_phys_alloc\w*): (\d+) bytes .* " + CALLER
                     + "$", line)
        if m:
            pending = func(m.group(3))
            continue
        m = re.match(r"^(memblock_reserve|memblock_phys_free|memblock_free): "
                     r"\[0x([0-9a-f]+)-0x([0-9a-f]+)\] " + CALLER + "$", line)
        if m:
            op = "reserve" if m.group(1) == "memblock_reserve" else "free"
            owner = func(m.group(4))
            if op == "reserve" and owner in ALLOCATOR_INTERNALS:
                owner, pending = pending or owner, None
            events.append([op, int(m.group(2), 16), int(m.group(3), 16), owner])
            continue
        m = re.match(r"^cma: Reserved (\d+) MiB at 0x([0-9a-f]+)", line)
        if m:
            base = int(m.group(2), 16)
            for ev in events:	# cma_declare: the area's reserve had no request line
                if ev[0] == "reserve" and ev[1] == base:
                    ev[3] = "cma"
    fig["events"] = [tuple(e) for e in events]
    fig["dump_at"] = _events_before_dump(
        text, r"^(?:memblock_reserve|memblock_phys_free|memblock_free): \[")
    m = re.search(r"^cma: Reserved (\d+) MiB at 0x([0-9a-f]+)", text, re.M)
    fig["cma"] = (int(m.group(2), 16), int(m.group(1)) << 20) if m else None
    m = re.search(r"^lowmem limit is ([0-9a-f]+)$", text, re.M)
    fig["lowmem_limit"] = int(m.group(1), 16) if m else None
    fig["zone_ranges"] = []
    m = re.search(r"^Zone ranges:\n((?:  \w+ .*\n)+)", text, re.M)
    if m:
        for name, rng in re.findall(r"^  (\w+)\s+(.*)$", m.group(1), re.M):
            r = re.match(r"\[mem 0x([0-9a-f]+)-0x([0-9a-f]+)\]", rng)
            fig["zone_ranges"].append((name, int(r.group(1), 16), int(r.group(2), 16))
                                      if r else (name, None, None))
    fig["mem_map"] = None
    m = re.search(r"^memblock_alloc\w*: (\d+) bytes .* (?:free_area_init|alloc_node_mem_map)"
                  r"\+", text, re.M)
    if m and fig["node_totalpages"]:
        size, pages = int(m.group(1)), fig["node_totalpages"]
        fig["mem_map"] = (size, pages, size // pages if size % pages == 0 else None)
    return fig


def parse_a9mm(text):
    """a9mm's console log."""
    text = strip(text)
    fig = _common(text)
    fig["kernel"] = "a9mm"
    events = []
    for line in text.splitlines():
        m = re.match(r"^(memblock_reserve|memblock_free|memblock_alloc): "
                     r"\[0x([0-9a-f]+)-0x([0-9a-f]+)\](?: flags 0x[0-9a-f]+)? " + CALLER + "$",
                     line)
        if not m:
            continue
        start, end, owner = int(m.group(2), 16), int(m.group(3), 16), func(m.group(4))
        if m.group(1) == "memblock_alloc":
            # a9mm names the requester after the reserve it made
            for ev in reversed(events):
                if ev[0] == "reserve" and ev[1] == start and ev[2] == end:
                    ev[3] = owner
                    break
        else:
            op = "reserve" if m.group(1) == "memblock_reserve" else "free"
            events.append([op, start, end, owner])
    fig["events"] = [tuple(e) for e in events]
    fig["dump_at"] = _events_before_dump(text, r"^(?:memblock_reserve|memblock_free): \[")
    fig["cma"] = None
    lowmem = re.findall(r"^map_lowmem: 0x[0-9a-f]+-0x([0-9a-f]+) ->", text, re.M)
    fig["lowmem_limit"] = int(lowmem[-1], 16) + 1 if lowmem else None
    fig["zone_ranges"] = []
    m = re.search(r"^mem_map: (\d+) struct pages \((\d+) bytes each\)", text, re.M)
    fig["mem_map"] = (int(m.group(1)) * int(m.group(2)), int(m.group(1)),
                      int(m.group(2))) if m else None
    return fig
