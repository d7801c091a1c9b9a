/* SPDX-License-Identifier: MIT */
/*
 * Instruction decode: raw RV64IMAFDC + Zicsr + Zifencei + privileged
 * instruction bits to an operation and its operands.  Compressed
 * instructions are first expanded to their 32-bit equivalents, so every
 * operation has one decoder and one handler.
 *
 * The decoder is pure (any thread) and knows nothing about the hart state:
 * whatever depends on it at run time (privilege, sstatus.FS, frm) is checked
 * by the interpreter when the instruction executes.  What is fixed by the
 * encoding is settled here: reserved encodings and static rounding modes 5/6
 * decode to DECODE_OP_ILLEGAL, and operations whose only effect is a write
 * to x0 decode to DECODE_OP_NOP, so that the hot handlers never need to
 * guard against rd == 0.
 */
#ifndef HV_CPU_DECODE_H
#define HV_CPU_DECODE_H

#include <stdint.h>

/*
 * Every operation, as X(NAME).  The first three are the interpreter's own
 * (a slot not decoded yet, the end of a decoded page); the order is
 * otherwise free.  Suffix _X: the rd == 0 form of an instruction that has
 * an effect besides writing rd (a jump without link).
 */
#define DECODE_OPS(X) \
	X(UNDECODED)  \
	X(PAGE_END)   \
	X(ILLEGAL)    \
	X(NOP)        \
	X(LUI)        \
	X(AUIPC)      \
	X(JAL)        \
	X(JAL_X)      \
	X(JALR)       \
	X(JALR_X)     \
	X(BEQ)        \
	X(BNE)        \
	X(BLT)        \
	X(BGE)        \
	X(BLTU)       \
	X(BGEU)       \
	X(LB)         \
	X(LH)         \
	X(LW)         \
	X(LD)         \
	X(LBU)        \
	X(LHU)        \
	X(LWU)        \
	X(SB)         \
	X(SH)         \
	X(SW)         \
	X(SD)         \
	X(ADDI)       \
	X(SLTI)       \
	X(SLTIU)      \
	X(XORI)       \
	X(ORI)        \
	X(ANDI)       \
	X(SLLI)       \
	X(SRLI)       \
	X(SRAI)       \
	X(ADD)        \
	X(SUB)        \
	X(SLL)        \
	X(SLT)        \
	X(SLTU)       \
	X(XOR)        \
	X(SRL)        \
	X(SRA)        \
	X(OR)         \
	X(AND)        \
	X(ADDIW)      \
	X(SLLIW)      \
	X(SRLIW)      \
	X(SRAIW)      \
	X(ADDW)       \
	X(SUBW)       \
	X(SLLW)       \
	X(SRLW)       \
	X(SRAW)       \
	X(MUL)        \
	X(MULH)       \
	X(MULHSU)     \
	X(MULHU)      \
	X(DIV)        \
	X(DIVU)       \
	X(REM)        \
	X(REMU)       \
	X(MULW)       \
	X(DIVW)       \
	X(DIVUW)      \
	X(REMW)       \
	X(REMUW)      \
	X(FENCE)      \
	X(FENCE_I)    \
	X(ECALL)      \
	X(EBREAK)     \
	X(SRET)       \
	X(WFI)        \
	X(SFENCE_VMA) \
	X(CSRRW)      \
	X(CSRRS)      \
	X(CSRRC)      \
	X(CSRRWI)     \
	X(CSRRSI)     \
	X(CSRRCI)     \
	X(LR_W)       \
	X(SC_W)       \
	X(AMOSWAP_W)  \
	X(AMOADD_W)   \
	X(AMOXOR_W)   \
	X(AMOAND_W)   \
	X(AMOOR_W)    \
	X(AMOMIN_W)   \
	X(AMOMAX_W)   \
	X(AMOMINU_W)  \
	X(AMOMAXU_W)  \
	X(LR_D)       \
	X(SC_D)       \
	X(AMOSWAP_D)  \
	X(AMOADD_D)   \
	X(AMOXOR_D)   \
	X(AMOAND_D)   \
	X(AMOOR_D)    \
	X(AMOMIN_D)   \
	X(AMOMAX_D)   \
	X(AMOMINU_D)  \
	X(AMOMAXU_D)  \
	X(FLW)        \
	X(FLD)        \
	X(FSW)        \
	X(FSD)        \
	X(FMADD_S)    \
	X(FMSUB_S)    \
	X(FNMSUB_S)   \
	X(FNMADD_S)   \
	X(FMADD_D)    \
	X(FMSUB_D)    \
	X(FNMSUB_D)   \
	X(FNMADD_D)   \
	X(FADD_S)     \
	X(FSUB_S)     \
	X(FMUL_S)     \
	X(FDIV_S)     \
	X(FSQRT_S)    \
	X(FSGNJ_S)    \
	X(FSGNJN_S)   \
	X(FSGNJX_S)   \
	X(FMIN_S)     \
	X(FMAX_S)     \
	X(FCVT_W_S)   \
	X(FCVT_WU_S)  \
	X(FCVT_L_S)   \
	X(FCVT_LU_S)  \
	X(FMV_X_W)    \
	X(FEQ_S)      \
	X(FLT_S)      \
	X(FLE_S)      \
	X(FCLASS_S)   \
	X(FCVT_S_W)   \
	X(FCVT_S_WU)  \
	X(FCVT_S_L)   \
	X(FCVT_S_LU)  \
	X(FMV_W_X)    \
	X(FADD_D)     \
	X(FSUB_D)     \
	X(FMUL_D)     \
	X(FDIV_D)     \
	X(FSQRT_D)    \
	X(FSGNJ_D)    \
	X(FSGNJN_D)   \
	X(FSGNJX_D)   \
	X(FMIN_D)     \
	X(FMAX_D)     \
	X(FCVT_S_D)   \
	X(FCVT_D_S)   \
	X(FEQ_D)      \
	X(FLT_D)      \
	X(FLE_D)      \
	X(FCLASS_D)   \
	X(FCVT_W_D)   \
	X(FCVT_WU_D)  \
	X(FCVT_L_D)   \
	X(FCVT_LU_D)  \
	X(FMV_X_D)    \
	X(FCVT_D_W)   \
	X(FCVT_D_WU)  \
	X(FCVT_D_L)   \
	X(FCVT_D_LU)  \
	X(FMV_D_X)

/*
 * The operations a compressed instruction can decode to.  The interpreter
 * keeps a copy of each of these handlers for the 2-byte length, so that
 * every handler advances by a constant.
 */
#define DECODE_RVC_OPS(X) \
	X(ILLEGAL)        \
	X(NOP)            \
	X(EBREAK)         \
	X(LUI)            \
	X(JAL_X)          \
	X(JALR)           \
	X(JALR_X)         \
	X(BEQ)            \
	X(BNE)            \
	X(LW)             \
	X(LD)             \
	X(SW)             \
	X(SD)             \
	X(ADDI)           \
	X(SLLI)           \
	X(SRLI)           \
	X(SRAI)           \
	X(ANDI)           \
	X(ADD)            \
	X(SUB)            \
	X(XOR)            \
	X(OR)             \
	X(AND)            \
	X(ADDIW)          \
	X(ADDW)           \
	X(SUBW)           \
	X(FLD)            \
	X(FSD)

#define DECODE_OP_ENUM(name) DECODE_OP_##name,
enum decode_op { DECODE_OPS(DECODE_OP_ENUM) DECODE_OP_NR };
#undef DECODE_OP_ENUM

/*
 * A decoded instruction.  Register fields are 0..31 (f registers for the
 * FP operands); fields an operation does not use are 0.
 *
 * imm holds, by operation: the sign-extended immediate (I/S/B/U/J types,
 * with the U-type already shifted), the shift amount, the CSR number for the
 * CSR instructions (whose rs1 is the zimm for the *I forms), the fence's
 * fm/pred/succ bits (insn[31:20]), or, for DECODE_OP_ILLEGAL, the raw
 * instruction bits (16 of them for a compressed instruction), which is what
 * stval reports.
 */
struct decode_insn {
	uint16_t op; /* enum decode_op */
	uint8_t rd, rs1, rs2, rs3;
	uint8_t rm;  /* FP rounding-mode field, 0..4 or 7 (DYN) */
	uint8_t len; /* 2 or 4 */
	int32_t imm;
};

/*
 * decode_insn() - decode @bits: a 32-bit instruction, or a compressed one
 * in the low 16 bits when bits[1:0] != 3 (the upper bits are then ignored).
 * Always fills @d; an encoding that is not a valid instruction gives
 * DECODE_OP_ILLEGAL.  Returns d->op.
 */
unsigned int decode_insn(uint32_t bits, struct decode_insn *d);

/*
 * decode_rvc_expand() - the 32-bit instruction that the compressed
 * instruction @c stands for, or 0 when @c is illegal or reserved (0 is
 * itself an illegal 32-bit encoding).  HINT encodings expand to their
 * architectural no-op (a write to x0).
 */
uint32_t decode_rvc_expand(uint16_t c);

/* decode_op_name() - "ADDI" etc., for tests and debugging. */
const char *decode_op_name(unsigned int op);

#endif /* HV_CPU_DECODE_H */
