// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/readline.c: the shell's line editor.  Bytes come one at a time
 * from console_getc(); keys (VT100/xterm escape sequences included) edit a
 * line at a cursor, and the terminal is kept in step with nothing but
 * printing and backspaces, so any terminal works:
 *
 *   Left/Right, Home/End     move the cursor      ESC[D ESC[C, ESC[H ESC[F,
 *   Delete, Backspace        delete at/before it  ESC[1~ ESC[4~, ESC[3~ ...
 *   Up/Down                  history              ESC[A ESC[B
 *   Tab                      complete the word before the cursor
 *   Ctrl-U, Ctrl-C           erase the line, drop it
 *
 * A line with other control bytes, non-ASCII bytes or an unfinished escape
 * sequence, or longer than the buffer, is refused when Enter ends it:
 * the reason is printed and the caller prompts again.
 */
#include <string.h>

#include <a9mm/shell.h>
#include <linux/console.h>
#include <linux/kernel.h>

#define LINE_MAX_LEN 256
#define HISTORY	     16

/* keys that are not single bytes: above any byte value */
enum {
	KEY_UP = 0x100,
	KEY_DOWN,
	KEY_RIGHT,
	KEY_LEFT,
	KEY_HOME,
	KEY_END,
	KEY_DELETE,
	KEY_IGNORED,	  /* a well-formed sequence for a key we do not use */
	KEY_BAD,	  /* not a sequence we can read */
	KEY_ENTER_IN_ESC, /* Enter inside a sequence: ends the line, refused */
};

struct line {
	char *buf;
	size_t size, len, pos; /* room, characters, the cursor */
	bool too_long, bad_byte;
	unsigned int hist_pos;	  /* == hist_count: the new line */
	char saved[LINE_MAX_LEN]; /* the new line, while browsing history */
};

static char history[HISTORY][LINE_MAX_LEN];
static unsigned int hist_count; /* lines ever stored */

static void puts_n(const char *s, size_t n)
{
	console_write(s, n);
}

static void backspaces(size_t n)
{
	while (n--)
		puts_n("\b", 1);
}

/* the final byte of ESC [ <params> <final>, or of ESC O <final> */
static int csi_key(int final, unsigned int param)
{
	switch (final) {
	case 'A':
		return KEY_UP;
	case 'B':
		return KEY_DOWN;
	case 'C':
		return KEY_RIGHT;
	case 'D':
		return KEY_LEFT;
	case 'H':
		return KEY_HOME;
	case 'F':
		return KEY_END;
	case '~': /* VT220 keys: ESC [ 1 ~ Home ... */
		if (param == 1 || param == 7)
			return KEY_HOME;
		if (param == 4 || param == 8)
			return KEY_END;
		return param == 3 ? KEY_DELETE : KEY_IGNORED;
	}
	return final >= 0x40 && final <= 0x7e ? KEY_IGNORED : KEY_BAD;
}

/* Enter and Ctrl-C end the line even inside an escape sequence */
static bool ends_line(int c)
{
	return c == '\r' || c == '\n' || c == 0x03;
}

/*
 * After ESC: "[" params final (CSI) or "O" final (SS3, what terminals in
 * application mode send for the same keys).  Enter still ends the line.
 */
static int read_escape(void)
{
	unsigned int param = 0;
	int c = console_getc();

	if (ends_line(c))
		return c == 0x03 ? c : KEY_ENTER_IN_ESC;
	if (c == 'O') {
		c = console_getc();
		return ends_line(c) ? (c == 0x03 ? c : KEY_ENTER_IN_ESC) : csi_key(c, 0);
	}
	if (c != '[')
		return KEY_BAD;
	for (;;) {
		c = console_getc();
		if (ends_line(c))
			return c == 0x03 ? c : KEY_ENTER_IN_ESC;
		if (c >= '0' && c <= '9')
			param = param * 10 + (unsigned int)(c - '0');
		else if (c < 0x20 || c >= 0x40) /* not a parameter byte: the final one */
			return csi_key(c, param);
	}
}

static int read_key(void)
{
	int c = console_getc();

	return c == 0x1b ? read_escape() : c;
}

/* --- editing: each keeps the terminal's cursor at l->pos --- */

/* redraw from the cursor to the end, @erase blanks past it, cursor back */
static void redraw_tail(struct line *l, size_t erase)
{
	puts_n(l->buf + l->pos, l->len - l->pos);
	for (size_t i = 0; i < erase; i++)
		puts_n(" ", 1);
	backspaces(l->len - l->pos + erase);
}

static void line_insert(struct line *l, char c)
{
	if (l->len + 1 >= l->size) {
		l->too_long = true;
		return;
	}
	memmove(l->buf + l->pos + 1, l->buf + l->pos, l->len - l->pos + 1);
	l->buf[l->pos] = c;
	l->len++;
	puts_n(&c, 1);
	l->pos++;
	redraw_tail(l, 0);
}

/* the character under the cursor */
static void line_delete(struct line *l)
{
	if (l->pos == l->len)
		return;
	memmove(l->buf + l->pos, l->buf + l->pos + 1, l->len - l->pos);
	l->len--;
	redraw_tail(l, 1);
}

static void line_backspace(struct line *l)
{
	if (!l->pos)
		return;
	l->pos--;
	backspaces(1);
	line_delete(l);
}

static void line_move(struct line *l, size_t to)
{
	if (to < l->pos)
		backspaces(l->pos - to);
	else
		puts_n(l->buf + l->pos, to - l->pos);
	l->pos = to;
}

/* replace the whole line by @text, cursor at its end */
static void line_replace(struct line *l, const char *text)
{
	size_t old = l->len;

	line_move(l, 0);
	l->len = l->pos = 0;
	l->buf[0] = '\0';
	while (*text && l->len + 1 < l->size) {
		l->buf[l->len++] = *text++;
		l->buf[l->len] = '\0';
	}
	puts_n(l->buf, l->len);
	l->pos = l->len;
	if (old > l->len) { /* blank what the longer old line left */
		for (size_t i = l->len; i < old; i++)
			puts_n(" ", 1);
		backspaces(old - l->len);
	}
}

/* --- history: the last HISTORY lines, oldest overwritten first --- */

static void history_add(const char *line)
{
	if (hist_count && !strcmp(history[(hist_count - 1) % HISTORY], line))
		return;
	strncpy(history[hist_count % HISTORY], line, LINE_MAX_LEN - 1);
	hist_count++;
}

static void history_move(struct line *l, int key)
{
	if (key == KEY_UP && l->hist_pos > 0 && l->hist_pos + HISTORY > hist_count) {
		if (l->hist_pos == hist_count)
			strncpy(l->saved, l->buf, sizeof(l->saved) - 1);
		l->hist_pos--;
		line_replace(l, history[l->hist_pos % HISTORY]);
	} else if (key == KEY_DOWN && l->hist_pos < hist_count) {
		l->hist_pos++;
		line_replace(l,
			     l->hist_pos == hist_count ? l->saved : history[l->hist_pos % HISTORY]);
	}
}

/* --- Tab: the word before the cursor, against shell_completion() --- */

/* the words before the cursor, the last one (maybe "") being completed */
static int split_before_cursor(struct line *l, char *copy, char **argv, int max)
{
	int argc = 0;
	char *p = copy;

	memcpy(copy, l->buf, l->pos);
	copy[l->pos] = '\0';
	for (;;) {
		while (*p == ' ')
			*p++ = '\0';
		if (argc == max)
			return -1;
		argv[argc++] = p;
		while (*p && *p != ' ')
			p++;
		if (!*p)
			return argc;
	}
}

/* show every candidate, then the prompt and the line again */
static void list_candidates(struct line *l, int argc, char **argv, size_t wlen)
{
	const char *w;

	shprintf("\n");
	for (unsigned int i = 0; (w = shell_completion(argc - 1, argv, i)); i++)
		if (!strncmp(w, argv[argc - 1], wlen))
			shprintf("%s  ", w);
	shprintf("\n%s", SHELL_PROMPT);
	puts_n(l->buf, l->len);
	backspaces(l->len - l->pos);
}

/*
 * One match: complete it and add a space.  Several: complete their common
 * prefix, or list them when there is nothing to add.
 */
static void line_complete(struct line *l)
{
	char copy[LINE_MAX_LEN], *argv[16];
	const char *w, *first = NULL;
	size_t wlen, common = 0;
	unsigned int matches = 0;
	int argc = split_before_cursor(l, copy, argv, ARRAY_SIZE(argv));

	if (argc < 1)
		return;
	wlen = strlen(argv[argc - 1]);
	for (unsigned int i = 0; (w = shell_completion(argc - 1, argv, i)); i++) {
		size_t k = wlen;

		if (strncmp(w, argv[argc - 1], wlen))
			continue;
		if (!matches++) {
			first = w;
			common = strlen(w);
			continue;
		}
		while (k < common && w[k] == first[k])
			k++;
		common = k;
	}
	if (!matches)
		return;
	if (common == wlen && matches > 1) {
		list_candidates(l, argc, argv, wlen);
		return;
	}
	for (size_t k = wlen; k < common; k++)
		line_insert(l, first[k]);
	if (matches == 1 && (l->pos == l->len || l->buf[l->pos] != ' '))
		line_insert(l, ' ');
}

/* --- the loop --- */

/* one key: false when it ended the line */
static bool line_key(struct line *l, int key)
{
	switch (key) {
	case '\r':
	case '\n':
		return false;
	case KEY_ENTER_IN_ESC:
		l->bad_byte = true; /* an unfinished escape sequence */
		return false;
	case KEY_UP:
	case KEY_DOWN:
		history_move(l, key);
		break;
	case KEY_LEFT:
		line_move(l, l->pos ? l->pos - 1 : 0);
		break;
	case KEY_RIGHT:
		line_move(l, l->pos < l->len ? l->pos + 1 : l->len);
		break;
	case KEY_HOME:
		line_move(l, 0);
		break;
	case KEY_END:
		line_move(l, l->len);
		break;
	case KEY_DELETE:
		line_delete(l);
		break;
	case 0x7f: /* Backspace (DEL), as most terminals send it */
	case 0x08: /* Ctrl-H */
		line_backspace(l);
		break;
	case 0x15: /* Ctrl-U */
		line_replace(l, "");
		break;
	case '\t':
		line_complete(l);
		break;
	case KEY_IGNORED:
		break;
	default:
		if (key < 0x20 || key > 0x7e)
			l->bad_byte = true;
		else
			line_insert(l, (char)key);
	}
	return true;
}

/**
 * shell_readline() - read and edit one line from the console
 * @buf: where the line goes, NUL-terminated
 * @size: room in @buf, at most LINE_MAX_LEN is used
 *
 * Return: the line's length, or -1 when it was dropped (Ctrl-C) or refused
 * (the reason is printed; the caller just prompts again).
 */
int shell_readline(char *buf, size_t size)
{
	struct line l = { .buf = buf, .size = min(size, (size_t)LINE_MAX_LEN) };
	int key;

	l.hist_pos = hist_count;
	buf[0] = '\0';
	while ((key = read_key()) != 0x03) /* Ctrl-C: drop the line */
		if (!line_key(&l, key))
			break;
	line_move(&l, l.len);
	if (key == 0x03) {
		puts_n("^C\n", 3);
		return -1;
	}
	puts_n("\n", 1);
	if (l.bad_byte) {
		shprintf("shell: line refused: it contained control or non-ASCII bytes\n");
		return -1;
	}
	if (l.too_long) {
		shprintf("shell: line refused: longer than %d characters\n", (int)l.size - 1);
		return -1;
	}
	if (l.len)
		history_add(buf);
	return (int)l.len;
}
