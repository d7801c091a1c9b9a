/* SPDX-License-Identifier: MIT */
/*
 * fpu.c against RISC-V's own answers: tests/unit/fpu_vectors.txt (made by
 * gen_fpu_vectors.sh on a RISC-V implementation, see gen_fpu_vectors.c for
 * the format) plus hand-written cases for the rules most easily got wrong.
 * Every operation is also checked to leave the host's rounding mode and
 * exception flags as it found them.
 *
 * The vector file is $HV_SRCDIR/tests/unit/fpu_vectors.txt (HV_SRCDIR
 * defaults to "."), or $HV_FPU_VECTORS when set.
 *
 * Exit status: 0 pass, 2 fail, 99 bug in the test (no vector file).
 */
#include <fenv.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cpu/fpu.h"

#define MAX_REPORTS 40

enum kind { K_BIN, K_UN, K_TER, K_CMP, K_CLS };

/* One entry per RISC-V instruction; the fused variants are the caller's
 * sign flips of fpu_fma_*, as fpu.h says. */
struct op {
	const char *name;
	enum kind kind;
	uint64_t (*fn)(uint64_t a, uint64_t b, uint64_t c, int rm, uint32_t *fl);
};

#define S32 0x80000000ull
#define S64 0x8000000000000000ull

/* Adapters to one signature.  The ones taking singles pass only the low 32
 * bits, integers the bits the instruction reads. */
#define BIN(nm, f, T)                                                                \
	static uint64_t nm(uint64_t a, uint64_t b, uint64_t c, int rm, uint32_t *fl) \
	{                                                                            \
		(void)c;                                                             \
		return f((T)a, (T)b, rm, fl);                                        \
	}
#define CMP(nm, f, T)                                                                \
	static uint64_t nm(uint64_t a, uint64_t b, uint64_t c, int rm, uint32_t *fl) \
	{                                                                            \
		(void)c;                                                             \
		(void)rm;                                                            \
		return f((T)a, (T)b, fl);                                            \
	}
#define UN(nm, f, T)                                                                 \
	static uint64_t nm(uint64_t a, uint64_t b, uint64_t c, int rm, uint32_t *fl) \
	{                                                                            \
		(void)b;                                                             \
		(void)c;                                                             \
		return f((T)a, rm, fl);                                              \
	}
#define CLS(nm, f, T)                                                                \
	static uint64_t nm(uint64_t a, uint64_t b, uint64_t c, int rm, uint32_t *fl) \
	{                                                                            \
		(void)b;                                                             \
		(void)c;                                                             \
		(void)rm;                                                            \
		(void)fl;                                                            \
		return f((T)a);                                                      \
	}
/* fmadd a*b+c, fmsub a*b-c, fnmsub -(a*b)+c, fnmadd -(a*b)-c */
#define TER(nm, f, T, SB, na, nc)                                                           \
	static uint64_t nm(uint64_t a, uint64_t b, uint64_t c, int rm, uint32_t *fl)        \
	{                                                                                   \
		return f((T)(a ^ ((na) ? SB : 0)), (T)b, (T)(c ^ ((nc) ? SB : 0)), rm, fl); \
	}

BIN(t_add_s, fpu_add_s, uint32_t)
BIN(t_sub_s, fpu_sub_s, uint32_t)
BIN(t_mul_s, fpu_mul_s, uint32_t)
BIN(t_div_s, fpu_div_s, uint32_t)
UN(t_sqrt_s, fpu_sqrt_s, uint32_t)
TER(t_fmadd_s, fpu_fma_s, uint32_t, S32, 0, 0)
TER(t_fmsub_s, fpu_fma_s, uint32_t, S32, 0, 1)
TER(t_fnmsub_s, fpu_fma_s, uint32_t, S32, 1, 0)
TER(t_fnmadd_s, fpu_fma_s, uint32_t, S32, 1, 1)
CMP(t_min_s, fpu_min_s, uint32_t)
CMP(t_max_s, fpu_max_s, uint32_t)
CMP(t_eq_s, fpu_eq_s, uint32_t)
CMP(t_lt_s, fpu_lt_s, uint32_t)
CMP(t_le_s, fpu_le_s, uint32_t)
CLS(t_class_s, fpu_class_s, uint32_t)
UN(t_cvt_w_s, fpu_cvt_w_s, uint32_t)
UN(t_cvt_wu_s, fpu_cvt_wu_s, uint32_t)
UN(t_cvt_l_s, fpu_cvt_l_s, uint32_t)
UN(t_cvt_lu_s, fpu_cvt_lu_s, uint32_t)
UN(t_cvt_s_w, fpu_cvt_s_w, int32_t)
UN(t_cvt_s_wu, fpu_cvt_s_wu, uint32_t)
UN(t_cvt_s_l, fpu_cvt_s_l, int64_t)
UN(t_cvt_s_lu, fpu_cvt_s_lu, uint64_t)
UN(t_cvt_d_s, fpu_cvt_d_s, uint32_t)
BIN(t_add_d, fpu_add_d, uint64_t)
BIN(t_sub_d, fpu_sub_d, uint64_t)
BIN(t_mul_d, fpu_mul_d, uint64_t)
BIN(t_div_d, fpu_div_d, uint64_t)
UN(t_sqrt_d, fpu_sqrt_d, uint64_t)
TER(t_fmadd_d, fpu_fma_d, uint64_t, S64, 0, 0)
TER(t_fmsub_d, fpu_fma_d, uint64_t, S64, 0, 1)
TER(t_fnmsub_d, fpu_fma_d, uint64_t, S64, 1, 0)
TER(t_fnmadd_d, fpu_fma_d, uint64_t, S64, 1, 1)
CMP(t_min_d, fpu_min_d, uint64_t)
CMP(t_max_d, fpu_max_d, uint64_t)
CMP(t_eq_d, fpu_eq_d, uint64_t)
CMP(t_lt_d, fpu_lt_d, uint64_t)
CMP(t_le_d, fpu_le_d, uint64_t)
CLS(t_class_d, fpu_class_d, uint64_t)
UN(t_cvt_w_d, fpu_cvt_w_d, uint64_t)
UN(t_cvt_wu_d, fpu_cvt_wu_d, uint64_t)
UN(t_cvt_l_d, fpu_cvt_l_d, uint64_t)
UN(t_cvt_lu_d, fpu_cvt_lu_d, uint64_t)
UN(t_cvt_d_w, fpu_cvt_d_w, int32_t)
UN(t_cvt_d_wu, fpu_cvt_d_wu, uint32_t)
UN(t_cvt_d_l, fpu_cvt_d_l, int64_t)
UN(t_cvt_d_lu, fpu_cvt_d_lu, uint64_t)
UN(t_cvt_s_d, fpu_cvt_s_d, uint64_t)

static const struct op ops[] = {
	{"add.s", K_BIN, t_add_s},	 {"sub.s", K_BIN, t_sub_s},
	{"mul.s", K_BIN, t_mul_s},	 {"div.s", K_BIN, t_div_s},
	{"sqrt.s", K_UN, t_sqrt_s},	 {"fmadd.s", K_TER, t_fmadd_s},
	{"fmsub.s", K_TER, t_fmsub_s},	 {"fnmsub.s", K_TER, t_fnmsub_s},
	{"fnmadd.s", K_TER, t_fnmadd_s}, {"min.s", K_CMP, t_min_s},
	{"max.s", K_CMP, t_max_s},	 {"eq.s", K_CMP, t_eq_s},
	{"lt.s", K_CMP, t_lt_s},	 {"le.s", K_CMP, t_le_s},
	{"class.s", K_CLS, t_class_s},	 {"cvt.w.s", K_UN, t_cvt_w_s},
	{"cvt.wu.s", K_UN, t_cvt_wu_s},	 {"cvt.l.s", K_UN, t_cvt_l_s},
	{"cvt.lu.s", K_UN, t_cvt_lu_s},	 {"cvt.s.w", K_UN, t_cvt_s_w},
	{"cvt.s.wu", K_UN, t_cvt_s_wu},	 {"cvt.s.l", K_UN, t_cvt_s_l},
	{"cvt.s.lu", K_UN, t_cvt_s_lu},	 {"cvt.d.s", K_UN, t_cvt_d_s},
	{"add.d", K_BIN, t_add_d},	 {"sub.d", K_BIN, t_sub_d},
	{"mul.d", K_BIN, t_mul_d},	 {"div.d", K_BIN, t_div_d},
	{"sqrt.d", K_UN, t_sqrt_d},	 {"fmadd.d", K_TER, t_fmadd_d},
	{"fmsub.d", K_TER, t_fmsub_d},	 {"fnmsub.d", K_TER, t_fnmsub_d},
	{"fnmadd.d", K_TER, t_fnmadd_d}, {"min.d", K_CMP, t_min_d},
	{"max.d", K_CMP, t_max_d},	 {"eq.d", K_CMP, t_eq_d},
	{"lt.d", K_CMP, t_lt_d},	 {"le.d", K_CMP, t_le_d},
	{"class.d", K_CLS, t_class_d},	 {"cvt.w.d", K_UN, t_cvt_w_d},
	{"cvt.wu.d", K_UN, t_cvt_wu_d},	 {"cvt.l.d", K_UN, t_cvt_l_d},
	{"cvt.lu.d", K_UN, t_cvt_lu_d},	 {"cvt.d.w", K_UN, t_cvt_d_w},
	{"cvt.d.wu", K_UN, t_cvt_d_wu},	 {"cvt.d.l", K_UN, t_cvt_d_l},
	{"cvt.d.lu", K_UN, t_cvt_d_lu},	 {"cvt.s.d", K_UN, t_cvt_s_d},
};

#define NOPS (sizeof(ops) / sizeof(ops[0]))

static const char *const rm_names[] = {"rne", "rtz", "rdn", "rup", "rmm"};

struct stats {
	long checks, failed;
	long per_op[NOPS];
};

static const struct op *find_op(const char *name)
{
	size_t i;

	for (i = 0; i < NOPS; i++)
		if (!strcmp(ops[i].name, name))
			return &ops[i];
	return NULL;
}

static int nargs(enum kind k)
{
	switch (k) {
	case K_TER:
		return 3;
	case K_BIN:
	case K_CMP:
		return 2;
	default:
		return 1;
	}
}

static void flag_str(uint32_t f, char *buf)
{
	snprintf(buf, 16, "%s%s%s%s%s", f & FPU_NV ? "NV" : "", f & FPU_DZ ? "DZ" : "",
		 f & FPU_OF ? "OF" : "", f & FPU_UF ? "UF" : "", f & FPU_NX ? "NX" : "");
	if (!f)
		strcpy(buf, "-");
}

/* Run one case, checking the result, the flags and that the host FP state
 * is untouched; @where names the source of the case in a report. */
static void check(struct stats *st, const struct op *op, const uint64_t *in, int rm, uint64_t exp_r,
		  uint32_t exp_f, const char *where)
{
	uint32_t fl = 0, fl_keep = FPU_NX; /* a set bit must stay set */
	fexcept_t before_x, after_x;
	int before_rm, after_rm;
	uint64_t r, r2;
	char ef[16], af[16];
	int i;

	fegetexceptflag(&before_x, FE_ALL_EXCEPT);
	before_rm = fegetround();
	r = op->fn(in[0], in[1], in[2], rm, &fl);
	r2 = op->fn(in[0], in[1], in[2], rm, &fl_keep);
	fegetexceptflag(&after_x, FE_ALL_EXCEPT);
	after_rm = fegetround();
	st->checks++;
	if (r == exp_r && fl == exp_f && r2 == r && fl_keep == (exp_f | FPU_NX) &&
	    !memcmp(&before_x, &after_x, sizeof(before_x)) && before_rm == after_rm)
		return;
	st->failed++;
	st->per_op[op - ops]++;
	if (st->failed > MAX_REPORTS)
		return;
	flag_str(exp_f, ef);
	flag_str(fl, af);
	printf("FAIL %s %s", where, op->name);
	for (i = 0; i < nargs(op->kind); i++)
		printf(" %#" PRIx64, in[i]);
	if (op->kind != K_CMP && op->kind != K_CLS)
		printf(" rm=%s", rm_names[rm]);
	printf(": expected %#" PRIx64 " %s, got %#" PRIx64 " %s", exp_r, ef, r, af);
	if (r2 != r || fl_keep != (fl | FPU_NX))
		printf(" (cleared a flag bit or not deterministic)");
	if (memcmp(&before_x, &after_x, sizeof(before_x)) || before_rm != after_rm)
		printf(" (host FP state changed)");
	printf("\n");
}

static int run_file(struct stats *st, const char *path)
{
	FILE *f = fopen(path, "r");
	char line[512], where[64];
	long lineno = 0, nvec = 0;

	if (!f) {
		printf("BUG: cannot open %s (set HV_SRCDIR to the source tree)\n", path);
		return -1;
	}
	while (fgets(line, sizeof(line), f)) {
		char *tok, *save = NULL;
		const struct op *op;
		uint64_t in[3] = {0, 0, 0}, r = 0;
		uint32_t fl = 0;
		int i, rm, nrm;

		lineno++;
		if (line[0] == '#' || line[0] == '\n')
			continue;
		tok = strtok_r(line, " \n", &save);
		op = tok ? find_op(tok) : NULL;
		if (!op) {
			printf("BUG: %s:%ld: unknown op %s\n", path, lineno, tok ? tok : "");
			fclose(f);
			return -1;
		}
		for (i = 0; i < nargs(op->kind); i++) {
			tok = strtok_r(NULL, " \n", &save);
			in[i] = tok ? strtoull(tok, NULL, 16) : 0;
		}
		tok = strtok_r(NULL, " \n", &save);
		if (!tok || strcmp(tok, ":")) {
			printf("BUG: %s:%ld: malformed line\n", path, lineno);
			fclose(f);
			return -1;
		}
		nrm = (op->kind == K_CMP || op->kind == K_CLS) ? 1 : 5;
		snprintf(where, sizeof(where), "line %ld", lineno);
		for (rm = 0; rm < nrm; rm++) {
			char *slash;

			tok = strtok_r(NULL, " \n", &save);
			if (!tok || (rm == 0 && !strcmp(tok, "="))) {
				printf("BUG: %s:%ld: missing result\n", path, lineno);
				fclose(f);
				return -1;
			}
			if (strcmp(tok, "=")) {
				r = strtoull(tok, &slash, 16);
				fl = (uint32_t)strtoul(slash + 1, NULL, 16);
			}
			check(st, op, in, rm, r, fl, where);
			nvec++;
		}
	}
	fclose(f);
	if (!nvec) {
		printf("BUG: %s holds no vectors\n", path);
		return -1;
	}
	return 0;
}

/* ---- hand-written cases ------------------------------------------------------------------ */

struct hcase {
	const char *op;
	uint64_t a, b, c;
	int rm;
	uint64_t r;
	uint32_t fl;
};

#define NX FPU_NX
#define UF FPU_UF
#define OF FPU_OF
#define DZ FPU_DZ
#define NV FPU_NV

static const struct hcase hcases[] = {
	/* 1 + 2^-24 is a tie: even in RNE, away in RMM. */
	{"add.s", 0x3f800000, 0x33800000, 0, FPU_RNE, 0x3f800000, NX},
	{"add.s", 0x3f800000, 0x33800000, 0, FPU_RMM, 0x3f800001, NX},
	{"add.s", 0xbf800000, 0xb3800000, 0, FPU_RMM, 0xbf800001, NX},
	{"add.d", 0x3ff0000000000000, 0x3ca0000000000000, 0, FPU_RMM, 0x3ff0000000000001, NX},
	/* x - x is +0, but -0 when rounding down. */
	{"sub.s", 0x3f800000, 0x3f800000, 0, FPU_RNE, 0x00000000, 0},
	{"sub.s", 0x3f800000, 0x3f800000, 0, FPU_RDN, 0x80000000, 0},
	{"sub.d", 0x4000000000000000, 0x4000000000000000, 0, FPU_RDN, S64, 0},
	/* NaN results are canonical whatever the payload and sign. */
	{"add.s", 0xffc12345, 0x3f800000, 0, FPU_RNE, FPU_CANON_NAN_S, 0},
	{"add.d", 0x7ff0000000000001, 0x3ff0000000000000, 0, FPU_RNE, FPU_CANON_NAN_D, NV},
	{"add.d", 0x7ff0000000000000, 0xfff0000000000000, 0, FPU_RNE, FPU_CANON_NAN_D, NV},
	{"div.s", 0x3f800000, 0x00000000, 0, FPU_RNE, 0x7f800000, DZ},
	{"div.d", 0x0000000000000000, 0x0000000000000000, 0, FPU_RNE, FPU_CANON_NAN_D, NV},
	{"sqrt.s", 0xbf800000, 0, 0, FPU_RNE, FPU_CANON_NAN_S, NV},
	{"sqrt.d", S64, 0, 0, FPU_RNE, S64, 0},
	/* inf * 0 + qNaN raises NV (ISA), as does inf * 0 + anything. */
	{"fmadd.s", 0x7f800000, 0x00000000, 0x7fc00000, FPU_RNE, FPU_CANON_NAN_S, NV},
	{"fmadd.d", 0x0000000000000000, 0xfff0000000000000, 0x7ff8000000000000, FPU_RNE,
	 FPU_CANON_NAN_D, NV},
	{"fmadd.d", 0x3ff0000000000000, 0x3ff0000000000000, 0x7ff8000000000000, FPU_RNE,
	 FPU_CANON_NAN_D, 0},
	/* Overflow: inf or max finite by rm. */
	{"mul.s", 0x7f7fffff, 0x40000000, 0, FPU_RNE, 0x7f800000, OF | NX},
	{"mul.s", 0x7f7fffff, 0x40000000, 0, FPU_RTZ, 0x7f7fffff, OF | NX},
	{"mul.s", 0xff7fffff, 0x40000000, 0, FPU_RUP, 0xff7fffff, OF | NX},
	{"mul.s", 0xff7fffff, 0x40000000, 0, FPU_RDN, 0xff800000, OF | NX},
	/* Tininess after rounding: (1 - 2^-24) * 2^-126 is exactly half way
	 * between the largest subnormal and 2^-126, and exactly representable
	 * with an unbounded exponent, so it is tiny: UF even though the RNE
	 * result is the normal 2^-126. */
	{"mul.s", 0x3f7fffff, 0x00800000, 0, FPU_RNE, 0x00800000, UF | NX},
	{"mul.s", 0x3f7fffff, 0x00800000, 0, FPU_RTZ, 0x007fffff, UF | NX},
	/* (1 + 2^-23)(2^-126 - 2^-149) = 2^-126 - 2^-172 is below 2^-126 but
	 * rounds to it at full precision, so it is not tiny (after rounding)
	 * in RNE: NX alone; in RTZ it stays below: UF. */
	{"mul.s", 0x3f800001, 0x007fffff, 0, FPU_RNE, 0x00800000, NX},
	{"mul.s", 0x3f800001, 0x007fffff, 0, FPU_RTZ, 0x007fffff, UF | NX},
	{"mul.d", 0x3ff0000000000001, 0x000fffffffffffff, 0, FPU_RNE, 0x0010000000000000, NX},
	{"mul.d", 0x3ff0000000000001, 0x000fffffffffffff, 0, FPU_RDN, 0x000fffffffffffff, UF | NX},
	/* Exact 2^-150 rounds to 0 or the min subnormal. */
	{"mul.s", 0x00000001, 0x3f000000, 0, FPU_RNE, 0x00000000, UF | NX},
	{"mul.s", 0x00000001, 0x3f000000, 0, FPU_RMM, 0x00000001, UF | NX},
	{"mul.d", 0x0000000000000001, 0x3fe0000000000000, 0, FPU_RUP, 0x0000000000000001, UF | NX},
	/* Exact subnormal results raise nothing. */
	{"mul.s", 0x00000002, 0x3f000000, 0, FPU_RNE, 0x00000001, 0},
	/* minimumNumber: NaN operands give the other one; sNaN raises NV. */
	{"min.s", 0x7f800001, 0x3f800000, 0, 0, 0x3f800000, NV},
	{"max.d", 0x7ff8000000000000, 0xbff0000000000000, 0, 0, 0xbff0000000000000, 0},
	{"min.s", 0x7fc00000, 0xffc00001, 0, 0, FPU_CANON_NAN_S, 0},
	{"min.s", 0x00000000, 0x80000000, 0, 0, 0x80000000, 0},
	{"max.s", 0x80000000, 0x00000000, 0, 0, 0x00000000, 0},
	{"min.d", S64, 0, 0, 0, S64, 0},
	/* feq is quiet; flt/fle signal on any NaN. */
	{"eq.s", 0x7fc00000, 0x7fc00000, 0, 0, 0, 0},
	{"eq.s", 0x7f800001, 0x3f800000, 0, 0, 0, NV},
	{"lt.d", 0x7ff8000000000000, 0, 0, 0, 0, NV},
	{"le.s", 0x80000000, 0x00000000, 0, 0, 1, 0},
	{"eq.d", S64, 0, 0, 0, 1, 0},
	{"lt.s", 0x80000000, 0x00000000, 0, 0, 0, 0},
	/* fclass bits */
	{"class.s", 0xff800000, 0, 0, 0, 1 << 0, 0},
	{"class.s", 0x80000001, 0, 0, 0, 1 << 2, 0},
	{"class.d", S64, 0, 0, 0, 1 << 3, 0},
	{"class.d", 0x7ff0000000000001, 0, 0, 0, 1 << 8, 0},
	{"class.s", 0x7fc00000, 0, 0, 0, 1 << 9, 0},
	/* Conversions saturate: NaN -> max, NV, never NX with NV. */
	{"cvt.w.s", 0x7fc00000, 0, 0, FPU_RNE, 0x7fffffff, NV},
	{"cvt.w.s", 0xff800000, 0, 0, FPU_RNE, 0xffffffff80000000, NV},
	{"cvt.w.d", 0xc1e0000000100000, 0, 0, FPU_RTZ, 0xffffffff80000000, NX},
	{"cvt.w.d", 0xc1e0000000100000, 0, 0, FPU_RMM, 0xffffffff80000000, NV},
	{"cvt.w.d", 0x41dfffffffe00000, 0, 0, FPU_RNE, 0x7fffffff, NV},
	{"cvt.wu.s", 0xbf800000, 0, 0, FPU_RNE, 0, NV},
	{"cvt.wu.s", 0xbecccccd, 0, 0, FPU_RTZ, 0, NX},
	{"cvt.wu.s", 0x4f32d05e, 0, 0, FPU_RNE, 0xffffffffb2d05e00, 0},
	{"cvt.wu.d", 0x7ff8000000000000, 0, 0, FPU_RNE, 0xffffffffffffffff, NV},
	{"cvt.lu.d", 0xc3e0000000000000, 0, 0, FPU_RNE, 0, NV},
	{"cvt.l.d", 0xc3e0000000000000, 0, 0, FPU_RNE, 0x8000000000000000, 0},
	{"cvt.l.s", 0x5f000000, 0, 0, FPU_RNE, 0x7fffffffffffffff, NV},
	{"cvt.lu.s", 0x5f7fffff, 0, 0, FPU_RNE, 0xffffff0000000000, 0},
	{"cvt.w.s", 0x3f000000, 0, 0, FPU_RMM, 1, NX},
	{"cvt.w.s", 0x3f000000, 0, 0, FPU_RNE, 0, NX},
	{"cvt.w.s", 0xbfc00000, 0, 0, FPU_RNE, 0xfffffffffffffffe, NX},
	/* Integer to float rounding. */
	{"cvt.s.w", 0x01000001, 0, 0, FPU_RNE, 0x4b800000, NX},
	{"cvt.s.w", 0x01000001, 0, 0, FPU_RMM, 0x4b800001, NX},
	{"cvt.s.lu", 0xffffffffffffffff, 0, 0, FPU_RTZ, 0x5f7fffff, NX},
	{"cvt.d.l", 0x8000000000000000, 0, 0, FPU_RNE, 0xc3e0000000000000, 0},
	/* Between formats: NaNs canonical, sNaN raises NV. */
	{"cvt.s.d", 0x7ff0000000000001, 0, 0, FPU_RNE, FPU_CANON_NAN_S, NV},
	{"cvt.d.s", 0xffc00001, 0, 0, FPU_RNE, FPU_CANON_NAN_D, 0},
	{"cvt.s.d", 0x47effffff0000000, 0, 0, FPU_RNE, 0x7f800000, OF | NX},
	/* In RTZ the rounded value is the max finite: inexact, no overflow. */
	{"cvt.s.d", 0x47effffff0000000, 0, 0, FPU_RTZ, 0x7f7fffff, NX},
	{"cvt.s.d", 0x3690000000000000, 0, 0, FPU_RMM, 0x00000001, UF | NX},
	{"cvt.d.s", 0x00000001, 0, 0, FPU_RNE, 0x36a0000000000000, 0},
};

static void run_hand(struct stats *st)
{
	size_t i;

	for (i = 0; i < sizeof(hcases) / sizeof(hcases[0]); i++) {
		const struct hcase *h = &hcases[i];
		const struct op *op = find_op(h->op);
		uint64_t in[3] = {h->a, h->b, h->c};
		char where[32];

		snprintf(where, sizeof(where), "hand case %zu", i);
		check(st, op, in, h->rm, h->r, h->fl, where);
	}
}

/* Results must not depend on the host's rounding mode or sticky flags. */
static void run_host_state(struct stats *st)
{
	static const int modes[] = {FE_UPWARD, FE_DOWNWARD, FE_TOWARDZERO};
	size_t i, j;

	for (j = 0; j < sizeof(modes) / sizeof(modes[0]); j++) {
		fesetround(modes[j]);
		feraiseexcept(FE_INEXACT | FE_UNDERFLOW);
		for (i = 0; i < sizeof(hcases) / sizeof(hcases[0]); i++) {
			const struct hcase *h = &hcases[i];
			uint64_t in[3] = {h->a, h->b, h->c};

			check(st, find_op(h->op), in, h->rm, h->r, h->fl, "host rm changed");
		}
		feclearexcept(FE_ALL_EXCEPT);
		fesetround(FE_TONEAREST);
	}
}

int main(void)
{
	const char *srcdir = getenv("HV_SRCDIR"), *vec = getenv("HV_FPU_VECTORS");
	static struct stats st;
	char path[4096];
	size_t i;

	if (!vec) {
		snprintf(path, sizeof(path), "%s/tests/unit/fpu_vectors.txt",
			 srcdir ? srcdir : ".");
		vec = path;
	}
	run_hand(&st);
	run_host_state(&st);
	if (run_file(&st, vec))
		return 99;
	if (st.failed > MAX_REPORTS)
		printf("... %ld more failures not shown\n", st.failed - MAX_REPORTS);
	for (i = 0; i < NOPS; i++)
		if (st.per_op[i])
			printf("  %s: %ld failed\n", ops[i].name, st.per_op[i]);
	printf("test_fpu: %ld checks, %ld failed\n", st.checks, st.failed);
	return st.failed ? 2 : 0;
}
