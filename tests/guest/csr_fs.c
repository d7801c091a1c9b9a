/* hv-test: qemu-ok */
// SPDX-License-Identifier: MIT
/*
 * sstatus.FS: with FS = Off every FP instruction and FP CSR access is an
 * illegal instruction (arithmetic, loads, stores, moves, fcsr/frm/fflags),
 * and the FP state is kept; with FS = Initial or Clean any write to FP state
 * makes it Dirty, and SD reads 1 exactly when FS (or XS/VS) is Dirty.
 */
#include "guest.h"

static volatile uint64_t slot = 0x4000000000000000ull;

static unsigned long fs(void)
{
	return csr_read(sstatus) & SSTATUS_FS;
}

static void set_fs(unsigned long v)
{
	csr_clear(sstatus, SSTATUS_FS);
	csr_set(sstatus, v);
}

#define EXPECT_FP_ILLEGAL(name, text)                                                          \
	do {                                                                                   \
		struct trap_info __t;                                                          \
		trap_expect();                                                                 \
		asm volatile(text : : "r"(&slot) : "t0", "ft0", "ft1", "memory");              \
		__t = trap_result();                                                           \
		CHECK_EQ("FS=Off: " name " traps", 1, __t.taken);                              \
		CHECK_EQ("FS=Off: " name " is illegal", CAUSE_ILLEGAL_INSTRUCTION, __t.cause); \
	} while (0)

int main(unsigned long hartid, unsigned long dtb)
{
	uint64_t r;

	(void)hartid;
	(void)dtb;

	/* Put a known value in ft1 and frm, then turn FP off. */
	asm volatile("fmv.d.x ft1, %0" : : "r"(0x4008000000000000ull) : "ft1");
	csr_write(frm, 2);
	set_fs(SSTATUS_FS_OFF);
	CHECK_EQ("FS reads Off", SSTATUS_FS_OFF, fs());
	CHECK("SD clear with FS=Off", !(csr_read(sstatus) & SSTATUS_SD));

	EXPECT_FP_ILLEGAL("fadd.d", "fadd.d ft0, ft1, ft1");
	EXPECT_FP_ILLEGAL("fadd.s", "fadd.s ft0, ft1, ft1");
	EXPECT_FP_ILLEGAL("fld", "fld ft0, 0(%0)");
	EXPECT_FP_ILLEGAL("fsd", "fsd ft1, 0(%0)");
	EXPECT_FP_ILLEGAL("flw", "flw ft0, 0(%0)");
	EXPECT_FP_ILLEGAL("fmv.d.x", "fmv.d.x ft0, zero");
	EXPECT_FP_ILLEGAL("fmv.x.d", "fmv.x.d t0, ft1");
	EXPECT_FP_ILLEGAL("fcvt.d.l", "fcvt.d.l ft0, zero");
	EXPECT_FP_ILLEGAL("feq.d", "feq.d t0, ft1, ft1");
	EXPECT_FP_ILLEGAL("fmadd.d", "fmadd.d ft0, ft1, ft1, ft1");
	EXPECT_FP_ILLEGAL("c.fld",
			  ".option push\n.option rvc\nmv a5, %0\nc.fld fa0, 0(a5)\n.option pop");
	EXPECT_FP_ILLEGAL("csrr fcsr", "csrr t0, fcsr");
	EXPECT_FP_ILLEGAL("csrr frm", "csrr t0, frm");
	EXPECT_FP_ILLEGAL("csrw fflags", "csrw fflags, zero");
	CHECK_EQ("memory untouched by trapped fsd", 0x4000000000000000ull, slot);

	/* Back on: the registers and frm survived, and FS becomes Dirty on a write. */
	set_fs(SSTATUS_FS_CLEAN);
	CHECK_EQ("FS reads Clean", SSTATUS_FS_CLEAN, fs());
	CHECK("SD clear with FS=Clean", !(csr_read(sstatus) & SSTATUS_SD));
	asm volatile("fmv.x.d %0, ft1" : "=r"(r));
	CHECK_EQ("ft1 kept while FS=Off", 0x4008000000000000ull, r);
	CHECK_EQ("frm kept while FS=Off", 2, csr_read(frm));
	CHECK_EQ("reads keep FS=Clean", SSTATUS_FS_CLEAN, fs());
	asm volatile("fmv.d.x ft0, zero" ::: "ft0");
	CHECK_EQ("an FP register write makes FS Dirty", SSTATUS_FS_DIRTY, fs());
	CHECK("SD set with FS=Dirty", csr_read(sstatus) & SSTATUS_SD);

	set_fs(SSTATUS_FS_INITIAL);
	CHECK_EQ("FS reads Initial", SSTATUS_FS_INITIAL, fs());
	csr_write(fflags, 1);
	CHECK_EQ("an fflags write makes FS Dirty", SSTATUS_FS_DIRTY, fs());

	set_fs(SSTATUS_FS_CLEAN);
	asm volatile("fld ft0, 0(%0)" : : "r"(&slot) : "ft0");
	CHECK_EQ("fld makes FS Dirty", SSTATUS_FS_DIRTY, fs());

	set_fs(SSTATUS_FS_CLEAN);
	asm volatile("fdiv.d ft0, ft1, ft1" ::: "ft0");
	CHECK_EQ("FP arithmetic makes FS Dirty", SSTATUS_FS_DIRTY, fs());

	csr_write(fcsr, 0);
	return 0;
}
