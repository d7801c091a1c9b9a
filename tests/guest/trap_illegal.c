/* hv-test: qemu-ok */
// SPDX-License-Identifier: MIT
/*
 * Illegal-instruction exceptions (scause 2) from S-mode and U-mode: reserved
 * and unimplemented encodings, 32-bit and 16-bit, an M-mode return, and a
 * custom opcode.  sepc is the instruction's address, stval its bits (for a
 * 16-bit instruction only the low 16 bits), and execution resumes after it
 * with no register changed.
 */
#include "guest.h"

#define ILLEGAL_CASE(name, bits, text)                                                          \
	do {                                                                                    \
		unsigned long __pc, __keep = 0x1234;                                            \
		struct trap_info __t;                                                           \
		trap_expect();                                                                  \
		asm volatile("lla %0, 1f\n1:\t" text : "=&r"(__pc), "+r"(__keep) : : "memory"); \
		__t = trap_result();                                                            \
		CHECK_EQ(name " traps once", 1, __t.taken);                                     \
		CHECK_EQ(name " scause", CAUSE_ILLEGAL_INSTRUCTION, __t.cause);                 \
		CHECK_EQ(name " sepc", __pc, __t.epc);                                          \
		CHECK_EQ(name " stval", bits, __t.tval);                                        \
		CHECK_EQ(name " from S", PRV_S, __t.from_priv);                                 \
		CHECK_EQ(name " leaves registers", 0x1234, __keep);                             \
	} while (0)

static long u_illegal(long arg)
{
	asm volatile(".4byte 0xffffffff");
	return arg + 1;
}

int main(unsigned long hartid, unsigned long dtb)
{
	struct trap_info t;

	(void)hartid;
	(void)dtb;
	ILLEGAL_CASE("all-ones word", 0xffffffff, ".4byte 0xffffffff");
	ILLEGAL_CASE("unimp (csrrw x0, cycle, x0)", 0xc0001073,
		     ".option push\n.option norvc\nunimp\n.option pop");
	ILLEGAL_CASE("custom-0 opcode", 0x0000000b, ".4byte 0x0000000b");
	ILLEGAL_CASE("reserved OP funct7 (slt with funct7=0x20)", 0x40002033, ".4byte 0x40002033");
	ILLEGAL_CASE("mret from S", 0x30200073, "mret");
	ILLEGAL_CASE("c.addi16sp imm=0 (reserved)", 0x6101, ".2byte 0x6101");
	ILLEGAL_CASE("16-bit zero", 0x0000, ".2byte 0x0000");

	trap_expect();
	CHECK_EQ("U-mode resumes after illegal", 8, user_call(u_illegal, 7));
	t = trap_result();
	CHECK_EQ("U-mode illegal scause", CAUSE_ILLEGAL_INSTRUCTION, t.cause);
	CHECK_EQ("U-mode illegal stval", 0xffffffff, t.tval);
	CHECK_EQ("U-mode illegal from U", PRV_U, t.from_priv);
	CHECK("U-mode illegal sepc in function",
	      t.epc >= (unsigned long)u_illegal && t.epc < (unsigned long)u_illegal + 32);
	return 0;
}
