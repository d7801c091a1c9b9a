/* hv-test: qemu-ok */
// SPDX-License-Identifier: MIT
/* The runtime itself: reporting, formatting, expected traps, U-mode calls. */
#include "guest.h"

static long user_add_one(long x)
{
	return x + 1;
}

int main(unsigned long hartid, unsigned long dtb)
{
	char buf[64];
	struct trap_info t;

	(void)dtb;
	CHECK_EQ("boot hart id matches tp", hartid, hart_id());
	CHECK("boot hart is present", smp_present_mask() & (1ul << hartid));
	fmt_snprintf(buf, sizeof(buf), "%d %u %x %s %05d %-3d|%p", -42, 7u, 0xbeefu, "ok", 42, 1,
		     (void *)0x1000);
	CHECK("fmt_snprintf formats", strcmp(buf, "-42 7 beef ok 00042 1  |0x1000") == 0);

	trap_expect();
	asm volatile("ebreak");
	t = trap_result();
	CHECK_EQ("ebreak trapped once", 1, t.taken);
	CHECK_EQ("ebreak scause", CAUSE_BREAKPOINT, t.cause);

	CHECK_EQ("user_call returns result", 42, user_call(user_add_one, 41));
	/* In U-mode this read would trap and abort the test. */
	CHECK_EQ("back in S-mode after user_call (satp readable)", 0, csr_read(satp));
	test_log("smoke test on hart %lu, ucall=%d", hartid, test_ucall_active());
	return 0;
}
