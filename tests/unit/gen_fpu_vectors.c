/* SPDX-License-Identifier: MIT */
/*
 * Writes tests/unit/fpu_vectors.txt: RISC-V F/D results and fflags as a
 * real RISC-V implementation computes them.  This is a RISC-V Linux program
 * (built by gen_fpu_vectors.sh with riscv64-linux-gnu-gcc -static and run
 * under qemu-riscv64, whose softfloat implements the ISA's rules), so the
 * vectors do not depend on our own fpu.c.
 *
 * Usage: gen_fpu_vectors [RANDOM_PER_OP [SEED]]
 *        gen_fpu_vectors - < lines of "OP A [B [C]]"   (answers those inputs)
 *
 * Line format (hex without 0x, no leading zeros):
 *   OP A [B [C]] : R/F R/F R/F R/F R/F   one result per rm, RNE RTZ RDN RUP RMM
 *   OP A [B] : R/F                        min/max/compare/class (no rm)
 * "=" repeats the previous R/F.  F is the fflags value.  Lines starting with
 * '#' are comments.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef __riscv
/* Built for the host too, as make builds every tests/unit/ *.c and the
 * runner runs them: exit 1 (skip), since the vectors must come from a
 * RISC-V implementation. */
int main(void)
{
	fprintf(stderr, "gen_fpu_vectors: a RISC-V program; run tests/unit/gen_fpu_vectors.sh\n");
	return 1;
}
#else

/* ---- running one instruction ---------------------------------------------------------- */

static inline float f_of(uint64_t x)
{
	uint32_t v = (uint32_t)x;
	float f;

	memcpy(&f, &v, 4);
	return f;
}

static inline uint64_t bits_f(float f)
{
	uint32_t v;

	memcpy(&v, &f, 4);
	return v;
}

static inline double d_of(uint64_t x)
{
	double d;

	memcpy(&d, &x, 8);
	return d;
}

static inline uint64_t bits_d(double d)
{
	uint64_t v;

	memcpy(&v, &d, 8);
	return v;
}

/* Each macro sets frm, clears fflags, runs one instruction with the dynamic
 * rounding mode and reads fflags back. */
#define PRE "fsrm %[rm]\n\tcsrwi fflags, 0\n\t"
#define POST "\n\tfrflags %[fl]"

#define R_FF(TY, T, insn)                                                 \
	do {                                                              \
		TY x = T##_of(a), y = T##_of(b), r;                       \
		__asm__ volatile(PRE insn " %[r], %[x], %[y]" POST        \
				 : [r] "=&f"(r), [fl] "=&r"(fl)           \
				 : [x] "f"(x), [y] "f"(y), [rm] "r"(rm)); \
		res = bits_##T(r);                                        \
	} while (0)
#define R_FFF(TY, T, insn)                                                            \
	do {                                                                          \
		TY x = T##_of(a), y = T##_of(b), z = T##_of(c), r;                    \
		__asm__ volatile(PRE insn " %[r], %[x], %[y], %[z]" POST              \
				 : [r] "=&f"(r), [fl] "=&r"(fl)                       \
				 : [x] "f"(x), [y] "f"(y), [z] "f"(z), [rm] "r"(rm)); \
		res = bits_##T(r);                                                    \
	} while (0)
#define R_F(TY, T, insn)                                        \
	do {                                                    \
		TY x = T##_of(a), r;                            \
		__asm__ volatile(PRE insn " %[r], %[x]" POST    \
				 : [r] "=&f"(r), [fl] "=&r"(fl) \
				 : [x] "f"(x), [rm] "r"(rm));   \
		res = bits_##T(r);                              \
	} while (0)
/* float -> int or compare/class: integer destination */
#define X_F(TY, T, insn)                                          \
	do {                                                      \
		TY x = T##_of(a);                                 \
		__asm__ volatile(PRE insn " %[r], %[x]" POST      \
				 : [r] "=&r"(res), [fl] "=&r"(fl) \
				 : [x] "f"(x), [rm] "r"(rm));     \
	} while (0)
#define X_FF(TY, T, insn)                                                 \
	do {                                                              \
		TY x = T##_of(a), y = T##_of(b);                          \
		__asm__ volatile(PRE insn " %[r], %[x], %[y]" POST        \
				 : [r] "=&r"(res), [fl] "=&r"(fl)         \
				 : [x] "f"(x), [y] "f"(y), [rm] "r"(rm)); \
	} while (0)
/* int -> float (and the float->float conversions, through R_F) */
#define F_X(TY, T, insn)                                        \
	do {                                                    \
		TY r;                                           \
		__asm__ volatile(PRE insn " %[r], %[x]" POST    \
				 : [r] "=&f"(r), [fl] "=&r"(fl) \
				 : [x] "r"(a), [rm] "r"(rm));   \
		res = bits_##T(r);                              \
	} while (0)

/* float -> double conversions need mixed types */
#define CVT_DS()                                                \
	do {                                                    \
		float x = f_of(a);                              \
		double r;                                       \
		__asm__ volatile(PRE "fcvt.d.s %[r], %[x]" POST \
				 : [r] "=&f"(r), [fl] "=&r"(fl) \
				 : [x] "f"(x), [rm] "r"(rm));   \
		res = bits_d(r);                                \
	} while (0)
#define CVT_SD()                                                \
	do {                                                    \
		double x = d_of(a);                             \
		float r;                                        \
		__asm__ volatile(PRE "fcvt.s.d %[r], %[x]" POST \
				 : [r] "=&f"(r), [fl] "=&r"(fl) \
				 : [x] "f"(x), [rm] "r"(rm));   \
		res = bits_f(r);                                \
	} while (0)

enum kind {
	K_BIN, /* a, b, rm */
	K_UN,  /* a, rm */
	K_TER, /* a, b, c, rm */
	K_CMP, /* a, b: no rm */
	K_CLS, /* a: no rm */
};

/* Input domain of operand a: f = float of the op's format, or an integer. */
enum dom { D_S, D_D, D_W, D_WU, D_L, D_LU };

struct op {
	const char *name;
	enum kind kind;
	enum dom dom;
};

static const struct op ops[] = {
	{"add.s", K_BIN, D_S},	 {"sub.s", K_BIN, D_S},	   {"mul.s", K_BIN, D_S},
	{"div.s", K_BIN, D_S},	 {"sqrt.s", K_UN, D_S},	   {"fmadd.s", K_TER, D_S},
	{"fmsub.s", K_TER, D_S}, {"fnmsub.s", K_TER, D_S}, {"fnmadd.s", K_TER, D_S},
	{"min.s", K_CMP, D_S},	 {"max.s", K_CMP, D_S},	   {"eq.s", K_CMP, D_S},
	{"lt.s", K_CMP, D_S},	 {"le.s", K_CMP, D_S},	   {"class.s", K_CLS, D_S},
	{"cvt.w.s", K_UN, D_S},	 {"cvt.wu.s", K_UN, D_S},  {"cvt.l.s", K_UN, D_S},
	{"cvt.lu.s", K_UN, D_S}, {"cvt.s.w", K_UN, D_W},   {"cvt.s.wu", K_UN, D_WU},
	{"cvt.s.l", K_UN, D_L},	 {"cvt.s.lu", K_UN, D_LU}, {"cvt.d.s", K_UN, D_S},
	{"add.d", K_BIN, D_D},	 {"sub.d", K_BIN, D_D},	   {"mul.d", K_BIN, D_D},
	{"div.d", K_BIN, D_D},	 {"sqrt.d", K_UN, D_D},	   {"fmadd.d", K_TER, D_D},
	{"fmsub.d", K_TER, D_D}, {"fnmsub.d", K_TER, D_D}, {"fnmadd.d", K_TER, D_D},
	{"min.d", K_CMP, D_D},	 {"max.d", K_CMP, D_D},	   {"eq.d", K_CMP, D_D},
	{"lt.d", K_CMP, D_D},	 {"le.d", K_CMP, D_D},	   {"class.d", K_CLS, D_D},
	{"cvt.w.d", K_UN, D_D},	 {"cvt.wu.d", K_UN, D_D},  {"cvt.l.d", K_UN, D_D},
	{"cvt.lu.d", K_UN, D_D}, {"cvt.d.w", K_UN, D_W},   {"cvt.d.wu", K_UN, D_WU},
	{"cvt.d.l", K_UN, D_L},	 {"cvt.d.lu", K_UN, D_LU}, {"cvt.s.d", K_UN, D_D},
};

#define NOPS (sizeof(ops) / sizeof(ops[0]))

static uint64_t run(int op, uint64_t a, uint64_t b, uint64_t c, int rm, uint32_t *flags)
{
	uint64_t res = 0, fl = 0;

	switch (op) {
	case 0:
		R_FF(float, f, "fadd.s");
		break;
	case 1:
		R_FF(float, f, "fsub.s");
		break;
	case 2:
		R_FF(float, f, "fmul.s");
		break;
	case 3:
		R_FF(float, f, "fdiv.s");
		break;
	case 4:
		R_F(float, f, "fsqrt.s");
		break;
	case 5:
		R_FFF(float, f, "fmadd.s");
		break;
	case 6:
		R_FFF(float, f, "fmsub.s");
		break;
	case 7:
		R_FFF(float, f, "fnmsub.s");
		break;
	case 8:
		R_FFF(float, f, "fnmadd.s");
		break;
	case 9:
		R_FF(float, f, "fmin.s");
		break;
	case 10:
		R_FF(float, f, "fmax.s");
		break;
	case 11:
		X_FF(float, f, "feq.s");
		break;
	case 12:
		X_FF(float, f, "flt.s");
		break;
	case 13:
		X_FF(float, f, "fle.s");
		break;
	case 14:
		X_F(float, f, "fclass.s");
		break;
	case 15:
		X_F(float, f, "fcvt.w.s");
		break;
	case 16:
		X_F(float, f, "fcvt.wu.s");
		break;
	case 17:
		X_F(float, f, "fcvt.l.s");
		break;
	case 18:
		X_F(float, f, "fcvt.lu.s");
		break;
	case 19:
		F_X(float, f, "fcvt.s.w");
		break;
	case 20:
		F_X(float, f, "fcvt.s.wu");
		break;
	case 21:
		F_X(float, f, "fcvt.s.l");
		break;
	case 22:
		F_X(float, f, "fcvt.s.lu");
		break;
	case 23:
		CVT_DS();
		break;
	case 24:
		R_FF(double, d, "fadd.d");
		break;
	case 25:
		R_FF(double, d, "fsub.d");
		break;
	case 26:
		R_FF(double, d, "fmul.d");
		break;
	case 27:
		R_FF(double, d, "fdiv.d");
		break;
	case 28:
		R_F(double, d, "fsqrt.d");
		break;
	case 29:
		R_FFF(double, d, "fmadd.d");
		break;
	case 30:
		R_FFF(double, d, "fmsub.d");
		break;
	case 31:
		R_FFF(double, d, "fnmsub.d");
		break;
	case 32:
		R_FFF(double, d, "fnmadd.d");
		break;
	case 33:
		R_FF(double, d, "fmin.d");
		break;
	case 34:
		R_FF(double, d, "fmax.d");
		break;
	case 35:
		X_FF(double, d, "feq.d");
		break;
	case 36:
		X_FF(double, d, "flt.d");
		break;
	case 37:
		X_FF(double, d, "fle.d");
		break;
	case 38:
		X_F(double, d, "fclass.d");
		break;
	case 39:
		X_F(double, d, "fcvt.w.d");
		break;
	case 40:
		X_F(double, d, "fcvt.wu.d");
		break;
	case 41:
		X_F(double, d, "fcvt.l.d");
		break;
	case 42:
		X_F(double, d, "fcvt.lu.d");
		break;
	case 43:
		F_X(double, d, "fcvt.d.w");
		break;
	case 44:
		F_X(double, d, "fcvt.d.wu");
		break;
	case 45:
		F_X(double, d, "fcvt.d.l");
		break;
	case 46:
		F_X(double, d, "fcvt.d.lu");
		break;
	case 47:
		CVT_SD();
		break;
	}
	(void)c;
	*flags = (uint32_t)fl;
	return res;
}

/* ---- inputs ------------------------------------------------------------------------------ */

/* splitmix64 state: the vectors are deterministic for a given seed. */
struct rng {
	uint64_t s;
};

static uint64_t rnd(struct rng *g)
{
	uint64_t z = (g->s += 0x9e3779b97f4a7c15ull);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
	return z ^ (z >> 31);
}

static uint64_t rndn(struct rng *g, uint64_t n)
{
	return rnd(g) % n;
}

static const uint64_t edge_s[] = {
	0x00000000, 0x80000000, 0x00000001, 0x80000001, 0x00000002, 0x007fffff, 0x807fffff,
	0x00400000, 0x00800000, 0x80800000, 0x00800001, 0x00ffffff, 0x01000000, 0x7f7fffff,
	0xff7fffff, 0x7f7ffffe, 0x7e800000, 0x7f000000, 0x7f800000, 0xff800000, 0x7fc00000,
	0xffc00000, 0x7fc00001, 0x7fffffff, 0x7f800001, 0xff800001, 0x7fbfffff, 0x3f800000,
	0xbf800000, 0x3f800001, 0x3f7fffff, 0x40000000, 0x3f000000, 0xbf000000, 0x3fc00000,
	0xbfc00000, 0x40200000, 0xc0200000, 0x40400000, 0x3eaaaaab, 0x3f400000, 0x3fa00000,
	0x4b000000, 0x4b000001, 0x4affffff, 0x4b7fffff, 0x4b800000, 0x4effffff, 0x4f000000,
	0xcf000000, 0xcf000001, 0x4f7fffff, 0x4f800000, 0x5effffff, 0x5f000000, 0xdf000000,
	0xdf000001, 0x5f7fffff, 0x5f800000, 0x33800000, 0x34000000, 0x2f800000, 0x0c000000,
};

static const uint64_t edge_d[] = {
	0x0000000000000000, 0x8000000000000000, 0x0000000000000001, 0x8000000000000001,
	0x0000000000000002, 0x000fffffffffffff, 0x800fffffffffffff, 0x0008000000000000,
	0x0010000000000000, 0x8010000000000000, 0x0010000000000001, 0x001fffffffffffff,
	0x0020000000000000, 0x7fefffffffffffff, 0xffefffffffffffff, 0x7feffffffffffffe,
	0x7fe0000000000000, 0x7fd0000000000000, 0x7ff0000000000000, 0xfff0000000000000,
	0x7ff8000000000000, 0xfff8000000000000, 0x7ff8000000000001, 0x7fffffffffffffff,
	0x7ff0000000000001, 0xfff0000000000001, 0x7ff7ffffffffffff, 0x3ff0000000000000,
	0xbff0000000000000, 0x3ff0000000000001, 0x3fefffffffffffff, 0x4000000000000000,
	0x3fe0000000000000, 0xbfe0000000000000, 0x3ff8000000000000, 0xbff8000000000000,
	0x4004000000000000, 0xc004000000000000, 0x4008000000000000, 0x3fd5555555555555,
	0x3fe8000000000000, 0x3ff4000000000000, 0x4330000000000000, 0x4330000000000001,
	0x432fffffffffffff, 0x433fffffffffffff, 0x4340000000000000, 0x41dfffffffc00000,
	0x41dfffffffe00000, 0x41dffffffff00000, 0x41e0000000000000, 0xc1e0000000000000,
	0xc1e0000000100000, 0xc1e0000000200000, 0xc1dfffffffe00000, 0x41efffffffe00000,
	0x41effffffff00000, 0x41efffffffffffff, 0x41f0000000000000, 0x43dfffffffffffff,
	0x43e0000000000000, 0xc3e0000000000000, 0xc3e0000000000001, 0x43efffffffffffff,
	0x43f0000000000000, 0x3ca0000000000000, 0x3cb0000000000000, 0x47efffffe0000000,
	0x47effffff0000000, 0x47efffffefffffff, 0x47f0000000000000, 0x3810000000000000,
	0x380fffffe0000000, 0x380ffffff0000000, 0x380fffffefffffff, 0x36a0000000000000,
	0x3690000000000000, 0x3698000000000000, 0x3690000000000001, 0xbfdfffffffffffff,
};

#define NEDGE_S (sizeof(edge_s) / sizeof(edge_s[0]))
#define NEDGE_D (sizeof(edge_d) / sizeof(edge_d[0]))

/* Format parameters for building values from parts. */
static int fp_p(int d)
{
	return d ? 53 : 24;
}

static int fp_emaxf(int d)
{
	return d ? 0x7ff : 0xff;
}

static uint64_t mk(int d, int s, int ef, uint64_t frac)
{
	int p = fp_p(d);

	frac &= (1ull << (p - 1)) - 1;
	return ((uint64_t)s << (d ? 63 : 31)) | ((uint64_t)ef << (p - 1)) | frac;
}

/* A fraction with structure: few set bits (ties and exact results), runs of
 * ones (carries), or uniformly random. */
static uint64_t rnd_frac(struct rng *g, int d)
{
	int p = fp_p(d), k;
	uint64_t all = (1ull << (p - 1)) - 1, r = rnd(g) & all;

	switch (rndn(g, 6)) {
	case 0:
		k = (int)rndn(g, (uint64_t)p - 1) + 1; /* only the top k bits random */
		return r & ~(all >> k);
	case 1:
		k = (int)rndn(g, (uint64_t)p - 1) + 1;
		return r & (all >> k); /* small: leading zeros */
	case 2:
		return all ^ (rnd(g) & rndn(g, 4)); /* near all ones */
	case 3:
		return rndn(g, 4); /* near zero */
	default:
		return r;
	}
}

/* An exponent field from a region where something happens. */
static int rnd_efield(struct rng *g, int d)
{
	int bias = d ? 1023 : 127, p = fp_p(d), emaxf = fp_emaxf(d);

	switch (rndn(g, 8)) {
	case 0:
		return (int)rndn(g, (uint64_t)p + 4); /* subnormal / tiny */
	case 1:
		return emaxf - 1 - (int)rndn(g, (uint64_t)p + 4); /* huge */
	case 2:
	case 3:
		return bias - 8 + (int)rndn(g, 17); /* around 1 */
	case 4:
		return bias + (int)rndn(g, 66); /* integer range */
	case 5:
		return (int)rndn(g, (uint64_t)emaxf); /* anything finite */
	default:
		return bias - 40 + (int)rndn(g, 81);
	}
}

static uint64_t rnd_fp(struct rng *g, int d)
{
	switch (rndn(g, 10)) {
	case 0:
		return d ? edge_d[rndn(g, NEDGE_D)] : edge_s[rndn(g, NEDGE_S)];
	case 1:
		return d ? rnd(g) : (uint32_t)rnd(g);
	default:
		return mk(d, (int)rndn(g, 2), rnd_efield(g, d), rnd_frac(g, d));
	}
}

/* Same magnitude region as @x, exponent moved a little: cancellation and
 * ties in add, exact quotients and products nearby. */
static uint64_t rnd_near(struct rng *g, int d, uint64_t x)
{
	int p = fp_p(d), emaxf = fp_emaxf(d);
	int ef = (int)((x >> (p - 1)) & (uint64_t)emaxf);

	if (ef == emaxf || rndn(g, 4) == 0)
		return rnd_fp(g, d);
	ef += (int)rndn(g, (uint64_t)p + 6) - 3;
	if (ef < 0)
		ef = 0;
	if (ef >= emaxf)
		ef = emaxf - 1;
	return mk(d, (int)rndn(g, 2), ef, rndn(g, 2) ? x + rndn(g, 5) - 2 : rnd_frac(g, d));
}

static uint64_t rnd_int(struct rng *g, enum dom dom)
{
	uint64_t v;
	int bits = (int)rndn(g, 64) + 1;

	v = rnd(g) >> (64 - bits);
	switch (rndn(g, 5)) {
	case 0:
		/* a few set bits: ties when converted */
		v = (1ull << (bits - 1)) | (1ull << rndn(g, (uint64_t)bits)) |
		    (rndn(g, 2) ? 1ull << rndn(g, (uint64_t)bits) : 0);
		break;
	case 1:
		v = (uint64_t)0 - rndn(g, 4);
		break;
	default:
		break;
	}
	if (rndn(g, 2))
		v = -v;
	if (dom == D_W || dom == D_WU)
		v = (uint32_t)v;
	if (dom == D_W)
		v = (uint64_t)(int64_t)(int32_t)v;
	return v;
}

/* Values near integer conversion limits: k, k +- half, k +- ulp. */
static uint64_t rnd_cvt_input(struct rng *g, int d)
{
	static const double lims[] = {0, 1, 2, 3, 0x1p31, 0x1p32, 0x1p63, 0x1p64, 0x1p24, 0x1p53};
	double base = lims[rndn(g, sizeof(lims) / sizeof(lims[0]))], v;
	double frac[] = {0, 0.5, -0.5, 0.25, 0.75, -0.25, -0.75, 1, -1, 1.5, -1.5};
	uint64_t b;

	if (rndn(g, 3) == 0)
		base = (double)rndn(g, 1000);
	v = base + frac[rndn(g, sizeof(frac) / sizeof(frac[0]))];
	if (rndn(g, 2))
		v = -v;
	if (!d) {
		b = bits_f((float)v);
		b += rndn(g, 3) - 1;
		return (uint32_t)b;
	}
	b = bits_d(v);
	return b + rndn(g, 3) - 1;
}

/* A value near a rounding boundary of the range: the smallest normal (where
 * tininess after rounding matters), the subnormals, or the largest finite. */
static uint64_t rnd_target(struct rng *g, int d)
{
	int p = fp_p(d);
	uint64_t all = (1ull << (p - 1)) - 1, frac;

	switch (rndn(g, 3)) {
	case 0:
		frac = rndn(g, 2) ? all - rndn(g, 3) : rndn(g, 3);
		return mk(d, (int)rndn(g, 2), (int)rndn(g, 2), frac);
	case 1:
		return mk(d, (int)rndn(g, 2), 0, rnd_frac(g, d));
	default:
		return mk(d, (int)rndn(g, 2), fp_emaxf(d) - 1 - (int)rndn(g, 2), all - rndn(g, 3));
	}
}

/* ---- output -------------------------------------------------------------------------------- */

static void emit(int op, uint64_t a, uint64_t b, uint64_t c)
{
	const struct op *o = &ops[op];
	uint64_t prev_r = 0;
	uint32_t fl, prev_f = 0;
	int rm;

	/* Integer inputs travel as their 64-bit register pattern, masked to
	 * the bits the instruction reads. */
	printf("%s %" PRIx64, o->name, a);
	if (o->kind == K_BIN || o->kind == K_CMP || o->kind == K_TER)
		printf(" %" PRIx64, b);
	if (o->kind == K_TER)
		printf(" %" PRIx64, c);
	printf(" :");
	for (rm = 0; rm < ((o->kind == K_CMP || o->kind == K_CLS) ? 1 : 5); rm++) {
		uint64_t r = run(op, a, b, c, rm, &fl);

		if (rm && r == prev_r && fl == prev_f)
			printf(" =");
		else
			printf(" %" PRIx64 "/%x", r, fl);
		prev_r = r;
		prev_f = fl;
	}
	printf("\n");
}

static void gen_op(struct rng *g, int op, int nrand)
{
	const struct op *o = &ops[op];
	int d = o->dom == D_D;
	/* The fma and cross-product edge sets are small to keep the file
	 * small; random inputs draw from the full edge lists. */
	static const uint64_t core_s[] = {0x0,	      0x80000000, 0x1,	      0x807fffff,
					  0x800000,   0x80800000, 0x3f800000, 0xbfc00000,
					  0x7f7fffff, 0xff7fffff, 0x7f800000, 0xff800000,
					  0x7fc00000, 0x7f800001, 0x40400000, 0x00400000};
	static const uint64_t core_d[] = {0x0,
					  0x8000000000000000,
					  0x1,
					  0x800fffffffffffff,
					  0x10000000000000,
					  0x8010000000000000,
					  0x3ff0000000000000,
					  0xbff8000000000000,
					  0x7fefffffffffffff,
					  0xffefffffffffffff,
					  0x7ff0000000000000,
					  0xfff0000000000000,
					  0x7ff8000000000000,
					  0x7ff0000000000001,
					  0x4008000000000000,
					  0x0008000000000000};
	static const int fma_core[] = {0, 1, 2, 4, 6, 8, 10, 12, 13};
	const uint64_t *core = d ? core_d : core_s;
	const uint64_t *edge = d ? edge_d : edge_s;
	size_t nedge = d ? NEDGE_D : NEDGE_S, i, j, k;
	int n;

	switch (o->kind) {
	case K_UN:
		if (o->dom >= D_W) {
			static const uint64_t ints[] = {0,
							1,
							2,
							3,
							0x7fffffff,
							0x80000000,
							0x80000001,
							0xffffffff,
							0x100000000,
							0x00ffffff,
							0x01000001,
							0x01000003,
							0x7fffffffffffffff,
							0x8000000000000000,
							0x8000000000000001,
							0xffffffffffffffff,
							0x0020000000000001,
							0x0020000000000003,
							0xfffffffffffffffe,
							0xffffff7fffffffff,
							0xfffffe0000000001,
							0x7ffffe0000000000,
							0x7fffff0000000000};
			for (i = 0; i < sizeof(ints) / sizeof(ints[0]); i++) {
				uint64_t v = ints[i];

				if (o->dom == D_W)
					v = (uint64_t)(int64_t)(int32_t)v;
				else if (o->dom == D_WU)
					v = (uint32_t)v;
				emit(op, v, 0, 0);
			}
			for (n = 0; n < nrand; n++)
				emit(op, rnd_int(g, o->dom), 0, 0);
			break;
		}
		for (i = 0; i < nedge; i++)
			emit(op, edge[i], 0, 0);
		for (n = 0; n < nrand; n++) {
			uint64_t a;

			if (strstr(o->name, "cvt.") && strcmp(o->name, "cvt.s.d") &&
			    strcmp(o->name, "cvt.d.s") && rndn(g, 2))
				a = rnd_cvt_input(g, d);
			else if (!strcmp(o->name, "cvt.s.d") && rndn(g, 2))
				/* doubles around the single range limits */
				a = mk(1, (int)rndn(g, 2),
				       rndn(g, 2) ? 1023 - 126 - (int)rndn(g, 28)
						  : 1023 + 125 + (int)rndn(g, 5),
				       rnd_frac(g, 1));
			else if (o->name[0] == 's' && rndn(g, 2)) {
				/* squares of short values: exact and near-exact roots */
				uint64_t x = mk(d, 0, rnd_efield(g, d),
						rnd_frac(g, d) & ~((1ull << (d ? 26 : 12)) - 1));
				a = d ? bits_d(d_of(x) * d_of(x)) : bits_f(f_of(x) * f_of(x));
				a += rndn(g, 3) - 1;
			} else {
				a = rnd_fp(g, d);
			}
			emit(op, a, 0, 0);
		}
		break;
	case K_CLS:
		for (i = 0; i < nedge; i++)
			emit(op, edge[i], 0, 0);
		for (n = 0; n < nrand / 4; n++)
			emit(op, rnd_fp(g, d), 0, 0);
		break;
	case K_BIN:
	case K_CMP:
		for (i = 0; i < 16; i++)
			for (j = 0; j < 16; j++)
				emit(op, core[i], core[j], 0);
		for (n = 0; n < nrand; n++) {
			uint64_t a = rnd_fp(g, d), b;

			b = rndn(g, 2) ? rnd_near(g, d, a) : rnd_fp(g, d);
			if (rndn(g, 8) == 0)
				b = a;
			else if (rndn(g, 8) == 0)
				b = a ^ (d ? 1ull << 63 : 1ull << 31);
			else if (rndn(g, 3) == 0 &&
				 (strstr(o->name, "mul") || strstr(o->name, "div"))) {
				/* a op b lands next to a range boundary */
				int div = d ? 27 : 3, rm = (int)rndn(g, 5);
				uint32_t fl;
				uint64_t t = rnd_target(g, d);

				b = strstr(o->name, "mul") ? run(div, t, a, 0, rm, &fl)
							   : run(div, a, t, 0, rm, &fl);
				b += rndn(g, 5) - 2;
			}
			emit(op, a, b, 0);
		}
		break;
	case K_TER:
		/* Only fmadd gets the edge cube; the sign variants share its
		 * logic and get random inputs. */
		if (!strncmp(o->name, "fmadd", 5))
			for (i = 0; i < 9; i++)
				for (j = 0; j < 9; j++)
					for (k = 0; k < 9; k++)
						emit(op, core[fma_core[i]], core[fma_core[j]],
						     core[fma_core[k]]);
		for (n = 0; n < nrand; n++) {
			uint64_t a = rnd_fp(g, d), b = rnd_fp(g, d), c;

			switch (rndn(g, 4)) {
			case 0:
			case 1: {
				/* c close to -(a*b): heavy cancellation */
				int rm = (int)rndn(g, 5);
				uint32_t fl;
				uint64_t pr = run(d ? 26 : 2, a, b, 0, rm, &fl);

				c = (pr ^ (d ? 1ull << 63 : 1ull << 31)) + rndn(g, 5) - 2;
				if (rndn(g, 3) == 0)
					c = rnd_near(g, d, c);
				break;
			}
			case 2:
				if (rndn(g, 2)) {
					c = rnd_near(g, d, a);
				} else {
					/* a*b + c lands next to a range boundary */
					int rm = (int)rndn(g, 5);
					uint32_t fl;
					uint64_t pr = run(d ? 26 : 2, a, b, 0, rm, &fl);

					c = run(d ? 25 : 1, rnd_target(g, d), pr, 0, rm, &fl);
					c += rndn(g, 3) - 1;
				}
				break;
			default:
				c = rnd_fp(g, d);
				break;
			}
			emit(op, a, b, c);
		}
		break;
	}
}

/* Answer hand-picked inputs, to check expectations written by hand. */
static int answer_stdin(void)
{
	char line[512];

	while (fgets(line, sizeof(line), stdin)) {
		char name[32];
		uint64_t in[3] = {0, 0, 0};
		size_t op;

		if (sscanf(line, "%31s %" SCNx64 " %" SCNx64 " %" SCNx64, name, &in[0], &in[1],
			   &in[2]) < 2)
			continue;
		for (op = 0; op < NOPS; op++)
			if (!strcmp(ops[op].name, name))
				break;
		if (op == NOPS) {
			fprintf(stderr, "unknown op %s\n", name);
			return 1;
		}
		emit((int)op, in[0], in[1], in[2]);
	}
	return 0;
}

int main(int argc, char **argv)
{
	int nrand = argc > 1 ? atoi(argv[1]) : 300;
	struct rng rng, *g = &rng;
	size_t op;

	if (argc > 1 && !strcmp(argv[1], "-"))
		return answer_stdin();

	g->s = argc > 2 ? strtoull(argv[2], NULL, 0) : 1;
	printf("# RISC-V F/D vectors from gen_fpu_vectors.c (%d random per op, seed %" PRIu64
	       ").\n# OP A [B [C]] : R/F per rm RNE RTZ RDN RUP RMM (\"=\" repeats), or one R/F "
	       "when rm-independent\n",
	       nrand, g->s);
	for (op = 0; op < NOPS; op++)
		gen_op(g, (int)op, nrand);
	return 0;
}
#endif /* __riscv */
