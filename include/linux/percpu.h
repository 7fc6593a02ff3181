/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_PERCPU_H
#define _LINUX_PERCPU_H

/*
 * include/linux/percpu.h + percpu-defs.h: one copy of a variable per CPU.
 *
 * DEFINE_PER_CPU(type, name) puts the variable in .data..percpu, a
 * template the image carries.  setup_per_cpu_areas() (mm/percpu.c) copies
 * the template once per possible CPU into memory from memblock, and
 * records how far each copy is from the template:
 *
 *   __per_cpu_start    template (.data..percpu, in the image)
 *   base + 0 * unit    CPU 0's copy      __per_cpu_offset[0] = base - __per_cpu_start
 *   base + 1 * unit    CPU 1's copy      __per_cpu_offset[1] = ... + unit
 *   ...
 *
 * A per-CPU pointer is an address in the template; per_cpu_ptr(p, cpu)
 * adds that CPU's offset, this_cpu_ptr(p) adds the offset this CPU keeps
 * in TPIDRPRW (asm/percpu.h).  alloc_percpu() hands out more of the same
 * kind of pointer, from the "dynamic" space left in each copy.  Before
 * the copies exist every offset is 0: the boot CPU uses the template.
 *
 * A CPU's copy may be read by others (e.g. /proc/zoneinfo), but what the
 * CPU changes in it without a lock -- its page lists -- only that CPU
 * changes, with interrupts off.
 */
#include <linux/compiler.h>
#include <linux/threads.h>
#include <linux/types.h>
#include <asm/percpu.h>

#ifdef A9MM_HOST
/* GNU ld defines __start_/__stop_ for sections named like C identifiers */
#define PER_CPU_SECTION "a9mm_percpu"
extern char __start_a9mm_percpu[], __stop_a9mm_percpu[];
#define __per_cpu_start __start_a9mm_percpu
#define __per_cpu_end	__stop_a9mm_percpu
#else
#define PER_CPU_SECTION ".data..percpu"
extern char __per_cpu_start[], __per_cpu_end[];
#endif

/* include/linux/percpu-defs.h */
#define DEFINE_PER_CPU(type, name)  __attribute__((section(PER_CPU_SECTION))) __typeof__(type) name
#define DECLARE_PER_CPU(type, name) extern __typeof__(type) name

extern unsigned long __per_cpu_offset[NR_CPUS];
#define per_cpu_offset(cpu) (__per_cpu_offset[cpu])

/*
 * include/linux/compiler-gcc.h: RELOC_HIDE() @ v4.9: the compiler must not know
 * the result points into the template, or it could "prove" two CPUs'
 * copies are the same object.
 */
#define RELOC_HIDE(ptr, off)                          \
	({                                            \
		unsigned long __ptr;                  \
		__asm__("" : "=r"(__ptr) : "0"(ptr)); \
		(__typeof__(ptr))(__ptr + (off));     \
	})

#define per_cpu_ptr(ptr, cpu) RELOC_HIDE(ptr, per_cpu_offset(cpu))
#define this_cpu_ptr(ptr)     RELOC_HIDE(ptr, __my_cpu_offset())
#define per_cpu(var, cpu)     (*per_cpu_ptr(&(var), cpu))

/*
 * this_cpu_read()/this_cpu_write(): one access to this CPU's copy.  A
 * task may be preempted between the address computation and the access,
 * but it never moves CPU (kernel/sched/core.c: nothing migrates after
 * fork), so the copy it reaches is still its own CPU's.
 */
#define this_cpu_read(var)	 READ_ONCE(*this_cpu_ptr(&(var)))
#define this_cpu_write(var, val) WRITE_ONCE(*this_cpu_ptr(&(var)), val)

/*
 * Linux 3.x's sizes (include/linux/percpu.h): a unit is at least 32 KiB;
 * 12 KiB of every copy is left for alloc_percpu(); no modules, so no
 * module reserve.
 */
#define PCPU_MIN_UNIT_SIZE     (32 << 10)
#define PERCPU_DYNAMIC_RESERVE (12 << 10)
#define PERCPU_MODULE_RESERVE  0

/* mm/percpu.c: the first chunk, as pcpu_embed_first_chunk() laid it out */
extern void *pcpu_base_addr;
extern size_t pcpu_unit_size;

void setup_per_cpu_areas(void);
void *__alloc_percpu(size_t size, size_t align);
void free_percpu(void *ptr);
/* bytes of dynamic per-CPU space still free (for tests and reports) */
size_t pcpu_free_bytes(void);

#define alloc_percpu(type) ((type __percpu *)__alloc_percpu(sizeof(type), __alignof__(type)))

#endif
