/* SPDX-License-Identifier: GPL-2.0 */
/* What the pieces of user/lib/ share and programs do not see. */
#ifndef _ULIB_INTERNAL_H
#define _ULIB_INTERNAL_H

#include "ulib.h"

int __errno_from_linux(int err);
long __syscall_ret(long r);

/* the auxiliary vector the kernel left above envp (start.c) */
extern unsigned long *__auxv;

/* the brk heap sbrk() has handed out: [__heap_start, __heap_end) */
extern unsigned long __heap_start, __heap_end;

/* start.c's entry from crt0.S */
void __libc_start_main(long *sp) __attribute__((noreturn));

/* picolibc's own malloc, under the --wrap names (malloc.c) */
void *__real_malloc(size_t size);
void __real_free(void *p);
void *__real_calloc(size_t n, size_t size);
void *__real_realloc(void *p, size_t size);
void *__wrap_malloc(size_t size);
void __wrap_free(void *p);
void *__wrap_calloc(size_t n, size_t size);
void *__wrap_realloc(void *p, size_t size);

#endif
