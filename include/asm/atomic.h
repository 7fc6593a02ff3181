/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_ATOMIC_H
#define _ASM_ATOMIC_H

/*
 * arch/arm/include/asm/atomic.h (ARMv6+): read-modify-write of one word
 * that no other CPU can interleave with, built from the exclusive pair
 * (ARM ARM A3.4, "Synchronization and semaphores"):
 *
 *   1: LDREX  old, [p]        load, and mark the address in the monitors
 *      <compute new>
 *      STREX  fail, new, [p]  store only if nobody wrote it since
 *      TEQ    fail, #0
 *      BNE    1b              someone did: start again
 *
 * The value-returning forms are full barriers (smp_mb() on both sides),
 * as Linux's atomic_*_return(); the void forms order nothing.
 * The host build uses GCC's __atomic builtins for the same semantics.
 */
#include <linux/types.h>
#include <asm/barrier.h>

typedef struct {
	int counter;
} atomic_t;

#define ATOMIC_INIT(i) \
	{              \
		(i)    \
	}

static inline int atomic_read(const atomic_t *v)
{
	return READ_ONCE(v->counter);
}

static inline void atomic_set(atomic_t *v, int i)
{
	WRITE_ONCE(v->counter, i);
}

#ifdef A9MM_HOST
static inline int atomic_add_return(int i, atomic_t *v)
{
	return __atomic_add_fetch(&v->counter, i, __ATOMIC_SEQ_CST);
}

static inline int atomic_cmpxchg(atomic_t *v, int old, int new)
{
	__atomic_compare_exchange_n(&v->counter, &old, new, false, __ATOMIC_SEQ_CST,
				    __ATOMIC_SEQ_CST);
	return old;
}

static inline void atomic_or_ulong(unsigned long mask, unsigned long *p)
{
	__atomic_fetch_or(p, mask, __ATOMIC_RELAXED);
}

static inline void atomic_andnot_ulong(unsigned long mask, unsigned long *p)
{
	__atomic_fetch_and(p, ~mask, __ATOMIC_RELAXED);
}
#else
/* arch/arm/include/asm/atomic.h: ATOMIC_OP_RETURN(add, +=, add) */
static inline int atomic_add_return(int i, atomic_t *v)
{
	unsigned long fail;
	int result;

	smp_mb();
	__asm__ volatile("1:	ldrex	%0, [%3]\n"
			 "	add	%0, %0, %4\n"
			 "	strex	%1, %0, [%3]\n"
			 "	teq	%1, #0\n"
			 "	bne	1b"
			 : "=&r"(result), "=&r"(fail), "+Qo"(v->counter)
			 : "r"(&v->counter), "Ir"(i)
			 : "cc");
	smp_mb();
	return result;
}

/* arch/arm/include/asm/atomic.h: atomic_cmpxchg() @ v4.9: store new only if it holds old */
static inline int atomic_cmpxchg(atomic_t *v, int old, int new)
{
	unsigned long fail;
	int seen;

	smp_mb();
	do {
		__asm__ volatile("	ldrex	%1, [%3]\n"
				 "	mov	%0, #0\n"
				 "	teq	%1, %4\n"
				 "	strexeq	%0, %5, [%3]"
				 : "=&r"(fail), "=&r"(seen), "+Qo"(v->counter)
				 : "r"(&v->counter), "Ir"(old), "r"(new)
				 : "cc");
	} while (fail);
	smp_mb();
	return seen;
}

/* arch/arm/lib/bitops.h: the exclusive loop of set_bit()/clear_bit(), on a word */
static inline void atomic_or_ulong(unsigned long mask, unsigned long *p)
{
	unsigned long tmp, fail;

	__asm__ volatile("1:	ldrex	%0, [%3]\n"
			 "	orr	%0, %0, %4\n"
			 "	strex	%1, %0, [%3]\n"
			 "	teq	%1, #0\n"
			 "	bne	1b"
			 : "=&r"(tmp), "=&r"(fail), "+Qo"(*p)
			 : "r"(p), "r"(mask)
			 : "cc");
}

static inline void atomic_andnot_ulong(unsigned long mask, unsigned long *p)
{
	unsigned long tmp, fail;

	__asm__ volatile("1:	ldrex	%0, [%3]\n"
			 "	bic	%0, %0, %4\n"
			 "	strex	%1, %0, [%3]\n"
			 "	teq	%1, #0\n"
			 "	bne	1b"
			 : "=&r"(tmp), "=&r"(fail), "+Qo"(*p)
			 : "r"(p), "r"(mask)
			 : "cc");
}
#endif

/*
 * arch/arm/include/asm/atomic.h: atomic64_t @ v4.14 (the LDREXD/STREXD
 * pair, ARM ARM A8.8.77/A8.8.214, on an 8-byte aligned doubleword) --
 * for the ASID generation counter, which must never wrap.
 */
typedef struct {
	long long counter;
} __attribute__((aligned(8))) atomic64_t;

#define ATOMIC64_INIT(i) \
	{                \
		(i)      \
	}

#ifdef A9MM_HOST
static inline long long atomic64_read(const atomic64_t *v)
{
	return __atomic_load_n(&v->counter, __ATOMIC_RELAXED);
}

static inline void atomic64_set(atomic64_t *v, long long i)
{
	__atomic_store_n(&v->counter, i, __ATOMIC_RELAXED);
}

static inline long long atomic64_add_return(long long i, atomic64_t *v)
{
	return __atomic_add_fetch(&v->counter, i, __ATOMIC_SEQ_CST);
}

static inline long long atomic64_xchg(atomic64_t *v, long long new)
{
	return __atomic_exchange_n(&v->counter, new, __ATOMIC_SEQ_CST);
}
#else
/* arch/arm/include/asm/atomic.h: atomic64_read() @ v4.14: LDREXD is single-copy atomic */
static inline long long atomic64_read(const atomic64_t *v)
{
	long long result;

	__asm__ volatile("ldrexd	%0, %H0, [%1]"
			 : "=&r"(result)
			 : "r"(&v->counter), "Qo"(v->counter));
	return result;
}

/* arch/arm/include/asm/atomic.h: atomic64_set() @ v4.14 */
static inline void atomic64_set(atomic64_t *v, long long i)
{
	long long tmp;

	__asm__ volatile("1:	ldrexd	%0, %H0, [%2]\n"
			 "	strexd	%0, %3, %H3, [%2]\n"
			 "	teq	%0, #0\n"
			 "	bne	1b"
			 : "=&r"(tmp), "=Qo"(v->counter)
			 : "r"(&v->counter), "r"(i)
			 : "cc");
}

/* arch/arm/include/asm/atomic.h: atomic64_add_return() @ v4.14 */
static inline long long atomic64_add_return(long long i, atomic64_t *v)
{
	long long result;
	unsigned long tmp;

	smp_mb();
	__asm__ volatile("1:	ldrexd	%0, %H0, [%3]\n"
			 "	adds	%Q0, %Q0, %Q4\n"
			 "	adc	%R0, %R0, %R4\n"
			 "	strexd	%1, %0, %H0, [%3]\n"
			 "	teq	%1, #0\n"
			 "	bne	1b"
			 : "=&r"(result), "=&r"(tmp), "+Qo"(v->counter)
			 : "r"(&v->counter), "r"(i)
			 : "cc");
	smp_mb();
	return result;
}

/* arch/arm/include/asm/atomic.h: atomic64_xchg() @ v4.14 */
static inline long long atomic64_xchg(atomic64_t *ptr, long long new)
{
	long long result;
	unsigned long tmp;

	smp_mb();
	__asm__ volatile("1:	ldrexd	%0, %H0, [%3]\n"
			 "	strexd	%1, %4, %H4, [%3]\n"
			 "	teq	%1, #0\n"
			 "	bne	1b"
			 : "=&r"(result), "=&r"(tmp), "+Qo"(ptr->counter)
			 : "r"(&ptr->counter), "r"(new)
			 : "cc");
	smp_mb();
	return result;
}
#endif

#define atomic_inc_return(v)	  atomic_add_return(1, v)
#define atomic_inc(v)		  ((void)atomic_add_return(1, v))
#define atomic_dec(v)		  ((void)atomic_add_return(-1, v))
#define atomic_add(i, v)	  ((void)atomic_add_return(i, v))
#define atomic_sub(i, v)	  ((void)atomic_add_return(-(i), v))
#define atomic_dec_return(v)	  atomic_add_return(-1, v)
#define atomic_dec_and_test(v)	  (atomic_add_return(-1, v) == 0)
#define atomic_inc_and_test(v)	  (atomic_add_return(1, v) == 0)
#define atomic_add_negative(i, v) (atomic_add_return(i, v) < 0)

#endif
