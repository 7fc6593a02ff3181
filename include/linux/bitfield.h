/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_BITFIELD_H
#define _LINUX_BITFIELD_H

/*
 * include/linux/bitfield.h @ v4.14: FIELD_GET(mask, reg) reads the field
 * @mask covers out of @reg, shifted down, so a descriptor field is named
 * by its mask alone (FIELD_GET(PMD_SECT_TEX_MASK, pmd)) and no shift count
 * is written twice.  Linux's compile-time checks of the mask are left out.
 */
#define __bf_shf(x)	       (__builtin_ffsll(x) - 1)
#define FIELD_GET(_mask, _reg) (((_reg) & (_mask)) >> __bf_shf(_mask))

#endif
