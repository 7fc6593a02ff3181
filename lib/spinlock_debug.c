// SPDX-License-Identifier: GPL-2.0
/*
 * lib/spinlock_debug.c: kernel/locking/spinlock_debug.c @ v4.9 on top
 * of the ARM ticket lock: with debug_spinlock=on every lock and unlock is
 * checked, every report is worded as Linux's spin_dump() words it; either
 * way CONFIG_LOCK_STAT-style counters say how often a lock was fought
 * over, and a wait of more than a second is reported.
 *
 * A lock records the CPU and the task that hold it.  A task holds a
 * spinlock with preemption off (linux/spinlock.h), so no other task runs
 * on its CPU until it lets go: the CPU alone decides "recursion" and
 * "wrong owner" (Linux's "wrong CPU" and "wrong owner" are one check
 * here); the task is named in the reports.
 */
#include <linux/init.h>
#include <linux/kallsyms.h>
#include <linux/printk.h>
#include <linux/sched_clock.h>
#include <linux/smp.h>
#include <linux/spinlock.h>
#include <linux/task_name.h>

/* Linux waits loops_per_jiffy * HZ trylocks, about a second: a9mm measures the second. */
#define LOCKUP_NS 1000000000ULL

bool debug_spinlock_enabled;

/*
 * "debug_spinlock=on|off": Linux's CONFIG_DEBUG_SPINLOCK, chosen at boot
 * (Linux has no such option: it builds the checks in or not).  Off by
 * default, as in distribution kernels: the checks cost each lock and
 * unlock an out-of-line call and about as much again in loads and stores
 * (bench: the order-3 pair, which takes zone->lock twice).  Parsed before
 * the other CPUs start and while no lock is held, so every lock is taken
 * and released under the same setting.
 */
static int __init debug_spinlock_setup(char *buf)
{
	if (buf && !strcmp(buf, "on"))
		debug_spinlock_enabled = true;
	else if (buf && !strcmp(buf, "off"))
		debug_spinlock_enabled = false;
	else
		pr_err("debug_spinlock=%s: expected on or off, ignored\n", buf ? buf : "");
	return 0;
}
early_param("debug_spinlock", debug_spinlock_setup);

/**
 * __spin_lock_init() - an unlocked spinlock, named
 * @lock: the lock
 * @name: what reports call it
 *
 * kernel/locking/spinlock_debug.c: __raw_spin_lock_init() @ v4.9
 */
void __spin_lock_init(spinlock_t *lock, const char *name)
{
	lock->raw_lock = (arch_spinlock_t)__ARCH_SPIN_LOCK_UNLOCKED;
	lock->magic = SPINLOCK_MAGIC;
	lock->owner_cpu = SPINLOCK_OWNER_INIT;
	lock->owner = NULL;
	lock->owner_ip = NULL;
	lock->name = name;
	memset(&lock->stat, 0, sizeof(lock->stat));
}

/**
 * spin_dump() - a spinlock report, without stopping
 * @lock: the lock
 * @msg: what is wrong
 *
 * kernel/locking/spinlock_debug.c: spin_dump() @ v4.9
 */
void spin_dump(spinlock_t *lock, const char *msg)
{
	unsigned int cpu = raw_smp_processor_id();
	unsigned int owner = READ_ONCE(lock->owner_cpu);
	const void *ip = READ_ONCE(lock->owner_ip);
	char where[96] = "-", me[TASK_NAME_LEN], holder[TASK_NAME_LEN];

	if (ip)
		sprint_symbol(where, sizeof(where), (unsigned long)ip);
	pr_emerg("BUG: spinlock %s on CPU#%u, %s\n", msg, cpu,
		 task_name(me, sizeof(me), task_name_current(), cpu, true));
	pr_emerg(" tickets: serving %u, next %u\n", READ_ONCE(lock->raw_lock.tickets.owner),
		 READ_ONCE(lock->raw_lock.tickets.next));
	if (!debug_spinlock_enabled)
		pr_emerg(" lock: %s, .owner: not recorded (boot with debug_spinlock=on)\n",
			 lock->name ? lock->name : "?");
	else if (owner == SPINLOCK_OWNER_INIT)
		pr_emerg(" lock: %s, .magic: %08x, .owner: <none>/-1, .owner_cpu: -1\n",
			 lock->name ? lock->name : "?", lock->magic);
	else
		pr_emerg(" lock: %s, .magic: %08x, .owner: %s, .owner_cpu: %u, taken at %s\n",
			 lock->name ? lock->name : "?", lock->magic,
			 task_name(holder, sizeof(holder), READ_ONCE(lock->owner), owner, true),
			 owner, where);
}

/**
 * spin_bug() - report a misused spinlock and stop
 * @lock: the lock
 * @msg: what went wrong ("recursion", "already unlocked", "bad magic")
 *
 * kernel/locking/spinlock_debug.c: spin_bug() @ v4.9.  Linux prints and goes on;
 * a9mm stops for the two bugs that cannot end well: recursion (the CPU
 * would wait for itself with interrupts off, forever) and an unlock of a
 * free lock (owner would pass next: the lock is broken for everyone).
 */
void spin_bug(spinlock_t *lock, const char *msg)
{
	spin_dump(lock, msg);
	panic("spinlock %s: %s", msg, lock->name ? lock->name : "?");
}

/* kernel/locking/spinlock_debug.c: debug_spin_lock_before() @ v4.9 */
static void debug_spin_lock_before(spinlock_t *lock)
{
	if (unlikely(lock->magic != SPINLOCK_MAGIC))
		spin_bug(lock, "bad magic");
	if (unlikely(READ_ONCE(lock->owner_cpu) == raw_smp_processor_id()))
		spin_bug(lock, "recursion");
}

/* kernel/locking/spinlock_debug.c: debug_spin_lock_after() @ v4.9 */
static void debug_spin_lock_after(spinlock_t *lock, const void *ip)
{
	WRITE_ONCE(lock->owner_cpu, raw_smp_processor_id());
	WRITE_ONCE(lock->owner, task_name_current());
	WRITE_ONCE(lock->owner_ip, ip);
	lock->stat.acquisitions++;
}

/*
 * kernel/locking/spinlock_debug.c: __spin_lock_debug() @ v4.9, on the ticket
 * lock: draw a ticket and wait for it in WFE, as arch_spin_lock() does,
 * but look at the clock now and then -- after a second, report the
 * suspected lockup once and keep waiting (Linux does the same: nothing
 * else can be done, but the console now says who holds what).
 */
static void __spin_lock_debug(spinlock_t *lock)
{
	u16 ticket = arch_spin_take_ticket(&lock->raw_lock);
	u64 t0 = sched_clock(), waited = 0;
	unsigned long loops = 0;
	bool reported = false;

	while (READ_ONCE(lock->raw_lock.tickets.owner) != ticket) {
		wfe();
		if (++loops % 1024)
			continue;
		waited = sched_clock() - t0;
		if (!reported && waited > LOCKUP_NS) {
			spin_dump(lock, "lockup suspected");
			reported = true;
		}
	}
	smp_mb();
	waited = sched_clock() - t0;
	lock->stat.contended++;
	if (waited > lock->stat.max_spin_ns)
		lock->stat.max_spin_ns = waited;
}

/**
 * do_raw_spin_lock() - take a spinlock, checked and counted
 * @lock: the lock
 * @ip: where the caller takes it (reports name it)
 *
 * kernel/locking/spinlock_debug.c: do_raw_spin_lock() @ v4.9: spin_lock()'s
 * slow path -- the checks (debug_spinlock=on), or the wait for a lock
 * another CPU holds (timed either way: a lockup is reported).
 */
void do_raw_spin_lock(spinlock_t *lock, const void *ip)
{
	if (unlikely(debug_spinlock_enabled))
		debug_spin_lock_before(lock);
	if (unlikely(!arch_spin_trylock(&lock->raw_lock)))
		__spin_lock_debug(lock);
	if (unlikely(debug_spinlock_enabled))
		debug_spin_lock_after(lock, ip);
	else
		lock->stat.acquisitions++;
}

/**
 * do_raw_spin_trylock() - take a spinlock if it is free
 * @lock: the lock
 * @ip: where the caller takes it
 *
 * kernel/locking/spinlock_debug.c: do_raw_spin_trylock() @ v4.9
 *
 * Return: true if it was taken.
 */
bool do_raw_spin_trylock(spinlock_t *lock, const void *ip)
{
	bool ret = arch_spin_trylock(&lock->raw_lock);

	if (ret && debug_spinlock_enabled)
		debug_spin_lock_after(lock, ip);
	else if (ret)
		lock->stat.acquisitions++;
	return ret;
}

/**
 * do_raw_spin_unlock() - release a spinlock, checked
 * @lock: the lock
 *
 * kernel/locking/spinlock_debug.c: debug_spin_unlock() + do_raw_spin_unlock() @ v4.9
 * (spin_unlock() calls it with debug_spinlock=on; without, it unlocks inline)
 */
void do_raw_spin_unlock(spinlock_t *lock)
{
	if (unlikely(lock->magic != SPINLOCK_MAGIC))
		spin_bug(lock, "bad magic");
	if (unlikely(!arch_spin_is_locked(&lock->raw_lock)))
		spin_bug(lock, "already unlocked");
	if (unlikely(READ_ONCE(lock->owner_cpu) != raw_smp_processor_id()))
		spin_dump(lock, "wrong owner");
	WRITE_ONCE(lock->owner_cpu, SPINLOCK_OWNER_INIT);
	WRITE_ONCE(lock->owner, NULL);
	WRITE_ONCE(lock->owner_ip, NULL);
	arch_spin_unlock(&lock->raw_lock);
}

/**
 * spin_lock_stat_reset() - zero a lock's counters
 * @lock: the lock
 *
 * Under the lock: the counters are only ever changed by its holder.
 * (include/linux/lockdep.h: lock_stat's reset, /proc/lock_stat's write, in spirit.)
 */
void spin_lock_stat_reset(spinlock_t *lock)
{
	unsigned long flags;

	spin_lock_irqsave(lock, flags);
	memset(&lock->stat, 0, sizeof(lock->stat));
	spin_unlock_irqrestore(lock, flags);
}
