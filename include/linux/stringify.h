/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_STRINGIFY_H
#define _LINUX_STRINGIFY_H

/*
 * include/linux/stringify.h @ v4.14: turn tokens into a string after
 * expanding them, so __stringify(c5) in an asm template stays "c5" and a
 * macro argument becomes its value.
 */
#define __stringify_1(x...) #x
#define __stringify(x...)   __stringify_1(x)

#endif
