// SPDX-License-Identifier: GPL-2.0
/*
 * fs/elf_check.c: the checks fs/binfmt_elf.c @ v4.14 makes of an
 * executable before it trusts a single field (load_elf_binary(),
 * elf_check_arch() of arch/arm/kernel/elf.c), in one pure function so
 * the host tests can feed it broken files.  a9mm loads static ARM EABI
 * executables only: no interpreter, no PIE.
 */
#include <linux/elf.h>
#include <string.h>

#define PAGE_MASK_4K 0xfffULL

/**
 * elf_check() - can this executable be loaded?
 * @eh: its ELF header (sizeof(*eh) bytes of the file, or the file if shorter: pass @file_size)
 * @ph: its program headers (eh->e_phnum of them), NULL if the header is refused first
 * @file_size: the file's length
 * @task_size: where user space ends (TASK_SIZE)
 *
 * fs/binfmt_elf.c: load_elf_binary()'s checks @ v4.14.  Every segment
 * must lie in the file and below @task_size without wrapping, and the
 * loadable ones must be in address order and not overlap.
 *
 * Return: NULL, or what is wrong (the message execve() prints).
 */
const char *elf_check(const struct elf32_hdr *eh, const struct elf32_phdr *ph,
		      unsigned long long file_size, unsigned long task_size)
{
	unsigned long long prev_end = 0;
	unsigned int i, loads = 0;

	if (file_size < sizeof(*eh))
		return "truncated: shorter than an ELF header";
	if (memcmp(eh->e_ident, ELFMAG, 4))
		return "not an ELF file (bad magic)";
	if (eh->e_ident[4] != ELFCLASS32 || eh->e_ident[5] != ELFDATA2LSB)
		return "not 32-bit little-endian ELF";
	if (eh->e_type != ET_EXEC)
		return "not a static executable (ET_EXEC)";
	if (eh->e_machine != EM_ARM)
		return "wrong machine (not ARM)";
	if ((eh->e_flags & EF_ARM_EABI_MASK) != EF_ARM_EABI_VER5)
		return "not an ARM EABI version 5 executable";
	if (eh->e_phentsize != sizeof(struct elf32_phdr))
		return "bad program header size";
	if (eh->e_phnum == 0 || eh->e_phnum > ELF_MAX_PHNUM)
		return "bad number of program headers";
	if ((unsigned long long)eh->e_phoff + eh->e_phnum * sizeof(struct elf32_phdr) > file_size)
		return "truncated: program headers past the end of the file";
	if (!ph)
		return NULL;
	for (i = 0; i < eh->e_phnum; i++) {
		const struct elf32_phdr *p = &ph[i];
		unsigned long long start = p->p_vaddr, end = start + p->p_memsz;

		if (p->p_type != PT_LOAD)
			continue;
		loads++;
		if (p->p_filesz > p->p_memsz)
			return "segment with more file than memory";
		if ((unsigned long long)p->p_offset + p->p_filesz > file_size)
			return "truncated: a segment past the end of the file";
		if ((p->p_vaddr & PAGE_MASK_4K) != (p->p_offset & PAGE_MASK_4K))
			return "segment offset and address not congruent modulo the page size";
		if (end > task_size || start < 0x1000)
			return "segment outside user space";
		if (start < prev_end)
			return "segments overlap or are out of order";
		prev_end = end;
	}
	if (!loads)
		return "no loadable segment";
	for (i = 0; i < eh->e_phnum; i++) {
		const struct elf32_phdr *p = &ph[i];

		if (p->p_type == PT_LOAD && eh->e_entry >= p->p_vaddr &&
		    eh->e_entry < p->p_vaddr + p->p_memsz && (p->p_flags & PF_X))
			return NULL;
	}
	return "entry point not in an executable segment";
}
