// SPDX-License-Identifier: GPL-2.0
/*
 * tests/unit/test_elf_check.c: fs/elf_check.c, the checks execve() makes
 * of an ELF file before it believes a field -- a good static ARM
 * executable passes; truncated files, the wrong machine or class,
 * segments in kernel space, overlapping or out of order, past the end of
 * the file, wrapping around, and an entry outside executable code are
 * refused, each with its message.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include <linux/elf.h>

#define TASK_SIZE_T 0xbf000000UL
#define FILE_SIZE   0x3000ULL

struct exe {
	struct elf32_hdr eh;
	struct elf32_phdr ph[3];
};

/* what arm-none-eabi-gcc -static -Ttext=0x10000 makes: text r-x, data rw- */
static void good(struct exe *x)
{
	memset(x, 0, sizeof(*x));
	memcpy(x->eh.e_ident, ELFMAG, 4);
	x->eh.e_ident[4] = ELFCLASS32;
	x->eh.e_ident[5] = ELFDATA2LSB;
	x->eh.e_type = ET_EXEC;
	x->eh.e_machine = EM_ARM;
	x->eh.e_flags = EF_ARM_EABI_VER5 | 0x200;
	x->eh.e_entry = 0x10000;
	x->eh.e_phoff = sizeof(x->eh);
	x->eh.e_phentsize = sizeof(struct elf32_phdr);
	x->eh.e_phnum = 2;
	x->ph[0] = (struct elf32_phdr){ .p_type = PT_LOAD,
					.p_offset = 0x1000,
					.p_vaddr = 0x10000,
					.p_filesz = 0x44,
					.p_memsz = 0x44,
					.p_flags = PF_R | PF_X };
	x->ph[1] = (struct elf32_phdr){ .p_type = PT_LOAD,
					.p_offset = 0x1044,
					.p_vaddr = 0x11044,
					.p_filesz = 0x1e,
					.p_memsz = 0x1000,
					.p_flags = PF_R | PF_W };
}

static const char *check(const struct exe *x, unsigned long long size)
{
	const char *why = elf_check(&x->eh, NULL, size, TASK_SIZE_T);

	return why ? why : elf_check(&x->eh, x->ph, size, TASK_SIZE_T);
}

static void test_good_executable_passes(void **state)
{
	struct exe x;

	good(&x);
	assert_null(check(&x, FILE_SIZE));
	x.eh.e_entry = 0x10041; /* a Thumb entry inside the text is fine too */
	assert_null(check(&x, FILE_SIZE));
}

static void test_header_problems(void **state)
{
	struct exe x;

	good(&x);
	assert_string_equal(check(&x, 20), "truncated: shorter than an ELF header");
	x.eh.e_ident[1] = 'X';
	assert_string_equal(check(&x, FILE_SIZE), "not an ELF file (bad magic)");
	good(&x);
	x.eh.e_ident[4] = 2; /* ELFCLASS64 */
	assert_string_equal(check(&x, FILE_SIZE), "not 32-bit little-endian ELF");
	good(&x);
	x.eh.e_type = 3; /* ET_DYN */
	assert_string_equal(check(&x, FILE_SIZE), "not a static executable (ET_EXEC)");
	good(&x);
	x.eh.e_machine = 3; /* EM_386 */
	assert_string_equal(check(&x, FILE_SIZE), "wrong machine (not ARM)");
	good(&x);
	x.eh.e_flags = 0x04000000; /* EABI 4 */
	assert_string_equal(check(&x, FILE_SIZE), "not an ARM EABI version 5 executable");
	good(&x);
	x.eh.e_phentsize = 40;
	assert_string_equal(check(&x, FILE_SIZE), "bad program header size");
	good(&x);
	x.eh.e_phnum = 0;
	assert_string_equal(check(&x, FILE_SIZE), "bad number of program headers");
	x.eh.e_phnum = 1000;
	assert_string_equal(check(&x, FILE_SIZE), "bad number of program headers");
	good(&x);
	x.eh.e_phoff = 0x2ff0;
	assert_string_equal(check(&x, FILE_SIZE),
			    "truncated: program headers past the end of the file");
	good(&x);
	x.eh.e_phoff = 0xfffffff0u; /* would wrap in 32 bits */
	assert_string_equal(check(&x, FILE_SIZE),
			    "truncated: program headers past the end of the file");
}

static void test_segment_problems(void **state)
{
	struct exe x;

	good(&x);
	x.ph[1].p_filesz = 0x2000;
	assert_string_equal(check(&x, FILE_SIZE), "segment with more file than memory");
	good(&x);
	assert_string_equal(check(&x, 0x1050), "truncated: a segment past the end of the file");
	good(&x);
	x.ph[1].p_offset = 0xfffffff0u; /* offset + size wraps in 32 bits */
	x.ph[1].p_filesz = 0x20;
	assert_string_equal(check(&x, FILE_SIZE), "truncated: a segment past the end of the file");
	good(&x);
	x.ph[0].p_vaddr = 0xc0010000u; /* the kernel's text */
	x.eh.e_entry = 0xc0010000u;
	assert_string_equal(check(&x, FILE_SIZE), "segment outside user space");
	good(&x);
	x.ph[1].p_vaddr = 0xbefff044u; /* ends above TASK_SIZE */
	x.ph[1].p_memsz = 0x200000;
	assert_string_equal(check(&x, FILE_SIZE), "segment outside user space");
	good(&x);
	x.ph[1].p_vaddr = 0xfffff044u; /* vaddr + memsz wraps in 32 bits */
	assert_string_equal(check(&x, FILE_SIZE), "segment outside user space");
	good(&x);
	x.ph[0].p_vaddr = 0; /* page zero stays unmapped: NULL must fault */
	x.ph[0].p_offset = 0;
	assert_string_equal(check(&x, FILE_SIZE), "segment outside user space");
	good(&x);
	x.ph[1].p_vaddr = 0x10040; /* overlaps the text */
	x.ph[1].p_offset = 0x1040;
	assert_string_equal(check(&x, FILE_SIZE), "segments overlap or are out of order");
	good(&x);
	x.ph[1].p_vaddr = 0x11048; /* offset 0x1044: not congruent */
	assert_string_equal(check(&x, FILE_SIZE),
			    "segment offset and address not congruent modulo the page size");
	good(&x);
	x.ph[0].p_type = x.ph[1].p_type = 4; /* PT_NOTE */
	assert_string_equal(check(&x, FILE_SIZE), "no loadable segment");
	good(&x);
	x.eh.e_entry = 0x11050; /* in the data */
	assert_string_equal(check(&x, FILE_SIZE), "entry point not in an executable segment");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_good_executable_passes),
		cmocka_unit_test(test_header_problems),
		cmocka_unit_test(test_segment_problems),
	};

	return cmocka_run_group_tests_name("elf_check", tests, NULL, NULL);
}
