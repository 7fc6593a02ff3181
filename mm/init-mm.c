// SPDX-License-Identifier: GPL-2.0
/*
 * mm/init-mm.c @ v4.14: init_mm, the kernel's own address space --
 * swapper_pg_dir, which every kernel thread runs on (they have no mm of
 * their own and borrow the active one: kernel/sched/core.c).
 */
#include <asm/pgtable.h>
#include <linux/mm_types.h>

/* mm/init-mm.c: init_mm @ v4.14 */
struct mm_struct init_mm = {
	.pgd = swapper_pg_dir,
	.mm_users = ATOMIC_INIT(2),
	.mm_count = ATOMIC_INIT(1),
	.page_table_lock = __SPIN_LOCK_UNLOCKED(init_mm.page_table_lock),
	.mmlist = LIST_HEAD_INIT(init_mm.mmlist),
};
