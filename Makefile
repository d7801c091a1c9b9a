# hartvisor build.  The two commands a user needs: `make run` and `make test`.
# Everything generated goes under build/ (ignored by git).

CC       ?= cc
CLANG    ?= clang
CROSS    ?= riscv64-linux-gnu-
B        := build

WARN     := -Wall -Wextra -Wshadow -Wmissing-prototypes -Werror
BASEFLAGS := -std=gnu11 -g -pthread -D_GNU_SOURCE -Iinclude -Isrc $(WARN) -MMD -MP
CFLAGS_release := -O2 -DNDEBUG
CFLAGS_debug   := -O1 -DHV_DEBUG
CFLAGS_tsan    := -O1 -DHV_DEBUG -fsanitize=thread
CFLAGS_asan    := -O1 -DHV_DEBUG -fsanitize=address,undefined -fno-sanitize-recover=all
# Test-only: SUSP scans the other harts without pm_lock, as the original KVM code did.
CFLAGS_unlocked := -O2 -DNDEBUG -DHV_TEST_UNLOCKED_SUSP
LDLIBS   := -lfdt -lm

LIB_SRCS := $(wildcard src/cpu/*.c src/vmm/*.c src/sbi/*.c src/dev/*.c src/fdt/*.c)
CLI_SRCS := $(wildcard src/cli/*.c)

VARIANTS := release debug tsan asan unlocked

.PHONY: all deps run run-linux test check bench torture model format format-check clean guests unit \
	$(VARIANTS)
all: deps $(B)/hartvisor guests

deps:
	@scripts/deps.sh check

# ---- host binaries, one object tree per variant -------------------------------
define variant
$(B)/$(1)/%.o: %.c
	@mkdir -p $$(dir $$@)
	$$(if $$(filter tsan asan,$(1)),$$(CLANG),$$(CC)) $$(BASEFLAGS) $$(CFLAGS_$(1)) -c $$< -o $$@

$(B)/$(1)/libhartvisor.a: $$(patsubst %.c,$(B)/$(1)/%.o,$$(LIB_SRCS))
	@rm -f $$@
	ar rcs $$@ $$^

$(B)/$(1)/hartvisor: $$(patsubst %.c,$(B)/$(1)/%.o,$$(CLI_SRCS)) $(B)/$(1)/libhartvisor.a
	$$(if $$(filter tsan asan,$(1)),$$(CLANG),$$(CC)) $$(BASEFLAGS) $$(CFLAGS_$(1)) -o $$@ $$^ $$(LDLIBS)

$(1): $(B)/$(1)/hartvisor
-include $$(patsubst %.c,$(B)/$(1)/%.d,$$(LIB_SRCS) $$(CLI_SRCS))
endef
$(foreach v,$(VARIANTS),$(eval $(call variant,$(v))))

# Replaced by rename, so a running build/hartvisor never blocks the copy.
$(B)/hartvisor: $(B)/release/hartvisor
	cp $< $@.tmp && mv -f $@.tmp $@

# ---- host unit tests: tests/unit/NAME.c -> build/unit/NAME, linked with the debug library
UNIT_SRCS := $(filter-out tests/unit/gen_%.c,$(wildcard tests/unit/*.c))
UNIT_BINS := $(patsubst tests/unit/%.c,$(B)/unit/%,$(UNIT_SRCS))
$(B)/unit/%: tests/unit/%.c $(B)/debug/libhartvisor.a
	@mkdir -p $(dir $@)
	$(CC) $(BASEFLAGS) $(CFLAGS_debug) -Itests -o $@ $< $(B)/debug/libhartvisor.a $(LDLIBS)
unit: $(UNIT_BINS)

# ---- guests (bare-metal RISC-V programs) ------------------------------------------
include guest/guest.mk
-include tests/race/race.mk
-include bench/bench.mk
-include linux/linux.mk

# ---- the two commands ---------------------------------------------------------------
run: all
	$(B)/hartvisor run --kernel $(B)/guest/demo.bin --cpus 4

# Linux 6.1 with 4 harts and the project's init, which offers a small prompt
# (help, cpus, offline N, online N, reboot, poweroff).  Ctrl-A x quits.
run-linux: all linux
	$(B)/hartvisor run --kernel $(B)/linux/Image --initrd $(B)/linux/initramfs.cpio --cpus 4 \
		--append "console=ttyS0 earlycon"

test: all debug tsan asan unlocked unit linux
	@tests/run_tests.sh

check: test

model:
	@tests/run_tests.sh model

bench: all
	@bench/run.sh

torture: all
	@tests/race/torture.sh long

format:
	clang-format -i $$(git ls-files '*.c' '*.h')

format-check:
	@tests/format_check.sh

clean:
	rm -rf $(B)
