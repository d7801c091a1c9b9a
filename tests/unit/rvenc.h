/* SPDX-License-Identifier: MIT */
/* A few RV64 instruction encoders, for host tests that run hand-made programs. */
#ifndef HV_TESTS_RVENC_H
#define HV_TESTS_RVENC_H

#include <stdint.h>

enum { X0 = 0, RA = 1, SP = 2, T0 = 5, T1 = 6, T2 = 7, A0 = 10, A1 = 11, A6 = 16, A7 = 17 };

static inline uint32_t rv_i(uint32_t op, uint32_t f3, unsigned rd, unsigned rs1, int32_t imm)
{
	return ((uint32_t)imm & 0xfff) << 20 | rs1 << 15 | f3 << 12 | rd << 7 | op;
}

static inline uint32_t rv_s(uint32_t op, uint32_t f3, unsigned rs1, unsigned rs2, int32_t imm)
{
	uint32_t u = (uint32_t)imm;

	return (u >> 5 & 0x7f) << 25 | rs2 << 20 | rs1 << 15 | f3 << 12 | (u & 0x1f) << 7 | op;
}

static inline uint32_t rv_addi(unsigned rd, unsigned rs1, int32_t imm)
{
	return rv_i(0x13, 0, rd, rs1, imm);
}

static inline uint32_t rv_lui(unsigned rd, uint32_t imm20)
{
	return imm20 << 12 | rd << 7 | 0x37;
}

static inline uint32_t rv_auipc(unsigned rd, uint32_t imm20)
{
	return imm20 << 12 | rd << 7 | 0x17;
}

static inline uint32_t rv_sd(unsigned rs2, unsigned rs1, int32_t imm)
{
	return rv_s(0x23, 3, rs1, rs2, imm);
}

static inline uint32_t rv_ld(unsigned rd, unsigned rs1, int32_t imm)
{
	return rv_i(0x03, 3, rd, rs1, imm);
}

#define RV_ECALL 0x00000073u
#define RV_WFI 0x10500073u

/* Emit "li rd, v" for a v that fits lui + addi as a positive 32-bit value. */
static inline unsigned rv_li32(uint32_t *p, unsigned rd, uint32_t v)
{
	uint32_t hi = (v + 0x800) >> 12, lo = v & 0xfff;

	p[0] = rv_lui(rd, hi & 0xfffff);
	p[1] = rv_addi(rd, rd, (int32_t)(lo << 20) >> 20);
	return 2;
}

#endif /* HV_TESTS_RVENC_H */
