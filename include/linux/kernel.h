/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_KERNEL_H
#define _LINUX_KERNEL_H

/*
 * include/linux/kernel.h @ v4.14 and the small headers around it (log2.h,
 * bitops): the helpers every file of the kernel uses.
 */
#include <string.h> /* first: picolibc's <strings.h> declares its own fls() */
#include <linux/types.h>
#include <linux/printk.h>

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

#define min(a, b)	  ((a) < (b) ? (a) : (b))
#define max(a, b)	  ((a) > (b) ? (a) : (b))
#define min_t(type, a, b) ((type)(a) < (type)(b) ? (type)(a) : (type)(b))
#define max_t(type, a, b) ((type)(a) > (type)(b) ? (type)(a) : (type)(b))
#define clamp(v, lo, hi)  min(max(v, lo), hi)

/* Power-of-two rounding, as include/linux/kernel.h @ v4.14 */
#define ALIGN(x, a)	   (((x) + ((__typeof__(x))(a)-1)) & ~((__typeof__(x))(a)-1))
#define round_up(x, y)	   ((((x)-1) | ((__typeof__(x))((y)-1))) + 1)
#define round_down(x, y)   ((x) & ~((__typeof__(x))((y)-1)))
#define IS_ALIGNED(x, a)   (((x) & ((__typeof__(x))(a)-1)) == 0)
#define DIV_ROUND_UP(n, d) (((n) + (d)-1) / (d))

#define BUILD_BUG_ON(cond) _Static_assert(!(cond), #cond)

#define container_of(ptr, type, member) ((type *)((char *)(ptr)-offsetof(type, member)))

#define SZ_1K	0x00000400
#define SZ_4K	0x00001000
#define SZ_16K	0x00004000
#define SZ_64K	0x00010000
#define SZ_512K 0x00080000
#define SZ_1M	0x00100000
#define SZ_2M	0x00200000
#define SZ_4M	0x00400000
#define SZ_8M	0x00800000
#define SZ_16M	0x01000000
#define SZ_32M	0x02000000
#define SZ_64M	0x04000000
#define SZ_128M 0x08000000
#define SZ_256M 0x10000000
#define SZ_1G	0x40000000
#define SZ_4G	0x100000000ULL

#define likely(x)   __builtin_expect(!!(x), 1)
#define unlikely(x) __builtin_expect(!!(x), 0)

/* include/asm-generic/bitops/__ffs.h: index of the lowest set bit (x != 0) */
static inline unsigned long __ffs(unsigned long x)
{
	return (unsigned long)__builtin_ctzl(x);
}

/* include/asm-generic/bitops/fls.h: 1-based index of the highest set bit */
static inline int __kernel_fls(unsigned int x)
{
	return x ? 32 - __builtin_clz(x) : 0;
}
#define fls(x) __kernel_fls(x)

/* include/linux/log2.h @ v4.14 */
static inline unsigned long rounddown_pow_of_two(unsigned long n)
{
	return 1UL << (fls((unsigned int)n) - 1);
}

static inline bool is_power_of_2(unsigned long n)
{
	return n != 0 && (n & (n - 1)) == 0;
}

void __attribute__((noreturn, format(printf, 1, 2))) panic(const char *fmt, ...);

/* lib/vsprintf.c, declared here as include/linux/kernel.h @ v4.14 does */
int vsnprintf(char *buf, size_t size, const char *fmt, va_list args)
	__attribute__((format(printf, 3, 0)));
int snprintf(char *buf, size_t size, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

#define BUG_ON(cond)                                                          \
	do {                                                                  \
		if (unlikely(cond))                                           \
			panic("BUG at %s:%d: %s", __FILE__, __LINE__, #cond); \
	} while (0)

/*
 * include/linux/kernel.h: system_state: booting until the shell starts,
 * then running; what a power off or reboot is about to do.  IPI_CPU_STOP
 * says "CPUn: stopping" only while booting or running (a panic).
 */
extern enum system_states {
	SYSTEM_BOOTING,
	SYSTEM_RUNNING,
	SYSTEM_HALT,
	SYSTEM_POWER_OFF,
	SYSTEM_RESTART,
} system_state;

/* include/linux/kernel.h: _RET_IP_ @ v4.14: the caller's address (a function's return address) */
#define _RET_IP_ ((unsigned long)__builtin_return_address(0))

/* include/linux/kernel.h @ v4.14: the taint flags (kernel/taint.c) */
#define TAINT_PROPRIETARY_MODULE    0
#define TAINT_FORCED_MODULE	    1
#define TAINT_CPU_OUT_OF_SPEC	    2
#define TAINT_FORCED_RMMOD	    3
#define TAINT_MACHINE_CHECK	    4
#define TAINT_BAD_PAGE		    5
#define TAINT_USER		    6
#define TAINT_DIE		    7
#define TAINT_OVERRIDDEN_ACPI_TABLE 8
#define TAINT_WARN		    9
#define TAINT_CRAP		    10
#define TAINT_FIRMWARE_WORKAROUND   11
#define TAINT_OOT_MODULE	    12
#define TAINT_UNSIGNED_MODULE	    13
#define TAINT_SOFTLOCKUP	    14
#define TAINT_LIVEPATCH		    15
#define TAINT_FLAGS_COUNT	    16

/* kernel/traps.c (lib/dump_stack.c in Linux): the CPU, then the call chain to here */
void dump_stack(void);

void add_taint(unsigned int flag);
bool test_taint(unsigned int flag);
const char *print_tainted(void);

#define WARN_ON(cond)                                                                       \
	({                                                                                  \
		bool __w = !!(cond);                                                        \
		if (unlikely(__w))                                                          \
			pr_warn("WARNING: at %s:%d %s: %s\n", __FILE__, __LINE__, __func__, \
				#cond);                                                     \
		__w;                                                                        \
	})

#endif
