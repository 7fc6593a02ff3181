// SPDX-License-Identifier: GPL-2.0
/*
 * mm/oom_kill.c @ v4.14: when a page cannot be had, a process is killed
 * so the others can go on.  A fault comes here once the allocator found
 * no free page even after reclaim (mm/vmscan.c: with no swap area, or a
 * full one, there is nothing reclaim can free): the process with the
 * most memory (oom_badness(): its resident pages, its pages on swap and
 * its page tables) gets SIGKILL, and its exit_mmap() gives them back.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/oom.h>
#include <linux/printk.h>
#include <linux/sched.h>

/* a victim chosen earlier and not yet gone: wait for it rather than kill another */
static bool victim_dying(struct task_struct *p)
{
	return (p->flags & PF_EXITING) ||
	       (__atomic_load_n(&p->signal_pending, __ATOMIC_RELAXED) & (1ULL << (SIGKILL - 1)));
}

/*
 * mm/oom_kill.c: oom_badness() @ v4.14 (oom_score_adj 0): pages the
 * process would give back -- resident ones, those on swap (their slots)
 * and its page tables.  Its mm is read under task_mm_lock
 * (find_lock_task_mm()): exit and exec change ->mm under it.  0 when the
 * mm has gone meanwhile.  Interrupts are off (tasklist_lock).
 */
static unsigned long oom_badness(struct task_struct *p)
{
	unsigned long points = 0;

	spin_lock(&task_mm_lock);
	if (p->mm)
		points = get_mm_rss(p->mm) + get_mm_counter(p->mm, MM_SWAPENTS) +
			 (unsigned long)atomic_read(&p->mm->nr_ptes);
	spin_unlock(&task_mm_lock);
	return points;
}

/**
 * out_of_memory() - kill the process whose death frees the most memory
 *
 * mm/oom_kill.c: out_of_memory() -> select_bad_process() +
 * oom_kill_process() @ v4.14.  pid 1 is chosen only if it is the only
 * process; a victim already dying is waited for.
 *
 * Return: true if a process was killed or is already dying.
 */
bool out_of_memory(void)
{
	struct task_struct *p, *chosen = NULL;
	unsigned long points, chosen_points = 0, flags;
	unsigned long total_vm = 0, anon = 0, file = 0, shmem = 0;
	char comm[TASK_COMM_LEN];
	pid_t pid = 0;

	spin_lock_irqsave(&tasklist_lock, flags);
	for_each_process(p) { /* oom_task_origin(): swapoff first, whoever else is there */
		if (!READ_ONCE(p->oom_flag_origin))
			continue;
		if (!READ_ONCE(p->oom_origin_killed)) {
			WRITE_ONCE(p->oom_origin_killed, true);
			pr_err("Out of memory: %d (%s) is bringing swapped pages back (swapoff): it "
			       "gives up instead of a process being killed\n",
			       p->pid, p->comm);
		}
		spin_unlock_irqrestore(&tasklist_lock, flags);
		return true;
	}
	for_each_process(p) {
		if (!p->mm || (p->flags & PF_KTHREAD))
			continue;
		if (victim_dying(p)) {
			spin_unlock_irqrestore(&tasklist_lock, flags);
			return true;
		}
		points = oom_badness(p);
		if (p->pid == 1) /* is_global_init(): only when nothing else is there */
			points = points ? 1 : 0;
		if (!chosen || points > chosen_points) {
			chosen = p;
			chosen_points = points;
		}
	}
	if (chosen) {
		struct mm_struct *mm;

		pid = chosen->pid;
		memcpy(comm, chosen->comm, sizeof(comm));
		spin_lock(&task_mm_lock); /* as in oom_badness(): the mm may be going */
		mm = chosen->mm;
		if (mm) {
			total_vm = mm->total_vm;
			anon = get_mm_counter(mm, MM_ANONPAGES);
			file = get_mm_counter(mm, MM_FILEPAGES);
			shmem = get_mm_counter(mm, MM_SHMEMPAGES);
		}
		spin_unlock(&task_mm_lock);
		get_task_struct(chosen);
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	if (!chosen) {
		pr_err("Out of memory and no killable processes...\n");
		return false;
	}
	send_sig(SIGKILL, chosen); /* oom_kill_process(), outside the task list's lock */
	put_task_struct(chosen);
	pr_err("Out of memory: Killed process %d (%s) total-vm:%lukB, anon-rss:%lukB, "
	       "file-rss:%lukB, shmem-rss:%lukB\n",
	       pid, comm, total_vm << (PAGE_SHIFT - 10), anon << (PAGE_SHIFT - 10),
	       file << (PAGE_SHIFT - 10), shmem << (PAGE_SHIFT - 10));
	return true;
}

/**
 * pagefault_out_of_memory() - a fault found no page: the OOM killer, then retry
 *
 * mm/oom_kill.c: pagefault_out_of_memory() @ v4.14.  The faulting
 * process returns to user mode: if it was chosen it dies there of
 * SIGKILL; else it faults again, and gives the CPU away meanwhile so
 * the victim can exit.
 */
void pagefault_out_of_memory(void)
{
	if (out_of_memory())
		schedule();
}

/**
 * set_current_oom_origin() - the OOM killer chooses this task first
 *
 * include/linux/oom.h: set_current_oom_origin() @ v4.14, which swapoff
 * sets while try_to_unuse() brings pages back: the memory running out is
 * its doing.  Linux kills the swapoff(8) process; a9mm's swapoff runs in
 * the shell, which is not killed: it is told to give up
 * (oom_origin_killed()), and the faulting task retries meanwhile.
 */
void set_current_oom_origin(void)
{
	WRITE_ONCE(current->oom_origin_killed, false);
	WRITE_ONCE(current->oom_flag_origin, true);
}

/**
 * clear_current_oom_origin() - the task is an ordinary candidate again
 *
 * include/linux/oom.h: clear_current_oom_origin() @ v4.14.
 */
void clear_current_oom_origin(void)
{
	WRITE_ONCE(current->oom_flag_origin, false);
	WRITE_ONCE(current->oom_origin_killed, false);
}

/**
 * oom_origin_killed() - has the OOM killer chosen this task (set_current_oom_origin())?
 *
 * a9mm's stand-in for Linux's fatal_signal_pending() after the OOM
 * killer's SIGKILL.
 *
 * Return: true if it is to give up.
 */
bool oom_origin_killed(void)
{
	return READ_ONCE(current->oom_origin_killed);
}
