// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer target: the swap header swapon reads from a device
 * (tests/fuzz/corpus/swap_header: mkswap(8)'s own, with and without bad
 * pages).  The first four bytes are the device's size in pages, the rest
 * the header's page (zero-filled past the input).
 *
 *  1. swap_header_check() accepts or names what is wrong; what it accepts
 *     fits the device and what a swap entry's offset can name.
 *  2. An accepted header (up to 64 Ki slots, to keep runs fast) gives an
 *     area through swap_info_setup(), or -EINVAL; an area hands out every
 *     usable slot exactly once -- never the header's, never a bad page --
 *     and then none, and takes them back: free slots plus taken ones are
 *     always its usable pages.
 */
#include <stdlib.h>
#include <string.h>

#include <linux/errno.h>
#include <linux/swap.h>

#include "fuzz_common.h"
#include "host_shim.h"

#define MAX_FUZZ_SLOTS 65536

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static union swap_header hdr;

/* hand out every slot, check each, give them all back */
static void exercise(struct swap_info_struct *si, unsigned int maxpages)
{
	unsigned long taken = 0;
	swp_entry_t e;

	while ((e = get_swap_page()).val) {
		unsigned long off = swp_offset(e);

		if (swp_type(e) != (unsigned int)si->type || !off || off >= maxpages)
			fuzz_fail("slot %lu of type %u handed out (max %u)", off, swp_type(e),
				  maxpages);
		if (si->swap_map[off] != SWAP_HAS_CACHE)
			fuzz_fail("slot %lu: map %#x after get_swap_page()", off,
				  si->swap_map[off]);
		if (++taken > si->pages)
			fuzz_fail("more slots handed out than the %u usable", si->pages);
	}
	if (taken != si->pages || get_nr_swap_pages() != 0)
		fuzz_fail("%lu of %u slots handed out, %ld left free", taken, si->pages,
			  get_nr_swap_pages());
	for (unsigned long off = 1; off < maxpages; off++)
		if (si->swap_map[off] == SWAP_HAS_CACHE)
			swapcache_free(swp_entry((unsigned long)si->type, off));
	if (get_nr_swap_pages() != (long)si->pages || si->inuse_pages)
		fuzz_fail("%ld free after giving back, %u in use, of %u", get_nr_swap_pages(),
			  si->inuse_pages, si->pages);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct swap_info_struct si = { 0 };
	unsigned short *map;
	struct page **cache;
	uint32_t dev_pages;
	const char *why = NULL;
	long maxpages;

	if (size < sizeof(dev_pages))
		return 0;
	memcpy(&dev_pages, data, sizeof(dev_pages));
	memset(&hdr, 0, sizeof(hdr));
	memcpy(&hdr, data + sizeof(dev_pages), min(size - sizeof(dev_pages), sizeof(hdr)));
	maxpages = swap_header_check(&hdr, dev_pages, &why);
	if (maxpages < 0) {
		if (maxpages != -EINVAL || !why)
			fuzz_fail("refused with %ld, reason %s", maxpages, why ? why : "(none)");
		return 0;
	}
	if (maxpages < 2 || (unsigned long)maxpages > dev_pages ||
	    (unsigned long)maxpages > swp_offset(swp_entry(0, ~0UL)) + 1)
		fuzz_fail("accepted %ld slots on a device of %u pages", maxpages, dev_pages);
	if (maxpages > MAX_FUZZ_SLOTS)
		return 0;
	map = calloc((size_t)maxpages, sizeof(*map));
	cache = calloc((size_t)maxpages, sizeof(*cache));
	if (!map || !cache)
		fuzz_fail("no memory");
	for (unsigned int i = 0; i < MAX_SWAPFILES; i++)
		swap_info[i] = NULL;
	nr_swapfiles = 0;
	nr_swap_pages = 0;
	total_swap_pages = 0;
	if (!swap_info_setup(&si, &hdr, (unsigned int)maxpages, map, cache)) {
		if (swap_info_activate(&si) != &si)
			fuzz_fail("no type for the only area");
		for (u32 i = 0; i < hdr.info.nr_badpages; i++)
			if (hdr.info.badpages[i] < maxpages &&
			    map[hdr.info.badpages[i]] != SWAP_MAP_BAD)
				fuzz_fail("bad page %u not marked", hdr.info.badpages[i]);
		exercise(&si, (unsigned int)maxpages);
		swap_info[si.type] = NULL;
	}
	free(cache);
	free(map);
	return 0;
}
