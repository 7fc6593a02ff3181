/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_SMP_TWD_H
#define _ASM_SMP_TWD_H

/*
 * arch/arm/include/asm/smp_twd.h: each Cortex-A9 core's private timer
 * ("TWD", timer-watchdog; Cortex-A9 MPCore TRM 4.1), at the same address
 * on every core, each seeing its own, interrupting as PPI 29.
 */
#define TWD_TIMER_LOAD	  0x00
#define TWD_TIMER_COUNTER 0x04
#define TWD_TIMER_CONTROL 0x08
#define TWD_TIMER_INTSTAT 0x0C

#define TWD_TIMER_CONTROL_ENABLE    (1 << 0)
#define TWD_TIMER_CONTROL_PERIODIC  (1 << 1)
#define TWD_TIMER_CONTROL_IT_ENABLE (1 << 2)

/* drivers/arm_twd.c */
void twd_local_timer_register(void);
void twd_timer_setup(void);
void twd_timer_stop(void);

#endif
