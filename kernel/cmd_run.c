// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/cmd_run.c: `run PROGRAM [ARGS]`, what a shell's fork + execve +
 * wait comes to here: a kernel thread, child of init (the shell's task),
 * execs the program from the rootfs (kernel_execve()) and returns to user
 * mode; the shell sleeps until it has exited and prints how.
 */
#include <a9mm/shell.h>
#include <linux/binfmts.h>
#include <linux/completion.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/wait.h>
#include <string.h>

#define RUN_MAX_ARGS 8

struct run_args {
	char *argv[RUN_MAX_ARGS + 1]; /* NULL-terminated */
	int ret;		      /* kernel_execve()'s */
	struct task_struct *task;     /* a reference, for the shell to wait on */
	struct completion started;
};

/* the child: exec, tell the shell, and (on success) return 0 into user mode */
static int run_fn(void *data)
{
	struct run_args *a = data;
	int ret = kernel_execve(a->argv[0], a->argv, envp_init);

	get_task_struct(current);
	a->task = current;
	a->ret = ret;
	complete(&a->started); /* a is the shell's: not touched after this */
	return ret ? 127 << 8 : 0;
}

static int do_run(int argc, char **argv)
{
	bool background = argc > 2 && !strcmp(argv[argc - 1], "&");
	struct run_args a = { .ret = 0 };
	unsigned long free_before = nr_free_pages_all();
	int tasks_before = atomic_read(&nr_task_structs);
	struct task_struct *p;
	pid_t pid;
	int code;

	if (background)
		argv[--argc] = NULL;
	if (argc < 2 || argc - 1 > RUN_MAX_ARGS)
		return 1;
	memcpy(a.argv, argv + 1, (size_t)(argc - 1) * sizeof(*argv));
	init_completion(&a.started);
	pid = kernel_thread(run_fn, &a, 0);
	if (pid < 0) {
		shprintf("run: cannot start a task: %d\n", pid);
		return 0;
	}
	wait_for_completion(&a.started);
	p = a.task;
	if (background && !a.ret) {
		shprintf("[%d] %s\n", pid, argv[1]); /* the job's end is not reported */
		put_task_struct(p);
		return 0;
	}
	if (a.ret) {
		shprintf("run: %s: %s\n", argv[1],
			 a.ret == -ENOENT    ? "No such file or directory"
			 : a.ret == -EACCES  ? "Permission denied"
			 : a.ret == -ENOEXEC ? "Exec format error"
			 : a.ret == -E2BIG   ? "Argument list too long"
					     : "Cannot allocate memory");
	}
	/*
	 * gone from its CPU too when only our reference is left
	 * (finish_task_switch()) -- and so are the processes it forked when
	 * no other task_struct than this one is left over
	 */
	wait_event(task_exit_wq, atomic_read(&p->usage) == 1 &&
					 atomic_read(&nr_task_structs) == tasks_before + 1);
	code = p->exit_code;
	if (!a.ret) {
		if (code & 0x7f)
			shprintf("[%d] %s: killed by signal %d\n", pid, argv[1], code & 0x7f);
		else
			shprintf("[%d] %s: exit status %d\n", pid, argv[1], (code >> 8) & 0xff);
	}
	put_task_struct(p);
	shprintf("run: free pages %lu before, %lu after\n", free_before, nr_free_pages_all());
	return 0;
}
SHELL_CMD(
	"run", do_run, "PROGRAM [ARGS]... [&]",
	"run a user program from the rootfs and wait for it (fork + execve + wait4); & does not wait",
	.linux = "kernel/fork.c: kernel_thread(); fs/exec.c: do_execve() -> "
		 "fs/binfmt_elf.c: load_elf_binary(); arch/arm/kernel/entry-common.S: "
		 "vector_swi, ret_to_user; kernel/exit.c: do_exit()");
