/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_ELF_H
#define _LINUX_ELF_H

/*
 * include/uapi/linux/elf.h @ v4.14: the 32-bit ELF header and program
 * header, what binfmt_elf reads of an executable.
 */
#include <linux/types.h>

#define EI_NIDENT	 16
#define ELFMAG		 "\177ELF"
#define ELFCLASS32	 1
#define ELFDATA2LSB	 1
#define ET_EXEC		 2
#define EM_ARM		 40
#define PT_LOAD		 1
#define PF_X		 0x1
#define PF_W		 0x2
#define PF_R		 0x4
#define EF_ARM_EABI_MASK 0xff000000
#define EF_ARM_EABI_VER5 0x05000000

struct elf32_hdr {
	unsigned char e_ident[EI_NIDENT];
	u16 e_type;
	u16 e_machine;
	u32 e_version;
	u32 e_entry;
	u32 e_phoff;
	u32 e_shoff;
	u32 e_flags;
	u16 e_ehsize;
	u16 e_phentsize;
	u16 e_phnum;
	u16 e_shentsize;
	u16 e_shnum;
	u16 e_shstrndx;
};

struct elf32_phdr {
	u32 p_type;
	u32 p_offset;
	u32 p_vaddr;
	u32 p_paddr;
	u32 p_filesz;
	u32 p_memsz;
	u32 p_flags;
	u32 p_align;
};

/* fs/binfmt_elf.c: at most this many program headers (ELF_MIN_ALIGN-sized table) */
#define ELF_MAX_PHNUM 16

/* fs/elf_check.c: NULL if the executable can be loaded, else why not */
const char *elf_check(const struct elf32_hdr *eh, const struct elf32_phdr *ph,
		      unsigned long long file_size, unsigned long task_size);

#endif
