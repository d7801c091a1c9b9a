/* hv-test: qemu-ok */
// SPDX-License-Identifier: MIT
/*
 * CSR access rules in S-mode: writing a read-only CSR (cycle, time,
 * instret: address bits 11:10 = 0b11) is an illegal instruction, even
 * csrrs/csrrc with a non-zero mask, while csrr (csrrs with rs1 = x0, which
 * does not write) is legal; machine-level CSRs and unknown CSR numbers are
 * illegal from S-mode.  stval holds the faulting instruction's bits (the
 * ISA allows 0; hartvisor and QEMU both write the bits), and sepc points at
 * it.  Every illegal CSR access leaves the CSR unchanged.
 */
#include "guest.h"

#define EXPECT_ILLEGAL(name, insn_word, asm_text)                                           \
	do {                                                                                \
		unsigned long __pc;                                                         \
		struct trap_info __t;                                                       \
		trap_expect();                                                              \
		asm volatile("lla %0, 1f\n1:\t" asm_text : "=&r"(__pc) : : "t0", "memory"); \
		__t = trap_result();                                                        \
		CHECK_EQ(name " traps", 1, __t.taken);                                      \
		CHECK_EQ(name " scause", CAUSE_ILLEGAL_INSTRUCTION, __t.cause);             \
		CHECK_EQ(name " sepc", __pc, __t.epc);                                      \
		CHECK_EQ(name " stval", (uint32_t)(insn_word), __t.tval);                   \
	} while (0)

#define EXPECT_LEGAL(name, asm_text)                                     \
	do {                                                             \
		trap_expect();                                           \
		asm volatile(asm_text : : : "t0", "memory");             \
		CHECK_EQ(name " does not trap", 0, trap_result().taken); \
	} while (0)

/* Encodings are spelled out with .4byte so stval can be compared exactly. */
#define CSRRW(csr, rd, rs1) (((csr) << 20) | ((rs1) << 15) | (1 << 12) | ((rd) << 7) | 0x73)
#define CSRRS(csr, rd, rs1) (((csr) << 20) | ((rs1) << 15) | (2 << 12) | ((rd) << 7) | 0x73)
#define CSRRC(csr, rd, rs1) (((csr) << 20) | ((rs1) << 15) | (3 << 12) | ((rd) << 7) | 0x73)
#define CSRRWI(csr, rd, imm) (((csr) << 20) | ((imm) << 15) | (5 << 12) | ((rd) << 7) | 0x73)
#define STR2(x) #x
#define STR(x) STR2(x)
#define WORD(x) ".4byte " STR(x)

/* t0 = x5, used as rd; t1 = x6 (holds 0 or 1) as rs1. */
#define X_T0 5
#define X_T1 6

int main(unsigned long hartid, unsigned long dtb)
{
	unsigned long v;

	(void)hartid;
	(void)dtb;

	EXPECT_ILLEGAL("csrw cycle", CSRRW(0xc00, 0, X_T1), WORD(CSRRW(0xc00, 0, X_T1)));
	EXPECT_ILLEGAL("csrw time", CSRRW(0xc01, 0, X_T1), WORD(CSRRW(0xc01, 0, X_T1)));
	EXPECT_ILLEGAL("csrw instret", CSRRW(0xc02, 0, X_T1), WORD(CSRRW(0xc02, 0, X_T1)));
	EXPECT_ILLEGAL("csrrw time, rd=t0", CSRRW(0xc01, X_T0, X_T1),
		       WORD(CSRRW(0xc01, X_T0, X_T1)));
	EXPECT_ILLEGAL("csrrs time with rs1=t1", CSRRS(0xc01, X_T0, X_T1),
		       WORD(CSRRS(0xc01, X_T0, X_T1)));
	EXPECT_ILLEGAL("csrrc cycle with rs1=t1", CSRRC(0xc00, X_T0, X_T1),
		       WORD(CSRRC(0xc00, X_T0, X_T1)));
	EXPECT_ILLEGAL("csrrwi time, 0", CSRRWI(0xc01, X_T0, 0), WORD(CSRRWI(0xc01, X_T0, 0)));

	EXPECT_LEGAL("csrr time (csrrs rs1=x0)", WORD(CSRRS(0xc01, X_T0, 0)));
	EXPECT_LEGAL("csrr cycle", WORD(CSRRS(0xc00, X_T0, 0)));
	EXPECT_LEGAL("csrr instret", WORD(CSRRS(0xc02, X_T0, 0)));
	EXPECT_LEGAL("csrrc time rs1=x0", WORD(CSRRC(0xc01, X_T0, 0)));

	/* M-mode CSRs do not exist for S-mode. */
	EXPECT_ILLEGAL("csrr mstatus", CSRRS(0x300, X_T0, 0), WORD(CSRRS(0x300, X_T0, 0)));
	EXPECT_ILLEGAL("csrr mepc", CSRRS(0x341, X_T0, 0), WORD(CSRRS(0x341, X_T0, 0)));
	EXPECT_ILLEGAL("csrr mhartid", CSRRS(0xf14, X_T0, 0), WORD(CSRRS(0xf14, X_T0, 0)));
	EXPECT_ILLEGAL("csrw mscratch", CSRRW(0x340, 0, X_T1), WORD(CSRRW(0x340, 0, X_T1)));
	/* An unallocated number in the supervisor range. */
	EXPECT_ILLEGAL("csrr 0x1ff (unallocated)", CSRRS(0x1ff, X_T0, 0),
		       WORD(CSRRS(0x1ff, X_T0, 0)));

	/* A read-only CSR still reads after the failed writes. */
	v = csr_read(time);
	CHECK("time still readable and non-zero", v != 0);
	{
		unsigned long a = csr_read(instret), b = csr_read(instret);

		CHECK("instret counts up", b > a);
	}
	return 0;
}
