/* hv-test: --cpus 4 --suspend-wake=auto qemu-skip: OpenSBI 1.1 has no SUSP */
// SPDX-License-Identifier: MIT
/*
 * SBI SUSP woken by the suspending hart's own timer (--suspend-wake=auto,
 * stdin at end of file, so the timer deadline is the only wake source), with
 * the 3 other harts STOPPED.
 *  - suspend with a deadline 20 ms ahead: the hart resumes at resume_addr
 *    with a0 = hartid, a1 = opaque, satp = 0, sstatus.SIE = 0, and not
 *    before the deadline (nothing else could have woken the system);
 *  - suspend with the deadline already past: it resumes too;
 *  - the other harts are STOPPED after each resume and start normally.
 */
#include "sbitest.h"

static unsigned long boss;
static unsigned int nharts;
static struct pt pt;
static volatile unsigned long deadline, returned;

static void check_resume(unsigned long opaque, unsigned long n, const char *what)
{
	struct entry_rec *e = &entry_recs[boss];

	test_check_eqf(n, entry_count(boss), "%s: resumed at resume_addr", what);
	test_check_eqf(boss, e->a0, "%s: a0 = hartid", what);
	test_check_eqf(opaque, e->a1, "%s: a1 = opaque", what);
	test_check_eqf(0, e->satp, "%s: satp = 0", what);
	test_check_eqf(0, e->sstatus & SSTATUS_SIE, "%s: sstatus.SIE = 0", what);
	test_check_eqf(0, returned, "%s: system_suspend did not return", what);
	for (unsigned long h = 0; h < nharts; h++)
		if (h != boss)
			test_check_eqf(SBI_HSM_STATE_STOPPED, hsm_status(h),
				       "%s: hart %lu still STOPPED", what, h);
	if (test_ucall_active()) {
		struct sbiret r = sbi_ecall(HV_UCALL_EID, HV_UCALL_STATS,
					    HV_UCALL_STAT_SUSP_COMMITS, 0, 0, 0, 0, 0);

		test_check_eqf(n, r.value, "%s: the VMM counted %lu commits", what, n);
		r = sbi_ecall(HV_UCALL_EID, HV_UCALL_STATS, HV_UCALL_STAT_VIOLATIONS, 0, 0, 0, 0,
			      0);
		test_check_eqf(0, r.value, "%s: the VMM saw no invariant violation", what);
	}
}

static void suspend(unsigned long when, unsigned long opaque, void (*next)(void *))
{
	struct sbiret r;

	for (unsigned long h = 0; h < nharts; h++)
		if (h != boss)
			WAIT_FOR(hsm_status(h) == SBI_HSM_STATE_STOPPED);
	pt_enable(&pt, 0);
	hart_locals[boss].start_fn = next;
	csr_write(sie, MIP_STIP);
	deadline = when;
	sbi_set_timer(when);
	r = sbi_system_suspend(SBI_SUSP_SLEEP_TYPE_SUSPEND_TO_RAM, (unsigned long)state_entry,
			       opaque);
	returned = 1;
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

static void resumed_2(void *arg)
{
	(void)arg;
	check_resume(0, 2, "deadline already past");
	test_done();
}

static void resumed_1(void *arg)
{
	unsigned long now = time_now();

	(void)arg;
	check_resume(0x71e71e71e71e71e7ul, 1, "deadline 20 ms ahead");
	test_checkf(now >= deadline, "woken by the timer: not before the deadline");
	for (unsigned long h = 0; h < nharts; h++)
		if (h != boss)
			smp_start_hart(h, ran_and_stop, NULL);
	for (unsigned long h = 0; h < nharts; h++)
		if (h != boss)
			test_checkf(WAIT_FOR(ran[h] == 1 && hsm_status(h) == SBI_HSM_STATE_STOPPED),
				    "after resume: hart %lu ran and stopped", h);
	suspend(0, 0, resumed_2);
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
	for (unsigned long h = 0; h < nharts; h++)
		if (h != boss)
			test_check_eqf(SBI_HSM_STATE_STOPPED, hsm_status(h), "hart %lu STOPPED", h);
	suspend(time_now() + TIMEBASE_HZ / 50, 0x71e71e71e71e71e7ul, resumed_1);
	return 0;
}
