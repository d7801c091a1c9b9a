/* SPDX-License-Identifier: MIT */
/*
 * Decode of known encodings: a table of 32-bit instructions and one of
 * compressed instructions with the 32-bit instructions they expand to, the
 * reserved and illegal encodings, and a sweep of every 16-bit value checking
 * that a compressed instruction decodes exactly as its expansion does.
 * The encodings were produced by riscv64-linux-gnu-as from the assembly text
 * in each entry; the expected fields are written from the ISA manual.
 *
 * Exit status: 0 pass, 2 fail.
 */
#include <inttypes.h>
#include <stdio.h>

#include "cpu/decode.h"

#include "check.h"

/* The decoded op, reported by name. */
static void check_op(unsigned int expected, unsigned int actual)
{
	CHECK_MSG("op", expected == actual, "expected %s, got %s", decode_op_name(expected),
		  decode_op_name(actual));
}

struct enc32 {
	uint32_t bits;
	const char *text;
	unsigned int op;
	unsigned int rd, rs1, rs2, rs3, rm;
	int32_t imm;
};

struct encc {
	uint16_t bits;
	uint32_t expansion;
	const char *text;
	unsigned int op;
	unsigned int rd, rs1, rs2;
	int32_t imm;
};

/* Generated with riscv64-linux-gnu-as from the text in each entry. */
static const struct enc32 enc32_table[] = {
	{0x12345537, "lui a0, 0x12345", DECODE_OP_LUI, 10, 0, 0, 0, 0, 305418240},
	{0xfffff2b7, "lui t0, 0xfffff", DECODE_OP_LUI, 5, 0, 0, 0, 0, -4096},
	{0x00001037, "lui zero, 1", DECODE_OP_NOP, 0, 0, 0, 0, 0, 0},
	{0x80000117, "auipc sp, 0x80000", DECODE_OP_AUIPC, 2, 0, 0, 0, 0, -2147483648},
	{0x001000ef, "jal ra, .+2048", DECODE_OP_JAL, 1, 0, 0, 0, 0, 2048},
	{0xffdff06f, "jal zero, .-4", DECODE_OP_JAL_X, 0, 0, 0, 0, 0, -4},
	{0x010780e7, "jalr ra, 16(a5)", DECODE_OP_JALR, 1, 15, 0, 0, 0, 16},
	{0x00008067, "jalr zero, 0(ra)", DECODE_OP_JALR_X, 0, 1, 0, 0, 0, 0},
	{0x00b50463, "beq a0, a1, .+8", DECODE_OP_BEQ, 0, 10, 11, 0, 0, 8},
	{0x80031063, "bne t1, zero, .-4096", DECODE_OP_BNE, 0, 6, 0, 0, 0, -4096},
	{0x7e944fe3, "blt s0, s1, .+4094", DECODE_OP_BLT, 0, 8, 9, 0, 0, 4094},
	{0xfed65fe3, "bge a2, a3, .-2", DECODE_OP_BGE, 0, 12, 13, 0, 0, -2},
	{0x00f76863, "bltu a4, a5, .+16", DECODE_OP_BLTU, 0, 14, 15, 0, 0, 16},
	{0x03eff063, "bgeu x31, x30, .+32", DECODE_OP_BGEU, 0, 31, 30, 0, 0, 32},
	{0xfff58503, "lb a0, -1(a1)", DECODE_OP_LB, 10, 11, 0, 0, 0, -1},
	{0x7ff59503, "lh a0, 2047(a1)", DECODE_OP_LH, 10, 11, 0, 0, 0, 2047},
	{0x80012283, "lw t0, -2048(sp)", DECODE_OP_LW, 5, 2, 0, 0, 0, -2048},
	{0x00843483, "ld s1, 8(s0)", DECODE_OP_LD, 9, 8, 0, 0, 0, 8},
	{0x00054503, "lbu a0, 0(a0)", DECODE_OP_LBU, 10, 10, 0, 0, 0, 0},
	{0x00655503, "lhu a0, 6(a0)", DECODE_OP_LHU, 10, 10, 0, 0, 0, 6},
	{0x00c56503, "lwu a0, 12(a0)", DECODE_OP_LWU, 10, 10, 0, 0, 0, 12},
	{0x00053003, "ld zero, 0(a0)", DECODE_OP_LD, 0, 10, 0, 0, 0, 0},
	{0xfeb50fa3, "sb a1, -1(a0)", DECODE_OP_SB, 0, 10, 11, 0, 0, -1},
	{0x00b51123, "sh a1, 2(a0)", DECODE_OP_SH, 0, 10, 11, 0, 0, 2},
	{0x7e712fa3, "sw t2, 2047(sp)", DECODE_OP_SW, 0, 2, 7, 0, 0, 2047},
	{0xfe113c23, "sd ra, -8(sp)", DECODE_OP_SD, 0, 2, 1, 0, 0, -8},
	{0xfff50513, "addi a0, a0, -1", DECODE_OP_ADDI, 10, 10, 0, 0, 0, -1},
	{0x00000013, "addi zero, zero, 0", DECODE_OP_NOP, 0, 0, 0, 0, 0, 0},
	{0x0055a513, "slti a0, a1, 5", DECODE_OP_SLTI, 10, 11, 0, 0, 0, 5},
	{0xfff5b513, "sltiu a0, a1, -1", DECODE_OP_SLTIU, 10, 11, 0, 0, 0, -1},
	{0x7ff5c513, "xori a0, a1, 0x7ff", DECODE_OP_XORI, 10, 11, 0, 0, 0, 2047},
	{0x8005e513, "ori a0, a1, -2048", DECODE_OP_ORI, 10, 11, 0, 0, 0, -2048},
	{0x0ff5f513, "andi a0, a1, 255", DECODE_OP_ANDI, 10, 11, 0, 0, 0, 255},
	{0x03f59513, "slli a0, a1, 63", DECODE_OP_SLLI, 10, 11, 0, 0, 0, 63},
	{0x0015d513, "srli a0, a1, 1", DECODE_OP_SRLI, 10, 11, 0, 0, 0, 1},
	{0x4215d513, "srai a0, a1, 33", DECODE_OP_SRAI, 10, 11, 0, 0, 0, 33},
	{0x00c58533, "add a0, a1, a2", DECODE_OP_ADD, 10, 11, 12, 0, 0, 0},
	{0x40c58533, "sub a0, a1, a2", DECODE_OP_SUB, 10, 11, 12, 0, 0, 0},
	{0x00c59533, "sll a0, a1, a2", DECODE_OP_SLL, 10, 11, 12, 0, 0, 0},
	{0x00c5a533, "slt a0, a1, a2", DECODE_OP_SLT, 10, 11, 12, 0, 0, 0},
	{0x00c5b533, "sltu a0, a1, a2", DECODE_OP_SLTU, 10, 11, 12, 0, 0, 0},
	{0x00c5c533, "xor a0, a1, a2", DECODE_OP_XOR, 10, 11, 12, 0, 0, 0},
	{0x00c5d533, "srl a0, a1, a2", DECODE_OP_SRL, 10, 11, 12, 0, 0, 0},
	{0x40c5d533, "sra a0, a1, a2", DECODE_OP_SRA, 10, 11, 12, 0, 0, 0},
	{0x00c5e533, "or a0, a1, a2", DECODE_OP_OR, 10, 11, 12, 0, 0, 0},
	{0x00c5f533, "and a0, a1, a2", DECODE_OP_AND, 10, 11, 12, 0, 0, 0},
	{0x00c58033, "add zero, a1, a2", DECODE_OP_NOP, 0, 0, 0, 0, 0, 0},
	{0xfff5851b, "addiw a0, a1, -1", DECODE_OP_ADDIW, 10, 11, 0, 0, 0, -1},
	{0x01f5951b, "slliw a0, a1, 31", DECODE_OP_SLLIW, 10, 11, 0, 0, 0, 31},
	{0x0035d51b, "srliw a0, a1, 3", DECODE_OP_SRLIW, 10, 11, 0, 0, 0, 3},
	{0x41f5d51b, "sraiw a0, a1, 31", DECODE_OP_SRAIW, 10, 11, 0, 0, 0, 31},
	{0x00c5853b, "addw a0, a1, a2", DECODE_OP_ADDW, 10, 11, 12, 0, 0, 0},
	{0x40c5853b, "subw a0, a1, a2", DECODE_OP_SUBW, 10, 11, 12, 0, 0, 0},
	{0x00c5953b, "sllw a0, a1, a2", DECODE_OP_SLLW, 10, 11, 12, 0, 0, 0},
	{0x00c5d53b, "srlw a0, a1, a2", DECODE_OP_SRLW, 10, 11, 12, 0, 0, 0},
	{0x40c5d53b, "sraw a0, a1, a2", DECODE_OP_SRAW, 10, 11, 12, 0, 0, 0},
	{0x02c58533, "mul a0, a1, a2", DECODE_OP_MUL, 10, 11, 12, 0, 0, 0},
	{0x02c59533, "mulh a0, a1, a2", DECODE_OP_MULH, 10, 11, 12, 0, 0, 0},
	{0x02c5a533, "mulhsu a0, a1, a2", DECODE_OP_MULHSU, 10, 11, 12, 0, 0, 0},
	{0x02c5b533, "mulhu a0, a1, a2", DECODE_OP_MULHU, 10, 11, 12, 0, 0, 0},
	{0x02c5c533, "div a0, a1, a2", DECODE_OP_DIV, 10, 11, 12, 0, 0, 0},
	{0x02c5d533, "divu a0, a1, a2", DECODE_OP_DIVU, 10, 11, 12, 0, 0, 0},
	{0x02c5e533, "rem a0, a1, a2", DECODE_OP_REM, 10, 11, 12, 0, 0, 0},
	{0x02c5f533, "remu a0, a1, a2", DECODE_OP_REMU, 10, 11, 12, 0, 0, 0},
	{0x02c5853b, "mulw a0, a1, a2", DECODE_OP_MULW, 10, 11, 12, 0, 0, 0},
	{0x02c5c53b, "divw a0, a1, a2", DECODE_OP_DIVW, 10, 11, 12, 0, 0, 0},
	{0x02c5d53b, "divuw a0, a1, a2", DECODE_OP_DIVUW, 10, 11, 12, 0, 0, 0},
	{0x02c5e53b, "remw a0, a1, a2", DECODE_OP_REMW, 10, 11, 12, 0, 0, 0},
	{0x02c5f53b, "remuw a0, a1, a2", DECODE_OP_REMUW, 10, 11, 12, 0, 0, 0},
	{0x0330000f, "fence rw, rw", DECODE_OP_FENCE, 0, 0, 0, 0, 0, 51},
	{0x0ff0000f, "fence iorw, iorw", DECODE_OP_FENCE, 0, 0, 0, 0, 0, 255},
	{0x8330000f, "fence.tso", DECODE_OP_FENCE, 0, 0, 0, 0, 0, 2099},
	{0x0000100f, "fence.i", DECODE_OP_FENCE_I, 0, 0, 0, 0, 0, 0},
	{0x00000073, "ecall", DECODE_OP_ECALL, 0, 0, 0, 0, 0, 0},
	{0x00100073, "ebreak", DECODE_OP_EBREAK, 0, 0, 0, 0, 0, 0},
	{0x10200073, "sret", DECODE_OP_SRET, 0, 0, 0, 0, 0, 0},
	{0x10500073, "wfi", DECODE_OP_WFI, 0, 0, 0, 0, 0, 0},
	{0x12b50073, "sfence.vma a0, a1", DECODE_OP_SFENCE_VMA, 0, 10, 11, 0, 0, 0},
	{0x12000073, "sfence.vma zero, zero", DECODE_OP_SFENCE_VMA, 0, 0, 0, 0, 0, 0},
	{0x14059573, "csrrw a0, sscratch, a1", DECODE_OP_CSRRW, 10, 11, 0, 0, 0, 320},
	{0x10002573, "csrrs a0, sstatus, zero", DECODE_OP_CSRRS, 10, 0, 0, 0, 0, 256},
	{0x1042b073, "csrrc zero, sie, t0", DECODE_OP_CSRRC, 0, 5, 0, 0, 0, 260},
	{0x180fd573, "csrrwi a0, satp, 31", DECODE_OP_CSRRWI, 10, 31, 0, 0, 0, 384},
	{0xc010e573, "csrrsi a0, time, 1", DECODE_OP_CSRRSI, 10, 1, 0, 0, 0, 3073},
	{0x00117573, "csrrci a0, fflags, 2", DECODE_OP_CSRRCI, 10, 2, 0, 0, 0, 1},
	{0x1005a52f, "lr.w a0, (a1)", DECODE_OP_LR_W, 10, 11, 0, 0, 0, 0},
	{0x18c5a52f, "sc.w a0, a2, (a1)", DECODE_OP_SC_W, 10, 11, 12, 0, 0, 0},
	{0x0ec5a52f, "amoswap.w.aqrl a0, a2, (a1)", DECODE_OP_AMOSWAP_W, 10, 11, 12, 0, 0, 0},
	{0x00c5a52f, "amoadd.w a0, a2, (a1)", DECODE_OP_AMOADD_W, 10, 11, 12, 0, 0, 0},
	{0x20c5a52f, "amoxor.w a0, a2, (a1)", DECODE_OP_AMOXOR_W, 10, 11, 12, 0, 0, 0},
	{0x60c5a52f, "amoand.w a0, a2, (a1)", DECODE_OP_AMOAND_W, 10, 11, 12, 0, 0, 0},
	{0x40c5a52f, "amoor.w a0, a2, (a1)", DECODE_OP_AMOOR_W, 10, 11, 12, 0, 0, 0},
	{0x80c5a52f, "amomin.w a0, a2, (a1)", DECODE_OP_AMOMIN_W, 10, 11, 12, 0, 0, 0},
	{0xa0c5a52f, "amomax.w a0, a2, (a1)", DECODE_OP_AMOMAX_W, 10, 11, 12, 0, 0, 0},
	{0xc0c5a52f, "amominu.w a0, a2, (a1)", DECODE_OP_AMOMINU_W, 10, 11, 12, 0, 0, 0},
	{0xe0c5a52f, "amomaxu.w a0, a2, (a1)", DECODE_OP_AMOMAXU_W, 10, 11, 12, 0, 0, 0},
	{0x1405b52f, "lr.d.aq a0, (a1)", DECODE_OP_LR_D, 10, 11, 0, 0, 0, 0},
	{0x1ac5b52f, "sc.d.rl a0, a2, (a1)", DECODE_OP_SC_D, 10, 11, 12, 0, 0, 0},
	{0x08c5b52f, "amoswap.d a0, a2, (a1)", DECODE_OP_AMOSWAP_D, 10, 11, 12, 0, 0, 0},
	{0x00c5b02f, "amoadd.d zero, a2, (a1)", DECODE_OP_AMOADD_D, 0, 11, 12, 0, 0, 0},
	{0x20c5b52f, "amoxor.d a0, a2, (a1)", DECODE_OP_AMOXOR_D, 10, 11, 12, 0, 0, 0},
	{0x60c5b52f, "amoand.d a0, a2, (a1)", DECODE_OP_AMOAND_D, 10, 11, 12, 0, 0, 0},
	{0x40c5b52f, "amoor.d a0, a2, (a1)", DECODE_OP_AMOOR_D, 10, 11, 12, 0, 0, 0},
	{0x80c5b52f, "amomin.d a0, a2, (a1)", DECODE_OP_AMOMIN_D, 10, 11, 12, 0, 0, 0},
	{0xa0c5b52f, "amomax.d a0, a2, (a1)", DECODE_OP_AMOMAX_D, 10, 11, 12, 0, 0, 0},
	{0xc0c5b52f, "amominu.d a0, a2, (a1)", DECODE_OP_AMOMINU_D, 10, 11, 12, 0, 0, 0},
	{0xe0c5b52f, "amomaxu.d a0, a2, (a1)", DECODE_OP_AMOMAXU_D, 10, 11, 12, 0, 0, 0},
	{0x0045a507, "flw fa0, 4(a1)", DECODE_OP_FLW, 10, 11, 0, 0, 0, 4},
	{0xff813407, "fld fs0, -8(sp)", DECODE_OP_FLD, 8, 2, 0, 0, 0, -8},
	{0x00b52227, "fsw fa1, 4(a0)", DECODE_OP_FSW, 0, 10, 11, 0, 0, 4},
	{0x7e013c27, "fsd ft0, 2040(sp)", DECODE_OP_FSD, 0, 2, 0, 0, 0, 2040},
	{0x68c58543, "fmadd.s fa0, fa1, fa2, fa3, rne", DECODE_OP_FMADD_S, 10, 11, 12, 13, 0, 0},
	{0x68c59547, "fmsub.s fa0, fa1, fa2, fa3, rtz", DECODE_OP_FMSUB_S, 10, 11, 12, 13, 1, 0},
	{0x68c5a54b, "fnmsub.s fa0, fa1, fa2, fa3, rdn", DECODE_OP_FNMSUB_S, 10, 11, 12, 13, 2, 0},
	{0x68c5b54f, "fnmadd.s fa0, fa1, fa2, fa3, rup", DECODE_OP_FNMADD_S, 10, 11, 12, 13, 3, 0},
	{0xfa20c043, "fmadd.d ft0, ft1, ft2, ft11, rmm", DECODE_OP_FMADD_D, 0, 1, 2, 31, 4, 0},
	{0x6ac5f547, "fmsub.d fa0, fa1, fa2, fa3, dyn", DECODE_OP_FMSUB_D, 10, 11, 12, 13, 7, 0},
	{0x6ac5f54b, "fnmsub.d fa0, fa1, fa2, fa3", DECODE_OP_FNMSUB_D, 10, 11, 12, 13, 7, 0},
	{0x6ac5f54f, "fnmadd.d fa0, fa1, fa2, fa3", DECODE_OP_FNMADD_D, 10, 11, 12, 13, 7, 0},
	{0x00c5f553, "fadd.s fa0, fa1, fa2", DECODE_OP_FADD_S, 10, 11, 12, 0, 7, 0},
	{0x08c59553, "fsub.s fa0, fa1, fa2, rtz", DECODE_OP_FSUB_S, 10, 11, 12, 0, 1, 0},
	{0x10c5f553, "fmul.s fa0, fa1, fa2", DECODE_OP_FMUL_S, 10, 11, 12, 0, 7, 0},
	{0x18c5f553, "fdiv.s fa0, fa1, fa2", DECODE_OP_FDIV_S, 10, 11, 12, 0, 7, 0},
	{0x5805f553, "fsqrt.s fa0, fa1", DECODE_OP_FSQRT_S, 10, 11, 0, 0, 7, 0},
	{0x20c58553, "fsgnj.s fa0, fa1, fa2", DECODE_OP_FSGNJ_S, 10, 11, 12, 0, 0, 0},
	{0x20c59553, "fsgnjn.s fa0, fa1, fa2", DECODE_OP_FSGNJN_S, 10, 11, 12, 0, 0, 0},
	{0x20c5a553, "fsgnjx.s fa0, fa1, fa2", DECODE_OP_FSGNJX_S, 10, 11, 12, 0, 0, 0},
	{0x28c58553, "fmin.s fa0, fa1, fa2", DECODE_OP_FMIN_S, 10, 11, 12, 0, 0, 0},
	{0x28c59553, "fmax.s fa0, fa1, fa2", DECODE_OP_FMAX_S, 10, 11, 12, 0, 0, 0},
	{0xc0059553, "fcvt.w.s a0, fa1, rtz", DECODE_OP_FCVT_W_S, 10, 11, 0, 0, 1, 0},
	{0xc015f553, "fcvt.wu.s a0, fa1", DECODE_OP_FCVT_WU_S, 10, 11, 0, 0, 7, 0},
	{0xc025f553, "fcvt.l.s a0, fa1", DECODE_OP_FCVT_L_S, 10, 11, 0, 0, 7, 0},
	{0xc035f553, "fcvt.lu.s a0, fa1", DECODE_OP_FCVT_LU_S, 10, 11, 0, 0, 7, 0},
	{0xe0058553, "fmv.x.w a0, fa1", DECODE_OP_FMV_X_W, 10, 11, 0, 0, 0, 0},
	{0xa0c5a553, "feq.s a0, fa1, fa2", DECODE_OP_FEQ_S, 10, 11, 12, 0, 0, 0},
	{0xa0c59553, "flt.s a0, fa1, fa2", DECODE_OP_FLT_S, 10, 11, 12, 0, 0, 0},
	{0xa0c58553, "fle.s a0, fa1, fa2", DECODE_OP_FLE_S, 10, 11, 12, 0, 0, 0},
	{0xe0059553, "fclass.s a0, fa1", DECODE_OP_FCLASS_S, 10, 11, 0, 0, 0, 0},
	{0xd005f553, "fcvt.s.w fa0, a1", DECODE_OP_FCVT_S_W, 10, 11, 0, 0, 7, 0},
	{0xd015f553, "fcvt.s.wu fa0, a1", DECODE_OP_FCVT_S_WU, 10, 11, 0, 0, 7, 0},
	{0xd025f553, "fcvt.s.l fa0, a1", DECODE_OP_FCVT_S_L, 10, 11, 0, 0, 7, 0},
	{0xd035f553, "fcvt.s.lu fa0, a1", DECODE_OP_FCVT_S_LU, 10, 11, 0, 0, 7, 0},
	{0xf0058553, "fmv.w.x fa0, a1", DECODE_OP_FMV_W_X, 10, 11, 0, 0, 0, 0},
	{0x02c5f553, "fadd.d fa0, fa1, fa2", DECODE_OP_FADD_D, 10, 11, 12, 0, 7, 0},
	{0x0ac5f553, "fsub.d fa0, fa1, fa2", DECODE_OP_FSUB_D, 10, 11, 12, 0, 7, 0},
	{0x12c5f553, "fmul.d fa0, fa1, fa2", DECODE_OP_FMUL_D, 10, 11, 12, 0, 7, 0},
	{0x1ac5f553, "fdiv.d fa0, fa1, fa2", DECODE_OP_FDIV_D, 10, 11, 12, 0, 7, 0},
	{0x5a05f553, "fsqrt.d fa0, fa1", DECODE_OP_FSQRT_D, 10, 11, 0, 0, 7, 0},
	{0x22c58553, "fsgnj.d fa0, fa1, fa2", DECODE_OP_FSGNJ_D, 10, 11, 12, 0, 0, 0},
	{0x22c59553, "fsgnjn.d fa0, fa1, fa2", DECODE_OP_FSGNJN_D, 10, 11, 12, 0, 0, 0},
	{0x22c5a553, "fsgnjx.d fa0, fa1, fa2", DECODE_OP_FSGNJX_D, 10, 11, 12, 0, 0, 0},
	{0x2ac58553, "fmin.d fa0, fa1, fa2", DECODE_OP_FMIN_D, 10, 11, 12, 0, 0, 0},
	{0x2ac59553, "fmax.d fa0, fa1, fa2", DECODE_OP_FMAX_D, 10, 11, 12, 0, 0, 0},
	{0x4015f553, "fcvt.s.d fa0, fa1", DECODE_OP_FCVT_S_D, 10, 11, 0, 0, 7, 0},
	{0x42058553, "fcvt.d.s fa0, fa1", DECODE_OP_FCVT_D_S, 10, 11, 0, 0, 0, 0},
	{0xa2c5a553, "feq.d a0, fa1, fa2", DECODE_OP_FEQ_D, 10, 11, 12, 0, 0, 0},
	{0xa2c59553, "flt.d a0, fa1, fa2", DECODE_OP_FLT_D, 10, 11, 12, 0, 0, 0},
	{0xa2c58553, "fle.d a0, fa1, fa2", DECODE_OP_FLE_D, 10, 11, 12, 0, 0, 0},
	{0xe2059553, "fclass.d a0, fa1", DECODE_OP_FCLASS_D, 10, 11, 0, 0, 0, 0},
	{0xc205f553, "fcvt.w.d a0, fa1", DECODE_OP_FCVT_W_D, 10, 11, 0, 0, 7, 0},
	{0xc215f553, "fcvt.wu.d a0, fa1", DECODE_OP_FCVT_WU_D, 10, 11, 0, 0, 7, 0},
	{0xc225f553, "fcvt.l.d a0, fa1", DECODE_OP_FCVT_L_D, 10, 11, 0, 0, 7, 0},
	{0xc235f553, "fcvt.lu.d a0, fa1", DECODE_OP_FCVT_LU_D, 10, 11, 0, 0, 7, 0},
	{0xe2058553, "fmv.x.d a0, fa1", DECODE_OP_FMV_X_D, 10, 11, 0, 0, 0, 0},
	{0xd2058553, "fcvt.d.w fa0, a1", DECODE_OP_FCVT_D_W, 10, 11, 0, 0, 0, 0},
	{0xd2158553, "fcvt.d.wu fa0, a1", DECODE_OP_FCVT_D_WU, 10, 11, 0, 0, 0, 0},
	{0xd225f553, "fcvt.d.l fa0, a1", DECODE_OP_FCVT_D_L, 10, 11, 0, 0, 7, 0},
	{0xd235f553, "fcvt.d.lu fa0, a1", DECODE_OP_FCVT_D_LU, 10, 11, 0, 0, 7, 0},
	{0xf2058553, "fmv.d.x fa0, a1", DECODE_OP_FMV_D_X, 10, 11, 0, 0, 0, 0},
};
static const struct encc encc_table[] = {
	{0x1fe8, 0x3fc10513, "c.addi4spn a0, sp, 1020", DECODE_OP_ADDI, 10, 2, 0, 1020},
	{0x0044, 0x00410493, "c.addi4spn s1, sp, 4", DECODE_OP_ADDI, 9, 2, 0, 4},
	{0x3de8, 0x0f85b507, "c.fld fa0, 248(a1)", DECODE_OP_FLD, 10, 11, 0, 248},
	{0x5c7c, 0x07c42783, "c.lw a5, 124(s0)", DECODE_OP_LW, 15, 8, 0, 124},
	{0x403c, 0x04042783, "c.lw a5, 64(s0)", DECODE_OP_LW, 15, 8, 0, 64},
	{0x7c7c, 0x0f843783, "c.ld a5, 248(s0)", DECODE_OP_LD, 15, 8, 0, 248},
	{0xa51c, 0x00f53427, "c.fsd fa5, 8(a0)", DECODE_OP_FSD, 0, 10, 15, 8},
	{0xc2f0, 0x04c6a223, "c.sw a2, 68(a3)", DECODE_OP_SW, 0, 13, 12, 68},
	{0xe744, 0x08973423, "c.sd s1, 136(a4)", DECODE_OP_SD, 0, 14, 9, 136},
	{0x0001, 0x00000013, "c.nop", DECODE_OP_NOP, 0, 0, 0, 0},
	{0x1281, 0xfe028293, "c.addi t0, -32", DECODE_OP_ADDI, 5, 5, 0, -32},
	{0x057d, 0x01f50513, "c.addi a0, 31", DECODE_OP_ADDI, 10, 10, 0, 31},
	{0x357d, 0xfff5051b, "c.addiw a0, -1", DECODE_OP_ADDIW, 10, 10, 0, -1},
	{0x5501, 0xfe000513, "c.li a0, -32", DECODE_OP_ADDI, 10, 0, 0, -32},
	{0x40c5, 0x01100093, "c.li ra, 17", DECODE_OP_ADDI, 1, 0, 0, 17},
	{0x7101, 0xe0010113, "c.addi16sp sp, -512", DECODE_OP_ADDI, 2, 2, 0, -512},
	{0x617d, 0x1f010113, "c.addi16sp sp, 496", DECODE_OP_ADDI, 2, 2, 0, 496},
	{0x7501, 0xfffe0537, "c.lui a0, 0xfffe0", DECODE_OP_LUI, 10, 0, 0, -131072},
	{0x697d, 0x0001f937, "c.lui s2, 0x1f", DECODE_OP_LUI, 18, 0, 0, 126976},
	{0x917d, 0x03f55513, "c.srli a0, 63", DECODE_OP_SRLI, 10, 10, 0, 63},
	{0x8485, 0x4014d493, "c.srai s1, 1", DECODE_OP_SRAI, 9, 9, 0, 1},
	{0x9a7d, 0xfff67613, "c.andi a2, -1", DECODE_OP_ANDI, 12, 12, 0, -1},
	{0x8d0d, 0x40b50533, "c.sub a0, a1", DECODE_OP_SUB, 10, 10, 11, 0},
	{0x8d2d, 0x00b54533, "c.xor a0, a1", DECODE_OP_XOR, 10, 10, 11, 0},
	{0x8d4d, 0x00b56533, "c.or a0, a1", DECODE_OP_OR, 10, 10, 11, 0},
	{0x8d6d, 0x00b57533, "c.and a0, a1", DECODE_OP_AND, 10, 10, 11, 0},
	{0x9d0d, 0x40b5053b, "c.subw a0, a1", DECODE_OP_SUBW, 10, 10, 11, 0},
	{0x9c25, 0x0094043b, "c.addw s0, s1", DECODE_OP_ADDW, 8, 8, 9, 0},
	{0xb001, 0x801ff06f, "c.j .-2048", DECODE_OP_JAL_X, 0, 0, 0, -2048},
	{0xaffd, 0x7fe0006f, "c.j .+2046", DECODE_OP_JAL_X, 0, 0, 0, 2046},
	{0xa46d, 0x2aa0006f, "c.j .+0x2aa", DECODE_OP_JAL_X, 0, 0, 0, 682},
	{0xd101, 0xf00500e3, "c.beqz a0, .-256", DECODE_OP_BEQ, 0, 10, 0, -256},
	{0xecfd, 0x0e049f63, "c.bnez s1, .+254", DECODE_OP_BNE, 0, 9, 0, 254},
	{0xe4cd, 0x0a049563, "c.bnez s1, .+0xaa", DECODE_OP_BNE, 0, 9, 0, 170},
	{0x1502, 0x02051513, "c.slli a0, 32", DECODE_OP_SLLI, 10, 10, 0, 32},
	{0x347e, 0x1f813407, "c.fldsp fs0, 504(sp)", DECODE_OP_FLD, 8, 2, 0, 504},
	{0x50fe, 0x0fc12083, "c.lwsp ra, 252(sp)", DECODE_OP_LW, 1, 2, 0, 252},
	{0x7ffe, 0x1f813f83, "c.ldsp t6, 504(sp)", DECODE_OP_LD, 31, 2, 0, 504},
	{0x6fa2, 0x00813f83, "c.ldsp t6, 8(sp)", DECODE_OP_LD, 31, 2, 0, 8},
	{0x8082, 0x00008067, "c.jr ra", DECODE_OP_JALR_X, 0, 1, 0, 0},
	{0x852e, 0x00b00533, "c.mv a0, a1", DECODE_OP_ADD, 10, 0, 11, 0},
	{0x9002, 0x00100073, "c.ebreak", DECODE_OP_EBREAK, 0, 0, 0, 0},
	{0x9782, 0x000780e7, "c.jalr a5", DECODE_OP_JALR, 1, 15, 0, 0},
	{0x952e, 0x00b50533, "c.add a0, a1", DECODE_OP_ADD, 10, 10, 11, 0},
	{0xbfa6, 0x1e913c27, "c.fsdsp fs1, 504(sp)", DECODE_OP_FSD, 0, 2, 9, 504},
	{0xdfa2, 0x0e812e23, "c.swsp s0, 252(sp)", DECODE_OP_SW, 0, 2, 8, 252},
	{0xff86, 0x1e113c23, "c.sdsp ra, 504(sp)", DECODE_OP_SD, 0, 2, 1, 504},
	{0xe006, 0x00113023, "c.sdsp ra, 0(sp)", DECODE_OP_SD, 0, 2, 1, 0},
};

static void check_fields(const struct decode_insn *d, unsigned int rd, unsigned int rs1,
			 unsigned int rs2, unsigned int rs3, unsigned int rm, int32_t imm)
{
	CHECK_EQ("rd", rd, d->rd);
	CHECK_EQ("rs1", rs1, d->rs1);
	CHECK_EQ("rs2", rs2, d->rs2);
	CHECK_EQ("rs3", rs3, d->rs3);
	CHECK_EQ("rm", rm, d->rm);
	CHECK_EQ("imm", (uint32_t)imm, (uint32_t)d->imm);
}

static void test_table32(void)
{
	unsigned int i;

	for (i = 0; i < sizeof(enc32_table) / sizeof(enc32_table[0]); i++) {
		const struct enc32 *e = &enc32_table[i];
		struct decode_insn d;

		check_scope(e->text);
		check_op(e->op, decode_insn(e->bits, &d));
		check_op(e->op, d.op);
		CHECK_EQ("len", 4, d.len);
		check_fields(&d, e->rd, e->rs1, e->rs2, e->rs3, e->rm, e->imm);
	}
}

static void test_table_compressed(void)
{
	unsigned int i;

	for (i = 0; i < sizeof(encc_table) / sizeof(encc_table[0]); i++) {
		const struct encc *e = &encc_table[i];
		struct decode_insn d;

		check_scope(e->text);
		CHECK_EQ("expansion", e->expansion, decode_rvc_expand(e->bits));
		/* The upper half of the word is not part of a compressed instruction. */
		check_op(e->op, decode_insn(0xdead0000u | e->bits, &d));
		CHECK_EQ("len", 2, d.len);
		check_fields(&d, e->rd, e->rs1, e->rs2, 0, 0, e->imm);
	}
}

/* Encodings that must decode as illegal, with stval (imm) = the raw bits. */
static void test_illegal(void)
{
	static const struct {
		uint32_t bits;
		uint32_t tval;
		const char *text;
	} ill[] = {
		{0x00000000, 0, "all zero (compressed)"},
		{0xffff0000, 0, "all zero halfword, upper half ignored"},
		{0xffffffff, 0xffffffff, "all ones"},
		{0x0004, 0x0004, "c.addi4spn with nzuimm = 0"},
		{0x8000, 0x8000, "quadrant 0, funct3 = 4 (reserved)"},
		{0x2001, 0x2001, "c.addiw with rd = 0"},
		{0x6101, 0x6101, "c.addi16sp with nzimm = 0"},
		{0x6081, 0x6081, "c.lui with nzimm = 0"},
		{0x9c41, 0x9c41, "c.subw/c.addw reserved funct"},
		{0x9c61, 0x9c61, "c.subw/c.addw reserved funct (2)"},
		{0x4002, 0x4002, "c.lwsp with rd = 0"},
		{0x6002, 0x6002, "c.ldsp with rd = 0"},
		{0x8002, 0x8002, "c.jr with rs1 = 0"},
		{0x30200073, 0x30200073, "mret"},
		{0x7b200073, 0x7b200073, "dret"},
		{0x00c5d553, 0x00c5d553, "fadd.s with rm = 5"},
		{0x00c5e553, 0x00c5e553, "fadd.s with rm = 6"},
		{0x04c58553, 0x04c58553, "fadd.h (no Zfh)"},
		{0x1015a52f, 0x1015a52f, "lr.w with rs2 != 0"},
		{0x04059513, 0x04059513, "slli with shamt bit 6 set"},
		{0x0205951b, 0x0205951b, "slliw with shamt bit 5 set"},
		{0x0005f503, 0x0005f503, "load with funct3 = 7"},
		{0x14004573, 0x14004573, "SYSTEM funct3 = 4"},
		{0x0000100b, 0x0000100b, "custom-0"},
		{0x0000006b, 0x0000006b, "reserved opcode 0x6b"},
		{0x0005c52f, 0x0005c52f, "AMO with funct3 = 4"},
		{0x12c5b52f, 0x12c5b52f, "lr.d with rs2 = a2"},
		{0x5005a52f, 0x5005a52f, "AMO funct5 = 0x0a"},
		{0x00c5a563, 0x00c5a563, "branch funct3 = 2"},
		{0x00c5b563, 0x00c5b563, "branch funct3 = 3"},
		{0x00001067, 0x00001067, "jalr with funct3 = 1"},
		{0x04c5853b, 0x04c5853b, "OP-32 with funct7 = 0x02"},
		{0x02c5953b, 0x02c5953b, "OP-32 M funct3 = 1 (no mulhw)"},
		{0x40c5953b, 0x40c5953b, "OP-32 funct7 0x20 funct3 1"},
	};
	unsigned int i;

	for (i = 0; i < sizeof(ill) / sizeof(ill[0]); i++) {
		struct decode_insn d;

		check_scope(ill[i].text);
		check_op(DECODE_OP_ILLEGAL, decode_insn(ill[i].bits, &d));
		CHECK_EQ("stval bits", ill[i].tval, (uint32_t)d.imm);
	}
}

/* HINTs are architectural no-ops. */
static void test_hints(void)
{
	static const struct {
		uint16_t bits;
		const char *text;
	} hints[] = {
		{0x0005, "c.nop with nzimm"}, {0x4015, "c.li x0, 5"},	{0x802a, "c.mv x0, a0"},
		{0x902a, "c.add x0, a0"},     {0x0006, "c.slli x0, 1"}, {0x7005, "c.lui x0, ..."},
	};
	unsigned int i;

	for (i = 0; i < sizeof(hints) / sizeof(hints[0]); i++) {
		struct decode_insn d;

		check_scope(hints[i].text);
		check_op(DECODE_OP_NOP, decode_insn(hints[i].bits, &d));
	}
}

/* Is @op one of DECODE_RVC_OPS (the interpreter has a 2-byte handler only for those)? */
static int is_rvc_op(unsigned int op)
{
#define RVC_OP_EQ(name) || op == DECODE_OP_##name
	return 0 DECODE_RVC_OPS(RVC_OP_EQ);
#undef RVC_OP_EQ
}

/* Every 16-bit value: decodes as its expansion does, or is illegal with its bits as stval. */
static void test_sweep_compressed(void)
{
	unsigned int c, bad = 0;

	for (c = 0; c < 0x10000; c++) {
		struct decode_insn dc, de;
		uint32_t e;

		if ((c & 3) == 3)
			continue;
		e = decode_rvc_expand((uint16_t)c);
		decode_insn(c, &dc);
		if (!is_rvc_op(dc.op)) {
			if (bad++ < 5)
				printf("FAIL sweep: %#06x decodes as %s, not in DECODE_RVC_OPS\n",
				       c, decode_op_name(dc.op));
			continue;
		}
		if (!e) {
			if (dc.op != DECODE_OP_ILLEGAL || (uint32_t)dc.imm != c)
				bad++;
			continue;
		}
		decode_insn(e, &de);
		if (dc.op != de.op || dc.op == DECODE_OP_ILLEGAL || dc.len != 2 || dc.rd != de.rd ||
		    dc.rs1 != de.rs1 || dc.rs2 != de.rs2 || dc.imm != de.imm) {
			if (bad++ < 5)
				printf("FAIL sweep: %#06x decodes as %s, its expansion %#010x as "
				       "%s\n",
				       c, decode_op_name(dc.op), e, decode_op_name(de.op));
		}
	}
	check_scope("sweep of all compressed encodings");
	CHECK_EQ("mismatches", 0, bad);
}

int main(void)
{
	test_table32();
	test_table_compressed();
	test_illegal();
	test_hints();
	test_sweep_compressed();
	return check_finish("test_decode");
}
