// SPDX-License-Identifier: GPL-2.0
/*
 * drivers/mmc_sd.c: the MMC core for one SD card and its block device,
 * after Linux's drivers/mmc/core/core.c, drivers/mmc/core/sd.c,
 * drivers/mmc/core/sd_ops.c, drivers/mmc/core/mmc_ops.c and
 * drivers/mmc/core/block.c @ v4.14 (host.c's mmc_add_host() too).  The host driver below it
 * (drivers/mmci.c) carries out one request at a time; this side knows
 * the SD protocol (SD Physical Layer Simplified Specification):
 *
 *   mmc_add_host -> mmc_rescan -> mmc_attach_sd -> mmc_sd_init_card:
 *     CMD0 idle, CMD8 "2.0 card?", CMD55+ACMD41 until powered up (OCR),
 *     CMD2 the CID, CMD3 an address (RCA), CMD9 the CSD (capacity),
 *     CMD7 select, CMD16 512-byte blocks (byte-addressed cards only)
 *   -> mmc_blk_probe: mmcblk0, a block_device (linux/blkdev.h)
 *
 *   bdev_read_page()/bdev_write_page() -> mmc_blk_rw_page():
 *     mmc_claim_host, CMD18/CMD25 for the page's 8 sectors + CMD12,
 *     after a write CMD13 until the card is done, mmc_release_host
 *
 * Left out, as a 1-bit bus at 12 MHz needs none of it: the SCR (ACMD51),
 * 4-bit bus (ACMD6), high speed (CMD6), UHS voltage switching; and
 * MMC/eMMC and SDIO cards.
 */
#include <asm/page.h>
#include <linux/blkdev.h>
#include <linux/errno.h>
#include <linux/gfp.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/mmc/core.h>
#include <linux/sched.h>
#include <linux/string_helpers.h>
#include <linux/wait.h>
#include <mach/vexpress.h>
#include <string.h>

/* include/uapi/linux/major.h: MMC_BLOCK_MAJOR @ v4.14 */
#define MMC_BLOCK_MAJOR 179

/* how long a card may stay busy programming after a write (card_busy_detect()) */
#define MMC_BUSY_TIMEOUT_NS (1000 * 1000 * 1000ULL)

/**
 * mmc_cmd_name() - a command's name in the SD specification, for messages
 * @opcode: the command's index (ACMD41 as 41)
 *
 * Return: "READ_MULTIPLE_BLOCK" and the like, "?" for one a9mm never sends.
 */
const char *mmc_cmd_name(u32 opcode)
{
	switch (opcode) {
	case MMC_GO_IDLE_STATE:
		return "GO_IDLE_STATE";
	case MMC_ALL_SEND_CID:
		return "ALL_SEND_CID";
	case SD_SEND_RELATIVE_ADDR:
		return "SEND_RELATIVE_ADDR";
	case MMC_SELECT_CARD:
		return "SELECT_CARD";
	case SD_SEND_IF_COND:
		return "SEND_IF_COND";
	case MMC_SEND_CSD:
		return "SEND_CSD";
	case MMC_STOP_TRANSMISSION:
		return "STOP_TRANSMISSION";
	case MMC_SEND_STATUS:
		return "SEND_STATUS";
	case MMC_SET_BLOCKLEN:
		return "SET_BLOCKLEN";
	case MMC_READ_SINGLE_BLOCK:
		return "READ_SINGLE_BLOCK";
	case MMC_READ_MULTIPLE_BLOCK:
		return "READ_MULTIPLE_BLOCK";
	case MMC_WRITE_BLOCK:
		return "WRITE_BLOCK";
	case MMC_WRITE_MULTIPLE_BLOCK:
		return "WRITE_MULTIPLE_BLOCK";
	case MMC_APP_CMD:
		return "APP_CMD";
	case SD_APP_OP_COND:
		return "SD_APP_OP_COND";
	}
	return "?";
}

/* mmc_claim_host()'s test: free, then ours -- under the host's lock */
static bool mmc_try_claim_host(struct mmc_host *host)
{
	bool got;

	spin_lock(&host->lock);
	got = !host->claimed;
	if (got) {
		host->claimed = true;
		host->claimer = current;
	}
	spin_unlock(&host->lock);
	return got;
}

/**
 * mmc_claim_host() - be the host's only user, sleeping until it is free
 * @host: the host
 *
 * drivers/mmc/core/core.c: __mmc_claim_host() @ v4.14: a transfer takes a
 * while (a page is a thousand FIFO words), so the tasks that want the
 * host meanwhile sleep on host->wq -- their CPU runs something else --
 * instead of spinning, and mmc_release_host() wakes the next.  Process
 * context, no spinlock held.  Not recursive (Linux's counts a claimer's
 * nested claims; a9mm never nests them).
 */
void mmc_claim_host(struct mmc_host *host)
{
	wait_event(host->wq, mmc_try_claim_host(host));
}

/**
 * mmc_release_host() - let the next user in
 * @host: the host, claimed by this task
 *
 * drivers/mmc/core/core.c: mmc_release_host() @ v4.14.
 */
void mmc_release_host(struct mmc_host *host)
{
	spin_lock(&host->lock);
	WARN_ON(host->claimer != current);
	host->claimed = false;
	host->claimer = NULL;
	spin_unlock(&host->lock);
	wake_up(&host->wq);
}

/*
 * drivers/mmc/core/core.c: mmc_wait_for_req() @ v4.14: the host carries
 * it out (synchronously: nothing to wait for here)
 */
static void mmc_wait_for_req(struct mmc_host *host, struct mmc_request *mrq)
{
	host->ops->request(host, mrq);
}

/* a command's failure, named: "mmc0: CMD17 READ_SINGLE_BLOCK arg 0x...: command timeout" */
static void mmc_cmd_err(struct mmc_host *host, const struct mmc_command *cmd)
{
	pr_err("%s: CMD%lu %s arg 0x%08lx: %s (%d, status 0x%08lx)\n", host->name, cmd->opcode,
	       mmc_cmd_name(cmd->opcode), cmd->arg, cmd->why ? cmd->why : "error", cmd->error,
	       cmd->status);
}

/*
 * drivers/mmc/core/core.c: mmc_wait_for_cmd() @ v4.14: one command, no
 * data.  @quiet: a failure the caller expects (CMD8 of a 1.x card) is not
 * printed; any other is.
 */
static int mmc_wait_for_cmd(struct mmc_host *host, struct mmc_command *cmd, bool quiet)
{
	struct mmc_request mrq = { .cmd = cmd };

	memset(cmd->resp, 0, sizeof(cmd->resp));
	mmc_wait_for_req(host, &mrq);
	if (cmd->error && !quiet)
		mmc_cmd_err(host, cmd);
	return cmd->error;
}

/* drivers/mmc/core/mmc_ops.c: mmc_go_idle() @ v4.14: CMD0, every card back to idle */
static int mmc_go_idle(struct mmc_host *host)
{
	struct mmc_command cmd = { .opcode = MMC_GO_IDLE_STATE, .flags = MMC_RSP_NONE };

	return mmc_wait_for_cmd(host, &cmd, false);
}

/*
 * drivers/mmc/core/sd_ops.c: mmc_send_if_cond() @ v4.14: CMD8 with the
 * host's voltage range and the check pattern 0xaa.  A 2.0 card echoes
 * both; a 1.x card does not answer (-ETIMEDOUT, expected, not printed).
 */
static int mmc_send_if_cond(struct mmc_host *host, u32 ocr)
{
	static const u8 test_pattern = 0xaa;
	struct mmc_command cmd = {
		.opcode = SD_SEND_IF_COND,
		.arg = ((ocr & 0xff8000) != 0) << 8 | test_pattern,
		.flags = MMC_RSP_R7,
	};
	int err = mmc_wait_for_cmd(host, &cmd, true);

	if (err)
		return err;
	if ((cmd.resp[0] & 0xff) != test_pattern) {
		pr_err("%s: CMD8 answered 0x%08lx, not the pattern 0x%02x\n", host->name,
		       cmd.resp[0], test_pattern);
		return -EIO;
	}
	return 0;
}

/*
 * drivers/mmc/core/sd_ops.c: mmc_app_cmd() + mmc_wait_for_app_cmd() @ v4.14:
 * CMD55 says the next command is an application one (ACMDn); the card
 * must confirm with APP_CMD in its status
 */
static int mmc_wait_for_app_cmd(struct mmc_host *host, unsigned int rca, struct mmc_command *cmd)
{
	struct mmc_command app = { .opcode = MMC_APP_CMD, .arg = rca << 16, .flags = MMC_RSP_R1 };
	int err = mmc_wait_for_cmd(host, &app, false);

	if (err)
		return err;
	if (!(app.resp[0] & R1_APP_CMD)) {
		pr_err("%s: CMD55: the card does not take application commands (status 0x%08lx)\n",
		       host->name, app.resp[0]);
		return -EIO;
	}
	return mmc_wait_for_cmd(host, cmd, false);
}

/*
 * drivers/mmc/core/sd_ops.c: mmc_send_app_op_cond() @ v4.14: ACMD41 with
 * the voltages (and CCS: "I can address by blocks") until the card says
 * it has powered up (OCR bit 31), at most 100 times 10 ms apart, as Linux.
 * The OCR it answers goes to *rocr.
 */
static int mmc_send_app_op_cond(struct mmc_host *host, u32 ocr, u32 *rocr)
{
	struct mmc_command cmd = { .opcode = SD_APP_OP_COND, .arg = ocr, .flags = MMC_RSP_R3 };

	for (int i = 0; i < 100; i++) {
		int err = mmc_wait_for_app_cmd(host, 0, &cmd);

		if (err)
			return err;
		if (cmd.resp[0] & MMC_CARD_BUSY) {
			*rocr = cmd.resp[0];
			return 0;
		}
		msleep(10);
	}
	pr_err("%s: ACMD41: the card did not power up in a second (OCR 0x%08lx)\n", host->name,
	       cmd.resp[0]);
	return -ETIMEDOUT;
}

/*
 * drivers/mmc/core/mmc_ops.c: mmc_all_send_cid() and mmc_send_csd() @ v4.14
 * (mmc_send_cxd_native()): a 136-bit R2 answer into @raw
 */
static int mmc_send_cxd(struct mmc_host *host, u32 opcode, u32 arg, u32 *raw)
{
	struct mmc_command cmd = { .opcode = opcode, .arg = arg, .flags = MMC_RSP_R2 };
	int err = mmc_wait_for_cmd(host, &cmd, false);

	if (!err)
		memcpy(raw, cmd.resp, sizeof(cmd.resp));
	return err;
}

/* drivers/mmc/core/sd_ops.c: mmc_send_relative_addr() @ v4.14: CMD3, R6 [31:16] */
static int mmc_send_relative_addr(struct mmc_host *host, unsigned int *rca)
{
	struct mmc_command cmd = { .opcode = SD_SEND_RELATIVE_ADDR, .flags = MMC_RSP_R6 };
	int err = mmc_wait_for_cmd(host, &cmd, false);

	if (!err)
		*rca = cmd.resp[0] >> 16;
	return err;
}

/*
 * drivers/mmc/core/mmc_ops.c: _mmc_select_card() @ v4.14: CMD7, the card
 * at @rca to the transfer state
 */
static int mmc_select_card(struct mmc_host *host, unsigned int rca)
{
	struct mmc_command cmd = { .opcode = MMC_SELECT_CARD,
				   .arg = rca << 16,
				   .flags = MMC_RSP_R1B };

	return mmc_wait_for_cmd(host, &cmd, false);
}

/* drivers/mmc/core/core.c: mmc_set_blocklen() @ v4.14: CMD16 */
static int mmc_set_blocklen(struct mmc_host *host, unsigned int blocklen)
{
	struct mmc_command cmd = { .opcode = MMC_SET_BLOCKLEN,
				   .arg = blocklen,
				   .flags = MMC_RSP_R1 };

	return mmc_wait_for_cmd(host, &cmd, false);
}

/* drivers/mmc/core/mmc_ops.c: __mmc_send_status() @ v4.14: CMD13, the card's R1 status */
static int mmc_send_status(struct mmc_card *card, u32 *status)
{
	struct mmc_command cmd = { .opcode = MMC_SEND_STATUS,
				   .arg = card->rca << 16,
				   .flags = MMC_RSP_R1 };
	int err = mmc_wait_for_cmd(card->host, &cmd, false);

	if (!err)
		*status = cmd.resp[0];
	return err;
}

/*
 * drivers/mmc/core/sd.c: UNSTUFF_BITS() @ v4.14 as a function: @size bits
 * from bit @start of a 128-bit register held as resp[0] = bits 127:96 ...
 * resp[3] = bits 31:0
 */
static u32 unstuff_bits(const u32 *resp, unsigned int start, unsigned int size)
{
	unsigned int word = 3 - start / 32, shift = start % 32;
	u32 bits = resp[word] >> shift;

	if (shift + size > 32)
		bits |= resp[word - 1] << (32 - shift);
	return size < 32 ? bits & ((1U << size) - 1) : bits;
}

/* drivers/mmc/core/sd.c: mmc_decode_cid() @ v4.14: the SD CID's fields */
static void mmc_decode_cid(struct mmc_card *card)
{
	const u32 *resp = card->raw_cid;
	struct mmc_cid *cid = &card->cid;

	cid->manfid = unstuff_bits(resp, 120, 8);
	cid->oemid = (unsigned short)unstuff_bits(resp, 104, 16);
	for (unsigned int i = 0; i < 5; i++)
		cid->prod_name[i] = (char)unstuff_bits(resp, 96 - 8 * i, 8);
	cid->prod_name[5] = '\0';
	cid->hwrev = (unsigned char)unstuff_bits(resp, 60, 4);
	cid->fwrev = (unsigned char)unstuff_bits(resp, 56, 4);
	cid->serial = unstuff_bits(resp, 24, 32);
	cid->year = (unsigned short)(unstuff_bits(resp, 12, 8) + 2000);
	cid->month = (unsigned char)unstuff_bits(resp, 8, 4);
}

/*
 * drivers/mmc/core/sd.c: mmc_decode_csd() @ v4.14, the capacity: CSD v1
 * (SDSC) says (C_SIZE + 1) * 2^(C_SIZE_MULT + 2) blocks of 2^READ_BL_LEN
 * bytes, the card addressed in bytes; CSD v2 (SDHC/SDXC) (C_SIZE + 1) *
 * 512 KiB, addressed in 512-byte blocks.
 */
static int mmc_decode_csd(struct mmc_card *card)
{
	const u32 *resp = card->raw_csd;
	struct mmc_csd *csd = &card->csd;

	csd->structure = (unsigned char)unstuff_bits(resp, 126, 2);
	switch (csd->structure) {
	case 0:
		csd->read_blkbits = unstuff_bits(resp, 80, 4);
		csd->capacity = (1 + unstuff_bits(resp, 62, 12)) << (unstuff_bits(resp, 47, 3) + 2);
		card->blockaddr = false;
		break;
	case 1:
		csd->read_blkbits = 9;
		csd->capacity = (1 + unstuff_bits(resp, 48, 22)) << 10;
		card->blockaddr = true;
		break;
	default:
		pr_err("%s: unrecognised CSD structure version %u\n", card->host->name,
		       csd->structure);
		return -EINVAL;
	}
	if (csd->read_blkbits < 9 || csd->read_blkbits > 11) {
		pr_err("%s: CSD READ_BL_LEN %u: not 512, 1024 or 2048 bytes\n", card->host->name,
		       csd->read_blkbits);
		return -EINVAL;
	}
	return 0;
}

/* the card's size in 512-byte sectors (mmc_blk_alloc()'s "size") */
static sector_t mmc_card_sectors(const struct mmc_card *card)
{
	return (sector_t)card->csd.capacity << (card->csd.read_blkbits - 9);
}

/*
 * drivers/mmc/core/sd.c: mmc_sd_get_cid() + mmc_sd_init_card() @ v4.14:
 * from idle to selected, the card's registers read on the way
 */
static int mmc_sd_init_card(struct mmc_host *host, struct mmc_card *card)
{
	u32 ocr = host->ocr_avail, rocr = 0;
	int err;

	err = mmc_go_idle(host);
	if (err)
		return err;
	/* a 2.0 card answers CMD8; only then may it be told CCS, and be SDHC */
	if (!mmc_send_if_cond(host, ocr))
		ocr |= SD_OCR_CCS;
	err = mmc_send_app_op_cond(host, ocr, &rocr);
	if (err)
		return err;
	err = mmc_send_cxd(host, MMC_ALL_SEND_CID, 0, card->raw_cid);
	if (err)
		return err;
	err = mmc_send_relative_addr(host, &card->rca);
	if (err)
		return err;
	err = mmc_send_cxd(host, MMC_SEND_CSD, card->rca << 16, card->raw_csd);
	if (err)
		return err;
	mmc_decode_cid(card);
	err = mmc_decode_csd(card);
	if (err)
		return err;
	if (card->blockaddr != !!(rocr & SD_OCR_CCS))
		pr_warn("%s: the OCR (CCS %u) and the CSD (version %u) disagree: the CSD's addressing\n",
			host->name, !!(rocr & SD_OCR_CCS), card->csd.structure + 1);
	err = mmc_select_card(host, card->rca);
	if (err)
		return err;
	/* a byte-addressed card's block length is set; an SDHC card's is 512 */
	if (!card->blockaddr)
		err = mmc_set_blocklen(host, SECTOR_SIZE);
	return err;
}

/* drivers/mmc/core/block.c: struct mmc_blk_data @ v4.14: a card's disk */
struct mmc_blk_data {
	struct block_device bdev;
	struct mmc_card *card;
	char name[12]; /* "mmcblk0" */
	void *bounce;  /* a lowmem page: HighMem pages go through it */
};

static struct mmc_card mmc_card0;
static struct mmc_blk_data mmc_blk0;

/*
 * drivers/mmc/core/block.c: card_busy_detect() @ v4.14: after a write,
 * CMD13 until the card is ready for data and back in the transfer state
 * (done programming), bounded
 */
static int card_busy_detect(struct mmc_card *card)
{
	u64 deadline = global_timer_ns() + MMC_BUSY_TIMEOUT_NS;
	u32 status = 0;

	for (;;) {
		int err = mmc_send_status(card, &status);

		if (err)
			return err;
		if ((status & R1_READY_FOR_DATA) && R1_CURRENT_STATE(status) == R1_STATE_TRAN)
			return 0;
		if (global_timer_ns() > deadline) {
			pr_err("%s: card still busy (status 0x%08lx, state %lu) after a write\n",
			       card->host->name, status, R1_CURRENT_STATE(status));
			return -ETIMEDOUT;
		}
		cpu_relax();
	}
}

/*
 * drivers/mmc/core/block.c: mmc_blk_rw_rq_prep() + mmc_blk_err_check() @
 * v4.14: @nr sectors from @sector between the card and @buf (lowmem, word
 * aligned) -- CMD17/CMD24 for one, CMD18/CMD25 and CMD12 for more; a byte
 * addressed card takes a byte address.  Every error is printed and gives
 * -EIO or -ETIMEDOUT.  The host is claimed.
 */
static int mmc_blk_xfer(struct mmc_blk_data *md, sector_t sector, void *buf, unsigned int nr,
			bool is_write)
{
	struct mmc_card *card = md->card;
	struct mmc_command cmd = { .flags = MMC_RSP_R1 };
	struct mmc_command stop = { .opcode = MMC_STOP_TRANSMISSION, .flags = MMC_RSP_R1B };
	struct mmc_data data = { .blksz = SECTOR_SIZE, .blocks = nr, .buf = buf };
	struct mmc_request mrq = { .cmd = &cmd, .data = &data, .stop = nr > 1 ? &stop : NULL };
	const char *dir = is_write ? "write" : "read";

	if (is_write)
		cmd.opcode = nr > 1 ? MMC_WRITE_MULTIPLE_BLOCK : MMC_WRITE_BLOCK;
	else
		cmd.opcode = nr > 1 ? MMC_READ_MULTIPLE_BLOCK : MMC_READ_SINGLE_BLOCK;
	cmd.arg = card->blockaddr ? (u32)sector : (u32)(sector << SECTOR_SHIFT);
	data.flags = is_write ? MMC_DATA_WRITE : MMC_DATA_READ;
	mmc_wait_for_req(card->host, &mrq);
	if (cmd.error) {
		mmc_cmd_err(card->host, &cmd);
		return cmd.error == -ETIMEDOUT ? -ETIMEDOUT : -EIO;
	}
	if (cmd.resp[0] & CMD_ERRORS) {
		pr_err("%s: %s sector %llu: the card refused CMD%lu (status 0x%08lx)\n", md->name,
		       dir, sector, cmd.opcode, cmd.resp[0]);
		return -EIO;
	}
	if (data.error)
		pr_err("%s: %s sector %llu (%u sectors): %s (%d, status 0x%08lx)\n", md->name, dir,
		       sector, nr, data.why ? data.why : "data error", data.error, data.status);
	if (mrq.stop && stop.error)
		mmc_cmd_err(card->host, &stop);
	if (data.error)
		return data.error == -ETIMEDOUT ? -ETIMEDOUT : -EIO;
	if (mrq.stop && stop.error)
		return stop.error == -ETIMEDOUT ? -ETIMEDOUT : -EIO;
	if (mrq.stop && (stop.resp[0] & CMD_ERRORS)) {
		pr_err("%s: %s sector %llu: error after the transfer (CMD12 status 0x%08lx)\n",
		       md->name, dir, sector, stop.resp[0]);
		return -EIO;
	}
	return is_write ? card_busy_detect(card) : 0;
}

/**
 * mmc_blk_rw_sectors() - sectors between the card and a buffer, host claimed
 * @bdev: mmcblk0
 * @sector: the first, in 512-byte sectors
 * @buf: lowmem, word aligned, @nr * 512 bytes
 * @nr: how many: 1 goes by CMD17/CMD24, more by CMD18/CMD25 + CMD12
 * @is_write: to the card
 *
 * a9mm's, for the self-test: the single-block commands, which page I/O
 * never uses.  Not counted in the disk's statistics.
 *
 * Return: 0, -EINVAL (nothing done) past the end, -EIO or -ETIMEDOUT.
 */
int mmc_blk_rw_sectors(struct block_device *bdev, sector_t sector, void *buf, unsigned int nr,
		       bool is_write)
{
	struct mmc_blk_data *md = bdev->bd_private;
	int ret;

	if (!nr || nr > PAGE_SECTORS || sector >= bdev->nr_sects || bdev->nr_sects - sector < nr)
		return -EINVAL;
	mmc_claim_host(md->card->host);
	ret = mmc_blk_xfer(md, sector, buf, nr, is_write);
	mmc_release_host(md->card->host);
	return ret;
}

/*
 * drivers/mmc/core/block.c: mmc_blk_issue_rw_rq() @ v4.14, for one page
 * (Linux's mmcblk has no rw_page(): it takes bios through a request queue;
 * brd_rw_page() is the model for the shape).  A lowmem page is moved
 * straight to or from its linear address.  A HighMem page goes through the
 * bounce page and a kmap_atomic() copy, as mm/memory.c's cow_user_page():
 * the atomic section is the memcpy() alone, never the transfer, which
 * polls for a millisecond and must stay preemptible.
 */
static int mmc_blk_rw_page(struct block_device *bdev, sector_t sector, struct page *page,
			   bool is_write)
{
	struct mmc_blk_data *md = bdev->bd_private;
	bool high = PageHighMem(page);
	void *buf, *kaddr;
	int ret;

	mmc_claim_host(md->card->host);
	buf = high ? md->bounce : page_address(page);
	if (high && is_write) {
		kaddr = kmap_atomic(page);
		memcpy(buf, kaddr, PAGE_SIZE);
		kunmap_atomic(kaddr);
	}
	ret = mmc_blk_xfer(md, sector, buf, PAGE_SECTORS, is_write);
	if (high && !is_write && !ret) {
		kaddr = kmap_atomic(page);
		memcpy(kaddr, buf, PAGE_SIZE);
		kunmap_atomic(kaddr);
	}
	mmc_release_host(md->card->host);
	return ret;
}

static const struct block_device_operations mmc_bdops = {
	.rw_page = mmc_blk_rw_page,
};

/*
 * drivers/mmc/core/block.c: mmc_blk_probe() -> mmc_blk_alloc_req() @
 * v4.14: the card's disk, announced as Linux does
 * ("mmcblk0: mmc0:4567 QEMU! 32.0 MiB")
 */
static int mmc_blk_probe(struct mmc_card *card)
{
	struct mmc_blk_data *md = &mmc_blk0;
	struct page *bounce = alloc_page(GFP_KERNEL);
	char cap[16];

	if (!bounce) {
		pr_err("%s: no memory for the bounce page: no mmcblk0\n", card->host->name);
		return -ENOMEM;
	}
	md->card = card;
	md->bounce = page_address(bounce);
	snprintf(md->name, sizeof(md->name), "mmcblk%u", card->host->index);
	md->bdev.bd_name = md->name;
	md->bdev.nr_sects = mmc_card_sectors(card);
	md->bdev.bd_ops = &mmc_bdops;
	md->bdev.bd_private = md;
	md->bdev.bd_major = MMC_BLOCK_MAJOR;
	md->bdev.bd_minor = 0;
	string_get_size(md->bdev.nr_sects, SECTOR_SIZE, STRING_UNITS_2, cap, sizeof(cap));
	pr_info("%s: %s %s %s\n", md->name, card->id, card->cid.prod_name, cap);
	return add_disk(&md->bdev);
}

/*
 * drivers/mmc/core/sd.c: mmc_attach_sd() @ v4.14 -> mmc_add_card() (the
 * "new SD card" line) -> the block driver's probe
 */
static int mmc_attach_sd(struct mmc_host *host)
{
	struct mmc_card *card = &mmc_card0;
	int err;

	memset(card, 0, sizeof(*card));
	card->host = host;
	err = mmc_sd_init_card(host, card);
	if (err) {
		pr_err("%s: error %d whilst initialising SD card\n", host->name, err);
		return err;
	}
	host->card = card;
	snprintf(card->id, sizeof(card->id), "%s:%04x", host->name, card->rca);
	pr_info("%s: new %s card at address %04x\n", host->name, card->blockaddr ? "SDHC" : "SD",
		card->rca);
	return mmc_blk_probe(card);
}

/**
 * mmc_add_host() - a host is ready: find what is in its slot
 * @host: name, ops and ocr_avail filled in
 *
 * drivers/mmc/core/host.c: mmc_add_host() -> mmc_start_host() ->
 * mmc_rescan() @ v4.14, at once rather than from a workqueue: card detect
 * first, then the SD card's identification.  Process context (it sleeps
 * between ACMD41s).
 *
 * Return: 0 with a card attached (mmcblkN added); -ENOMEDIUM with the
 * slot empty (said in one line); the card's error otherwise (printed).
 */
int mmc_add_host(struct mmc_host *host)
{
	int err;

	spin_lock_init(&host->lock);
	init_waitqueue_head(&host->wq);
	if (host->ops->get_cd && !host->ops->get_cd(host)) {
		pr_info("%s: no card in slot\n", host->name);
		return -ENOMEDIUM;
	}
	mmc_claim_host(host);
	err = mmc_attach_sd(host);
	mmc_release_host(host);
	return err;
}
