// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/traps.c: what happens when the CPU takes an exception, after
 * arch/arm/kernel/traps.c and arch/arm/mm/fault.c @ v4.14.  Every report names the
 * exception, decodes the fault status register and dumps the registers in
 * Linux's layout, then the kernel dies -- unless a caller armed fault_fixup.
 */
#include <linux/kallsyms.h>
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/task_name.h>
#include <linux/smp.h>
#include <asm/cpu.h>
#include <asm/fault.h>
#include <asm/pgtable.h>
#include <asm/irqflags.h>
#include <asm/spinlock.h>
#include <asm/pgwalk.h>
#include <asm/ptrace.h>
#include <asm/cacheflush.h>
#include <asm/cp15.h>
#include <asm/traps.h>
#include <asm/sections.h>
#include <asm/thread_info.h>
#include <linux/mm.h>

extern const char __vectors_start[], __vectors_end[];
extern const char linux_banner[];

DEFINE_PER_CPU(unsigned long, fault_fixup);
DEFINE_PER_CPU(bool, fault_quiet);
DEFINE_PER_CPU(unsigned long, fault_quiet_taken);
static int die_counter;

/* arch/arm/kernel/traps.c: die_lock: one oops report at a time, whole */
static arch_spinlock_t die_lock = __ARCH_SPIN_LOCK_UNLOCKED;
static int die_owner = -1;
static unsigned int die_nest_count;

static const char *const processor_modes[] = {
	"USER_26", "FIQ_26", "IRQ_26",	"SVC_26",  "UK4_26",  "UK5_26",	 "UK6_26",  "UK7_26",
	"UK8_26",  "UK9_26", "UK10_26", "UK11_26", "UK12_26", "UK13_26", "UK14_26", "UK15_26",
	"USER_32", "FIQ_32", "IRQ_32",	"SVC_32",  "UK4_32",  "UK5_32",	 "MON_32",  "ABT_32",
	"UK8_32",  "UK9_32", "HYP_32",	"UND_32",  "UK12_32", "UK13_32", "UK14_32", "SYS_32",
};

/*
 * The task an exception interrupted: the abort and undefined handlers
 * run on their own mode's stacks, where current_thread_info() would find
 * nothing, so the task is found from the interrupted SVC stack pointer
 * (the thread_info at the bottom of its stack, asm/thread_info.h).
 */
static struct task_struct *interrupted_task(const struct pt_regs *regs)
{
	const struct thread_info *ti;

	if (!regs) /* dump_stack(): the caller itself, on its own stack */
		return current;
	if (processor_mode(regs) != SVC_MODE)
		return NULL;
	ti = (const struct thread_info *)(regs->ARM_sp & ~(THREAD_SIZE - 1UL));
	return ti->task;
}

/*
 * lib/dump_stack.c: dump_stack_print_info() @ v4.9: who was running --
 * the CPU, its task, the taint (D once a kernel oopsed: TAINT_DIE's
 * place in Linux's flag string) and the kernel's release and build
 * number -- and the machine.
 */
static void show_regs_print_info(const struct pt_regs *regs)
{
	unsigned int cpu = smp_processor_id();
	const char *release = linux_banner + strlen("a9mm version ");
	const char *build = strchr(linux_banner, '#');
	const struct task_struct *tsk = interrupted_task(regs);
	char name[TASK_NAME_LEN];

	/* before sched_init() there is no task yet: the CPU's context is its idle task */
	printk(KERN_EMERG "CPU: %u PID: %d Comm: %s %s %.*s %.*s\n", cpu, tsk ? tsk->pid : 0,
	       task_name(name, sizeof(name), tsk, cpu, false), print_tainted(),
	       (int)strcspn(release, " "), release, build ? (int)strcspn(build, " ") : 0,
	       build ? build : "");
	printk(KERN_EMERG "Hardware name: %s\n", machine_name);
}

/**
 * dump_stack() - who is running, and the call chain that led here
 *
 * lib/dump_stack.c: dump_stack() @ v4.14 with arch/arm/kernel/traps.c's
 * dump_backtrace_entry() lines, walked through the APCS frame pointers
 * a9mm is built with (-fno-omit-frame-pointer: a function's fp points at
 * its saved lr, the caller's fp just below it).  The walk stops at the
 * first frame that is not above the last one on the same stack, not in
 * the linear map, or whose return address is not kernel text -- so a
 * broken chain ends the trace, never faults.
 */
void dump_stack(void)
{
	unsigned long fp = (unsigned long)__builtin_frame_address(0), top = fp + THREAD_SIZE;
	unsigned long where = (unsigned long)dump_stack;
	char sym[96], from_sym[96];

	show_regs_print_info(NULL);
	for (unsigned int depth = 0; depth < 32; depth++) {
		unsigned long lr, next;

		if (fp & 3 || fp < 4 || fp >= top || !virt_addr_valid((void *)(fp - 4)))
			break;
		lr = ((unsigned long *)fp)[0];
		next = ((unsigned long *)fp)[-1];
		if (lr < (unsigned long)_stext || lr >= (unsigned long)_etext)
			break;
		sprint_symbol(sym, sizeof(sym), where);
		sprint_symbol(from_sym, sizeof(from_sym), lr);
		if (strchr(sym, '+'))
			*strchr(sym, '+') = '\0'; /* the function, as %ps */
		printk(KERN_EMERG "[<%08lx>] (%s) from [<%08lx>] (%s)\n", where, sym, lr, from_sym);
		if (next <= fp)
			break;
		where = lr;
		fp = next;
	}
}

/**
 * __show_regs() - print the registers of an exception, in Linux's layout
 * @regs: the registers the vector stub saved
 *
 * arch/arm/kernel/process.c: __show_regs() @ v4.14, with the PC and LR
 * named by kallsyms.
 */
void __show_regs(const struct pt_regs *regs)
{
	unsigned long flags = regs->ARM_cpsr;
	char buf[5], sym[96];

	show_regs_print_info(regs);
	sprint_symbol(sym, sizeof(sym), regs->ARM_pc);
	printk(KERN_EMERG "PC is at %s\n", sym);
	sprint_symbol(sym, sizeof(sym), regs->ARM_lr);
	printk(KERN_EMERG "LR is at %s\n", sym);
	printk(KERN_EMERG "pc : [<%08lx>]    lr : [<%08lx>]    psr: %08lx\n", regs->ARM_pc,
	       regs->ARM_lr, regs->ARM_cpsr);
	printk(KERN_EMERG "sp : %08lx  ip : %08lx  fp : %08lx\n", regs->ARM_sp, regs->ARM_ip,
	       regs->ARM_fp);
	printk(KERN_EMERG "r10: %08lx  r9 : %08lx  r8 : %08lx\n", regs->uregs[10], regs->uregs[9],
	       regs->uregs[8]);
	printk(KERN_EMERG "r7 : %08lx  r6 : %08lx  r5 : %08lx  r4 : %08lx\n", regs->uregs[7],
	       regs->uregs[6], regs->uregs[5], regs->uregs[4]);
	printk(KERN_EMERG "r3 : %08lx  r2 : %08lx  r1 : %08lx  r0 : %08lx\n", regs->uregs[3],
	       regs->uregs[2], regs->uregs[1], regs->uregs[0]);
	buf[0] = flags & (1UL << 31) ? 'N' : 'n';
	buf[1] = flags & (1UL << 30) ? 'Z' : 'z';
	buf[2] = flags & (1UL << 29) ? 'C' : 'c';
	buf[3] = flags & (1UL << 28) ? 'V' : 'v';
	buf[4] = '\0';
	printk(KERN_EMERG "Flags: %s  IRQs o%s  FIQs o%s  Mode %s  ISA %s  Segment none\n", buf,
	       flags & PSR_I_BIT ? "ff" : "n", flags & PSR_F_BIT ? "ff" : "n",
	       processor_modes[flags & MODE_MASK], flags & PSR_T_BIT ? "Thumb" : "ARM");
}

/*
 * arch/arm/kernel/traps.c: oops_begin() @ v4.9: take die_lock, unless this
 * CPU already holds it (an oops while reporting one: go on, the report
 * matters more); oops_in_progress lets printk through a held lock.
 */
static unsigned long oops_begin(void)
{
	unsigned long flags = arch_local_irq_save();
	int cpu = (int)smp_processor_id();

	if (!arch_spin_trylock(&die_lock)) {
		if (cpu != READ_ONCE(die_owner))
			arch_spin_lock(&die_lock);
	}
	die_nest_count++;
	die_owner = cpu;
	oops_in_progress++;
	return flags;
}

/* arch/arm/kernel/traps.c: oops_end() @ v4.9: later reports say "Tainted: G      D" */
static void oops_end(unsigned long flags)
{
	add_taint(TAINT_DIE);
	oops_in_progress--;
	if (!--die_nest_count) {
		die_owner = -1;
		arch_spin_unlock(&die_lock);
	}
	arch_local_irq_restore(flags);
}

/*
 * arch/arm/kernel/traps.c: die() @ v4.14, reduced: either resume where this
 * CPU's caller asked (fault_fixup) or stop the kernel with the reason.
 */
static void die(const char *str, struct pt_regs *regs, unsigned long err)
{
	unsigned long *fixup = this_cpu_ptr(&fault_fixup);
	unsigned long flags = oops_begin();

	printk(KERN_EMERG "Internal error: %s: %lx [#%d] SMP ARM\n", str, err, ++die_counter);
	__show_regs(regs);
	if (*fixup) {
		regs->ARM_pc = *fixup;
		regs->ARM_cpsr &= ~PSR_T_BIT;
		*fixup = 0;
		printk(KERN_EMERG "---[ fault expected by the caller: resuming ]---\n");
		oops_end(flags);
		return;
	}
	oops_end(flags);
	panic("Fatal exception");
}

/* arch/arm/mm/fault.c: struct fsr_info @ v4.14, without the handler (see fsr_info[]) */
struct fsr_info {
	const char *name;
	int sig;
};

/*
 * arch/arm/mm/fsr-2level.c: fsr_info[] @ v4.14: the fault status
 * encodings of the short-descriptor format, FS = FSR[10,3:0] (ARM ARM
 * B4.1.52 DFSR, table B3-23), and the signal a user access that caused
 * one dies of.  Translation and permission faults (5, 7, 13, 15) are
 * do_page_fault()'s to answer, as Linux's do_translation_fault(),
 * do_sect_fault() and do_page_fault() entries are; every other kind is
 * Linux's do_bad(): the entry's signal -- SIGBUS for an alignment fault
 * or an external abort, SIGSEGV for a domain fault.  The names are
 * ARMv7's (Linux's table keeps ARMv4's for 3, 4 and 6).
 */
static const struct fsr_info fsr_info[32] = {
	[0x00] = { NULL, SIGSEGV },
	[0x01] = { "alignment exception", SIGBUS },
	[0x02] = { "debug event", SIGKILL },
	[0x03] = { "section access flag fault", SIGBUS },
	[0x04] = { "I-cache maintenance fault", SIGBUS },
	[0x05] = { "section translation fault", SIGSEGV },
	[0x06] = { "page access flag fault", SIGBUS },
	[0x07] = { "page translation fault", SIGSEGV },
	[0x08] = { "external abort on non-linefetch", SIGBUS },
	[0x09] = { "section domain fault", SIGSEGV },
	[0x0a] = { NULL, SIGBUS },
	[0x0b] = { "page domain fault", SIGSEGV },
	[0x0c] = { "external abort on translation (1st level)", SIGBUS },
	[0x0d] = { "section permission fault", SIGSEGV },
	[0x0e] = { "external abort on translation (2nd level)", SIGBUS },
	[0x0f] = { "page permission fault", SIGSEGV },
	[0x10] = { "TLB conflict abort", SIGBUS },
	[0x11] = { NULL, SIGBUS },
	[0x12] = { NULL, SIGBUS },
	[0x13] = { NULL, SIGBUS },
	[0x14] = { "lockdown abort", SIGBUS },
	[0x15] = { NULL, SIGBUS },
	[0x16] = { "asynchronous external abort", SIGBUS },
	[0x17] = { NULL, SIGBUS },
	[0x18] = { "asynchronous parity error", SIGBUS },
	[0x19] = { "synchronous parity error", SIGBUS },
	[0x1a] = { "coprocessor abort", SIGBUS },
	[0x1b] = { NULL, SIGBUS },
	[0x1c] = { "parity error on translation (1st level)", SIGBUS },
	[0x1d] = { NULL, SIGBUS },
	[0x1e] = { "parity error on translation (2nd level)", SIGBUS },
	[0x1f] = { NULL, SIGBUS },
};

/* the kinds do_page_fault() answers: translation and permission faults */
static bool fsr_is_page_fault(unsigned int fs)
{
	return fs == 0x05 || fs == 0x07 || fs == 0x0d || fs == 0x0f;
}

static const char *fsr_name(unsigned long fsr)
{
	const char *name = fsr_info[fsr_fs(fsr)].name;

	return name ? name : "unknown fault status";
}

static void show_fsr(const char *reg, unsigned long fsr, bool data)
{
	printk(KERN_ALERT "%s = 0x%08lx: FS=0b%u%u%u%u%u (%s), domain %lu%s%s\n", reg, fsr,
	       fsr_fs(fsr) >> 4 & 1, fsr_fs(fsr) >> 3 & 1, fsr_fs(fsr) >> 2 & 1,
	       fsr_fs(fsr) >> 1 & 1, fsr_fs(fsr) & 1, fsr_name(fsr), (fsr >> 4) & 0xf,
	       data ? (fsr & (1 << 11) ? ", write" : ", read") : "",
	       fsr & (1 << 12) ? ", external (ExT)" : "");
}

/*
 * arch/arm/mm/fault.c: __do_user_fault() @ v4.14 (CONFIG_DEBUG_USER's
 * line, with the pid): a user access the process had no right to -- it
 * dies by the signal (no handlers yet: the default action); the kernel
 * goes on.  On the task's kernel stack, so it may sleep: interrupts on.
 * SIGBUS (a file mapping beyond the file's end) says so in Linux's words.
 */
static void __attribute__((noreturn)) do_user_fault(struct pt_regs *regs, const char *what,
						    unsigned long addr, unsigned long fsr, int sig)
{
	struct task_struct *tsk = current;

	local_irq_enable();
	if (sig == SIGBUS)
		pr_info("%s[%d]: unhandled %s (%d) at 0x%08lx, code 0x%03lx: bus error\n",
			tsk->comm, tsk->pid, what, sig, addr, fsr);
	else if (sig == SIGSEGV)
		pr_info("%s[%d]: unhandled %s (%d) at 0x%08lx, code 0x%03lx\n", tsk->comm, tsk->pid,
			what, sig, addr, fsr);
	else
		pr_info("%s[%d]: %s (%d) at pc 0x%08lx\n", tsk->comm, tsk->pid, what, sig, addr);
	do_exit(sig);
}

/**
 * do_DataAbort() - report a data abort, then die (or resume, if expected)
 * @regs: the registers at the abort
 *
 * arch/arm/mm/fault.c: do_DataAbort() @ v4.14 -> __do_kernel_fault().
 * A user abort goes to mm/fault.c: do_page_fault(), which maps the page
 * (demand paging, copy-on-write, stack growth) or names the signal the
 * process dies of.  Every kernel data abort is a kernel bug (or a test):
 * the kernel reaches user memory only through mm/gup.c's page walks.
 */
void do_DataAbort(struct pt_regs *regs)
{
	unsigned long fsr = read_dfsr();
	unsigned long addr = read_dfar();

	if (user_mode(regs)) {
		const struct fsr_info *inf = &fsr_info[fsr_fs(fsr)];
		int sig;

		if (!fsr_is_page_fault(fsr_fs(fsr))) {
			/* Linux's do_bad(): nothing to handle, the entry's signal */
			pr_alert("Unhandled fault: %s (0x%03lx) at 0x%08lx\n", fsr_name(fsr),
				 fsr & 0xfff, addr);
			do_user_fault(regs, fsr_name(fsr), addr, fsr & 0xfff, inf->sig);
		}
		sig = do_page_fault(addr, (unsigned int)fsr, regs);
		if (!sig)
			return;
		do_user_fault(regs, "page fault", addr, fsr & 0xfff, sig);
	}

	unsigned long *fixup = this_cpu_ptr(&fault_fixup);

	if (*fixup && this_cpu_read(fault_quiet)) {
		(*this_cpu_ptr(&fault_quiet_taken))++;
		regs->ARM_pc = *fixup;
		regs->ARM_cpsr &= ~PSR_T_BIT;
		*fixup = 0;
		return;
	}
	printk(KERN_ALERT "Unable to handle kernel %s at virtual address %08lx\n",
	       addr < 4096 ? "NULL pointer dereference" : "paging request", addr);
	show_fsr("DFSR", fsr, true);
	printk(KERN_ALERT "DFAR = 0x%08lx\n", addr);
	show_pte(addr);
	die(fsr_name(fsr), regs, fsr);
}

/**
 * do_PrefetchAbort() - report a prefetch abort, then die (or resume)
 * @regs: the registers at the abort
 *
 * arch/arm/mm/fault.c: do_PrefetchAbort() @ v4.14.  From user mode a
 * translation or permission fault goes to do_page_fault(); a debug event
 * -- a BKPT instruction, there being no debugger -- kills the process with
 * SIGTRAP, the signal Linux's ifsr_info[] (arch/arm/mm/fsr-2level.c) names
 * for it.
 */
void do_PrefetchAbort(struct pt_regs *regs)
{
	unsigned long fsr = read_ifsr();
	unsigned long addr = read_ifar();

	if (user_mode(regs)) {
		int sig;

		/* a BKPT instruction: a debug event (ARM ARM C3.2.1), ifsr_info[2]'s SIGTRAP */
		if (fsr_fs(fsr) == FSR_FS_DEBUG)
			do_user_fault(regs, "breakpoint", regs->ARM_pc, 0, SIGTRAP);
		sig = do_page_fault(addr, (unsigned int)fsr | FSR_LNX_PF, regs);
		if (!sig)
			return;
		do_user_fault(regs, "prefetch abort", addr, fsr & 0x40f, sig);
	}

	printk(KERN_ALERT "Unable to handle kernel instruction fetch at virtual address %08lx\n",
	       addr);
	show_fsr("IFSR", fsr, false);
	printk(KERN_ALERT "IFAR = 0x%08lx\n", addr);
	show_pte(addr);
	die(fsr_name(fsr), regs, fsr);
}

/**
 * do_undefinstr() - report an undefined instruction, then die (or resume)
 * @regs: the registers at the exception
 *
 * arch/arm/kernel/traps.c: do_undefinstr() @ v4.14.
 */
void do_undefinstr(struct pt_regs *regs)
{
	if (user_mode(regs))
		do_user_fault(regs, "undefined instruction", regs->ARM_pc, 0, SIGILL);
	if (regs->ARM_cpsr & PSR_T_BIT)
		regs->ARM_pc += 2; /* Thumb: lr was only 2 past the instruction */
	printk(KERN_EMERG "Internal error: undefined instruction %08lx at pc %08lx\n",
	       *(unsigned long *)regs->ARM_pc, regs->ARM_pc);
	die("Oops - undefined instruction", regs, 0);
}

/**
 * do_unexpected_svc() - report an SVC from the kernel, then die
 * @regs: the registers at the exception
 *
 * System calls come from user mode (vector_swi); the kernel never makes one.
 */
void do_unexpected_svc(struct pt_regs *regs)
{
	printk(KERN_EMERG "Unexpected SVC at %08lx: system calls come from user mode\n",
	       regs->ARM_pc - 4);
	die("Oops - unexpected SVC", regs, 0);
}

/**
 * do_unexpected_irq() - report an IRQ or FIQ, then die: they stay masked
 * @regs: the registers at the exception
 */
void do_unexpected_irq(struct pt_regs *regs)
{
	printk(KERN_EMERG "Unexpected FIQ in mode %s: a9mm never unmasks FIQs\n",
	       processor_modes[regs->ARM_cpsr & MODE_MASK]);
	die("Oops - unexpected FIQ", regs, 0);
}

/* arch/arm/kernel/traps.c: handler[], the names bad_mode() reports */
static const char *const handler[] = {
	[BAD_PREFETCH] = "prefetch abort",	    [BAD_DATA] = "data abort",
	[BAD_ADDREXCPTN] = "address exception",	    [BAD_IRQ] = "interrupt",
	[BAD_UNDEFINSTR] = "undefined instruction", [BAD_RESET] = "reset",
};

/**
 * bad_mode() - an exception a mode cannot take, or the reset/unused vector: panic
 * @regs: the registers saved at the exception (NULL for the reset and
 *        unused vectors: nothing was saved)
 * @reason: BAD_* (asm/traps.h), which handler found it
 *
 * arch/arm/kernel/traps.c: bad_mode() @ v4.14: for instance an IRQ taken
 * in abort mode, whose banked lr the IRQ entry would overwrite.
 */
void bad_mode(struct pt_regs *regs, int reason)
{
	printk(KERN_CRIT "Bad mode in %s handler detected\n",
	       (unsigned int)reason < ARRAY_SIZE(handler) ? handler[reason] : "?");
	if (regs)
		__show_regs(regs);
	panic("bad mode");
}

/**
 * show_pte() - print the table entries behind a VA, and what they mean
 * @addr: the virtual address
 *
 * arch/arm/mm/fault.c: show_pte() @ v4.14: Linux's one line ("pgd = ...,
 * [addr] *pgd=..., *pte=..., *ppte=...") and then pgwalk_show()'s decoding.
 */
void show_pte(unsigned long addr)
{
	struct pgwalk w;

	pgwalk(addr, &w);
	printk(KERN_ALERT "pgd = %p\n", (void *)swapper_pg_dir);
	printk(KERN_ALERT "[%08lx] *pgd=%08lx", addr, (unsigned long)w.l1);
	if (w.has_l2)
		printk(KERN_CONT ", *pte=%08lx, *ppte=%08lx", (unsigned long)w.linux_pte,
		       (unsigned long)w.l2);
	printk(KERN_CONT "\n");
	pgwalk_show(addr, printk_alert);
}

/**
 * early_trap_init() - copy the exception vectors into their page
 * @vectors_base: the page devicemaps_init() maps at 0xffff0000
 *
 * arch/arm/kernel/traps.c: early_trap_init() @ v4.14: copy the vector
 * table, then make it executable: clean the D-cache, invalidate the
 * I-cache (asm/cacheflush.h, ARM ARM B4.2.1).
 *
 * Not in Linux: read the copy back.  memblock hands pages out top-down,
 * so this one sits near the top of lowmem as the device tree describes it;
 * if the board had no RAM there QEMU would drop the writes, and the first
 * exception would run zeroes forever.  The RAM probe (mm/memtest.c)
 * removes such RAM before anything is allocated; this check stays as the
 * last word on the one page every exception depends on.  It relies on
 * QEMU having no cache model: real hardware would answer the read from
 * the D-cache (and report missing RAM as an external abort instead).
 */
void early_trap_init(void *vectors_base)
{
	unsigned long size = __vectors_end - __vectors_start;

	memcpy(vectors_base, __vectors_start, size);
	clean_dcache_area(vectors_base, PAGE_SIZE);
	flush_icache_all();
	if (memcmp(vectors_base, __vectors_start, size))
		panic("vectors page at PA %#lx does not keep what is written: the device tree claims RAM the board does not have",
		      __pa(vectors_base));
}

/**
 * cpu_use_high_vectors() - take exceptions at 0xffff0000 from now on
 *
 * SCTLR.V = 1 (ARM ARM B4.1.130), as Linux's vectors_high() expects.
 */
void cpu_use_high_vectors(void)
{
	set_cr(get_cr() | CR_V);
}
