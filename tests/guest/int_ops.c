/* hv-test: qemu-ok */
// SPDX-License-Identifier: MIT
/*
 * RV64I integer operations: add/sub and their W forms (32-bit wrap, sign
 * extension), shifts (only the low 6 bits of rs2 count, 5 for the W forms),
 * comparisons, logic, lui/auipc sign extension, load sign/zero extension
 * and the x0 sink.  Expected values were computed independently.
 */
#include "inttest.h"

DEF_RR(add)
DEF_RR(sub)
DEF_RR(addw)
DEF_RR(subw)
DEF_RR(sll)
DEF_RR(srl)
DEF_RR(sra)
DEF_RR(sllw)
DEF_RR(srlw)
DEF_RR(sraw)
DEF_RR(slt)
DEF_RR(sltu)
DEF_RR(xor)
DEF_RR(or)
DEF_RR(and)

static const struct rr_case cases[] = {
	{"add", op_add, 0xffffffffffffffffull, 0x1ull, 0x0ull},
	{"add", op_add, 0x7fffffffffffffffull, 0x1ull, 0x8000000000000000ull},
	{"sub", op_sub, 0x0ull, 0x1ull, 0xffffffffffffffffull},
	{"sub", op_sub, 0x8000000000000000ull, 0x1ull, 0x7fffffffffffffffull},
	{"addw", op_addw, 0x7fffffffull, 0x1ull, 0xffffffff80000000ull},
	{"addw", op_addw, 0xffffffffull, 0x1ull, 0x0ull},
	{"addw", op_addw, 0x1234567800000000ull, 0x5ull, 0x5ull},
	{"subw", op_subw, 0x0ull, 0x1ull, 0xffffffffffffffffull},
	{"subw", op_subw, 0x80000000ull, 0x1ull, 0x7fffffffull},
	{"subw", op_subw, 0x100000000ull, 0x0ull, 0x0ull},
	{"sll", op_sll, 0x1ull, 0x3full, 0x8000000000000000ull},
	{"sll", op_sll, 0x1ull, 0x40ull, 0x1ull},
	{"sll", op_sll, 0x1ull, 0x41ull, 0x2ull},
	{"sll", op_sll, 0x3ull, 0x0ull, 0x3ull},
	{"srl", op_srl, 0x8000000000000000ull, 0x3full, 0x1ull},
	{"srl", op_srl, 0xffffffffffffffffull, 0x44ull, 0xfffffffffffffffull},
	{"srl", op_srl, 0xffffffffffffffffull, 0x0ull, 0xffffffffffffffffull},
	{"sra", op_sra, 0x8000000000000000ull, 0x3full, 0xffffffffffffffffull},
	{"sra", op_sra, 0x8000000000000000ull, 0x1ull, 0xc000000000000000ull},
	{"sra", op_sra, 0x8000000000000000ull, 0x48ull, 0xff80000000000000ull},
	{"sllw", op_sllw, 0x1ull, 0x1full, 0xffffffff80000000ull},
	{"sllw", op_sllw, 0x1ull, 0x20ull, 0x1ull},
	{"sllw", op_sllw, 0x1ull, 0x21ull, 0x2ull},
	{"sllw", op_sllw, 0xffffffff00000001ull, 0x0ull, 0x1ull},
	{"srlw", op_srlw, 0xffffffff80000000ull, 0x0ull, 0xffffffff80000000ull},
	{"srlw", op_srlw, 0xffffffff80000000ull, 0x1ull, 0x40000000ull},
	{"srlw", op_srlw, 0x80000000ull, 0x1full, 0x1ull},
	{"srlw", op_srlw, 0xffffffffull, 0x24ull, 0xfffffffull},
	{"sraw", op_sraw, 0x80000000ull, 0x1ull, 0xffffffffc0000000ull},
	{"sraw", op_sraw, 0x80000000ull, 0x1full, 0xffffffffffffffffull},
	{"sraw", op_sraw, 0x7fffffffull, 0x3eull, 0x1ull},
	{"sraw", op_sraw, 0x12345678ffffffffull, 0x4ull, 0xffffffffffffffffull},
	{"slt", op_slt, 0xffffffffffffffffull, 0x0ull, 0x1ull},
	{"slt", op_slt, 0x0ull, 0xffffffffffffffffull, 0x0ull},
	{"slt", op_slt, 0x8000000000000000ull, 0x7fffffffffffffffull, 0x1ull},
	{"slt", op_slt, 0x5ull, 0x5ull, 0x0ull},
	{"sltu", op_sltu, 0xffffffffffffffffull, 0x0ull, 0x0ull},
	{"sltu", op_sltu, 0x0ull, 0xffffffffffffffffull, 0x1ull},
	{"sltu", op_sltu, 0x8000000000000000ull, 0x7fffffffffffffffull, 0x0ull},
	{"sltu", op_sltu, 0x5ull, 0x5ull, 0x0ull},
	{"xor", op_xor, 0xff00ff00ff00ff00ull, 0xff00ff00ff00ff0ull, 0xf0f0f0f0f0f0f0f0ull},
	{"or", op_or, 0xff00ff00ff00ff00ull, 0xff00ff00ff00ff0ull, 0xfff0fff0fff0fff0ull},
	{"and", op_and, 0xff00ff00ff00ff00ull, 0xff00ff00ff00ff0ull, 0xf000f000f000f00ull},
};

static volatile uint64_t mem = 0x8081828384858687ull;

#define LOAD(insn, off)                                                                     \
	({                                                                                  \
		uint64_t __r;                                                               \
		asm volatile(#insn " %0, " #off "(%1)" : "=r"(__r) : "r"(&mem) : "memory"); \
		__r;                                                                        \
	})

int main(unsigned long hartid, unsigned long dtb)
{
	uint64_t r, pc;

	(void)hartid;
	(void)dtb;
	rr_check_cases(cases, ARRAY_SIZE(cases));

	/* Immediate forms. */
	asm volatile("addiw %0, %1, 1" : "=r"(r) : "r"(0x7fffffffull));
	CHECK_EQ("addiw wraps and sign-extends", 0xffffffff80000000ull, r);
	asm volatile("addiw %0, %1, 0" : "=r"(r) : "r"(0x00000001ffffffffull));
	CHECK_EQ("sext.w (addiw 0)", ~0ull, r);
	asm volatile("addi %0, %1, -2048" : "=r"(r) : "r"(0ull));
	CHECK_EQ("addi most negative imm", (uint64_t)-2048, r);
	asm volatile("slli %0, %1, 63" : "=r"(r) : "r"(1ull));
	CHECK_EQ("slli 63", 0x8000000000000000ull, r);
	asm volatile("srai %0, %1, 63" : "=r"(r) : "r"(0x8000000000000000ull));
	CHECK_EQ("srai 63", ~0ull, r);
	asm volatile("srliw %0, %1, 0" : "=r"(r) : "r"(0x80000000ull));
	CHECK_EQ("srliw 0 sign-extends bit 31", 0xffffffff80000000ull, r);
	asm volatile("sraiw %0, %1, 4" : "=r"(r) : "r"(0x80000000ull));
	CHECK_EQ("sraiw 4", 0xfffffffff8000000ull, r);
	asm volatile("slliw %0, %1, 31" : "=r"(r) : "r"(3ull));
	CHECK_EQ("slliw 31", 0xffffffff80000000ull, r);
	asm volatile("sltiu %0, %1, -1" : "=r"(r) : "r"(5ull));
	CHECK_EQ("sltiu imm -1 is max unsigned", 1, r);
	asm volatile("slti %0, %1, -1" : "=r"(r) : "r"(5ull));
	CHECK_EQ("slti 5 < -1", 0, r);
	asm volatile("xori %0, %1, -1" : "=r"(r) : "r"(0x0f0full));
	CHECK_EQ("xori -1 is not", ~0x0f0full, r);
	asm volatile("andi %0, %1, -16" : "=r"(r) : "r"(0x1234567full));
	CHECK_EQ("andi sign-extended imm", 0x12345670ull, r);

	asm volatile("lui %0, 0x80000" : "=r"(r));
	CHECK_EQ("lui 0x80000 sign-extends", 0xffffffff80000000ull, r);
	asm volatile("lui %0, 0x7ffff" : "=r"(r));
	CHECK_EQ("lui 0x7ffff", 0x7ffff000ull, r);
	asm volatile("1: auipc %0, 0\n\tlla %1, 1b" : "=r"(r), "=r"(pc));
	CHECK_EQ("auipc 0 is pc", pc, r);

	CHECK_EQ("lb sign-extends", 0xffffffffffffff87ull, LOAD(lb, 0));
	CHECK_EQ("lbu zero-extends", 0x87ull, LOAD(lbu, 0));
	CHECK_EQ("lh sign-extends", 0xffffffffffff8687ull, LOAD(lh, 0));
	CHECK_EQ("lhu zero-extends", 0x8687ull, LOAD(lhu, 0));
	CHECK_EQ("lw sign-extends", 0xffffffff84858687ull, LOAD(lw, 0));
	CHECK_EQ("lwu zero-extends", 0x84858687ull, LOAD(lwu, 0));
	CHECK_EQ("lw upper word", 0xffffffff80818283ull, LOAD(lw, 4));
	CHECK_EQ("ld", 0x8081828384858687ull, LOAD(ld, 0));

	asm volatile("sb %1, 1(%0)" : : "r"(&mem), "r"(0x1234ull) : "memory");
	CHECK_EQ("sb stores one byte", 0x8081828384853487ull, mem);
	asm volatile("sh %1, 2(%0)" : : "r"(&mem), "r"(0xabcdull) : "memory");
	CHECK_EQ("sh stores two bytes", 0x80818283abcd3487ull, mem);
	asm volatile("sw %1, 4(%0)" : : "r"(&mem), "r"(0xdeadbeefcafef00dull) : "memory");
	CHECK_EQ("sw stores four bytes", 0xcafef00dabcd3487ull, mem);

	asm volatile("li x0, 5\n\tmv %0, x0" : "=r"(r));
	CHECK_EQ("x0 ignores writes", 0, r);
	asm volatile("addi x0, x0, 7\n\taddi %0, x0, 0" : "=r"(r));
	CHECK_EQ("x0 reads zero after addi x0", 0, r);

	/* Branches compare signed and unsigned as their mnemonics say. */
	asm volatile("li %0, 0\n\tblt %1, %2, 1f\n\tli %0, 1\n1:" : "=&r"(r) : "r"(-1l), "r"(0l));
	CHECK_EQ("blt -1 < 0 taken", 0, r);
	asm volatile("li %0, 0\n\tbltu %1, %2, 1f\n\tli %0, 1\n1:" : "=&r"(r) : "r"(-1l), "r"(0l));
	CHECK_EQ("bltu max < 0 not taken", 1, r);
	asm volatile("li %0, 0\n\tbgeu %1, %2, 1f\n\tli %0, 1\n1:" : "=&r"(r) : "r"(-1l), "r"(0l));
	CHECK_EQ("bgeu max >= 0 taken", 0, r);
	asm volatile("li %0, 0\n\tbge %1, %2, 1f\n\tli %0, 1\n1:" : "=&r"(r) : "r"(-1l), "r"(0l));
	CHECK_EQ("bge -1 >= 0 not taken", 1, r);
	/* jalr clears bit 0 of the target. */
	asm volatile("lla t0, 1f\n\taddi t0, t0, 1\n\tli %0, 1\n\tjalr x0, 0(t0)\n\tli %0, 2\n"
		     ".balign 4\n1:"
		     : "=&r"(r)
		     :
		     : "t0");
	CHECK_EQ("jalr clears target bit 0", 1, r);
	return 0;
}
