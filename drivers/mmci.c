// SPDX-License-Identifier: GPL-2.0
/*
 * drivers/mmci.c: the ARM PrimeCell PL180/PL181 MultiMedia Card Interface
 * as an MMC host, after Linux's drivers/mmc/host/mmci.c @ v4.14.  Register
 * names are Linux's (drivers/mmc/host/mmci.h), from the PL180 TRM
 * (DDI 0172).  The card protocol above it is drivers/mmc_sd.c.
 *
 * Polled PIO, no interrupts and no DMA: a request is carried out to its
 * end by the task that makes it (ops->request returns when it is done).
 * Linux's driver does the same steps from its two interrupts -- MCIMASK0
 * for command and data ends, MCIMASK1 for the FIFO half full/empty -- and
 * wakes the waiter with complete(); here the task reads MMCISTATUS
 * instead, so the masks stay 0 and the irqs (SPI 9, 10) unrequested.
 * Every wait is bounded (MMCI_*_TIMEOUT_NS on the global timer): a card
 * or a controller that stops answering gives -ETIMEDOUT, never a hang.
 *
 *   read:   DATACTRL (enable, from card)  CMD17/18  FIFO -> buf ...  DATAEND  [CMD12]
 *   write:  CMD24/25  DATACTRL (enable, to card)  buf -> FIFO ...  DATAEND  [CMD12]
 *
 * The data path starts before a read command (the card sends as soon as
 * it has the command) and after a write command has its response (the
 * card takes data only then), as mmci_request() and mmci_cmd_irq() order
 * them.
 *
 * Where the registers are: V2M_MMCI_PHYS, a constant as pl011's
 * V2M_UART0_PHYS (no a9mm driver looks its registers up in the DTB; the
 * mmci node of dts/vexpress-v2p-ca9.dtsi says the same for Linux).
 */
#include <asm/io.h>
#include <linux/errno.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/mmc/core.h>
#include <mach/vexpress.h>

/* drivers/mmc/host/mmci.h @ v4.14: the registers (PL180 TRM 3.3) */
#define MMCIPOWER	    0x000
#define MCI_PWR_UP	    0x02
#define MCI_PWR_ON	    0x03
#define MMCICLOCK	    0x004
#define MCI_CLK_ENABLE	    (1 << 8)
#define MMCIARGUMENT	    0x008
#define MMCICOMMAND	    0x00c
#define MCI_CPSM_RESPONSE   (1 << 6)
#define MCI_CPSM_LONGRSP    (1 << 7)
#define MCI_CPSM_ENABLE	    (1 << 10)
#define MMCIRESPCMD	    0x010
#define MMCIRESPONSE0	    0x014 /* then 1, 2, 3 every 4 bytes: bits 127:96 first */
#define MMCIDATATIMER	    0x024
#define MMCIDATALENGTH	    0x028
#define MMCIDATACTRL	    0x02c
#define MCI_DPSM_ENABLE	    (1 << 0)
#define MCI_DPSM_DIRECTION  (1 << 1) /* from the card */
#define MMCIDATACNT	    0x030
#define MMCISTATUS	    0x034
#define MCI_CMDCRCFAIL	    (1 << 0)
#define MCI_DATACRCFAIL	    (1 << 1)
#define MCI_CMDTIMEOUT	    (1 << 2)
#define MCI_DATATIMEOUT	    (1 << 3)
#define MCI_TXUNDERRUN	    (1 << 4)
#define MCI_RXOVERRUN	    (1 << 5)
#define MCI_CMDRESPEND	    (1 << 6)
#define MCI_CMDSENT	    (1 << 7)
#define MCI_DATAEND	    (1 << 8)
#define MCI_STARTBITERR	    (1 << 9)
#define MCI_DATABLOCKEND    (1 << 10)
#define MCI_TXFIFOHALFEMPTY (1 << 14)
#define MCI_RXFIFOHALFFULL  (1 << 15)
#define MCI_RXFIFOFULL	    (1 << 17)
#define MCI_TXFIFOEMPTY	    (1 << 18)
#define MCI_RXDATAAVLBL	    (1 << 21)
#define MMCICLEAR	    0x038 /* write 1s: clears those of MMCISTATUS's bits 10:0 */
#define MMCIMASK0	    0x03c
#define MMCIMASK1	    0x040
#define MMCIFIFOCNT	    0x048
#define MMCIFIFO	    0x080 /* 16 words, each address the same FIFO */

#define MCI_CMD_BITS (MCI_CMDCRCFAIL | MCI_CMDTIMEOUT | MCI_CMDRESPEND | MCI_CMDSENT)
#define MCI_DATA_ERRS \
	(MCI_DATACRCFAIL | MCI_DATATIMEOUT | MCI_TXUNDERRUN | MCI_RXOVERRUN | MCI_STARTBITERR)
#define MCI_DATA_BITS (MCI_DATA_ERRS | MCI_DATAEND | MCI_DATABLOCKEND)
#define MCI_FIFOSIZE  16 /* words */

/*
 * MCLK is the motherboard's 24 MHz (Linux's v2m_clk24mhz); the card clock
 * is MCLK / (2 * (clkdiv + 1)): 400 kHz while identifying (clkdiv 29),
 * then the slot's max-frequency, 12 MHz (clkdiv 0).  QEMU ignores it.
 */
#define MMCI_CLKDIV_INIT 29
#define MMCI_CLKDIV_FAST 0
/* the card's data timeout, in card clocks: 250 ms at 12 MHz */
#define MMCI_DATA_TIMER 3000000
/* how long a9mm waits for the controller, on the global timer */
#define MMCI_CMD_TIMEOUT_NS  (100 * 1000 * 1000ULL)
#define MMCI_DATA_TIMEOUT_NS (1000 * 1000 * 1000ULL)

/* drivers/mmc/host/mmci.h: struct mmci_host @ v4.14, what polling needs of it */
struct mmci_host {
	struct mmc_host mmc;
	u8 __iomem *base;
	unsigned long phys;
	unsigned int part, manf, rev; /* the AMBA peripheral ID */
};

static struct mmci_host mmci_host0 = { .mmc = { .name = "mmc0" } };

/* the first error in @status, for messages */
static const char *mmci_status_error(u32 status)
{
	if (status & MCI_CMDTIMEOUT)
		return "command timeout";
	if (status & MCI_CMDCRCFAIL)
		return "command CRC fail";
	if (status & MCI_DATATIMEOUT)
		return "data timeout";
	if (status & MCI_DATACRCFAIL)
		return "data CRC fail";
	if (status & MCI_TXUNDERRUN)
		return "TX FIFO underrun";
	if (status & MCI_RXOVERRUN)
		return "RX FIFO overrun";
	if (status & MCI_STARTBITERR)
		return "start bit error";
	return "no answer from the controller";
}

/*
 * MMCISTATUS until one of @bits is set; *status is what was read last.
 * Returns 0, or -ETIMEDOUT after @timeout_ns of nothing (the controller
 * has not even flagged a timeout of its own).
 */
static int mmci_wait(struct mmci_host *host, u32 bits, u64 timeout_ns, u32 *status)
{
	u64 deadline = global_timer_ns() + timeout_ns;

	for (;;) {
		*status = readl_relaxed(host->base + MMCISTATUS);
		if (*status & bits)
			return 0;
		if (global_timer_ns() > deadline)
			return -ETIMEDOUT;
		cpu_relax();
	}
}

/*
 * drivers/mmc/host/mmci.c: mmci_start_command() + mmci_cmd_irq() @ v4.14:
 * argument, then the command register starts the command path state
 * machine; it ends with CMDSENT (no response wanted), CMDRESPEND, or an
 * error.  A CRC failure counts only where the response has a CRC (R3,
 * the OCR, has none: the PL180 always flags it).
 */
static void mmci_command(struct mmci_host *host, struct mmc_command *cmd)
{
	u32 c = (cmd->opcode & 0x3f) | MCI_CPSM_ENABLE, status, done;
	u8 __iomem *base = host->base;

	if (cmd->flags & MMC_RSP_PRESENT) {
		c |= MCI_CPSM_RESPONSE;
		if (cmd->flags & MMC_RSP_136)
			c |= MCI_CPSM_LONGRSP;
	}
	done = cmd->flags & MMC_RSP_PRESENT ? MCI_CMDRESPEND | MCI_CMDTIMEOUT | MCI_CMDCRCFAIL
					    : MCI_CMDSENT;
	writel_relaxed(MCI_CMD_BITS, base + MMCICLEAR);
	writel_relaxed(cmd->arg, base + MMCIARGUMENT);
	writel(c, base + MMCICOMMAND);
	cmd->error = mmci_wait(host, done, MMCI_CMD_TIMEOUT_NS, &status);
	cmd->status = status;
	if (!cmd->error) {
		if (status & MCI_CMDTIMEOUT)
			cmd->error = -ETIMEDOUT;
		else if ((status & MCI_CMDCRCFAIL) && (cmd->flags & MMC_RSP_CRC))
			cmd->error = -EIO;
	}
	cmd->why = cmd->error ? mmci_status_error(cmd->error == -ETIMEDOUT ? status & MCI_CMDTIMEOUT
									   : status)
			      : NULL;
	if (!cmd->error && (cmd->flags & MMC_RSP_PRESENT))
		for (int i = 0; i < 4; i++)
			cmd->resp[i] = readl_relaxed(base + MMCIRESPONSE0 + 4 * i);
	writel_relaxed(MCI_CMD_BITS, base + MMCICLEAR);
}

/*
 * drivers/mmc/host/mmci.c: mmci_start_data() @ v4.14: the data path state
 * machine's length, timeout and direction; block size as log2 in DATACTRL
 * [7:4].  Stale data flags (a finished transfer's DATAEND) go first.
 */
static void mmci_start_data(struct mmci_host *host, struct mmc_data *data)
{
	u32 ctrl = MCI_DPSM_ENABLE | ((u32)__builtin_ctz(data->blksz) << 4);
	u8 __iomem *base = host->base;

	if (data->flags & MMC_DATA_READ)
		ctrl |= MCI_DPSM_DIRECTION;
	writel_relaxed(MCI_DATA_BITS, base + MMCICLEAR);
	writel_relaxed(MMCI_DATA_TIMER, base + MMCIDATATIMER);
	writel_relaxed(data->blksz * data->blocks, base + MMCIDATALENGTH);
	writel(ctrl, base + MMCIDATACTRL);
}

/*
 * The FIFO made no progress: true once that has lasted MMCI_DATA_TIMEOUT_NS.
 * The clock is read only when stalled (*deadline 0: the first stall since
 * progress), not after every burst: the global timer is MMIO too, and under
 * QEMU each MMIO access is most of a transfer's cost.
 */
static bool mmci_stalled(u64 *deadline)
{
	u64 now = global_timer_ns();

	if (!*deadline) {
		*deadline = now + MMCI_DATA_TIMEOUT_NS;
		return false;
	}
	return now > *deadline;
}

/*
 * drivers/mmc/host/mmci.c: mmci_pio_read() @ v4.14: as many words as the
 * status says the FIFO holds -- all 16 when full, 8 when half full, else
 * one.  (Linux counts them from MMCIFIFOCNT; the flags are the TRM's
 * own, and QEMU refills its FIFO only once MMCISTATUS has been read
 * after the last word taken, so reading the status is needed anyway.)
 */
static int mmci_pio_read(struct mmci_host *host, u32 *buf, unsigned int words, u32 *status)
{
	u8 __iomem *base = host->base;
	u64 deadline = 0;

	while (words) {
		unsigned int n;

		*status = readl_relaxed(base + MMCISTATUS);
		if (*status & MCI_DATA_ERRS)
			return *status & MCI_DATATIMEOUT ? -ETIMEDOUT : -EIO;
		if (*status & MCI_RXFIFOFULL)
			n = MCI_FIFOSIZE;
		else if (*status & MCI_RXFIFOHALFFULL)
			n = MCI_FIFOSIZE / 2;
		else if (*status & MCI_RXDATAAVLBL)
			n = 1;
		else if (mmci_stalled(&deadline))
			return -ETIMEDOUT;
		else
			continue;
		n = min(n, words);
		words -= n;
		while (n--)
			*buf++ = readl_relaxed(base + MMCIFIFO);
		deadline = 0;
	}
	return 0;
}

/*
 * drivers/mmc/host/mmci.c: mmci_pio_write() @ v4.14: 16 words into an
 * empty FIFO, 8 into a half empty one.
 */
static int mmci_pio_write(struct mmci_host *host, const u32 *buf, unsigned int words, u32 *status)
{
	u8 __iomem *base = host->base;
	u64 deadline = 0;

	while (words) {
		unsigned int n;

		*status = readl_relaxed(base + MMCISTATUS);
		if (*status & MCI_DATA_ERRS)
			return *status & MCI_DATATIMEOUT ? -ETIMEDOUT : -EIO;
		if (*status & MCI_TXFIFOEMPTY)
			n = MCI_FIFOSIZE;
		else if (*status & MCI_TXFIFOHALFEMPTY)
			n = MCI_FIFOSIZE / 2;
		else if (mmci_stalled(&deadline))
			return -ETIMEDOUT;
		else
			continue;
		n = min(n, words);
		words -= n;
		while (n--)
			writel_relaxed(*buf++, base + MMCIFIFO);
		deadline = 0;
	}
	return 0;
}

/*
 * drivers/mmc/host/mmci.c: mmci_data_irq() @ v4.14, polled: the FIFO work
 * (mmci_pio_irq()), then DATAEND -- every byte through and, for a write,
 * the card's CRC status back -- or an error, which stops the data path.
 */
static void mmci_transfer(struct mmci_host *host, struct mmc_data *data)
{
	unsigned int words = data->blksz * data->blocks / 4;
	u8 __iomem *base = host->base;
	u32 status = 0;
	int err;

	if (data->flags & MMC_DATA_READ)
		err = mmci_pio_read(host, data->buf, words, &status);
	else
		err = mmci_pio_write(host, data->buf, words, &status);
	if (!err)
		err = mmci_wait(host, MCI_DATAEND | MCI_DATA_ERRS, MMCI_DATA_TIMEOUT_NS, &status);
	if (!err && (status & MCI_DATA_ERRS))
		err = status & MCI_DATATIMEOUT ? -ETIMEDOUT : -EIO;
	data->error = err;
	data->status = status;
	data->why = err ? mmci_status_error(status & MCI_DATA_ERRS) : NULL;
	data->bytes_xfered = err ? 0 : data->blksz * data->blocks;
	if (err) /* mmci_stop_data() */
		writel_relaxed(0, base + MMCIDATACTRL);
	writel_relaxed(MCI_DATA_BITS, base + MMCICLEAR);
}

/*
 * drivers/mmc/host/mmci.c: mmci_request() @ v4.14, to its end: a read's
 * data path before the command, a write's after its response; the stop
 * command after the data, even a failed transfer's (the card is still
 * sending or receiving).
 */
static void mmci_request(struct mmc_host *mmc, struct mmc_request *mrq)
{
	struct mmci_host *host = mmc->priv;
	struct mmc_data *data = mrq->data;

	if (data && (data->flags & MMC_DATA_READ))
		mmci_start_data(host, data);
	mmci_command(host, mrq->cmd);
	if (!data)
		return;
	if (mrq->cmd->error) {
		writel_relaxed(0, host->base + MMCIDATACTRL);
		data->error = 0;
		data->bytes_xfered = 0;
		return;
	}
	if (data->flags & MMC_DATA_WRITE)
		mmci_start_data(host, data);
	mmci_transfer(host, data);
	if (mrq->stop)
		mmci_command(host, mrq->stop);
}

/*
 * drivers/mmc/host/mmci.c: mmci_get_cd() @ v4.14 -> the platform's
 * status(), on vexpress the motherboard's SYS_MCI (Linux 4.14 reads it as
 * a GPIO of the vexpress-sysreg, "cd-gpios")
 */
static int mmci_get_cd(struct mmc_host *mmc)
{
	return (int)vexpress_get_mci_cardin();
}

static const struct mmc_host_ops mmci_ops = {
	.request = mmci_request,
	.get_cd = mmci_get_cd,
};

/*
 * drivers/amba/bus.c: amba_device_try_add() @ v4.14: the PrimeCell's
 * peripheral and component IDs, a byte in each of the last 8 words of its
 * 4 KiB; false if the component ID is not the PrimeCell's 0xb105f00d.
 */
static bool mmci_read_amba_id(struct mmci_host *host)
{
	u32 pid = 0, cid = 0;

	for (int i = 0; i < 4; i++) {
		pid |= (readl(host->base + V2M_MMCI_SIZE - 0x20 + 4 * i) & 0xff) << (8 * i);
		cid |= (readl(host->base + V2M_MMCI_SIZE - 0x10 + 4 * i) & 0xff) << (8 * i);
	}
	host->part = pid & 0xfff;
	host->manf = (pid >> 12) & 0xff;
	host->rev = (pid >> 20) & 0xf;
	if (cid != 0xb105f00d) {
		pr_err("mmci-pl18x: no PrimeCell at 0x%08lx (component ID 0x%08lx)\n", host->phys,
		       cid);
		return false;
	}
	return true;
}

/**
 * mmci_probe() - the PL181 and whatever card is in its slot
 *
 * drivers/mmc/host/mmci.c: mmci_probe() @ v4.14: the registers ioremap()ped,
 * the IDs checked, interrupts masked (polled here), the card powered
 * and clocked slowly for identification, then mmc_add_host(), whose
 * rescan identifies the card and adds mmcblk0.  Process context: called
 * by kernel_init() where Linux's device initcalls run.  Without a card,
 * or if it fails, the host stays (its registers mapped) and boot goes on.
 */
void __init mmci_probe(void)
{
	struct mmci_host *host = &mmci_host0;

	host->phys = V2M_MMCI_PHYS;
	host->base = ioremap(V2M_MMCI_PHYS, V2M_MMCI_SIZE);
	if (!host->base) {
		pr_err("mmci-pl18x: cannot ioremap 0x%08lx: no MMC\n", host->phys);
		return;
	}
	if (!mmci_read_amba_id(host)) {
		iounmap(host->base);
		return;
	}
	writel(0, host->base + MMCIMASK0);
	writel(0, host->base + MMCIMASK1);
	writel(0x7ff, host->base + MMCICLEAR);
	/* mmci_set_ios(): power up, then on; the identification clock */
	writel(MCI_PWR_UP, host->base + MMCIPOWER);
	writel(MCI_PWR_ON, host->base + MMCIPOWER);
	writel(MCI_CLK_ENABLE | MMCI_CLKDIV_INIT, host->base + MMCICLOCK);
	pr_info("mmci-pl18x %08lx.mmci: %s: PL%03x manf %x rev%u at 0x%08lx irq %d,%d (pio, polled)\n",
		host->phys, host->mmc.name, host->part, host->manf, host->rev, host->phys,
		IRQ_V2M_MMCI0, IRQ_V2M_MMCI1);
	host->mmc.ops = &mmci_ops;
	host->mmc.priv = host;
	host->mmc.ocr_avail = MMC_VDD_32_33 | MMC_VDD_33_34;
	if (!mmc_add_host(&host->mmc)) /* the card is identified: full speed */
		writel(MCI_CLK_ENABLE | MMCI_CLKDIV_FAST, host->base + MMCICLOCK);
}
