/* hv-test: qemu-ok */
// SPDX-License-Identifier: MIT
/*
 * ecall from U-mode is environment call from U-mode (scause 8) taken by
 * S-mode (not by the SBI): sepc is the ecall, stval 0, and the argument
 * registers arrive unchanged in the trap frame.  (An S-mode ecall is an SBI
 * call; every report this test makes is one.)
 */
#include "guest.h"

static long u_ecall(long arg)
{
	register long a0 asm("a0") = arg;
	register long a7 asm("a7") = 0x10; /* BASE: must NOT reach the SBI */

	asm volatile("ecall" : "+r"(a0) : "r"(a7));
	return a0;
}

static long u_two_ecalls(long arg)
{
	asm volatile("ecall\n\tecall" ::: "memory");
	return arg;
}

int main(unsigned long hartid, unsigned long dtb)
{
	struct trap_info t;
	long r;

	(void)hartid;
	(void)dtb;
	trap_expect();
	r = user_call(u_ecall, 77);
	t = trap_result();
	CHECK_EQ("U ecall traps once", 1, t.taken);
	CHECK_EQ("U ecall scause is 8", CAUSE_USER_ECALL, t.cause);
	CHECK_EQ("U ecall stval is 0", 0, t.tval);
	CHECK_EQ("U ecall from U", PRV_U, t.from_priv);
	CHECK("U ecall sepc in function",
	      t.epc >= (unsigned long)u_ecall && t.epc < (unsigned long)u_ecall + 32);
	CHECK_EQ("U ecall 4 bytes", 0x00000073, *(volatile uint32_t *)t.epc);
	CHECK_EQ("U ecall: a0 not rewritten by an SBI", 77, r);

	trap_expect();
	CHECK_EQ("two U ecalls return", 5, user_call(u_two_ecalls, 5));
	CHECK_EQ("two U ecalls trap twice", 2, trap_result().taken);

	/* The S-mode ecall is the SBI: BASE get_spec_version succeeds, no trap. */
	trap_expect();
	r = sbi_get_spec_version().error;
	CHECK_EQ("S ecall does not trap to S", 0, trap_result().taken);
	CHECK_EQ("S ecall is an SBI call", 0, r);
	return 0;
}
