/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_AMBA_SERIAL_H
#define _LINUX_AMBA_SERIAL_H

/*
 * include/linux/amba/serial.h @ v4.14: the PrimeCell PL011 UART's
 * registers and bits (PL011 TRM, DDI 0183, 3.2-3.3), assembler-safe:
 * drivers/pl011.c drives the console with them and boot/head.S's
 * __early_puts writes its pre-MMU messages with the same names.
 */
#define UART01x_DR   0x00 /* data */
#define UART01x_FR   0x18 /* flags */
#define UART011_LCRH 0x2c /* line control */
#define UART011_CR   0x30 /* control */
#define UART011_IMSC 0x38 /* interrupt mask set/clear */
#define UART011_MIS  0x40 /* masked interrupt status */

#define UART011_FR_TXFE	    (1 << 7) /* transmit FIFO empty */
#define UART01x_FR_TXFF	    (1 << 5) /* transmit FIFO full */
#define UART01x_FR_RXFE	    (1 << 4) /* receive FIFO empty */
#define UART01x_FR_BUSY	    (1 << 3)
#define UART01x_LCRH_WLEN_8 (3 << 5)
#define UART01x_LCRH_FEN    (1 << 4)
#define UART011_CR_RXE	    (1 << 9)
#define UART011_CR_TXE	    (1 << 8)
#define UART01x_CR_UARTEN   (1 << 0)
#define UART011_RTIM	    (1 << 6) /* receive timeout: bytes wait below the FIFO level */
#define UART011_RXIM	    (1 << 4) /* receive: the FIFO reached its level */

#endif
