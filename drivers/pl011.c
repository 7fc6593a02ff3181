// SPDX-License-Identifier: GPL-2.0
/*
 * drivers/pl011.c: the PrimeCell PL011 UART as a polled console,
 * after Linux's drivers/tty/serial/amba-pl011.c @ v4.14 (its earlycon path).
 * Register offsets from the PL011 TRM (DDI 0183), section 3.2, named in
 * linux/amba/serial.h.
 */
#include <asm/io.h>
#include <linux/amba/serial.h>
#include <linux/console.h>
#include <mach/vexpress.h>

/**
 * pl011_init() - make UART0 a polled 8N1 console
 *
 * 8N1 with FIFOs, receive and transmit enabled, all interrupts masked: the
 * console is polled.  QEMU ignores the baud rate divisors, real boards keep
 * what the boot loader set.
 */
void pl011_init(void)
{
	writel(0, V2M_UART0 + UART011_IMSC);
	writel(UART01x_LCRH_WLEN_8 | UART01x_LCRH_FEN, V2M_UART0 + UART011_LCRH);
	writel(UART01x_CR_UARTEN | UART011_CR_TXE | UART011_CR_RXE, V2M_UART0 + UART011_CR);
}

/**
 * pl011_putc() - send one byte, waiting while the transmit FIFO is full
 * @c: the byte
 */
void pl011_putc(char c)
{
	while (readl(V2M_UART0 + UART01x_FR) & UART01x_FR_TXFF)
		;
	writel((u8)c, V2M_UART0 + UART01x_DR);
}

/**
 * pl011_getc() - take one received byte, without waiting
 *
 * Return: the byte (0..255), or -1 when the receive FIFO is empty (a
 * character code, not an error: nothing is wrong, nothing came).
 */
int pl011_getc(void)
{
	if (readl(V2M_UART0 + UART01x_FR) & UART01x_FR_RXFE)
		return -1;
	return (int)(readl(V2M_UART0 + UART01x_DR) & 0xff);
}

/**
 * console_getc() - the next byte typed on the console, waiting for it
 *
 * The shell's only input call (kernel/readline.c).  The PL011 is polled
 * here; a receive interrupt filling a buffer can replace this body
 * without its caller noticing.
 *
 * Return: the byte, 0..255.
 */
int console_getc(void)
{
	int c;

	while ((c = pl011_getc()) < 0)
		__asm__ volatile("nop");
	return c;
}
