// SPDX-License-Identifier: GPL-2.0
/*
 * drivers/pl011.c: the PrimeCell PL011 UART as a polled console,
 * after Linux's drivers/tty/serial/amba-pl011.c (its earlycon path).
 * Register offsets from the PL011 TRM (DDI 0183), section 3.2.
 */
#include <asm/io.h>
#include <mach/vexpress.h>

#define UART01x_DR   0x00
#define UART01x_FR   0x18
#define UART011_LCRH 0x2c
#define UART011_CR   0x30
#define UART011_IMSC 0x38

#define UART01x_FR_TXFF	    (1 << 5)
#define UART01x_FR_RXFE	    (1 << 4)
#define UART01x_FR_BUSY	    (1 << 3)
#define UART01x_LCRH_WLEN_8 (3 << 5)
#define UART01x_LCRH_FEN    (1 << 4)
#define UART011_CR_RXE	    (1 << 9)
#define UART011_CR_TXE	    (1 << 8)
#define UART01x_CR_UARTEN   (1 << 0)

/*
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

void pl011_putc(char c)
{
	while (readl(V2M_UART0 + UART01x_FR) & UART01x_FR_TXFF)
		;
	writel((u8)c, V2M_UART0 + UART01x_DR);
}

int pl011_getc(void)
{
	if (readl(V2M_UART0 + UART01x_FR) & UART01x_FR_RXFE)
		return -1;
	return (int)(readl(V2M_UART0 + UART01x_DR) & 0xff);
}
