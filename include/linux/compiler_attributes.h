/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_COMPILER_ATTRIBUTES_H
#define _LINUX_COMPILER_ATTRIBUTES_H

/*
 * include/linux/compiler_attributes.h @ v6.1: the attributes the linker-section
 * tables (early_param, SHELL_CMD, KTAP_SUITE) are built with.  picolibc's
 * <sys/cdefs.h> defines the same ones, the same way.  A table entry is
 * __aligned(__alignof__(its type)), as in Linux: the explicit alignment
 * stops the compiler from padding entries apart, so the linker's section
 * stays an array.
 */
#ifndef __used
#define __used __attribute__((__used__))
#endif
#ifndef __section
#define __section(x) __attribute__((__section__(x)))
#endif
#ifndef __aligned
#define __aligned(x) __attribute__((__aligned__(x)))
#endif
/*
 * A function kept apart so that memblock=debug, which names the caller of
 * each memblock_alloc(), names it and not the function it was folded into.
 */
#ifndef noinline
#define noinline __attribute__((__noinline__))
#endif
#ifndef __always_inline
#define __always_inline inline __attribute__((__always_inline__))
#endif

/*
 * Linux 3.x's `inline` on ARM is always_inline (include/linux/
 * compiler-gcc.h @ v3.14, without CONFIG_OPTIMIZE_INLINING): the
 * allocator's fast path is inlined where Linux inlines it, whatever the
 * compiler's size heuristics say; its cold paths are kept out (noinline).
 */
#ifndef __always_inline
#define __always_inline inline __attribute__((__always_inline__))
#endif
#ifndef noinline
#define noinline __attribute__((__noinline__))
#endif

#endif
