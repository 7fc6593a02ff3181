// SPDX-License-Identifier: GPL-2.0
/*
 * lib/spinlock_debug.c: the report behind include/linux/spinlock.h's
 * checks, worded as kernel/locking/spinlock_debug.c: spin_dump() @ v4.14.
 */
#include <linux/spinlock.h>

/**
 * spin_bug() - report a misused spinlock and stop
 * @lock: the lock
 * @msg: what went wrong ("recursion", "already unlocked")
 *
 * kernel/locking/spinlock_debug.c: spin_bug() @ v4.14.  Linux prints and
 * carries on; on one CPU a recursive lock means the protected lists are
 * half updated underneath, so a9mm stops before anything is built on them.
 */
void spin_bug(spinlock_t *lock, const char *msg)
{
	pr_emerg("BUG: spinlock %s on CPU#0, swapper/0\n", msg);
	pr_emerg(" lock: %s, .locked: %d\n", lock->name ? lock->name : "?", lock->locked);
	panic("spinlock %s: %s", msg, lock->name ? lock->name : "?");
}
