// SPDX-License-Identifier: GPL-2.0
/*
 * lib/cmdline.c: command-line helpers shared by the boot-time parser and
 * the shell (kernel/params.c, lib/cmdline.c and lib/kstrtox.c @ v4.14):
 * splitting "a=b c=\"d e\"" into words, and parsing sizes like "64M".
 */
#include <linux/cmdline.h>
#include <linux/errno.h>
#include <linux/kernel.h>

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static char *skip_spaces(char *s)
{
	while (is_space(*s))
		s++;
	return s;
}

/**
 * next_arg() - cut the next "param[=val]" word out of a command line
 * @args: the rest of the line; cut up in place
 * @param: set to the word's name
 * @val: set to its value, or NULL when it has no '='
 *
 * kernel/params.c: next_arg() @ v4.14.  Double quotes group words
 * ("a=\"b c\"" or "\"a=b c\""), and are removed, as Linux does.
 *
 * Return: where the rest of the line starts, past the word and its spaces.
 */
char *next_arg(char *args, char **param, char **val)
{
	unsigned int i, equals = 0;
	bool in_quote = false, quoted = false;

	if (*args == '"') {
		args++;
		in_quote = true;
		quoted = true;
	}

	for (i = 0; args[i]; i++) {
		if (is_space(args[i]) && !in_quote)
			break;
		if (equals == 0 && args[i] == '=')
			equals = i;
		if (args[i] == '"')
			in_quote = !in_quote;
	}

	*param = args;
	if (!equals) {
		*val = NULL;
	} else {
		args[equals] = '\0';
		*val = args + equals + 1;
		/* Don't include quotes in the value. */
		if (**val == '"') {
			(*val)++;
			if (i > 0 && args[i - 1] == '"')
				args[i - 1] = '\0';
		}
	}
	if (quoted && i > 0 && args[i - 1] == '"')
		args[i - 1] = '\0';

	if (args[i]) {
		args[i] = '\0';
		args += i + 1;
	} else {
		args += i;
	}
	return skip_spaces(args);
}

/**
 * parameq() - compare two option names, '-' and '_' being the same
 * @a: one name
 * @b: the other
 *
 * kernel/params.c: parameq() @ v4.14.
 *
 * Return: true if they name the same option.
 */
bool parameq(const char *a, const char *b)
{
	for (; *a || *b; a++, b++) {
		char ca = *a == '-' ? '_' : *a;
		char cb = *b == '-' ? '_' : *b;

		if (ca != cb)
			return false;
	}
	return true;
}

static int digit_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return 99;
}

/*
 * Parse an unsigned number in @base (0: "0x" hex, "0" octal, else decimal).
 * Returns the value and sets *end past the digits; *ok is false when there
 * were no digits or the value overflowed 64 bits.
 */
static unsigned long long parse_ull(const char *s, unsigned int base, const char **end, bool *ok)
{
	unsigned long long v = 0;
	const char *start;

	if (base == 0) {
		if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X') && digit_value(s[2]) < 16) {
			base = 16;
			s += 2;
		} else if (s[0] == '0' && s[1]) {
			base = 8;
		} else {
			base = 10;
		}
	} else if (base == 16 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
		s += 2;
	}
	start = s;
	*ok = true;
	for (; digit_value(*s) < (int)base; s++) {
		unsigned long long nv = v * base + (unsigned long long)digit_value(*s);

		if (nv / base != v)
			*ok = false;
		v = nv;
	}
	if (s == start)
		*ok = false;
	*end = s;
	return v;
}

/**
 * memparse() - parse a size such as "64M", "0x8000000" or "1G"
 * @ptr: the text: a number (0x hex, 0 octal, else decimal), then K, M or G
 * @retptr: if not NULL, set to the first character not parsed
 *
 * lib/cmdline.c: memparse() @ v4.14.  Callers detect garbage by *@retptr:
 * it equals @ptr when nothing was parsed (no digits, or a value that
 * overflows 64 bits, where Linux would wrap).
 *
 * Return: the size in bytes, 0 when nothing was parsed.
 */
unsigned long long memparse(const char *ptr, char **retptr)
{
	const char *end;
	bool ok;
	unsigned long long ret = parse_ull(ptr, 0, &end, &ok);
	unsigned int shift = 0;

	if (!ok) {
		if (retptr)
			*retptr = (char *)ptr;
		return 0;
	}
	switch (*end) {
	case 'G':
	case 'g':
		shift = 30;
		break;
	case 'M':
	case 'm':
		shift = 20;
		break;
	case 'K':
	case 'k':
		shift = 10;
		break;
	}
	if (shift) {
		if (ret > (~0ULL >> shift)) {
			if (retptr)
				*retptr = (char *)ptr;
			return 0;
		}
		ret <<= shift;
		end++;
	}
	if (retptr)
		*retptr = (char *)end;
	return ret;
}

/**
 * kstrtoul() - convert a whole string to an unsigned long
 * @s: the string: digits only, one trailing newline allowed
 * @base: 0 (0x hex, 0 octal, else decimal), 8, 10 or 16
 * @res: where the value goes, on success only
 *
 * lib/kstrtox.c: kstrtoul() @ v4.14.
 *
 * Return: 0, or -EINVAL for anything else, an overflow included (Linux
 * says -ERANGE for that).
 */
int kstrtoul(const char *s, unsigned int base, unsigned long *res)
{
	const char *end;
	bool ok;
	unsigned long long v = parse_ull(s, base, &end, &ok);

	if (*end == '\n')
		end++;
	if (!ok || *end || v > (unsigned long)-1)
		return -EINVAL;
	*res = (unsigned long)v;
	return 0;
}
