/* hv-test: --cpus 4 qemu-ok */
// SPDX-License-Identifier: MIT
/*
 * SBI TIME set_timer, on every hart:
 *  - a deadline in the past makes sip.STIP pending;
 *  - a deadline in the future (or "never", all ones) clears it, before the
 *    call returns;
 *  - the timer interrupt is delivered as a supervisor timer interrupt, not
 *    before the deadline, and WFI with SIE = 0 wakes on it;
 *  - each hart's timer is its own: one hart's deadline raises no other's STIP;
 *  - an unknown FID is NOT_SUPPORTED.
 */
#include "sbitest.h"

static volatile unsigned long irq_time[GUEST_MAX_HARTS];
static volatile unsigned long irq_cause[GUEST_MAX_HARTS];

/* Timer handler: record when and what, then silence the source with "never". */
static void timer_irq(struct trap_frame *f, unsigned int irq)
{
	unsigned long me = hart_id();

	(void)irq;
	irq_time[me] = time_now();
	irq_cause[me] = f->scause;
	sbi_set_timer(~0ul);
}

static bool stip(void)
{
	return csr_read(sip) & MIP_STIP;
}

/* The per-hart part: returns nothing, reports with the hart id in each name. */
static void timer_checks(unsigned long me)
{
	struct sbiret r;
	unsigned long deadline;

	csr_clear(sstatus, SSTATUS_SIE);
	csr_clear(sie, MIP_STIP);

	r = sbi_set_timer(0);
	test_check_eqf(SBI_SUCCESS, r.error, "hart %lu: set_timer(0): SUCCESS", me);
	test_checkf(WAIT_FOR(stip()), "hart %lu: deadline 0 (past) makes STIP pending", me);

	r = sbi_set_timer(~0ul);
	test_check_eqf(SBI_SUCCESS, r.error, "hart %lu: set_timer(never): SUCCESS", me);
	test_checkf(!stip(), "hart %lu: deadline never clears STIP at once", me);

	sbi_set_timer(time_now() - 1);
	test_checkf(WAIT_FOR(stip()), "hart %lu: deadline now - 1 makes STIP pending", me);
	sbi_set_timer(time_now() + 1000 * TIMEBASE_HZ);
	test_checkf(!stip(), "hart %lu: deadline now + 1000 s clears STIP at once", me);
	sbi_set_timer(~0ul);

	/* Delivered as an interrupt, and not early. */
	trap_irq_reset();
	irq_time[me] = 0;
	csr_set(sie, MIP_STIP);
	deadline = time_now() + TIMEBASE_HZ / 1000;
	sbi_set_timer(deadline);
	irq_enable();
	test_checkf(WAIT_FOR(trap_irq_count(IRQ_S_TIMER) > 0),
		    "hart %lu: timer interrupt taken (SIE = 1)", me);
	irq_disable();
	test_check_eqf(1, trap_irq_count(IRQ_S_TIMER), "hart %lu: exactly one timer interrupt", me);
	test_check_eqf(CAUSE_IRQ_S_TIMER, irq_cause[me],
		       "hart %lu: scause = supervisor timer interrupt", me);
	test_checkf(irq_time[me] >= deadline, "hart %lu: timer interrupt not before its deadline",
		    me);
	test_checkf(!stip(), "hart %lu: STIP clear after set_timer(never) in the handler", me);

	/* WFI wakes on a pending, enabled timer even with SIE = 0; no trap is taken. */
	deadline = time_now() + TIMEBASE_HZ / 1000;
	sbi_set_timer(deadline);
	test_checkf(WAIT_FOR((wfi(), stip())), "hart %lu: WFI with SIE = 0 ends on the timer", me);
	test_checkf(time_now() >= deadline, "hart %lu: STIP not before the deadline", me);
	test_check_eqf(1, trap_irq_count(IRQ_S_TIMER), "hart %lu: no trap with SIE = 0", me);
	sbi_set_timer(~0ul);
	csr_clear(sie, MIP_STIP);

	r = sbi_ecall(SBI_EXT_TIME, 1, 0, 0, 0, 0, 0, 0);
	test_check_eqf(SBI_ERR_NOT_SUPPORTED, r.error, "hart %lu: TIME fid 1: NOT_SUPPORTED", me);
	test_checkf(!stip(), "hart %lu: TIME fid 1 did not touch the timer", me);
}

static struct smp_barrier bar = SMP_BARRIER_INIT;
static unsigned int nharts;
static volatile bool isolated_ok[GUEST_MAX_HARTS];

/*
 * Isolation: everyone sets "never"; then the boot hart alone sets a past
 * deadline; the others must still see no STIP.
 */
static void isolation(bool boss)
{
	unsigned long me = hart_id();

	sbi_set_timer(~0ul);
	smp_barrier_wait(&bar, nharts);
	if (boss) {
		sbi_set_timer(0);
		WAIT_FOR(stip());
	}
	smp_barrier_wait(&bar, nharts);
	isolated_ok[me] = boss ? stip() : !stip();
	smp_barrier_wait(&bar, nharts);
	sbi_set_timer(~0ul);
}

static void secondary(void *arg)
{
	(void)arg;
	isolation(false);
	timer_checks(hart_id());
}

int main(unsigned long hartid, unsigned long dtb)
{
	(void)dtb;
	trap_set_irq_handler(IRQ_S_TIMER, timer_irq);
	nharts = smp_hart_count();
	CHECK("at least 4 harts", nharts >= 4);

	timer_checks(hartid);

	CHECK_EQ("started every other hart", nharts - 1, smp_start_all(secondary, NULL));
	isolation(true);
	smp_wait_all();
	for (unsigned long h = 0; h < GUEST_MAX_HARTS; h++) {
		if (!(smp_present_mask() & (1ul << h)))
			continue;
		if (h == hartid)
			test_checkf(isolated_ok[h], "hart %lu: own past deadline raised STIP", h);
		else
			test_checkf(isolated_ok[h],
				    "hart %lu: no STIP from another hart's deadline", h);
	}
	return 0;
}
