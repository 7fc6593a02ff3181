# SPDX-License-Identifier: GPL-2.0
"""a9mm's GDB helpers, in the spirit of Linux's scripts/gdb (lx-*).

`source scripts/gdb/a9mm.py` (scripts/gdbinit does it) adds:

  a9mm-memblock        memblock.memory and .reserved, as memblock=debug prints them
  a9mm-buddyinfo       /proc/buddyinfo from the zones' free_area[].nr_free, + per-CPU lists
  a9mm-zoneinfo        each zone: fields, watermarks, every online CPU's per-cpu lists,
                       free blocks by type
  a9mm-freelist ZONE ORDER [MIGRATETYPE]   the blocks on one free list, pfn and order
  a9mm-pfn KIND VALUE  pfn <-> phys <-> virt <-> struct page (KIND: pfn|phys|virt|page)
  a9mm-pgwalk [PID] VA the MMU's walk of TTBR0's / swapper_pg_dir's (or process PID's)
                       tables for VA, decoded
  a9mm-ps              the tasks, as the shell's `ps` lists them (run queues, init_task.tasks)
  a9mm-vmas PID        a process's VMAs (mm->mmap), as /proc/PID/maps lists them
  a9mm-restart         reset the board, zero the stale page table and .bss, run again

They read the halted kernel's memory through GDB; nothing is assumed that
the kernel's own variables can tell.  `help a9mm-...` says more.  Modules:
a9mm_target (memory, registers, PHYS_OFFSET), a9mm_mm (memblock, zones,
mem_map), a9mm_pgtable (the short-descriptor walk), a9mm_sched (tasks).
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import a9mm_mm  # noqa: E402
import a9mm_pgtable  # noqa: E402
import a9mm_sched  # noqa: E402
import a9mm_slab  # noqa: E402

a9mm_mm.register()
a9mm_pgtable.register()
a9mm_slab.register()
a9mm_sched.register()
