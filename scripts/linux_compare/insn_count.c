// SPDX-License-Identifier: GPL-2.0
/*
 * insn_count: a QEMU TCG plugin that counts the guest instructions each
 * vCPU executes and writes the count when a vCPU first reaches one of the
 * given addresses.
 *
 *   qemu-system-arm ... -plugin insn_count.so,out=FILE,at=0xADDR[,at=...]
 *
 * Each line of FILE: "at 0xADDR vcpu N insns COUNT translated BLOCKS
 * TINSNS", COUNT being the instructions that vCPU executed before the one
 * at ADDR, BLOCKS and TINSNS the blocks and guest instructions QEMU had
 * translated by then, every vCPU's (what a first run pays for in host
 * time, whatever the guest executes).  Blocks are
 * counted as they start (one callback per translated block), and the
 * block holding ADDR is corrected back to ADDR, so a count is exact
 * unless an exception left a block early on the way (none does before
 * Linux's mm_init()); a debugger stop adds at most one per stop.
 *
 * Debian ships QEMU 7.2 without its plugin header; the few declarations
 * below are that API (version 1) as its documentation gives them.
 */
#include <inttypes.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef uint64_t qemu_plugin_id_t;
struct qemu_plugin_tb;
struct qemu_plugin_insn;
struct qemu_info;
enum qemu_plugin_cb_flags { QEMU_PLUGIN_CB_NO_REGS };
typedef void (*vcpu_udata_cb)(unsigned int vcpu_index, void *userdata);
typedef void (*tb_trans_cb)(qemu_plugin_id_t id, struct qemu_plugin_tb *tb);

void qemu_plugin_register_vcpu_tb_trans_cb(qemu_plugin_id_t id, tb_trans_cb cb);
void qemu_plugin_register_vcpu_tb_exec_cb(struct qemu_plugin_tb *tb, vcpu_udata_cb cb,
					  enum qemu_plugin_cb_flags flags, void *userdata);
void qemu_plugin_register_vcpu_insn_exec_cb(struct qemu_plugin_insn *insn, vcpu_udata_cb cb,
					    enum qemu_plugin_cb_flags flags, void *userdata);
size_t qemu_plugin_tb_n_insns(const struct qemu_plugin_tb *tb);
struct qemu_plugin_insn *qemu_plugin_tb_get_insn(const struct qemu_plugin_tb *tb, size_t idx);
uint64_t qemu_plugin_insn_vaddr(const struct qemu_plugin_insn *insn);

__attribute__((visibility("default"))) int qemu_plugin_version = 1;

#define MAX_VCPUS 32
#define MAX_AT	  16

static uint64_t insns[MAX_VCPUS];
static uint64_t at[MAX_AT];
static bool seen[MAX_AT][MAX_VCPUS];
static int n_at;
static FILE *out;
static uint64_t translated_blocks, translated_insns; /* translations may run on any thread */

/* where a watched address sits in its block: the instructions after it */
struct hit {
	int which;
	size_t after;
};

static void block_start(unsigned int vcpu, void *n)
{
	if (vcpu < MAX_VCPUS)
		insns[vcpu] += (uintptr_t)n;
}

static void reached(unsigned int vcpu, void *udata)
{
	const struct hit *h = udata;

	if (vcpu >= MAX_VCPUS || seen[h->which][vcpu])
		return;
	seen[h->which][vcpu] = true;
	/* the whole block was counted as it started: take back the rest */
	fprintf(out, "at %#" PRIx64 " vcpu %u insns %" PRIu64 " translated %" PRIu64 " %" PRIu64 "\n",
		at[h->which], vcpu, insns[vcpu] - h->after - 1,
		__atomic_load_n(&translated_blocks, __ATOMIC_RELAXED),
		__atomic_load_n(&translated_insns, __ATOMIC_RELAXED));
	fflush(out);
}

static void translate(qemu_plugin_id_t id, struct qemu_plugin_tb *tb)
{
	size_t n = qemu_plugin_tb_n_insns(tb);

	(void)id;
	__atomic_fetch_add(&translated_blocks, 1, __ATOMIC_RELAXED);
	__atomic_fetch_add(&translated_insns, n, __ATOMIC_RELAXED);
	qemu_plugin_register_vcpu_tb_exec_cb(tb, block_start, QEMU_PLUGIN_CB_NO_REGS,
					     (void *)(uintptr_t)n);
	for (size_t i = 0; i < n; i++) {
		struct qemu_plugin_insn *insn = qemu_plugin_tb_get_insn(tb, i);
		uint64_t va = qemu_plugin_insn_vaddr(insn);

		for (int k = 0; k < n_at; k++) {
			struct hit *h;

			if (va != at[k])
				continue;
			h = malloc(sizeof(*h)); /* lives as long as the block may run */
			if (!h)
				return;
			h->which = k;
			h->after = n - 1 - i;
			qemu_plugin_register_vcpu_insn_exec_cb(insn, reached,
							       QEMU_PLUGIN_CB_NO_REGS, h);
		}
	}
}

__attribute__((visibility("default"))) int
qemu_plugin_install(qemu_plugin_id_t id, const struct qemu_info *info, int argc, char **argv)
{
	const char *path = NULL;

	(void)info;
	for (int i = 0; i < argc; i++) {
		if (!strncmp(argv[i], "out=", 4)) {
			path = argv[i] + 4;
		} else if (!strncmp(argv[i], "at=", 3) && n_at < MAX_AT) {
			char *end;

			at[n_at] = strtoull(argv[i] + 3, &end, 0);
			if (*end) {
				fprintf(stderr, "insn_count: bad address %s\n", argv[i] + 3);
				return 1;
			}
			n_at++;
		} else {
			fprintf(stderr, "insn_count: unknown argument %s (out=FILE, at=ADDR)\n",
				argv[i]);
			return 1;
		}
	}
	out = path ? fopen(path, "w") : stderr;
	if (!out) {
		perror(path);
		return 1;
	}
	qemu_plugin_register_vcpu_tb_trans_cb(id, translate);
	return 0;
}
