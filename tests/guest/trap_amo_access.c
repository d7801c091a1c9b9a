/* hv-test: qemu-skip: QEMU 7.2 raises load access fault (5) for an AMO where the ISA says store/AMO (7) */
// SPDX-License-Identifier: MIT
/*
 * An AMO or LR where nothing is (physical 0x0): every AMO raises
 * store/AMO access fault (7) and LR load access fault (5), stval = the
 * address.  (A failing SC need not access memory, so it is not checked.)
 */
#include "guest.h"

#define EXPECT_FAULT(name, want, addr, text)                                      \
	do {                                                                      \
		struct trap_info __t;                                             \
		unsigned long __rd = 0;                                           \
		trap_expect();                                                    \
		asm volatile(text : "+r"(__rd) : "r"(addr), "r"(1ul) : "memory"); \
		__t = trap_result();                                              \
		CHECK_EQ(name " faults once", 1, __t.taken);                      \
		CHECK_EQ(name " scause", want, __t.cause);                        \
		CHECK_EQ(name " stval", (unsigned long)(addr), __t.tval);         \
	} while (0)

int main(unsigned long hartid, unsigned long dtb)
{
	(void)hartid;
	(void)dtb;
	EXPECT_FAULT("amoadd.d at 0x0", CAUSE_STORE_ACCESS, 0x0ul, "amoadd.d %0, %2, (%1)");
	EXPECT_FAULT("amoswap.w at 0x8", CAUSE_STORE_ACCESS, 0x8ul, "amoswap.w %0, %2, (%1)");
	EXPECT_FAULT("amomin.d at 0x10", CAUSE_STORE_ACCESS, 0x10ul, "amomin.d %0, %2, (%1)");
	EXPECT_FAULT("lr.d at 0x0", CAUSE_LOAD_ACCESS, 0x0ul, "lr.d %0, (%1)");
	EXPECT_FAULT("lr.w then sc.w at 0x0", CAUSE_LOAD_ACCESS, 0x0ul, "lr.w %0, (%1)");
	return 0;
}
