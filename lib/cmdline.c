// SPDX-License-Identifier: GPL-2.0
/*
 * lib/cmdline.c: command-line helpers shared by the boot-time parser and
 * the shell (kernel/params.c, lib/cmdline.c and lib/kstrtox.c @ v4.14):
 * splitting "a=b c=\"d e\"" into words, and parsing sizes like "64M".
 */
#include <limits.h>

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
 * lib/kstrtox.c: _parse_integer_fixup_radix() + _parse_integer().  An
 * unsigned number in @base (0: "0x" hex, "0" octal, else decimal); returns
 * the value and sets *end past the digits.  *err is 0, -EINVAL when there
 * were no digits, or -ERANGE when the value does not fit in 64 bits (the
 * digits are still all consumed: the caller sees where the number ends).
 */
static unsigned long long parse_ull(const char *s, unsigned int base, const char **end, int *err)
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
	*err = 0;
	for (; digit_value(*s) < (int)base; s++) {
		unsigned int d = (unsigned int)digit_value(*s);

		if (v > (ULLONG_MAX - d) / base)
			*err = -ERANGE;
		v = v * base + d;
	}
	if (s == start)
		*err = -EINVAL;
	*end = s;
	return v;
}

/**
 * memparse() - parse a size such as "64M", "0x8000000" or "1G"
 * @ptr: the text: a number (0x hex, 0 octal, else decimal), then K, M, G,
 *	 T, P or E
 * @retptr: if not NULL, set to the first character not parsed
 *
 * lib/cmdline.c: memparse() @ v4.14.  Callers detect garbage by *@retptr:
 * it equals @ptr when nothing was parsed.  Linux's wraps a number too big
 * for 64 bits (simple_strtoull(), then the shift); a9mm's saturates at
 * ULLONG_MAX instead, digits and suffix still consumed, so that every
 * caller's range check sees "too big" and says so (mem=99999999999G is
 * beyond 4 GiB, not 0x...6c00000000 bytes).
 *
 * Return: the size in bytes; 0 when nothing was parsed; ULLONG_MAX when it
 * does not fit.
 */
unsigned long long memparse(const char *ptr, char **retptr)
{
	static const char suffixes[] = "KkMmGgTtPpEe";
	const char *end, *sfx;
	int err;
	unsigned long long ret = parse_ull(ptr, 0, &end, &err);

	if (err == -EINVAL) {
		if (retptr)
			*retptr = (char *)ptr;
		return 0;
	}
	sfx = *end ? strchr(suffixes, *end) : NULL;
	if (sfx) {
		unsigned int shift = 10 * (unsigned int)((sfx - suffixes) / 2 + 1);

		if (ret > (ULLONG_MAX >> shift))
			err = -ERANGE;
		ret <<= shift;
		end++;
	}
	if (retptr)
		*retptr = (char *)end;
	return err ? ULLONG_MAX : ret;
}

/*
 * lib/kstrtox.c: _kstrtoull() @ v4.14.  The whole string must be the number
 * (one trailing newline allowed): 0, -EINVAL for anything else, -ERANGE
 * when it does not fit (even with garbage after it, as in Linux).
 */
static int _kstrtoull(const char *s, unsigned int base, unsigned long long *res)
{
	const char *end;
	int err;
	unsigned long long v = parse_ull(s, base, &end, &err);

	if (err)
		return err;
	if (*end == '\n')
		end++;
	if (*end)
		return -EINVAL;
	*res = v;
	return 0;
}

/**
 * kstrtoull() - convert a whole string to an unsigned long long
 * @s: the number, a leading '+' and one trailing newline allowed
 * @base: 0 (0x hex, 0 octal, else decimal), 8, 10 or 16
 * @res: where the value goes, on success only
 *
 * lib/kstrtox.c: kstrtoull() @ v4.14.
 *
 * Return: 0, -EINVAL if @s is not a number, -ERANGE if it does not fit.
 */
int kstrtoull(const char *s, unsigned int base, unsigned long long *res)
{
	if (s[0] == '+')
		s++;
	return _kstrtoull(s, base, res);
}

/**
 * kstrtoll() - convert a whole string to a long long
 * @s: as for kstrtoull(), or '-' and the magnitude
 * @base: as for kstrtoull()
 * @res: where the value goes, on success only
 *
 * lib/kstrtox.c: kstrtoll() @ v4.14.
 *
 * Return: 0, -EINVAL, or -ERANGE outside LLONG_MIN..LLONG_MAX.
 */
int kstrtoll(const char *s, unsigned int base, long long *res)
{
	unsigned long long v = 0;
	int rv;

	if (s[0] == '-') {
		rv = _kstrtoull(s + 1, base, &v);
		if (rv < 0)
			return rv;
		if (v > (unsigned long long)LLONG_MAX + 1)
			return -ERANGE;
		*res = (long long)(0 - v);
	} else {
		rv = kstrtoull(s, base, &v);
		if (rv < 0)
			return rv;
		if (v > (unsigned long long)LLONG_MAX)
			return -ERANGE;
		*res = (long long)v;
	}
	return 0;
}

/**
 * kstrtoul() - convert a whole string to an unsigned long
 * @s: as for kstrtoull()
 * @base: as for kstrtoull()
 * @res: where the value goes, on success only
 *
 * lib/kstrtox.c: kstrtoul() @ v4.14 (_kstrtoul()).
 *
 * Return: 0, -EINVAL, or -ERANGE beyond ULONG_MAX.
 */
int kstrtoul(const char *s, unsigned int base, unsigned long *res)
{
	unsigned long long v = 0;
	int rv = kstrtoull(s, base, &v);

	if (rv < 0)
		return rv;
	if (v != (unsigned long)v)
		return -ERANGE;
	*res = (unsigned long)v;
	return 0;
}

/**
 * kstrtouint() - convert a whole string to an unsigned int
 * @s: as for kstrtoull()
 * @base: as for kstrtoull()
 * @res: where the value goes, on success only
 *
 * lib/kstrtox.c: kstrtouint() @ v4.14.
 *
 * Return: 0, -EINVAL, or -ERANGE beyond UINT_MAX.
 */
int kstrtouint(const char *s, unsigned int base, unsigned int *res)
{
	unsigned long long v = 0;
	int rv = kstrtoull(s, base, &v);

	if (rv < 0)
		return rv;
	if (v != (unsigned int)v)
		return -ERANGE;
	*res = (unsigned int)v;
	return 0;
}

/**
 * kstrtoint() - convert a whole string to an int
 * @s: as for kstrtoll()
 * @base: as for kstrtoull()
 * @res: where the value goes, on success only
 *
 * lib/kstrtox.c: kstrtoint() @ v4.14: panic=4294967297 is -ERANGE, not 1.
 *
 * Return: 0, -EINVAL, or -ERANGE outside INT_MIN..INT_MAX.
 */
int kstrtoint(const char *s, unsigned int base, int *res)
{
	long long v = 0;
	int rv = kstrtoll(s, base, &v);

	if (rv < 0)
		return rv;
	if (v != (int)v)
		return -ERANGE;
	*res = (int)v;
	return 0;
}
