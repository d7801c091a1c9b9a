/* hv-test: qemu-ok */
// SPDX-License-Identifier: MIT
/*
 * A extension on one hart: every AMO in .W and .D form (and with .aq/.rl)
 * returns the old value (sign-extended for .W) and stores the right new one;
 * .W touches only its word and uses only the low word of rs2; rd = x0 still
 * stores.  LR/SC is tests/guest/lrsc.c.
 */
#include "guest.h"

static volatile uint64_t cell __attribute__((aligned(16)));
static volatile uint64_t other_cell __attribute__((aligned(64)));

#define DEF_AMO(name, insn)                                                                  \
	static uint64_t do_##name(volatile void *p, uint64_t v)                              \
	{                                                                                    \
		uint64_t old;                                                                \
		asm volatile(#insn " %0, %2, (%1)" : "=r"(old) : "r"(p), "r"(v) : "memory"); \
		return old;                                                                  \
	}

DEF_AMO(amoswap_w, amoswap.w)
DEF_AMO(amoadd_w, amoadd.w)
DEF_AMO(amoxor_w, amoxor.w)
DEF_AMO(amoand_w, amoand.w)
DEF_AMO(amoor_w, amoor.w)
DEF_AMO(amomin_w, amomin.w)
DEF_AMO(amomax_w, amomax.w)
DEF_AMO(amominu_w, amominu.w)
DEF_AMO(amomaxu_w, amomaxu.w)
DEF_AMO(amoswap_d, amoswap.d)
DEF_AMO(amoadd_d, amoadd.d)
DEF_AMO(amoxor_d, amoxor.d)
DEF_AMO(amoand_d, amoand.d)
DEF_AMO(amoor_d, amoor.d)
DEF_AMO(amomin_d, amomin.d)
DEF_AMO(amomax_d, amomax.d)
DEF_AMO(amominu_d, amominu.d)
DEF_AMO(amomaxu_d, amomaxu.d)
DEF_AMO(amoadd_w_aq, amoadd.w.aq)
DEF_AMO(amoadd_d_aqrl, amoadd.d.aqrl)

#define AMO_W(fn, name, init, v, new)     \
	{                                 \
		name, fn, 1, init, v, new \
	}
#define AMO_D(fn, name, init, v, new)     \
	{                                 \
		name, fn, 0, init, v, new \
	}

static const struct {
	const char *name;
	uint64_t (*fn)(volatile void *p, uint64_t v);
	int word;
	uint64_t init, v, new_val;
} cases[] = {
	/* .W: the low word is the operand; the high word must survive. */
	{"amoswap.w", do_amoswap_w, 1, 0x1111111180000000ull, 0x12345678, 0x1111111112345678ull},
	{"amoadd.w wraps", do_amoadd_w, 1, 0x11111111ffffffffull, 1, 0x1111111100000000ull},
	{"amoxor.w", do_amoxor_w, 1, 0x11111111f0f0f0f0ull, 0xffff0000, 0x111111110f0ff0f0ull},
	{"amoand.w", do_amoand_w, 1, 0x11111111f0f0f0f0ull, 0xff00ff00, 0x11111111f000f000ull},
	{"amoor.w", do_amoor_w, 1, 0x1111111100f000f0ull, 0x0f000f00, 0x111111110ff00ff0ull},
	{"amomin.w signed", do_amomin_w, 1, 0x1111111100000001ull, 0xffffffff,
	 0x11111111ffffffffull},
	{"amomax.w signed", do_amomax_w, 1, 0x1111111180000000ull, 0x7fffffff,
	 0x111111117fffffffull},
	{"amominu.w unsigned", do_amominu_w, 1, 0x1111111100000001ull, 0xffffffff,
	 0x1111111100000001ull},
	{"amomaxu.w unsigned", do_amomaxu_w, 1, 0x1111111100000001ull, 0xffffffff,
	 0x11111111ffffffffull},
	{"amomin.w ignores upper rs2", do_amomin_w, 1, 0x1111111100000005ull, 0x7fffffff00000003ull,
	 0x1111111100000003ull},
	{"amoadd.w.aq", do_amoadd_w_aq, 1, 0x2222222200000010ull, 0x20, 0x2222222200000030ull},
	{"amoswap.d", do_amoswap_d, 0, 0x8000000000000000ull, 0x0123456789abcdefull,
	 0x0123456789abcdefull},
	{"amoadd.d wraps", do_amoadd_d, 0, ~0ull, 2, 1},
	{"amoxor.d", do_amoxor_d, 0, 0xff00ff00ff00ff00ull, 0xffffffff00000000ull,
	 0x00ff00ffff00ff00ull},
	{"amoand.d", do_amoand_d, 0, 0xff00ff00ff00ff00ull, 0x0ff00ff00ff00ff0ull,
	 0x0f000f000f000f00ull},
	{"amoor.d", do_amoor_d, 0, 0xff00ff00ff00ff00ull, 0x0ff00ff00ff00ff0ull,
	 0xfff0fff0fff0fff0ull},
	{"amomin.d signed", do_amomin_d, 0, 1, ~0ull, ~0ull},
	{"amomax.d signed", do_amomax_d, 0, 0x8000000000000000ull, 0x7fffffffffffffffull,
	 0x7fffffffffffffffull},
	{"amominu.d unsigned", do_amominu_d, 0, 1, ~0ull, 1},
	{"amomaxu.d unsigned", do_amomaxu_d, 0, 1, ~0ull, ~0ull},
	{"amoadd.d.aqrl", do_amoadd_d_aqrl, 0, 100, 23, 123},
};

int main(unsigned long hartid, unsigned long dtb)
{
	(void)hartid;
	(void)dtb;
	for (unsigned int i = 0; i < ARRAY_SIZE(cases); i++) {
		uint64_t old, expect_old = cases[i].init;

		cell = cases[i].init;
		old = cases[i].fn(&cell, cases[i].v);
		if (cases[i].word)
			expect_old = (uint64_t)(int64_t)(int32_t)cases[i].init;
		test_check_eqf(expect_old, old, "%s returns old value", cases[i].name);
		test_check_eqf(cases[i].new_val, cell, "%s stores new value", cases[i].name);
	}

	/* .W on the upper word of a doubleword. */
	cell = 0x0000000500000007ull;
	CHECK_EQ("amoadd.w upper word old", 5, do_amoadd_w((volatile char *)&cell + 4, 1));
	CHECK_EQ("amoadd.w upper word new", 0x0000000600000007ull, cell);

	/* rd = x0: the AMO still writes memory. */
	cell = 1;
	asm volatile("amoadd.d x0, %1, (%0)" : : "r"(&cell), "r"(41ull) : "memory");
	CHECK_EQ("amoadd.d with rd=x0 still stores", 42, cell);

	return 0;
}
