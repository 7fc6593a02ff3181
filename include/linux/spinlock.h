/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_SPINLOCK_H
#define _LINUX_SPINLOCK_H

/*
 * include/linux/spinlock.h @ v4.14: an ARM ticket lock (asm/spinlock.h)
 * with CONFIG_LOCK_STAT-style counters and, when asked for, Linux's
 * CONFIG_DEBUG_SPINLOCK checks (lib/spinlock_debug.c, after
 * kernel/locking/spinlock_debug.c):
 *
 *   BUG: spinlock recursion on CPU#N     this CPU already holds it: it
 *                                        would wait for itself forever
 *   BUG: spinlock already unlocked       unlock of a free lock
 *   BUG: spinlock wrong owner on CPU#N   unlocked by another CPU than the
 *                                        one that locked it
 *   BUG: spinlock lockup suspected       waited a second and still no turn
 *   BUG: spinlock bad magic              not a spinlock (never initialised)
 *
 * Linux chooses the checks when it is built (CONFIG_DEBUG_SPINLOCK: off in
 * every distribution's kernel, since they double the cost of each lock
 * and unlock); a9mm when it boots, with "debug_spinlock=on" -- off by
 * default, as there.  Off, spin_lock() is one inline trylock (LDREX/STREX)
 * and a count, spin_unlock() arch_spin_unlock(): what a lock costs at
 * least.  The "lockup suspected" report needs no bookkeeping of the
 * uncontended path, so a9mm gives it either way (without the owner, which
 * only the checks record): a CPU that waits for ever says so.
 *
 * Which lock to use where, as Linux 3.x: data an interrupt handler also
 * touches is locked with spin_lock_irqsave() (else the handler, run on
 * the CPU holding the lock, would spin on it forever); spin_lock() is for
 * code that already runs with interrupts off.
 */
#include <linux/kernel.h>
#include <linux/irqflags.h>
#include <linux/preempt.h>
#include <asm/spinlock.h>

#define SPINLOCK_MAGIC	    0xdead4ead
#define SPINLOCK_OWNER_INIT ((unsigned int)-1)

/* include/linux/lockdep.h (CONFIG_LOCK_STAT): lock_stat's counters, updated under the lock */
struct spinlock_stat {
	unsigned long acquisitions; /* times taken */
	unsigned long contended;    /* times it was held by another CPU when asked for */
	u64 max_spin_ns;	    /* the longest wait for it */
};

typedef struct spinlock {
	arch_spinlock_t raw_lock;
	unsigned int magic, owner_cpu;
	const void *owner; /* the struct task_struct holding it (NULL: a CPU before sched_init()) */
	const void *owner_ip; /* where the holder took it (reports name it) */
	const char *name;
	struct spinlock_stat stat;
} spinlock_t;

#define __SPIN_LOCK_UNLOCKED(lockname)                                          \
	{                                                                       \
		.raw_lock = __ARCH_SPIN_LOCK_UNLOCKED, .magic = SPINLOCK_MAGIC, \
		.owner_cpu = SPINLOCK_OWNER_INIT, .name = #lockname             \
	}
#define DEFINE_SPINLOCK(x) spinlock_t x = __SPIN_LOCK_UNLOCKED(x)

/* lib/spinlock_debug.c */
void __spin_lock_init(spinlock_t *lock, const char *name);
void do_raw_spin_lock(spinlock_t *lock, const void *ip);
bool do_raw_spin_trylock(spinlock_t *lock, const void *ip);
void do_raw_spin_unlock(spinlock_t *lock);
/* Linux's spin_bug(): the report; a bug that would hang or corrupt the lock panics */
void spin_bug(spinlock_t *lock, const char *msg);
/* the report spin_bug() prints, without stopping (wrong owner, lockup) */
void spin_dump(spinlock_t *lock, const char *msg);
void spin_lock_stat_reset(spinlock_t *lock);

#define spin_lock_init(lock) __spin_lock_init(lock, #lock)

/* include/linux/kernel.h: _THIS_IP_, the address of the code that uses it */
#ifndef _THIS_IP_
#define _THIS_IP_                       \
	({                              \
		__label__ __here;       \
	__here:                         \
		(const void *)&&__here; \
	})
#endif

/* lib/spinlock_debug.c: "debug_spinlock=on"; set before the first lock is taken */
extern bool debug_spinlock_enabled;

/*
 * include/linux/spinlock.h: spin_lock() -> do_raw_spin_lock() @ v4.14,
 * the fast path inline: without the checks an uncontended lock is one
 * trylock; a contended one, or any with the checks, goes out of line.
 */
static __always_inline void __spin_lock(spinlock_t *lock, const void *ip)
{
	if (likely(!debug_spinlock_enabled) && likely(arch_spin_trylock(&lock->raw_lock))) {
		lock->stat.acquisitions++;
		return;
	}
	do_raw_spin_lock(lock, ip);
}

/* include/linux/spinlock.h: spin_unlock() -> do_raw_spin_unlock() @ v4.14 */
static __always_inline void __spin_unlock(spinlock_t *lock)
{
	if (likely(!debug_spinlock_enabled))
		arch_spin_unlock(&lock->raw_lock);
	else
		do_raw_spin_unlock(lock);
}

/*
 * include/linux/spinlock_api_smp.h: __raw_spin_lock() @ v4.14: preemption
 * off while the lock is held -- a task preempted holding it would make
 * the next one on its CPU spin on it for a whole time slice, or forever
 * -- and back on (switching task if one is due) after it is let go,
 * interrupts first.
 */
#define spin_lock(lock)                       \
	do {                                  \
		preempt_disable();            \
		__spin_lock(lock, _THIS_IP_); \
	} while (0)
#define spin_trylock(lock)                                    \
	({                                                    \
		bool __got;                                   \
		preempt_disable();                            \
		__got = do_raw_spin_trylock(lock, _THIS_IP_); \
		if (!__got)                                   \
			preempt_enable();                     \
		__got;                                        \
	})
#define spin_unlock(lock)            \
	do {                         \
		__spin_unlock(lock); \
		preempt_enable();    \
	} while (0)

#define spin_lock_irqsave(lock, flags)        \
	do {                                  \
		local_irq_save(flags);        \
		preempt_disable();            \
		__spin_lock(lock, _THIS_IP_); \
	} while (0)

#define spin_unlock_irqrestore(lock, flags) \
	do {                                \
		__spin_unlock(lock);        \
		local_irq_restore(flags);   \
		preempt_enable();           \
	} while (0)

#define spin_lock_irq(lock)                   \
	do {                                  \
		local_irq_disable();          \
		preempt_disable();            \
		__spin_lock(lock, _THIS_IP_); \
	} while (0)

#define spin_unlock_irq(lock)        \
	do {                         \
		__spin_unlock(lock); \
		local_irq_enable();  \
		preempt_enable();    \
	} while (0)

static inline bool spin_is_locked(const spinlock_t *lock)
{
	return arch_spin_is_locked(&lock->raw_lock);
}

#endif
