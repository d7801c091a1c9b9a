/* hv-test: qemu-ok */
// SPDX-License-Identifier: MIT
/*
 * F/D rounding: all five rounding modes (RNE, RTZ, RDN, RUP, RMM) through
 * the dynamic mode in frm, on ties, near-ties, negative values, overflow
 * and the fused multiply-adds (one rounding), with the exception flags each
 * raises.  Then the static rounding mode in the instruction overriding frm,
 * and the reserved modes (5, 6 in the instruction; 5-7 in frm with DYN)
 * raising illegal instruction.  Expected values were computed with exact
 * rational arithmetic (Python fractions), not by this hart.
 */
#include "guest.h"

enum { OP_ADD, OP_SUB, OP_MUL, OP_DIV, OP_SQRT, OP_MADD, OP_MSUB, OP_NMADD, OP_NMSUB };
enum { FRM_RNE, FRM_RTZ, FRM_RDN, FRM_RUP, FRM_RMM };
static const char *const rm_names[] = {"rne", "rtz", "rdn", "rup", "rmm"};

static const struct {
	const char *name;
	int op;
	char fmt;
	int rm;
	uint64_t a, b, c, expected;
	unsigned int flags;
} cases[] = {
	{"fadd.s 1 + half ulp (tie to even)", OP_ADD, 's', FRM_RNE, 0x3f800000ull, 0x33800000ull,
	 0x0ull, 0x3f800000ull, 0x1},
	{"fadd.s 1 + half ulp (tie to even)", OP_ADD, 's', FRM_RTZ, 0x3f800000ull, 0x33800000ull,
	 0x0ull, 0x3f800000ull, 0x1},
	{"fadd.s 1 + half ulp (tie to even)", OP_ADD, 's', FRM_RDN, 0x3f800000ull, 0x33800000ull,
	 0x0ull, 0x3f800000ull, 0x1},
	{"fadd.s 1 + half ulp (tie to even)", OP_ADD, 's', FRM_RUP, 0x3f800000ull, 0x33800000ull,
	 0x0ull, 0x3f800001ull, 0x1},
	{"fadd.s 1 + half ulp (tie to even)", OP_ADD, 's', FRM_RMM, 0x3f800000ull, 0x33800000ull,
	 0x0ull, 0x3f800001ull, 0x1},
	{"fadd.s 1 + 3/4 ulp", OP_ADD, 's', FRM_RNE, 0x3f800000ull, 0x33c00000ull, 0x0ull,
	 0x3f800001ull, 0x1},
	{"fadd.s 1 + 3/4 ulp", OP_ADD, 's', FRM_RTZ, 0x3f800000ull, 0x33c00000ull, 0x0ull,
	 0x3f800000ull, 0x1},
	{"fadd.s 1 + 3/4 ulp", OP_ADD, 's', FRM_RDN, 0x3f800000ull, 0x33c00000ull, 0x0ull,
	 0x3f800000ull, 0x1},
	{"fadd.s 1 + 3/4 ulp", OP_ADD, 's', FRM_RUP, 0x3f800000ull, 0x33c00000ull, 0x0ull,
	 0x3f800001ull, 0x1},
	{"fadd.s 1 + 3/4 ulp", OP_ADD, 's', FRM_RMM, 0x3f800000ull, 0x33c00000ull, 0x0ull,
	 0x3f800001ull, 0x1},
	{"fadd.s -1 - half ulp (negative tie)", OP_ADD, 's', FRM_RNE, 0xbf800000ull, 0xb3800000ull,
	 0x0ull, 0xbf800000ull, 0x1},
	{"fadd.s -1 - half ulp (negative tie)", OP_ADD, 's', FRM_RTZ, 0xbf800000ull, 0xb3800000ull,
	 0x0ull, 0xbf800000ull, 0x1},
	{"fadd.s -1 - half ulp (negative tie)", OP_ADD, 's', FRM_RDN, 0xbf800000ull, 0xb3800000ull,
	 0x0ull, 0xbf800001ull, 0x1},
	{"fadd.s -1 - half ulp (negative tie)", OP_ADD, 's', FRM_RUP, 0xbf800000ull, 0xb3800000ull,
	 0x0ull, 0xbf800000ull, 0x1},
	{"fadd.s -1 - half ulp (negative tie)", OP_ADD, 's', FRM_RMM, 0xbf800000ull, 0xb3800000ull,
	 0x0ull, 0xbf800001ull, 0x1},
	{"fadd.s (1+ulp) + half ulp (tie to odd)", OP_ADD, 's', FRM_RNE, 0x3f800001ull,
	 0x33800000ull, 0x0ull, 0x3f800002ull, 0x1},
	{"fadd.s (1+ulp) + half ulp (tie to odd)", OP_ADD, 's', FRM_RTZ, 0x3f800001ull,
	 0x33800000ull, 0x0ull, 0x3f800001ull, 0x1},
	{"fadd.s (1+ulp) + half ulp (tie to odd)", OP_ADD, 's', FRM_RDN, 0x3f800001ull,
	 0x33800000ull, 0x0ull, 0x3f800001ull, 0x1},
	{"fadd.s (1+ulp) + half ulp (tie to odd)", OP_ADD, 's', FRM_RUP, 0x3f800001ull,
	 0x33800000ull, 0x0ull, 0x3f800002ull, 0x1},
	{"fadd.s (1+ulp) + half ulp (tie to odd)", OP_ADD, 's', FRM_RMM, 0x3f800001ull,
	 0x33800000ull, 0x0ull, 0x3f800002ull, 0x1},
	{"fsub.s 1 - quarter ulp", OP_SUB, 's', FRM_RNE, 0x3f800000ull, 0x33000000ull, 0x0ull,
	 0x3f800000ull, 0x1},
	{"fsub.s 1 - quarter ulp", OP_SUB, 's', FRM_RTZ, 0x3f800000ull, 0x33000000ull, 0x0ull,
	 0x3f7fffffull, 0x1},
	{"fsub.s 1 - quarter ulp", OP_SUB, 's', FRM_RDN, 0x3f800000ull, 0x33000000ull, 0x0ull,
	 0x3f7fffffull, 0x1},
	{"fsub.s 1 - quarter ulp", OP_SUB, 's', FRM_RUP, 0x3f800000ull, 0x33000000ull, 0x0ull,
	 0x3f800000ull, 0x1},
	{"fsub.s 1 - quarter ulp", OP_SUB, 's', FRM_RMM, 0x3f800000ull, 0x33000000ull, 0x0ull,
	 0x3f800000ull, 0x1},
	{"fdiv.s 1/3", OP_DIV, 's', FRM_RNE, 0x3f800000ull, 0x40400000ull, 0x0ull, 0x3eaaaaabull,
	 0x1},
	{"fdiv.s 1/3", OP_DIV, 's', FRM_RTZ, 0x3f800000ull, 0x40400000ull, 0x0ull, 0x3eaaaaaaull,
	 0x1},
	{"fdiv.s 1/3", OP_DIV, 's', FRM_RDN, 0x3f800000ull, 0x40400000ull, 0x0ull, 0x3eaaaaaaull,
	 0x1},
	{"fdiv.s 1/3", OP_DIV, 's', FRM_RUP, 0x3f800000ull, 0x40400000ull, 0x0ull, 0x3eaaaaabull,
	 0x1},
	{"fdiv.s 1/3", OP_DIV, 's', FRM_RMM, 0x3f800000ull, 0x40400000ull, 0x0ull, 0x3eaaaaabull,
	 0x1},
	{"fdiv.s -1/3", OP_DIV, 's', FRM_RNE, 0xbf800000ull, 0x40400000ull, 0x0ull, 0xbeaaaaabull,
	 0x1},
	{"fdiv.s -1/3", OP_DIV, 's', FRM_RTZ, 0xbf800000ull, 0x40400000ull, 0x0ull, 0xbeaaaaaaull,
	 0x1},
	{"fdiv.s -1/3", OP_DIV, 's', FRM_RDN, 0xbf800000ull, 0x40400000ull, 0x0ull, 0xbeaaaaabull,
	 0x1},
	{"fdiv.s -1/3", OP_DIV, 's', FRM_RUP, 0xbf800000ull, 0x40400000ull, 0x0ull, 0xbeaaaaaaull,
	 0x1},
	{"fdiv.s -1/3", OP_DIV, 's', FRM_RMM, 0xbf800000ull, 0x40400000ull, 0x0ull, 0xbeaaaaabull,
	 0x1},
	{"fdiv.s 2/3", OP_DIV, 's', FRM_RNE, 0x40000000ull, 0x40400000ull, 0x0ull, 0x3f2aaaabull,
	 0x1},
	{"fdiv.s 2/3", OP_DIV, 's', FRM_RTZ, 0x40000000ull, 0x40400000ull, 0x0ull, 0x3f2aaaaaull,
	 0x1},
	{"fdiv.s 2/3", OP_DIV, 's', FRM_RDN, 0x40000000ull, 0x40400000ull, 0x0ull, 0x3f2aaaaaull,
	 0x1},
	{"fdiv.s 2/3", OP_DIV, 's', FRM_RUP, 0x40000000ull, 0x40400000ull, 0x0ull, 0x3f2aaaabull,
	 0x1},
	{"fdiv.s 2/3", OP_DIV, 's', FRM_RMM, 0x40000000ull, 0x40400000ull, 0x0ull, 0x3f2aaaabull,
	 0x1},
	{"fmul.s max * 2 (overflow)", OP_MUL, 's', FRM_RNE, 0x7f7fffffull, 0x40000000ull, 0x0ull,
	 0x7f800000ull, 0x5},
	{"fmul.s max * 2 (overflow)", OP_MUL, 's', FRM_RTZ, 0x7f7fffffull, 0x40000000ull, 0x0ull,
	 0x7f7fffffull, 0x5},
	{"fmul.s max * 2 (overflow)", OP_MUL, 's', FRM_RDN, 0x7f7fffffull, 0x40000000ull, 0x0ull,
	 0x7f7fffffull, 0x5},
	{"fmul.s max * 2 (overflow)", OP_MUL, 's', FRM_RUP, 0x7f7fffffull, 0x40000000ull, 0x0ull,
	 0x7f800000ull, 0x5},
	{"fmul.s max * 2 (overflow)", OP_MUL, 's', FRM_RMM, 0x7f7fffffull, 0x40000000ull, 0x0ull,
	 0x7f800000ull, 0x5},
	{"fmul.s -max * 2 (overflow)", OP_MUL, 's', FRM_RNE, 0xff7fffffull, 0x40000000ull, 0x0ull,
	 0xff800000ull, 0x5},
	{"fmul.s -max * 2 (overflow)", OP_MUL, 's', FRM_RTZ, 0xff7fffffull, 0x40000000ull, 0x0ull,
	 0xff7fffffull, 0x5},
	{"fmul.s -max * 2 (overflow)", OP_MUL, 's', FRM_RDN, 0xff7fffffull, 0x40000000ull, 0x0ull,
	 0xff800000ull, 0x5},
	{"fmul.s -max * 2 (overflow)", OP_MUL, 's', FRM_RUP, 0xff7fffffull, 0x40000000ull, 0x0ull,
	 0xff7fffffull, 0x5},
	{"fmul.s -max * 2 (overflow)", OP_MUL, 's', FRM_RMM, 0xff7fffffull, 0x40000000ull, 0x0ull,
	 0xff800000ull, 0x5},
	{"fmul.s (1+ulp)^2", OP_MUL, 's', FRM_RNE, 0x3f800001ull, 0x3f800001ull, 0x0ull,
	 0x3f800002ull, 0x1},
	{"fmul.s (1+ulp)^2", OP_MUL, 's', FRM_RTZ, 0x3f800001ull, 0x3f800001ull, 0x0ull,
	 0x3f800002ull, 0x1},
	{"fmul.s (1+ulp)^2", OP_MUL, 's', FRM_RDN, 0x3f800001ull, 0x3f800001ull, 0x0ull,
	 0x3f800002ull, 0x1},
	{"fmul.s (1+ulp)^2", OP_MUL, 's', FRM_RUP, 0x3f800001ull, 0x3f800001ull, 0x0ull,
	 0x3f800003ull, 0x1},
	{"fmul.s (1+ulp)^2", OP_MUL, 's', FRM_RMM, 0x3f800001ull, 0x3f800001ull, 0x0ull,
	 0x3f800002ull, 0x1},
	{"fsqrt.s sqrt 2", OP_SQRT, 's', FRM_RNE, 0x40000000ull, 0x0ull, 0x0ull, 0x3fb504f3ull,
	 0x1},
	{"fsqrt.s sqrt 2", OP_SQRT, 's', FRM_RTZ, 0x40000000ull, 0x0ull, 0x0ull, 0x3fb504f3ull,
	 0x1},
	{"fsqrt.s sqrt 2", OP_SQRT, 's', FRM_RDN, 0x40000000ull, 0x0ull, 0x0ull, 0x3fb504f3ull,
	 0x1},
	{"fsqrt.s sqrt 2", OP_SQRT, 's', FRM_RUP, 0x40000000ull, 0x0ull, 0x0ull, 0x3fb504f4ull,
	 0x1},
	{"fsqrt.s sqrt 2", OP_SQRT, 's', FRM_RMM, 0x40000000ull, 0x0ull, 0x0ull, 0x3fb504f3ull,
	 0x1},
	{"fmadd.s fused (1+u)(1-u)-1 is exact", OP_MADD, 's', FRM_RNE, 0x3f800001ull, 0x3f7ffffeull,
	 0xbf800000ull, 0xa8800000ull, 0x0},
	{"fmadd.s fused (1+u)(1-u)-1 is exact", OP_MADD, 's', FRM_RTZ, 0x3f800001ull, 0x3f7ffffeull,
	 0xbf800000ull, 0xa8800000ull, 0x0},
	{"fmadd.s fused (1+u)(1-u)-1 is exact", OP_MADD, 's', FRM_RDN, 0x3f800001ull, 0x3f7ffffeull,
	 0xbf800000ull, 0xa8800000ull, 0x0},
	{"fmadd.s fused (1+u)(1-u)-1 is exact", OP_MADD, 's', FRM_RUP, 0x3f800001ull, 0x3f7ffffeull,
	 0xbf800000ull, 0xa8800000ull, 0x0},
	{"fmadd.s fused (1+u)(1-u)-1 is exact", OP_MADD, 's', FRM_RMM, 0x3f800001ull, 0x3f7ffffeull,
	 0xbf800000ull, 0xa8800000ull, 0x0},
	{"fmadd.s fused madd", OP_MADD, 's', FRM_RNE, 0x3f800001ull, 0x3f800001ull, 0xbf800000ull,
	 0x34800000ull, 0x1},
	{"fmadd.s fused madd", OP_MADD, 's', FRM_RTZ, 0x3f800001ull, 0x3f800001ull, 0xbf800000ull,
	 0x34800000ull, 0x1},
	{"fmadd.s fused madd", OP_MADD, 's', FRM_RDN, 0x3f800001ull, 0x3f800001ull, 0xbf800000ull,
	 0x34800000ull, 0x1},
	{"fmadd.s fused madd", OP_MADD, 's', FRM_RUP, 0x3f800001ull, 0x3f800001ull, 0xbf800000ull,
	 0x34800001ull, 0x1},
	{"fmadd.s fused madd", OP_MADD, 's', FRM_RMM, 0x3f800001ull, 0x3f800001ull, 0xbf800000ull,
	 0x34800001ull, 0x1},
	{"fmsub.s msub 3*5-7", OP_MSUB, 's', FRM_RNE, 0x40400000ull, 0x40a00000ull, 0x40e00000ull,
	 0x41000000ull, 0x0},
	{"fmsub.s msub 3*5-7", OP_MSUB, 's', FRM_RTZ, 0x40400000ull, 0x40a00000ull, 0x40e00000ull,
	 0x41000000ull, 0x0},
	{"fmsub.s msub 3*5-7", OP_MSUB, 's', FRM_RDN, 0x40400000ull, 0x40a00000ull, 0x40e00000ull,
	 0x41000000ull, 0x0},
	{"fmsub.s msub 3*5-7", OP_MSUB, 's', FRM_RUP, 0x40400000ull, 0x40a00000ull, 0x40e00000ull,
	 0x41000000ull, 0x0},
	{"fmsub.s msub 3*5-7", OP_MSUB, 's', FRM_RMM, 0x40400000ull, 0x40a00000ull, 0x40e00000ull,
	 0x41000000ull, 0x0},
	{"fnmadd.s nmadd", OP_NMADD, 's', FRM_RNE, 0x3f800001ull, 0x3f800001ull, 0x33800000ull,
	 0xbf800003ull, 0x1},
	{"fnmadd.s nmadd", OP_NMADD, 's', FRM_RTZ, 0x3f800001ull, 0x3f800001ull, 0x33800000ull,
	 0xbf800002ull, 0x1},
	{"fnmadd.s nmadd", OP_NMADD, 's', FRM_RDN, 0x3f800001ull, 0x3f800001ull, 0x33800000ull,
	 0xbf800003ull, 0x1},
	{"fnmadd.s nmadd", OP_NMADD, 's', FRM_RUP, 0x3f800001ull, 0x3f800001ull, 0x33800000ull,
	 0xbf800002ull, 0x1},
	{"fnmadd.s nmadd", OP_NMADD, 's', FRM_RMM, 0x3f800001ull, 0x3f800001ull, 0x33800000ull,
	 0xbf800003ull, 0x1},
	{"fnmsub.s nmsub", OP_NMSUB, 's', FRM_RNE, 0x3f800001ull, 0x3f800001ull, 0x3f800000ull,
	 0xb4800000ull, 0x1},
	{"fnmsub.s nmsub", OP_NMSUB, 's', FRM_RTZ, 0x3f800001ull, 0x3f800001ull, 0x3f800000ull,
	 0xb4800000ull, 0x1},
	{"fnmsub.s nmsub", OP_NMSUB, 's', FRM_RDN, 0x3f800001ull, 0x3f800001ull, 0x3f800000ull,
	 0xb4800001ull, 0x1},
	{"fnmsub.s nmsub", OP_NMSUB, 's', FRM_RUP, 0x3f800001ull, 0x3f800001ull, 0x3f800000ull,
	 0xb4800000ull, 0x1},
	{"fnmsub.s nmsub", OP_NMSUB, 's', FRM_RMM, 0x3f800001ull, 0x3f800001ull, 0x3f800000ull,
	 0xb4800001ull, 0x1},
	{"fadd.d 1 + half ulp (tie to even)", OP_ADD, 'd', FRM_RNE, 0x3ff0000000000000ull,
	 0x3ca0000000000000ull, 0x0ull, 0x3ff0000000000000ull, 0x1},
	{"fadd.d 1 + half ulp (tie to even)", OP_ADD, 'd', FRM_RTZ, 0x3ff0000000000000ull,
	 0x3ca0000000000000ull, 0x0ull, 0x3ff0000000000000ull, 0x1},
	{"fadd.d 1 + half ulp (tie to even)", OP_ADD, 'd', FRM_RDN, 0x3ff0000000000000ull,
	 0x3ca0000000000000ull, 0x0ull, 0x3ff0000000000000ull, 0x1},
	{"fadd.d 1 + half ulp (tie to even)", OP_ADD, 'd', FRM_RUP, 0x3ff0000000000000ull,
	 0x3ca0000000000000ull, 0x0ull, 0x3ff0000000000001ull, 0x1},
	{"fadd.d 1 + half ulp (tie to even)", OP_ADD, 'd', FRM_RMM, 0x3ff0000000000000ull,
	 0x3ca0000000000000ull, 0x0ull, 0x3ff0000000000001ull, 0x1},
	{"fadd.d 1 + 3/4 ulp", OP_ADD, 'd', FRM_RNE, 0x3ff0000000000000ull, 0x3ca8000000000000ull,
	 0x0ull, 0x3ff0000000000001ull, 0x1},
	{"fadd.d 1 + 3/4 ulp", OP_ADD, 'd', FRM_RTZ, 0x3ff0000000000000ull, 0x3ca8000000000000ull,
	 0x0ull, 0x3ff0000000000000ull, 0x1},
	{"fadd.d 1 + 3/4 ulp", OP_ADD, 'd', FRM_RDN, 0x3ff0000000000000ull, 0x3ca8000000000000ull,
	 0x0ull, 0x3ff0000000000000ull, 0x1},
	{"fadd.d 1 + 3/4 ulp", OP_ADD, 'd', FRM_RUP, 0x3ff0000000000000ull, 0x3ca8000000000000ull,
	 0x0ull, 0x3ff0000000000001ull, 0x1},
	{"fadd.d 1 + 3/4 ulp", OP_ADD, 'd', FRM_RMM, 0x3ff0000000000000ull, 0x3ca8000000000000ull,
	 0x0ull, 0x3ff0000000000001ull, 0x1},
	{"fadd.d -1 - half ulp (negative tie)", OP_ADD, 'd', FRM_RNE, 0xbff0000000000000ull,
	 0xbca0000000000000ull, 0x0ull, 0xbff0000000000000ull, 0x1},
	{"fadd.d -1 - half ulp (negative tie)", OP_ADD, 'd', FRM_RTZ, 0xbff0000000000000ull,
	 0xbca0000000000000ull, 0x0ull, 0xbff0000000000000ull, 0x1},
	{"fadd.d -1 - half ulp (negative tie)", OP_ADD, 'd', FRM_RDN, 0xbff0000000000000ull,
	 0xbca0000000000000ull, 0x0ull, 0xbff0000000000001ull, 0x1},
	{"fadd.d -1 - half ulp (negative tie)", OP_ADD, 'd', FRM_RUP, 0xbff0000000000000ull,
	 0xbca0000000000000ull, 0x0ull, 0xbff0000000000000ull, 0x1},
	{"fadd.d -1 - half ulp (negative tie)", OP_ADD, 'd', FRM_RMM, 0xbff0000000000000ull,
	 0xbca0000000000000ull, 0x0ull, 0xbff0000000000001ull, 0x1},
	{"fadd.d (1+ulp) + half ulp (tie to odd)", OP_ADD, 'd', FRM_RNE, 0x3ff0000000000001ull,
	 0x3ca0000000000000ull, 0x0ull, 0x3ff0000000000002ull, 0x1},
	{"fadd.d (1+ulp) + half ulp (tie to odd)", OP_ADD, 'd', FRM_RTZ, 0x3ff0000000000001ull,
	 0x3ca0000000000000ull, 0x0ull, 0x3ff0000000000001ull, 0x1},
	{"fadd.d (1+ulp) + half ulp (tie to odd)", OP_ADD, 'd', FRM_RDN, 0x3ff0000000000001ull,
	 0x3ca0000000000000ull, 0x0ull, 0x3ff0000000000001ull, 0x1},
	{"fadd.d (1+ulp) + half ulp (tie to odd)", OP_ADD, 'd', FRM_RUP, 0x3ff0000000000001ull,
	 0x3ca0000000000000ull, 0x0ull, 0x3ff0000000000002ull, 0x1},
	{"fadd.d (1+ulp) + half ulp (tie to odd)", OP_ADD, 'd', FRM_RMM, 0x3ff0000000000001ull,
	 0x3ca0000000000000ull, 0x0ull, 0x3ff0000000000002ull, 0x1},
	{"fsub.d 1 - quarter ulp", OP_SUB, 'd', FRM_RNE, 0x3ff0000000000000ull,
	 0x3c90000000000000ull, 0x0ull, 0x3ff0000000000000ull, 0x1},
	{"fsub.d 1 - quarter ulp", OP_SUB, 'd', FRM_RTZ, 0x3ff0000000000000ull,
	 0x3c90000000000000ull, 0x0ull, 0x3fefffffffffffffull, 0x1},
	{"fsub.d 1 - quarter ulp", OP_SUB, 'd', FRM_RDN, 0x3ff0000000000000ull,
	 0x3c90000000000000ull, 0x0ull, 0x3fefffffffffffffull, 0x1},
	{"fsub.d 1 - quarter ulp", OP_SUB, 'd', FRM_RUP, 0x3ff0000000000000ull,
	 0x3c90000000000000ull, 0x0ull, 0x3ff0000000000000ull, 0x1},
	{"fsub.d 1 - quarter ulp", OP_SUB, 'd', FRM_RMM, 0x3ff0000000000000ull,
	 0x3c90000000000000ull, 0x0ull, 0x3ff0000000000000ull, 0x1},
	{"fdiv.d 1/3", OP_DIV, 'd', FRM_RNE, 0x3ff0000000000000ull, 0x4008000000000000ull, 0x0ull,
	 0x3fd5555555555555ull, 0x1},
	{"fdiv.d 1/3", OP_DIV, 'd', FRM_RTZ, 0x3ff0000000000000ull, 0x4008000000000000ull, 0x0ull,
	 0x3fd5555555555555ull, 0x1},
	{"fdiv.d 1/3", OP_DIV, 'd', FRM_RDN, 0x3ff0000000000000ull, 0x4008000000000000ull, 0x0ull,
	 0x3fd5555555555555ull, 0x1},
	{"fdiv.d 1/3", OP_DIV, 'd', FRM_RUP, 0x3ff0000000000000ull, 0x4008000000000000ull, 0x0ull,
	 0x3fd5555555555556ull, 0x1},
	{"fdiv.d 1/3", OP_DIV, 'd', FRM_RMM, 0x3ff0000000000000ull, 0x4008000000000000ull, 0x0ull,
	 0x3fd5555555555555ull, 0x1},
	{"fdiv.d -1/3", OP_DIV, 'd', FRM_RNE, 0xbff0000000000000ull, 0x4008000000000000ull, 0x0ull,
	 0xbfd5555555555555ull, 0x1},
	{"fdiv.d -1/3", OP_DIV, 'd', FRM_RTZ, 0xbff0000000000000ull, 0x4008000000000000ull, 0x0ull,
	 0xbfd5555555555555ull, 0x1},
	{"fdiv.d -1/3", OP_DIV, 'd', FRM_RDN, 0xbff0000000000000ull, 0x4008000000000000ull, 0x0ull,
	 0xbfd5555555555556ull, 0x1},
	{"fdiv.d -1/3", OP_DIV, 'd', FRM_RUP, 0xbff0000000000000ull, 0x4008000000000000ull, 0x0ull,
	 0xbfd5555555555555ull, 0x1},
	{"fdiv.d -1/3", OP_DIV, 'd', FRM_RMM, 0xbff0000000000000ull, 0x4008000000000000ull, 0x0ull,
	 0xbfd5555555555555ull, 0x1},
	{"fdiv.d 2/3", OP_DIV, 'd', FRM_RNE, 0x4000000000000000ull, 0x4008000000000000ull, 0x0ull,
	 0x3fe5555555555555ull, 0x1},
	{"fdiv.d 2/3", OP_DIV, 'd', FRM_RTZ, 0x4000000000000000ull, 0x4008000000000000ull, 0x0ull,
	 0x3fe5555555555555ull, 0x1},
	{"fdiv.d 2/3", OP_DIV, 'd', FRM_RDN, 0x4000000000000000ull, 0x4008000000000000ull, 0x0ull,
	 0x3fe5555555555555ull, 0x1},
	{"fdiv.d 2/3", OP_DIV, 'd', FRM_RUP, 0x4000000000000000ull, 0x4008000000000000ull, 0x0ull,
	 0x3fe5555555555556ull, 0x1},
	{"fdiv.d 2/3", OP_DIV, 'd', FRM_RMM, 0x4000000000000000ull, 0x4008000000000000ull, 0x0ull,
	 0x3fe5555555555555ull, 0x1},
	{"fmul.d max * 2 (overflow)", OP_MUL, 'd', FRM_RNE, 0x7fefffffffffffffull,
	 0x4000000000000000ull, 0x0ull, 0x7ff0000000000000ull, 0x5},
	{"fmul.d max * 2 (overflow)", OP_MUL, 'd', FRM_RTZ, 0x7fefffffffffffffull,
	 0x4000000000000000ull, 0x0ull, 0x7fefffffffffffffull, 0x5},
	{"fmul.d max * 2 (overflow)", OP_MUL, 'd', FRM_RDN, 0x7fefffffffffffffull,
	 0x4000000000000000ull, 0x0ull, 0x7fefffffffffffffull, 0x5},
	{"fmul.d max * 2 (overflow)", OP_MUL, 'd', FRM_RUP, 0x7fefffffffffffffull,
	 0x4000000000000000ull, 0x0ull, 0x7ff0000000000000ull, 0x5},
	{"fmul.d max * 2 (overflow)", OP_MUL, 'd', FRM_RMM, 0x7fefffffffffffffull,
	 0x4000000000000000ull, 0x0ull, 0x7ff0000000000000ull, 0x5},
	{"fmul.d -max * 2 (overflow)", OP_MUL, 'd', FRM_RNE, 0xffefffffffffffffull,
	 0x4000000000000000ull, 0x0ull, 0xfff0000000000000ull, 0x5},
	{"fmul.d -max * 2 (overflow)", OP_MUL, 'd', FRM_RTZ, 0xffefffffffffffffull,
	 0x4000000000000000ull, 0x0ull, 0xffefffffffffffffull, 0x5},
	{"fmul.d -max * 2 (overflow)", OP_MUL, 'd', FRM_RDN, 0xffefffffffffffffull,
	 0x4000000000000000ull, 0x0ull, 0xfff0000000000000ull, 0x5},
	{"fmul.d -max * 2 (overflow)", OP_MUL, 'd', FRM_RUP, 0xffefffffffffffffull,
	 0x4000000000000000ull, 0x0ull, 0xffefffffffffffffull, 0x5},
	{"fmul.d -max * 2 (overflow)", OP_MUL, 'd', FRM_RMM, 0xffefffffffffffffull,
	 0x4000000000000000ull, 0x0ull, 0xfff0000000000000ull, 0x5},
	{"fmul.d (1+ulp)^2", OP_MUL, 'd', FRM_RNE, 0x3ff0000000000001ull, 0x3ff0000000000001ull,
	 0x0ull, 0x3ff0000000000002ull, 0x1},
	{"fmul.d (1+ulp)^2", OP_MUL, 'd', FRM_RTZ, 0x3ff0000000000001ull, 0x3ff0000000000001ull,
	 0x0ull, 0x3ff0000000000002ull, 0x1},
	{"fmul.d (1+ulp)^2", OP_MUL, 'd', FRM_RDN, 0x3ff0000000000001ull, 0x3ff0000000000001ull,
	 0x0ull, 0x3ff0000000000002ull, 0x1},
	{"fmul.d (1+ulp)^2", OP_MUL, 'd', FRM_RUP, 0x3ff0000000000001ull, 0x3ff0000000000001ull,
	 0x0ull, 0x3ff0000000000003ull, 0x1},
	{"fmul.d (1+ulp)^2", OP_MUL, 'd', FRM_RMM, 0x3ff0000000000001ull, 0x3ff0000000000001ull,
	 0x0ull, 0x3ff0000000000002ull, 0x1},
	{"fsqrt.d sqrt 2", OP_SQRT, 'd', FRM_RNE, 0x4000000000000000ull, 0x0ull, 0x0ull,
	 0x3ff6a09e667f3bcdull, 0x1},
	{"fsqrt.d sqrt 2", OP_SQRT, 'd', FRM_RTZ, 0x4000000000000000ull, 0x0ull, 0x0ull,
	 0x3ff6a09e667f3bccull, 0x1},
	{"fsqrt.d sqrt 2", OP_SQRT, 'd', FRM_RDN, 0x4000000000000000ull, 0x0ull, 0x0ull,
	 0x3ff6a09e667f3bccull, 0x1},
	{"fsqrt.d sqrt 2", OP_SQRT, 'd', FRM_RUP, 0x4000000000000000ull, 0x0ull, 0x0ull,
	 0x3ff6a09e667f3bcdull, 0x1},
	{"fsqrt.d sqrt 2", OP_SQRT, 'd', FRM_RMM, 0x4000000000000000ull, 0x0ull, 0x0ull,
	 0x3ff6a09e667f3bcdull, 0x1},
	{"fmadd.d fused (1+u)(1-u)-1 is exact", OP_MADD, 'd', FRM_RNE, 0x3ff0000000000001ull,
	 0x3feffffffffffffeull, 0xbff0000000000000ull, 0xb970000000000000ull, 0x0},
	{"fmadd.d fused (1+u)(1-u)-1 is exact", OP_MADD, 'd', FRM_RTZ, 0x3ff0000000000001ull,
	 0x3feffffffffffffeull, 0xbff0000000000000ull, 0xb970000000000000ull, 0x0},
	{"fmadd.d fused (1+u)(1-u)-1 is exact", OP_MADD, 'd', FRM_RDN, 0x3ff0000000000001ull,
	 0x3feffffffffffffeull, 0xbff0000000000000ull, 0xb970000000000000ull, 0x0},
	{"fmadd.d fused (1+u)(1-u)-1 is exact", OP_MADD, 'd', FRM_RUP, 0x3ff0000000000001ull,
	 0x3feffffffffffffeull, 0xbff0000000000000ull, 0xb970000000000000ull, 0x0},
	{"fmadd.d fused (1+u)(1-u)-1 is exact", OP_MADD, 'd', FRM_RMM, 0x3ff0000000000001ull,
	 0x3feffffffffffffeull, 0xbff0000000000000ull, 0xb970000000000000ull, 0x0},
	{"fmadd.d fused madd", OP_MADD, 'd', FRM_RNE, 0x3ff0000000000001ull, 0x3ff0000000000001ull,
	 0xbff0000000000000ull, 0x3cc0000000000000ull, 0x1},
	{"fmadd.d fused madd", OP_MADD, 'd', FRM_RTZ, 0x3ff0000000000001ull, 0x3ff0000000000001ull,
	 0xbff0000000000000ull, 0x3cc0000000000000ull, 0x1},
	{"fmadd.d fused madd", OP_MADD, 'd', FRM_RDN, 0x3ff0000000000001ull, 0x3ff0000000000001ull,
	 0xbff0000000000000ull, 0x3cc0000000000000ull, 0x1},
	{"fmadd.d fused madd", OP_MADD, 'd', FRM_RUP, 0x3ff0000000000001ull, 0x3ff0000000000001ull,
	 0xbff0000000000000ull, 0x3cc0000000000001ull, 0x1},
	{"fmadd.d fused madd", OP_MADD, 'd', FRM_RMM, 0x3ff0000000000001ull, 0x3ff0000000000001ull,
	 0xbff0000000000000ull, 0x3cc0000000000001ull, 0x1},
	{"fmsub.d msub 3*5-7", OP_MSUB, 'd', FRM_RNE, 0x4008000000000000ull, 0x4014000000000000ull,
	 0x401c000000000000ull, 0x4020000000000000ull, 0x0},
	{"fmsub.d msub 3*5-7", OP_MSUB, 'd', FRM_RTZ, 0x4008000000000000ull, 0x4014000000000000ull,
	 0x401c000000000000ull, 0x4020000000000000ull, 0x0},
	{"fmsub.d msub 3*5-7", OP_MSUB, 'd', FRM_RDN, 0x4008000000000000ull, 0x4014000000000000ull,
	 0x401c000000000000ull, 0x4020000000000000ull, 0x0},
	{"fmsub.d msub 3*5-7", OP_MSUB, 'd', FRM_RUP, 0x4008000000000000ull, 0x4014000000000000ull,
	 0x401c000000000000ull, 0x4020000000000000ull, 0x0},
	{"fmsub.d msub 3*5-7", OP_MSUB, 'd', FRM_RMM, 0x4008000000000000ull, 0x4014000000000000ull,
	 0x401c000000000000ull, 0x4020000000000000ull, 0x0},
	{"fnmadd.d nmadd", OP_NMADD, 'd', FRM_RNE, 0x3ff0000000000001ull, 0x3ff0000000000001ull,
	 0x3ca0000000000000ull, 0xbff0000000000003ull, 0x1},
	{"fnmadd.d nmadd", OP_NMADD, 'd', FRM_RTZ, 0x3ff0000000000001ull, 0x3ff0000000000001ull,
	 0x3ca0000000000000ull, 0xbff0000000000002ull, 0x1},
	{"fnmadd.d nmadd", OP_NMADD, 'd', FRM_RDN, 0x3ff0000000000001ull, 0x3ff0000000000001ull,
	 0x3ca0000000000000ull, 0xbff0000000000003ull, 0x1},
	{"fnmadd.d nmadd", OP_NMADD, 'd', FRM_RUP, 0x3ff0000000000001ull, 0x3ff0000000000001ull,
	 0x3ca0000000000000ull, 0xbff0000000000002ull, 0x1},
	{"fnmadd.d nmadd", OP_NMADD, 'd', FRM_RMM, 0x3ff0000000000001ull, 0x3ff0000000000001ull,
	 0x3ca0000000000000ull, 0xbff0000000000003ull, 0x1},
	{"fnmsub.d nmsub", OP_NMSUB, 'd', FRM_RNE, 0x3ff0000000000001ull, 0x3ff0000000000001ull,
	 0x3ff0000000000000ull, 0xbcc0000000000000ull, 0x1},
	{"fnmsub.d nmsub", OP_NMSUB, 'd', FRM_RTZ, 0x3ff0000000000001ull, 0x3ff0000000000001ull,
	 0x3ff0000000000000ull, 0xbcc0000000000000ull, 0x1},
	{"fnmsub.d nmsub", OP_NMSUB, 'd', FRM_RDN, 0x3ff0000000000001ull, 0x3ff0000000000001ull,
	 0x3ff0000000000000ull, 0xbcc0000000000001ull, 0x1},
	{"fnmsub.d nmsub", OP_NMSUB, 'd', FRM_RUP, 0x3ff0000000000001ull, 0x3ff0000000000001ull,
	 0x3ff0000000000000ull, 0xbcc0000000000000ull, 0x1},
	{"fnmsub.d nmsub", OP_NMSUB, 'd', FRM_RMM, 0x3ff0000000000001ull, 0x3ff0000000000001ull,
	 0x3ff0000000000000ull, 0xbcc0000000000001ull, 0x1},
};

#define FP_S3(insn)                                                                   \
	asm volatile("fmv.w.x ft0, %1\n\tfmv.w.x ft1, %2\n\tfmv.w.x ft2, %3\n\t" insn \
		     "\n\tfmv.x.w %0, ft3"                                            \
		     : "=r"(r)                                                        \
		     : "r"(a), "r"(b), "r"(c)                                         \
		     : "ft0", "ft1", "ft2", "ft3")
#define FP_D3(insn)                                                                   \
	asm volatile("fmv.d.x ft0, %1\n\tfmv.d.x ft1, %2\n\tfmv.d.x ft2, %3\n\t" insn \
		     "\n\tfmv.x.d %0, ft3"                                            \
		     : "=r"(r)                                                        \
		     : "r"(a), "r"(b), "r"(c)                                         \
		     : "ft0", "ft1", "ft2", "ft3")

/* One operation with the dynamic rounding mode (frm). */
static uint64_t run(int op, char fmt, uint64_t a, uint64_t b, uint64_t c)
{
	uint64_t r = 0;

	if (fmt == 's') {
		switch (op) {
		case OP_ADD:
			FP_S3("fadd.s ft3, ft0, ft1, dyn");
			break;
		case OP_SUB:
			FP_S3("fsub.s ft3, ft0, ft1, dyn");
			break;
		case OP_MUL:
			FP_S3("fmul.s ft3, ft0, ft1, dyn");
			break;
		case OP_DIV:
			FP_S3("fdiv.s ft3, ft0, ft1, dyn");
			break;
		case OP_SQRT:
			FP_S3("fsqrt.s ft3, ft0, dyn");
			break;
		case OP_MADD:
			FP_S3("fmadd.s ft3, ft0, ft1, ft2, dyn");
			break;
		case OP_MSUB:
			FP_S3("fmsub.s ft3, ft0, ft1, ft2, dyn");
			break;
		case OP_NMADD:
			FP_S3("fnmadd.s ft3, ft0, ft1, ft2, dyn");
			break;
		case OP_NMSUB:
			FP_S3("fnmsub.s ft3, ft0, ft1, ft2, dyn");
			break;
		}
		return (uint32_t)r;
	}
	switch (op) {
	case OP_ADD:
		FP_D3("fadd.d ft3, ft0, ft1, dyn");
		break;
	case OP_SUB:
		FP_D3("fsub.d ft3, ft0, ft1, dyn");
		break;
	case OP_MUL:
		FP_D3("fmul.d ft3, ft0, ft1, dyn");
		break;
	case OP_DIV:
		FP_D3("fdiv.d ft3, ft0, ft1, dyn");
		break;
	case OP_SQRT:
		FP_D3("fsqrt.d ft3, ft0, dyn");
		break;
	case OP_MADD:
		FP_D3("fmadd.d ft3, ft0, ft1, ft2, dyn");
		break;
	case OP_MSUB:
		FP_D3("fmsub.d ft3, ft0, ft1, ft2, dyn");
		break;
	case OP_NMADD:
		FP_D3("fnmadd.d ft3, ft0, ft1, ft2, dyn");
		break;
	case OP_NMSUB:
		FP_D3("fnmsub.d ft3, ft0, ft1, ft2, dyn");
		break;
	}
	return r;
}

static void test_static_rm(void)
{
	uint64_t r, a = 0x3f800000, b = 0x40400000, c = 0; /* 1/3 */

	/* frm says RUP; the instruction's RTZ must win, and frm must be untouched. */
	csr_write(frm, FRM_RUP);
	FP_S3("fdiv.s ft3, ft0, ft1, rtz");
	CHECK_EQ("static rtz overrides frm=rup", 0x3eaaaaaa, (uint32_t)r);
	FP_S3("fdiv.s ft3, ft0, ft1, dyn");
	CHECK_EQ("dyn uses frm=rup", 0x3eaaaaab, (uint32_t)r);
	CHECK_EQ("frm unchanged by static rm", FRM_RUP, csr_read(frm));
	csr_write(frm, FRM_RNE);
	FP_S3("fdiv.s ft3, ft0, ft1, rmm");
	CHECK_EQ("static rmm 1/3", 0x3eaaaaab, (uint32_t)r);
	FP_S3("fdiv.s ft3, ft0, ft1, rdn");
	CHECK_EQ("static rdn 1/3", 0x3eaaaaaa, (uint32_t)r);

	/* fcsr packs frm in bits 7:5 and fflags in 4:0. */
	csr_write(fcsr, 0xff);
	CHECK_EQ("fcsr frm field", 7, csr_read(frm));
	CHECK_EQ("fcsr fflags field", 0x1f, csr_read(fflags));
	csr_write(fcsr, 0);

	/* Reserved rounding modes: 5 and 6 in the instruction are illegal. */
	trap_expect();
	asm volatile(".insn r 0x53, 5, 0x00, ft3, ft0, ft1" ::: "ft3"); /* fadd.s rm=5 */
	CHECK_EQ("fadd.s rm=5 is illegal", CAUSE_ILLEGAL_INSTRUCTION, trap_result().cause);
	trap_expect();
	asm volatile(".insn r 0x53, 6, 0x01, ft3, ft0, ft1" ::: "ft3"); /* fadd.d rm=6 */
	CHECK_EQ("fadd.d rm=6 is illegal", CAUSE_ILLEGAL_INSTRUCTION, trap_result().cause);
	/* DYN with a reserved frm is illegal too; with a valid frm it is not. */
	for (unsigned int m = 5; m <= 7; m++) {
		csr_write(frm, m);
		trap_expect();
		asm volatile("fadd.s ft3, ft0, ft1, dyn" ::: "ft3");
		test_check_eqf(CAUSE_ILLEGAL_INSTRUCTION, trap_result().cause,
			       "dyn with frm=%u is illegal", m);
	}
	csr_write(frm, FRM_RMM);
	trap_expect();
	asm volatile("fadd.s ft3, ft0, ft1, dyn" ::: "ft3");
	CHECK_EQ("dyn with frm=rmm is legal", 0, trap_result().taken);
	csr_write(frm, FRM_RNE);
}

int main(unsigned long hartid, unsigned long dtb)
{
	(void)hartid;
	(void)dtb;
	for (unsigned int i = 0; i < ARRAY_SIZE(cases); i++) {
		uint64_t r;
		unsigned int flags;

		csr_write(frm, cases[i].rm);
		csr_write(fflags, 0);
		r = run(cases[i].op, cases[i].fmt, cases[i].a, cases[i].b, cases[i].c);
		flags = csr_read(fflags);
		test_check_eqf(cases[i].expected, r, "%s rm=%s result", cases[i].name,
			       rm_names[cases[i].rm]);
		test_check_eqf(cases[i].flags, flags, "%s rm=%s fflags", cases[i].name,
			       rm_names[cases[i].rm]);
	}
	csr_write(frm, FRM_RNE);
	test_static_rm();
	return 0;
}
