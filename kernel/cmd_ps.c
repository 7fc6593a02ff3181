// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/cmd_ps.c: `ps`, the tasks as procps's ps reads them from
 * /proc/PID/stat and status: pid, parent, the CPU, state, context
 * switches and time -- the idle tasks first (Linux's ps does not list
 * them; here they show where the CPUs' time went).
 */
#include <a9mm/shell.h>
#include <linux/cpumask.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/mm_types.h>
#include <linux/sched.h>
#include <linux/cmdline.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <string.h>

#define PS_MAX 64

struct ps_row {
	pid_t pid, ppid;
	unsigned int cpu;
	char state;
	bool running;
	unsigned long nvcsw, nivcsw;
	u64 ticks;
	char comm[TASK_COMM_LEN];
};

static void ps_fill(struct ps_row *r, struct task_struct *p)
{
	r->pid = p->pid;
	r->ppid = is_idle_task(p) ? 0 : p->real_parent->pid;
	r->cpu = task_cpu(p);
	r->state = get_task_state(p)[0];
	r->running = cpu_curr(r->cpu) == p;
	r->nvcsw = p->nvcsw;
	r->nivcsw = p->nivcsw;
	r->ticks = p->utime + p->stime;
	memcpy(r->comm, p->comm, sizeof(r->comm));
}

/*
 * ps: a snapshot taken under tasklist_lock (no task can go meanwhile),
 * printed after it is let go
 */
static int do_ps(int argc, char **argv)
{
	static struct ps_row rows[PS_MAX];
	struct task_struct *p;
	unsigned long flags;
	unsigned int n = 0, cpu, i, more = 0;

	spin_lock_irqsave(&tasklist_lock, flags);
	for_each_online_cpu(cpu)
		if (n < PS_MAX)
			ps_fill(&rows[n++], idle_task(cpu));
	for_each_process(p) {
		if (n < PS_MAX)
			ps_fill(&rows[n++], p);
		else
			more++;
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);

	shprintf("  PID  PPID CPU S    NVCSW   NIVCSW     TIME COMMAND\n");
	for (i = 0; i < n; i++) {
		struct ps_row *r = &rows[i];
		unsigned long ms = (unsigned long)(r->ticks * (1000 / HZ));

		shprintf("%5d %5d %3u %c%c %8lu %8lu %4lu.%02lu %s\n", r->pid, r->ppid, r->cpu,
			 r->state, r->running ? '*' : ' ', r->nvcsw, r->nivcsw, ms / 1000,
			 ms % 1000 / 10, r->comm);
	}
	if (more)
		shprintf("(%u more not shown)\n", more);
	return 0;
}
SHELL_CMD("ps", do_ps, "", "list the tasks: pid, parent, CPU, state (* running), switches, time",
	  .linux = "fs/proc/array.c: proc_pid_status(), do_task_stat() (what procps's ps reads); "
		   "kernel/sched/core.c: the run queues, nvcsw/nivcsw counted by __schedule()");

/* kill [-SIG] PID: send a signal (default SIGTERM), as kill(1) */
static int do_kill(int argc, char **argv)
{
	struct task_struct *p;
	int sig = 15, pid;
	int ret;

	/* kstrtoint(), not the C library's strtol(): its errno (ERANGE) is thread-local storage */
	if (argc == 3 && argv[1][0] == '-') {
		if (kstrtoint(argv[1] + 1, 10, &sig) || sig < 0 || sig > 64) {
			shprintf("kill: %s: invalid signal specification\n", argv[1]);
			return 0;
		}
	} else if (argc != 2) {
		return 1;
	}
	if (kstrtoint(argv[argc - 1], 10, &pid) || pid <= 0) {
		shprintf("kill: %s: arguments must be process IDs\n", argv[argc - 1]);
		return 0;
	}
	p = get_pid_task((pid_t)pid);
	if (!p) {
		shprintf("kill: (%d) - No such process\n", pid);
		return 0;
	}
	ret = send_sig((int)sig, p);
	put_task_struct(p);
	if (ret == -EPERM)
		shprintf("kill: (%d) - Operation not permitted (a kernel thread)\n", pid);
	return 0;
}
SHELL_CMD("kill", do_kill, "[-SIG] PID", "send a signal to a process (default 15, SIGTERM)",
	  .linux = "kernel/signal.c: sys_kill() -> send_signal() -> signal_wake_up(); "
		   "the default action at arch/arm/kernel/signal.c: do_work_pending()");
