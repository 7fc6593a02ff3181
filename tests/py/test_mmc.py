# SPDX-License-Identifier: GPL-2.0
"""The SD card (drivers/mmci.c, drivers/mmc_sd.c, fs/block_dev.c): the probe
lines with the capacity the image file gives, the KTAP suite `mmc`, `blk`
and /proc/diskstats, and -- once QEMU has exited -- the host's image file
holding exactly what the guest wrote and nothing else changed (the suite
puts back what it overwrites).  An SDSC card at 32 MiB (CSD v1, byte
addresses) and 1 MiB, an SDHC one at 4 GiB (CSD v2, block addresses; a
sparse file), and an empty slot.  Each test makes its own image in
tmp_path: QEMU locks the file it uses."""
import os
import re
import struct
import subprocess

import pytest

SECTOR = 512
PAGE = 4096


def size_str(nbytes):
    """Linux's string_get_size(..., STRING_UNITS_2): three significant digits"""
    units = ["B", "KiB", "MiB", "GiB", "TiB"]
    i = 0
    while nbytes >= 1024 ** (i + 1):
        i += 1
    if i == 0:
        return f"{nbytes} B"
    v = nbytes / 1024 ** i
    return f"{v:.{0 if v >= 100 else 1 if v >= 10 else 2}f} {units[i]}"


def card(tmp_path, size, swap=False):
    """An image file of `size` bytes (sparse), mkswap-formatted as `make qemu`'s if swap"""
    path = tmp_path / "sd.img"
    subprocess.run(["truncate", "-s", str(size), path], check=True)
    if swap:
        subprocess.run(["/sbin/mkswap", "-q", "-p", str(PAGE), path], check=True)
    return path


def pattern(value):
    """the page `blk write SECTOR VALUE` writes: words VALUE + i, little-endian"""
    return struct.pack("<1024I", *((value + i) & 0xFFFFFFFF for i in range(1024)))


def probe_lines(con, size, sdhc=False):
    """the two lines of a card found, its figures checked against the file's size"""
    m = re.search(r"^mmc0: new (SDHC|SD) card at address ([0-9a-f]{4})$", con.log, re.M)
    assert m, con.log
    assert m.group(1) == ("SDHC" if sdhc else "SD")
    rca = m.group(2)
    assert re.search(rf"^mmcblk0: mmc0:{rca} QEMU! {re.escape(size_str(size))}$", con.log,
                     re.M), con.log
    assert re.search(r"^mmci-pl18x 10005000\.mmci: mmc0: PL181 manf 41 rev0 at 0x10005000 "
                     r"irq 41,42 \(pio, polled\)$", con.log, re.M), con.log
    out = con.run("blk")
    assert f"mmcblk0: {size // SECTOR} sectors ({size_str(size)}), 179:0" in out, out
    return rca


def suite_passes(con):
    out = con.run("selftest mmc", timeout=240)
    assert re.search(r"^ok 1 mmc$", out, re.M), out
    cases = re.findall(r"^    (ok|not ok) \d+ (\w+)(.*)$", out, re.M)
    assert len(cases) == 4 and all(c[0] == "ok" and "SKIP" not in c[2] for c in cases), out
    return out


def write_page(con, sector, value):
    out = con.run(f"blk write {sector} {value:#x}")
    assert re.search(rf"sectors {sector}-{sector + 7} written in \d+ us: words "
                     rf"0x{value:08x} \+ i", out), out


def diskstats(con):
    out = con.run("cat /proc/diskstats")
    m = re.search(r"^ 179       0 mmcblk0 (\d+) 0 (\d+) \d+ (\d+) 0 (\d+) \d+ 0 \d+ \d+$", out,
                  re.M)
    assert m, out
    return tuple(int(x) for x in m.groups())


def poweroff(con):
    con.send("poweroff\r")
    assert con.wait_exit() == 0


def test_swap_card_32m(boot, tmp_path):
    size = 32 << 20
    img = card(tmp_path, size, swap=True)
    before = img.read_bytes()
    con = boot(mem="1024M", smp=4, sd=img)   # HighMem: the suite's pages of both kinds
    probe_lines(con, size)
    out = suite_passes(con)
    assert re.search(r"from pfns 0x[0-9a-f]+ \(lowmem\) and 0x[0-9a-f]+ \(HighMem\)", out), out
    assert re.search(r"^        # 4 tasks, 8 pages each way each", out, re.M), out
    # what `blk` counts is /proc/diskstats' figures
    rd, rd_sect, wr, wr_sect = diskstats(con)
    assert rd_sect == 8 * rd and wr_sect == 8 * wr and rd > 0 and wr > 0
    last = size // SECTOR - 8
    write_page(con, 100, 0x41424344)
    write_page(con, last, 0xFFFFFFF0)       # the last page; the words wrap
    assert diskstats(con) == (rd, rd_sect, wr + 2, wr_sect + 16)
    out = con.run("blk read 100 32")
    assert "00000000  44 43 42 41 45 43 42 41  46 43 42 41 47 43 42 41  |DCBAECBAFCBAGCBA|" \
        in out, out
    # mkswap's signature, from the guest's side: the end of the first page
    out = con.run("blk read 0 4096")
    assert "00000ff0  00 00 00 00 00 00 53 57  41 50 53 50 41 43 45 32  |......SWAPSPACE2|" \
        in out, out
    # past the end: refused, no I/O, the counters as they were
    out = con.run(f"blk read {last + 1}")
    assert f"mmcblk0: bdev_read_page: sector {last + 1} + 8: past the end of the disk " \
           f"({size // SECTOR} sectors): refused" in out, out
    assert "error -22" in out
    assert diskstats(con)[0] == rd + 2      # the two reads above, not the refused one
    # once swap uses the card, nothing else writes to it
    assert "Adding 32764k swap on mmcblk0" in con.run("swapon")
    assert "blk: mmcblk0 is a swap area (swapon): writing to it would corrupt swapped pages; " \
           "refused" in con.run("blk write 100 1")
    assert "is a swap area" in con.run("blk bench 1")
    out = con.run("selftest mmc")
    assert re.search(r"^    ok 1 mmc_pages_round_trip # SKIP mmcblk0 is a swap area", out, re.M), out
    assert diskstats(con)[2] == wr + 2      # swapon read the header; nothing was written
    poweroff(con)
    after = img.read_bytes()
    assert len(after) == size
    assert after[100 * SECTOR:100 * SECTOR + PAGE] == pattern(0x41424344)
    assert after[last * SECTOR:] == pattern(0xFFFFFFF0)
    # and nothing else changed: the suite put back what it overwrote
    assert after[:100 * SECTOR] == before[:100 * SECTOR]
    assert after[100 * SECTOR + PAGE:last * SECTOR] == before[100 * SECTOR + PAGE:last * SECTOR]


def test_small_card_1m_one_cpu(boot, tmp_path):
    size = 1 << 20
    img = card(tmp_path, size)
    con = boot(mem="256M", smp=1, sd=img)
    probe_lines(con, size)
    suite_passes(con)
    write_page(con, 0, 0x600DF00D)
    poweroff(con)
    after = img.read_bytes()
    assert after[:PAGE] == pattern(0x600DF00D)
    assert after[PAGE:] == bytes(size - PAGE)


def test_sdhc_card_4g(boot, tmp_path):
    size = 4 << 30      # past 2 GiB QEMU's card is SDHC: CSD v2, block addressing
    img = card(tmp_path, size)
    con = boot(mem="512M", smp=2, sd=img)
    probe_lines(con, size, sdhc=True)
    suite_passes(con)
    last = size // SECTOR - 8
    write_page(con, last, 0x12345678)
    poweroff(con)
    with open(img, "rb") as f:
        f.seek(last * SECTOR)
        assert f.read() == pattern(0x12345678)
        f.seek(last * SECTOR - 16 * PAGE)   # the suite's pages, put back
        assert f.read(16 * PAGE) == bytes(16 * PAGE)


def test_no_card(boot):
    con = boot(mem="128M", smp=2)
    assert re.search(r"^mmc0: no card in slot$", con.log, re.M), con.log
    assert "mmcblk0" not in con.log
    assert "no block device" in con.run("blk")
    assert "no block device" in con.run("blk write 0 1")
    assert con.run("cat /proc/diskstats") == ""
    out = con.run("selftest mmc")
    assert re.search(r"^    ok 1 mmc_pages_round_trip # SKIP no SD card", out, re.M), out
    assert re.search(r"^ok 1 mmc$", out, re.M), out
    assert "usage: blk" in con.run("blk frob")
    assert "not a sector number" in con.run("blk read x")
