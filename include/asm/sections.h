/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_SECTIONS_H
#define _ASM_SECTIONS_H

/* include/asm-generic/sections.h @ v4.14: symbols defined by linker.ld */
extern char _text[], _stext[], _etext[];
extern char __start_rodata[], __end_rodata[];
extern char __init_begin[], __init_end[];
extern char _sdata[], _edata[];
extern char __bss_start[], __bss_stop[];
extern char _end[];

#endif
