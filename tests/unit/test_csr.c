/* SPDX-License-Identifier: MIT */
/*
 * The supervisor CSR file through csr_read()/csr_write(), and trap entry,
 * sret and interrupt choice (trap_*), on a real struct cpu from cpu_init().
 *
 * Exit status: 0 pass, 2 fail, 99 bug in the test.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cpu/hart.h"

#include "check.h"

#define RAM_BASE 0x80000000ull
#define RAM_SIZE (1ull << 20)

/* csr_read() that must succeed; returns the value. */
static uint64_t rd(struct cpu *c, unsigned int csr, const char *name, int line)
{
	uint64_t v = 0xdeadbeefdeadbeefull;

	check_eq_at(__FILE__, line, name, 0, (uint64_t)csr_read(c, csr, &v));
	return v;
}

#define RD(c, csr) rd(c, csr, #csr " readable", __LINE__)
#define WR(c, csr, val) CHECK_EQ(#csr " writable", 0, csr_write(c, csr, val))

static bool rd_fails(struct cpu *c, unsigned int csr)
{
	uint64_t v;

	return csr_read(c, csr, &v) == -1;
}

static bool wr_fails(struct cpu *c, unsigned int csr, uint64_t val)
{
	return csr_write(c, csr, val) == -1;
}

static void test_privilege(struct cpu *c)
{
	/* Not S CSRs at all: M, hypervisor, VS, debug, unknown, RV32-only. */
	static const unsigned int never[] = {
		0x300 /* mstatus */,   0x341 /* mepc */,	 0xf14 /* mhartid */,
		0x600 /* hstatus */,   0x200 /* vsstatus */,	 0x280 /* vsatp */,
		0x7b0 /* dcsr */,      0x5a8 /* scontext */,	 0x150 /* siselect */,
		0x15d /* stimecmph */, 0xc80 /* cycleh */,	 0xc20 /* vl */,
		0x008 /* vstart */,    0x015 /* seed */,	 0x101 /* unknown */,
		0x10c /* unknown */,   0xdb0 /* unknown S RO */, 0xfff,
	};
	static const unsigned int s_csrs[] = {
		CSR_SSTATUS, CSR_SIE,	 CSR_STVEC, CSR_SCOUNTEREN, CSR_SENVCFG,  CSR_SSCRATCH,
		CSR_SEPC,    CSR_SCAUSE, CSR_STVAL, CSR_SIP,	    CSR_STIMECMP, CSR_SATP,
	};
	char name[64];

	for (unsigned int priv = 0; priv < 2; priv++) {
		c->priv = (uint8_t)priv;
		for (unsigned int k = 0; k < sizeof(never) / sizeof(never[0]); k++) {
			snprintf(name, sizeof(name), "priv %u read %#x fails", priv, never[k]);
			CHECK_EQ(name, 1, rd_fails(c, never[k]));
			snprintf(name, sizeof(name), "priv %u write %#x fails", priv, never[k]);
			CHECK_EQ(name, 1, wr_fails(c, never[k], 0));
		}
		for (unsigned int k = 0; k < sizeof(s_csrs) / sizeof(s_csrs[0]); k++) {
			snprintf(name, sizeof(name), "priv %u read %#x fails", priv, s_csrs[k]);
			CHECK_EQ(name, priv == PRV_U, rd_fails(c, s_csrs[k]));
		}
	}

	/* U-mode writes of S CSRs fail and change nothing. */
	c->priv = PRV_S;
	WR(c, CSR_SSCRATCH, 0x1234);
	c->priv = PRV_U;
	CHECK_EQ("U write sscratch fails", 1, wr_fails(c, CSR_SSCRATCH, 0x5678));
	CHECK_EQ("U write satp fails", 1, wr_fails(c, CSR_SATP, 8ull << 60));
	c->priv = PRV_S;
	CHECK_EQ("sscratch after U write", 0x1234, RD(c, CSR_SSCRATCH));
	CHECK_EQ("satp after U write", 0, RD(c, CSR_SATP));
}

static void test_counters(struct cpu *c)
{
	uint64_t t0, t1, t2;
	char name[64];

	c->priv = PRV_S;
	t0 = cpu_time_now(c->env);
	t1 = RD(c, CSR_TIME);
	t2 = cpu_time_now(c->env);
	CHECK_EQ("time >= cpu_time_now before", 1, t1 >= t0);
	CHECK_EQ("time <= cpu_time_now after", 1, t1 <= t2);
	CHECK_EQ("instret is cpu_instret", cpu_instret(c), RD(c, CSR_INSTRET));
	CHECK_EQ("cycle is cpu_instret", cpu_instret(c), RD(c, CSR_CYCLE));

	/* Read-only, at any privilege. */
	for (unsigned int csr = CSR_CYCLE; csr <= CSR_HPMCOUNTER31; csr++) {
		snprintf(name, sizeof(name), "S write counter %#x fails", csr);
		CHECK_EQ(name, 1, wr_fails(c, csr, 0));
	}
	for (unsigned int csr = CSR_HPMCOUNTER3; csr <= CSR_HPMCOUNTER31; csr++) {
		snprintf(name, sizeof(name), "S read hpmcounter %#x", csr);
		CHECK_EQ(name, 0, rd(c, csr, name, __LINE__));
	}

	/* U-mode: each counter needs its own scounteren bit. */
	for (unsigned int n = 0; n < 32; n++) {
		unsigned int csr = CSR_CYCLE + n;

		c->priv = PRV_S;
		WR(c, CSR_SCOUNTEREN, ~(1ull << n));
		c->priv = PRV_U;
		snprintf(name, sizeof(name), "U read %#x without scounteren bit %u fails", csr, n);
		CHECK_EQ(name, 1, rd_fails(c, csr));
		c->priv = PRV_S;
		WR(c, CSR_SCOUNTEREN, 1ull << n);
		c->priv = PRV_U;
		snprintf(name, sizeof(name), "U read %#x with scounteren bit %u", csr, n);
		CHECK_EQ(name, 0, csr_read(c, csr, &t0));
		snprintf(name, sizeof(name), "U write %#x fails", csr);
		CHECK_EQ(name, 1, wr_fails(c, csr, 0));
	}
	c->priv = PRV_S;
	WR(c, CSR_SCOUNTEREN, 0);
}

static void test_fp(struct cpu *c)
{
	c->priv = PRV_S;
	WR(c, CSR_SSTATUS, SSTATUS_FS_OFF);
	for (unsigned int csr = CSR_FFLAGS; csr <= CSR_FCSR; csr++) {
		for (unsigned int priv = 0; priv < 2; priv++) {
			char name[64];

			c->priv = (uint8_t)priv;
			snprintf(name, sizeof(name), "FS=Off priv %u read %#x fails", priv, csr);
			CHECK_EQ(name, 1, rd_fails(c, csr));
			snprintf(name, sizeof(name), "FS=Off priv %u write %#x fails", priv, csr);
			CHECK_EQ(name, 1, wr_fails(c, csr, 0));
		}
	}
	c->priv = PRV_S;
	CHECK_EQ("sstatus after failed fflags write: FS still Off", SSTATUS_FS_OFF,
		 RD(c, CSR_SSTATUS) & SSTATUS_FS);

	/* U-mode may use fcsr, and a write dirties FS. */
	WR(c, CSR_SSTATUS, SSTATUS_FS_INITIAL);
	c->priv = PRV_U;
	WR(c, CSR_FFLAGS, ~0ull);
	c->priv = PRV_S;
	CHECK_EQ("fflags keeps 5 bits", 0x1f, RD(c, CSR_FFLAGS));
	CHECK_EQ("fflags write: FS Dirty, SD", SSTATUS_FS_DIRTY | SSTATUS_SD,
		 RD(c, CSR_SSTATUS) & (SSTATUS_FS | SSTATUS_SD));

	WR(c, CSR_SSTATUS, SSTATUS_FS_CLEAN);
	CHECK_EQ("FS Clean: no SD", SSTATUS_FS_CLEAN,
		 RD(c, CSR_SSTATUS) & (SSTATUS_FS | SSTATUS_SD));
	WR(c, CSR_FRM, ~0ull);
	CHECK_EQ("frm keeps 3 bits", 7, RD(c, CSR_FRM));
	CHECK_EQ("frm write: FS Dirty", SSTATUS_FS_DIRTY, RD(c, CSR_SSTATUS) & SSTATUS_FS);
	CHECK_EQ("fcsr = frm << 5 | fflags", 0xff, RD(c, CSR_FCSR));

	WR(c, CSR_SSTATUS, SSTATUS_FS_CLEAN);
	WR(c, CSR_FCSR, 0xfff4a);
	CHECK_EQ("fcsr write: fflags", 0x0a, RD(c, CSR_FFLAGS));
	CHECK_EQ("fcsr write: frm", 0x2, RD(c, CSR_FRM));
	CHECK_EQ("fcsr write: fcsr", 0x4a, RD(c, CSR_FCSR));
	CHECK_EQ("fcsr write: FS Dirty", SSTATUS_FS_DIRTY, RD(c, CSR_SSTATUS) & SSTATUS_FS);

	/* Reads do not dirty. */
	WR(c, CSR_SSTATUS, SSTATUS_FS_CLEAN);
	RD(c, CSR_FCSR);
	CHECK_EQ("fcsr read leaves FS Clean", SSTATUS_FS_CLEAN, RD(c, CSR_SSTATUS) & SSTATUS_FS);
	WR(c, CSR_SSTATUS, 0);
}

static void test_sstatus(struct cpu *c)
{
	const uint64_t writable =
		SSTATUS_SIE | SSTATUS_SPIE | SSTATUS_SPP | SSTATUS_FS | SSTATUS_SUM | SSTATUS_MXR;

	c->priv = PRV_S;
	WR(c, CSR_SSTATUS, ~0ull);
	CHECK_EQ("sstatus all ones", writable | SSTATUS_UXL_64 | SSTATUS_SD, RD(c, CSR_SSTATUS));
	WR(c, CSR_SSTATUS, 0);
	CHECK_EQ("sstatus zero: UXL only", SSTATUS_UXL_64, RD(c, CSR_SSTATUS));
	WR(c, CSR_SSTATUS, SSTATUS_UBE | SSTATUS_VS | SSTATUS_XS | SSTATUS_SD | SSTATUS_UXL);
	CHECK_EQ("sstatus: UBE/VS/XS/SD/UXL not writable", SSTATUS_UXL_64, RD(c, CSR_SSTATUS));
	WR(c, CSR_SSTATUS, SSTATUS_SUM | SSTATUS_SPP);
	CHECK_EQ("sstatus SUM|SPP", SSTATUS_UXL_64 | SSTATUS_SUM | SSTATUS_SPP, RD(c, CSR_SSTATUS));
	CHECK_EQ("cpu_csr_sstatus agrees", RD(c, CSR_SSTATUS), cpu_csr_sstatus(c));
	WR(c, CSR_SSTATUS, 0);
}

static void test_simple(struct cpu *c)
{
	c->priv = PRV_S;

	WR(c, CSR_SIE, ~0ull);
	CHECK_EQ("sie: SSIE|STIE|SEIE", MIP_SSIP | MIP_STIP | MIP_SEIP, RD(c, CSR_SIE));
	WR(c, CSR_SIE, 0);

	WR(c, CSR_STVEC, 0x80001001ull);
	CHECK_EQ("stvec vectored", 0x80001001ull, RD(c, CSR_STVEC));
	WR(c, CSR_STVEC, 0x80002002ull);
	CHECK_EQ("stvec MODE 2 keeps MODE 1, takes BASE", 0x80002001ull, RD(c, CSR_STVEC));
	WR(c, CSR_STVEC, 0x80003000ull);
	CHECK_EQ("stvec direct", 0x80003000ull, RD(c, CSR_STVEC));
	WR(c, CSR_STVEC, 0x80004003ull);
	CHECK_EQ("stvec MODE 3 keeps MODE 0, takes BASE", 0x80004000ull, RD(c, CSR_STVEC));

	WR(c, CSR_SSCRATCH, ~0ull);
	CHECK_EQ("sscratch", ~0ull, RD(c, CSR_SSCRATCH));
	WR(c, CSR_SEPC, 0x80000003ull);
	CHECK_EQ("sepc bit 0 clear", 0x80000002ull, RD(c, CSR_SEPC));
	WR(c, CSR_SCAUSE, CAUSE_INTERRUPT | 9);
	CHECK_EQ("scause", CAUSE_INTERRUPT | 9, RD(c, CSR_SCAUSE));
	WR(c, CSR_STVAL, 0x123456789abcdefull);
	CHECK_EQ("stval", 0x123456789abcdefull, RD(c, CSR_STVAL));
	WR(c, CSR_SCOUNTEREN, ~0ull);
	CHECK_EQ("scounteren is 32 bits", 0xffffffffull, RD(c, CSR_SCOUNTEREN));
	WR(c, CSR_SCOUNTEREN, 0);
	WR(c, CSR_SENVCFG, ~0ull);
	CHECK_EQ("senvcfg: FIOM only", SENVCFG_FIOM, RD(c, CSR_SENVCFG));
	WR(c, CSR_STIMECMP, 0x1122334455667788ull);
	CHECK_EQ("stimecmp", 0x1122334455667788ull, RD(c, CSR_STIMECMP));
	WR(c, CSR_STIMECMP, UINT64_MAX);
}

static void test_satp(struct cpu *c)
{
	const uint64_t sv39 = (SATP_MODE_SV39 << 60) | (0xffffull << 44) | 0xfffffffffffull;
	const uint64_t sv48 = (SATP_MODE_SV48 << 60) | (0x1234ull << 44) | 0x80123ull;

	c->priv = PRV_S;
	WR(c, CSR_SATP, sv39);
	CHECK_EQ("satp Sv39, ASID 16 bits, PPN 44 bits", sv39, RD(c, CSR_SATP));
	for (uint64_t mode = 1; mode < 16; mode++) {
		char name[64];

		if (mode == SATP_MODE_SV39 || mode == SATP_MODE_SV48)
			continue;
		WR(c, CSR_SATP, (mode << 60) | 0x42);
		snprintf(name, sizeof(name), "satp write with MODE %" PRIu64 " ignored", mode);
		CHECK_EQ(name, sv39, RD(c, CSR_SATP));
	}
	WR(c, CSR_SATP, sv48);
	CHECK_EQ("satp Sv48", sv48, RD(c, CSR_SATP));
	WR(c, CSR_SATP, 0);
	CHECK_EQ("satp Bare", 0, RD(c, CSR_SATP));
}

static void test_sip(struct cpu *c)
{
	c->priv = PRV_S;
	WR(c, CSR_STIMECMP, UINT64_MAX);
	CHECK_EQ("sip idle", 0, RD(c, CSR_SIP));
	WR(c, CSR_SIP, ~0ull);
	CHECK_EQ("sip write: only SSIP", MIP_SSIP, RD(c, CSR_SIP));
	CHECK_EQ("csr_sip agrees", MIP_SSIP, csr_sip(c));
	WR(c, CSR_SIP, 0);
	CHECK_EQ("sip clear", 0, RD(c, CSR_SIP));

	cpu_irq_raise(c, CPU_IRQ_SEI);
	CHECK_EQ("SEI line shows as SEIP", MIP_SEIP, RD(c, CSR_SIP));
	WR(c, CSR_SIP, 0);
	CHECK_EQ("SEIP is read-only", MIP_SEIP, RD(c, CSR_SIP));
	cpu_irq_lower(c, CPU_IRQ_SEI);
	CHECK_EQ("SEI line lowered", 0, RD(c, CSR_SIP));

	cpu_irq_raise(c, CPU_IRQ_SSI);
	CHECK_EQ("SSI line (IPI) shows as SSIP", MIP_SSIP, RD(c, CSR_SIP));
	WR(c, CSR_SIP, MIP_SSIP);
	CHECK_EQ("writing SSIP=1 keeps it", MIP_SSIP, RD(c, CSR_SIP));
	WR(c, CSR_SIP, 0);
	CHECK_EQ("clearing SSIP acknowledges the IPI", 0, RD(c, CSR_SIP));
	CHECK_EQ("... and lowers the SSI line", 0, atomic_load(&c->irq_lines) & CPU_IRQ_SSI);

	WR(c, CSR_STIMECMP, 0);
	CHECK_EQ("STIP when time >= stimecmp", MIP_STIP, RD(c, CSR_SIP));
	WR(c, CSR_SIP, 0);
	CHECK_EQ("STIP is read-only", MIP_STIP, RD(c, CSR_SIP));
	WR(c, CSR_STIMECMP, cpu_time_now(c->env) + 1000000000ull);
	CHECK_EQ("no STIP with a future stimecmp", 0, RD(c, CSR_SIP));
	WR(c, CSR_STIMECMP, UINT64_MAX);
}

static void test_trap_exception(struct cpu *c)
{
	c->priv = PRV_S;
	WR(c, CSR_STVEC, 0x80200001ull); /* vectored: exceptions still go to BASE */
	WR(c, CSR_SSTATUS, SSTATUS_SIE | SSTATUS_SUM);
	c->priv = PRV_U;
	c->pc = 0x10074;
	trap_exception(c, CAUSE_LOAD_PAGE_FAULT, 0xdead000);
	CHECK_EQ("exc from U: priv", PRV_S, c->priv);
	CHECK_EQ("exc from U: pc", 0x80200000ull, c->pc);
	CHECK_EQ("exc from U: sepc", 0x10074, RD(c, CSR_SEPC));
	CHECK_EQ("exc from U: scause", CAUSE_LOAD_PAGE_FAULT, RD(c, CSR_SCAUSE));
	CHECK_EQ("exc from U: stval", 0xdead000, RD(c, CSR_STVAL));
	CHECK_EQ("exc from U: sstatus SPP=0 SPIE=1 SIE=0, SUM kept",
		 SSTATUS_UXL_64 | SSTATUS_SPIE | SSTATUS_SUM, RD(c, CSR_SSTATUS));

	/* From S with SIE=0: SPP=1, SPIE=0. */
	c->pc = 0x80201234ull;
	trap_exception(c, CAUSE_ILLEGAL_INSTRUCTION, 0x12345678);
	CHECK_EQ("exc from S: priv", PRV_S, c->priv);
	CHECK_EQ("exc from S: sepc", 0x80201234ull, RD(c, CSR_SEPC));
	CHECK_EQ("exc from S: sstatus SPP=1 SPIE=0 SIE=0",
		 SSTATUS_UXL_64 | SSTATUS_SPP | SSTATUS_SUM, RD(c, CSR_SSTATUS));

	/* sret back to S, then to U. */
	WR(c, CSR_SSTATUS, SSTATUS_SPP | SSTATUS_SPIE);
	WR(c, CSR_SEPC, 0x80300000ull);
	trap_sret(c);
	CHECK_EQ("sret to S: priv", PRV_S, c->priv);
	CHECK_EQ("sret to S: pc", 0x80300000ull, c->pc);
	CHECK_EQ("sret to S: SIE=SPIE, SPIE=1, SPP=U", SSTATUS_UXL_64 | SSTATUS_SIE | SSTATUS_SPIE,
		 RD(c, CSR_SSTATUS));

	WR(c, CSR_SSTATUS, SSTATUS_SIE); /* SPP=U, SPIE=0 */
	WR(c, CSR_SEPC, 0x4000);
	trap_sret(c);
	CHECK_EQ("sret to U: priv", PRV_U, c->priv);
	CHECK_EQ("sret to U: pc", 0x4000, c->pc);
	c->priv = PRV_S;
	CHECK_EQ("sret to U: SIE=0, SPIE=1, SPP=U", SSTATUS_UXL_64 | SSTATUS_SPIE,
		 RD(c, CSR_SSTATUS));
	WR(c, CSR_SSTATUS, 0);
}

/* Leave no interrupt source pending. */
static void irq_quiet(struct cpu *c)
{
	c->priv = PRV_S;
	cpu_irq_lower(c, CPU_IRQ_SSI | CPU_IRQ_SEI);
	WR(c, CSR_SIP, 0);
	WR(c, CSR_STIMECMP, UINT64_MAX);
}

static void test_trap_irq(struct cpu *c)
{
	irq_quiet(c);
	WR(c, CSR_STVEC, 0x80400001ull);
	WR(c, CSR_SIE, MIP_SSIP | MIP_STIP | MIP_SEIP);
	WR(c, CSR_SSTATUS, SSTATUS_SIE);
	c->pc = 0x80001000ull;
	CHECK_EQ("nothing pending: no irq", false, trap_check_irq(c));
	CHECK_EQ("nothing pending: pc unchanged", 0x80001000ull, c->pc);

	/* All three pending: SEI first, then SSI, then STI. */
	cpu_irq_raise(c, CPU_IRQ_SEI);
	WR(c, CSR_SIP, MIP_SSIP);
	WR(c, CSR_STIMECMP, 0);
	CHECK_EQ("SEI taken", true, trap_check_irq(c));
	CHECK_EQ("SEI scause", CAUSE_INTERRUPT | IRQ_S_EXT, RD(c, CSR_SCAUSE));
	CHECK_EQ("SEI vectored pc", 0x80400000ull + 4 * IRQ_S_EXT, c->pc);
	CHECK_EQ("SEI sepc", 0x80001000ull, RD(c, CSR_SEPC));
	CHECK_EQ("SEI stval", 0, RD(c, CSR_STVAL));
	CHECK_EQ("SEI sstatus: SPP=1, SPIE=1, SIE=0", SSTATUS_UXL_64 | SSTATUS_SPP | SSTATUS_SPIE,
		 RD(c, CSR_SSTATUS));
	CHECK_EQ("S with SIE=0: not taken", false, trap_check_irq(c));

	cpu_irq_lower(c, CPU_IRQ_SEI);
	WR(c, CSR_SSTATUS, SSTATUS_SIE);
	c->pc = 0x80002000ull;
	CHECK_EQ("SSI taken", true, trap_check_irq(c));
	CHECK_EQ("SSI scause", CAUSE_INTERRUPT | IRQ_S_SOFT, RD(c, CSR_SCAUSE));
	CHECK_EQ("SSI vectored pc", 0x80400000ull + 4 * IRQ_S_SOFT, c->pc);

	WR(c, CSR_SIP, 0);
	WR(c, CSR_SSTATUS, SSTATUS_SIE);
	CHECK_EQ("STI taken", true, trap_check_irq(c));
	CHECK_EQ("STI scause", CAUSE_INTERRUPT | IRQ_S_TIMER, RD(c, CSR_SCAUSE));
	CHECK_EQ("STI vectored pc", 0x80400000ull + 4 * IRQ_S_TIMER, c->pc);

	/* Pending but not enabled in sie. */
	WR(c, CSR_SSTATUS, SSTATUS_SIE);
	WR(c, CSR_SIE, MIP_SSIP | MIP_SEIP);
	CHECK_EQ("STI pending, STIE=0: not taken", false, trap_check_irq(c));
	WR(c, CSR_SIE, MIP_SSIP | MIP_STIP | MIP_SEIP);

	/* Direct mode: every interrupt goes to BASE. */
	WR(c, CSR_STVEC, 0x80500000ull);
	CHECK_EQ("direct STI taken", true, trap_check_irq(c));
	CHECK_EQ("direct STI pc", 0x80500000ull, c->pc);

	/* U-mode takes S interrupts even with SIE=0. */
	WR(c, CSR_SSTATUS, 0);
	c->priv = PRV_U;
	c->pc = 0x1000;
	CHECK_EQ("U with SIE=0: taken", true, trap_check_irq(c));
	CHECK_EQ("from U: priv", PRV_S, c->priv);
	CHECK_EQ("from U: sepc", 0x1000, RD(c, CSR_SEPC));
	CHECK_EQ("from U: sstatus SPP=0 SPIE=0", SSTATUS_UXL_64, RD(c, CSR_SSTATUS));

	/* In U-mode with sie = 0: nothing. */
	WR(c, CSR_SIE, 0);
	c->priv = PRV_U;
	CHECK_EQ("U with sie=0: not taken", false, trap_check_irq(c));
	CHECK_EQ("U with sie=0: still U", PRV_U, c->priv);
	irq_quiet(c);
}

int main(void)
{
	static _Atomic uint32_t attention;
	struct cpu_env env = {0};
	struct timespec ts;
	struct cpu *c;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	env.ram = aligned_alloc(4096, RAM_SIZE);
	c = calloc(1, sizeof(*c));
	if (!env.ram || !c) {
		printf("BUG: out of memory\n");
		return 99;
	}
	env.ram_base = RAM_BASE;
	env.ram_size = RAM_SIZE;
	env.shared = cpu_shared_create(RAM_BASE, RAM_SIZE);
	env.attention = &attention;
	env.time_epoch_ns = (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
	env.timebase_hz = 10000000;
	if (!env.shared || cpu_init(c, &env)) {
		printf("BUG: cpu_init failed\n");
		return 99;
	}
	cpu_reset(c, RAM_BASE, 0);

	test_privilege(c);
	test_counters(c);
	test_fp(c);
	test_sstatus(c);
	test_simple(c);
	test_satp(c);
	test_sip(c);
	test_trap_exception(c);
	test_trap_irq(c);

	cpu_fini(c);
	cpu_shared_destroy(env.shared);
	free(c);
	free(env.ram);
	return check_finish("test_csr");
}
