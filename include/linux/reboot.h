/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_REBOOT_H
#define _LINUX_REBOOT_H

/*
 * include/linux/reboot.h: powering off and restarting.  The other CPUs are
 * stopped first, so none is still running when the board goes away.
 */
void kernel_power_off(void) __attribute__((noreturn));
void kernel_restart(void) __attribute__((noreturn));

#endif
