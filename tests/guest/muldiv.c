/* hv-test: qemu-ok */
// SPDX-License-Identifier: MIT
/*
 * M extension: every multiply and divide, with the edge cases the ISA
 * defines instead of trapping: division by zero (quotient all ones,
 * remainder the dividend), signed overflow (MIN / -1 = MIN, remainder 0),
 * the high-half multiplies in all three signednesses, and the W forms'
 * 32-bit operation with sign-extended result.  Expected values were
 * computed independently (Python big integers), not by this hart.
 */
#include "inttest.h"

DEF_RR(div)
DEF_RR(rem)
DEF_RR(divu)
DEF_RR(remu)
DEF_RR(divw)
DEF_RR(remw)
DEF_RR(divuw)
DEF_RR(remuw)
DEF_RR(mul)
DEF_RR(mulh)
DEF_RR(mulhu)
DEF_RR(mulhsu)
DEF_RR(mulw)

static const struct rr_case cases[] = {
	{"div", op_div, 0x7ull, 0x2ull, 0x3ull},
	{"div", op_div, 0xfffffffffffffff9ull, 0x2ull, 0xfffffffffffffffdull},
	{"div", op_div, 0x7ull, 0xfffffffffffffffeull, 0xfffffffffffffffdull},
	{"div", op_div, 0x7ull, 0x0ull, 0xffffffffffffffffull},
	{"div", op_div, 0x0ull, 0x0ull, 0xffffffffffffffffull},
	{"div", op_div, 0x8000000000000000ull, 0xffffffffffffffffull, 0x8000000000000000ull},
	{"div", op_div, 0x8000000000000000ull, 0x1ull, 0x8000000000000000ull},
	{"rem", op_rem, 0x7ull, 0x2ull, 0x1ull},
	{"rem", op_rem, 0xfffffffffffffff9ull, 0x2ull, 0xffffffffffffffffull},
	{"rem", op_rem, 0x7ull, 0xfffffffffffffffeull, 0x1ull},
	{"rem", op_rem, 0x7ull, 0x0ull, 0x7ull},
	{"rem", op_rem, 0xfffffffffffffff9ull, 0x0ull, 0xfffffffffffffff9ull},
	{"rem", op_rem, 0x8000000000000000ull, 0xffffffffffffffffull, 0x0ull},
	{"divu", op_divu, 0x7ull, 0x2ull, 0x3ull},
	{"divu", op_divu, 0xffffffffffffffffull, 0x2ull, 0x7fffffffffffffffull},
	{"divu", op_divu, 0x7ull, 0x0ull, 0xffffffffffffffffull},
	{"divu", op_divu, 0xffffffffffffffffull, 0x0ull, 0xffffffffffffffffull},
	{"divu", op_divu, 0x8000000000000000ull, 0xffffffffffffffffull, 0x0ull},
	{"remu", op_remu, 0x7ull, 0x2ull, 0x1ull},
	{"remu", op_remu, 0xffffffffffffffffull, 0xaull, 0x5ull},
	{"remu", op_remu, 0x7ull, 0x0ull, 0x7ull},
	{"remu", op_remu, 0xffffffffffffffffull, 0x0ull, 0xffffffffffffffffull},
	{"divw", op_divw, 0x7ull, 0x2ull, 0x3ull},
	{"divw", op_divw, 0xfffffffffffffff9ull, 0x2ull, 0xfffffffffffffffdull},
	{"divw", op_divw, 0x7ull, 0x0ull, 0xffffffffffffffffull},
	{"divw", op_divw, 0x100000007ull, 0x0ull, 0xffffffffffffffffull},
	{"divw", op_divw, 0xffffffff80000000ull, 0xffffffffffffffffull, 0xffffffff80000000ull},
	{"divw", op_divw, 0x80000000ull, 0xffffffffull, 0xffffffff80000000ull},
	{"remw", op_remw, 0x7ull, 0x2ull, 0x1ull},
	{"remw", op_remw, 0xfffffffffffffff9ull, 0x2ull, 0xffffffffffffffffull},
	{"remw", op_remw, 0x7ull, 0x0ull, 0x7ull},
	{"remw", op_remw, 0x1fffffff9ull, 0x0ull, 0xfffffffffffffff9ull},
	{"remw", op_remw, 0xffffffff80000000ull, 0xffffffffffffffffull, 0x0ull},
	{"divuw", op_divuw, 0x7ull, 0x2ull, 0x3ull},
	{"divuw", op_divuw, 0xffffffffull, 0x2ull, 0x7fffffffull},
	{"divuw", op_divuw, 0x7ull, 0x0ull, 0xffffffffffffffffull},
	{"divuw", op_divuw, 0x12345678ffffffffull, 0x100000001ull, 0xffffffffffffffffull},
	{"remuw", op_remuw, 0x7ull, 0x2ull, 0x1ull},
	{"remuw", op_remuw, 0xfffffff9ull, 0x0ull, 0xfffffffffffffff9ull},
	{"remuw", op_remuw, 0x123456789ull, 0x0ull, 0x23456789ull},
	{"remuw", op_remuw, 0xffffffffull, 0xaull, 0x5ull},
	{"mul", op_mul, 0x3ull, 0x5ull, 0xfull},
	{"mul", op_mul, 0xfffffffffffffffdull, 0x5ull, 0xfffffffffffffff1ull},
	{"mul", op_mul, 0x8000000000000000ull, 0x2ull, 0x0ull},
	{"mul", op_mul, 0x123456789abcdef0ull, 0xfedcba9876543210ull, 0x236d88fe5618cf00ull},
	{"mulh", op_mulh, 0xffffffffffffffffull, 0xffffffffffffffffull, 0x0ull},
	{"mulh", op_mulh, 0x8000000000000000ull, 0x8000000000000000ull, 0x4000000000000000ull},
	{"mulh", op_mulh, 0x8000000000000000ull, 0xffffffffffffffffull, 0x0ull},
	{"mulh", op_mulh, 0x7fffffffffffffffull, 0x7fffffffffffffffull, 0x3fffffffffffffffull},
	{"mulh", op_mulh, 0x123456789abcdef0ull, 0xfedcba9876543210ull, 0xffeb49923cc09532ull},
	{"mulh", op_mulh, 0xfffffffffffffffdull, 0x5ull, 0xffffffffffffffffull},
	{"mulhu", op_mulhu, 0xffffffffffffffffull, 0xffffffffffffffffull, 0xfffffffffffffffeull},
	{"mulhu", op_mulhu, 0x8000000000000000ull, 0x8000000000000000ull, 0x4000000000000000ull},
	{"mulhu", op_mulhu, 0x8000000000000000ull, 0x2ull, 0x1ull},
	{"mulhu", op_mulhu, 0x123456789abcdef0ull, 0xfedcba9876543210ull, 0x121fa00ad77d7422ull},
	{"mulhu", op_mulhu, 0x3ull, 0x5ull, 0x0ull},
	{"mulhsu", op_mulhsu, 0xffffffffffffffffull, 0xffffffffffffffffull, 0xffffffffffffffffull},
	{"mulhsu", op_mulhsu, 0x8000000000000000ull, 0xffffffffffffffffull, 0x8000000000000000ull},
	{"mulhsu", op_mulhsu, 0x1ull, 0xffffffffffffffffull, 0x0ull},
	{"mulhsu", op_mulhsu, 0xfffffffffffffffdull, 0x5ull, 0xffffffffffffffffull},
	{"mulhsu", op_mulhsu, 0x123456789abcdef0ull, 0xfedcba9876543210ull, 0x121fa00ad77d7422ull},
	{"mulw", op_mulw, 0x7fffffffull, 0x2ull, 0xfffffffffffffffeull},
	{"mulw", op_mulw, 0x10000ull, 0x10000ull, 0x0ull},
	{"mulw", op_mulw, 0xffffffffull, 0xffffffffull, 0x1ull},
	{"mulw", op_mulw, 0x123456789ull, 0x3ull, 0x69d0369bull},
	{"mulw", op_mulw, 0xfffffffffffffffdull, 0x5ull, 0xfffffffffffffff1ull},
};

int main(unsigned long hartid, unsigned long dtb)
{
	uint64_t q, r, a = 0x8000000000000000ull;

	(void)hartid;
	(void)dtb;
	rr_check_cases(cases, ARRAY_SIZE(cases));

	/* Division by zero raises no exception: nothing to trap, flags untouched. */
	trap_expect();
	asm volatile("div %0, %1, zero" : "=r"(q) : "r"(a));
	asm volatile("rem %0, %1, zero" : "=r"(r) : "r"(a));
	CHECK_EQ("div by zero does not trap", 0, trap_result().taken);
	CHECK_EQ("div by zero quotient", ~0ull, q);
	CHECK_EQ("rem by zero remainder", a, r);
	CHECK_EQ("div by zero leaves fflags alone", 0, csr_read(fflags));

	/* rd == rs1 == rs2 aliasing reads operands before writing. */
	q = 12;
	asm volatile("mul %0, %0, %0" : "+r"(q));
	CHECK_EQ("mul rd=rs1=rs2", 144, q);
	return 0;
}
