/* SPDX-License-Identifier: MIT */
/*
 * The interpreter on small hand-encoded programs, run by cpu_run() in a
 * malloc'd RAM with no MMIO: ALU, M edge cases, branches and jumps, loads
 * and stores (misaligned, page-crossing), atomics, FP basics, CSR rules,
 * self-modifying code, traps (illegal instruction, access faults,
 * breakpoint, U-mode ecall), interrupts, the budget, WFI, and Sv39 with the
 * soft TLB (including an instruction straddling two non-contiguous pages).
 *
 * With HV_BENCH=1 it runs an integer compute loop instead and prints guest
 * MIPS (never asserting on time); HV_BENCH_ITERS sets its iteration count
 * (default 1e8, 12 instructions each).
 *
 * Exit status: 0 pass, 2 fail, 99 bug in the test.
 */
#include <inttypes.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cpu/cpu.h"
#include "cpu/riscv.h"

#include "check.h"

#define RAM_BASE 0x80000000ull
#define RAM_SIZE (4ull << 20)
#define HANDLER (RAM_BASE + 0x100) /* stvec: an ecall, so a trap exits cpu_run() */
#define CODE (RAM_BASE + 0x1000)
#define DATA (RAM_BASE + 0x40000)

/* ---- encoders (checked against riscv64-linux-gnu-as when written) --------------- */

enum {
	ZERO,
	RA,
	SP,
	GP,
	TP,
	T0,
	T1,
	T2,
	S0,
	S1,
	A0,
	A1,
	A2,
	A3,
	A4,
	A5,
	A6,
	A7,
	S2,
	S3,
	S4,
	S5,
	S6,
	S7,
	S8,
	S9,
	S10,
	S11,
	T3,
	T4,
	T5,
	T6
};

static uint32_t enc_r(unsigned int f7, unsigned int rs2, unsigned int rs1, unsigned int f3,
		      unsigned int rd, unsigned int opc)
{
	return f7 << 25 | rs2 << 20 | rs1 << 15 | f3 << 12 | rd << 7 | opc;
}

static uint32_t enc_i(int32_t imm, unsigned int rs1, unsigned int f3, unsigned int rd,
		      unsigned int opc)
{
	return (uint32_t)imm << 20 | rs1 << 15 | f3 << 12 | rd << 7 | opc;
}

static uint32_t enc_s(int32_t imm, unsigned int rs2, unsigned int rs1, unsigned int f3,
		      unsigned int opc)
{
	uint32_t u = (uint32_t)imm;

	return (u >> 5 & 0x7f) << 25 | rs2 << 20 | rs1 << 15 | f3 << 12 | (u & 31) << 7 | opc;
}

static uint32_t enc_b(int32_t off, unsigned int rs2, unsigned int rs1, unsigned int f3)
{
	uint32_t u = (uint32_t)off;

	return (u >> 12 & 1) << 31 | (u >> 5 & 0x3f) << 25 | rs2 << 20 | rs1 << 15 | f3 << 12 |
	       (u >> 1 & 0xf) << 8 | (u >> 11 & 1) << 7 | 0x63;
}

static uint32_t enc_j(int32_t off, unsigned int rd)
{
	uint32_t u = (uint32_t)off;

	return (u >> 20 & 1) << 31 | (u >> 1 & 0x3ff) << 21 | (u >> 11 & 1) << 20 | (u & 0xff000) |
	       rd << 7 | 0x6f;
}

#define LUI(rd, imm20) ((uint32_t)(imm20) << 12 | (rd) << 7 | 0x37)
#define AUIPC(rd, imm20) ((uint32_t)(imm20) << 12 | (rd) << 7 | 0x17)
#define JAL(rd, off) enc_j(off, rd)
#define JALR(rd, rs1, imm) enc_i(imm, rs1, 0, rd, 0x67)
#define BEQ(a, b, off) enc_b(off, b, a, 0)
#define BNE(a, b, off) enc_b(off, b, a, 1)
#define BLT(a, b, off) enc_b(off, b, a, 4)
#define BGE(a, b, off) enc_b(off, b, a, 5)
#define BLTU(a, b, off) enc_b(off, b, a, 6)
#define BGEU(a, b, off) enc_b(off, b, a, 7)
#define LB(rd, rs1, imm) enc_i(imm, rs1, 0, rd, 0x03)
#define LH(rd, rs1, imm) enc_i(imm, rs1, 1, rd, 0x03)
#define LW(rd, rs1, imm) enc_i(imm, rs1, 2, rd, 0x03)
#define LD(rd, rs1, imm) enc_i(imm, rs1, 3, rd, 0x03)
#define LBU(rd, rs1, imm) enc_i(imm, rs1, 4, rd, 0x03)
#define LHU(rd, rs1, imm) enc_i(imm, rs1, 5, rd, 0x03)
#define LWU(rd, rs1, imm) enc_i(imm, rs1, 6, rd, 0x03)
#define SB(rs2, rs1, imm) enc_s(imm, rs2, rs1, 0, 0x23)
#define SH(rs2, rs1, imm) enc_s(imm, rs2, rs1, 1, 0x23)
#define SW(rs2, rs1, imm) enc_s(imm, rs2, rs1, 2, 0x23)
#define SD(rs2, rs1, imm) enc_s(imm, rs2, rs1, 3, 0x23)
#define ADDI(rd, rs1, imm) enc_i(imm, rs1, 0, rd, 0x13)
#define SLTI(rd, rs1, imm) enc_i(imm, rs1, 2, rd, 0x13)
#define SLTIU(rd, rs1, imm) enc_i(imm, rs1, 3, rd, 0x13)
#define XORI(rd, rs1, imm) enc_i(imm, rs1, 4, rd, 0x13)
#define ORI(rd, rs1, imm) enc_i(imm, rs1, 6, rd, 0x13)
#define ANDI(rd, rs1, imm) enc_i(imm, rs1, 7, rd, 0x13)
#define SLLI(rd, rs1, sh) enc_i(sh, rs1, 1, rd, 0x13)
#define SRLI(rd, rs1, sh) enc_i(sh, rs1, 5, rd, 0x13)
#define SRAI(rd, rs1, sh) enc_i((sh) | 0x400, rs1, 5, rd, 0x13)
#define ADDIW(rd, rs1, imm) enc_i(imm, rs1, 0, rd, 0x1b)
#define SLLIW(rd, rs1, sh) enc_i(sh, rs1, 1, rd, 0x1b)
#define SRLIW(rd, rs1, sh) enc_i(sh, rs1, 5, rd, 0x1b)
#define SRAIW(rd, rs1, sh) enc_i((sh) | 0x400, rs1, 5, rd, 0x1b)
#define OP(f7, f3, rd, a, b) enc_r(f7, b, a, f3, rd, 0x33)
#define OPW(f7, f3, rd, a, b) enc_r(f7, b, a, f3, rd, 0x3b)
#define ADD(rd, a, b) OP(0, 0, rd, a, b)
#define SUB(rd, a, b) OP(0x20, 0, rd, a, b)
#define SLL(rd, a, b) OP(0, 1, rd, a, b)
#define SLT(rd, a, b) OP(0, 2, rd, a, b)
#define SLTU(rd, a, b) OP(0, 3, rd, a, b)
#define XOR(rd, a, b) OP(0, 4, rd, a, b)
#define SRL(rd, a, b) OP(0, 5, rd, a, b)
#define SRA(rd, a, b) OP(0x20, 5, rd, a, b)
#define OR(rd, a, b) OP(0, 6, rd, a, b)
#define AND(rd, a, b) OP(0, 7, rd, a, b)
#define ADDW(rd, a, b) OPW(0, 0, rd, a, b)
#define SUBW(rd, a, b) OPW(0x20, 0, rd, a, b)
#define SLLW(rd, a, b) OPW(0, 1, rd, a, b)
#define SRLW(rd, a, b) OPW(0, 5, rd, a, b)
#define SRAW(rd, a, b) OPW(0x20, 5, rd, a, b)
#define MUL(rd, a, b) OP(1, 0, rd, a, b)
#define MULH(rd, a, b) OP(1, 1, rd, a, b)
#define MULHSU(rd, a, b) OP(1, 2, rd, a, b)
#define MULHU(rd, a, b) OP(1, 3, rd, a, b)
#define DIV(rd, a, b) OP(1, 4, rd, a, b)
#define DIVU(rd, a, b) OP(1, 5, rd, a, b)
#define REM(rd, a, b) OP(1, 6, rd, a, b)
#define REMU(rd, a, b) OP(1, 7, rd, a, b)
#define MULW(rd, a, b) OPW(1, 0, rd, a, b)
#define DIVW(rd, a, b) OPW(1, 4, rd, a, b)
#define DIVUW(rd, a, b) OPW(1, 5, rd, a, b)
#define REMW(rd, a, b) OPW(1, 6, rd, a, b)
#define REMUW(rd, a, b) OPW(1, 7, rd, a, b)
#define AMO(f5, f3, rd, addr, src) enc_r((f5) << 2, src, addr, f3, rd, 0x2f)
#define LR_W(rd, addr) AMO(0x02, 2, rd, addr, 0)
#define SC_W(rd, src, addr) AMO(0x03, 2, rd, addr, src)
#define LR_D(rd, addr) AMO(0x02, 3, rd, addr, 0)
#define SC_D(rd, src, addr) AMO(0x03, 3, rd, addr, src)
#define AMOSWAP_W(rd, src, addr) AMO(0x01, 2, rd, addr, src)
#define AMOADD_W(rd, src, addr) AMO(0x00, 2, rd, addr, src)
#define AMOADD_D(rd, src, addr) AMO(0x00, 3, rd, addr, src)
#define AMOMIN_W(rd, src, addr) AMO(0x10, 2, rd, addr, src)
#define AMOMAXU_D(rd, src, addr) AMO(0x1c, 3, rd, addr, src)
#define AMOAND_D(rd, src, addr) AMO(0x0c, 3, rd, addr, src)
#define FENCE_RW_RW 0x0330000fu
#define FENCE_I 0x0000100fu
#define ECALL 0x00000073u
#define EBREAK 0x00100073u
#define SRET 0x10200073u
#define WFI 0x10500073u
#define SFENCE_VMA(a, b) enc_r(0x09, b, a, 0, 0, 0x73)
#define CSRRW(rd, csr, rs1) enc_i(csr, rs1, 1, rd, 0x73)
#define CSRRS(rd, csr, rs1) enc_i(csr, rs1, 2, rd, 0x73)
#define CSRRC(rd, csr, rs1) enc_i(csr, rs1, 3, rd, 0x73)
#define CSRRWI(rd, csr, zimm) enc_i(csr, zimm, 5, rd, 0x73)
#define CSRRSI(rd, csr, zimm) enc_i(csr, zimm, 6, rd, 0x73)
#define CSRRCI(rd, csr, zimm) enc_i(csr, zimm, 7, rd, 0x73)
/* F/D: rm 7 = dynamic */
#define FLW(rd, rs1, imm) enc_i(imm, rs1, 2, rd, 0x07)
#define FLD(rd, rs1, imm) enc_i(imm, rs1, 3, rd, 0x07)
#define FSW(rs2, rs1, imm) enc_s(imm, rs2, rs1, 2, 0x27)
#define FSD(rs2, rs1, imm) enc_s(imm, rs2, rs1, 3, 0x27)
#define FOP(f7, rm, rd, a, b) enc_r(f7, b, a, rm, rd, 0x53)
#define FADD_D(rd, a, b, rm) FOP(0x01, rm, rd, a, b)
#define FDIV_D(rd, a, b, rm) FOP(0x0d, rm, rd, a, b)
#define FADD_S(rd, a, b, rm) FOP(0x00, rm, rd, a, b)
#define FMUL_S(rd, a, b, rm) FOP(0x08, rm, rd, a, b)
#define FMADD_D(rd, a, b, c3, rm) (enc_r(0x01, b, a, rm, rd, 0x43) | (uint32_t)(c3) << 27)
#define FNMSUB_D(rd, a, b, c3, rm) (enc_r(0x01, b, a, rm, rd, 0x4b) | (uint32_t)(c3) << 27)
#define FSGNJN_D(rd, a, b) FOP(0x11, 1, rd, a, b)
#define FMV_X_W(rd, a) FOP(0x70, 0, rd, a, 0)
#define FMV_X_D(rd, a) FOP(0x71, 0, rd, a, 0)
#define FMV_W_X(rd, a) FOP(0x78, 0, rd, a, 0)
#define FMV_D_X(rd, a) FOP(0x79, 0, rd, a, 0)
#define FCVT_W_D(rd, a, rm) FOP(0x61, rm, rd, a, 0)
#define FCVT_D_L(rd, a, rm) FOP(0x69, rm, rd, a, 2)
#define FCVT_S_D(rd, a, rm) FOP(0x20, rm, rd, a, 1)
#define FEQ_S(rd, a, b) FOP(0x50, 2, rd, a, b)
#define FLT_D(rd, a, b) FOP(0x51, 1, rd, a, b)
#define FCLASS_S(rd, a) FOP(0x70, 1, rd, a, 0)
/* compressed */
#define C_NOP 0x0001u
#define C_LI(rd, imm) \
	(0x4001u | (rd) << 7 | ((uint32_t)(imm)&0x20) << 7 | ((uint32_t)(imm)&0x1f) << 2)
#define C_ADDI(rd, imm) \
	(0x0001u | (rd) << 7 | ((uint32_t)(imm)&0x20) << 7 | ((uint32_t)(imm)&0x1f) << 2)
#define C_MV(rd, rs2) (0x8002u | (rd) << 7 | (rs2) << 2)
#define C_ADD(rd, rs2) (0x9002u | (rd) << 7 | (rs2) << 2)
#define NOP_ADDI() ADDI(ZERO, ZERO, 0)
#define C_J(off) (0xa001u | c_j_imm(off))
#define C_BEQZ(rs1p, off) (0xc001u | ((rs1p)-8) << 7 | c_b_imm(off))
#define C_BNEZ(rs1p, off) (0xe001u | ((rs1p)-8) << 7 | c_b_imm(off))

static uint32_t c_j_imm(int32_t off)
{
	uint32_t u = (uint32_t)off;

	return (u >> 11 & 1) << 12 | (u >> 4 & 1) << 11 | (u >> 8 & 3) << 9 | (u >> 10 & 1) << 8 |
	       (u >> 6 & 1) << 7 | (u >> 7 & 1) << 6 | (u >> 1 & 7) << 3 | (u >> 5 & 1) << 2;
}

static uint32_t c_b_imm(int32_t off)
{
	uint32_t u = (uint32_t)off;

	return (u >> 8 & 1) << 12 | (u >> 3 & 3) << 10 | (u >> 6 & 3) << 5 | (u >> 1 & 3) << 3 |
	       (u >> 5 & 1) << 2;
}

/* ---- the machine ---------------------------------------------------------- */

static struct cpu *c;
static struct cpu_env env;
static uint8_t *ram;
static _Atomic uint32_t attention;

static void *host(uint64_t pa)
{
	return ram + (pa - RAM_BASE);
}

/* An emission cursor at a guest-physical address. */
struct prog {
	uint64_t pc;
};

static void e32(struct prog *p, uint32_t insn)
{
	memcpy(host(p->pc), &insn, 4);
	p->pc += 4;
}

static void e16(struct prog *p, uint32_t insn)
{
	uint16_t h = (uint16_t)insn;

	memcpy(host(p->pc), &h, 2);
	p->pc += 2;
}

static uint64_t rd64(uint64_t pa)
{
	uint64_t v;

	memcpy(&v, host(pa), 8);
	return v;
}

static void wr64(uint64_t pa, uint64_t v)
{
	memcpy(host(pa), &v, 8);
}

static uint64_t csr(unsigned int n)
{
	uint64_t v = 0xbad;

	if (cpu_get_csr(c, n, &v))
		printf("BUG: cpu_get_csr(%#x) failed\n", n);
	return v;
}

static void set_csr(unsigned int n, uint64_t v)
{
	if (cpu_set_csr(c, n, v))
		printf("BUG: cpu_set_csr(%#x) failed\n", n);
}

/*
 * A fresh hart at @pc in S-mode with stvec = HANDLER (an ecall).  The
 * decoded-code cache is dropped by the reset, as after loading code.
 */
static void start(const char *name, uint64_t pc)
{
	uint32_t ecall = ECALL;

	check_scope(name);
	memcpy(host(HANDLER), &ecall, 4);
	cpu_reset(c, pc, 0);
	set_csr(CSR_STVEC, HANDLER);
}

/* Run until an exit; returns it.  A generous budget: a hang is a failure, not a hang. */
static enum cpu_exit run(void)
{
	return cpu_run(c, 10000000);
}

/* Expect a trap: exit at HANDLER's ecall with the given scause, sepc, stval. */
static void expect_trap(const char *what, uint64_t cause, uint64_t epc, uint64_t tval)
{
	char n[128];

	snprintf(n, sizeof(n), "%s: exit", what);
	CHECK_EQ(n, CPU_EXIT_ECALL, run());
	snprintf(n, sizeof(n), "%s: at the handler", what);
	CHECK_EQ(n, HANDLER, c->pc);
	snprintf(n, sizeof(n), "%s: scause", what);
	CHECK_EQ(n, cause, csr(CSR_SCAUSE));
	snprintf(n, sizeof(n), "%s: sepc", what);
	CHECK_EQ(n, epc, csr(CSR_SEPC));
	snprintf(n, sizeof(n), "%s: stval", what);
	CHECK_EQ(n, tval, csr(CSR_STVAL));
}

/* ---- tests ----------------------------------------------------------------- */

static void test_alu(void)
{
	struct prog p = {CODE};

	start("alu", CODE);
	c->x[A0] = 0x8000000000000001ull;
	c->x[A1] = 0x00000000fffffff0ull;
	c->x[A2] = 68;		    /* shift amounts use the low 6 (or 5) bits */
	e32(&p, ADDI(S2, A0, -2));  /* 0x7fffffffffffffff */
	e32(&p, SLTI(S3, A0, 0));   /* 1: negative */
	e32(&p, SLTIU(S4, A1, -1)); /* 1: -1 is the largest unsigned */
	e32(&p, XORI(S5, A1, -1));  /* ~a1 */
	e32(&p, ORI(S6, ZERO, 0x555));
	e32(&p, ANDI(S7, A1, 0x7f0)); /* 0x7f0 */
	e32(&p, SLLI(S8, A0, 63));
	e32(&p, SRLI(S9, A0, 60));
	e32(&p, SRAI(S10, A0, 60));
	e32(&p, ADD(S11, A0, A1));
	e32(&p, SUB(T3, A1, A0));
	e32(&p, SLL(T4, A1, A2)); /* << 4 */
	e32(&p, SRA(T5, A0, A2)); /* >> 4 arithmetic */
	e32(&p, SRL(T6, A0, A2));
	e32(&p, SLT(T0, A0, A1));   /* 1 */
	e32(&p, SLTU(T1, A0, A1));  /* 0 */
	e32(&p, ADDI(ZERO, A0, 5)); /* x0 stays 0 */
	e32(&p, ECALL);
	CHECK_EQ("exit", CPU_EXIT_ECALL, run());
	CHECK_EQ("pc on the ecall", p.pc - 4, c->pc);
	CHECK_EQ("addi", 0x7fffffffffffffffull, c->x[S2]);
	CHECK_EQ("slti", 1, c->x[S3]);
	CHECK_EQ("sltiu -1", 1, c->x[S4]);
	CHECK_EQ("xori -1", ~0x00000000fffffff0ull, c->x[S5]);
	CHECK_EQ("ori", 0x555, c->x[S6]);
	CHECK_EQ("andi", 0x7f0, c->x[S7]);
	CHECK_EQ("slli 63", 0x8000000000000000ull, c->x[S8]);
	CHECK_EQ("srli 60", 8, c->x[S9]);
	CHECK_EQ("srai 60", 0xfffffffffffffff8ull, c->x[S10]);
	CHECK_EQ("add", 0x80000000fffffff1ull, c->x[S11]);
	CHECK_EQ("sub", 0x80000000ffffffefull, c->x[T3]);
	CHECK_EQ("sll by 68", 0x0000000fffffff00ull, c->x[T4]);
	CHECK_EQ("sra by 68", 0xf800000000000000ull, c->x[T5]);
	CHECK_EQ("srl by 68", 0x0800000000000000ull, c->x[T6]);
	CHECK_EQ("slt", 1, c->x[T0]);
	CHECK_EQ("sltu", 0, c->x[T1]);
	CHECK_EQ("x0", 0, c->x[ZERO]);

	p.pc = CODE;
	start("alu-w", CODE);
	c->x[A0] = 0x000000007fffffffull;
	c->x[A1] = 0xffffffff80000000ull;
	c->x[A2] = 33;		   /* W shifts use the low 5 bits */
	e32(&p, ADDIW(S2, A0, 1)); /* overflow: sign-extended 0x80000000 */
	e32(&p, SLLIW(S3, A0, 1));
	e32(&p, SRLIW(S4, A1, 4));
	e32(&p, SRAIW(S5, A1, 4));
	e32(&p, ADDW(S6, A0, A0));
	e32(&p, SUBW(S7, A1, A0)); /* 0x80000000 - 0x7fffffff = 1 */
	e32(&p, SLLW(S8, A0, A2)); /* << 1 */
	e32(&p, SRLW(S9, A1, A2)); /* >> 1 logical, 32-bit */
	e32(&p, SRAW(S10, A1, A2));
	e32(&p, LUI(S11, 0x80000));  /* sign-extended */
	e32(&p, AUIPC(T3, 0xfffff)); /* pc - 4096 */
	e16(&p, C_LI(T4, -3));
	e16(&p, C_ADDI(T4, 10));
	e16(&p, C_MV(T5, T4));
	e16(&p, C_ADD(T5, T4));
	e32(&p, ECALL);
	CHECK_EQ("exit", CPU_EXIT_ECALL, run());
	CHECK_EQ("addiw overflow", 0xffffffff80000000ull, c->x[S2]);
	CHECK_EQ("slliw", 0xfffffffffffffffeull, c->x[S3]);
	CHECK_EQ("srliw", 0x0000000008000000ull, c->x[S4]);
	CHECK_EQ("sraiw", 0xfffffffff8000000ull, c->x[S5]);
	CHECK_EQ("addw", 0xfffffffffffffffeull, c->x[S6]);
	CHECK_EQ("subw", 1, c->x[S7]);
	CHECK_EQ("sllw by 33", 0xfffffffffffffffeull, c->x[S8]);
	CHECK_EQ("srlw by 33", 0x40000000, c->x[S9]);
	CHECK_EQ("sraw by 33", 0xffffffffc0000000ull, c->x[S10]);
	CHECK_EQ("lui", 0xffffffff80000000ull, c->x[S11]);
	CHECK_EQ("auipc", CODE + 40 - 4096, c->x[T3]);
	CHECK_EQ("c.li/c.addi", 7, c->x[T4]);
	CHECK_EQ("c.mv/c.add", 14, c->x[T5]);
}

static void test_muldiv(void)
{
	const struct {
		const char *name;
		uint32_t insn;
		uint64_t a, b, expect;
	} t[] = {
		{"mul", MUL(A0, A1, A2), 0xffffffffffffffffull, 5, 0xfffffffffffffffbull},
		{"mulh -1*-1", MULH(A0, A1, A2), ~0ull, ~0ull, 0},
		{"mulh min*min", MULH(A0, A1, A2), 1ull << 63, 1ull << 63, 1ull << 62},
		{"mulhsu -1*max", MULHSU(A0, A1, A2), ~0ull, ~0ull, ~0ull},
		{"mulhu max*max", MULHU(A0, A1, A2), ~0ull, ~0ull, ~0ull - 1},
		{"div", DIV(A0, A1, A2), (uint64_t)-7, 2, (uint64_t)-3},
		{"div by 0", DIV(A0, A1, A2), 42, 0, ~0ull},
		{"div min/-1", DIV(A0, A1, A2), 1ull << 63, ~0ull, 1ull << 63},
		{"divu by 0", DIVU(A0, A1, A2), 42, 0, ~0ull},
		{"divu", DIVU(A0, A1, A2), ~0ull, 2, ~0ull >> 1},
		{"rem", REM(A0, A1, A2), (uint64_t)-7, 2, (uint64_t)-1},
		{"rem by 0", REM(A0, A1, A2), (uint64_t)-42, 0, (uint64_t)-42},
		{"rem min/-1", REM(A0, A1, A2), 1ull << 63, ~0ull, 0},
		{"remu by 0", REMU(A0, A1, A2), 42, 0, 42},
		{"mulw sign-extends", MULW(A0, A1, A2), 0x10000, 0x8000, 0xffffffff80000000ull},
		{"divw", DIVW(A0, A1, A2), 0x00000000fffffff9ull, 2, (uint64_t)-3},
		{"divw by 0", DIVW(A0, A1, A2), 5, 0xffffffff00000000ull, ~0ull},
		{"divw min/-1", DIVW(A0, A1, A2), 0x80000000, ~0ull, 0xffffffff80000000ull},
		{"divuw by 0", DIVUW(A0, A1, A2), 5, 0, ~0ull},
		{"divuw", DIVUW(A0, A1, A2), 0xfffffffe, 1, 0xfffffffffffffffeull},
		{"remw", REMW(A0, A1, A2), 0x00000000fffffff9ull, 2, (uint64_t)-1},
		{"remw by 0", REMW(A0, A1, A2), 0x123480000000ull, 0, 0xffffffff80000000ull},
		{"remw min/-1", REMW(A0, A1, A2), 0x80000000, ~0ull, 0},
		{"remuw by 0", REMUW(A0, A1, A2), 0x80000001, 0, 0xffffffff80000001ull},
		{"remuw", REMUW(A0, A1, A2), 0xffffffff, 0x10, 0xf},
	};
	unsigned int i;

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		struct prog p = {CODE};

		start(t[i].name, CODE);
		c->x[A1] = t[i].a;
		c->x[A2] = t[i].b;
		e32(&p, t[i].insn);
		e32(&p, ECALL);
		CHECK_EQ("exit", CPU_EXIT_ECALL, run());
		CHECK_EQ("result", t[i].expect, c->x[A0]);
	}
}

static void test_branches(void)
{
	static const struct {
		const char *name;
		uint32_t (*enc)(int32_t, unsigned int, unsigned int, unsigned int);
		unsigned int f3;
		uint64_t a, b;
		bool taken;
	} t[] = {
		{"beq taken", enc_b, 0, 5, 5, true},	 {"beq not", enc_b, 0, 5, 6, false},
		{"bne taken", enc_b, 1, 5, 6, true},	 {"bne not", enc_b, 1, 5, 5, false},
		{"blt taken", enc_b, 4, ~0ull, 0, true}, {"blt not", enc_b, 4, 0, ~0ull, false},
		{"bge taken", enc_b, 5, 0, ~0ull, true}, {"bge equal", enc_b, 5, 3, 3, true},
		{"bge not", enc_b, 5, ~0ull, 0, false},	 {"bltu taken", enc_b, 6, 0, ~0ull, true},
		{"bltu not", enc_b, 6, ~0ull, 0, false}, {"bgeu taken", enc_b, 7, ~0ull, 0, true},
		{"bgeu not", enc_b, 7, 0, ~0ull, false},
	};
	unsigned int i;
	struct prog p;

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		p.pc = CODE;
		start(t[i].name, CODE);
		c->x[A1] = t[i].a;
		c->x[A2] = t[i].b;
		e32(&p, t[i].enc(12, A2, A1, t[i].f3)); /* to the second ecall */
		e32(&p, ADDI(A0, ZERO, 1));
		e32(&p, ECALL);
		e32(&p, ADDI(A0, ZERO, 2));
		e32(&p, ECALL);
		CHECK_EQ("exit", CPU_EXIT_ECALL, run());
		CHECK_EQ("path", t[i].taken ? 2 : 1, c->x[A0]);
	}

	/* A loop: sum 1..100 with a backward bne, then jal/jalr calls. */
	p.pc = CODE;
	start("loop and calls", CODE);
	c->x[A1] = 100;
	e32(&p, ADD(A0, A0, A1));   /* 0x00 */
	e32(&p, ADDI(A1, A1, -1));  /* 0x04 */
	e32(&p, BNE(A1, ZERO, -8)); /* 0x08 */
	e32(&p, JAL(RA, 16));	    /* 0x0c: call 0x1c */
	e32(&p, ADDI(A2, A2, 1));   /* 0x10 */
	e32(&p, JAL(ZERO, 24));	    /* 0x14: to 0x2c */
	e32(&p, ECALL);		    /* 0x18: not reached */
	e32(&p, ADDI(A3, RA, 0));   /* 0x1c: callee: a3 = return address */
	e32(&p, ADDI(T0, ZERO, 1)); /* 0x20: t0 = 1 */
	e32(&p, JALR(T1, RA, 0));   /* 0x24: return, link in t1 */
	e32(&p, ECALL);		    /* 0x28: not reached */
	e16(&p, C_LI(A4, 3));	    /* 0x2c */
	e16(&p, C_ADDI(A4, -1));    /* 0x2e */
	e16(&p, C_BNEZ(A4, -2));    /* 0x30: loop to 0x2e */
	e16(&p, C_BEQZ(A4, 4));	    /* 0x32: to 0x36 */
	e16(&p, C_LI(A5, 9));	    /* 0x34: skipped */
	e16(&p, C_J(6));	    /* 0x36: to 0x3c */
	e32(&p, ECALL);		    /* 0x38: not reached */
	e32(&p, ECALL);		    /* 0x3c */
	CHECK_EQ("exit", CPU_EXIT_ECALL, run());
	CHECK_EQ("exit pc", CODE + 0x3c, c->pc);
	CHECK_EQ("sum", 5050, c->x[A0]);
	CHECK_EQ("jal link", CODE + 0x10, c->x[A3]);
	CHECK_EQ("jalr link", CODE + 0x28, c->x[T1]);
	CHECK_EQ("after return", 1, c->x[A2]);
	CHECK_EQ("compressed loop", 0, c->x[A4]);
	CHECK_EQ("c.beqz skipped", 0, c->x[A5]);

	/* A jump to another page and a fall-through off the end of a page. */
	p.pc = CODE;
	start("far jump", CODE);
	e32(&p, JAL(ZERO, 0x2000 - 8)); /* to CODE + 0x1ff8 */
	p.pc = CODE + 0x1ff8;
	e32(&p, ADDI(A0, ZERO, 7));
	e16(&p, C_ADDI(A0, 1));
	e16(&p, C_ADDI(A0, 1));	    /* the last halfword of the page */
	e32(&p, ADDI(A0, A0, 100)); /* the next page */
	e32(&p, ECALL);
	CHECK_EQ("exit", CPU_EXIT_ECALL, run());
	CHECK_EQ("value", 109, c->x[A0]);
	CHECK_EQ("pc", CODE + 0x2004, c->pc);
}

static void test_loadstore(void)
{
	struct prog p = {CODE};
	uint64_t page_end = DATA + 0x2000; /* a page boundary */
	unsigned int i;

	start("loads and stores", CODE);
	memset(host(DATA), 0, 0x3000);
	c->x[S0] = DATA;
	c->x[S1] = page_end;
	c->x[A0] = 0x8899aabbccddeeffull;
	e32(&p, SD(A0, S0, 0));
	e32(&p, LB(T0, S0, 0)); /* 0xff -> -1 */
	e32(&p, LBU(T1, S0, 0));
	e32(&p, LH(T2, S0, 6)); /* 0x8899 */
	e32(&p, LHU(T3, S0, 6));
	e32(&p, LW(T4, S0, 4)); /* 0x8899aabb */
	e32(&p, LWU(T5, S0, 4));
	e32(&p, LD(T6, S0, 0));
	e32(&p, SB(A0, S0, 8));
	e32(&p, SH(A0, S0, 10));
	e32(&p, SW(A0, S0, 12));
	/* misaligned, inside a page */
	e32(&p, SD(A0, S0, 17));
	e32(&p, LD(A1, S0, 17));
	e32(&p, LW(A2, S0, 19));
	/* misaligned across a page boundary */
	e32(&p, SD(A0, S1, -3));
	e32(&p, LD(A3, S1, -3));
	e32(&p, LH(A4, S1, -1));
	e32(&p, LW(A5, S1, -2));
	e32(&p, LD(ZERO, S0, 0)); /* a load to x0 still happens and leaves x0 alone */
	e32(&p, ECALL);
	CHECK_EQ("exit", CPU_EXIT_ECALL, run());
	CHECK_EQ("sd", 0x8899aabbccddeeffull, rd64(DATA));
	CHECK_EQ("lb", ~0ull, c->x[T0]);
	CHECK_EQ("lbu", 0xff, c->x[T1]);
	CHECK_EQ("lh", 0xffffffffffff8899ull, c->x[T2]);
	CHECK_EQ("lhu", 0x8899, c->x[T3]);
	CHECK_EQ("lw", 0xffffffff8899aabbull, c->x[T4]);
	CHECK_EQ("lwu", 0x8899aabb, c->x[T5]);
	CHECK_EQ("ld", 0x8899aabbccddeeffull, c->x[T6]);
	CHECK_EQ("sb/sh/sw", 0xccddeeffeeff00ffull, rd64(DATA + 8));
	CHECK_EQ("misaligned ld", 0x8899aabbccddeeffull, c->x[A1]);
	CHECK_EQ("misaligned lw", 0xffffffffaabbccddull, c->x[A2]);
	for (i = 0; i < 8; i++)
		CHECK_EQ("page-crossing sd bytes", (0x8899aabbccddeeffull >> (8 * i)) & 0xff,
			 *(uint8_t *)host(page_end - 3 + i));
	CHECK_EQ("page-crossing ld", 0x8899aabbccddeeffull, c->x[A3]);
	CHECK_EQ("page-crossing lh", 0xffffffffffffccddull, c->x[A4]);
	CHECK_EQ("page-crossing lw", 0xffffffffbbccddeeull, c->x[A5]);
	CHECK_EQ("x0", 0, c->x[ZERO]);
}

static void test_atomics(void)
{
	struct prog p = {CODE};

	start("atomics", CODE);
	wr64(DATA, 0x100000005ull);
	wr64(DATA + 8, 7);
	c->x[S0] = DATA;
	c->x[S1] = DATA + 8;
	c->x[A1] = 3;
	c->x[A2] = (uint64_t)-8;
	e32(&p, AMOADD_W(T0, A1, S0));	 /* t0 = 5, mem = 8 (high word untouched) */
	e32(&p, AMOMIN_W(T1, A2, S0));	 /* t1 = 8, mem = -8 */
	e32(&p, AMOSWAP_W(T2, A1, S0));	 /* t2 = -8 sign-extended, mem = 3 */
	e32(&p, AMOMAXU_D(T3, A2, S1));	 /* t3 = 7, mem = -8 */
	e32(&p, AMOAND_D(ZERO, A1, S1)); /* mem = -8 & 3 = 0 */
	e32(&p, LR_D(T4, S1));		 /* t4 = 0 */
	e32(&p, SC_D(T5, A1, S1));	 /* success: t5 = 0, mem = 3 */
	e32(&p, SC_D(T6, A2, S1));	 /* no reservation: t6 = 1 */
	e32(&p, LR_W(A3, S0));
	e32(&p, SC_W(A4, A2, S1)); /* another address: fails */
	e32(&p, LR_D(A5, S1));
	e32(&p, ADDI(A6, ZERO, 9));
	e32(&p, SD(A6, S1, 0));	   /* the value changes under the reservation */
	e32(&p, SC_D(A7, A2, S1)); /* fails: memory no longer holds what LR saw */
	e32(&p, ECALL);
	CHECK_EQ("exit", CPU_EXIT_ECALL, run());
	CHECK_EQ("amoadd.w old", 5, c->x[T0]);
	CHECK_EQ("amomin.w old", 8, c->x[T1]);
	CHECK_EQ("amoswap.w old", (uint64_t)-8, c->x[T2]);
	CHECK_EQ("word ops keep the high word", 0x100000003ull, rd64(DATA));
	CHECK_EQ("amomaxu.d old", 7, c->x[T3]);
	CHECK_EQ("lr.d", 0, c->x[T4]);
	CHECK_EQ("sc.d success", 0, c->x[T5]);
	CHECK_EQ("sc.d without reservation", 1, c->x[T6]);
	CHECK_EQ("sc.w to another address", 1, c->x[A4]);
	CHECK_EQ("sc.d after a change", 1, c->x[A7]);
	CHECK_EQ("memory", 9, rd64(DATA + 8));

	/* Misaligned: LR is a load (cause 4), SC and AMOs are stores (cause 6). */
	p.pc = CODE;
	start("misaligned lr", CODE);
	c->x[S0] = DATA + 4;
	e32(&p, LR_D(T0, S0));
	expect_trap("lr.d", CAUSE_MISALIGNED_LOAD, CODE, DATA + 4);
	p.pc = CODE;
	start("misaligned amo", CODE);
	c->x[S0] = DATA + 2;
	e32(&p, AMOADD_W(T0, A1, S0));
	expect_trap("amoadd.w", CAUSE_MISALIGNED_STORE, CODE, DATA + 2);
	p.pc = CODE;
	start("misaligned sc", CODE);
	c->x[S0] = DATA + 1;
	e32(&p, SC_W(T0, A1, S0));
	expect_trap("sc.w", CAUSE_MISALIGNED_STORE, CODE, DATA + 1);
	/* Outside RAM: access faults. */
	p.pc = CODE;
	start("amo outside RAM", CODE);
	c->x[S0] = 0x10000000;
	e32(&p, AMOADD_D(T0, A1, S0));
	expect_trap("amoadd.d", CAUSE_STORE_ACCESS, CODE, 0x10000000);
	p.pc = CODE;
	start("lr outside RAM", CODE);
	c->x[S0] = 0x10000000;
	e32(&p, LR_W(T0, S0));
	expect_trap("lr.w", CAUSE_LOAD_ACCESS, CODE, 0x10000000);
}

static void test_traps(void)
{
	struct prog p;

	p.pc = CODE;
	start("illegal 32-bit", CODE);
	e32(&p, ADDI(A0, ZERO, 1));
	e32(&p, 0xffffffffu);
	expect_trap("all ones", CAUSE_ILLEGAL_INSTRUCTION, CODE + 4, 0xffffffffu);
	CHECK_EQ("the instruction before retired", 1, c->x[A0]);
	CHECK_EQ("instret: the addi and the handler's ecall, not the trap", 2, cpu_instret(c));
	CHECK_EQ("SPP = S", SSTATUS_SPP, csr(CSR_SSTATUS) & SSTATUS_SPP);

	p.pc = CODE;
	start("illegal compressed", CODE);
	e16(&p, C_NOP);
	e16(&p, 0x0000);
	expect_trap("c.unimp", CAUSE_ILLEGAL_INSTRUCTION, CODE + 2, 0);
	p.pc = CODE;
	start("reserved compressed", CODE);
	e16(&p, 0x6101); /* c.addi16sp with 0 */
	expect_trap("c.addi16sp 0", CAUSE_ILLEGAL_INSTRUCTION, CODE, 0x6101);
	p.pc = CODE;
	start("mret", CODE);
	e32(&p, 0x30200073);
	expect_trap("mret", CAUSE_ILLEGAL_INSTRUCTION, CODE, 0x30200073);
	p.pc = CODE;
	start("M-mode CSR", CODE);
	e32(&p, CSRRS(A0, 0x300, ZERO));
	expect_trap("csrr mstatus", CAUSE_ILLEGAL_INSTRUCTION, CODE, CSRRS(A0, 0x300, ZERO));
	p.pc = CODE;
	start("write a read-only CSR", CODE);
	e32(&p, CSRRW(A0, CSR_CYCLE, A1));
	expect_trap("csrw cycle", CAUSE_ILLEGAL_INSTRUCTION, CODE, CSRRW(A0, CSR_CYCLE, A1));

	p.pc = CODE;
	start("ebreak", CODE);
	e32(&p, NOP_ADDI());
	e32(&p, EBREAK);
	expect_trap("ebreak", CAUSE_BREAKPOINT, CODE + 4, CODE + 4);

	/* Access faults outside RAM with no MMIO: load, store, fetch. */
	p.pc = CODE;
	start("load access fault", CODE);
	c->x[T0] = 0x1000;
	e32(&p, LW(A0, T0, 8));
	expect_trap("lw", CAUSE_LOAD_ACCESS, CODE, 0x1008);
	p.pc = CODE;
	start("store access fault", CODE);
	c->x[T0] = 0x1000;
	e32(&p, SD(A0, T0, -8));
	expect_trap("sd", CAUSE_STORE_ACCESS, CODE, 0xff8);
	p.pc = CODE;
	start("fetch access fault", CODE);
	c->x[T0] = 0x2000;
	e32(&p, JALR(RA, T0, 0));
	expect_trap("jalr", CAUSE_FETCH_ACCESS, 0x2000, 0x2000);
	CHECK_EQ("the jump retired", CODE + 4, c->x[RA]);
	p.pc = CODE;
	start("load across the end of RAM", CODE);
	c->x[T0] = RAM_BASE + RAM_SIZE - 4;
	e32(&p, LD(A0, T0, 0));
	expect_trap("ld", CAUSE_LOAD_ACCESS, CODE, RAM_BASE + RAM_SIZE);
	p.pc = CODE;
	start("huge address", CODE);
	c->x[T0] = ~0ull - 3;
	e32(&p, LD(A0, T0, 0));
	expect_trap("ld at 2^64-4", CAUSE_LOAD_ACCESS, CODE, ~0ull - 3);

	/* U-mode: sret to U, where ecall traps with cause 8, and sret is illegal. */
	p.pc = CODE;
	start("U-mode ecall", CODE);
	c->x[T0] = CODE + 0x100;
	e32(&p, CSRRW(ZERO, CSR_SEPC, T0));
	e32(&p, CSRRCI(ZERO, CSR_SSTATUS, 0)); /* zimm 0: no write */
	e32(&p, ADDI(T1, ZERO, 0x100));	       /* SPP */
	e32(&p, CSRRC(ZERO, CSR_SSTATUS, T1));
	e32(&p, SRET);
	p.pc = CODE + 0x100;
	e32(&p, ADDI(A0, ZERO, 5));
	e32(&p, ECALL);
	expect_trap("ecall from U", CAUSE_USER_ECALL, CODE + 0x104, 0);
	CHECK_EQ("U-mode ran", 5, c->x[A0]);
	CHECK_EQ("SPP = U", 0, csr(CSR_SSTATUS) & SSTATUS_SPP);
	CHECK_EQ("back in S", PRV_S, c->priv);

	p.pc = CODE;
	start("U-mode privileged", CODE);
	c->priv = PRV_U;
	e32(&p, SRET);
	expect_trap("sret in U", CAUSE_ILLEGAL_INSTRUCTION, CODE, SRET);
	p.pc = CODE;
	start("U-mode wfi", CODE);
	c->priv = PRV_U;
	e32(&p, WFI);
	expect_trap("wfi in U", CAUSE_ILLEGAL_INSTRUCTION, CODE, WFI);
	p.pc = CODE;
	start("U-mode sfence", CODE);
	c->priv = PRV_U;
	e32(&p, SFENCE_VMA(ZERO, ZERO));
	expect_trap("sfence.vma in U", CAUSE_ILLEGAL_INSTRUCTION, CODE, SFENCE_VMA(ZERO, ZERO));
	p.pc = CODE;
	start("U-mode S CSR", CODE);
	c->priv = PRV_U;
	e32(&p, CSRRS(A0, CSR_SSTATUS, ZERO));
	expect_trap("csrr sstatus in U", CAUSE_ILLEGAL_INSTRUCTION, CODE,
		    CSRRS(A0, CSR_SSTATUS, ZERO));
}

static void test_ecall_resume(void)
{
	struct prog p = {CODE};

	start("ecall and resume", CODE);
	e32(&p, ADDI(A7, ZERO, 0x10));
	e32(&p, ECALL);
	e32(&p, ADDI(A0, A0, 1));
	e32(&p, ECALL);
	CHECK_EQ("first exit", CPU_EXIT_ECALL, run());
	CHECK_EQ("pc on the first ecall", CODE + 4, c->pc);
	CHECK_EQ("a7", 0x10, c->x[A7]);
	c->pc += 4; /* what the SBI glue does */
	c->x[A0] = 41;
	CHECK_EQ("second exit", CPU_EXIT_ECALL, run());
	CHECK_EQ("pc on the second ecall", CODE + 12, c->pc);
	CHECK_EQ("ran on", 42, c->x[A0]);
}

static void test_csr(void)
{
	struct prog p = {CODE};

	start("csr", CODE);
	c->x[A1] = 0x1234;
	e32(&p, CSRRW(ZERO, CSR_SSCRATCH, A1));
	e32(&p, CSRRSI(A2, CSR_SSCRATCH, 3)); /* a2 = 0x1234, scratch = 0x1237 */
	e32(&p, CSRRCI(A3, CSR_SSCRATCH, 4)); /* a3 = 0x1237, scratch = 0x1233 */
	e32(&p, CSRRS(A4, CSR_SSCRATCH, ZERO));
	e32(&p, CSRRS(A5, CSR_INSTRET, ZERO)); /* read-only CSRs read fine */
	e32(&p, NOP_ADDI());
	e32(&p, NOP_ADDI());
	e32(&p, CSRRS(A6, CSR_INSTRET, ZERO));
	e32(&p, CSRRS(A7, CSR_TIME, ZERO));
	e32(&p, ECALL);
	CHECK_EQ("exit", CPU_EXIT_ECALL, run());
	CHECK_EQ("csrrsi old", 0x1234, c->x[A2]);
	CHECK_EQ("csrrci old", 0x1237, c->x[A3]);
	CHECK_EQ("final", 0x1233, c->x[A4]);
	CHECK_EQ("instret before it", 4, c->x[A5]);
	CHECK_EQ("instret counts exactly", 3, c->x[A6] - c->x[A5]);
	CHECK_EQ("cpu_instret after the ecall", 10, cpu_instret(c));
}

static void test_fp(void)
{
	struct prog p = {CODE};
	uint64_t two = 0x4000000000000000ull, three = 0x4008000000000000ull;

	p.pc = CODE;
	start("FP off", CODE);
	e32(&p, FADD_D(1, 2, 3, 7));
	expect_trap("fadd.d with FS off", CAUSE_ILLEGAL_INSTRUCTION, CODE, FADD_D(1, 2, 3, 7));
	p.pc = CODE;
	start("fcsr with FS off", CODE);
	e32(&p, CSRRS(A0, CSR_FCSR, ZERO));
	expect_trap("frcsr with FS off", CAUSE_ILLEGAL_INSTRUCTION, CODE,
		    CSRRS(A0, CSR_FCSR, ZERO));
	p.pc = CODE;
	start("FP off: flw too", CODE);
	e32(&p, FLW(1, SP, 0));
	expect_trap("flw with FS off", CAUSE_ILLEGAL_INSTRUCTION, CODE, FLW(1, SP, 0));

	p.pc = CODE;
	start("FP", CODE);
	set_csr(CSR_SSTATUS, SSTATUS_SPP | SSTATUS_FS_INITIAL);
	c->x[A1] = two;
	c->x[A2] = three;
	c->x[S0] = DATA;
	wr64(DATA, 0x3f800000ull); /* 1.0f, not boxed in memory */
	e32(&p, FMV_D_X(1, A1));
	e32(&p, FMV_D_X(2, A2));
	e32(&p, FADD_D(3, 1, 2, 7));	  /* 5.0 */
	e32(&p, FMADD_D(4, 1, 2, 3, 0));  /* 2*3+5 = 11 */
	e32(&p, FNMSUB_D(5, 1, 2, 3, 0)); /* -(2*3)+5 = -1 */
	e32(&p, FSGNJN_D(6, 1, 1));	  /* -2 */
	e32(&p, FLT_D(A3, 6, 1));	  /* 1 */
	e32(&p, FCVT_W_D(A4, 4, 1));	  /* 11 */
	e32(&p, FLW(7, S0, 0));		  /* boxed 1.0f */
	e32(&p, FMV_X_W(A5, 7));	  /* sign-extended bits */
	e32(&p, FADD_S(8, 7, 7, 0));	  /* 2.0f */
	e32(&p, FMV_X_D(A6, 8));
	e32(&p, FMV_X_D(A7, 1));
	e32(&p, FCLASS_S(T0, 1));     /* an unboxed single reads as the canonical NaN */
	e32(&p, FDIV_D(9, 1, 10, 0)); /* 2 / +0: DZ */
	e32(&p, FSD(9, S0, 8));
	e32(&p, CSRRS(T1, CSR_FFLAGS, ZERO));
	e32(&p, ECALL);
	CHECK_EQ("exit", CPU_EXIT_ECALL, run());
	CHECK_EQ("fadd.d", 0x4014000000000000ull, c->f[3]);
	CHECK_EQ("fmadd.d", 0x4026000000000000ull, c->f[4]);
	CHECK_EQ("fnmsub.d", 0xbff0000000000000ull, c->f[5]);
	CHECK_EQ("fsgnjn.d", 0xc000000000000000ull, c->f[6]);
	CHECK_EQ("flt.d", 1, c->x[A3]);
	CHECK_EQ("fcvt.w.d", 11, c->x[A4]);
	CHECK_EQ("flw boxes", 0xffffffff3f800000ull, c->f[7]);
	CHECK_EQ("fmv.x.w", 0x3f800000, c->x[A5]);
	CHECK_EQ("fadd.s boxed", 0xffffffff40000000ull, c->x[A6]);
	CHECK_EQ("fmv.x.d", two, c->x[A7]);
	CHECK_EQ("fclass of an unboxed single", 1u << 9, c->x[T0]);
	CHECK_EQ("fsd", 0x7ff0000000000000ull, rd64(DATA + 8));
	CHECK_EQ("fflags DZ", 8, c->x[T1]);
	CHECK_EQ("FS dirty", SSTATUS_FS_DIRTY, csr(CSR_SSTATUS) & SSTATUS_FS);

	p.pc = CODE;
	start("DYN with a bad frm", CODE);
	set_csr(CSR_SSTATUS, SSTATUS_SPP | SSTATUS_FS_CLEAN);
	set_csr(CSR_FRM, 5);
	e32(&p, FADD_D(1, 2, 3, 0)); /* static rm: fine */
	e32(&p, FADD_D(1, 2, 3, 7));
	expect_trap("fadd.d dyn with frm 5", CAUSE_ILLEGAL_INSTRUCTION, CODE + 4,
		    FADD_D(1, 2, 3, 7));
}

/* A store that rewrites an instruction already decoded and executed. */
static void test_smc(void)
{
	static const char *const names[] = {"smc without fence.i", "smc with fence.i"};
	int with_fence;

	for (with_fence = 0; with_fence < 2; with_fence++) {
		struct prog p = {CODE};

		start(names[with_fence], CODE);
		c->x[T1] = CODE + 0x10;
		c->x[T0] = ADDI(A0, A0, 100);
		e32(&p, SW(ZERO, T1, 0x200)); /* 0x00: warm the write TLB for this page */
		e32(&p, JAL(ZERO, 12));	      /* 0x04: to 0x10 */
		e32(&p, ECALL);		      /* 0x08 */
		e32(&p, ECALL);		      /* 0x0c */
		e32(&p, ADDI(A0, A0, 1));     /* 0x10: the target */
		e32(&p, BNE(A1, ZERO, 20));   /* 0x14: second pass: to 0x28 */
		e32(&p, SW(T0, T1, 0));	      /* 0x18: rewrite the target */
		e32(&p, with_fence ? FENCE_I : NOP_ADDI()); /* 0x1c */
		e32(&p, ADDI(A1, ZERO, 1));		    /* 0x20 */
		e32(&p, JAL(ZERO, -20));		    /* 0x24: to 0x10 */
		e32(&p, ECALL);				    /* 0x28 */
		CHECK_EQ("exit", CPU_EXIT_ECALL, run());
		CHECK_EQ("pc", CODE + 0x28, c->pc);
		CHECK_EQ("the new instruction ran", 101, c->x[A0]);
	}

	/* The next instruction rewritten by a misaligned (slow path) store. */
	{
		struct prog p = {CODE};

		start("smc of the next instruction", CODE);
		c->x[T1] = CODE + 8;
		c->x[T0] = (uint64_t)ADDI(A0, ZERO, 55) << 8;
		e32(&p, NOP_ADDI());
		e32(&p, SD(T0, T1, -1)); /* writes bytes 7..14: the whole next instruction */
		e32(&p, ADDI(A0, ZERO, 1));
		e32(&p, ECALL);
		CHECK_EQ("exit", CPU_EXIT_ECALL, run());
		CHECK_EQ("the rewritten instruction ran", 55, c->x[A0]);
	}

	/* Host writes are seen after cpu_fence_i(), as after a remote FENCE.I. */
	{
		struct prog p = {CODE};

		start("cpu_fence_i", CODE);
		e32(&p, ADDI(A0, ZERO, 1));
		e32(&p, ECALL);
		CHECK_EQ("exit", CPU_EXIT_ECALL, run());
		CHECK_EQ("first", 1, c->x[A0]);
		p.pc = CODE;
		e32(&p, ADDI(A0, ZERO, 2));
		cpu_fence_i(c);
		c->pc = CODE;
		CHECK_EQ("exit", CPU_EXIT_ECALL, run());
		CHECK_EQ("after cpu_fence_i", 2, c->x[A0]);
	}
}

static void test_budget_wfi_attention(void)
{
	struct prog p = {CODE};
	uint64_t before;

	start("budget", CODE);
	e32(&p, ADDI(A0, A0, 1));
	e32(&p, JAL(ZERO, -4));
	before = cpu_instret(c);
	CHECK_EQ("exit", CPU_EXIT_BUDGET, cpu_run(c, 1001));
	CHECK_EQ("instret", 1001, cpu_instret(c) - before);
	CHECK_EQ("iterations", 501, c->x[A0]);
	CHECK_EQ("single step", CPU_EXIT_BUDGET, cpu_run(c, 1));
	CHECK_EQ("stepped once", 1002, cpu_instret(c) - before);
	CHECK_EQ("zero budget", CPU_EXIT_BUDGET, cpu_run(c, 0));
	CHECK_EQ("no step", 1002, cpu_instret(c) - before);

	atomic_store(&attention, 1);
	CHECK_EQ("attention", CPU_EXIT_ATTENTION, cpu_run(c, 100000));
	atomic_store(&attention, 0);
	CHECK_EQ("no attention", CPU_EXIT_BUDGET, cpu_run(c, 10));

	p.pc = CODE;
	start("wfi", CODE);
	e32(&p, WFI);
	e32(&p, ECALL);
	CHECK_EQ("wfi exits", CPU_EXIT_WFI, run());
	CHECK_EQ("pc past the wfi", CODE + 4, c->pc);

	start("wfi with an interrupt pending", CODE);
	set_csr(CSR_SIE, MIP_SSIP); /* enabled in sie but SIE = 0: not taken */
	cpu_irq_raise(c, CPU_IRQ_SSI);
	CHECK_EQ("wfi is a nop", CPU_EXIT_ECALL, run());
	CHECK_EQ("at the ecall", CODE + 4, c->pc);
	cpu_irq_lower(c, CPU_IRQ_SSI);
}

static void test_interrupts(void)
{
	struct prog p = {CODE};

	start("timer interrupt", CODE);
	e32(&p, ADDI(A0, A0, 1));
	e32(&p, JAL(ZERO, -4));
	set_csr(CSR_SIE, MIP_STIP);
	set_csr(CSR_SSTATUS, SSTATUS_SPP | SSTATUS_SIE);
	cpu_set_timer(c, cpu_time_now(c->env) + 2000); /* 200 us */
	CHECK_EQ("exit at the handler", CPU_EXIT_ECALL, cpu_run(c, 4000000000ull));
	CHECK_EQ("pc", HANDLER, c->pc);
	CHECK_EQ("scause", CAUSE_INTERRUPT | IRQ_S_TIMER, csr(CSR_SCAUSE));
	CHECK_EQ("sepc in the loop", 1, csr(CSR_SEPC) == CODE || csr(CSR_SEPC) == CODE + 4);
	CHECK_EQ("SPIE", SSTATUS_SPIE, csr(CSR_SSTATUS) & (SSTATUS_SPIE | SSTATUS_SIE));

	/* An interrupt enabled by a CSR write is taken right after it. */
	p.pc = CODE;
	start("interrupt after csrs", CODE);
	set_csr(CSR_SIE, MIP_SEIP);
	cpu_irq_raise(c, CPU_IRQ_SEI);
	e32(&p, CSRRSI(ZERO, CSR_SSTATUS, 2)); /* SIE */
	e32(&p, ADDI(A0, ZERO, 1));
	e32(&p, ECALL);
	CHECK_EQ("exit at the handler", CPU_EXIT_ECALL, run());
	CHECK_EQ("pc", HANDLER, c->pc);
	CHECK_EQ("scause", CAUSE_INTERRUPT | IRQ_S_EXT, csr(CSR_SCAUSE));
	CHECK_EQ("sepc after the csrs", CODE + 4, csr(CSR_SEPC));
	CHECK_EQ("the next instruction did not run", 0, c->x[A0]);
	cpu_irq_lower(c, CPU_IRQ_SEI);
}

/* ---- MMIO ------------------------------------------------------------------------ */

#define MMIO_BASE 0x10000000ull

/* A device: a log of the accesses, reads return a pattern, offset 0xf00.. fault. */
static struct {
	unsigned int n;
	uint64_t pa[8], val[8];
	unsigned int size[8];
	bool write[8];
} mmio_log;

static int mmio_rec(uint64_t pa, unsigned int size, uint64_t val, bool write)
{
	unsigned int i = mmio_log.n;

	if (pa - MMIO_BASE >= 0xf00)
		return -1;
	if (i < 8) {
		mmio_log.pa[i] = pa;
		mmio_log.size[i] = size;
		mmio_log.val[i] = val;
		mmio_log.write[i] = write;
		mmio_log.n++;
	}
	return 0;
}

static int test_mmio_read(void *opaque, uint64_t pa, unsigned int size, uint64_t *val)
{
	(void)opaque;
	*val = 0xf1f2f3f4f5f6f7f8ull; /* more than size: the core must truncate */
	return mmio_rec(pa, size, 0, false);
}

static int test_mmio_write(void *opaque, uint64_t pa, unsigned int size, uint64_t val)
{
	(void)opaque;
	return mmio_rec(pa, size, val, true);
}

static void test_mmio(void)
{
	struct prog p = {CODE};

	memset(&mmio_log, 0, sizeof(mmio_log));
	env.mmio_read = test_mmio_read;
	env.mmio_write = test_mmio_write;
	start("mmio", CODE);
	c->x[S0] = MMIO_BASE;
	c->x[A1] = 0x1122334455667788ull;
	e32(&p, LBU(A2, S0, 1));
	e32(&p, LH(A3, S0, 2));
	e32(&p, LWU(A4, S0, 4));
	e32(&p, LD(A5, S0, 8));
	e32(&p, SB(A1, S0, 0x10));
	e32(&p, SD(A1, S0, 0x18));
	e32(&p, SW(A1, S0, 0x22)); /* misaligned: an access fault, never split */
	expect_trap("misaligned mmio", CAUSE_STORE_ACCESS, CODE + 24, MMIO_BASE + 0x22);
	CHECK_EQ("accesses", 6, mmio_log.n);
	CHECK_EQ("lbu pa", MMIO_BASE + 1, mmio_log.pa[0]);
	CHECK_EQ("lbu size", 1, mmio_log.size[0]);
	CHECK_EQ("lbu value", 0xf8, c->x[A2]);
	CHECK_EQ("lh value", 0xfffffffffffff7f8ull, c->x[A3]);
	CHECK_EQ("lwu size", 4, mmio_log.size[2]);
	CHECK_EQ("lwu value", 0xf5f6f7f8, c->x[A4]);
	CHECK_EQ("ld value", 0xf1f2f3f4f5f6f7f8ull, c->x[A5]);
	CHECK_EQ("sb is a write", 1, mmio_log.write[4]);
	CHECK_EQ("sb value", 0x88, mmio_log.val[4]);
	CHECK_EQ("sd pa", MMIO_BASE + 0x18, mmio_log.pa[5]);
	CHECK_EQ("sd value", 0x1122334455667788ull, mmio_log.val[5]);

	p.pc = CODE;
	start("mmio refused", CODE);
	c->x[S0] = MMIO_BASE + 0xf00;
	e32(&p, LW(A2, S0, 4));
	expect_trap("device returns -1", CAUSE_LOAD_ACCESS, CODE, MMIO_BASE + 0xf04);

	p.pc = CODE;
	start("fetch from mmio", CODE);
	c->x[S0] = MMIO_BASE;
	e32(&p, JALR(ZERO, S0, 0));
	expect_trap("jump to a device", CAUSE_FETCH_ACCESS, MMIO_BASE, MMIO_BASE);
	env.mmio_read = NULL;
	env.mmio_write = NULL;
}

/* ---- Sv39 -------------------------------------------------------------------- */

#define PT_ROOT (RAM_BASE + 0x80000)
#define PT_L1 (RAM_BASE + 0x81000)
#define PT_L0 (RAM_BASE + 0x82000)
#define PTE_LEAF(pa, flags) (((pa) >> 12) << 10 | PTE_V | PTE_A | (flags))
#define PTE_TABLE(pa) (((pa) >> 12) << 10 | PTE_V)

static void test_sv39(void)
{
	struct prog p;
	uint64_t data_pa = RAM_BASE + 0x90000, x1 = RAM_BASE + 0x91000, x2 = RAM_BASE + 0x95000;
	uint64_t x3 = RAM_BASE + 0x96000;
	uint32_t w = ADDI(A0, A0, 5), w2 = ADDI(A0, A0, 7);

	memset(host(PT_ROOT), 0, 0x3000);
	/* RAM identity-mapped by a gigapage; small pages at VA 0x1000.. */
	wr64(PT_ROOT + 2 * 8, PTE_LEAF(RAM_BASE, PTE_R | PTE_W | PTE_X | PTE_D));
	wr64(PT_ROOT + 0 * 8, PTE_TABLE(PT_L1));
	wr64(PT_L1 + 0 * 8, PTE_TABLE(PT_L0));
	wr64(PT_L0 + 1 * 8, PTE_LEAF(data_pa, PTE_R | PTE_W)); /* VA 0x1000, D clear */
	wr64(PT_L0 + 3 * 8, PTE_LEAF(x1, PTE_R | PTE_X));      /* VA 0x3000 */
	wr64(PT_L0 + 4 * 8, PTE_LEAF(x2, PTE_R | PTE_X));      /* VA 0x4000 */
	wr64(PT_L0 + 5 * 8, PTE_LEAF(data_pa, PTE_R));	       /* VA 0x5000: read-only */

	p.pc = CODE;
	start("sv39 data", CODE);
	set_csr(CSR_SATP, SATP_MODE_SV39 << SATP_MODE_SHIFT | (PT_ROOT >> 12));
	c->x[T0] = 0x1000;
	c->x[T1] = 0x5000;
	c->x[A1] = 0x1122334455667788ull;
	e32(&p, SD(A1, T0, 8));
	e32(&p, LD(A2, T1, 8));	 /* the same page through another mapping */
	e32(&p, SD(A1, T1, 16)); /* read-only: store page fault */
	CHECK_EQ("exit", CPU_EXIT_ECALL, run());
	CHECK_EQ("store through the mapping", 0x1122334455667788ull, rd64(data_pa + 8));
	CHECK_EQ("D set by the walk", PTE_D, rd64(PT_L0 + 8) & PTE_D);
	CHECK_EQ("load through the alias", 0x1122334455667788ull, c->x[A2]);
	CHECK_EQ("store page fault", CAUSE_STORE_PAGE_FAULT, csr(CSR_SCAUSE));
	CHECK_EQ("stval", 0x5010, csr(CSR_STVAL));

	/* Remap VA 0x1000 and sfence.vma it: the TLB must not keep the old page. */
	p.pc = CODE;
	start("sv39 sfence.vma", CODE);
	set_csr(CSR_SATP, SATP_MODE_SV39 << SATP_MODE_SHIFT | (PT_ROOT >> 12));
	wr64(x3, 0xabcdef);
	c->x[T0] = 0x1000;
	c->x[T1] = PT_L0 + 8;
	c->x[T2] = PTE_LEAF(x3, PTE_R | PTE_W | PTE_D);
	c->x[T3] = 0x2000;
	e32(&p, LD(A2, T0, 8));
	e32(&p, SD(T2, T1, 0));
	e32(&p, SFENCE_VMA(T0, ZERO));
	e32(&p, LD(A3, T0, 0));
	e32(&p, LD(A4, T3, 0)); /* VA 0x2000: not mapped */
	CHECK_EQ("exit", CPU_EXIT_ECALL, run());
	CHECK_EQ("old mapping", 0x1122334455667788ull, c->x[A2]);
	CHECK_EQ("new mapping after sfence.vma", 0xabcdef, c->x[A3]);
	CHECK_EQ("load page fault", CAUSE_LOAD_PAGE_FAULT, csr(CSR_SCAUSE));
	CHECK_EQ("stval", 0x2000, csr(CSR_STVAL));

	/* An instruction straddling two virtual pages on non-contiguous physical pages. */
	start("sv39 cross-page fetch", 0x3ff8);
	set_csr(CSR_SATP, SATP_MODE_SV39 << SATP_MODE_SHIFT | (PT_ROOT >> 12));
	p.pc = x1 + 0xff8;
	e32(&p, ADDI(A0, ZERO, 1));
	e16(&p, C_NOP);
	e16(&p, w); /* low half at 0xffe */
	memcpy(host(x2), (uint8_t *)&w + 2, 2);
	p.pc = x2 + 2;
	e32(&p, ECALL);
	memcpy(host(x3), (uint8_t *)&w2 + 2, 2);
	p.pc = x3 + 2;
	e32(&p, ECALL);
	CHECK_EQ("exit", CPU_EXIT_ECALL, run());
	CHECK_EQ("pc", 0x4002, c->pc);
	CHECK_EQ("value", 6, c->x[A0]);
	/* The same first page through an alias whose next page differs. */
	wr64(PT_L0 + 7 * 8, PTE_LEAF(x1, PTE_R | PTE_X)); /* VA 0x7000 */
	wr64(PT_L0 + 8 * 8, PTE_LEAF(x3, PTE_R | PTE_X)); /* VA 0x8000 */
	c->pc = 0x7ff8;
	CHECK_EQ("alias: exit", CPU_EXIT_ECALL, run());
	CHECK_EQ("alias: pc", 0x8002, c->pc);
	CHECK_EQ("alias: the second half of this alias", 8, c->x[A0]);
	c->pc = 0x3ff8;
	CHECK_EQ("back: exit", CPU_EXIT_ECALL, run());
	CHECK_EQ("back: the original second half", 6, c->x[A0]);
	/* Point VA 0x4000 elsewhere: the cross slot must be decoded again. */
	wr64(PT_L0 + 4 * 8, PTE_LEAF(x3, PTE_R | PTE_X));
	cpu_tlb_flush(c, 0x4000, 0x1000, -1);
	c->pc = 0x3ff8;
	CHECK_EQ("exit", CPU_EXIT_ECALL, run());
	CHECK_EQ("value with the new second half", 8, c->x[A0]);
	/* A fetch fault on the second half: stval is the second page, sepc the insn. */
	wr64(PT_L0 + 4 * 8, 0);
	cpu_tlb_flush(c, 0, 0, -1);
	c->pc = 0x3ff8;
	expect_trap("second half unmapped", CAUSE_FETCH_PAGE_FAULT, 0x3ffe, 0x4000);

	/* U-mode cannot touch S pages; S can touch U pages only with SUM. */
	wr64(PT_L0 + 6 * 8, PTE_LEAF(data_pa, PTE_R | PTE_W | PTE_D | PTE_U)); /* VA 0x6000 */
	p.pc = CODE;
	start("sv39 SUM", CODE);
	set_csr(CSR_SATP, SATP_MODE_SV39 << SATP_MODE_SHIFT | (PT_ROOT >> 12));
	c->x[T0] = 0x6000;
	c->x[T1] = SSTATUS_SUM;
	e32(&p, CSRRS(ZERO, CSR_SSTATUS, T1));
	e32(&p, LD(A0, T0, 8));
	e32(&p, CSRRC(ZERO, CSR_SSTATUS, T1));
	e32(&p, LD(A1, T0, 8));
	CHECK_EQ("exit", CPU_EXIT_ECALL, run());
	CHECK_EQ("with SUM", 0x1122334455667788ull, c->x[A0]);
	CHECK_EQ("without SUM: page fault", CAUSE_LOAD_PAGE_FAULT, csr(CSR_SCAUSE));
	CHECK_EQ("sepc", CODE + 12, csr(CSR_SEPC));
}

/* ---- two harts --------------------------------------------------------------------- */

#define SMP_ITERS 100000

struct smp_hart {
	struct cpu cpu;
	struct cpu_env env;
	_Atomic uint32_t attention;
	enum cpu_exit exit;
};

static void *smp_thread(void *arg)
{
	struct smp_hart *h = arg;

	h->exit = cpu_run(&h->cpu, 100000000);
	return NULL;
}

/*
 * Two harts, one thread each, incrementing two shared counters: one with
 * amoadd.w, one with an LR/SC retry loop.  No increment may be lost.
 */
static void test_smp(const struct cpu_env *env0)
{
	struct smp_hart *h = calloc(2, sizeof(*h));
	struct prog p = {CODE + 0x3000};
	pthread_t t[2];
	unsigned int i;

	check_scope("two harts");
	if (!h) {
		printf("BUG: out of memory\n");
		exit(99);
	}
	wr64(DATA, 0);
	wr64(DATA + 64, 0);
	e32(&p, AMOADD_W(ZERO, T1, S0)); /* 0x00 */
	e32(&p, LR_W(T0, S1));		 /* 0x04 */
	e32(&p, ADDI(T0, T0, 1));	 /* 0x08 */
	e32(&p, SC_W(T2, T0, S1));	 /* 0x0c */
	e32(&p, BNE(T2, ZERO, -12));	 /* 0x10 */
	e32(&p, ADDI(A0, A0, -1));	 /* 0x14 */
	e32(&p, BNE(A0, ZERO, -24));	 /* 0x18 */
	e32(&p, ECALL);			 /* 0x1c */
	for (i = 0; i < 2; i++) {
		h[i].env = *env0;
		h[i].env.hart_id = i;
		h[i].env.attention = &h[i].attention;
		if (cpu_init(&h[i].cpu, &h[i].env)) {
			printf("BUG: cpu_init failed\n");
			exit(99);
		}
		cpu_reset(&h[i].cpu, CODE + 0x3000, 0);
		h[i].cpu.x[A0] = SMP_ITERS;
		h[i].cpu.x[T1] = 1;
		h[i].cpu.x[S0] = DATA;
		h[i].cpu.x[S1] = DATA + 64;
	}
	for (i = 0; i < 2; i++)
		pthread_create(&t[i], NULL, smp_thread, &h[i]);
	for (i = 0; i < 2; i++)
		pthread_join(t[i], NULL);
	for (i = 0; i < 2; i++) {
		CHECK_EQ("exit", CPU_EXIT_ECALL, h[i].exit);
		CHECK_EQ("loop finished", 0, h[i].cpu.x[A0]);
		cpu_fini(&h[i].cpu);
	}
	CHECK_EQ("amoadd.w total", 2 * SMP_ITERS, __atomic_load_n((uint64_t *)host(DATA), 0));
	CHECK_EQ("lr/sc total", 2 * SMP_ITERS, __atomic_load_n((uint64_t *)host(DATA + 64), 0));
	free(h);
}

/* ---- benchmark ------------------------------------------------------------------ */

static double now_sec(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/*
 * An integer compute loop: ALU work, a multiply, a load and a store, and a
 * backward branch, 12 instructions per iteration.
 */
static void bench(void)
{
	struct prog p = {CODE};
	const char *iters = getenv("HV_BENCH_ITERS");
	uint64_t n = iters ? strtoull(iters, NULL, 0) : 100000000, before;
	enum cpu_exit ex;
	double t0, t1;

	start("bench", CODE);
	c->x[A0] = n;
	c->x[S0] = DATA;
	e32(&p, ADD(T0, T0, A0));
	e32(&p, XOR(T1, T1, T0));
	e32(&p, SLLI(T2, T1, 3));
	e32(&p, SRLI(T3, T2, 5));
	e32(&p, SUB(T4, T3, T0));
	e32(&p, AND(T5, T4, T1));
	e32(&p, MUL(T6, T5, T2));
	e32(&p, SD(T6, S0, 0));
	e32(&p, LD(S1, S0, 8));
	e32(&p, OR(T0, T0, S1));
	e32(&p, ADDI(A0, A0, -1));
	e32(&p, BNE(A0, ZERO, -44));
	e32(&p, ECALL);
	before = cpu_instret(c);
	t0 = now_sec();
	ex = run();
	while (ex == CPU_EXIT_BUDGET)
		ex = run();
	t1 = now_sec();
	printf("bench: %" PRIu64 " guest instructions in %.3f s: %.0f MIPS (exit %d)\n",
	       cpu_instret(c) - before, t1 - t0,
	       (double)(cpu_instret(c) - before) / (t1 - t0) / 1e6, ex);
}

int main(void)
{
	struct timespec ts;
	const char *b = getenv("HV_BENCH");
	bool bench_mode = b && !strcmp(b, "1");

	clock_gettime(CLOCK_MONOTONIC, &ts);
	ram = aligned_alloc(4096, RAM_SIZE);
	c = calloc(1, sizeof(*c));
	if (!ram || !c) {
		printf("BUG: out of memory\n");
		return 99;
	}
	memset(ram, 0, RAM_SIZE);
	env.ram = ram;
	env.ram_base = RAM_BASE;
	env.ram_size = RAM_SIZE;
	env.shared = cpu_shared_create(RAM_BASE, RAM_SIZE);
	env.attention = &attention;
	env.time_epoch_ns = (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
	env.timebase_hz = 10000000;
	if (!env.shared || cpu_init(c, &env)) {
		printf("BUG: cpu_init failed\n");
		return 99;
	}

	if (bench_mode) {
		bench();
	} else {
		test_alu();
		test_muldiv();
		test_branches();
		test_loadstore();
		test_atomics();
		test_traps();
		test_ecall_resume();
		test_csr();
		test_fp();
		test_smc();
		test_budget_wfi_attention();
		test_interrupts();
		test_mmio();
		test_sv39();
		test_smp(&env);
	}

	cpu_fini(c);
	cpu_shared_destroy(env.shared);
	free(c);
	free(ram);
	/* The benchmark checks nothing, and is not a broken test for it. */
	return bench_mode ? 0 : check_finish("test_interp");
}
