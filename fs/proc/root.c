// SPDX-License-Identifier: GPL-2.0
/*
 * fs/proc/root.c + fs/proc/base.c + fs/seq_file.c @ v4.14, a9mm's /proc:
 * a path is matched to a show function; open() runs it into a buffer
 * (seq_file's way: too small, doubled, run again) that read() then
 * copies out; getdents64() lists /proc (its files and a directory per
 * process, self too) and /proc/PID.
 */
#include <asm/cpu.h>
#include <asm/memory.h>
#include <asm/sections.h>
#include <linux/blkdev.h>
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/fcntl.h>
#include <linux/file.h>
#include <linux/irq.h>
#include <linux/kernel.h>
#include <linux/memblock.h>
#include <linux/of_fdt.h>
#include <linux/mm.h>
#include <linux/proc_fs.h>
#include <linux/swap.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/uaccess.h>
#include <linux/vmalloc.h>
#include <mach/vexpress.h>
#include <stdarg.h>
#include <string.h>

/* fs/proc/cmdline.c @ v4.14; in two prints, as the line alone may fill a print's buffer */
static void show_cmdline(int (*print)(const char *fmt, ...))
{
	print("%s", boot_command_line);
	print("\n");
}

/*
 * kernel/resource.c @ v4.14: /proc/iomem: the devices a9mm drives, each RAM bank
 * as "System RAM", the kernel image nested inside.
 */
static void show_iomem(int (*print)(const char *fmt, ...))
{
	struct memblock_region *reg;
	phys_addr_t code = __pa(_text), code_end = __pa(_etext) - 1;
	phys_addr_t data = __pa(_sdata), data_end = __pa(_end) - 1;

	unsigned long sysregs = V2M_SYSREGS_PHYS;
	unsigned long uart = V2M_UART0_PHYS;

	print("%08lx-%08lx : %s\n", sysregs, sysregs + 0xfff, "vexpress-sysreg");
	print("%08lx-%08lx : %s\n", uart, uart + 0xfff, "uart-pl011");
	for_each_memblock(memory, reg) {
		phys_addr_t end = reg->base + reg->size - 1;

		print("%08lx-%08lx : System RAM\n", (unsigned long)reg->base, (unsigned long)end);
		if (code >= reg->base && code_end <= end)
			print("  %08lx-%08lx : Kernel code\n", (unsigned long)code,
			      (unsigned long)code_end);
		if (data >= reg->base && data_end <= end)
			print("  %08lx-%08lx : Kernel data\n", (unsigned long)data,
			      (unsigned long)data_end);
	}
}

/* clang-format off */
/*
 * fs/proc/root.c: the files of /proc itself @ v4.14 (each from its own file
 * of fs/proc/ in Linux); one a line, which clang-format would pack two a line
 */
const struct proc_file proc_root_files[] = {
	{ "/proc/buddyinfo", show_buddyinfo },
	{ "/proc/cmdline", show_cmdline },
	{ "/proc/cpuinfo", show_cpuinfo },
	{ "/proc/diskstats", show_diskstats },
	{ "/proc/interrupts", show_interrupts },
	{ "/proc/iomem", show_iomem },
	{ "/proc/meminfo", show_meminfo },
	{ "/proc/pagetypeinfo", show_pagetypeinfo },
	{ "/proc/slabinfo", show_slabinfo },
	{ "/proc/swaps", show_swaps },
	{ "/proc/vmallocinfo", show_vmallocinfo },
	{ "/proc/vmstat", show_vmstat },
	{ "/proc/zoneinfo", show_zoneinfo },
};
/* clang-format on */
const unsigned int nr_proc_root_files = ARRAY_SIZE(proc_root_files);

/* a pid directory's files */
static const struct {
	const char *name;
	void (*show)(struct task_struct *task, proc_print_t print);
} proc_pid_files[] = {
	{ "maps", proc_pid_maps },
	{ "smaps", proc_pid_smaps },
	{ "status", proc_pid_status },
};

/*
 * fs/proc/base.c: proc_pid_lookup() @ v4.14: "self" or a number at the
 * start of @path, its task (referenced); *rest points after it
 */
static struct task_struct *proc_pid_lookup(const char *path, const char **rest)
{
	const char *end;
	long pid;

	if (!strncmp(path, "self", 4) && (path[4] == '/' || !path[4])) {
		*rest = path + 4;
		get_task_struct(current);
		return current;
	}
	if (*path < '1' || *path > '9')
		return NULL;
	/* digits by hand: the C library's strtol() sets errno, thread-local storage */
	for (pid = 0, end = path; *end >= '0' && *end <= '9'; end++)
		if ((pid = pid * 10 + (*end - '0')) > 1000000)
			return NULL;
	if (*end && *end != '/')
		return NULL;
	*rest = end;
	return get_pid_task((pid_t)pid);
}

/**
 * proc_show() - print a /proc file
 * @path: its path below /proc ("/meminfo", "/self/maps", "/42/status")
 * @print: where to print it
 *
 * Return: false if there is no such file (or no such process).
 */
bool proc_show(const char *path, proc_print_t print)
{
	struct task_struct *task;
	const char *rest;
	unsigned int i;

	for (i = 0; i < nr_proc_root_files; i++) {
		if (!strcmp(path, proc_root_files[i].path + 5)) {
			proc_root_files[i].show(print);
			return true;
		}
	}
	if (*path != '/')
		return false;
	task = proc_pid_lookup(path + 1, &rest);
	if (!task)
		return false;
	for (i = 0; i < ARRAY_SIZE(proc_pid_files); i++) {
		if (rest[0] == '/' && !strcmp(rest + 1, proc_pid_files[i].name)) {
			proc_pid_files[i].show(task, print);
			put_task_struct(task);
			return true;
		}
	}
	put_task_struct(task);
	return false;
}

/* fs/seq_file.c: struct seq_file @ v4.14, the part a9mm needs: a text being made */
struct seq_file {
	char *buf;
	size_t size, count;
	bool overflow;
};

/*
 * the text being made: the show functions print into it.  One at a time,
 * under a sleeping lock -- a show function may wait for an mm's mmap_sem
 * -- and never a spinlock.
 */
static struct seq_file *proc_seq;
static struct rw_semaphore_mm proc_seq_sem = {
	.lock = __SPIN_LOCK_UNLOCKED(proc_seq_sem.lock),
	.waiters = LIST_HEAD_INIT(proc_seq_sem.waiters),
};

/* fs/seq_file.c: seq_printf() @ v4.14: append, or note that it did not fit */
static int seq_print(const char *fmt, ...)
{
	struct seq_file *m = proc_seq;
	va_list ap;
	int n;

	if (m->overflow)
		return 0;
	va_start(ap, fmt);
	n = vsnprintf(m->buf + m->count, m->size - m->count, fmt, ap);
	va_end(ap);
	if (n < 0 || (size_t)n >= m->size - m->count)
		m->overflow = true;
	else
		m->count += (size_t)n;
	return n;
}

/* fs/seq_file.c: seq_read() @ v4.14: the text from *pos on */
static ssize_t proc_read(struct file *file, char *ubuf, size_t len, loff_t *pos)
{
	struct seq_file *m = file->private_data;
	size_t n;

	if (*pos >= (loff_t)m->count)
		return 0;
	n = min(len, m->count - (size_t)*pos);
	if (copy_to_user(ubuf, m->buf + *pos, n))
		return -EFAULT;
	*pos += (loff_t)n;
	return (ssize_t)n;
}

/* fs/seq_file.c: seq_lseek() @ v4.14 (SEEK_SET and SEEK_CUR) */
static loff_t proc_llseek(struct file *file, loff_t offset, int whence)
{
	loff_t pos = whence == SEEK_SET ? offset : whence == SEEK_CUR ? file->f_pos + offset : -1;

	if (pos < 0)
		return -EINVAL;
	file->f_pos = pos;
	return pos;
}

/* fs/seq_file.c: seq_release() @ v4.14 */
static int proc_release(struct file *file)
{
	struct seq_file *m = file->private_data;

	kfree(m->buf);
	kfree(m);
	return 0;
}

static const struct file_operations proc_file_operations = {
	.llseek = proc_llseek,
	.read = proc_read,
	.release = proc_release,
};

/* /proc: its files, then a directory per process (and self) */
static int proc_root_iterate(struct file *file, struct dir_context *ctx)
{
	loff_t i = 0;
	unsigned int f;
	struct task_struct *p;
	unsigned long flags;
	char name[16];
	pid_t pids[64];
	unsigned int n = 0;

	(void)file;
	if (ctx->pos == i++ && (!proc_dir_emit(ctx, ".", 1, true) || (ctx->pos++, false)))
		return 0;
	if (ctx->pos == i++ && (!proc_dir_emit(ctx, "..", 1, true) || (ctx->pos++, false)))
		return 0;
	for (f = 0; f < nr_proc_root_files; f++, i++)
		if (ctx->pos == i) {
			if (!proc_dir_emit(ctx, proc_root_files[f].path + 6, 2 + f, false))
				return 0;
			ctx->pos++;
		}
	if (ctx->pos == i++) {
		if (!proc_dir_emit(ctx, "self", 100, true))
			return 0;
		ctx->pos++;
	}
	spin_lock_irqsave(&tasklist_lock, flags);
	list_for_each_entry(p, &init_task.tasks, tasks)
		if (p->mm && n < ARRAY_SIZE(pids))
			pids[n++] = p->pid;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	for (f = 0; f < n; f++, i++) {
		if (ctx->pos != i)
			continue;
		snprintf(name, sizeof(name), "%d", pids[f]);
		if (!proc_dir_emit(ctx, name, 1000 + (u64)pids[f], true))
			return 0;
		ctx->pos++;
	}
	return 0;
}

/* /proc/PID: its files */
static int proc_pid_iterate(struct file *file, struct dir_context *ctx)
{
	unsigned int f;

	(void)file;
	if (ctx->pos == 0) {
		if (!proc_dir_emit(ctx, ".", 3, true))
			return 0;
		ctx->pos++;
	}
	if (ctx->pos == 1) {
		if (!proc_dir_emit(ctx, "..", 1, true))
			return 0;
		ctx->pos++;
	}
	for (f = (unsigned int)ctx->pos - 2; f < ARRAY_SIZE(proc_pid_files); f++) {
		if (!proc_dir_emit(ctx, proc_pid_files[f].name, 10 + f, false))
			return 0;
		ctx->pos++;
	}
	return 0;
}

static const struct file_operations proc_root_operations = {
	.iterate = proc_root_iterate,
};

static const struct file_operations proc_pid_operations = {
	.iterate = proc_pid_iterate,
};

/**
 * proc_open() - open a /proc file or directory
 * @path: the path below /proc ("", "/", "/meminfo", "/self", "/7/maps")
 * @flags: O_* (read only: a write is -EACCES)
 *
 * fs/proc/inode.c: proc_reg_open() -> single_open() @ v4.14: the text
 * is made now, whole, so reading it in small pieces sees one snapshot.
 *
 * Return: the open file, or ERR_PTR(-ENOENT, -EACCES, -ENOMEM).
 */
struct file *proc_open(const char *path, int flags)
{
	struct seq_file *m;
	struct file *f;
	size_t size = PAGE_SIZE;
	const char *rest;
	struct task_struct *task;

	if ((flags & O_ACCMODE) != O_RDONLY || (flags & O_CREAT))
		return ERR_PTR(-EACCES);
	if (!path[0] || !strcmp(path, "/"))
		return alloc_file(NULL, (unsigned int)flags, &proc_root_operations)
			       ?: ERR_PTR(-ENOMEM);
	task = path[0] == '/' ? proc_pid_lookup(path + 1, &rest) : NULL;
	if (task) {
		put_task_struct(task);
		if (!rest[0] || !strcmp(rest, "/"))
			return alloc_file(NULL, (unsigned int)flags, &proc_pid_operations)
				       ?: ERR_PTR(-ENOMEM);
	}
	if (flags & O_DIRECTORY)
		return ERR_PTR(-ENOTDIR);
	m = kzalloc(sizeof(*m), GFP_KERNEL);
	if (!m)
		return ERR_PTR(-ENOMEM);
	for (;;) {
		bool found;

		m->buf = kmalloc(size, GFP_KERNEL);
		if (!m->buf) {
			kfree(m);
			return ERR_PTR(-ENOMEM);
		}
		m->size = size;
		m->count = 0;
		m->overflow = false;
		down_write(&proc_seq_sem);
		proc_seq = m;
		found = proc_show(path, seq_print);
		proc_seq = NULL;
		up_write(&proc_seq_sem);
		if (!found) {
			kfree(m->buf);
			kfree(m);
			return ERR_PTR(-ENOENT);
		}
		if (!m->overflow)
			break;
		kfree(m->buf);
		size *= 2;
	}
	f = alloc_file(NULL, (unsigned int)flags, &proc_file_operations);
	if (!f) {
		kfree(m->buf);
		kfree(m);
		return ERR_PTR(-ENOMEM);
	}
	f->private_data = m;
	return f;
}

/**
 * proc_file_ino() - an inode number for fstat() of an open /proc file
 * @file: the file
 *
 * Return: 1 for /proc, 2 for a pid directory, 3 for a file.
 */
u64 proc_file_ino(struct file *file)
{
	if (file->f_op == &proc_root_operations)
		return 1;
	return file->f_op == &proc_pid_operations ? 2 : 3;
}
