/* hv-test: qemu-skip: QEMU 7.2 + OpenSBI 1.1 report misaligned AMOs as load-misaligned and let a misaligned SC fail without trapping */
// SPDX-License-Identifier: MIT
/*
 * Misaligned atomics trap (plain misaligned loads/stores do not: see
 * misaligned_ldst.c).  AMOs and SC at a misaligned address raise
 * store/AMO address misaligned (scause 6), LR raises load address
 * misaligned (scause 4), stval is the address, and memory is unchanged.
 */
#include "guest.h"

static volatile uint64_t buf[4] __attribute__((aligned(64)));

#define EXPECT_MISALIGNED(name, want, addr, text)                                        \
	do {                                                                             \
		struct trap_info __t;                                                    \
		unsigned long __rd = 0;                                                  \
		trap_expect();                                                           \
		asm volatile(text : "+r"(__rd) : "r"(addr), "r"(1ul) : "memory");        \
		__t = trap_result();                                                     \
		CHECK_EQ(name " traps once", 1, __t.taken);                              \
		CHECK_EQ(name " scause", want, __t.cause);                               \
		CHECK_EQ(name " stval is the address", (unsigned long)(addr), __t.tval); \
	} while (0)

int main(unsigned long hartid, unsigned long dtb)
{
	char *p = (char *)buf;

	(void)hartid;
	(void)dtb;
	buf[0] = 0x0706050403020100ull;
	buf[1] = 0x0f0e0d0c0b0a0908ull;

	EXPECT_MISALIGNED("amoadd.w at +1", CAUSE_MISALIGNED_STORE, p + 1, "amoadd.w %0, %2, (%1)");
	EXPECT_MISALIGNED("amoadd.w at +2", CAUSE_MISALIGNED_STORE, p + 2, "amoadd.w %0, %2, (%1)");
	EXPECT_MISALIGNED("amoswap.d at +4", CAUSE_MISALIGNED_STORE, p + 4,
			  "amoswap.d %0, %2, (%1)");
	EXPECT_MISALIGNED("amoor.d at +7", CAUSE_MISALIGNED_STORE, p + 7, "amoor.d %0, %2, (%1)");
	EXPECT_MISALIGNED("amomaxu.w at +6", CAUSE_MISALIGNED_STORE, p + 6,
			  "amomaxu.w %0, %2, (%1)");
	EXPECT_MISALIGNED("lr.w at +2", CAUSE_MISALIGNED_LOAD, p + 2, "lr.w %0, (%1)");
	EXPECT_MISALIGNED("lr.d at +4", CAUSE_MISALIGNED_LOAD, p + 4, "lr.d %0, (%1)");
	EXPECT_MISALIGNED("sc.w at +1", CAUSE_MISALIGNED_STORE, p + 1, "sc.w %0, %2, (%1)");
	EXPECT_MISALIGNED("sc.d at +4", CAUSE_MISALIGNED_STORE, p + 4, "sc.d %0, %2, (%1)");

	CHECK_EQ("memory unchanged (word 0)", 0x0706050403020100ull, buf[0]);
	CHECK_EQ("memory unchanged (word 1)", 0x0f0e0d0c0b0a0908ull, buf[1]);

	/* The same AMO aligned works. */
	trap_expect();
	asm volatile("amoadd.w zero, %1, (%0)" : : "r"(p + 4), "r"(1ul) : "memory");
	CHECK_EQ("aligned amoadd.w does not trap", 0, trap_result().taken);
	CHECK_EQ("aligned amoadd.w stored", 0x0706050503020100ull, buf[0]);
	return 0;
}
