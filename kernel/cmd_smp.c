// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/cmd_smp.c: shell commands about the CPUs: `on CPU COMMAND` (any
 * command, run by another CPU -- Linux would say taskset) and
 * `spinlock KIND`, which makes each of Linux's spinlock debug reports
 * happen on purpose.
 */
#include <a9mm/shell.h>
#include <linux/cmdline.h>
#include <linux/cpumask.h>
#include <linux/delay.h>
#include <linux/kernel.h>
#include <linux/smp.h>
#include <linux/spinlock.h>
#include <linux/workqueue.h>

/* "CPU n is not online", with the ones that are (0-3, or 0,2) */
static void say_not_online(const char *cmd, const char *what)
{
	unsigned int cpu;
	bool first = true;

	shprintf("%s: CPU %s is not online; online:", cmd, what);
	for_each_online_cpu(cpu) {
		shprintf("%s%u", first ? " " : ",", cpu);
		first = false;
	}
	shprintf("\n");
}

struct on_args {
	int argc;
	char **argv;
};

static long on_cpu_fn(void *arg)
{
	struct on_args *a = arg;

	shell_exec_argv(a->argc, a->argv);
	return 0;
}

/*
 * `on CPU COMMAND [ARGS...]`: the command runs on CPU, in its idle
 * task's process context (work_on_cpu()), while this CPU waits -- e.g.
 * `on 2 alloc 0` takes a page from CPU 2's per-cpu list.
 */
static int do_on(int argc, char **argv)
{
	struct on_args a = { .argc = argc - 2, .argv = argv + 2 };
	unsigned long cpu;

	if (argc < 3)
		return 1;
	if (kstrtoul(argv[1], 0, &cpu)) {
		shprintf("on: '%s' is not a CPU number\n", argv[1]);
		return 1;
	}
	if (cpu >= NR_CPUS || !cpu_online((unsigned int)cpu)) {
		say_not_online("on", argv[1]);
		return 0;
	}
	work_on_cpu((int)cpu, on_cpu_fn, &a);
	return 0;
}
/* Tab after `on`: the online CPUs' numbers (the words after them: the command's own) */
static const char *on_word(unsigned int argno, unsigned int i)
{
	static const char *const numbers[] = { "0", "1", "2", "3" };
	unsigned int cpu;

	BUILD_BUG_ON(ARRAY_SIZE(numbers) < NR_CPUS);
	if (argno != 1)
		return NULL;
	for_each_online_cpu(cpu)
		if (!i--)
			return numbers[cpu];
	return NULL;
}
SHELL_CMD("on", do_on, "CPU COMMAND [ARGS]...", "run a shell command on another CPU",
	  .linux = "kernel/workqueue.c: work_on_cpu() (the work runs in that CPU's idle loop, "
		   "woken by an IPI: arch/arm/kernel/smp.c: smp_send_reschedule()); as "
		   "taskset -c CPU COMMAND does with a task",
	  .complete = on_word);

static DEFINE_SPINLOCK(demo_lock);

/*
 * the lock taken on one CPU... (the bare lock: spin_lock() would leave
 * that CPU's preempt count raised, the unlock lower this one's)
 */
static long demo_lock_fn(void *arg)
{
	do_raw_spin_lock(&demo_lock, _THIS_IP_);
	return 0;
}

/* ...held a while by another (a work item), for the lockup demonstration */
static volatile bool demo_held;

static void demo_hold_fn(struct work_struct *work)
{
	spin_lock(&demo_lock);
	WRITE_ONCE(demo_held, true);
	mdelay(1500);
	spin_unlock(&demo_lock);
}

/* another online CPU than this one, or -1 */
static int other_cpu(void)
{
	unsigned int cpu;

	for_each_online_cpu(cpu)
		if (cpu != smp_processor_id())
			return (int)cpu;
	return -1;
}

/*
 * `spinlock KIND`: Linux's CONFIG_DEBUG_SPINLOCK reports, each caused on
 * purpose with a lock of its own (demo_lock):
 *   lockup       another CPU holds it 1.5 s: "lockup suspected" after
 *                1 s, then the lock is taken and all is well
 *   wrong-owner  locked on another CPU, unlocked here: reported, unlocked
 *   recursion    taken twice here: reported, and the kernel stops
 *                (the CPU would wait for itself forever)
 *   unlocked     unlocked while free: reported, and the kernel stops
 * All but lockup need the checks (debug_spinlock=on): without them a
 * recursion would wait for itself -- until the lockup report a second
 * later -- and the other two would go unnoticed, as in a Linux built
 * without CONFIG_DEBUG_SPINLOCK.
 */
static int do_spinlock(int argc, char **argv)
{
	struct work_struct hold;
	int cpu = other_cpu();

	if (argc != 2)
		return 1;
	if (!debug_spinlock_enabled &&
	    (!strcmp(argv[1], "wrong-owner") || !strcmp(argv[1], "recursion") ||
	     !strcmp(argv[1], "unlocked"))) {
		shprintf("spinlock %s: the checks are off: boot with debug_spinlock=on\n", argv[1]);
		return 0;
	}
	if (!strcmp(argv[1], "lockup") || !strcmp(argv[1], "wrong-owner")) {
		if (cpu < 0) {
			shprintf("spinlock %s: needs a second CPU online\n", argv[1]);
			return 0;
		}
	}
	if (!strcmp(argv[1], "lockup")) {
		shprintf("spinlock lockup: CPU%d holds demo_lock for 1.5 s; CPU%u asks for it\n",
			 cpu, smp_processor_id());
		WRITE_ONCE(demo_held, false);
		INIT_WORK(&hold, demo_hold_fn);
		schedule_work_on(cpu, &hold);
		while (!READ_ONCE(demo_held))
			cpu_relax();
		spin_lock(&demo_lock);
		spin_unlock(&demo_lock);
		flush_work(&hold);
		shprintf("spinlock lockup: got it after CPU%d let go\n", cpu);
	} else if (!strcmp(argv[1], "wrong-owner")) {
		shprintf("spinlock wrong-owner: CPU%d locks demo_lock, CPU%u unlocks it\n", cpu,
			 smp_processor_id());
		work_on_cpu(cpu, demo_lock_fn, NULL);
		do_raw_spin_unlock(&demo_lock);
	} else if (!strcmp(argv[1], "recursion")) {
		spin_lock(&demo_lock);
		spin_lock(&demo_lock);
	} else if (!strcmp(argv[1], "unlocked")) {
		spin_unlock(&demo_lock);
	} else {
		shprintf("spinlock: unknown kind '%s'\n", argv[1]);
		return 1;
	}
	return 0;
}
static const char *spinlock_word(unsigned int argno, unsigned int i)
{
	static const char *const kinds[] = { "lockup", "wrong-owner", "recursion", "unlocked" };

	return argno == 1 && i < ARRAY_SIZE(kinds) ? kinds[i] : NULL;
}
SHELL_CMD("spinlock", do_spinlock, "lockup|wrong-owner|recursion|unlocked",
	  "cause a spinlock debug report (the last two stop the kernel)",
	  .linux = "kernel/locking/spinlock_debug.c (v4.9): do_raw_spin_lock() -> "
		   "__spin_lock_debug() (\"lockup suspected\"), debug_spin_lock_before() "
		   "(\"recursion\"), debug_spin_unlock() (\"wrong owner\", \"already "
		   "unlocked\") -> spin_dump(); arch/arm/include/asm/spinlock.h: the ticket lock",
	  .complete = spinlock_word);
