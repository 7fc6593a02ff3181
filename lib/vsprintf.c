// SPDX-License-Identifier: GPL-2.0
/*
 * lib/vsprintf.c: the kernel's own vsnprintf() and snprintf(), after
 * Linux's lib/vsprintf.c @ v4.14.  A format is cut into pieces by
 * format_decode(), which fills a struct printf_spec; each conversion is
 * printed by number(), string() or pointer() straight into the buffer.
 *
 * Why not picolibc's: its vfprintf() writes through a FILE a byte at a
 * time and takes each decimal digit off with a 64-bit library division
 * (__udivmoddi4: the A9 has no divide instruction), whatever the width of
 * the value -- about 190 K instructions of the boot to the prompt at
 * -m 128M, a fifth of it.  Here
 * decimals come two digits a step and divide by multiplying with a
 * reciprocal (put_dec()), and a 64-bit value is split into 16-bit pieces
 * rather than divided, as Linux does on 32-bit machines.
 *
 * The text is picolibc's, byte for byte, for every format the kernel
 * uses: C99's printf for %d %i %u %o %x %X %c %s %% with the flags
 * "-+ #0", widths and precisions (also as '*') and the length modifiers
 * hh h l ll L z t -- not j (intmax_t), which Linux does not take either.
 * Where Linux's vsnprintf() prints otherwise, this one prints as
 * picolibc and C99:
 *
 *   %p         "0x" and the hex digits, NULL as "0" (picolibc's "%#lx"),
 *              where Linux 4.14 prints 8 zero-padded digits without "0x";
 *              none of Linux's %p extensions: a letter after %p is text
 *              (symbols: sprint_symbol(), kernel/kallsyms.c)
 *   numbers    "%.0d" of 0 prints no digit, "%#x" of 0 is "0", '0' is
 *              ignored beside a precision, "%#o" only makes the first
 *              digit 0 (Linux prints "0", "0x0", zeroes, "0" ahead)
 *   "%.*s"     a negative precision is none (Linux: 0, an empty string)
 *
 * A conversion it does not know (%n, %f, %q...) or a format ending in
 * '%' prints the rest of the format as it is and reads no more
 * arguments: Linux stops there silently; both refuse to guess what the
 * remaining arguments are.  Widths and precisions are capped at
 * FIELD_WIDTH_MAX, as Linux caps its own.
 */
#ifdef A9MM_HOST
/*
 * Built for the host tests too, which compare it with the C library's
 * printf: there it goes by names of its own (tests/unit/host_shim.h).
 */
#define vsnprintf a9mm_vsnprintf
#define snprintf  a9mm_snprintf
#endif

#include <limits.h>

#include <linux/kernel.h>

/* lib/vsprintf.c: enum format_type @ v4.14: what format_decode() found */
enum format_type {
	FORMAT_TYPE_NONE, /* plain text, up to the next '%' */
	FORMAT_TYPE_WIDTH,
	FORMAT_TYPE_PRECISION,
	FORMAT_TYPE_CHAR,
	FORMAT_TYPE_STR,
	FORMAT_TYPE_PTR,
	FORMAT_TYPE_PERCENT_CHAR,
	FORMAT_TYPE_INVALID,
	FORMAT_TYPE_LONG_LONG,
	FORMAT_TYPE_ULONG,
	FORMAT_TYPE_LONG,
	FORMAT_TYPE_UBYTE,
	FORMAT_TYPE_BYTE,
	FORMAT_TYPE_USHORT,
	FORMAT_TYPE_SHORT,
	FORMAT_TYPE_UINT,
	FORMAT_TYPE_INT,
	FORMAT_TYPE_SIZE_T,
	FORMAT_TYPE_PTRDIFF,
};

/* lib/vsprintf.c @ v4.14: the flags number() knows */
#define SIGN	1  /* unsigned/signed */
#define LEFT	2  /* '-': pad on the right */
#define PLUS	4  /* '+': show a plus sign */
#define SPACE	8  /* ' ': a space where a plus would go */
#define ZEROPAD 16 /* '0': pad with zeroes */
#define SMALL	32 /* lower case hex: OR-ed into 'A'..'F' and "0X" */
#define SPECIAL 64 /* '#': 0x prefix, leading 0 in octal */

/*
 * lib/vsprintf.c: FIELD_WIDTH_MAX @ v4.14: widths (and, here, precisions)
 * beyond are cut to it, so that no count below can overflow an int.
 */
#define FIELD_WIDTH_MAX ((1 << 23) - 1)

/*
 * lib/vsprintf.c: struct printf_spec @ v4.14: one conversion.  Plain
 * fields where Linux packs bit-fields into 8 bytes.  -1: no width, no
 * precision.  type survives between format_decode() calls: a '*' width
 * or precision makes vsnprintf() fetch it, then decoding goes on.
 */
struct printf_spec {
	u8 type;  /* enum format_type */
	u8 flags; /* SIGN, LEFT, ... */
	u8 base;  /* 8, 10 or 16 */
	int field_width;
	int precision;
};

/*
 * Where the text goes.  Linux's helpers take (buf, end) and let buf run
 * past end to count what does not fit; here a length counts and the room
 * bounds every store, so no pointer leaves the array -- nor is computed
 * from NULL, which snprintf(NULL, 0, ...) passes to measure a text.
 */
struct printf_out {
	char *buf;
	size_t room; /* characters the buffer takes: its size less the NUL's place */
	size_t len;  /* characters the whole text takes */
};

static inline void out_char(struct printf_out *out, char c)
{
	if (out->len < out->room)
		out->buf[out->len] = c;
	out->len++;
}

static void out_mem(struct printf_out *out, const char *s, size_t n)
{
	if (out->len < out->room)
		memcpy(out->buf + out->len, s, min(n, out->room - out->len));
	out->len += n;
}

static void out_fill(struct printf_out *out, char c, long n)
{
	if (n <= 0)
		return;
	if (out->len < out->room)
		memset(out->buf + out->len, c, min((size_t)n, out->room - out->len));
	out->len += (size_t)n;
}

static inline bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* lib/vsprintf.c: skip_atoi() @ v4.14: a decimal width or precision, capped */
static int skip_atoi(const char **s)
{
	int i = 0;

	do {
		if (i <= FIELD_WIDTH_MAX)
			i = i * 10 + (**s - '0');
		(*s)++;
	} while (is_digit(**s));
	return min(i, FIELD_WIDTH_MAX);
}

/*
 * "00" to "99": decimals are made two digits a step, as Linux's decpair[]
 * (stored here as text, the two digits in reading order).
 */
static const char dec_pairs[200] = "00010203040506070809101112131415161718192021222324"
				   "25262728293031323334353637383940414243444546474849"
				   "50515253545556575859606162636465666768697071727374"
				   "75767778798081828384858687888990919293949596979899";

/*
 * Division by multiplying with a reciprocal: q = x * ceil(2^s / d) >> s.
 * Exact for the ranges below (checked for every x on the host): the
 * product's high word is one UMULL, where x / d on a u64 is a library call
 * and even a u32 one is, without optimisation.
 *
 *   div100()    x < 1073741899 (used below 10^8)
 *   div10000()  x < 3150469999 (used below 1.13 * 10^9)
 *   div1e8()    every u32
 */
static inline u32 div100(u32 x)
{
	return (u32)(((u64)x * 0x28f5c29) >> 32);
}

static inline u32 div10000(u32 x)
{
	return (u32)(((u64)x * 0x68db8bad) >> 44);
}

static inline u32 div1e8(u32 x)
{
	return (u32)(((u64)x * 0xabcc7712) >> 58);
}

static inline char *put_pair(char *p, u32 r)
{
	p[-2] = dec_pairs[2 * r];
	p[-1] = dec_pairs[2 * r + 1];
	return p - 2;
}

/*
 * lib/vsprintf.c: put_dec_trunc8() @ v4.14: r < 10^8 in decimal, without
 * leading zeroes.  The put_dec*() family writes right to left, ending
 * just before @p, and returns where the digits start (Linux writes them
 * reversed and number() turns them round).
 */
static char *put_dec_trunc8(char *p, u32 r)
{
	while (r >= 100) {
		u32 q = div100(r);

		p = put_pair(p, r - 100 * q);
		r = q;
	}
	if (r >= 10)
		return put_pair(p, r);
	*--p = (char)('0' + r);
	return p;
}

/*
 * lib/vsprintf.c: put_dec_full4() @ v4.14: r < 10^4 as exactly four
 * digits; the hundreds by the reciprocal x * 5243 >> 19, exact below 43699.
 */
static char *put_dec_full4(char *p, u32 r)
{
	u32 q = (r * 0x147b) >> 19;

	p = put_pair(p, r - 100 * q);
	return put_pair(p, q);
}

/* lib/vsprintf.c: put_dec_full8() @ v4.14: r < 10^8 as exactly eight digits */
static char *put_dec_full8(char *p, u32 r)
{
	u32 q = div10000(r);

	p = put_dec_full4(p, r - 10000 * q);
	return put_dec_full4(p, q);
}

/*
 * lib/vsprintf.c: put_dec() @ v4.14 (its 32-bit version): any 64-bit n in
 * decimal, without dividing it.  Below 2^32 a u32 splits at 10^8.  Above,
 * n is q3 q2 q1 q0 in 16-bit pieces, each power 2^16k is written in base
 * 10^4 --
 *
 *   2^16 =                 6  5536
 *   2^32 =           42 9496  7296
 *   2^48 =  281 4749 7671  0656
 *
 * -- and each base-10^4 digit of n is the sum of its column (below
 * 1.13 * 10^9, a u32), plus the carry from the column to its right.
 */
static char *put_dec(char *p, unsigned long long n)
{
	u32 q0, q1, q2, q3, d, c;

	if (n < 100000000)
		return put_dec_trunc8(p, (u32)n);
	if (!(n >> 32)) {
		u32 hi = div1e8((u32)n);

		p = put_dec_full8(p, (u32)n - hi * 100000000);
		return put_dec_trunc8(p, hi);
	}
	q0 = (u32)n & 0xffff;
	q1 = (u32)n >> 16;
	q2 = (u32)(n >> 32) & 0xffff;
	q3 = (u32)(n >> 48);

	d = q0 + 5536 * q1 + 7296 * q2 + 656 * q3;
	c = div10000(d);
	p = put_dec_full4(p, d - 10000 * c);
	d = c + 6 * q1 + 9496 * q2 + 7671 * q3;
	c = div10000(d);
	p = put_dec_full4(p, d - 10000 * c);
	d = c + 42 * q2 + 4749 * q3;
	c = div10000(d);
	p = put_dec_full4(p, d - 10000 * c);
	d = c + 281 * q3;
	c = div10000(d);
	p = put_dec_full4(p, d - 10000 * c);
	if (c) /* n >= 10^16: at most 1844 */
		return put_dec_trunc8(p, c);
	while (*p == '0') /* n >= 2^32: a digit other than 0 comes first */
		p++;
	return p;
}

static const char hex_asc_upper[] = "0123456789ABCDEF";

/*
 * lib/vsprintf.c: number() @ v4.14: an integer with its sign, "0x" or
 * leading zeroes, and padding.  C99's rules, which picolibc follows and
 * Linux's does not quite (see the top of the file): the precision is a
 * minimum of digits, so "%.0d" of 0 has none; '0' pads only when there is
 * no precision; '#' gives "0x" to a value that is not 0 and an octal
 * number a first digit 0.
 */
static void number(struct printf_out *out, unsigned long long num, struct printf_spec spec)
{
	char tmp[24]; /* 2^64 - 1 in octal: 22 digits */
	char *end = tmp + sizeof(tmp), *digits = end;
	char locase = (char)(spec.flags & SMALL), sign = 0;
	bool zeropad = (spec.flags & (ZEROPAD | LEFT)) == ZEROPAD && spec.precision < 0;
	bool prefix = false, nonzero = num != 0;
	int ndigits, zeros, len;

	if (spec.flags & SIGN) {
		if ((long long)num < 0) {
			sign = '-';
			num = -num;
		} else if (spec.flags & PLUS) {
			sign = '+';
		} else if (spec.flags & SPACE) {
			sign = ' ';
		}
	}

	if (nonzero || spec.precision) {
		if (spec.base == 10) {
			digits = put_dec(end, num);
		} else {
			unsigned int shift = spec.base == 16 ? 4 : 3, mask = spec.base - 1;

			do {
				*--digits = hex_asc_upper[num & mask] | locase;
				num >>= shift;
			} while (num);
		}
	}
	ndigits = (int)(end - digits);

	if (spec.flags & SPECIAL) {
		if (spec.base == 16)
			prefix = nonzero;
		else if (spec.base == 8 && (nonzero || !ndigits) && spec.precision <= ndigits)
			spec.precision = ndigits + 1;
	}
	zeros = spec.precision > ndigits ? spec.precision - ndigits : 0;
	len = !!sign + 2 * prefix + zeros + ndigits;
	if (zeropad && spec.field_width > len) {
		zeros += spec.field_width - len;
		len = spec.field_width;
	}

	if (!(spec.flags & LEFT))
		out_fill(out, ' ', spec.field_width - len);
	if (sign)
		out_char(out, sign);
	if (prefix) {
		out_char(out, '0');
		out_char(out, 'X' | locase);
	}
	out_fill(out, '0', zeros);
	out_mem(out, digits, (size_t)ndigits);
	if (spec.flags & LEFT)
		out_fill(out, ' ', spec.field_width - len);
}

/*
 * lib/vsprintf.c: string() + widen_string() @ v4.14: at most precision
 * characters of @s, padded with spaces ('0' or not) to the width.  NULL
 * prints "(null)" -- cut by the precision like any text, as picolibc and
 * Linux do (glibc prints nothing when "(null)" does not fit).
 */
static void string(struct printf_out *out, const char *s, struct printf_spec spec)
{
	size_t len, pad = 0;

	if (!s)
		s = "(null)";
	len = strnlen(s, spec.precision < 0 ? (size_t)-1 : (size_t)spec.precision);
	if (spec.field_width > 0 && (size_t)spec.field_width > len)
		pad = (size_t)spec.field_width - len;
	if (!(spec.flags & LEFT))
		out_fill(out, ' ', (long)pad);
	out_mem(out, s, len);
	if (spec.flags & LEFT)
		out_fill(out, ' ', (long)pad);
}

/*
 * lib/vsprintf.c: pointer() @ v4.14, plain %p only, as picolibc prints it:
 * "%#lx", so "0x" and the hex digits, and "0" for NULL; widths, '-', '0'
 * and a precision apply as to %#lx.  Linux's extensions (%pS, %pa, %pK...)
 * are not here -- nothing in a9mm passes them, and a letter after %p
 * stays text, as with picolibc.
 */
static void pointer(struct printf_out *out, const void *ptr, struct printf_spec spec)
{
	spec.flags = (u8)((spec.flags & ~(SIGN | PLUS | SPACE)) | SPECIAL | SMALL);
	spec.base = 16;
	number(out, (unsigned long)ptr, spec);
}

/*
 * lib/vsprintf.c: set_field_width() and set_precision() @ v4.14: a '*'
 * argument.  A negative width is '-' and its magnitude; a negative
 * precision is none, as in C99 (Linux makes it 0).
 */
static void set_field_width(struct printf_spec *spec, int width)
{
	if (width < 0) {
		spec->flags |= LEFT;
		width = width < -FIELD_WIDTH_MAX ? FIELD_WIDTH_MAX : -width;
	}
	spec->field_width = min(width, FIELD_WIDTH_MAX);
}

static void set_precision(struct printf_spec *spec, int precision)
{
	spec->precision = precision < 0 ? -1 : min(precision, FIELD_WIDTH_MAX);
}

/*
 * lib/vsprintf.c: format_decode() @ v4.14: the next piece of @fmt into
 * @spec -- text up to a '%', or one conversion -- and how many characters
 * it took.  A '*' returns at once (FORMAT_TYPE_WIDTH or _PRECISION) for
 * vsnprintf() to fetch the argument; the next call goes on from there.
 */
static int format_decode(const char *fmt, struct printf_spec *spec)
{
	const char *start = fmt;
	char qualifier = 0;

	if (spec->type == FORMAT_TYPE_WIDTH) {
		spec->type = FORMAT_TYPE_NONE;
		goto precision;
	}
	if (spec->type == FORMAT_TYPE_PRECISION) {
		spec->type = FORMAT_TYPE_NONE;
		goto qualifier;
	}

	spec->type = FORMAT_TYPE_NONE;
	for (char c = *fmt; c != '%' && c; c = *++fmt)
		;
	if (fmt != start)
		return (int)(fmt - start);

	/* a '%': flags, width, precision, length, conversion */
	spec->flags = 0;
	for (;;) {
		switch (*++fmt) {
		case '-':
			spec->flags |= LEFT;
			continue;
		case '+':
			spec->flags |= PLUS;
			continue;
		case ' ':
			spec->flags |= SPACE;
			continue;
		case '#':
			spec->flags |= SPECIAL;
			continue;
		case '0':
			spec->flags |= ZEROPAD;
			continue;
		}
		break;
	}

	spec->field_width = -1;
	if (is_digit(*fmt)) {
		spec->field_width = skip_atoi(&fmt);
	} else if (*fmt == '*') {
		spec->type = FORMAT_TYPE_WIDTH;
		return (int)(++fmt - start);
	}

precision:
	spec->precision = -1;
	if (*fmt == '.') {
		if (is_digit(*++fmt)) {
			spec->precision = skip_atoi(&fmt);
		} else if (*fmt == '*') {
			spec->type = FORMAT_TYPE_PRECISION;
			return (int)(++fmt - start);
		} else {
			spec->precision = 0; /* "%.d": a precision of 0 */
		}
	}

qualifier:
	if (*fmt == 'h' || *fmt == 'l' || *fmt == 'L' || *fmt == 'z' || *fmt == 't') {
		qualifier = *fmt++;
		if (qualifier == *fmt && (qualifier == 'h' || qualifier == 'l')) {
			qualifier = qualifier == 'h' ? 'H' : 'L';
			fmt++;
		}
	}

	spec->base = 10;
	switch (*fmt) {
	case 'c':
		spec->type = FORMAT_TYPE_CHAR;
		return (int)(++fmt - start);
	case 's':
		spec->type = FORMAT_TYPE_STR;
		return (int)(++fmt - start);
	case 'p':
		spec->type = FORMAT_TYPE_PTR;
		return (int)(++fmt - start);
	case '%':
		spec->type = FORMAT_TYPE_PERCENT_CHAR;
		return (int)(++fmt - start);
	case 'o':
		spec->base = 8;
		break;
	case 'x':
		spec->flags |= SMALL;
		/* fall through */
	case 'X':
		spec->base = 16;
		break;
	case 'd':
	case 'i':
		spec->flags |= SIGN;
		break;
	case 'u':
		break;
	default: /* %n, floating point, unknown, or the format's end */
		spec->type = FORMAT_TYPE_INVALID;
		return (int)(fmt - start);
	}

	switch (qualifier) {
	case 'L':
		spec->type = FORMAT_TYPE_LONG_LONG;
		break;
	case 'l':
		spec->type = spec->flags & SIGN ? FORMAT_TYPE_LONG : FORMAT_TYPE_ULONG;
		break;
	case 'z':
		spec->type = FORMAT_TYPE_SIZE_T;
		break;
	case 't':
		spec->type = FORMAT_TYPE_PTRDIFF;
		break;
	case 'H':
		spec->type = spec->flags & SIGN ? FORMAT_TYPE_BYTE : FORMAT_TYPE_UBYTE;
		break;
	case 'h':
		spec->type = spec->flags & SIGN ? FORMAT_TYPE_SHORT : FORMAT_TYPE_USHORT;
		break;
	default:
		spec->type = spec->flags & SIGN ? FORMAT_TYPE_INT : FORMAT_TYPE_UINT;
		break;
	}
	return (int)(++fmt - start);
}

/**
 * vsnprintf() - format a string into a buffer
 * @buf: where the text goes (may be NULL when @size is 0)
 * @size: the buffer's size, its terminating NUL included
 * @fmt: the format (see the top of lib/vsprintf.c for what it takes)
 * @args: its arguments
 *
 * lib/vsprintf.c: vsnprintf() @ v4.14: the pieces format_decode() cuts,
 * each printed as it comes.  At most @size - 1 characters are stored, and
 * a NUL after them whenever @size is not 0.
 *
 * Return: the length the whole text has -- more than @size - 1 when it
 * was cut (C99's snprintf(), not Linux's scnprintf()); -1 past INT_MAX.
 */
int vsnprintf(char *buf, size_t size, const char *fmt, va_list args)
{
	struct printf_out out = { .buf = buf, .room = size ? size - 1 : 0, .len = 0 };
	struct printf_spec spec = { 0 };
	const char *conv = fmt; /* where the current conversion's '%' is */
	unsigned long long num;

	while (*fmt) {
		const char *old_fmt = fmt;
		int read;

		if (spec.type != FORMAT_TYPE_WIDTH && spec.type != FORMAT_TYPE_PRECISION)
			conv = fmt;
		read = format_decode(fmt, &spec);
		fmt += read;

		switch (spec.type) {
		case FORMAT_TYPE_NONE:
			out_mem(&out, old_fmt, (size_t)read);
			continue;
		case FORMAT_TYPE_WIDTH:
			set_field_width(&spec, va_arg(args, int));
			continue;
		case FORMAT_TYPE_PRECISION:
			set_precision(&spec, va_arg(args, int));
			continue;
		case FORMAT_TYPE_CHAR:
			if (!(spec.flags & LEFT))
				out_fill(&out, ' ', spec.field_width - 1);
			out_char(&out, (char)(unsigned char)va_arg(args, int));
			if (spec.flags & LEFT)
				out_fill(&out, ' ', spec.field_width - 1);
			continue;
		case FORMAT_TYPE_STR:
			string(&out, va_arg(args, const char *), spec);
			continue;
		case FORMAT_TYPE_PTR:
			pointer(&out, va_arg(args, const void *), spec);
			continue;
		case FORMAT_TYPE_PERCENT_CHAR:
			out_char(&out, '%');
			continue;
		case FORMAT_TYPE_INVALID:
			/* the rest as it is: its arguments cannot be told */
			out_mem(&out, conv, strlen(conv));
			goto done;
		case FORMAT_TYPE_LONG_LONG:
			num = va_arg(args, unsigned long long);
			break;
		case FORMAT_TYPE_ULONG:
			num = va_arg(args, unsigned long);
			break;
		case FORMAT_TYPE_LONG:
			num = (unsigned long long)va_arg(args, long);
			break;
		case FORMAT_TYPE_SIZE_T:
			if (spec.flags & SIGN)
				num = (unsigned long long)va_arg(args, ptrdiff_t);
			else
				num = va_arg(args, size_t);
			break;
		case FORMAT_TYPE_PTRDIFF:
			if (spec.flags & SIGN)
				num = (unsigned long long)va_arg(args, ptrdiff_t);
			else
				num = (size_t)va_arg(args, ptrdiff_t);
			break;
		case FORMAT_TYPE_UBYTE:
			num = (unsigned char)va_arg(args, int);
			break;
		case FORMAT_TYPE_BYTE:
			num = (unsigned long long)(signed char)va_arg(args, int);
			break;
		case FORMAT_TYPE_USHORT:
			num = (unsigned short)va_arg(args, int);
			break;
		case FORMAT_TYPE_SHORT:
			num = (unsigned long long)(short)va_arg(args, int);
			break;
		case FORMAT_TYPE_INT:
			num = (unsigned long long)va_arg(args, int);
			break;
		default:
			num = va_arg(args, unsigned int);
			break;
		}
		number(&out, num, spec);
	}
done:
	if (size)
		buf[min(out.len, out.room)] = '\0';
	return out.len > INT_MAX ? -1 : (int)out.len;
}

/**
 * snprintf() - format a string into a buffer
 * @buf: where the text goes (may be NULL when @size is 0)
 * @size: the buffer's size, its terminating NUL included
 * @fmt: the format
 * @...: its arguments
 *
 * lib/vsprintf.c: snprintf() @ v4.14, vsnprintf() with the arguments
 * given here.
 *
 * Return: as vsnprintf(): the length of the whole text, cut or not.
 */
int snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list args;
	int n;

	va_start(args, fmt);
	n = vsnprintf(buf, size, fmt, args);
	va_end(args);
	return n;
}
