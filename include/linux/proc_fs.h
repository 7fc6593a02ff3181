/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_PROC_FS_H
#define _LINUX_PROC_FS_H

/*
 * include/linux/proc_fs.h @ v4.14, a9mm's /proc: each file is a text
 * made when it is opened (or when the shell's `cat` prints it) by a show
 * function that prints through a printf-like callback.
 *
 *   /proc/meminfo, buddyinfo, zoneinfo, ...   fs/proc/root.c: proc_root_files[]
 *   /proc/PID/status                          fs/proc/array.c
 *   /proc/PID/maps, smaps                     fs/proc/task_mmu.c
 *   /proc/self                                the caller's PID
 */
#include <linux/types.h>

struct file;
struct task_struct;
struct dir_context;

typedef int (*proc_print_t)(const char *fmt, ...);

struct proc_file {
	const char *path; /* "/proc/meminfo" */
	void (*show)(proc_print_t print);
};

extern const struct proc_file proc_root_files[];
extern const unsigned int nr_proc_root_files;

/* fs/proc/root.c */
bool proc_show(const char *path, proc_print_t print);
struct file *proc_open(const char *path, int flags);
u64 proc_file_ino(struct file *file);

/* fs/readdir.c */
bool proc_dir_emit(struct dir_context *ctx, const char *name, u64 ino, bool dir);

/* fs/proc/array.c, fs/proc/task_mmu.c: one task's files */
void proc_pid_status(struct task_struct *task, proc_print_t print);
void proc_pid_maps(struct task_struct *task, proc_print_t print);
void proc_pid_smaps(struct task_struct *task, proc_print_t print);
struct mm_struct;
void task_mem(struct mm_struct *mm, proc_print_t print);

#endif
