/* hv-test: qemu-ok */
// SPDX-License-Identifier: MIT
/*
 * F/D NaN rules: arithmetic returns the canonical NaN (no payload or sign
 * propagation); singles live NaN-boxed in the 64-bit f registers (loads,
 * moves and results set the upper 32 bits), and a single whose upper bits
 * are not all ones reads as the canonical NaN in every operation except the
 * raw transfers (fmv.x.w, fsw); fmin/fmax follow IEEE 754-2019
 * minimumNumber/maximumNumber (a number beats a NaN, -0 < +0, sNaN signals);
 * sign injection never canonicalises; fclass reports all ten classes.
 */
#include "fptest.h"

static volatile uint64_t mem64;
static volatile uint32_t mem32;

/* Put raw 64 bits in an f register and run a single-precision op on it. */
#define UNBOXED_S2(insn, raw, b)                                                                \
	({                                                                                      \
		uint64_t __r;                                                                   \
		asm volatile("fmv.d.x ft0, %1\n\tfmv.w.x ft1, %2\n\t" insn " ft2, ft0, ft1\n\t" \
			     "fmv.x.w %0, ft2"                                                  \
			     : "=r"(__r)                                                        \
			     : "r"((uint64_t)(raw)), "r"((uint64_t)(b))                         \
			     : "ft0", "ft1", "ft2");                                            \
		(uint32_t) __r;                                                                 \
	})

static void test_canonical(void)
{
	CHECK_EQ("fadd.s payload NaN gives canonical", S_QNAN, FS2("fadd.s", 0x7fc12345, S_ONE));
	CHECK_EQ("fadd.s negative NaN gives canonical", S_QNAN, FS2("fadd.s", 0xffc00000, S_ONE));
	CHECK_EQ("fmul.s sNaN payload gives canonical", S_QNAN, FS2("fmul.s", 0x7f812345, S_ONE));
	CHECK_EQ("fadd.d payload NaN gives canonical", D_QNAN,
		 FD2("fadd.d", 0x7ff8000000012345ull, D_ONE));
	CHECK_EQ("fsqrt.d -1 canonical", D_QNAN, FD1("fsqrt.d", 0xbff0000000000000ull));
	CHECK_EQ("fcvt.d.s of NaN canonical", D_QNAN, FD1("fcvt.d.s", 0x7fc12345));
	CHECK_EQ("fcvt.s.d of NaN canonical", S_QNAN, ({
			 uint64_t __r;
			 asm volatile("fmv.d.x ft0, %1\n\tfcvt.s.d ft1, ft0\n\tfmv.x.w %0, ft1"
				      : "=r"(__r)
				      : "r"(0xfff8000000054321ull)
				      : "ft0", "ft1");
			 (uint32_t) __r;
		 }));
}

static void test_boxing(void)
{
	uint64_t raw;

	/* Writes of singles box them. */
	asm volatile("fmv.w.x ft0, %1\n\tfmv.x.d %0, ft0" : "=r"(raw) : "r"(0x3f800000ull) : "ft0");
	CHECK_EQ("fmv.w.x boxes", 0xffffffff3f800000ull, raw);
	mem32 = 0x40490fdb;
	asm volatile("flw ft0, 0(%1)\n\tfmv.x.d %0, ft0" : "=r"(raw) : "r"(&mem32) : "ft0");
	CHECK_EQ("flw boxes", 0xffffffff40490fdbull, raw);
	asm volatile("fmv.w.x ft0, %1\n\tfadd.s ft1, ft0, ft0\n\tfmv.x.d %0, ft1"
		     : "=r"(raw)
		     : "r"(0x3f800000ull)
		     : "ft0", "ft1");
	CHECK_EQ("fadd.s result is boxed", 0xffffffff40000000ull, raw);
	asm volatile("fmv.d.x ft0, %1\n\tfcvt.s.d ft1, ft0\n\tfmv.x.d %0, ft1"
		     : "=r"(raw)
		     : "r"(D_ONE)
		     : "ft0", "ft1");
	CHECK_EQ("fcvt.s.d result is boxed", 0xffffffff3f800000ull, raw);

	/* Reads check the box. */
	CHECK_EQ("boxed 1.0 + 1.0", S_TWO, UNBOXED_S2("fadd.s", 0xffffffff3f800000ull, S_ONE));
	CHECK_EQ("unboxed (upper 0) reads as canonical NaN", S_QNAN,
		 UNBOXED_S2("fadd.s", 0x000000003f800000ull, S_ONE));
	CHECK_EQ("partly boxed (upper 0xfffffffe) reads as NaN", S_QNAN,
		 UNBOXED_S2("fadd.s", 0xfffffffe3f800000ull, S_ONE));
	CHECK_EQ("a double in the register reads as NaN", S_QNAN,
		 UNBOXED_S2("fmul.s", D_TWO, S_ONE));
	CHECK_EQ("fsgnj.s of unboxed: canonical NaN with rs2 sign", 0xffc00000,
		 UNBOXED_S2("fsgnj.s", 0x000000003f800000ull, 0xbf800000));
	CHECK_EQ("fmin.s of unboxed and 1.0 is 1.0", S_ONE,
		 UNBOXED_S2("fmin.s", 0x000000003f800000ull, S_ONE));
	asm volatile("fmv.d.x ft0, %1\n\tfclass.s %0, ft0"
		     : "=r"(raw)
		     : "r"(0x3f800000ull)
		     : "ft0");
	CHECK_EQ("fclass.s of unboxed is quiet NaN", 1u << 9, raw);
	asm volatile("fmv.d.x ft0, %1\n\tfcvt.d.s ft1, ft0\n\tfmv.x.d %0, ft1"
		     : "=r"(raw)
		     : "r"(0x000000003f800000ull)
		     : "ft0", "ft1");
	CHECK_EQ("fcvt.d.s of unboxed is canonical NaN", D_QNAN, raw);

	/* Raw transfers do not check the box. */
	asm volatile("fmv.d.x ft0, %1\n\tfmv.x.w %0, ft0"
		     : "=r"(raw)
		     : "r"(0x12345678bf800000ull)
		     : "ft0");
	CHECK_EQ("fmv.x.w moves the low bits, sign-extended", 0xffffffffbf800000ull, raw);
	asm volatile("fmv.d.x ft0, %1\n\tfsw ft0, 0(%0)"
		     :
		     : "r"(&mem32), "r"(0x123456783f800000ull)
		     : "ft0", "memory");
	CHECK_EQ("fsw stores the low bits", 0x3f800000, mem32);
	mem64 = 0;
	asm volatile("fmv.w.x ft0, %1\n\tfsd ft0, 0(%0)"
		     :
		     : "r"(&mem64), "r"(0x3f800000ull)
		     : "ft0", "memory");
	CHECK_EQ("fsd of a single stores the boxed value", 0xffffffff3f800000ull, mem64);
}

static void test_minmax(void)
{
	fflags_clear();
	CHECK_EQ("fmin.s -0,+0 is -0", S_NZERO, FS2("fmin.s", S_NZERO, S_ZERO));
	CHECK_EQ("fmin.s +0,-0 is -0", S_NZERO, FS2("fmin.s", S_ZERO, S_NZERO));
	CHECK_EQ("fmax.s -0,+0 is +0", S_ZERO, FS2("fmax.s", S_NZERO, S_ZERO));
	CHECK_EQ("fmax.s +0,-0 is +0", S_ZERO, FS2("fmax.s", S_ZERO, S_NZERO));
	CHECK_EQ("fmin.s qNaN,1 is 1", S_ONE, FS2("fmin.s", S_QNAN, S_ONE));
	CHECK_EQ("fmax.s 1,qNaN is 1", S_ONE, FS2("fmax.s", S_ONE, S_QNAN));
	CHECK_EQ("fmin.s -inf,1", S_NINF, FS2("fmin.s", S_NINF, S_ONE));
	CHECK_EQ("fmax.s 2,3", S_THREE, FS2("fmax.s", S_TWO, S_THREE));
	CHECK_EQ("fmin/fmax with qNaN are quiet", 0, fflags_get());
	CHECK_EQ("fmin.s sNaN,1 is 1", S_ONE, FS2("fmin.s", S_SNAN, S_ONE));
	CHECK_EQ("fmin.s sNaN signals NV", FLAG_NV, fflags_get());
	fflags_clear();
	CHECK_EQ("fmax.s NaN,NaN is canonical", S_QNAN, FS2("fmax.s", 0x7fc12345, 0xffc00001));
	CHECK_EQ("fmin.d -0,+0 is -0", D_NZERO, FD2("fmin.d", D_ZERO, D_NZERO));
	CHECK_EQ("fmax.d -0,+0 is +0", D_ZERO, FD2("fmax.d", D_NZERO, D_ZERO));
	CHECK_EQ("fmin.d qNaN,2 is 2", D_TWO, FD2("fmin.d", D_QNAN, D_TWO));
	CHECK_EQ("fmax.d NaN,NaN is canonical", D_QNAN,
		 FD2("fmax.d", 0x7ff8000000000123ull, 0xfff8000000000000ull));
	CHECK_EQ("fmin.d/fmax.d quiet so far", 0, fflags_get());
	CHECK_EQ("fmax.d sNaN,1 is 1", D_ONE, FD2("fmax.d", D_SNAN, D_ONE));
	CHECK_EQ("fmax.d sNaN signals NV", FLAG_NV, fflags_get());
}

static void test_sign_injection(void)
{
	CHECK_EQ("fsgnjn.s keeps NaN payload", 0xffc12345, FS2("fsgnjn.s", 0x7fc12345, 0x7fc12345));
	CHECK_EQ("fsgnj.s", 0xbf800000, FS2("fsgnj.s", S_ONE, 0x80000000));
	CHECK_EQ("fsgnjx.s", 0x3f800000, FS2("fsgnjx.s", 0xbf800000, 0x80000000));
	CHECK_EQ("fabs.d of -NaN keeps payload", 0x7ff8000000000123ull,
		 FD2("fsgnjx.d", 0xfff8000000000123ull, 0xfff8000000000000ull));
	CHECK_EQ("fsgnjn.d", D_NZERO, FD2("fsgnjn.d", D_ZERO, D_ZERO));
}

static void test_fclass(void)
{
	static const struct {
		const char *name;
		uint32_t s;
		uint64_t d;
	} classes[10] = {
		{"-inf", S_NINF, D_NINF},
		{"-normal", 0xbf800000, 0xbff0000000000000ull},
		{"-subnormal", 0x80000001, 0x8000000000000001ull},
		{"-0", S_NZERO, D_NZERO},
		{"+0", S_ZERO, D_ZERO},
		{"+subnormal", 0x00000001, 0x0000000000000001ull},
		{"+normal", S_ONE, D_ONE},
		{"+inf", S_INF, D_INF},
		{"sNaN", S_SNAN, D_SNAN},
		{"qNaN", S_QNAN, D_QNAN},
	};

	fflags_clear();
	for (unsigned int i = 0; i < 10; i++) {
		uint64_t r;

		asm volatile("fmv.w.x ft0, %1\n\tfclass.s %0, ft0"
			     : "=r"(r)
			     : "r"((uint64_t)classes[i].s)
			     : "ft0");
		test_check_eqf(1u << i, r, "fclass.s %s", classes[i].name);
		asm volatile("fmv.d.x ft0, %1\n\tfclass.d %0, ft0"
			     : "=r"(r)
			     : "r"(classes[i].d)
			     : "ft0");
		test_check_eqf(1u << i, r, "fclass.d %s", classes[i].name);
	}
	CHECK_EQ("fclass raises no flags", 0, fflags_get());
}

int main(unsigned long hartid, unsigned long dtb)
{
	(void)hartid;
	(void)dtb;
	csr_write(fcsr, 0);
	test_canonical();
	test_boxing();
	test_minmax();
	test_sign_injection();
	test_fclass();
	return 0;
}
