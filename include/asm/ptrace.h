/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_PTRACE_H
#define _ASM_PTRACE_H

/*
 * arch/arm/include/asm/ptrace.h @ v4.14: the registers saved on every
 * exception entry, in this order (18 words):
 *
 *   r0 .. r12, sp, lr, pc   the interrupted mode's (user: sp_usr, lr_usr)
 *   cpsr                    its SPSR: the interrupted mode and flags
 *   ORIG_r0                 a system call's first argument, kept for a
 *                           restart (r0 is overwritten by the result);
 *                           -1 for any other entry
 */
#define S_R0	     0
#define S_R1	     4
#define S_SP	     52
#define S_LR	     56
#define S_PC	     60
#define S_PSR	     64
#define S_OLD_R0     68
#define S_FRAME_SIZE 72
#define PT_REGS_SIZE S_FRAME_SIZE
/* vector_swi pushes the 5th and 6th syscall arguments below the frame */
#define S_OFF 8

#define USR_MODE    0x10
#define FIQ_MODE    0x11
#define IRQ_MODE    0x12
#define SVC_MODE    0x13
#define ABT_MODE    0x17
#define UND_MODE    0x1b
#define SYSTEM_MODE 0x1f
#define MODE_MASK   0x1f
#define PSR_T_BIT   0x20
#define PSR_F_BIT   0x40
#define PSR_I_BIT   0x80
#define PSR_A_BIT   0x100
#define PSR_E_BIT   0x200
#define PSR_J_BIT   0x01000000
/* the condition flags and the GE bits: what user space may set in its CPSR */
#define PSR_f 0xff000000
#define PSR_s 0x00ff0000
#define PSR_x 0x0000ff00

/* arch/arm/include/asm/traps.h + entry-armv.S: why bad_mode() was called */
#define BAD_PREFETCH   0
#define BAD_DATA       1
#define BAD_ADDREXCPTN 2
#define BAD_IRQ	       3
#define BAD_UNDEFINSTR 4
#define BAD_RESET      5

#ifndef __ASSEMBLY__
struct pt_regs {
	unsigned long uregs[18];
};

#define ARM_ORIG_r0 uregs[17]
#define ARM_cpsr    uregs[16]
#define ARM_pc	    uregs[15]
#define ARM_lr	    uregs[14]
#define ARM_sp	    uregs[13]
#define ARM_ip	    uregs[12]
#define ARM_fp	    uregs[11]
#define ARM_r7	    uregs[7]
#define ARM_r5	    uregs[5]
#define ARM_r4	    uregs[4]
#define ARM_r3	    uregs[3]
#define ARM_r2	    uregs[2]
#define ARM_r1	    uregs[1]
#define ARM_r0	    uregs[0]

/* arch/arm/include/asm/ptrace.h: user_mode() @ v4.14 */
#define processor_mode(regs)	  ((regs)->ARM_cpsr & MODE_MASK)
#define user_mode(regs)		  (((regs)->ARM_cpsr & 0xf) == 0)
#define thumb_mode(regs)	  ((regs)->ARM_cpsr & PSR_T_BIT)
#define interrupts_enabled(regs)  (!((regs)->ARM_cpsr & PSR_I_BIT))
#define instruction_pointer(regs) ((regs)->ARM_pc)
#define user_stack_pointer(regs)  ((regs)->ARM_sp)

/*
 * arch/arm/include/asm/ptrace.h: valid_user_regs() @ v4.14: registers a
 * return to user space may load -- user mode, ARM or Thumb, interrupts on
 */
static inline int valid_user_regs(struct pt_regs *regs)
{
	unsigned long mode = regs->ARM_cpsr & MODE_MASK;

	regs->ARM_cpsr &= ~(PSR_F_BIT | PSR_A_BIT | PSR_I_BIT | PSR_J_BIT | PSR_E_BIT);
	return (mode == USR_MODE);
}
#endif

#endif
