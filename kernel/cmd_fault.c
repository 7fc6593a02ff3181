// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/cmd_fault.c: `fault null|ro|xn|undef|align` -- take a real
 * exception on purpose and watch the kernel decode it (do_DataAbort,
 * do_PrefetchAbort, do_undefinstr in kernel/traps.c), then come back to
 * the prompt through fault_try().  The same faults are a KTAP suite.
 */
#include <a9mm/ktap.h>
#include <a9mm/shell.h>
#include <asm/memory.h>
#include <asm/sections.h>
#include <asm/traps.h>
#include <mach/vexpress.h>
#include <linux/kernel.h>

/* Translation fault: nothing is mapped at VA 0 (ARM ARM B3.12.3). */
static void fault_null(unsigned long arg)
{
	(void)*(volatile unsigned long *)arg;
}

/*
 * Permission fault if the kernel text is mapped read-only (rodata=on):
 * the word is written back unchanged, so nothing is damaged when the
 * mapping turns out to be writable.
 */
static void fault_ro(unsigned long arg)
{
	volatile unsigned long *p = (volatile unsigned long *)arg;

	*p = *p;
}

/*
 * Prefetch abort: branch into the I/O mapping, which is Device memory and
 * so always execute-never (XN, ARM ARM B3.7.2); nothing is fetched.
 */
static void fault_xn(unsigned long arg)
{
	((void (*)(void))arg)();
}

/* UDF: permanently undefined in the ARM instruction set (A8.8.247) */
static void fault_undef(unsigned long arg)
{
	__asm__ volatile(".word 0xe7f000f0");
}

/* LDM needs a word-aligned address whatever SCTLR.A says (A3.2.1) */
static void fault_align(unsigned long arg)
{
	__asm__ volatile("ldm %0, {r2, r3}" : : "r"(arg) : "r2", "r3", "memory");
}

static const struct fault_kind {
	const char *name;
	void (*fn)(unsigned long);
	unsigned long arg;
	const char *expect;
} fault_kinds[] = {
	{ "null", fault_null, 0, "a translation fault (data abort) reading 0x00000000" },
	{ "ro", fault_ro, (unsigned long)_stext,
	  "a permission fault writing .text, if it is read-only (rodata=on)" },
	{ "xn", fault_xn, 0, "a permission fault (prefetch abort) executing I/O memory" },
	{ "undef", fault_undef, 0, "an undefined instruction exception (UDF)" },
	{ "align", fault_align, (unsigned long)_sdata + 2,
	  "an alignment fault (data abort): LDM from an odd address" },
};

/* the address a kind works on: "xn" jumps into the console's registers, wherever ioremap() put them
 */
static unsigned long kind_arg(const struct fault_kind *k)
{
	return k->fn == fault_xn ? (unsigned long)pl011_base() : k->arg;
}

static const struct fault_kind *find_kind(const char *name)
{
	for (unsigned int i = 0; i < ARRAY_SIZE(fault_kinds); i++)
		if (!strcmp(fault_kinds[i].name, name))
			return &fault_kinds[i];
	return NULL;
}

static int do_fault(int argc, char **argv)
{
	const struct fault_kind *k;

	if (argc != 2)
		return 1;
	k = find_kind(argv[1]);
	if (!k) {
		shprintf("fault: unknown kind '%s'\n", argv[1]);
		return 1;
	}
	shprintf("fault %s: expecting %s\n", k->name, k->expect);
	if (fault_try(k->fn, kind_arg(k)))
		shprintf("fault %s: taken, reported above; back in the shell\n", k->name);
	else
		shprintf("fault %s: no fault: 0x%08lx allowed the access\n", k->name, kind_arg(k));
	return 0;
}
static const char *fault_word(unsigned int argno, unsigned int i)
{
	return argno == 1 && i < ARRAY_SIZE(fault_kinds) ? fault_kinds[i].name : NULL;
}
SHELL_CMD("fault", do_fault, "null|ro|xn|undef|align",
	  "take an exception on purpose and show its decoded report",
	  .linux = "arch/arm/mm/fault.c: do_DataAbort()/do_PrefetchAbort() -> "
		   "__do_kernel_fault(), show_pte(); arch/arm/kernel/traps.c: die(), "
		   "do_undefinstr(); the fixup that brings the shell back",
	  .complete = fault_word);

static void traps_fault_kinds(struct ktap_test *t)
{
	static const char *const must_fault[] = { "null", "xn", "undef", "align" };

	for (unsigned int i = 0; i < ARRAY_SIZE(must_fault); i++) {
		const struct fault_kind *k = find_kind(must_fault[i]);

		KTAP_EXPECT_EQ(t, fault_try(k->fn, kind_arg(k)), 1);
	}
}

static void traps_no_fault_returns_zero(struct ktap_test *t)
{
	static unsigned long word = 0x5a5a5a5a;

	/* a mapped, writable word: fault_try() must return 0, word intact */
	KTAP_EXPECT_EQ(t, fault_try(fault_ro, (unsigned long)&word), 0);
	KTAP_EXPECT_EQ(t, word, 0x5a5a5a5a);
}

/*
 * The RAM probe's way (mm/ram_probe.c): with fault_quiet set, a data abort
 * is an answer -- fault_try() returns 1 without die()'s report.
 */
static void traps_quiet_abort_is_an_answer(struct ktap_test *t)
{
	unsigned long before = this_cpu_read(fault_quiet_taken);

	this_cpu_write(fault_quiet, true);
	KTAP_EXPECT_EQ(t, fault_try(fault_null, 0), 1);
	this_cpu_write(fault_quiet, false);
	KTAP_EXPECT_EQ(t, this_cpu_read(fault_quiet_taken), before + 1);
	KTAP_EXPECT_EQ(t, this_cpu_read(fault_fixup), 0);
}

static const struct ktap_case traps_cases[] = {
	KTAP_CASE(traps_fault_kinds),
	KTAP_CASE(traps_no_fault_returns_zero),
	KTAP_CASE(traps_quiet_abort_is_an_answer),
};
KTAP_SUITE(traps_suite, "traps", traps_cases);
