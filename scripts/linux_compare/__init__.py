# SPDX-License-Identifier: GPL-2.0
"""linux-compare: boot Debian's Linux 6.1 and a9mm on the same QEMU board
with the same RAM, CPUs, command line and DTB, and set their memory
bring-up logs side by side.

  fetch.py    Debian's armhf linux-image-*-armmp, downloaded with apt into
              cache/linux-compare/ (no root, no change to the system)
  kimage.py   the decompressed Image: kallsyms, the pr_debug sites
              (__dyndbg + __jump_table), the printk ring buffer
  printk.py   reads Linux's log out of its printk ring buffer
  boot.py     runs Linux under GDB and a9mm on its console, in QEMU
  logparse.py the figures each log prints
  compare.py  the side-by-side table and the rules that explain differences
"""
