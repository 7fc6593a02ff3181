/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_UNISTD_H
#define _ASM_UNISTD_H

/*
 * arch/arm/include/asm/unistd.h @ v4.14: the numbers are the uapi
 * header's, shared with the user programs; the table's size is the
 * kernel's own
 */
#include <uapi/asm/unistd.h>

#define NR_syscalls 400

#endif
