/* hv-test: --cpus 4 --mem 256M qemu-skip: OpenSBI 1.1 accepts start addresses outside RAM */
// SPDX-License-Identifier: MIT
/*
 * SBI HSM hart_start / hart_stop / hart_get_status with 4 harts.
 *  - a started hart begins at start_addr in S-mode with a0 = hartid,
 *    a1 = opaque (all 64 bits), satp = 0 and sstatus.SIE = 0, recorded by
 *    the first instructions at start_addr, before any runtime code runs;
 *  - start/stop cycles: a hart that stopped with paging on starts with
 *    satp = 0 again; code after a successful hart_stop never runs;
 *  - hart_start of a started or start-pending hart, and of the caller
 *    itself, is ALREADY_AVAILABLE;
 *  - hart ids past the last hart, huge ones, and ones whose low 32 bits
 *    name a real hart are INVALID_PARAM;
 *  - start addresses outside RAM (below, above, MMIO, huge) and odd ones are
 *    INVALID_ADDRESS, and the target stays STOPPED;
 *  - two harts racing to start the same stopped hart: exactly one SUCCESS,
 *    the other ALREADY_AVAILABLE, and the target starts once, with the
 *    winner's opaque;
 *  - hart_get_status of every hart, and INVALID_PARAM for absent ids.
 */
#include "sbitest.h"

#define RAM_BASE 0x80000000ul
#define RAM_END (RAM_BASE + (256ul << 20)) /* --mem 256M */

static unsigned long boss, present, others;
static unsigned int nharts;
static struct pt pt;
static volatile unsigned long alive[GUEST_MAX_HARTS], release_no[GUEST_MAX_HARTS];
static volatile unsigned long after_stop[GUEST_MAX_HARTS];

/* Cycle target: say it runs, wait for release, turn paging on, stop. */
static void cycle_target(void *arg)
{
	unsigned long me = hart_id(), cycle = (unsigned long)arg;

	alive[me] = cycle + 1;
	while (release_no[me] != cycle + 1)
		;
	pt_enable(&pt, 0);
	hsm_stop_self();
	after_stop[me]++;
	for (;;)
		wfi();
}

static void check_entry(unsigned long h, unsigned long opaque, const char *what)
{
	struct entry_rec *e = &entry_recs[h];

	test_check_eqf(h, e->a0, "%s hart %lu: a0 = hartid", what, h);
	test_check_eqf(opaque, e->a1, "%s hart %lu: a1 = opaque", what, h);
	test_check_eqf(0, e->satp, "%s hart %lu: satp = 0", what, h);
	test_check_eqf(0, e->sstatus & SSTATUS_SIE, "%s hart %lu: sstatus.SIE = 0", what, h);
}

static void start_stop_cycles(void)
{
	char what[48];

	for (unsigned long cycle = 0; cycle < 3; cycle++) {
		for (unsigned long h = 0; h < GUEST_MAX_HARTS; h++) {
			unsigned long n, opaque;
			struct sbiret r;

			if (!(others & (1ul << h)))
				continue;
			fmt_snprintf(what, sizeof(what), "cycle %lu:", cycle);
			opaque = cycle == 2 ? 0xfedcba9876543210ul ^ h
					    : 0x0ba0e000ul + cycle * 16 + h;
			test_check_eqf(SBI_HSM_STATE_STOPPED, hsm_status(h),
				       "%s hart %lu STOPPED before", what, h);
			n = entry_count(h);
			r = entry_start(h, cycle_target, (void *)cycle, opaque);
			test_check_eqf(SBI_SUCCESS, r.error, "%s hart_start(%lu): SUCCESS", what,
				       h);
			/* At once: START_PENDING or STARTED, either way not startable. */
			r = sbi_hart_start(h, (unsigned long)state_entry, 0x5555);
			test_check_eqf(SBI_ERR_ALREADY_AVAILABLE, r.error,
				       "%s hart_start(%lu) again at once: ALREADY_AVAILABLE", what,
				       h);
			test_checkf(WAIT_FOR(entry_count(h) == n + 1 && alive[h] == cycle + 1),
				    "%s hart %lu entered start_addr once and runs", what, h);
			check_entry(h, opaque, what);
			test_check_eqf(SBI_HSM_STATE_STARTED, hsm_status(h), "%s hart %lu STARTED",
				       what, h);
			r = sbi_hart_start(h, (unsigned long)state_entry, 0x5555);
			test_check_eqf(SBI_ERR_ALREADY_AVAILABLE, r.error,
				       "%s hart_start(%lu) while STARTED: ALREADY_AVAILABLE", what,
				       h);
			release_no[h] = cycle + 1;
			test_checkf(WAIT_FOR(hsm_status(h) == SBI_HSM_STATE_STOPPED),
				    "%s hart %lu STOPPED after hart_stop", what, h);
			test_check_eqf(0, after_stop[h], "%s hart %lu: hart_stop did not return",
				       what, h);
			test_check_eqf(n + 1, entry_count(h), "%s hart %lu: no second entry", what,
				       h);
		}
	}
}

static void bad_params(void)
{
	const unsigned long bad_ids[] = {nharts,    nharts + 1, 63,   64,
					 1ul << 32, 1ul << 63,	~0ul, (1ul << 32) | 1};
	unsigned long target = 1, entry = (unsigned long)state_entry;
	const unsigned long bad_addrs[] = {0,
					   0x1000,
					   0x0c000000 /* PLIC */,
					   0x10000000 /* UART */,
					   RAM_BASE - 2,
					   RAM_END,
					   RAM_END + 0x1000,
					   1ul << 63,
					   ~0ul - 1,
					   entry + 1,
					   RAM_BASE + 0x200001};
	struct sbiret r;

	for (unsigned int i = 0; i < ARRAY_SIZE(bad_ids); i++) {
		r = sbi_hart_start(bad_ids[i], entry, 0);
		test_check_eqf(SBI_ERR_INVALID_PARAM, r.error,
			       "hart_start(id 0x%lx): INVALID_PARAM", bad_ids[i]);
		r = sbi_hart_get_status(bad_ids[i]);
		test_check_eqf(SBI_ERR_INVALID_PARAM, r.error,
			       "hart_get_status(id 0x%lx): INVALID_PARAM", bad_ids[i]);
	}
	test_check_eqf(SBI_HSM_STATE_STOPPED, hsm_status(1),
		       "hart 1 still STOPPED after hart_start(1 << 32 | 1)");

	for (unsigned int i = 0; i < ARRAY_SIZE(bad_addrs); i++) {
		r = sbi_hart_start(target, bad_addrs[i], 0);
		test_check_eqf(SBI_ERR_INVALID_ADDRESS, r.error,
			       "hart_start(%lu, addr 0x%lx): INVALID_ADDRESS", target,
			       bad_addrs[i]);
		test_check_eqf(SBI_HSM_STATE_STOPPED, hsm_status(target),
			       "hart %lu still STOPPED after hart_start at 0x%lx", target,
			       bad_addrs[i]);
	}

	r = sbi_hart_start(boss, entry, 0);
	CHECK_EQ("hart_start(self): ALREADY_AVAILABLE", SBI_ERR_ALREADY_AVAILABLE, r.error);
	CHECK_EQ("the caller is STARTED", SBI_HSM_STATE_STARTED, hsm_status(boss));
}

/* ---- two harts race to start a third ---------------------------------------- */

static volatile unsigned int race_ready, race_go, race_done;
static volatile long race_err[GUEST_MAX_HARTS];
static volatile unsigned long race_target_ran;

static void race_target(void *arg)
{
	(void)arg;
	__atomic_fetch_add(&race_target_ran, 1, __ATOMIC_SEQ_CST);
	/* Stay STARTED until both racers have made their call. */
	while (race_done != 2)
		;
	hsm_stop_self();
}

static void racer(void *arg)
{
	unsigned long me = hart_id(), target = (unsigned long)arg;

	__atomic_fetch_add(&race_ready, 1, __ATOMIC_SEQ_CST);
	while (!race_go)
		;
	race_err[me] = entry_start(target, race_target, NULL, 0xace0000 + me).error;
	__atomic_fetch_add(&race_done, 1, __ATOMIC_SEQ_CST);
	hsm_stop_self();
}

static void start_race(void)
{
	unsigned long a = 1, b = 2, t = 3;

	for (unsigned int round = 0; round < 8; round++) {
		unsigned long n = entry_count(t), ran = race_target_ran;
		int wins;

		race_ready = 0;
		race_go = 0;
		race_done = 0;
		race_err[a] = race_err[b] = 99;
		entry_start(a, racer, (void *)t, 0);
		entry_start(b, racer, (void *)t, 0);
		WAIT_FOR(race_ready == 2);
		race_go = 1;
		test_checkf(WAIT_FOR(hsm_status(a) == SBI_HSM_STATE_STOPPED &&
				     hsm_status(b) == SBI_HSM_STATE_STOPPED &&
				     hsm_status(t) == SBI_HSM_STATE_STOPPED &&
				     race_target_ran == ran + 1),
			    "race %u: both racers and the target ran and stopped", round);
		wins = (race_err[a] == SBI_SUCCESS) + (race_err[b] == SBI_SUCCESS);
		test_check_eqf(1, wins, "race %u: exactly one hart_start(%lu) succeeded", round, t);
		test_checkf(
			(race_err[a] == SBI_SUCCESS && race_err[b] == SBI_ERR_ALREADY_AVAILABLE) ||
				(race_err[b] == SBI_SUCCESS &&
				 race_err[a] == SBI_ERR_ALREADY_AVAILABLE),
			"race %u: the loser got ALREADY_AVAILABLE (%ld, %ld)", round, race_err[a],
			race_err[b]);
		test_check_eqf(n + 1, entry_count(t), "race %u: the target entered once", round);
		test_check_eqf(0xace0000 + (race_err[a] == SBI_SUCCESS ? a : b), entry_recs[t].a1,
			       "race %u: the target got the winner's opaque", round);
	}
}

int main(unsigned long hartid, unsigned long dtb)
{
	(void)dtb;
	boss = hartid;
	present = smp_present_mask();
	nharts = smp_hart_count();
	others = present & ~(1ul << boss);
	if (!CHECK("4 harts, booted on hart 0", nharts == 4 && boss == 0))
		return 0;

	for (unsigned long h = 0; h < nharts; h++)
		test_check_eqf(h == boss ? SBI_HSM_STATE_STARTED : SBI_HSM_STATE_STOPPED,
			       hsm_status(h), "at boot: hart %lu is %s", h,
			       h == boss ? "STARTED" : "STOPPED");

	pt_init(&pt, SATP_MODE_SV39);
	pt_map_ram_identity(&pt);

	bad_params();
	start_stop_cycles();
	start_race();

	for (unsigned long h = 0; h < nharts; h++)
		test_check_eqf(h == boss ? SBI_HSM_STATE_STARTED : SBI_HSM_STATE_STOPPED,
			       hsm_status(h), "at the end: hart %lu is %s", h,
			       h == boss ? "STARTED" : "STOPPED");
	return 0;
}
