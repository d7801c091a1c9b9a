/* SPDX-License-Identifier: MIT */
/*
 * F and D arithmetic with the exact results and exception flags the RISC-V
 * unprivileged ISA specifies (IEEE 754-2008, tininess after rounding,
 * canonical NaN results, no NaN payload propagation).
 *
 * Operands and results are raw bit patterns: uint32_t for single, uint64_t
 * for double.  NaN-boxing of singles in the 64-bit f registers is the
 * interpreter's business, through fpu_box_s()/fpu_unbox_s().
 *
 * @rm is a resolved rounding mode (FPU_RNE..FPU_RMM, never DYN).  Each
 * function ORs the exceptions it raises into *fflags (FPU_NX..FPU_NV) and
 * never clears bits.  Pure functions: any thread.
 */
#ifndef HV_CPU_FPU_H
#define HV_CPU_FPU_H

#include <stdint.h>

enum fpu_rm { FPU_RNE = 0, FPU_RTZ = 1, FPU_RDN = 2, FPU_RUP = 3, FPU_RMM = 4, FPU_DYN = 7 };

#define FPU_NX (1u << 0) /* inexact */
#define FPU_UF (1u << 1) /* underflow */
#define FPU_OF (1u << 2) /* overflow */
#define FPU_DZ (1u << 3) /* divide by zero */
#define FPU_NV (1u << 4) /* invalid */

#define FPU_CANON_NAN_S 0x7fc00000u
#define FPU_CANON_NAN_D 0x7ff8000000000000ull

static inline uint64_t fpu_box_s(uint32_t v)
{
	return 0xffffffff00000000ull | v;
}

/* A single not properly NaN-boxed reads as the canonical NaN. */
static inline uint32_t fpu_unbox_s(uint64_t v)
{
	return (v >> 32) == 0xffffffffu ? (uint32_t)v : FPU_CANON_NAN_S;
}

/* Arithmetic.  fma* compute (a*b)+c with one rounding; the ISA's
 * fmsub/fnmsub/fnmadd are expressed by the caller flipping sign bits,
 * except that the NaN/invalid rules are those of the fused operation. */
uint32_t fpu_add_s(uint32_t a, uint32_t b, int rm, uint32_t *fflags);
uint32_t fpu_sub_s(uint32_t a, uint32_t b, int rm, uint32_t *fflags);
uint32_t fpu_mul_s(uint32_t a, uint32_t b, int rm, uint32_t *fflags);
uint32_t fpu_div_s(uint32_t a, uint32_t b, int rm, uint32_t *fflags);
uint32_t fpu_sqrt_s(uint32_t a, int rm, uint32_t *fflags);
uint32_t fpu_fma_s(uint32_t a, uint32_t b, uint32_t c, int rm, uint32_t *fflags);
uint32_t fpu_min_s(uint32_t a, uint32_t b, uint32_t *fflags);
uint32_t fpu_max_s(uint32_t a, uint32_t b, uint32_t *fflags);
uint64_t fpu_eq_s(uint32_t a, uint32_t b, uint32_t *fflags); /* quiet */
uint64_t fpu_lt_s(uint32_t a, uint32_t b, uint32_t *fflags); /* signaling */
uint64_t fpu_le_s(uint32_t a, uint32_t b, uint32_t *fflags); /* signaling */
uint64_t fpu_class_s(uint32_t a);

uint64_t fpu_add_d(uint64_t a, uint64_t b, int rm, uint32_t *fflags);
uint64_t fpu_sub_d(uint64_t a, uint64_t b, int rm, uint32_t *fflags);
uint64_t fpu_mul_d(uint64_t a, uint64_t b, int rm, uint32_t *fflags);
uint64_t fpu_div_d(uint64_t a, uint64_t b, int rm, uint32_t *fflags);
uint64_t fpu_sqrt_d(uint64_t a, int rm, uint32_t *fflags);
uint64_t fpu_fma_d(uint64_t a, uint64_t b, uint64_t c, int rm, uint32_t *fflags);
uint64_t fpu_min_d(uint64_t a, uint64_t b, uint32_t *fflags);
uint64_t fpu_max_d(uint64_t a, uint64_t b, uint32_t *fflags);
uint64_t fpu_eq_d(uint64_t a, uint64_t b, uint32_t *fflags);
uint64_t fpu_lt_d(uint64_t a, uint64_t b, uint32_t *fflags);
uint64_t fpu_le_d(uint64_t a, uint64_t b, uint32_t *fflags);
uint64_t fpu_class_d(uint64_t a);

/* Conversions.  Float-to-integer results saturate as the ISA's table says
 * (NaN -> max positive) and raise NV when out of range; the 32-bit integer
 * results are sign-extended to 64 bits, as fcvt.w[u] writes them. */
uint64_t fpu_cvt_w_s(uint32_t a, int rm, uint32_t *fflags);
uint64_t fpu_cvt_wu_s(uint32_t a, int rm, uint32_t *fflags);
uint64_t fpu_cvt_l_s(uint32_t a, int rm, uint32_t *fflags);
uint64_t fpu_cvt_lu_s(uint32_t a, int rm, uint32_t *fflags);
uint64_t fpu_cvt_w_d(uint64_t a, int rm, uint32_t *fflags);
uint64_t fpu_cvt_wu_d(uint64_t a, int rm, uint32_t *fflags);
uint64_t fpu_cvt_l_d(uint64_t a, int rm, uint32_t *fflags);
uint64_t fpu_cvt_lu_d(uint64_t a, int rm, uint32_t *fflags);
uint32_t fpu_cvt_s_w(int32_t a, int rm, uint32_t *fflags);
uint32_t fpu_cvt_s_wu(uint32_t a, int rm, uint32_t *fflags);
uint32_t fpu_cvt_s_l(int64_t a, int rm, uint32_t *fflags);
uint32_t fpu_cvt_s_lu(uint64_t a, int rm, uint32_t *fflags);
uint64_t fpu_cvt_d_w(int32_t a, int rm, uint32_t *fflags);
uint64_t fpu_cvt_d_wu(uint32_t a, int rm, uint32_t *fflags);
uint64_t fpu_cvt_d_l(int64_t a, int rm, uint32_t *fflags);
uint64_t fpu_cvt_d_lu(uint64_t a, int rm, uint32_t *fflags);
uint32_t fpu_cvt_s_d(uint64_t a, int rm, uint32_t *fflags);
uint64_t fpu_cvt_d_s(uint32_t a, int rm, uint32_t *fflags);

#endif /* HV_CPU_FPU_H */
