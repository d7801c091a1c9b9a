/* SPDX-License-Identifier: MIT */
/*
 * RISC-V F and D arithmetic (see fpu.h for the contract).
 *
 * Everything is integer arithmetic on unpacked operands: a sign, an
 * unbiased exponent and a 63-bit significand with its leading one at bit 62.
 * Each operation forms its exact result, or a truncation of it plus a sticky
 * bit that is set when anything nonzero was dropped, and roundpack() rounds
 * that once in the requested mode, detecting tininess after rounding as
 * RISC-V requires.  Products and quotients use 128-bit integers.
 *
 * Host floating point is deliberately not used.  Host SSE in RNE plus
 * error-free transformations (two-sum, fma residuals) would give every
 * rounding mode and the flags without switching the host rounding mode, but
 * leaving the host's MXCSR flags as found costs an stmxcsr/ldmxcsr pair
 * (5-10 ns measured on an AMD EPYC), which made that path no faster than
 * this one (about 7 ns for add/mul, 9 for div, 15 for fma, 16 for sqrt).
 * In exchange this code cannot leak or depend on host FP state (rounding
 * mode, FTZ/DAZ, tininess convention), and gives the same bits on any host.
 */
#include <stdbool.h>
#include <stdint.h>

#include "cpu/fpu.h"

/* ---- formats ------------------------------------------------------------------------ */

/* @d selects the format: 0 single, 1 double.  Everything below is inlined
 * with a constant @d, so the format tests fold away. */
#define FS 0
#define FD 1

static inline int fmt_p(int d)
{
	return d ? 53 : 24;
}

static inline int fmt_bias(int d)
{
	return d ? 1023 : 127;
}

static inline int fmt_efield_max(int d)
{
	return d ? 0x7ff : 0xff;
}

static inline uint64_t fmt_sign(int d)
{
	return d ? 1ull << 63 : 1ull << 31;
}

static inline uint64_t fmt_inf(int d)
{
	return (uint64_t)fmt_efield_max(d) << (fmt_p(d) - 1);
}

static inline uint64_t fmt_cnan(int d)
{
	return d ? FPU_CANON_NAN_D : FPU_CANON_NAN_S;
}

static inline uint64_t fmt_zero(int d, bool neg)
{
	return neg ? fmt_sign(d) : 0;
}

/* ---- small integer helpers ---------------------------------------------------------- */

typedef unsigned __int128 u128;

/* Shift right, ORing every bit shifted out into bit 0 (the sticky bit). */
static inline uint64_t shr_jam(uint64_t m, int n)
{
	if (n <= 0)
		return m;
	if (n >= 64)
		return m != 0;
	return (m >> n) | ((m << (64 - n)) != 0);
}

static inline u128 shr_jam128(u128 m, int n)
{
	if (n <= 0)
		return m;
	if (n >= 128)
		return m != 0;
	return (m >> n) | ((m << (128 - n)) != 0);
}

static inline int clz128(u128 m)
{
	uint64_t hi = (uint64_t)(m >> 64);

	return hi ? __builtin_clzll(hi) : 64 + __builtin_clzll((uint64_t)m);
}

/*
 * floor(sqrt(n)) for n in [2^124, 2^126).  A chord of sqrt over the octave
 * of the top 64 bits is within about 1%; three Newton steps on those 64
 * bits give about 31 good bits, one on the full 128 about 62, and the final
 * loops (a step or two) make it exact whatever the estimate was.
 */
static uint64_t isqrt128(u128 n)
{
	uint64_t hi = (uint64_t)(n >> 64), odd = hi >> 61, x, r;
	u128 y;
	int i;

	/* sqrt(h) ~ (0.586 + 0.414 h / 2^60) 2^30 for h in [2^60, 2^61);
	 * the upper octave is sqrt(2) times that of hi / 2. */
	x = 0x2580a000u + (hi >> 46 >> odd) * 27146u;
	if (odd)
		x = x * 46341u >> 15;
	for (i = 0; i < 3; i++)
		x = (x + hi / x) >> 1;
	/* x >= floor(sqrt(hi)) >= 2^30 now, so y >= 2^62 and n / y < 2^64. */
	y = (u128)x << 32;
	r = (uint64_t)((y + n / y) >> 1);
	while ((u128)r * r > n)
		r--;
	while ((u128)(r + 1) * (r + 1) <= n)
		r++;
	return r;
}

/* ---- unpacked operands -------------------------------------------------------------- */

enum { K_ZERO, K_FIN, K_INF, K_QNAN, K_SNAN };

/* Finite nonzero values are m * 2^(e - 62), 2^62 <= m < 2^63. */
struct unp {
	int k;
	bool s;
	int e;
	uint64_t m;
};

static inline struct unp unpack(int d, uint64_t x)
{
	const int p = fmt_p(d), bias = fmt_bias(d);
	uint64_t frac = x & ((1ull << (p - 1)) - 1);
	int ef = (int)(x >> (p - 1)) & fmt_efield_max(d);
	struct unp u = {.k = K_FIN, .s = (x & fmt_sign(d)) != 0, .e = 0, .m = 0};

	if (ef == fmt_efield_max(d)) {
		if (!frac)
			u.k = K_INF;
		else
			u.k = (frac >> (p - 2)) & 1 ? K_QNAN : K_SNAN;
	} else if (ef == 0) {
		if (!frac) {
			u.k = K_ZERO;
		} else {
			int lead = 63 - __builtin_clzll(frac);

			u.m = frac << (62 - lead);
			u.e = 1 - bias - (p - 1) + lead;
		}
	} else {
		u.m = (frac | 1ull << (p - 1)) << (63 - p);
		u.e = ef - bias;
	}
	return u;
}

static inline bool is_nan(const struct unp *u)
{
	return u->k >= K_QNAN;
}

/* The result when some operand is a NaN: always the canonical NaN, NV only
 * for a signaling one. */
static inline uint64_t nan_result(int d, bool snan, uint32_t *fl)
{
	if (snan)
		*fl |= FPU_NV;
	return fmt_cnan(d);
}

static inline uint64_t invalid(int d, uint32_t *fl)
{
	*fl |= FPU_NV;
	return fmt_cnan(d);
}

/* ---- rounding ----------------------------------------------------------------------- */

/* m >> rb rounded per @rm; the caller sees a carry as bit (64 - rb) set. */
static inline uint64_t round_q(uint64_t m, int rb, int rm, bool s)
{
	uint64_t half = 1ull << (rb - 1), rem = m & ((1ull << rb) - 1), q = m >> rb;

	switch (rm) {
	case FPU_RTZ:
		return q;
	case FPU_RDN:
		return q + (rem && s);
	case FPU_RUP:
		return q + (rem && !s);
	case FPU_RMM:
		return q + (rem >= half);
	default:
		return q + (rem > half || (rem == half && (q & 1)));
	}
}

/*
 * Round (-1)^s * m * 2^(e - 62), 2^62 <= m < 2^63 with bit 0 sticky, to
 * format @d.  Tininess is detected after rounding: the value is tiny when,
 * rounded to full precision with an unbounded exponent, it is still below the
 * smallest normal.  UF needs tiny and inexact.
 */
static inline uint64_t roundpack(int d, bool s, int e, uint64_t m, int rm, uint32_t *fl)
{
	const int p = fmt_p(d), rb = 63 - p, bias = fmt_bias(d), emin = 1 - bias;
	const uint64_t sign = fmt_zero(d, s);
	bool tiny = false;
	uint64_t q;

	if (e < emin) {
		/* Only a value just below 2^emin can round up out of tininess. */
		tiny = e < emin - 1 || !(round_q(m, rb, rm, s) >> p);
		m = shr_jam(m, emin - e);
		e = emin;
	}
	q = round_q(m, rb, rm, s);
	if (e + (int)(q >> p) > bias) {
		bool to_inf = rm == FPU_RNE || rm == FPU_RMM || (rm == FPU_RDN && s) ||
			      (rm == FPU_RUP && !s) || rm > FPU_RMM;

		*fl |= FPU_OF | FPU_NX;
		return sign | (to_inf ? fmt_inf(d) : fmt_inf(d) - 1);
	}
	if (m & ((1ull << rb) - 1)) {
		*fl |= FPU_NX;
		if (tiny)
			*fl |= FPU_UF;
	}
	/* q's leading one (or its carry) adds 1 to the exponent field; a
	 * subnormal q has none and gets field 0. */
	return sign | (((uint64_t)(e + bias - 1) << (p - 1)) + q);
}

/* An exact zero sum: +0, except -0 when rounding down (IEEE 754 6.3). */
static inline uint64_t exact_zero(int d, int rm)
{
	return fmt_zero(d, rm == FPU_RDN);
}

/* ---- software arithmetic ------------------------------------------------------------ */

static inline uint64_t soft_add(int d, uint64_t a, uint64_t b, int rm, uint32_t *fl)
{
	struct unp x = unpack(d, a), y = unpack(d, b), t;
	uint64_t m;
	int e;

	if (is_nan(&x) || is_nan(&y))
		return nan_result(d, x.k == K_SNAN || y.k == K_SNAN, fl);
	if (x.k == K_INF) {
		if (y.k == K_INF && x.s != y.s)
			return invalid(d, fl);
		return a;
	}
	if (y.k == K_INF)
		return b;
	if (x.k == K_ZERO && y.k == K_ZERO)
		return x.s == y.s ? a : exact_zero(d, rm);
	if (x.k == K_ZERO)
		return b;
	if (y.k == K_ZERO)
		return a;
	if (x.e < y.e || (x.e == y.e && x.m < y.m)) {
		t = x;
		x = y;
		y = t;
	}
	/* The sticky bit lands at least 10 bits below the rounding position,
	 * and a jammed subtrahend means at most one bit of cancellation, so
	 * the sticky approximation rounds the same as the exact difference. */
	y.m = shr_jam(y.m, x.e - y.e);
	e = x.e;
	if (x.s == y.s) {
		m = x.m + y.m;
		if (m >> 63) {
			m = shr_jam(m, 1);
			e++;
		}
	} else {
		int sh;

		m = x.m - y.m;
		if (!m)
			return exact_zero(d, rm);
		sh = __builtin_clzll(m) - 1;
		m <<= sh;
		e -= sh;
	}
	return roundpack(d, x.s, e, m, rm, fl);
}

static inline uint64_t soft_mul(int d, uint64_t a, uint64_t b, int rm, uint32_t *fl)
{
	struct unp x = unpack(d, a), y = unpack(d, b);
	bool s = x.s != y.s;
	uint64_t m;
	u128 prod;
	int e;

	if (is_nan(&x) || is_nan(&y))
		return nan_result(d, x.k == K_SNAN || y.k == K_SNAN, fl);
	if (x.k == K_INF || y.k == K_INF) {
		if (x.k == K_ZERO || y.k == K_ZERO)
			return invalid(d, fl);
		return fmt_zero(d, s) | fmt_inf(d);
	}
	if (x.k == K_ZERO || y.k == K_ZERO)
		return fmt_zero(d, s);
	prod = (u128)x.m * y.m; /* [2^124, 2^126) */
	m = (uint64_t)(prod >> 62) | (((uint64_t)prod & ((1ull << 62) - 1)) != 0);
	e = x.e + y.e;
	if (m >> 63) {
		m = shr_jam(m, 1);
		e++;
	}
	return roundpack(d, s, e, m, rm, fl);
}

static inline uint64_t soft_div(int d, uint64_t a, uint64_t b, int rm, uint32_t *fl)
{
	struct unp x = unpack(d, a), y = unpack(d, b);
	bool s = x.s != y.s;
	uint64_t m, xm;
	u128 num;
	int e;

	if (is_nan(&x) || is_nan(&y))
		return nan_result(d, x.k == K_SNAN || y.k == K_SNAN, fl);
	if (x.k == K_INF) {
		if (y.k == K_INF)
			return invalid(d, fl);
		return fmt_zero(d, s) | fmt_inf(d);
	}
	if (y.k == K_INF)
		return fmt_zero(d, s);
	if (y.k == K_ZERO) {
		if (x.k == K_ZERO)
			return invalid(d, fl);
		*fl |= FPU_DZ;
		return fmt_zero(d, s) | fmt_inf(d);
	}
	if (x.k == K_ZERO)
		return fmt_zero(d, s);
	xm = x.m;
	e = x.e - y.e;
	if (xm < y.m) {
		xm <<= 1;
		e--;
	}
	/* xm / y.m in [1, 2), so the quotient is in [2^62, 2^63). */
	num = (u128)xm << 62;
	m = (uint64_t)(num / y.m);
	m |= (num % y.m) != 0;
	return roundpack(d, s, e, m, rm, fl);
}

static inline uint64_t soft_sqrt(int d, uint64_t a, int rm, uint32_t *fl)
{
	struct unp x = unpack(d, a);
	u128 n;
	uint64_t r;
	int e;

	if (is_nan(&x))
		return nan_result(d, x.k == K_SNAN, fl);
	if (x.k == K_ZERO)
		return a;
	if (x.s)
		return invalid(d, fl);
	if (x.k == K_INF)
		return a;
	/* Make the exponent even; n lands in [2^124, 2^126). */
	e = x.e;
	if (e & 1) {
		n = (u128)x.m << 63;
		e--;
	} else {
		n = (u128)x.m << 62;
	}
	r = isqrt128(n);
	r |= (u128)r * r != n;
	return roundpack(d, false, e / 2, r, rm, fl);
}

static inline uint64_t soft_fma(int d, uint64_t a, uint64_t b, uint64_t c, int rm, uint32_t *fl)
{
	struct unp x = unpack(d, a), y = unpack(d, b), z = unpack(d, c);
	bool ps = x.s != y.s, s;
	u128 prod, addend, sum;
	int e, lead;
	uint64_t m;

	/* inf * 0 is invalid even when the addend is a quiet NaN (the ISA
	 * leaves no choice here, unlike IEEE 754). */
	if ((x.k == K_INF && y.k == K_ZERO) || (x.k == K_ZERO && y.k == K_INF)) {
		*fl |= FPU_NV;
		return fmt_cnan(d);
	}
	if (is_nan(&x) || is_nan(&y) || is_nan(&z))
		return nan_result(d, x.k == K_SNAN || y.k == K_SNAN || z.k == K_SNAN, fl);
	if (x.k == K_INF || y.k == K_INF) {
		if (z.k == K_INF && z.s != ps)
			return invalid(d, fl);
		return fmt_zero(d, ps) | fmt_inf(d);
	}
	if (z.k == K_INF)
		return c;
	if (x.k == K_ZERO || y.k == K_ZERO) {
		if (z.k == K_ZERO)
			return z.s == ps ? c : exact_zero(d, rm);
		return c;
	}
	prod = (u128)x.m * y.m; /* [2^124, 2^126), value prod * 2^(e - 124) */
	e = x.e + y.e;
	if (z.k == K_ZERO) {
		m = (uint64_t)(prod >> 62) | (((uint64_t)prod & ((1ull << 62) - 1)) != 0);
		if (m >> 63) {
			m = shr_jam(m, 1);
			e++;
		}
		return roundpack(d, ps, e, m, rm, fl);
	}
	/* Align on the larger exponent.  The product's low set bit is at
	 * least bit 20 and the addend's at least bit 72, so a shift either
	 * loses nothing or leaves the other operand dominant (at most one bit
	 * of cancellation), and the sticky bit then rounds correctly. */
	addend = (u128)z.m << 62;
	if (e >= z.e) {
		addend = shr_jam128(addend, e - z.e);
	} else {
		prod = shr_jam128(prod, z.e - e);
		e = z.e;
	}
	if (ps == z.s) {
		sum = prod + addend;
		s = ps;
	} else if (prod >= addend) {
		sum = prod - addend;
		s = ps;
	} else {
		sum = addend - prod;
		s = z.s;
	}
	if (!sum)
		return exact_zero(d, rm);
	lead = 127 - clz128(sum);
	if (lead > 62)
		m = (uint64_t)shr_jam128(sum, lead - 62);
	else
		m = (uint64_t)sum << (62 - lead);
	return roundpack(d, s, e + lead - 124, m, rm, fl);
}

/* Float to integer, saturating per the ISA table: NaN and positive overflow
 * give the maximum, negative overflow the minimum (0 when unsigned), with NV
 * and no NX; a 32-bit result is sign-extended. */
static inline uint64_t soft_f2i(int d, uint64_t a, int rm, uint32_t *fl, bool w, bool sgn)
{
	struct unp x = unpack(d, a);
	uint64_t max, min, neg_lim, q, frac, res;
	const uint64_t half = 1ull << 63;
	bool inc;
	int sh;

	if (sgn) {
		max = w ? INT32_MAX : INT64_MAX;
		min = w ? (uint64_t)(int64_t)INT32_MIN : (uint64_t)INT64_MIN;
		neg_lim = w ? 1ull << 31 : 1ull << 63;
	} else {
		max = w ? UINT32_MAX : UINT64_MAX;
		min = 0;
		neg_lim = 0;
	}
	if (is_nan(&x) || (x.k == K_INF && !x.s))
		goto overflow_pos;
	if (x.k == K_INF)
		goto overflow_neg;
	if (x.k == K_ZERO)
		return 0;
	if (x.e > 63)
		goto overflow;
	/* Integer part q, fraction as a 64-bit binary fraction. */
	sh = 62 - x.e;
	if (sh <= 0) {
		q = x.m << -sh;
		frac = 0;
	} else if (sh < 64) {
		q = x.m >> sh;
		frac = x.m << (64 - sh);
	} else {
		q = 0;
		frac = shr_jam(x.m, sh - 64);
	}
	switch (rm) {
	case FPU_RTZ:
		inc = false;
		break;
	case FPU_RDN:
		inc = frac && x.s;
		break;
	case FPU_RUP:
		inc = frac && !x.s;
		break;
	case FPU_RMM:
		inc = frac >= half;
		break;
	default:
		inc = frac > half || (frac == half && (q & 1));
		break;
	}
	if (inc) {
		if (q == UINT64_MAX)
			goto overflow;
		q++;
	}
	if (x.s ? q > neg_lim : q > max)
		goto overflow;
	if (frac)
		*fl |= FPU_NX;
	res = x.s ? -q : q;
	return w ? (uint64_t)(int64_t)(int32_t)(uint32_t)res : res;
overflow:
	if (x.s)
		goto overflow_neg;
overflow_pos:
	*fl |= FPU_NV;
	return w ? (uint64_t)(int64_t)(int32_t)(uint32_t)max : max;
overflow_neg:
	*fl |= FPU_NV;
	return min;
}

static inline uint64_t soft_i2f(int d, bool s, uint64_t mag, int rm, uint32_t *fl)
{
	int lead;

	if (!mag)
		return 0;
	lead = 63 - __builtin_clzll(mag);
	if (lead == 63)
		return roundpack(d, s, 63, shr_jam(mag, 1), rm, fl);
	return roundpack(d, s, lead, mag << (62 - lead), rm, fl);
}

/* Between formats: @from is the source format, the result is in 1 - @from. */
static inline uint64_t soft_cvt_ff(int from, uint64_t a, int rm, uint32_t *fl)
{
	struct unp x = unpack(from, a);
	int to = !from;

	if (is_nan(&x))
		return nan_result(to, x.k == K_SNAN, fl);
	if (x.k == K_INF)
		return fmt_zero(to, x.s) | fmt_inf(to);
	if (x.k == K_ZERO)
		return fmt_zero(to, x.s);
	return roundpack(to, x.s, x.e, x.m, rm, fl);
}

/* ---- comparisons, min/max, class ------------------------------------------------------ */

/* Total order of non-NaN values with -0 == +0 (when @zeq) or -0 < +0: map
 * sign-magnitude to a signed integer scale. */
static inline int64_t order_key(int d, uint64_t x, bool zeq)
{
	uint64_t mag = x & (fmt_sign(d) - 1);

	if (zeq && !mag)
		return 0;
	return (x & fmt_sign(d)) ? -(int64_t)mag - !zeq : (int64_t)mag;
}

static inline uint64_t soft_cmp(int d, uint64_t a, uint64_t b, int op, uint32_t *fl)
{
	struct unp x = unpack(d, a), y = unpack(d, b);
	int64_t ka, kb;

	if (is_nan(&x) || is_nan(&y)) {
		/* feq is quiet (NV only for sNaN); flt/fle signal on any NaN. */
		if (op != 0 || x.k == K_SNAN || y.k == K_SNAN)
			*fl |= FPU_NV;
		return 0;
	}
	ka = order_key(d, a, true);
	kb = order_key(d, b, true);
	if (op == 0)
		return ka == kb;
	return op == 1 ? ka < kb : ka <= kb;
}

/* minimumNumber/maximumNumber (ISA 2.2): a NaN operand yields the other
 * operand, two NaNs the canonical NaN, and -0 orders below +0. */
static inline uint64_t soft_minmax(int d, uint64_t a, uint64_t b, bool max, uint32_t *fl)
{
	struct unp x = unpack(d, a), y = unpack(d, b);
	int64_t ka, kb;

	if (x.k == K_SNAN || y.k == K_SNAN)
		*fl |= FPU_NV;
	if (is_nan(&x) && is_nan(&y))
		return fmt_cnan(d);
	if (is_nan(&x))
		return b;
	if (is_nan(&y))
		return a;
	ka = order_key(d, a, false);
	kb = order_key(d, b, false);
	return (max ? ka > kb : ka < kb) ? a : b;
}

static inline uint64_t soft_class(int d, uint64_t a)
{
	struct unp x = unpack(d, a);
	int ef = (int)(a >> (fmt_p(d) - 1)) & fmt_efield_max(d);

	switch (x.k) {
	case K_SNAN:
		return 1u << 8;
	case K_QNAN:
		return 1u << 9;
	case K_INF:
		return x.s ? 1u << 0 : 1u << 7;
	case K_ZERO:
		return x.s ? 1u << 3 : 1u << 4;
	default:
		if (ef == 0)
			return x.s ? 1u << 2 : 1u << 5;
		return x.s ? 1u << 1 : 1u << 6;
	}
}

/* ---- the API ---------------------------------------------------------------------------- */

uint32_t fpu_add_s(uint32_t a, uint32_t b, int rm, uint32_t *fflags)
{
	return (uint32_t)soft_add(FS, a, b, rm, fflags);
}

uint32_t fpu_sub_s(uint32_t a, uint32_t b, int rm, uint32_t *fflags)
{
	/* Flipping b's sign is exact and leaves NaN classes alone. */
	return fpu_add_s(a, b ^ 0x80000000u, rm, fflags);
}

uint32_t fpu_mul_s(uint32_t a, uint32_t b, int rm, uint32_t *fflags)
{
	return (uint32_t)soft_mul(FS, a, b, rm, fflags);
}

uint32_t fpu_div_s(uint32_t a, uint32_t b, int rm, uint32_t *fflags)
{
	return (uint32_t)soft_div(FS, a, b, rm, fflags);
}

uint32_t fpu_sqrt_s(uint32_t a, int rm, uint32_t *fflags)
{
	return (uint32_t)soft_sqrt(FS, a, rm, fflags);
}

uint32_t fpu_fma_s(uint32_t a, uint32_t b, uint32_t c, int rm, uint32_t *fflags)
{
	return (uint32_t)soft_fma(FS, a, b, c, rm, fflags);
}

uint32_t fpu_min_s(uint32_t a, uint32_t b, uint32_t *fflags)
{
	return (uint32_t)soft_minmax(FS, a, b, false, fflags);
}

uint32_t fpu_max_s(uint32_t a, uint32_t b, uint32_t *fflags)
{
	return (uint32_t)soft_minmax(FS, a, b, true, fflags);
}

uint64_t fpu_eq_s(uint32_t a, uint32_t b, uint32_t *fflags)
{
	return soft_cmp(FS, a, b, 0, fflags);
}

uint64_t fpu_lt_s(uint32_t a, uint32_t b, uint32_t *fflags)
{
	return soft_cmp(FS, a, b, 1, fflags);
}

uint64_t fpu_le_s(uint32_t a, uint32_t b, uint32_t *fflags)
{
	return soft_cmp(FS, a, b, 2, fflags);
}

uint64_t fpu_class_s(uint32_t a)
{
	return soft_class(FS, a);
}

uint64_t fpu_add_d(uint64_t a, uint64_t b, int rm, uint32_t *fflags)
{
	return soft_add(FD, a, b, rm, fflags);
}

uint64_t fpu_sub_d(uint64_t a, uint64_t b, int rm, uint32_t *fflags)
{
	return fpu_add_d(a, b ^ (1ull << 63), rm, fflags);
}

uint64_t fpu_mul_d(uint64_t a, uint64_t b, int rm, uint32_t *fflags)
{
	return soft_mul(FD, a, b, rm, fflags);
}

uint64_t fpu_div_d(uint64_t a, uint64_t b, int rm, uint32_t *fflags)
{
	return soft_div(FD, a, b, rm, fflags);
}

uint64_t fpu_sqrt_d(uint64_t a, int rm, uint32_t *fflags)
{
	return soft_sqrt(FD, a, rm, fflags);
}

uint64_t fpu_fma_d(uint64_t a, uint64_t b, uint64_t c, int rm, uint32_t *fflags)
{
	return soft_fma(FD, a, b, c, rm, fflags);
}

uint64_t fpu_min_d(uint64_t a, uint64_t b, uint32_t *fflags)
{
	return soft_minmax(FD, a, b, false, fflags);
}

uint64_t fpu_max_d(uint64_t a, uint64_t b, uint32_t *fflags)
{
	return soft_minmax(FD, a, b, true, fflags);
}

uint64_t fpu_eq_d(uint64_t a, uint64_t b, uint32_t *fflags)
{
	return soft_cmp(FD, a, b, 0, fflags);
}

uint64_t fpu_lt_d(uint64_t a, uint64_t b, uint32_t *fflags)
{
	return soft_cmp(FD, a, b, 1, fflags);
}

uint64_t fpu_le_d(uint64_t a, uint64_t b, uint32_t *fflags)
{
	return soft_cmp(FD, a, b, 2, fflags);
}

uint64_t fpu_class_d(uint64_t a)
{
	return soft_class(FD, a);
}

uint64_t fpu_cvt_w_s(uint32_t a, int rm, uint32_t *fflags)
{
	return soft_f2i(FS, a, rm, fflags, true, true);
}

uint64_t fpu_cvt_wu_s(uint32_t a, int rm, uint32_t *fflags)
{
	return soft_f2i(FS, a, rm, fflags, true, false);
}

uint64_t fpu_cvt_l_s(uint32_t a, int rm, uint32_t *fflags)
{
	return soft_f2i(FS, a, rm, fflags, false, true);
}

uint64_t fpu_cvt_lu_s(uint32_t a, int rm, uint32_t *fflags)
{
	return soft_f2i(FS, a, rm, fflags, false, false);
}

uint64_t fpu_cvt_w_d(uint64_t a, int rm, uint32_t *fflags)
{
	return soft_f2i(FD, a, rm, fflags, true, true);
}

uint64_t fpu_cvt_wu_d(uint64_t a, int rm, uint32_t *fflags)
{
	return soft_f2i(FD, a, rm, fflags, true, false);
}

uint64_t fpu_cvt_l_d(uint64_t a, int rm, uint32_t *fflags)
{
	return soft_f2i(FD, a, rm, fflags, false, true);
}

uint64_t fpu_cvt_lu_d(uint64_t a, int rm, uint32_t *fflags)
{
	return soft_f2i(FD, a, rm, fflags, false, false);
}

uint32_t fpu_cvt_s_w(int32_t a, int rm, uint32_t *fflags)
{
	return (uint32_t)soft_i2f(FS, a < 0, a < 0 ? -(uint64_t)a : (uint64_t)a, rm, fflags);
}

uint32_t fpu_cvt_s_wu(uint32_t a, int rm, uint32_t *fflags)
{
	return (uint32_t)soft_i2f(FS, false, a, rm, fflags);
}

uint32_t fpu_cvt_s_l(int64_t a, int rm, uint32_t *fflags)
{
	return (uint32_t)soft_i2f(FS, a < 0, a < 0 ? -(uint64_t)a : (uint64_t)a, rm, fflags);
}

uint32_t fpu_cvt_s_lu(uint64_t a, int rm, uint32_t *fflags)
{
	return (uint32_t)soft_i2f(FS, false, a, rm, fflags);
}

uint64_t fpu_cvt_d_w(int32_t a, int rm, uint32_t *fflags)
{
	return soft_i2f(FD, a < 0, a < 0 ? -(uint64_t)a : (uint64_t)a, rm, fflags);
}

uint64_t fpu_cvt_d_wu(uint32_t a, int rm, uint32_t *fflags)
{
	return soft_i2f(FD, false, a, rm, fflags);
}

uint64_t fpu_cvt_d_l(int64_t a, int rm, uint32_t *fflags)
{
	return soft_i2f(FD, a < 0, a < 0 ? -(uint64_t)a : (uint64_t)a, rm, fflags);
}

uint64_t fpu_cvt_d_lu(uint64_t a, int rm, uint32_t *fflags)
{
	return soft_i2f(FD, false, a, rm, fflags);
}

uint32_t fpu_cvt_s_d(uint64_t a, int rm, uint32_t *fflags)
{
	return (uint32_t)soft_cvt_ff(FD, a, rm, fflags);
}

uint64_t fpu_cvt_d_s(uint32_t a, int rm, uint32_t *fflags)
{
	return soft_cvt_ff(FS, a, rm, fflags);
}
