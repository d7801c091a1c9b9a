/* SPDX-License-Identifier: MIT */
/*
 * Bit-exact FP helpers shared by the fp_* tests in tests/guest: operands go in as raw
 * bits with fmv.{w,d}.x, results come out with fmv.x.{w,d}, so nothing
 * depends on the compiler's idea of floating point.  Rounding is RNE
 * (static) unless a test sets frm and uses the _dyn forms itself.
 */
#ifndef GUEST_FPTEST_H
#define GUEST_FPTEST_H

#include "guest.h"

#define FLAG_NX 0x01
#define FLAG_UF 0x02
#define FLAG_OF 0x04
#define FLAG_DZ 0x08
#define FLAG_NV 0x10

#define S_ONE 0x3f800000u
#define S_TWO 0x40000000u
#define S_THREE 0x40400000u
#define S_INF 0x7f800000u
#define S_NINF 0xff800000u
#define S_QNAN 0x7fc00000u
#define S_SNAN 0x7f800001u
#define S_MAX 0x7f7fffffu
#define S_MIN_NORMAL 0x00800000u
#define S_ZERO 0x00000000u
#define S_NZERO 0x80000000u
#define D_ONE 0x3ff0000000000000ull
#define D_TWO 0x4000000000000000ull
#define D_THREE 0x4008000000000000ull
#define D_INF 0x7ff0000000000000ull
#define D_NINF 0xfff0000000000000ull
#define D_QNAN 0x7ff8000000000000ull
#define D_SNAN 0x7ff0000000000001ull
#define D_ZERO 0ull
#define D_NZERO 0x8000000000000000ull

/* Binary op on singles: r = insn(a, b), returns the low 32 bits. */
#define FS2(insn, a, b)                                                                         \
	({                                                                                      \
		uint64_t __r;                                                                   \
		asm volatile("fmv.w.x ft0, %1\n\tfmv.w.x ft1, %2\n\t" insn " ft2, ft0, ft1\n\t" \
			     "fmv.x.w %0, ft2"                                                  \
			     : "=r"(__r)                                                        \
			     : "r"((uint64_t)(a)), "r"((uint64_t)(b))                           \
			     : "ft0", "ft1", "ft2");                                            \
		(uint32_t) __r;                                                                 \
	})

#define FD2(insn, a, b)                                                                         \
	({                                                                                      \
		uint64_t __r;                                                                   \
		asm volatile("fmv.d.x ft0, %1\n\tfmv.d.x ft1, %2\n\t" insn " ft2, ft0, ft1\n\t" \
			     "fmv.x.d %0, ft2"                                                  \
			     : "=r"(__r)                                                        \
			     : "r"((uint64_t)(a)), "r"((uint64_t)(b))                           \
			     : "ft0", "ft1", "ft2");                                            \
		__r;                                                                            \
	})

/* Unary single op. */
#define FS1(insn, a)                                                                   \
	({                                                                             \
		uint64_t __r;                                                          \
		asm volatile("fmv.w.x ft0, %1\n\t" insn " ft2, ft0\n\tfmv.x.w %0, ft2" \
			     : "=r"(__r)                                               \
			     : "r"((uint64_t)(a))                                      \
			     : "ft0", "ft2");                                          \
		(uint32_t) __r;                                                        \
	})

#define FD1(insn, a)                                                                   \
	({                                                                             \
		uint64_t __r;                                                          \
		asm volatile("fmv.d.x ft0, %1\n\t" insn " ft2, ft0\n\tfmv.x.d %0, ft2" \
			     : "=r"(__r)                                               \
			     : "r"((uint64_t)(a))                                      \
			     : "ft0", "ft2");                                          \
		__r;                                                                   \
	})

/* Comparison (or fclass) with an integer result. */
#define FS_CMP(insn, a, b)                                                                 \
	({                                                                                 \
		uint64_t __r;                                                              \
		asm volatile("fmv.w.x ft0, %1\n\tfmv.w.x ft1, %2\n\t" insn " %0, ft0, ft1" \
			     : "=r"(__r)                                                   \
			     : "r"((uint64_t)(a)), "r"((uint64_t)(b))                      \
			     : "ft0", "ft1");                                              \
		__r;                                                                       \
	})

#define FD_CMP(insn, a, b)                                                                 \
	({                                                                                 \
		uint64_t __r;                                                              \
		asm volatile("fmv.d.x ft0, %1\n\tfmv.d.x ft1, %2\n\t" insn " %0, ft0, ft1" \
			     : "=r"(__r)                                                   \
			     : "r"((uint64_t)(a)), "r"((uint64_t)(b))                      \
			     : "ft0", "ft1");                                              \
		__r;                                                                       \
	})

static inline void fflags_clear(void)
{
	csr_write(fflags, 0);
}

static inline unsigned long fflags_get(void)
{
	return csr_read(fflags);
}

#endif /* GUEST_FPTEST_H */
