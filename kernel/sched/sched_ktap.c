// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/sched/sched_ktap.c: the KTAP suite "sched" -- tasks, checked
 * from the inside: kernel threads start, run as themselves and exit
 * without leaving anything behind; wait queues pass a token between two
 * tasks without losing a wake-up; the tick preempts tasks that never
 * give the CPU up; timed sleeps last as long as asked.
 */
#include <a9mm/ktap.h>
#include <linux/completion.h>
#include <linux/cpumask.h>
#include <linux/delay.h>
#include <linux/err.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <linux/timer.h>
#include <linux/wait.h>
#include <linux/workqueue.h>

#define NR_KTHREADS 8

struct who {
	struct completion done;
	pid_t pid;	/* what the thread found in current->pid */
	bool own_stack; /* current is the task whose stack it runs on */
	bool right_cpu; /* task_cpu() is the CPU it runs on */
};

static int who_am_i(void *arg)
{
	struct who *w = arg;
	unsigned long sp;

	__asm__("mov %0, sp" : "=r"(sp));
	w->pid = current->pid;
	w->own_stack = (sp & ~(THREAD_SIZE - 1UL)) == (unsigned long)current->stack;
	w->right_cpu = task_cpu(current) == smp_processor_id();
	complete(&w->done);
	return 0;
}

/* is a task with @pid still on the task list? */
static bool task_alive(pid_t pid)
{
	struct task_struct *p = get_pid_task(pid);

	if (p)
		put_task_struct(p);
	return p != NULL;
}

/* kernel threads run as themselves, spread over the CPUs, and are gone once they return */
static void sched_kthreads_run_and_exit(struct ktap_test *t)
{
	static struct who who[NR_KTHREADS];
	struct task_struct *p[NR_KTHREADS];
	int before = nr_threads, i, waited;

	for (i = 0; i < NR_KTHREADS; i++) {
		init_completion(&who[i].done);
		who[i].pid = -1; /* before it starts: it may run at once on another CPU */
		p[i] = kthread_run(who_am_i, &who[i], "ktap-who");
		KTAP_EXPECT(t, !IS_ERR(p[i]));
		if (IS_ERR(p[i]))
			return;
	}
	for (i = 0; i < NR_KTHREADS; i++) {
		KTAP_EXPECT(t, wait_for_completion_timeout(&who[i].done, HZ) != 0);
		KTAP_EXPECT(t, who[i].pid > 1);
		KTAP_EXPECT(t, who[i].own_stack);
		KTAP_EXPECT(t, who[i].right_cpu);
	}
	/* each is released by its do_exit() and freed by the next task on its CPU */
	for (i = 0; i < NR_KTHREADS; i++)
		for (waited = 0; task_alive(who[i].pid) && waited < 100; waited++)
			msleep(10);
	for (i = 0; i < NR_KTHREADS; i++)
		KTAP_EXPECT(t, !task_alive(who[i].pid));
	KTAP_EXPECT_EQ(t, nr_threads, before);
}

#define PINGPONG_ROUNDS 200

struct pingpong {
	wait_queue_head_t wq;
	int ball; /* whose turn: 0 or 1 */
	int hits[2];
	struct completion done[2];
};

struct player {
	struct pingpong *pp;
	int me;
};

static int player_fn(void *arg)
{
	struct player *pl = arg;
	struct pingpong *pp = pl->pp;
	int i;

	for (i = 0; i < PINGPONG_ROUNDS; i++) {
		wait_event(pp->wq, READ_ONCE(pp->ball) == pl->me);
		pp->hits[pl->me]++;
		smp_mb();
		WRITE_ONCE(pp->ball, !pl->me);
		wake_up_all(&pp->wq);
	}
	complete(&pp->done[pl->me]);
	return 0;
}

/* two tasks (on two CPUs when there are two) hand a ball back and forth: no wake-up is lost */
static void sched_waitqueue_pingpong(struct ktap_test *t)
{
	static struct pingpong pp;
	static struct player pl[2];
	unsigned int cpu1 = cpumask_next(0, cpu_online_mask);
	int i;

	if (cpu1 >= nr_cpu_ids)
		cpu1 = 0;
	init_waitqueue_head(&pp.wq);
	pp.ball = 0;
	for (i = 0; i < 2; i++) {
		struct task_struct *p;

		pp.hits[i] = 0;
		init_completion(&pp.done[i]);
		pl[i].pp = &pp;
		pl[i].me = i;
		p = kthread_create_on_cpu(player_fn, &pl[i], i ? cpu1 : 0, "ktap-ping");
		KTAP_EXPECT(t, !IS_ERR(p));
		if (IS_ERR(p))
			return;
	}
	for (i = 0; i < 2; i++)
		KTAP_EXPECT(t, wait_for_completion_timeout(&pp.done[i], 10 * HZ) != 0);
	KTAP_EXPECT_EQ(t, pp.hits[0], PINGPONG_ROUNDS);
	KTAP_EXPECT_EQ(t, pp.hits[1], PINGPONG_ROUNDS);
}

struct spinner {
	volatile bool *stop;
	unsigned long count;
	unsigned long nivcsw;
	struct completion done;
};

static int spinner_fn(void *arg)
{
	struct spinner *s = arg;

	while (!*s->stop)
		s->count++;
	s->nivcsw = current->nivcsw;
	complete(&s->done);
	return 0;
}

/*
 * two tasks that never sleep, on one CPU: the tick takes the CPU from
 * each in turn (involuntary switches), so both make progress
 */
static void sched_tick_preempts_spinners(struct ktap_test *t)
{
	static volatile bool stop;
	static struct spinner s[2];
	unsigned int cpu = 0, c;
	unsigned long half0;
	int i;

	for_each_online_cpu(c)
		cpu = c;
	stop = false;
	for (i = 0; i < 2; i++) {
		struct task_struct *p;

		s[i].stop = &stop;
		s[i].count = 0;
		init_completion(&s[i].done);
		p = kthread_create_on_cpu(spinner_fn, &s[i], cpu, "ktap-spin");
		KTAP_EXPECT(t, !IS_ERR(p));
		if (IS_ERR(p))
			return;
	}
	msleep(300);
	half0 = READ_ONCE(s[0].count);
	msleep(300);
	stop = true;
	for (i = 0; i < 2; i++)
		KTAP_EXPECT(t, wait_for_completion_timeout(&s[i].done, 2 * HZ) != 0);
	ktap_print("spinners on CPU%u: %lu and %lu loops, %lu and %lu involuntary switches\n", cpu,
		   s[0].count, s[1].count, s[0].nivcsw, s[1].nivcsw);
	KTAP_EXPECT(t, s[0].count > half0); /* still ran in the second half */
	KTAP_EXPECT(t, s[1].count > 0);
	KTAP_EXPECT(t, s[0].nivcsw > 0);
	KTAP_EXPECT(t, s[1].nivcsw > 0);
}

/* msleep() and a completion's timeout last at least as long as asked */
static void sched_timed_sleeps(struct ktap_test *t)
{
	struct completion never;
	unsigned long start = jiffies;

	msleep(50);
	KTAP_EXPECT(t, time_after_eq(jiffies, start + msecs_to_jiffies(50)));
	init_completion(&never);
	start = jiffies;
	KTAP_EXPECT_EQ(t, wait_for_completion_timeout(&never, 3), 0);
	KTAP_EXPECT(t, time_after_eq(jiffies, start + 3));
	KTAP_EXPECT_EQ(t, timers_pending(), 0);
}

/*
 * A wait queue entry whose wake-up takes SLOW_WAKE_MS: complete() calls it
 * after counting x->done and before letting x->wait.lock go, so for that
 * long the completion is done but complete() is not finished with it.
 */
#define SLOW_WAKE_MS 50

struct slow_wake {
	struct wait_queue_entry entry;
	volatile int stage; /* 0 not yet, 1 inside the wake-up, 2 it returned */
};

static int slow_wake_fn(struct wait_queue_entry *wq_entry, unsigned int mode, int flags, void *key)
{
	struct slow_wake *sw = container_of(wq_entry, struct slow_wake, entry);

	WRITE_ONCE(sw->stage, 1);
	mdelay(SLOW_WAKE_MS);
	WRITE_ONCE(sw->stage, 2);
	return 0;
}

static void slow_wake_on(struct slow_wake *sw, struct completion *x)
{
	init_wait_entry(&sw->entry, 0);
	sw->entry.func = slow_wake_fn;
	sw->stage = 0;
	add_wait_queue(&x->wait, &sw->entry);
}

/* wait (at most a second) until complete() is inside the slow wake-up */
static bool slow_wake_entered(struct slow_wake *sw)
{
	unsigned long end = jiffies + HZ;

	while (!READ_ONCE(sw->stage) && time_before(jiffies, end))
		cpu_relax();
	return READ_ONCE(sw->stage) != 0;
}

static int completer_fn(void *arg)
{
	complete(arg);
	return 0;
}

static void nothing_to_do(struct work_struct *work)
{
}

/*
 * completion_done() -- and flush_work(), which trusts it -- say "done"
 * only once complete() has let go of the completion's lock: a caller
 * that frees the completion then (an on-stack work_struct, as
 * work_on_cpu() has) must not have complete()'s unlock land in memory
 * that is something else by then.  (It did: a late unlock of a flushed
 * on-stack work added one to a register the next KTAP case had saved
 * there, and its wait queue head came out at an odd address.)
 */
static void sched_completion_done_waits_for_complete(struct ktap_test *t)
{
	static struct completion x;
	/* one each: a late wake-up of the first must not pass for the second */
	static struct slow_wake sw[2];
	static struct work_struct work;
	unsigned int me = smp_processor_id(), cpu, other = nr_cpu_ids;
	struct task_struct *p;

	for_each_online_cpu(cpu)
		if (cpu != me)
			other = cpu;
	if (other >= nr_cpu_ids) {
		ktap_skip(t, "one CPU online: complete() cannot run beside completion_done()");
		return;
	}

	init_completion(&x);
	slow_wake_on(&sw[0], &x);
	p = kthread_create_on_cpu(completer_fn, &x, other, "ktap-complete");
	KTAP_EXPECT(t, !IS_ERR(p));
	if (IS_ERR(p))
		return;
	KTAP_EXPECT(t, slow_wake_entered(&sw[0]));
	KTAP_EXPECT(t, completion_done(&x));
	KTAP_EXPECT_EQ(t, READ_ONCE(sw[0].stage), 2); /* complete() was past its wake-ups */
	KTAP_EXPECT(t, !spin_is_locked(&x.wait.lock));

	/* the same through a work item that has run: flush_work() returns at once */
	INIT_WORK(&work, nothing_to_do);
	slow_wake_on(&sw[1], &work.done);
	KTAP_EXPECT(t, schedule_work_on((int)other, &work));
	KTAP_EXPECT(t, slow_wake_entered(&sw[1]));
	flush_work(&work);
	KTAP_EXPECT_EQ(t, READ_ONCE(sw[1].stage), 2);
	KTAP_EXPECT(t, !spin_is_locked(&work.done.wait.lock));
}

static const struct ktap_case sched_cases[] = {
	KTAP_CASE(sched_kthreads_run_and_exit),
	KTAP_CASE(sched_waitqueue_pingpong),
	KTAP_CASE(sched_tick_preempts_spinners),
	KTAP_CASE(sched_timed_sleeps),
	KTAP_CASE(sched_completion_done_waits_for_complete),
};
KTAP_SUITE(sched_suite, "sched", sched_cases);
