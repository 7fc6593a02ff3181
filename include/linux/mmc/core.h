/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_MMC_CORE_H
#define _LINUX_MMC_CORE_H

/*
 * include/linux/mmc/core.h, include/linux/mmc/host.h,
 * include/linux/mmc/card.h, include/linux/mmc/mmc.h and
 * include/linux/mmc/sd.h @ v4.14 in one header: what
 * the MMC core (drivers/mmc_sd.c) and a host driver (drivers/mmci.c) say
 * to each other.  The core builds requests -- a command, maybe a data
 * transfer, maybe a stop command -- and the host carries them out on its
 * wires; here synchronously, by polling (ops->request returns when it is
 * done), where Linux's hosts finish from an interrupt and complete().
 */
#include <linux/spinlock.h>
#include <linux/types.h>
#include <linux/wait.h>

/* include/linux/mmc/mmc.h, sd.h @ v4.14: the commands a9mm sends (SD Physical Layer spec) */
#define MMC_GO_IDLE_STATE	  0  /* bc                          */
#define MMC_ALL_SEND_CID	  2  /* bcr, R2: the CID            */
#define SD_SEND_RELATIVE_ADDR	  3  /* bcr, R6: the card's RCA     */
#define MMC_SELECT_CARD		  7  /* ac [31:16] RCA, R1b         */
#define SD_SEND_IF_COND		  8  /* bcr [11:0] VHS+pattern, R7  */
#define MMC_SEND_CSD		  9  /* ac [31:16] RCA, R2: the CSD */
#define MMC_STOP_TRANSMISSION	  12 /* ac, R1b                     */
#define MMC_SEND_STATUS		  13 /* ac [31:16] RCA, R1          */
#define MMC_SET_BLOCKLEN	  16 /* ac [31:0] block length, R1  */
#define MMC_READ_SINGLE_BLOCK	  17 /* adtc [31:0] address, R1     */
#define MMC_READ_MULTIPLE_BLOCK	  18 /* adtc [31:0] address, R1     */
#define MMC_WRITE_BLOCK		  24 /* adtc [31:0] address, R1     */
#define MMC_WRITE_MULTIPLE_BLOCK  25 /* adtc [31:0] address, R1     */
#define MMC_APP_CMD		  55 /* ac [31:16] RCA, R1: next is an ACMD */
#define SD_APP_OP_COND		  41 /* ACMD41 bcr [31:0] OCR, R3   */

/* include/linux/mmc/mmc.h: the card status of an R1 response @ v4.14 */
#define R1_OUT_OF_RANGE	      (1U << 31)
#define R1_ADDRESS_ERROR      (1U << 30)
#define R1_BLOCK_LEN_ERROR    (1U << 29)
#define R1_WP_VIOLATION	      (1U << 26)
#define R1_COM_CRC_ERROR      (1U << 23)
#define R1_ILLEGAL_COMMAND    (1U << 22)
#define R1_CARD_ECC_FAILED    (1U << 21)
#define R1_CC_ERROR	      (1U << 20)
#define R1_ERROR	      (1U << 19)
#define R1_CURRENT_STATE(x)   (((x) >> 9) & 0xf) /* 4 = tran, 5 = data, 6 = rcv, 7 = prg */
#define R1_READY_FOR_DATA     (1U << 8)
#define R1_APP_CMD	      (1U << 5)
#define R1_STATE_TRAN	      4
/* drivers/mmc/core/block.c: CMD_ERRORS @ v4.14: the bits that fail a transfer */
#define CMD_ERRORS                                                                     \
	(R1_OUT_OF_RANGE | R1_ADDRESS_ERROR | R1_BLOCK_LEN_ERROR | R1_WP_VIOLATION | \
	 R1_CC_ERROR | R1_ERROR)

/* include/linux/mmc/host.h, sd.h: the OCR @ v4.14 */
#define MMC_VDD_32_33  (1U << 20)
#define MMC_VDD_33_34  (1U << 21)
#define SD_OCR_CCS     (1U << 30) /* card capacity status: SDHC/SDXC, block addressed */
#define MMC_CARD_BUSY  (1U << 31) /* set when the card has finished powering up */

/* include/linux/mmc/core.h: response types @ v4.14 */
#define MMC_RSP_PRESENT (1 << 0)
#define MMC_RSP_136	(1 << 1) /* a 136-bit response (CID, CSD) */
#define MMC_RSP_CRC	(1 << 2) /* with a valid CRC */
#define MMC_RSP_BUSY	(1 << 3) /* the card may signal busy */
#define MMC_RSP_OPCODE	(1 << 4) /* the response echoes the opcode */
#define MMC_RSP_NONE	0
#define MMC_RSP_R1	(MMC_RSP_PRESENT | MMC_RSP_CRC | MMC_RSP_OPCODE)
#define MMC_RSP_R1B	(MMC_RSP_PRESENT | MMC_RSP_CRC | MMC_RSP_OPCODE | MMC_RSP_BUSY)
#define MMC_RSP_R2	(MMC_RSP_PRESENT | MMC_RSP_136 | MMC_RSP_CRC)
#define MMC_RSP_R3	(MMC_RSP_PRESENT)
#define MMC_RSP_R6	(MMC_RSP_PRESENT | MMC_RSP_CRC | MMC_RSP_OPCODE)
#define MMC_RSP_R7	(MMC_RSP_PRESENT | MMC_RSP_CRC | MMC_RSP_OPCODE)

/* include/linux/mmc/core.h: struct mmc_command @ v4.14 */
struct mmc_command {
	u32 opcode;
	u32 arg;
	u32 resp[4];	    /* resp[0]: bits 127:96 of a long response, or the short one */
	unsigned int flags; /* MMC_RSP_* */
	int error;	    /* 0, -ETIMEDOUT (no response), -EIO (CRC) */
	u32 status;	    /* a9mm's: the host's status register when it ended, for messages */
	const char *why;    /* a9mm's: the host's words for the error */
};

#define MMC_DATA_WRITE (1 << 8)
#define MMC_DATA_READ  (1 << 9)

/* include/linux/mmc/core.h: struct mmc_data @ v4.14, a buffer instead of a scatterlist */
struct mmc_data {
	unsigned int blksz;  /* bytes per block: 512 */
	unsigned int blocks; /* how many */
	unsigned int flags;  /* MMC_DATA_READ or MMC_DATA_WRITE */
	void *buf;	     /* blksz * blocks bytes, word aligned, lowmem */
	int error;
	unsigned int bytes_xfered;
	u32 status;	 /* a9mm's: the host's status register when it ended */
	const char *why; /* a9mm's: the host's words for the error */
};

/* include/linux/mmc/core.h: struct mmc_request @ v4.14 */
struct mmc_request {
	struct mmc_command *cmd;
	struct mmc_data *data;	  /* or NULL */
	struct mmc_command *stop; /* CMD12 after a multi-block transfer, or NULL */
};

struct mmc_host;

/* include/linux/mmc/host.h: struct mmc_host_ops @ v4.14: what a9mm's core uses */
struct mmc_host_ops {
	/* carry out @mrq, errors in its commands and data; returns when done */
	void (*request)(struct mmc_host *host, struct mmc_request *mrq);
	/* 1: a card is in the slot, 0: none */
	int (*get_cd)(struct mmc_host *host);
};

/* include/linux/mmc/card.h: struct mmc_cid, mmc_csd @ v4.14 (the fields SD uses) */
struct mmc_cid {
	unsigned int manfid;
	char prod_name[8];
	unsigned int serial;
	unsigned short oemid;
	unsigned short year;
	unsigned char hwrev, fwrev, month;
};

struct mmc_csd {
	unsigned char structure; /* 0: CSD v1 (SDSC), 1: v2 (SDHC/SDXC) */
	unsigned int read_blkbits;
	unsigned int capacity; /* in read_blkbits blocks */
};

/* include/linux/mmc/card.h: struct mmc_card @ v4.14 */
struct mmc_card {
	struct mmc_host *host;
	unsigned int rca;
	bool blockaddr; /* addressed in 512-byte blocks (SDHC), not bytes (SDSC) */
	u32 raw_cid[4], raw_csd[4];
	struct mmc_cid cid;
	struct mmc_csd csd;
	char id[16]; /* "mmc0:4567", Linux's dev_name(&card->dev) */
};

/* include/linux/mmc/host.h: struct mmc_host @ v4.14 */
struct mmc_host {
	char name[8]; /* "mmc0" */
	unsigned int index;
	const struct mmc_host_ops *ops;
	void *priv; /* the host driver's */
	u32 ocr_avail;
	/* mmc_claim_host(): one user at a time, the others asleep on wq */
	spinlock_t lock;
	wait_queue_head_t wq;
	bool claimed;
	struct task_struct *claimer;
	struct mmc_card *card;
};

/* drivers/mmc_sd.c: the core */
int mmc_add_host(struct mmc_host *host);
void mmc_claim_host(struct mmc_host *host);
void mmc_release_host(struct mmc_host *host);
const char *mmc_cmd_name(u32 opcode);
struct block_device;
/* the self-test's way to single-block transfers (CMD17/CMD24) */
int mmc_blk_rw_sectors(struct block_device *bdev, unsigned long long sector, void *buf,
		       unsigned int nr, bool is_write);

#endif
