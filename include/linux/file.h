/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_FILE_H
#define _LINUX_FILE_H

/*
 * include/linux/file.h + include/linux/fdtable.h @ v4.14: a process's
 * open files.  A descriptor is an index into its files_struct's table;
 * each slot points at a struct file (one open()), which fork() shares:
 *
 *   task ->files --> files_struct  fd[0] fd[1] fd[2] fd[3] ...
 *                                    \     |     /     \
 *                                  struct file        struct file
 *                                  (/dev/console)     (/data/pages.bin, f_pos)
 */
#include <linux/fs.h>
#include <linux/spinlock.h>

/* include/linux/fdtable.h: NR_OPEN_DEFAULT @ v4.14 (BITS_PER_LONG on 32-bit) */
#define NR_OPEN_DEFAULT 32

struct files_struct {
	atomic_t count; /* tasks sharing it (CLONE_FILES: never, here) */
	spinlock_t file_lock;
	unsigned long close_on_exec; /* bit n: fd n has O_CLOEXEC */
	struct file *fd[NR_OPEN_DEFAULT];
};

struct task_struct;

/* fs/file_table.c */
struct file *alloc_file(struct dentry *dentry, unsigned int flags,
			const struct file_operations *fop);
void fput(struct file *file);

/* include/linux/fs.h: get_file() @ v4.14: one more reference */
static inline struct file *get_file(struct file *f)
{
	atomic_inc(&f->f_count);
	return f;
}

/* fs/file.c */
struct file *fget(unsigned int fd);
int get_unused_fd_flags(unsigned int flags);
void fd_install(unsigned int fd, struct file *file);
int __close_fd(struct files_struct *files, unsigned int fd);
int copy_files(struct task_struct *tsk, struct task_struct *parent);
void exit_files(struct task_struct *tsk);
void do_close_on_exec(struct files_struct *files);
struct files_struct *alloc_files(void);

/* fs/open.c */
struct file *filp_open(const char *path, int flags, unsigned int mode);
int console_open_fds(void);
long sys_open(unsigned long path, int flags, unsigned int mode);
long sys_openat(int dfd, unsigned long path, int flags, unsigned int mode);
long sys_close(unsigned int fd);

/* fs/read_write.c */
extern const struct file_operations ramfs_file_operations;
extern const struct file_operations console_fops;
long sys_read(unsigned int fd, unsigned long buf, size_t count);
long sys_write(unsigned int fd, unsigned long buf, size_t count);
long sys_lseek(unsigned int fd, long offset, unsigned int whence);

/* fs/readdir.c, fs/stat.c */
extern const struct file_operations ramfs_dir_operations;
long sys_getdents64(unsigned int fd, unsigned long dirent, unsigned int count);
long sys_fstat64(unsigned int fd, unsigned long statbuf);

/* mm/filemap.c */
int generic_file_mmap(struct file *file, struct vm_area_struct *vma);

#endif
