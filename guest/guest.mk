# Guest programs: the bare-metal runtime (guest/), the ISA tests
# (tests/guest/NAME.c or NAME.S) and the demo.  Included by the top-level
# Makefile; also works alone:
#     make -f guest/guest.mk guests
#
# Outputs: $(B)/guest/libguest.a, $(B)/guest/NAME.elf and $(B)/guest/NAME.bin
# for every test, $(B)/guest/demo.{elf,bin}.

B     ?= build
CROSS ?= riscv64-linux-gnu-

GUEST_CC      := $(CROSS)gcc
GUEST_AR      := $(CROSS)ar
GUEST_OBJCOPY := $(CROSS)objcopy
GUEST_OUT     := $(B)/guest

GUEST_CFLAGS := -march=rv64gc -mabi=lp64d -mcmodel=medany -ffreestanding -nostdlib \
	-nostartfiles -fno-pic -static -O2 -g -Wall -Wextra -Werror \
	-fno-stack-protector -fno-asynchronous-unwind-tables -fno-common \
	-Iguest -Iinclude -Isrc -MMD -MP
GUEST_LDFLAGS := -nostdlib -nostartfiles -static -no-pie -Wl,--build-id=none -Wl,--no-warn-rwx-segments \
	-T guest/link.ld

GUEST_RT_SRCS := $(filter-out guest/demo.c,$(wildcard guest/*.c guest/*.S))
GUEST_RT_OBJS := $(patsubst guest/%,$(GUEST_OUT)/rt/%.o,$(GUEST_RT_SRCS))
GUEST_LIB     := $(GUEST_OUT)/libguest.a

GUEST_TEST_SRCS := $(wildcard tests/guest/*.c tests/guest/*.S)
GUEST_TEST_NAMES := $(basename $(notdir $(GUEST_TEST_SRCS)))
GUEST_BINS := $(patsubst %,$(GUEST_OUT)/%.bin,$(GUEST_TEST_NAMES) demo)
GUEST_ELFS := $(GUEST_BINS:.bin=.elf)

.PHONY: guests guests-qemu
guests: $(GUEST_LIB) $(GUEST_BINS)

# Run every test marked qemu-ok under qemu-system-riscv64 + OpenSBI.
guests-qemu: guests
	@guest/run_qemu.sh $(GUEST_OUT)

$(GUEST_OUT)/rt/%.c.o: guest/%.c
	@mkdir -p $(dir $@)
	$(GUEST_CC) $(GUEST_CFLAGS) -c $< -o $@

$(GUEST_OUT)/rt/%.S.o: guest/%.S
	@mkdir -p $(dir $@)
	$(GUEST_CC) $(GUEST_CFLAGS) -c $< -o $@

$(GUEST_LIB): $(GUEST_RT_OBJS)
	@rm -f $@
	$(GUEST_AR) rcs $@ $^

$(GUEST_OUT)/obj/%.c.o: tests/guest/%.c
	@mkdir -p $(dir $@)
	$(GUEST_CC) $(GUEST_CFLAGS) -c $< -o $@

$(GUEST_OUT)/obj/%.S.o: tests/guest/%.S
	@mkdir -p $(dir $@)
	$(GUEST_CC) $(GUEST_CFLAGS) -c $< -o $@

$(GUEST_OUT)/obj/demo.c.o: guest/demo.c
	@mkdir -p $(dir $@)
	$(GUEST_CC) $(GUEST_CFLAGS) -c $< -o $@

# One link rule per program: $(1) = name, $(2) = its object.
define guest_program
$(GUEST_OUT)/$(1).elf: $(2) $(GUEST_LIB) guest/link.ld
	$$(GUEST_CC) $$(GUEST_CFLAGS) $$(GUEST_LDFLAGS) -o $$@ $(2) $(GUEST_LIB) -lgcc
endef
$(foreach src,$(GUEST_TEST_SRCS),$(eval $(call guest_program,$(basename $(notdir $(src))),$(GUEST_OUT)/obj/$(notdir $(src)).o)))
$(eval $(call guest_program,demo,$(GUEST_OUT)/obj/demo.c.o))

$(GUEST_OUT)/%.bin: $(GUEST_OUT)/%.elf
	$(GUEST_OBJCOPY) -O binary $< $@

-include $(GUEST_RT_OBJS:.o=.d) $(wildcard $(GUEST_OUT)/obj/*.d)
