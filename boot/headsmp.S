/* SPDX-License-Identifier: GPL-2.0 */
/*
 * boot/headsmp.S: arch/arm/plat-versatile/headsmp.S @ v4.9, the holding pen.
 *
 * QEMU's board boot loader, like the real boot monitor, sends every
 * secondary CPU that gets an interrupt to the one address in the board's
 * SYS_FLAGS register.  So the kernel writes there the address of this
 * pen (vexpress_smp_prepare_cpus()) and releases CPUs one at a time: a
 * CPU leaves the pen only when pen_release holds its own MPIDR (the
 * affinity fields), which versatile_boot_secondary() writes just before
 * waking that CPU.  Any other CPU that wakes up stays here.
 *
 * The MMU and caches are off: pen_release is read from memory, which is
 * why the boot CPU cleans it to memory after writing it.  WFE waits for
 * the boot CPU's SEV instead of spinning flat out (Linux's pen spins).
 */
	.arm
	.text

	.globl	versatile_secondary_startup
	.type	versatile_secondary_startup, %function
versatile_secondary_startup:
	mrc	p15, 0, r0, c0, c0, 5		@ MPIDR (B4.1.106)
	bic	r0, r0, #0xff000000		@ the affinity fields: the hwid
	adr	r4, 1f
	ldmia	r4, {r5, r6}
	sub	r4, r4, r5			@ phys - virt
	add	r6, r6, r4			@ pen_release, physical
pen:	ldr	r7, [r6]
	cmp	r7, r0
	beq	secondary_startup
	wfe
	b	pen

	.align	2
1:	.long	.
	.long	pen_release
