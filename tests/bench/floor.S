/* SPDX-License-Identifier: GPL-2.0 */
/*
 * tests/bench/floor.S: QEMU's floor, the least a kernel can do on this
 * board: print one character and power off.  `make bench` times it beside
 * a9mm in the same run (same QEMU, board, -m, DTB and command line), so
 * a9mm's boot-to-prompt wall time is read as the time above this floor,
 * and as a ratio, never as an absolute figure of one machine.
 *
 * Loaded as a raw image at RAM + 0x10000 like a9mm's, entered with the
 * MMU off: the PL011 data register (PL011 TRM 3.3.1), then the
 * motherboard's SYS_CFGCTRL shutdown (the same two writes as
 * drivers/vexpress-sysreg.c: SYS_CFGDATA = 0, then start|write|shutdown).
 */
#define V2M_SYSREGS	0x10000000
#define UART0		0x10009000
#define SYS_CFGDATA	0xa0
#define SYS_CFGCTRL	0xa4
#define SYS_CFG_POWEROFF 0xc0800000	/* START | WRITE | SHUTDOWN (8 << 20) */

	.arm
	.section ".text", "ax"
	.globl	_start
_start:
	ldr	r0, =UART0
	mov	r1, #'#'
	str	r1, [r0]
	ldr	r0, =V2M_SYSREGS
	mov	r1, #0
	str	r1, [r0, #SYS_CFGDATA]
	ldr	r1, =SYS_CFG_POWEROFF
	str	r1, [r0, #SYS_CFGCTRL]
1:	wfi
	b	1b
	.ltorg
