/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_RESOURCE_H
#define _LINUX_RESOURCE_H

#include <linux/jiffies.h>
#include <linux/types.h>

/* include/uapi/linux/resource.h: struct rusage @ v4.14, 32-bit ARM */
struct rusage32 {
	long ru_utime[2], ru_stime[2]; /* struct timeval */
	long ru_maxrss, ru_ixrss, ru_idrss, ru_isrss, ru_minflt, ru_majflt, ru_nswap;
	long ru_inblock, ru_oublock, ru_msgsnd, ru_msgrcv, ru_nsignals, ru_nvcsw, ru_nivcsw;
};

/* kernel/time/time.c: jiffies_to_timeval() @ v4.14 */
static inline void ticks_to_timeval(u64 ticks, long tv[2])
{
	tv[0] = (long)(ticks / HZ);
	tv[1] = (long)(ticks % HZ) * (1000000 / HZ);
}

#endif
