/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_SCHED_H
#define _LINUX_SCHED_H

/*
 * include/linux/sched.h @ v4.14: the task.  Every thread of execution is
 * a struct task_struct with its own kernel stack (asm/thread_info.h):
 *
 *   swapper/N   pid 0, one per CPU: the idle task, what the CPU runs
 *               when its run queue is empty (kernel/idle.c)
 *   init        pid 1, kernel_init() (kernel/main.c): brings the other
 *               CPUs up, then runs the kernel shell on the console
 *   kworker/N:0 each CPU's worker for schedule_work_on()/work_on_cpu()
 *   kernel threads started with kthread_run() (the self-tests' own)
 *
 * A task is TASK_RUNNING while it runs or waits on a CPU's run queue
 * (kernel/sched/core.c); sleeping, it is TASK_INTERRUPTIBLE (a signal
 * would wake it) or TASK_UNINTERRUPTIBLE, on some wait queue
 * (linux/wait.h).  A kernel thread that returns is released at once
 * (do_exit()), and the next task on its CPU frees its stack.
 *
 * Linux splits a process's shared state out of the task (signal_struct,
 * sighand_struct, mm_struct, files_struct) because threads share it;
 * the fields for user processes that are here already (mm, signals,
 * fault counters) wait for them.
 */
#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/cpumask.h>
#include <linux/irqflags.h>
#include <linux/jiffies.h>
#include <linux/list.h>
#include <linux/spinlock.h>
#include <linux/wait.h>
#include <asm/atomic.h>
#include <asm/ptrace.h>
#include <asm/thread_info.h>

typedef int pid_t;

/* include/linux/sched.h: task states @ v4.14 */
#define TASK_RUNNING	     0
#define TASK_INTERRUPTIBLE   1
#define TASK_UNINTERRUPTIBLE 2
#define __TASK_STOPPED	     4
#define EXIT_DEAD	     16
#define EXIT_ZOMBIE	     32
#define TASK_DEAD	     64
#define TASK_WAKEKILL	     128
#define TASK_KILLABLE	     (TASK_WAKEKILL | TASK_UNINTERRUPTIBLE)
#define TASK_STOPPED	     (TASK_WAKEKILL | __TASK_STOPPED)
#define TASK_NORMAL	     (TASK_INTERRUPTIBLE | TASK_UNINTERRUPTIBLE)

/* include/linux/sched.h: task->flags @ v4.14 */
#define PF_IDLE	      0x00000002 /* the idle task */
#define PF_EXITING    0x00000004 /* getting shut down */
#define PF_WQ_WORKER  0x00000020 /* a kworker */
#define PF_FORKNOEXEC 0x00000040 /* forked but did not exec */
#define PF_SIGNALED   0x00000400 /* killed by a signal */
#define PF_MEMALLOC   0x00000800 /* reclaiming (mm/vmscan.c): its allocations do not reclaim */
#define PF_KTHREAD    0x00200000 /* a kernel thread */

#define TASK_COMM_LEN 16

/* a9mm's round-robin slice (Linux's SCHED_RR default, RR_TIMESLICE: 100 ms) */
#define RR_TIMESLICE (100 * HZ / 1000)

struct mm_struct;
struct files_struct;

/* include/linux/sched.h: struct task_struct @ v4.14, the fields a9mm uses */
struct task_struct {
	volatile long state; /* TASK_* above */
	void *stack;	     /* THREAD_SIZE bytes: thread_info, then the kernel stack */
	atomic_t usage;	     /* references: the task itself, its reaper */
	unsigned int flags;  /* PF_* */

	/* kernel/sched/core.c: where and how it runs */
	int on_rq;		     /* runnable: on its CPU's run queue, or running */
	struct list_head run_list;   /* in rq->queue while it waits its turn */
	unsigned int time_slice;     /* ticks left of its RR_TIMESLICE */
	cpumask_t cpus_allowed;	     /* where it may run (kworkers: one CPU) */
	unsigned long nvcsw, nivcsw; /* voluntary, involuntary context switches */
	u64 utime, stime;	     /* ticks in user and kernel mode */
	/* what reaped children used (kernel/exit.c), for getrusage(RUSAGE_CHILDREN) */
	u64 cutime, cstime;
	unsigned long cnvcsw, cnivcsw, cmaxrss; /* cmaxrss in kB */
	unsigned long maxrss;			/* kB: the largest RSS it had, kept at exit */
	unsigned long start_time;		/* jiffies at fork */

	/* memory: mm is NULL for kernel threads, which borrow active_mm */
	struct mm_struct *mm, *active_mm;
	unsigned long min_flt, maj_flt;	  /* page faults served without, with I/O (never, here) */
	unsigned long cmin_flt, cmaj_flt; /* the reaped children's */
	struct files_struct *files;	  /* open files (fs/file.c); NULL for kernel threads */
	/* mm/oom_kill.c: swapoff is the OOM killer's first choice (Linux: signal->oom_flag_origin)
	 */
	bool oom_flag_origin;	/* set_current_oom_origin() */
	bool oom_origin_killed; /* ... and chosen: it gives up */

	/* kernel/exit.c: life and death */
	int exit_state;	 /* EXIT_ZOMBIE, EXIT_DEAD */
	int exit_code;	 /* what do_exit() was given */
	int exit_signal; /* sent to the parent at exit: -1 for a kernel thread (reaped at once) */
	pid_t pid;
	pid_t tgid;
	struct task_struct *real_parent;
	struct list_head children; /* my children */
	struct list_head sibling;  /* in my parent's children */
	struct list_head tasks;	   /* in init_task.tasks, every task but the idle ones */
	char comm[TASK_COMM_LEN];
	u64 signal_pending; /* bit n-1: signal n sent, not yet acted on (kernel/signal.c) */
};

/* include/linux/sched.h: task_thread_info() @ v4.14 (!THREAD_INFO_IN_TASK) */
#define task_thread_info(task) ((struct thread_info *)(task)->stack)
#define task_stack_page(task)  ((void *)(task)->stack)
#define task_cpu(p)	       (task_thread_info(p)->cpu)

/* arch/arm/include/asm/processor.h: task_pt_regs() @ v4.14: the user registers */
#define task_pt_regs(p) \
	((struct pt_regs *)(THREAD_START_SP + (unsigned long)task_stack_page(p)) - 1)

#ifndef A9MM_HOST
/* include/asm-generic/current.h: current @ v4.14 */
#define current (current_thread_info()->task)
#endif

/* include/linux/sched/task_stack.h: end_of_stack() @ v4.14 */
static inline unsigned long *end_of_stack(const struct task_struct *p)
{
	return (unsigned long *)(task_thread_info(p) + 1);
}

#define task_stack_end_corrupted(task) (*(end_of_stack(task)) != STACK_END_MAGIC)

static inline bool is_idle_task(const struct task_struct *p)
{
	return !!(p->flags & PF_IDLE);
}

extern struct task_struct init_task;
extern spinlock_t tasklist_lock;

/* include/linux/sched/signal.h: for_each_process() @ v4.14 */
#define next_task(p)	    list_entry((p)->tasks.next, struct task_struct, tasks)
#define for_each_process(p) for (p = &init_task; (p = next_task(p)) != &init_task;)

/* thread_info flags of a task */
static inline void set_tsk_thread_flag(struct task_struct *tsk, int flag)
{
	atomic_or_ulong(1UL << flag, &task_thread_info(tsk)->flags);
}

static inline void clear_tsk_thread_flag(struct task_struct *tsk, int flag)
{
	atomic_andnot_ulong(1UL << flag, &task_thread_info(tsk)->flags);
}

static inline bool test_tsk_thread_flag(const struct task_struct *tsk, int flag)
{
	return (READ_ONCE(task_thread_info(tsk)->flags) >> flag) & 1;
}

#define set_tsk_need_resched(t)	  set_tsk_thread_flag(t, TIF_NEED_RESCHED)
#define clear_tsk_need_resched(t) clear_tsk_thread_flag(t, TIF_NEED_RESCHED)
#define test_tsk_need_resched(t)  test_tsk_thread_flag(t, TIF_NEED_RESCHED)
#define need_resched()		  test_tsk_need_resched(current)

/* include/linux/sched.h: set_current_state() @ v4.14: the store, then a full barrier */
#define __set_current_state(s) WRITE_ONCE(current->state, (s))
#define set_current_state(s)                     \
	do {                                     \
		WRITE_ONCE(current->state, (s)); \
		smp_mb();                        \
	} while (0)

/*
 * include/linux/sched/signal.h @ v4.14: a signal is pending (none is sent
 * yet: signals come with user processes), and would it end a sleep in
 * @state (interruptible; killable sleeps end for SIGKILL only)
 */
/* include/uapi/asm-generic/signal.h: the signals a9mm's processes die of */
#define SIGILL	4
#define SIGTRAP 5
#define SIGBUS	7
#define SIGKILL 9
#define SIGSEGV 11
#define SIGCHLD 17

static inline bool signal_pending(const struct task_struct *p)
{
	return test_tsk_thread_flag(p, TIF_SIGPENDING);
}

static inline bool signal_pending_state(long state, const struct task_struct *p)
{
	return (state & TASK_INTERRUPTIBLE) && signal_pending(p);
}

/* include/linux/sched/task.h: get/put_task_struct() @ v4.14 */
static inline void get_task_struct(struct task_struct *t)
{
	atomic_add_return(1, &t->usage);
}
void __put_task_struct(struct task_struct *t);
static inline void put_task_struct(struct task_struct *t)
{
	if (atomic_add_return(-1, &t->usage) == 0)
		__put_task_struct(t);
}

/* kernel/sched/core.c */
void sched_init(void);
void schedule(void);
void schedule_idle(void);
void scheduler_tick(bool user_tick);
void scheduler_ipi(void);
int wake_up_process(struct task_struct *p);
int wake_up_state(struct task_struct *p, unsigned int state);
int try_to_wake_up(struct task_struct *p, unsigned int state, int wake_flags);
void wake_up_new_task(struct task_struct *p);
void init_idle(struct task_struct *idle, int cpu);
void schedule_tail(struct task_struct *prev);
void svc_preempt(struct pt_regs *regs);
long sys_sched_yield(void);
unsigned int cpu_nr_running(unsigned int cpu);
unsigned long cpu_nr_switches(unsigned int cpu);
struct task_struct *cpu_curr(unsigned int cpu);
struct task_struct *idle_task(unsigned int cpu);
/* schedule_timeout(): sleep for that many jiffies (kernel/time/timer.c) */
#define MAX_SCHEDULE_TIMEOUT ((long)(~0UL >> 1))
long schedule_timeout(long timeout);
long schedule_timeout_interruptible(long timeout);
long schedule_timeout_uninterruptible(long timeout);
long schedule_timeout_killable(long timeout);
void msleep(unsigned int msecs);
/* kernel/sched/core.c: cond_resched() @ v4.14: a voluntary preemption point */
int _cond_resched(void);
#define cond_resched() _cond_resched()

/* kernel/fork.c */
pid_t kernel_thread(int (*fn)(void *), void *arg, unsigned long flags);
long _do_fork(unsigned long clone_flags);
struct task_struct *fork_idle(int cpu);
struct task_struct *find_task_by_vpid(pid_t nr);
struct task_struct *get_pid_task(pid_t nr);
void set_task_comm(struct task_struct *tsk, const char *buf);
void free_task(struct task_struct *tsk);
extern unsigned long total_forks;
extern int nr_threads;
extern atomic_t nr_task_structs;

/* kernel/syscall.c: from boot/entry-armv.S */
void arm_syscall(struct pt_regs *regs);
void do_work_pending(struct pt_regs *regs);
bool kthread_became_user(void);

/* kernel/signal.c */
int send_sig(int sig, struct task_struct *p);
void do_signal(void);

/* kernel/exit.c */
void do_exit(long code) __attribute__((noreturn));
struct rusage32;
long kernel_wait4(pid_t pid, int *status, int options, struct rusage32 *ru);
extern struct wait_queue_head task_exit_wq;
void release_task(struct task_struct *p);

/* kernel/kthread.c */
struct task_struct *kthread_create_on_cpu(int (*threadfn)(void *data), void *data, unsigned int cpu,
					  const char *namefmt);
struct task_struct *kthread_run(int (*threadfn)(void *data), void *data, const char *name);

/* kernel/idle.c */
void cpu_startup_entry(void) __attribute__((noreturn));
void arch_cpu_idle(void);
bool cpu_in_idle(unsigned int cpu);

/* boot/entry-armv.S */
struct task_struct *__switch_to(struct task_struct *prev, struct thread_info *prev_ti,
				struct thread_info *next_ti);
void ret_from_fork(void);

/* kernel/sched/core.c: a task's state as ps and /proc show it ("R (running)") */
const char *get_task_state(const struct task_struct *tsk);

#endif
