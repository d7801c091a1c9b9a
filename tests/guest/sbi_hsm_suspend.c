/* hv-test: --cpus 4 --mem 256M qemu-skip: OpenSBI 1.1 accepts resume addresses outside RAM */
// SPDX-License-Identifier: MIT
/*
 * SBI HSM hart_suspend, with 4 harts.
 *  - reserved types (0x1, 0x2, 0x0FFFFFFF, 0x80000001, 0x8FFFFFFF) and
 *    platform types hartvisor does not implement (0x10000000, 0x7FFFFFFF,
 *    0x90000000, 0xFFFFFFFF) are INVALID_PARAM;
 *  - only the low 32 bits of suspend_type count: 0xFFFFFFFF_00000000 is the
 *    default retentive type and 0x1_80000000 the default non-retentive one;
 *  - non-retentive with resume_addr outside RAM or odd is INVALID_ADDRESS;
 *  - retentive suspend returns SUCCESS once an enabled interrupt is pending:
 *    one pending before the call, the hart's timer, an IPI from another
 *    hart; every register but a0/a1 and the CSRs are preserved; another
 *    hart reads the suspended hart's status as SUSPENDED;
 *  - non-retentive suspend resumes at resume_addr with a0 = hartid,
 *    a1 = opaque, satp = 0 and sstatus.SIE = 0 although the hart suspended
 *    with paging and SIE on; woken by an IPI, by its own timer, and (the
 *    boot hart itself, last) by an IPI from another hart.
 * While an error case runs, an enabled interrupt is kept pending, so a VMM
 * that wrongly suspends returns at once (SUCCESS, caught) or resumes at
 * state_entry (caught), instead of hanging.
 */
#include "sbitest.h"

#define RAM_BASE 0x80000000ul
#define RAM_END (RAM_BASE + (256ul << 20)) /* --mem 256M */

static struct sbiret suspend_raw(unsigned long type, unsigned long addr, unsigned long opaque)
{
	return sbi_ecall(SBI_EXT_HSM, SBI_EXT_HSM_HART_SUSPEND, type, addr, opaque, 0, 0, 0);
}

static unsigned long boss;
static struct pt pt;

static void check_entry(unsigned long h, unsigned long opaque, const char *what)
{
	struct entry_rec *e = &entry_recs[h];

	test_check_eqf(h, e->a0, "%s: hart %lu resumed with a0 = hartid", what, h);
	test_check_eqf(opaque, e->a1, "%s: hart %lu resumed with a1 = opaque", what, h);
	test_check_eqf(0, e->satp, "%s: hart %lu resumed with satp = 0", what, h);
	test_check_eqf(0, e->sstatus & SSTATUS_SIE, "%s: hart %lu resumed with sstatus.SIE = 0",
		       what, h);
}

/* ---- the error cases, on the boot hart ------------------------------------- */

static void unexpected_resume(void *arg)
{
	(void)arg;
	test_abort("resumed at resume_addr from a suspend call that should have failed");
}

static void error_cases(void)
{
	const unsigned long bad_types[] = {
		0x1,	    0x2,	0x0FFFFFFF, 0x80000001, 0x8FFFFFFF,
		0x10000000, 0x7FFFFFFF, 0x90000000, 0xFFFFFFFF, 0x1ul << 32 | 1};
	unsigned long entry = (unsigned long)state_entry;
	const unsigned long bad_addrs[] = {
		0,	  0x1000,   0x10000000 /* UART */, RAM_BASE - 4, RAM_END, 1ul << 63,
		~0ul - 1, entry + 1};
	struct sbiret r;

	/* A pending, enabled timer interrupt: a wrong suspend ends at once. */
	hart_locals[boss].start_fn = unexpected_resume;
	csr_clear(sstatus, SSTATUS_SIE);
	csr_write(sie, MIP_STIP);
	sbi_set_timer(0);
	WAIT_FOR(csr_read(sip) & MIP_STIP);

	for (unsigned int i = 0; i < ARRAY_SIZE(bad_types); i++) {
		r = suspend_raw(bad_types[i], entry, 0x77);
		test_check_eqf(SBI_ERR_INVALID_PARAM, r.error, "suspend type 0x%lx: INVALID_PARAM",
			       bad_types[i]);
	}
	for (unsigned int i = 0; i < ARRAY_SIZE(bad_addrs); i++) {
		r = suspend_raw(SBI_HSM_SUSPEND_NON_RET_DEFAULT, bad_addrs[i], 0x77);
		test_check_eqf(SBI_ERR_INVALID_ADDRESS, r.error,
			       "non-retentive suspend, resume_addr 0x%lx: INVALID_ADDRESS",
			       bad_addrs[i]);
	}
	r = suspend_raw(0x180000000ul, 0x1000, 0x77);
	CHECK_EQ("type 0x1_80000000 (low bits: non-retentive), bad resume_addr: INVALID_ADDRESS",
		 SBI_ERR_INVALID_ADDRESS, r.error);

	/* Upper bits ignored: the default retentive type, returns on the pending timer. */
	r = suspend_raw(0xFFFFFFFF00000000ul, 0, 0);
	CHECK_EQ("type 0xFFFFFFFF_00000000 is retentive type 0: SUCCESS on a pending interrupt",
		 SBI_SUCCESS, r.error);
	r = suspend_raw(SBI_HSM_SUSPEND_RET_DEFAULT, 0, 0);
	CHECK_EQ("retentive suspend with a timer interrupt already pending: SUCCESS", SBI_SUCCESS,
		 r.error);
	sbi_set_timer(~0ul);
	csr_write(sie, 0);

	/* A software interrupt set by the hart itself counts too. */
	csr_write(sie, MIP_SSIP);
	csr_set(sip, MIP_SSIP);
	r = suspend_raw(SBI_HSM_SUSPEND_RET_DEFAULT, 0, 0);
	CHECK_EQ("retentive suspend with SSIP already pending: SUCCESS", SBI_SUCCESS, r.error);
	csr_clear(sip, MIP_SSIP);
	csr_write(sie, 0);
	hart_locals[boss].start_fn = NULL;
}

/* ---- retentive: registers, CSRs, the timer ------------------------------------ */

static unsigned long pattern(unsigned int n)
{
	return 0x5e5e000000000000ul | ((unsigned long)n << 32) | (0xa500u + n);
}

static void retentive_timer(void)
{
	unsigned long r[32], bad, deadline, satp, sscratch, stvec, sie, sstatus;

	pt_enable(&pt, 0);
	satp = csr_read(satp);
	csr_write(sscratch, csr_read(sscratch)); /* unchanged, but read back below */
	sscratch = csr_read(sscratch);
	stvec = csr_read(stvec);
	csr_clear(sstatus, SSTATUS_SIE);
	csr_write(sie, MIP_STIP);
	sie = csr_read(sie);
	sstatus = csr_read(sstatus);

	for (unsigned int n = 0; n < 32; n++)
		r[n] = pattern(n);
	r[17] = SBI_EXT_HSM;
	r[16] = SBI_EXT_HSM_HART_SUSPEND;
	r[10] = SBI_HSM_SUSPEND_RET_DEFAULT;
	r[11] = 0;
	deadline = time_now() + TIMEBASE_HZ / 1000;
	sbi_set_timer(deadline);
	bad = sbi_regs_call(r, false);

	CHECK_EQ("retentive suspend woken by the timer: SUCCESS", SBI_SUCCESS, r[10]);
	CHECK("woken by the timer: STIP pending", csr_read(sip) & MIP_STIP);
	CHECK_EQ("retentive suspend preserves x1..x31 but a0/a1 (bit n = xn changed)", 0, bad);
	CHECK_EQ("retentive suspend preserves satp", satp, csr_read(satp));
	CHECK_EQ("retentive suspend preserves sscratch", sscratch, csr_read(sscratch));
	CHECK_EQ("retentive suspend preserves stvec", stvec, csr_read(stvec));
	CHECK_EQ("retentive suspend preserves sie", sie, csr_read(sie));
	CHECK_EQ("retentive suspend preserves sstatus", sstatus, csr_read(sstatus));
	sbi_set_timer(~0ul);
	csr_write(sie, 0);
	pt_disable();
}

/* ---- the helper hart: watches the boot hart and wakes it --------------------- */

static volatile unsigned long helper_cmd, helper_ack, helper_saw;

static void helper(void *arg)
{
	(void)arg;
	for (unsigned long c = 1;; c++) {
		while (helper_cmd < c)
			;
		helper_saw = WAIT_FOR(hsm_status(boss) == SBI_HSM_STATE_SUSPENDED);
		sbi_send_ipi(1ul << boss, 0);
		helper_ack = c;
	}
}

static void retentive_ipi(void)
{
	struct sbiret r;

	csr_clear(sstatus, SSTATUS_SIE);
	csr_clear(sip, MIP_SSIP);
	csr_write(sie, MIP_SSIP);
	helper_saw = 0;
	helper_cmd = 1;
	r = sbi_hart_suspend(SBI_HSM_SUSPEND_RET_DEFAULT, 0, 0);
	CHECK_EQ("retentive suspend woken by another hart's IPI: SUCCESS", SBI_SUCCESS, r.error);
	CHECK("woken by the IPI: SSIP pending", csr_read(sip) & MIP_SSIP);
	CHECK("WAIT_FOR helper", WAIT_FOR(helper_ack == 1));
	CHECK("another hart read the suspended hart as SUSPENDED", helper_saw);
	csr_clear(sip, MIP_SSIP);
	csr_write(sie, 0);
}

/* ---- non-retentive, on other harts ----------------------------------------- */

static volatile unsigned long nr_returned[GUEST_MAX_HARTS], nr_done[GUEST_MAX_HARTS];

static void nonret_resumed(void *arg)
{
	unsigned long me = hart_id();

	(void)arg;
	csr_clear(sip, MIP_SSIP);
	sbi_set_timer(~0ul);
	nr_done[me] = 1;
	hsm_stop_self();
}

/* arg: 0 = wait for an IPI with SIE on, 1 = wake on own timer. */
static void nonret_target(void *arg)
{
	unsigned long me = hart_id(), opaque = me == 2 ? 0x1234567890abcdeful : ~0ul - me;

	pt_enable(&pt, 0);
	hart_locals[me].start_fn = nonret_resumed;
	csr_clear(sip, MIP_SSIP);
	if (arg) {
		csr_clear(sstatus, SSTATUS_SIE);
		csr_write(sie, MIP_STIP);
		sbi_set_timer(time_now() + TIMEBASE_HZ / 1000);
	} else {
		csr_write(sie, MIP_SSIP);
		csr_set(sstatus, SSTATUS_SIE);
	}
	sbi_hart_suspend(SBI_HSM_SUSPEND_NON_RET_DEFAULT, (unsigned long)state_entry, opaque);
	nr_returned[me] = 1;
	for (;;)
		wfi();
}

static void nonret_others(void)
{
	unsigned long h_ipi = 2, h_timer = 3, n_ipi = entry_count(2), n_timer = entry_count(3);

	CHECK_EQ("start the IPI-woken hart", SBI_SUCCESS,
		 entry_start(h_ipi, nonret_target, (void *)0, 0).error);
	CHECK_EQ("start the timer-woken hart", SBI_SUCCESS,
		 entry_start(h_timer, nonret_target, (void *)1, 0).error);
	CHECK("hart 2 reads SUSPENDED (non-retentive)",
	      WAIT_FOR(hsm_status(h_ipi) == SBI_HSM_STATE_SUSPENDED));
	CHECK_EQ("IPI to the suspended hart: SUCCESS", SBI_SUCCESS,
		 sbi_send_ipi(1ul << h_ipi, 0).error);
	CHECK("hart 2 entered start_addr, then resume_addr",
	      WAIT_FOR(entry_count(h_ipi) == n_ipi + 2 && nr_done[h_ipi]));
	check_entry(h_ipi, 0x1234567890abcdeful, "IPI wake, SIE and paging were on");
	CHECK("hart 3 entered start_addr, then resume_addr on its timer",
	      WAIT_FOR(entry_count(h_timer) == n_timer + 2 && nr_done[h_timer]));
	check_entry(h_timer, ~0ul - h_timer, "timer wake, paging was on");
	CHECK("both stopped after resuming",
	      WAIT_FOR(hsm_status(h_ipi) == SBI_HSM_STATE_STOPPED &&
		       hsm_status(h_timer) == SBI_HSM_STATE_STOPPED));
	CHECK("non-retentive suspend never returned", !nr_returned[h_ipi] && !nr_returned[h_timer]);
}

/* ---- non-retentive, on the boot hart, last ------------------------------------ */

static volatile int boss_returned;

static void boss_resumed(void *arg)
{
	(void)arg;
	CHECK("boot hart resumed at resume_addr once", entry_count(boss) == 1);
	check_entry(boss, 0xb055b055b055b055ul, "boot hart, IPI wake, SIE and paging were on");
	CHECK("boot hart: non-retentive suspend did not return", !boss_returned);
	CHECK("the helper saw the boot hart SUSPENDED", WAIT_FOR(helper_ack == 2) && helper_saw);
	csr_clear(sip, MIP_SSIP);
	test_done();
}

int main(unsigned long hartid, unsigned long dtb)
{
	(void)dtb;
	boss = hartid;
	if (!CHECK("4 harts, booted on hart 0", smp_hart_count() == 4 && boss == 0))
		return 0;
	pt_init(&pt, SATP_MODE_SV39);
	pt_map_ram_identity(&pt);

	error_cases();
	retentive_timer();
	CHECK_EQ("start the helper hart", SBI_SUCCESS, entry_start(1, helper, NULL, 0).error);
	retentive_ipi();
	nonret_others();

	/* The boot hart suspends non-retentively with paging and SIE on. */
	pt_enable(&pt, 0);
	hart_locals[boss].start_fn = boss_resumed;
	csr_clear(sip, MIP_SSIP);
	csr_write(sie, MIP_SSIP);
	csr_set(sstatus, SSTATUS_SIE);
	helper_saw = 0;
	helper_cmd = 2;
	sbi_hart_suspend(SBI_HSM_SUSPEND_NON_RET_DEFAULT, (unsigned long)state_entry,
			 0xb055b055b055b055ul);
	boss_returned = 1;
	csr_clear(sstatus, SSTATUS_SIE);
	pt_disable();
	CHECK("boot hart: non-retentive suspend did not return", false);
	return 0;
}
