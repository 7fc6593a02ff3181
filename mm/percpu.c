// SPDX-License-Identifier: GPL-2.0
/*
 * mm/percpu.c (Linux 3.x): the per-CPU areas.  setup_per_cpu_areas()
 * embeds the "first chunk" in memory from memblock, as
 * pcpu_embed_first_chunk() does on every machine without NUMA tricks:
 *
 *   one memblock allocation, one unit per possible CPU:
 *
 *   base                                      base + unit_size
 *   | static (copy of .data..percpu) | dynamic | (freed back) |  CPU 0
 *   | static                         | dynamic | (freed back) |  CPU 1 ...
 *   <------------ size_sum (whole pages) ------>
 *
 * "s" is the static part (every DEFINE_PER_CPU), "r" the module reserve
 * (none: a9mm has no modules), "d" the dynamic part alloc_percpu() hands
 * out, "u" the unit: at least 32 KiB, so every CPU's copy starts that far
 * from the previous one.  What is past size_sum in each unit goes back to
 * memblock before the buddy allocator takes over.
 *
 * alloc_percpu() is Linux 3.x's area map on the first chunk: a list of
 * area sizes, positive when free, negative when in use, merged on free.
 */
#define pr_fmt(fmt) "percpu: " fmt

#include <stdlib.h>

#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include <linux/percpu.h>
#include <linux/smp.h>
#include <linux/spinlock.h>

unsigned long __per_cpu_offset[NR_CPUS];
void *pcpu_base_addr;
size_t pcpu_unit_size;

static size_t pcpu_static_size, pcpu_reserved_size, pcpu_dyn_size;

/* include/linux/percpu.h: PERCPU_DYNAMIC_EARLY_SIZE/SLOTS */
#define PERCPU_DYNAMIC_EARLY_SIZE  (12 << 10)
#define PERCPU_DYNAMIC_EARLY_SLOTS 128

/*
 * The first chunk's area map (mm/percpu.c 3.x: chunk->map): sizes in unit
 * order from offset 0, the static part first, in use.  pcpu_lock guards
 * it: any CPU may allocate.
 */
static int pcpu_map[PERCPU_DYNAMIC_EARLY_SLOTS];
static int pcpu_map_used;
static DEFINE_SPINLOCK(pcpu_lock);

/*
 * The template is copied byte by byte with volatile reads: on the host,
 * AddressSanitizer puts poisoned red zones between the variables of the
 * section, which a checked memcpy() would refuse to read.
 */
#ifdef A9MM_HOST
__attribute__((no_sanitize_address))
#endif
static void __init
pcpu_copy_template(char *dst)
{
	const volatile char *src = __per_cpu_start;

	for (size_t i = 0; i < pcpu_static_size; i++)
		dst[i] = src[i];
}

/*
 * mm/percpu.c: pcpu_embed_first_chunk(reserved_size, dyn_size, PAGE_SIZE)
 * with pcpu_build_alloc_info()'s sizing, one group, one unit per CPU.
 */
static void __init pcpu_embed_first_chunk(size_t reserved_size, size_t dyn_size)
{
	size_t size_sum, nr_units = num_possible_cpus();
	unsigned int cpu, unit = 0;
	phys_addr_t pa;
	char *base;

	pcpu_static_size = (size_t)(__per_cpu_end - __per_cpu_start);
	size_sum = PAGE_ALIGN(pcpu_static_size + reserved_size +
			      max_t(size_t, dyn_size, PERCPU_DYNAMIC_EARLY_SIZE));
	pcpu_reserved_size = reserved_size;
	pcpu_dyn_size = size_sum - pcpu_static_size - reserved_size;
	pcpu_unit_size = max_t(size_t, size_sum, PCPU_MIN_UNIT_SIZE);

	/* pcpu_dfl_fc_alloc(): top-down from memblock, like every early allocation */
	pa = memblock_alloc_base(nr_units * pcpu_unit_size, PAGE_SIZE, MEMBLOCK_ALLOC_ACCESSIBLE);
	if (!pa)
		panic("Failed to initialize percpu areas: no %zu bytes for %zu CPUs in memblock",
		      nr_units * pcpu_unit_size, nr_units);
	base = __va(pa);
	for_each_possible_cpu(cpu) {
		char *ptr = base + unit * pcpu_unit_size;

		/* memblock does not zero: the static part is the template, the rest zeroes */
		pcpu_copy_template(ptr);
		memset(ptr + pcpu_static_size, 0, size_sum - pcpu_static_size);
		/* pcpu_dfl_fc_free(): the unit's unused tail back to memblock */
		if (pcpu_unit_size > size_sum)
			memblock_free(pa + unit * pcpu_unit_size + size_sum,
				      pcpu_unit_size - size_sum);
		__per_cpu_offset[cpu] = (unsigned long)ptr - (unsigned long)__per_cpu_start;
		unit++;
	}
	pcpu_base_addr = base;

	/* pcpu_setup_first_chunk(): the static and reserved parts are in use */
	pcpu_map_used = 0;
	pcpu_map[pcpu_map_used++] = -(int)(pcpu_static_size + pcpu_reserved_size);
	pcpu_map[pcpu_map_used++] = (int)pcpu_dyn_size;

	pr_info("Embedded %zu pages/cpu @%08lx s%zu r%zu d%zu u%zu\n", size_sum >> PAGE_SHIFT,
		(unsigned long)base, pcpu_static_size, pcpu_reserved_size, pcpu_dyn_size,
		pcpu_unit_size);
}

/**
 * setup_per_cpu_areas() - give every possible CPU its copy of the per-CPU data
 *
 * mm/percpu.c: setup_per_cpu_areas() @ v3.14 (the generic version ARM
 * uses).  Called by the boot CPU from start_kernel(), after setup_arch()
 * has settled cpu_possible_mask and while memblock still owns memory.
 * Until it runs every offset is 0 and the boot CPU works on the template
 * itself; what it wrote there is in every copy.
 */
void __init setup_per_cpu_areas(void)
{
	for (unsigned int cpu = 0; cpu < NR_CPUS; cpu++)
		__per_cpu_offset[cpu] = 0;
	pcpu_embed_first_chunk(PERCPU_MODULE_RESERVE, PERCPU_DYNAMIC_RESERVE);
}

/*
 * mm/percpu.c (3.x): pcpu_alloc_area(): the first free area that holds
 * size bytes at align, split into [free head][used][free tail].  Returns
 * the offset in the unit, or -1.
 */
static int pcpu_alloc_area(int size, int align)
{
	int off = 0;

	for (int i = 0; i < pcpu_map_used; off += abs(pcpu_map[i++])) {
		int this_size = pcpu_map[i], head, tail, nr_new;
		int piece[3], n = 0;

		if (this_size < 0)
			continue;
		head = (int)ALIGN((unsigned int)off, (unsigned int)align) - off;
		if (this_size < head + size)
			continue;
		tail = this_size - head - size;
		nr_new = (head > 0) + (tail > 0);
		if (pcpu_map_used + nr_new > PERCPU_DYNAMIC_EARLY_SLOTS)
			return -1;
		if (head)
			piece[n++] = head;
		piece[n++] = -size;
		if (tail)
			piece[n++] = tail;
		memmove(&pcpu_map[i + n], &pcpu_map[i + 1],
			(size_t)(pcpu_map_used - i - 1) * sizeof(pcpu_map[0]));
		memcpy(&pcpu_map[i], piece, (size_t)n * sizeof(piece[0]));
		pcpu_map_used += n - 1;
		return off + head;
	}
	return -1;
}

/* mm/percpu.c (3.x): pcpu_free_area(): mark free, merge with free neighbours */
static bool pcpu_free_area(int freeme)
{
	int off = 0, i;

	for (i = 0; i < pcpu_map_used; off += abs(pcpu_map[i++]))
		if (off == freeme)
			break;
	if (i == pcpu_map_used || pcpu_map[i] >= 0 || i == 0)
		return false; /* not the start of an area in use (or the static part) */
	pcpu_map[i] = -pcpu_map[i];
	if (i + 1 < pcpu_map_used && pcpu_map[i + 1] > 0) {
		pcpu_map[i] += pcpu_map[i + 1];
		memmove(&pcpu_map[i + 1], &pcpu_map[i + 2],
			(size_t)(pcpu_map_used - i - 2) * sizeof(pcpu_map[0]));
		pcpu_map_used--;
	}
	if (pcpu_map[i - 1] > 0) {
		pcpu_map[i - 1] += pcpu_map[i];
		memmove(&pcpu_map[i], &pcpu_map[i + 1],
			(size_t)(pcpu_map_used - i - 1) * sizeof(pcpu_map[0]));
		pcpu_map_used--;
	}
	return true;
}

/**
 * __alloc_percpu() - allocate zeroed per-CPU memory
 * @size: bytes per CPU
 * @align: alignment (at most PAGE_SIZE)
 *
 * mm/percpu.c: __alloc_percpu() @ v3.14, first chunk only.  Any CPU, any
 * context but an interrupt handler.
 *
 * Return: a per-CPU pointer (use it through per_cpu_ptr()/this_cpu_ptr()),
 * or NULL with a message when the dynamic space is used up.
 */
void *__alloc_percpu(size_t size, size_t align)
{
	unsigned long flags;
	unsigned int cpu;
	int off;

	if (!pcpu_base_addr) {
		pr_err("allocation of %zu bytes before setup_per_cpu_areas()\n", size);
		return NULL;
	}
	if (!size || size > PCPU_MIN_UNIT_SIZE || !is_power_of_2(align) || align > PAGE_SIZE) {
		pr_warn("illegal size (%zu) or align (%zu) for percpu allocation\n", size, align);
		return NULL;
	}
	size = ALIGN(size, 2);
	spin_lock_irqsave(&pcpu_lock, flags);
	off = pcpu_alloc_area((int)size, (int)align);
	spin_unlock_irqrestore(&pcpu_lock, flags);
	if (off < 0) {
		pr_warn("allocation failed, size=%zu align=%zu: the first chunk's %zu dynamic bytes are used up\n",
			size, align, pcpu_dyn_size);
		return NULL;
	}
	for_each_possible_cpu(cpu)
		memset((char *)pcpu_base_addr + (unsigned long)cpu * pcpu_unit_size + (size_t)off,
		       0, size);
	return __per_cpu_start + off;
}

/**
 * free_percpu() - give back what __alloc_percpu() returned
 * @ptr: the per-CPU pointer (NULL is ignored)
 *
 * mm/percpu.c: free_percpu() @ v3.14.  A pointer that is not the start of
 * an allocation is reported and nothing is freed.
 */
void free_percpu(void *ptr)
{
	long off = (char *)ptr - __per_cpu_start;
	unsigned long flags;
	bool ok;

	if (!ptr)
		return;
	spin_lock_irqsave(&pcpu_lock, flags);
	ok = off > 0 && (size_t)off < pcpu_unit_size && pcpu_free_area((int)off);
	spin_unlock_irqrestore(&pcpu_lock, flags);
	if (!ok)
		pr_err("free_percpu(%p): not an allocated per-CPU area\n", ptr);
}

/**
 * pcpu_free_bytes() - dynamic per-CPU bytes still free
 *
 * Return: the bytes of the first chunk's dynamic area no alloc_percpu() holds.
 */
size_t pcpu_free_bytes(void)
{
	unsigned long flags;
	size_t n = 0;

	spin_lock_irqsave(&pcpu_lock, flags);
	for (int i = 0; i < pcpu_map_used; i++)
		if (pcpu_map[i] > 0)
			n += (size_t)pcpu_map[i];
	spin_unlock_irqrestore(&pcpu_lock, flags);
	return n;
}
