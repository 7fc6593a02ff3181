# --- user programs (issue 16) -----------------------------------------------
# Static ELF32 ARM programs for a9mm's processes (and real Linux: make test
# runs each under qemu-arm, Linux user-mode emulation), built with Debian's
# arm-none-eabi-gcc and picolibc plus our own start-up code and system-call
# layer (user/crt0.S, user/lib/), and packed with Debian's cpio into the
# newc archive QEMU's -initrd hands the kernel:
#
#   build/user/<program>      each program (unstripped: GDB reads it)
#   build/user/rootfs/        the archive's tree: /init, /bin/..., /data/...
#                             (stripped copies: the symbols stay in build/user/)
#   build/initramfs.cpio      `cpio -o -H newc` of that tree
#
# A program is user/bin/<name>.c; it links with every object of user/lib/.
# picolibc's malloc is wrapped (ld --wrap) so big blocks come from mmap()
# (user/lib/malloc.c).  ARM state like the kernel; picolibc's own objects
# are Thumb-2 (its multilib), which interworks.

U		:= $(B)/user
USER_CFLAGS	:= $(ARCH_FLAGS) -O2 -g $(WARN) -std=gnu11 --specs=picolibc.specs -Iinclude/uapi \
		   -Iuser/include -Iuser/lib -D__LINUX_ERRNO_EXTENSIONS__ -ffunction-sections -fdata-sections \
		   -fno-omit-frame-pointer
USER_LDFLAGS	:= $(ARCH_FLAGS) --specs=picolibc.specs -nostartfiles -static \
		   -T user/user.ld -Wl,--gc-sections -Wl,--build-id=none -Wl,-z,noexecstack \
		   -Wl,--wrap=malloc,--wrap=free,--wrap=calloc,--wrap=realloc
USER_LIB_SRCS	:= user/crt0.S $(wildcard user/lib/*.c)
USER_LIB_OBJS	:= $(patsubst %,$(U)/obj/%.o,$(USER_LIB_SRCS))
USER_PROGS	:= $(patsubst user/bin/%.c,%,$(wildcard user/bin/*.c))
USER_BINS	:= $(patsubst %,$(U)/%,$(USER_PROGS))
# /init is the PID 1 program; the rest live in /bin
USER_ROOTFS	:= $(U)/rootfs
INITRAMFS	:= $(B)/initramfs.cpio
USER_FLAGS_STAMP := $(U)/.flags-$(shell echo '$(USER_CFLAGS) $(USER_LDFLAGS)' | md5sum | cut -c1-12)

.PHONY: user initramfs
user: $(USER_BINS) $(INITRAMFS)
initramfs: $(INITRAMFS)

$(USER_FLAGS_STAMP):
	@mkdir -p $(U)
	@rm -f $(U)/.flags-*
	@touch $@

$(U)/obj/%.c.o: %.c $(USER_FLAGS_STAMP) | $(B)/.deps
	@mkdir -p $(dir $@)
	@echo "  UCC     $<"
	@$(CC) $(USER_CFLAGS) -MMD -MP -c $< -o $@

$(U)/obj/%.S.o: %.S $(USER_FLAGS_STAMP) | $(B)/.deps
	@mkdir -p $(dir $@)
	@echo "  UAS     $<"
	@$(CC) $(USER_CFLAGS) -MMD -MP -c $< -o $@

$(U)/%: $(U)/obj/user/bin/%.c.o $(USER_LIB_OBJS) user/user.ld
	@echo "  ULD     $@"
	@$(CC) $(USER_LDFLAGS) $< $(USER_LIB_OBJS) -o $@

# /data/pages.bin: two pages mmap-file-demo maps; page N is filled with
# the byte 'A' + N, so a reader can tell which page it sees.
$(U)/pages.bin: | $(B)/.deps
	@mkdir -p $(U)
	@$(PYTHON) -c 'import sys; sys.stdout.buffer.write(b"A" * 4096 + b"B" * 4096)' > $@

# The tree is rebuilt from scratch each time, every file owned by root
# with one fixed mtime, so the archive's bytes depend only on its files.
$(INITRAMFS): $(USER_BINS) $(U)/pages.bin user/user.mk
	@echo "  CPIO    $@"
	@rm -rf $(USER_ROOTFS)
	@mkdir -p $(USER_ROOTFS)/bin $(USER_ROOTFS)/data $(USER_ROOTFS)/proc $(USER_ROOTFS)/dev
	@$(CROSS_COMPILE)strip -o $(USER_ROOTFS)/init $(U)/init
	@for p in $(filter-out init,$(USER_PROGS)); do \
		$(CROSS_COMPILE)strip -o $(USER_ROOTFS)/bin/$$p $(U)/$$p || exit 1; done
	@cp $(U)/pages.bin $(USER_ROOTFS)/data/pages.bin
	@find $(USER_ROOTFS) -exec touch -h -d @0 {} +
	@cd $(USER_ROOTFS) && find . -mindepth 1 | LC_ALL=C sort | \
		cpio --quiet -o -H newc -R 0:0 --reproducible > $(abspath $@)

.SECONDARY: $(USER_LIB_OBJS) $(patsubst %,$(U)/obj/user/bin/%.c.o,$(USER_PROGS))
