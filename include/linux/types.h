/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_TYPES_H
#define _LINUX_TYPES_H

/* include/linux/types.h @ v4.14, for a 32-bit ARM kernel without LPAE */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef uint8_t u8;
typedef uint16_t u16;
typedef uint32_t u32;
typedef unsigned long long u64; /* as Linux: %llx on every ABI */
typedef int8_t s8;
typedef int16_t s16;
typedef int32_t s32;
typedef long long s64;

/*
 * ARMv7 short-descriptor translation (no LPAE) addresses 4 GiB of physical
 * space, so phys_addr_t is 32 bits as in a !CONFIG_ARM_LPAE Linux build.
 * The host tests keep the same width so overflow behaves as on the target.
 */
typedef u32 phys_addr_t;
typedef u32 resource_size_t;

#endif
