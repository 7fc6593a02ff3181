# a9mm — a bare-metal re-enactment of Linux's ARM32 memory bring-up.
#
#   make            build build/vmlinux, build/Image and the DTB
#   make qemu       boot to the serial shell   (MEM=1024M SMP=4 APPEND=...)
#   make test       host unit tests + fuzz smoke run + QEMU system tests
#   make help       every target
#
# Kernel sources are picked up per directory; the portable mm core listed in
# CORE_SRCS is built a second time, natively, for the host unit tests.

CROSS_COMPILE	?= arm-none-eabi-
CC		:= $(CROSS_COMPILE)gcc
OBJCOPY		:= $(CROSS_COMPILE)objcopy
HOSTCC		?= gcc
PYTHON		:= /usr/bin/python3

B		:= build
CACHE		:= cache
LIBFDT_DIR	:= $(CACHE)/libfdt

MEM		?= 1024M
GDB_PORT	?= 1234
BREAK		?= start_kernel
TUI		?=
SMP		?= 4
APPEND		?= console=ttyAMA0 loglevel=8
# The initramfs `make qemu` and `make debug` hand the kernel (QEMU's
# -initrd): the user programs' archive; INITRD= boots without one.
INITRD		?= $(B)/initramfs.cpio
# The SD card `make qemu` and `make debug` attach (QEMU's -drive if=sd):
# by default $(B)/swap.img, 32 MiB formatted by mkswap; SD= attaches
# another image (QEMU 7.2 wants its size a power of two), SD= empty none.
SWAP_IMG	:= $(B)/swap.img
SD		?= $(SWAP_IMG)
comma		:= ,
QEMU		:= qemu-system-arm

DEBUG		?= 0
ifeq ($(DEBUG),1)
OPT		:= -O0 -g3
LIBFDT_OPT	:=
else
OPT		:= -O2 -g
LIBFDT_OPT	:= -O3 --param max-inline-insns-auto=80
endif

WARN		:= -Wall -Wextra -Werror -Wno-unused-parameter -Wshadow \
		   -Wstrict-prototypes -Wmissing-prototypes -Wpointer-arith
INCLUDES	:= -Iinclude -I$(LIBFDT_DIR) $(KCPPFLAGS)

# ARMv7-A, ARM state, soft-float: the kernel never touches VFP/NEON.
# Frame pointers and no sibling calls, as Linux builds with
# CONFIG_FRAME_POINTER: backtraces and memblock=debug name each real caller
# (a tail call would name its caller's caller).
# picolibc gives us string.h; snprintf and vsnprintf are the kernel's own
# (lib/vsprintf.c), not picolibc's vfprintf.
ARCH_FLAGS	:= -march=armv7-a -marm -mfloat-abi=soft
CFLAGS		:= $(ARCH_FLAGS) $(OPT) $(WARN) $(INCLUDES) -std=gnu11 \
		   --specs=picolibc.specs \
		   -ffreestanding -fno-common -ffunction-sections -fdata-sections \
		   -fno-omit-frame-pointer -fno-optimize-sibling-calls -D__KERNEL__
ASFLAGS		:= $(ARCH_FLAGS) -g $(INCLUDES) -D__ASSEMBLY__ -D__KERNEL__
LDFLAGS		:= $(ARCH_FLAGS) --specs=picolibc.specs \
		   -nostartfiles \
		   -T linker.ld -Wl,--gc-sections -Wl,-Map,$(B)/vmlinux.map \
		   -Wl,--no-warn-rwx-segments

LIBFDT_SRCS	:= fdt.c fdt_ro.c fdt_wip.c fdt_rw.c fdt_sw.c fdt_strerror.c \
		   fdt_addresses.c fdt_empty_tree.c
LIBFDT_STAMP	:= $(LIBFDT_DIR)/.stamp

KSRCS_S		:= $(wildcard boot/*.S lib/*.S)
KSRCS_C		:= $(wildcard kernel/*.c kernel/sched/*.c kernel/time/*.c fs/*.c fs/proc/*.c mm/*.c fdt/*.c drivers/*.c lib/*.c)
KOBJS		:= $(patsubst %,$(B)/k/%.o,$(KSRCS_S) $(KSRCS_C)) \
		   $(patsubst %,$(B)/k/libfdt/%.o,$(LIBFDT_SRCS))

DTS		:= dts/vexpress-v2p-ca9.dts
DTB		:= $(B)/vexpress-v2p-ca9.dtb

# The portable core: these files build natively for the host tests too.
CORE_SRCS	:= lib/cmdline.c kernel/params.c
CORE_SRCS	+= mm/memblock.c mm/memtest.c fdt/fdt.c kernel/mem_param.c
CORE_SRCS	+= mm/pgtable.c mm/mmu.c mm/pgwalk.c mm/highmem.c mm/bootmem.c
CORE_SRCS	+= mm/page_alloc.c mm/nobootmem.c mm/vmstat.c lib/spinlock_debug.c
CORE_SRCS	+= mm/percpu.c kernel/cpu.c mm/slub.c mm/slab_common.c kernel/taint.c
CORE_SRCS	+= lib/rbtree.c mm/vmap_area.c fs/elf_check.c mm/vma.c mm/rmap.c fs/file_table.c
CORE_SRCS	+= lib/vsprintf.c mm/swapfile.c
HOST_CFLAGS	:= -O1 -g -std=gnu11 $(WARN) -Iinclude -I$(LIBFDT_DIR) \
		   -Itests/unit -DA9MM_HOST -fsanitize=address,undefined \
		   -fno-sanitize-recover=all -fno-omit-frame-pointer
HOST_LDLIBS	:= -lcmocka -lm -lpthread
# make bench: the same core at -O2 without sanitizers (their cost is not ours)
BENCH_CFLAGS	:= -O2 -g -std=gnu11 $(WARN) -Iinclude -I$(LIBFDT_DIR) -Itests/unit \
		   -DA9MM_HOST
# libFuzzer targets (tests/fuzz): the same core with Debian's clang-14,
# coverage-instrumented, ASan + UBSan.  `make fuzz` runs each from the
# seed corpus in tests/fuzz/corpus for FUZZ_RUNS executions or FUZZ_TIME
# seconds, whichever comes first (about a minute each on this 2-core
# machine); make test a short smoke run of each.
FUZZ_CC		:= clang-14
FUZZ_CFLAGS	:= -O2 -g -std=gnu11 $(WARN) -Iinclude -I$(LIBFDT_DIR) -Itests/unit \
		   -Itests/fuzz -DA9MM_HOST -fsanitize=fuzzer-no-link,address,undefined \
		   -fno-sanitize-recover=all -fno-omit-frame-pointer
FUZZ_TARGETS	:= fdt_scan cmdline memblock vsprintf swap_header
FUZZ_RUNS	?= 1000000
FUZZ_TIME	?= 150
FUZZ_SMOKE_TIME	?= 3
HOST_TESTS	:= $(patsubst tests/unit/%.c,$(B)/host/%, \
		     $(wildcard tests/unit/test_*.c))
HOST_OBJS	:= $(patsubst %,$(B)/host/%.o,$(CORE_SRCS) tests/unit/host_shim.c) \
		   $(patsubst %,$(B)/host/libfdt/%.o,$(LIBFDT_SRCS))

TEST_DTS	:= $(wildcard tests/dts/*.dts)
TEST_DTBS	:= $(patsubst tests/dts/%.dts,$(B)/dtb/%.dtb,$(TEST_DTS))

# No sound card wanted: keep QEMU's audio backend quiet.
QEMU_BASE	= $(QEMU) -M vexpress-a9 -smp $(SMP) -m $(MEM) \
		  -kernel $(B)/Image -dtb $(DTB) -append "$(APPEND)" \
		  -audiodev none,id=snd0 -global pl041.audiodev=snd0 \
		  $(if $(INITRD),-initrd $(INITRD)) \
		  $(if $(SD),-drive if=sd$(comma)format=raw$(comma)file=$(SD))

.PHONY: all qemu debug gdb test test-unit test-py bench bench-readme docs deps clean \
	distclean help format format-check doc-check linux-map linux-compare linux-compare-readme \
	fuzz fuzz-smoke

all: $(B)/Image $(DTB)

# Keep the host objects make would see as intermediate (pattern chains).
# Not a bare .SECONDARY: that would also let a missing flags stamp count
# as "intermediate, not needed" and skip the rebuild it exists to force.
.SECONDARY: $(HOST_OBJS) $(patsubst %,$(B)/host/%.o,$(wildcard tests/unit/test_*.c))

# --- dependencies ---------------------------------------------------------
# The installer runs once per build directory (and again when its list
# changes): it checks every package with dpkg-query and fetches only what
# is missing, so plain `make` works on a fresh Debian 12 machine.
$(B)/.deps: scripts/install-deps.sh
	@mkdir -p $(B)
	@scripts/install-deps.sh
	@touch $@

deps:
	scripts/install-deps.sh

$(LIBFDT_STAMP): scripts/libfdt.sha256 scripts/fetch-libfdt.sh | $(B)/.deps
	scripts/fetch-libfdt.sh $(LIBFDT_DIR)

# --- kernel ---------------------------------------------------------------
# Objects depend on the flags they were built with: `make DEBUG=1` after a
# plain `make` rebuilds everything instead of mixing -O0 and -O2 objects.
FLAGS_STAMP	:= $(B)/.flags-$(shell echo '$(CFLAGS) $(LIBFDT_OPT) $(ASFLAGS) $(LDFLAGS) $(HOST_CFLAGS) $(BENCH_CFLAGS) $(FUZZ_CFLAGS)' | md5sum | cut -c1-12)
$(FLAGS_STAMP):
	@mkdir -p $(B)
	@rm -f $(B)/.flags-*
	@touch $@

$(B)/k/%.S.o: %.S $(FLAGS_STAMP) | $(LIBFDT_STAMP)
	@mkdir -p $(dir $@)
	@echo "  AS      $<"
	@$(CC) $(ASFLAGS) -MMD -MP -c $< -o $@

$(B)/k/%.c.o: %.c $(FLAGS_STAMP) | $(LIBFDT_STAMP)
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	@$(CC) $(CFLAGS) -MMD -MP -c $< -o $@

# libfdt is upstream code: built with the kernel's flags minus our stricter
# warnings, which it was not written against.  At -O3 (not in a DEBUG=1
# build): then fdt_next_tag() inlines fdt_offset_ptr(), which it calls for
# every character of every node name it walks past -- the boot's device
# tree walks cost 30 K instructions less, for 5 KiB more text.
$(B)/k/libfdt/%.c.o: $(LIBFDT_STAMP) $(FLAGS_STAMP)
	@mkdir -p $(dir $@)
	@echo "  CC      libfdt/$*.c"
	@$(CC) $(filter-out $(WARN),$(CFLAGS)) $(LIBFDT_OPT) -w -c $(LIBFDT_DIR)/$*.c -o $@

# kallsyms, as Linux links it: a first link with empty symbol tables, a
# second with tables of the right size (addresses still from the first),
# a third with the second's addresses -- which the tables no longer move.
# The last step checks exactly that.
KALLSYMS	:= $(PYTHON) scripts/kallsyms.py

$(B)/kallsyms0.S: scripts/kallsyms.py
	@mkdir -p $(B)
	@$(KALLSYMS) - > $@

$(B)/.tmp_vmlinux1: $(KOBJS) $(B)/kallsyms0.o linker.ld $(FLAGS_STAMP)
	@echo "  LD      $@"
	@$(CC) $(LDFLAGS) $(KOBJS) $(B)/kallsyms0.o -lgcc -o $@

$(B)/kallsyms1.S: $(B)/.tmp_vmlinux1
	@echo "  KSYMS   $@"
	@$(KALLSYMS) $< > $@

$(B)/.tmp_vmlinux2: $(KOBJS) $(B)/kallsyms1.o linker.ld
	@echo "  LD      $@"
	@$(CC) $(LDFLAGS) $(KOBJS) $(B)/kallsyms1.o -lgcc -o $@

$(B)/kallsyms2.S: $(B)/.tmp_vmlinux2
	@echo "  KSYMS   $@"
	@$(KALLSYMS) $< > $@

$(B)/kallsyms%.o: $(B)/kallsyms%.S
	@$(CC) $(ASFLAGS) -c $< -o $@

$(B)/vmlinux: $(KOBJS) $(B)/kallsyms2.o linker.ld
	@echo "  LD      $@"
	@$(CC) $(LDFLAGS) $(KOBJS) $(B)/kallsyms2.o -lgcc -o $@
	@$(KALLSYMS) $@ | cmp -s - $(B)/kallsyms2.S || \
		{ echo "kallsyms: symbols moved between the last two links" >&2; rm -f $@; exit 1; }

$(B)/Image: $(B)/vmlinux
	@echo "  OBJCOPY $@"
	@$(OBJCOPY) -O binary $< $@

$(DTB): $(DTS) dts/vexpress-v2p-ca9.dtsi | $(B)/.deps
	@mkdir -p $(dir $@)
	@echo "  DTC     $<"
	@dtc -q -i dts -I dts -O dtb -o $@ $<

# Test trees include the board's dts/vexpress-v2p-ca9.dtsi and change its
# memory description; some are broken on purpose (dtc -f writes them anyway).
$(B)/dtb/%.dtb: tests/dts/%.dts dts/vexpress-v2p-ca9.dtsi | $(B)/.deps
	@mkdir -p $(dir $@)
	@echo "  DTC     $<"
	@dtc -q -f -i dts -I dts -O dtb -o $@ $<

include user/user.mk

# --- running --------------------------------------------------------------
# The swap card: made only when missing (order-only below), so what a
# session wrote to it -- swapped pages -- is still there the next time;
# `rm build/swap.img` for a fresh one.  mkswap is util-linux's (Essential
# on Debian) in /sbin, outside a normal user's PATH; a plain file needs
# no root.  -p 4096: a9mm's page size, whatever the host's.
$(SWAP_IMG): | $(B)/.deps
	@mkdir -p $(dir $@)
	@echo "  MKSWAP  $@"
	@rm -f $@.tmp
	@truncate -s 32M $@.tmp
	@PATH="$$PATH:/sbin:/usr/sbin" mkswap -q -p 4096 -L a9mm-swap $@.tmp
	@mv $@.tmp $@

qemu: all $(if $(INITRD),user) | $(filter $(SWAP_IMG),$(SD))
	$(QEMU_BASE) -nographic

# -S -s, with the stub's port movable (GDB_PORT=) when 1234 is taken.
# make debug records what it runs -- DEBUG, the port, and a copy of its
# vmlinux in $(B)/debug/ -- and make gdb uses exactly that (scripts/gdb-run),
# so a rebuild meanwhile cannot put GDB's symbols out of step with the
# Image QEMU runs.  The record goes when QEMU exits.
DEBUG_DIR	:= $(B)/debug
GDB_HINT	= make$(if $(filter-out build,$(B)), B=$(B)) gdb$(if $(filter-out 1234,$(GDB_PORT)), GDB_PORT=$(GDB_PORT))

debug: all $(if $(INITRD),user) | $(filter $(SWAP_IMG),$(SD))
	@mkdir -p $(DEBUG_DIR)
	@cp $(B)/vmlinux $(DEBUG_DIR)/vmlinux
	@printf 'DEBUG=%s\nGDB_PORT=%s\n' '$(DEBUG)' '$(GDB_PORT)' > $(DEBUG_DIR)/session
	@echo "QEMU frozen at reset, running the DEBUG=$(DEBUG) build; GDB stub on 127.0.0.1:$(GDB_PORT)"
	@echo "In another terminal: $(GDB_HINT)   (add BREAK=stext to stop at the kernel's first instruction)"
	@trap 'rm -f $(DEBUG_DIR)/session' EXIT HUP INT TERM; \
		$(QEMU_BASE) -nographic -S -gdb tcp:127.0.0.1:$(GDB_PORT)

# No dependency on `all`: the vmlinux is the one make debug runs.
# GDBFLAGS= adds GDB arguments (after scripts/gdbinit), BREAK= the first
# stop (empty: stay at reset), TUI=0/1 the text UI (default: if it can).
gdb:
	@A9MM_BUILD='$(abspath $(B))' A9MM_DEBUG='$(DEBUG)' A9MM_DEBUG_ORIGIN='$(origin DEBUG)' \
		A9MM_GDB_PORT='$(GDB_PORT)' A9MM_GDB_PORT_ORIGIN='$(origin GDB_PORT)' \
		A9MM_BREAK='$(BREAK)' A9MM_TUI='$(TUI)' $(PYTHON) scripts/gdb-run $(GDBFLAGS)

# --- tests ----------------------------------------------------------------
$(B)/host/%.c.o: %.c $(FLAGS_STAMP) | $(LIBFDT_STAMP)
	@mkdir -p $(dir $@)
	@echo "  HOSTCC  $<"
	@$(HOSTCC) $(HOST_CFLAGS) -MMD -MP -c $< -o $@

$(B)/host/libfdt/%.c.o: $(LIBFDT_STAMP) $(FLAGS_STAMP)
	@mkdir -p $(dir $@)
	@$(HOSTCC) $(filter-out $(WARN),$(HOST_CFLAGS)) -w -c $(LIBFDT_DIR)/$*.c -o $@

$(B)/host/test_%: $(B)/host/tests/unit/test_%.c.o $(HOST_OBJS)
	@echo "  HOSTLD  $@"
	@$(HOSTCC) $(HOST_CFLAGS) $^ $(HOST_LDLIBS) -o $@

test-unit: $(HOST_TESTS) $(TEST_DTBS) $(DTB)
	@set -e; for t in $(HOST_TESTS); do \
		echo "== $$t"; A9MM_DTB_DIR=$(B)/dtb $$t; done

test-py: all $(TEST_DTBS) $(B)/floor.Image user
	$(PYTHON) -m pytest -q tests/py $(PYTEST_ARGS)

test: format-check doc-check test-unit fuzz-smoke test-py

# --- fuzzing --------------------------------------------------------------
FUZZ_BINS	:= $(patsubst %,$(B)/fuzz/fuzz_%,$(FUZZ_TARGETS))
FUZZ_OBJS	:= $(patsubst %,$(B)/fuzz/%.o,$(CORE_SRCS) tests/unit/host_shim.c \
		     tests/fuzz/fuzz_common.c) \
		   $(patsubst %,$(B)/fuzz/libfdt/%.o,$(LIBFDT_SRCS))
.SECONDARY: $(FUZZ_OBJS) $(patsubst %,$(B)/fuzz/tests/fuzz/fuzz_%.c.o,$(FUZZ_TARGETS))

$(B)/fuzz/%.c.o: %.c $(FLAGS_STAMP) | $(LIBFDT_STAMP)
	@mkdir -p $(dir $@)
	@echo "  FUZZCC  $<"
	@$(FUZZ_CC) $(FUZZ_CFLAGS) -MMD -MP -c $< -o $@

# memblock's loops compare every region's bounds: tracing those compares
# made fuzz_memblock four times slower, and its operations meet on
# purpose anyway (edge coverage stays)
$(B)/fuzz/mm/memblock.c.o: FUZZ_CFLAGS += -fno-sanitize-coverage=trace-cmp

# The harnesses and their models: sanitized, but no coverage -- what they
# compute is the oracle, not code the fuzzer should explore
$(B)/fuzz/tests/%.c.o: tests/%.c $(FLAGS_STAMP) | $(LIBFDT_STAMP)
	@mkdir -p $(dir $@)
	@echo "  FUZZCC  $<"
	@$(FUZZ_CC) $(filter-out -fsanitize=fuzzer-no-link%,$(FUZZ_CFLAGS)) \
		-fsanitize=address,undefined -MMD -MP -c $< -o $@

# libfdt: checked by the sanitizers, but not coverage-guided -- the
# fuzzers are after a9mm's code, and tracing libfdt's every compare
# halved their speed
$(B)/fuzz/libfdt/%.c.o: $(LIBFDT_STAMP) $(FLAGS_STAMP)
	@mkdir -p $(dir $@)
	@$(FUZZ_CC) $(filter-out $(WARN) -fsanitize=fuzzer-no-link%,$(FUZZ_CFLAGS)) \
		-fsanitize=address,undefined -w -c $(LIBFDT_DIR)/$*.c -o $@

$(B)/fuzz/fuzz_%: $(B)/fuzz/tests/fuzz/fuzz_%.c.o $(FUZZ_OBJS)
	@echo "  FUZZLD  $@"
	@$(FUZZ_CC) -fsanitize=fuzzer,address,undefined $^ -o $@

fuzz: $(FUZZ_BINS)
	@set -e; for t in $(FUZZ_TARGETS); do scripts/fuzz-run $$t $(FUZZ_TIME) $(FUZZ_RUNS); done

fuzz-smoke: $(FUZZ_BINS)
	@set -e; for t in $(FUZZ_TARGETS); do scripts/fuzz-run $$t $(FUZZ_SMOKE_TIME); done

# Benchmarks: the allocator built natively at -O2 without sanitizers
# (their cost is not the allocator's), and the kernel under -icount.
BENCH_OBJS	:= $(patsubst %,$(B)/bench/%.o,$(CORE_SRCS) tests/unit/host_shim.c \
		     tests/bench/bench_buddy.c) \
		   $(patsubst %,$(B)/bench/libfdt/%.o,$(LIBFDT_SRCS))

$(B)/bench/%.c.o: %.c $(FLAGS_STAMP) | $(LIBFDT_STAMP)
	@mkdir -p $(dir $@)
	@echo "  BENCHCC $<"
	@$(HOSTCC) $(BENCH_CFLAGS) -MMD -MP -c $< -o $@

$(B)/bench/libfdt/%.c.o: $(LIBFDT_STAMP) $(FLAGS_STAMP)
	@mkdir -p $(dir $@)
	@$(HOSTCC) $(filter-out $(WARN),$(BENCH_CFLAGS)) -w -c $(LIBFDT_DIR)/$*.c -o $@

$(B)/bench/bench_buddy: $(BENCH_OBJS)
	@echo "  HOSTLD  $@"
	@$(HOSTCC) $(BENCH_CFLAGS) $^ -lm -o $@

# QEMU's floor: one character, then power off (tests/bench/floor.S), loaded
# where QEMU puts a9mm's raw Image; make bench times a9mm against it.
$(B)/floor.Image: tests/bench/floor.S | $(B)/.deps
	@mkdir -p $(B)/bench
	@echo "  AS      $<"
	@$(CC) $(ARCH_FLAGS) -nostdlib -nostartfiles -Wl,-Ttext=0x60010000 \
		-Wl,--build-id=none -o $(B)/bench/floor.elf $<
	@$(OBJCOPY) -O binary $(B)/bench/floor.elf $@

# Measuring writes $(B)/bench.md (and bench.json) only; bench-readme copies
# the table into the README (a tracked file changes only when asked to).
# BENCH_ARGS=--offline: never download Linux's package for its figures.
bench: all user $(B)/bench/bench_buddy $(B)/floor.Image
	$(PYTHON) scripts/bench.py $(BENCH_ARGS)

bench-readme:
	$(PYTHON) scripts/bench.py --readme

# The README's pictures, redrawn from this build's own boots (logs kept in
# $(B)/docs/), so they cannot drift from the code.
DOCS_MEM	:= 128M 512M 1024M
DOCS_CMDS	:= memblock "cat /proc/buddyinfo" "cat /proc/zoneinfo"

docs: all
	@set -e; for m in $(DOCS_MEM); do \
		$(PYTHON) scripts/capture-log -m $$m --smp $(SMP) -o $(B)/docs/boot-$$m.log $(DOCS_CMDS); done
	$(PYTHON) scripts/memmap-plot $(B)/docs/boot-1024M.log -o docs/memmap.png
	$(PYTHON) scripts/memmap-plot $(foreach m,$(DOCS_MEM),$(B)/docs/boot-$(m).log) \
		-o docs/memmap-sizes.png

# --- Linux beside a9mm ------------------------------------------------------
# Debian 12's armmp kernel and a9mm on the same board, RAM, CPUs, command
# line and DTB; the package is downloaded once into cache/linux-compare/.
# memblock=debug is added unless APPEND is given.
COMPARE_APPEND	:= $(APPEND) memblock=debug
ifeq ($(origin APPEND),command line)
COMPARE_APPEND	:= $(APPEND)
endif

linux-compare: all
	$(PYTHON) scripts/linux-compare --mem $(MEM) --smp $(SMP) --append "$(COMPARE_APPEND)" \
		$(COMPARE_ARGS)

# the README's comparison: -m 1024M -smp 4, the default command line, and
# the instruction counts
linux-compare-readme: all
	$(PYTHON) scripts/linux-compare --mem 1024M --smp 4 --count-instructions --readme

# Every C file of ours, in the kernel's style (.clang-format).
FORMAT_SRCS	:= $(KSRCS_C) $(wildcard include/*/*.h include/uapi/*/*.h tests/unit/*.[ch] tests/bench/*.c tests/fuzz/*.[ch]) \
		   $(wildcard user/lib/*.[ch] user/bin/*.c user/include/*.h user/include/*/*.h)

format:
	clang-format -i $(FORMAT_SRCS)

# Part of make test: a file clang-format would change fails, named.
format-check: | $(B)/.deps
	@clang-format --dry-run -Werror $(FORMAT_SRCS)

# Part of make test: every non-static function states its contract in
# kernel-doc (what it does, each parameter, what it returns), and
# docs/linux-map.md lists every Linux twin the code names.
doc-check:
	@$(PYTHON) scripts/check-kerneldoc.py
	@$(PYTHON) scripts/linux-map.py --check

# Rewrite docs/linux-map.md's tables from the code's counterpart comments.
linux-map:
	$(PYTHON) scripts/linux-map.py

clean:
	rm -rf $(B)

distclean: clean
	rm -rf $(CACHE)

help:
	@echo "a9mm targets:"
	@echo "  all (default)  build/vmlinux, build/Image and build/vexpress-v2p-ca9.dtb"
	@echo "  qemu           boot in QEMU to the serial shell (Ctrl-A x quits)"
	@echo "                 MEM=$(MEM) SMP=$(SMP) APPEND='$(APPEND)'"
	@echo "                 SD=$(SD) (the SD card, mmcblk0: made by mkswap once, kept; SD= none)"
	@echo "  debug          the same QEMU frozen at reset with a GDB stub on :$(GDB_PORT) (GDB_PORT=)"
	@echo "  gdb            gdb-multiarch attached to 'make debug', with its vmlinux"
	@echo "                 BREAK=$(BREAK) (BREAK=stext: first instruction) GDBFLAGS= TUI=0|1"
	@echo "  test           format-check + doc-check + test-unit + fuzz-smoke + test-py"
	@echo "  test-unit      host unit tests of the mm core (cmocka, ASan/UBSan)"
	@echo "  test-py        system tests: boot QEMU, talk to the console (pytest)"
	@echo "  user           user programs -> build/user/, packed into build/initramfs.cpio"
	@echo "  fuzz           libFuzzer targets (clang-14, ASan/UBSan): FUZZ_RUNS=$(FUZZ_RUNS) runs"
	@echo "                 or FUZZ_TIME=$(FUZZ_TIME) s each, whichever comes first"
	@echo "  fuzz-smoke     the same, $(FUZZ_SMOKE_TIME) s each (part of make test)"
	@echo "  bench          the benchmark table: boot and allocator (-icount, host), user-space faults, compaction,"
	@echo "                 swap, wall time vs a floor image, Linux 6.1's figures -> build/bench.md (BENCH_ARGS=--offline)"
	@echo "  bench-readme   copy build/bench.md into README.md's table"
	@echo "  docs           redraw docs/memmap.png and docs/memmap-sizes.png from fresh boots"
	@echo "  linux-compare  Debian's Linux 6.1 and a9mm side by side, same QEMU board"
	@echo "                 MEM=$(MEM) SMP=$(SMP) APPEND=... COMPARE_ARGS=--count-instructions"
	@echo "  linux-compare-readme  regenerate README.md's comparison (-m 1024M)"
	@echo "  deps           install Debian packages (scripts/install-deps.sh)"
	@echo "  format         clang-format the C sources (format-check: only check)"
	@echo "  doc-check      every non-static function has kernel-doc (@params, Return:),"
	@echo "                 docs/linux-map.md matches the code (linux-map rewrites it)"
	@echo "  clean          remove build/; distclean also drops cache/ (libfdt, Linux package)"
	@echo "  DEBUG=1        build -O0 -g3 for stepping in GDB"

-include $(shell find $(B) -name '*.d' 2>/dev/null)
