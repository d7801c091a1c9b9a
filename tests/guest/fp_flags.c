/* hv-test: qemu-ok */
// SPDX-License-Identifier: MIT
/*
 * F/D exception flags: each of NV, DZ, OF, UF, NX raised by the operation
 * that must raise it and by nothing else; exact results raise none; an
 * exact subnormal result is not an underflow; flags are sticky until
 * cleared; the fflags/frm/fcsr CSR views and the fsflags/frflags swaps;
 * quiet vs signaling comparisons.
 */
#include "fptest.h"

#define EXPECT_S(name, val, flags, expr)                       \
	do {                                                   \
		uint32_t __v;                                  \
		fflags_clear();                                \
		__v = (expr);                                  \
		CHECK_EQ(name " result", val, __v);            \
		CHECK_EQ(name " fflags", flags, fflags_get()); \
	} while (0)

#define EXPECT_D(name, val, flags, expr)                       \
	do {                                                   \
		uint64_t __v;                                  \
		fflags_clear();                                \
		__v = (expr);                                  \
		CHECK_EQ(name " result", val, __v);            \
		CHECK_EQ(name " fflags", flags, fflags_get()); \
	} while (0)

static void test_single(void)
{
	EXPECT_S("fadd.s 1+2 exact", S_THREE, 0, FS2("fadd.s", S_ONE, S_TWO));
	EXPECT_S("fdiv.s 1/3 inexact", 0x3eaaaaab, FLAG_NX, FS2("fdiv.s", S_ONE, S_THREE));
	EXPECT_S("fdiv.s 1/0", S_INF, FLAG_DZ, FS2("fdiv.s", S_ONE, S_ZERO));
	EXPECT_S("fdiv.s -1/0", S_NINF, FLAG_DZ, FS2("fdiv.s", 0xbf800000, S_ZERO));
	EXPECT_S("fdiv.s 1/-0", S_NINF, FLAG_DZ, FS2("fdiv.s", S_ONE, S_NZERO));
	EXPECT_S("fdiv.s inf/0 is not DZ", S_INF, 0, FS2("fdiv.s", S_INF, S_ZERO));
	EXPECT_S("fdiv.s 0/0", S_QNAN, FLAG_NV, FS2("fdiv.s", S_ZERO, S_ZERO));
	EXPECT_S("fsub.s inf-inf", S_QNAN, FLAG_NV, FS2("fsub.s", S_INF, S_INF));
	EXPECT_S("fmul.s 0*inf", S_QNAN, FLAG_NV, FS2("fmul.s", S_ZERO, S_INF));
	EXPECT_S("fsqrt.s -1", S_QNAN, FLAG_NV, FS1("fsqrt.s", 0xbf800000));
	EXPECT_S("fsqrt.s -0 is -0", S_NZERO, 0, FS1("fsqrt.s", S_NZERO));
	EXPECT_S("fsqrt.s 4 exact", S_TWO, 0, FS1("fsqrt.s", 0x40800000));
	EXPECT_S("fadd.s sNaN+1", S_QNAN, FLAG_NV, FS2("fadd.s", S_SNAN, S_ONE));
	EXPECT_S("fadd.s qNaN+1 quiet", S_QNAN, 0, FS2("fadd.s", S_QNAN, S_ONE));
	EXPECT_S("fmul.s max*2 overflow", S_INF, FLAG_OF | FLAG_NX, FS2("fmul.s", S_MAX, S_TWO));
	EXPECT_S("fdiv.s minnormal/3 underflow", 0x002aaaab, FLAG_UF | FLAG_NX,
		 FS2("fdiv.s", S_MIN_NORMAL, S_THREE));
	EXPECT_S("fdiv.s minnormal/2 exact subnormal", 0x00400000, 0,
		 FS2("fdiv.s", S_MIN_NORMAL, S_TWO));
	EXPECT_S("fmul.s tiny*tiny to zero", S_ZERO, FLAG_UF | FLAG_NX,
		 FS2("fmul.s", S_MIN_NORMAL, S_MIN_NORMAL));
	EXPECT_S("fadd.s inf+1 exact inf", S_INF, 0, FS2("fadd.s", S_INF, S_ONE));
	EXPECT_S("fadd.s x + -x is +0", S_ZERO, 0, FS2("fadd.s", S_ONE, 0xbf800000));
}

static void test_double(void)
{
	EXPECT_D("fadd.d 1+2 exact", D_THREE, 0, FD2("fadd.d", D_ONE, D_TWO));
	EXPECT_D("fdiv.d 1/3 inexact", 0x3fd5555555555555ull, FLAG_NX,
		 FD2("fdiv.d", D_ONE, D_THREE));
	EXPECT_D("fdiv.d 1/0", D_INF, FLAG_DZ, FD2("fdiv.d", D_ONE, D_ZERO));
	EXPECT_D("fdiv.d 0/0", D_QNAN, FLAG_NV, FD2("fdiv.d", D_ZERO, D_ZERO));
	EXPECT_D("fsub.d inf-inf", D_QNAN, FLAG_NV, FD2("fsub.d", D_INF, D_INF));
	EXPECT_D("fsqrt.d -1", D_QNAN, FLAG_NV, FD1("fsqrt.d", 0xbff0000000000000ull));
	EXPECT_D("fadd.d sNaN+1", D_QNAN, FLAG_NV, FD2("fadd.d", D_SNAN, D_ONE));
	EXPECT_D("fmul.d max*2 overflow", D_INF, FLAG_OF | FLAG_NX,
		 FD2("fmul.d", 0x7fefffffffffffffull, D_TWO));
	EXPECT_D("fdiv.d minnormal/3 underflow", 0x0005555555555555ull, FLAG_UF | FLAG_NX,
		 FD2("fdiv.d", 0x0010000000000000ull, D_THREE));
	EXPECT_D("fdiv.d minnormal/2 exact subnormal", 0x0008000000000000ull, 0,
		 FD2("fdiv.d", 0x0010000000000000ull, D_TWO));
}

static void test_fused(void)
{
	uint64_t r;

	/* 0 * inf + qNaN must still signal invalid (ISA, F chapter). */
	fflags_clear();
	asm volatile("fmv.w.x ft0, %1\n\tfmv.w.x ft1, %2\n\tfmv.w.x ft2, %3\n\t"
		     "fmadd.s ft3, ft0, ft1, ft2\n\tfmv.x.w %0, ft3"
		     : "=r"(r)
		     : "r"((uint64_t)S_ZERO), "r"((uint64_t)S_INF), "r"((uint64_t)S_QNAN)
		     : "ft0", "ft1", "ft2", "ft3");
	CHECK_EQ("fmadd.s 0*inf+qNaN result", S_QNAN, (uint32_t)r);
	CHECK_EQ("fmadd.s 0*inf+qNaN raises NV", FLAG_NV, fflags_get());
	fflags_clear();
	asm volatile("fmv.d.x ft0, %1\n\tfmv.d.x ft1, %2\n\tfmv.d.x ft2, %3\n\t"
		     "fmadd.d ft3, ft0, ft1, ft2\n\tfmv.x.d %0, ft3"
		     : "=r"(r)
		     : "r"(D_INF), "r"(D_ONE), "r"(D_NINF)
		     : "ft0", "ft1", "ft2", "ft3");
	CHECK_EQ("fmadd.d inf*1-inf result", D_QNAN, r);
	CHECK_EQ("fmadd.d inf*1-inf raises NV", FLAG_NV, fflags_get());
}

static void test_compare(void)
{
	fflags_clear();
	CHECK_EQ("feq.s qNaN is false", 0, FS_CMP("feq.s", S_QNAN, S_QNAN));
	CHECK_EQ("feq.s qNaN is quiet", 0, fflags_get());
	CHECK_EQ("feq.s sNaN is false", 0, FS_CMP("feq.s", S_SNAN, S_ONE));
	CHECK_EQ("feq.s sNaN signals NV", FLAG_NV, fflags_get());
	fflags_clear();
	CHECK_EQ("flt.s qNaN is false", 0, FS_CMP("flt.s", S_QNAN, S_ONE));
	CHECK_EQ("flt.s qNaN signals NV", FLAG_NV, fflags_get());
	fflags_clear();
	CHECK_EQ("fle.d qNaN is false", 0, FD_CMP("fle.d", D_ONE, D_QNAN));
	CHECK_EQ("fle.d qNaN signals NV", FLAG_NV, fflags_get());
	fflags_clear();
	CHECK_EQ("feq.s -0 == +0", 1, FS_CMP("feq.s", S_NZERO, S_ZERO));
	CHECK_EQ("flt.s -0 < +0 is false", 0, FS_CMP("flt.s", S_NZERO, S_ZERO));
	CHECK_EQ("fle.d 1 <= 2", 1, FD_CMP("fle.d", D_ONE, D_TWO));
	CHECK_EQ("flt.d -inf < 1", 1, FD_CMP("flt.d", D_NINF, D_ONE));
	CHECK_EQ("ordered compares raise nothing", 0, fflags_get());
}

static void test_csrs(void)
{
	unsigned long old;

	/* Sticky: flags accumulate until software clears them. */
	fflags_clear();
	(void)FS2("fdiv.s", S_ONE, S_THREE);
	(void)FS2("fdiv.s", S_ONE, S_ZERO);
	(void)FS2("fadd.s", S_ONE, S_ONE);
	CHECK_EQ("flags are sticky (NX|DZ)", FLAG_NX | FLAG_DZ, fflags_get());
	CHECK_EQ("fcsr shows the same flags", FLAG_NX | FLAG_DZ, csr_read(fcsr) & 0x1f);

	asm volatile("fsflags %0, %1" : "=r"(old) : "r"(FLAG_OF));
	CHECK_EQ("fsflags returns the old flags", FLAG_NX | FLAG_DZ, old);
	asm volatile("frflags %0" : "=r"(old));
	CHECK_EQ("frflags reads the new flags", FLAG_OF, old);
	csr_set(fflags, FLAG_UF);
	CHECK_EQ("csrs fflags sets a bit", FLAG_OF | FLAG_UF, fflags_get());
	csr_clear(fflags, FLAG_OF);
	CHECK_EQ("csrc fflags clears a bit", FLAG_UF, fflags_get());

	csr_write(fflags, ~0ul);
	CHECK_EQ("fflags keeps 5 bits", 0x1f, fflags_get());
	csr_write(frm, ~0ul);
	CHECK_EQ("frm keeps 3 bits", 7, csr_read(frm));
	csr_write(fcsr, ~0ul);
	CHECK_EQ("fcsr keeps 8 bits", 0xff, csr_read(fcsr));
	asm volatile("fsrmi %0, 1" : "=r"(old));
	CHECK_EQ("fsrmi returns old frm", 7, old);
	CHECK_EQ("fsrmi sets frm", 1, csr_read(frm));
	CHECK_EQ("fsrmi leaves fflags", 0x1f, fflags_get());
	csr_write(fcsr, 0);
	CHECK_EQ("fcsr cleared", 0, csr_read(fcsr));
}

int main(unsigned long hartid, unsigned long dtb)
{
	(void)hartid;
	(void)dtb;
	csr_write(fcsr, 0);
	test_single();
	test_double();
	test_fused();
	test_compare();
	test_csrs();
	return 0;
}
