// SPDX-License-Identifier: GPL-2.0
/*
 * stdin, stdout and stderr on descriptors 0, 1 and 2.
 *
 * picolibc leaves its three standard streams to the application (a
 * bare-metal board has no descriptors); its "bufio" streams read and write
 * through read()/write(), which here are Linux's system calls.  stdout is
 * line-buffered, as glibc's is on a terminal: each PASS/FAIL line leaves
 * in one write(), whole, even when a parent and its child print at once.
 * stderr is line-buffered too (bufio needs a buffer; C's unbuffered stderr
 * would cost a write() per character).  exit() flushes both (start.c
 * registers it).
 */
#include <stdio-bufio.h>
#include "internal.h"

static char stdin_buf[128], stdout_buf[256], stderr_buf[256];

static struct __file_bufio stdin_file =
	FDEV_SETUP_BUFIO(0, stdin_buf, sizeof(stdin_buf), read, write, lseek, close, __SRD, 0);
static struct __file_bufio stdout_file = FDEV_SETUP_BUFIO(1, stdout_buf, sizeof(stdout_buf), read,
							  write, lseek, close, __SWR, __BLBF);
static struct __file_bufio stderr_file = FDEV_SETUP_BUFIO(2, stderr_buf, sizeof(stderr_buf), read,
							  write, lseek, close, __SWR, __BLBF);

FILE *const stdin = &stdin_file.xfile.cfile.file;
FILE *const stdout = &stdout_file.xfile.cfile.file;
FILE *const stderr = &stderr_file.xfile.cfile.file;
