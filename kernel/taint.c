// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/taint.c: the taint flags of kernel/panic.c @ v4.14 -- what has
 * happened to this kernel that a bug report should mention.  a9mm sets
 * two: 'B' (TAINT_BAD_PAGE: the page or slab allocator found a page or an
 * object in a state it should never be in, and reported it) and 'D'
 * (TAINT_DIE: an oops).  Every report's "Not tainted" or "Tainted: G  B"
 * comes from print_tainted().  Portable: the slab allocator's reports use
 * it in the host tests too.
 */
#include <asm/atomic.h>
#include <linux/kernel.h>

static unsigned long tainted_mask;

/* kernel/panic.c: taint_flags[] @ v4.14: the letter when set, and when not */
static const struct taint_flag {
	char c_true, c_false;
} taint_flags[TAINT_FLAGS_COUNT] = {
	[TAINT_PROPRIETARY_MODULE] = { 'P', 'G' },
	[TAINT_FORCED_MODULE] = { 'F', ' ' },
	[TAINT_CPU_OUT_OF_SPEC] = { 'S', ' ' },
	[TAINT_FORCED_RMMOD] = { 'R', ' ' },
	[TAINT_MACHINE_CHECK] = { 'M', ' ' },
	[TAINT_BAD_PAGE] = { 'B', ' ' },
	[TAINT_USER] = { 'U', ' ' },
	[TAINT_DIE] = { 'D', ' ' },
	[TAINT_OVERRIDDEN_ACPI_TABLE] = { 'A', ' ' },
	[TAINT_WARN] = { 'W', ' ' },
	[TAINT_CRAP] = { 'C', ' ' },
	[TAINT_FIRMWARE_WORKAROUND] = { 'I', ' ' },
	[TAINT_OOT_MODULE] = { 'O', ' ' },
	[TAINT_UNSIGNED_MODULE] = { 'E', ' ' },
	[TAINT_SOFTLOCKUP] = { 'L', ' ' },
	[TAINT_LIVEPATCH] = { 'K', ' ' },
};

/**
 * add_taint() - record that something happened reports should mention
 * @flag: TAINT_BAD_PAGE, TAINT_DIE, ...
 *
 * kernel/panic.c: add_taint() @ v4.14 (without its lockdep argument).
 * Atomic: two CPUs may taint at once.
 */
void add_taint(unsigned int flag)
{
	atomic_or_ulong(1UL << flag, &tainted_mask);
}

/**
 * test_taint() - has this happened?
 * @flag: a TAINT_* number
 *
 * kernel/panic.c: test_taint() @ v4.14.
 *
 * Return: true if add_taint(@flag) was called.
 */
bool test_taint(unsigned int flag)
{
	return READ_ONCE(tainted_mask) & (1UL << flag);
}

/**
 * print_tainted() - the taint as reports print it
 *
 * kernel/panic.c: print_tainted() @ v4.14: "Not tainted", or "Tainted: "
 * and one column per flag -- its letter if set, else G for the first and
 * a space for the others ("Tainted: G    B           ").
 *
 * Return: the text, in a static buffer (as Linux's).
 */
const char *print_tainted(void)
{
	static char buf[TAINT_FLAGS_COUNT + sizeof("Tainted: ")];
	unsigned long mask = READ_ONCE(tainted_mask);
	char *s = buf + sizeof("Tainted: ") - 1;

	if (!mask)
		return "Not tainted";
	memcpy(buf, "Tainted: ", sizeof("Tainted: ") - 1);
	for (unsigned int i = 0; i < TAINT_FLAGS_COUNT; i++)
		*s++ = (mask & (1UL << i)) ? taint_flags[i].c_true : taint_flags[i].c_false;
	*s = '\0';
	return buf;
}
