/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_KMSG_DUMP_H
#define _LINUX_KMSG_DUMP_H

/*
 * include/linux/kmsg_dump.h @ v4.14: reading the log buffer record by
 * record, as `dmesg` does.  A dumper is a cursor; records the ring
 * overwrites under it are skipped.
 */
#include <linux/types.h>

struct kmsg_dumper {
	u64 cur_seq;	/* the next record to read */
	u32 cur_idx;	/* where it is in log_buf */
	bool cont_done; /* the open line, last, was read */
};

/* kernel/printk.c */
void kmsg_dump_rewind(struct kmsg_dumper *dumper);
bool kmsg_dump_get_line(struct kmsg_dumper *dumper, char *line, size_t size, size_t *len);

#endif
