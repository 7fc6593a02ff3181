// SPDX-License-Identifier: GPL-2.0
/*
 * Host tests of mm/swapfile.c: the swap header swapon reads (a real
 * mkswap(8)'s among them) and every way it can be wrong, then the slots
 * -- handed out until the area is full, counted by ptes and the swap
 * cache, free only when neither holds them -- and the entries no slot
 * has, which are said and change nothing.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <linux/errno.h>
#include <linux/swap.h>

#include "host_shim.h"

static union swap_header hdr;

/* a version-1 header of @last_page, as mkswap writes it */
static void make_header(u32 last_page)
{
	memset(&hdr, 0, sizeof(hdr));
	hdr.info.version = 1;
	hdr.info.last_page = last_page;
	memcpy(hdr.magic.magic, SWAP_HEADER_MAGIC, SWAP_HEADER_MAGIC_LEN);
}

/* no area active: the globals as at boot */
static int reset(void **state)
{
	(void)state;
	for (unsigned int i = 0; i < MAX_SWAPFILES; i++)
		swap_info[i] = NULL;
	nr_swapfiles = 0;
	nr_swap_pages = 0;
	total_swap_pages = 0;
	host_log_reset();
	return 0;
}

static void expect_refused(unsigned long dev_pages, const char *why_expected)
{
	const char *why = NULL;

	assert_int_equal(swap_header_check(&hdr, dev_pages, &why), -EINVAL);
	assert_non_null(why);
	if (!strstr(why, why_expected))
		fail_msg("refused for \"%s\", expected \"%s\"", why, why_expected);
}

/* What util-linux's mkswap writes is read as Linux reads it: every page of the file a slot */
static void mkswap_header_is_accepted(void **state)
{
	char path[] = "/tmp/a9mm-swapXXXXXX", cmd[128];
	const char *why = NULL;
	int fd = mkstemp(path);

	(void)state;
	assert_true(fd >= 0);
	assert_int_equal(ftruncate(fd, 1 << 20), 0);
	snprintf(cmd, sizeof(cmd), "/sbin/mkswap %s >/dev/null 2>&1", path);
	if (access("/sbin/mkswap", X_OK) || system(cmd)) {
		close(fd);
		unlink(path);
		skip(); /* util-linux is Essential on Debian; elsewhere it may be missing */
	}
	assert_int_equal(pread(fd, &hdr, sizeof(hdr), 0), sizeof(hdr));
	close(fd);
	unlink(path);
	assert_int_equal(swap_header_check(&hdr, 256, &why), 256);
	assert_int_equal(hdr.info.last_page, 255);
	assert_int_equal(hdr.info.nr_badpages, 0);
	expect_refused(255, "Swap area shorter than signature indicates");
}

static void header_faults_are_named(void **state)
{
	const char *why = NULL;

	(void)state;
	make_header(255);
	assert_int_equal(swap_header_check(&hdr, 256, &why), 256);
	hdr.magic.magic[9] = '1'; /* SWAPSPACE1: the old format Linux dropped */
	expect_refused(256, "Unable to find swap-space signature");
	make_header(255);
	hdr.info.version = 2;
	expect_refused(256, "Unable to handle swap header version");
	hdr.info.version = __builtin_bswap32(1);
	expect_refused(256, "the other byte order");
	make_header(0);
	expect_refused(256, "Empty swap-file");
	make_header(255);
	hdr.info.nr_badpages = MAX_SWAP_BADPAGES + 1;
	expect_refused(256, "Too many bad pages");
	hdr.info.nr_badpages = MAX_SWAP_BADPAGES; /* fits exactly */
	assert_int_equal(swap_header_check(&hdr, 256, &why), 256);
	assert_int_equal(MAX_SWAP_BADPAGES, 637); /* Linux's, with 4 KiB pages */
}

/* More pages than a swap entry's offset can name: truncated, as Linux does, and said */
static void oversized_area_is_truncated(void **state)
{
	const char *why = NULL;
	unsigned long max = swp_offset(swp_entry(0, ~0UL)) + 1;

	(void)state;
	make_header(0xfffffffe);
	assert_int_equal(swap_header_check(&hdr, 0xffffffffUL, &why), (long)max);
	assert_true(host_log_contains("Truncating oversized swap area"));
}

static unsigned short map[64];
static struct page *cache[64];
static struct swap_info_struct si;

/* an area of @pages slots (the header's included), activated */
static struct swap_info_struct *area(unsigned int pages)
{
	memset(map, 0, sizeof(map));
	memset(&si, 0, sizeof(si));
	make_header(pages - 1);
	assert_int_equal(swap_info_setup(&si, &hdr, pages, map, cache), 0);
	assert_ptr_equal(swap_info_activate(&si), &si);
	return &si;
}

/* Bad pages listed in the header are never handed out; one outside the area is refused */
static void bad_pages_are_skipped(void **state)
{
	(void)state;
	make_header(15);
	hdr.info.nr_badpages = 2;
	hdr.info.badpages[0] = 3;
	hdr.info.badpages[1] = 7;
	assert_int_equal(swap_info_setup(&si, &hdr, 16, map, cache), 0);
	assert_int_equal(si.pages, 13);
	assert_int_equal(map[0], SWAP_MAP_BAD);
	assert_int_equal(map[3], SWAP_MAP_BAD);
	hdr.info.badpages[1] = 16; /* past last_page */
	memset(map, 0, sizeof(map));
	assert_int_equal(swap_info_setup(&si, &hdr, 16, map, cache), -EINVAL);
	hdr.info.badpages[1] = 0; /* the header itself */
	memset(map, 0, sizeof(map));
	assert_int_equal(swap_info_setup(&si, &hdr, 16, map, cache), -EINVAL);
	make_header(1);
	hdr.info.nr_badpages = 1;
	hdr.info.badpages[0] = 1;
	memset(map, 0, sizeof(map));
	assert_int_equal(swap_info_setup(&si, &hdr, 2, map, cache), -EINVAL);
	assert_true(host_log_contains("Empty swap-file"));
}

/* Every slot once, then none; a freed slot is handed out again */
static void slots_until_full(void **state)
{
	bool seen[16] = { false };
	swp_entry_t e;

	(void)state;
	area(16);
	assert_int_equal(get_nr_swap_pages(), 15);
	for (int i = 0; i < 15; i++) {
		e = get_swap_page();
		assert_int_equal(swp_type(e), 0);
		assert_in_range(swp_offset(e), 1, 15);
		assert_false(seen[swp_offset(e)]);
		seen[swp_offset(e)] = true;
		assert_int_equal(map[swp_offset(e)], SWAP_HAS_CACHE);
	}
	assert_int_equal(get_nr_swap_pages(), 0);
	assert_int_equal(get_swap_page().val, 0);
	swapcache_free(swp_entry(0, 9));
	assert_int_equal(get_nr_swap_pages(), 1);
	e = get_swap_page();
	assert_int_equal(swp_offset(e), 9);
	assert_int_equal(si.inuse_pages, 15);
}

/*
 * A slot is free only when no pte names it and no page holds it:
 * out (cache + 2 ptes) -> the cache lets go -> one pte, the other.
 */
static void slot_counts_ptes_and_the_cache(void **state)
{
	swp_entry_t e;

	(void)state;
	area(8);
	e = get_swap_page();
	assert_int_equal(swap_duplicate(e), 0); /* try_to_unmap(): parent's pte */
	assert_int_equal(swap_duplicate(e), 0); /* ... the fork child's */
	assert_int_equal(swap_count(e), 2);
	assert_int_equal(swapcache_prepare(e), -EEXIST); /* the cache holds it already */
	swapcache_free(e);				 /* written, freed */
	assert_int_equal(swap_count(e), 2);
	assert_int_equal(swapcache_prepare(e), 0); /* a fault reads it in */
	assert_int_equal(map[swp_offset(e)], 2 | SWAP_HAS_CACHE);
	swap_free(e);
	swap_free(e);
	assert_int_equal(get_nr_swap_pages(), 6);
	swapcache_free(e);
	assert_int_equal(map[swp_offset(e)], 0);
	assert_int_equal(get_nr_swap_pages(), 7);
	assert_int_equal(si.inuse_pages, 0);
	/* a free slot cannot be claimed for the cache, nor named once more */
	assert_int_equal(swapcache_prepare(e), -ENOENT);
	assert_int_equal(swap_duplicate(e), -ENOENT);
	map[swp_offset(e)] = SWAP_MAP_MAX;
	assert_int_equal(swap_duplicate(e), -ENOMEM);
	assert_int_equal(map[swp_offset(e)], SWAP_MAP_MAX);
}

/* Entries no slot has: Linux's words, and nothing changes */
static void bad_entries_are_said(void **state)
{
	unsigned short before[64];
	swp_entry_t e;

	(void)state;
	area(8);
	e = get_swap_page();
	swapcache_free(e); /* free again */
	memcpy(before, map, sizeof(map));
	swap_free(swp_entry(3, 1));
	assert_true(host_log_contains("swap_free: Bad swap file entry"));
	swap_free(swp_entry(0, 8));
	assert_true(host_log_contains("swap_free: Bad swap offset entry"));
	swap_free(e); /* a double free */
	assert_true(host_log_contains("swap_free: Unused swap offset entry"));
	swap_free(swp_entry(0, 0)); /* the header's slot: entry 0 is no entry at all */
	assert_int_equal(swap_duplicate(swp_entry(MAX_SWAPFILES - 1, 1)), -EINVAL);
	assert_int_equal(swap_duplicate(swp_entry(0, 0x1ffffff)), -EINVAL);
	assert_memory_equal(before, map, sizeof(map));
	assert_int_equal(get_nr_swap_pages(), 7);
	assert_true(non_swap_entry(swp_entry(SWP_MIGRATION_READ, 5)));
	assert_false(non_swap_entry(e));
}

/*
 * swapoff's slot half: a closed area hands out no slot and leaves the
 * totals (nr_swap_pages regains each in-use slot as it is freed); a
 * second swapoff is refused; the area cannot go while a slot is in use;
 * once invalid get_swap_device() refuses it; removed, its entries are
 * "Unused"; a failed swapoff puts everything back.
 */
static void swapoff_closes_then_removes_the_area(void **state)
{
	swp_entry_t a, b;

	(void)state;
	area(16);
	a = get_swap_page();
	b = get_swap_page();
	assert_int_equal(swap_duplicate(a), 0); /* a pte names it */
	assert_int_equal(get_nr_swap_pages(), 13);
	assert_true(swap_info_deactivate(&si));
	assert_false(swap_info_deactivate(&si)); /* a second swapoff */
	assert_int_equal(total_swap_pages, 0);
	assert_int_equal(get_nr_swap_pages(), -2);
	assert_int_equal(get_swap_page().val, 0);
	reinsert_swap_info(&si); /* try_to_unuse() failed */
	assert_int_equal(total_swap_pages, 15);
	assert_int_equal(get_nr_swap_pages(), 13);
	assert_true(swap_info_deactivate(&si));
	assert_false(swap_info_invalidate(&si)); /* two slots in use */
	assert_ptr_equal(get_swap_device(a), &si);
	assert_int_equal(si.users, 1);
	put_swap_device(&si);
	swapcache_free(a);
	swap_free(a);
	swapcache_free(b);
	assert_int_equal(get_nr_swap_pages(), 0);
	assert_true(swap_info_invalidate(&si));
	assert_null(get_swap_device(a)); /* quietly */
	assert_false(host_log_contains("Bad swap"));
	swap_info_remove(&si);
	assert_null(si.swap_map);
	assert_int_equal(swap_duplicate(a), -EINVAL);
	assert_true(host_log_contains("swap_dup: Unused swap file entry"));
	assert_int_equal(get_nr_swap_pages(), 0);
}

/* The next swapon takes the type and the struct swapoff left (Linux: alloc_swap_info()) */
static void swapon_after_swapoff_reuses_the_type(void **state)
{
	static unsigned short map2[8];
	static struct page *cache2[8];
	static struct swap_info_struct si2;

	(void)state;
	area(16);
	assert_true(swap_info_deactivate(&si));
	assert_true(swap_info_invalidate(&si));
	swap_info_remove(&si);
	make_header(7);
	assert_int_equal(swap_info_setup(&si2, &hdr, 8, map2, cache2), 0);
	assert_ptr_equal(swap_info_activate(&si2), &si); /* the caller frees si2 */
	assert_int_equal(si.type, 0);
	assert_ptr_equal(si.swap_map, map2);
	assert_int_equal(si.max, 8);
	assert_int_equal(nr_swapfiles, 1);
	assert_int_equal(get_nr_swap_pages(), 7);
	assert_int_equal(swp_type(get_swap_page()), 0);
	assert_int_equal(map2[1], SWAP_HAS_CACHE);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(mkswap_header_is_accepted, reset),
		cmocka_unit_test_setup(header_faults_are_named, reset),
		cmocka_unit_test_setup(oversized_area_is_truncated, reset),
		cmocka_unit_test_setup(bad_pages_are_skipped, reset),
		cmocka_unit_test_setup(slots_until_full, reset),
		cmocka_unit_test_setup(slot_counts_ptes_and_the_cache, reset),
		cmocka_unit_test_setup(bad_entries_are_said, reset),
		cmocka_unit_test_setup(swapoff_closes_then_removes_the_area, reset),
		cmocka_unit_test_setup(swapon_after_swapoff_reuses_the_type, reset),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
