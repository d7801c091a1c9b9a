/* SPDX-License-Identifier: MIT */
/*
 * Helpers shared by the integer tests in tests/guest (int_ops, muldiv): a
 * function per register-register instruction, and tables of cases run
 * through them.
 */
#ifndef GUEST_INTTEST_H
#define GUEST_INTTEST_H

#include "guest.h"

/* DEF_RR(insn) defines op_insn(a, b): the result of "insn rd, a, b". */
#define DEF_RR(insn)                                                          \
	static uint64_t op_##insn(uint64_t a, uint64_t b)                     \
	{                                                                     \
		uint64_t r;                                                   \
		asm volatile(#insn " %0, %1, %2" : "=r"(r) : "r"(a), "r"(b)); \
		return r;                                                     \
	}

struct rr_case {
	const char *op;
	uint64_t (*fn)(uint64_t a, uint64_t b);
	uint64_t a, b, expected;
};

/* One check per case, named "op 0xa, 0xb". */
static inline void rr_check_cases(const struct rr_case *cases, unsigned int n)
{
	for (unsigned int i = 0; i < n; i++)
		test_check_eqf(cases[i].expected, cases[i].fn(cases[i].a, cases[i].b),
			       "%s 0x%llx, 0x%llx", cases[i].op, (unsigned long long)cases[i].a,
			       (unsigned long long)cases[i].b);
}

#endif /* GUEST_INTTEST_H */
