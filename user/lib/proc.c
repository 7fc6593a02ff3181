// SPDX-License-Identifier: GPL-2.0
/*
 * /proc from user space: open(), read(), parse -- the way ps and free do.
 *
 * The formats are Linux's (fs/proc/array.c, task_mmu.c, meminfo.c @ v4.14,
 * unchanged in what is read here):
 *
 *   /proc/self/status   "VmRSS:\t    1234 kB"        key, colon, blanks, kB
 *   /proc/meminfo       "MemFree:         812345 kB"
 *   /proc/self/maps     "00010000-00013000 r-xp 00000000 00:01 5    /bin/x"
 *                       start-end perms offset major:minor inode [path]
 *   /proc/self/smaps    each maps line, then "Rss:   16 kB" lines for that
 *                       VMA, up to the next maps line (VmFlags: ends it
 *                       in later kernels; it is just another key here)
 *
 * Parsing is by field, not by column, so any amount of padding, a missing
 * path, or an unknown key is fine.  A file is read in pieces through a
 * small buffer: smaps of a big process is longer than any buffer worth
 * having, and Linux's seq_file hands it out a page at a time anyway.
 */
#include <ctype.h>
#include "internal.h"

struct line_reader {
	int fd;
	char buf[512];
	size_t len, pos;
};

static int lr_open(struct line_reader *lr, const char *path)
{
	lr->fd = open(path, O_RDONLY);
	lr->len = lr->pos = 0;
	return lr->fd < 0 ? -errno : 0;
}

/* the next line, without its newline; a longer one is cut at @size - 1 */
static bool lr_next(struct line_reader *lr, char *line, size_t size)
{
	size_t n = 0;
	bool any = false;

	for (;;) {
		if (lr->pos == lr->len) {
			ssize_t r = read(lr->fd, lr->buf, sizeof(lr->buf));

			if (r <= 0)
				break;
			lr->len = (size_t)r;
			lr->pos = 0;
		}
		char c = lr->buf[lr->pos++];

		any = true;
		if (c == '\n')
			break;
		if (n + 1 < size)
			line[n++] = c;
	}
	line[n] = '\0';
	return any;
}

static void lr_close(struct line_reader *lr)
{
	close(lr->fd);
}

/* "Key:   123 kB" -> 123 when the line's key is @key; -1 otherwise */
static long key_kb(const char *line, const char *key)
{
	size_t k = strlen(key);
	char *end;
	long v;

	if (strncmp(line, key, k) || line[k] != ':')
		return -1;
	v = strtol(line + k + 1, &end, 10);
	if (end == line + k + 1)
		return -1;
	return v;
}

static long file_key_kb(const char *path, const char *key)
{
	struct line_reader lr;
	char line[160];
	long v = -1;

	if (lr_open(&lr, path))
		return -1;
	while (v < 0 && lr_next(&lr, line, sizeof(line)))
		v = key_kb(line, key);
	lr_close(&lr);
	return v;
}

/**
 * proc_status_kb() - a "kB" field of /proc/self/status
 * @key: "VmRSS", "RssAnon", "VmData"...
 *
 * Return: its value in kB, or -1 when the file or the key is missing.
 */
long proc_status_kb(const char *key)
{
	return file_key_kb("/proc/self/status", key);
}

/**
 * meminfo_kb() - a field of /proc/meminfo
 * @key: "MemFree", "MemTotal", "AnonPages"...
 *
 * Return: its value in kB, or -1 when the file or the key is missing.
 */
long meminfo_kb(const char *key)
{
	return file_key_kb("/proc/meminfo", key);
}

/* a maps line into @v; false when @line is not one (an smaps key line) */
static bool parse_maps_line(const char *line, struct vma *v)
{
	const char *s = line;
	char *end;
	size_t n;

	if (!isxdigit((unsigned char)*s))
		return false;
	v->start = strtoul(s, &end, 16);
	if (*end != '-')
		return false;
	v->end = strtoul(end + 1, &end, 16);
	s = end;
	while (*s == ' ')
		s++;
	for (n = 0; n < 4 && s[n] && s[n] != ' '; n++)
		v->perms[n] = s[n];
	v->perms[n] = '\0';
	if (n != 4)
		return false;
	v->pgoff = strtoul(s + 4, &end, 16); /* offset */
	strtoul(end, &end, 16);		     /* major */
	if (*end == ':')
		strtoul(end + 1, &end, 16); /* minor */
	v->inode = strtoul(end, &end, 10);
	s = end;
	while (*s == ' ' || *s == '\t')
		s++;
	snprintf(v->path, sizeof(v->path), "%s", s);
	return true;
}

static int maps_scan(bool (*match)(const struct vma *, const void *), const void *arg,
		     struct vma *out)
{
	struct line_reader lr;
	char line[256];
	int found = 0, r = lr_open(&lr, "/proc/self/maps");

	memset(out, 0, sizeof(*out));
	if (r) {
		/* what a check that prints the VMA will then say */
		snprintf(out->path, sizeof(out->path), "(/proc/self/maps: %s)", strerror(-r));
		return r;
	}
	while (!found && lr_next(&lr, line, sizeof(line)))
		if (parse_maps_line(line, out) && match(out, arg))
			found = 1;
	lr_close(&lr);
	return found;
}

static bool has_addr(const struct vma *v, const void *arg)
{
	unsigned long a = *(const unsigned long *)arg;

	return a >= v->start && a < v->end;
}

static bool has_path(const struct vma *v, const void *arg)
{
	return !strcmp(v->path, arg);
}

/**
 * maps_find() - the VMA of /proc/self/maps that holds an address
 * @addr: the address
 * @out: the VMA's line, parsed; zeroed when there is none, and when the
 *       file cannot be read its path says why
 *
 * Return: 1 found, 0 not mapped, -errno when /proc/self/maps cannot be read.
 */
int maps_find(unsigned long addr, struct vma *out)
{
	return maps_scan(has_addr, &addr, out);
}

/**
 * maps_find_path() - the first VMA of /proc/self/maps with a given path
 * @path: "[stack]", "[heap]", "/data/pages.bin"...
 * @out: the VMA's line, parsed
 *
 * Return: 1 found, 0 none, -errno when /proc/self/maps cannot be read.
 */
int maps_find_path(const char *path, struct vma *out)
{
	return maps_scan(has_path, path, out);
}

/**
 * smaps_find() - the /proc/self/smaps entry of the VMA holding an address
 * @addr: the address
 * @out: the VMA and its sizes in kB (fields the file lacks stay -1)
 *
 * Return: 1 found, 0 not mapped, -errno when /proc/self/smaps cannot be read.
 */
int smaps_find(unsigned long addr, struct smaps_vma *out)
{
	static const struct {
		const char *key;
		size_t off;
	} keys[] = {
		{ "Size", offsetof(struct smaps_vma, size) },
		{ "Rss", offsetof(struct smaps_vma, rss) },
		{ "Pss", offsetof(struct smaps_vma, pss) },
		{ "Shared_Clean", offsetof(struct smaps_vma, shared_clean) },
		{ "Shared_Dirty", offsetof(struct smaps_vma, shared_dirty) },
		{ "Private_Clean", offsetof(struct smaps_vma, private_clean) },
		{ "Private_Dirty", offsetof(struct smaps_vma, private_dirty) },
		{ "Referenced", offsetof(struct smaps_vma, referenced) },
		{ "Anonymous", offsetof(struct smaps_vma, anonymous) },
	};
	struct line_reader lr;
	char line[256];
	struct vma v;
	bool in = false;
	int found = 0, r = lr_open(&lr, "/proc/self/smaps");

	if (r)
		return r;
	while (lr_next(&lr, line, sizeof(line))) {
		if (parse_maps_line(line, &v)) {
			if (in)
				break; /* the next VMA: ours is complete */
			if (addr >= v.start && addr < v.end) {
				in = true;
				found = 1;
				out->vma = v;
				for (size_t i = 0; i < ARRAY_SIZE(keys); i++)
					*(long *)((char *)out + keys[i].off) = -1;
			}
			continue;
		}
		if (!in)
			continue;
		for (size_t i = 0; i < ARRAY_SIZE(keys); i++) {
			long kb = key_kb(line, keys[i].key);

			if (kb >= 0)
				*(long *)((char *)out + keys[i].off) = kb;
		}
	}
	lr_close(&lr);
	return found;
}

/**
 * smaps_find_file() - the smaps entry of the VMA at an address, if it maps a given file
 * @p: the address
 * @path: the file ("/dev/mmcblk0", "/data/pages.bin"): its last component
 *        must end the VMA's path
 * @out: the VMA and its sizes in kB
 *
 * Return: true when the VMA holding @p is found and maps that file.
 */
bool smaps_find_file(const void *p, const char *path, struct smaps_vma *out)
{
	const char *base = strrchr(path, '/');
	size_t n;

	base = base ? base + 1 : path;
	if (smaps_find((unsigned long)p, out) != 1)
		return false;
	n = strlen(out->vma.path);
	return n >= strlen(base) && !strcmp(out->vma.path + n - strlen(base), base);
}

/**
 * proc_print() - copy a /proc file to stdout, each line prefixed
 * @path: the file
 * @prefix: put before each line (indentation)
 *
 * Return: 0, or -errno when the file cannot be opened.
 */
int proc_print(const char *path, const char *prefix)
{
	struct line_reader lr;
	char line[256];
	int r = lr_open(&lr, path);

	if (r)
		return r;
	while (lr_next(&lr, line, sizeof(line)))
		printf("%s%s\n", prefix, line);
	lr_close(&lr);
	return 0;
}

/**
 * thp_always() - whether a fault here may map a 2 MiB huge page at once
 *
 * ARM32 Linux without LPAE, and a9mm, have no transparent huge pages: one
 * fault maps one 4 KiB page.  A 64-bit host running the program under
 * qemu-arm may have them, "always" on, and then one fault can fill 512
 * pages of the host memory behind the guest's.  Both must hold: the
 * system-wide setting says [always], and this process has not turned THP
 * off (prctl(PR_SET_THP_DISABLE), shown as "THP_enabled: 0" in
 * /proc/self/status, which make test's harness sets).
 *
 * Return: true when fault counts here may be per huge page.
 */
bool thp_always(void)
{
	struct line_reader lr;
	char line[160];
	bool always = false;
	long enabled = -1;

	if (lr_open(&lr, "/sys/kernel/mm/transparent_hugepage/enabled"))
		return false;
	if (lr_next(&lr, line, sizeof(line)))
		always = strstr(line, "[always]") != NULL;
	lr_close(&lr);
	if (!always)
		return false;
	enabled = proc_status_kb("THP_enabled"); /* a plain number, read the same way */
	return enabled != 0;
}

/**
 * under_qemu_user() - whether this program runs under qemu-arm
 *
 * QEMU's Linux user-mode emulation translates /proc/self/maps (and stat,
 * auxv, exe...) to the guest's view but passes /proc/self/status and smaps
 * through from its own host process, whose name is then qemu-arm's, and
 * its mprotect() and madvise() are not Linux's in every detail.  A demo
 * says SKIP, with the reason, for a check it cannot make there.
 *
 * Return: true when /proc/self/status names a qemu-* process.
 */
bool under_qemu_user(void)
{
	struct line_reader lr;
	char line[160];
	bool qemu = false;

	if (lr_open(&lr, "/proc/self/status"))
		return false;
	while (lr_next(&lr, line, sizeof(line))) {
		if (!strncmp(line, "Name:", 5)) {
			qemu = strstr(line, "qemu-") != NULL;
			break;
		}
	}
	lr_close(&lr);
	return qemu;
}
