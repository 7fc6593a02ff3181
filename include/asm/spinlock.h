/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_SPINLOCK_H
#define _ASM_SPINLOCK_H

/*
 * arch/arm/include/asm/spinlock.h (ARMv6K+): ticket locks.  One word, two
 * halves -- the ticket being served and the next ticket to hand out:
 *
 *   31          16 15           0
 *   [    next     |    owner     ]     unlocked when next == owner
 *
 * lock:   take a ticket (next++, atomically with LDREX/STREX), then wait
 *         in WFE until owner reaches it.  CPUs get the lock in the order
 *         they asked -- fair, unlike a test-and-set lock.
 * unlock: DMB (everything done inside is visible first), owner++,
 *         DSB + SEV: wake every CPU waiting in WFE to look again.
 *
 * The host build implements the same algorithm with __atomic builtins,
 * so the host tests can race real threads on it.
 */
#include <linux/types.h>
#include <asm/barrier.h>

#define TICKET_SHIFT 16

typedef struct {
	union {
		u32 slock;
		struct __raw_tickets {
			u16 owner; /* little-endian: the low half */
			u16 next;
		} tickets;
	};
} arch_spinlock_t;

#define __ARCH_SPIN_LOCK_UNLOCKED \
	{                         \
		{                 \
			0         \
		}                 \
	}

static inline bool arch_spin_value_unlocked(arch_spinlock_t lock)
{
	return lock.tickets.owner == lock.tickets.next;
}

static inline bool arch_spin_is_locked(const arch_spinlock_t *lock)
{
	arch_spinlock_t v = { { READ_ONCE(lock->slock) } };

	return !arch_spin_value_unlocked(v);
}

#ifdef A9MM_HOST
static inline u16 arch_spin_take_ticket(arch_spinlock_t *lock)
{
	u32 old = __atomic_fetch_add(&lock->slock, 1U << TICKET_SHIFT, __ATOMIC_ACQUIRE);

	return (u16)(old >> TICKET_SHIFT);
}

static inline bool arch_spin_trylock(arch_spinlock_t *lock)
{
	u32 old = __atomic_load_n(&lock->slock, __ATOMIC_RELAXED);

	if ((old >> TICKET_SHIFT) != (old & 0xffff))
		return false;
	return __atomic_compare_exchange_n(&lock->slock, &old, old + (1U << TICKET_SHIFT), false,
					   __ATOMIC_ACQUIRE, __ATOMIC_RELAXED);
}

static inline void arch_spin_unlock(arch_spinlock_t *lock)
{
	__atomic_store_n(&lock->tickets.owner, (u16)(lock->tickets.owner + 1), __ATOMIC_RELEASE);
}
#else
/*
 * The first half of arch_spin_lock(): next++ with LDREX/STREX; returns
 * the ticket this CPU drew (the old next).
 */
static inline u16 arch_spin_take_ticket(arch_spinlock_t *lock)
{
	unsigned long fail;
	u32 old, new;

	__asm__ volatile("1:	ldrex	%0, [%3]\n"
			 "	add	%1, %0, %4\n"
			 "	strex	%2, %1, [%3]\n"
			 "	teq	%2, #0\n"
			 "	bne	1b"
			 : "=&r"(old), "=&r"(new), "=&r"(fail)
			 : "r"(&lock->slock), "I"(1 << TICKET_SHIFT)
			 : "cc", "memory");
	return (u16)(old >> TICKET_SHIFT);
}

/*
 * arch/arm/include/asm/spinlock.h: arch_spin_trylock() @ v4.9: take a ticket
 * only if it would be served at once (owner == next); a failed STREX
 * (someone else touched the word) just means look again.
 */
static inline bool arch_spin_trylock(arch_spinlock_t *lock)
{
	unsigned long busy, fail;
	u32 v;

	do {
		__asm__ volatile("	ldrex	%0, [%3]\n"
				 "	mov	%2, #0\n"
				 "	subs	%1, %0, %0, ror #16\n"
				 "	addeq	%0, %0, %4\n"
				 "	strexeq	%2, %0, [%3]"
				 : "=&r"(v), "=&r"(busy), "=&r"(fail)
				 : "r"(&lock->slock), "I"(1 << TICKET_SHIFT)
				 : "cc", "memory");
	} while (fail);
	if (busy)
		return false;
	smp_mb();
	return true;
}

/* arch/arm/include/asm/spinlock.h: arch_spin_unlock() @ v4.9 */
static inline void arch_spin_unlock(arch_spinlock_t *lock)
{
	smp_mb();
	WRITE_ONCE(lock->tickets.owner, (u16)(lock->tickets.owner + 1));
	dsb_sev();
}
#endif

/* arch/arm/include/asm/spinlock.h: arch_spin_lock() @ v4.9: a ticket, then WFE until served */
static inline void arch_spin_lock(arch_spinlock_t *lock)
{
	u16 ticket = arch_spin_take_ticket(lock);

	while (READ_ONCE(lock->tickets.owner) != ticket)
		wfe();
	smp_mb();
}

#endif
