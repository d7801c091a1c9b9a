/* hv-test: --cpus 4 --suspend-wake now --append rounds=5,attempts=1000 */
// SPDX-License-Identifier: MIT
/*
 * SRST torture: system reset racing itself, SUSP and HART_START/HART_STOP.
 *
 * The guest runs a number of rounds, one per boot, each ended by a warm
 * reboot.  A round has two phases:
 *   A. the SUSP torture of susp_torture.c with one caller (hart 0) and chains
 *      of HART_START/HART_STOP on the other harts, for attempts=N SUSP calls;
 *   B. the burst: hart 0 gathers every other hart (restarting stopped ones),
 *      and at one signal harts whose id is not 1 mod 3 call SRST warm reboot
 *      at once, the rest loop HART_START of a random hart + HART_STOP of
 *      themselves, and hart 0 loops SUSP (in odd rounds it calls SRST instead).
 * However many SRSTs race, the VMM must raise exactly one reset event, so
 * it boots the VM exactly once per round: at every boot the VMM's boot count
 * (HV_UCALL_STAT_BOOTS) must equal the boots the guest has seen, counted in
 * RAM that a warm reboot keeps (.data, which the runtime does not clear).
 * A second reset event would also make the VMM's reboot fail.  SRST stops
 * every hart, so no hart may see SUSP or HART_START fail after it.
 *
 * After rounds=R rounds the guest reports
 *     stats rounds=R harts=N attempts=A commits=C denied=D violations=V boots=B
 * and checks violations = 0, boots = R + 1 and that SUSP both committed and
 * was DENIED.
 *
 * Parameters (--append): rounds=R (default 4), attempts=N per round (default
 * 200), hops=N per chain (default 8), pause=N loop iterations between SUSP
 * calls in phase A (default 500; without it SUSP can hog pm_lock so that the
 * chains' HART_STARTs wait and no SUSP commits).
 */
#include "guest.h"
#include "race.h"

#define OPAQUE_RESUME 0x5e5e5e5eul
#define OPAQUE_RACER 0x7ace7ul

/* Survives a warm reboot: .data is loaded once and never cleared (boot.c clears .bss). */
static struct persist {
	unsigned long magic;
	unsigned long boots_seen;
	unsigned long rounds_done;
	unsigned long attempts, commits, denied, odd;
} persist = {.magic = 0x5253545400000000ul};

static struct {
	unsigned long n, rounds, attempts, hops, pause;
} cfg;

/* This round only (.bss: cleared at every boot). */
static volatile unsigned long attempts, commits, denied, odd;
static volatile int phase; /* 0: torture, 1: burst */
static volatile int go;
static volatile unsigned char arrived[GUEST_MAX_HARTS];
static unsigned long hart_odd[GUEST_MAX_HARTS][8];

static bool srst_caller(unsigned long id, unsigned long round)
{
	return id ? id % 3 != 1 : round % 2 == 1;
}

/* Start hart @t, counting any error but ALREADY_AVAILABLE as odd. */
static long start_hart(unsigned long me, unsigned long t, unsigned long opaque)
{
	long err = sbi_hart_start(t, (unsigned long)race_entry, opaque).error;

	if (err && err != SBI_ERR_ALREADY_AVAILABLE)
		hart_odd[me][0]++;
	return err;
}

static void start_one(unsigned long me, unsigned long opaque)
{
	unsigned long first = race_rand(me) % cfg.n;

	for (unsigned long i = 0, tried = 0; i < cfg.n && tried < 3; i++) {
		unsigned long t = (first + i) % cfg.n;

		if (t == me || t == 0)
			continue;
		tried++;
		if (start_hart(me, t, opaque) != SBI_ERR_ALREADY_AVAILABLE)
			return;
	}
}

static __attribute__((noreturn)) void racer(unsigned long me)
{
	arrived[me] = 1;
	while (!go)
		;
	if (srst_caller(me, persist.rounds_done)) {
		sbi_system_reset(SBI_SRST_RESET_TYPE_WARM_REBOOT, SBI_SRST_RESET_REASON_NONE);
		/* SRST does not return, even to a caller that lost the race. */
		__atomic_fetch_add(&persist.odd, 1, __ATOMIC_SEQ_CST);
		race_stop_self();
	}
	/* Start someone (usually ALREADY_AVAILABLE), then stop; whoever is started races on. */
	start_one(me, OPAQUE_RACER);
	race_stop_self();
}

static __attribute__((noreturn)) void burst(void)
{
	unsigned long all;

	phase = 1;
	/* Gather every other hart: the chains end, and stopped harts are started as racers. */
	do {
		all = 1;
		for (unsigned long t = 1; t < cfg.n; t++) {
			if (arrived[t])
				continue;
			all = 0;
			if (sbi_hart_get_status(t).value == SBI_HSM_STATE_STOPPED)
				start_hart(0, t, OPAQUE_RACER);
		}
	} while (!all);

	/* Bank this round before it ends: nothing after the reset survives but .data. */
	persist.attempts += attempts;
	persist.commits += commits;
	persist.denied += denied;
	for (unsigned long t = 0; t < cfg.n; t++)
		persist.odd += hart_odd[t][0];
	persist.odd += odd;
	persist.rounds_done++;
	__atomic_thread_fence(__ATOMIC_SEQ_CST);

	go = 1;
	if (srst_caller(0, persist.rounds_done - 1)) {
		sbi_system_reset(SBI_SRST_RESET_TYPE_WARM_REBOOT, SBI_SRST_RESET_REASON_NONE);
		__atomic_fetch_add(&persist.odd, 1, __ATOMIC_SEQ_CST);
		race_stop_self();
	}
	for (;;) {
		/* DENIED while the racers run; SRST stops this hart mid-loop. */
		long err = sbi_system_suspend(SBI_SUSP_SLEEP_TYPE_SUSPEND_TO_RAM,
					      (unsigned long)race_entry, OPAQUE_RESUME)
				   .error;

		if (err != SBI_ERR_DENIED)
			__atomic_fetch_add(&persist.odd, 1, __ATOMIC_SEQ_CST);
	}
}

/* Hart 0's phase A, entered from main and at each resume. */
static __attribute__((noreturn)) void torture(void)
{
	for (;;) {
		struct sbiret r;

		if (attempts >= cfg.attempts)
			burst();
		for (unsigned long i = 0; i < cfg.pause; i++)
			asm volatile("" : : : "memory");
		attempts++;
		r = sbi_system_suspend(SBI_SUSP_SLEEP_TYPE_SUSPEND_TO_RAM,
				       (unsigned long)race_entry, OPAQUE_RESUME);
		if (r.error == SBI_ERR_DENIED)
			denied++;
		else
			odd++;
	}
}

void race_hart_entry(unsigned long me, unsigned long opaque)
{
	hart_setup(me);
	if (me == 0) {
		/* Only hart 0 suspends, and it is started by nothing but a resume. */
		if (opaque != OPAQUE_RESUME)
			odd++;
		commits++;
		start_one(0, cfg.hops);
		torture();
	}
	if (phase || opaque == OPAQUE_RACER)
		racer(me);
	/* A chain link. */
	if (opaque > 0)
		start_one(me, opaque - 1);
	race_stop_self();
}

static __attribute__((noreturn)) void report(void)
{
	struct race_vmm_stats s;

	race_vmm_stats(&s);
	test_log("stats rounds=%lu harts=%lu attempts=%lu commits=%lu denied=%lu violations=%lu "
		 "boots=%lu odd=%lu",
		 persist.rounds_done, cfg.n, s.attempts, s.commits, s.denied, s.violations, s.boots,
		 persist.odd);
	test_log("guest counts attempts=%lu commits=%lu denied=%lu boots=%lu", persist.attempts,
		 persist.commits, persist.denied, persist.boots_seen);
	CHECK_EQ("rounds run", cfg.rounds, persist.rounds_done);
	CHECK_EQ("no SUSP or HART_START failed, no SRST returned", 0, persist.odd);
	if (test_ucall_active()) {
		CHECK_EQ("no I1/I2/I3 violations", 0, s.violations);
		CHECK_EQ("one boot per round, plus the first", cfg.rounds + 1, s.boots);
		CHECK("some SUSP committed", s.commits > 0);
		CHECK("some SUSP was DENIED", s.denied > 0);
		CHECK_EQ("VMM commits = resumes seen", persist.commits, s.commits);
		/* The burst's SUSP calls are cut short by the reset, so only bounds here. */
		CHECK("VMM counted at least the torture's SUSP attempts",
		      s.attempts >= persist.attempts);
		CHECK("VMM denials at least those of the torture", s.denied >= persist.denied);
	}
	test_done();
}

int main(unsigned long hartid, unsigned long dtb)
{
	const char *args = race_bootargs(dtb);
	unsigned long boots;

	cfg.n = smp_hart_count();
	cfg.rounds = race_param(args, "rounds", 4);
	cfg.attempts = race_param(args, "attempts", 200);
	cfg.hops = race_param(args, "hops", 8);
	cfg.pause = race_param(args, "pause", 500);
	if (hartid != 0 || cfg.n < 3 ||
	    smp_present_mask() != (cfg.n == 64 ? ~0ul : (1ul << cfg.n) - 1))
		test_abort("needs harts 0..N-1, N >= 3, booting on 0");

	persist.boots_seen++;
	boots = race_stat(HV_UCALL_STAT_BOOTS);
	if (test_ucall_active() && boots != persist.boots_seen) {
		unsigned long again;

		for (volatile unsigned long i = 0; i < 1000000; i++)
			;
		again = race_stat(HV_UCALL_STAT_BOOTS);
		test_check_eqf(persist.boots_seen, boots,
			       "boot %lu: VMM boot count (read again later: %lu)",
			       persist.boots_seen, again);
	}
	if (persist.boots_seen == 1)
		test_log("srst torture: harts=%lu rounds=%lu attempts=%lu hops=%lu", cfg.n,
			 cfg.rounds, cfg.attempts, cfg.hops);
	if (persist.rounds_done >= cfg.rounds)
		report();
	start_one(0, cfg.hops);
	torture();
}
