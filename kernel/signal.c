// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/signal.c @ v4.14, the default actions only (no handlers yet):
 * a signal is marked pending on the task (TIF_SIGPENDING), the task is
 * woken from an interruptible sleep or interrupted on its CPU
 * (kick_process()), and on its way back to user mode it takes the
 * default action: terminate -- or nothing, for the signals whose default
 * is to be ignored.  Kernel threads ignore signals, as Linux's do.
 * Stopping (SIGSTOP and co) is not implemented: such signals terminate.
 */
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/smp.h>

/* include/linux/signal.h: sig_kernel_ignore() @ v4.14: SIGCHLD, SIGCONT, SIGURG, SIGWINCH */
static bool sig_default_ignored(int sig)
{
	return sig == SIGCHLD || sig == 18 || sig == 23 || sig == 28;
}

/**
 * send_sig() - send a signal to a process
 * @sig: 1..64 (0: only check that it could be sent)
 * @p: the task
 *
 * kernel/signal.c: send_sig_info() -> __send_signal() + signal_wake_up()
 * @ v4.14.
 *
 * Return: 0, -EINVAL (no such signal), -EPERM (a kernel thread).
 */
int send_sig(int sig, struct task_struct *p)
{
	if (sig < 0 || sig > 64)
		return -EINVAL;
	if (p->exit_state) /* dying or a zombie already: nothing to do */
		return 0;
	if (p->flags & PF_KTHREAD || !p->mm)
		return -EPERM;
	if (!sig || sig_default_ignored(sig))
		return 0;
	__atomic_fetch_or(&p->signal_pending, 1ULL << (sig - 1), __ATOMIC_SEQ_CST);
	set_tsk_thread_flag(p, TIF_SIGPENDING);
	/* signal_wake_up(): out of an interruptible sleep, or off the CPU to user mode */
	if (!wake_up_state(p, TASK_INTERRUPTIBLE) && task_cpu(p) != smp_processor_id())
		smp_send_reschedule((int)task_cpu(p));
	return 0;
}

/**
 * do_signal() - take a pending signal's default action, before user mode
 *
 * arch/arm/kernel/signal.c: do_signal() -> kernel/signal.c:
 * get_signal() @ v4.14: the lowest pending signal terminates the task.
 */
void do_signal(void)
{
	struct task_struct *tsk = current;
	u64 pending = __atomic_exchange_n(&tsk->signal_pending, 0, __ATOMIC_SEQ_CST);

	clear_tsk_thread_flag(tsk, TIF_SIGPENDING);
	if (pending) {
		tsk->flags |= PF_SIGNALED;
		do_exit(__builtin_ctzll(pending) + 1);
	}
}
