/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_VMSTAT_H
#define _LINUX_VMSTAT_H

#include <linux/irqflags.h>
#include <linux/mmzone.h>
#include <linux/percpu.h>
#include <linux/vm_event_item.h>

/*
 * include/linux/vmstat.h @ v3.14: the event counters are per CPU, so
 * counting one is an add to this CPU's copy -- no lock, no shared cache
 * line; /proc/vmstat sums the CPUs (all_vm_events()).
 */
struct vm_event_state {
	unsigned long event[NR_VM_EVENT_ITEMS];
};

DECLARE_PER_CPU(struct vm_event_state, vm_event_states);

/* include/linux/vmstat.h: __count_vm_events() @ v3.14: interrupts already off */
static inline void __count_vm_events(enum vm_event_item item, long delta)
{
	this_cpu_ptr(&vm_event_states)->event[item] += (unsigned long)delta;
}

/* include/linux/vmstat.h: __count_vm_event() @ v3.14 */
static inline void __count_vm_event(enum vm_event_item item)
{
	__count_vm_events(item, 1);
}

/* include/linux/vmstat.h: count_vm_events() @ v3.14 (this_cpu_add: ARM turns interrupts off) */
static inline void count_vm_events(enum vm_event_item item, long delta)
{
	unsigned long flags;

	local_irq_save(flags);
	__count_vm_events(item, delta);
	local_irq_restore(flags);
}

/* include/linux/vmstat.h: count_vm_event() @ v3.14 */
static inline void count_vm_event(enum vm_event_item item)
{
	count_vm_events(item, 1);
}

/* include/linux/vmstat.h: __count_zone_vm_events() @ v3.14: item##_NORMAL + the zone's index */
#define __count_zone_vm_events(item, zone, delta) \
	__count_vm_events((enum vm_event_item)(item##_NORMAL + zone_idx(zone)), delta)

void all_vm_events(unsigned long *ret);
unsigned long global_page_state(enum zone_stat_item item);

#endif
