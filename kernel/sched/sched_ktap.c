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
#include <linux/err.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <linux/timer.h>
#include <linux/wait.h>

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

	for_each_online_cpu(c) cpu = c;
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

static const struct ktap_case sched_cases[] = {
	KTAP_CASE(sched_kthreads_run_and_exit),
	KTAP_CASE(sched_waitqueue_pingpong),
	KTAP_CASE(sched_tick_preempts_spinners),
	KTAP_CASE(sched_timed_sleeps),
};
KTAP_SUITE(sched_suite, "sched", sched_cases);
