/* SPDX-License-Identifier: MIT */
/*
 * Instruction decode for RV64IMAFDC + Zicsr + Zifencei and the S-mode
 * privileged instructions.  See decode.h for the contract.
 */
#include <stdbool.h>
#include <stddef.h>

#include "cpu/decode.h"

/* Field extraction from a 32-bit instruction. */
static inline unsigned int insn_rd(uint32_t b)
{
	return (b >> 7) & 31;
}

static inline unsigned int insn_rs1(uint32_t b)
{
	return (b >> 15) & 31;
}

static inline unsigned int insn_rs2(uint32_t b)
{
	return (b >> 20) & 31;
}

static inline unsigned int insn_rs3(uint32_t b)
{
	return b >> 27;
}

static inline unsigned int insn_funct3(uint32_t b)
{
	return (b >> 12) & 7;
}

static inline unsigned int insn_funct7(uint32_t b)
{
	return b >> 25;
}

/* Sign-extend the low @bits bits of @v. */
static inline int32_t sext(uint32_t v, unsigned int bits)
{
	return (int32_t)(v << (32 - bits)) >> (32 - bits);
}

static inline int32_t imm_i(uint32_t b)
{
	return (int32_t)b >> 20;
}

static inline int32_t imm_s(uint32_t b)
{
	return sext((b >> 25) << 5 | ((b >> 7) & 31), 12);
}

static inline int32_t imm_b(uint32_t b)
{
	return sext((b >> 31) << 12 | ((b >> 7) & 1) << 11 | ((b >> 25) & 0x3f) << 5 |
			    ((b >> 8) & 0xf) << 1,
		    13);
}

static inline int32_t imm_u(uint32_t b)
{
	return (int32_t)(b & 0xfffff000u);
}

static inline int32_t imm_j(uint32_t b)
{
	return sext((b >> 31) << 20 | (b & 0xff000) | ((b >> 20) & 1) << 11 |
			    ((b >> 21) & 0x3ff) << 1,
		    21);
}

/* ---- 32-bit encoders, for the compressed expansion ---------------------- */

enum {
	OPC_LOAD = 0x03,
	OPC_LOAD_FP = 0x07,
	OPC_MISC_MEM = 0x0f,
	OPC_OP_IMM = 0x13,
	OPC_AUIPC = 0x17,
	OPC_OP_IMM_32 = 0x1b,
	OPC_STORE = 0x23,
	OPC_STORE_FP = 0x27,
	OPC_AMO = 0x2f,
	OPC_OP = 0x33,
	OPC_LUI = 0x37,
	OPC_OP_32 = 0x3b,
	OPC_MADD = 0x43,
	OPC_MSUB = 0x47,
	OPC_NMSUB = 0x4b,
	OPC_NMADD = 0x4f,
	OPC_OP_FP = 0x53,
	OPC_BRANCH = 0x63,
	OPC_JALR = 0x67,
	OPC_JAL = 0x6f,
	OPC_SYSTEM = 0x73,
};

static uint32_t enc_i(unsigned int opc, unsigned int f3, unsigned int rd, unsigned int rs1,
		      int32_t imm)
{
	return ((uint32_t)imm << 20) | (rs1 << 15) | (f3 << 12) | (rd << 7) | opc;
}

static uint32_t enc_s(unsigned int opc, unsigned int f3, unsigned int rs1, unsigned int rs2,
		      int32_t imm)
{
	uint32_t u = (uint32_t)imm;

	return ((u >> 5 & 0x7f) << 25) | (rs2 << 20) | (rs1 << 15) | (f3 << 12) | ((u & 31) << 7) |
	       opc;
}

static uint32_t enc_r(unsigned int opc, unsigned int f3, unsigned int f7, unsigned int rd,
		      unsigned int rs1, unsigned int rs2)
{
	return (f7 << 25) | (rs2 << 20) | (rs1 << 15) | (f3 << 12) | (rd << 7) | opc;
}

static uint32_t enc_b(unsigned int f3, unsigned int rs1, unsigned int rs2, int32_t imm)
{
	uint32_t u = (uint32_t)imm;

	return ((u >> 12 & 1) << 31) | ((u >> 5 & 0x3f) << 25) | (rs2 << 20) | (rs1 << 15) |
	       (f3 << 12) | ((u >> 1 & 0xf) << 8) | ((u >> 11 & 1) << 7) | OPC_BRANCH;
}

static uint32_t enc_j(unsigned int rd, int32_t imm)
{
	uint32_t u = (uint32_t)imm;

	return ((u >> 20 & 1) << 31) | ((u >> 1 & 0x3ff) << 21) | ((u >> 11 & 1) << 20) |
	       (u & 0xff000) | (rd << 7) | OPC_JAL;
}

static uint32_t enc_u(unsigned int opc, unsigned int rd, int32_t imm)
{
	return ((uint32_t)imm & 0xfffff000u) | (rd << 7) | opc;
}

/* ---- compressed ----------------------------------------------------------- */

/* The 3-bit register fields of CIW/CL/CS/CA/CB name x8..x15. */
static inline unsigned int c_reg(uint16_t c, unsigned int shift)
{
	return 8 + ((c >> shift) & 7);
}

/* offset[7:3] of C.LD/C.SD/C.FLD/C.FSD: uimm[5:3] = c[12:10], uimm[7:6] = c[6:5] */
static inline int32_t c_uimm_d(uint16_t c)
{
	return ((c >> 7) & 0x38) | ((c << 1) & 0xc0);
}

/* C.LW/C.SW: uimm[5:3] = c[12:10], uimm[2] = c[6], uimm[6] = c[5] */
static inline int32_t c_uimm_w(uint16_t c)
{
	return ((c >> 7) & 0x38) | ((c >> 4) & 4) | ((c << 1) & 0x40);
}

/* CI-format 6-bit immediate: imm[5] = c[12], imm[4:0] = c[6:2] */
static inline int32_t c_imm6(uint16_t c)
{
	return sext(((c >> 7) & 0x20) | ((c >> 2) & 0x1f), 6);
}

static inline unsigned int c_shamt(uint16_t c)
{
	return ((c >> 7) & 0x20) | ((c >> 2) & 0x1f);
}

static uint32_t rvc_q0(uint16_t c)
{
	unsigned int rdp = c_reg(c, 2), rs1p = c_reg(c, 7);
	int32_t imm;

	switch (c >> 13) {
	case 0: /* C.ADDI4SPN: nzuimm[5:4|9:6|2|3] = c[12:5] */
		imm = ((c >> 7) & 0x30) | ((c >> 1) & 0x3c0) | ((c >> 4) & 4) | ((c >> 2) & 8);
		if (!imm)
			return 0; /* includes the all-zero illegal instruction */
		return enc_i(OPC_OP_IMM, 0, rdp, 2, imm);
	case 1: /* C.FLD */
		return enc_i(OPC_LOAD_FP, 3, rdp, rs1p, c_uimm_d(c));
	case 2: /* C.LW */
		return enc_i(OPC_LOAD, 2, rdp, rs1p, c_uimm_w(c));
	case 3: /* C.LD */
		return enc_i(OPC_LOAD, 3, rdp, rs1p, c_uimm_d(c));
	case 5: /* C.FSD */
		return enc_s(OPC_STORE_FP, 3, rs1p, rdp, c_uimm_d(c));
	case 6: /* C.SW */
		return enc_s(OPC_STORE, 2, rs1p, rdp, c_uimm_w(c));
	case 7: /* C.SD */
		return enc_s(OPC_STORE, 3, rs1p, rdp, c_uimm_d(c));
	default: /* 4: reserved */
		return 0;
	}
}

static uint32_t rvc_q1(uint16_t c)
{
	unsigned int rd = (c >> 7) & 31, rdp = c_reg(c, 7), rs2p = c_reg(c, 2);
	int32_t imm;

	switch (c >> 13) {
	case 0: /* C.ADDI (C.NOP when rd = 0) */
		return enc_i(OPC_OP_IMM, 0, rd, rd, c_imm6(c));
	case 1: /* C.ADDIW */
		if (!rd)
			return 0;
		return enc_i(OPC_OP_IMM_32, 0, rd, rd, c_imm6(c));
	case 2: /* C.LI */
		return enc_i(OPC_OP_IMM, 0, rd, 0, c_imm6(c));
	case 3:
		if (rd == 2) {
			/* C.ADDI16SP: nzimm[9] = c[12], nzimm[4|6|8:7|5] = c[6:2] */
			imm = ((c >> 3) & 0x200) | ((c >> 2) & 0x10) | ((c << 1) & 0x40) |
			      ((c << 4) & 0x180) | ((c << 3) & 0x20);
			if (!imm)
				return 0;
			return enc_i(OPC_OP_IMM, 0, 2, 2, sext((uint32_t)imm, 10));
		}
		/* C.LUI: nzimm[17] = c[12], nzimm[16:12] = c[6:2] */
		imm = c_imm6(c);
		if (!imm)
			return 0;
		return enc_u(OPC_LUI, rd, (int32_t)((uint32_t)imm << 12));
	case 4:
		switch ((c >> 10) & 3) {
		case 0: /* C.SRLI */
			return enc_i(OPC_OP_IMM, 5, rdp, rdp, (int32_t)c_shamt(c));
		case 1: /* C.SRAI */
			return enc_i(OPC_OP_IMM, 5, rdp, rdp, (int32_t)(c_shamt(c) | 0x400));
		case 2: /* C.ANDI */
			return enc_i(OPC_OP_IMM, 7, rdp, rdp, c_imm6(c));
		default:
			break;
		}
		switch (((c >> 10) & 4) | ((c >> 5) & 3)) {
		case 0: /* C.SUB */
			return enc_r(OPC_OP, 0, 0x20, rdp, rdp, rs2p);
		case 1: /* C.XOR */
			return enc_r(OPC_OP, 4, 0, rdp, rdp, rs2p);
		case 2: /* C.OR */
			return enc_r(OPC_OP, 6, 0, rdp, rdp, rs2p);
		case 3: /* C.AND */
			return enc_r(OPC_OP, 7, 0, rdp, rdp, rs2p);
		case 4: /* C.SUBW */
			return enc_r(OPC_OP_32, 0, 0x20, rdp, rdp, rs2p);
		case 5: /* C.ADDW */
			return enc_r(OPC_OP_32, 0, 0, rdp, rdp, rs2p);
		default: /* reserved */
			return 0;
		}
	case 5: /* C.J: offset[11|4|9:8|10|6|7|3:1|5] = c[12:2] */
		imm = ((c >> 1) & 0x800) | ((c >> 7) & 0x10) | ((c >> 1) & 0x300) |
		      ((c << 2) & 0x400) | ((c >> 1) & 0x40) | ((c << 1) & 0x80) |
		      ((c >> 2) & 0xe) | ((c << 3) & 0x20);
		return enc_j(0, sext((uint32_t)imm, 12));
	default: /* 6, 7: C.BEQZ, C.BNEZ: offset[8|4:3] = c[12:10], offset[7:6|2:1|5] = c[6:2] */
		imm = ((c >> 4) & 0x100) | ((c >> 7) & 0x18) | ((c << 1) & 0xc0) | ((c >> 2) & 6) |
		      ((c << 3) & 0x20);
		return enc_b((c >> 13) == 6 ? 0 : 1, rdp, 0, sext((uint32_t)imm, 9));
	}
}

static uint32_t rvc_q2(uint16_t c)
{
	unsigned int rd = (c >> 7) & 31, rs2 = (c >> 2) & 31;
	int32_t imm;

	switch (c >> 13) {
	case 0: /* C.SLLI */
		return enc_i(OPC_OP_IMM, 1, rd, rd, (int32_t)c_shamt(c));
	case 1: /* C.FLDSP: uimm[5] = c[12], uimm[4:3] = c[6:5], uimm[8:6] = c[4:2] */
		imm = ((c >> 7) & 0x20) | ((c >> 2) & 0x18) | ((c << 4) & 0x1c0);
		return enc_i(OPC_LOAD_FP, 3, rd, 2, imm);
	case 2: /* C.LWSP: uimm[5] = c[12], uimm[4:2] = c[6:4], uimm[7:6] = c[3:2] */
		if (!rd)
			return 0;
		imm = ((c >> 7) & 0x20) | ((c >> 2) & 0x1c) | ((c << 4) & 0xc0);
		return enc_i(OPC_LOAD, 2, rd, 2, imm);
	case 3: /* C.LDSP */
		if (!rd)
			return 0;
		imm = ((c >> 7) & 0x20) | ((c >> 2) & 0x18) | ((c << 4) & 0x1c0);
		return enc_i(OPC_LOAD, 3, rd, 2, imm);
	case 4:
		if (!(c & 0x1000)) {
			if (!rs2) {
				if (!rd)
					return 0; /* C.JR with rs1 = 0 is reserved */
				return enc_i(OPC_JALR, 0, 0, rd, 0); /* C.JR */
			}
			return enc_r(OPC_OP, 0, 0, rd, 0, rs2); /* C.MV */
		}
		if (!rs2) {
			if (!rd)
				return 0x00100073;	     /* C.EBREAK */
			return enc_i(OPC_JALR, 0, 1, rd, 0); /* C.JALR */
		}
		return enc_r(OPC_OP, 0, 0, rd, rd, rs2); /* C.ADD */
	case 5: /* C.FSDSP: uimm[5:3] = c[12:10], uimm[8:6] = c[9:7] */
		imm = ((c >> 7) & 0x38) | ((c >> 1) & 0x1c0);
		return enc_s(OPC_STORE_FP, 3, 2, rs2, imm);
	case 6: /* C.SWSP: uimm[5:2] = c[12:9], uimm[7:6] = c[8:7] */
		imm = ((c >> 7) & 0x3c) | ((c >> 1) & 0xc0);
		return enc_s(OPC_STORE, 2, 2, rs2, imm);
	default: /* C.SDSP */
		imm = ((c >> 7) & 0x38) | ((c >> 1) & 0x1c0);
		return enc_s(OPC_STORE, 3, 2, rs2, imm);
	}
}

uint32_t decode_rvc_expand(uint16_t c)
{
	switch (c & 3) {
	case 0:
		return rvc_q0(c);
	case 1:
		return rvc_q1(c);
	case 2:
		return rvc_q2(c);
	default:
		return 0;
	}
}

/* ---- 32-bit ---------------------------------------------------------------- */

/* Operations whose only effect is writing rd become NOP when rd = x0. */
static unsigned int op_rd(unsigned int op, unsigned int rd)
{
	return rd ? op : DECODE_OP_NOP;
}

static unsigned int decode_load(uint32_t b)
{
	static const uint16_t ops[8] = {
		DECODE_OP_LB,  DECODE_OP_LH,  DECODE_OP_LW,  DECODE_OP_LD,
		DECODE_OP_LBU, DECODE_OP_LHU, DECODE_OP_LWU, DECODE_OP_ILLEGAL,
	};

	/* A load to x0 still accesses memory (and may fault or touch MMIO). */
	return ops[insn_funct3(b)];
}

static unsigned int decode_store(uint32_t b)
{
	static const uint16_t ops[8] = {
		DECODE_OP_SB,	   DECODE_OP_SH,      DECODE_OP_SW,	 DECODE_OP_SD,
		DECODE_OP_ILLEGAL, DECODE_OP_ILLEGAL, DECODE_OP_ILLEGAL, DECODE_OP_ILLEGAL,
	};

	return ops[insn_funct3(b)];
}

static unsigned int decode_branch(uint32_t b)
{
	static const uint16_t ops[8] = {
		DECODE_OP_BEQ, DECODE_OP_BNE, DECODE_OP_ILLEGAL, DECODE_OP_ILLEGAL,
		DECODE_OP_BLT, DECODE_OP_BGE, DECODE_OP_BLTU,	 DECODE_OP_BGEU,
	};

	return ops[insn_funct3(b)];
}

static unsigned int decode_op_imm(uint32_t b, struct decode_insn *d)
{
	unsigned int f6 = b >> 26;

	switch (insn_funct3(b)) {
	case 0:
		return DECODE_OP_ADDI;
	case 1:
		d->imm &= 63;
		return f6 == 0 ? DECODE_OP_SLLI : DECODE_OP_ILLEGAL;
	case 2:
		return DECODE_OP_SLTI;
	case 3:
		return DECODE_OP_SLTIU;
	case 4:
		return DECODE_OP_XORI;
	case 5:
		d->imm &= 63;
		if (f6 == 0)
			return DECODE_OP_SRLI;
		return f6 == 0x10 ? DECODE_OP_SRAI : DECODE_OP_ILLEGAL;
	case 6:
		return DECODE_OP_ORI;
	default:
		return DECODE_OP_ANDI;
	}
}

static unsigned int decode_op_imm_32(uint32_t b, struct decode_insn *d)
{
	unsigned int f7 = insn_funct7(b);

	switch (insn_funct3(b)) {
	case 0:
		return DECODE_OP_ADDIW;
	case 1:
		d->imm &= 31;
		return f7 == 0 ? DECODE_OP_SLLIW : DECODE_OP_ILLEGAL;
	case 5:
		d->imm &= 31;
		if (f7 == 0)
			return DECODE_OP_SRLIW;
		return f7 == 0x20 ? DECODE_OP_SRAIW : DECODE_OP_ILLEGAL;
	default:
		return DECODE_OP_ILLEGAL;
	}
}

static unsigned int decode_op(uint32_t b)
{
	static const uint16_t base[8] = {
		DECODE_OP_ADD, DECODE_OP_SLL, DECODE_OP_SLT, DECODE_OP_SLTU,
		DECODE_OP_XOR, DECODE_OP_SRL, DECODE_OP_OR,  DECODE_OP_AND,
	};
	static const uint16_t muldiv[8] = {
		DECODE_OP_MUL, DECODE_OP_MULH, DECODE_OP_MULHSU, DECODE_OP_MULHU,
		DECODE_OP_DIV, DECODE_OP_DIVU, DECODE_OP_REM,	 DECODE_OP_REMU,
	};
	unsigned int f3 = insn_funct3(b);

	switch (insn_funct7(b)) {
	case 0x00:
		return base[f3];
	case 0x01:
		return muldiv[f3];
	case 0x20:
		if (f3 == 0)
			return DECODE_OP_SUB;
		if (f3 == 5)
			return DECODE_OP_SRA;
		return DECODE_OP_ILLEGAL;
	default:
		return DECODE_OP_ILLEGAL;
	}
}

static unsigned int decode_op_32(uint32_t b)
{
	unsigned int f3 = insn_funct3(b);

	switch (insn_funct7(b)) {
	case 0x00:
		if (f3 == 0)
			return DECODE_OP_ADDW;
		if (f3 == 1)
			return DECODE_OP_SLLW;
		if (f3 == 5)
			return DECODE_OP_SRLW;
		return DECODE_OP_ILLEGAL;
	case 0x01:
		switch (f3) {
		case 0:
			return DECODE_OP_MULW;
		case 4:
			return DECODE_OP_DIVW;
		case 5:
			return DECODE_OP_DIVUW;
		case 6:
			return DECODE_OP_REMW;
		case 7:
			return DECODE_OP_REMUW;
		default:
			return DECODE_OP_ILLEGAL;
		}
	case 0x20:
		if (f3 == 0)
			return DECODE_OP_SUBW;
		if (f3 == 5)
			return DECODE_OP_SRAW;
		return DECODE_OP_ILLEGAL;
	default:
		return DECODE_OP_ILLEGAL;
	}
}

static unsigned int decode_system(uint32_t b, struct decode_insn *d)
{
	static const uint16_t csr_ops[8] = {
		DECODE_OP_ILLEGAL, DECODE_OP_CSRRW,  DECODE_OP_CSRRS,  DECODE_OP_CSRRC,
		DECODE_OP_ILLEGAL, DECODE_OP_CSRRWI, DECODE_OP_CSRRSI, DECODE_OP_CSRRCI,
	};
	unsigned int f3 = insn_funct3(b);

	if (f3) {
		d->imm = (int32_t)(b >> 20); /* the CSR number, unsigned */
		return csr_ops[f3];
	}
	d->imm = 0;
	switch (b) {
	case 0x00000073:
		return DECODE_OP_ECALL;
	case 0x00100073:
		return DECODE_OP_EBREAK;
	case 0x10200073:
		return DECODE_OP_SRET;
	case 0x10500073:
		return DECODE_OP_WFI;
	default:
		break;
	}
	if (insn_funct7(b) == 0x09 && insn_rd(b) == 0)
		return DECODE_OP_SFENCE_VMA;
	return DECODE_OP_ILLEGAL; /* mret, hypervisor fences, ... */
}

static unsigned int decode_amo(uint32_t b)
{
	unsigned int f3 = insn_funct3(b), op;

	if (f3 != 2 && f3 != 3)
		return DECODE_OP_ILLEGAL;
	switch (b >> 27) {
	case 0x02:
		if (insn_rs2(b))
			return DECODE_OP_ILLEGAL;
		op = DECODE_OP_LR_W;
		break;
	case 0x03:
		op = DECODE_OP_SC_W;
		break;
	case 0x01:
		op = DECODE_OP_AMOSWAP_W;
		break;
	case 0x00:
		op = DECODE_OP_AMOADD_W;
		break;
	case 0x04:
		op = DECODE_OP_AMOXOR_W;
		break;
	case 0x0c:
		op = DECODE_OP_AMOAND_W;
		break;
	case 0x08:
		op = DECODE_OP_AMOOR_W;
		break;
	case 0x10:
		op = DECODE_OP_AMOMIN_W;
		break;
	case 0x14:
		op = DECODE_OP_AMOMAX_W;
		break;
	case 0x18:
		op = DECODE_OP_AMOMINU_W;
		break;
	case 0x1c:
		op = DECODE_OP_AMOMAXU_W;
		break;
	default:
		return DECODE_OP_ILLEGAL;
	}
	/* The .D operations follow the .W ones in the same order. */
	if (f3 == 3)
		op += DECODE_OP_LR_D - DECODE_OP_LR_W;
	return op;
}

/* A static rounding mode of 5 or 6 is reserved; 7 (DYN) is checked at run time. */
static inline bool rm_ok(unsigned int rm)
{
	return rm != 5 && rm != 6;
}

static unsigned int decode_fma(uint32_t b, struct decode_insn *d)
{
	unsigned int fmt = (b >> 25) & 3, n = ((b & 0x7f) - OPC_MADD) >> 2;

	if (fmt > 1 || !rm_ok(d->rm))
		return DECODE_OP_ILLEGAL;
	d->rs3 = (uint8_t)insn_rs3(b);
	return (fmt ? DECODE_OP_FMADD_D : DECODE_OP_FMADD_S) + n;
}

/* OP-FP: funct7[6:2] is the operation, funct7[1:0] the format (S = 0, D = 1). */
static unsigned int decode_op_fp(uint32_t b, struct decode_insn *d)
{
	unsigned int f7 = insn_funct7(b), f3 = insn_funct3(b), rs2 = insn_rs2(b);
	bool dbl = f7 & 1;
	unsigned int op;

	if ((f7 & 3) > 1)
		return DECODE_OP_ILLEGAL; /* H and Q formats */
	switch (f7 >> 2) {
	case 0x00:
		op = dbl ? DECODE_OP_FADD_D : DECODE_OP_FADD_S;
		goto rounded;
	case 0x01:
		op = dbl ? DECODE_OP_FSUB_D : DECODE_OP_FSUB_S;
		goto rounded;
	case 0x02:
		op = dbl ? DECODE_OP_FMUL_D : DECODE_OP_FMUL_S;
		goto rounded;
	case 0x03:
		op = dbl ? DECODE_OP_FDIV_D : DECODE_OP_FDIV_S;
		goto rounded;
	case 0x0b:
		if (rs2)
			return DECODE_OP_ILLEGAL;
		op = dbl ? DECODE_OP_FSQRT_D : DECODE_OP_FSQRT_S;
		goto rounded;
	case 0x04:
		if (f3 > 2)
			return DECODE_OP_ILLEGAL;
		return (dbl ? DECODE_OP_FSGNJ_D : DECODE_OP_FSGNJ_S) + f3;
	case 0x05:
		if (f3 > 1)
			return DECODE_OP_ILLEGAL;
		return (dbl ? DECODE_OP_FMIN_D : DECODE_OP_FMIN_S) + f3;
	case 0x08: /* fcvt.s.d (f7 0x20, rs2 1), fcvt.d.s (f7 0x21, rs2 0) */
		if (dbl ? rs2 != 0 : rs2 != 1)
			return DECODE_OP_ILLEGAL;
		op = dbl ? DECODE_OP_FCVT_D_S : DECODE_OP_FCVT_S_D;
		goto rounded;
	case 0x14: /* feq/flt/fle */
		switch (f3) {
		case 2:
			return dbl ? DECODE_OP_FEQ_D : DECODE_OP_FEQ_S;
		case 1:
			return dbl ? DECODE_OP_FLT_D : DECODE_OP_FLT_S;
		case 0:
			return dbl ? DECODE_OP_FLE_D : DECODE_OP_FLE_S;
		default:
			return DECODE_OP_ILLEGAL;
		}
	case 0x18: /* fcvt.{w,wu,l,lu}.{s,d} */
		if (rs2 > 3)
			return DECODE_OP_ILLEGAL;
		op = (dbl ? DECODE_OP_FCVT_W_D : DECODE_OP_FCVT_W_S) + rs2;
		goto rounded;
	case 0x1a: /* fcvt.{s,d}.{w,wu,l,lu} */
		if (rs2 > 3)
			return DECODE_OP_ILLEGAL;
		op = (dbl ? DECODE_OP_FCVT_D_W : DECODE_OP_FCVT_S_W) + rs2;
		goto rounded;
	case 0x1c: /* fmv.x.{w,d}, fclass */
		if (rs2)
			return DECODE_OP_ILLEGAL;
		if (f3 == 0)
			return dbl ? DECODE_OP_FMV_X_D : DECODE_OP_FMV_X_W;
		if (f3 == 1)
			return dbl ? DECODE_OP_FCLASS_D : DECODE_OP_FCLASS_S;
		return DECODE_OP_ILLEGAL;
	case 0x1e: /* fmv.{w,d}.x */
		if (rs2 || f3)
			return DECODE_OP_ILLEGAL;
		return dbl ? DECODE_OP_FMV_D_X : DECODE_OP_FMV_W_X;
	default:
		return DECODE_OP_ILLEGAL;
	}
rounded:
	return rm_ok(d->rm) ? op : DECODE_OP_ILLEGAL;
}

static unsigned int decode_32(uint32_t b, struct decode_insn *d)
{
	unsigned int rd = insn_rd(b), f3 = insn_funct3(b), op;

	d->rd = (uint8_t)rd;
	d->rs1 = (uint8_t)insn_rs1(b);
	d->rs2 = (uint8_t)insn_rs2(b);
	d->rm = (uint8_t)f3;
	d->imm = imm_i(b);

	switch (b & 0x7f) {
	case OPC_LUI:
		d->imm = imm_u(b);
		return op_rd(DECODE_OP_LUI, rd);
	case OPC_AUIPC:
		d->imm = imm_u(b);
		return op_rd(DECODE_OP_AUIPC, rd);
	case OPC_JAL:
		d->imm = imm_j(b);
		return rd ? DECODE_OP_JAL : DECODE_OP_JAL_X;
	case OPC_JALR:
		if (f3)
			return DECODE_OP_ILLEGAL;
		return rd ? DECODE_OP_JALR : DECODE_OP_JALR_X;
	case OPC_BRANCH:
		d->imm = imm_b(b);
		return decode_branch(b);
	case OPC_LOAD:
		return decode_load(b);
	case OPC_STORE:
		d->imm = imm_s(b);
		return decode_store(b);
	case OPC_OP_IMM:
		op = decode_op_imm(b, d);
		return op == DECODE_OP_ILLEGAL ? op : op_rd(op, rd);
	case OPC_OP_IMM_32:
		op = decode_op_imm_32(b, d);
		return op == DECODE_OP_ILLEGAL ? op : op_rd(op, rd);
	case OPC_OP:
		op = decode_op(b);
		return op == DECODE_OP_ILLEGAL ? op : op_rd(op, rd);
	case OPC_OP_32:
		op = decode_op_32(b);
		return op == DECODE_OP_ILLEGAL ? op : op_rd(op, rd);
	case OPC_MISC_MEM:
		if (f3 == 0) {
			d->imm = (int32_t)(b >> 20); /* fm, pred, succ */
			return DECODE_OP_FENCE;
		}
		return f3 == 1 ? DECODE_OP_FENCE_I : DECODE_OP_ILLEGAL;
	case OPC_SYSTEM:
		return decode_system(b, d);
	case OPC_AMO:
		d->imm = 0;
		return decode_amo(b);
	case OPC_LOAD_FP:
		if (f3 == 2)
			return DECODE_OP_FLW;
		return f3 == 3 ? DECODE_OP_FLD : DECODE_OP_ILLEGAL;
	case OPC_STORE_FP:
		d->imm = imm_s(b);
		if (f3 == 2)
			return DECODE_OP_FSW;
		return f3 == 3 ? DECODE_OP_FSD : DECODE_OP_ILLEGAL;
	case OPC_MADD:
	case OPC_MSUB:
	case OPC_NMSUB:
	case OPC_NMADD:
		d->imm = 0;
		return decode_fma(b, d);
	case OPC_OP_FP:
		d->imm = 0;
		/*
		 * Never NOP for rd = x0, even when the result goes to x: the
		 * instruction must still trap when FS is Off.
		 */
		return decode_op_fp(b, d);
	default:
		return DECODE_OP_ILLEGAL;
	}
}

/* The operand fields an operation uses; decode_insn() zeroes the others. */
enum { F_RD = 1, F_RS1 = 2, F_RS2 = 4, F_RS3 = 8, F_RM = 16, F_IMM = 32 };

static unsigned int op_fields(unsigned int op)
{
	if (op >= DECODE_OP_BEQ && op <= DECODE_OP_BGEU)
		return F_RS1 | F_RS2 | F_IMM;
	if (op >= DECODE_OP_LB && op <= DECODE_OP_LWU)
		return F_RD | F_RS1 | F_IMM;
	if (op >= DECODE_OP_SB && op <= DECODE_OP_SD)
		return F_RS1 | F_RS2 | F_IMM;
	if ((op >= DECODE_OP_ADDI && op <= DECODE_OP_SRAI) ||
	    (op >= DECODE_OP_ADDIW && op <= DECODE_OP_SRAIW))
		return F_RD | F_RS1 | F_IMM;
	if ((op >= DECODE_OP_ADD && op <= DECODE_OP_AND) ||
	    (op >= DECODE_OP_ADDW && op <= DECODE_OP_REMUW))
		return F_RD | F_RS1 | F_RS2;
	if (op >= DECODE_OP_CSRRW && op <= DECODE_OP_CSRRCI)
		return F_RD | F_RS1 | F_IMM;
	if (op == DECODE_OP_LR_W || op == DECODE_OP_LR_D)
		return F_RD | F_RS1;
	if (op >= DECODE_OP_SC_W && op <= DECODE_OP_AMOMAXU_D)
		return F_RD | F_RS1 | F_RS2;
	if (op >= DECODE_OP_FMADD_S && op <= DECODE_OP_FNMADD_D)
		return F_RD | F_RS1 | F_RS2 | F_RS3 | F_RM;
	switch (op) {
	case DECODE_OP_LUI:
	case DECODE_OP_AUIPC:
	case DECODE_OP_JAL:
		return F_RD | F_IMM;
	case DECODE_OP_JAL_X:
	case DECODE_OP_FENCE:
	case DECODE_OP_ILLEGAL:
		return F_IMM;
	case DECODE_OP_JALR:
	case DECODE_OP_FLW:
	case DECODE_OP_FLD:
		return F_RD | F_RS1 | F_IMM;
	case DECODE_OP_FMV_X_W:
	case DECODE_OP_FMV_W_X:
	case DECODE_OP_FMV_X_D:
	case DECODE_OP_FMV_D_X:
	case DECODE_OP_FCLASS_S:
	case DECODE_OP_FCLASS_D:
		return F_RD | F_RS1;
	case DECODE_OP_JALR_X:
		return F_RS1 | F_IMM;
	case DECODE_OP_FSW:
	case DECODE_OP_FSD:
		return F_RS1 | F_RS2 | F_IMM;
	case DECODE_OP_SFENCE_VMA:
		return F_RS1 | F_RS2;
	case DECODE_OP_FADD_S:
	case DECODE_OP_FSUB_S:
	case DECODE_OP_FMUL_S:
	case DECODE_OP_FDIV_S:
	case DECODE_OP_FADD_D:
	case DECODE_OP_FSUB_D:
	case DECODE_OP_FMUL_D:
	case DECODE_OP_FDIV_D:
		return F_RD | F_RS1 | F_RS2 | F_RM;
	case DECODE_OP_FSQRT_S:
	case DECODE_OP_FSQRT_D:
	case DECODE_OP_FCVT_W_S:
	case DECODE_OP_FCVT_WU_S:
	case DECODE_OP_FCVT_L_S:
	case DECODE_OP_FCVT_LU_S:
	case DECODE_OP_FCVT_S_W:
	case DECODE_OP_FCVT_S_WU:
	case DECODE_OP_FCVT_S_L:
	case DECODE_OP_FCVT_S_LU:
	case DECODE_OP_FCVT_S_D:
	case DECODE_OP_FCVT_D_S:
	case DECODE_OP_FCVT_W_D:
	case DECODE_OP_FCVT_WU_D:
	case DECODE_OP_FCVT_L_D:
	case DECODE_OP_FCVT_LU_D:
	case DECODE_OP_FCVT_D_W:
	case DECODE_OP_FCVT_D_WU:
	case DECODE_OP_FCVT_D_L:
	case DECODE_OP_FCVT_D_LU:
		return F_RD | F_RS1 | F_RM;
	case DECODE_OP_FSGNJ_S:
	case DECODE_OP_FSGNJN_S:
	case DECODE_OP_FSGNJX_S:
	case DECODE_OP_FMIN_S:
	case DECODE_OP_FMAX_S:
	case DECODE_OP_FEQ_S:
	case DECODE_OP_FLT_S:
	case DECODE_OP_FLE_S:
	case DECODE_OP_FSGNJ_D:
	case DECODE_OP_FSGNJN_D:
	case DECODE_OP_FSGNJX_D:
	case DECODE_OP_FMIN_D:
	case DECODE_OP_FMAX_D:
	case DECODE_OP_FEQ_D:
	case DECODE_OP_FLT_D:
	case DECODE_OP_FLE_D:
		return F_RD | F_RS1 | F_RS2;
	default: /* NOP, FENCE_I, ECALL, EBREAK, SRET, WFI */
		return 0;
	}
}

unsigned int decode_insn(uint32_t bits, struct decode_insn *d)
{
	unsigned int f;

	uint32_t b = bits;
	unsigned int op;

	d->rs3 = 0;
	if ((bits & 3) != 3) {
		bits &= 0xffff;
		b = decode_rvc_expand((uint16_t)bits);
		d->len = 2;
	} else {
		d->len = 4;
	}
	op = b ? decode_32(b, d) : DECODE_OP_ILLEGAL;
	d->op = (uint16_t)op;
	f = op_fields(op);
	if (!(f & F_RD))
		d->rd = 0;
	if (!(f & F_RS1))
		d->rs1 = 0;
	if (!(f & F_RS2))
		d->rs2 = 0;
	if (!(f & F_RS3))
		d->rs3 = 0;
	if (!(f & F_RM))
		d->rm = 0;
	if (!(f & F_IMM))
		d->imm = 0;
	if (op == DECODE_OP_ILLEGAL)
		d->imm = (int32_t)bits;
	return op;
}

#define DECODE_OP_NAME(name) [DECODE_OP_##name] = #name,
static const char *const decode_op_names[DECODE_OP_NR] = {DECODE_OPS(DECODE_OP_NAME)};
#undef DECODE_OP_NAME

const char *decode_op_name(unsigned int op)
{
	return op < DECODE_OP_NR ? decode_op_names[op] : "?";
}
