# SPDX-License-Identifier: GPL-2.0
"""What the tool needs to know about Debian's kernel, read from its Image.

Debian ships no System.map (the real one is in the 600 MB -dbg package),
so everything is found in the decompressed Image itself, and each find is
checked against the structure it must have:

- the link address of the Image's first byte (PAGE_OFFSET + TEXT_OFFSET):
  the one that makes the pr_debug descriptors' string pointers land on
  their strings;
- kallsyms: the kernel's own compressed symbol table (text symbols), laid
  out by scripts/kallsyms.c: offsets, relative_base, num_syms, names,
  markers, [seqs_of_names], token_table, token_index;
- the pr_debug call sites: `struct _ddebug` records in __dyndbg (modname,
  function, filename, format, lineno:18 | class_id:6 | flags:8, static
  key), and for each the `__jump_table` entry {code, target, key} whose
  key is the descriptor's static key: `code` holds the NOP a `dyndbg=+p`
  would turn into a branch to `target`;
- the printk ring buffer `printk_rb_static` (kernel/printk/printk.c), by
  the values its static initializer gives it.

Layouts are those of Linux 6.1 on 32-bit ARM (include/linux/dynamic_debug.h,
arch/arm/include/asm/jump_label.h, kernel/printk/printk_ringbuffer.h).
"""
import lzma
import re
import struct
import zlib

ARM_NOP = 0xE320F000		# "nop" (ARMv6K+ hint), WASM(nop) in jump_label.h
DDEBUG_SIZE = 32		# 4 pointers, the bitfield word, the static key, aligned(8)
DDEBUG_CLASS_DFLT = 63		# _DPRINTK_CLASS_DFLT: no class map
DPRINTK_FLAGS_PRINT = 1 << 0	# the 'p' flag


class ImageError(Exception):
    pass


def decompress_zimage(zimage):
    """The Image inside an ARM zImage (xz, gzip or lzma payload)."""
    for m in re.finditer(rb"\xfd7zXZ\x00", zimage):
        d = lzma.LZMADecompressor(lzma.FORMAT_XZ)
        try:
            out = d.decompress(zimage[m.start():])
        except lzma.LZMAError:
            continue	# the decompressor's own copy of the magic, not a stream
        if d.eof:
            return out
    for m in re.finditer(rb"\x1f\x8b\x08", zimage):
        d = zlib.decompressobj(16 + zlib.MAX_WBITS)
        try:
            out = d.decompress(zimage[m.start():])
        except zlib.error:
            continue
        if d.eof:
            return out
    raise ImageError("no xz or gzip kernel payload in the zImage")


class KernelImage:
    """A decompressed ARM Image, with the link address worked out."""

    def __init__(self, image, page_offset=0xC0000000):
        self.img = image
        self.page_offset = page_offset
        n = len(image) // 4
        self.words = struct.unpack_from(f"<{n}I", image)
        self.base = self._find_base()
        self.text_offset = self.base - page_offset
        self._syms = None

    # -- addresses ---------------------------------------------------------
    def find_words(self, values):
        """{value: [word indices]} for each of `values`, in one pass."""
        values = set(values)
        found = {v: [] for v in values}
        for i, w in enumerate(self.words):
            if w in values:
                found[w].append(i)
        return found

    def off(self, va):
        o = va - self.base
        return o if 0 <= o < len(self.img) else None

    def u32(self, va):
        return struct.unpack_from("<I", self.img, self.off(va))[0]

    def cstr(self, va, limit=512):
        o = self.off(va)
        if o is None:
            return None
        e = self.img.find(b"\0", o, o + limit)
        return None if e < 0 else self.img[o:e].decode("latin-1")

    def _find_base(self):
        """PAGE_OFFSET + TEXT_OFFSET: TEXT_OFFSET is 0x8000 plus whole MiBs
        (arch/arm/Makefile textofs-*); the right one makes the descriptors
        of mm/page_alloc.c's pr_debug sites point at that file name."""
        m = self.img.find(b"\0mm/page_alloc.c\0")
        if m < 0:
            raise ImageError("no \"mm/page_alloc.c\" string: not a Linux Image "
                             "built with CONFIG_DYNAMIC_DEBUG")
        idx = {}
        lo, hi = self.page_offset + m + 1, self.page_offset + m + 1 + 0x01000000
        for i, w in enumerate(self.words):
            if lo <= w < hi and (w - m - 1) & 0xFFFFF == 0x8000:
                idx.setdefault(w - m - 1, []).append(i)
        best = None
        for base, hits in idx.items():
            if not 0 <= base - self.page_offset < 0x01000000:
                continue
            self.base = base
            good = sum(1 for i in hits if self._ddebug_at(i * 4 - 8) is not None)
            if good and (best is None or good > best[1]):
                best = (base, good)
        if not best:
            raise ImageError("cannot find the Image's link address (no pr_debug "
                             "descriptor points at mm/page_alloc.c)")
        return best[0]

    # -- kallsyms ------------------------------------------------------------
    def symbols(self):
        """{name: (address, type)} from the Image's kallsyms tables."""
        if self._syms is None:
            self._syms = self._kallsyms()
        return self._syms

    def symbol(self, name):
        s = self.symbols().get(name)
        if s is None:
            raise ImageError(f"kallsyms has no {name}")
        return s[0]

    def _token_table(self):
        digits = b"0\x001\x002\x003\x004\x005\x006\x007\x008\x009\x00"
        for m in re.finditer(re.escape(digits), self.img):
            # if this is token 0x30 ("0"), the 256 strings end at token 255
            o = m.start()
            for _ in range(0x30, 256):
                o = self.img.find(b"\0", o) + 1
            ti = (o + 3) & ~3
            index = struct.unpack_from("<256H", self.img, ti)
            tt = m.start() - index[0x30]
            if index[0] != 0 or tt < 0:
                continue
            toks, ok = [], True
            for i in range(256):
                s = tt + index[i]
                e = self.img.find(b"\0", s)
                toks.append(self.img[s:e].decode("latin-1"))
                if i < 255 and tt + index[i + 1] != e + 1:
                    ok = False
                    break
            if ok:
                return tt, toks
        raise ImageError("no kallsyms token table in the Image (CONFIG_KALLSYMS off?)")

    def _names(self, start, count, limit, toks):
        o, names = start, []
        for _ in range(count):
            if o >= limit:
                return None
            n = self.img[o]
            o += 1
            if n & 0x80:
                n = (n & 0x7F) | (self.img[o] << 7)
                o += 1
            if n == 0:
                return None
            names.append("".join(toks[b] for b in self.img[o:o + n]))
            o += n
        return names, o

    def _kallsyms(self):
        tt, toks = self._token_table()
        u32 = lambda o: struct.unpack_from("<I", self.img, o)[0]
        # kallsyms_num_syms, then names, markers, seqs_of_names (6.1.y since
        # its kallsyms_lookup_name() speed-up; absent before), token table
        for seqs in (True, False):
            for q in range(tt - 4, max(4, tt - (16 << 20)), -4):
                n = u32(q)
                if not 1000 < n < 1 << 20:
                    continue
                markers = (n + 255) >> 8
                ms = tt - 4 * markers - ((3 * n + 3) & ~3 if seqs else 0)
                if ms <= q or u32(ms) != 0:
                    continue
                got = self._names(q + 4, n, ms, toks)
                if not got or (got[1] + 3) & ~3 != ms:
                    continue
                names = got[0]
                relative_base = u32(q - 4)
                offsets = struct.unpack_from(f"<{n}I", self.img, q - 4 - 4 * n)
                syms = {}
                for o, name in zip(offsets, names):
                    syms.setdefault(name[1:], ((relative_base + o) & 0xFFFFFFFF, name[0]))
                return syms
        raise ImageError("kallsyms tables not found around the token table")

    # -- pr_debug sites ----------------------------------------------------------
    def _ddebug_at(self, o):
        """The _ddebug record at Image offset o, or None if o holds none."""
        if o < 0 or o % 8 or o + DDEBUG_SIZE > len(self.img):
            return None
        mod, fn, fil, fmt, bits, enabled, keytype, pad = struct.unpack_from("<8I", self.img, o)
        if (bits >> 18) & 0x3F != DDEBUG_CLASS_DFLT or pad != 0:
            return None
        strs = [self.cstr(p) for p in (mod, fn, fil, fmt)]
        if None in strs:
            return None
        return {
            "va": self.base + o, "modname": strs[0], "function": strs[1],
            "filename": strs[2], "format": strs[3], "lineno": bits & 0x3FFFF,
            "flags": bits >> 24, "bits": bits, "enabled": enabled,
        }

    def dyndbg_sites(self, want):
        """pr_debug sites whose filename matches `want` (a callable), each
        with its jump-table entries (code, target) checked to hold a NOP."""
        names = {}
        for m in re.finditer(rb"\0([a-z0-9_/\-]+\.[ch])(?=\0)", self.img):
            name = m.group(1).decode()
            if want(name):
                names[self.base + m.start() + 1] = name
        ptrs = self.find_words(names)
        recs = []
        for va, name in names.items():
            for i in ptrs[va]:
                rec = self._ddebug_at(i * 4 - 8)
                if rec is not None and rec["filename"] == name:
                    recs.append(rec)
        keys = self.find_words(r["va"] + 20 + low for r in recs for low in (0, 1))
        sites = {}
        for rec in recs:
            where = f"{rec['filename']}:{rec['lineno']} ({rec['function']})"
            jumps = []
            for low in (0, 1):	# bit 0 of the key field: the branch polarity
                for j in keys[rec["va"] + 20 + low]:
                    code, target = self.words[j - 2], self.words[j - 1]
                    o = self.off(code)
                    if o is None or self.off(target) is None:
                        continue
                    insn = self.words[o // 4]
                    if insn != ARM_NOP:
                        raise ImageError(f"{where}: jump label at {code:#x} holds "
                                         f"{insn:#010x}, not a NOP")
                    jumps.append((code, target))
            if rec["enabled"] != 0 or rec["flags"] & DPRINTK_FLAGS_PRINT:
                raise ImageError(f"{where}: already enabled in the Image")
            if not jumps:
                raise ImageError(f"{where}: no __jump_table entry for its static key")
            rec["jumps"] = jumps
            sites[rec["va"]] = rec
        return sorted(sites.values(), key=lambda r: (r["filename"], r["lineno"]))

    # -- printk ring buffer ----------------------------------------------------
    def printk_rb_static(self, log_buf_shift, avgbits=5):
        """VA of printk_rb_static, by its initializer: count_bits, descs,
        infos, head/tail/last_finalized id = DESC0_ID, size_bits, data,
        head/tail lpos = BLK0_LPOS, fail = 0."""
        descbits = log_buf_shift - avgbits
        desc0_id = (-((1 << descbits) + 1)) & 0x3FFFFFFF
        blk0_lpos = (-(1 << log_buf_shift)) & 0xFFFFFFFF
        found = []
        for i in self.find_words([descbits])[descbits]:
            w = self.words[i:i + 11]
            if len(w) == 11 and w[3] == w[4] == w[5] == desc0_id and \
                    w[6] == log_buf_shift and w[8] == w[9] == blk0_lpos and w[10] == 0 and \
                    self.off(w[1]) is not None and self.off(w[2]) is not None:
                found.append(self.base + 4 * i)
        if len(found) != 1:
            raise ImageError(f"printk_rb_static: {len(found)} candidates "
                             f"(CONFIG_LOG_BUF_SHIFT={log_buf_shift})")
        return found[0]

    def data_pointers_to(self, va):
        """Aligned words outside the kernel text that hold `va` (candidates
        for a pointer variable such as printk.c's `prb`)."""
        syms = self.symbols()
        etext = syms["_etext"][0] if "_etext" in syms else 0
        sinit = syms.get("_sinittext", (0,))[0]
        einit = syms.get("_einittext", (0,))[0]
        out = []
        for i in self.find_words([va])[va]:
            a = self.base + 4 * i
            if a >= etext and not sinit <= a < einit:
                out.append(a)
        return out

    def has_string(self, s):
        return self.img.find(s.encode()) >= 0
