/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_OOM_H
#define _LINUX_OOM_H

/* include/linux/oom.h @ v4.14 */
#include <linux/types.h>

/* mm/oom_kill.c */
bool out_of_memory(void);
void pagefault_out_of_memory(void);
void set_current_oom_origin(void);
void clear_current_oom_origin(void);
bool oom_origin_killed(void);

#endif
