/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _MACH_VEXPRESS_H
#define _MACH_VEXPRESS_H

#include <asm/memory.h>
#include <linux/types.h>

/*
 * Versatile Express V2P-CA9 devices a9mm drives (Linux: arch/arm/mach-vexpress
 * @ v3.7, before the board moved to device tree only), at their virtual
 * addresses in the static I/O map (asm/memlayout.h draws both maps):
 * e.g. the UART at PA 0x10009000 is VA 0xf8009000.  The GIC's CPU
 * interface and the private timers (TWD) sit at one address for all CPUs,
 * each CPU seeing its own.
 */
#define V2M_SYSREGS	(IO_MB_VIRT + V2M_SYSREGS_OFFSET)
#define V2M_UART0	(IO_MB_VIRT + V2M_UART0_OFFSET)
#define A9_SCU		(IO_PRIV_VIRT + A9_SCU_OFFSET)
#define A9_GIC_CPU	(IO_PRIV_VIRT + A9_GIC_CPU_OFFSET)
#define A9_GLOBAL_TIMER (IO_PRIV_VIRT + A9_GLOBAL_TIMER_OFFSET)
#define A9_TWD		(IO_PRIV_VIRT + A9_TWD_OFFSET)
#define A9_GIC_DIST	(IO_PRIV_VIRT + A9_GIC_DIST_OFFSET)

/*
 * V2M-P1 TRM 4.3: SYS_FLAGS, where the boot monitor sends secondary CPUs
 * (write 1s to SET to set bits, to CLR to clear them)
 */
#define V2M_SYS_FLAGSSET 0x30
#define V2M_SYS_FLAGSCLR 0x34

/* GIC interrupt IDs (Cortex-A9 MPCore TRM 3.3; V2P-CA9 TRM: UART0 is SPI 5) */
#define IRQ_LOCALTIMER 29
#define IRQ_V2M_UART0  (32 + 5)

/* drivers/pl011.c */
void pl011_putc(char c);
int pl011_getc(void); /* the next received byte, -1 when nothing is waiting */
void pl011_init(void);
void pl011_startup(void); /* from now on input arrives by interrupt */

/* drivers/vexpress-sysreg.c */
void __attribute__((noreturn)) vexpress_power_off(void);
void __attribute__((noreturn)) vexpress_restart(void);

/* drivers/arm_global_timer.c */
void global_timer_init(void);
unsigned long global_timer_rate(void);
u64 global_timer_ns(void);

/* The SCU's count of CPUs in this cluster (Cortex-A9 MPCore TRM 2.2.2). */
unsigned int scu_get_core_count(void);
void scu_enable(void);

#endif
