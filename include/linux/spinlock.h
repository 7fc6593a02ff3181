/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_SPINLOCK_H
#define _LINUX_SPINLOCK_H

/*
 * include/linux/spinlock.h @ v4.14 as a uniprocessor kernel with
 * CONFIG_DEBUG_SPINLOCK builds it.  a9mm runs on one CPU with interrupts
 * masked, so there is never anyone to spin against; what is left is the
 * debug check (kernel/locking/spinlock_debug.c): taking a lock that is
 * already held, or releasing one that is not, is a bug -- on one CPU it
 * means a code path re-entered the structure the lock protects (say, the
 * free lists) while it was half updated.
 */
#include <linux/kernel.h>

typedef struct {
	int locked;
	const char *name;
} spinlock_t;

/* kernel/locking/spinlock_debug.c: spin_bug() @ v4.14 */
void spin_bug(spinlock_t *lock, const char *msg) __attribute__((noreturn));

static inline void spin_lock_init(spinlock_t *lock, const char *name)
{
	lock->locked = 0;
	lock->name = name;
}

static inline void spin_lock(spinlock_t *lock)
{
	if (unlikely(lock->locked))
		spin_bug(lock, "recursion");
	lock->locked = 1;
}

static inline void spin_unlock(spinlock_t *lock)
{
	if (unlikely(!lock->locked))
		spin_bug(lock, "already unlocked");
	lock->locked = 0;
}

static inline bool spin_is_locked(const spinlock_t *lock)
{
	return lock->locked;
}

#endif
