/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _MACH_VEXPRESS_H
#define _MACH_VEXPRESS_H

#include <asm/memory.h>
#include <linux/compiler.h>
#include <linux/types.h>

/*
 * Versatile Express V2P-CA9 devices a9mm drives (Linux: arch/arm/mach-vexpress
 * @ v3.7, before the board moved to device tree only).  Their physical
 * addresses are in asm/memlayout.h; the drivers reach them through
 * ioremap() (before vmalloc_init(): the fixmap, mm/early_ioremap.c).
 * The GIC's CPU interface and the private timers (TWD) sit at one address
 * for all CPUs, each CPU seeing its own.
 */

/*
 * V2M-P1 TRM 4.3: SYS_FLAGS, where the boot monitor sends secondary CPUs
 * (write 1s to SET to set bits, to CLR to clear them)
 */
#define V2M_SYS_FLAGSSET 0x30
#define V2M_SYS_FLAGSCLR 0x34

/* GIC interrupt IDs (Cortex-A9 MPCore TRM 3.3; V2P-CA9 TRM: UART0 is SPI 5) */
#define IRQ_LOCALTIMER 29
#define IRQ_V2M_UART0  (32 + 5)
#define IRQ_V2M_MMCI0  (32 + 9) /* MMCI's two: command/data, and the FIFO (unused: polled) */
#define IRQ_V2M_MMCI1  (32 + 10)

/* drivers/pl011.c */
void pl011_console_write(const char *s, unsigned int count); /* '\n' as "\r\n" */
int pl011_getc(void);	  /* the next received byte, -1 when nothing is waiting */
void pl011_init(void);	  /* the early console, through the fixmap */
void pl011_probe(void);	  /* ioremap() it; the early mapping goes */
void pl011_startup(void); /* from now on input arrives by interrupt */
void __iomem *pl011_base(void);

/* drivers/vexpress-sysreg.c */
void vexpress_sysreg_early_init(void);
void vexpress_sysreg_probe(void);
void vexpress_flags_set(u32 data);
void __attribute__((noreturn)) vexpress_power_off(void);
void __attribute__((noreturn)) vexpress_restart(void);
unsigned int vexpress_get_mci_cardin(void); /* SYS_MCI: 1 if a card is in the slot */

/* drivers/mmci.c: the PL181 and its SD card (mmc0, mmcblk0) */
void mmci_probe(void);

/* drivers/arm_global_timer.c */
void global_timer_init(void);
void global_timer_probe(void);
unsigned long global_timer_rate(void);
u64 global_timer_ns(void);

/* drivers/scu.c: the SCU's count of CPUs in this cluster (Cortex-A9 MPCore TRM 2.2.2) */
unsigned int scu_get_core_count(u8 __iomem *scu_base);
void scu_enable(u8 __iomem *scu_base);

#endif
