// SPDX-License-Identifier: GPL-2.0
/*
 * fs/file.c @ v4.14: a process's descriptor table.  The lowest free slot
 * is the next descriptor (POSIX); fork() copies the table and takes a
 * reference on every file in it; exit and exec (O_CLOEXEC) close.
 */
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/fcntl.h>
#include <linux/file.h>
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/slab.h>

/**
 * alloc_files() - an empty descriptor table
 *
 * Return: the table (one user), or NULL without memory.
 */
struct files_struct *alloc_files(void)
{
	struct files_struct *files = kzalloc(sizeof(*files), GFP_KERNEL);

	if (!files)
		return NULL;
	atomic_set(&files->count, 1);
	spin_lock_init(&files->file_lock);
	return files;
}

/**
 * fget() - the open file behind a descriptor of the current process
 * @fd: the descriptor
 *
 * fs/file.c: fget() @ v4.14.
 *
 * Return: the file with a reference (fput() it), or NULL if @fd is not open.
 */
struct file *fget(unsigned int fd)
{
	struct files_struct *files = current->files;
	struct file *file = NULL;

	if (!files || fd >= NR_OPEN_DEFAULT)
		return NULL;
	spin_lock(&files->file_lock);
	if (files->fd[fd])
		file = get_file(files->fd[fd]);
	spin_unlock(&files->file_lock);
	return file;
}

/**
 * get_unused_fd_flags() - reserve the lowest free descriptor
 * @flags: O_CLOEXEC or 0
 *
 * fs/file.c: __alloc_fd() @ v4.14.  The slot is marked taken with a
 * placeholder until fd_install() fills it.
 *
 * Return: the descriptor, or -EMFILE (the table is full), -EBADF (no table).
 */
int get_unused_fd_flags(unsigned int flags)
{
	struct files_struct *files = current->files;
	unsigned int fd;

	if (!files)
		return -EBADF;
	spin_lock(&files->file_lock);
	for (fd = 0; fd < NR_OPEN_DEFAULT; fd++) {
		if (!files->fd[fd]) {
			files->fd[fd] = ERR_PTR(-EBUSY); /* reserved */
			if (flags & O_CLOEXEC)
				files->close_on_exec |= 1UL << fd;
			else
				files->close_on_exec &= ~(1UL << fd);
			spin_unlock(&files->file_lock);
			return (int)fd;
		}
	}
	spin_unlock(&files->file_lock);
	return -EMFILE;
}

/**
 * fd_install() - put an open file in a reserved descriptor
 * @fd: from get_unused_fd_flags()
 * @file: the file (its reference goes to the table); NULL frees the slot
 *
 * fs/file.c: fd_install() @ v4.14.
 */
void fd_install(unsigned int fd, struct file *file)
{
	struct files_struct *files = current->files;

	spin_lock(&files->file_lock);
	files->fd[fd] = file;
	spin_unlock(&files->file_lock);
}

/**
 * __close_fd() - close a descriptor
 * @files: the table
 * @fd: the descriptor
 *
 * fs/file.c: __close_fd() @ v4.14: the slot is freed, the file's
 * reference dropped outside the lock.
 *
 * Return: 0, or -EBADF.
 */
int __close_fd(struct files_struct *files, unsigned int fd)
{
	struct file *file;

	if (fd >= NR_OPEN_DEFAULT)
		return -EBADF;
	spin_lock(&files->file_lock);
	file = files->fd[fd];
	if (!file || IS_ERR(file)) {
		spin_unlock(&files->file_lock);
		return -EBADF;
	}
	files->fd[fd] = NULL;
	files->close_on_exec &= ~(1UL << fd);
	spin_unlock(&files->file_lock);
	fput(file);
	return 0;
}

/**
 * copy_files() - a forked child's descriptor table
 * @tsk: the child
 * @parent: the parent
 *
 * kernel/fork.c: copy_files() -> fs/file.c: dup_fd() @ v4.14: a copy of
 * the parent's table; both now share each open file (and its offset).
 *
 * Return: 0, or -ENOMEM.
 */
int copy_files(struct task_struct *tsk, struct task_struct *parent)
{
	struct files_struct *old = parent->files, *new;
	unsigned int fd;

	tsk->files = NULL;
	if (!old)
		return 0;
	new = alloc_files();
	if (!new)
		return -ENOMEM;
	spin_lock(&old->file_lock);
	for (fd = 0; fd < NR_OPEN_DEFAULT; fd++)
		if (old->fd[fd] && !IS_ERR(old->fd[fd]))
			new->fd[fd] = get_file(old->fd[fd]);
	new->close_on_exec = old->close_on_exec;
	spin_unlock(&old->file_lock);
	tsk->files = new;
	return 0;
}

/* fs/file.c: put_files_struct() -> close_files() @ v4.14 */
static void put_files_struct(struct files_struct *files)
{
	unsigned int fd;

	if (!atomic_dec_and_test(&files->count))
		return;
	for (fd = 0; fd < NR_OPEN_DEFAULT; fd++)
		if (files->fd[fd] && !IS_ERR(files->fd[fd]))
			fput(files->fd[fd]);
	kfree(files);
}

/**
 * exit_files() - an exiting task closes everything
 * @tsk: the task
 *
 * kernel/exit.c -> fs/file.c: exit_files() @ v4.14.
 */
void exit_files(struct task_struct *tsk)
{
	struct files_struct *files = tsk->files;

	if (files) {
		tsk->files = NULL;
		put_files_struct(files);
	}
}

/**
 * do_close_on_exec() - close the O_CLOEXEC descriptors (execve())
 * @files: the table
 *
 * fs/file.c: do_close_on_exec() @ v4.14.
 */
void do_close_on_exec(struct files_struct *files)
{
	unsigned int fd;

	for (fd = 0; fd < NR_OPEN_DEFAULT; fd++)
		if (files->close_on_exec & (1UL << fd))
			__close_fd(files, fd);
}
