/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_PTRACE_H
#define _ASM_PTRACE_H

/* arch/arm/include/asm/ptrace.h @ v4.14: registers saved on exception entry */
#define S_R0	     0
#define S_SP	     52
#define S_LR	     56
#define S_PC	     60
#define S_PSR	     64
#define S_FRAME_SIZE 72

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

#define ARM_cpsr uregs[16]
#define ARM_pc	 uregs[15]
#define ARM_lr	 uregs[14]
#define ARM_sp	 uregs[13]
#define ARM_ip	 uregs[12]
#define ARM_fp	 uregs[11]
#define ARM_r0	 uregs[0]
#endif

#endif
