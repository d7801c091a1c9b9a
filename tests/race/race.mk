# The race torture guests: tests/race/NAME.c -> $(B)/guest/NAME.{elf,bin}, linked
# with the guest runtime.  Included by the top-level Makefile after
# guest/guest.mk (it uses that file's compiler, flags, runtime library and
# link rule); also works alone:
#     make -f guest/guest.mk -f tests/race/race.mk race-guests
# The programs read their parameters from /chosen/bootargs (--append), so one
# binary serves the short, long and many-hart runs of tests/race/torture.sh.

RACE_SRCS  := $(wildcard tests/race/*.c)
RACE_NAMES := $(basename $(notdir $(RACE_SRCS)))
RACE_BINS  := $(patsubst %,$(GUEST_OUT)/%.bin,$(RACE_NAMES))

.PHONY: race-guests
race-guests: $(GUEST_LIB) $(RACE_BINS)
guests: race-guests

$(GUEST_OUT)/obj/race/%.c.o: tests/race/%.c
	@mkdir -p $(dir $@)
	$(GUEST_CC) $(GUEST_CFLAGS) -Itests/race -c $< -o $@

$(foreach n,$(RACE_NAMES),$(eval $(call guest_program,$(n),$(GUEST_OUT)/obj/race/$(n).c.o)))

-include $(wildcard $(GUEST_OUT)/obj/race/*.d)
