/* SPDX-License-Identifier: GPL-2.0 */
/*
 * boot/head.S: kernel entry, after arch/arm/kernel/head.S @ v4.14.
 *
 * QEMU enters here like any ARM Linux boot loader would (Documentation/
 * arm/booting.rst @ v6.1): MMU and caches off, SVC mode, IRQs masked,
 *   r0 = 0, r1 = machine type (0x8e0 vexpress), r2 = physical DTB pointer.
 * We run at the physical load address 0x60010000 while linked at
 * 0xc0010000, so until the MMU is on every address is taken PC-relative.
 *
 * Steps, as Linux's stext:
 *   park secondary CPUs -> find PHYS_OFFSET -> vet r2 (__vet_dtb)
 *   -> __create_page_tables (1 MiB sections) -> __enable_mmu
 *   -> __turn_mmu_on (identity mapped) -> __mmap_switched (virtual)
 *   -> start_kernel()
 *
 * The other CPUs come later, one at a time, when __cpu_up() releases them
 * (kernel/platsmp.c): versatile_secondary_startup (boot/headsmp.S) ->
 * secondary_startup -> __enable_mmu on idmap_pgd -> __turn_mmu_on ->
 * __secondary_switched (virtual, own stack) -> secondary_start_kernel().
 */
#include <asm/cp15.h>
#include <asm/memory.h>
#include <asm/pgtable-hwdef.h>
#include <linux/amba/serial.h>
#include <asm/smp.h>

#define PG_DIR_SIZE		0x4000

/*
 * The early sections (asm/pgtable-hwdef.h: the same bits mem_types[]
 * uses later): RAM normal write-back write-allocate and shareable,
 * kernel read/write, domain 0.
 */
#define SECT_MEM	(PROT_SECT_MEM | PMD_DOMAIN(DOMAIN_KERNEL))

/* DACR (B4.1.43): domains 0-3 are clients, their AP bits are checked */
#define DACR_INIT	(domain_val(DOMAIN_KERNEL, DOMAIN_CLIENT) | \
			 domain_val(DOMAIN_USER, DOMAIN_CLIENT) | \
			 domain_val(DOMAIN_IO, DOMAIN_CLIENT) | \
			 domain_val(DOMAIN_VECTORS, DOMAIN_CLIENT))

#define PSR_MODE_SVC	0x13
#define PSR_MODE_ABT	0x17
#define PSR_MODE_UND	0x1b
#define PSR_MODE_IRQ	0x12
#define PSR_MODE_FIQ	0x11
#define PSR_MODE_MASK	0x1f
#define PSR_IF		0xc0

#define UART0_PHYS	V2M_UART0_PHYS

/*
 * linker.ld links the image at PAGE_OFFSET + TEXT_OFFSET as well: it
 * checks its address against this symbol, so the two cannot disagree.
 */
	.globl	__memlayout_text
	.set	__memlayout_text, PAGE_OFFSET + TEXT_OFFSET

	.arm
	.section ".head.text", "ax"

/*
 * arch/arm/kernel/head.S: stext @ v4.14.  Register use until start_kernel:
 *   r2 = DTB (physical), r4 = swapper_pg_dir (physical), r8 = PHYS_OFFSET,
 *   r9 = original r2, r10 = r2 verdict, r11 = r1 (machine type).
 */
	.globl	stext
	.type	stext, %function
stext:
	mrs	r12, cpsr				@ the mode we came in, for hyp_mode_check()
	msr	cpsr_c, #(PSR_IF | PSR_MODE_SVC)	@ SVC mode, IRQ/FIQ masked

	/*
	 * Only CPU 0 boots.  With QEMU's -kernel the secondaries wait in the
	 * board's boot stub until SYS_FLAGS is written, which we never do;
	 * should one arrive here anyway (another loader), it parks.
	 * MPIDR (B4.1.106): Aff0 = CPU number in the cluster.
	 */
	mrc	p15, 0, r3, c0, c0, 5
	ands	r3, r3, #0xff
	bne	__secondary_park

	/* Faults before the MMU is on land in __early_vectors and say so. */
	adr	r3, __early_vectors
	mcr	p15, 0, r3, c12, c0, 0			@ VBAR (B4.1.156)

	mov	r11, r1
	mov	r9, r2

	/*
	 * PHYS_OFFSET = where PAGE_OFFSET's image really is: the difference
	 * between a label's run-time (physical) and link-time (virtual)
	 * address, as __fixup_pv_table does.  It must be 2 MiB aligned so
	 * that pgd entries (two 1 MiB sections) line up.
	 */
	adr	r3, 1f
	ldr	r4, [r3]
	sub	r4, r3, r4				@ r4 = phys - virt
	add	r8, r4, #PAGE_OFFSET			@ r8 = PHYS_OFFSET
	ldr	r3, =(PMD_SIZE - 1)
	tst	r8, r3
	adrne	r0, str_misaligned
	bne	__early_error

	and	r12, r12, #PSR_MODE_MASK
	ldr	r3, =__boot_cpu_mode			@ a .data word, at its physical address
	str	r12, [r3, r4]

	bl	__vet_dtb
	bl	__create_page_tables

	ldr	r13, =__mmap_switched			@ virtual address to go to
	b	__enable_mmu

	.align	2
1:	.long	.
	.ltorg

/*
 * arch/arm/kernel/head-common.S: __vet_atags @ v4.14, for a DTB only.
 * A valid pointer is 4-byte aligned, inside the 1 GiB window above
 * PHYS_OFFSET where vexpress RAM can be, and starts with the FDT magic
 * 0xd00dfeed (big-endian).  Otherwise r2 = 0 and r10 says why; C code
 * prints the message once the console is mapped.
 */
__vet_dtb:
	mov	r10, #1				@ 1: not 4-byte aligned
	tst	r2, #3
	bne	1f
	mov	r10, #2				@ 2: outside RAM window
	subs	r3, r2, r8
	bcc	1f
	cmp	r3, #VEXPRESS_RAM_MAX
	bcs	1f
	mov	r10, #3				@ 3: bad magic
	ldr	r3, [r2]
	ldr	r5, =0xedfe0dd0			@ 0xd00dfeed read little-endian
	cmp	r3, r5
	bne	1f
	mov	r10, #0				@ 0: looks like a DTB
	mov	pc, lr
1:	mov	r2, #0
	mov	pc, lr

/*
 * arch/arm/kernel/head.S: __create_page_tables @ v4.14.
 * A first-level table of 4096 one-MiB section entries (ARM ARM B3.5):
 *   - identity map of __turn_mmu_on, so the instruction after the MMU
 *     turns on is still fetched from where the PC points;
 *   - PAGE_OFFSET .. _end -> PHYS_OFFSET ..: the kernel image;
 *   - two sections at the DTB's linear address.
 * No device: from start_kernel() on, the console and the timer are
 * reached through the fixmap (early_fixmap_init(), mm/early_ioremap.c),
 * and after mem_init() through ioremap(), as Linux without DEBUG_LL.
 * paging_init() later rebuilds all of it with the real memory map.
 */
__create_page_tables:
	add	r4, r8, #TEXT_OFFSET
	sub	r4, r4, #PG_DIR_SIZE		@ r4 = swapper_pg_dir (phys)

	/* zero it 64 bytes a turn: STM stores four registers at once (A8.8.199) */
	mov	r0, r4
	mov	r1, #0
	mov	r3, #0
	mov	r5, #0
	mov	r7, #0
	add	r6, r0, #PG_DIR_SIZE
1:	stmia	r0!, {r1, r3, r5, r7}
	stmia	r0!, {r1, r3, r5, r7}
	stmia	r0!, {r1, r3, r5, r7}
	stmia	r0!, {r1, r3, r5, r7}
	teq	r0, r6
	bne	1b

	ldr	r7, =SECT_MEM

	/* identity map: the section(s) holding .idmap.text (__turn_mmu_on) */
	adr	r0, __turn_mmu_on_loc
	ldmia	r0, {r3, r5, r6}
	sub	r0, r0, r3			@ phys - virt
	add	r5, r5, r0
	add	r6, r6, r0
	mov	r5, r5, lsr #SECTION_SHIFT
	mov	r6, r6, lsr #SECTION_SHIFT
1:	orr	r3, r7, r5, lsl #SECTION_SHIFT
	str	r3, [r4, r5, lsl #2]
	cmp	r5, r6
	addlo	r5, r5, #1
	blo	1b

	/* kernel image: PAGE_OFFSET .. _end */
	add	r0, r4, #(PAGE_OFFSET >> (SECTION_SHIFT - 2))
	ldr	r6, =(_end - 1)
	orr	r3, r8, r7
	add	r6, r4, r6, lsr #(SECTION_SHIFT - 2)
1:	str	r3, [r0], #4
	add	r3, r3, #SECTION_SIZE
	cmp	r0, r6
	bls	1b

	/* the DTB, at its linear address (2 sections: it may cross 1 MiB) */
	movs	r0, r2
	beq	2f
	sub	r0, r0, r8
	add	r0, r0, #PAGE_OFFSET
	mov	r0, r0, lsr #SECTION_SHIFT
	add	r0, r4, r0, lsl #2
	mov	r3, r2, lsr #SECTION_SHIFT
	orr	r3, r7, r3, lsl #SECTION_SHIFT
	str	r3, [r0], #4
	add	r3, r3, #SECTION_SIZE
	str	r3, [r0]
2:	mov	pc, lr
	.ltorg

	.align	2
__turn_mmu_on_loc:
	.long	.
	.long	__idmap_text_start
	.long	__idmap_text_end

/*
 * arch/arm/mm/proc-v7.S: __v7_setup @ v4.14 + arch/arm/kernel/head.S: __enable_mmu @ v4.14.
 * The MMU reads TTBCR, DACR and TTBR0 on the first translation, so all
 * three are set before SCTLR.M:
 *   TTBCR = 0: N = 0, TTBR0 translates the whole 4 GiB (B4.1.153);
 *   DACR  = 0x55: domains 0-3 "client", so descriptor AP bits are checked
 *           (B3.12.3, B4.1.43) -- "manager" would ignore them;
 *   TTBR0 = swapper_pg_dir | walk attributes.
 * ACTLR.SMP (Cortex-A9 TRM 4.3.10) joins the coherency domain, as
 * __v7_ca9mp_setup does, so shareable attributes mean what they say.
 */
__enable_mmu:
	mrc	p15, 0, r0, c1, c0, 1
	orr	r0, r0, #(1 << 6) | (1 << 0)	@ ACTLR.SMP, ACTLR.FW
	mcr	p15, 0, r0, c1, c0, 1

	bl	v7_invalidate_l1
	mov	r0, #0
	mcr	p15, 0, r0, c7, c5, 0		@ ICIALLU
	mcr	p15, 0, r0, c7, c5, 6		@ BPIALL
	mcr	p15, 0, r0, c8, c7, 0		@ TLBIALL
	dsb
	isb

	mov	r0, #0
	mcr	p15, 0, r0, c2, c0, 2		@ TTBCR
	mov	r0, #DACR_INIT
	mcr	p15, 0, r0, c3, c0, 0		@ DACR
	orr	r0, r4, #TTB_FLAGS_SMP
	mcr	p15, 0, r0, c2, c0, 0		@ TTBR0
	isb

	/*
	 * SCTLR (B4.1.130): M=1 MMU, C=1 data cache, Z=1 branch prediction,
	 * I=1 instruction cache; A=0 (ARMv7 allows unaligned LDR/STR to
	 * Normal memory; compiled code relies on it), V=0 (vectors at VBAR
	 * until devicemaps_init moves them high), TRE=0, AFE=0, TE=0.
	 */
	mrc	p15, 0, r0, c1, c0, 0
	bic	r0, r0, #CR_A
	bic	r0, r0, #CR_V
	bic	r0, r0, #CR_TRE | CR_AFE | CR_TE
	orr	r0, r0, #CR_M | CR_C
	orr	r0, r0, #CR_Z
	orr	r0, r0, #CR_I
	b	__turn_mmu_on

/*
 * Must sit in the identity-mapped section: the instruction after the
 * SCTLR write is fetched through the new tables at the same address.
 * In .idmap.text, which head.S's tables map 1:1 for the boot CPU and
 * idmap_pgd (mm/idmap.c) for the others.
 */
	.pushsection ".idmap.text", "ax"
	.align	5
	.type	__turn_mmu_on, %function	@ ENTRY()/ENDPROC(): sized, so GDB names
__turn_mmu_on:					@ it rather than __idmap_text_start
	mcr	p15, 0, r0, c1, c0, 0		@ SCTLR: MMU on
	isb
	mov	r3, r3
	mov	pc, r13				@ __mmap_switched / __secondary_switched
	.size	__turn_mmu_on, . - __turn_mmu_on
__turn_mmu_on_end:
	.popsection

/*
 * arch/arm/mm/cache-v7.S: v7_invalidate_l1 @ v4.14.  Caches come out of reset
 * holding garbage on real hardware, so invalidate L1 D by set/way before
 * enabling it (CCSIDR, B4.1.19; DCISW, B4.2.1).
 */
v7_invalidate_l1:
	mov	r0, #0
	mcr	p15, 2, r0, c0, c0, 0		@ CSSELR: L1 data cache
	isb
	mrc	p15, 1, r0, c0, c0, 0		@ CCSIDR
	ldr	r1, =0x7fff
	and	r12, r1, r0, lsr #13		@ r12 = NumSets - 1
	ldr	r1, =0x3ff
	and	r5, r1, r0, lsr #3		@ r5 = Associativity - 1
	and	r0, r0, #0x7
	add	r0, r0, #4			@ r0 = log2(line size in bytes)
	clz	r1, r5				@ r1 = way field position
1:	mov	r3, r5				@ for each set, every way
2:	mov	r6, r3, lsl r1
	orr	r6, r6, r12, lsl r0
	mcr	p15, 0, r6, c7, c6, 2		@ DCISW
	subs	r3, r3, #1
	bge	2b
	subs	r12, r12, #1
	bge	1b
	dsb
	isb
	mov	pc, lr
	.ltorg

/*
 * A secondary CPU that enters the image at stext (a boot loader that
 * starts every CPU here) waits for good: a9mm's secondaries come in
 * through secondary_startup, released one by one by the boot CPU.
 */
__secondary_park:
	wfe
	b	__secondary_park

/*
 * arch/arm/kernel/head.S: secondary_startup @ v4.9.  A released CPU
 * (boot/headsmp.S) arrives here with the MMU off, at the physical
 * address.  secondary_data, filled by __cpu_up(), says which tables to
 * turn the MMU on with (idmap_pgd: the kernel's mappings plus
 * .idmap.text 1:1) and which stack to run on.  The register use:
 *   r4 = idmap_pgd (phys), r7 = &secondary_data (virt), r9 = entry mode,
 *   r13 = __secondary_switched (virt).
 */
	.globl	secondary_startup
	.type	secondary_startup, %function
secondary_startup:
	mrs	r9, cpsr
	and	r9, r9, #PSR_MODE_MASK
	msr	cpsr_c, #(PSR_IF | PSR_MODE_SVC)
	adr	r3, __early_vectors
	mcr	p15, 0, r3, c12, c0, 0			@ VBAR (B4.1.156), physical
	adr	r4, __secondary_data
	ldmia	r4, {r5, r7, r12}
	sub	lr, r4, r5				@ phys - virt
	add	r3, r7, lr				@ secondary_data, physical
	ldr	r4, [r3, #SECONDARY_DATA_PGDIR]
	mov	r13, r12
	b	__enable_mmu

	.align	2
__secondary_data:
	.long	.
	.long	secondary_data
	.long	__secondary_switched

/*
 * Before the MMU is on there is no console driver: write straight to
 * the PL011 data register (UARTDR, PL011 TRM 3.3.1), waiting on UARTFR.TXFF.
 */
__early_puts:
	ldr	r1, =UART0_PHYS
1:	ldrb	r2, [r0], #1
	teq	r2, #0
	moveq	pc, lr
2:	ldr	r3, [r1, #UART01x_FR]
	tst	r3, #UART01x_FR_TXFF
	bne	2b
	str	r2, [r1, #UART01x_DR]
	b	1b

__early_error:
	bl	__early_puts
1:	wfi
	b	1b

/*
 * Early exception vectors (VBAR = physical address).  Any exception before
 * the MMU is on -- e.g. reading a DTB pointer that hits no device -- is
 * reported instead of silently looping at address 0x0c/0x10.
 */
	.align	5
__early_vectors:
	b	__early_vectors
	b	1f
	b	1f
	b	1f
	b	1f
	b	1f
	b	1f
	b	1f
1:	msr	cpsr_c, #(PSR_IF | PSR_MODE_SVC)
	adr	r0, str_early_fault
	b	__early_error

str_misaligned:
	.asciz	"a9mm: PHYS_OFFSET not 2 MiB aligned: load the Image at RAM start + 0x10000\r\n"
str_early_fault:
	.asciz	"a9mm: exception before the MMU was enabled (bad DTB pointer in r2?)\r\n"
	.align	2
	.ltorg

/*
 * arch/arm/kernel/head-common.S: __mmap_switched @ v4.14.  Now running at the
 * link address: record what head.S learned, clear .bss, set up stacks
 * for SVC and for the exception modes, point VBAR at the real vectors
 * and enter C.
 */
	.text
__mmap_switched:
	ldr	r3, =__pv_offset
	sub	r0, r8, #PAGE_OFFSET			@ PHYS_OFFSET - PAGE_OFFSET
	str	r0, [r3]
	ldr	r3, =__pv_phys_pfn_offset
	mov	r0, r8, lsr #12
	str	r0, [r3]
	ldr	r3, =__atags_pointer
	str	r2, [r3]
	ldr	r3, =__boot_r2
	str	r9, [r3]
	ldr	r3, =__boot_r2_verdict
	str	r10, [r3]
	ldr	r3, =__machine_arch_type
	str	r11, [r3]

	/*
	 * Clear .bss 64 bytes a turn, two 8-register STMs (A8.8.199), as
	 * Linux's memset.S does for it (__mmap_switched calls __memset):
	 * four instructions per 64 bytes instead of three per word.  Both
	 * ends are 8-byte aligned (linker.ld): the last < 64 bytes go by
	 * STRD (A8.8.210).
	 */
	ldr	r3, =__bss_start
	ldr	r6, =__bss_stop
	mov	r0, #0
	mov	r1, #0
	mov	r2, #0
	mov	r4, #0
	mov	r5, #0
	mov	r7, #0
	mov	r8, #0
	mov	r9, #0
	sub	r10, r6, #64			@ the last start of a whole turn
1:	cmp	r3, r10
	stmlsia	r3!, {r0-r2, r4-r5, r7-r9}
	stmlsia	r3!, {r0-r2, r4-r5, r7-r9}
	bls	1b
2:	cmp	r3, r6
	strlod	r0, [r3], #8
	blo	2b

	/* CPU 0's exception-mode stacks (cpu_init() sets them again), then SVC's */
	msr	cpsr_c, #(PSR_IF | PSR_MODE_ABT)
	ldr	sp, =abt_stack + EXC_STACK_SIZE
	msr	cpsr_c, #(PSR_IF | PSR_MODE_UND)
	ldr	sp, =und_stack + EXC_STACK_SIZE
	msr	cpsr_c, #(PSR_IF | PSR_MODE_IRQ)
	ldr	sp, =irq_stack				@ vector_irq stores 3 words upwards
	msr	cpsr_c, #(PSR_IF | PSR_MODE_FIQ)
	ldr	sp, =irq_stack + EXC_STACK_SIZE
	msr	cpsr_c, #(PSR_IF | PSR_MODE_SVC)
	ldr	sp, =init_thread_union + THREAD_SIZE
	mov	fp, #0

	ldr	r0, =__vectors_start
	mcr	p15, 0, r0, c12, c0, 0		@ VBAR
	isb

	b	start_kernel
	.ltorg

/*
 * arch/arm/kernel/head.S: __secondary_switched @ v4.9: virtual at last;
 * this CPU's stack from secondary_data, the real vectors, then C with
 * the mode the CPU entered in (r9) as argument.  Interrupts stay masked:
 * secondary_start_kernel() turns them on when the CPU is ready.
 */
__secondary_switched:
	ldr	sp, [r7, #SECONDARY_DATA_STACK]
	ldr	r0, =__vectors_start
	mcr	p15, 0, r0, c12, c0, 0			@ VBAR
	isb
	mov	fp, #0
	mov	r0, r9
	b	secondary_start_kernel
	.ltorg

	.data
	.align	2
/* Linux: __pv_offset, __pv_phys_pfn_offset (arch/arm/kernel/head.S @ v4.14) */
	.globl	__pv_offset, __pv_phys_pfn_offset
__pv_offset:		.long	0
__pv_phys_pfn_offset:	.long	0
	.globl	__atags_pointer, __boot_r2, __boot_r2_verdict, __machine_arch_type
	.globl	__boot_cpu_mode
__atags_pointer:	.long	0
__boot_r2:		.long	0
__boot_r2_verdict:	.long	0
__machine_arch_type:	.long	0
/* arch/arm/kernel/hyp-stub.S: __boot_cpu_mode, the boot CPU's mode at entry */
__boot_cpu_mode:	.long	0

/*
 * The boot CPU's SVC stack (the other CPUs' come from the page allocator,
 * kernel/smp.c) and every CPU's exception-mode stacks, one EXC_STACK_SIZE
 * slice per CPU; cpu_init() points each CPU at its own.
 */
	.bss
	.align	THREAD_SHIFT			@ thread_info is at the bottom: sp & ~(THREAD_SIZE - 1)
	.globl	init_thread_union, abt_stack, und_stack, irq_stack
init_thread_union:	.space	THREAD_SIZE
abt_stack:		.space	EXC_STACK_SIZE * NR_CPUS
und_stack:		.space	EXC_STACK_SIZE * NR_CPUS
irq_stack:		.space	EXC_STACK_SIZE * NR_CPUS
