/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_COMPILER_ATTRIBUTES_H
#define _LINUX_COMPILER_ATTRIBUTES_H

/*
 * include/linux/compiler_attributes.h: the attributes the linker-section
 * tables (early_param, SHELL_CMD, KTAP_SUITE) are built with.  picolibc's
 * <sys/cdefs.h> defines the same two, the same way.
 */
#ifndef __used
#define __used __attribute__((__used__))
#endif
#ifndef __section
#define __section(x) __attribute__((__section__(x)))
#endif

#endif
