// SPDX-License-Identifier: GPL-2.0
/*
 * From _start to main(): what glibc's __libc_start_main() does for a
 * static program, in the few steps picolibc needs.
 *
 *  1. find argc, argv, envp and the auxiliary vector on the initial stack
 *     (the picture is in crt0.S);
 *  2. give the thread its TLS block and point the thread register at it --
 *     picolibc keeps errno in thread-local storage and reads it through
 *     TPIDRURO (`mrc p15, 0, rX, c13, c0, 3`), a register user mode may
 *     read but not write, so the kernel sets it: ARM's private set_tls call
 *     (__ARM_NR_set_tls, 0xf0005; arch/arm/kernel/traps.c: arm_syscall());
 *  3. run the constructors (.init_array) and register the flush of stdout
 *     with atexit();
 *  4. exit(main(argc, argv, envp)).
 */
#include <alloca.h>
#include "internal.h"
#include "syscall_arch.h"

unsigned long *__auxv;

/*
 * ARM's TLS is "variant 1" (the ELF TLS ABI): the thread pointer addresses
 * an 8-byte thread control block and the executable's TLS block follows,
 * aligned.  The linker computed every TLS variable's offset from the
 * thread pointer that way (user.ld names the pieces).
 *
 *   TPIDRURO -> [ TCB: 8 bytes ][ .tdata copy ][ .tbss zeroes ]
 */
extern char __tdata_start[], __tdata_size[], __tbss_offset[], __tbss_size[], __tls_align[];
#define TCB_SIZE 8

static void init_tls(void *block)
{
	unsigned long align = (unsigned long)__tls_align;
	unsigned long tcb = (TCB_SIZE + align - 1) & ~(align - 1);
	char *tp = (char *)(((unsigned long)block + align - 1) & ~(align - 1));
	long r;

	memcpy(tp + tcb, __tdata_start, (size_t)__tdata_size);
	memset(tp + tcb + (size_t)__tbss_offset, 0, (size_t)__tbss_size);
	r = __syscall1(__ARM_NR_set_tls, (long)tp);
	if (r) {
		static const char msg[] = "start: the kernel refused __ARM_NR_set_tls (0xf0005): "
					  "no thread pointer, no errno\n";

		__syscall3(__NR_write, 2, (long)msg, sizeof(msg) - 1);
		_exit(127);
	}
}

static void flush_stdout(void)
{
	fflush(stdout);
	fflush(stderr);
}

extern void (*__init_array_start[])(void), (*__init_array_end[])(void);
extern int main(int argc, char **argv, char **envp);

/**
 * __libc_start_main() - set up the C world and run main()
 * @sp: the initial stack pointer: &argc
 *
 * The TLS block lives in this frame, which stays until exit().
 */
void __libc_start_main(long *sp)
{
	int argc = (int)sp[0];
	char **argv = (char **)(sp + 1);
	char **envp = argv + argc + 1;
	char **p = envp;
	size_t tls =
		(size_t)__tbss_offset + (size_t)__tbss_size + TCB_SIZE + 2 * (size_t)__tls_align;

	while (*p)
		p++;
	__auxv = (unsigned long *)(p + 1);
	environ = envp;

	init_tls(alloca(tls));

	for (void (**f)(void) = __init_array_start; f < __init_array_end; f++)
		(*f)();
	atexit(flush_stdout);
	exit(main(argc, argv, envp));
}
