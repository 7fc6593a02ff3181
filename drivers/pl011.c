// SPDX-License-Identifier: GPL-2.0
/*
 * drivers/pl011.c: the PrimeCell PL011 UART as the console, after Linux's
 * drivers/tty/serial/amba-pl011.c @ v4.14.  Register offsets from the
 * PL011 TRM (DDI 0183), section 3.2, named in linux/amba/serial.h.
 *
 * Output is polled: FR says how much the transmit FIFO takes, and that
 * many bytes go without looking again (pl011_console_write()).  Input, once
 * pl011_startup() has run, comes by interrupt: the receive interrupt's
 * handler empties the FIFO into a ring buffer (as the tty layer's flip
 * buffer), from which pl011_getc() takes bytes -- so a task waiting for a
 * key sleeps on a wait queue (its CPU runs other tasks, or idles in WFI)
 * instead of reading the UART over and over, and
 * what is typed while a command runs is kept, not dropped by a full FIFO.
 *
 * Where the registers are, in virtual memory, changes once during boot:
 *
 *   pl011_init()   the fixmap slot FIX_EARLYCON_MEM_BASE (0xffeff000),
 *                  as Linux's earlycon: before any allocator exists
 *   pl011_probe()  ioremap() (a page of vmalloc space, after
 *                  vmalloc_init()), as the amba-pl011 driver's probe;
 *                  the fixmap slot is cleared
 *
 * uart_base switches in one store, with one CPU up and interrupts off.
 */
#include <asm/fixmap.h>
#include <asm/io.h>
#include <linux/amba/serial.h>
#include <linux/console.h>
#include <linux/errno.h>
#include <linux/init.h>
#include <linux/interrupt.h>
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/spinlock.h>
#include <linux/wait.h>
#include <mach/vexpress.h>

/*
 * The receive buffer: head counts bytes ever stored, tail bytes ever
 * taken; head - tail are waiting.  rx_lock: the handler (on the CPU the
 * UART's SPI is routed to) against readers on any CPU.
 */
#define RX_BUF_SIZE 4096
static unsigned char rx_buf[RX_BUF_SIZE];
static unsigned int rx_head, rx_tail;
static unsigned long rx_overruns, rx_overruns_told;
static bool rx_by_irq;
/* the tty's read_wait: who waits in console_getc() */
static DECLARE_WAIT_QUEUE_HEAD(rx_wait);
static DEFINE_SPINLOCK(rx_lock);
static u8 __iomem *uart_base;

/*
 * drivers/tty/serial/amba-pl011.c: uap->fifosize @ v4.14: what the transmit
 * FIFO holds once LCR_H.FEN enables it; 1 (the holding register) until then.
 */
static unsigned int uart_fifosize = 1;

/* PL011 TRM 3.3.19: UARTPeriphID2, bits [7:4] the revision */
#define UART_PERIPHID2 0xfe8

/**
 * pl011_init() - make UART0 an 8N1 console, interrupts masked
 *
 * Mapped through the fixmap (early_fixmap_init() has run): Linux's
 * earlycon, drivers/tty/serial/earlycon.c: earlycon_map() @ v4.14.
 * 8N1 with FIFOs, receive and transmit enabled, all interrupts masked
 * until pl011_startup().  QEMU ignores the baud rate divisors, real boards
 * keep what the boot loader set.
 */
void pl011_init(void)
{
	set_fixmap_io(FIX_EARLYCON_MEM_BASE, V2M_UART0_PHYS);
	uart_base = (void __iomem *)__fix_to_virt(FIX_EARLYCON_MEM_BASE);
	writel(0, uart_base + UART011_IMSC);
	writel(UART01x_LCRH_WLEN_8 | UART01x_LCRH_FEN, uart_base + UART011_LCRH);
	writel(UART01x_CR_UARTEN | UART011_CR_TXE | UART011_CR_RXE, uart_base + UART011_CR);
	/* as Linux's pl011_probe() sizes it: 16 bytes before revision 3 (r1p5), 32 from it */
	uart_fifosize = ((readl(uart_base + UART_PERIPHID2) >> 4) & 0xf) < 3 ? 16 : 32;
}

/*
 * drivers/tty/serial/amba-pl011.c: pl011_console_putchar() @ v4.14 reads FR
 * before every byte and waits while TXFF (the FIFO full) is set: an MMIO
 * read a character, each a trip into QEMU's device model.  Here FR is
 * read only once the bytes known to fit are used up, and says how many
 * fit now (PL011 TRM 3.3.3): TXFE, the FIFO empty, a whole FIFO; TXFF
 * clear, one.  With LCR_H.FEN clear both bits describe the one-byte
 * holding register, and uart_fifosize is 1: a byte at a time, as before.
 * @room: the bytes known to fit; returns what is left of it.  The
 * accesses are relaxed, no barrier, as Linux's pl011_read()/pl011_write():
 * the UART sees them in order, and no memory it reads is involved.
 */
static inline unsigned int pl011_console_putchar(unsigned int room, int ch)
{
	u8 __iomem *base = uart_base;

	while (unlikely(!room)) {
		u32 fr = readl_relaxed(base + UART01x_FR);

		if (fr & UART011_FR_TXFE)
			room = uart_fifosize;
		else if (!(fr & UART01x_FR_TXFF))
			room = 1;
	}
	writel_relaxed((u8)ch, base + UART01x_DR);
	return room - 1;
}

/*
 * drivers/tty/serial/serial_core.c: uart_console_write() @ v4.14: each byte
 * through the driver's putchar, a '\r' before each '\n'.  The putchar
 * carries the FIFO room from byte to byte (Linux's keeps no such count).
 */
static inline void uart_console_write(const char *s, unsigned int count,
				      unsigned int (*putchar)(unsigned int, int))
{
	unsigned int room = 0;

	for (unsigned int i = 0; i < count; i++) {
		if (unlikely(s[i] == '\n'))
			room = putchar(room, '\r');
		room = putchar(room, s[i]);
	}
}

/**
 * pl011_console_write() - the console's text out of UART0
 * @s: the text; each '\n' goes out as "\r\n"
 * @count: its length
 *
 * drivers/tty/serial/amba-pl011.c: pl011_console_write() @ v4.14, called
 * with logbuf_lock held and interrupts off (kernel/printk.c).  Linux's
 * also takes the port's lock, makes sure the transmitter is enabled and
 * waits for FR.BUSY to clear before returning; here the transmitter is
 * always on and nothing waits for the last bytes to leave the FIFO, as
 * before (QEMU sends each byte as it is written).
 */
void pl011_console_write(const char *s, unsigned int count)
{
	uart_console_write(s, count, pl011_console_putchar);
}

/*
 * drivers/tty/serial/amba-pl011.c: pl011_int() -> pl011_rx_chars() @ v4.14:
 * while a receive interrupt is raised, everything in the FIFO into the
 * buffer (a full buffer drops the byte and counts an overrun).  Emptying
 * the FIFO is what clears RXIS/RTIS (PL011 TRM 3.4): as in Linux they are
 * not cleared through UARTICR, which could lose one raised by a byte that
 * arrived just after the FIFO was seen empty.
 */
static irqreturn_t pl011_int(int irq, void *dev_id)
{
	bool any = false;

	spin_lock(&rx_lock);
	while (readl(uart_base + UART011_MIS) & (UART011_RTIM | UART011_RXIM)) {
		while (!(readl(uart_base + UART01x_FR) & UART01x_FR_RXFE)) {
			unsigned char ch = (unsigned char)readl(uart_base + UART01x_DR);

			any = true;
			if (rx_head - rx_tail < RX_BUF_SIZE)
				rx_buf[rx_head++ % RX_BUF_SIZE] = ch;
			else
				rx_overruns++;
		}
	}
	spin_unlock(&rx_lock);
	if (any)
		wake_up_interruptible(&rx_wait);
	return any ? IRQ_HANDLED : IRQ_NONE;
}

/**
 * pl011_getc() - take one received byte, without waiting
 *
 * From the interrupt-fed buffer once pl011_startup() has run, from the
 * UART's FIFO before.  Overruns of the buffer are reported here.
 *
 * Return: the byte (0..255), or -1 when nothing is waiting (a character
 * code, not an error: nothing is wrong, nothing came).
 */
int pl011_getc(void)
{
	unsigned long flags, lost = 0;
	int c = -1;

	spin_lock_irqsave(&rx_lock, flags);
	if (!rx_by_irq) {
		if (!(readl(uart_base + UART01x_FR) & UART01x_FR_RXFE))
			c = (int)(readl(uart_base + UART01x_DR) & 0xff);
	} else if (rx_head != rx_tail) {
		c = rx_buf[rx_tail++ % RX_BUF_SIZE];
	}
	if (rx_overruns != rx_overruns_told) {
		lost = rx_overruns - rx_overruns_told;
		rx_overruns_told = rx_overruns;
	}
	spin_unlock_irqrestore(&rx_lock, flags);
	if (lost)
		pr_warn("ttyAMA0: %lu input overrun(s)\n", lost);
	return c;
}

/**
 * pl011_startup() - input by interrupt from now on
 *
 * drivers/tty/serial/amba-pl011.c: pl011_startup() @ v4.14 (what opening
 * the tty does): claim SPI 5, unmask the receive and receive-timeout
 * interrupts.  Anything already in the FIFO raises the interrupt at once.
 */
void pl011_startup(void)
{
	unsigned long flags;

	if (request_irq(IRQ_V2M_UART0, pl011_int, 0, "uart-pl011", NULL))
		return; /* said why; input stays polled */
	spin_lock_irqsave(&rx_lock, flags);
	rx_by_irq = true;
	writel(UART011_RTIM | UART011_RXIM, uart_base + UART011_IMSC);
	spin_unlock_irqrestore(&rx_lock, flags);
}

/**
 * console_getc() - the next byte typed on the console, waiting for it
 *
 * The shell's only input call (kernel/readline.c), what a read() of
 * /dev/console comes to (n_tty_read()): sleep on rx_wait until the
 * UART's receive interrupt has put a byte in the buffer.  Before
 * pl011_startup() (or without its interrupt) the UART is polled, a
 * jiffy apart.
 *
 * Return: the byte, 0..255, or -EINTR when a signal ended the wait (a
 * process's read(); the shell, a kernel thread, gets none).
 */
int console_getc(void)
{
	int c;

	while ((c = pl011_getc()) < 0) {
		if (READ_ONCE(rx_by_irq)) {
			if (wait_event_interruptible(rx_wait, (c = pl011_getc()) >= 0))
				return -EINTR; /* a signal: the reader is to die */
		} else {
			schedule_timeout_uninterruptible(1);
		}
		if (c >= 0)
			break;
	}
	return c;
}

/**
 * pl011_probe() - move the console from the fixmap to ioremap()
 *
 * drivers/tty/serial/amba-pl011.c: pl011_probe() -> devm_ioremap_resource()
 * @ v4.14, the registers' page ioremap()ped once vmalloc_init() has run;
 * then the early mapping goes (Linux: when the real console replaces the
 * boot console).  If ioremap() fails the early mapping simply stays.
 */
void __init pl011_probe(void)
{
	u8 __iomem *base = ioremap(V2M_UART0_PHYS, V2M_UART0_SIZE);

	if (!base) {
		pr_err("uart-pl011: cannot ioremap 0x%08lx: the early console stays\n",
		       V2M_UART0_PHYS);
		return;
	}
	WRITE_ONCE(uart_base, base);
	clear_fixmap(FIX_EARLYCON_MEM_BASE);
	pr_info("10009000.uart: ttyAMA0 at MMIO 0x%08lx (irq = %d) mapped at 0x%08lx\n",
		V2M_UART0_PHYS, IRQ_V2M_UART0, (unsigned long)base);
}

/**
 * pl011_base() - where the console's registers are mapped now
 *
 * Return: the fixmap slot before pl011_probe(), the ioremap() after.
 */
void __iomem *pl011_base(void)
{
	return READ_ONCE(uart_base);
}
