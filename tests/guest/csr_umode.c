/* hv-test: qemu-ok */
// SPDX-License-Identifier: MIT
/*
 * U-mode may not touch supervisor state: reading or writing any S-level CSR
 * (sstatus, sie, stvec, sscratch, sepc, scause, stval, sip, satp,
 * scounteren) and executing sret or sfence.vma are illegal instructions
 * taken to S-mode with SPP = U, and the CSR is unchanged.  U-mode may use
 * the FP CSRs and its own registers freely.
 */
#include "guest.h"

#define U_CSR_READ(name, csr)                             \
	static long u_read_##name(long arg)               \
	{                                                 \
		unsigned long v = arg;                    \
		asm volatile("csrr %0, " #csr : "+r"(v)); \
		return (long)v;                           \
	}

#define U_CSR_WRITE(name, csr)                                  \
	static long u_write_##name(long arg)                    \
	{                                                       \
		asm volatile("csrw " #csr ", %0" : : "r"(arg)); \
		return 0;                                       \
	}

U_CSR_READ(sstatus, sstatus)
U_CSR_READ(sie, sie)
U_CSR_READ(stvec, stvec)
U_CSR_READ(sscratch, sscratch)
U_CSR_READ(sepc, sepc)
U_CSR_READ(scause, scause)
U_CSR_READ(stval, stval)
U_CSR_READ(sip, sip)
U_CSR_READ(satp, satp)
U_CSR_READ(scounteren, scounteren)
U_CSR_WRITE(sstatus, sstatus)
U_CSR_WRITE(stvec, stvec)
U_CSR_WRITE(sscratch, sscratch)
U_CSR_WRITE(satp, satp)
U_CSR_WRITE(sie, sie)

static long u_sret(long arg)
{
	asm volatile("sret");
	return arg;
}

static long u_sfence(long arg)
{
	asm volatile("sfence.vma");
	return arg;
}

static long u_fcsr(long arg)
{
	unsigned long v;

	asm volatile("csrw fcsr, %1\n\tcsrr %0, fcsr" : "=r"(v) : "r"(arg));
	return (long)v;
}

static long u_regs(long arg)
{
	return arg * 3 + 1;
}

static void expect_user_illegal(const char *what, long (*fn)(long), long arg)
{
	struct trap_info t;
	long ret;

	trap_expect();
	ret = user_call(fn, arg);
	t = trap_result();
	test_check_eqf(1, t.taken, "U-mode %s traps once", what);
	test_check_eqf(CAUSE_ILLEGAL_INSTRUCTION, t.cause, "U-mode %s is illegal", what);
	test_check_eqf(PRV_U, t.from_priv, "U-mode %s trap came from U", what);
	test_checkf(t.epc >= (unsigned long)fn && t.epc < (unsigned long)fn + 64,
		    "U-mode %s sepc is in the U function", what);
	(void)ret;
}

int main(unsigned long hartid, unsigned long dtb)
{
	unsigned long stvec = csr_read(stvec), sscratch = csr_read(sscratch);
	unsigned long sstatus = csr_read(sstatus), sie = csr_read(sie);

	(void)hartid;
	(void)dtb;
	CHECK_EQ("U-mode function runs and returns", 31, user_call(u_regs, 10));

	expect_user_illegal("csrr sstatus", u_read_sstatus, 0);
	expect_user_illegal("csrr sie", u_read_sie, 0);
	expect_user_illegal("csrr stvec", u_read_stvec, 0);
	expect_user_illegal("csrr sscratch", u_read_sscratch, 0);
	expect_user_illegal("csrr sepc", u_read_sepc, 0);
	expect_user_illegal("csrr scause", u_read_scause, 0);
	expect_user_illegal("csrr stval", u_read_stval, 0);
	expect_user_illegal("csrr sip", u_read_sip, 0);
	expect_user_illegal("csrr satp", u_read_satp, 0);
	expect_user_illegal("csrr scounteren", u_read_scounteren, 0);
	expect_user_illegal("csrw sstatus", u_write_sstatus, 0);
	expect_user_illegal("csrw stvec", u_write_stvec, 0x1000);
	expect_user_illegal("csrw sscratch", u_write_sscratch, 0x1234);
	expect_user_illegal("csrw satp", u_write_satp, (long)(8ul << 60));
	expect_user_illegal("csrw sie", u_write_sie, 0x222);
	expect_user_illegal("sret", u_sret, 0);
	expect_user_illegal("sfence.vma", u_sfence, 0);

	CHECK_EQ("stvec unchanged by U write", stvec, csr_read(stvec));
	CHECK_EQ("sscratch unchanged by U write", sscratch, csr_read(sscratch));
	CHECK_EQ("satp unchanged by U write", 0, csr_read(satp));
	CHECK_EQ("sie unchanged by U write", sie, csr_read(sie));
	CHECK_EQ("sstatus.SUM/MXR unchanged", sstatus & (SSTATUS_SUM | SSTATUS_MXR),
		 csr_read(sstatus) & (SSTATUS_SUM | SSTATUS_MXR));

	trap_expect();
	CHECK_EQ("U-mode may use fcsr", 0x41, user_call(u_fcsr, 0x41));
	CHECK_EQ("U-mode fcsr access does not trap", 0, trap_result().taken);
	csr_write(fcsr, 0);
	return 0;
}
