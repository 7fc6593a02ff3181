/* SPDX-License-Identifier: GPL-2.0 */
/*
 * user/ktest-spin.S: a user program that never makes a system call and
 * never ends -- only the tick can take its CPU away, only a signal can
 * end it.
 */
	.syntax	unified
	.arm
	.text
	.globl	_start
_start:
	add	r0, r0, #1
	b	_start
