// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer target: lib/vsprintf.c against the C library's vsnprintf().
 *
 * The input is read as a program that writes a format: plain text, then
 * conversions from the set the kernel's vsnprintf() takes -- %d %i %u %o
 * %x %X %c %s %p %%, the flags "-+ #0", widths and precisions as digits
 * or '*', the lengths hh h l ll z -- with the arguments to go with them,
 * and the size of the buffer.  Both print into buffers filled alike;
 * the return values and every byte of the buffers must match.
 *
 * An argument list cannot be built at run time, so each call passes one
 * of a few fixed lists of 12 arguments (int, long, long long, size_t,
 * char *, void * in some order), and the format is written to fit the
 * list it chose: an int slot may also be a '*' width or precision.
 * Left out, where C99 leaves them undefined or the two differ on
 * purpose: '#' on d i u c s p, '+' ' ' '0' on c s p (but '0' on p),
 * %p of NULL ("0" here, "(nil)" in glibc) and "(null)" cut by a
 * precision below 6 (glibc prints nothing then).
 */
#include <stdio.h>
#include <string.h>

#include <linux/kernel.h>

#include "fuzz_common.h"
#include "host_shim.h"

#define SLOTS	 12
#define FMT_MAX	 1024
#define OUT_MAX	 4096
#define SENTINEL 0x5a

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

enum slot { I, L, Q, Z, S, P };

static const enum slot signatures[][SLOTS] = {
	{ I, I, I, I, L, L, Q, S, P, I, Z, Q },
	{ Q, I, S, I, P, I, L, I, I, Z, S, I },
	{ I, S, I, I, I, Q, I, I, P, L, I, Z },
};

struct input {
	const uint8_t *p, *end;
};

static unsigned int byte(struct input *in)
{
	return in->p < in->end ? *in->p++ : 0;
}

static unsigned long long bytes(struct input *in, unsigned int n)
{
	unsigned long long v = 0;

	for (unsigned int i = 0; i < n; i++)
		v = v << 8 | byte(in);
	return v;
}

/* The arguments, one of each type per slot */
static int ints[SLOTS];
static long longs[SLOTS];
static long long llongs[SLOTS];
static size_t sizes[SLOTS];
static const char *strs[SLOTS];
static const void *ptrs[SLOTS];
static char str_bufs[SLOTS][24];

static char fmt[FMT_MAX];
static size_t fmt_len;

static void emit(const char *s)
{
	size_t n = strlen(s);

	if (fmt_len + n < FMT_MAX) {
		memcpy(fmt + fmt_len, s, n);
		fmt_len += n;
		fmt[fmt_len] = '\0';
	}
}

static void emit_char(char c)
{
	char s[2] = { c, '\0' };

	emit(s);
}

/* Some plain text: printable characters, '%' only as "%%" */
static void emit_text(struct input *in)
{
	unsigned int n = byte(in) % 6;

	for (unsigned int i = 0; i < n; i++) {
		char c = (char)(' ' + byte(in) % 95);

		emit(c == '%' ? "%%" : (char[2]){ c, '\0' });
	}
}

/* A value with a random number of significant bits, sign-extended or not */
static unsigned long long value(struct input *in)
{
	unsigned long long v = bytes(in, 8);
	unsigned int shift = byte(in) % 64;

	return byte(in) & 1 ? (unsigned long long)((long long)v >> shift) : v >> shift;
}

/* A '*' argument: small, a third of them negative */
static int star(struct input *in)
{
	return (int)(byte(in) % 97) - 32;
}

/* Every slot's arguments, of every type, whatever the slot */
static void fill_slots(struct input *in)
{
	for (unsigned int k = 0; k < SLOTS; k++) {
		unsigned int n = byte(in) % sizeof(str_bufs[k]);

		ints[k] = (int)value(in);
		longs[k] = (long)value(in);
		llongs[k] = (long long)value(in);
		sizes[k] = (size_t)value(in);
		ptrs[k] = (const void *)(uintptr_t)(value(in) | 1); /* not NULL */
		for (unsigned int i = 0; i < n; i++)
			str_bufs[k][i] = (char)(1 + byte(in) % 255);
		str_bufs[k][n] = '\0';
		strs[k] = byte(in) % 8 ? str_bufs[k] : NULL;
	}
}

/*
 * One conversion whose value is in slot v of type t, after stars in the
 * slots before it; what flags it may take (bits of "-+ 0#").
 */
static const char *conversion(struct input *in, enum slot t, unsigned int *flag_mask)
{
	static const char *const int_conv[] = { "d",  "i",  "u",   "o",	  "x",	 "X",  "c",  "hd",
						"hu", "hx", "hhd", "hhu", "hhx", "ho", "hi", "hX" };
	static const char *const long_conv[][6] = {
		{ "ld", "li", "lu", "lo", "lx", "lX" },
		{ "lld", "lli", "llu", "llo", "llx", "llX" },
		{ "zd", "zi", "zu", "zo", "zx", "zX" },
	};
	const char *conv;

	switch (t) {
	case I:
		conv = int_conv[byte(in) % ARRAY_SIZE(int_conv)];
		break;
	case L:
	case Q:
	case Z:
		conv = long_conv[t - L][byte(in) % 6];
		break;
	case S:
		*flag_mask = 1; /* '-' */
		return "s";
	default:
		*flag_mask = 1 | 8; /* '-' '0' */
		return "p";
	}
	if (conv[strlen(conv) - 1] == 'c')
		*flag_mask = 1;
	else if (strchr("oxX", conv[strlen(conv) - 1]))
		*flag_mask = 31;
	else
		*flag_mask = 15; /* no '#' */
	return conv;
}

/* The format for a signature, its arguments set to fit */
static void build(struct input *in, const enum slot *sig)
{
	static const char flag_chars[] = "-+ 0#";
	unsigned int k = 0;

	fmt_len = 0;
	fmt[0] = '\0';
	while (k < SLOTS) {
		unsigned int choice = byte(in), mask, flags;
		bool star_width = false, star_prec = false;
		int precision = -1;
		const char *conv;
		char part[16];

		emit_text(in);
		if (choice % 16 == 0)
			emit("%%");
		/* stars take int slots, the value the slot after them */
		if (sig[k] == I && k + 1 < SLOTS && choice % 5 == 1) {
			star_width = true;
			ints[k++] = star(in);
		}
		if (sig[k] == I && k + 1 < SLOTS && choice % 3 == 1) {
			star_prec = true;
			ints[k] = star(in);
			precision = ints[k] < 0 ? -1 : ints[k];
			k++;
		}
		conv = conversion(in, sig[k], &mask);
		flags = byte(in) & mask;

		emit_char('%');
		for (unsigned int f = 0; f < 5; f++)
			if (flags & (1u << f))
				emit_char(flag_chars[f]);
		if (star_width) {
			emit_char('*');
		} else if (choice % 7 < 4) {
			snprintf(part, sizeof(part), "%u", 1 + byte(in) % 40);
			emit(part);
		}
		if (star_prec) {
			emit(".*");
		} else if (choice % 4 == 3) {
			precision = (int)(byte(in) % 31);
			if (precision == 30) /* "%.d": a precision of 0 */
				precision = 0;
			snprintf(part, sizeof(part), precision ? ".%d" : ".", precision);
			emit(part);
		}
		emit(conv);
		/* glibc prints no "(null)" that a precision would cut */
		if (sig[k] == S && !strs[k] && precision >= 0 && precision < 6)
			strs[k] = str_bufs[k];
		k++;
	}
}

/* The call, for each signature: its slots in order */
#define ARGS_0                                                                               \
	ints[0], ints[1], ints[2], ints[3], longs[4], longs[5], llongs[6], strs[7], ptrs[8], \
		ints[9], sizes[10], llongs[11]
#define ARGS_1                                                                              \
	llongs[0], ints[1], strs[2], ints[3], ptrs[4], ints[5], longs[6], ints[7], ints[8], \
		sizes[9], strs[10], ints[11]
#define ARGS_2                                                                             \
	ints[0], strs[1], ints[2], ints[3], ints[4], llongs[5], ints[6], ints[7], ptrs[8], \
		longs[9], ints[10], sizes[11]

static int call(int (*f)(char *, size_t, const char *, ...), unsigned int sig, char *buf,
		size_t size)
{
	switch (sig) {
	case 0:
		return f(buf, size, fmt, ARGS_0);
	case 1:
		return f(buf, size, fmt, ARGS_1);
	default:
		return f(buf, size, fmt, ARGS_2);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char ours[OUT_MAX], libc[OUT_MAX];
	struct input in = { data, data + size };
	unsigned int sig = byte(&in) % ARRAY_SIZE(signatures);
	size_t buf_size = bytes(&in, 2) % OUT_MAX;
	int n_ours, n_libc;

	fill_slots(&in);
	build(&in, signatures[sig]);
	memset(ours, SENTINEL, sizeof(ours));
	memset(libc, SENTINEL, sizeof(libc));
	n_ours = call(a9mm_snprintf, sig, buf_size ? ours : NULL, buf_size);
	n_libc = call(snprintf, sig, buf_size ? libc : NULL, buf_size);
	if (n_ours != n_libc || memcmp(ours, libc, sizeof(ours)))
		fuzz_fail("\"%s\" into %zu: ours %d \"%.*s\", the C library's %d \"%.*s\"", fmt,
			  buf_size, n_ours, (int)min(buf_size, (size_t)n_ours), ours, n_libc,
			  (int)min(buf_size, (size_t)n_libc), libc);
	return 0;
}
