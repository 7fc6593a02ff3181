// SPDX-License-Identifier: GPL-2.0
/*
 * malloc's two sources of memory, as glibc has them.
 *
 *   small requests  picolibc's malloc (newlib's "nano" allocator), whose
 *                   heap grows with sbrk() -> brk: one contiguous [heap]
 *                   VMA just above the program's .bss
 *   big requests    one private anonymous mmap() each, unmapped again by
 *                   free(): the memory goes back to the kernel at once
 *
 * The split is at malloc_mmap_threshold, 128 KiB: glibc's default
 * M_MMAP_THRESHOLD (DEFAULT_MMAP_THRESHOLD_MIN in glibc's malloc.c).  glibc
 * also raises its threshold when a big block is freed (up to 512 KiB on
 * 32-bit); this one stays put, so what a demo asks for is what it gets.
 *
 * picolibc's allocator cannot map memory itself, so the big-block path is
 * here, in front of it: the link wraps malloc, free, calloc and realloc
 * (ld --wrap: every call to malloc() reaches __wrap_malloc(), which reaches
 * picolibc's as __real_malloc()).  A block is known by its address: the
 * brk heap is one range, [__heap_start, __heap_end), and anything else
 * must carry the header below, or free() stops the program.
 *
 *   mmap()ed block:  | map_len | magic | the caller's bytes ...      |
 *                    ^ page-aligned    ^ 8-byte aligned, as malloc's
 *
 * The header sits in the first page, so malloc(1 MiB) touches that one
 * page (one fault); the others arrive when the caller touches them.  A
 * big calloc() needs no memset: fresh anonymous memory reads as zeroes
 * (the kernel's zero page), so calloc() leaves it untouched.  memalign()
 * and friends always use the brk heap (picolibc calls its own malloc
 * underneath them); free() tells their blocks apart all the same.
 */
#include <malloc.h>
#include "internal.h"

size_t malloc_mmap_threshold = 128 * 1024;

struct mmap_chunk {
	size_t map_len; /* the whole mapping, header included */
	size_t magic;	/* MMAP_MAGIC ^ map_len */
};

#define MMAP_MAGIC 0x6d6d6170 /* "mmap" */

static bool in_heap(const void *p)
{
	return (unsigned long)p >= __heap_start && (unsigned long)p < __heap_end;
}

static struct mmap_chunk *mmap_chunk_of(const void *p)
{
	struct mmap_chunk *c = (struct mmap_chunk *)p - 1;

	if (((unsigned long)c & (PAGE_SIZE - 1)) || c->magic != (MMAP_MAGIC ^ c->map_len) ||
	    (c->map_len & (PAGE_SIZE - 1)))
		return NULL;
	return c;
}

static void *mmap_chunk_alloc(size_t size)
{
	size_t len = PAGE_ALIGN(size + sizeof(struct mmap_chunk));
	struct mmap_chunk *c;

	if (len < size) {
		errno = ENOMEM;
		return NULL;
	}
	c = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (c == MAP_FAILED)
		return NULL;
	c->map_len = len;
	c->magic = MMAP_MAGIC ^ len;
	return c + 1;
}

static void bad_pointer(const char *who, const void *p)
{
	fprintf(stderr,
		"%s(): invalid pointer %p: neither in the brk heap [%#lx, %#lx) "
		"nor an mmap()ed block\n",
		who, p, __heap_start, __heap_end);
	abort();
}

/**
 * malloc_heap_range() - the brk heap malloc has grown so far
 * @start: its start: the first break, just above .bss
 * @end: the break now
 */
void malloc_heap_range(unsigned long *start, unsigned long *end)
{
	*start = __heap_start;
	*end = __heap_end;
}

/**
 * malloc_is_mmapped() - whether a block has its own mapping
 * @p: what malloc(), calloc() or realloc() returned
 *
 * Return: true for a block of its own mmap(), false for a brk-heap one.
 */
bool malloc_is_mmapped(const void *p)
{
	return p && !in_heap(p) && mmap_chunk_of(p);
}

/**
 * __wrap_malloc() - malloc(): brk heap below the threshold, mmap() above
 * @size: bytes
 *
 * Return: the block, or NULL with errno ENOMEM.
 */
void *__wrap_malloc(size_t size)
{
	if (size >= malloc_mmap_threshold)
		return mmap_chunk_alloc(size);
	return __real_malloc(size);
}

/**
 * __wrap_free() - free(): back to the heap's free list, or munmap()
 * @p: a block, or NULL
 */
void __wrap_free(void *p)
{
	struct mmap_chunk *c;

	if (!p)
		return;
	if (in_heap(p)) {
		__real_free(p);
		return;
	}
	c = mmap_chunk_of(p);
	if (!c)
		bad_pointer("free", p);
	munmap(c, c->map_len);
}

/**
 * __wrap_calloc() - calloc(): zeroed, big blocks untouched
 * @n: elements
 * @size: bytes each
 *
 * Return: the zeroed block, or NULL with errno ENOMEM (also on overflow).
 */
void *__wrap_calloc(size_t n, size_t size)
{
	size_t total;

	if (__builtin_mul_overflow(n, size, &total)) {
		errno = ENOMEM;
		return NULL;
	}
	if (total >= malloc_mmap_threshold)
		return mmap_chunk_alloc(total); /* already zero: no memset */
	return __real_calloc(n, size);
}

/**
 * __wrap_realloc() - realloc() across the two sources
 * @p: a block, or NULL
 * @size: the new size; 0 frees @p and returns NULL (as glibc)
 *
 * A block that crosses the threshold moves to the other source.  A big
 * block that still fits its mapping stays where it is (glibc would
 * mremap(), which a9mm's kernel does not offer).
 *
 * Return: the block (moved or not), or NULL with errno ENOMEM and @p intact.
 */
void *__wrap_realloc(void *p, size_t size)
{
	struct mmap_chunk *c;
	size_t have;
	void *n;

	if (!p)
		return __wrap_malloc(size);
	if (!size) {
		__wrap_free(p);
		return NULL;
	}
	if (in_heap(p)) {
		if (size < malloc_mmap_threshold)
			return __real_realloc(p, size);
		have = malloc_usable_size(p);
		c = NULL;
	} else {
		c = mmap_chunk_of(p);
		if (!c)
			bad_pointer("realloc", p);
		have = c->map_len - sizeof(*c);
		if (size >= malloc_mmap_threshold && size <= have)
			return p;
	}
	n = __wrap_malloc(size);
	if (!n)
		return NULL;
	memcpy(n, p, have < size ? have : size);
	if (c)
		munmap(c, c->map_len);
	else
		__real_free(p);
	return n;
}
