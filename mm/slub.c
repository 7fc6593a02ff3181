// SPDX-License-Identifier: GPL-2.0
/*
 * mm/slub.c: the SLUB allocator of Linux v4.14, the allocator for objects
 * smaller than a page, on top of the buddy allocator.
 *
 * A cache hands out objects of one size.  It takes slabs -- blocks of
 * 2^order pages (calculate_order()) -- from the page allocator and cuts
 * each into objects; a free object holds the address of the next free one
 * (the free pointer, at s->offset inside it), so a slab's free objects
 * form a list that costs no memory of its own:
 *
 *   slab (slab_address(page))
 *   +--------+--------+--------+--------+--------+-- ... --+------+
 *   | obj 0  | obj 1  | obj 2  | obj 3  | obj 4  |         | left |
 *   | in use | fp ----+------->| fp=NULL|        |         | over |
 *   +--------+--------+--------+--------+--------+-- ... --+------+
 *              ^ page->freelist (or the CPU's c->freelist)
 *
 * The slab's state lives in its head struct page (linux/mm_types.h):
 * slab_cache, freelist, and inuse/objects/frozen in the word of _mapcount.
 *
 * Who may touch what (SMP):
 *   - a CPU's struct kmem_cache_cpu (its active slab and that slab's
 *     freelist) is touched by that CPU only, with interrupts off.  The
 *     fast paths are exactly this: pop or push c->freelist.  Interrupts
 *     off is all the protection they need on ARMv7: a9mm has no
 *     preemption, no other CPU ever writes this CPU's kmem_cache_cpu
 *     (flush_all() asks the CPU itself, by IPI), and with IRQs masked
 *     nothing else runs here between the load of c->freelist and the
 *     store.  It is also what Linux does on ARM32: it has no
 *     cmpxchg_double for per-CPU data, so this_cpu_cmpxchg_double() there
 *     is the generic version, which disables interrupts around a
 *     compare and two stores -- a9mm keeps the interrupts-off part and
 *     drops the transaction id the compare exists for (CPSID/CPSIE cost a
 *     few cycles on a Cortex-A9).
 *   - everything else -- the node's lists, and every slab's freelist,
 *     inuse and frozen -- under the node's list_lock.  Linux 4.14 updates
 *     a slab's freelist+counters with cmpxchg_double where the CPU has
 *     one, else under slab_lock(), a bit spinlock in page->flags; a9mm
 *     takes list_lock for those slow paths instead: one lock, one rule,
 *     and only slow paths take it.
 *
 * A CPU's active slab is "frozen": on no list, its free objects moved to
 * c->freelist (page->inuse counts them as in use).  Another CPU freeing
 * into it puts the object on page->freelist (under list_lock); the owner
 * takes those back when its c->freelist runs dry (ALLOC_REFILL).
 *
 * slub_debug= (F Z P U T) switches on Linux's checks: red zones around
 * each object, poisoned free objects, checks at every step, who allocated
 * and freed each object.  A cache that debugs takes the slow path for
 * every allocation and free (as Linux's does), under list_lock, so the
 * checks see a consistent slab.
 */
#include <stdarg.h>

#include <linux/errno.h>
#include <linux/init.h>
#include <linux/jiffies.h>
#include <linux/kallsyms.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/percpu.h>
#include <linux/slab.h>
#include <linux/slub_def.h>
#include <linux/smp.h>
#include "slab.h"

#ifndef A9MM_HOST
/* the slab's state shares struct page's words: it must not make the page bigger */
_Static_assert(sizeof(struct page) == 32, "struct page must stay 8 words on ARM32");
#endif

/* include/linux/poison.h @ v4.14 */
#define SLUB_RED_INACTIVE 0xbb /* red zone of a free object */
#define SLUB_RED_ACTIVE	  0xcc /* red zone of an allocated object */
#define POISON_INUSE	  0x5a /* padding, and objects never handed out */
#define POISON_FREE	  0x6b /* a free object's bytes */
#define POISON_END	  0xa5 /* its last byte */

/* mm/slub.c @ v4.14: internal flag: poison the object itself (not with a ctor) */
#define __OBJECT_POISON 0x80000000U

#define MIN_PARTIAL	  5	/* a node keeps at least this many partial slabs, even empty */
#define MAX_PARTIAL	  10	/* and never more than this many empty ones */
#define MAX_OBJS_PER_PAGE 32767 /* page->objects is 15 bits */
#define OO_SHIFT	  16
#define OO_MASK		  ((1U << OO_SHIFT) - 1)

/* Linux's slub_max_order default: PAGE_ALLOC_COSTLY_ORDER */
static unsigned int slub_min_order;
static unsigned int slub_max_order = 3;
static unsigned int slub_min_objects;

slab_flags_t slub_debug;
enum slab_state slab_state;
LIST_HEAD(slab_caches);
DEFINE_SPINLOCK(slab_caches_lock);
struct kmem_cache *kmem_cache;
static struct kmem_cache *kmem_cache_node;

/*
 * The alloc/free tracking of slub_debug=U: who (a caller from kallsyms),
 * on which CPU, when (jiffies).  Two per object, after its free pointer.
 */
struct track {
	unsigned long addr;
	int cpu;
	int pid;
	unsigned long when;
};

enum track_item { TRACK_ALLOC, TRACK_FREE };

static inline bool kmem_cache_debug(const struct kmem_cache *s)
{
	return s->flags & SLAB_DEBUG_FLAGS;
}

static inline struct kmem_cache_node *get_node(const struct kmem_cache *s)
{
	return s->node[0];
}

/* a slow-path event, on this CPU's counters (interrupts are off) */
static inline void stat(const struct kmem_cache *s, enum stat_item si)
{
	this_cpu_ptr(s->cpu_slab)->stat[si]++;
}

/*
 * The first byte of a slab (or a kmalloc_large() block): page_address()
 * without its HighMem case, as both are always lowmem (no __GFP_HIGHMEM).
 */
static inline void *slab_address(const struct page *page)
{
	return lowmem_page_address(page);
}

/* mm/slub.c: get_freepointer() @ v4.14 */
static inline void *get_freepointer(const struct kmem_cache *s, void *object)
{
	return *(void **)((char *)object + s->offset);
}

/* mm/slub.c: set_freepointer() @ v4.14 */
static inline void set_freepointer(const struct kmem_cache *s, void *object, void *fp)
{
	*(void **)((char *)object + s->offset) = fp;
}

/* mm/slub.c: fixup_red_left() @ v4.14: objects start after their left red zone */
static inline void *fixup_red_left(const struct kmem_cache *s, void *p)
{
	return (char *)p + s->red_left_pad;
}

/* mm/slub.c: slab_index() @ v4.14 (with reciprocal_divide() for the division) */
static inline unsigned int slab_index(const void *p, const struct kmem_cache *s, const void *addr)
{
	u32 off = (u32)((const char *)p - (const char *)addr);

	return (u32)(((u64)off * s->reciprocal_size) >> 32);
}

static inline unsigned int oo_order(struct kmem_cache_order_objects x)
{
	return x.x >> OO_SHIFT;
}

static inline unsigned int oo_objects(struct kmem_cache_order_objects x)
{
	return x.x & OO_MASK;
}

static inline unsigned int order_objects(unsigned int order, unsigned int size)
{
	return (PAGE_SIZE << order) / size;
}

static inline struct kmem_cache_order_objects oo_make(unsigned int order, unsigned int size)
{
	struct kmem_cache_order_objects x = { (order << OO_SHIFT) + order_objects(order, size) };

	return x;
}

#define for_each_object(__p, __s, __addr, __objects)                     \
	for (__p = fixup_red_left(__s, __addr);                          \
	     (char *)__p < (char *)(__addr) + (__objects) * (__s)->size; \
	     __p = (char *)__p + (__s)->size)

/* ---- slub_debug -------------------------------------------------------------------- */

/*
 * mm/slub.c: setup_slub_debug() @ v4.14: "slub_debug" alone turns on
 * F, Z, P and U for every cache; "slub_debug=FZPU" (any of the letters)
 * just those; "slub_debug=-" none.  Linux's ",cache-name" list is not
 * supported: a9mm says so and applies the letters to every cache.
 */
static int __init setup_slub_debug(char *str)
{
	slab_flags_t flags = 0;

	if (!str || !*str) {
		slub_debug =
			SLAB_CONSISTENCY_CHECKS | SLAB_RED_ZONE | SLAB_POISON | SLAB_STORE_USER;
		return 0;
	}
	for (; *str && *str != ','; str++) {
		switch (*str) {
		case 'f':
		case 'F':
			flags |= SLAB_CONSISTENCY_CHECKS;
			break;
		case 'z':
		case 'Z':
			flags |= SLAB_RED_ZONE;
			break;
		case 'p':
		case 'P':
			flags |= SLAB_POISON;
			break;
		case 'u':
		case 'U':
			flags |= SLAB_STORE_USER;
			break;
		case 't':
		case 'T':
			flags |= SLAB_TRACE;
			break;
		case '-':
			break;
		default:
			pr_err("slub_debug option '%c' unknown. skipped\n", *str);
		}
	}
	if (*str == ',')
		pr_err("slub_debug: a list of caches (\"%s\") is not supported: "
		       "the options apply to every cache\n",
		       str + 1);
	slub_debug = flags;
	return 0;
}
early_param("slub_debug", setup_slub_debug);

/* where an object's struct track pair is: after the free pointer, or after the object */
static struct track *get_track(const struct kmem_cache *s, void *object, enum track_item alloc)
{
	char *p = (char *)object + (s->offset ? s->offset + sizeof(void *) : s->inuse);

	return (struct track *)p + alloc;
}

/* mm/slub.c: set_track() @ v4.14 (no stack trace: the caller, from kallsyms) */
static void set_track(const struct kmem_cache *s, void *object, enum track_item alloc,
		      unsigned long addr)
{
	struct track *p = get_track(s, object, alloc);

	p->addr = addr;
	p->cpu = (int)smp_processor_id();
	p->pid = 0;
	p->when = jiffies;
}

static void print_track(const char *s, const struct track *t)
{
	char sym[64];

	if (!t->addr)
		return;
	sprint_symbol(sym, sizeof(sym), t->addr);
	pr_err("INFO: %s in %s age=%lu cpu=%u pid=%d\n", s, sym, jiffies - t->when, t->cpu, t->pid);
}

static void print_tracking(const struct kmem_cache *s, void *object)
{
	if (!(s->flags & SLAB_STORE_USER))
		return;
	print_track("Allocated", get_track(s, object, TRACK_ALLOC));
	print_track("Freed", get_track(s, object, TRACK_FREE));
}

static void print_page_info(const struct page *page)
{
	pr_err("INFO: Slab %p objects=%u used=%u fp=%p flags=0x%04lx\n", (const void *)page,
	       page->objects, page->inuse, page->freelist, page->flags);
}

/*
 * lib/hexdump.c: print_hex_dump(DUMP_PREFIX_ADDRESS, 16, 1, ascii) @
 * v4.14, as mm/slub.c: print_section() uses it: "Object c8e1c000: 6b 6b
 * ...  kkkk".
 */
static void print_section(const char *text, const u8 *addr, unsigned int length)
{
	for (unsigned int i = 0; i < length; i += 16) {
		char line[16 * 3 + 2 + 16 + 1];
		unsigned int n = min(16U, length - i), k = 0;

		for (unsigned int j = 0; j < n; j++)
			k += (unsigned int)snprintf(line + k, sizeof(line) - k, "%s%02x",
						    j ? " " : "", addr[i + j]);
		while (k < 16 * 3 + 1)
			line[k++] = ' ';
		for (unsigned int j = 0; j < n; j++) {
			u8 c = addr[i + j];

			line[k++] = c >= 0x20 && c < 0x7f ? (char)c : '.';
		}
		line[k] = '\0';
		pr_err("%s%08lx: %s\n", text, (unsigned long)(addr + i), line);
	}
}

/* mm/slub.c: slab_bug() @ v4.14: the report's head, and the taint ('B') */
static void __attribute__((format(printf, 2, 3)))
slab_bug(const struct kmem_cache *s, const char *fmt, ...)
{
	char buf[100];
	va_list args;

	va_start(args, fmt);
	vsnprintf(buf, sizeof(buf), fmt, args);
	va_end(args);
	pr_err("=============================================================================\n");
	pr_err("BUG %s (%s): %s\n", s->name, print_tainted(), buf);
	pr_err("-----------------------------------------------------------------------------\n\n");
	add_taint(TAINT_BAD_PAGE);
}

/* mm/slub.c: slab_fix() @ v4.14: what SLUB did about it */
static void __attribute__((format(printf, 2, 3)))
slab_fix(const struct kmem_cache *s, const char *fmt, ...)
{
	char buf[100];
	va_list args;

	va_start(args, fmt);
	vsnprintf(buf, sizeof(buf), fmt, args);
	va_end(args);
	pr_err("FIX %s: %s\n", s->name, buf);
}

/* bytes from the object's start to its end in the slab (past the left red zone) */
static unsigned int size_from_object(const struct kmem_cache *s)
{
	return s->flags & SLAB_RED_ZONE ? s->size - s->red_left_pad : s->size;
}

/*
 * mm/slub.c: print_trailer() @ v4.14: who allocated and freed the object,
 * its slab, and its bytes -- red zones, the object, padding -- and the
 * call chain that found the damage.
 */
static void print_trailer(const struct kmem_cache *s, const struct page *page, u8 *p)
{
	u8 *addr = slab_address(page);
	unsigned int off;

	print_tracking(s, p);
	print_page_info(page);
	pr_err("INFO: Object %p @offset=%u fp=%p\n\n", (void *)p, (unsigned int)(p - addr),
	       get_freepointer(s, p));
	if (s->flags & SLAB_RED_ZONE)
		print_section("Redzone ", p - s->red_left_pad, s->red_left_pad);
	else if (p > addr + 16)
		print_section("Bytes b4 ", p - 16, 16);
	print_section("Object ", p, min_t(unsigned int, s->object_size, PAGE_SIZE));
	if (s->flags & SLAB_RED_ZONE)
		print_section("Redzone ", p + s->object_size, s->inuse - s->object_size);
	off = s->offset ? s->offset + sizeof(void *) : s->inuse;
	if (s->flags & SLAB_STORE_USER)
		off += 2 * sizeof(struct track);
	if (off != size_from_object(s))
		print_section("Padding ", p + off, size_from_object(s) - off);
	dump_stack();
}

/* mm/slub.c: object_err() @ v4.14 */
static void object_err(const struct kmem_cache *s, const struct page *page, u8 *object,
		       const char *reason)
{
	slab_bug(s, "%s", reason);
	print_trailer(s, page, object);
}

/* mm/slub.c: slab_err() @ v4.14: a problem with the slab, not one object */
static void __attribute__((format(printf, 3, 4)))
slab_err(const struct kmem_cache *s, const struct page *page, const char *fmt, ...)
{
	char buf[100];
	va_list args;

	va_start(args, fmt);
	vsnprintf(buf, sizeof(buf), fmt, args);
	va_end(args);
	slab_bug(s, "%s", buf);
	print_page_info(page);
	dump_stack();
}

/* mm/slub.c: init_object() @ v4.14: red zones to val, the object poisoned */
static void init_object(const struct kmem_cache *s, void *object, u8 val)
{
	u8 *p = object;

	if (s->flags & SLAB_RED_ZONE)
		memset(p - s->red_left_pad, val, s->red_left_pad);
	if (s->flags & __OBJECT_POISON) {
		memset(p, POISON_FREE, s->object_size - 1);
		p[s->object_size - 1] = POISON_END;
	}
	if (s->flags & SLAB_RED_ZONE)
		memset(p + s->object_size, val, s->inuse - s->object_size);
}

/* lib/string.c: memchr_inv() @ v4.14: the first byte that is not c */
static u8 *memchr_inv(u8 *start, u8 c, unsigned int bytes)
{
	for (unsigned int i = 0; i < bytes; i++)
		if (start[i] != c)
			return start + i;
	return NULL;
}

/*
 * mm/slub.c: check_bytes_and_report() @ v4.14: bytes that should all be
 * value; if not, the report, and the bytes restored so the next check
 * does not report the same damage again.
 */
static bool check_bytes_and_report(const struct kmem_cache *s, const struct page *page, u8 *object,
				   const char *what, u8 *start, u8 value, unsigned int bytes)
{
	u8 *fault = memchr_inv(start, value, bytes), *end;

	if (!fault)
		return true;
	end = start + bytes;
	while (end > fault && end[-1] == value)
		end--;
	slab_bug(s, "%s overwritten", what);
	pr_err("INFO: %p-%p. First byte 0x%x instead of 0x%x\n", (void *)fault, (void *)(end - 1),
	       fault[0], value);
	print_trailer(s, page, object);
	slab_fix(s, "Restoring %p-%p=0x%x", (void *)fault, (void *)(end - 1), value);
	memset(fault, value, (size_t)(end - fault));
	return false;
}

/* mm/slub.c: check_pad_bytes() @ v4.14: past the metadata, POISON_INUSE */
static bool check_pad_bytes(const struct kmem_cache *s, const struct page *page, u8 *p)
{
	unsigned int off = s->offset ? s->offset + sizeof(void *) : s->inuse;

	if (s->flags & SLAB_STORE_USER)
		off += 2 * sizeof(struct track);
	if (size_from_object(s) == off)
		return true;
	return check_bytes_and_report(s, page, p, "Object padding", p + off, POISON_INUSE,
				      size_from_object(s) - off);
}

/*
 * mm/slub.c: check_valid_pointer() @ v4.14: NULL, or the start of one of
 * the slab's objects.
 */
static __always_inline bool check_valid_pointer(const struct kmem_cache *s, const struct page *page,
						const void *object)
{
	const char *base;
	u32 off;

	if (!object)
		return true;
	base = slab_address(page);
	object = (const char *)object - s->red_left_pad;
	if ((const char *)object < base || (const char *)object >= base + page->objects * s->size)
		return false;
	off = (u32)((const char *)object - base);
	return slab_index(object, s, base) * s->size == off; /* no division: the A9 has none */
}

/* mm/slub.c: check_object() @ v4.14: red zones, poison, padding, free pointer */
static bool check_object(const struct kmem_cache *s, const struct page *page, void *object, u8 val)
{
	u8 *p = object, *endobject = p + s->object_size;

	if (s->flags & SLAB_RED_ZONE) {
		if (!check_bytes_and_report(s, page, object, "Redzone", p - s->red_left_pad, val,
					    s->red_left_pad))
			return false;
		if (!check_bytes_and_report(s, page, object, "Redzone", endobject, val,
					    s->inuse - s->object_size))
			return false;
	} else if ((s->flags & SLAB_POISON) && s->object_size < s->inuse) {
		check_bytes_and_report(s, page, p, "Alignment padding", endobject, POISON_INUSE,
				       s->inuse - s->object_size);
	}
	if (s->flags & SLAB_POISON) {
		if (val != SLUB_RED_ACTIVE && (s->flags & __OBJECT_POISON) &&
		    (!check_bytes_and_report(s, page, p, "Poison", p, POISON_FREE,
					     s->object_size - 1) ||
		     !check_bytes_and_report(s, page, p, "Poison", p + s->object_size - 1,
					     POISON_END, 1)))
			return false;
		check_pad_bytes(s, page, p);
	}
	if (!s->offset && val == SLUB_RED_ACTIVE)
		return true; /* an allocated object's free pointer is its user's data */
	if (!check_valid_pointer(s, page, get_freepointer(s, p))) {
		object_err(s, page, p, "Freepointer corrupt");
		set_freepointer(s, p, NULL); /* cut the list: lose objects, not memory */
		return false;
	}
	return true;
}

/* mm/slub.c: check_slab() @ v4.14: the slab's own counts make sense */
static bool check_slab(const struct kmem_cache *s, const struct page *page)
{
	unsigned int maxobj;

	if (!PageSlab(page)) {
		slab_err(s, page, "Not a valid slab page");
		return false;
	}
	maxobj = order_objects(compound_order(page), s->size);
	if (page->objects > maxobj) {
		slab_err(s, page, "objects %u > max %u", page->objects, maxobj);
		return false;
	}
	if (page->inuse > page->objects) {
		slab_err(s, page, "inuse %u > max %u", page->inuse, page->objects);
		return false;
	}
	return true;
}

/*
 * mm/slub.c: on_freelist() @ v4.14: is search on the slab's freelist?  A
 * broken list is cut where it breaks (and said).
 */
static bool on_freelist(const struct kmem_cache *s, struct page *page, const void *search)
{
	void *fp = page->freelist, *object = NULL;
	unsigned int nr = 0;

	while (fp && nr <= page->objects) {
		if (fp == search)
			return true;
		if (!check_valid_pointer(s, page, fp)) {
			if (object) {
				object_err(s, page, object, "Freechain corrupt");
				set_freepointer(s, object, NULL);
			} else {
				slab_err(s, page, "Freepointer corrupt");
				page->freelist = NULL;
				page->inuse = page->objects;
				slab_fix(s, "Freelist cleared");
			}
			return false;
		}
		object = fp;
		fp = get_freepointer(s, object);
		nr++;
	}
	return search == NULL;
}

/* mm/slub.c: trace() @ v4.14: slub_debug=T prints every allocation and free */
static void trace(const struct kmem_cache *s, const struct page *page, const void *object,
		  bool alloc)
{
	if (s->flags & SLAB_TRACE)
		pr_info("TRACE %s %s %p inuse=%u fp=%p\n", s->name, alloc ? "alloc" : "free",
			object, page->inuse, page->freelist);
}

/* mm/slub.c: setup_object_debug() @ v4.14: a new slab's object, as if just freed */
static void setup_object_debug(const struct kmem_cache *s, void *object)
{
	if (!(s->flags & (SLAB_STORE_USER | SLAB_RED_ZONE | __OBJECT_POISON)))
		return;
	init_object(s, object, SLUB_RED_INACTIVE);
	if (s->flags & SLAB_STORE_USER)
		memset(get_track(s, object, TRACK_ALLOC), 0, 2 * sizeof(struct track));
}

/*
 * mm/slub.c: alloc_debug_processing() @ v4.14: the object about to be
 * handed out must look free and untouched.  If not: reported, and the
 * whole slab taken out of use ("Marking all objects used"), as Linux does
 * -- the damaged memory is never handed out again.
 */
static bool alloc_debug_processing(const struct kmem_cache *s, struct page *page, void *object,
				   unsigned long addr)
{
	if (s->flags & SLAB_CONSISTENCY_CHECKS) {
		if (!check_slab(s, page))
			goto bad;
		if (!check_valid_pointer(s, page, object)) {
			object_err(s, page, object, "Freelist Pointer check fails");
			goto bad;
		}
		if (!check_object(s, page, object, SLUB_RED_INACTIVE))
			goto bad;
	}
	if (s->flags & SLAB_STORE_USER)
		set_track(s, object, TRACK_ALLOC, addr);
	trace(s, page, object, true);
	init_object(s, object, SLUB_RED_ACTIVE);
	return true;
bad:
	slab_fix(s, "Marking all objects used");
	page->inuse = page->objects;
	page->freelist = NULL;
	return false;
}

/*
 * mm/slub.c: free_debug_processing() + free_consistency_checks() @ v4.14:
 * the object must be one of the slab's, allocated, with intact red zones.
 * A free that fails is reported and not done ("Object at ... not freed"):
 * nothing on a freelist twice, nothing damaged handed out again.
 */
static bool free_debug_processing(const struct kmem_cache *s, struct page *page, void *object,
				  unsigned long addr)
{
	if (s->flags & SLAB_CONSISTENCY_CHECKS) {
		if (!check_slab(s, page))
			goto fail;
		if (!check_valid_pointer(s, page, object)) {
			slab_err(s, page, "Invalid object pointer %p", object);
			goto fail;
		}
		if (on_freelist(s, page, object)) {
			object_err(s, page, object, "Object already free");
			goto fail;
		}
		if (!check_object(s, page, object, SLUB_RED_ACTIVE))
			goto fail;
		if (page->slab_cache != s) {
			slab_err(s, page, "Wrong slab cache. %s but object is from %s", s->name,
				 page->slab_cache ? page->slab_cache->name : "(none)");
			goto fail;
		}
	}
	if (s->flags & SLAB_STORE_USER)
		set_track(s, object, TRACK_FREE, addr);
	trace(s, page, object, false);
	init_object(s, object, SLUB_RED_INACTIVE);
	return true;
fail:
	slab_fix(s, "Object at %p not freed", object);
	return false;
}

/* mm/slub.c: slab_pad_check() @ v4.14: the slab's unused tail still POISON_INUSE */
static void slab_pad_check(const struct kmem_cache *s, const struct page *page)
{
	u8 *start = slab_address(page), *end, *fault;
	unsigned int length = PAGE_SIZE << compound_order(page), remainder;

	if (!(s->flags & SLAB_POISON))
		return;
	end = start + length;
	remainder = length % s->size;
	if (!remainder)
		return;
	fault = memchr_inv(end - remainder, POISON_INUSE, remainder);
	if (!fault)
		return;
	slab_err(s, page, "Padding overwritten. %p-%p", (void *)fault, (void *)(end - 1));
	print_section("Padding ", end - remainder, remainder);
	slab_fix(s, "Restoring %p-%p=0x%x", (void *)fault, (void *)(end - 1), POISON_INUSE);
	memset(fault, POISON_INUSE, (size_t)(end - fault));
}

/* ---- slabs from the page allocator ----------------------------------------------- */

/* mm/slub.c: add_partial() @ v4.14 (list_lock held) */
static void add_partial(struct kmem_cache_node *n, struct page *page, bool tail)
{
	n->nr_partial++;
	if (tail)
		list_add_tail(&page->lru, &n->partial);
	else
		list_add(&page->lru, &n->partial);
}

/* mm/slub.c: remove_partial() @ v4.14 (list_lock held) */
static void remove_partial(struct kmem_cache_node *n, struct page *page)
{
	list_del(&page->lru);
	n->nr_partial--;
}

/* mm/slub.c: add_full()/remove_full() @ v4.14: full slabs are listed only with 'U' */
static void add_full(const struct kmem_cache *s, struct kmem_cache_node *n, struct page *page)
{
	if (s->flags & SLAB_STORE_USER)
		list_add(&page->lru, &n->full);
}

static void remove_full(const struct kmem_cache *s, struct page *page)
{
	if (s->flags & SLAB_STORE_USER)
		list_del(&page->lru);
}

/*
 * mm/slub.c: allocate_slab() + new_slab() @ v4.14: a block of the cache's
 * order (or the smallest that holds one object, when memory is
 * fragmented), its objects chained in address order, every one free.
 * The pages count in the zone's NR_SLAB_* (/proc/meminfo's Slab:).
 * Returns the slab neither frozen nor listed; the caller does that.
 */
static struct page *new_slab(struct kmem_cache *s, gfp_t flags)
{
	struct kmem_cache_order_objects oo = s->oo;
	gfp_t alloc_gfp = (flags & (__GFP_WAIT | __GFP_IO | __GFP_FS | __GFP_HIGH | __GFP_NOWARN)) |
			  s->allocflags;
	struct page *page;
	void *start, *p, *next;
	unsigned int order;

	page = alloc_pages(oo_order(oo) > oo_order(s->min) ? alloc_gfp | __GFP_NOWARN : alloc_gfp,
			   oo_order(oo));
	if (unlikely(!page) && oo.x != s->min.x) {
		oo = s->min;
		alloc_gfp = oo_order(oo) ? alloc_gfp : alloc_gfp & ~__GFP_COMP;
		page = alloc_pages(alloc_gfp, oo_order(oo));
		if (page)
			stat(s, ORDER_FALLBACK);
	}
	if (unlikely(!page))
		return NULL;
	order = oo_order(oo);
	page->objects = oo_objects(oo);
	page->inuse = 0;
	page->frozen = 0;
	page->slab_cache = s;
	__SetPageSlab(page);
	mod_zone_page_state(page_zone(page),
			    s->flags & SLAB_RECLAIM_ACCOUNT ? NR_SLAB_RECLAIMABLE
							    : NR_SLAB_UNRECLAIMABLE,
			    1L << order);
	start = slab_address(page);
	if (unlikely(s->flags & SLAB_POISON))
		memset(start, POISON_INUSE, PAGE_SIZE << order);
	for_each_object(p, s, start, page->objects) {
		setup_object_debug(s, p);
		if (s->ctor)
			s->ctor(p);
		next = (char *)p + s->size;
		set_freepointer(
			s, p, (char *)next < (char *)start + page->objects * s->size ? next : NULL);
	}
	page->freelist = fixup_red_left(s, start);
	return page;
}

/*
 * mm/slub.c: __free_slab() @ v4.14: the pages back to the buddy
 * allocator, their struct page as the page allocator wants it (private
 * holds the order in a9mm; _mapcount -1 again).
 */
static void discard_slab(struct kmem_cache *s, struct page *page)
{
	unsigned int order = compound_order(page);
	void *p;

	if (kmem_cache_debug(s) && (s->flags & SLAB_CONSISTENCY_CHECKS)) {
		slab_pad_check(s, page);
		for_each_object(p, s, slab_address(page), page->objects)
			check_object(s, page, p, SLUB_RED_INACTIVE);
	}
	mod_zone_page_state(page_zone(page),
			    s->flags & SLAB_RECLAIM_ACCOUNT ? NR_SLAB_RECLAIMABLE
							    : NR_SLAB_UNRECLAIMABLE,
			    -(1L << order));
	__ClearPageSlab(page);
	page->_mapcount = -1; /* the word of inuse/objects/frozen */
	page->private = order;
	page->freelist = NULL;
	stat(s, FREE_SLAB);
	__free_pages(page, order);
}

/* mm/slub.c: inc_slabs_node()/dec_slabs_node() @ v4.14 (list_lock held) */
static void inc_slabs_node(struct kmem_cache_node *n, unsigned int objects)
{
	n->nr_slabs++;
	n->total_objects += objects;
}

static void dec_slabs_node(struct kmem_cache_node *n, unsigned int objects)
{
	n->nr_slabs--;
	n->total_objects -= objects;
}

/* ---- the CPU's slab --------------------------------------------------------------- */

/*
 * mm/slub.c: deactivate_slab() @ v4.14: a CPU gives up its slab, with
 * freelist (the objects still on c->freelist, or NULL).  Unfrozen, it goes
 * where its state says: freed if empty and the node has partial slabs
 * enough, to the partial list if some objects are free, to no list (or
 * the full list, with 'U') if none is.  Interrupts off.
 */
static void deactivate_slab(struct kmem_cache *s, struct page *page, void *freelist)
{
	struct kmem_cache_node *n = get_node(s);
	unsigned int count = 0;
	void *tail = NULL, *p;
	bool discard = false;

	for (p = freelist; p; p = get_freepointer(s, p)) {
		tail = p;
		count++;
	}
	spin_lock(&n->list_lock);
	if (page->freelist)
		stat(s, DEACTIVATE_REMOTE_FREES);
	if (tail) {
		set_freepointer(s, tail, page->freelist);
		page->freelist = freelist;
	}
	page->inuse -= count;
	page->frozen = 0;
	if (!page->inuse && n->nr_partial >= s->min_partial) {
		dec_slabs_node(n, page->objects);
		discard = true;
		stat(s, DEACTIVATE_EMPTY);
	} else if (page->inuse < page->objects) {
		add_partial(n, page, !!freelist);
		stat(s, freelist ? DEACTIVATE_TO_TAIL : DEACTIVATE_TO_HEAD);
	} else {
		add_full(s, n, page);
		stat(s, DEACTIVATE_FULL);
	}
	spin_unlock(&n->list_lock);
	if (discard)
		discard_slab(s, page);
}

/*
 * mm/slub.c: get_partial_node() + acquire_slab() @ v4.14: the first slab
 * of the partial list, frozen for this CPU, its whole freelist taken.
 */
static void *get_partial(struct kmem_cache *s, struct page **ret)
{
	struct kmem_cache_node *n = get_node(s);
	struct page *page;
	void *freelist;

	if (!READ_ONCE(n->nr_partial))
		return NULL;
	spin_lock(&n->list_lock);
	if (list_empty(&n->partial)) {
		spin_unlock(&n->list_lock);
		return NULL;
	}
	page = list_first_entry(&n->partial, struct page, lru);
	remove_partial(n, page);
	freelist = page->freelist;
	page->freelist = NULL;
	page->inuse = page->objects;
	page->frozen = 1;
	spin_unlock(&n->list_lock);
	*ret = page;
	stat(s, ALLOC_FROM_PARTIAL);
	return freelist;
}

/* mm/slub.c: flush_slab() + __flush_cpu_slab() @ v4.14: this CPU's slab given up */
static void flush_cpu_slab(void *d)
{
	struct kmem_cache *s = d;
	struct kmem_cache_cpu *c = this_cpu_ptr(s->cpu_slab);
	unsigned long flags;

	local_irq_save(flags);
	if (c->page) {
		stat(s, CPUSLAB_FLUSH);
		deactivate_slab(s, c->page, c->freelist);
		c->page = NULL;
		c->freelist = NULL;
	}
	local_irq_restore(flags);
}

/*
 * mm/slub.c: flush_all() @ v4.14: every CPU gives up its slab, by IPI
 * (each CPU's kmem_cache_cpu is its own: only it may change it).  Before
 * the IPIs work (kmem_cache_init()), only the boot CPU has slabs.
 */
static void flush_all(struct kmem_cache *s)
{
	if (slab_state < FULL)
		flush_cpu_slab(s);
	else
		on_each_cpu(flush_cpu_slab, s, 1);
}

/*
 * The slow path of a debugging cache: one object straight from a slab,
 * under list_lock, checked (alloc_debug_processing()).  Linux 4.14 does
 * the same through ___slab_alloc() and deactivates the slab at once.
 */
static void *debug_slab_alloc(struct kmem_cache *s, gfp_t gfpflags, unsigned long addr)
{
	struct kmem_cache_node *n = get_node(s);
	struct page *page;
	void *object;

	for (;;) {
		spin_lock(&n->list_lock);
		if (list_empty(&n->partial)) {
			spin_unlock(&n->list_lock);
			page = new_slab(s, gfpflags);
			if (!page)
				return NULL;
			stat(s, ALLOC_SLAB);
			spin_lock(&n->list_lock);
			inc_slabs_node(n, page->objects);
			add_partial(n, page, false);
		} else {
			page = list_first_entry(&n->partial, struct page, lru);
			stat(s, ALLOC_FROM_PARTIAL);
		}
		object = page->freelist;
		if (alloc_debug_processing(s, page, object, addr))
			break;
		remove_partial(n, page); /* damaged: out of use, on no list */
		spin_unlock(&n->list_lock);
	}
	page->freelist = get_freepointer(s, object);
	page->inuse++;
	if (page->inuse == page->objects) {
		remove_partial(n, page);
		add_full(s, n, page);
	}
	spin_unlock(&n->list_lock);
	return object;
}

/*
 * mm/slub.c: ___slab_alloc() @ v4.14: this CPU's freelist is empty.  In
 * order: objects other CPUs freed into its slab meanwhile; a slab from the
 * partial list; a new slab.  Interrupts off, c this CPU's.
 */
static void *___slab_alloc(struct kmem_cache *s, gfp_t gfpflags, unsigned long addr,
			   struct kmem_cache_cpu *c)
{
	struct page *page = c->page;
	void *freelist;

	stat(s, ALLOC_SLOWPATH);
	if (unlikely(kmem_cache_debug(s)))
		return debug_slab_alloc(s, gfpflags, addr);
	if (page) {
		struct kmem_cache_node *n = get_node(s);

		spin_lock(&n->list_lock);
		freelist = page->freelist;
		page->freelist = NULL;
		page->inuse = page->objects;
		spin_unlock(&n->list_lock);
		if (freelist) {
			stat(s, ALLOC_REFILL);
			goto load_freelist;
		}
		deactivate_slab(s, page, NULL);
		c->page = NULL;
	}
	freelist = get_partial(s, &page);
	if (!freelist) {
		struct kmem_cache_node *n = get_node(s);

		page = new_slab(s, gfpflags);
		if (unlikely(!page)) {
			if (!(gfpflags & __GFP_NOWARN))
				pr_warn("SLUB: Unable to allocate memory on node -1, gfp=0x%x\n"
					"  cache: %s, object size: %u, buffer size: %u, "
					"default order: %u, min order: %u\n",
					gfpflags, s->name, s->object_size, s->size, oo_order(s->oo),
					oo_order(s->min));
			return NULL;
		}
		stat(s, ALLOC_SLAB);
		spin_lock(&n->list_lock);
		inc_slabs_node(n, page->objects);
		freelist = page->freelist;
		page->freelist = NULL;
		page->inuse = page->objects;
		page->frozen = 1;
		spin_unlock(&n->list_lock);
	}
	c->page = page;
load_freelist:
	c->freelist = get_freepointer(s, freelist);
	return freelist;
}

/*
 * mm/slub.c: slab_alloc_node() @ v4.14: the fast path, a pop from this
 * CPU's freelist with interrupts off (the top of this file says why that
 * is enough).
 */
static __always_inline void *slab_alloc(struct kmem_cache *s, gfp_t gfpflags, unsigned long addr)
{
	struct kmem_cache_cpu *c;
	unsigned long flags;
	void *object;

	local_irq_save(flags);
	c = this_cpu_ptr(s->cpu_slab);
	object = c->freelist;
	if (unlikely(!object))
		object = ___slab_alloc(s, gfpflags, addr, c);
	else
		c->freelist = get_freepointer(s, object);
	local_irq_restore(flags);
	if (unlikely(gfpflags & __GFP_ZERO) && object)
		memset(object, 0, s->object_size);
	return object;
}

/**
 * kmem_cache_alloc() - an object from a cache
 * @s: the cache
 * @gfpflags: GFP_KERNEL, GFP_ATOMIC, ... (__GFP_ZERO: zeroed)
 *
 * mm/slub.c: kmem_cache_alloc() @ v4.14.  Never sleeps; callable with
 * interrupts off and from interrupt handlers, on any CPU.
 *
 * Return: the object, or NULL if no memory for a new slab.
 */
void *kmem_cache_alloc(struct kmem_cache *s, gfp_t gfpflags)
{
	return slab_alloc(s, gfpflags, _RET_IP_);
}

/**
 * kmem_cache_alloc_trace() - kmalloc()'s allocation from a size class
 * @s: the kmalloc cache
 * @gfpflags: GFP flags
 * @size: the size asked for (Linux traces it; a9mm does not)
 *
 * mm/slub.c: kmem_cache_alloc_trace() @ v4.14: what kmalloc() of a constant
 * size compiles to.  The caller recorded (slub_debug=U) is kmalloc()'s.
 *
 * Return: the object, or NULL.
 */
void *kmem_cache_alloc_trace(struct kmem_cache *s, gfp_t gfpflags, size_t size)
{
	return slab_alloc(s, gfpflags, _RET_IP_);
}

/*
 * mm/slub.c: __slab_free() @ v4.14: the object's slab is not this CPU's
 * active one.  Under list_lock: on the slab's freelist; a slab that was
 * full goes to the partial list, one that became empty back to the page
 * allocator when the node has partial slabs enough.  Interrupts off.
 */
static void __slab_free(struct kmem_cache *s, struct page *page, void *x, unsigned long addr)
{
	struct kmem_cache_node *n = get_node(s);
	bool was_full;

	stat(s, FREE_SLOWPATH);
	spin_lock(&n->list_lock);
	if (unlikely(kmem_cache_debug(s)) && !free_debug_processing(s, page, x, addr)) {
		spin_unlock(&n->list_lock);
		return;
	}
	was_full = !page->frozen && page->inuse == page->objects;
	set_freepointer(s, x, page->freelist);
	page->freelist = x;
	page->inuse--;
	if (page->frozen) {
		stat(s, FREE_FROZEN);
		spin_unlock(&n->list_lock);
		return;
	}
	if (unlikely(!page->inuse && n->nr_partial >= s->min_partial)) {
		if (was_full) {
			remove_full(s, page);
		} else {
			remove_partial(n, page);
			stat(s, FREE_REMOVE_PARTIAL);
		}
		dec_slabs_node(n, page->objects);
		spin_unlock(&n->list_lock);
		discard_slab(s, page);
		return;
	}
	if (was_full) {
		remove_full(s, page);
		add_partial(n, page, true);
		stat(s, FREE_ADD_PARTIAL);
	}
	spin_unlock(&n->list_lock);
}

/*
 * mm/slub.c: slab_free() + do_slab_free() @ v4.14: the fast path, a push
 * on this CPU's freelist when the object is from its active slab.  With
 * CONFIG_SLAB_FREELIST_HARDENED's cheap check: freeing the object that is
 * already the freelist's head is a double free, reported and refused.
 */
static __always_inline void slab_free(struct kmem_cache *s, struct page *page, void *x,
				      unsigned long addr)
{
	struct kmem_cache_cpu *c;
	unsigned long flags;

	local_irq_save(flags);
	c = this_cpu_ptr(s->cpu_slab);
	if (likely(page == c->page)) {
		if (unlikely(x == c->freelist)) {
			local_irq_restore(flags);
			slab_bug(s, "Object already free");
			pr_err("INFO: Object %p is the head of CPU %u's freelist: a double free\n",
			       x, smp_processor_id());
			slab_fix(s, "Object at %p not freed", x);
			return;
		}
		set_freepointer(s, x, c->freelist);
		c->freelist = x;
	} else {
		__slab_free(s, page, x, addr);
	}
	local_irq_restore(flags);
}

/* mm/slub.c: cache_from_obj() @ v4.14: the object's cache must be the one named */
static struct kmem_cache *cache_from_obj(struct kmem_cache *s, const void *x)
{
	struct page *page = slab_page_of(x);

	if (likely(page && page->slab_cache == s))
		return s;
	pr_err("%s: Wrong slab cache. %s but object is from %s\n", __func__, s->name,
	       page ? page->slab_cache->name : "no slab");
	WARN_ON(1);
	return NULL;
}

/**
 * kmem_cache_free() - give an object back to its cache
 * @s: the cache it came from
 * @x: the object
 *
 * mm/slub.c: kmem_cache_free() @ v4.14.  An object not from @s (or from no
 * slab) is reported ("Wrong slab cache") and left alone.
 */
void kmem_cache_free(struct kmem_cache *s, void *x)
{
	if (!cache_from_obj(s, x))
		return;
	slab_free(s, virt_to_head_page(x), x, _RET_IP_);
}

/* ---- cache set-up ----------------------------------------------------------------- */

/*
 * mm/slub.c: slab_order() @ v4.14: the smallest order from which a slab of
 * at least min_objects wastes at most 1/fract_leftover of itself.
 */
static unsigned int slab_order(unsigned int size, unsigned int min_objects, unsigned int max_order,
			       unsigned int fract_leftover)
{
	unsigned int order;

	if (order_objects(slub_min_order, size) > MAX_OBJS_PER_PAGE)
		return get_order(size * MAX_OBJS_PER_PAGE) - 1;
	for (order = max(slub_min_order, get_order(min_objects * size)); order <= max_order;
	     order++) {
		unsigned long slab_size = PAGE_SIZE << order;

		if ((slab_size % size) <= slab_size / fract_leftover)
			break;
	}
	return order;
}

/*
 * mm/slub.c: calculate_order() @ v4.14: as many objects per slab as
 * 4 * (fls(nr_cpu_ids) + 1) wants (16 with 4 CPUs), no more than 1/16 of
 * it wasted -- relaxed to 1/8, 1/4, then fewer objects -- and no more
 * than slub_max_order (3): objects per slab against the price of
 * high-order blocks.
 */
static int calculate_order(unsigned int size)
{
	unsigned int min_objects = slub_min_objects, max_objects, fraction, order;

	if (!min_objects)
		min_objects = 4 * ((unsigned int)fls(nr_cpu_ids) + 1);
	max_objects = order_objects(slub_max_order, size);
	min_objects = min(min_objects, max_objects);
	while (min_objects > 1) {
		for (fraction = 16; fraction >= 4; fraction /= 2) {
			order = slab_order(size, min_objects, slub_max_order, fraction);
			if (order <= slub_max_order)
				return (int)order;
		}
		min_objects--;
	}
	order = slab_order(size, 1, slub_max_order, 1);
	if (order <= slub_max_order)
		return (int)order;
	order = slab_order(size, 1, MAX_ORDER, 1);
	if (order < MAX_ORDER)
		return (int)order;
	return -ENOSYS;
}

/*
 * mm/slub.c: calculate_sizes() @ v4.14: where everything goes in an
 * object's slot, and the slab's order.
 *
 *   |<- red_left_pad ->|<-- object_size -->|<- rz ->|fp|track x2|pad|
 *   | red zone (Z)     | the object        |red (Z)|  | (U)     |   |
 *   ^ slot start       ^ object pointer     ^ inuse  ^ offset (P or ctor)
 *   |<--------------------------- size (aligned) ------------------->|
 *
 * Without debugging a slot is the object rounded to its alignment, with
 * the free pointer at offset 0 inside it.
 */
static bool calculate_sizes(struct kmem_cache *s)
{
	slab_flags_t flags = s->flags;
	unsigned int size = ALIGN(s->object_size, (unsigned int)sizeof(void *));
	int order;

	if ((flags & SLAB_POISON) && !s->ctor)
		s->flags |= __OBJECT_POISON;
	else
		s->flags &= ~__OBJECT_POISON;
	if ((flags & SLAB_RED_ZONE) && size == s->object_size)
		size += sizeof(void *);
	s->inuse = size;
	if ((flags & SLAB_POISON) || s->ctor) {
		s->offset = size;
		size += sizeof(void *);
	} else {
		s->offset = 0;
	}
	if (flags & SLAB_STORE_USER)
		size += 2 * sizeof(struct track);
	s->red_left_pad = 0;
	if (flags & SLAB_RED_ZONE) {
		size += sizeof(void *);
		s->red_left_pad = ALIGN((unsigned int)sizeof(void *), s->align);
		size += s->red_left_pad;
	}
	size = ALIGN(size, s->align);
	s->size = size;
	s->reciprocal_size = (u32)((0x100000000ULL + size - 1) / size);
	order = calculate_order(size);
	if (order < 0)
		return false;
	s->allocflags = order ? __GFP_COMP : 0;
	if (s->flags & SLAB_RECLAIM_ACCOUNT)
		s->allocflags |= __GFP_RECLAIMABLE;
	s->oo = oo_make((unsigned int)order, size);
	s->min = oo_make(get_order(size), size);
	return oo_objects(s->oo) != 0;
}

/* mm/slub.c: set_min_partial() @ v4.14: log2(size) / 2, between 5 and 10 */
static void set_min_partial(struct kmem_cache *s)
{
	unsigned long min = (unsigned long)(fls(s->size) - 1) / 2;

	s->min_partial = clamp(min, (unsigned long)MIN_PARTIAL, (unsigned long)MAX_PARTIAL);
}

static void init_kmem_cache_node(struct kmem_cache_node *n)
{
	spin_lock_init(&n->list_lock);
	n->nr_partial = 0;
	INIT_LIST_HEAD(&n->partial);
	n->nr_slabs = 0;
	n->total_objects = 0;
	INIT_LIST_HEAD(&n->full);
}

/*
 * mm/slub.c: early_kmem_cache_node_alloc() @ v4.14: the bootstrap's first
 * knot -- kmem_cache_node's own kmem_cache_node cannot come from
 * kmem_cache_alloc(kmem_cache_node) before it exists.  So: a slab by hand,
 * its first object becomes the node, the slab goes on that node's partial
 * list.
 */
static void __init early_kmem_cache_node_alloc(void)
{
	struct page *page = new_slab(kmem_cache_node, GFP_NOWAIT);
	struct kmem_cache_node *n;

	if (!page)
		panic("SLUB: no memory for kmem_cache_node's first slab");
	n = page->freelist;
	page->freelist = get_freepointer(kmem_cache_node, n);
	page->inuse = 1;
	if (kmem_cache_node->flags & SLAB_STORE_USER)
		set_track(kmem_cache_node, n, TRACK_ALLOC, _RET_IP_);
	init_object(kmem_cache_node, n, SLUB_RED_ACTIVE);
	kmem_cache_node->node[0] = n;
	init_kmem_cache_node(n);
	inc_slabs_node(n, page->objects);
	add_partial(n, page, false);
}

/* mm/slub.c: init_kmem_cache_nodes() @ v4.14 */
static bool init_kmem_cache_nodes(struct kmem_cache *s)
{
	struct kmem_cache_node *n;

	if (slab_state == DOWN) {
		early_kmem_cache_node_alloc();
		return true;
	}
	n = kmem_cache_alloc(kmem_cache_node, GFP_KERNEL);
	if (!n)
		return false;
	init_kmem_cache_node(n);
	s->node[0] = n;
	return true;
}

/**
 * kmem_cache_flags() - the debugging flags a new cache gets
 * @object_size: its objects' size
 * @flags: the flags kmem_cache_create() was given
 * @name: its name
 *
 * mm/slub.c: kmem_cache_flags() @ v4.14: slub_debug= applies to every cache.
 *
 * Return: @flags with slub_debug's added.
 */
slab_flags_t kmem_cache_flags(unsigned int object_size, slab_flags_t flags, const char *name)
{
	return flags | slub_debug;
}

/**
 * calculate_alignment() - where a cache's objects may start
 * @flags: SLAB_HWCACHE_ALIGN: on a cache line, or half, quarter... for
 *         objects that small
 * @align: the alignment asked for
 * @size: the object's size
 *
 * mm/slab_common.c: calculate_alignment() @ v4.14.
 *
 * Return: the alignment, at least ARCH_SLAB_MINALIGN and a word.
 */
unsigned int calculate_alignment(slab_flags_t flags, unsigned int align, unsigned int size)
{
	if (flags & SLAB_HWCACHE_ALIGN) {
		unsigned int ralign = cache_line_size();

		while (size <= ralign / 2)
			ralign /= 2;
		align = max(align, ralign);
	}
	if (align < ARCH_SLAB_MINALIGN)
		align = ARCH_SLAB_MINALIGN;
	return ALIGN(align, (unsigned int)sizeof(void *));
}

/**
 * __kmem_cache_create() - SLUB's part of making a cache
 * @s: the cache, its name, sizes, alignment and ctor filled in
 * @flags: its flags (debugging ones included)
 *
 * mm/slub.c: __kmem_cache_create() + kmem_cache_open() @ v4.14: sizes and
 * order, the node, the per-CPU structures.
 *
 * Return: 0, -EINVAL if no slab order fits the object, -ENOMEM.
 */
int __kmem_cache_create(struct kmem_cache *s, slab_flags_t flags)
{
	s->flags = flags;
	if (!calculate_sizes(s))
		return -EINVAL;
	set_min_partial(s);
	/* first: new_slab() counts its events in them, kmem_cache_node's first one too */
	s->cpu_slab = alloc_percpu(struct kmem_cache_cpu);
	if (!s->cpu_slab)
		return -ENOMEM;
	if (!init_kmem_cache_nodes(s)) {
		free_percpu(s->cpu_slab);
		return -ENOMEM;
	}
	return 0;
}

/**
 * __kmem_cache_shutdown() - SLUB's part of destroying a cache
 * @s: the cache
 *
 * mm/slub.c: __kmem_cache_shutdown() + free_partial() @ v4.14: every CPU's
 * slab flushed, the empty slabs freed.  Objects still allocated are
 * reported (Linux's "Objects remaining in %s on __kmem_cache_shutdown()")
 * and their slabs kept: the cache then stays.
 *
 * Return: 0 when the cache is empty and its node freed, -EBUSY otherwise.
 */
int __kmem_cache_shutdown(struct kmem_cache *s)
{
	struct kmem_cache_node *n = get_node(s);
	struct page *page, *t;
	unsigned long flags;
	LIST_HEAD(discard);
	bool busy;

	flush_all(s);
	spin_lock_irqsave(&n->list_lock, flags);
	list_for_each_entry_safe(page, t, &n->partial, lru) {
		if (!page->inuse) {
			remove_partial(n, page);
			dec_slabs_node(n, page->objects);
			list_add(&page->lru, &discard);
		}
	}
	busy = n->nr_slabs != 0;
	spin_unlock_irqrestore(&n->list_lock, flags);
	local_irq_save(flags);
	list_for_each_entry_safe(page, t, &discard, lru)
		discard_slab(s, page);
	local_irq_restore(flags);
	if (busy) {
		slab_bug(s, "Objects remaining in %s on __kmem_cache_shutdown()", s->name);
		pr_err("INFO: %lu slabs, %lu objects still allocated: the cache stays\n",
		       n->nr_slabs, slab_live_objects(s));
		return -EBUSY;
	}
	free_percpu(s->cpu_slab);
	kmem_cache_free(kmem_cache_node, n);
	s->node[0] = NULL;
	return 0;
}

/**
 * kmem_cache_shrink() - give a cache's free slabs back to the page allocator
 * @s: the cache
 *
 * mm/slub.c: __kmem_cache_shrink() @ v4.14: every CPU's slab flushed, then
 * every empty slab on the partial list freed (min_partial or not), the
 * partial list sorted fullest first.  Interrupts on (IPIs).
 *
 * Return: 0 if the cache holds no slab any more, else 1.
 */
int kmem_cache_shrink(struct kmem_cache *s)
{
	struct kmem_cache_node *n = get_node(s);
	struct page *page, *t;
	unsigned long flags;
	LIST_HEAD(discard);
	int ret;

	flush_all(s);
	spin_lock_irqsave(&n->list_lock, flags);
	list_for_each_entry_safe(page, t, &n->partial, lru) {
		if (!page->inuse) {
			remove_partial(n, page);
			dec_slabs_node(n, page->objects);
			list_add(&page->lru, &discard);
		} else if (page->objects - page->inuse < 2) {
			list_move(&page->lru, &n->partial); /* nearly full: first */
		}
	}
	ret = n->nr_slabs != 0;
	spin_unlock_irqrestore(&n->list_lock, flags);
	local_irq_save(flags);
	list_for_each_entry_safe(page, t, &discard, lru)
		discard_slab(s, page);
	local_irq_restore(flags);
	return ret;
}

/* ---- bootstrap -------------------------------------------------------------------- */

/*
 * mm/slub.c: bootstrap() @ v4.14: a static boot cache copied into an
 * object of kmem_cache, and every slab it has pointed at the copy.
 */
static struct kmem_cache *__init bootstrap(struct kmem_cache *static_cache)
{
	struct kmem_cache *s = kmem_cache_zalloc(kmem_cache, GFP_NOWAIT);
	struct kmem_cache_node *n;
	struct page *p;

	if (!s)
		panic("SLUB: no memory for the boot caches");
	memcpy(s, static_cache, kmem_cache->object_size);
	flush_cpu_slab(s); /* only this CPU runs: no IPI needed */
	n = get_node(s);
	list_for_each_entry(p, &n->partial, lru)
		p->slab_cache = s;
	list_for_each_entry(p, &n->full, lru)
		p->slab_cache = s;
	list_add(&s->list, &slab_caches);
	return s;
}

/**
 * kmem_cache_init() - the slab allocator, from nothing
 *
 * mm/slub.c: kmem_cache_init() @ v4.14.  The caches for struct kmem_cache
 * and struct kmem_cache_node are themselves slab caches: they start as
 * two static structures (boot_kmem_cache_node first, whose node comes
 * from its own first slab), then move into objects of themselves
 * (bootstrap()).  Then the kmalloc caches, and Linux's line:
 * "SLUB: HWalign=64, Order=0-3, MinObjects=0, CPUs=4, Nodes=1".  Boot
 * CPU only, after mem_init(), before the other CPUs start.
 */
void __init kmem_cache_init(void)
{
	static struct kmem_cache boot_kmem_cache, boot_kmem_cache_node;

	kmem_cache_node = &boot_kmem_cache_node;
	kmem_cache = &boot_kmem_cache;
	create_boot_cache(kmem_cache_node, "kmem_cache_node", sizeof(struct kmem_cache_node),
			  SLAB_HWCACHE_ALIGN);
	slab_state = PARTIAL;
	create_boot_cache(kmem_cache, "kmem_cache", sizeof(struct kmem_cache), SLAB_HWCACHE_ALIGN);
	kmem_cache = bootstrap(&boot_kmem_cache);
	kmem_cache_node = bootstrap(&boot_kmem_cache_node);
	create_kmalloc_caches(0);
	pr_info("SLUB: HWalign=%d, Order=%u-%u, MinObjects=%u, CPUs=%u, Nodes=%u\n",
		cache_line_size(), slub_min_order, slub_max_order, slub_min_objects, nr_cpu_ids,
		nr_node_ids);
}

/**
 * kmem_cache_init_late() - the other CPUs are up: flushes go by IPI now
 *
 * mm/slab_common.c: slab_state = FULL, as Linux's kmem_cache_init_late()
 * sets it.  Called once the IPIs work (smp_init() done).
 */
void kmem_cache_init_late(void)
{
	slab_state = FULL;
}

/* ---- kmalloc() and kfree() -------------------------------------------------------- */

/**
 * kmalloc_order() - kmalloc() above kmalloc-8192: whole pages
 * @size: bytes asked for
 * @flags: GFP flags
 * @order: get_order(@size)
 *
 * mm/slab_common.c: kmalloc_order() @ v4.14: a compound block from the page
 * allocator (so kfree() and ksize() find its order from any address in
 * it); lowmem only, as every kmalloc() address is in the linear map.
 *
 * Return: its address, or NULL.
 */
void *kmalloc_order(size_t size, gfp_t flags, unsigned int order)
{
	struct page *page;

	if (order >= MAX_ORDER) {
		if (!(flags & __GFP_NOWARN))
			pr_warn("kmalloc: %zu bytes is more than the page allocator's largest "
				"block (%lu)\n",
				size, KMALLOC_MAX_SIZE);
		return NULL;
	}
	page = alloc_pages((flags & ~__GFP_HIGHMEM) | __GFP_COMP, order);
	return page ? slab_address(page) : NULL;
}

/**
 * __kmalloc() - kmalloc() of a size known only at run time
 * @size: bytes
 * @flags: GFP flags
 *
 * mm/slub.c: __kmalloc() @ v4.14: the size class (kmalloc_slab()), or
 * kmalloc_large() past kmalloc-8192.
 *
 * Return: the memory, ZERO_SIZE_PTR for 0 bytes, or NULL.
 */
void *__kmalloc(size_t size, gfp_t flags)
{
	struct kmem_cache *s;

	if (unlikely(size > KMALLOC_MAX_CACHE_SIZE))
		return kmalloc_large(size, flags);
	s = kmalloc_slab(size, flags);
	if (unlikely(ZERO_OR_NULL_PTR(s)))
		return s;
	return slab_alloc(s, flags, _RET_IP_);
}

/**
 * slab_page_of() - the slab an object address is in
 * @x: an address
 *
 * a9mm: virt_to_head_page() for addresses that have a struct page, and
 * only if that page is a slab's.
 *
 * Return: the slab's head page, or NULL if @x is no slab memory.
 */
struct page *slab_page_of(const void *x)
{
	struct page *page;

	if (!virt_addr_valid(x))
		return NULL;
	page = virt_to_head_page(x);
	return PageSlab(page) ? page : NULL;
}

/* the slot's object x is in, or NULL if x is in none (padding, past the last) */
static void *nearest_obj(const struct kmem_cache *s, const struct page *page, const void *x)
{
	char *base = slab_address(page);
	unsigned int idx = slab_index(x, s, base);
	char *obj;

	if (idx >= page->objects)
		return NULL;
	obj = base + idx * s->size + s->red_left_pad;
	return (const char *)x >= obj && (const char *)x < obj + s->object_size ? obj : NULL;
}

/*
 * Why x cannot be kfree()d, or NULL if it can (as far as cheap checks
 * go): not kernel memory with a struct page; a page that is neither a
 * slab's nor a kmalloc_large() block's; not the start of an object.
 */
static const char *kfree_refusal(const void *x, struct page **pagep, char *buf, size_t len)
{
	struct page *page;

	if (!virt_addr_valid(x))
		return "not an address of the kernel's linear map";
	page = virt_to_head_page(x);
	*pagep = page;
	if (!PageSlab(page)) {
		if (!PageHead(page))
			return "not slab memory (nor a kmalloc_large() block)";
		if (x != slab_address(page)) {
			snprintf(buf, len, "inside a kmalloc_large() block at %p, not its start",
				 slab_address(page));
			return buf;
		}
		return NULL;
	}
	if (!check_valid_pointer(page->slab_cache, page, x)) {
		void *obj = nearest_obj(page->slab_cache, page, x);

		if (obj)
			snprintf(buf, len, "inside the %s object at %p (+%u), not its start",
				 page->slab_cache->name, obj,
				 (unsigned int)((const char *)x - (char *)obj));
		else
			snprintf(buf, len, "in a %s slab, but not an object's start",
				 page->slab_cache->name);
		return buf;
	}
	return NULL;
}

/* kfree()'s answer to an address it cannot free: the reason, the taint */
static noinline void kfree_refused(const void *x)
{
	struct page *page = NULL;
	char buf[96];
	const char *why = kfree_refusal(x, &page, buf, sizeof(buf));

	pr_err("kfree: %p: %s: not freed\n", x, why ? why : "refused");
	add_taint(TAINT_BAD_PAGE);
}

/**
 * kfree() - free memory kmalloc() gave
 * @x: its address (NULL and ZERO_SIZE_PTR: nothing to do)
 *
 * mm/slub.c: kfree() @ v4.14: the object's slab, from its struct page --
 * or a kmalloc_large() block, back to the page allocator.  Linux BUG()s
 * on an address that is neither; a9mm reports it, as it does the middle
 * of an object, and frees nothing ("kfree: ... not freed").
 */
void kfree(const void *x)
{
	struct page *page;

	if (unlikely(ZERO_OR_NULL_PTR(x)))
		return;
	if (unlikely(!virt_addr_valid(x)))
		goto refuse;
	page = virt_to_head_page(x);
	if (likely(PageSlab(page))) {
		if (unlikely(!check_valid_pointer(page->slab_cache, page, x)))
			goto refuse;
		slab_free(page->slab_cache, page, (void *)x, _RET_IP_);
		return;
	}
	if (PageHead(page) && x == slab_address(page)) {
		__free_pages(page, compound_order(page));
		return;
	}
refuse:
	kfree_refused(x);
}

/*
 * Is object on a freelist: its slab's, or (if the slab is frozen) its
 * CPU's?  list_lock held, the CPUs' slabs flushed just before (so a
 * frozen slab is one a CPU took since; its CPU freelist is then read
 * while that CPU may use it: the answer may be stale, not unsafe).
 */
static bool object_is_free(struct kmem_cache *s, struct page *page, const void *object)
{
	unsigned int cpu, nr;

	for (void *p = page->freelist; p && check_valid_pointer(s, page, p);
	     p = get_freepointer(s, p))
		if (p == object)
			return true;
	if (!page->frozen)
		return false;
	for_each_online_cpu(cpu) {
		struct kmem_cache_cpu *c = per_cpu_ptr(s->cpu_slab, cpu);

		if (READ_ONCE(c->page) != page)
			continue;
		nr = 0;
		for (void *p = READ_ONCE(c->freelist);
		     p && nr++ < page->objects && check_valid_pointer(s, page, p);
		     p = get_freepointer(s, p))
			if (p == object)
				return true;
	}
	return false;
}

/**
 * kfree_checked() - kfree() for addresses nobody vouches for (the shell)
 * @x: an address
 *
 * a9mm, the kfree() twin of free_pages_checked(): every check kfree()
 * makes, and also whether the object is already free -- which plain
 * kfree() detects only with slub_debug=F (on_freelist()) or when it heads
 * the CPU's freelist.  The CPUs' slabs are flushed first (IPIs:
 * interrupts on) so every free object is on its slab's list.
 *
 * Return: 0 when freed; -EINVAL if @x is no kmalloc() address (said why);
 * -EALREADY if it is already free.
 */
int kfree_checked(const void *x)
{
	struct page *page = NULL;
	struct kmem_cache *s;
	const char *why;
	unsigned long flags;
	char buf[96];
	bool is_free;

	why = ZERO_OR_NULL_PTR(x) ? "NULL or ZERO_SIZE_PTR"
				  : kfree_refusal(x, &page, buf, sizeof(buf));
	if (why) {
		pr_err("kfree: %p: %s: not freed\n", x, why);
		return -EINVAL;
	}
	if (!PageSlab(page)) {
		__free_pages(page, compound_order(page));
		return 0;
	}
	s = page->slab_cache;
	flush_all(s);
	spin_lock_irqsave(&get_node(s)->list_lock, flags);
	is_free = object_is_free(s, page, x);
	spin_unlock_irqrestore(&get_node(s)->list_lock, flags);
	if (is_free) {
		slab_bug(s, "Object already free");
		print_trailer(s, page, (u8 *)x);
		slab_fix(s, "Object at %p not freed", x);
		return -EALREADY;
	}
	slab_free(s, page, (void *)x, _RET_IP_);
	return 0;
}

/**
 * ksize() - how much of an allocation may be used
 * @x: what kmalloc() returned
 *
 * mm/slub.c: ksize() @ v4.14: the object size of its cache (kmalloc(100)
 * gets 128 bytes from kmalloc-128), or a kmalloc_large() block's pages.
 *
 * Return: bytes; 0 for NULL, ZERO_SIZE_PTR or no kmalloc() address.
 */
size_t ksize(const void *x)
{
	struct page *page;

	if (unlikely(ZERO_OR_NULL_PTR(x)) || !virt_addr_valid(x))
		return 0;
	page = virt_to_head_page(x);
	if (!PageSlab(page))
		return PageHead(page) ? PAGE_SIZE << compound_order(page) : 0;
	return page->slab_cache->object_size;
}

/* ---- what the cache holds ------------------------------------------------------------ */

/**
 * get_slabinfo() - one cache's counts, as /proc/slabinfo prints them
 * @s: the cache
 * @sinfo: filled
 *
 * mm/slub.c: get_slabinfo() + count_partial() @ v4.14: objects on partial
 * slabs' freelists are free; every other object of a slab counts as
 * active, those on the CPUs' freelists too (Linux's figure).
 */
void get_slabinfo(struct kmem_cache *s, struct slabinfo *sinfo)
{
	struct kmem_cache_node *n = get_node(s);
	unsigned long flags, nr_free = 0;
	struct page *page;

	spin_lock_irqsave(&n->list_lock, flags);
	list_for_each_entry(page, &n->partial, lru)
		nr_free += page->objects - page->inuse;
	sinfo->num_slabs = sinfo->active_slabs = n->nr_slabs;
	sinfo->num_objs = n->total_objects;
	spin_unlock_irqrestore(&n->list_lock, flags);
	sinfo->active_objs = sinfo->num_objs - nr_free;
	sinfo->objects_per_slab = oo_objects(s->oo);
	sinfo->cache_order = oo_order(s->oo);
}

/**
 * slab_live_objects() - objects of a cache handed out and not freed
 * @s: the cache
 *
 * a9mm: the node's objects less those free on partial slabs, on the CPUs'
 * freelists and on their active slabs' own freelists (Linux's
 * active_objs counts the last two as active).  Exact when the other
 * CPUs do not use the cache meanwhile.
 *
 * Return: the count.
 */
unsigned long slab_live_objects(struct kmem_cache *s)
{
	struct slab_snapshot *snap = kmalloc(sizeof(*snap), GFP_KERNEL);
	unsigned long live = 0, flags, free = 0;
	struct kmem_cache_node *n = get_node(s);
	struct page *page;

	if (!snap)
		return 0;
	slab_snapshot(s, snap);
	for (unsigned int cpu = 0; cpu < NR_CPUS; cpu++)
		free += snap->cpu[cpu].cpu_free + snap->cpu[cpu].remote_free;
	spin_lock_irqsave(&n->list_lock, flags);
	list_for_each_entry(page, &n->partial, lru)
		free += page->objects - page->inuse;
	live = n->total_objects - free;
	spin_unlock_irqrestore(&n->list_lock, flags);
	kfree(snap);
	return live;
}

/**
 * slab_snapshot() - a cache's slabs in detail (a9mm)
 * @s: the cache
 * @snap: filled: each CPU's active slab and freelist length, the node's
 *        counts and (up to SLAB_SNAP_PARTIAL) partial slabs, the events
 *
 * For the shell's demos and the self-tests.  Another CPU's freelist is
 * counted while it may change it: exact only when that CPU is idle.
 */
void slab_snapshot(struct kmem_cache *s, struct slab_snapshot *snap)
{
	struct kmem_cache_node *n = get_node(s);
	unsigned long flags;
	struct page *page;
	unsigned int cpu;

	memset(snap, 0, sizeof(*snap));
	spin_lock_irqsave(&n->list_lock, flags);
	for_each_possible_cpu(cpu) {
		struct kmem_cache_cpu *c = per_cpu_ptr(s->cpu_slab, cpu);
		unsigned int nr = 0;

		page = READ_ONCE(c->page);
		snap->cpu[cpu].page = page;
		if (!page)
			continue;
		/*
		 * That CPU may pop an object meanwhile and write into it: every
		 * pointer is checked to be one of page's objects before it is
		 * followed, so a stale one ends the count, never a wild read.
		 */
		for (void *p = READ_ONCE(c->freelist);
		     p && nr < page->objects && check_valid_pointer(s, page, p);
		     p = get_freepointer(s, p))
			nr++;
		snap->cpu[cpu].cpu_free = nr;
		nr = 0;
		for (void *p = page->freelist; p && nr < page->objects; p = get_freepointer(s, p))
			nr++;
		snap->cpu[cpu].remote_free = nr;
	}
	snap->nr_partial = n->nr_partial;
	snap->nr_slabs = n->nr_slabs;
	snap->total_objects = n->total_objects;
	list_for_each_entry(page, &n->full, lru)
		snap->nr_full++;
	list_for_each_entry(page, &n->partial, lru) {
		if (snap->nr_listed == SLAB_SNAP_PARTIAL)
			break;
		snap->partial[snap->nr_listed].page = page;
		snap->partial[snap->nr_listed].inuse = page->inuse;
		snap->partial[snap->nr_listed].objects = page->objects;
		snap->nr_listed++;
	}
	spin_unlock_irqrestore(&n->list_lock, flags);
	for_each_possible_cpu(cpu) {
		const struct kmem_cache_cpu *c = per_cpu_ptr(s->cpu_slab, cpu);

		for (int i = 0; i < NR_SLUB_STAT_ITEMS; i++)
			snap->stat[i] += READ_ONCE(c->stat[i]);
	}
}

/* mm/slub.c: validate_slab() @ v4.14: every object checked as free or allocated */
static unsigned int validate_slab(struct kmem_cache *s, struct page *page)
{
	void *addr = slab_address(page), *p;
	unsigned int errors = 0;

	if (!check_slab(s, page) || !on_freelist(s, page, NULL))
		return 1;
	for_each_object(p, s, addr, page->objects) {
		bool is_free = on_freelist(s, page, p);

		if (!check_object(s, page, p, is_free ? SLUB_RED_INACTIVE : SLUB_RED_ACTIVE))
			errors++;
	}
	return errors;
}

/**
 * validate_slab_cache() - check every object of a cache now
 * @s: the cache
 *
 * mm/slub.c: validate_slab_cache() @ v4.14 (/sys/kernel/slab/NAME/validate;
 * tools/vm/slabinfo -v): every CPU's slab flushed, then each slab on the
 * node's lists checked object by object -- red zones and poison as
 * check_object() knows them, for the debugging flags the cache has.
 * Damage is reported and repaired (restore_bytes), as Linux does.
 * Interrupts on.
 *
 * Return: the number of objects found damaged.
 */
unsigned long validate_slab_cache(struct kmem_cache *s)
{
	struct kmem_cache_node *n = get_node(s);
	unsigned long flags, errors = 0;
	struct page *page;

	flush_all(s);
	spin_lock_irqsave(&n->list_lock, flags);
	list_for_each_entry(page, &n->partial, lru)
		errors += validate_slab(s, page);
	list_for_each_entry(page, &n->full, lru)
		errors += validate_slab(s, page);
	spin_unlock_irqrestore(&n->list_lock, flags);
	return errors;
}
