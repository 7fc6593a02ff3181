/* SPDX-License-Identifier: GPL-2.0 */
/*
 * getrusage() with Linux's struct rusage (include/uapi/linux/resource.h
 * @ v6.1).  picolibc's own header has only the two times; the fault
 * counts the demos print (ru_minflt, ru_majflt) are Linux's.  On 32-bit
 * ARM the times are two longs each: the kernel's __kernel_old_timeval,
 * not picolibc's struct timeval with its 64-bit time_t.
 */
#ifndef _SYS_RESOURCE_H_
#define _SYS_RESOURCE_H_

#define RUSAGE_SELF	0
#define RUSAGE_CHILDREN (-1)

struct __kernel_old_timeval {
	long tv_sec;
	long tv_usec;
};

struct rusage {
	struct __kernel_old_timeval ru_utime; /* user time used */
	struct __kernel_old_timeval ru_stime; /* system time used */
	long ru_maxrss;			      /* maximum resident set size, kB */
	long ru_ixrss;
	long ru_idrss;
	long ru_isrss;
	long ru_minflt; /* page faults served without I/O ("minor") */
	long ru_majflt; /* page faults that waited for I/O ("major") */
	long ru_nswap;
	long ru_inblock;
	long ru_oublock;
	long ru_msgsnd;
	long ru_msgrcv;
	long ru_nsignals;
	long ru_nvcsw;	/* voluntary context switches */
	long ru_nivcsw; /* involuntary context switches */
};

int getrusage(int who, struct rusage *usage);

#endif
