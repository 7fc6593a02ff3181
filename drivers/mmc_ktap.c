// SPDX-License-Identifier: GPL-2.0
/*
 * drivers/mmc_ktap.c: the SD card as swap will use it, as a KTAP suite
 * (`selftest mmc`): pages written near the end of the card and read back
 * into other pages -- lowmem and HighMem both ways --, the single-block
 * commands, refusals past the end with no I/O done, every CPU moving its
 * own pages at once through the one controller, and the counters of
 * /proc/diskstats.  What the suite overwrites it saves first and puts
 * back.  Without a card the suite is skipped.
 */
#include <a9mm/ktap.h>
#include <linux/blkdev.h>
#include <linux/completion.h>
#include <linux/cpumask.h>
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/gfp.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/mmc/core.h>
#include <linux/sched.h>
#include <string.h>

#define DISK	   "mmcblk0"
#define ROUNDS	   8 /* each CPU's page, written and read back this often */
#define TEST_PAGES (NR_CPUS + 2)

static const char *mmc_skip(void)
{
	struct block_device *bdev = blkdev_get_by_name(DISK);

	if (!bdev)
		return "no SD card (mmcblk0): QEMU -drive if=sd,...";
	/* its writes, and putting back what they overwrote, would race with swap's */
	if (bdev_is_swap(bdev))
		return "mmcblk0 is a swap area (swapon)";
	return NULL;
}

/* the sector of the i-th page from the end of the disk (i = 1: the last page) */
static sector_t page_from_end(struct block_device *bdev, unsigned int i)
{
	return bdev->nr_sects / PAGE_SECTORS * PAGE_SECTORS - (sector_t)i * PAGE_SECTORS;
}

/* every word of @page: @seed + its index, so a page shifted or swapped shows */
static void fill(struct page *page, u32 seed)
{
	u32 *w = kmap_atomic(page);

	for (unsigned int i = 0; i < PAGE_SIZE / 4; i++)
		w[i] = seed + i * 0x01010101U;
	kunmap_atomic(w);
}

/* the index of the first word of @page that is not @seed's pattern, or -1 */
static int mismatch(struct page *page, u32 seed)
{
	u32 *w = kmap_atomic(page);
	int bad = -1;

	for (unsigned int i = 0; i < PAGE_SIZE / 4 && bad < 0; i++)
		if (w[i] != seed + i * 0x01010101U)
			bad = (int)i;
	kunmap_atomic(w);
	return bad;
}

/* a HighMem page if there is any free (the test runs at every -m), else lowmem */
static struct page *high_page(void)
{
	return alloc_page(GFP_HIGHUSER);
}

static void free_pages_of(struct page **pages, unsigned int n)
{
	for (unsigned int i = 0; i < n; i++)
		if (pages[i])
			__free_page(pages[i]);
}

/*
 * The last TEST_PAGES pages of the card, saved into lowmem pages; put back
 * by restore().  Returns false (the case failed) if that cannot be done.
 */
struct saved {
	struct page *pages[TEST_PAGES];
};

static bool save(struct ktap_test *t, struct block_device *bdev, struct saved *s)
{
	memset(s, 0, sizeof(*s));
	for (unsigned int i = 0; i < TEST_PAGES; i++) {
		s->pages[i] = alloc_page(GFP_KERNEL);
		if (!s->pages[i] || bdev_read_page(bdev, page_from_end(bdev, i + 1), s->pages[i])) {
			ktap_fail(t, __FILE__, __LINE__, "cannot save page %u from the end", i + 1);
			return false;
		}
	}
	return true;
}

static void restore(struct ktap_test *t, struct block_device *bdev, struct saved *s, bool write)
{
	for (unsigned int i = 0; i < TEST_PAGES; i++) {
		if (!s->pages[i])
			continue;
		if (write && bdev_write_page(bdev, page_from_end(bdev, i + 1), s->pages[i]))
			ktap_fail(t, __FILE__, __LINE__, "could not restore page %u from the end",
				  i + 1);
		__free_page(s->pages[i]);
	}
}

/*
 * two patterns written from a lowmem and a HighMem page, read back each
 * into a page of the other kind; the counters count exactly those pages
 */
static void mmc_pages_round_trip(struct ktap_test *t)
{
	struct block_device *bdev = blkdev_get_by_name(DISK);
	struct page *low = alloc_page(GFP_KERNEL), *high = high_page();
	struct page *low2 = alloc_page(GFP_KERNEL), *high2 = high_page();
	sector_t a = page_from_end(bdev, 1), b = page_from_end(bdev, 2);
	struct disk_stats before, after;
	struct saved s;
	bool saved;

	if (!low || !high || !low2 || !high2) {
		ktap_fail(t, __FILE__, __LINE__, "no pages");
		goto out;
	}
	ktap_print("sectors %llu and %llu of %llu, from pfns 0x%05lx (%s) and 0x%05lx (%s)\n", a, b,
		   bdev->nr_sects, page_to_pfn(low), "lowmem", page_to_pfn(high),
		   PageHighMem(high) ? "HighMem" : "lowmem");
	saved = save(t, bdev, &s);
	if (saved) {
		bdev_get_stats(bdev, &before);
		fill(low, 0xa5000000);
		fill(high, 0x5a000001);
		fill(low2, 0);
		fill(high2, 0);
		KTAP_EXPECT_EQ(t, bdev_write_page(bdev, a, low), 0);
		KTAP_EXPECT_EQ(t, bdev_write_page(bdev, b, high), 0);
		KTAP_EXPECT_EQ(t, bdev_read_page(bdev, a, high2), 0);
		KTAP_EXPECT_EQ(t, bdev_read_page(bdev, b, low2), 0);
		KTAP_EXPECT_EQ(t, mismatch(high2, 0xa5000000), -1);
		KTAP_EXPECT_EQ(t, mismatch(low2, 0x5a000001), -1);
		/* the written pages are as they were */
		KTAP_EXPECT_EQ(t, mismatch(low, 0xa5000000), -1);
		KTAP_EXPECT_EQ(t, mismatch(high, 0x5a000001), -1);
		bdev_get_stats(bdev, &after);
		KTAP_EXPECT_EQ(t, after.ios[0] - before.ios[0], 2);
		KTAP_EXPECT_EQ(t, after.ios[1] - before.ios[1], 2);
		KTAP_EXPECT_EQ(t, after.sectors[0] - before.sectors[0], 2 * PAGE_SECTORS);
		KTAP_EXPECT_EQ(t, after.sectors[1] - before.sectors[1], 2 * PAGE_SECTORS);
		KTAP_EXPECT_EQ(t, after.errors[0] + after.errors[1],
			       before.errors[0] + before.errors[1]);
	}
	restore(t, bdev, &s, saved);
out:
	free_pages_of((struct page *[]){ low, high, low2, high2 }, 4);
}

/*
 * a sector written alone (CMD24) reads back in its page (CMD18), and one of
 * a page written whole (CMD25) reads back alone (CMD17)
 */
static void mmc_single_blocks(struct ktap_test *t)
{
	struct block_device *bdev = blkdev_get_by_name(DISK);
	struct page *page = alloc_page(GFP_KERNEL), *one = alloc_page(GFP_KERNEL);
	sector_t a = page_from_end(bdev, 3);
	struct saved s;
	bool saved;

	if (!page || !one) {
		ktap_fail(t, __FILE__, __LINE__, "no pages");
		goto out;
	}
	saved = save(t, bdev, &s);
	if (saved) {
		u32 *w = page_address(one);

		fill(page, 0x11110000);
		KTAP_EXPECT_EQ(t, bdev_write_page(bdev, a, page), 0);
		/* sector 3 of the page, alone: the pattern's words 384..511 */
		memset(w, 0, PAGE_SIZE);
		KTAP_EXPECT_EQ(t, mmc_blk_rw_sectors(bdev, a + 3, w, 1, false), 0);
		for (unsigned int i = 0; i < SECTOR_SIZE / 4; i++)
			if (w[i] != 0x11110000 + (3 * SECTOR_SIZE / 4 + i) * 0x01010101U) {
				ktap_fail(t, __FILE__, __LINE__, "CMD17: word %u is 0x%08lx", i,
					  w[i]);
				break;
			}
		KTAP_EXPECT_EQ(t, w[SECTOR_SIZE / 4], 0); /* one sector only */
		/* a sector of other words, alone, into the middle of the page */
		for (unsigned int i = 0; i < SECTOR_SIZE / 4; i++)
			w[i] = 0x11110000 + (5 * SECTOR_SIZE / 4 + i) * 0x01010101U + 7;
		KTAP_EXPECT_EQ(t, mmc_blk_rw_sectors(bdev, a + 5, w, 1, true), 0);
		KTAP_EXPECT_EQ(t, bdev_read_page(bdev, a, page), 0);
		KTAP_EXPECT_EQ(t, mismatch(page, 0x11110000), 5 * SECTOR_SIZE / 4);
		w = page_address(page);
		for (unsigned int i = 0; i < PAGE_SIZE / 4; i++) {
			u32 want =
				0x11110000 + i * 0x01010101U + (i / (SECTOR_SIZE / 4) == 5 ? 7 : 0);

			if (w[i] != want) {
				ktap_fail(t, __FILE__, __LINE__, "word %u is 0x%08lx, not 0x%08lx",
					  i, w[i], want);
				break;
			}
		}
		KTAP_EXPECT_EQ(t, mmc_blk_rw_sectors(bdev, bdev->nr_sects, w, 1, false), -EINVAL);
	}
	restore(t, bdev, &s, saved);
out:
	free_pages_of((struct page *[]){ page, one }, 2);
}

/* past the end: -EINVAL, the page untouched, nothing counted (no I/O) */
static void mmc_out_of_range_refused(struct ktap_test *t)
{
	struct block_device *bdev = blkdev_get_by_name(DISK);
	struct page *page = high_page();
	const sector_t bad[] = { bdev->nr_sects, bdev->nr_sects - PAGE_SECTORS + 1,
				 bdev->nr_sects + 8, ~0ULL - 3 };
	struct disk_stats before, after;

	if (!page) {
		ktap_fail(t, __FILE__, __LINE__, "no page");
		return;
	}
	fill(page, 0xdead0000);
	bdev_get_stats(bdev, &before);
	for (unsigned int i = 0; i < ARRAY_SIZE(bad); i++) {
		KTAP_EXPECT_EQ(t, bdev_read_page(bdev, bad[i], page), -EINVAL);
		KTAP_EXPECT_EQ(t, bdev_write_page(bdev, bad[i], page), -EINVAL);
	}
	KTAP_EXPECT_EQ(t, mismatch(page, 0xdead0000), -1);
	bdev_get_stats(bdev, &after);
	KTAP_EXPECT(t, !memcmp(&before, &after, sizeof(before)));
	KTAP_EXPECT(t, blkdev_get_by_name("mmcblk9") == NULL);
	KTAP_EXPECT(t, blkdev_get_by_name("/dev/" DISK) == bdev);
	__free_page(page);
}

struct mover {
	struct block_device *bdev;
	sector_t sector;
	u32 seed;
	int bad; /* the first round that failed, or -1 */
	int err; /* its error */
	struct completion done;
};

/* one CPU's task: its own page, written and read back ROUNDS times */
static int mover_fn(void *arg)
{
	struct mover *m = arg;
	struct page *out = high_page(), *in = alloc_page(GFP_KERNEL);

	m->bad = -1;
	for (int r = 0; r < ROUNDS && out && in && m->bad < 0; r++) {
		fill(out, m->seed + (u32)r);
		fill(in, 0);
		m->err = bdev_write_page(m->bdev, m->sector, out);
		if (!m->err)
			m->err = bdev_read_page(m->bdev, m->sector, in);
		if (m->err || mismatch(in, m->seed + (u32)r) >= 0)
			m->bad = r;
	}
	if (!out || !in)
		m->bad = ROUNDS;
	if (out)
		__free_page(out);
	if (in)
		__free_page(in);
	complete(&m->done);
	return 0;
}

/* every CPU's task moving its own page at once: the host is claimed in turn */
static void mmc_all_cpus_at_once(struct ktap_test *t)
{
	static struct mover m[NR_CPUS];
	struct block_device *bdev = blkdev_get_by_name(DISK);
	struct disk_stats before, after;
	unsigned int cpu, n = 0;
	struct saved s;
	bool saved = save(t, bdev, &s);

	if (!saved) {
		restore(t, bdev, &s, false);
		return;
	}
	bdev_get_stats(bdev, &before);
	for_each_online_cpu(cpu) {
		struct task_struct *p;

		m[n] = (struct mover){ .bdev = bdev,
				       .sector = page_from_end(bdev, n + 1),
				       .seed = 0x10000000U * (n + 1),
				       .bad = -1 };
		init_completion(&m[n].done);
		p = kthread_create_on_cpu(mover_fn, &m[n], cpu, "ktap-mmc");
		KTAP_EXPECT(t, !IS_ERR(p));
		if (IS_ERR(p))
			break;
		n++;
	}
	for (unsigned int i = 0; i < n; i++) {
		KTAP_EXPECT(t, wait_for_completion_timeout(&m[i].done, 30 * HZ) != 0);
		if (m[i].bad >= 0)
			ktap_fail(t, __FILE__, __LINE__, "task %u: round %d failed (error %d)", i,
				  m[i].bad, m[i].err);
	}
	bdev_get_stats(bdev, &after);
	KTAP_EXPECT_EQ(t, after.ios[0] - before.ios[0], n * ROUNDS);
	KTAP_EXPECT_EQ(t, after.ios[1] - before.ios[1], n * ROUNDS);
	ktap_print("%u tasks, %u pages each way each: %llu us reading, %llu us writing in all\n", n,
		   ROUNDS, (after.nsecs[0] - before.nsecs[0]) / 1000,
		   (after.nsecs[1] - before.nsecs[1]) / 1000);
	restore(t, bdev, &s, true);
}

static const struct ktap_case mmc_cases[] = {
	KTAP_CASE(mmc_pages_round_trip),
	KTAP_CASE(mmc_single_blocks),
	KTAP_CASE(mmc_out_of_range_refused),
	KTAP_CASE(mmc_all_cpus_at_once),
};
KTAP_SUITE(mmc_suite, "mmc", mmc_cases, .skip_if = mmc_skip);
