// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/kallsyms.c: the lookup of kernel/kallsyms.c @ v4.14, over the sorted tables
 * scripts/kallsyms.py generates at link time.
 */

#include <linux/kallsyms.h>
#include <linux/kernel.h>

extern const unsigned long kallsyms_num_syms;
extern const unsigned long kallsyms_addresses[];
extern const unsigned long kallsyms_name_offsets[];
extern const char kallsyms_names[];
extern char _etext[], _sinittext[], _einittext[], _stext[];

static bool is_kernel_text(unsigned long addr)
{
	return (addr >= (unsigned long)_stext && addr < (unsigned long)_etext) ||
	       (addr >= (unsigned long)_sinittext && addr < (unsigned long)_einittext);
}

/**
 * sprint_symbol() - name a code address as "function+0xoff/0xsize"
 * @buffer: where the text goes
 * @size: its size (Linux's version takes none: KSYM_SYMBOL_LEN)
 * @address: the address
 *
 * kernel/kallsyms.c: sprint_symbol() @ v4.14: a binary search for the last
 * symbol at or below @address.  Outside the kernel's text it prints the
 * address in hex.
 *
 * Return: what snprintf() returns: the length of the full text.
 */
int sprint_symbol(char *buffer, size_t size, unsigned long address)
{
	unsigned long low = 0, high = kallsyms_num_syms, sym_size;

	if (!kallsyms_num_syms || !is_kernel_text(address) || address < kallsyms_addresses[0])
		return snprintf(buffer, size, "0x%08lx", address);
	while (high - low > 1) {
		unsigned long mid = low + (high - low) / 2;

		if (kallsyms_addresses[mid] <= address)
			low = mid;
		else
			high = mid;
	}
	sym_size = low + 1 < kallsyms_num_syms
			   ? kallsyms_addresses[low + 1] - kallsyms_addresses[low]
			   : (unsigned long)_einittext - kallsyms_addresses[low];
	return snprintf(buffer, size, "%s+0x%lx/0x%lx", kallsyms_names + kallsyms_name_offsets[low],
			address - kallsyms_addresses[low], sym_size);
}
