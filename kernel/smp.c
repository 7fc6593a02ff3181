// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/smp.c: arch/arm/kernel/smp.c (Linux 4.9): starting the secondary
 * CPUs and the IPIs between all of them.
 *
 *   boot CPU                                 CPU n
 *   smp_prepare_cpus()   CPU0: thread ...
 *   __cpu_up(n): stack, secondary_data
 *     versatile_boot_secondary() ---SGI--->  pen (headsmp.S) -> head.S,
 *                                            MMU on with idmap_pgd
 *                                            secondary_start_kernel():
 *                                              swapper_pg_dir, cpu_init()
 *                                              GIC, TWD, CPUn: thread ...
 *     wait_for_completion  <--complete()---   online, IRQs on
 *                                            cpu_startup_entry(): idle
 *
 * IPIs are SGIs (drivers/irq-gic.c raises them); handle_IPI() counts
 * each per CPU for /proc/interrupts.
 */
#include <asm/cacheflush.h>
#include <asm/cpu.h>
#include <asm/cputype.h>
#include <asm/hardirq.h>
#include <asm/mmu_context.h>
#include <asm/smp.h>
#include <asm/smp_plat.h>
#include <asm/smp_twd.h>
#include <asm/thread_info.h>
#include <asm/traps.h>
#include <linux/err.h>
#include <linux/completion.h>
#include <linux/delay.h>
#include <linux/errno.h>
#include <linux/hardirq.h>
#include <linux/init.h>
#include <linux/interrupt.h>
#include <linux/irqchip/arm-gic.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <linux/spinlock.h>

DEFINE_PER_CPU(unsigned int, cpu_number);
struct secondary_data secondary_data;
u32 __cpu_logical_map[NR_CPUS] = { 0, 1, 2, 3 };

BUILD_BUG_ON(offsetof(struct secondary_data, pgdir) != SECONDARY_DATA_PGDIR);
BUILD_BUG_ON(offsetof(struct secondary_data, stack) != SECONDARY_DATA_STACK);
BUILD_BUG_ON(NR_CPUS != 4); /* __cpu_logical_map's initialiser */

/* arch/arm/kernel/smp.c: cpu_running, completed by each new CPU */
static struct completion cpu_running;

/* what each CPU's entry mode was compared with (hyp_mode_check()) */
static bool boot_mode_mismatch;

static void (*__smp_cross_call)(const struct cpumask *, unsigned int);

/* arch/arm/kernel/smp.c: ipi_types[], /proc/interrupts' words for them */
static const char *const ipi_types[NR_IPI] = {
	[IPI_WAKEUP] = "CPU wakeup interrupts",	      [IPI_TIMER] = "Timer broadcast interrupts",
	[IPI_RESCHEDULE] = "Rescheduling interrupts", [IPI_CALL_FUNC] = "Function call interrupts",
	[IPI_CPU_STOP] = "CPU stop interrupts",
};

/**
 * set_smp_cross_call() - how IPIs are raised
 * @fn: the controller's raise function (gic_raise_softirq)
 *
 * arch/arm/kernel/smp.c: set_smp_cross_call() @ v4.9: how IPIs are raised (gic_raise_softirq)
 */
void __init set_smp_cross_call(void (*fn)(const struct cpumask *, unsigned int))
{
	if (!__smp_cross_call)
		__smp_cross_call = fn;
}

/* arch/arm/kernel/smp.c: smp_cross_call() @ v4.9 */
static void smp_cross_call(const struct cpumask *target, unsigned int ipinr)
{
	if (__smp_cross_call)
		__smp_cross_call(target, ipinr);
}

/**
 * arch_send_call_function_ipi_mask() - IPI_CALL_FUNC to some CPUs
 * @mask: the CPUs
 */
void arch_send_call_function_ipi_mask(const struct cpumask *mask)
{
	smp_cross_call(mask, IPI_CALL_FUNC);
}

/**
 * arch_send_wakeup_ipi_mask() - IPI_WAKEUP to some CPUs (out of the boot loader)
 * @mask: the CPUs
 */
void arch_send_wakeup_ipi_mask(const struct cpumask *mask)
{
	smp_cross_call(mask, IPI_WAKEUP);
}

/**
 * arch_send_call_function_single_ipi() - IPI_CALL_FUNC to one CPU
 * @cpu: the CPU
 */
void arch_send_call_function_single_ipi(int cpu)
{
	smp_cross_call(cpumask_of(cpu), IPI_CALL_FUNC);
}

/**
 * smp_send_reschedule() - make a CPU look at its work list
 * @cpu: the CPU
 *
 * arch/arm/kernel/smp.c: smp_send_reschedule() @ v4.9: make cpu look at its work (and leave WFI)
 */
void smp_send_reschedule(int cpu)
{
	smp_cross_call(cpumask_of(cpu), IPI_RESCHEDULE);
}

/*
 * arch/arm/kernel/smp.c: smp_store_cpu_info() @ v4.9: what /proc/cpuinfo
 * shows of this CPU, and the "CPUn: thread ..." line.
 */
static void smp_store_cpu_info(unsigned int cpuid)
{
	struct cpuinfo_arm *cpu_info = &per_cpu(cpu_data, cpuid);

	cpu_info->loops_per_jiffy = loops_per_jiffy;
	cpu_info->cpuid = read_cpuid_id();
	store_cpu_topology(cpuid);
}

/**
 * smp_prepare_boot_cpu() - the boot CPU moves to its own per-CPU copy
 *
 * arch/arm/kernel/smp.c: smp_prepare_boot_cpu() @ v4.9, right after
 * setup_per_cpu_areas(): TPIDRPRW gets CPU 0's offset, and every copy of
 * cpu_number its CPU's number (arm64's smp_prepare_cpus() does that part).
 */
void __init smp_prepare_boot_cpu(void)
{
	unsigned int cpu;

	for_each_possible_cpu(cpu)
		per_cpu(cpu_number, cpu) = cpu;
	set_my_cpu_offset(per_cpu_offset(0));
}

/**
 * smp_prepare_cpus() - get ready to start the secondaries
 * @max_cpus: how many CPUs may run in all (maxcpus=, nosmp: 0)
 *
 * arch/arm/kernel/smp.c: smp_prepare_cpus() @ v4.9: the boot CPU's own
 * line, then -- if there is anyone to start -- the present mask and the
 * board's preparation (SYS_FLAGS).  With nosmp or maxcpus=1 only CPU 0
 * is present, and the others stay in the boot loader, never touched.
 */
void __init smp_prepare_cpus(unsigned int max_cpus)
{
	unsigned int ncores = num_possible_cpus();

	smp_store_cpu_info(smp_processor_id());
	if (max_cpus > ncores)
		max_cpus = ncores;
	if (ncores > 1 && max_cpus) {
		init_cpu_present(cpu_possible_mask);
		vexpress_smp_prepare_cpus(max_cpus);
	}
}

/**
 * __cpu_up() - start one secondary CPU and wait until it is online
 * @cpu: the logical CPU number
 *
 * arch/arm/kernel/smp.c: __cpu_up() @ v4.9: the CPU starts on the stack of
 * its idle task, swapper/N (fork_idle()).  A CPU that failed keeps its
 * idle task: it might still be running on its stack.
 *
 * Return: 0, or the error the board's boot_secondary gave (reported), or
 * -EIO when the CPU left the pen but did not come online within a second.
 */
int __cpu_up(unsigned int cpu)
{
	struct task_struct *idle = fork_idle((int)cpu);
	int ret;

	if (IS_ERR(idle)) {
		pr_err("CPU%u: no memory for its idle task\n", cpu);
		return (int)PTR_ERR(idle);
	}
	secondary_data.stack = (char *)task_stack_page(idle) + THREAD_START_SP;
	secondary_data.pgdir = __pa(idmap_pgd);
	secondary_data.cpu = cpu;
	clean_dcache_area(&secondary_data, sizeof(secondary_data));

	init_completion(&cpu_running);
	ret = versatile_boot_secondary(cpu);
	if (ret == 0) {
		wait_for_completion_timeout(&cpu_running, msecs_to_jiffies(1000));
		if (!cpu_online(cpu)) {
			pr_crit("CPU%u: failed to come online\n", cpu);
			ret = -EIO;
		}
	} else {
		pr_err("CPU%u: failed to boot: %d\n", cpu, ret);
	}
	memset(&secondary_data, 0, sizeof(secondary_data));
	return ret;
}

/**
 * secondary_start_kernel() - a secondary CPU's first C code
 * @boot_mode: the processor mode it entered the kernel in (head.S)
 *
 * arch/arm/kernel/smp.c: secondary_start_kernel() @ v4.9.  Off idmap_pgd
 * onto swapper_pg_dir first (Linux: "the identity mapping is uncached
 * (strongly ordered), so switch away from it before attempting any
 * exclusive accesses"), then per-CPU offset and stacks, the pen, the
 * GIC's CPU interface and the local timer; online, IRQs on, and idle.
 */
void secondary_start_kernel(unsigned long boot_mode)
{
	unsigned int cpu = secondary_data.cpu;

	cpu_switch_mm(swapper_pg_dir);
	local_flush_bp_all();
	local_flush_tlb_all();
	cpu_use_high_vectors();
	cpu_init(cpu);
	if (boot_mode != (__boot_cpu_mode & 0x1f))
		boot_mode_mismatch = true;

	versatile_secondary_init(cpu);
	gic_secondary_init();
	twd_timer_setup();
	calibrate_delay();
	smp_store_cpu_info(cpu);

	set_cpu_online(cpu, true);
	complete(&cpu_running);
	local_irq_enable();
	cpu_startup_entry();
}

/**
 * smp_cpus_done() - the SMP summary lines
 * @max_cpus: setup_max_cpus (unused)
 *
 * arch/arm/kernel/smp.c: smp_cpus_done() + hyp_mode_check() @ v4.9: the
 * total BogoMIPS (each CPU's loops_per_jiffy), and the mode every CPU
 * entered the kernel in.
 */
void __init smp_cpus_done(unsigned int max_cpus)
{
	unsigned long bogosum = 0;
	unsigned int cpu, mode = __boot_cpu_mode & 0x1f;

	for_each_online_cpu(cpu)
		bogosum += per_cpu(cpu_data, cpu).loops_per_jiffy;
	pr_info("SMP: Total of %u processors activated (%lu.%02lu BogoMIPS).\n", num_online_cpus(),
		bogosum / (500000 / HZ), (bogosum / (5000 / HZ)) % 100);
	if (boot_mode_mismatch)
		pr_warn("CPU: WARNING: CPU(s) started in wrong/inconsistent modes (primary CPU mode 0x%x)\n",
			mode);
	else
		pr_info("CPU: All CPU(s) started in %s mode.\n", mode == 0x1a	? "HYP"
								 : mode == 0x13 ? "SVC"
										: "an unexpected");
}

/**
 * show_ipi_list() - the IPI lines of /proc/interrupts
 * @print: printf-like output function
 * @prec: width of the number column
 *
 * arch/arm/kernel/smp.c: show_ipi_list() @ v4.9: the IPI lines of /proc/interrupts
 */
void show_ipi_list(int (*print)(const char *fmt, ...), int prec)
{
	unsigned int cpu;

	for (int i = 0; i < NR_IPI; i++) {
		print("%*s%u: ", prec - 1, "IPI", i);
		for_each_online_cpu(cpu)
			print("%10u ", per_cpu(irq_stat, cpu).ipi_irqs[i]);
		print(" %s\n", ipi_types[i]);
	}
}

/**
 * ipi_count() - how many IPIs of a kind a CPU received
 * @cpu: the CPU
 * @ipi: the kind
 *
 * Return: the count /proc/interrupts shows on the IPI's line.
 */
unsigned int ipi_count(unsigned int cpu, enum ipi_msg_type ipi)
{
	return READ_ONCE(per_cpu(irq_stat, cpu).ipi_irqs[ipi]);
}

static DEFINE_SPINLOCK(stop_lock);

/*
 * arch/arm/kernel/smp.c: ipi_cpu_stop() @ v4.9: this CPU stops for good,
 * saying so while the system was up (not for a power off or reboot),
 * offline, interrupts off, in WFI.
 */
static void ipi_cpu_stop(unsigned int cpu)
{
	if (system_state == SYSTEM_BOOTING || system_state == SYSTEM_RUNNING) {
		spin_lock(&stop_lock);
		pr_crit("CPU%u: stopping\n", cpu);
		spin_unlock(&stop_lock);
	}
	set_cpu_online(cpu, false);
	local_irq_disable();
	for (;;)
		__asm__ volatile("wfi");
}

/**
 * handle_IPI() - one inter-processor interrupt, already acknowledged
 * @ipinr: the SGI number (enum ipi_msg_type)
 * @regs: the interrupted context
 *
 * arch/arm/kernel/smp.c: handle_IPI() @ v4.9, called by gic_handle_irq()
 * with interrupts off, in interrupt context (irq_enter()).
 */
void handle_IPI(int ipinr, struct pt_regs *regs)
{
	unsigned int cpu = smp_processor_id();

	irq_enter();
	if ((unsigned int)ipinr < NR_IPI)
		this_cpu_ptr(&irq_stat)->ipi_irqs[ipinr]++;
	switch (ipinr) {
	case IPI_WAKEUP:
		break;
	case IPI_RESCHEDULE:
		scheduler_ipi(); /* the switch is made on the interrupt's way out */
		break;
	case IPI_CALL_FUNC:
		generic_smp_call_function_interrupt();
		break;
	case IPI_CPU_STOP:
		ipi_cpu_stop(cpu);
		break;
	default:
		pr_crit("CPU%u: Unknown IPI message 0x%x\n", cpu, ipinr);
		break;
	}
	irq_exit();
}

/**
 * smp_send_stop() - stop every other online CPU
 *
 * arch/arm/kernel/smp.c: smp_send_stop() @ v4.9: IPI_CPU_STOP to all
 * but this one, then up to a second for them to go offline.  Used by
 * panic(), and by power off and reboot, which must not leave CPUs
 * running into a board that is going away.
 */
void smp_send_stop(void)
{
	unsigned long timeout = 1000000; /* USEC_PER_SEC */
	unsigned int others;
	struct cpumask mask;

	cpumask_copy(&mask, cpu_online_mask);
	cpumask_clear_cpu(smp_processor_id(), &mask);
	others = cpumask_weight(&mask);
	if (others)
		smp_cross_call(&mask, IPI_CPU_STOP);
	while (num_online_cpus() > 1 && timeout--)
		udelay(1);
	if (num_online_cpus() > 1)
		pr_warn("SMP: failed to stop secondary CPUs\n");
	else if (others)
		pr_debug("SMP: %u other CPU%s stopped\n", others, others == 1 ? "" : "s");
}

/**
 * panic_smp_self_stop() - a second CPU panicking while another does
 *
 * arch/arm/kernel/smp.c: panic_smp_self_stop() @ v4.9: say so, go
 * offline and stop, leaving the first panic to finish its report.
 */
void panic_smp_self_stop(void)
{
	pr_debug("CPU %u will stop doing anything useful since another CPU has paniced\n",
		 smp_processor_id());
	set_cpu_online(smp_processor_id(), false);
	local_irq_disable();
	for (;;)
		__asm__ volatile("wfi");
}
