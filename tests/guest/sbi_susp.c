/* hv-test: --cpus 4 --mem 256M --suspend-wake=now qemu-skip: OpenSBI 1.1 has no SUSP */
// SPDX-License-Identifier: MIT
/*
 * SBI SUSP system_suspend with 4 harts, woken at once (--suspend-wake=now).
 *  - with every other hart STOPPED, so that no other error applies:
 *    sleep types 1, 2, 0x7FFFFFFF (reserved) and 0x80000000, 0xFFFFFFFF
 *    (platform, unimplemented) are INVALID_PARAM; resume_addr outside RAM
 *    or odd is INVALID_ADDRESS; FID 1 is NOT_SUPPORTED;
 *  - DENIED while any other hart is STARTED (one, the last one, all three),
 *    SUSPENDED (HSM retentive and non-retentive suspend) or START_PENDING
 *    (a hart_start just made; the hart may already be STARTED, which is
 *    DENIED as well), and in a storm of calls across another hart's whole
 *    start, suspend and resume, whatever transient state each call meets;
 *    a DENIED call changes nothing;
 *  - sleep_type is 32-bit: 0xFFFFFFFF_00000000 is type 0 (DENIED, not
 *    INVALID_PARAM, with a hart running; a successful suspend later);
 *  - success once every other hart is STOPPED: the call does not return;
 *    the hart resumes at resume_addr with a0 = hartid, a1 = opaque,
 *    satp = 0 and sstatus.SIE = 0 although it suspended with paging and SIE
 *    on; every other hart is still STOPPED; they start normally afterwards;
 *    and it works a second time.
 * On hartvisor the VMM's own counters (HV_UCALL_STATS) must agree: one
 * commit per suspend, one DENIED per denied call, no invariant violation.
 */
#include "sbitest.h"

#define RAM_BASE 0x80000000ul
#define RAM_END (RAM_BASE + (256ul << 20)) /* --mem 256M */

static struct sbiret susp_raw(unsigned long type, unsigned long addr, unsigned long opaque)
{
	return sbi_ecall(SBI_EXT_SUSP, 0, type, addr, opaque, 0, 0, 0);
}

static unsigned long boss;
static unsigned int nharts;
static struct pt pt;
static unsigned long denied_calls, commits0, denied0;
static unsigned long boss_entries; /* resumes so far */

static bool others_stopped(void)
{
	for (unsigned long h = 0; h < nharts; h++)
		if (h != boss && hsm_status(h) != SBI_HSM_STATE_STOPPED)
			return false;
	return true;
}

/* ---- error cases, every other hart STOPPED ---------------------------------- */

static void unexpected_resume(void *arg)
{
	(void)arg;
	test_abort("resumed from a system_suspend that should have failed");
}

static void error_cases(void)
{
	const unsigned long bad_types[] = {1,	       2,	   0x7FFFFFFF,
					   0x80000000, 0xFFFFFFFF, (1ul << 32) | 1};
	unsigned long entry = (unsigned long)state_entry;
	const unsigned long bad_addrs[] = {0,
					   0x1000,
					   0x10000000 /* UART */,
					   RAM_BASE - 4,
					   RAM_END,
					   RAM_END + 0x200000,
					   1ul << 63,
					   ~0ul - 1,
					   entry + 1};
	struct sbiret r;

	CHECK("error cases: every other hart STOPPED", others_stopped());
	hart_locals[boss].start_fn = unexpected_resume;
	for (unsigned int i = 0; i < ARRAY_SIZE(bad_types); i++) {
		r = susp_raw(bad_types[i], entry, 0x77);
		test_check_eqf(SBI_ERR_INVALID_PARAM, r.error, "sleep type 0x%lx: INVALID_PARAM",
			       bad_types[i]);
	}
	for (unsigned int i = 0; i < ARRAY_SIZE(bad_addrs); i++) {
		r = susp_raw(0, bad_addrs[i], 0x77);
		test_check_eqf(SBI_ERR_INVALID_ADDRESS, r.error,
			       "resume_addr 0x%lx: INVALID_ADDRESS", bad_addrs[i]);
	}
	r = sbi_ecall(SBI_EXT_SUSP, 1, 0, entry, 0, 0, 0, 0);
	CHECK_EQ("SUSP fid 1: NOT_SUPPORTED", SBI_ERR_NOT_SUPPORTED, r.error);
	CHECK_EQ("error cases: no resume happened", 0, entry_count(boss));
	hart_locals[boss].start_fn = NULL;
}

/* ---- DENIED ------------------------------------------------------------------ */

static volatile unsigned long release_gen;
static volatile long hsm_susp_ret[GUEST_MAX_HARTS];

/* Stay STARTED until release_gen moves past @arg, then stop. */
static void runner(void *arg)
{
	while (release_gen == (unsigned long)arg)
		;
	hsm_stop_self();
}

static void retentive_sleeper(void *arg)
{
	unsigned long me = hart_id();

	(void)arg;
	csr_clear(sstatus, SSTATUS_SIE);
	csr_clear(sip, MIP_SSIP);
	csr_write(sie, MIP_SSIP);
	hsm_susp_ret[me] = sbi_hart_suspend(SBI_HSM_SUSPEND_RET_DEFAULT, 0, 0).error;
	csr_clear(sip, MIP_SSIP);
	hsm_stop_self();
}

static void nonret_resumed(void *arg)
{
	(void)arg;
	csr_clear(sip, MIP_SSIP);
	hsm_stop_self();
}

static void nonret_sleeper(void *arg)
{
	unsigned long me = hart_id();

	(void)arg;
	hart_locals[me].start_fn = nonret_resumed;
	csr_clear(sip, MIP_SSIP);
	csr_write(sie, MIP_SSIP);
	sbi_hart_suspend(SBI_HSM_SUSPEND_NON_RET_DEFAULT, (unsigned long)state_entry, me);
	hsm_susp_ret[me] = 100;
	for (;;)
		wfi();
}

static void expect_denied(unsigned long type, const char *what)
{
	struct sbiret r = susp_raw(type, (unsigned long)state_entry, 0xdead);

	denied_calls++;
	test_check_eqf(SBI_ERR_DENIED, r.error, "%s: DENIED", what);
	test_check_eqf(SBI_HSM_STATE_STARTED, hsm_status(boss), "%s: the caller is still STARTED",
		       what);
	test_check_eqf(boss_entries, entry_count(boss), "%s: the caller did not resume anywhere",
		       what);
}

static void start_runners(unsigned long mask)
{
	unsigned long gen = release_gen;

	for (unsigned long h = 0; h < nharts; h++)
		if (mask & (1ul << h))
			entry_start(h, runner, (void *)gen, 0);
	for (unsigned long h = 0; h < nharts; h++)
		if (mask & (1ul << h))
			WAIT_FOR(hsm_status(h) == SBI_HSM_STATE_STARTED);
}

static void release_runners(void)
{
	release_gen++;
	CHECK("runners stopped", WAIT_FOR(others_stopped()));
}

static void denied_cases(void)
{
	unsigned int pending_seen = 0;
	unsigned long n;

	start_runners(1ul << 1);
	expect_denied(0, "hart 1 STARTED");
	expect_denied(0xFFFFFFFF00000000ul, "hart 1 STARTED, sleep type 0xFFFFFFFF_00000000");
	test_check_eqf(SBI_HSM_STATE_STARTED, hsm_status(1),
		       "hart 1 STARTED: still STARTED after the DENIED calls");
	release_runners();

	start_runners(1ul << (nharts - 1));
	expect_denied(0, "only the last hart STARTED");
	release_runners();

	start_runners(((1ul << nharts) - 1) & ~(1ul << boss));
	expect_denied(0, "every other hart STARTED");
	release_runners();

	/* HSM retentive suspend. */
	hsm_susp_ret[2] = 99;
	entry_start(2, retentive_sleeper, NULL, 0);
	CHECK("hart 2 SUSPENDED (retentive)", WAIT_FOR(hsm_status(2) == SBI_HSM_STATE_SUSPENDED));
	expect_denied(0, "hart 2 SUSPENDED (retentive)");
	CHECK_EQ("hart 2 still SUSPENDED after the DENIED call", SBI_HSM_STATE_SUSPENDED,
		 hsm_status(2));
	sbi_send_ipi(1ul << 2, 0);
	CHECK("hart 2 woke and stopped", WAIT_FOR(others_stopped()));
	CHECK_EQ("hart 2: its retentive suspend returned SUCCESS", SBI_SUCCESS, hsm_susp_ret[2]);

	/* HSM non-retentive suspend. */
	n = entry_count(3);
	entry_start(3, nonret_sleeper, NULL, 0);
	CHECK("hart 3 SUSPENDED (non-retentive)",
	      WAIT_FOR(hsm_status(3) == SBI_HSM_STATE_SUSPENDED));
	expect_denied(0, "hart 3 SUSPENDED (non-retentive)");
	sbi_send_ipi(1ul << 3, 0);
	CHECK("hart 3 resumed and stopped", WAIT_FOR(others_stopped() && entry_count(3) == n + 2));

	/* START_PENDING (or already STARTED): SUSP right after hart_start. */
	for (unsigned int i = 0; i < 24; i++) {
		unsigned long h = 1 + i % (nharts - 1), gen = release_gen;
		long before;

		if (h == boss)
			h = nharts - 1;
		entry_start(h, runner, (void *)gen, 0);
		before = hsm_status(h);
		pending_seen += before == SBI_HSM_STATE_START_PENDING;
		expect_denied(0, i ? "right after hart_start" : "right after hart_start (first)");
		release_runners();
	}
	test_log("SUSP right after hart_start: START_PENDING read just before in %u of 24",
		 pending_seen);
}

/*
 * A storm of SUSP calls while hart 2 goes START_PENDING -> STARTED ->
 * SUSPEND_PENDING -> SUSPENDED -> RESUME_PENDING -> STARTED: it never
 * reaches STOPPED in that window (it waits for storm_release), so every
 * call must be DENIED, whichever transient state it meets.
 */
static volatile int storm_resumed, storm_release;

static void storm_sleeper(void *arg)
{
	(void)arg;
	csr_clear(sstatus, SSTATUS_SIE);
	csr_clear(sip, MIP_SSIP);
	csr_write(sie, MIP_SSIP);
	sbi_hart_suspend(SBI_HSM_SUSPEND_RET_DEFAULT, 0, 0);
	csr_clear(sip, MIP_SSIP);
	storm_resumed = 1;
	while (!storm_release)
		;
	hsm_stop_self();
}

static unsigned long storm_call(unsigned long *states)
{
	struct sbiret r;
	long st = hsm_status(2);

	if (st >= 0 && st < 7)
		*states |= 1ul << st;
	r = susp_raw(0, (unsigned long)state_entry, 0x5707);
	denied_calls++;
	return r.error != SBI_ERR_DENIED;
}

static void denied_storm(void)
{
	unsigned long states = 0, wrong = 0, calls = 0, end;

	storm_resumed = 0;
	storm_release = 0;
	entry_start(2, storm_sleeper, NULL, 0);
	end = time_now() + 10 * TIMEBASE_HZ;
	do {
		wrong += storm_call(&states);
		calls++;
	} while (hsm_status(2) != SBI_HSM_STATE_SUSPENDED && time_now() < end);
	sbi_send_ipi(1ul << 2, 0);
	do {
		wrong += storm_call(&states);
		calls++;
	} while (!storm_resumed && time_now() < end);
	CHECK("storm: hart 2 suspended and resumed", storm_resumed);
	test_check_eqf(0, wrong, "storm: all %lu SUSP calls DENIED across start, suspend, resume",
		       calls);
	test_check_eqf(0, entry_count(boss), "storm: the caller did not resume anywhere");
	test_log("storm: %lu calls, states read before them 0x%lx (bit n = HSM state n)", calls,
		 states);
	storm_release = 1;
	CHECK("storm: hart 2 stopped", WAIT_FOR(others_stopped()));
}

/* ---- success ----------------------------------------------------------------- */

static volatile int returned;
static void resumed_2(void *arg);

static void check_resume(unsigned long opaque, unsigned long n, const char *what)
{
	struct entry_rec *e = &entry_recs[boss];

	test_check_eqf(n, entry_count(boss), "%s: resumed at resume_addr (entry %lu)", what, n);
	test_check_eqf(boss, e->a0, "%s: a0 = hartid", what);
	test_check_eqf(opaque, e->a1, "%s: a1 = opaque", what);
	test_check_eqf(0, e->satp, "%s: satp = 0", what);
	test_check_eqf(0, e->sstatus & SSTATUS_SIE, "%s: sstatus.SIE = 0", what);
	test_check_eqf(0, returned, "%s: system_suspend did not return", what);
	test_check_eqf(SBI_HSM_STATE_STARTED, hsm_status(boss), "%s: the caller is STARTED", what);
	for (unsigned long h = 0; h < nharts; h++)
		if (h != boss)
			test_check_eqf(SBI_HSM_STATE_STOPPED, hsm_status(h),
				       "%s: hart %lu still STOPPED", what, h);
	if (test_ucall_active()) {
		test_check_eqf(commits0 + n, hv_stat(HV_UCALL_STAT_SUSP_COMMITS),
			       "%s: the VMM counted %lu commits", what, n);
		test_check_eqf(denied0 + denied_calls, hv_stat(HV_UCALL_STAT_SUSP_DENIED),
			       "%s: the VMM counted every DENIED", what);
		test_check_eqf(0, hv_stat(HV_UCALL_STAT_VIOLATIONS),
			       "%s: the VMM saw no invariant violation", what);
	}
}

/* Suspend with paging, SIE and sie on, resuming in @next. */
static void suspend_now(unsigned long type, unsigned long opaque, void (*next)(void *))
{
	struct sbiret r;

	CHECK("before system_suspend: every other hart STOPPED", WAIT_FOR(others_stopped()));
	pt_enable(&pt, 0);
	hart_locals[boss].start_fn = next;
	csr_clear(sip, MIP_SSIP);
	csr_write(sie, MIP_SSIP);
	csr_set(sstatus, SSTATUS_SIE);
	r = susp_raw(type, (unsigned long)state_entry, opaque);
	returned = 1;
	csr_clear(sstatus, SSTATUS_SIE);
	pt_disable();
	test_check_eqf(0, r.error + 1000, "system_suspend returned (error %ld)", r.error);
	test_done();
}

static volatile unsigned long ran[GUEST_MAX_HARTS];

static void ran_and_stop(void *arg)
{
	(void)arg;
	ran[hart_id()]++;
	hsm_stop_self();
}

static void resumed_1(void *arg)
{
	(void)arg;
	boss_entries = 1;
	check_resume(0x5005500550055005ul, 1, "first resume");

	/* The system runs normally: the other harts start and stop. */
	for (unsigned long h = 0; h < nharts; h++)
		if (h != boss)
			test_check_eqf(SBI_SUCCESS, entry_start(h, ran_and_stop, NULL, 0).error,
				       "after resume: hart_start(%lu) SUCCESS", h);
	for (unsigned long h = 0; h < nharts; h++)
		if (h != boss)
			test_checkf(WAIT_FOR(ran[h] == 1 && hsm_status(h) == SBI_HSM_STATE_STOPPED),
				    "after resume: hart %lu ran and stopped", h);
	start_runners(1ul << 1);
	expect_denied(0, "after resume, hart 1 STARTED");
	release_runners();

	/* Again, with the upper half of sleep_type set (ignored) and opaque 0. */
	suspend_now(0xABCD000000000000ul, 0, resumed_2);
}

static void resumed_2(void *arg)
{
	(void)arg;
	check_resume(0, 2, "second resume (sleep type 0xABCD0000_00000000)");
	test_done();
}

int main(unsigned long hartid, unsigned long dtb)
{
	(void)dtb;
	boss = hartid;
	nharts = smp_hart_count();
	if (!CHECK("4 harts, booted on hart 0", nharts == 4 && boss == 0))
		return 0;
	pt_init(&pt, SATP_MODE_SV39);
	pt_map_ram_identity(&pt);
	commits0 = hv_stat(HV_UCALL_STAT_SUSP_COMMITS);
	denied0 = hv_stat(HV_UCALL_STAT_SUSP_DENIED);

	error_cases();
	denied_cases();
	denied_storm();
	suspend_now(0, 0x5005500550055005ul, resumed_1);
	return 0;
}
