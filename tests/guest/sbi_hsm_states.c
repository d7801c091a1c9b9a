/* hv-test: --cpus 4 qemu-skip: OpenSBI 1.1 gives INVALID_PARAM for hart_start of a SUSPENDED hart */
// SPDX-License-Identifier: MIT
/*
 * SBI HSM state transitions as another hart observes them with
 * hart_get_status, on each of the 3 other harts of a 4-hart machine:
 *   STOPPED -> (START_PENDING) -> STARTED                        hart_start
 *   STARTED -> (SUSPEND_PENDING) -> SUSPENDED                    retentive suspend
 *   SUSPENDED -> (RESUME_PENDING) -> STARTED                     IPI wakes it
 *   STARTED -> SUSPENDED -> STARTED at resume_addr               non-retentive
 *   STARTED -> (STOP_PENDING) -> STOPPED                         hart_stop
 * The pending states are transient, so they need not be seen, but every
 * state that is seen must come in this order.  The stable states are
 * stable: a STARTED hart waiting in a loop, a SUSPENDED hart with no wake
 * source and a STOPPED hart read the same every time.  A SUSPENDED hart is
 * not startable (ALREADY_AVAILABLE); retentive suspend returns SUCCESS once
 * woken; code after a successful hart_stop or non-retentive suspend never
 * runs; a stopped hart starts again.  Finally all three are suspended at
 * once and woken by one broadcast IPI (base -1).
 */
#include "sbitest.h"

static const char *const state_names[] = {"STARTED",	   "STOPPED",	"START_PENDING",
					  "STOP_PENDING",  "SUSPENDED", "SUSPEND_PENDING",
					  "RESUME_PENDING"};

static unsigned long pending_seen; /* bit s: state s was observed at least once */

/*
 * Poll hart @h until it reaches the last state of @seq, checking that every
 * state read is one of @seq, never an earlier one than already read.
 */
static void observe(unsigned long h, const long *seq, unsigned int n, const char *what)
{
	unsigned long end = time_now() + 10 * TIMEBASE_HZ;
	unsigned int pos = 0;
	long s = -100, prev = -100;

	for (;;) {
		unsigned int i;

		s = hsm_status(h);
		for (i = pos; i < n && seq[i] != s; i++)
			;
		if (i == n)
			break;
		pos = i;
		if (s >= 0 && s < 7)
			pending_seen |= 1ul << s;
		prev = s;
		if (pos == n - 1 || time_now() > end)
			break;
	}
	if (pos == n - 1 && s == seq[n - 1])
		test_checkf(true, "%s: hart %lu reached %s through legal states", what, h,
			    state_names[seq[n - 1]]);
	else
		test_checkf(false, "%s: hart %lu read %ld after %ld (want order %s .. %s)", what, h,
			    s, prev, state_names[seq[0]], state_names[seq[n - 1]]);
}

static const long seq_start[] = {SBI_HSM_STATE_START_PENDING, SBI_HSM_STATE_STARTED};
static const long seq_suspend[] = {SBI_HSM_STATE_STARTED, SBI_HSM_STATE_SUSPEND_PENDING,
				   SBI_HSM_STATE_SUSPENDED};
static const long seq_start_suspend[] = {SBI_HSM_STATE_START_PENDING, SBI_HSM_STATE_STARTED,
					 SBI_HSM_STATE_SUSPEND_PENDING, SBI_HSM_STATE_SUSPENDED};
static const long seq_resume[] = {SBI_HSM_STATE_SUSPENDED, SBI_HSM_STATE_RESUME_PENDING,
				  SBI_HSM_STATE_STARTED};
static const long seq_stop[] = {SBI_HSM_STATE_STARTED, SBI_HSM_STATE_STOP_PENDING,
				SBI_HSM_STATE_STOPPED};

static void stable(unsigned long h, long want, const char *what)
{
	unsigned int same = 0;

	for (unsigned int i = 0; i < 50; i++)
		same += hsm_status(h) == want;
	test_check_eqf(50, same, "%s: hart %lu reads %s 50 times in a row", what, h,
		       state_names[want]);
}

static volatile unsigned long cmd[GUEST_MAX_HARTS], ack[GUEST_MAX_HARTS];
static volatile long susp_ret[GUEST_MAX_HARTS], bad_return[GUEST_MAX_HARTS];

static void wait_cmd(unsigned long me, unsigned long c)
{
	while (cmd[me] < c)
		;
}

static void retentive_suspend(unsigned long me)
{
	csr_clear(sstatus, SSTATUS_SIE);
	csr_clear(sip, MIP_SSIP);
	csr_write(sie, MIP_SSIP);
	susp_ret[me] = sbi_hart_suspend(SBI_HSM_SUSPEND_RET_DEFAULT, 0, 0).error;
	csr_clear(sip, MIP_SSIP);
}

static void after_nonret(void *arg)
{
	unsigned long me = hart_id();

	(void)arg;
	csr_clear(sip, MIP_SSIP);
	ack[me] = 3;
	wait_cmd(me, 3);
	hsm_stop_self();
	bad_return[me] = 2;
	for (;;)
		wfi();
}

static void states_target(void *arg)
{
	unsigned long me = hart_id();

	(void)arg;
	ack[me] = 1;
	wait_cmd(me, 1);
	retentive_suspend(me);
	ack[me] = 2;
	wait_cmd(me, 2);
	hart_locals[me].start_fn = after_nonret;
	csr_clear(sip, MIP_SSIP);
	csr_write(sie, MIP_SSIP);
	sbi_hart_suspend(SBI_HSM_SUSPEND_NON_RET_DEFAULT, (unsigned long)state_entry, 0xabc0 + me);
	bad_return[me] = 1;
	for (;;)
		wfi();
}

static void quick_stop(void *arg)
{
	(void)arg;
	hsm_stop_self();
}

static void one_hart(unsigned long h)
{
	struct sbiret r;
	unsigned long n;

	cmd[h] = 0;
	ack[h] = 0;
	susp_ret[h] = 99;
	bad_return[h] = 0;

	/* Start. */
	test_check_eqf(SBI_HSM_STATE_STOPPED, hsm_status(h), "hart %lu STOPPED at first", h);
	stable(h, SBI_HSM_STATE_STOPPED, "before start");
	r = entry_start(h, states_target, NULL, 0);
	test_check_eqf(SBI_SUCCESS, r.error, "hart_start(%lu): SUCCESS", h);
	observe(h, seq_start, 2, "hart_start");
	test_checkf(WAIT_FOR(ack[h] == 1), "hart %lu runs its code", h);
	stable(h, SBI_HSM_STATE_STARTED, "running");

	/* Retentive suspend, woken by an IPI. */
	cmd[h] = 1;
	observe(h, seq_suspend, 3, "retentive suspend");
	stable(h, SBI_HSM_STATE_SUSPENDED, "retentive suspend");
	r = sbi_hart_start(h, (unsigned long)state_entry, 0);
	test_check_eqf(SBI_ERR_ALREADY_AVAILABLE, r.error,
		       "hart_start(%lu) while SUSPENDED: ALREADY_AVAILABLE", h);
	test_check_eqf(SBI_SUCCESS, sbi_send_ipi(1ul << h, 0).error, "IPI to hart %lu: SUCCESS", h);
	observe(h, seq_resume, 3, "retentive resume");
	test_checkf(WAIT_FOR(ack[h] == 2), "hart %lu continues after its suspend call", h);
	test_check_eqf(SBI_SUCCESS, susp_ret[h], "hart %lu: retentive suspend returned SUCCESS", h);

	/* Non-retentive suspend, woken by an IPI: resumes at resume_addr. */
	n = entry_count(h);
	cmd[h] = 2;
	observe(h, seq_suspend, 3, "non-retentive suspend");
	stable(h, SBI_HSM_STATE_SUSPENDED, "non-retentive suspend");
	test_check_eqf(SBI_SUCCESS, sbi_send_ipi(1ul << h, 0).error, "IPI to hart %lu: SUCCESS", h);
	observe(h, seq_resume, 3, "non-retentive resume");
	test_checkf(WAIT_FOR(ack[h] == 3), "hart %lu runs from resume_addr", h);
	test_check_eqf(n + 1, entry_count(h), "hart %lu entered resume_addr once", h);
	test_check_eqf(0xabc0 + h, entry_recs[h].a1, "hart %lu resumed with a1 = opaque", h);

	/* Stop. */
	cmd[h] = 3;
	observe(h, seq_stop, 3, "hart_stop");
	stable(h, SBI_HSM_STATE_STOPPED, "after hart_stop");
	test_check_eqf(0, bad_return[h],
		       "hart %lu: neither non-retentive suspend nor hart_stop returned", h);

	/* And it starts again. */
	r = entry_start(h, quick_stop, NULL, 0);
	test_check_eqf(SBI_SUCCESS, r.error, "hart_start(%lu) after stop: SUCCESS", h);
	test_checkf(WAIT_FOR(hsm_status(h) == SBI_HSM_STATE_STOPPED && entry_count(h) == n + 2),
		    "hart %lu started again and stopped", h);
}

/* All three suspended together, woken by one broadcast. */
static void group_target(void *arg)
{
	unsigned long me = hart_id();

	(void)arg;
	retentive_suspend(me);
	ack[me] = 10;
	hsm_stop_self();
}

int main(unsigned long hartid, unsigned long dtb)
{
	unsigned long present = smp_present_mask(), others = present & ~(1ul << hartid);

	(void)dtb;
	if (!CHECK("at least 4 harts", smp_hart_count() >= 4))
		return 0;
	test_check_eqf(SBI_HSM_STATE_STARTED, hsm_status(hartid), "the caller is STARTED");
	for (unsigned long h = 0; h < GUEST_MAX_HARTS; h++)
		if (others & (1ul << h))
			one_hart(h);

	for (unsigned long h = 0; h < GUEST_MAX_HARTS; h++) {
		if (!(others & (1ul << h)))
			continue;
		susp_ret[h] = 99;
		entry_start(h, group_target, NULL, 0);
	}
	for (unsigned long h = 0; h < GUEST_MAX_HARTS; h++)
		if (others & (1ul << h))
			observe(h, seq_start_suspend, 4, "group start and suspend");
	for (unsigned long h = 0; h < GUEST_MAX_HARTS; h++)
		if (others & (1ul << h))
			stable(h, SBI_HSM_STATE_SUSPENDED, "group suspend");
	csr_clear(sstatus, SSTATUS_SIE);
	CHECK_EQ("broadcast IPI (base -1): SUCCESS", SBI_SUCCESS, sbi_send_ipi(0, ~0ul).error);
	csr_clear(sip, MIP_SSIP);
	for (unsigned long h = 0; h < GUEST_MAX_HARTS; h++) {
		if (!(others & (1ul << h)))
			continue;
		test_checkf(WAIT_FOR(ack[h] == 10 && hsm_status(h) == SBI_HSM_STATE_STOPPED),
			    "group: hart %lu woke and stopped", h);
		test_check_eqf(SBI_SUCCESS, susp_ret[h], "group: hart %lu suspend returned SUCCESS",
			       h);
	}

	test_log("pending states observed: START_PENDING %d, STOP_PENDING %d, "
		 "SUSPEND_PENDING %d, RESUME_PENDING %d",
		 !!(pending_seen & (1ul << SBI_HSM_STATE_START_PENDING)),
		 !!(pending_seen & (1ul << SBI_HSM_STATE_STOP_PENDING)),
		 !!(pending_seen & (1ul << SBI_HSM_STATE_SUSPEND_PENDING)),
		 !!(pending_seen & (1ul << SBI_HSM_STATE_RESUME_PENDING)));
	return 0;
}
