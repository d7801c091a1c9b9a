# Benchmark guests: build/bench/NAME.bin from bench/guests/NAME.c, linked
# with the guest runtime (guest/guest.mk's compiler, flags and libguest.a).
# Included by the top-level Makefile after guest/guest.mk; also works alone:
#     make -f bench/bench.mk bench-guests
#
# Besides one program per source, mips.c is built twice more with a fixed
# number of timed chunks (mips_c1, mips_c4): bench/run.sh runs both under
# callgrind and divides the difference of their host instruction counts by
# the difference of their guest instruction counts.

ifndef GUEST_CC
include guest/guest.mk
endif

BENCH_OUT   := $(B)/bench
BENCH_SRCS  := $(wildcard bench/guests/*.c)
BENCH_NAMES := $(basename $(notdir $(BENCH_SRCS))) mips_c1 mips_c4
BENCH_BINS  := $(patsubst %,$(BENCH_OUT)/%.bin,$(BENCH_NAMES))
BENCH_CFLAGS := $(GUEST_CFLAGS) -Ibench/guests
# 2^18 iterations of 32 instructions: 8.4 M guest instructions per chunk.
BENCH_FIXED_ITERS := 262144

.PHONY: bench-guests
bench-guests: $(BENCH_BINS)

# `make bench` builds the guests it runs.
bench: bench-guests

$(BENCH_OUT)/obj/%.c.o: bench/guests/%.c
	@mkdir -p $(dir $@)
	$(GUEST_CC) $(BENCH_CFLAGS) -c $< -o $@

$(BENCH_OUT)/obj/mips_c%.c.o: bench/guests/mips.c
	@mkdir -p $(dir $@)
	$(GUEST_CC) $(BENCH_CFLAGS) -DBENCH_CHUNKS=$* -DBENCH_CHUNK_ITERS=$(BENCH_FIXED_ITERS) \
		-c $< -o $@

$(BENCH_OUT)/%.elf: $(BENCH_OUT)/obj/%.c.o $(GUEST_LIB) guest/link.ld
	$(GUEST_CC) $(BENCH_CFLAGS) $(GUEST_LDFLAGS) -o $@ $< $(GUEST_LIB) -lgcc

$(BENCH_OUT)/%.bin: $(BENCH_OUT)/%.elf
	$(GUEST_OBJCOPY) -O binary $< $@

.SECONDARY: $(BENCH_BINS:.bin=.elf) $(patsubst %,$(BENCH_OUT)/obj/%.c.o,$(BENCH_NAMES))

-include $(wildcard $(BENCH_OUT)/obj/*.d)
