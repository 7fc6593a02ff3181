/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_CACHE_H
#define _ASM_CACHE_H

/*
 * arch/arm/include/asm/cache.h @ v4.14: what the kernel aligns data to.
 *
 * L1_CACHE_BYTES is not this CPU's line (the Cortex-A9's is 32 bytes, as
 * CTR says: dcache_line_size(), asm/cacheflush.h) but the largest line
 * the kernel is built to run on: CONFIG_ARM_L1_CACHE_SHIFT is 6 in every
 * ARMv7 multiplatform kernel (Debian's armmp among them), for the
 * Cortex-A8's and A15's 64-byte lines.  Data aligned to it never shares a
 * line with other data on any of them.  It is SLUB's "HWalign" and what
 * SLAB_HWCACHE_ALIGN rounds to (include/linux/cache.h: cache_line_size()).
 *
 * ARCH_SLAB_MINALIGN: the EABI aligns 64-bit types (LDRD/STRD) to 8.
 */
#define L1_CACHE_SHIFT	   6
#define L1_CACHE_BYTES	   (1 << L1_CACHE_SHIFT)
#define ARCH_SLAB_MINALIGN 8

/* include/linux/cache.h: cache_line_size() @ v4.14 */
#define cache_line_size() L1_CACHE_BYTES

#endif
