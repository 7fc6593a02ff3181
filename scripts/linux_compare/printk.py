# SPDX-License-Identifier: GPL-2.0
"""Linux 6.1's log, read out of its printk ring buffer (32-bit layouts).

kernel/printk/printk_ringbuffer.h: a descriptor ring (struct prb_desc:
state_var, text_blk_lpos {begin, next}) with a parallel array of struct
printk_info (seq, ts_nsec, text_len, ...), and a text data ring whose
blocks are {unsigned long id; char text[]}.  Records are read from the
tail id to the head id; only committed or finalized descriptors carry a
message.  This is what `dmesg` would print, read from guest memory.
"""
import struct

RB_SIZE = 44		# struct printk_ringbuffer
DESC_SIZE = 12		# struct prb_desc
INFO_SIZE = 88		# struct printk_info: 24 bytes + dev_printk_info (16 + 48)
ID_MASK = 0x3FFFFFFF	# DESC_ID_MASK: the state lives in the top two bits
DESC_COMMITTED, DESC_FINALIZED = 1, 2


class Ring:
    """The ring's header: where its arrays are and how big they are."""

    def __init__(self, raw):
        (count_bits, self.descs, self.infos, self.head_id, self.tail_id, _last,
         size_bits, self.data, _head_lpos, _tail_lpos, self.fail) = struct.unpack("<11I", raw)
        if not 4 <= count_bits <= 24 or not 8 <= size_bits <= 28:
            raise ValueError(f"not a printk ring buffer (count_bits {count_bits}, "
                             f"size_bits {size_bits})")
        self.count = 1 << count_bits
        self.size = 1 << size_bits


def records(ring, descs, infos, data):
    """[(seq, ts_nsec, level, text)] from the raw arrays."""
    out = []
    did = ring.tail_id
    for _ in range(ring.count + 1):
        ind = did % ring.count
        sv, begin, nxt = struct.unpack_from("<3I", descs, DESC_SIZE * ind)
        if sv >> 30 in (DESC_COMMITTED, DESC_FINALIZED) and sv & ID_MASK == did:
            seq, ts, text_len, _fac, flv = struct.unpack_from("<QQHBB", infos, INFO_SIZE * ind)
            if begin & 1:		# a data-less record
                text = b""
            else:
                b, n = begin % ring.size, nxt % ring.size
                if b > n:		# the block wrapped to the start of the ring
                    b = 0
                start = b + 4		# skip the block's id
                text = data[start:start + min(text_len, n - start)]
            out.append((seq, ts, flv >> 5, text.decode("utf-8", "replace")))
        if did == ring.head_id:
            break
        did = (did + 1) & ID_MASK
    return out


def dmesg(recs, timestamps=False):
    """The records as the console prints them, one line per line of text;
    with timestamps=True as `dmesg` does ([seconds.micro] first)."""
    lines = []
    for _seq, ts, _level, text in recs:
        for line in text.split("\n"):
            if timestamps:
                line = f"[{ts // 1000000000:5d}.{ts % 1000000000 // 1000:06d}] {line}"
            lines.append(line)
    return "\n".join(lines) + "\n"
