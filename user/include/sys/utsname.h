/* SPDX-License-Identifier: GPL-2.0 */
/* uname(): Linux's struct new_utsname (include/uapi/linux/utsname.h @ v6.1). */
#ifndef _SYS_UTSNAME_H
#define _SYS_UTSNAME_H

#define __NEW_UTS_LEN 64

struct utsname {
	char sysname[__NEW_UTS_LEN + 1];
	char nodename[__NEW_UTS_LEN + 1];
	char release[__NEW_UTS_LEN + 1];
	char version[__NEW_UTS_LEN + 1];
	char machine[__NEW_UTS_LEN + 1];
	char domainname[__NEW_UTS_LEN + 1];
};

int uname(struct utsname *buf);

#endif
