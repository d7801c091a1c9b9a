/* hv-test: qemu-ok */
// SPDX-License-Identifier: MIT
/*
 * Breakpoint exceptions (scause 3): ebreak and c.ebreak, from S and U.
 * sepc is the instruction's address; stval is 0 or that same address (the
 * ISA allows either); the handler resumes 4 or 2 bytes later.
 */
#include "guest.h"

static long u_ebreak(long arg)
{
	asm volatile("ebreak");
	return arg * 2;
}

static void check_bp(const char *what, struct trap_info t, unsigned long pc, unsigned long priv)
{
	test_check_eqf(1, t.taken, "%s traps once", what);
	test_check_eqf(CAUSE_BREAKPOINT, t.cause, "%s scause", what);
	if (pc)
		test_check_eqf(pc, t.epc, "%s sepc", what);
	test_checkf(t.tval == 0 || t.tval == t.epc, "%s stval is 0 or the pc", what);
	test_check_eqf(priv, t.from_priv, "%s from %s", what, priv == PRV_U ? "U" : "S");
}

int main(unsigned long hartid, unsigned long dtb)
{
	unsigned long pc;

	(void)hartid;
	(void)dtb;
	trap_expect();
	asm volatile(".option push\n.option norvc\nlla %0, 1f\n1:\tebreak\n.option pop"
		     : "=&r"(pc));
	check_bp("ebreak", trap_result(), pc, PRV_S);

	trap_expect();
	asm volatile(".option push\n.option rvc\nlla %0, 1f\n1:\tc.ebreak\n.option pop"
		     : "=&r"(pc));
	check_bp("c.ebreak", trap_result(), pc, PRV_S);

	trap_expect();
	CHECK_EQ("U-mode resumes after ebreak", 10, user_call(u_ebreak, 5));
	check_bp("U-mode ebreak", trap_result(), 0, PRV_U);

	/* Two in a row: each is its own trap. */
	trap_expect();
	asm volatile("ebreak\n\tebreak");
	CHECK_EQ("two ebreaks trap twice", 2, trap_result().taken);
	return 0;
}
