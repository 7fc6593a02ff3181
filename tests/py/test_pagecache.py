# SPDX-License-Identifier: GPL-2.0
"""The SD card's page cache (fs/block_dev.c, mm/filemap.c) and the file
LRU lists (mm/swap.c, mm/vmscan.c): `dd` reads /dev/mmcblk0 through the
cache (meminfo's Buffers), a second read is served from it and activates
its pages, writes go through to the card, and reclaim drops the cache --
before swapping, as Linux's get_scan_count() prefers, and without any
swap area at all, where it is all reclaim can do.

The card's page i holds "<iiiiii>" 512 times, so any 8 bytes of it say
which page a read really returned."""
import re

from test_swap import INITRAMFS, meminfo, swapon, vmstat
from test_swap import card as swap_card

MIB = 32


def pattern_card(tmp_path, mib=MIB):
    """a card whose page i is b"<%06d>" * 512"""
    img = tmp_path / "card.img"
    with open(img, "wb") as f:
        for i in range(mib << 8):
            f.write(b"<%06d>" % i * 512)
    return img


def diskstats_reads(con):
    """pages read from mmcblk0 so far (/proc/diskstats: reads completed)"""
    m = re.search(r"^ 179 +0 mmcblk0 (\d+) ", con.run("cat /proc/diskstats"), re.M)
    assert m, con.log[-2000:]
    return int(m[1])


def dd(con, args, timeout=300):
    """`run /bin/dd ARGS`: (records in, records out, bytes), asserting it ended well"""
    out = con.run(f"run /bin/dd {args}", timeout=timeout)
    m = re.search(r"^(\d+)\+(\d+) records in\n(\d+)\+(\d+) records out\n(\d+) bytes copied",
                  out, re.M)
    assert m and not re.search(r"^dd: ", out, re.M), out
    return int(m[1]) + int(m[2]), int(m[3]) + int(m[4]), int(m[5])


def word_at(con, page, slot=0):
    """the 8 bytes at `slot` of card page `page`, read through /dev/mmcblk0"""
    out = con.run(f"run /bin/dd if=/dev/mmcblk0 bs=8 count=1 skip={page * 512 + slot}")
    m = re.search(r"<(\d{6})>|([A-Z]{8})", out)
    assert m, out
    return m[0]


def test_dev_nodes_are_there(boot, tmp_path):
    """devtmpfs's nodes: /dev/mmcblk0 (179:0, the card) and /dev/null"""
    con = boot(mem="128M", smp=2, sd=str(pattern_card(tmp_path, 8)),
               extra=("-initrd", INITRAMFS))
    out = con.run("run /bin/ls -l /dev")
    assert re.search(r"^brw-rw---- +0 mmcblk0$", out, re.M), out
    assert re.search(r"^crw-rw-rw- +0 null$", out, re.M), out
    assert dd(con, "if=/dev/null of=/dev/null") == (0, 0, 0)


def test_a_second_read_comes_from_the_cache(boot, tmp_path):
    """4 MiB read: 1024 pages from the card, each now in Buffers and on the
    inactive file list; read again: no page from the card, every one
    moved to the active list (mark_page_accessed()'s second touch); the
    bytes are each page's own; drop_caches empties the cache; small
    sequential reads touch a page once"""
    con = boot(mem="128M", smp=2, sd=str(pattern_card(tmp_path)),
               extra=("-initrd", INITRAMFS))
    m0, r0 = meminfo(con), diskstats_reads(con)
    assert m0["Buffers"] == m0["Active(file)"] == m0["Inactive(file)"] == 0, m0
    assert dd(con, "if=/dev/mmcblk0 of=/dev/null bs=64K count=64") == (64, 64, 4 << 20)
    m1, r1 = meminfo(con), diskstats_reads(con)
    assert r1 - r0 == 1024
    assert m1["Buffers"] == m1["Inactive(file)"] == 4096 and m1["Active(file)"] == 0, m1
    assert m1["Cached"] == m0["Cached"], (m0, m1)
    v0 = vmstat(con)
    assert dd(con, "if=/dev/mmcblk0 of=/dev/null bs=64K count=64") == (64, 64, 4 << 20)
    m2 = meminfo(con)
    assert diskstats_reads(con) == r1
    assert m2["Buffers"] == m2["Active(file)"] == 4096 and m2["Inactive(file)"] == 0, m2
    assert vmstat(con)["pgactivate"] - v0["pgactivate"] == 1024
    for page in (0, 1, 777, 1023):
        assert word_at(con, page, 5) == "<%06d>" % page
    out = con.run("drop_caches")
    assert "drop_caches: dropped 1024 of 1024 cached pages (0 still held by a reader)" in out
    m3 = meminfo(con)
    assert m3["Buffers"] == m3["Active(file)"] == m3["Inactive(file)"] == 0, m3
    assert word_at(con, 1023) == "<001023>"
    assert diskstats_reads(con) == r1 + 1
    # 512-byte reads through a page touch it once (do_generic_file_read()'s
    # prev_pos): a sequential read leaves its pages inactive
    assert dd(con, "if=/dev/mmcblk0 of=/dev/null bs=512 count=64") == (64, 64, 32768)
    m4 = meminfo(con)
    assert m4["Active(file)"] == 0 and m4["Inactive(file)"] == 36, m4
    assert "Bad page" not in con.log and "BUG" not in con.log


def test_reclaim_drops_the_cache_when_there_is_no_swap(boot, tmp_path):
    """64 MiB board, 24 MiB of it page cache, no swap area: swap-demo's
    48 MiB fit only because reclaim drops the cache (without file lists
    the OOM killer ends it); what is dropped is the oldest, and reads
    of it come from the card again, each page still its own"""
    con = boot(mem="64M", smp=2, sd=str(pattern_card(tmp_path)),
               extra=("-initrd", INITRAMFS))
    dd(con, "if=/dev/mmcblk0 of=/dev/null bs=1M count=24")
    m0, v0 = meminfo(con), vmstat(con)
    assert m0["Buffers"] == 24 << 10 and m0["SwapTotal"] == 0, m0
    assert m0["MemAvailable"] > m0["MemFree"] + 8192, m0
    out = con.run("run /bin/swap-demo 48", timeout=600)
    assert "swap-demo: 2 passed, 0 failed, 0 skipped" in out, out
    assert "Out of memory" not in con.log and "Killed" not in out, out
    m1, v1 = meminfo(con), vmstat(con)
    dropped = (v1["pgsteal_kswapd"] - v0["pgsteal_kswapd"]
               + v1["pgsteal_direct"] - v0["pgsteal_direct"])
    assert dropped >= 1024 and m1["Buffers"] <= m0["Buffers"] - 4 * dropped, (m0, m1, dropped)
    assert v1["pswpout"] == v0["pswpout"] == 0
    r0 = diskstats_reads(con)
    assert word_at(con, 0, 511) == "<000000>"  # the oldest: dropped, read again
    assert diskstats_reads(con) == r0 + 1
    out = con.run("reclaim 16000")
    assert re.search(r"^reclaim: freed \d+ pages, wrote 0 to swap, page cache \d+ -> 0 pages",
                     out, re.M), out
    assert "Bad page" not in con.log and "BUG" not in con.log


def test_the_cache_goes_before_processes_pages_are_swapped(boot, tmp_path):
    """with a swap area and more old page cache than new (get_scan_count():
    the inactive file list is not short), reclaim for swap-demo's 40 MiB
    drops cache and swaps nothing out"""
    img = swap_card(tmp_path, 32)
    con = boot(mem="64M", smp=2, sd=str(img), extra=("-initrd", INITRAMFS))
    dd(con, "if=/dev/mmcblk0 of=/dev/null bs=1M count=24")
    swapon(con, img)  # drops the cache (kill_bdev()): read it again
    assert meminfo(con)["Buffers"] == 0
    dd(con, "if=/dev/mmcblk0 of=/dev/null bs=1M count=24")
    v0 = vmstat(con)
    out = con.run("run /bin/swap-demo 40", timeout=600)
    assert "swap-demo: 2 passed, 0 failed, 0 skipped" in out, out
    v1 = vmstat(con)
    assert (v1["pgsteal_kswapd"] + v1["pgsteal_direct"]
            > v0["pgsteal_kswapd"] + v0["pgsteal_direct"]), (v0, v1)
    assert v1["pswpout"] == v0["pswpout"], (v0, v1)


def test_writes_go_through_to_the_card(boot, tmp_path):
    """dd of=/dev/mmcblk0: the card has the bytes at once (`blk read`, past
    the cache), the cache too; `blk write` behind the cache's back drops
    its page; past the end: No space left on device; with swap on the
    card: Text file busy, nothing written"""
    img = swap_card(tmp_path, 16)
    con = boot(mem="128M", smp=2, sd=str(img), extra=("-initrd", INITRAMFS))
    assert dd(con, "if=/data/pages.bin of=/dev/mmcblk0 bs=4K seek=100") == (2, 2, 8192)
    out = con.run("blk read 800 16")
    assert "00000000  41 41 41 41 41 41 41 41  41 41 41 41 41 41 41 41  |AAAAAAAAAAAAAAAA|" in out
    assert word_at(con, 101, 7) == "BBBBBBBB"
    r0 = diskstats_reads(con)
    con.run("blk write 808 0x58585858")  # page 101, "XXXX" + i
    assert word_at(con, 101) == "XXXXYXXX"  # words 0x58585858 + i, little-endian
    assert diskstats_reads(con) == r0 + 1  # its cached page was dropped: read again
    out = con.run("run /bin/dd if=/data/pages.bin of=/dev/mmcblk0 bs=4K seek=4096")
    assert "dd: error writing '/dev/mmcblk0': No space left on device" in out, out
    assert dd(con, "if=/dev/mmcblk0 of=/dev/null bs=4K skip=4095") == (1, 1, 4096)
    swapon(con, img)
    out = con.run("run /bin/dd if=/data/pages.bin of=/dev/mmcblk0 bs=4K seek=100")
    assert "dd: error writing '/dev/mmcblk0': Text file busy" in out, out
    assert "0+0 records out" in out, out
    assert "Bad page" not in con.log and "BUG" not in con.log


def test_a_process_maps_the_cards_pages(boot, tmp_path):
    """mmap-dev-demo on the card: its mappings are the cache's pages
    (Mapped, Buffers, smaps without Anonymous), a private write copies,
    past the end is SIGBUS, a writable shared mapping is refused; once it
    has exited the pages are the cache's alone and reclaim drops them"""
    con = boot(mem="128M", smp=4, sd=str(pattern_card(tmp_path, 8)),
               extra=("-initrd", INITRAMFS))
    mapped = meminfo(con)["Mapped"]
    out = con.run("run /bin/mmap-dev-demo")
    assert "mmap-dev-demo: 11 passed, 0 failed, 0 skipped" in out, out
    assert re.search(r"exit status 0$", out, re.M), out
    # the card's page 0 and 1 begin "<000000>" and "<000001>": '<' both
    assert "the mapping shows what read() does: 0x3c, 0x3c" in out, out
    assert "MAP_SHARED of /dev/mmcblk0 open for writing: EINVAL" in out, out
    m = meminfo(con)
    assert m["Mapped"] == mapped and m["Buffers"] == 8, m
    out = con.run("reclaim 100")
    assert re.search(r"^reclaim: freed 2 pages, wrote 0 to swap, page cache 2 -> 0 pages", out,
                     re.M), out
    assert "Bad page" not in con.log and "BUG" not in con.log


def test_a_write_behind_the_cache_reaches_the_next_read_of_a_mapped_page(boot, tmp_path):
    """`blk write` changes the card behind its cache while a process maps
    page 0: the page leaves the cache all the same (truncated, not just
    invalidated), so the next read() reads the card's new bytes -- before,
    the held page stayed cached and served the old ones for good.  The
    mapping itself keeps the old bytes until it goes (no i_mmap walk)."""
    from test_swapoff import wait_for
    con = boot(mem="128M", smp=2, sd=str(pattern_card(tmp_path, 8)),
               extra=("-initrd", INITRAMFS))
    said = wait_for(con, con.run("run /bin/mmap-dev-demo /dev/mmcblk0 6 &"),
                    "holding the shared mapping")
    assert word_at(con, 0) == "<000000>"
    out = con.run("blk write 0 0x41414141")
    assert "sectors 0-7 written" in out, out
    reads = diskstats_reads(con)
    assert word_at(con, 0) == "AAAABAAA"  # little-endian 0x41414141, 0x41414142
    assert diskstats_reads(con) == reads + 1
    said = wait_for(con, said, "mmap-dev-demo: 11 passed")
    assert "after the hold: the shared mapping shows 0x3c, read() 0x41" in said, said
    assert "Bad page" not in con.log and "BUG" not in con.log


def test_a_card_of_8_gib_is_read_and_written_from_its_start(boot, tmp_path):
    """an 8 GiB card (sparse): at offset 0 what is left of the device is
    8 GiB, which a 32-bit size_t took for 0 -- read() then looped for ever
    and write() wrote nothing.  Both now compare in 64 bits."""
    img = tmp_path / "big.img"
    with open(img, "wb") as f:
        f.write(b"<000000>" * 512)
        f.truncate(8 << 30)
    con = boot(mem="128M", smp=2, sd=str(img), extra=("-initrd", INITRAMFS))
    assert "mmcblk0: mmc0:4567 QEMU! 8.00 GiB" in con.log, con.log[-1500:]
    assert dd(con, "if=/dev/mmcblk0 of=/dev/null bs=16 count=1", timeout=20) == (1, 1, 16)
    assert word_at(con, 0) == "<000000>"
    assert dd(con, "if=/bin/dd of=/dev/mmcblk0 bs=8 count=1", timeout=20) == (1, 1, 8)
    out = con.run("blk read 0 16")
    assert re.search(r"^00000000  7f 45 4c 46 ", out, re.M), out  # dd's ELF header
    assert "Bad page" not in con.log and "BUG" not in con.log


def test_swapoff_drops_what_was_cached_while_swap_wrote_behind_it(boot, tmp_path):
    """reading the card while it is swapped on caches pages swap then
    writes behind the cache's back; swapoff empties the card's cache
    (Linux's blkdev_put() -> kill_bdev()), so no stale page outlives it"""
    img = swap_card(tmp_path, 16)
    con = boot(mem="128M", smp=2, sd=str(img), extra=("-initrd", INITRAMFS))
    swapon(con, img)
    assert dd(con, "if=/dev/mmcblk0 of=/dev/null bs=4096 count=3 skip=1") == (3, 3, 12288)
    assert meminfo(con)["Buffers"] == 12
    out = con.run("swapoff")
    assert re.search(r"^swapoff: mmcblk0: ", out, re.M), out
    assert meminfo(con)["Buffers"] == 0
