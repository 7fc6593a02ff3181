// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/printk.c: after Linux's kernel/printk/printk.c @ v4.14 (its record
 * log, with a continuation buffer), much reduced.
 *
 * Every message becomes a record in log_buf: its level, the time it was
 * made and its text.  Records reach the console only if their level is
 * below console_loglevel, as in Linux ("loglevel=8" shows KERN_DEBUG,
 * "ignore_loglevel" shows all); `dmesg` shows them all.  The time is taken
 * for every record, from the first one on (0.000000 until the global timer
 * runs), and "printk.time=1" decides only how records are printed -- so
 * the lines logged before the command line was parsed get their stamp too,
 * and so does every line of a record that spans several.
 *
 *   log_buf:  | hdr text | hdr text | ... | hdr text |  free  |
 *               ^log_first_idx (oldest)                ^log_next_idx
 *
 * A whole line is a record at once; a line printed in pieces (KERN_CONT)
 * collects in `cont` and becomes one record at its '\n'; the console shows
 * the pieces as they come.
 *
 * As in Linux, records made before the console is registered (that is,
 * before the command line's loglevel= is known) are replayed, filtered,
 * by register_console().  panic() registers it at once so that nothing is
 * ever lost silently.
 *
 * Every CPU prints: logbuf_lock (Linux's, a raw spinlock with interrupts
 * off) keeps one message -- its log record and its console bytes --
 * whole, and a line in pieces belongs to the CPU that opened it (Linux:
 * cont.owner, a task): a piece from another CPU closes it first.  A CPU that faults while holding
 * it (an oops inside printk) or a panic that finds it held for a second takes it anyway, as Linux's
 * zap_locks() does: the report matters more than the lock.
 */
#include <string.h>

#include <linux/cmdline.h>
#include <linux/compiler_attributes.h>
#include <linux/errno.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/console.h>
#include <linux/kmsg_dump.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <asm/spinlock.h>
#include <mach/vexpress.h>

int console_loglevel = CONSOLE_LOGLEVEL_DEFAULT;
static bool ignore_loglevel;
static bool printk_time;
static bool printk_clock_ready;

/* kernel/printk/printk.c: struct printk_log @ v4.14, one record's header */
struct printk_log {
	u64 ts_nsec;  /* when it was made */
	u16 len;      /* header + text + padding; 0: wrap to the start */
	u16 text_len; /* its text, '\n' included */
	u8 level;     /* KERN_* 0..7 */
	u8 pad[3];
};

#define LOG_ALIGN    __alignof__(struct printk_log)
#define LOG_BUF_LEN  (1 << 16)
#define LOG_LINE_MAX 1024 /* the longest record */
static char log_buf[LOG_BUF_LEN] __aligned(LOG_ALIGN);
static u32 log_first_idx, log_next_idx; /* oldest record, where the next goes */
static u64 log_first_seq, log_next_seq; /* their sequence numbers */

/* A line being printed in pieces: the record it will be. */
static struct cont {
	char buf[LOG_LINE_MAX];
	size_t len;
	int level;
	int cpu; /* who prints it (Linux: cont.owner, a task) */
	u64 ts_nsec;
} cont;

static bool console_registered;
static bool console_bol = true; /* the console's cursor is at a line start */

/* kernel/printk/printk.c: logbuf_lock @ v4.14, and which CPU holds it (logbuf_cpu) */
static arch_spinlock_t logbuf_lock = __ARCH_SPIN_LOCK_UNLOCKED;
static int logbuf_cpu = -1;
int oops_in_progress;

/*
 * Take logbuf_lock with interrupts off.  Re-entered on the CPU that holds
 * it, or held for a second while an oops or panic is being reported: zap
 * it (kernel/printk/printk.c: zap_locks() @ v4.14) rather than wait forever.
 */
static unsigned long logbuf_lock_irqsave(void)
{
	unsigned long flags = arch_local_irq_save();
	int cpu = (int)raw_smp_processor_id();

	if (READ_ONCE(logbuf_cpu) == cpu) {
		logbuf_lock = (arch_spinlock_t)__ARCH_SPIN_LOCK_UNLOCKED;
	} else if (READ_ONCE(oops_in_progress)) {
		u64 t0 = global_timer_ns();

		while (!arch_spin_trylock(&logbuf_lock))
			if (global_timer_ns() - t0 > 1000000000ULL) {
				logbuf_lock = (arch_spinlock_t)__ARCH_SPIN_LOCK_UNLOCKED;
				arch_spin_lock(&logbuf_lock);
				break;
			}
		WRITE_ONCE(logbuf_cpu, cpu);
		return flags;
	}
	arch_spin_lock(&logbuf_lock);
	WRITE_ONCE(logbuf_cpu, cpu);
	return flags;
}

static void logbuf_unlock_irqrestore(unsigned long flags)
{
	WRITE_ONCE(logbuf_cpu, -1);
	arch_spin_unlock(&logbuf_lock);
	arch_local_irq_restore(flags);
}

static struct printk_log *log_from_idx(u32 idx)
{
	struct printk_log *msg = (struct printk_log *)(log_buf + idx);

	/* a zero header at the end means: the record is at the start */
	return msg->len ? msg : (struct printk_log *)log_buf;
}

static u32 log_next(u32 idx)
{
	struct printk_log *msg = log_from_idx(idx);

	return (u32)((char *)msg - log_buf) + msg->len;
}

static char *log_text(struct printk_log *msg)
{
	return (char *)(msg + 1);
}

/* kernel/printk/printk.c: logbuf_has_space() @ v4.14 */
static bool logbuf_has_space(u32 size)
{
	/* a wrap needs room for a zero header at the end, so ask for one more */
	if (log_next_seq == log_first_seq || log_next_idx > log_first_idx)
		return max(LOG_BUF_LEN - log_next_idx, log_first_idx) >=
		       size + sizeof(struct printk_log);
	return log_first_idx - log_next_idx >= size + sizeof(struct printk_log);
}

/* kernel/printk/printk.c: log_store() @ v4.14: drop the oldest until it fits */
static void log_store(int level, u64 ts_nsec, const char *text, u16 text_len)
{
	u32 size = ALIGN(sizeof(struct printk_log) + text_len, LOG_ALIGN);
	struct printk_log *msg;

	while (log_first_seq < log_next_seq && !logbuf_has_space(size)) {
		log_first_idx = log_next(log_first_idx);
		log_first_seq++;
	}
	if (log_first_seq == log_next_seq)
		log_first_idx = log_next_idx = 0;
	if (log_next_idx + size + sizeof(struct printk_log) > LOG_BUF_LEN) {
		memset(log_buf + log_next_idx, 0, sizeof(struct printk_log));
		log_next_idx = 0;
	}
	msg = (struct printk_log *)(log_buf + log_next_idx);
	memcpy(log_text(msg), text, text_len);
	msg->ts_nsec = ts_nsec;
	msg->len = (u16)size;
	msg->text_len = text_len;
	msg->level = (u8)level;
	log_next_idx += size;
	log_next_seq++;
}

/* kernel/printk/printk.c: print_time() @ v4.14: "[    5.123456] " */
static size_t print_time(u64 ts, char *buf, size_t size)
{
	unsigned long sec, usec;

	if (!printk_time) /* first: no 64-bit division for nothing */
		return 0;
	sec = (unsigned long)(ts / 1000000000U);
	usec = (unsigned long)(ts % 1000000000U) / 1000;
	return (size_t)snprintf(buf, size, "[%5lu.%06lu] ", sec, usec);
}

/*
 * kernel/printk/printk.c: msg_print_text() @ v4.14: a record's text with
 * the time in front of each of its lines, into @buf; returns the length
 * (cut at @size - 1, always NUL-terminated).
 */
static size_t msg_print_text(u64 ts, const char *text, size_t text_len, char *buf, size_t size)
{
	size_t len = 0;
	bool bol = true;

	for (size_t i = 0; i < text_len && len + 1 < size; i++) {
		if (bol)
			len += min(print_time(ts, buf + len, size - len), size - len - 1);
		if (len + 1 >= size)
			break;
		buf[len++] = text[i];
		bol = text[i] == '\n';
	}
	buf[len] = '\0';
	return len;
}

/* kernel/printk/printk.c: call_console_drivers() @ v4.14: the one console's write() */
static void console_write_raw(const char *s, size_t len)
{
	pl011_console_write(s, (unsigned int)len);
}

static bool console_wants(int level)
{
	return level < console_loglevel || ignore_loglevel;
}

/*
 * Text of a record made at @ts to the console, a time stamp at each line
 * start, a line at a time.  A record's pieces come one call at a time;
 * console_bol carries "a line has just ended" from one call to the next.
 */
static void console_text(u64 ts, const char *text, size_t len)
{
	char prefix[32];

	if (!printk_time) { /* no stamps: no need to find the lines */
		console_write_raw(text, len);
		if (len)
			console_bol = text[len - 1] == '\n';
		return;
	}
	while (len) {
		const char *nl = memchr(text, '\n', len);
		size_t n = nl ? (size_t)(nl - text) + 1 : len; /* up to a line's end */

		if (console_bol)
			console_write_raw(prefix, print_time(ts, prefix, sizeof(prefix)));
		console_write_raw(text, n);
		console_bol = text[n - 1] == '\n';
		text += n;
		len -= n;
	}
}

/**
 * console_write() - write to the console now, bypassing the log
 * @s: the text ('\n' becomes "\r\n")
 * @len: its length
 *
 * For the shell's own output, which is not a log message.
 */
void console_write(const char *s, size_t len)
{
	unsigned long flags = logbuf_lock_irqsave();

	console_write_raw(s, len);
	if (len)
		console_bol = s[len - 1] == '\n';
	logbuf_unlock_irqrestore(flags);
}

/* kernel/printk/printk.c: cont_flush() @ v4.14: the open line becomes a record */
static void cont_flush(void)
{
	if (!cont.len)
		return;
	if (cont.buf[cont.len - 1] != '\n') { /* cut short by another message */
		cont.buf[cont.len++] = '\n';
		if (console_registered && console_wants(cont.level))
			console_text(cont.ts_nsec, "\n", 1);
	}
	log_store(cont.level, cont.ts_nsec, cont.buf, (u16)cont.len);
	cont.len = 0;
}

/**
 * register_console() - start printing to the console; replay what waited
 *
 * kernel/printk/printk.c: register_console() @ v4.14 replays what was
 * logged so far through the loglevel filter, time stamps included, and
 * says how many records the buffer had already lost.  A second call does
 * nothing.
 */
void register_console(void)
{
	unsigned long flags = logbuf_lock_irqsave();
	u64 seq = log_first_seq, lost = log_first_seq;
	u32 idx = log_first_idx;

	if (console_registered) {
		logbuf_unlock_irqrestore(flags);
		return;
	}
	console_registered = true;
	for (; seq < log_next_seq; seq++, idx = log_next(idx)) {
		struct printk_log *msg = log_from_idx(idx);

		if (console_wants(msg->level))
			console_text(msg->ts_nsec, log_text(msg), msg->text_len);
	}
	if (cont.len && console_wants(cont.level))
		console_text(cont.ts_nsec, cont.buf, cont.len);
	logbuf_unlock_irqrestore(flags);
	if (lost)
		printk(KERN_WARNING "printk: %llu early messages were lost (log buffer full)\n",
		       lost);
}

/**
 * kmsg_dump_rewind() - point a dumper at the oldest record kept
 * @dumper: the cursor to reset
 *
 * kernel/printk/printk.c: kmsg_dump_rewind() @ v4.14.
 */
void kmsg_dump_rewind(struct kmsg_dumper *dumper)
{
	unsigned long flags = logbuf_lock_irqsave();

	dumper->cur_seq = log_first_seq;
	dumper->cur_idx = log_first_idx;
	dumper->cont_done = false;
	logbuf_unlock_irqrestore(flags);
}

/**
 * kmsg_dump_get_line() - the next record, as the console prints it
 * @dumper: the cursor, moved past the record
 * @line: where the text goes (time stamps included under printk.time=1)
 * @size: room in @line; a longer record is cut, always NUL-terminated
 * @len: the length written
 *
 * Every level is returned, whatever the console's loglevel hides; the
 * line still open (printed in pieces, no '\n' yet) comes last.
 *
 * kernel/printk/printk.c: kmsg_dump_get_line() @ v4.14.
 *
 * Return: true if a record was read, false once there are none left.
 */
bool kmsg_dump_get_line(struct kmsg_dumper *dumper, char *line, size_t size, size_t *len)
{
	unsigned long flags = logbuf_lock_irqsave();
	struct printk_log *msg;
	bool ret = true;

	if (dumper->cur_seq < log_first_seq) { /* overwritten meanwhile */
		dumper->cur_seq = log_first_seq;
		dumper->cur_idx = log_first_idx;
	}
	if (dumper->cur_seq == log_next_seq) {
		if (!cont.len || dumper->cont_done) {
			ret = false;
		} else {
			dumper->cont_done = true;
			*len = msg_print_text(cont.ts_nsec, cont.buf, cont.len, line, size);
		}
	} else {
		msg = log_from_idx(dumper->cur_idx);
		*len = msg_print_text(msg->ts_nsec, log_text(msg), msg->text_len, line, size);
		dumper->cur_idx = log_next(dumper->cur_idx);
		dumper->cur_seq++;
	}
	logbuf_unlock_irqrestore(flags);
	return ret;
}

/**
 * printk_clock_enable() - the global timer runs: records may read it
 *
 * Until then every record's time is 0.
 */
void printk_clock_enable(void)
{
	printk_clock_ready = true;
}

/* kernel/printk/printk.c: cont_add() @ v4.14: a piece of the open line */
static void cont_add(int level, u64 ts_nsec, const char *text, size_t len)
{
	if (cont.len + len > sizeof(cont.buf) - 1) /* no room: a record of its own */
		cont_flush();
	if (!cont.len) {
		cont.level = level;
		cont.cpu = (int)raw_smp_processor_id();
		cont.ts_nsec = ts_nsec;
		console_bol = true;
	}
	len = min(len, sizeof(cont.buf) - 1 - cont.len);
	memcpy(cont.buf + cont.len, text, len);
	cont.len += len;
	if (console_registered && console_wants(level))
		console_text(cont.ts_nsec, text, len);
	if (cont.buf[cont.len - 1] == '\n')
		cont_flush();
}

/*
 * kernel/printk/printk.c: log_output() @ v4.14: a whole line with no open
 * line before it is stored as a record at once -- one copy of its text
 * instead of two (into `cont`, then into log_buf) -- and anything else
 * goes through `cont`.  vprintk_emit() has already closed an open line
 * the text does not continue.
 */
static void log_output(int level, u64 ts_nsec, const char *text, size_t len)
{
	if (cont.len || text[len - 1] != '\n') {
		cont_add(level, ts_nsec, text, len);
		return;
	}
	console_bol = true;
	if (console_registered && console_wants(level))
		console_text(ts_nsec, text, len);
	log_store(level, ts_nsec, text, (u16)len);
}

/**
 * vprintk_emit() - log one message, or a piece of one, at a level
 * @level: a LOGLEVEL_* value, or LOGLEVEL_DEFAULT to take the level from
 *         the message's KERN_ prefix (MESSAGE_LOGLEVEL_DEFAULT without one)
 * @fmt: printf-like format
 * @args: its arguments
 *
 * kernel/printk/printk.c: vprintk_emit() @ v4.14, reduced.  The time is
 * taken now, whatever printk.time says.  A message may span several calls
 * until its '\n': a piece with KERN_CONT or without a level goes on the
 * open line, and so does one at the open line's own fixed level -- how
 * printk_alert() and the like print a line in pieces.  Pieces go through
 * `cont`, which makes a record at the '\n'; a whole line becomes a record
 * at once (log_output()).  Text past 1023 characters is cut and ends in
 * "...".
 *
 * Return: the length of the formatted text before any cut (vsnprintf's).
 */
int vprintk_emit(int level, const char *fmt, va_list args)
{
	char text[LOG_LINE_MAX];
	u64 ts_nsec = printk_clock_ready ? global_timer_ns() : 0;
	int msg_level = MESSAGE_LOGLEVEL_DEFAULT;
	bool is_cont = false;
	const char *p = text;
	unsigned long flags;
	size_t len;
	int n;

	n = vsnprintf(text, sizeof(text), fmt, args);
	len = min_t(size_t, (size_t)n, sizeof(text) - 1); /* vscnprintf()'s answer */
	if (n >= (int)sizeof(text))
		memcpy(text + sizeof(text) - 5, "...\n", 5);

	while (p[0] == KERN_SOH[0] && p[1]) {
		if (p[1] >= '0' && p[1] <= '7')
			msg_level = p[1] - '0';
		else if (p[1] == 'c')
			is_cont = true;
		p += 2;
	}
	flags = logbuf_lock_irqsave();
	if (cont.len && cont.cpu != (int)raw_smp_processor_id())
		cont_flush(); /* another CPU's line: it ends here */
	if (level != LOGLEVEL_DEFAULT) {
		is_cont |= cont.len && level == cont.level;
		msg_level = level;
	}
	if (cont.len && (is_cont || msg_level == MESSAGE_LOGLEVEL_DEFAULT))
		msg_level = cont.level;
	else
		cont_flush();
	if (p < text + len) /* the length is known: no strlen(), as in Linux */
		log_output(msg_level, ts_nsec, p, len - (size_t)(p - text));
	logbuf_unlock_irqrestore(flags);
	return n;
}

/**
 * vprintk() - printk() with a va_list
 * @fmt: printf-like format, which may start with a KERN_ level
 * @args: its arguments
 *
 * kernel/printk/printk.c: vprintk() @ v4.14.
 *
 * Return: as vprintk_emit().
 */
int vprintk(const char *fmt, va_list args)
{
	return vprintk_emit(LOGLEVEL_DEFAULT, fmt, args);
}

/**
 * printk() - log a message; the console shows it if its level passes
 * @fmt: printf-like format, which may start with a KERN_ level
 * @...: its arguments
 *
 * kernel/printk/printk.c: printk() @ v4.14.
 *
 * Return: as vprintk_emit().
 */
int printk(const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vprintk(fmt, ap);
	va_end(ap);
	return n;
}

/* init/main.c: loglevel() @ v4.14 */
static int __init loglevel(char *str)
{
	unsigned int v;
	int err = str ? kstrtouint(str, 10, &v) : -EINVAL;

	if (err || v > 15) {
		pr_warn("loglevel=%s: %s, keeping %d\n", str ? str : "",
			err == -EINVAL ? "expected a number 0..15" : "out of range 0..15 (ERANGE)",
			console_loglevel);
		return 0;
	}
	console_loglevel = (int)v;
	return 0;
}
early_param("loglevel", loglevel);

/* kernel/printk/printk.c: ignore_loglevel_setup() @ v4.14 */
static int __init ignore_loglevel_setup(char *str)
{
	ignore_loglevel = true;
	pr_info("debug: ignoring loglevel setting.\n");
	return 0;
}
early_param("ignore_loglevel", ignore_loglevel_setup);

/* init/main.c: debug_kernel() @ v4.14: console_loglevel = CONSOLE_LOGLEVEL_DEBUG */
static int __init debug_kernel(char *str)
{
	console_loglevel = 10;
	return 0;
}
early_param("debug", debug_kernel);

/* init/main.c: quiet_kernel() @ v4.14: console_loglevel = CONSOLE_LOGLEVEL_QUIET */
static int __init quiet_kernel(char *str)
{
	console_loglevel = 4;
	return 0;
}
early_param("quiet", quiet_kernel);

/* kernel/printk/printk.c @ v4.14: the printk.time module parameter */
static int __init printk_time_setup(char *str)
{
	if (!str || !strcmp(str, "1") || !strcmp(str, "y") || !strcmp(str, "Y")) {
		printk_time = true;
	} else if (!strcmp(str, "0") || !strcmp(str, "n") || !strcmp(str, "N")) {
		printk_time = false;
	} else {
		pr_warn("printk.time=%s: expected 0/1/y/n\n", str);
	}
	return 0;
}
early_param("printk.time", printk_time_setup);

/*
 * kernel/printk/printk.c: console_setup() @ v4.14.  a9mm has one console, the
 * PL011 uart0 as ttyAMA0 (options after a comma, like ",115200n8", are
 * accepted and unused: QEMU's UART needs no baud rate).  Linux enables no
 * console when console= names none it has, and boots in silence; a9mm
 * says so and keeps ttyAMA0, so the log is never lost.
 */
static int __init console_setup(char *str)
{
	static const char name[] = "ttyAMA0";
	size_t len = str ? strcspn(str, ",") : 0;

	if (len != sizeof(name) - 1 || strncmp(str, name, len))
		pr_warn("console=%s: the only console is %s (PL011 uart0), keeping it\n",
			str ? str : "", name);
	return 0;
}
early_param("console", console_setup);
