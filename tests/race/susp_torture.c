/* hv-test: --cpus 4 --suspend-wake now --append attempts=10000,pause=1000,hops=4 */
// SPDX-License-Identifier: MIT
/*
 * SUSP torture (DESIGN.md §1, §7): system suspend racing HART_START.
 *
 * Harts 0..callers-1 loop SBI SUSP.  Every other hart is a link of a
 * "chain": started with opaque = hops left, it HART_STARTs a stopped hart
 * with one hop less, then HART_STOPs itself.  That is the interleaving of
 * DESIGN.md §1: a hart the SUSP scan has passed is started by a hart the scan
 * has not reached yet, which then stops before the scan gets there.  A chain
 * dies when its hops run out (or its start finds no stopped hart), and only
 * then may SUSP commit.  With --suspend-wake now the VMM resumes the system at
 * once, at race_entry with opaque = RESUME, every other hart STOPPED; the
 * resumed caller restarts the chains and loops.
 *
 * With two callers (callers=2) both loop SUSP, so each is DENIED while the
 * other runs.  After a denial a caller sometimes parks (HART_STOPs itself);
 * at most one is parked at a time, so some hart always runs.  The chains
 * restart a parked caller when they happen to pick it.
 *
 * The VMM checks I1 and I2 at every commit.  At the end the caller that used
 * the last attempt waits for every other hart to stop, reads HV_UCALL_STATS
 * and logs one line
 *     stats callers=C harts=N attempts=A commits=C denied=D violations=V ...
 * With expect=clean (the default) it checks that violations is 0, that both
 * outcomes happened, and that the VMM's counts match the guest's own.  With
 * expect=any (the unlocked test build) it only reports: tests/race/torture.sh
 * decides.
 *
 * Parameters (--append, words "key=value" separated by commas or spaces):
 *   attempts=N  SUSP calls in all (default 2000)
 *   callers=1|2 harts that loop SUSP (default 1)
 *   hops=N      links per chain (default 8)
 *   tokens=N    chains started at boot and at each resume (default 1)
 *   tries=N     stopped harts a link tries to start (default 3)
 *   down=P      percent of links that first try a hart below them (default 75)
 *   pause=N     spin N loop iterations between SUSP calls (default 0), so
 *               that the chains get more of pm_lock
 *   ambush=D    chains bounce between the top and bottom harts, and links
 *               at the top wait for a new SUSP call, then 0..D-1 spins,
 *               then start and stop (default 0: off)
 *   park=N      a second caller parks after about 1 in N denials (default 4)
 *   expect=clean|any   check the outcome, or only report it (default clean)
 *   stop_on_violation=1  end at the first commit after which the VMM counts
 *               a violation, and log how many attempts it took
 */
#include "guest.h"
#include "race.h"

#define OPAQUE_RESUME 0x5e5e5e5eul /* the SUSP resume record */
#define OPAQUE_CALLER 0xca11e7ul   /* start a caller (at boot, or unparking it) */

static struct {
	unsigned long n, callers, attempts, hops, tokens, tries, down, park, pause, ambush, clean,
		stop_early;
} cfg;

/* Per-hart counts, written only by their hart.  One cache line each. */
struct hart_counts {
	unsigned long attempts, commits, denied, susp_other;
	unsigned long starts, busy, start_other, parks, unparks;
	unsigned long pad[7];
};
static struct hart_counts cnt[GUEST_MAX_HARTS];

static volatile unsigned long budget_used;     /* SUSP attempts claimed, all callers */
static volatile int done;		       /* the budget is spent: wind down */
static volatile unsigned long finisher;	       /* 1 + the hart that reports */
static volatile unsigned long parked;	       /* 1 + the parked caller, or 0 */
static volatile unsigned long susp_seq;	       /* bumped before every SUSP call */
static volatile unsigned long first_violation; /* attempts when one was first seen */
static volatile unsigned long first_starts;    /* and hart starts */

static bool is_caller(unsigned long id)
{
	return id < cfg.callers;
}

static long start_hart(unsigned long me, unsigned long t, unsigned long opaque)
{
	struct sbiret r = sbi_hart_start(t, (unsigned long)race_entry, opaque);

	if (!r.error)
		cnt[me].starts++;
	else if (r.error == SBI_ERR_ALREADY_AVAILABLE)
		cnt[me].busy++;
	else
		cnt[me].start_other++;
	return r.error;
}

/*
 * Start one stopped hart (not @me) at race_entry with @opaque: up to
 * cfg.tries harts from a random one on.  Callers are targets only with two
 * callers (a parked one), and then only for chains.
 *
 * Where the first pick falls: the SUSP scan runs upwards, so the race is a
 * start of a hart the scan has passed by a hart it has not reached yet.
 * Without the ambush the pick is below @me cfg.down percent of the time.
 * With it, a link in the upper half of the harts picks one in the lowest
 * quarter, and one in the lower half picks one in the top quarter: the chain
 * bounces between the ends, and every downward hop spans most of the scan.
 */
static void start_one(unsigned long me, unsigned long opaque, bool callers_too)
{
	unsigned long lo = callers_too ? 0 : cfg.callers, span = cfg.n - lo;
	unsigned long r = race_rand(me), quarter = span / 4 ?: 1, first, tried = 0;

	if (cfg.ambush && me >= lo && (me - lo) * 2 >= span)
		first = lo + r % quarter;
	else if (cfg.ambush)
		first = lo + span - quarter + r % quarter;
	else if (me > lo && (r >> 40) % 100 < cfg.down)
		first = lo + r % (me - lo);
	else
		first = lo + r % span;
	for (unsigned long i = 0; i < span && tried < cfg.tries; i++) {
		unsigned long t = lo + (first - lo + i) % span;
		long err;

		if (t == me)
			continue;
		tried++;
		err = start_hart(me, t, opaque);
		if (err != SBI_ERR_ALREADY_AVAILABLE)
			return;
	}
}

/*
 * With ambush=D, a link in the upper half first waits (boundedly) for a
 * caller to begin a new SUSP call, then spins a random 0..D-1 iterations, so
 * that its start and stop land while that call's scan is running.
 */
static void ambush(unsigned long me)
{
	unsigned long seq = susp_seq, spins = race_rand(me) % cfg.ambush;

	if ((me - cfg.callers) * 2 < cfg.n - cfg.callers)
		return;
	for (unsigned long i = 0; susp_seq == seq && !done && i < 1000000; i++)
		;
	for (unsigned long i = 0; i < spins; i++)
		asm volatile("" : : : "memory");
}

/* A chain link: pass the chain on with one hop less, then stop. */
static __attribute__((noreturn)) void chain_link(unsigned long me, unsigned long hops)
{
	if (!done && hops > 0) {
		if (cfg.ambush)
			ambush(me);
		start_one(me, hops - 1, cfg.callers > 1);
	}
	race_stop_self();
}

static void restart_chains(unsigned long me)
{
	for (unsigned long k = 0; k < cfg.tokens && !done; k++)
		start_one(me, cfg.hops, false);
}

static __attribute__((noreturn)) void finish(unsigned long me)
{
	struct race_vmm_stats s;
	struct hart_counts sum = {0};

	/* Wait for every other hart to stop: chains see `done` and end. */
	for (unsigned long t = 0; t < cfg.n; t++) {
		if (t == me)
			continue;
		while (sbi_hart_get_status(t).value != SBI_HSM_STATE_STOPPED)
			;
	}
	for (unsigned long t = 0; t < cfg.n; t++) {
		sum.attempts += cnt[t].attempts;
		sum.commits += cnt[t].commits;
		sum.denied += cnt[t].denied;
		sum.susp_other += cnt[t].susp_other;
		sum.starts += cnt[t].starts;
		sum.busy += cnt[t].busy;
		sum.start_other += cnt[t].start_other;
		sum.parks += cnt[t].parks;
	}
	race_vmm_stats(&s);
	test_log("stats callers=%lu harts=%lu attempts=%lu commits=%lu denied=%lu violations=%lu "
		 "starts=%lu busy=%lu parks=%lu odd=%lu",
		 cfg.callers, cfg.n, s.attempts, s.commits, s.denied, s.violations, s.starts,
		 sum.busy, sum.parks, sum.susp_other + sum.start_other);
	if (first_violation)
		test_log("first violation after %lu attempts, %lu starts", first_violation,
			 first_starts);
	test_log("guest counts attempts=%lu commits=%lu denied=%lu starts=%lu", sum.attempts,
		 sum.commits, sum.denied, sum.starts);
	if (!first_violation)
		CHECK_EQ("SUSP attempts made", cfg.attempts, sum.attempts);
	else
		CHECK("SUSP attempts made", sum.attempts > 0);
	if (cfg.clean && test_ucall_active()) {
		CHECK_EQ("no I1/I2/I3 violations", 0, s.violations);
		CHECK("some SUSP committed", s.commits > 0);
		CHECK("some SUSP was DENIED", s.denied > 0);
		CHECK_EQ("VMM counted every SUSP attempt", sum.attempts, s.attempts);
		CHECK_EQ("VMM commits = resumes seen", sum.commits, s.commits);
		CHECK_EQ("VMM denials = DENIED seen", sum.denied, s.denied);
		CHECK_EQ("VMM hart starts = starts seen", sum.starts, s.starts);
		CHECK_EQ("SUSP only succeeded or was DENIED", 0, sum.susp_other);
		CHECK_EQ("HART_START only succeeded or was ALREADY_AVAILABLE", 0, sum.start_other);
	}
	test_done();
}

/* The budget is spent: the first caller here reports, any other stops for good. */
static __attribute__((noreturn)) void wind_down(unsigned long me)
{
	done = 1;
	if (__atomic_compare_exchange_n(&finisher, &(unsigned long){0}, me + 1, false,
					__ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST))
		finish(me);
	race_stop_self();
}

static __attribute__((noreturn)) void caller_loop(unsigned long me)
{
	for (;;) {
		struct sbiret r;

		if (done || __atomic_fetch_add(&budget_used, 1, __ATOMIC_SEQ_CST) >= cfg.attempts)
			wind_down(me);
		for (unsigned long i = 0; i < cfg.pause; i++)
			asm volatile("" : : : "memory");
		cnt[me].attempts++;
		susp_seq++;
		r = sbi_system_suspend(SBI_SUSP_SLEEP_TYPE_SUSPEND_TO_RAM,
				       (unsigned long)race_entry, OPAQUE_RESUME);
		/* Success does not return: the system resumes at race_entry. */
		if (r.error != SBI_ERR_DENIED) {
			cnt[me].susp_other++;
			continue;
		}
		cnt[me].denied++;
		if (cfg.callers > 1 && race_rand(me) % cfg.park == 0 &&
		    __atomic_compare_exchange_n(&parked, &(unsigned long){0}, me + 1, false,
						__ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST)) {
			cnt[me].parks++;
			race_stop_self();
		}
	}
}

void race_hart_entry(unsigned long me, unsigned long opaque)
{
	hart_setup(me);
	if (!is_caller(me))
		chain_link(me, opaque);
	if (opaque == OPAQUE_RESUME) {
		cnt[me].commits++;
		/* I1 is checked at the commit: a violation shows at once. */
		if (cfg.stop_early && !first_violation && race_stat(HV_UCALL_STAT_VIOLATIONS)) {
			first_violation = budget_used;
			first_starts = race_stat(HV_UCALL_STAT_HART_STARTS);
			done = 1;
		}
		restart_chains(me);
	} else {
		/* Started as a caller, at boot or out of parking. */
		cnt[me].unparks++;
		__atomic_compare_exchange_n(&parked, &(unsigned long){me + 1}, 0, false,
					    __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
	}
	caller_loop(me);
}

int main(unsigned long hartid, unsigned long dtb)
{
	const char *args = race_bootargs(dtb);

	cfg.n = smp_hart_count();
	cfg.callers = race_param(args, "callers", 1);
	cfg.attempts = race_param(args, "attempts", 2000);
	cfg.hops = race_param(args, "hops", 8);
	cfg.tokens = race_param(args, "tokens", 1);
	cfg.tries = race_param(args, "tries", 3);
	cfg.down = race_param(args, "down", 75);
	cfg.pause = race_param(args, "pause", 0);
	cfg.ambush = race_param(args, "ambush", 0);
	cfg.park = race_param(args, "park", 4) ?: 1;
	cfg.clean = !race_param_is(args, "expect", "any");
	cfg.stop_early = race_param(args, "stop_on_violation", 0);
	test_log("susp torture: harts=%lu callers=%lu attempts=%lu hops=%lu tokens=%lu "
		 "expect=%s",
		 cfg.n, cfg.callers, cfg.attempts, cfg.hops, cfg.tokens,
		 cfg.clean ? "clean" : "any");
	if (hartid != 0 || smp_present_mask() != (cfg.n == 64 ? ~0ul : (1ul << cfg.n) - 1) ||
	    cfg.callers < 1 || cfg.callers > 2 || cfg.n < cfg.callers + 2)
		test_abort("needs harts 0..N-1 booting on 0, N >= callers + 2, callers 1 or 2");

	for (unsigned long c = 1; c < cfg.callers; c++)
		start_hart(0, c, OPAQUE_CALLER);
	restart_chains(0);
	caller_loop(0);
}
